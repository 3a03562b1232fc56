/**
 * Custom functions in the simulated host: "Kolom Rumus" on the Banjar recap
 * calculates as Excel would, and agrees with the checker.
 */
import path from 'path';
import { createExcelHost } from '../../src/sim/host';
import { loadXlsxFile } from '../../src/sim/load-xlsx';
import { cellValue, findSheet, sheetFromRows, workbookOf } from '../../src/sim/model';
import { splitArguments } from '../../src/sim/calc';
import { SKM_FUNCTIONS } from '../../src/preview/functions';
import { readFileSync } from 'fs';

const BANJAR = path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx');

/** What the functions give, without waiting: Excel's asynchronous calculation is tested in excel-behaviours.test.ts. */
const SYNC = { customFunctions: SKM_FUNCTIONS, behaviours: { asyncCustomFunctions: false } };

describe('formulas calling the SKM functions', () => {
  it('splits arguments at the commas outside quotes and parentheses', () => {
    expect(splitArguments('E6:M7, N6, "a, b", F(1,2)')).toEqual([
      'E6:M7',
      'N6',
      '"a, b"',
      'F(1,2)',
    ]);
  });

  it('are calculated after a write: ranges as 2-D arrays, single cells as values', async () => {
    const model = workbookOf(
      sheetFromRows('S', [[3.68, 3.79, 3.7, 3.94, 3.78, 3.76, 3.81, 3.78, 3.86, 84.58]]),
    );
    const host = createExcelHost(model, SYNC);
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('K1:M1').formulas = [
        ['=SKM.IKM(A1:I1)', '=SKM.KATEGORI(K1)', '=SKM.PERIKSA(A1:I1, J1)'],
      ];
      await ctx.sync();
    });
    const s = findSheet(model, 'S')!;
    expect(cellValue(s, 1, 11)).toBeCloseTo((34.1 / 9) * 25, 9);
    expect(cellValue(s, 1, 12)).toBe('A (Sangat Baik)');
    expect(String(cellValue(s, 1, 13))).toContain('IKM tertulis 84,58');
  });

  it('give the error code a function throws, and #NAME? without the functions', async () => {
    const model = workbookOf(sheetFromRows('S', [['teks']]));
    const host = createExcelHost(model, SYNC);
    host.editCell('S', 'B1', '=SKM.KATEGORI(A1)');
    expect(cellValue(findSheet(model, 'S')!, 1, 2)).toBe('#VALUE!');
    const plain = workbookOf(sheetFromRows('S', [[1]]));
    createExcelHost(plain).editCell('S', 'B1', '=SKM.SAMPEL(A1)');
    expect(cellValue(findSheet(plain, 'S')!, 1, 2)).toBe('#NAME?');
  });

  it('make "Kolom Rumus" on the Banjar recap flag the IKM the checker flags (unit 10, N32)', async () => {
    const model = await loadXlsxFile(BANJAR);
    const host = createExcelHost(model, SYNC);
    const restore = host.install(globalThis as unknown as Record<string, unknown>);
    try {
      const excel =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../../src/taskpane/excel') as typeof import('../../src/taskpane/excel');
      const v = await excel.validate('id');
      if (!v.ok) throw new Error(v.message.id);
      const r = await excel.addFormulaColumns(v.value);
      if (!r.ok) throw new Error(r.message.id);
      const s = findSheet(model, 'Rekap SKM OPP 2025')!;
      const col = excel.planFormulaColumns(v.value);
      if (!col.ok) throw new Error('no plan');
      const first = col.value.firstCol;
      expect(cellValue(s, 32, first)).toBeCloseTo(94.7222, 3);
      expect(String(cellValue(s, 32, first + 2))).toContain('IKM tertulis 84,58');
      // Unit 3 (row 10) agrees with itself.
      expect(cellValue(s, 10, first + 2)).toBe('OK');
    } finally {
      restore();
    }
  });
});

it('registers every function the add-in declares', () => {
  const declared = Array.from(
    readFileSync(path.join(__dirname, '../../src/functions/functions.ts'), 'utf8').matchAll(
      /@customfunction (\w+)/g,
    ),
    (m) => `SKM.${m[1]}`,
  );
  expect(Object.keys(SKM_FUNCTIONS).sort()).toEqual(declared.sort());
});
