/**
 * The Excel objects of the simulated host, one file per family under
 * src/sim/objects/: Workbook, WorksheetCollection, Worksheet, Range,
 * RangeFormat/RangeFill/RangeFont, RangeAreas, RangeCollection,
 * SettingCollection and Setting. Each is a proxy in the Office.js manner:
 * methods and property writes queue operations, reads need load() and
 * context.sync(). Only the subset the add-in uses is here; anything else fails
 * loudly ("not simulated") rather than behaving differently from Excel.
 * Importing this module loads every family (and registers their constructors).
 */
export { SimWorkbook } from './objects/workbook';
export { SimWorksheet, SimWorksheetCollection, SimWorksheetProtection } from './objects/worksheet';
export { SimRange } from './objects/range';
export { SimRangeFill, SimRangeFont, SimRangeFormat } from './objects/format';
export { SimRangeAreas, SimRangeCollection } from './objects/range-areas';
export { SimSetting, SimSettingCollection } from './objects/settings';
export type { RangeLike, WorksheetLike } from './objects/shared';
