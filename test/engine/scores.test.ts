/** The SKM formulas of PermenPANRB 14/2017 (docs/skm-rules.md §2-§4). */
import {
  category,
  convert,
  ikmFromConverted,
  ikmFromNrr,
  nrr,
  parseCategory,
  sampleSize,
  WEIGHT,
} from '../../src/engine/scores';
import { KREJCIE_MORGAN } from '../fixtures/krejcie-morgan';

describe('NRR of an unsur', () => {
  it('is the mean of the answers given', () => {
    expect(nrr([4, 3, 3, 2])).toBe(3);
  });

  it('skips blank answers instead of counting them as zero', () => {
    // 4 + 3 + 3 over three answers, not four.
    expect(nrr([4, null, 3, 3])).toBeCloseTo(10 / 3, 12);
  });

  it('is null when nobody answered', () => {
    expect(nrr([null, null])).toBeNull();
    expect(nrr([])).toBeNull();
  });
});

describe('conversion', () => {
  it('multiplies the NRR by 25 onto the 25-100 scale', () => {
    expect(convert(1)).toBe(25);
    expect(convert(3.27)).toBeCloseTo(81.75, 12);
    expect(convert(4)).toBe(100);
  });
});

describe('IKM', () => {
  const nrrs = [3.379, 3.407, 3.331, 3.795, 3.344, 3.386, 3.43, 3.451, 3.723];

  it('weighs each unsur exactly 1/9, not 0.111', () => {
    expect(WEIGHT).toBe(1 / 9);
    const sum = nrrs.reduce((s, v) => s + v, 0);
    expect(ikmFromNrr(nrrs)).toBeCloseTo((sum / 9) * 25, 10);
    expect(ikmFromNrr(nrrs)).not.toBeCloseTo(sum * 0.111 * 25, 3);
  });

  it('is the mean of the nine converted values', () => {
    expect(ikmFromConverted(nrrs.map((v) => v * 25))).toBeCloseTo(ikmFromNrr(nrrs), 10);
  });

  it('is 100 when every answer is 4', () => {
    expect(ikmFromNrr(new Array(9).fill(4))).toBeCloseTo(100, 10);
  });
});

describe('category bands (rounded half away from zero to 2 decimals)', () => {
  it.each([
    [25, 'D'],
    [64.99, 'D'],
    [64.994, 'D'],
    [64.995, 'C'],
    [65.0, 'C'],
    [76.6, 'C'],
    [76.604, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.304, 'B'],
    [88.305, 'A'],
    [88.31, 'A'],
    [100, 'A'],
  ])('IKM %s is %s', (ikm, grade) => {
    expect(category(ikm).grade).toBe(grade);
  });

  it.each([
    [3.5324, 'A'], // 88.31
    [3.5, 'B'], // 87.50
    [3.0644, 'B'], // 76.61
    [3.064, 'C'], // 76.60
    [2.6, 'C'], // 65.00
    [2.5996, 'D'], // 64.99
    [1, 'D'],
    [4, 'A'],
  ])('a value on the 1-4 scale (%s) is classified as NRR x 25: %s', (value, grade) => {
    expect(category(value).grade).toBe(grade);
  });

  it('writes the category as letter and performance', () => {
    expect(category(90).label).toBe('A (Sangat Baik)');
    expect(category(80).label).toBe('B (Baik)');
    expect(category(70).label).toBe('C (Kurang Baik)');
    expect(category(50).label).toBe('D (Tidak Baik)');
  });
});

describe('reading a category written by people', () => {
  it.each([
    ['A (Sangat Baik)', 'A'],
    ['B (Baik)', 'B'],
    ['C (Kurang Baik)', 'C'],
    ['D (Tidak Baik)', 'D'],
    ['B (baik)', 'B'],
    ['A(Sangat Baik)', 'A'],
    ['(B atau Baik)', 'B'],
    ['B(Baik)', 'B'],
    ['A (sangat Baik)', 'A'],
    ['B (bAIK)', 'B'],
    ['Baik', 'B'],
    ['Sangat Baik', 'A'],
    ['Kurang Baik', 'C'],
    ['B', 'B'],
    [' a ', 'A'],
  ])('"%s" is %s', (text, grade) => {
    expect(parseCategory(text)).toBe(grade);
  });

  it.each([['A (Baik)'], ['B (Sangat Baik)'], ['D (Kurang Baik)']])(
    '"%s" contradicts itself: unreadable',
    (text) => {
      expect(parseCategory(text)).toBeNull();
    },
  );

  it.each([[''], ['-'], ['Bagus'], ['E']])('"%s" is unreadable', (text) => {
    expect(parseCategory(text)).toBeNull();
  });
});

describe('sample size (Krejcie and Morgan 1970)', () => {
  // The published table: population -> minimum respondents.
  const TABLE = KREJCIE_MORGAN;

  it.each(TABLE)('a population of %i needs %i respondents', (population, s) => {
    expect(sampleSize(population)).toBe(s);
  });

  it('gives 383 for 100000: the "100000 -> 384" some copies print belongs to 1000000 (the formula yields 382.63)', () => {
    // Reported, not bent: X2 N P(1-P) / (d2 (N-1) + X2 P(1-P)) at N = 100000 is 382.634.
    expect(sampleSize(100000)).toBe(383);
    expect(sampleSize(1000000)).toBe(384);
  });
});

describe('answers and categories as they come from real sheets', () => {
  it('leaves an answer that is no finite number out of the NRR, as a blank one', () => {
    expect(nrr([4, 3, Number.NaN, null])).toBe(3.5);
    expect(nrr([Number.POSITIVE_INFINITY, 2])).toBe(2);
    expect(nrr([Number.NaN])).toBeNull();
  });

  it('reads a category written in words alone, "Tidak Baik" included', () => {
    expect(parseCategory('Tidak Baik')).toBe('D');
    expect(parseCategory('Kurang Baik')).toBe('C');
    expect(parseCategory('Sangat  Baik')).toBe('A');
  });

  it('never reads words of no band of the rule as a band ("Baik Sekali" is not B)', () => {
    expect(parseCategory('Baik Sekali')).toBeNull();
    expect(parseCategory('Cukup Baik')).toBeNull();
  });

  it('takes a letter standing alone as the grade, never the last letter of a word', () => {
    expect(parseCategory('Standard')).toBeNull();
    expect(parseCategory('Mutu B')).toBe('B');
  });
});
