/** A1 addresses. Rows and columns are 1-based sheet coordinates. */

export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/** Parses "B12" or "$B$12". */
export function parseA1(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** A rectangular area, such as a merged area, in 1-based sheet coordinates. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's last row and column (a sheet is 1,048,576 rows by XFD columns). */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/**
 * One end of an area: a cell ("B12"), a whole row ("12") or a whole column ("B"),
 * with or without "$".
 */
function parseEnd(text: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { row: m[2] ? Number(m[2]) : null, col: m[1] ? columnNumber(m[1]) : null };
}

/**
 * Parses "A4:A5" (or a single cell), with or without a sheet name, and the
 * whole rows and columns Excel gives for used ranges and entire rows
 * ("Sheet1!1:335", "A:T").
 */
export function parseArea(address: string): Area | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a, extra] = bare.split(':');
  if (extra !== undefined) return null;
  const p = parseEnd(a);
  const q = parseEnd(b);
  if (!p || !q) return null;
  // Both ends of one kind: cells, rows (1:335) or columns (A:T); "5" alone is no address.
  const rowsOnly = p.col === null && q.col === null;
  const colsOnly = p.row === null && q.row === null;
  if ((p.col === null || q.col === null) && !rowsOnly) return null;
  if ((p.row === null || q.row === null) && !colsOnly) return null;
  if (rowsOnly && a === bare) return null;
  if (colsOnly && a === bare) return null;
  const r1 = p.row ?? 1;
  const r2 = q.row ?? MAX_ROW;
  const c1 = p.col ?? 1;
  const c2 = q.col ?? MAX_COL;
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

export function areaAddress(area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return tl === br ? tl : `${tl}:${br}`;
}
