/**
 * Turns an .xlsx workbook (through exceljs) into the engine's sheet grids,
 * with Excel's semantics: a merged area's value only in its top-left cell,
 * formulas as their cached results, errors as "#DIV/0!", blanks as "".
 */
import ExcelJS from 'exceljs';
import type { Area } from '../engine/address';
import type { SheetGrid } from '../engine/model';
import type { CellValue } from '../engine/numbers';

/** What exceljs keeps of a merged area (Worksheet._merges holds Range objects). */
interface ExcelJsRange {
  model: { top: number; left: number; bottom: number; right: number };
}

export function cellValueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: string }).error);
      if (result instanceof Date) return excelSerial(result);
      return result as CellValue;
    }
    if ('text' in v) return String((v as { text: unknown }).text ?? '');
  }
  return String(v);
}

/** Excel's 1900 date serial, as range.values gives a date. */
function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/**
 * exceljs checks each new merge against every earlier one (quadratic: a recap
 * of 1,000 units with 15,000 merged areas took 20 s to open). The same check,
 * against an index of covered cells, costs the merge's own area.
 */
interface MergingWorksheet {
  _merges: Record<string, { intersects?: unknown }>;
  getCell(r: number, c: number): { address: string; merge(master: unknown, ignoreStyle?: boolean): void };
}
interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const covered = new WeakMap<object, Set<number>>();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const worksheetProto = (require('exceljs/lib/doc/worksheet') as { prototype: Record<string, (...args: never[]) => unknown> }).prototype;
worksheetProto._mergeCellsInternal = function mergeCellsIndexed(this: MergingWorksheet, d: Dimensions, ignoreStyle?: boolean): void {
  let cells = covered.get(this);
  if (!cells) {
    // Built on first use and after an unmerge: the index follows _merges.
    cells = new Set();
    for (const m of Object.values(this._merges) as unknown as Dimensions[]) {
      const mm = (m as unknown as { model?: Dimensions }).model ?? m;
      for (let r = mm.top; r <= mm.bottom; r++) for (let c = mm.left; c <= mm.right; c++) cells.add(r * 16384 + c);
    }
    covered.set(this, cells);
  }
  for (let r = d.top; r <= d.bottom; r++) {
    for (let c = d.left; c <= d.right; c++) if (cells.has(r * 16384 + c)) throw new Error('Cannot merge already merged cells');
  }
  const master = this.getCell(d.top, d.left);
  for (let r = d.top; r <= d.bottom; r++) {
    for (let c = d.left; c <= d.right; c++) {
      if (r > d.top || c > d.left) this.getCell(r, c).merge(master, ignoreStyle);
      cells.add(r * 16384 + c);
    }
  }
  this._merges[master.address] = d as unknown as { intersects?: unknown };
};
const originalUnmerge = worksheetProto.unMergeCells;
worksheetProto.unMergeCells = function unMergeCellsIndexed(this: object, ...args: unknown[]): unknown {
  covered.delete(this);
  return (originalUnmerge as (...a: unknown[]) => unknown).apply(this, args);
};

export function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const merges = (ws as unknown as { _merges?: Record<string, ExcelJsRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right }));
}

export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.findRow(r);
    const vr: CellValue[] = new Array(cols).fill('');
    const fr: (string | null)[] = new Array(cols).fill(null);
    row?.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged area's other cells read as the master's value in exceljs; in Excel they are empty.
      if (c > cols || cell.type === ExcelJS.ValueType.Merge) return;
      vr[c - 1] = cellValueOf(cell.value);
      fr[c - 1] = cell.numFmt || null;
    });
    values.push(vr);
    formats.push(fr);
  }
  return { name: ws.name, values, origin: { row: 1, col: 1 }, merges: mergesOf(ws), formats };
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function workbookGrids(wb: ExcelJS.Workbook): SheetGrid[] {
  return wb.worksheets.map(sheetGrid);
}
