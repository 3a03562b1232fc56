/**
 * "skm-rekap olah" as the command line runs it, and the expected results
 * worked out here from the raw answers, independently of the engine:
 * NRR = sum / answered, IKM = mean of the NRRs x 25, the category by its bands.
 */
import path from 'path';
import { main } from '../../src/cli/main';
import type { JsonOlah } from '../../src/engine/respondents/report';

export const QDIR = path.resolve(__dirname, '../fixtures/questionnaires');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function olah(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['olah', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

export async function olahJson(...args: string[]): Promise<{ run: Run; json: JsonOlah }> {
  const run = await olah(...args, '--json');
  if (run.code === 2) throw new Error(`olah failed: ${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) as JsonOlah };
}

/** Answers per respondent, one per item; null where blank or not counted. */
export type Answers = (number | null)[][];

export interface Expected {
  answered: number[];
  sum: number[];
  nrr: number[];
  ikm: number;
  category: string;
  lowest: string[];
}

/** Bands of PermenPANRB 14/2017 and of Kepmenpan 25/2004, on the IKM rounded to 2 decimals. */
export function expectedCategory(ikm: number, bands2004 = false): string {
  const r = Math.round(ikm * 100 + 1e-9) / 100;
  const [a, b, c] = bands2004 ? [81.26, 62.51, 43.76] : [88.31, 76.61, 65.0];
  if (r >= a) return 'A (Sangat Baik)';
  if (r >= b) return 'B (Baik)';
  if (r >= c) return 'C (Kurang Baik)';
  return 'D (Tidak Baik)';
}

export function expected(answers: Answers, bands2004 = false): Expected {
  const n = answers[0].length;
  const answered: number[] = [];
  const sum: number[] = [];
  for (let i = 0; i < n; i++) {
    const given = answers.map((r) => r[i]).filter((a): a is number => a !== null);
    answered.push(given.length);
    sum.push(given.reduce((s, a) => s + a, 0));
  }
  const nrr = sum.map((s, i) => s / answered[i]);
  const ikm = (nrr.reduce((s, x) => s + x, 0) / n) * 25;
  // Lowest by whole numbers: sum_i * answered_j against sum_j * answered_i.
  const lowest = nrr
    .map((_, i) => i)
    .filter((i) => nrr.every((_, j) => sum[i] * answered[j] <= sum[j] * answered[i]))
    .map((i) => `U${i + 1}`);
  return { answered, sum, nrr, ikm, category: expectedCategory(ikm, bands2004), lowest };
}

/** The engine's JSON against the expected values: counts and sums exactly, ratios to 9 decimals. */
export function expectMatches(
  json: Pick<JsonOlah, 'unsur' | 'ikm' | 'category' | 'lowest'>,
  e: Expected,
): void {
  expect(json.unsur.map((u) => u.answered)).toEqual(e.answered);
  expect(json.unsur.map((u) => u.sum)).toEqual(e.sum);
  json.unsur.forEach((u, i) => {
    expect(u.nrr).toBeCloseTo(e.nrr[i], 9);
    expect(u.weighted).toBeCloseTo(e.nrr[i] / e.nrr.length, 9);
    expect(u.converted).toBeCloseTo(e.nrr[i] * 25, 9);
  });
  expect(json.ikm).toBeCloseTo(e.ikm, 9);
  expect(json.category).toBe(e.category);
  expect(json.lowest).toEqual(e.lowest);
}

/** A small deterministic generator, so generated questionnaires are the same on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** CSV text with quoting where a field needs it. */
export function toCsv(rows: (string | number)[][], sep = ',', eol = '\n'): string {
  return rows
    .map((r) =>
      r
        .map((v) => {
          const s = String(v);
          return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(sep),
    )
    .join(eol);
}
