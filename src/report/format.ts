/**
 * How the report writes numbers, dates and NIPs: the Indonesian forms of an
 * official document (87,68; 83,23%; 30 November 2025; 19791231 199810 1 002).
 */
import { decimalsOf, formatId, type ParsedNumber } from '../engine/numbers';

/** 87,68 */
export const id2 = (x: number): string => formatId(x, 2);

/** 83,23% */
export const pct2 = (x: number): string => `${formatId(x, 2)}%`;

/** A count with Indonesian thousands separators: 1.686 */
export const count = (n: number): string => formatId(n, 0);

/** A number as it was typed (3,379 stays 3,379; 84,5 stays 84,5), at most `max` decimals. */
export function asTyped(x: number, max = 4): string {
  return formatId(x, Math.min(decimalsOf(x), max));
}

/** A read cell as the recap shows it: numbers in Indonesian form, text as written. */
export function cellText(p: ParsedNumber | null | undefined): string {
  if (!p) return '';
  if (p.kind === 'number') return asTyped(p.value);
  if (p.kind === 'blank') return '';
  return p.text;
}

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** 30 November 2025 (the date is read as a calendar day, without a time zone). */
export function dateId(d: { year: number; month: number; day: number }): string {
  return `${d.day} ${MONTHS_ID[d.month - 1]} ${d.year}`;
}

/** An NIP of 18 digits in its printed groups 8 6 1 3: 19791231 199810 1 002. */
export function nipGroups(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

/** "Kabupaten Banjar" -> "KABUPATEN BANJAR". */
export const upper = (s: string): string => s.toLocaleUpperCase('id-ID');
