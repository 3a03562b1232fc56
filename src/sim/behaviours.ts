/**
 * Where the simulated host follows Excel rather than the kinder behaviour it
 * once had. Each can be switched off (HostOptions.behaviours), so a test can
 * show that what it checks depends on it.
 */
export interface ExcelBehaviours {
  /**
   * Total size of the workbook's settings (UTF-8 JSON of keys and values) past
   * which settings.add and Setting.value are refused with InvalidArgument.
   * Microsoft documents 2 MB (Office.Settings.set; office-js #621); users see
   * the same refusal (office-js #3957). null: no limit.
   */
  settingsLimitBytes: number | null;
  /** Custom functions calculate after the request that changed their inputs: "#BUSY!" until then (office-js #6930, #4152). */
  asyncCustomFunctions: boolean;
  /** NOW(), TODAY() and RAND() give a new value at every calculation. */
  volatileFunctions: boolean;
  /** Cells with only a font, border or alignment (and whole rows or columns so formatted) count in the used range. */
  formattedCellsInUsedRange: boolean;
  /** getMergedAreasOrNullObject lists only merged areas whose top-left cell lies in the range (office-js #3611). */
  mergedAreasByTopLeft: boolean;
  /** Reading values, formulas, formats or cell properties of more cells than this fails with RangeExceedsLimit. null: no limit. */
  cellLimit: number | null;
  /** Inserting or deleting rows and columns rewrites the references of every formula that points there, on every sheet. */
  shiftFormulaReferences: boolean;
  /** Text written through values is read as typed in the host's locale: dates, times, fractions, currency, grouped numbers. */
  localeInput: boolean;
}

export const EXCEL_BEHAVIOURS: ExcelBehaviours = {
  settingsLimitBytes: 2 * 1024 * 1024,
  asyncCustomFunctions: true,
  volatileFunctions: true,
  formattedCellsInUsedRange: true,
  mergedAreasByTopLeft: true,
  cellLimit: 5_000_000,
  shiftFormulaReferences: true,
  localeInput: true,
};

/** Office.context.document.mode and what writes get: a read-only file and Excel on the web's viewing mode refuse every write. */
export type DocumentMode = 'readWrite' | 'readOnly' | 'viewOnly';
