/**
 * Writing within the payload limit. Excel on the web refuses a request over
 * 5 MB; every request here is budgeted at 4,000,000 bytes from what Office.js
 * really sends: about 600 bytes around each action (object paths, ids; one
 * fill set through range.format.fill measured 580-590 bytes in the body
 * Office.js builds), plus the JSON of the data it carries. Fills go as
 * per-block cell properties (Range.setCellProperties, one action for a block
 * of rows) rather than one action per cell, and rather than getRanges("A1,B2,...")
 * whose address list is locale-dependent and of undocumented length.
 */
import { a1 } from '../../engine/address';
import type { CellValue } from '../../engine/numbers';
import { asText, fillProps, type Fill } from '../ledger';

/** The most one request may carry. */
export const REQUEST_BUDGET = 4_000_000;
/** What Office.js adds around one action: measured 580-590 bytes for a fill, rounded up. */
export const ACTION_BYTES = 600;
/** One 2-D block written at most, so that blocks pack into requests under the budget. */
export const BLOCK_BYTES = 1_000_000;
/**
 * Office.js splits a write of values, formulas or number formats over 1,500
 * cells into pieces of about 1,500 cells, each a range of its own
 * (setRangePropertiesInBulk in excel-web-16.00.debug.js): about 700 bytes
 * more per piece in the body it sends (measured 674-712 alone, about 810 in a
 * full request, where the ids it numbers them with are longer), 900 budgeted.
 */
export const OFFICE_SPLIT_CELLS = 1500;
export const OFFICE_SPLIT_BYTES = 900;
/**
 * What one response may carry. Reads are sized from the JSON of what the
 * previous read returned, which is what the response carries to within a
 * kilobyte (through Microsoft's client: 3,201,929 bytes of values, formats and
 * merged-area addresses came back as 3,202,426); the margin under
 * REQUEST_BUDGET is for rows longer than the ones before them. Excel on the
 * web refuses 5 MB: a read refused for its size is halved.
 */
export const RESPONSE_BUDGET = 3_850_000;
/** What a response adds around each range read, rounded up. */
export const RESPONSE_OVERHEAD = 1_000;
/** Rows between two writes of one column bridged with null (Excel leaves such a cell as it is) rather than a new action. */
export const MAX_GAP = 50;

/** UTF-8 length of a string, as it travels in a request. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** The bytes an action adds to a request, with the value it carries. */
export function payloadBytes(value: unknown): number {
  return ACTION_BYTES + utf8Length(JSON.stringify(value) ?? '');
}

/**
 * Queues writes, syncing first whenever the next one would take the queued
 * request past REQUEST_BUDGET: a recap of the usual size is written in the
 * caller's one final sync, a national one in as many as its size needs.
 */
export class WriteQueue {
  private queued = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async add(bytes: number, write: () => void): Promise<void> {
    if (bytes > REQUEST_BUDGET) throw new Error(`one action of ${bytes} bytes passes the budget`);
    // (An empty queue never syncs here: no action passes the budget alone.)
    if (this.queued + bytes > REQUEST_BUDGET) {
      // A sync per full request is the point of the queue.
      await this.context.sync();
      this.queued = 0;
    }
    write();
    this.queued += bytes;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}

/**
 * Writes a block of rows (null leaves a cell as it is) from (top, left),
 * split so that no piece passes BLOCK_BYTES. `apply` sets the piece on its
 * range: values, formulas or cell properties (which Office.js sends as they are:
 * `splitByOffice` false).
 */
export async function writeBlock(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: unknown[][],
  apply: (range: Excel.Range, piece: unknown[][]) => void,
  splitByOffice = true,
): Promise<void> {
  const cols = rows[0]?.length ?? 1;
  const rowsPerSplit = Math.max(1, Math.round(OFFICE_SPLIT_CELLS / cols));
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = ACTION_BYTES;
    while (end < rows.length) {
      const split = splitByOffice && (end - start) % rowsPerSplit === 0 ? OFFICE_SPLIT_BYTES : 0;
      const size = utf8Length(JSON.stringify(rows[end])) + 1 + split;
      if (end > start && bytes + size > BLOCK_BYTES) break;
      bytes += size;
      end++;
    }
    const piece = rows.slice(start, end);
    const address = `${a1(top + start, left)}:${a1(top + end - 1, left + piece[0].length - 1)}`;
    await queue.add(bytes, () => apply(sheet.getRange(address), piece));
    start = end;
  }
}

export const setValues = (range: Excel.Range, piece: unknown[][]) => {
  range.values = piece;
};
export const setFormulas = (range: Excel.Range, piece: unknown[][]) => {
  range.formulas = piece;
};
const setProperties = (range: Excel.Range, piece: unknown[][]) =>
  range.setCellProperties(piece as Excel.SettableCellProperties[][]);

/**
 * Groups scattered cells into blocks of nearby rows: each block spans the
 * rows from its first to its last cell (gaps up to MAX_GAP rows bridged) and
 * the columns of its cells; cells not written hold null.
 */
function blocks<T, E>(
  cells: { row: number; col: number; data: T }[],
  empty: E,
): { top: number; left: number; rows: (T | E)[][] }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: { top: number; left: number; rows: (T | E)[][] }[] = [];
  let group: typeof sorted = [];
  const close = () => {
    if (group.length === 0) return;
    const top = group[0].row;
    const bottom = group[group.length - 1].row;
    // Reduced, not spread: a block of a national recap has more cells than a call takes arguments.
    const left = group.reduce((n, c) => Math.min(n, c.col), Infinity);
    const right = group.reduce((n, c) => Math.max(n, c.col), -Infinity);
    const rows: (T | E)[][] = Array.from({ length: bottom - top + 1 }, () =>
      new Array<T | E>(right - left + 1).fill(empty),
    );
    for (const c of group) rows[c.row - top][c.col - left] = c.data;
    out.push({ top, left, rows });
    group = [];
  };
  for (const c of sorted) {
    if (group.length > 0 && c.row - group[group.length - 1].row > MAX_GAP) close();
    group.push(c);
  }
  close();
  return out;
}

/** A value to write, with the number format of its cell where known (text in a Text cell is written as it is). */
export interface CellWrite {
  row: number;
  col: number;
  value: CellValue;
  format?: string;
}

/** What to write for a value: text with Excel's text prefix, so it stays the text it was. */
function cellInput(w: CellWrite): string | number | boolean {
  const { value } = w;
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? value : asText(value, w.format);
}

/** Writes single values, column by column, as blocks bridged with null over short gaps. */
export async function writeCells(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  writes: CellWrite[],
): Promise<void> {
  const byCol = new Map<number, { row: number; col: number; data: string | number | boolean }[]>();
  for (const w of writes) {
    const col = byCol.get(w.col) ?? [];
    col.push({ row: w.row, col: w.col, data: cellInput(w) });
    byCol.set(w.col, col);
  }
  for (const cells of byCol.values())
    for (const b of blocks(cells, null))
      await writeBlock(queue, sheet, b.top, b.left, b.rows, setValues);
}

/** Sets (or, for null, removes) cells' fills, a block of nearby rows per action. */
export async function writeFills(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  writes: { row: number; col: number; fill: Fill | null }[],
): Promise<void> {
  const cells = writes.map((w) => ({ row: w.row, col: w.col, data: fillProps(w.fill) }));
  // An empty object leaves a cell's properties as they are.
  for (const b of blocks(cells, {}))
    await writeBlock(queue, sheet, b.top, b.left, b.rows, setProperties, false);
}
