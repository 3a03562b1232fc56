/**
 * The writes that follow from an analysis, as data: the marks on offending
 * cells, the "Catatan Validasi" column, the RATA-RATA KABUPATEN line and the
 * two finding sentences. Shells (exceljs, Office.js) carry them out; being
 * data, they can be shown first, compared with the sheet, repeated and undone.
 */
import type { Analysis } from './analyse';
import type { SheetGrid } from './model';
import { isBlank, roundHalfAway } from './numbers';
import { cellAt, gridWidth } from './grid';
import { normalise, UNSUR_CODES } from './unsur';
import { say, type Lang } from './messages';
import { findingMessage } from './report';
import type { Severity } from './checks';
import type { Area } from './address';
import { mergeAreas } from './merges';

export interface CellWrite {
  row: number;
  col: number;
  value: string | number;
  /** Number format for a cell the plan creates ("0.00", "0%"); never a locale form like "0,00". */
  format?: string;
}

export interface Mark {
  row: number;
  col: number;
  severity: Exclude<Severity, 'info'>;
}

/**
 * Why a planned value is not written: the cell lies in a merged area (writing would land on the
 * area's top-left cell), or holds something staff wrote in our notes column, or no column after
 * the table is free for the notes, or no rows under it for the sentences.
 */
export type SkipReason = 'merged' | 'not-our-note' | 'no-free-column' | 'no-free-row';

export interface SkippedWrite extends CellWrite {
  reason: SkipReason;
  /** The merged area, for 'merged'. */
  area?: Area;
}

export interface WritePlan {
  sheet: string;
  marks: Mark[];
  notes: { col: number; cells: CellWrite[] };
  average: {
    row: number;
    exists: boolean;
    /** The line goes into a new row inserted at `row` (only where inserting is allowed: the add-in). */
    insert: boolean;
    cells: CellWrite[];
    /**
     * True when the line is not written at all: the row after the table is taken and inserting is
     * not allowed (the checker's copy, where nothing would move the references to the rows below).
     */
    held?: boolean;
  };
  sentences: CellWrite[];
  /** Values the plan leaves unwritten, and why: to be reported, never forced. */
  skipped: SkippedWrite[];
}

export interface PlanOptions {
  /**
   * Whether a taken row after the table may be pushed down by inserting the district line. Excel
   * moves every reference when the add-in inserts; the checker's copy cannot, so it says false.
   */
  insertRows?: boolean;
}

export const NOTES_HEADER = 'Catatan Validasi';
export const FILL = { error: 'FFF4B6B6', warning: 'FFFFE699' } as const;

const SEVERITY_LABEL: Record<Severity, { id: string; en: string }> = {
  error: { id: 'Galat', en: 'Error' },
  warning: { id: 'Peringatan', en: 'Warning' },
  info: { id: 'Info', en: 'Info' },
};

const SENTENCE_START = [
  /^unsur terendah pada tingkat/,
  /merupakan unsur yang paling banyak/,
  /^the lowest unsur at/,
  /most often named as an improvement priority/,
];

function lastGridRow(grid: SheetGrid): number {
  return (grid.origin?.row ?? 1) + grid.values.length - 1;
}

/** Merged areas that meet a row between two columns. */
function mergesOn(grid: SheetGrid, row: number, fromCol: number, toCol: number): Area[] {
  return mergeAreas(grid.merges).filter(
    (m) => m.top <= row && m.bottom >= row && m.left <= toCol && m.right >= fromCol,
  );
}

/**
 * A row is free when it holds nothing between the two columns and no merged area crosses it up to
 * `mergeTo` (the table's last column: a merge further right, even a whole column, is no obstacle).
 */
function rowFree(
  grid: SheetGrid,
  row: number,
  fromCol: number,
  toCol: number,
  mergeTo: number,
): boolean {
  if (mergesOn(grid, row, fromCol, mergeTo).length > 0) return false;
  return valuesBlank(grid, row, fromCol, toCol);
}

function valuesBlank(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  const values = grid.values[row - (grid.origin?.row ?? 1)];
  if (!values) return true;
  const left = grid.origin?.col ?? 1;
  const last = Math.min(toCol, left + values.length - 1);
  for (let c = Math.max(fromCol, left); c <= last; c++)
    if (!isBlank(values[c - left])) return false;
  return true;
}

/**
 * The first of `count` consecutive free rows from `start` (sheet rows after an insert at
 * `insertedAt`, if any), stepping over a merged area in one go; null when none is left in the sheet.
 */
function freeRows(
  grid: SheetGrid,
  start: number,
  count: number,
  toCol: number,
  mergeTo: number,
  insertedAt: number | null,
): number | null {
  const toGrid = (x: number) => (insertedAt !== null && x > insertedAt ? x - 1 : x);
  const fromGrid = (g: number) => (insertedAt !== null && g >= insertedAt ? g + 1 : g);
  let r = start;
  search: while (r + count - 1 <= MAX_ROW) {
    for (let i = 0; i < count; i++) {
      const g = toGrid(r + i);
      const blocking = mergesOn(grid, g, 1, mergeTo);
      if (blocking.length > 0) {
        const below = Math.max(...blocking.map((m) => m.bottom)) + 1;
        r = Math.max(r + 1, fromGrid(below) - i);
        continue search;
      }
      if (!valuesBlank(grid, g, 1, toCol)) {
        r = r + i + 1;
        continue search;
      }
    }
    return r;
  }
  return null;
}

/**
 * The merged area (of those given) a cell lies in, where writing into it would not be plain: any
 * but a one-row area's top-left.
 */
function blockingMerge(merges: readonly Area[], row: number, col: number): Area | null {
  for (const m of merges) {
    if (row < m.top || row > m.bottom || col < m.left || col > m.right) continue;
    const topLeftOfOneRow = row === m.top && col === m.left && m.top === m.bottom;
    if (!topLeftOfOneRow) return m;
  }
  return null;
}

/** Our own note: what planWrites writes begins with a severity label in brackets. */
const OWN_NOTE = /^\[(Galat|Peringatan|Info|Error|Warning)\] /;

export function isOwnNote(v: unknown): boolean {
  return typeof v === 'string' && OWN_NOTE.test(v);
}

const MAX_COL = 16384;
const MAX_ROW = 1048576;

/**
 * The notes column: an existing "Catatan Validasi" header (our own notes of an earlier run), else
 * the first column after the table with no content at all and no merged area in any row of the
 * table, header included; null when every column up to XFD is taken. Never a column that holds
 * what staff wrote.
 */
export function notesColumn(a: Analysis, grid: SheetGrid): number | null {
  const { table } = a;
  const originRow = grid.origin?.row ?? 1;
  const originCol = grid.origin?.col ?? 1;
  const right = originCol + gridWidth(grid.values) - 1;
  for (let c = 1; c <= right; c++) {
    for (const r of table.headerRows) {
      const v = cellAt(grid, r, c);
      if (typeof v === 'string' && normalise(v) === normalise(NOTES_HEADER)) return c;
    }
  }
  const top = Math.min(...table.headerRows, table.firstRow);
  const bottom = Math.max(table.lastRow, table.average?.row ?? 0);
  const occupied = new Set<number>();
  for (let r = top; r <= bottom; r++) {
    const values = grid.values[r - originRow];
    if (!values) continue;
    for (let j = Math.max(0, table.lastCol + 1 - originCol); j < values.length; j++)
      if (!isBlank(values[j])) occupied.add(j + originCol);
  }
  const spans = mergeAreas(grid.merges)
    .filter((m) => m.top <= bottom && m.bottom >= top && m.right > table.lastCol)
    .sort((x, y) => x.left - y.left);
  let c = table.lastCol + 1;
  let i = 0;
  for (;;) {
    let moved = false;
    for (; i < spans.length && spans[i].left <= c; i++) {
      if (spans[i].right >= c) {
        c = spans[i].right + 1;
        moved = true;
      }
    }
    if (occupied.has(c)) {
      c++;
      moved = true;
    }
    if (!moved) break;
  }
  return c <= MAX_COL ? c : null;
}

export function planWrites(
  a: Analysis,
  grid: SheetGrid,
  lang: Lang = 'id',
  options: PlanOptions = {},
): WritePlan {
  const { table, findings, district } = a;
  const R = table.columns.roles;
  const insertRows = options.insertRows ?? true;
  const skipped: SkippedWrite[] = [];

  // Marks: one per cell, an error outranking a warning.
  const marksByCell = new Map<string, Mark>();
  for (const f of findings) {
    if (!f.at || f.severity === 'info') continue;
    const key = `${f.at.row},${f.at.col}`;
    const prev = marksByCell.get(key);
    if (!prev || (prev.severity === 'warning' && f.severity === 'error')) {
      marksByCell.set(key, { row: f.at.row, col: f.at.col, severity: f.severity });
    }
  }

  // Notes: each record's (and unit's) messages on its first row; our own stale notes cleared,
  // anything else in the column left as staff wrote it.
  const found = notesColumn(a, grid);
  const col = found ?? table.lastCol + 1;
  const byRow = new Map<number, string[]>();
  for (const f of findings) {
    const lines = byRow.get(f.row) ?? [];
    lines.push(
      `[${say(SEVERITY_LABEL[f.severity], lang)}] ${f.cell ? f.cell + ': ' : ''}${findingMessage(f, lang)}`,
    );
    byRow.set(f.row, lines);
  }
  const noteCells: CellWrite[] = [];
  const headerRow = table.headerRows[0];
  const avgRow = table.average?.row ?? null;
  const lastNoteRow = Math.max(table.lastRow, avgRow ?? 0);
  const noteMerges =
    found === null
      ? []
      : mergeAreas(grid.merges).filter(
          (m) => m.left <= col && m.right >= col && m.top <= lastNoteRow,
        );
  const placeNote = (w: CellWrite) => {
    if (found === null) {
      if (w.value !== '') skipped.push({ ...w, reason: 'no-free-column' });
      return;
    }
    // A note cell merged down over its record's lines (within the column) takes the note at its top.
    const area = noteMerges.find(
      (m) =>
        w.row >= m.top &&
        w.row <= m.bottom &&
        !(w.row === m.top && m.left === col && m.right === col),
    );
    if (area) {
      if (w.value !== '') skipped.push({ ...w, reason: 'merged', area });
      return;
    }
    noteCells.push(w);
  };
  const header = cellAt(grid, headerRow, col);
  if (isBlank(header) || normalise(String(header)) === normalise(NOTES_HEADER))
    placeNote({ row: headerRow, col, value: NOTES_HEADER });
  for (let row = table.firstRow; row <= lastNoteRow; row++) {
    const text = byRow.get(row)?.join('\n') ?? '';
    const existing = cellAt(grid, row, col);
    if (isBlank(existing) || isOwnNote(existing)) {
      if (text || !isBlank(existing)) placeNote({ row, col, value: text });
    } else if (text) skipped.push({ row, col, value: text, reason: 'not-our-note' });
  }

  // The district line: update the existing line, or add one right after the last record. Where
  // that row is taken, the add-in inserts a row (Excel moves every reference); the copy holds it.
  const labelCol = R.no ?? R.unit ?? table.columns.unsur.U1 - 1;
  const exists = avgRow !== null;
  const row = avgRow ?? table.lastRow + 1;
  const rightmost = Math.max(table.lastCol, col);
  const taken = !exists && !rowFree(grid, row, 1, rightmost, table.lastCol);
  const insert = taken && insertRows;
  const held = taken && !insertRows;
  const avgCells: CellWrite[] = [];
  if (!exists)
    avgCells.push({ row, col: labelCol, value: `RATA-RATA ${district.level.toUpperCase()}` });
  if (district.ikm !== null) {
    UNSUR_CODES.forEach((u, i) =>
      avgCells.push({
        row,
        col: table.columns.unsur[u],
        value: roundHalfAway(district.unsur[i].value, 2),
        format: '0.00',
      }),
    );
    if (R.ikm !== undefined)
      avgCells.push({ row, col: R.ikm, value: roundHalfAway(district.ikm, 2), format: '0.00' });
    if (
      R.category !== undefined &&
      district.category &&
      (!exists || !isBlank(cellAt(grid, row, R.category)))
    ) {
      avgCells.push({ row, col: R.category, value: district.category });
    }
  }
  if (R.realisation !== undefined && district.realisation !== null) {
    avgCells.push(
      table.realisationAsFraction
        ? {
            row,
            col: R.realisation,
            value: roundHalfAway(district.realisation / 100, 4),
            format: '0%',
          }
        : {
            row,
            col: R.realisation,
            value: roundHalfAway(district.realisation, 2),
            format: '0.00',
          },
    );
  }
  // An existing line keeps its own number formats; a cell left "General" would show 86 beside 87,23.
  if (exists) for (const c of avgCells) if (!isGeneral(grid, c.row, c.col)) delete c.format;
  // An existing line may be merged in places: a value there would land in another column.
  const lineMerges = exists ? mergesOn(grid, row, 1, MAX_COL) : [];
  const lineCells = held
    ? []
    : avgCells.filter((c) => {
        const area = exists ? blockingMerge(lineMerges, c.row, c.col) : null;
        if (area) skipped.push({ row: c.row, col: c.col, value: c.value, reason: 'merged', area });
        return !area;
      });

  // The sentences: in the rows that already hold them, else in the first two free rows under the line.
  const texts = [district.sentences.lowest, district.sentences.mostPrioritised].filter(
    (t): t is NonNullable<typeof t> => t !== null,
  );
  const sentenceCol = labelCol;
  const afterAvg = row + (insert ? 1 : 0);
  const existingRows: number[] = [];
  for (let r = afterAvg + 1; r <= lastGridRow(grid) + (insert ? 1 : 0); r++) {
    const v = cellAt(grid, insert ? r - 1 : r, sentenceCol);
    if (typeof v === 'string' && SENTENCE_START.some((re) => re.test(normalise(v))))
      existingRows.push(r);
  }
  let sentenceRows: number[] | null;
  if (existingRows.length >= texts.length) {
    sentenceRows = existingRows.slice(0, texts.length);
  } else {
    const first = freeRows(
      grid,
      afterAvg + 2,
      texts.length,
      rightmost,
      table.lastCol,
      insert ? row : null,
    );
    sentenceRows = first === null ? null : texts.map((_, i) => first + i);
  }
  const sentences: CellWrite[] = [];
  texts.forEach((t, i) => {
    const w = { row: sentenceRows?.[i] ?? afterAvg + 2 + i, col: sentenceCol, value: say(t, lang) };
    if (sentenceRows === null) {
      skipped.push({ ...w, reason: 'no-free-row' });
      return;
    }
    const gridRow = insert && w.row > row ? w.row - 1 : w.row;
    const area = blockingMerge(mergesOn(grid, gridRow, w.col, w.col), gridRow, w.col);
    if (area) skipped.push({ ...w, reason: 'merged', area });
    else sentences.push(w);
  });

  return {
    sheet: table.sheet,
    marks: Array.from(marksByCell.values()),
    notes: { col, cells: noteCells },
    average: { row, exists, insert, cells: lineCells, ...(held ? { held } : {}) },
    sentences,
    skipped,
  };
}

/** Known to be "General"; where the reader gave no formats, nothing is assumed. */
function isGeneral(grid: SheetGrid, row: number, col: number): boolean {
  if (!grid.formats) return false;
  const f = grid.formats?.[row - (grid.origin?.row ?? 1)]?.[col - (grid.origin?.col ?? 1)];
  return !f || f === 'General';
}
