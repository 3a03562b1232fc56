/** Sheet grids as the simulated Excel host (src/sim) holds them, for tests that run the adapter. */
import type { SheetGrid } from '../../src/engine/model';
import {
  cellKey,
  createSheet,
  workbookOf,
  type CellScalar,
  type SheetModel,
  type WorkbookModel,
} from '../../src/sim/model';
import { mergeAreas } from '../../src/engine/merges';

/** A sheet grid's values, number formats and merged areas as a simulated sheet. */
export function sheetModelOf(grid: SheetGrid): SheetModel {
  const sheet = createSheet(grid.name);
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      // Excel's default format is no format; a blank is an empty cell (a text of spaces is kept as typed).
      const raw = grid.formats?.[i]?.[j];
      const format = raw && raw !== 'General' ? raw : undefined;
      const blank = v === null || v === undefined || v === '';
      if (blank && !format) return;
      sheet.cells[cellKey(top + i, left + j)] = {
        value: blank ? '' : (v as CellScalar),
        ...(format ? { numberFormat: format } : {}),
      };
    }),
  );
  sheet.merges = mergeAreas(grid.merges).map((m) => ({ ...m }));
  return sheet;
}

/** A workbook of these sheets, the first one active. */
export function workbookModelOf(...grids: SheetGrid[]): WorkbookModel {
  return workbookOf(...grids.map(sheetModelOf));
}
