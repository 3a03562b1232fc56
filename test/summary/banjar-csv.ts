/**
 * The Banjar 2025 figures the summary should show, recomputed here from the
 * data as printed (test/fixtures/recap.csv, lampiran-i.csv) with the rules of
 * docs/skm-rules.md, apart from the engine's code.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { FIXTURES, parseCsv } from '../cli/helpers';

type Row = Record<string, string>;
export const RECORDS: Row[] = parseCsv(readFileSync(path.join(FIXTURES, 'recap.csv'), 'utf8'));
export const LAMPIRAN_I: Row[] = parseCsv(
  readFileSync(path.join(FIXTURES, 'lampiran-i.csv'), 'utf8'),
);

const U = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Rows the transcription marks as a service's own line or an orphan: not the unit's record (§7). */
const isSubRecord = (r: Row) => /SERVICE-LEVEL SUB-ROW|ORPHAN ROW/.test(r.notes);
const line = (r: Row, prefix: 'nrr' | 'conv') => U.map((i) => r[`${prefix}_u${i}`].trim());
const complete = (xs: string[]) => xs.every((x) => x !== '');
const hasData = (r: Row) =>
  [...line(r, 'nrr'), ...line(r, 'conv')].some((x) => x !== '') || r.ikm.trim() !== '';

/** The nine values on 25-100: the converted line, else NRR x 25. */
function effective(r: Row): number[] | null {
  if (complete(line(r, 'conv'))) return line(r, 'conv').map(Number);
  if (complete(line(r, 'nrr'))) return line(r, 'nrr').map((v) => 25 * Number(v));
  return null;
}

/** Category band of an IKM (§3): rounded half away from zero to 2 decimals. */
export function band(ikm: number): 'A' | 'B' | 'C' | 'D' {
  const r = Math.floor(ikm * 100 + 0.5 + 1e-9) / 100;
  return r >= 88.31 ? 'A' : r >= 76.61 ? 'B' : r >= 65 ? 'C' : 'D';
}

/** Each unit of the district line with its annual IKM: its Tahunan record, else the mean of its periods. */
export function unitIkms(): { no: number; name: string; ikm: number }[] {
  const byUnit = new Map<string, Row[]>();
  for (const r of RECORDS) if (!isSubRecord(r)) byUnit.set(r.no, [...(byUnit.get(r.no) ?? []), r]);
  const out: { no: number; name: string; ikm: number }[] = [];
  for (const [no, rows] of byUnit) {
    const annual = rows.find((r) => r.period === 'Tahunan' && effective(r));
    const periods = rows.filter((r) => r.period !== 'Tahunan' && r.period !== '' && effective(r));
    let values: number[];
    if (annual) values = effective(annual)!;
    else if (periods.length > 0)
      values = U.map((_, i) => mean(periods.map((p) => effective(p)![i])));
    else continue;
    out.push({ no: Number(no), name: rows[0].unit, ikm: mean(values) });
  }
  return out;
}

export type Rhythm = 'Tahunan' | 'Semester' | 'Triwulan';
const PER_RHYTHM: Record<Rhythm, number> = { Tahunan: 1, Semester: 2, Triwulan: 4 };

/** Reports expected from Lampiran I's rhythm of each unit, and those present in the recap. */
export function reporting() {
  const rhythms: Rhythm[] = ['Tahunan', 'Semester', 'Triwulan'];
  const byRhythm = rhythms.map((rhythm) => {
    const units = LAMPIRAN_I.filter((u) => u.reporting === rhythm);
    const present = units.reduce((sum, u) => {
      const periods = new Set(
        RECORDS.filter(
          (r) => r.no === u.no && !isSubRecord(r) && hasData(r) && r.period.startsWith(rhythm),
        ).map((r) => r.period),
      );
      return sum + Math.min(periods.size, PER_RHYTHM[rhythm]);
    }, 0);
    return {
      rhythm,
      units: units.length,
      expected: units.reduce((s, u) => s + Number(u.report_count), 0),
      present,
    };
  });
  const withData = new Set(RECORDS.filter(hasData).map((r) => r.no));
  return {
    listed: LAMPIRAN_I.length,
    withData: LAMPIRAN_I.filter((u) => withData.has(u.no)).length,
    expectedReports: byRhythm.reduce((s, r) => s + r.expected, 0),
    presentReports: byRhythm.reduce((s, r) => s + r.present, 0),
    byRhythm,
  };
}

/** Indonesian number form with 2 decimals (87,68), as the report prints it. */
export function id2(x: number): string {
  const r = Math.floor(Math.abs(x) * 100 + 0.5 + 1e-9) / 100;
  return `${x < 0 ? '-' : ''}${r.toFixed(2).replace('.', ',')}`;
}
