/**
 * The respondent profile of an SKM report: counts and shares by sex, age band,
 * education, occupation and service. Values are grouped as written, ignoring
 * case and spacing; sexes are read from their usual spellings (L, Laki - Laki, Pria).
 */
import { isBlank, parseNumber, type CellValue } from '../numbers';
import { normalise } from '../unsur';
import {
  PROFILE_FIELDS,
  type ProfileField,
  type RespondentRow,
  type RespondentTable,
} from './table';

export interface ProfileEntry {
  value: string;
  count: number;
  /** count / respondents, 0-1. */
  share: number;
}

export type Profile = Partial<Record<ProfileField, ProfileEntry[]>>;

/** Age bands of SKM reports (years). */
export const AGE_BANDS: readonly { label: string; max: number }[] = [
  { label: '< 20', max: 19 },
  { label: '20-29', max: 29 },
  { label: '30-39', max: 39 },
  { label: '40-49', max: 49 },
  { label: '50-59', max: 59 },
  { label: '≥ 60', max: Infinity },
];

export const BLANK_LABEL = '(kosong)';

function sexOf(v: string): string {
  const n = normalise(v).replace(/ /g, '');
  if (/^(l|lk|laki|lakilaki|pria|male|m)$/.test(n)) return 'Laki-laki';
  if (/^(p|pr|perempuan|wanita|female|f|w)$/.test(n)) return 'Perempuan';
  return v.trim();
}

function ageOf(v: CellValue): string {
  // "25 tahun", "25 th" as well as 25.
  const p = parseNumber(typeof v === 'string' ? v.replace(/\s*(tahun|thn|th)\.?\s*$/i, '') : v);
  if (p.kind === 'number' && Number.isInteger(p.value) && p.value > 0 && p.value < 120) {
    return AGE_BANDS.find((b) => p.value <= b.max)!.label;
  }
  // Already a band ("21-30 tahun"): kept as written.
  return String(v).trim();
}

/** Counts of the values of one profile field, in report order: age bands by age, others most frequent first. */
export function countProfile(
  field: ProfileField | 'lain',
  values: readonly CellValue[],
  blankLabel: string | null = BLANK_LABEL,
): ProfileEntry[] {
  const counts = new Map<string, { value: string; count: number }>();
  let total = 0;
  for (const raw of values) {
    let value: string;
    if (isBlank(raw)) {
      if (blankLabel === null) continue;
      value = blankLabel;
    } else if (field === 'jenisKelamin') value = sexOf(String(raw));
    else if (field === 'usia') value = ageOf(raw);
    else value = String(raw).trim().replace(/\s+/g, ' ');
    total++;
    const key = field === 'usia' ? value : normalise(value);
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { value, count: 1 });
  }
  let entries = [...counts.values()];
  if (field === 'usia') {
    const order = (v: string) => {
      const i = AGE_BANDS.findIndex((b) => b.label === v);
      return i < 0 ? AGE_BANDS.length : i;
    };
    entries = entries.sort((a, b) => order(a.value) - order(b.value));
  } else entries = entries.sort((a, b) => b.count - a.count);
  return entries.map((e) => ({ ...e, share: total ? e.count / total : 0 }));
}

/** Whether a value is an age in years (25, "25", "25 tahun"). */
export function isAge(v: CellValue): boolean {
  const band = ageOf(v);
  return AGE_BANDS.some((b) => b.label === band);
}

/** Whether a value is one of the usual spellings of a sex (L, P, Laki-laki, Perempuan, Pria, Wanita). */
export function isSex(v: CellValue): boolean {
  const s = sexOf(String(v));
  return s === 'Laki-laki' || s === 'Perempuan';
}

export function profileOf(table: RespondentTable, rows: readonly RespondentRow[]): Profile {
  const out: Profile = {};
  for (const field of PROFILE_FIELDS) {
    const col = table.profile[field];
    if (col === undefined) continue;
    out[field] = countProfile(
      field,
      rows.map((row) => row.cells[col - table.left]),
    );
  }
  return out;
}
