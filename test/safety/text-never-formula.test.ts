/**
 * Text that starts with = + - @ is written as text, never as a formula: unit
 * names like "=1+1" or "@SUM(A1)" end up in notes, the average line's
 * sentences and the summary sheet, in the checker's copy and in the add-in.
 */
import ExcelJS from 'exceljs';
import { NOTES_HEADER } from '../../src/engine/plan';
import { SUMMARY_SHEET } from '../../src/engine/summary-sheet';
import { createExcelHost } from '../../src/sim/host';
import { markFindings, validate, writeDistrictLine, writeSummary } from '../../src/taskpane/excel';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { run, tempDir, writeWorkbook } from '../cli/helpers';
import { workbookModelOf } from '../sim/grid-model';

/** Names Excel would read as formulas if typed. Units 1 and 4 have errors, so their names reach the summary's list of units with errors. */
const NAMES = ['=1+1', '@SUM(A1)', '+62 LAYANAN', '-DINAS'];

const dangerous = () =>
  recap([
    unit(1, NAMES[0], tahunan({ ...BASE, ikm: 80 })),
    unit(2, NAMES[1], tahunan(OTHER)),
    unit(
      3,
      NAMES[2],
      tahunan({
        ...OTHER,
        nrr: [3.4, 3.48, 3.24, 3.6, 3.4, 3.44, 3.52, 3.36, 3.48],
        conv: [85, 87, 81, 90, 85, 86, 88, 84, 87],
        ikm: 85.89,
      }),
    ),
    unit(4, NAMES[3], tahunan({ ...BASE, category: 'A (Sangat Baik)' })),
  ]).grid;

describe("the checker's copy (--out --summary)", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = tmp.file('rekap.xlsx');
    await writeWorkbook(input, [dangerous()]);
    const out = tmp.file('rekap-diperiksa.xlsx');
    const r = await run('check', input, '--out', out, '--summary');
    expect(r.code).toBe(1);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  it('holds no formula at all, in the recap sheet or in the summary sheet', () => {
    const formulas: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell(
          (cell) =>
            cell.type === ExcelJS.ValueType.Formula && formulas.push(`${ws.name}!${cell.address}`),
        ),
      );
    expect(formulas).toEqual([]);
  });

  it('keeps the unit names as the text they were', () => {
    const ws = wb.getWorksheet('Rekap SKM OPP 2025')!;
    expect(['B3', 'B5', 'B7', 'B9'].map((a) => ws.getCell(a).value)).toEqual(NAMES);
  });

  it('writes the notes as strings', () => {
    const ws = wb.getWorksheet('Rekap SKM OPP 2025')!;
    expect(ws.getCell('U1').value).toBe(NOTES_HEADER);
    const notes = [3, 5, 7, 9].map((r) => ws.getCell(r, 21));
    expect(notes.filter((c) => c.value !== null).length).toBeGreaterThan(0);
    for (const c of notes) if (c.value !== null) expect(c.type).toBe(ExcelJS.ValueType.String);
  });

  it('writes the names into the summary sheet as strings', () => {
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell(
        (cell) => cell.type === ExcelJS.ValueType.String && texts.push(cell.value as string),
      ),
    );
    for (const name of NAMES) expect(texts).toContain(name);
  });
});

describe('the add-in on the simulated host', () => {
  it('writes notes, the average line, the sentences and the summary as text: no formula appears, the names read back as written', async () => {
    const host = createExcelHost(workbookModelOf(dangerous()));
    const uninstall = host.install();
    try {
      const session = await validate('id');
      if (!session.ok) throw new Error(session.message.en);
      expect((await markFindings(session.value)).ok).toBe(true);
      expect((await writeDistrictLine(session.value)).ok).toBe(true);
      expect((await writeSummary(session.value)).ok).toBe(true);
      const formulas = host.model.sheets.flatMap((s) =>
        Object.entries(s.cells)
          .filter(([, c]) => c.formula !== undefined)
          .map(([k]) => `${s.name}!${k}`),
      );
      expect(formulas).toEqual([]);
      const summary = host.model.sheets.find((s) => s.name === SUMMARY_SHEET)!;
      const values = Object.values(summary.cells).map((c) => c.value);
      for (const name of NAMES) expect(values).toContain(name);
      expect(values).not.toContain('#NAME?');
      // The notes and sentences were written: the check is not vacuous.
      const recapValues = Object.values(host.model.sheets[0].cells).map((c) => String(c.value));
      expect(recapValues).toContain(NOTES_HEADER);
      expect(recapValues.some((v) => v.startsWith('Unsur terendah pada tingkat kabupaten'))).toBe(
        true,
      );
    } finally {
      uninstall();
    }
  });
});
