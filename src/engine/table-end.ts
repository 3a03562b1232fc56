/** What ends a recap table other than its average line. */
import { normalise } from './unsur';

/**
 * Lines under a recap that end it: a total row, notes and sources, the signature block (place and
 * date, "Mengetahui", the signer's office, name and NIP). Read on the normalised text of the row's
 * first cell with text.
 */
const FOOTER_PATTERN =
  /^(jumlah|total|grand total|catatan|keterangan|ket|sumber|mengetahui|menyetujui|disetujui|disahkan|kepala|nip|ttd|tanda tangan|dibuat oleh|disusun oleh|diperiksa oleh|a n|plt|plh|pj|bupati|walikota|wali kota|gubernur)\b/;
const PLACE_DATE_PATTERN =
  /^[a-z ]+ \d{1,2} (januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember) \d{4}$/;

/** Whether a cell's text is a footer line: a total, a note, a source or a signature line. */
export function isFooterText(text: string): boolean {
  const n = normalise(text);
  return FOOTER_PATTERN.test(n) || PLACE_DATE_PATTERN.test(n);
}
