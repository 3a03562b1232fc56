/**
 * The Excel adapter: the only module that calls Office.js. It reads the recap
 * sheet into the engine's grid and writes the engine's plan back, following
 * Microsoft's performance guidance: one bulk read, bulk writes queued into a
 * single sync, no sync per cell, and row chunks that keep each request under
 * the 5 MB payload limit of Excel on the web.
 */
import { a1, columnLetters, parseArea, type Area } from '../engine/address';
import { analyseSheet, analyseWorkbook, type Analysis } from '../engine/analyse';
import type { SheetGrid } from '../engine/model';
import { bounding, cellAt, gridArea } from '../engine/grid';
import type { CellValue } from '../engine/numbers';
import { FILL, planWrites, type CellWrite, type WritePlan } from '../engine/plan';
import type { Lang, Text } from '../engine/messages';
import { UNSUR_CODES } from '../engine/unsur';
import { asText, fillOf, ledgerKey, LEDGER_VERSION, sameValue, type Ledger, type LedgerCell, type LedgerFill } from './ledger';
import { ui } from './strings';
import { summarise } from '../engine/summary';
import { SUMMARY_SHEET, summaryLayout, type SummaryLayout } from '../engine/summary-sheet';

/** Cells read per sync when a sheet is too large for one request (values and formats, ~100 bytes a cell). */
export const CHUNK_CELLS = 20000;
/** Beyond this a sheet is refused: it cannot be a recap a person keeps by hand. */
export const MAX_CELLS = 5_000_000;

export interface Session {
  sheet: string;
  grid: SheetGrid;
  analysis: Analysis;
  lang: Lang;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: Text };

const fail = <T>(message: Text): Outcome<T> => ({ ok: false, message });

export function officeLang(): Lang {
  const lang = typeof Office !== 'undefined' ? Office.context?.displayLanguage ?? '' : '';
  return /^en\b/i.test(lang) ? 'en' : 'id';
}

function isPayloadError(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return /PayloadSize|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code + String((err as Error)?.message ?? ''));
}

function errorText(err: unknown): Text {
  const code = (err as { code?: string })?.code ?? '';
  if (code === 'AccessDenied' || /protect/i.test(String((err as Error)?.message ?? ''))) return ui.sheetProtected();
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

interface SheetRead {
  grid: SheetGrid;
  protected: boolean;
}

/**
 * Reads a sheet's used range with values, number formats and merged areas.
 * First in one request; when Excel on the web refuses it for its size, again
 * in row chunks.
 */
async function readSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, isProtected: boolean, used: Excel.Range, merged: Excel.RangeAreas, whole: boolean): Promise<SheetRead> {
  if (used.isNullObject) return { grid: { name, values: [] }, protected: isProtected };
  const area = areaOf(used.address);
  const merges = merged.isNullObject ? [] : parseAreaList(merged.address);
  if (whole) {
    return {
      grid: { name, values: used.values as CellValue[][], formats: used.numberFormat as string[][], origin: { row: area.top, col: area.left }, merges },
      protected: isProtected,
    };
  }
  const cols = area.right - area.left + 1;
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / cols));
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  // One sync per chunk is the point here: each request must stay under the payload limit.
  for (let top = area.top; top <= area.bottom; top += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, area.bottom - top + 1);
    const chunk = sheet.getRangeByIndexes(top - 1, area.left - 1, rows, cols);
    chunk.load(['values', 'numberFormat']);
    await context.sync();
    values.push(...(chunk.values as CellValue[][]));
    formats.push(...(chunk.numberFormat as string[][]));
  }
  return { grid: { name, values, formats, origin: { row: area.top, col: area.left }, merges }, protected: isProtected };
}

/**
 * Finds the recap on the active sheet, or else on the first sheet that holds
 * one, and analyses it. One sync for a recap of the usual size.
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
    active.protection.load('protected');
    const used = active.getUsedRangeOrNullObject();
    used.load(whole ? ['address', 'values', 'numberFormat'] : ['address']);
    const merged = used.getMergedAreasOrNullObject();
    merged.load('address');
    await context.sync();
    if (!used.isNullObject && cellCount(used.address) > MAX_CELLS) return fail<Session>(ui.sheetTooLarge(active.name, cellCount(used.address)));
    const first = await readSheet(context, active, active.name, active.protection.protected, used, merged, whole);
    const result = analyseSheet(first.grid);
    if (result.ok) return { ok: true as const, value: { sheet: active.name, grid: first.grid, analysis: result, lang } };

    // Not on the active sheet: look through the others, the largest request first refused alike.
    const others = sheets.items.map((s) => s.name).filter((n) => n !== active.name);
    const grids: SheetGrid[] = [];
    for (const name of others) {
      const ws = sheets.getItem(name);
      ws.protection.load('protected');
      const u = ws.getUsedRangeOrNullObject();
      u.load(whole ? ['address', 'values', 'numberFormat'] : ['address']);
      const m = u.getMergedAreasOrNullObject();
      m.load('address');
      await context.sync();
      grids.push((await readSheet(context, ws, name, ws.protection.protected, u, m, whole)).grid);
      const found = analyseSheet(grids[grids.length - 1]);
      if (found.ok) return { ok: true as const, value: { sheet: name, grid: grids[grids.length - 1], analysis: found, lang } };
    }
    const all = analyseWorkbook([first.grid, ...grids]);
    return fail<Session>(all.ok ? ui.noTable() : all.problem.message);
  });
}

function cellCount(address: string): number {
  const a = areaOf(address);
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

// ---------------------------------------------------------------------------
// Verifying before writing: the workbook may be co-authored.

function gridValue(grid: SheetGrid, row: number, col: number): CellValue {
  return cellAt(grid, row, col) ?? '';
}

interface Reread {
  area: Area;
  values: CellValue[][];
  fills: (string | null)[][] | null;
}

/**
 * Reads again the area the session read plus the cells about to be written,
 * with their fills when marks are to be set, in row chunks under the limit.
 */
async function reread(context: Excel.RequestContext, session: Session, extra: Area[], withFills: boolean): Promise<{ data: Reread; sheet: Excel.Worksheet }> {
  const sheet = context.workbook.worksheets.getItem(session.sheet);
  sheet.protection.load('protected');
  const base = gridArea(session.grid);
  const area = bounding(base ? [base, ...extra] : extra);
  const cols = area.right - area.left + 1;
  const perCell = withFills ? 2 : 1;
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / (cols * perCell)));
  const values: CellValue[][] = [];
  const fills: (string | null)[][] = [];
  const chunks: { range: Excel.Range; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null }[] = [];
  for (let top = area.top; top <= area.bottom; top += rowsPerChunk) {
    const range = sheet.getRangeByIndexes(top - 1, area.left - 1, Math.min(rowsPerChunk, area.bottom - top + 1), cols);
    range.load('values');
    const props = withFills ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) : null;
    chunks.push({ range, props });
    // A sheet of the usual size is one chunk: one sync. Larger ones need a sync per chunk (payload limit).
    if (chunks.length * rowsPerChunk * cols * perCell >= CHUNK_CELLS || top + rowsPerChunk > area.bottom) {
      await context.sync();
      for (const c of chunks) {
        values.push(...(c.range.values as CellValue[][]));
        if (c.props) fills.push(...c.props.value.map((row) => row.map((p) => fillOf(p.format?.fill?.color, p.format?.fill?.pattern))));
      }
      chunks.length = 0;
    }
  }
  return { data: { area, values, fills: withFills ? fills : null }, sheet };
}

function rereadValue(r: Reread, row: number, col: number): CellValue {
  return r.values[row - r.area.top]?.[col - r.area.left] ?? '';
}

function rereadFill(r: Reread, row: number, col: number): string | null {
  return r.fills?.[row - r.area.top]?.[col - r.area.left] ?? null;
}

/** The first cell that differs from what the session read, if any. */
function firstChange(session: Session, r: Reread): string | null {
  for (let row = r.area.top; row <= r.area.bottom; row++) {
    for (let col = r.area.left; col <= r.area.right; col++) {
      if (!sameValue(gridValue(session.grid, row, col), rereadValue(r, row, col))) return a1(row, col);
    }
  }
  return null;
}

function cellsArea(cells: { row: number; col: number }[]): Area[] {
  return cells.length === 0 ? [] : [bounding(cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col })))];
}

// ---------------------------------------------------------------------------
// The ledger in the workbook settings.

async function loadLedger(context: Excel.RequestContext, kind: Ledger['kind'], sheet: string): Promise<Ledger | null> {
  const item = context.workbook.settings.getItemOrNullObject(ledgerKey(kind, sheet));
  item.load('value');
  await context.sync();
  if (item.isNullObject) return null;
  try {
    const v = typeof item.value === 'string' ? JSON.parse(item.value) : item.value;
    return v && v.version === LEDGER_VERSION ? (v as Ledger) : null;
  } catch {
    return null;
  }
}

function saveLedger(context: Excel.RequestContext, ledger: Ledger | null, kind: Ledger['kind'], sheet: string): void {
  const settings = context.workbook.settings;
  if (ledger) settings.add(ledgerKey(kind, sheet), JSON.stringify(ledger));
  else settings.getItemOrNullObject(ledgerKey(kind, sheet)).delete();
}

function writeFill(sheet: Excel.Worksheet, address: string, fill: string | null): void {
  const range = sheet.getRange(address);
  if (fill === null) range.format.fill.clear();
  else range.format.fill.color = fill;
}

function writeValue(sheet: Excel.Worksheet, address: string, value: CellValue): void {
  sheet.getRange(address).values = [[value === null || value === undefined ? '' : asText(value as string | number)]];
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
 * what "Hapus Tanda" restores. Two syncs: verify, then write.
 */
export async function markFindings(session: Session): Promise<Outcome<MarkResult>> {
  const plan = planWrites(session.analysis, session.grid, session.lang);
  try {
    return await Excel.run(async (context) => {
      const previous = await loadLedger(context, 'marks', session.sheet);
      const prevFills = new Map((previous?.fills ?? []).map((f) => [f.address, f]));
      const prevCells = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      const touched = [...plan.marks, ...plan.notes.cells, ...Array.from(prevFills.keys(), cellOf), ...Array.from(prevCells.keys(), cellOf)];
      const { data, sheet } = await reread(context, session, cellsArea(touched), true);
      if (sheet.protection.protected) return fail<MarkResult>(ui.sheetProtected());
      const changed = firstChange(session, data);
      if (changed) return fail<MarkResult>(ui.changedSinceRead(session.sheet, changed));

      const fills: LedgerFill[] = [];
      const newFills = new Map(plan.marks.map((m) => [a1(m.row, m.col), hex(FILL[m.severity])]));
      for (const [address, after] of newFills) {
        const { row, col } = cellOf(address);
        const before = prevFills.get(address)?.before ?? (prevFills.has(address) ? null : rereadFill(data, row, col));
        fills.push({ address, before, after });
        writeFill(sheet, address, after);
      }
      for (const [address, f] of prevFills) if (!newFills.has(address)) writeFill(sheet, address, f.before);

      const cells: LedgerCell[] = [];
      const newCells = new Map(plan.notes.cells.map((c) => [a1(c.row, c.col), c]));
      writeColumn(sheet, plan.notes.cells, (address, c) => {
        const before = prevCells.has(address) ? prevCells.get(address)!.before : rereadValue(data, c.row, c.col);
        cells.push({ address, before, after: c.value });
      });
      for (const [address, c] of prevCells) if (!newCells.has(address)) writeValue(sheet, address, c.before);

      saveLedger(context, { version: LEDGER_VERSION, kind: 'marks', sheet: session.sheet, createdAt: new Date().toISOString(), fills, cells, insertedRow: null }, 'marks', session.sheet);
      await context.sync();
      return { ok: true as const, value: { marked: fills.length, notes: cells.filter((c) => c.after !== '').length - 1, notesColumn: columnLetters(plan.notes.col) } };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}

/** Writes a plan's cells of one column as one 2-D block where they are contiguous, else cell by cell. */
function writeColumn(sheet: Excel.Worksheet, cells: CellWrite[], record: (address: string, c: CellWrite) => void): void {
  if (cells.length === 0) return;
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  for (const c of sorted) record(a1(c.row, c.col), c);
  const col = sorted[0].col;
  const contiguous = sorted.every((c, i) => c.col === col && (i === 0 || c.row === sorted[i - 1].row + 1));
  if (contiguous) {
    const range = sheet.getRange(`${a1(sorted[0].row, col)}:${a1(sorted[sorted.length - 1].row, col)}`);
    range.values = sorted.map((c) => [asText(c.value)]);
  } else {
    for (const c of sorted) writeValue(sheet, a1(c.row, c.col), c.value);
  }
}

function cellOf(address: string): { row: number; col: number } {
  const a = areaOf(address);
  return { row: a.top, col: a.left };
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
      sheet.protection.load('protected');
      const fillProbes = ledger.fills.map((f) => ({ f, props: sheet.getRange(f.address).getCellProperties({ format: { fill: { color: true, pattern: true } } }) }));
      const valueProbes = ledger.cells.map((c) => {
        const r = sheet.getRange(c.address);
        r.load('values');
        return { c, r };
      });
      await context.sync();
      if (sheet.protection.protected) return fail<UndoResult>(ui.sheetProtected());
      const keptChanged: string[] = [];
      let restored = 0;
      for (const { f, props } of fillProbes) {
        const p = props.value[0][0];
        if (fillOf(p.format?.fill?.color, p.format?.fill?.pattern) !== f.after.toUpperCase()) {
          keptChanged.push(f.address);
          continue;
        }
        writeFill(sheet, f.address, f.before);
        restored++;
      }
      // Restored bottom-up, so that deleting an inserted row comes after its cells.
      for (const { c, r } of valueProbes) {
        if (!sameValue((r.values as CellValue[][])[0][0], c.after)) {
          keptChanged.push(c.address);
          continue;
        }
        writeValue(sheet, c.address, c.before);
        restored++;
      }
      if (ledger.insertedRow !== null && keptChanged.length === 0) {
        sheet.getRange(`${ledger.insertedRow}:${ledger.insertedRow}`).delete(Excel.DeleteShiftDirection.up);
      }
      saveLedger(context, null, kind, sheetName);
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
  const cells: FormulaColumns['cells'] = FORMULA_HEADERS.map((h, i) => ({ row: header, col: firstCol + i, formula: h }));
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

/** Writes the helper formulas through range.formulas (locale-independent: comma separators). Two syncs. */
export async function addFormulaColumns(session: Session): Promise<Outcome<{ formulas: number; columns: string }>> {
  const planned = planFormulaColumns(session);
  if (!planned.ok) return planned;
  const { cells, firstCol } = planned.value;
  try {
    return await Excel.run(async (context) => {
      const { data, sheet } = await reread(context, session, cellsArea(cells), false);
      if (sheet.protection.protected) return fail<{ formulas: number; columns: string }>(ui.sheetProtected());
      const changed = firstChange(session, data);
      if (changed) return fail<{ formulas: number; columns: string }>(ui.changedSinceRead(session.sheet, changed));
      const { top, bottom } = bounding(cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col })));
      const block: (string | number)[][] = [];
      const ledgerCells: LedgerCell[] = [];
      const byCell = new Map(cells.map((c) => [`${c.row},${c.col}`, c.formula]));
      for (let row = top; row <= bottom; row++) {
        const line: (string | number)[] = [];
        for (let i = 0; i < FORMULA_HEADERS.length; i++) {
          const col = firstCol + i;
          const formula = byCell.get(`${row},${col}`);
          const before = rereadValue(data, row, col);
          if (formula !== undefined) {
            line.push(formula.startsWith('=') ? formula : (asText(formula) as string));
            ledgerCells.push({ address: a1(row, col), before, after: formula });
          } else {
            line.push(before === null || before === undefined ? '' : (asText(before as string | number) as string | number));
          }
        }
        block.push(line);
      }
      sheet.getRange(`${a1(top, firstCol)}:${a1(bottom, firstCol + FORMULA_HEADERS.length - 1)}`).formulas = block;
      saveLedger(context, { version: LEDGER_VERSION, kind: 'formulas', sheet: session.sheet, createdAt: new Date().toISOString(), fills: [], cells: ledgerCells, insertedRow: null }, 'formulas', session.sheet);
      await context.sync();
      return { ok: true as const, value: { formulas: cells.length - FORMULA_HEADERS.length, columns: `${columnLetters(firstCol)}:${columnLetters(firstCol + 2)}` } };
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
export function previewDistrictLine(session: Session): { plan: WritePlan; changes: AverageChange[] } {
  const plan = planWrites(session.analysis, session.grid, session.lang);
  const { table } = session.analysis;
  const labels = new Map<number, string>();
  UNSUR_CODES.forEach((u) => labels.set(table.columns.unsur[u], u));
  const R = table.columns.roles;
  if (R.ikm !== undefined) labels.set(R.ikm, 'IKM');
  if (R.category !== undefined) labels.set(R.category, 'Kategori');
  if (R.realisation !== undefined) labels.set(R.realisation, 'Realisasi');
  const shift = plan.average.insert ? 1 : 0;
  const changes: AverageChange[] = [...plan.average.cells, ...plan.sentences].map((c) => {
    // After an inserted row, the rows below it read one row higher in the grid taken before.
    const before = c.row > plan.average.row ? gridValue(session.grid, c.row - shift, c.col) : plan.average.insert ? '' : gridValue(session.grid, c.row, c.col);
    return { address: a1(c.row, c.col), label: labels.get(c.col) ?? (plan.sentences.includes(c) ? ui.sentenceLabel(session.lang) : ui.labelLabel(session.lang)), before, after: c.value };
  });
  return { plan, changes: changes.filter((c) => !sameValue(c.before, c.after)) };
}

/** Writes the district line and the two sentences; the old values are kept for "Pulihkan". Two syncs. */
export async function writeDistrictLine(session: Session): Promise<Outcome<{ written: number; row: number }>> {
  const { plan, changes } = previewDistrictLine(session);
  if (changes.length === 0) return { ok: true, value: { written: 0, row: plan.average.row } };
  try {
    return await Excel.run(async (context) => {
      const targets = [...plan.average.cells, ...plan.sentences];
      const { data, sheet } = await reread(context, session, cellsArea(targets.map((c) => ({ row: c.row - (plan.average.insert ? 1 : 0), col: c.col }))), false);
      if (sheet.protection.protected) return fail<{ written: number; row: number }>(ui.sheetProtected());
      const changed = firstChange(session, data);
      if (changed) return fail<{ written: number; row: number }>(ui.changedSinceRead(session.sheet, changed));
      if (plan.average.insert) {
        sheet.getRange(`${plan.average.row}:${plan.average.row}`).insert(Excel.InsertShiftDirection.down);
      }
      const cells: LedgerCell[] = [];
      for (const ch of changes) {
        const c = targets.find((t) => a1(t.row, t.col) === ch.address)!;
        const range = sheet.getRange(ch.address);
        range.values = [[asText(c.value)]];
        if (c.format) range.numberFormat = [[c.format]];
        cells.push({ address: ch.address, before: ch.before, after: c.value });
      }
      saveLedger(
        context,
        { version: LEDGER_VERSION, kind: 'average', sheet: session.sheet, createdAt: new Date().toISOString(), fills: [], cells, insertedRow: plan.average.insert ? plan.average.row : null },
        'average',
        session.sheet,
      );
      await context.sync();
      return { ok: true as const, value: { written: cells.length, row: plan.average.row } };
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
      return Object.fromEntries(items.map(([k, item]) => [k, !item.isNullObject])) as Record<Ledger['kind'], boolean>;
    });
  } catch {
    return { marks: false, formulas: false, average: false };
  }
}

// ---------------------------------------------------------------------------
// Buat Ringkasan: the summary sheet with native charts.

const HIGHLIGHT = '#C00000';

/** The layout's cells as one 2-D block of values and one of number formats, from A1. */
export function summaryBlock(layout: SummaryLayout): { values: (string | number)[][]; formats: string[][]; rows: number; cols: number } {
  const rows = Math.max(...layout.cells.map((c) => c.row));
  const cols = Math.max(...layout.cells.map((c) => c.col));
  const values: (string | number)[][] = Array.from({ length: rows }, () => new Array(cols).fill(''));
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
export async function writeSummary(session: Session): Promise<Outcome<{ sheet: string; charts: number }>> {
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
        used.isNullObject ? { name: ws.name, values: [] } : { name: ws.name, values: used.values as CellValue[][], origin: { row: areaOf(used.address).top, col: areaOf(used.address).left } },
      );
      const recap = grids.find((g) => g.name === session.sheet);
      const analysis = recap ? analyseSheet({ ...recap, merges: session.grid.merges }) : null;
      if (!analysis || !analysis.ok) return fail<{ sheet: string; charts: number }>(analysis && !analysis.ok ? analysis.problem.message : ui.noTable());
      const layout = summaryLayout(summarise(analysis, grids));

      const old = sheets.items.find((ws) => ws.name === SUMMARY_SHEET);
      const position = old ? old.position : sheets.items.find((ws) => ws.name === session.sheet)!.position + 1;
      if (old) old.delete();
      const ws = sheets.add(SUMMARY_SHEET);
      ws.position = Math.min(position, sheets.items.length - (old ? 1 : 0));
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
        const chart = ws.charts.add(spec.type as Excel.ChartType, ws.getRange(spec.data), Excel.ChartSeriesBy.columns);
        chart.title.text = spec.title;
        chart.legend.visible = false;
        chart.setPosition(spec.anchor);
        if (spec.highlight !== null) chart.series.getItemAt(0).points.getItemAt(spec.highlight).format.fill.setSolidColor(HIGHLIGHT);
      }
      await context.sync();
      return { ok: true as const, value: { sheet: SUMMARY_SHEET, charts: layout.charts.length } };
    });
  } catch (err) {
    return fail(errorText(err));
  }
}
