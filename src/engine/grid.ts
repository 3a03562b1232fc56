/** Reading a sheet grid by sheet coordinates (1-based rows and columns). */
import type { Area } from './address';
import type { SheetGrid } from './model';
import type { CellValue } from './numbers';

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row - (grid.origin?.row ?? 1)]?.[col - (grid.origin?.col ?? 1)];
}

/** The widest row's length, without spreading a large array into Math.max (which overflows the stack). */
export function gridWidth(values: readonly (readonly unknown[])[]): number {
  let w = 0;
  for (const r of values) if (r.length > w) w = r.length;
  return w;
}

/** The area a grid covers, or null for an empty grid. */
export function gridArea(grid: SheetGrid): Area | null {
  if (grid.values.length === 0) return null;
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  return {
    top,
    left,
    bottom: top + grid.values.length - 1,
    right: left + Math.max(1, gridWidth(grid.values)) - 1,
  };
}

/** The smallest area holding all the given areas. */
export function bounding(areas: readonly Area[]): Area {
  const b = { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
  for (const a of areas) {
    if (a.top < b.top) b.top = a.top;
    if (a.left < b.left) b.left = a.left;
    if (a.bottom > b.bottom) b.bottom = a.bottom;
    if (a.right > b.right) b.right = a.right;
  }
  return b;
}
