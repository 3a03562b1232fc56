/**
 * Columns SKM Rekap itself writes beside a recap: the helper formulas of "Kolom Rumus"
 * (=SKM.IKM, =SKM.KATEGORI, =SKM.PERIKSA under these headers). Read again they are ours, not the
 * table's: they neither widen the table (the next run would put its notes and formulas further
 * right) nor stand for its IKM or category column.
 */
import { normalise } from './unsur';

export const FORMULA_HEADERS = ['SKM.IKM', 'SKM.KATEGORI', 'SKM.PERIKSA'] as const;

const OWN = new Set(FORMULA_HEADERS.map((h) => normalise(h)));

/** Whether a header cell's text is one of those SKM Rekap writes. */
export function isOwnHeader(text: string): boolean {
  return OWN.has(normalise(text));
}
