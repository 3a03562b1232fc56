/**
 * A sheet of questionnaire answers with known contents, for the tests of
 * "Olah Data Responden" in the adapter and in the preview: numbers 1-4 and
 * letters a-d, one blank, one answer out of range (5), profile columns.
 */
import type { SheetGrid } from '../../src/engine/model';
import { processSheet, type Processed } from '../../src/engine/respondents/process';
import { processingSheetPlan } from '../../src/engine/respondents/sheet-plan';
import {
  cellKey,
  parseCellKey,
  type CellScalar,
  type SheetModel,
  type WorkbookModel,
} from '../../src/sim/model';

export const ANSWERS_SHEET = 'Jawaban DINAS B';

const CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const LETTER = ['a', 'b', 'c', 'd'];
/** Answers as a unit mostly satisfied gives them: some 2, mostly 3 and 4. */
const SPREAD = [3, 4, 2, 3, 4, 3, 4];

/** Rows from A1: a title, a blank line, the header, `n` respondents. */
export function answersRows(n = 24): (CellScalar | null)[][] {
  const rows: (CellScalar | null)[][] = [
    ['DATA JAWABAN RESPONDEN SKM DINAS B'],
    [],
    ['No', 'Jenis Kelamin', 'Usia', 'Pendidikan', ...CODES],
  ];
  for (let r = 0; r < n; r++) {
    const answers: (CellScalar | null)[] = CODES.map(
      // U3 (Waktu Penyelesaian) lowest, as the recap's unit has it among its priorities.
      (_, i) => Math.min(SPREAD[(r * 7 + i * 5 + (r >> 2)) % SPREAD.length], i === 2 ? 3 : 4),
    );
    // Every fourth respondent answered with the form's letters (a = 1 ... d = 4).
    if (r % 4 === 1) answers.forEach((v, i) => (answers[i] = LETTER[(v as number) - 1]));
    rows.push([
      r + 1,
      r % 3 ? 'Laki-laki' : 'Perempuan',
      20 + ((r * 5) % 40),
      r % 2 ? 'SMA' : 'S1',
      ...answers,
    ]);
  }
  // A blank (U3 of respondent 5) and an answer outside 1-4 (U5 of respondent 6).
  rows[3 + 4][4 + 2] = null;
  rows[3 + 5][4 + 4] = 5;
  return rows;
}

export function gridOfSheet(sheet: SheetModel): SheetGrid {
  const keys = Object.keys(sheet.cells).map(parseCellKey);
  const rows = keys.reduce((m, k) => Math.max(m, k.row), 0);
  const cols = keys.reduce((m, k) => Math.max(m, k.col), 0);
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => sheet.cells[cellKey(r + 1, c + 1)]?.value ?? null),
  );
  return { name: sheet.name, values, merges: sheet.merges };
}

export function engine(model: WorkbookModel): Processed {
  const r = processSheet('x', gridOfSheet(model.sheets.find((s) => s.name === ANSWERS_SHEET)!));
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

export const value = (sheet: SheetModel, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.cells[cellKey(Number(m[2]), col)]?.value;
};

export function expectCalculatedAsEngine(sheet: SheetModel, p: Processed): void {
  const plan = processingSheetPlan(p, 'id', sheet.name);
  p.scores.items.forEach((s, i) => {
    const at = (row: number) => sheet.cells[cellKey(row, i + 2)]?.value;
    expect(at(plan.at.sumRow)).toBe(s.sum);
    expect(at(plan.at.answeredRow)).toBe(s.answered);
    expect(at(plan.at.nrrRow) as number).toBeCloseTo(s.nrr!, 12);
    expect(at(plan.at.weightedRow) as number).toBeCloseTo(s.weighted!, 12);
  });
  expect(value(sheet, plan.at.ikm) as number).toBeCloseTo(p.scores.ikm!, 10);
  expect(value(sheet, plan.at.category)).toBe(p.scores.category!.label);
}
