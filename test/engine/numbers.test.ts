/** Numbers as staff type them into a recap (docs/skm-rules.md §5-§6). */
import {
  decimalsOf,
  formatEn,
  formatId,
  halfUnit,
  isExcelError,
  parseNumber,
  roundHalfAway,
} from '../../src/engine/numbers';
import { analyse, recap, tahunan, unit, BASE } from './grid';

const num = (value: number, decimals: number, fromText: boolean) =>
  expect.objectContaining({ kind: 'number', value, decimals, fromText });

describe('parseNumber', () => {
  it('takes a number as it is, with the decimals of its shortest form', () => {
    expect(parseNumber(3.46)).toEqual(num(3.46, 2, false));
    expect(parseNumber(88)).toEqual(num(88, 0, false));
  });

  it('reads a decimal comma in text ("3,46", "88,93")', () => {
    expect(parseNumber('3,46')).toEqual(num(3.46, 2, true));
    expect(parseNumber('88,93')).toEqual(num(88.93, 2, true));
  });

  it('keeps the decimals typed in text, trailing zeros included ("83,60" is 2 decimals)', () => {
    expect(parseNumber('83,60')).toEqual(num(83.6, 2, true));
  });

  it('reads a decimal point in text too ("3.46")', () => {
    expect(parseNumber('3.46')).toEqual(num(3.46, 2, true));
  });

  it('reads "1.686" as 1686 in a count (Indonesian thousands separator)', () => {
    expect(parseNumber('1.686', { counts: true })).toEqual(num(1686, 0, true));
    expect(parseNumber('12.500', { counts: true })).toEqual(num(12500, 0, true));
  });

  it('reads "1.686" as 1,686 where the value is not a count', () => {
    expect(parseNumber('1.686')).toEqual(num(1.686, 3, true));
  });

  it('reads "12.500,5" with both separators', () => {
    expect(parseNumber('12.500,5')).toEqual(num(12500.5, 1, true));
  });

  it('reads a percent sign ("75%", "100%") in percent points', () => {
    expect(parseNumber('75%')).toEqual(
      expect.objectContaining({ kind: 'number', value: 75, percent: true, fromText: true }),
    );
    expect(parseNumber('100%')).toEqual(
      expect.objectContaining({ kind: 'number', value: 100, percent: true }),
    );
    expect(parseNumber('87,5%')).toEqual(
      expect.objectContaining({ kind: 'number', value: 87.5, percent: true }),
    );
  });

  it('reads a sign', () => {
    expect(parseNumber('-3,5')).toEqual(num(-3.5, 1, true));
  });

  it.each([['#DIV/0!'], ['#N/A'], ['#VALUE!'], ['#REF!'], ['#NAME?'], ['#NUM!'], [' #div/0! ']])(
    'takes the error value %s as an error, not a number',
    (raw) => {
      expect(parseNumber(raw)).toEqual({ kind: 'error', text: raw.trim() });
      expect(isExcelError(raw)).toBe(true);
    },
  );

  it('takes a non-finite number as an error', () => {
    expect(parseNumber(Number.NaN).kind).toBe('error');
    expect(parseNumber(Number.POSITIVE_INFINITY).kind).toBe('error');
  });

  it.each([[''], ['   '], [null], [undefined]])('reads %p as blank', (raw) => {
    expect(parseNumber(raw)).toEqual({ kind: 'blank' });
  });

  it.each([['abc'], ['tiga koma empat'], ['3,4,5'], ['3.46.2'], ['3,4 poin'], ['-'], ['1.686.5']])(
    'keeps the garbage %p as text',
    (raw) => {
      expect(parseNumber(raw)).toEqual({ kind: 'text', text: raw });
    },
  );

  it('keeps a boolean as text', () => {
    expect(parseNumber(true)).toEqual({ kind: 'text', text: 'true' });
  });
});

describe('decimalsOf: decimals of the shortest decimal form', () => {
  it.each([
    [3.43, 2],
    [3.4, 1],
    [100, 0],
    [84.475, 3],
    [0.9167000000000001, 16],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [-2.25, 2],
  ])('%p has %i decimals', (value, d) => {
    expect(decimalsOf(value)).toBe(d);
  });
});

describe('halfUnit: half a unit in the last decimal', () => {
  it.each([
    [0, 0.5],
    [1, 0.05],
    [2, 0.005],
    [3, 0.0005],
    [5, 0.000005],
  ])('%i decimals: %p', (d, h) => {
    expect(halfUnit(d)).toBeCloseTo(h, 15);
  });

  it.each([[6], [7], [16]])('%i decimals mean a computed value: no rounding to allow for', (d) => {
    expect(halfUnit(d)).toBe(0);
  });
});

describe('rounding and formatting', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(roundHalfAway(88.305, 2)).toBe(88.31);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(88.304, 2)).toBe(88.3);
  });

  it('writes Indonesian and English forms', () => {
    expect(formatId(86.115)).toBe('86,12');
    expect(formatId(1686, 0)).toBe('1.686');
    expect(formatEn(1686.5, 1)).toBe('1,686.5');
  });
});

describe('the realisation column scale', () => {
  const realisationOf = (values: unknown[], format?: string) => {
    const built = recap(
      values.map((v, i) =>
        unit(i + 1, `UNIT ${i + 1}`, tahunan({ ...BASE, realisation: v as number | string })),
      ),
      format ? { formats: { realisation: format } } : {},
    );
    return analyse(built).table.records.map((r) => r.realisationPct);
  };

  it('reads 0.75 in a "0%" cell as 75%', () => {
    expect(realisationOf([0.75, 1], '0%')).toEqual([75, 100]);
  });

  it('reads a column of fractions (none above 1) as percentages', () => {
    expect(realisationOf([0.75, 0.5, 1])).toEqual([75, 50, 100]);
  });

  it('reads 75 in a column of percent points as 75%', () => {
    expect(realisationOf([75, 100, 0])).toEqual([75, 100, 0]);
  });

  it('reads the text "100%" as 100% beside fractions', () => {
    expect(realisationOf([0.75, '100%'], '0%')).toEqual([75, 100]);
  });

  it('keeps a lone negative percent point as it is, not as a fraction (-10 is -10%)', () => {
    expect(realisationOf([-10])).toEqual([-10]);
  });

  it('reads the text "0,8" beside fractions as 80%', () => {
    expect(realisationOf([0.75, '0,8'])).toEqual([75, 80]);
  });
});
