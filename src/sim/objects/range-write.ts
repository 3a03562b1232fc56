/** What a write of values, formulas or number formats does to a sheet's cells. */
import { areaAddress, areaColumns, areaRows, cellAddress, intersects, type Area } from '../a1';
import { ErrorCodes, Messages, simError } from '../errors';
import { type Exec } from '../client';
import { interpretInput } from '../input';
import { cellKey, cellsIn, patchCell, type CellModel, type SheetModel } from '../model';
import { typedLocale } from './shared';

/** Writes a 2-D array of the area's shape (null skips a cell) or one scalar for every cell. */
export function writeCells(
  exec: Exec,
  sheet: SheetModel,
  area: Area,
  prop: 'values' | 'formulas' | 'numberFormat',
  input: unknown,
  loc: string,
): void {
  if (input === null || input === undefined)
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), loc);
  const grid = Array.isArray(input) ? input : null;
  if (grid) {
    const ok =
      grid.length === areaRows(area) &&
      grid.every((row) => Array.isArray(row) && row.length === areaColumns(area));
    if (!ok) throw simError(ErrorCodes.invalidArgument, Messages.shapeMismatch(), loc);
  }
  // The merged areas the write meets, found once: a national recap has hundreds of
  // thousands, and a scan of all of them per cell made large writes quadratic.
  const merges = sheet.merges.filter((x) => intersects(x, area));
  const writeCell = (r: number, c: number, v: unknown) => {
    if (v === null || v === undefined) return;
    const m = merges.find((x) => x.top <= r && r <= x.bottom && x.left <= c && c <= x.right);
    const covered = m !== undefined && (m.top !== r || m.left !== c);
    if (prop === 'numberFormat') {
      if (typeof v !== 'string')
        throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), loc);
      patchCell(sheet, r, c, { numberFormat: v === '' ? undefined : v });
      return;
    }
    if (covered) {
      // Excel keeps a merged area's value in its top-left cell only.
      if (v !== '')
        exec.log(
          `  ignored ${JSON.stringify(v)} for ${cellAddress(r, c)} inside merged ${areaAddress(m!)}`,
        );
      return;
    }
    const cur = sheet.cells[cellKey(r, c)];
    const res = interpretInput(v, cur?.numberFormat, loc, typedLocale(exec));
    const patch: Partial<CellModel> = { value: res.value, formula: res.formula };
    if (res.numberFormat) patch.numberFormat = res.numberFormat;
    patchCell(sheet, r, c, patch);
  };
  if (!grid && input === '' && prop !== 'numberFormat') {
    for (const { row, col } of cellsIn(sheet, area))
      patchCell(sheet, row, col, { value: '', formula: undefined });
    return;
  }
  if (!grid && input === '' && prop === 'numberFormat') {
    for (const { row, col } of cellsIn(sheet, area))
      patchCell(sheet, row, col, { numberFormat: undefined });
    return;
  }
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++)
      writeCell(r, c, grid ? grid[r - area.top][c - area.left] : input);
  }
}
