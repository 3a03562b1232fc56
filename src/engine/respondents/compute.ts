/**
 * The unit's result from its answers, per PermenPANRB 14/2017: per unsur the
 * sum of the answers, the respondents who answered, NRR = sum / answered,
 * NRR x weight, NRR x 25; IKM = (sum of NRR x weight) x 25; the category.
 * The weight is exactly 1/n (1/9; never 0.111, docs/skm-rules.md §2).
 */
import { roundHalfAway } from '../numbers';
import { category, categoryOfGrade, CONVERSION, ikmFromNrr, type Category } from '../scores';
import type { Item, RespondentRow } from './table';

/**
 * Which rule a questionnaire's result follows: nine items are PermenPANRB
 * 14/2017; fourteen are the older Kepmenpan 25/2004 set (its own bands); any
 * other count is computed the same way with 1/n but is no regulation's result.
 */
export type Regulation = 'PermenPANRB 14/2017' | 'Kepmenpan 25/2004' | 'none';

export function regulationOf(items: number): Regulation {
  if (items === 9) return 'PermenPANRB 14/2017';
  if (items === 14) return 'Kepmenpan 25/2004';
  return 'none';
}

/** Lower bounds of the Kepmenpan 25/2004 bands on 25-100: D 25,00-43,75, C 43,76-62,50, B 62,51-81,25, A 81,26-100,00. */
export const BAND_LOWER_2004 = { A: 81.26, B: 62.51, C: 43.76 } as const;

export function categoryFor(ikm: number, regulation: Regulation): Category {
  if (regulation !== 'Kepmenpan 25/2004') return category(ikm);
  // The same decision as §3: round half away from zero to 2 decimals, then compare with the bands.
  const r = roundHalfAway(ikm, 2);
  if (r >= BAND_LOWER_2004.A) return categoryOfGrade('A');
  if (r >= BAND_LOWER_2004.B) return categoryOfGrade('B');
  if (r >= BAND_LOWER_2004.C) return categoryOfGrade('C');
  return categoryOfGrade('D');
}

export interface ItemScore {
  code: string;
  name: string;
  /** Respondents who gave a readable answer 1-4. */
  answered: number;
  sum: number;
  /** sum / answered; null when nobody answered. */
  nrr: number | null;
  /** NRR x 1/n (NRR tertimbang). */
  weighted: number | null;
  /** NRR x 25 (the converted value of the recap's second line). */
  converted: number | null;
}

export interface Scores {
  respondents: number;
  items: ItemScore[];
  /** Null when an item has no answer at all: the IKM needs every NRR. */
  ikm: number | null;
  category: Category | null;
  /** Codes of the item(s) with the lowest NRR. */
  lowest: string[];
}

export function score(
  items: readonly Item[],
  rows: readonly RespondentRow[],
  regulation: Regulation,
): Scores {
  const weight = 1 / items.length;
  const scores: ItemScore[] = items.map((item, i) => {
    let answered = 0;
    let sum = 0;
    for (const row of rows) {
      const a = row.answers[i];
      if (a.kind === 'value') {
        answered++;
        sum += a.value;
      }
    }
    const nrr = answered > 0 ? sum / answered : null;
    return {
      code: item.code,
      name: item.name,
      answered,
      sum,
      nrr,
      weighted: nrr === null ? null : nrr * weight,
      converted: nrr === null ? null : nrr * CONVERSION,
    };
  });
  const nrrs = scores.map((s) => s.nrr);
  const complete = nrrs.every((n): n is number => n !== null) && nrrs.length > 0;
  let ikm: number | null = null;
  if (complete) {
    const values = nrrs as number[];
    ikm =
      items.length === 9
        ? ikmFromNrr(values)
        : values.reduce((s, v) => s + v * weight, 0) * CONVERSION;
  }
  const given = nrrs.filter((n): n is number => n !== null);
  const min = given.length > 0 ? Math.min(...given) : null;
  // Equal NRRs are equal fractions of whole sums: a relative tolerance only absorbs binary noise.
  const lowest =
    min === null
      ? []
      : scores.filter((s) => s.nrr !== null && Math.abs(s.nrr - min) <= 1e-12).map((s) => s.code);
  return {
    respondents: rows.length,
    items: scores,
    ikm,
    category: ikm === null ? null : categoryFor(ikm, regulation),
    lowest,
  };
}
