/**
 * What Excel makes of text typed into a cell (or written through
 * range.values) in a given locale, beyond plain numbers: grouped numbers
 * ("1,000" in en-US, "1.686" in id-ID), decimal commas ("3,46" in id-ID),
 * currency ("$1,000", "Rp 1.000"), dates ("1/2" is 2 January in en-US and
 * 1 February in id-ID; "Jan-25", "25-Jan"), times ("12:30") and fractions with
 * a whole part ("1 1/2"). Each becomes a number with the format Excel gives it.
 * Text that is none of these stays text.
 */
export type InputLocale = 'en-US' | 'id-ID';

export interface Typed {
  value: number;
  numberFormat?: string;
}

/** Dates without a year fall in the simulated clock's year (src/sim/calculation.ts starts it in 2025). */
export const SIM_YEAR = 2025;

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  mei: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  agu: 8,
  agt: 8,
  agustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  okt: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  des: 12,
  desember: 12,
  december: 12,
};

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel's serial date (1900 system): days since 1899-12-30. */
export function serialDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86400000 + 25569;
}

function twoDigitYear(y: number): number {
  return y < 30 ? 2000 + y : 1900 + y;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, y);
}

function separators(locale: InputLocale) {
  return locale === 'id-ID' ? { dec: ',', group: '.' } : { dec: '.', group: ',' };
}

/** "1.234,5" (id-ID) or "1,234.5" (en-US), with or without groups; groups must be of three digits. */
function localNumber(
  s: string,
  locale: InputLocale,
): { value: number; grouped: boolean; decimals: number } | null {
  const { dec, group } = separators(locale);
  const e = (c: string) => (c === '.' ? '\\.' : c);
  const m = new RegExp(`^([+-]?)(\\d{1,3}(?:${e(group)}\\d{3})+|\\d+)(?:${e(dec)}(\\d+))?$`).exec(
    s,
  );
  if (!m) return null;
  const int = m[2].split(group).join('');
  const frac = m[3] ?? '';
  const value = Number(`${m[1]}${int}${frac ? `.${frac}` : ''}`);
  return Number.isFinite(value)
    ? { value, grouped: m[2].includes(group), decimals: frac.length }
    : null;
}

function groupedFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function currency(s: string, locale: InputLocale): Typed | null {
  const m = locale === 'id-ID' ? /^(-?)Rp\.?\s*(.+)$/i.exec(s) : /^(-?)\$\s*(.+)$/.exec(s);
  if (!m) return null;
  const n = localNumber(m[2], locale);
  if (!n || n.value < 0) return null;
  const body = n.decimals > 0 ? '#,##0.00' : '#,##0';
  const numberFormat = locale === 'id-ID' ? `[$Rp-421]${body}` : `$${body}`;
  return { value: m[1] ? -n.value : n.value, numberFormat };
}

function time(s: string): Typed | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/p/i.test(m[4]) ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  const numberFormat = m[4] ? 'h:mm AM/PM' : m[3] ? 'h:mm:ss' : 'h:mm';
  return { value: (h * 3600 + min * 60 + sec) / 86400, numberFormat };
}

function slashDate(s: string, locale: InputLocale): Typed | null {
  const m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(s);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [month, day] = locale === 'id-ID' ? [b, a] : [a, b];
  const year =
    m[3] === undefined ? SIM_YEAR : m[3].length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
  if (!validDate(year, month, day)) return null;
  const numberFormat =
    m[3] === undefined ? 'd-mmm' : locale === 'id-ID' ? 'dd/mm/yyyy' : 'm/d/yyyy';
  return { value: serialDate(year, month, day), numberFormat };
}

function monthNameDate(s: string): Typed | null {
  // "Jan-25", "Jan 2025", "25-Jan", "25 Januari 2025"
  const md = /^([A-Za-z]+)[-\s](\d{1,4})$/.exec(s);
  if (md) {
    const month = MONTHS[md[1].toLowerCase()];
    if (!month) return null;
    const n = Number(md[2]);
    if (md[2].length <= 2 && n >= 1 && n <= daysIn(month, SIM_YEAR))
      return { value: serialDate(SIM_YEAR, month, n), numberFormat: 'd-mmm' };
    const year = md[2].length <= 2 ? twoDigitYear(n) : n;
    return { value: serialDate(year, month, 1), numberFormat: 'mmm-yy' };
  }
  const dm = /^(\d{1,2})[-\s]([A-Za-z]+)(?:[-\s](\d{2}|\d{4}))?$/.exec(s);
  if (dm) {
    const month = MONTHS[dm[2].toLowerCase()];
    const day = Number(dm[1]);
    const year =
      dm[3] === undefined
        ? SIM_YEAR
        : dm[3].length === 2
          ? twoDigitYear(Number(dm[3]))
          : Number(dm[3]);
    if (!month || !validDate(year, month, day)) return null;
    return { value: serialDate(year, month, day), numberFormat: dm[3] ? 'd-mmm-yy' : 'd-mmm' };
  }
  return null;
}

function fraction(s: string): Typed | null {
  const m = /^(-?)(\d+) (\d+)\/(\d+)$/.exec(s);
  if (!m) return null;
  const den = Number(m[4]);
  if (den === 0) return null;
  const v = Number(m[2]) + Number(m[3]) / den;
  return { value: m[1] ? -v : v, numberFormat: den < 10 ? '# ?/?' : '# ??/??' };
}

/** The number Excel makes of typed text in `locale`, or null when it stays text. */
export function parseTyped(text: string, locale: InputLocale): Typed | null {
  const s = text.trim();
  if (s === '') return null;
  const n = localNumber(s, locale);
  if (n)
    return n.grouped
      ? { value: n.value, numberFormat: groupedFormat(n.decimals) }
      : { value: n.value };
  return currency(s, locale) ?? time(s) ?? fraction(s) ?? slashDate(s, locale) ?? monthNameDate(s);
}
