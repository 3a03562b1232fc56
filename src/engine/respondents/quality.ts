/**
 * The quality of the answers, reported and never silently dropped: answers
 * outside 1-4 or unreadable (errors: not counted), blanks (the unsur's NRR
 * uses those who answered), straight-lined rows, exact duplicates and
 * same-day repeats (counted, flagged), rows marked as tests (not counted),
 * stored totals that disagree with the answers.
 */
import { a1 } from '../address';
import type { Text } from '../messages';
import { decimalsOf, halfUnit, isBlank, parseNumber, type CellValue } from '../numbers';
import { normalise } from '../unsur';
import type { Scores } from './compute';
import { readDate } from './dates';
import { qualityText } from './messages';
import type { RespondentRow, RespondentTable } from './table';

export type QualityKind =
  | 'out-of-range'
  | 'unreadable'
  | 'unanswered'
  | 'blank'
  | 'no-answers'
  | 'other-table'
  | 'test-row'
  | 'straight-lined'
  | 'duplicate'
  | 'repeated'
  | 'row-total'
  | 'stored-summary'
  | 'undated'
  | 'sample-size'
  | 'regulation';

export type Severity = 'error' | 'warning' | 'info';

export interface QualityIssue {
  kind: QualityKind;
  severity: Severity;
  /** How many cells or rows. */
  count: number;
  /** Sheet rows concerned. */
  rows: number[];
  /** A1 addresses concerned, where the issue is a cell's. */
  cells: string[];
  message: Text;
}

const FREE_TEXT = /\b(saran|komentar|masukan|keterangan|catatan|kritik|pesan|harapan|alasan)\b/;

const TEST_MARK =
  /^(test|tes|testing|tester|uji|uji coba|ujicoba|percobaan|coba|coba coba|dummy|contoh|sample|sampel|data uji|data contoh|contoh pengisian)( \d+)?$/;

/**
 * Whether a row is marked by staff as a test or sample in one of its other cells (the date's
 * included: "contoh" typed for a date is a sample row's mark). An answer cell reading "Tes" is an
 * unreadable answer, not a mark.
 */
export function isTestRow(table: RespondentTable, row: RespondentRow): boolean {
  const skip = new Set(table.items.map((i) => i.col));
  return row.cells.some(
    (v, i) => !skip.has(table.left + i) && typeof v === 'string' && TEST_MARK.test(normalise(v)),
  );
}

function issue(
  kind: QualityKind,
  severity: Severity,
  rows: number[],
  cells: string[],
  message: Text,
): QualityIssue {
  return { kind, severity, count: cells.length || rows.length, rows, cells, message };
}

/** The cell with what it held: "E5 (5)". */
function shown(row: number, col: number, v: CellValue): string {
  return `${a1(row, col)} (${String(v).trim()})`;
}

export function answerQuality(
  table: RespondentTable,
  rows: readonly RespondentRow[],
  testRows: readonly RespondentRow[],
  scores: Scores,
): QualityIssue[] {
  const sheet = table.sheet;
  const out: QualityIssue[] = [];
  const outOfRange: { row: number; cell: string }[] = [];
  const unreadable: { row: number; cell: string }[] = [];
  const blank: { row: number; cell: string }[] = [];
  for (const row of rows) {
    row.answers.forEach((a, i) => {
      const col = table.items[i].col;
      const raw = row.cells[col - table.left];
      if (a.kind === 'out-of-range')
        outOfRange.push({ row: row.row, cell: shown(row.row, col, raw) });
      else if (a.kind === 'unreadable')
        unreadable.push({ row: row.row, cell: shown(row.row, col, raw) });
      else if (a.kind === 'blank') blank.push({ row: row.row, cell: a1(row.row, col) });
    });
  }
  const rowsOf = (xs: { row: number }[]) => [...new Set(xs.map((x) => x.row))];
  const cellsOf = (xs: { cell: string }[]) => xs.map((x) => x.cell);
  if (outOfRange.length)
    out.push(
      issue(
        'out-of-range',
        'error',
        rowsOf(outOfRange),
        cellsOf(outOfRange),
        qualityText.outOfRange(sheet, cellsOf(outOfRange)),
      ),
    );
  if (unreadable.length)
    out.push(
      issue(
        'unreadable',
        'error',
        rowsOf(unreadable),
        cellsOf(unreadable),
        qualityText.unreadable(sheet, cellsOf(unreadable)),
      ),
    );
  const unanswered = scores.items.filter((s) => s.answered === 0).map((s) => s.code);
  if (unanswered.length && rows.length)
    out.push(issue('unanswered', 'error', [], [], qualityText.unanswered(sheet, unanswered)));
  if (blank.length)
    out.push(
      issue(
        'blank',
        'warning',
        rowsOf(blank),
        cellsOf(blank),
        qualityText.blank(sheet, cellsOf(blank)),
      ),
    );
  if (table.emptyAnswerRows.length)
    out.push(
      issue(
        'no-answers',
        'warning',
        table.emptyAnswerRows,
        [],
        qualityText.noAnswers(sheet, table.emptyAnswerRows),
      ),
    );
  if (table.otherTableRow !== null)
    out.push(
      issue(
        'other-table',
        'warning',
        [table.otherTableRow],
        [],
        qualityText.otherTable(sheet, table.otherTableRow),
      ),
    );
  if (testRows.length) {
    const r = testRows.map((t) => t.row);
    out.push(issue('test-row', 'warning', r, [], qualityText.testRows(sheet, r)));
  }

  // Straight-lining: every item answered, all the same answer.
  const straight = rows
    .filter((row) => {
      const first = row.answers[0];
      return (
        first.kind === 'value' &&
        row.answers.every((a) => a.kind === 'value' && a.value === first.value)
      );
    })
    .map((row) => row.row);
  if (straight.length)
    out.push(
      issue(
        'straight-lined',
        'info',
        straight,
        [],
        qualityText.straightLined(sheet, straight, rows.length),
      ),
    );

  out.push(...duplicates(table, rows));
  out.push(...storedTotals(table, rows, scores));
  return out;
}

/**
 * Exact duplicates: every cell but the row's number or id equal to an earlier
 * row's. Same-day repeats: the same answers, profile and service on the same
 * date, at another time (the near-duplicate submissions of web apps).
 */
function duplicates(table: RespondentTable, rows: readonly RespondentRow[]): QualityIssue[] {
  const sheet = table.sheet;
  const keyCols = table.columns.map((c) => c.col).filter((c) => c !== table.numbering);
  const exact = new Map<string, number>();
  const exactPairs: string[] = [];
  const exactRows: number[] = [];
  const sameDay = new Map<string, number>();
  const repeatPairs: string[] = [];
  const repeatRows: number[] = [];
  // Same person, same answers, same services: every column but the number, the time and free text.
  const itemCols = new Set(table.items.map((i) => i.col));
  const sameCols = table.columns
    .filter(
      (c) =>
        c.col !== table.numbering &&
        c.col !== table.date &&
        !itemCols.has(c.col) &&
        !FREE_TEXT.test(normalise(c.header)),
    )
    .map((c) => c.col);
  for (const row of rows) {
    const cell = (c: number) => {
      const v = row.cells[c - table.left];
      return isBlank(v) ? '' : String(v).trim();
    };
    const key = JSON.stringify(keyCols.map(cell));
    const earlier = exact.get(key);
    if (earlier !== undefined) {
      exactPairs.push(`${row.row} = ${earlier}`);
      exactRows.push(row.row);
      continue;
    }
    exact.set(key, row.row);
    if (table.date === null) continue;
    const d = readDate(row.cells[table.date - table.left], table.dateOrder);
    if (!d) continue;
    const answers = row.answers.map((a) => (a.kind === 'value' ? a.value : a.kind));
    const dayKey = JSON.stringify([d, answers, sameCols.map(cell)]);
    const first = sameDay.get(dayKey);
    if (first !== undefined) {
      repeatPairs.push(`${row.row} ~ ${first}`);
      repeatRows.push(row.row);
    } else sameDay.set(dayKey, row.row);
  }
  const out: QualityIssue[] = [];
  if (exactPairs.length)
    out.push(
      issue('duplicate', 'warning', exactRows, [], qualityText.duplicates(sheet, exactPairs)),
    );
  if (repeatPairs.length)
    out.push(issue('repeated', 'info', repeatRows, [], qualityText.repeated(sheet, repeatPairs)));
  return out;
}

/** A stored number agrees with a computed one within half a unit of the decimals it was typed with. */
function agrees(stored: CellValue, computed: number): boolean | null {
  const p = parseNumber(stored);
  if (p.kind !== 'number') return null;
  const tolerance = Math.max(halfUnit(p.decimals), 1e-9);
  return Math.abs(p.value - computed) <= tolerance + 1e-12;
}

function storedTotals(
  table: RespondentTable,
  rows: readonly RespondentRow[],
  scores: Scores,
): QualityIssue[] {
  const sheet = table.sheet;
  const out: QualityIssue[] = [];
  if (table.rowTotal !== null) {
    const bad: string[] = [];
    const badRows: number[] = [];
    for (const row of rows) {
      if (!row.answers.every((a) => a.kind === 'value')) continue;
      const sum = row.answers.reduce((s, a) => s + (a.kind === 'value' ? a.value : 0), 0);
      const stored = row.cells[table.rowTotal - table.left];
      if (agrees(stored, sum) === false) {
        bad.push(`${shown(row.row, table.rowTotal, stored)} ≠ ${sum}`);
        badRows.push(row.row);
      }
    }
    if (bad.length)
      out.push(issue('row-total', 'warning', badRows, bad, qualityText.rowTotal(sheet, bad)));
  }
  const bad: string[] = [];
  const badRows: number[] = [];
  for (const s of table.summaryRows) {
    const label = normalise(s.label);
    const kind = /tertimbang|bobot/.test(label)
      ? 'weighted'
      : /nrr|rata|mean/.test(label)
        ? 'nrr'
        : (/^(jumlah|total|nilai)\b/.test(label) || /σ/i.test(s.label)) && !/ikm/.test(label)
          ? 'sum'
          : null;
    if (!kind) continue;
    s.values.forEach((v, i) => {
      const item = scores.items[i];
      const computed = kind === 'sum' ? item.sum : kind === 'nrr' ? item.nrr : item.weighted;
      if (computed === null || isBlank(v)) return;
      if (agrees(v, computed) === false) {
        const digits = Math.min(Math.max(decimalsOf(Number(computed)), 0), 4);
        bad.push(`${shown(s.row, table.items[i].col, v)} ≠ ${Number(computed.toFixed(digits))}`);
        badRows.push(s.row);
      }
    });
  }
  if (bad.length)
    out.push(
      issue(
        'stored-summary',
        'warning',
        [...new Set(badRows)],
        bad,
        qualityText.storedSummary(sheet, bad),
      ),
    );
  return out;
}
