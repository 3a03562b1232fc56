/**
 * A1 addresses as Excel writes and reads them, for the simulated host.
 * Areas are 1-based and inclusive; whole rows and columns span Excel's grid.
 */
import { a1, columnLetters, columnNumber, type Area } from '../engine/address';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export { columnLetters, columnNumber, type Area };

export function cellAddress(row: number, col: number): string {
  return a1(row, col);
}

/** "A1:B2", "A1", whole columns "A:C" and whole rows "3:5", as Excel prints them. */
export function areaAddress(a: Area): string {
  const wholeColumns = a.top === 1 && a.bottom === MAX_ROWS;
  const wholeRows = a.left === 1 && a.right === MAX_COLS;
  if (wholeRows) return `${a.top}:${a.bottom}`;
  if (wholeColumns) return `${columnLetters(a.left)}:${columnLetters(a.right)}`;
  const tl = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${cellAddress(a.bottom, a.right)}`;
}

/**
 * Excel quotes a sheet name in a reference unless it is a plain identifier
 * that could not be read as a cell reference ("Sheet1" stays bare, "Rekap SKM" and "A1" are quoted).
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeCell =
    /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr](\d*)[Cc](\d*)$/.test(name) || /^[RrCc]$/.test(name);
  const looksLikeBool = /^(TRUE|FALSE)$/i.test(name);
  if (plain && !looksLikeCell && !looksLikeBool) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheet: string, a: Area): string {
  return `${quoteSheetName(sheet)}!${areaAddress(a)}`;
}

export interface ParsedAddress {
  sheet?: string;
  area: Area;
}

function parseEndpoint(s: string): { row?: number; col?: number } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const col = m[1] === undefined ? undefined : columnNumber(m[1]);
  const row = m[2] === undefined ? undefined : Number(m[2]);
  if (col !== undefined && (col < 1 || col > MAX_COLS)) return null;
  if (row !== undefined && (row < 1 || row > MAX_ROWS)) return null;
  return { row, col };
}

/**
 * Parses "B12", "$A$4:$A$5", "A:C", "3:5" and sheet-qualified forms
 * ("Sheet1!A1", "'Rekap SKM OPP 2025'!A1:T335"). Returns null when Excel would reject it.
 */
export function parseAddress(address: string): ParsedAddress | null {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const s = text.slice(0, bang);
    text = text.slice(bang + 1);
    sheet =
      s.startsWith("'") && s.endsWith("'") && s.length >= 2
        ? s.slice(1, -1).replace(/''/g, "'")
        : s;
  }
  const parts = text.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const p = parseEndpoint(parts[0]);
  const q = parts.length === 2 ? parseEndpoint(parts[1]) : p;
  if (!p || !q) return null;
  const kind = (e: { row?: number; col?: number }) =>
    e.row !== undefined && e.col !== undefined ? 'cell' : e.row !== undefined ? 'row' : 'col';
  if (kind(p) !== kind(q)) return null;
  if (parts.length === 1 && kind(p) !== 'cell') return null;
  let area: Area;
  if (kind(p) === 'row') area = { top: p.row!, bottom: q.row!, left: 1, right: MAX_COLS };
  else if (kind(p) === 'col') area = { top: 1, bottom: MAX_ROWS, left: p.col!, right: q.col! };
  else area = { top: p.row!, left: p.col!, bottom: q.row!, right: q.col! };
  return {
    sheet,
    area: {
      top: Math.min(area.top, area.bottom),
      bottom: Math.max(area.top, area.bottom),
      left: Math.min(area.left, area.right),
      right: Math.max(area.left, area.right),
    },
  };
}

export function areaRows(a: Area): number {
  return a.bottom - a.top + 1;
}

export function areaColumns(a: Area): number {
  return a.right - a.left + 1;
}

export function areaCells(a: Area): number {
  return areaRows(a) * areaColumns(a);
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    outer.top <= inner.top &&
    inner.bottom <= outer.bottom &&
    outer.left <= inner.left &&
    inner.right <= outer.right
  );
}

export function intersection(a: Area, b: Area): Area | null {
  if (!intersects(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function boundingArea(a: Area, b: Area): Area {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

export function onGrid(a: Area): boolean {
  return (
    a.top >= 1 &&
    a.left >= 1 &&
    a.bottom <= MAX_ROWS &&
    a.right <= MAX_COLS &&
    a.top <= a.bottom &&
    a.left <= a.right
  );
}
