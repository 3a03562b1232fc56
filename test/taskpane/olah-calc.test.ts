/**
 * Excel's own functions in the simulated host (src/sim/std-calc.ts), as the
 * processing sheet uses them: a formula written by the add-in is calculated,
 * and again after each change; a loaded file's cached results stay as saved.
 */
import { createExcelHost } from '../../src/sim/host';
import { cellKey, sheetFromRows, workbookOf } from '../../src/sim/model';
import { isStandardFormula } from '../../src/sim/std-calc';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

async function calculated(
  formulas: string[],
  rows = [
    [4, 3, ''],
    ['x', 2, 1],
  ],
) {
  const model = workbookOf(sheetFromRows('S', rows), sheetFromRows('Lain', [[10]]));
  // A formula as a file saves it: its cached result is what Excel calculated then.
  model.sheets[0].cells[cellKey(5, 1)] = { value: 99, formula: '=SUM(A1:C2)' };
  const host = createExcelHost(model);
  uninstall = host.install();
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('S');
    ws.getRangeByIndexes(2, 0, formulas.length, 1).formulas = formulas.map((f) => [f]);
    await context.sync();
  });
  const cells = host.model.sheets[0].cells;
  return { host, values: formulas.map((_, i) => cells[cellKey(3 + i, 1)].value), cells };
}

describe('the simulated host calculates the formulas of the processing sheet', () => {
  it('SUM and COUNT take the numbers of a range, text and blanks left out', async () => {
    const { values } = await calculated(['=SUM(A1:C2)', '=COUNT(A1:C2)', '=SUM(A1,B1,5)']);
    expect(values).toEqual([10, 4, 12]);
  });

  it('IF calculates the branch it takes; a division by zero elsewhere is #DIV/0!', async () => {
    const { values } = await calculated([
      '=IF(C1=0,"",A1/C1)',
      '=IF(B1>=3,"ya","tidak")',
      '=A1/C1',
      '=IF(A2="x",1)',
      '=IF(A2="y",1)',
    ]);
    expect(values).toEqual(['', 'ya', '#DIV/0!', 1, false]);
  });

  it('ROUND half away from zero, arithmetic in order, text joined, another sheet referred to', async () => {
    const { values } = await calculated([
      '=ROUND(88.305,2)',
      '=ROUND(-2.5,0)',
      '=1+2*3^2-8/4',
      '="IKM "&A1',
      '=Lain!A1*2',
      "='Lain'!A1+B2",
    ]);
    expect(values).toEqual([88.31, -3, 17, 'IKM 4', 20, 12]);
  });

  it('follows a change: a corrected cell moves the formulas written on it', async () => {
    const { host, cells } = await calculated(['=SUM(A1:B1)', '=A3*25']);
    expect([cells[cellKey(3, 1)].value, cells[cellKey(4, 1)].value]).toEqual([7, 175]);
    host.editCell('S', 'A1', 1);
    expect([cells[cellKey(3, 1)].value, cells[cellKey(4, 1)].value]).toEqual([4, 100]);
  });

  it('leaves the cached result of a formula loaded from a file, and functions it does not know', async () => {
    const { values, cells } = await calculated(['=AVERAGE(A1:B2)', '=SKM.IKM(A1:C1)']);
    expect(values).toEqual(['#NAME?', '#NAME?']);
    expect(cells[cellKey(5, 1)].value).toBe(99);
    expect(isStandardFormula('=IF(B7=0,"",B5/B7)')).toBe(true);
    expect(isStandardFormula('=SKM.IKM(A1:I1)')).toBe(false);
  });
});
