/**
 * Which sheet of a workbook is checked, and what is said about the others (docs/skm-rules.md §6):
 * the named sheet; else a visible sheet over a hidden (archived) one, a table that lists units over
 * one that lists none; and where no sheet can be read, the problem that says the most.
 */
import { analyseWorkbook, type AnalysisResult } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import { BANJAR_COLUMNS, BASE, OTHER, recap, tahunan, unit, type RecordSpec } from './grid';

function sheet(
  name: string,
  state: SheetGrid['state'] = undefined,
  record: RecordSpec = BASE,
): SheetGrid {
  const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(record))], { sheet: name });
  return state ? { ...grid, state } : grid;
}
/** A recap header with no unit under it (a template not filled in yet). */
const headersOnly = (name: string): SheetGrid => recap([], { sheet: name }).grid;
const notes = (name: string): SheetGrid => ({
  name,
  values: [['Catatan'], ['Data diambil dari aplikasi SKM.']],
});
const empty = (name: string): SheetGrid => ({ name, values: [] });
/** The recap header without the U9 Sarpras column: a defect worth saying. */
const withoutU9 = (name: string): SheetGrid =>
  recap([unit(1, 'DINAS SOSIAL', tahunan())], {
    sheet: name,
    columns: BANJAR_COLUMNS.filter((c) => c !== 'U9'),
  }).grid;
/** The recap header without NO and unit columns. */
const withoutUnitColumn = (name: string): SheetGrid =>
  recap([unit(1, 'DINAS SOSIAL', tahunan())], {
    sheet: name,
    columns: BANJAR_COLUMNS.filter((c) => c !== 'no' && c !== 'unit'),
  }).grid;

function ok(result: AnalysisResult) {
  if (!result.ok) throw new Error(`not read: ${result.problem.message.en}`);
  return result;
}
function problem(result: AnalysisResult) {
  if (result.ok) throw new Error(`read sheet ${result.table.sheet}, a problem was expected`);
  return result.problem;
}

describe('a sheet named by the user (--sheet, the pane’s choice)', () => {
  const book = [sheet('Rekap 2024'), sheet('Rekap 2025', undefined, OTHER), notes('Catatan')];

  it('is the sheet checked, even where another recap comes first', () => {
    const r = ok(analyseWorkbook(book, 'Rekap 2025'));
    expect(r.table.sheet).toBe('Rekap 2025');
    expect(r.table.records[0].ikm?.raw).toBe(OTHER.ikm);
    expect(r.sheetChoice).toEqual({ reason: 'named', state: 'visible', others: [] });
  });

  it('is found whatever the case of its name, the exact name first', () => {
    expect(ok(analyseWorkbook(book, 'rekap 2025')).table.sheet).toBe('Rekap 2025');
    const twoCases = [sheet('REKAP'), sheet('Rekap', undefined, OTHER)];
    expect(ok(analyseWorkbook(twoCases, 'Rekap')).table.sheet).toBe('Rekap');
    expect(ok(analyseWorkbook(twoCases, 'rekap')).table.sheet).toBe('REKAP');
  });

  it('is said to be missing, with the sheets there are, where no sheet has that name', () => {
    const p = problem(analyseWorkbook(book, 'Rekap 2026'));
    expect(p.code).toBe('no-table');
    expect(p.sheet).toBe('Rekap 2026');
    expect(p.message.en).toBe(
      'There is no sheet "Rekap 2026" in the workbook. Sheets: "Rekap 2024", "Rekap 2025", "Catatan".',
    );
    expect(p.message.id).toContain('Lembar "Rekap 2026" tidak ada di buku kerja');
  });

  it('is not swapped for another sheet when it holds no recap: its own problem is said', () => {
    const p = problem(analyseWorkbook(book, 'Catatan'));
    expect(p.code).toBe('no-table');
    expect(p.sheet).toBe('Catatan');
  });

  it('keeps its state: a hidden sheet named is checked and said to be hidden', () => {
    const r = ok(analyseWorkbook([sheet('Rekap'), sheet('Arsip', 'veryHidden')], 'Arsip'));
    expect(r.sheetChoice).toEqual({ reason: 'named', state: 'veryHidden', others: [] });
  });
});

describe('the sheet chosen when none is named', () => {
  it('is the only recap, the other sheets (notes, empty) not listed', () => {
    const r = ok(analyseWorkbook([notes('Catatan'), empty('Sheet2'), sheet('Rekap')]));
    expect(r.table.sheet).toBe('Rekap');
    expect(r.sheetChoice).toEqual({ reason: 'only', state: 'visible', others: [] });
  });

  it('is the first of several visible recaps, the others listed', () => {
    const r = ok(analyseWorkbook([sheet('Rekap 2025'), notes('Catatan'), sheet('Rekap 2024')]));
    expect(r.table.sheet).toBe('Rekap 2025');
    expect(r.sheetChoice).toEqual({
      reason: 'first',
      state: 'visible',
      others: [{ name: 'Rekap 2024', state: 'visible' }],
    });
  });

  it('is a visible recap over a hidden (archived) one that comes before it', () => {
    const r = ok(analyseWorkbook([sheet('Arsip 2024', 'hidden', OTHER), sheet('Rekap 2025')]));
    expect(r.table.sheet).toBe('Rekap 2025');
    expect(r.table.records[0].ikm?.raw).toBe(BASE.ikm);
    expect(r.sheetChoice).toEqual({
      reason: 'visible-over-hidden',
      state: 'visible',
      others: [{ name: 'Arsip 2024', state: 'hidden' }],
    });
  });

  it('is the first visible recap, a hidden one after it merely listed', () => {
    const r = ok(analyseWorkbook([sheet('Rekap 2025'), sheet('Arsip', 'veryHidden')]));
    expect(r.sheetChoice).toEqual({
      reason: 'first',
      state: 'visible',
      others: [{ name: 'Arsip', state: 'veryHidden' }],
    });
  });

  it('is a hidden recap where no visible sheet holds one, and it is said to be hidden', () => {
    const r = ok(analyseWorkbook([notes('Catatan'), sheet('Arsip', 'hidden')]));
    expect(r.table.sheet).toBe('Arsip');
    expect(r.sheetChoice).toEqual({ reason: 'hidden-only', state: 'hidden', others: [] });
    const veryHidden = ok(analyseWorkbook([sheet('Arsip', 'veryHidden'), notes('Catatan')]));
    expect(veryHidden.table.sheet).toBe('Arsip');
    expect(veryHidden.sheetChoice?.state).toBe('veryHidden');
  });

  it('is a table that lists units over an earlier one with headers only', () => {
    const r = ok(analyseWorkbook([headersOnly('Template'), sheet('Rekap')]));
    expect(r.table.sheet).toBe('Rekap');
    expect(r.table.units).toHaveLength(1);
    expect(r.sheetChoice).toEqual({
      reason: 'first',
      state: 'visible',
      others: [{ name: 'Template', state: 'visible' }],
    });
  });

  it('is a hidden table that lists units over a visible one with headers only', () => {
    const r = ok(analyseWorkbook([headersOnly('Template'), sheet('Arsip', 'hidden')]));
    expect(r.table.sheet).toBe('Arsip');
    expect(r.sheetChoice?.reason).toBe('hidden-only');
  });

  it('is the first table with headers only where no table lists units (the shells say so)', () => {
    const r = ok(analyseWorkbook([notes('Catatan'), headersOnly('Template A'), headersOnly('B')]));
    expect(r.table.sheet).toBe('Template A');
    expect(r.table.units).toEqual([]);
    expect(r.sheetChoice).toEqual({
      reason: 'first',
      state: 'visible',
      others: [{ name: 'B', state: 'visible' }],
    });
  });

  it('is the recap, not a respondents’ sheet before it (NO and the nine unsur, nothing else)', () => {
    const olah: SheetGrid = {
      name: 'Olah Data',
      values: [
        ['No', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
        [1, 4, 3, 3, 4, 3, 4, 4, 3, 3],
        [2, 3, 3, 4, 4, 3, 3, 4, 3, 4],
      ],
    };
    const r = ok(analyseWorkbook([olah, sheet('Rekap')]));
    expect(r.table.sheet).toBe('Rekap');
    expect(r.sheetChoice).toEqual({ reason: 'only', state: 'visible', others: [] });
    expect(problem(analyseWorkbook([olah])).code).toBe('no-table');
  });

  it('is a visible recap even where a defective recap sheet comes first', () => {
    const r = ok(analyseWorkbook([withoutU9('Rusak'), sheet('Rekap')]));
    expect(r.table.sheet).toBe('Rekap');
  });
});

describe('a workbook where no sheet can be read', () => {
  it('says the defect of a recap sheet rather than "no table"', () => {
    const p = problem(analyseWorkbook([notes('Catatan'), withoutU9('Rekap'), empty('Sheet3')]));
    expect(p.code).toBe('unsur-columns-missing');
    expect(p.sheet).toBe('Rekap');
    expect(p.message.en).toMatch(/^Sheet "Rekap", header rows 1-2: no column for unsur U9 /);
  });

  it('says the defect of a recap sheet even where an empty sheet comes first', () => {
    const p = problem(analyseWorkbook([empty('Sheet1'), withoutUnitColumn('Rekap')]));
    expect(p.code).toBe('no-unit-column');
    expect(p.sheet).toBe('Rekap');
  });

  it('says the first defect where several recap sheets have one', () => {
    const a = problem(analyseWorkbook([withoutU9('A'), withoutUnitColumn('B')]));
    expect([a.code, a.sheet]).toEqual(['unsur-columns-missing', 'A']);
    const b = problem(analyseWorkbook([withoutUnitColumn('B'), withoutU9('A')]));
    expect([b.code, b.sheet]).toEqual(['no-unit-column', 'B']);
  });

  it('says that the one sheet of a workbook is empty, by its name', () => {
    const p = problem(analyseWorkbook([empty('Sheet1')]));
    expect(p.code).toBe('empty-sheet');
    expect(p.sheet).toBe('Sheet1');
    expect(p.message.en).toBe('Sheet "Sheet1" is empty.');
  });

  it('lists every sheet looked at where none holds a recap', () => {
    for (const book of [
      [empty('Sheet1'), empty('Sheet2')],
      [notes('Catatan'), empty('Sheet2')],
      [empty('Sheet1'), notes('Catatan')],
      [notes('Catatan')],
    ]) {
      const p = problem(analyseWorkbook(book));
      expect(p.code).toBe('no-table');
      expect(p.sheet).toBe(book[0].name);
      expect(p.message.en).toBe(
        `No sheet holds an SKM recap table (sheets looked at: ${book.map((s) => `"${s.name}"`).join(', ')}).`,
      );
    }
  });

  it('says "none" for a workbook without sheets', () => {
    const p = problem(analyseWorkbook([]));
    expect(p.code).toBe('no-table');
    expect(p.sheet).toBe('');
    expect(p.message.en).toContain('sheets looked at: none');
    expect(p.message.id).toContain('tidak ada');
  });
});
