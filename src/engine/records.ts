/**
 * Facts about one record of the recap that several modules read: its period
 * as printed and whether it holds any data at all.
 */
import type { Line, SkmRecord } from './model';

export function periodLabel(rec: SkmRecord): string | null {
  if (!rec.period) return null;
  const { kind, index } = rec.period;
  return kind === 'annual' ? 'Tahunan' : periodName(kind, index);
}

/** "Semester II", "Triwulan IV": a period as printed. */
export function periodName(kind: 'semester' | 'quarter', index: number): string {
  const roman = ['I', 'II', 'III', 'IV'][index - 1];
  return kind === 'semester' ? `Semester ${roman}` : `Triwulan ${roman}`;
}

function lineHasValue(l: Line | null): boolean {
  if (l === null) return false;
  for (let i = 0; i < l.values.length; i++) if (l.values[i].kind !== 'blank') return true;
  return false;
}

export function recordHasData(rec: SkmRecord): boolean {
  return (
    lineHasValue(rec.nrr) || lineHasValue(rec.conv) || rec.extraLines.length > 0 || rec.ikm !== null
  );
}
