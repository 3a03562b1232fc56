/**
 * Every Excel JavaScript API member the add-in calls, with the requirement
 * set that brought it (Microsoft's API reference, "API set"). The manifest
 * declares ExcelApi at the highest of them (test/manifest checks it), so that
 * Excel builds without it do not offer the add-in rather than fail at run time.
 * Workbook.readOnly is read only to word a refusal, inside a try.
 * Excel.run's delayForCellEdit is an option that builds without it ignore.
 */
export const EXCEL_API_USED: Record<string, string> = {
  getMergedAreasOrNullObject: '1.13',
  getCellProperties: '1.9',
  setCellProperties: '1.9',
  getRangeByIndexes: '1.7',
  getUsedRangeOrNullObject: '1.4',
  getItemOrNullObject: '1.4',
  getCount: '1.4',
  settings: '1.4',
  protection: '1.2',
  columnWidth: '1.2',
  visibility: '1.1',
  getActiveWorksheet: '1.1',
  getRange: '1.1',
  numberFormat: '1.1',
  formulas: '1.1',
  insert: '1.1',
  select: '1.1',
  activate: '1.1',
  setPosition: '1.1',
  setSolidColor: '1.1',
};

/** The highest version in the table ("1.13" > "1.9"). */
export function highestExcelApi(table: Record<string, string> = EXCEL_API_USED): string {
  const minor = (v: string) => Number(v.split('.')[1]);
  return Object.values(table).reduce((a, b) => (minor(b) > minor(a) ? b : a), '1.1');
}
