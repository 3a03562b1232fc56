/**
 * Verifying before writing: the workbook may be co-authored, so the cells a
 * write depends on are read again and compared with what the session read.
 * Only cells a person could have changed count: a formula whose result moves
 * by itself (volatile functions such as NOW() and RAND(), custom functions
 * that Excel calculates asynchronously and shows as #BUSY! meanwhile:
 * office-js #6930, #4152) is not a change. A constant, or a formula of
 * another kind whose result differs, is.
 */
import { a1, type Area } from '../../engine/address';
import { bounding, cellAt, gridArea } from '../../engine/grid';
import type { SheetGrid } from '../../engine/model';
import type { CellValue } from '../../engine/numbers';
import { fillOf, sameValue, type Fill } from '../ledger';
import type { Session } from './common';
import { RESPONSE_BUDGET, utf8Length } from './budget';
import { FILL_READ, readArea, type AreaRead } from './read';

/** Functions whose result changes without any cell changing, or arrives later. */
const MOVING =
  /(?:^|[^A-Z0-9_.])(?:NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY|OFFSET|INDIRECT|CELL|INFO|WEBSERVICE|STOCKHISTORY|IMAGE)\s*\(/i;
/** A custom function is called with its namespace: =SKM.IKM(...), =CONTOSO.ADD(...). */
const CUSTOM = /(?:^|[^A-Z0-9_.])[A-Z_][A-Z0-9_]*\.[A-Z_][A-Z0-9_.]*\s*\(/i;
/** Values Excel shows while a result is still coming. */
const PENDING = /^#(BUSY!|GETTING_DATA)$/i;

/** True when a formula's result may differ between two reads with no one editing. */
export function isMovingFormula(formula: unknown): boolean {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return false;
  // Text in quotes is not a call: ="NOW()" is a constant.
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return MOVING.test(code) || CUSTOM.test(code);
}

export function isPending(value: CellValue): boolean {
  return typeof value === 'string' && PENDING.test(value);
}

export function gridValue(grid: SheetGrid, row: number, col: number): CellValue {
  return cellAt(grid, row, col) ?? '';
}

export function gridFormat(grid: SheetGrid, row: number, col: number): string {
  return (
    grid.formats?.[row - (grid.origin?.row ?? 1)]?.[col - (grid.origin?.col ?? 1)] ?? 'General'
  );
}

/**
 * Reads again the area the session read plus the cells about to be written
 * (with the formulas and number formats of the columns written, `band`), and
 * whatever `alsoQueue` adds to the first sync (the ledger, the fills of the
 * cells to mark): one sync for a sheet of the usual size.
 */
export async function reread(
  context: Excel.RequestContext,
  session: Session,
  extra: Area[],
  band: { left: number; right: number } | null,
  alsoQueue: (sheet: Excel.Worksheet) => number | void = () => undefined,
): Promise<{ data: AreaRead; sheet: Excel.Worksheet }> {
  const sheet = context.workbook.worksheets.getItem(session.sheet);
  const base = gridArea(session.grid);
  const area = bounding(base ? [base, ...extra] : extra);
  const data = await readArea(
    context,
    sheet,
    area,
    {
      ...(band ? { band } : {}),
      bytesPerCell: expectedCellBytes(session.grid, area, band),
    },
    () => {
      sheet.protection.load('protected');
      return alsoQueue(sheet);
    },
  );
  return { data, sheet };
}

/**
 * What fills take in a response (FILL_READ's five properties): 125 bytes a
 * cell and 236 more for each range read, measured through Microsoft's client.
 */
const FILL_BYTES = 126;
const FILL_BLOCK_BYTES = 240;
/** What asking for the fills of one range adds to the request: 578 bytes measured, longer ids later in a request. */
const FILL_BLOCK_REQUEST_BYTES = 650;
/** Ranges of fills asked for in one request at most. */
const FILL_BLOCKS_PER_READ = Math.floor(RESPONSE_BUDGET / FILL_BLOCK_REQUEST_BYTES);
/** Rows of the session's grid sampled to size the first read. */
const SAMPLE_ROWS = 2000;

/**
 * What a cell of the area is expected to take in the response, from what the
 * session's own read of it took: sizes the first chunk of a national recap to
 * the response budget instead of CHUNK_CELLS.
 */
function expectedCellBytes(
  grid: SheetGrid,
  area: Area,
  band: { left: number; right: number } | null,
): number {
  const sample = grid.values.slice(0, SAMPLE_ROWS);
  const cells = sample.reduce((n, row) => n + row.length, 0);
  const value = cells > 0 ? Math.max(4, utf8Length(JSON.stringify(sample)) / cells) : 16;
  const cols = area.right - area.left + 1;
  // A band cell comes back twice more, as its formula and its number format ("General").
  const bandShare = band ? (band.right - band.left + 1) / cols : 0;
  return value + bandShare * (value + 12);
}

export function readValue(r: AreaRead, row: number, col: number): CellValue {
  return r.values[row - r.area.top]?.[col - r.area.left] ?? '';
}

export function readFormat(r: AreaRead, row: number, col: number): string {
  const f = r.formats
    ? r.formats[row - r.area.top]?.[col - r.area.left]
    : r.band?.formats[row - r.area.top]?.[col - r.band.left];
  return f ?? 'General';
}

/**
 * The formula a cell holds, where the read has its formulas and it is one. Text that starts with
 * "=" (typed with Excel's text prefix) reads back the same in formulas and values: that is no formula.
 */
export function readFormula(r: AreaRead, row: number, col: number): string | undefined {
  const f = r.formulas
    ? r.formulas[row - r.area.top]?.[col - r.area.left]
    : r.band?.formulas[row - r.area.top]?.[col - r.band.left];
  return typeof f === 'string' && f.startsWith('=') && f !== readValue(r, row, col) ? f : undefined;
}

/** True when a cell holds what the add-in wrote: its value, or its formula for a formula the add-in wrote. */
export function holds(r: AreaRead, row: number, col: number, after: CellValue): boolean {
  if (sameValue(readValue(r, row, col), after)) return true;
  const formula = r.formulas?.[row - r.area.top]?.[col - r.area.left];
  return typeof after === 'string' && typeof formula === 'string' && formula === after;
}

/**
 * The first cell a person changed since the session read it, if any. Cells
 * whose value differs have their formulas read (one column at a time, only
 * where the read lacks them) to tell a moving result from an edit.
 */
export async function firstChange(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  session: Session,
  r: AreaRead,
): Promise<string | null> {
  const differing: { row: number; col: number; then: CellValue }[] = [];
  for (let row = r.area.top; row <= r.area.bottom; row++) {
    for (let col = r.area.left; col <= r.area.right; col++) {
      const then = gridValue(session.grid, row, col);
      const now = readValue(r, row, col);
      // Still calculating: not a value anyone typed.
      if (!sameValue(then, now) && !isPending(now)) differing.push({ row, col, then });
    }
  }
  if (differing.length === 0) return null;
  const known = (col: number) =>
    r.formulas !== null ||
    (r.band !== null &&
      col >= r.band.left &&
      col < r.band.left + (r.band.formulas[0]?.length ?? 0));
  const formulas = new Map<string, string | undefined>();
  const byCol = new Map<number, number[]>();
  for (const d of differing) {
    if (known(d.col)) formulas.set(a1(d.row, d.col), readFormula(r, d.row, d.col));
    else {
      const rows = byCol.get(d.col) ?? [];
      rows.push(d.row);
      byCol.set(d.col, rows);
    }
  }
  for (const [col, rows] of byCol) {
    // Rows in reading order: the first and the last bound them (no spread of a national column).
    const top = rows.reduce((a, b) => Math.min(a, b));
    const bottom = rows.reduce((a, b) => Math.max(a, b));
    const read = await readArea(
      context,
      sheet,
      { top, left: col, bottom, right: col },
      {
        formulas: true,
      },
    );
    for (const row of rows) {
      const f = read.formulas?.[row - top]?.[0];
      formulas.set(
        a1(row, col),
        typeof f === 'string' && f.startsWith('=') && f !== readValue(r, row, col) ? f : undefined,
      );
    }
  }
  for (const d of differing) {
    const formula = formulas.get(a1(d.row, d.col));
    // A result that was still coming, or moves by itself; a constant typed over it is a change.
    if (formula !== undefined && (isPending(d.then) || isMovingFormula(formula))) continue;
    return a1(d.row, d.col);
  }
  return null;
}

/** Fills read in a reread's first sync at most: the rest of its response is for the values. */
const FEW_FILL_BYTES = RESPONSE_BUDGET / 2;
/** Rows between two cells read as one block rather than two. */
const FILL_GAP = 2;

/** Scattered cells as blocks of nearby rows, each spanning its cells' columns. */
function fillBlocks(cells: { row: number; col: number }[]): Area[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  const out: Area[] = [];
  let block: Area | null = null;
  for (const c of sorted) {
    if (block && c.row - block.bottom <= FILL_GAP) {
      block.bottom = c.row;
      block.left = Math.min(block.left, c.col);
      block.right = Math.max(block.right, c.col);
    } else {
      if (block) out.push(block);
      block = { top: c.row, left: c.col, bottom: c.row, right: c.col };
    }
  }
  if (block) out.push(block);
  return out;
}

const areaCells = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
const blockBytes = (a: Area) => areaCells(a) * FILL_BYTES + FILL_BLOCK_BYTES;

export type FillsRead = Map<string, Fill | null>;

/** Queues the fills of blocks (getCellProperties, ExcelApi 1.9); the function returned reads them after the sync. */
function queueBlocks(sheet: Excel.Worksheet, blocks: Area[], into: FillsRead): () => void {
  const results = blocks.map((b) => ({
    b,
    props: sheet
      .getRangeByIndexes(b.top - 1, b.left - 1, b.bottom - b.top + 1, b.right - b.left + 1)
      .getCellProperties({ format: { fill: FILL_READ } }),
  }));
  return () => {
    for (const { b, props } of results)
      props.value.forEach((row, i) =>
        row.forEach((p, j) => into.set(a1(b.top + i, b.left + j), fillOf(p.format?.fill))),
      );
  };
}

/** What the fills of these cells take in a response (FILL_READ: about 110 bytes a cell). */
export function fillReadBytes(cells: { row: number; col: number }[]): number {
  return fillBlocks(cells).reduce((n, b) => n + blockBytes(b), 0);
}

/** True when the fills of these cells fit in the sync of a reread. */
export function fewFills(cells: { row: number; col: number }[]): boolean {
  return (
    fillReadBytes(cells) <= FEW_FILL_BYTES && fillBlocks(cells).length <= FILL_BLOCKS_PER_READ / 2
  );
}

/** Queues the fills of a few cells into a sync the caller makes. */
export function queueFills(
  sheet: Excel.Worksheet,
  cells: { row: number; col: number }[],
): () => FillsRead {
  const fills: FillsRead = new Map();
  const deliver = queueBlocks(sheet, fillBlocks(cells), fills);
  return () => {
    deliver();
    return fills;
  };
}

/** The fills of scattered cells, in syncs whose requests and responses stay within RESPONSE_BUDGET. */
export async function readFills(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cells: { row: number; col: number }[],
): Promise<FillsRead> {
  const fills: FillsRead = new Map();
  const pending = fillBlocks(cells);
  while (pending.length > 0) {
    const batch: Area[] = [];
    let n = 0;
    while (
      pending.length > 0 &&
      (batch.length === 0 ||
        (n + blockBytes(pending[0]) <= RESPONSE_BUDGET && batch.length < FILL_BLOCKS_PER_READ))
    ) {
      const b = pending.shift()!;
      // A block larger than a read is split by rows.
      const rowBytes = (b.right - b.left + 1) * FILL_BYTES;
      const rows = Math.max(1, Math.floor((RESPONSE_BUDGET - FILL_BLOCK_BYTES) / rowBytes));
      if (b.bottom - b.top + 1 > rows) {
        pending.unshift({ ...b, top: b.top + rows });
        const part = { ...b, bottom: b.top + rows - 1 };
        batch.push(part);
        n += blockBytes(part);
      } else {
        batch.push(b);
        n += blockBytes(b);
      }
    }
    const deliver = queueBlocks(sheet, batch, fills);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per bounded read keeps each response under the payload limit
    await context.sync();
    deliver();
  }
  return fills;
}
