/**
 * Reading precision (docs/skm-rules.md §5): two typed numbers disagree only
 * beyond the rounding their decimals allow.
 */
import { halfUnit, type ParsedNumber } from './numbers';
import type { Line, SkmRecord } from './model';
import { CONVERSION } from './scores';

/** Floating point slack added to every tolerance. */
export const EPSILON = 1e-9;

/** Decimals of a line: the nine values were typed together, so "4" beside "3,379" is 4,000. */
export function lineDecimals(values: readonly ParsedNumber[]): number {
  let d = 0;
  for (const v of values) if (v.kind === 'number') d = Math.max(d, v.decimals);
  return d;
}

export function lineHalfUnit(line: Line): number {
  return halfUnit(lineDecimals(line.values));
}

export function numbersOf(line: Line | null): (number | null)[] {
  if (!line) return new Array(9).fill(null);
  return line.values.map((v) => (v.kind === 'number' ? v.value : null));
}

export function isComplete(line: Line | null): boolean {
  return line !== null && line.values.every((v) => v.kind === 'number');
}

/** A line fit to stand for the record's unsur: complete and on its own scale. */
function usable(line: Line | null, scale: 'nrr' | 'conv'): line is Line {
  return line !== null && line.scale === scale && isComplete(line);
}

/** The nine unsur of a record on the 25-100 scale, each with its half-unit. */
export interface Effective {
  values: number[];
  half: number[];
  source: 'conv' | 'nrr';
  line: Line;
}

/**
 * The record's converted values: the converted line where it is complete,
 * else the NRR line x 25 (with half-unit 25 h(nrr)). A converted value equal
 * to exactly 25 x its NRR carries the NRR's precision.
 */
export function effectiveValues(rec: Pick<SkmRecord, 'nrr' | 'conv'> & { effective?: Effective | null }): Effective | null {
  // Records are read once and then only looked at: their values are remembered on the record itself
  // (a WeakMap of 100,000 records costs the garbage collector more than it saves).
  if (rec.effective !== undefined) return rec.effective;
  const found = computeEffective(rec);
  rec.effective = found;
  return found;
}

function computeEffective(rec: Pick<SkmRecord, 'nrr' | 'conv'>): Effective | null {
  const nrrOk = usable(rec.nrr, 'nrr');
  if (usable(rec.conv, 'conv')) {
    const conv = numbersOf(rec.conv) as number[];
    const hConv = lineHalfUnit(rec.conv);
    const nrrs = nrrOk ? (numbersOf(rec.nrr) as number[]) : null;
    const hNrr = nrrOk ? lineHalfUnit(rec.nrr!) : 0;
    const half = conv.map((c, i) => (nrrs && Math.abs(c - CONVERSION * nrrs[i]) <= EPSILON ? CONVERSION * hNrr : hConv));
    return { values: conv, half, source: 'conv', line: rec.conv };
  }
  if (nrrOk) {
    const line = rec.nrr!;
    const h = CONVERSION * lineHalfUnit(line);
    return { values: (numbersOf(line) as number[]).map((v) => v * CONVERSION), half: new Array(9).fill(h), source: 'nrr', line };
  }
  return null;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
