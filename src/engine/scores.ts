/**
 * The SKM formulas of PermenPANRB 14/2017: NRR, conversion, IKM, category and
 * the Krejcie-Morgan sample size.
 */
import { memo, normalise } from './unsur';
import { roundHalfAway } from './numbers';

/** Weight of each unsur in the IKM. Decision (§2): exactly 1/9, never 0.111. */
export const WEIGHT = 1 / 9;
export const CONVERSION = 25;

/** NRR of an unsur: mean of the answers given (blank answers are not counted). */
export function nrr(answers: readonly (number | null)[]): number | null {
  const given = answers.filter((a): a is number => Number.isFinite(a));
  if (given.length === 0) return null;
  return given.reduce((s, a) => s + a, 0) / given.length;
}

export function convert(nrrValue: number): number {
  return nrrValue * CONVERSION;
}

/** IKM = (sum of NRR_i x 1/9) x 25. */
export function ikmFromNrr(nrrs: readonly number[]): number {
  return nrrs.reduce((s, v) => s + v * WEIGHT, 0) * CONVERSION;
}

/** IKM as the mean of the nine converted values (the same number as ikmFromNrr). */
export function ikmFromConverted(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface Category {
  grade: Grade;
  /** Kinerja unit pelayanan: "Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik". */
  kinerja: string;
  kinerjaEn: string;
  /** The written form: "B (Baik)". */
  label: string;
}

const CATEGORIES: Record<Grade, Category> = {
  A: { grade: 'A', kinerja: 'Sangat Baik', kinerjaEn: 'Very good', label: 'A (Sangat Baik)' },
  B: { grade: 'B', kinerja: 'Baik', kinerjaEn: 'Good', label: 'B (Baik)' },
  C: { grade: 'C', kinerja: 'Kurang Baik', kinerjaEn: 'Fair', label: 'C (Kurang Baik)' },
  D: { grade: 'D', kinerja: 'Tidak Baik', kinerjaEn: 'Poor', label: 'D (Tidak Baik)' },
};

export function categoryOfGrade(grade: Grade): Category {
  return CATEGORIES[grade];
}

/** Lower bounds of the bands on 25-100 (PermenPANRB 14/2017, category table). */
export const BAND_LOWER = { A: 88.31, B: 76.61, C: 65.0 } as const;

/**
 * Category of an IKM. Decision (§3): round half away from zero to 2 decimals,
 * then A >= 88.31, B >= 76.61, C >= 65.00, else D; a value on the 1-4 scale is
 * read as a mean NRR and multiplied by 25 first.
 */
export function category(ikm: number): Category {
  const onScale = ikm <= 4 ? ikm * CONVERSION : ikm;
  const r = roundHalfAway(onScale, 2);
  if (r >= BAND_LOWER.A) return CATEGORIES.A;
  if (r >= BAND_LOWER.B) return CATEGORIES.B;
  if (r >= BAND_LOWER.C) return CATEGORIES.C;
  return CATEGORIES.D;
}

/**
 * Reads a category written by people: "A (Sangat Baik)", "B (baik)",
 * "A(Sangat Baik)", "(B atau Baik)", "Baik", "B". Returns null when unreadable
 * or when the letter and the words contradict each other ("A (Baik)").
 */
export function parseCategory(text: string): Grade | null {
  return memo(categoryCache, text, parseCategoryUncached);
}

const categoryCache = new Map<string, Grade | null>();

function parseCategoryUncached(text: string): Grade | null {
  const n = normalise(text);
  if (!n) return null;
  // Words of no band of the rule ("Baik Sekali", "Cukup Baik", "Sangat Kurang"): unreadable, not B.
  if (/\b(baik sekali|cukup baik|cukup|sangat kurang|kurang sekali|sangat tidak baik)\b/.test(n))
    return null;
  let fromWords: Grade | null = null;
  if (/\bsangat baik\b/.test(n)) fromWords = 'A';
  else if (/\bkurang baik\b/.test(n)) fromWords = 'C';
  else if (/\btidak baik\b/.test(n)) fromWords = 'D';
  else if (/\bbaik\b/.test(n)) fromWords = 'B';
  const letter = /(?:^|\s)([abcd])(?:\s|$)/.exec(n);
  const fromLetter = letter ? (letter[1].toUpperCase() as Grade) : null;
  if (fromLetter && fromWords && fromLetter !== fromWords) return null;
  return fromLetter ?? fromWords;
}

/**
 * Minimum respondents for a population (Krejcie and Morgan 1970), the table
 * PermenPANRB 14/2017 refers to: chi-square 3.841, P = 0.5, d = 0.05.
 */
export function sampleSize(population: number): number {
  const X2 = 3.841;
  const P = 0.5;
  const d = 0.05;
  const N = population;
  return Math.round((X2 * N * P * (1 - P)) / (d * d * (N - 1) + X2 * P * (1 - P)));
}
