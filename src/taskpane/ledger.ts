/**
 * What the add-in wrote into a workbook, kept in the workbook's settings so
 * that "Hapus Tanda" and "Pulihkan" work after reopening, on any computer.
 * Pure data and comparisons: no Office.js here.
 */
import type { CellValue } from '../engine/numbers';

export const LEDGER_VERSION = 1;

/** A cell as it was before the add-in wrote it, and what the add-in wrote. */
export interface LedgerCell {
  address: string;
  before: CellValue;
  after: CellValue;
  /** The formula the cell held, restored instead of `before` (a RATA-RATA line is often =AVERAGE(...)). */
  beforeFormula?: string;
  /** The number format before, where the add-in set one. */
  beforeFormat?: string;
}

export interface LedgerFill {
  address: string;
  /** The fill before marking: null when the cell had no fill. */
  before: string | null;
  after: string;
}

export interface Ledger {
  version: number;
  kind: 'marks' | 'formulas' | 'average';
  sheet: string;
  createdAt: string;
  fills: LedgerFill[];
  cells: LedgerCell[];
  /** A row the add-in inserted (the new RATA-RATA line), to delete on restore. */
  insertedRow: number | null;
}

export function ledgerKey(kind: Ledger['kind'], sheet: string): string {
  return `skmRekap.${kind}.${sheet}`;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === undefined || v === '';
  if (blank(a) && blank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** Excel's fill colour of an unfilled cell, as getCellProperties reports it, counts as no fill. */
export function fillOf(
  color: string | undefined | null,
  pattern: string | undefined | null,
): string | null {
  if (!color || pattern === 'None') return null;
  return color.toUpperCase();
}

/** Text Excel would not keep as text when written through range.values: a formula, a number, a percentage, a date, TRUE/FALSE. */
const REREAD_AS_VALUE = [
  /^[=+\-@]/,
  /^\s*[+-]?(\d[\d.,]*|[.,]\d+)([eE][+-]?\d+)?\s*%?\s*$/,
  /^\s*(true|false)\s*$/i,
  /^\s*\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?\s*$/,
];

/**
 * Text that Excel would take as a formula ("=", "+", "-", "@") or turn into a
 * number, a date or a boolean ("12", "5%", "1.", "TRUE") gets the text prefix
 * "'", which Excel stores as a flag, not as part of the text: text written or
 * restored stays the text it was.
 */
export function asText(v: string | number): string | number {
  return typeof v === 'string' && REREAD_AS_VALUE.some((re) => re.test(v)) ? `'${v}` : v;
}
