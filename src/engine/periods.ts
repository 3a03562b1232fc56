/** Period labels of a recap's records: Tahunan, Semester I-II, Triwulan I-IV, as staff write them. */
import type { Period } from './model';
import { memo, normalise } from './unsur';

/** Reads a period label: "Tahunan", "Semester II", "Smt 1", "Triwulan III", "TW 4". */
export function parsePeriod(text: string): Period | null {
  return memo(periodCache, text, parsePeriodUncached);
}

const periodCache = new Map<string, Period | null>();

function parsePeriodUncached(text: string): Period | null {
  const n = normalise(text);
  const roman: Record<string, number> = {
    i: 1,
    ii: 2,
    iii: 3,
    iv: 4,
    '1': 1,
    '2': 2,
    '3': 3,
    '4': 4,
  };
  if (/\b(tahunan|tahun|annual)\b/.test(n)) return { kind: 'annual', index: 1, label: text.trim() };
  const sem = /\b(semester|smt|sem)\s*(i{1,2}|[12])\b/.exec(n);
  if (sem) return { kind: 'semester', index: roman[sem[2]], label: text.trim() };
  const tw = /\b(triwulan|tw|trw|kuartal|quarter)\s*(iv|i{1,3}|[1-4])\b/.exec(n);
  if (tw) return { kind: 'quarter', index: roman[tw[2]], label: text.trim() };
  return null;
}
