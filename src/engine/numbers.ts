/**
 * Numbers as staff type them into a recap: real numbers, text with a decimal
 * comma ("3,46"), Indonesian thousands separators in counts ("1.686"),
 * percentages as 0.75, 75 or "75%", error values (#DIV/0!) and blanks.
 */

/** A cell value as Excel hands it over (range.values): blanks are "". */
export type CellValue = string | number | boolean | null | undefined;

export type ParsedNumber =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; decimals: number; fromText: boolean; percent?: boolean }
  | { kind: 'error'; text: string }
  | { kind: 'text'; text: string };

const BLANK: ParsedNumber = Object.freeze({ kind: 'blank' });
const NUMBER_CACHE_LIMIT = 100000;
const numberCache = new Map<number, ParsedNumber>();
const MILLI_LIMIT = 100000;
const byMilli: (ParsedNumber | undefined)[] = new Array<ParsedNumber | undefined>(
  MILLI_LIMIT + 1,
).fill(undefined);

function plainNumber(v: number): ParsedNumber {
  return Object.freeze({
    kind: 'number',
    value: v,
    decimals: decimalsOf(v),
    fromText: false,
  }) as ParsedNumber;
}
const EXCEL_ERROR =
  /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isExcelError(v: CellValue): boolean {
  return typeof v === 'string' && EXCEL_ERROR.test(v.trim());
}

/** Count of decimals in the shortest decimal form of a number (3.43 -> 2, 0.9167000000000001 -> 16). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  // Up to 6 decimals, x/10^d rounds back to the value exactly when its shortest form has d decimals.
  for (let d = 1, p = 10; d <= 6; d++, p *= 10) if (Math.round(value * p) / p === value) return d;
  const s = String(Math.abs(value));
  const exp = /e([+-]\d+)$/.exec(s);
  const mantissa = exp ? s.slice(0, exp.index) : s;
  const dot = mantissa.indexOf('.');
  const frac = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, frac - (exp ? Number(exp[1]) : 0));
}

/**
 * Reads a decimal typed as text. A comma is the decimal separator (Indonesian);
 * a point followed by exactly three digits in groups ("1.686", "12.500,5") is a
 * thousands separator only when `counts` says the value is a whole count.
 */
function parseDecimalText(
  raw: string,
  counts: boolean,
): { value: number; decimals: number } | null {
  let s = raw.replace(/[\s\u00a0]/g, '');
  if (!s) return null;
  let sign = 1;
  if (/^[+-]/.test(s)) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  let intPart: string;
  let fracPart = '';
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && (counts || s.includes(','))) {
    // Indonesian grouping: 1.686 or 12.500,5
    const [i, f = ''] = s.split(',');
    intPart = i.replace(/\./g, '');
    fracPart = f;
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && counts) {
    // English grouping in a count: 1,686
    const [i, f = ''] = s.split('.');
    intPart = i.replace(/,/g, '');
    fracPart = f;
  } else if (/^\d*[.,]\d+$/.test(s) || /^\d+[.,]?$/.test(s)) {
    const [i, f = ''] = s.split(/[.,]/);
    // ".5": Number(".5") reads the blank integer part as 0.
    intPart = i;
    fracPart = f;
  } else {
    return null;
  }
  const value = sign * Number(`${intPart}.${fracPart || '0'}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: fracPart.length };
}

export interface ParseOptions {
  /** The cell holds a whole count (respondents): "1.686" reads as 1686. */
  counts?: boolean;
}

export function parseNumber(v: CellValue, options: ParseOptions = {}): ParsedNumber {
  if (isBlank(v)) return BLANK;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', text: String(v) };
    // Recaps repeat a few thousand typed values; sharing their (immutable) readings saves a national
    // recap millions of allocations. Scores (0.001 to 100 with up to three decimals) are found by
    // value x 1000, a small integer index: several times faster than hashing a double in a Map.
    const milli = Math.round(v * 1000);
    if (milli >= 1 && milli <= MILLI_LIMIT && milli / 1000 === v) {
      const i = milli | 0;
      return byMilli[i] ?? (byMilli[i] = plainNumber(v));
    }
    let p = numberCache.get(v);
    if (p === undefined) {
      if (numberCache.size >= NUMBER_CACHE_LIMIT) numberCache.clear();
      p = plainNumber(v);
      numberCache.set(v, p);
    }
    return p;
  }
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  const text = String(v).trim();
  if (isExcelError(text)) return { kind: 'error', text };
  const percent = /%$/.test(text);
  const body = percent ? text.slice(0, -1) : text;
  const parsed = parseDecimalText(body, options.counts === true && !percent);
  if (!parsed) return { kind: 'text', text };
  return {
    kind: 'number',
    value: parsed.value,
    decimals: parsed.decimals,
    fromText: true,
    percent,
  };
}

/** The value of a parsed number, or null. */
export function numberOrNull(p: ParsedNumber): number | null {
  return p.kind === 'number' ? p.value : null;
}

/**
 * Half a unit in the last decimal a value was typed with (docs/skm-rules.md §5).
 * Six or more decimals mean a computed value: no rounding to allow for.
 */
export function halfUnit(decimals: number): number {
  // Decimals are counted digits (0 and up); anything else allows for nothing.
  return HALF_UNITS[decimals] ?? 0;
}

/** halfUnit of 0-5 decimals, worked out once. */
const HALF_UNITS = [0, 1, 2, 3, 4, 5].map((d) => 0.5 * Math.pow(10, -d));

/** Rounds half away from zero (the category decision of §3), robust to binary noise. */
export function roundHalfAway(x: number, decimals = 2): number {
  const f = Math.pow(10, decimals);
  const scaled = Math.abs(x) * f;
  const r = Math.floor(scaled + 0.5 + 1e-9);
  return (Math.sign(x) * r) / f;
}

/** Indonesian number form: 86,12 and 1.686. */
export function formatId(x: number, decimals = 2): string {
  const r = roundHalfAway(x, decimals);
  const [i, f] = Math.abs(r).toFixed(decimals).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (r < 0 ? '-' : '') + grouped + (f ? ',' + f : '');
}

/** English number form: 86.12 and 1,686. */
export function formatEn(x: number, decimals = 2): string {
  const r = roundHalfAway(x, decimals);
  const [i, f] = Math.abs(r).toFixed(decimals).split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (r < 0 ? '-' : '') + grouped + (f ? '.' + f : '');
}
