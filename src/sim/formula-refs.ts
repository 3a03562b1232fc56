/**
 * References in formulas follow inserted and deleted rows and columns, as in
 * Excel: on the changed sheet and on every other sheet that points there
 * ("=SUM(E6:E9)" becomes "=SUM(E7:E10)" after a row is inserted above; a
 * reference to deleted cells becomes #REF!). Text in quotes is left alone.
 */
import { MAX_COLS, MAX_ROWS, columnLetters, columnNumber } from './a1';
import { touchSheet, type WorkbookModel } from './model';
import type { StructuralChange } from './shift';

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$'!])(${SHEET})?(${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(!])`,
  'g',
);
const END = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

interface End {
  colAbs: string;
  col?: number;
  rowAbs: string;
  row?: number;
}

function parseEnd(s: string): End | null {
  const m = END.exec(s);
  if (!m) return null;
  return {
    colAbs: m[1],
    col: m[2] ? columnNumber(m[2]) : undefined,
    rowAbs: m[3],
    row: m[4] ? Number(m[4]) : undefined,
  };
}

function printEnd(e: End): string {
  return `${e.col !== undefined ? `${e.colAbs}${columnLetters(e.col)}` : ''}${e.row !== undefined ? `${e.rowAbs}${e.row}` : ''}`;
}

/** The new span [a, b] along the changed axis, or null when it was deleted whole. */
function moveSpan(a: number, b: number, ch: StructuralChange): [number, number] | null {
  const end = ch.at + ch.count - 1;
  if (ch.kind === 'insert') return [a >= ch.at ? a + ch.count : a, b >= ch.at ? b + ch.count : b];
  if (a >= ch.at && b <= end) return null;
  const na = a > end ? a - ch.count : a >= ch.at ? ch.at : a;
  const nb = b > end ? b - ch.count : b >= ch.at ? ch.at - 1 : b;
  return [na, nb];
}

/** One reference (without its sheet) after the change, "#REF!" when its cells are gone. */
function shiftRef(ref: string, ch: StructuralChange): string {
  const [p, q] = ref.split(':');
  const a = parseEnd(p);
  const b = q === undefined ? a : parseEnd(q);
  if (!a || !b) return ref;
  const rows = ch.axis === 'rows';
  const along = (e: End) => (rows ? e.row : e.col);
  const across = (e: End) => (rows ? e.col : e.row);
  const a1 = along(a);
  const b1 = along(b);
  // A whole-column reference does not move with rows (and a whole-row one with columns).
  if (a1 === undefined || b1 === undefined) return ref;
  const lo = across(a) ?? 1;
  const hi = across(b) ?? (rows ? MAX_COLS : MAX_ROWS);
  // Cells shifted within some columns (rows) only: a reference moves when it lies in them.
  if (lo < ch.from || hi > ch.to) return ref;
  const moved = moveSpan(Math.min(a1, b1), Math.max(a1, b1), ch);
  if (!moved) return '#REF!';
  const set = (e: End, v: number): End => (rows ? { ...e, row: v } : { ...e, col: v });
  const na = set(a, moved[0]);
  if (q === undefined) return printEnd(na);
  return `${printEnd(na)}:${printEnd(set(b, moved[1]))}`;
}

/** Rewrites every formula of the workbook that refers to the changed sheet. */
export function shiftFormulas(model: WorkbookModel, change: StructuralChange): void {
  const changed = change.sheet.name.toLowerCase();
  for (const sheet of model.sheets) {
    let touched = false;
    for (const cell of Object.values(sheet.cells)) {
      if (!cell.formula) continue;
      const next = rewrite(cell.formula, sheet.name, changed, change);
      if (next !== cell.formula) {
        cell.formula = next;
        touched = true;
      }
    }
    if (touched) touchSheet(sheet);
  }
}

function rewrite(formula: string, ownSheet: string, changed: string, ch: StructuralChange) {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (whole: string, prefix: string | undefined, ref: string) => {
            const sheet = prefix
              ? prefix
                  .slice(0, -1)
                  .replace(/^'(.*)'$/, '$1')
                  .replace(/''/g, "'")
              : ownSheet;
            if (sheet.toLowerCase() !== changed) return whole;
            const next = shiftRef(ref, ch);
            return next === '#REF!' ? '#REF!' : `${prefix ?? ''}${next}`;
          }),
    )
    .join('');
}
