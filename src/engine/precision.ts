/**
 * Reading precision (docs/skm-rules.md §5): two typed numbers disagree only
 * beyond the rounding their decimals allow.
 */
import { halfUnit, type ParsedNumber } from './numbers';
import type { Effective, Line, SkmRecord } from './model';
import { CONVERSION } from './scores';

/** Floating point slack added to every tolerance. */
export const EPSILON = 1e-9;

/** Decimals of a line: the nine values were typed together, so "4" beside "3,379" is 4,000. */
export function lineDecimals(values: readonly ParsedNumber[]): number {
  let d = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.kind === 'number' && v.decimals > d) d = v.decimals;
  }
  return d;
}

export function lineHalfUnit(line: Line): number {
  return halfUnit(lineDecimals(line.values));
}

export function isComplete(line: Line): boolean {
  for (let i = 0; i < line.values.length; i++) if (line.values[i].kind !== 'number') return false;
  return true;
}

/** A line fit to stand for the record's unsur: complete and on its own scale. */
function usable(line: Line | null, scale: 'nrr' | 'conv'): line is Line {
  return line !== null && line.scale === scale && isComplete(line);
}

export type { Effective } from './model';

/**
 * The record's converted values: the converted line where it is complete,
 * else the NRR line x 25 (with half-unit 25 h(nrr)). A converted value equal
 * to exactly 25 x its NRR carries the NRR's precision.
 */
export function effectiveValues(
  rec: Pick<SkmRecord, 'nrr' | 'conv'> & { effective?: Effective | null },
): Effective | null {
  // Records are read once and then only looked at: their values are remembered on the record itself
  // (a WeakMap of 100,000 records costs the garbage collector more than it saves).
  if (rec.effective !== undefined) return rec.effective;
  const found = computeEffective(rec);
  rec.effective = found;
  return found;
}

/** The value of a complete line's i-th cell. */
function valueAt(line: Line, i: number): number {
  return (line.values[i] as { value: number }).value;
}

function computeEffective(rec: Pick<SkmRecord, 'nrr' | 'conv'>): Effective | null {
  const nrrOk = usable(rec.nrr, 'nrr');
  if (usable(rec.conv, 'conv')) {
    const conv = rec.conv;
    const n = conv.values.length;
    const nrrs = nrrOk ? rec.nrr!.values.length : 0;
    const values = new Array<number>(n);
    const hConv = lineHalfUnit(conv);
    const hNrr = nrrOk ? CONVERSION * lineHalfUnit(rec.nrr!) : 0;
    // A converted value equal to 25 x its NRR carries the NRR's precision.
    const carries = (i: number): boolean =>
      i < nrrs && Math.abs(values[i] - CONVERSION * valueAt(rec.nrr!, i)) <= EPSILON;
    let fromNrr = 0;
    for (let i = 0; i < n; i++) {
      values[i] = valueAt(conv, i);
      if (carries(i)) fromNrr++;
    }
    let half: readonly number[];
    if (fromNrr === 0) half = sameHalf(n, hConv);
    else if (fromNrr === n) half = sameHalf(n, hNrr);
    else {
      const own = new Array<number>(n);
      for (let i = 0; i < n; i++) own[i] = carries(i) ? hNrr : hConv;
      half = own;
    }
    return { values, half, source: 'conv', line: conv };
  }
  if (nrrOk) {
    const line = rec.nrr!;
    const n = line.values.length;
    const values = new Array<number>(n);
    for (let i = 0; i < n; i++) values[i] = valueAt(line, i) * CONVERSION;
    return { values, half: sameHalf(n, CONVERSION * lineHalfUnit(line)), source: 'nrr', line };
  }
  return null;
}

/**
 * One shared, frozen list of nine equal half-units for each precision: nearly every record has one
 * precision throughout, and a list of its own for each of 100,000 records is memory the garbage
 * collector copies to no purpose. A line of any other length (never one of a recap) gets its own.
 */
const nineHalves = new Map<number, readonly number[]>();
function sameHalf(n: number, h: number): readonly number[] {
  if (n !== 9) return new Array<number>(n).fill(h);
  let found = nineHalves.get(h);
  if (found === undefined) {
    found = Object.freeze(new Array<number>(9).fill(h));
    // Half-units come from a line's decimals: a few dozen at most, but never an unbounded map.
    if (nineHalves.size < 256) nineHalves.set(h, found);
  }
  return found;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}
