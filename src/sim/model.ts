/**
 * The simulated workbook as plain JSON-serialisable data: what the simulated
 * Excel host reads and writes, what the preview page renders and what a test
 * builds in a few lines. Runs in Node and in the browser.
 */
import { parseAddress, type Area } from './a1';

export type CellScalar = string | number | boolean;

/** A fill's pattern, pattern colour and tints (RangeFill, ExcelApi 1.9), kept only where not a plain solid fill. */
export interface FillStyle {
  /** A pattern other than Solid. */
  pattern?: string;
  /** The pattern's colour, "#RRGGBB", kept with a pattern only. */
  patternColor?: string;
  /** Lightens (up to 1) or darkens (down to -1) the fill colour; absent for 0. */
  tintAndShade?: number;
  /** The same for the pattern's colour, kept with a pattern only. */
  patternTintAndShade?: number;
}

export interface CellModel {
  /** As range.values gives it: a formula's result, an error as "#DIV/0!", "" when blank. */
  value: CellScalar;
  /** "=SUM(A1:A3)"; absent for a constant. */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  /** Fill colour as "#RRGGBB"; absent means no fill. */
  fill?: string;
  /** With a fill: its pattern, pattern colour and tints where not a plain solid fill (src/sim/fill.ts). */
  fillStyle?: FillStyle;
}

/** A chart as the add-in creates it; nothing is drawn. */
export interface ChartModel {
  name: string;
  type: string;
  /** Qualified address of the source data ("'Ringkasan SKM'!A4:B10"). */
  source: string;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  position?: { start: string; end?: string };
  pointFills?: { series: number; point: number; color: string }[];
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetModel {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  /** Sparse: "row,col" (1-based) -> cell. Only cells with a value, formula, format or fill. */
  cells: Record<string, CellModel>;
  /** Merged areas; the value lives in the top-left cell only. */
  merges: Area[];
  charts?: ChartModel[];
  /** Areas with a font, border or alignment but maybe nothing else: Excel counts them in the used range. */
  styled?: Area[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Workbook settings (Excel keeps them in the file), each value JSON-serialised. */
  settings: Record<string, unknown>;
  activeSheet: string;
  selection?: { sheet: string; address: string };
}

export const GENERAL = 'General';

/** Changes per sheet, so that calculation runs after a change only (not after a read). */
const revisions = new WeakMap<SheetModel, number>();

export function touchSheet(sheet: SheetModel): void {
  revisions.set(sheet, (revisions.get(sheet) ?? 0) + 1);
}

export function sheetRevision(sheet: SheetModel): number {
  return revisions.get(sheet) ?? 0;
}

/** The keys of a sheet's formula cells, kept up to date by patchCell, so that calculation does not walk every cell. */
const formulaIndex = new WeakMap<SheetModel, { cells: SheetModel['cells']; keys: Set<string> }>();

function indexOf(sheet: SheetModel) {
  let idx = formulaIndex.get(sheet);
  // Built on first use, and again when the cell map was replaced (rows inserted or deleted).
  if (!idx || idx.cells !== sheet.cells) {
    const keys = new Set<string>();
    for (const [k, c] of Object.entries(sheet.cells)) if (c.formula !== undefined) keys.add(k);
    idx = { cells: sheet.cells, keys };
    formulaIndex.set(sheet, idx);
  }
  return idx;
}

/** The cells of a sheet that hold a formula. */
export function formulaCells(sheet: SheetModel): CellModel[] {
  const idx = indexOf(sheet);
  const out: CellModel[] = [];
  for (const k of idx.keys) {
    const c = sheet.cells[k];
    if (c?.formula !== undefined) out.push(c);
  }
  return out;
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function parseCellKey(key: string): { row: number; col: number } {
  const comma = key.indexOf(',');
  return { row: Number(key.slice(0, comma)), col: Number(key.slice(comma + 1)) };
}

export function createSheet(name: string): SheetModel {
  return { name, visibility: 'Visible', protected: false, cells: {}, merges: [] };
}

export function createWorkbook(sheetNames: string[] = ['Sheet1']): WorkbookModel {
  return { sheets: sheetNames.map(createSheet), settings: {}, activeSheet: sheetNames[0] };
}

/** Excel compares sheet names without regard to case. */
export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const key = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === key);
}

export function getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.cells[cellKey(row, col)];
}

export function cellValue(sheet: SheetModel, row: number, col: number): CellScalar {
  return sheet.cells[cellKey(row, col)]?.value ?? '';
}

function isEmptyCell(c: CellModel): boolean {
  return (
    c.value === '' &&
    c.formula === undefined &&
    (c.numberFormat === undefined || c.numberFormat === GENERAL) &&
    c.fill === undefined
  );
}

/**
 * Changes some of a cell's fields; a field set to undefined is removed.
 * A cell left with nothing in it leaves the sparse map.
 */
export function patchCell(
  sheet: SheetModel,
  row: number,
  col: number,
  patch: Partial<CellModel>,
): void {
  const key = cellKey(row, col);
  touchSheet(sheet);
  const next: CellModel = { ...(sheet.cells[key] ?? { value: '' }) };
  for (const [k, v] of Object.entries(patch) as [keyof CellModel, CellModel[keyof CellModel]][]) {
    if (v === undefined) delete next[k];
    else (next as unknown as Record<string, unknown>)[k] = v;
  }
  if (next.value === undefined) next.value = '';
  if (next.numberFormat === GENERAL) delete next.numberFormat;
  if (next.fill === undefined) delete next.fillStyle;
  if (isEmptyCell(next)) delete sheet.cells[key];
  else sheet.cells[key] = next;
  const idx = formulaIndex.get(sheet);
  if (idx && idx.cells === sheet.cells) {
    if (next.formula !== undefined && !isEmptyCell(next)) idx.keys.add(key);
    else idx.keys.delete(key);
  }
}

/** Sets a constant value (dropping any formula); "" blanks the cell's content. */
export function setCellValue(sheet: SheetModel, row: number, col: number, value: CellScalar): void {
  patchCell(sheet, row, col, { value, formula: undefined });
}

export function mergeAt(sheet: SheetModel, row: number, col: number): Area | undefined {
  return sheet.merges.find(
    (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right,
  );
}

/** True for a cell hidden inside a merged area (not its top-left cell). */
export function isCoveredByMerge(sheet: SheetModel, row: number, col: number): boolean {
  const m = mergeAt(sheet, row, col);
  return m !== undefined && (m.top !== row || m.left !== col);
}

/** Records an area formatted (font, alignment, border), unless an area already recorded holds it. */
export function addStyled(sheet: SheetModel, area: Area): void {
  const list = (sheet.styled ??= []);
  const held = list.some(
    (a) =>
      a.top <= area.top && area.bottom <= a.bottom && a.left <= area.left && area.right <= a.right,
  );
  if (!held) list.push({ ...area });
}

/**
 * The used range as Excel computes it: cells with a value or formula, and
 * (unless valuesOnly) cells with a format or fill, merged areas and, with
 * `withStyled`, cells with only a font, border or alignment. Null for an empty sheet.
 */
export function usedArea(sheet: SheetModel, valuesOnly = false, withStyled = true): Area | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const take = (r1: number, c1: number, r2: number, c2: number) => {
    if (r1 < top) top = r1;
    if (c1 < left) left = c1;
    if (r2 > bottom) bottom = r2;
    if (c2 > right) right = c2;
  };
  for (const [key, c] of Object.entries(sheet.cells)) {
    if (valuesOnly && c.value === '' && c.formula === undefined) continue;
    const { row, col } = parseCellKey(key);
    take(row, col, row, col);
  }
  if (!valuesOnly) for (const m of sheet.merges) take(m.top, m.left, m.bottom, m.right);
  if (!valuesOnly && withStyled)
    for (const a of sheet.styled ?? []) take(a.top, a.left, a.bottom, a.right);
  return bottom === 0 ? null : { top, left, bottom, right };
}

/** Cells of the sparse map inside an area, without walking empty cells. */
export function cellsIn(
  sheet: SheetModel,
  area: Area,
): { row: number; col: number; cell: CellModel }[] {
  const out: { row: number; col: number; cell: CellModel }[] = [];
  const size = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  // Counting the map's keys walks the whole map: a small area (a cell cleared of its fill) is walked directly first.
  if (size <= 4096 || size <= Object.keys(sheet.cells).length) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.cells[cellKey(r, c)];
        if (cell) out.push({ row: r, col: c, cell });
      }
    }
    return out;
  }
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseCellKey(key);
    if (area.top <= row && row <= area.bottom && area.left <= col && col <= area.right)
      out.push({ row, col, cell });
  }
  return out;
}

/** A deep copy through JSON, as a save and reload of the file would give. */
export function cloneWorkbook(model: WorkbookModel): WorkbookModel {
  return JSON.parse(JSON.stringify(model)) as WorkbookModel;
}

/**
 * A sheet from rows of values starting at A1 (null or undefined leaves a cell
 * blank), with merged areas given as addresses ("A4:A5"); the hidden cells of
 * a merged area are blanked, as Excel keeps only the top-left value.
 */
export function sheetFromRows(
  name: string,
  rows: (CellScalar | null | undefined)[][],
  options: {
    merges?: string[];
    fills?: Record<string, string>;
    formats?: Record<string, string>;
  } = {},
): SheetModel {
  const sheet = createSheet(name);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== undefined && v !== '')
        sheet.cells[cellKey(i + 1, j + 1)] = { value: v };
    }),
  );
  const at = (address: string) => {
    const p = parseAddress(address);
    if (!p) throw new Error(`Not an address: ${address}`);
    return p.area;
  };
  for (const m of options.merges ?? []) {
    const a = at(m);
    sheet.merges.push(a);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        if (r !== a.top || c !== a.left) delete sheet.cells[cellKey(r, c)];
  }
  for (const [address, fill] of Object.entries(options.fills ?? {})) {
    const a = at(address);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) patchCell(sheet, r, c, { fill });
  }
  for (const [address, numberFormat] of Object.entries(options.formats ?? {})) {
    const a = at(address);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) patchCell(sheet, r, c, { numberFormat });
  }
  return sheet;
}

export function workbookOf(...sheets: SheetModel[]): WorkbookModel {
  return {
    sheets,
    settings: {},
    activeSheet: sheets[0]?.name ?? '',
    selection: sheets[0] ? { sheet: sheets[0].name, address: 'A1' } : undefined,
  };
}
