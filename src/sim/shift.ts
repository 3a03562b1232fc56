/**
 * Inserting and deleting cells with a shift, as Excel does: cells, fills and
 * merged areas move; a merged area that the insertion point crosses grows
 * (and shrinks on delete); inserted cells take the format of the cells before
 * them (Excel's "Format Same As Above"). Formulas are not rewritten.
 */
import { MAX_COLS, MAX_ROWS, type Area } from './a1';
import { ErrorCodes, Messages, simError } from './errors';
import { cellKey, parseCellKey, touchSheet, type CellModel, type SheetModel } from './model';

export type InsertShift = 'Down' | 'Right';
export type DeleteShift = 'Up' | 'Left';

/** One structural change, in the terms of its axis: rows for Down/Up, columns for Right/Left. */
export interface StructuralChange {
  sheet: SheetModel;
  kind: 'insert' | 'delete';
  axis: 'rows' | 'cols';
  /** First row (or column) inserted or deleted. */
  at: number;
  count: number;
  /** The cross-axis span that moves: columns for a row shift, rows for a column shift. */
  from: number;
  to: number;
}

interface Span {
  start: number;
  end: number;
  crossStart: number;
  crossEnd: number;
}

function toSpan(a: Area, axis: 'rows' | 'cols'): Span {
  return axis === 'rows'
    ? { start: a.top, end: a.bottom, crossStart: a.left, crossEnd: a.right }
    : { start: a.left, end: a.right, crossStart: a.top, crossEnd: a.bottom };
}

function fromSpan(s: Span, axis: 'rows' | 'cols'): Area {
  return axis === 'rows'
    ? { top: s.start, bottom: s.end, left: s.crossStart, right: s.crossEnd }
    : { left: s.start, right: s.end, top: s.crossStart, bottom: s.crossEnd };
}

export function describeChange(
  area: Area,
  kind: 'insert' | 'delete',
  shift: InsertShift | DeleteShift,
  sheet: SheetModel,
): StructuralChange {
  const axis = shift === 'Down' || shift === 'Up' ? 'rows' : 'cols';
  const s = toSpan(area, axis);
  return {
    sheet,
    kind,
    axis,
    at: s.start,
    count: s.end - s.start + 1,
    from: s.crossStart,
    to: s.crossEnd,
  };
}

/**
 * Where an area ends up after a change, or null when it was deleted.
 * Areas only partly inside the moving span keep their place.
 */
export function adjustArea(area: Area, ch: StructuralChange): Area | null {
  const s = toSpan(area, ch.axis);
  if (s.crossStart < ch.from || s.crossEnd > ch.to) return area;
  if (ch.kind === 'insert') {
    if (s.start >= ch.at)
      return fromSpan({ ...s, start: s.start + ch.count, end: s.end + ch.count }, ch.axis);
    if (s.end >= ch.at) return fromSpan({ ...s, end: s.end + ch.count }, ch.axis);
    return area;
  }
  const last = ch.at + ch.count - 1;
  if (s.end < ch.at) return area;
  if (s.start > last)
    return fromSpan({ ...s, start: s.start - ch.count, end: s.end - ch.count }, ch.axis);
  if (s.start >= ch.at && s.end <= last) return null;
  const start = s.start < ch.at ? s.start : ch.at;
  const removed = Math.min(s.end, last) - Math.max(s.start, ch.at) + 1;
  return fromSpan({ ...s, start, end: s.end - removed }, ch.axis);
}

function mergeBlocks(sheet: SheetModel, ch: StructuralChange): boolean {
  return sheet.merges.some((m) => {
    const s = toSpan(m, ch.axis);
    const overlapsCross = s.crossStart <= ch.to && ch.from <= s.crossEnd;
    const inside = s.crossStart >= ch.from && s.crossEnd <= ch.to;
    const reaches = ch.kind === 'insert' ? s.end >= ch.at : s.end >= ch.at;
    return overlapsCross && !inside && reaches;
  });
}

export function applyChange(ch: StructuralChange, location: string): void {
  const { sheet, axis } = ch;
  const limit = axis === 'rows' ? MAX_ROWS : MAX_COLS;
  if (mergeBlocks(sheet, ch))
    throw simError(ErrorCodes.invalidOperation, Messages.mergedCell(), location);
  const moved: Record<string, CellModel> = {};
  const main = (row: number, col: number) => (axis === 'rows' ? row : col);
  const cross = (row: number, col: number) => (axis === 'rows' ? col : row);
  const key = (m: number, c: number) => (axis === 'rows' ? cellKey(m, c) : cellKey(c, m));
  if (ch.kind === 'insert') {
    for (const [k, cell] of Object.entries(sheet.cells)) {
      const { row, col } = parseCellKey(k);
      const c = cross(row, col);
      if (
        c >= ch.from &&
        c <= ch.to &&
        main(row, col) >= ch.at &&
        main(row, col) + ch.count > limit &&
        cell.value !== ''
      ) {
        throw simError(
          ErrorCodes.nonBlankCellOffSheet,
          "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
          location,
        );
      }
    }
  }
  const last = ch.at + ch.count - 1;
  for (const [k, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseCellKey(k);
    const m = main(row, col);
    const c = cross(row, col);
    if (c < ch.from || c > ch.to || m < ch.at) {
      moved[k] = cell;
      continue;
    }
    if (ch.kind === 'insert') {
      if (m + ch.count <= limit) moved[key(m + ch.count, c)] = cell;
    } else if (m > last) {
      moved[key(m - ch.count, c)] = cell;
    }
  }
  if (ch.kind === 'insert' && ch.at > 1) {
    // Inserted cells take the number format and fill of the cells before them.
    for (let c = ch.from; c <= ch.to; c++) {
      const before = sheet.cells[key(ch.at - 1, c)];
      if (!before || (before.fill === undefined && before.numberFormat === undefined)) continue;
      for (let m = ch.at; m <= last; m++) {
        const fmt: CellModel = { value: '' };
        if (before.fill !== undefined) fmt.fill = before.fill;
        if (before.fillStyle !== undefined) fmt.fillStyle = { ...before.fillStyle };
        if (before.numberFormat !== undefined) fmt.numberFormat = before.numberFormat;
        moved[key(m, c)] = fmt;
      }
    }
  }
  sheet.cells = moved;
  touchSheet(sheet);
  const merges: Area[] = [];
  for (const m of sheet.merges) {
    const next = adjustArea(m, ch);
    if (next && (next.top !== next.bottom || next.left !== next.right)) merges.push(next);
  }
  sheet.merges = merges;
}
