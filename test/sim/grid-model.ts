/** Sheet grids as the simulated Excel host (src/sim) holds them, for tests that run the adapter. */
import type { SheetGrid } from '../../src/engine/model';
import { isBlank } from '../../src/engine/numbers';
import { cellKey, createSheet, type CellScalar, type SheetModel, type WorkbookModel } from '../../src/sim/model';

/** A sheet grid's values, number formats and merged areas as a simulated sheet. */
export function sheetModelOf(grid: SheetGrid): SheetModel {
  const sheet = createSheet(grid.name);
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const format = grid.formats?.[i]?.[j];
      if (isBlank(v) && !format) return;
      sheet.cells[cellKey(top + i, left + j)] = { value: isBlank(v) ? '' : (v as CellScalar), ...(format ? { numberFormat: format } : {}) };
    }),
  );
  sheet.merges = (grid.merges ?? []).map((m) => ({ ...m }));
  return sheet;
}

/** A workbook of these sheets, the first one active. */
export function workbookModelOf(...grids: SheetGrid[]): WorkbookModel {
  const sheets = grids.map(sheetModelOf);
  return { sheets, settings: {}, activeSheet: sheets[0].name, selection: { sheet: sheets[0].name, address: 'A1' } };
}
