/**
 * Writes the engine's plan into a copy of the workbook (exceljs), never into
 * the original, and refuses a copy that would lose what exceljs cannot carry.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WritePlan } from '../engine/plan';
import { FILL } from '../engine/plan';
import { mergesOf } from './exceljs-merges';
import type { SummaryLayout } from '../engine/summary-sheet';

/** Parts of an .xlsx that exceljs 4.4 drops or mangles on a round trip. */
const FRAGILE_PARTS: { pattern: RegExp; id: string; en: string }[] = [
  { pattern: /^xl\/charts\//, id: 'grafik', en: 'charts' },
  { pattern: /^xl\/pivotTables\//, id: 'tabel pivot', en: 'pivot tables' },
  { pattern: /^xl\/media\//, id: 'gambar', en: 'images' },
  { pattern: /^xl\/drawings\/(?!vmlDrawing)/, id: 'objek gambar', en: 'drawings' },
  { pattern: /^xl\/threadedComments\//, id: 'komentar berutas', en: 'threaded comments' },
  { pattern: /^xl\/slicers\//, id: 'slicer', en: 'slicers' },
  { pattern: /^xl\/vbaProject\.bin$/, id: 'makro VBA', en: 'VBA macros' },
];

export interface LossCheck {
  id: string[];
  en: string[];
}

/** What a copy made by exceljs would lose, read from the file's parts. */
export async function contentAtRisk(buffer: Buffer): Promise<LossCheck> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files);
  const hits = FRAGILE_PARTS.filter((p) => names.some((n) => p.pattern.test(n)));
  return { id: hits.map((h) => h.id), en: hits.map((h) => h.en) };
}

/**
 * Inserts an empty row before `at`, moving the merged areas below it too
 * (exceljs's spliceRows moves cells but not merges).
 */
function insertRow(ws: ExcelJS.Worksheet, at: number): void {
  const below = mergesOf(ws).filter((m) => m.top >= at);
  for (const m of below) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  ws.spliceRows(at, 0, []);
  for (const m of below) ws.mergeCells(m.top + 1, m.left, m.bottom + 1, m.right);
}

/**
 * Changes one cell's style. exceljs shares one style object among all the cells
 * read with the same style, so setting cell.fill in place would colour them all.
 */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`sheet ${plan.sheet} not found`);
  if (plan.average.insert) insertRow(ws, plan.average.row);

  // The copy rewrites the existing average line with the recomputed values, which resolves its
  // mismatches there: they are neither marked nor noted, so checking the copy again changes nothing.
  const onAverage = (row: number) => plan.average.exists && row === plan.average.row;
  const rewritten = new Set(plan.average.cells.map((c) => c.col));
  for (const m of plan.marks) {
    if (onAverage(m.row) && rewritten.has(m.col)) continue;
    restyle(ws.getCell(m.row, m.col), {
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[m.severity] } },
    });
  }
  for (const c of plan.notes.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (onAverage(c.row)) {
      cell.value = null;
      continue;
    }
    // A string is stored as text by exceljs: "=..." never becomes a formula.
    cell.value = c.value;
    restyle(cell, { alignment: { wrapText: true, vertical: 'top' } });
  }
  const notesColumn = ws.getColumn(plan.notes.col);
  if (!notesColumn.width || notesColumn.width < 40) notesColumn.width = 60;

  for (const c of [...plan.average.cells, ...plan.sentences]) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.format) restyle(cell, { numFmt: c.format });
  }
}

/**
 * Writes the workbook to `out` through a temporary file and a rename, so that
 * a crash never leaves a half-written file.
 */
export async function writeAtomically(wb: ExcelJS.Workbook, out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const buffer = await wb.xlsx.writeBuffer();
    await fs.writeFile(tmp, Buffer.from(buffer as ArrayBuffer));
    await fs.rename(tmp, out);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** True when two paths name the same file (also through links or case on some systems). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/**
 * Writes the "Ringkasan SKM" sheet, replacing an earlier one in place (same
 * position), never adding a second. exceljs cannot make charts: the layout's
 * charts are left to the add-in.
 */
export function applySummary(wb: ExcelJS.Workbook, layout: SummaryLayout): void {
  const old = wb.getWorksheet(layout.sheet);
  const position = old ? wb.worksheets.indexOf(old) : -1;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(layout.sheet);
  if (position >= 0) {
    // exceljs orders sheets by orderNo: put the new sheet where the old one was.
    const sheets = wb.worksheets.filter((w) => w !== ws);
    sheets.splice(position, 0, ws);
    sheets.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
  }
  for (const [col, width] of Object.entries(layout.widths)) ws.getColumn(Number(col)).width = width;
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.format) cell.numFmt = c.format;
    if (c.style === 'title') cell.font = { bold: true, size: 14 };
    else if (c.style === 'heading') cell.font = { bold: true, size: 12 };
    else if (c.style === 'header') cell.font = { bold: true };
  }
}
