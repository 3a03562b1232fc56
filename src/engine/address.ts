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

/** Parses "A4:A5" (or a single cell). */
export function parseArea(address: string): Area | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function areaAddress(area: Area): string {
  const tl = a1(area.top, area.left);
  const br = a1(area.bottom, area.right);
  return tl === br ? tl : `${tl}:${br}`;
}
