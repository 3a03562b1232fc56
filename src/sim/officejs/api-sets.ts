/**
 * The ExcelApi requirement set of each member the add-in calls that is newer
 * than ExcelApi 1.1 (Microsoft's "Excel JavaScript API requirement sets"
 * pages). Excel answers a call to a member its build lacks with ApiNotFound;
 * Office.js's own client-side check is inactive in this library (it sets
 * Utility._doApiNotSupportedCheck while throwIfApiNotSupported reads
 * CommonUtility's), so the executor answers it as Excel does.
 */
import { supports, type RequirementSets } from '../profiles';

const EXCEL_API: Record<string, string> = {
  'Range.GetMergedAreasOrNullObject': '1.13',
  'Range.GetMergedAreas': '1.13',
  'Range.GetCellProperties': '1.9',
  'Range.SetCellProperties': '1.9',
  'Workbook.GetActiveCell': '1.7',
  'Worksheet.GetRangeByIndexes': '1.7',
  'Range.GetResizedRange': '1.7',
  'Range.GetAbsoluteResizedRange': '1.7',
  'Range.GetUsedRangeOrNullObject': '1.4',
  'Worksheet.GetUsedRangeOrNullObject': '1.4',
  'WorksheetCollection.GetItemOrNullObject': '1.4',
  'WorksheetCollection.GetCount': '1.4',
  'SettingCollection.GetItemOrNullObject': '1.4',
  'SettingCollection.Add': '1.4',
  'SettingCollection.GetItem': '1.4',
  'Workbook.Settings': '1.4',
  'Range.GetIntersectionOrNullObject': '1.4',
  'Worksheet.Protection': '1.2',
  'RangeFormat.ColumnWidth': '1.2',
  'RangeFormat.RowHeight': '1.2',
  'RangeFormat.AutofitColumns': '1.2',
  'RangeFormat.AutofitRows': '1.2',
};

/** Office.js's text for ApiNotFound (its ResourceStrings.ApiNotFoundDetails). */
export function apiNotFoundMessage(member: string, set: string): string {
  return `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`;
}

/** The requirement set a member needs and the host lacks, or null. */
export function missingSet(
  typeName: string,
  wireName: string,
  sets: RequirementSets,
): string | null {
  const version = EXCEL_API[`${typeName}.${wireName}`];
  return version && !supports(sets, 'ExcelApi', version) ? `ExcelApi ${version}` : null;
}
