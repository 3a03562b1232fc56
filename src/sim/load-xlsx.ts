/**
 * .xlsx <-> WorkbookModel through exceljs (Node only), so the simulated host
 * and the preview can open a real recap. Values come out as Excel's
 * range.values gives them: a formula's cached result (its text kept), errors
 * as "#DIV/0!", rich text as plain text, dates as serial numbers, the hidden
 * cells of a merged area blank.
 */
import ExcelJS from 'exceljs';
// Also makes exceljs's merging linear: a national recap has hundreds of thousands of merged areas.
import { mergesOf } from '../xlsx/exceljs-merges';
import {
  cellKey,
  type CellModel,
  type CellScalar,
  type SheetModel,
  type SheetVisibility,
  type WorkbookModel,
} from './model';

/** Office's default theme (Office 2013-2022), in exceljs's theme index order. */
const THEME = [
  'FFFFFF',
  '000000',
  'E7E6E6',
  '44546A',
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
];

function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function scalarOf(v: unknown): CellScalar {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if (Array.isArray(o.richText))
      return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return scalarOf(o.result);
    if ('text' in o) return scalarOf(o.text);
  }
  return String(v);
}

function tinted(hex: string, tint: number): string {
  const ch = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = ch.map((c) => Math.round(tint >= 0 ? c + (255 - c) * tint : c * (1 + tint)));
  return out
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** A solid fill's colour as "#RRGGBB" (ARGB or theme colour); undefined for no fill or patterns. */
export function fillColor(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const fg = fill.fgColor as { argb?: string; theme?: number; tint?: number } | undefined;
  if (fg?.argb && /^[0-9A-Fa-f]{8}$/.test(fg.argb)) return `#${fg.argb.slice(2).toUpperCase()}`;
  if (fg?.argb && /^[0-9A-Fa-f]{6}$/.test(fg.argb)) return `#${fg.argb.toUpperCase()}`;
  if (fg?.theme !== undefined && THEME[fg.theme])
    return `#${tinted(THEME[fg.theme], fg.tint ?? 0)}`;
  return undefined;
}

const VISIBILITY: Record<string, SheetVisibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

export function sheetModelOf(ws: ExcelJS.Worksheet): SheetModel {
  const merges = mergesOf(ws);
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }
  const cells: Record<string, CellModel> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const key = cellKey(r, c);
      const out: CellModel = { value: '' };
      if (!covered.has(key)) {
        out.value = scalarOf(cell.value);
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && cell.formula)
          out.formula = `=${cell.formula}`;
      }
      if (cell.numFmt && cell.numFmt !== 'General') out.numberFormat = cell.numFmt;
      const fill = fillColor(cell.fill);
      if (fill) out.fill = fill;
      if (out.value !== '' || out.formula || out.numberFormat || out.fill) cells[key] = out;
    });
  });
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return {
    name: ws.name,
    visibility: VISIBILITY[ws.state] ?? 'Visible',
    protected: Boolean(protection?.sheet),
    cells,
    merges,
  };
}

export function modelFromExcelJs(wb: ExcelJS.Workbook): WorkbookModel {
  const sheets = wb.worksheets.map(sheetModelOf);
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const active =
    sheets[activeTab]?.visibility === 'Visible'
      ? sheets[activeTab]
      : (sheets.find((s) => s.visibility === 'Visible') ?? sheets[0]);
  return {
    sheets,
    settings: {},
    activeSheet: active?.name ?? '',
    selection: active ? { sheet: active.name, address: 'A1' } : undefined,
  };
}

export async function loadXlsxBuffer(data: Buffer | ArrayBuffer): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return modelFromExcelJs(wb);
}

export async function loadXlsxFile(path: string): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return modelFromExcelJs(wb);
}

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

function excelJsValue(c: CellModel): ExcelJS.CellValue {
  const asValue = (v: CellScalar): ExcelJS.CellValue =>
    typeof v === 'string' && ERROR_VALUES.has(v) ? ({ error: v } as ExcelJS.CellErrorValue) : v;
  if (c.formula)
    return { formula: c.formula.slice(1), result: asValue(c.value) } as ExcelJS.CellFormulaValue;
  return c.value === '' ? null : asValue(c.value);
}

/**
 * The model written back through exceljs. Workbook settings are not written
 * (exceljs has no web-extension parts); everything else the model holds is.
 */
export async function modelToExcelJs(model: WorkbookModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const state =
      sheet.visibility === 'Visible'
        ? 'visible'
        : sheet.visibility === 'Hidden'
          ? 'hidden'
          : 'veryHidden';
    const ws = wb.addWorksheet(sheet.name, { state });
    for (const [key, c] of Object.entries(sheet.cells)) {
      const [r, col] = key.split(',').map(Number);
      const cell = ws.getCell(r, col);
      const v = excelJsValue(c);
      if (v !== null) cell.value = v;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.fill)
        cell.fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: `FF${c.fill.slice(1)}` },
        };
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    if (sheet.protected) await ws.protect('', {});
  }
  const activeTab = Math.max(
    0,
    model.sheets.findIndex((s) => s.name === model.activeSheet),
  );
  wb.views = [
    {
      activeTab,
      firstSheet: 0,
      visibility: 'visible',
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
    } as ExcelJS.WorkbookView,
  ];
  return wb;
}

export async function saveXlsxBuffer(model: WorkbookModel): Promise<Buffer> {
  const wb = await modelToExcelJs(model);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
