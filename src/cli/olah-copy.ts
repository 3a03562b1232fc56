/**
 * skm-rekap olah --out: a new workbook holding the processing sheet in the
 * official layout (src/engine/respondents/sheet-plan.ts), with its formulas.
 * A new workbook, so exceljs loses nothing of the user's.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../engine/messages';
import type { Processed } from '../engine/respondents/process';
import { processingSheetPlan, type SheetPlan } from '../engine/respondents/sheet-plan';
import { writeAtomically } from '../xlsx/copy/out-file';

export function applySheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name);
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula !== undefined) cell.value = { formula: c.formula.replace(/^=/, '') };
    else if (c.value !== undefined) cell.value = c.value;
    if (c.format) cell.numFmt = c.format;
    if (c.bold) cell.font = { bold: true };
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const w of plan.widths) ws.getColumn(w.col).width = w.width;
  return ws;
}

export async function writeProcessingCopy(p: Processed, out: string, lang: Lang): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Excel computes the formulas when the workbook opens.
  wb.calcProperties = { fullCalcOnLoad: true };
  applySheetPlan(wb, processingSheetPlan(p, lang));
  await writeAtomically(Buffer.from(await wb.xlsx.writeBuffer()), out);
}
