/**
 * The Excel adapter: the only module that calls Office.js. It reads the recap
 * sheet into the engine's grid and writes the engine's plan back, following
 * Microsoft's performance guidance: one bulk read, bulk writes queued into a
 * single sync, no sync per cell, and row chunks that keep each request and
 * response under the 5 MB payload limit of Excel on the web.
 */
import { a1, columnLetters, parseArea, type Area } from '../engine/address';
import { analyseSheet, analyseWorkbook, type Analysis } from '../engine/analyse';
import type { SheetGrid } from '../engine/model';
import { bounding, cellAt, gridArea } from '../engine/grid';
import type { CellValue } from '../engine/numbers';
import { FILL, planWrites, type WritePlan } from '../engine/plan';
import type { Lang, Text } from '../engine/messages';
import { UNSUR_CODES } from '../engine/unsur';
import {
  asText,
  fillOf,
  ledgerKey,
  LEDGER_VERSION,
  sameValue,
  type Ledger,
  type LedgerCell,
  type LedgerFill,
} from './ledger';
import { ui } from './strings';
import { summarise } from '../engine/summary';
import { SUMMARY_SHEET, summaryLayout, type SummaryLayout } from '../engine/summary-sheet';

/**
 * Cells read per sync when a sheet is too large for one request: values and
 * number formats come to ~30 bytes a cell in a recap, ~100 with long texts; a
 * chunk still refused is halved. Fills or formulas read too count as a cell more.
 */
export const CHUNK_CELLS = 40000;
/** Rows of a sheet read in the first request; a recap of the usual size has far fewer. */
export const HEAD_ROWS = 2000;
/** Beyond this a sheet is refused: it cannot be a recap a person keeps by hand. */
export const MAX_CELLS = 5_000_000;
/**
 * Queued writes per request. Excel on the web refuses a request over 5 MB;
 * the rest is room for Office.js's own wrapping of each action.
 */
export const REQUEST_BUDGET = 4_000_000;
/** What Office.js adds around one action (object path, ids): a generous estimate. */
const ACTION_BYTES = 300;
/** One 2-D block written at most, so that blocks pack into requests under the budget. */
const BLOCK_BYTES = 1_000_000;
/** Rows between two writes of one column bridged with null (Excel leaves such a cell as it is) rather than a new action. */
const MAX_GAP = 50;

export interface Session {
  sheet: string;
  grid: SheetGrid;
  analysis: Analysis;
  lang: Lang;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: Text };

const fail = <T>(message: Text): Outcome<T> => ({ ok: false, message });

export function officeLang(): Lang {
  const lang = typeof Office !== 'undefined' ? (Office.context?.displayLanguage ?? '') : '';
  return /^en\b/i.test(lang) ? 'en' : 'id';
}

function isPayloadError(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return /PayloadSize|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(
    code + String((err as Error)?.message ?? ''),
  );
}

function errorText(err: unknown): Text {
  const code = (err as { code?: string })?.code ?? '';
  if (code === 'AccessDenied' || /protect/i.test(String((err as Error)?.message ?? '')))
    return ui.sheetProtected();
  return ui.excelError(String((err as Error)?.message ?? err));
}

/** "'Rekap SKM'!A1:T335" -> the area. */
function areaOf(address: string): Area {
  const area = parseArea(address);
  if (!area) throw new Error(`unreadable address ${address}`);
  return area;
}

/** Merged areas from RangeAreas.address: "'S'!A1:T1, 'S'!A2:T2" (sheet names may hold commas inside quotes). */
export function parseAreaList(address: string): Area[] {
  const parts = address.match(/(?:'[^']*(?:''[^']*)*'|[^,'])+/g) ?? [];
  return parts.map((p) => parseArea(p.trim())).filter((a): a is Area => a !== null);
}

function cellOf(address: string): { row: number; col: number } {
  const a = areaOf(address);
  return { row: a.top, col: a.left };
}

function cellArea(c: { row: number; col: number }): Area {
  return { top: c.row, left: c.col, bottom: c.row, right: c.col };
}

const areaKey = (m: Area) => `${m.top},${m.left},${m.bottom},${m.right}`;

function cellsArea(cells: { row: number; col: number }[]): Area[] {
  return cells.length === 0 ? [] : [bounding(cells.map(cellArea))];
}

function within(area: Area, c: { row: number; col: number }): boolean {
  return area.top <= c.row && c.row <= area.bottom && area.left <= c.col && c.col <= area.right;
}

/** UTF-8 length of a string, as it travels in a request. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** The bytes a written value adds to a request, with the action around it. */
function payloadBytes(value: unknown): number {
  return ACTION_BYTES + utf8Length(JSON.stringify(value) ?? '');
}

// ---------------------------------------------------------------------------
// Reading.

/** An area of a sheet as read: values, and where asked for, formulas, number formats, fills and merged areas. */
interface AreaRead {
  area: Area;
  values: CellValue[][];
  formulas: unknown[][] | null;
  /** Formulas of a band of columns only (`want.formulaCols`), rows as in `values`. */
  bandFormulas: { left: number; rows: unknown[][] } | null;
  formats: string[][] | null;
  fills: (string | null)[][] | null;
  merges: Area[];
}

/**
 * Reads an area in row chunks, one sync each, so that every response stays
 * under the payload limit; a chunk of long texts still refused is halved and
 * read again. `prelude` queues other loads into the first sync (again if that
 * sync is refused), so that a sheet of the usual size costs one sync in all.
 */
async function readArea(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Area,
  want: {
    formulas?: boolean;
    formats?: boolean;
    fills?: boolean;
    merges?: boolean;
    formulaCols?: { left: number; right: number };
  },
  prelude: () => void = () => undefined,
): Promise<AreaRead> {
  const cols = area.right - area.left + 1;
  // A band of columns whose formulas are wanted, within the area (all formulas are read anyway with `formulas`).
  const band =
    want.formulaCols && !want.formulas
      ? {
          left: Math.max(area.left, want.formulaCols.left),
          right: Math.min(area.right, want.formulaCols.right),
        }
      : null;
  const bandWidth = band && band.right >= band.left ? band.right - band.left + 1 : 0;
  const weight = 1 + (want.formulas ? 1 : 0) + (want.fills ? 1 : 0) + bandWidth / cols;
  let rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / (cols * weight)));
  const out: AreaRead = {
    area,
    values: [],
    formulas: want.formulas ? [] : null,
    bandFormulas: bandWidth > 0 ? { left: band!.left, rows: [] } : null,
    formats: want.formats ? [] : null,
    fills: want.fills ? [] : null,
    merges: [],
  };
  const merges = new Map<string, Area>();
  let preluded = false;
  for (let top = area.top; top <= area.bottom;) {
    const rows = Math.min(rowsPerChunk, area.bottom - top + 1);
    if (!preluded) prelude();
    const range = sheet.getRangeByIndexes(top - 1, area.left - 1, rows, cols);
    range.load([
      'values',
      ...(want.formulas ? ['formulas'] : []),
      ...(want.formats ? ['numberFormat'] : []),
    ]);
    const props = want.fills
      ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
      : null;
    const bandRange = out.bandFormulas
      ? sheet.getRangeByIndexes(top - 1, out.bandFormulas.left - 1, rows, bandWidth)
      : null;
    bandRange?.load('formulas');
    const merged = want.merges ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    try {
      // A sync per chunk is the point here: each response must stay under the payload limit.
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err) || rows === 1) throw err;
      rowsPerChunk = Math.ceil(rows / 2);
      continue;
    }
    preluded = true;
    out.values.push(...(range.values as CellValue[][]));
    if (out.formulas) out.formulas.push(...(range.formulas as unknown[][]));
    if (out.bandFormulas && bandRange)
      out.bandFormulas.rows.push(...(bandRange.formulas as unknown[][]));
    if (out.formats) out.formats.push(...(range.numberFormat as string[][]));
    if (out.fills && props)
      out.fills.push(
        ...props.value.map((row) =>
          row.map((p) => fillOf(p.format?.fill?.color, p.format?.fill?.pattern)),
        ),
      );
    // A merged area crossing two chunks is listed by both.
    if (merged && !merged.isNullObject)
      for (const m of parseAreaList(merged.address)) merges.set(areaKey(m), m);
    top += rows;
  }
  out.merges = [...merges.values()];
  return out;
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
 * chunks without a request refused for its size first.
 */
function probeSheet(sheet: Excel.Worksheet, withHead: boolean): SheetProbe {
  const used = sheet.getUsedRangeOrNullObject();
  used.load('address');
  if (!withHead) return { used, head: null };
  const range = sheet.getRange(`1:${HEAD_ROWS}`).getUsedRangeOrNullObject();
  range.load(['address', 'values', 'numberFormat']);
  const merged = range.getMergedAreasOrNullObject();
  merged.load('address');
  return { used, head: { range, merged } };
}

/** The grid of a probed sheet: its head as read, the rows below it (or all rows) in chunks. */
async function gridOf(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
  probe: SheetProbe,
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
    merges = head.merged.isNullObject ? [] : parseAreaList(head.merged.address);
    if (headArea.bottom >= area.bottom)
      return { ok: true, value: { name, values, formats, origin, merges } };
    rest = { ...area, top: headArea.bottom + 1 };
  }
  const read = await readArea(context, sheet, rest, { formats: true, merges: true });
  const known = new Set(merges.map(areaKey));
  return {
    ok: true,
    value: {
      name,
      values: [...values, ...read.values],
      formats: [...formats, ...read.formats!],
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
    if (!isPayloadError(err)) return fail(errorText(err));
    try {
      return await readAndAnalyse(lang, false);
    } catch (err2) {
      return fail(errorText(err2));
    }
  }
}

async function readAndAnalyse(lang: Lang, whole: boolean): Promise<Outcome<Session>> {
  return Excel.run(async (context) => {
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
    const others = sheets.items.map((s) => s.name).filter((n) => n !== active.name);
    const grids: SheetGrid[] = [first.value];
    for (const name of others) {
      const ws = sheets.getItem(name);
      const p = probeSheet(ws, whole);
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

// ---------------------------------------------------------------------------
// Verifying before writing: the workbook may be co-authored.

function gridValue(grid: SheetGrid, row: number, col: number): CellValue {
  return cellAt(grid, row, col) ?? '';
}

function gridFormat(grid: SheetGrid, row: number, col: number): string {
  return (
    grid.formats?.[row - (grid.origin?.row ?? 1)]?.[col - (grid.origin?.col ?? 1)] ?? 'General'
  );
}

/**
 * Reads again the area the session read plus the cells about to be written
 * (with their fills when marks are to be set), the sheet's protection and
 * whatever `alsoQueue` adds, in one sync for a sheet of the usual size.
 */
async function reread(
  context: Excel.RequestContext,
  session: Session,
  extra: Area[],
  withFills: boolean,
  alsoQueue: (sheet: Excel.Worksheet) => void = () => undefined,
  formulaCols?: { left: number; right: number },
): Promise<{ data: AreaRead; sheet: Excel.Worksheet }> {
  const sheet = context.workbook.worksheets.getItem(session.sheet);
  const base = gridArea(session.grid);
  const area = bounding(base ? [base, ...extra] : extra);
  const data = await readArea(context, sheet, area, { fills: withFills, formulaCols }, () => {
    sheet.protection.load('protected');
    alsoQueue(sheet);
  });
  return { data, sheet };
}

function readValue(r: AreaRead, row: number, col: number): CellValue {
  return r.values[row - r.area.top]?.[col - r.area.left] ?? '';
}

/**
 * The formula a cell holds, where the read has its formulas and it is one. Text that starts with
 * "=" (typed with Excel's text prefix) reads back the same in formulas and values: that is no formula.
 */
function readFormula(r: AreaRead, row: number, col: number): string | undefined {
  const f = r.formulas
    ? r.formulas[row - r.area.top]?.[col - r.area.left]
    : r.bandFormulas?.rows[row - r.area.top]?.[col - r.bandFormulas.left];
  return typeof f === 'string' && f.startsWith('=') && f !== readValue(r, row, col) ? f : undefined;
}

function readFill(r: AreaRead, row: number, col: number): string | null {
  return r.fills?.[row - r.area.top]?.[col - r.area.left] ?? null;
}

/** True when a cell holds what the add-in wrote: its value, or its formula for a formula the add-in wrote. */
function holds(r: AreaRead, row: number, col: number, after: CellValue): boolean {
  if (sameValue(readValue(r, row, col), after)) return true;
  const formula = r.formulas?.[row - r.area.top]?.[col - r.area.left];
  return typeof after === 'string' && typeof formula === 'string' && formula === after;
}

/** The first cell that differs from what the session read, if any. */
function firstChange(session: Session, r: AreaRead): string | null {
  for (let row = r.area.top; row <= r.area.bottom; row++) {
    for (let col = r.area.left; col <= r.area.right; col++) {
      if (!sameValue(gridValue(session.grid, row, col), readValue(r, row, col)))
        return a1(row, col);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// The ledger in the workbook settings.

/** Queues the load of a ledger; the function returned reads it after the sync. */
function queueLedger(
  context: Excel.RequestContext,
  kind: Ledger['kind'],
  sheet: string,
): () => Ledger | null {
  const item = context.workbook.settings.getItemOrNullObject(ledgerKey(kind, sheet));
  item.load('value');
  return () => {
    if (item.isNullObject) return null;
    try {
      const v = typeof item.value === 'string' ? JSON.parse(item.value) : item.value;
      return v && v.version === LEDGER_VERSION ? (v as Ledger) : null;
    } catch {
      return null;
    }
  };
}

async function loadLedger(
  context: Excel.RequestContext,
  kind: Ledger['kind'],
  sheet: string,
): Promise<Ledger | null> {
  const read = queueLedger(context, kind, sheet);
  await context.sync();
  return read();
}

function saveLedger(
  context: Excel.RequestContext,
  ledger: Ledger | null,
  kind: Ledger['kind'],
  sheet: string,
): void {
  const settings = context.workbook.settings;
  if (ledger) settings.add(ledgerKey(kind, sheet), JSON.stringify(ledger));
  else settings.getItemOrNullObject(ledgerKey(kind, sheet)).delete();
}

// ---------------------------------------------------------------------------
// Writing within the payload limit.

/**
 * Queues writes, syncing first whenever the next one would take the queued
 * request past REQUEST_BUDGET: a recap of the usual size is written in the
 * caller's one final sync, a national one in as many as its size needs.
 */
class WriteQueue {
  private queued = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async add(bytes: number, write: () => void): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > REQUEST_BUDGET) {
      await this.context.sync();
      this.queued = 0;
    }
    write();
    this.queued += bytes;
  }
}

/** What to write for a value: text Excel would take for a formula stays text. */
function cellInput(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? value : asText(value);
}

function writeFill(sheet: Excel.Worksheet, address: string, fill: string | null): void {
  const range = sheet.getRange(address);
  if (fill === null) range.format.fill.clear();
  else range.format.fill.color = fill;
}

/**
 * Writes a column's block of rows (null leaves a cell as it is) from `top`,
 * split so that no piece passes BLOCK_BYTES.
 */
async function writeBlock(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: unknown[][],
  prop: 'values' | 'formulas',
): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = ACTION_BYTES;
    while (end < rows.length) {
      const size = utf8Length(JSON.stringify(rows[end])) + 1;
      if (end > start && bytes + size > BLOCK_BYTES) break;
      bytes += size;
      end++;
    }
    const piece = rows.slice(start, end);
    const address = `${a1(top + start, left)}:${a1(top + end - 1, left + piece[0].length - 1)}`;
    await queue.add(bytes, () => {
      sheet.getRange(address)[prop] = piece;
    });
    start = end;
  }
}

/** Writes single values, column by column, as blocks bridged with null over short gaps. */
async function writeCells(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  writes: { row: number; col: number; value: CellValue }[],
): Promise<void> {
  const byCol = new Map<number, Map<number, string | number | boolean>>();
  for (const w of writes) {
    const col = byCol.get(w.col) ?? new Map<number, string | number | boolean>();
    col.set(w.row, cellInput(w.value));
    byCol.set(w.col, col);
  }
  for (const [col, cells] of byCol) {
    const rows = [...cells.keys()].sort((a, b) => a - b);
    let top = rows[0];
    let block: (string | number | boolean | null)[][] = [];
    for (const row of rows) {
      const last = top + block.length - 1;
      if (block.length > 0 && row - last > MAX_GAP) {
        await writeBlock(queue, sheet, top, col, block, 'values');
        block = [];
      }
      if (block.length === 0) top = row;
      else for (let r = last + 1; r < row; r++) block.push([null]);
      block.push([cells.get(row)!]);
    }
    await writeBlock(queue, sheet, top, col, block, 'values');
  }
}

const hex = (argb: string) => `#${argb.slice(2)}`;

// ---------------------------------------------------------------------------
// Tandai di Lembar / Hapus Tanda.

export interface MarkResult {
  marked: number;
  notes: number;
  notesColumn: string;
}

/**
 * Fills the offending cells and writes the "Catatan Validasi" column. Marks of
 * an earlier run are replaced, and the fills from before the first run are
 * what "Hapus Tanda" restores. Two syncs: verify (with the earlier ledger),
 * then write.
 */
export async function markFindings(session: Session): Promise<Outcome<MarkResult>> {
  const plan = planWrites(session.analysis, session.grid, session.lang);
  try {
    return await Excel.run(async (context) => {
      const planned = [...plan.marks, ...plan.notes.cells];
      let previousOf: () => Ledger | null = () => null;
      // The notes column's formulas too: a note written over a formula puts the formula back on "Hapus Tanda".
      const notesCols = { left: plan.notes.col, right: plan.notes.col };
      let { data, sheet } = await reread(
        context,
        session,
        cellsArea(planned),
        true,
        () => {
          previousOf = queueLedger(context, 'marks', session.sheet);
        },
        notesCols,
      );
      const previous = previousOf();
      const prevFills = new Map((previous?.fills ?? []).map((f) => [f.address, f]));
      const prevCells = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      const earlier = [...prevFills.keys(), ...prevCells.keys()].map(cellOf);
      if (earlier.some((c) => !within(data.area, c))) {
        // Marks of an earlier run beyond the table as it is now: verify those cells too before writing over them.
        ({ data, sheet } = await reread(
          context,
          session,
          cellsArea([...planned, ...earlier]),
          true,
          undefined,
          notesCols,
        ));
      }
      if (sheet.protection.protected) return fail<MarkResult>(ui.sheetProtected());
      const changed = firstChange(session, data);
      if (changed) return fail<MarkResult>(ui.changedSinceRead(session.sheet, changed));

      const fills: LedgerFill[] = [];
      const fillWrites: { address: string; fill: string | null }[] = [];
      const newFills = new Map(plan.marks.map((m) => [a1(m.row, m.col), hex(FILL[m.severity])]));
      for (const [address, after] of newFills) {
        const { row, col } = cellOf(address);
        const before = prevFills.has(address)
          ? prevFills.get(address)!.before
          : readFill(data, row, col);
        fills.push({ address, before, after });
        fillWrites.push({ address, fill: after });
      }
      for (const [address, f] of prevFills)
        if (!newFills.has(address)) fillWrites.push({ address, fill: f.before });

      const cells: LedgerCell[] = [];
      const valueWrites: { row: number; col: number; value: CellValue }[] = [];
      const newCells = new Set(plan.notes.cells.map((c) => a1(c.row, c.col)));
      for (const c of plan.notes.cells) {
        const address = a1(c.row, c.col);
        const prev = prevCells.get(address);
        const before = prev ? prev.before : readValue(data, c.row, c.col);
        const beforeFormula = prev ? prev.beforeFormula : readFormula(data, c.row, c.col);
        cells.push({
          address,
          before,
          after: c.value,
          ...(beforeFormula !== undefined ? { beforeFormula } : {}),
        });
        valueWrites.push(c);
      }
      // Notes of an earlier run where this one writes none: put back what they were written over.
      const restores = [...prevCells.values()].filter((c) => !newCells.has(c.address));

      const ledger: Ledger = {
        version: LEDGER_VERSION,
        kind: 'marks',
        sheet: session.sheet,
        createdAt: new Date().toISOString(),
        fills,
        cells,
        insertedRow: null,
      };
      const queue = new WriteQueue(context);
      // The ledger first: should a later request of a large sheet fail, "Hapus Tanda" still knows every cell it may have to restore.
      const stored = JSON.stringify(ledger);
      await queue.add(payloadBytes(stored), () =>
        saveLedger(context, ledger, 'marks', session.sheet),
      );
      for (const w of fillWrites)
        await queue.add(payloadBytes(w.fill), () => writeFill(sheet, w.address, w.fill));
      for (const c of restores) await restoreBefore(queue, sheet, c, valueWrites);
      await writeCells(queue, sheet, valueWrites);
      await context.sync();
      return {
        ok: true as const,
        value: {
          marked: fills.length,
          notes: cells.filter((c) => c.after !== '').length - 1,
          notesColumn: columnLetters(plan.notes.col),
        },
      };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}

/** Puts back what a ledger cell held before the add-in wrote it: its formula, else its value (batched into valueWrites). */
async function restoreBefore(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  c: LedgerCell,
  valueWrites: { row: number; col: number; value: CellValue }[],
): Promise<void> {
  if (c.beforeFormula === undefined) {
    valueWrites.push({ ...cellOf(c.address), value: c.before });
    return;
  }
  const formula = c.beforeFormula;
  await queue.add(payloadBytes(formula), () => (sheet.getRange(c.address).formulas = [[formula]]));
}

export interface UndoResult {
  restored: number;
  /** Cells someone changed after the add-in wrote them: left as they are. */
  keptChanged: string[];
}

/** Removes exactly what a ledger records, where the cells still hold what the add-in wrote. Three syncs. */
export async function undo(kind: Ledger['kind'], sheetName: string): Promise<Outcome<UndoResult>> {
  try {
    return await Excel.run(async (context) => {
      const ledger = await loadLedger(context, kind, sheetName);
      if (!ledger) return fail<UndoResult>(ui.nothingToUndo(kind));
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const cells = [
        ...ledger.fills.map((f) => cellOf(f.address)),
        ...ledger.cells.map((c) => cellOf(c.address)),
      ];
      let data: AreaRead | null = null;
      if (cells.length > 0) {
        // Formulas the add-in wrote are compared as formulas: their values are whatever Excel calculated.
        const formulas = ledger.cells.some(
          (c) => typeof c.after === 'string' && c.after.startsWith('='),
        );
        data = await readArea(
          context,
          sheet,
          bounding(cells.map(cellArea)),
          { fills: ledger.fills.length > 0, formulas },
          () => sheet.protection.load('protected'),
        );
      } else {
        sheet.protection.load('protected');
        await context.sync();
      }
      if (sheet.protection.protected) return fail<UndoResult>(ui.sheetProtected());
      const keptChanged: string[] = [];
      let restored = 0;
      const queue = new WriteQueue(context);
      for (const f of ledger.fills) {
        const { row, col } = cellOf(f.address);
        if (readFill(data!, row, col) !== f.after.toUpperCase()) {
          keptChanged.push(f.address);
          continue;
        }
        await queue.add(payloadBytes(f.before), () => writeFill(sheet, f.address, f.before));
        restored++;
      }
      const valueWrites: { row: number; col: number; value: CellValue }[] = [];
      for (const c of ledger.cells) {
        const { row, col } = cellOf(c.address);
        if (!holds(data!, row, col, c.after)) {
          keptChanged.push(c.address);
          continue;
        }
        await restoreBefore(queue, sheet, c, valueWrites);
        if (c.beforeFormat !== undefined) {
          const format = c.beforeFormat;
          await queue.add(
            payloadBytes(format),
            () => (sheet.getRange(c.address).numberFormat = [[format]]),
          );
        }
        restored++;
      }
      await writeCells(queue, sheet, valueWrites);
      // After its cells are restored, a row the add-in inserted goes again, unless someone wrote in it since.
      if (ledger.insertedRow !== null && keptChanged.length === 0) {
        const row = ledger.insertedRow;
        await queue.add(ACTION_BYTES, () =>
          sheet.getRange(`${row}:${row}`).delete(Excel.DeleteShiftDirection.up),
        );
      }
      await queue.add(ACTION_BYTES, () => saveLedger(context, null, kind, sheetName));
      await context.sync();
      return { ok: true as const, value: { restored, keptChanged } };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}

// ---------------------------------------------------------------------------
// Kolom Rumus: helper columns that re-check each record with the custom functions.

export const FORMULA_HEADERS = ['SKM.IKM', 'SKM.KATEGORI', 'SKM.PERIKSA'] as const;

export interface FormulaColumns {
  firstCol: number;
  cells: { row: number; col: number; formula: string }[];
}

/** The helper formulas of each record with values, written right of the notes column. Pure. */
export function planFormulaColumns(session: Session): Outcome<FormulaColumns> {
  const { table } = session.analysis;
  const cols = UNSUR_CODES.map((u) => table.columns.unsur[u]);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  if (right - left !== 8) return fail(ui.unsurNotContiguous());
  const R = table.columns.roles;
  const plan = planWrites(session.analysis, session.grid, session.lang);
  const firstCol = plan.notes.col + 1;
  const L = columnLetters;
  const header = table.headerRows[0];
  const cells: FormulaColumns['cells'] = FORMULA_HEADERS.map((h, i) => ({
    row: header,
    col: firstCol + i,
    formula: h,
  }));
  for (const rec of table.records) {
    if (!rec.nrr && !rec.conv) continue;
    const values = `${L(left)}${rec.firstRow}:${L(right)}${rec.lastRow}`;
    const ikmHelper = `${L(firstCol)}${rec.firstRow}`;
    const ikm = R.ikm !== undefined ? `${L(R.ikm)}${rec.firstRow}` : '""';
    const cat = R.category !== undefined ? `, ${L(R.category)}${rec.firstRow}` : '';
    cells.push(
      { row: rec.firstRow, col: firstCol, formula: `=SKM.IKM(${values})` },
      { row: rec.firstRow, col: firstCol + 1, formula: `=SKM.KATEGORI(${ikmHelper})` },
      { row: rec.firstRow, col: firstCol + 2, formula: `=SKM.PERIKSA(${values}, ${ikm}${cat})` },
    );
  }
  return { ok: true, value: { firstCol, cells } };
}

/**
 * Writes the helper formulas through range.formulas (locale-independent:
 * comma separators), leaving the cells between them as they are. Two syncs.
 */
export async function addFormulaColumns(
  session: Session,
): Promise<Outcome<{ formulas: number; columns: string }>> {
  const planned = planFormulaColumns(session);
  if (!planned.ok) return planned;
  const { cells, firstCol } = planned.value;
  try {
    return await Excel.run(async (context) => {
      let previousOf: () => Ledger | null = () => null;
      const { data, sheet } = await reread(context, session, cellsArea(cells), false, () => {
        previousOf = queueLedger(context, 'formulas', session.sheet);
      });
      if (sheet.protection.protected)
        return fail<{ formulas: number; columns: string }>(ui.sheetProtected());
      const changed = firstChange(session, data);
      if (changed)
        return fail<{ formulas: number; columns: string }>(
          ui.changedSinceRead(session.sheet, changed),
        );
      // Written again, the columns keep the values from before the first run for "Hapus Kolom Rumus".
      const prevCells = new Map((previousOf()?.cells ?? []).map((c) => [c.address, c]));
      const { top, bottom } = bounding(cells.map(cellArea));
      const block: (string | null)[][] = Array.from({ length: bottom - top + 1 }, () =>
        new Array<string | null>(FORMULA_HEADERS.length).fill(null),
      );
      const ledgerCells: LedgerCell[] = [];
      for (const c of cells) {
        const address = a1(c.row, c.col);
        block[c.row - top][c.col - firstCol] = c.formula.startsWith('=')
          ? c.formula
          : (asText(c.formula) as string);
        const before = prevCells.has(address)
          ? prevCells.get(address)!.before
          : readValue(data, c.row, c.col);
        ledgerCells.push({ address, before, after: c.formula });
        prevCells.delete(address);
      }
      // Formulas of an earlier run on rows that hold no record now stay listed, so that they are removed too.
      ledgerCells.push(...prevCells.values());
      const ledger: Ledger = {
        version: LEDGER_VERSION,
        kind: 'formulas',
        sheet: session.sheet,
        createdAt: new Date().toISOString(),
        fills: [],
        cells: ledgerCells,
        insertedRow: null,
      };
      const queue = new WriteQueue(context);
      const stored = JSON.stringify(ledger);
      await queue.add(payloadBytes(stored), () =>
        saveLedger(context, ledger, 'formulas', session.sheet),
      );
      await writeBlock(queue, sheet, top, firstCol, block, 'formulas');
      await context.sync();
      return {
        ok: true as const,
        value: {
          formulas: cells.length - FORMULA_HEADERS.length,
          columns: `${columnLetters(firstCol)}:${columnLetters(firstCol + 2)}`,
        },
      };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}

// ---------------------------------------------------------------------------
// Tulis Rata-rata Kabupaten.

export interface AverageChange {
  address: string;
  label: string;
  before: CellValue;
  after: string | number;
}

/** Old and new values of the district line and the sentences, to show before writing. Pure. */
export function previewDistrictLine(session: Session): {
  plan: WritePlan;
  changes: AverageChange[];
} {
  const plan = planWrites(session.analysis, session.grid, session.lang);
  const { table } = session.analysis;
  const labels = new Map<number, string>();
  UNSUR_CODES.forEach((u) => labels.set(table.columns.unsur[u], u));
  const R = table.columns.roles;
  if (R.ikm !== undefined) labels.set(R.ikm, 'IKM');
  if (R.category !== undefined) labels.set(R.category, 'Kategori');
  if (R.realisation !== undefined) labels.set(R.realisation, 'Realisasi');
  const changes: AverageChange[] = [...plan.average.cells, ...plan.sentences].map((c) => {
    const at = rowBeforeInsert(plan, c.row);
    const before = at === null ? '' : gridValue(session.grid, at, c.col);
    return {
      address: a1(c.row, c.col),
      label:
        labels.get(c.col) ??
        (plan.sentences.includes(c) ? ui.sentenceLabel(session.lang) : ui.labelLabel(session.lang)),
      before,
      after: c.value,
    };
  });
  return { plan, changes: changes.filter((c) => !sameValue(c.before, c.after)) };
}

/** Where a planned row stands in the sheet before the district line is inserted; null for the inserted row itself. */
function rowBeforeInsert(plan: WritePlan, row: number): number | null {
  if (!plan.average.insert) return row;
  if (row === plan.average.row) return null;
  return row > plan.average.row ? row - 1 : row;
}

/**
 * Writes the district line and the two sentences; the old values (formulas
 * and number formats too) are kept for "Pulihkan Nilai Lama", from before the
 * first run when written again. Two syncs.
 */
export async function writeDistrictLine(
  session: Session,
): Promise<Outcome<{ written: number; row: number }>> {
  const { plan, changes } = previewDistrictLine(session);
  if (changes.length === 0) return { ok: true, value: { written: 0, row: plan.average.row } };
  try {
    return await Excel.run(async (context) => {
      const targets = [...plan.average.cells, ...plan.sentences];
      // The cells as they stand now, before any row is inserted.
      const now = targets.map((c) => ({
        row: rowBeforeInsert(plan, c.row) ?? c.row - 1,
        col: c.col,
      }));
      const nowArea = bounding(now.map(cellArea));
      let previousOf: () => Ledger | null = () => null;
      let formulas: Excel.Range | null = null;
      const { data, sheet } = await reread(context, session, [nowArea], false, (ws) => {
        previousOf = queueLedger(context, 'average', session.sheet);
        // A RATA-RATA line is often =AVERAGE(...): kept so that it can be restored as a formula.
        formulas = ws.getRangeByIndexes(
          nowArea.top - 1,
          nowArea.left - 1,
          nowArea.bottom - nowArea.top + 1,
          nowArea.right - nowArea.left + 1,
        );
        formulas.load('formulas');
      });
      if (sheet.protection.protected)
        return fail<{ written: number; row: number }>(ui.sheetProtected());
      const changed = firstChange(session, data);
      if (changed)
        return fail<{ written: number; row: number }>(ui.changedSinceRead(session.sheet, changed));
      const formulaGrid = (formulas as Excel.Range | null)?.formulas as unknown[][] | undefined;
      const formulaAt = (row: number, col: number): string | undefined => {
        const f = formulaGrid?.[row - nowArea.top]?.[col - nowArea.left];
        // Text typed as "=x" reads back as its own value; a formula reads back as its result.
        return typeof f === 'string' && f.startsWith('=') && f !== readValue(data, row, col)
          ? f
          : undefined;
      };
      const previous = previousOf();
      const prevCells = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      if (plan.average.insert) {
        sheet
          .getRange(`${plan.average.row}:${plan.average.row}`)
          .insert(Excel.InsertShiftDirection.down);
      }
      const cells: LedgerCell[] = [];
      for (const ch of changes) {
        const c = targets.find((t) => a1(t.row, t.col) === ch.address)!;
        const range = sheet.getRange(ch.address);
        range.values = [[asText(c.value)]];
        if (c.format) range.numberFormat = [[c.format]];
        const prev = prevCells.get(ch.address);
        prevCells.delete(ch.address);
        if (prev) {
          cells.push({ ...prev, after: c.value });
          continue;
        }
        const at = rowBeforeInsert(plan, c.row);
        const beforeFormula = at === null ? undefined : formulaAt(at, c.col);
        const beforeFormat = c.format
          ? at === null
            ? 'General'
            : gridFormat(session.grid, at, c.col)
          : undefined;
        cells.push({
          address: ch.address,
          before: ch.before,
          after: c.value,
          ...(beforeFormula !== undefined ? { beforeFormula } : {}),
          ...(beforeFormat !== undefined ? { beforeFormat } : {}),
        });
      }
      const ledger: Ledger = {
        version: LEDGER_VERSION,
        kind: 'average',
        sheet: session.sheet,
        createdAt: new Date().toISOString(),
        fills: [],
        cells: [...cells, ...prevCells.values()],
        insertedRow: previous?.insertedRow ?? (plan.average.insert ? plan.average.row : null),
      };
      saveLedger(context, ledger, 'average', session.sheet);
      await context.sync();
      return { ok: true as const, value: { written: changes.length, row: plan.average.row } };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}

/** Selects a finding's cell and brings its sheet to the front. */
export async function selectCell(sheetName: string, address: string): Promise<Outcome<null>> {
  try {
    return await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
      return { ok: true as const, value: null };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}

/** Which ledgers the workbook holds for a sheet, to enable the undo buttons after reopening. */
export async function ledgersOf(sheetName: string): Promise<Record<Ledger['kind'], boolean>> {
  try {
    return await Excel.run(async (context) => {
      const items = (['marks', 'formulas', 'average'] as const).map((k) => {
        const item = context.workbook.settings.getItemOrNullObject(ledgerKey(k, sheetName));
        item.load('key');
        return [k, item] as const;
      });
      await context.sync();
      return Object.fromEntries(items.map(([k, item]) => [k, !item.isNullObject])) as Record<
        Ledger['kind'],
        boolean
      >;
    });
  } catch {
    return { marks: false, formulas: false, average: false };
  }
}

// ---------------------------------------------------------------------------
// Buat Ringkasan: the summary sheet with native charts.

const HIGHLIGHT = '#C00000';

/** The layout's cells as one 2-D block of values and one of number formats, from A1. */
export function summaryBlock(layout: SummaryLayout): {
  values: (string | number)[][];
  formats: string[][];
  rows: number;
  cols: number;
} {
  const rows = Math.max(...layout.cells.map((c) => c.row));
  const cols = Math.max(...layout.cells.map((c) => c.col));
  const values: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array(cols).fill(''),
  );
  const formats: string[][] = Array.from({ length: rows }, () => new Array(cols).fill('General'));
  for (const c of layout.cells) {
    values[c.row - 1][c.col - 1] = asText(c.value);
    if (c.format) formats[c.row - 1][c.col - 1] = c.format;
  }
  return { values, formats, rows, cols };
}

/**
 * Writes the sheet "Ringkasan SKM" from a fresh read of the workbook (the unit
 * list and other years' recaps included), replacing an earlier one at the same
 * position, with its charts. Two syncs.
 */
export async function writeSummary(
  session: Session,
): Promise<Outcome<{ sheet: string; charts: number }>> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/position');
      await context.sync();
      const reads = sheets.items
        .filter((ws) => ws.name !== SUMMARY_SHEET)
        .map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load(['address', 'values']);
          return { ws, used };
        });
      await context.sync();
      const grids: SheetGrid[] = reads.map(({ ws, used }) =>
        used.isNullObject
          ? { name: ws.name, values: [] }
          : {
              name: ws.name,
              values: used.values as CellValue[][],
              origin: { row: areaOf(used.address).top, col: areaOf(used.address).left },
            },
      );
      const recap = grids.find((g) => g.name === session.sheet);
      const analysis = recap ? analyseSheet({ ...recap, merges: session.grid.merges }) : null;
      if (!analysis || !analysis.ok)
        return fail<{ sheet: string; charts: number }>(
          analysis && !analysis.ok ? analysis.problem.message : ui.noTable(),
        );
      const layout = summaryLayout(summarise(analysis, grids));

      const old = sheets.items.find((ws) => ws.name === SUMMARY_SHEET);
      const position = old
        ? old.position
        : sheets.items.find((ws) => ws.name === session.sheet)!.position + 1;
      if (old) old.delete();
      const ws = sheets.add(SUMMARY_SHEET);
      ws.position = Math.min(position, sheets.items.length - (old ? 1 : 0));
      // Staff asked for the summary: show it.
      ws.activate();
      const block = summaryBlock(layout);
      const range = ws.getRangeByIndexes(0, 0, block.rows, block.cols);
      range.values = block.values;
      range.numberFormat = block.formats;
      for (const c of layout.cells) {
        if (!c.style) continue;
        const font = ws.getRange(a1(c.row, c.col)).format.font;
        font.bold = true;
        if (c.style === 'title') font.size = 14;
      }
      for (const [col, width] of Object.entries(layout.widths)) {
        // Column width in points; a character of the default font is about 7 points wide.
        ws.getRangeByIndexes(0, Number(col) - 1, 1, 1).format.columnWidth = width * 7;
      }
      for (const spec of layout.charts) {
        const chart = ws.charts.add(
          spec.type as Excel.ChartType,
          ws.getRange(spec.data),
          Excel.ChartSeriesBy.columns,
        );
        chart.title.text = spec.title;
        chart.legend.visible = false;
        chart.setPosition(spec.anchor);
        if (spec.highlight !== null)
          chart.series
            .getItemAt(0)
            .points.getItemAt(spec.highlight)
            .format.fill.setSolidColor(HIGHLIGHT);
      }
      await context.sync();
      return { ok: true as const, value: { sheet: SUMMARY_SHEET, charts: layout.charts.length } };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}
