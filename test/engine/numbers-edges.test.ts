// Numbers as staff type them and as the reports write them, at the edges StrykerJS found unguarded
// in src/engine/numbers.ts (issue 16): grouping past thousands, signs, exponents.
import {
  decimalsOf,
  formatEn,
  formatId,
  numberOrNull,
  parseNumber,
} from '../../src/engine/numbers';

const COUNTS = { counts: true };
const read = (text: string, counts = false) => {
  const p = parseNumber(text, counts ? COUNTS : {});
  return p.kind === 'number' ? { value: p.value, decimals: p.decimals } : p.kind;
};

describe('numbers written for the reports', () => {
  it('group every three digits, millions included, in both languages', () => {
    expect(formatId(1234567.891)).toBe('1.234.567,89');
    expect(formatEn(1234567.891)).toBe('1,234,567.89');
    expect(formatId(1234567, 0)).toBe('1.234.567');
    expect(formatEn(100000, 0)).toBe('100,000');
  });

  it('sign a negative number, and never a zero', () => {
    expect(formatId(-1234.5)).toBe('-1.234,50');
    expect(formatEn(-1234.5)).toBe('-1,234.50');
    expect(formatId(0)).toBe('0,00');
    expect(formatEn(0)).toBe('0.00');
    // Rounds to zero: written without a sign.
    expect(formatId(-0.004)).toBe('0,00');
    expect(formatEn(-0.004)).toBe('0.00');
  });
});

describe('counts typed as text with thousands separators', () => {
  it('read Indonesian groups of any length, with a decimal part of any length', () => {
    expect(read('1.234.567', true)).toEqual({ value: 1234567, decimals: 0 });
    expect(read('12.500,55')).toEqual({ value: 12500.55, decimals: 2 });
    expect(read('12.500,5')).toEqual({ value: 12500.5, decimals: 1 });
  });

  it('read English groups in a count, with a decimal part of any length', () => {
    expect(read('1,234,567', true)).toEqual({ value: 1234567, decimals: 0 });
    expect(read('12,345.75', true)).toEqual({ value: 12345.75, decimals: 2 });
    expect(read('1,686', true)).toEqual({ value: 1686, decimals: 0 });
  });

  it('take a separator not followed by groups of exactly three digits as a decimal one', () => {
    // Four digits before the point, two after the comma: no grouping.
    expect(read('1234.567', true)).toEqual({ value: 1234.567, decimals: 3 });
    expect(read('1234,567', true)).toEqual({ value: 1234.567, decimals: 3 });
    expect(read('1,23', true)).toEqual({ value: 1.23, decimals: 2 });
    // Outside a count a lone group is a decimal part ("3,686" and "1.686" are scores).
    expect(read('1,686')).toEqual({ value: 1.686, decimals: 3 });
    expect(read('1.686')).toEqual({ value: 1.686, decimals: 3 });
  });

  it('read signs and spaces, and refuse letters', () => {
    expect(read('-3,5')).toEqual({ value: -3.5, decimals: 1 });
    expect(read('+3,5')).toEqual({ value: 3.5, decimals: 1 });
    expect(read('1 686', true)).toEqual({ value: 1686, decimals: 0 });
    expect(read('1.686 orang', true)).toBe('text');
    expect(read('x1.686', true)).toBe('text');
  });
});

describe('decimals of a computed number', () => {
  it('count the places an exponent adds, however many digits it has', () => {
    expect(decimalsOf(1.5e-7)).toBe(8);
    expect(decimalsOf(1.5e-10)).toBe(11);
    expect(decimalsOf(2.25e-12)).toBe(14);
    expect(decimalsOf(0.123456)).toBe(6);
  });
});

describe('cell values read as numbers, or not', () => {
  it('never takes one number for another that shares its first three decimals', () => {
    // Readings are shared by value (a national recap repeats a few thousand values); values that
    // differ past the third decimal must each keep their own.
    for (const [a, b] of [
      [3.1234, 3.1231],
      [3.123, 3.1234],
      [84.0611, 84.061],
    ]) {
      expect(parseNumber(a)).toMatchObject({ kind: 'number', value: a });
      expect(parseNumber(b)).toMatchObject({ kind: 'number', value: b });
      expect(parseNumber(a)).toMatchObject({ kind: 'number', value: a });
    }
  });

  it('reads TRUE and FALSE in a score cell as text, not as a number', () => {
    expect(parseNumber(true)).toEqual({ kind: 'text', text: 'true' });
    expect(parseNumber(false)).toEqual({ kind: 'text', text: 'false' });
  });

  it('refuses digits past what a number can hold rather than reading Infinity', () => {
    expect(read('9'.repeat(400))).toBe('text');
    expect(read('9' + '.999'.repeat(150), true)).toBe('text');
  });

  it('gives null, never undefined, for a blank, a text or an error', () => {
    expect(numberOrNull(parseNumber(''))).toBeNull();
    expect(numberOrNull(parseNumber(null))).toBeNull();
    expect(numberOrNull(parseNumber('tiga'))).toBeNull();
    expect(numberOrNull(parseNumber('#N/A'))).toBeNull();
    expect(numberOrNull(parseNumber('3,5'))).toBe(3.5);
  });
});

describe('typed numbers that only start like a number', () => {
  it('reads a count with a stray third group as text, never as a larger count', () => {
    // "1.686.12" is no grouping of thousands: reading it as 168,612 respondents would hide the typo.
    expect(read('1.686.12', true)).toBe('text');
    expect(read('1,686,12', true)).toBe('text');
    expect(read('1.686', true)).toEqual({ value: 1686, decimals: 0 });
    expect(read('1,686', true)).toEqual({ value: 1686, decimals: 0 });
  });

  it('reads a number typed with a trailing separator ("85," or "3.") as that number', () => {
    expect(read('85,')).toEqual({ value: 85, decimals: 0 });
    expect(read('3.')).toEqual({ value: 3, decimals: 0 });
    expect(read('85x')).toBe('text');
  });

  it('reads a TRUE or FALSE cell as the text it shows, not as a blank text', () => {
    expect(parseNumber(true)).toEqual({ kind: 'text', text: 'true' });
    expect(parseNumber(false)).toEqual({ kind: 'text', text: 'false' });
  });
});

describe('numbers Excel gives as numbers, read in any order', () => {
  it('keeps a value below a thousandth apart from the thousandth it rounds to', () => {
    expect(numberOrNull(parseNumber(0.001))).toBe(0.001);
    expect(numberOrNull(parseNumber(0.0005))).toBe(0.0005);
    expect(numberOrNull(parseNumber(0.0015))).toBe(0.0015);
    expect(numberOrNull(parseNumber(0.002))).toBe(0.002);
  });

  it('keeps a large population apart from a score whose thousandths share its low digits', () => {
    // 5,000,000 x 1000 wraps to 705,032,704 in 32 bits: the same slot as 705,032.704 x 1000.
    expect(numberOrNull(parseNumber(5e6))).toBe(5e6);
    expect(numberOrNull(parseNumber(705032.704))).toBe(705032.704);
    expect(numberOrNull(parseNumber(5e6))).toBe(5e6);
  });
});
