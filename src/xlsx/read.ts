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

export function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const merges = (ws as unknown as { _merges?: Record<string, ExcelJsRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right }));
}

export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const merges = mergesOf(ws);
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vr: CellValue[] = new Array(cols).fill('');
    const fr: (string | null)[] = new Array(cols).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      if (covered.has(`${r},${c}`)) return;
      vr[c - 1] = cellValueOf(cell.value);
      fr[c - 1] = cell.numFmt || null;
    });
    values.push(vr);
    formats.push(fr);
  }
  return { name: ws.name, values, origin: { row: 1, col: 1 }, merges, formats };
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function workbookGrids(wb: ExcelJS.Workbook): SheetGrid[] {
  return wb.worksheets.map(sheetGrid);
}
