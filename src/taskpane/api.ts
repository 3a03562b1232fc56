/**
 * The workbook actions of the task pane and the ribbon, as plain functions:
 * the Office.js adapter by default, a stand-in in tests.
 */
import type { Lang } from '../engine/messages';
import * as excel from './excel';

export interface TaskpaneApi {
  validate: typeof excel.validate;
  markFindings: typeof excel.markFindings;
  undo: typeof excel.undo;
  addFormulaColumns: typeof excel.addFormulaColumns;
  previewDistrictLine: typeof excel.previewDistrictLine;
  writeDistrictLine: typeof excel.writeDistrictLine;
  selectCell: typeof excel.selectCell;
  ledgersOf: typeof excel.ledgersOf;
  writeSummary: typeof excel.writeSummary;
  lang: () => Lang;
}

export const officeApi: TaskpaneApi = { ...excel, lang: excel.officeLang };
