/**
 * What Excel makes of a value written through range.values or range.formulas:
 * "=..." (and "+x"/"-x" that are not numbers) becomes a formula, a leading
 * apostrophe keeps the rest as text, numeric, percent and TRUE/FALSE strings
 * become numbers and booleans (unless the cell is formatted as text, "@").
 */
import { ErrorCodes, Messages, simError } from './errors';
import type { CellScalar } from './model';
import { parseTyped, type InputLocale } from './typed-input';

export interface Interpreted {
  value: CellScalar;
  formula?: string;
  /** Set when the input itself implies a format ("12%" -> "0%"). */
  numberFormat?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;

/**
 * The result of a formula the simulator cannot calculate: literals
 * ("=5", "=\"x\"", "=TRUE") give their value, anything else "#NAME?".
 */
export function formulaResult(formula: string): CellScalar {
  const body = formula.slice(1).trim();
  if (NUMBER.test(body)) return Number(body);
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  if (/^TRUE$/i.test(body)) return true;
  if (/^FALSE$/i.test(body)) return false;
  return '#NAME?';
}

/**
 * With `locale`, text is read as Excel reads what is typed there (src/sim/typed-input.ts):
 * dates, times, fractions, currency and grouped numbers become numbers.
 */
export function interpretInput(
  input: unknown,
  currentFormat: string | undefined,
  location: string,
  locale?: InputLocale,
): Interpreted {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string')
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
  if (input === '') return { value: '' };
  if (currentFormat === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1)
    return { value: formulaResult(input), formula: input };
  const trimmed = input.trim();
  if (locale) {
    if (locale === 'en-US' && NUMBER.test(trimmed)) return { value: Number(trimmed) };
    const typed = parseTyped(trimmed, locale);
    if (typed) {
      const general = currentFormat === undefined || currentFormat === 'General';
      return general && typed.numberFormat
        ? { value: typed.value, numberFormat: typed.numberFormat }
        : { value: typed.value };
    }
  } else if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  const pct = PERCENT.exec(trimmed);
  if (pct) {
    const decimals = pct[1].includes('.') ? pct[1].split('.')[1].length : 0;
    const numberFormat =
      currentFormat === undefined || currentFormat === 'General'
        ? decimals
          ? `0.${'0'.repeat(decimals)}%`
          : '0%'
        : undefined;
    return { value: Number(pct[1]) / 100, numberFormat };
  }
  if (/^(TRUE|FALSE)$/i.test(trimmed)) return { value: /^TRUE$/i.test(trimmed) };
  if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1) {
    const formula = `=${input}`;
    return { value: formulaResult(formula), formula };
  }
  return { value: input };
}
