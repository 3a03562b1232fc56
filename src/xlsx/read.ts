/**
 * Turns an .xlsx workbook (through exceljs) into the engine's sheet grids,
 * with Excel's semantics: a merged area's value only in its top-left cell,
 * formulas as their cached results, errors as "#DIV/0!", blanks as "".
 */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../engine/model';
import type { CellValue } from '../engine/numbers';
import { mergesOf } from './exceljs-merges';

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
      if (typeof result === 'object' && result !== null && 'error' in result)
        return String((result as { error: string }).error);
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
