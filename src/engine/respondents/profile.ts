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
  const p = parseNumber(v);
  if (p.kind === 'number' && Number.isInteger(p.value) && p.value > 0 && p.value < 120) {
    return AGE_BANDS.find((b) => p.value <= b.max)!.label;
  }
  // Already a band ("21-30 tahun"): kept as written.
  return String(v).trim();
}

export function profileOf(table: RespondentTable, rows: readonly RespondentRow[]): Profile {
  const out: Profile = {};
  for (const field of PROFILE_FIELDS) {
    const col = table.profile[field];
    if (col === undefined) continue;
    const counts = new Map<string, { value: string; count: number }>();
    for (const row of rows) {
      const raw = row.cells[col - table.left];
      let value: string;
      if (isBlank(raw)) value = BLANK_LABEL;
      else if (field === 'jenisKelamin') value = sexOf(String(raw));
      else if (field === 'usia') value = ageOf(raw);
      else value = String(raw).trim().replace(/\s+/g, ' ');
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
    out[field] = entries.map((e) => ({ ...e, share: rows.length ? e.count / rows.length : 0 }));
  }
  return out;
}
