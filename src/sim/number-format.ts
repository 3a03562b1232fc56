/**
 * range.text for the simulated host: a cell's value as Excel displays it under
 * its number format. Covers General, fixed decimals ("0", "0.00", "#,##0.00"),
 * percentages ("0%", "0.00%"), text ("@") and simple dates; anything else falls back to General.
 */
import type { CellScalar } from './model';

export interface NumberLocale {
  decimalSeparator: string;
  thousandsSeparator: string;
}

export const EN_US: NumberLocale = { decimalSeparator: '.', thousandsSeparator: ',' };
export const ID_ID: NumberLocale = { decimalSeparator: ',', thousandsSeparator: '.' };

/** Rounds half away from zero at `decimals` places on the decimal form, as Excel displays. */
function fixed(abs: number, decimals: number): string {
  const clean = Number(abs.toPrecision(15));
  const scaled = Math.round(clean * 10 ** decimals + 1e-9);
  const s = String(scaled).padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

function localise(s: string, locale: NumberLocale, grouping: boolean): string {
  const [int, frac] = s.split('.');
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000') : int;
  const withGroups = grouped.split('\u0000').join(locale.thousandsSeparator);
  return frac === undefined ? withGroups : `${withGroups}${locale.decimalSeparator}${frac}`;
}

/** General: up to 11 characters, as in a standard-width column. */
export function formatGeneral(v: number, locale: NumberLocale = EN_US): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = abs.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${sign}${localise(m, locale, false)}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, 10 - intDigits - (sign ? 1 : 0));
  const s = fixed(abs, decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return sign + localise(s, locale, false);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function formatDate(serial: number, fmt: string): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth() + 1;
  const D = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const two = (n: number) => String(n).padStart(2, '0');
  return fmt.replace(
    /yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s/gi,
    (tok, offset: number, whole: string) => {
      const t = tok.toLowerCase();
      // "m" after an hour or before seconds means minutes.
      const before = whole.slice(0, offset).toLowerCase();
      const after = whole.slice(offset + tok.length).toLowerCase();
      const minutes =
        (t === 'm' || t === 'mm') && (/h[^a-z]*$/.test(before) || /^[^a-z]*s/.test(after));
      switch (t) {
        case 'yyyy':
          return String(Y);
        case 'yy':
          return two(Y % 100);
        case 'mmmm':
          return MONTHS[M - 1];
        case 'mmm':
          return MONTHS[M - 1].slice(0, 3);
        case 'mm':
          return minutes ? two(mi) : two(M);
        case 'm':
          return minutes ? String(mi) : String(M);
        case 'dd':
          return two(D);
        case 'd':
          return String(D);
        case 'hh':
          return two(h);
        case 'h':
          return String(h);
        case 'ss':
          return two(s);
        default:
          return String(s);
      }
    },
  );
}

/** Removes quoted literals, escapes, colours and conditions, keeping the digit pattern. */
function stripLiterals(section: string): { pattern: string; prefix: string; suffix: string } {
  let pattern = '';
  let prefix = '';
  let suffix = '';
  let seenDigit = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let lit = '';
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
      continue;
    } else if (ch === '_' || ch === '*') {
      i++;
      continue;
    } else if ('0#?.,%'.includes(ch)) {
      pattern += ch;
      if ('0#?'.includes(ch)) seenDigit = true;
      continue;
    } else {
      lit = ch;
    }
    if (seenDigit) suffix += lit;
    else prefix += lit;
  }
  return { pattern, prefix, suffix };
}

export function formatNumber(
  v: number,
  numberFormat: string | undefined,
  locale: NumberLocale = EN_US,
): string {
  const fmt = numberFormat ?? 'General';
  if (fmt === 'General' || fmt === '' || fmt === '@') return formatGeneral(v, locale);
  const sections = fmt.split(';');
  const section = v < 0 && sections.length > 1 ? sections[1] : sections[0];
  const sign = v < 0 && sections.length === 1 ? '-' : '';
  const abs = Math.abs(v);
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/[yd]|m{1,4}|h/i.test(bare) && !/[0#?]/.test(bare))
    return sign + formatDate(abs, section.replace(/"([^"]*)"/g, '$1').replace(/\[[^\]]*\]/g, ''));
  const { pattern, prefix, suffix } = stripLiterals(section);
  if (!/[0#?]/.test(pattern)) return prefix + suffix || formatGeneral(v, locale);
  const percent = pattern.includes('%');
  const dot = pattern.indexOf('.');
  const decimals = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const intPart = dot < 0 ? pattern : pattern.slice(0, dot);
  const grouping = /[0#?],[0#?]/.test(intPart);
  const scaled = percent ? abs * 100 : abs;
  let s = fixed(scaled, decimals);
  // Optional decimal digits ("#") drop trailing zeros.
  const optional = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/#/g) ?? []).length;
  for (let i = 0; i < optional && s.endsWith('0') && s.includes('.'); i++) s = s.slice(0, -1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (!/0/.test(intPart) && s.startsWith('0.')) s = s.slice(1);
  return `${sign}${prefix}${localise(s, locale, grouping)}${suffix}${percent && !suffix.includes('%') ? '%' : ''}`;
}

/** The text Excel shows for a value: strings as they are, booleans in capitals, numbers formatted. */
export function displayText(
  value: CellScalar,
  numberFormat: string | undefined,
  locale: NumberLocale = EN_US,
): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return formatNumber(value, numberFormat, locale);
}
