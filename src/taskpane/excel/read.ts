/**
 * Reading sheets into the engine's grid: the used range of values (cells
 * with only borders or fonts do not widen it), in row chunks that keep every
 * response under the payload limit, a chunk refused for its size halved and
 * read again.
 */
import type { Area } from '../../engine/address';
import { analyseSheet, analyseWorkbook } from '../../engine/analyse';
import type { SheetGrid } from '../../engine/model';
import type { CellValue } from '../../engine/numbers';
import { RESPONSE_BUDGET, RESPONSE_OVERHEAD, utf8Length } from './budget';
import { ui } from '../strings';
import {
  areaKey,
  areaOf,
  explain,
  fail,
  isSizeError,
  officeLang,
  parseAreaList,
  run,
  type Outcome,
  type Session,
} from './common';
import { isLedgerSheet } from './ledger-store';
import type { Lang } from '../../engine/messages';

/**
 * Cells read per sync when a sheet is too large for one request: values and
 * number formats come to ~30 bytes a cell in a recap, ~100 with long texts; a
 * chunk still refused is halved. Formulas read too count as a cell more.
 */
export const CHUNK_CELLS = 40000;
/**
 * After the first chunk, the next ones are sized from the bytes per row the
 * previous chunk really took, so that a sheet costs about its size over
 * RESPONSE_BUDGET in syncs, not a sync per CHUNK_CELLS.
 */
export { RESPONSE_BUDGET };
/** Rows of a sheet read in the first request; a recap of the usual size has far fewer. */
export const HEAD_ROWS = 2000;
/** Cells per read at most, far under Excel's RangeExceedsLimit. */
export const MAX_READ_CELLS = 1_000_000;
/** Beyond this a sheet is refused: it cannot be a recap a person keeps by hand (and Excel refuses such a read, RangeExceedsLimit). */
export const MAX_CELLS = 5_000_000;

/**
 * The fill properties read (getCellProperties, ExcelApi 1.9): all five, so a
 * pattern, its colour and theme tints come back exactly on "Hapus Tanda"
 * (https://learn.microsoft.com/javascript/api/excel/excel.cellpropertiesfill).
 */
export const FILL_READ = {
  color: true,
  pattern: true,
  patternColor: true,
  tintAndShade: true,
  patternTintAndShade: true,
} as const;

/** An area of a sheet as read: values, and where asked for, formulas, number formats and merged areas. */
export interface AreaRead {
  area: Area;
  values: CellValue[][];
  formulas: unknown[][] | null;
  formats: string[][] | null;
  /** Formulas and number formats of a band of columns only (`want.band`), rows as in `values`. */
  band: { left: number; formulas: unknown[][]; formats: string[][] } | null;
  merges: Area[];
}

export interface Want {
  /** Values too (the default). */
  values?: boolean;
  formulas?: boolean;
  formats?: boolean;
  /** The merged areas starting in the area's rows, across the whole sheet's width. */
  merges?: boolean;
  /** Columns whose formulas and number formats are wanted (the cells about to be written). */
  band?: { left: number; right: number };
  /** Bytes a cell is expected to take in the response, where the caller knows (an undo knows what it wrote): sizes the first chunk. */
  bytesPerCell?: number;
}

/**
 * Reads an area in row chunks, one sync each, so that every response stays
 * under the payload limit; a chunk refused for its size is halved and read
 * again. `prelude` queues other loads into the first sync (again if that
 * sync is refused), so that a sheet of the usual size costs one sync in all,
 * and returns the bytes they are expected to take of its response.
 * Excel lists a merged area only in the chunk holding its top-left cell
 * (office-js #3611); chunks cover the area from its top-left, so each merged
 * area starting in it is found once.
 */
export async function readArea(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Area,
  want: Want,
  prelude: () => number | void = () => undefined,
): Promise<AreaRead> {
  const cols = area.right - area.left + 1;
  const withValues = want.values !== false;
  const band = want.band
    ? {
        left: Math.max(area.left, want.band.left),
        right: Math.min(area.right, want.band.right),
      }
    : null;
  const bandWidth = band && band.right >= band.left ? band.right - band.left + 1 : 0;
  const weight =
    (withValues ? 1 : 0) +
    (want.formulas ? 1 : 0) +
    (want.formats ? 1 : 0) +
    (2 * bandWidth) / cols;
  let rowsPerChunk = want.bytesPerCell
    ? Math.max(
        1,
        Math.min(
          Math.floor(RESPONSE_BUDGET / (cols * want.bytesPerCell)),
          Math.floor(MAX_READ_CELLS / cols),
        ),
      )
    : Math.max(1, Math.floor(CHUNK_CELLS / (cols * Math.max(weight, 0.5))));
  const out: AreaRead = {
    area,
    values: [],
    formulas: want.formulas ? [] : null,
    formats: want.formats ? [] : null,
    band: bandWidth > 0 && band ? { left: band.left, formulas: [], formats: [] } : null,
    merges: [],
  };
  const merges = new Map<string, Area>();
  let preluded = false;
  for (let top = area.top; top <= area.bottom;) {
    // What the prelude's loads take of the first response is left to them.
    const reserved = preluded ? 0 : prelude() || 0;
    const share = Math.max(0, 1 - reserved / RESPONSE_BUDGET);
    const rows = Math.min(Math.max(1, Math.floor(rowsPerChunk * share)), area.bottom - top + 1);
    const range = sheet.getRangeByIndexes(top - 1, area.left - 1, rows, cols);
    if (withValues) range.load('values');
    if (want.formulas) range.load('formulas');
    if (want.formats) range.load('numberFormat');
    const bandRange = out.band
      ? sheet.getRangeByIndexes(top - 1, out.band.left - 1, rows, bandWidth)
      : null;
    bandRange?.load(['formulas', 'numberFormat']);
    // Whole rows, as the head's: merged areas beside the area (an empty block right of the table) too.
    const merged = want.merges
      ? sheet.getRange(`${top}:${top + rows - 1}`).getMergedAreasOrNullObject()
      : null;
    merged?.load('address');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the point: each response must stay under the payload limit
      await context.sync();
    } catch (err) {
      if (!isSizeError(err) || rows === 1) throw err;
      rowsPerChunk = Math.ceil(rows / 2);
      continue;
    }
    preluded = true;
    // The response carries this JSON and little else (RESPONSE_BUDGET).
    const got =
      (withValues ? jsonBytes(range.values) : 0) +
      (want.formulas ? jsonBytes(range.formulas) : 0) +
      (want.formats ? jsonBytes(range.numberFormat) : 0) +
      (bandRange ? jsonBytes(bandRange.formulas) + jsonBytes(bandRange.numberFormat) : 0) +
      (merged && !merged.isNullObject ? utf8Length(merged.address) : 0) +
      RESPONSE_OVERHEAD;
    const perRow = Math.max(1, got / rows);
    rowsPerChunk = Math.max(
      1,
      Math.min(Math.floor(RESPONSE_BUDGET / perRow), Math.floor(MAX_READ_CELLS / cols)),
    );
    // Appended row by row: a chunk can hold more rows than a call takes arguments.
    if (withValues) append(out.values, range.values as CellValue[][]);
    if (out.formulas) append(out.formulas, range.formulas as unknown[][]);
    if (out.formats) append(out.formats, range.numberFormat as string[][]);
    if (out.band && bandRange) {
      append(out.band.formulas, bandRange.formulas as unknown[][]);
      append(out.band.formats, bandRange.numberFormat as string[][]);
    }
    // A merged area crossing two chunks is listed by the one holding its top-left cell.
    if (merged && !merged.isNullObject)
      for (const m of parseAreaList(merged.address)) merges.set(areaKey(m), m);
    top += rows;
  }
  out.merges = [...merges.values()];
  return out;
}

const jsonBytes = (v: unknown) => utf8Length(JSON.stringify(v) ?? '');

function append<T>(to: T[], rows: T[]): void {
  for (const row of rows) to.push(row);
}

interface SheetProbe {
  used: Excel.Range;
  /** The used part of the first HEAD_ROWS rows, with values, formats and merged areas; null when reading in chunks only. */
  head: { range: Excel.Range; merged: Excel.RangeAreas } | null;
}

/**
 * Queues a sheet's used range address and, unless reading in chunks only, the
 * values, formats and merged areas of its first HEAD_ROWS rows: a recap of the
 * usual size is then read in this one sync, and a national one goes on in
 * chunks without a request refused for its size first. Used ranges of values
 * only: a whole column given borders would otherwise make a used range of a
 * million rows.
 */
export function probeSheet(sheet: Excel.Worksheet, withHead: boolean): SheetProbe {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address');
  if (!withHead) return { used, head: null };
  const range = sheet.getRange(`1:${HEAD_ROWS}`).getUsedRangeOrNullObject(true);
  range.load(['address', 'values', 'numberFormat']);
  // Merged areas of whole rows: an empty merged block right of the table is outside the used range
  // of values, yet the notes column must step around it (engine/plan.ts notesColumn).
  const merged = sheet.getRange(`1:${HEAD_ROWS}`).getMergedAreasOrNullObject();
  merged.load('address');
  return { used, head: { range, merged } };
}

/** The grid of a probed sheet: its head as read, the rows below it (or all rows) in chunks. */
export async function gridOf(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
  probe: SheetProbe,
  want: { formats: boolean; merges: boolean } = { formats: true, merges: true },
): Promise<Outcome<SheetGrid>> {
  const { used, head } = probe;
  if (used.isNullObject) return { ok: true, value: { name, values: [] } };
  const area = areaOf(used.address);
  const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  if (cells > MAX_CELLS) return fail(ui.sheetTooLarge(name, cells));
  const origin = { row: area.top, col: area.left };
  let values: CellValue[][] = [];
  let formats: string[][] = [];
  let merges: Area[] = [];
  let rest = area;
  let bytesPerCell: number | null = null;
  const headArea = head && !head.range.isNullObject ? areaOf(head.range.address) : null;
  // The head is kept when it is the top of the used range, as wide: a wider row below it means reading it all in chunks.
  if (
    head &&
    headArea &&
    headArea.top === area.top &&
    headArea.left === area.left &&
    headArea.right === area.right
  ) {
    values = head.range.values as CellValue[][];
    formats = head.range.numberFormat as string[][];
    const mergedAddress = head.merged.isNullObject ? '' : head.merged.address;
    merges = mergedAddress ? parseAreaList(mergedAddress) : [];
    if (headArea.bottom >= area.bottom)
      return { ok: true, value: { name, values, formats, origin, merges } };
    rest = { ...area, top: headArea.bottom + 1 };
    // The rows below are sized like the head: the first chunk fills a response too.
    const headBytes =
      jsonBytes(values) +
      (want.formats ? jsonBytes(formats) : 0) +
      (want.merges ? utf8Length(mergedAddress) : 0);
    const headCells = values.length * (area.right - area.left + 1);
    if (headCells > 0) bytesPerCell = Math.max(1, headBytes / headCells);
  }
  const read = await readArea(context, sheet, rest, {
    ...want,
    ...(bytesPerCell ? { bytesPerCell } : {}),
  });
  const known = new Set(merges.map(areaKey));
  return {
    ok: true,
    value: {
      name,
      values: [...values, ...read.values],
      ...(want.formats ? { formats: [...formats, ...(read.formats ?? [])] } : {}),
      origin,
      merges: [...merges, ...read.merges.filter((m) => !known.has(areaKey(m)))],
    },
  };
}

/**
 * Finds the recap on the active sheet, or else on the first sheet that holds
 * one, and analyses it. One sync for a recap of the usual size; a larger sheet
 * goes on in row chunks, and one whose first rows are still refused for their
 * size is read again in chunks from the start.
 */
export async function validate(lang: Lang = officeLang()): Promise<Outcome<Session>> {
  try {
    return await readAndAnalyse(lang, true);
  } catch (err) {
    if (!isSizeError(err)) return fail(await explain(err));
    try {
      return await readAndAnalyse(lang, false);
    } catch (err2) {
      return fail(await explain(err2));
    }
  }
}

async function readAndAnalyse(lang: Lang, whole: boolean): Promise<Outcome<Session>> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    const probe = probeSheet(active, whole);
    await context.sync();
    const first = await gridOf(context, active, active.name, probe);
    if (!first.ok) return first;
    const result = analyseSheet(first.value);
    if (result.ok)
      return {
        ok: true as const,
        value: { sheet: active.name, grid: first.value, analysis: result, lang },
      };

    // Not on the active sheet: look through the others in workbook order, one sync each.
    const others = sheets.items
      .map((s) => s.name)
      .filter((n) => n !== active.name && !isLedgerSheet(n));
    const grids: SheetGrid[] = [first.value];
    for (const name of others) {
      const ws = sheets.getItem(name);
      const p = probeSheet(ws, whole);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sheet per sync, stopping at the first that holds a recap
      await context.sync();
      const grid = await gridOf(context, ws, name, p);
      if (!grid.ok) continue;
      grids.push(grid.value);
      const found = analyseSheet(grid.value);
      if (found.ok)
        return {
          ok: true as const,
          value: { sheet: name, grid: grid.value, analysis: found, lang },
        };
    }
    const all = analyseWorkbook(grids);
    return fail<Session>(all.ok ? ui.noTable() : all.problem.message);
  });
}
