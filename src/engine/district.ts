/**
 * The district line RATA-RATA KABUPATEN and its two findings, as decided in
 * docs/skm-rules.md §7 (reproducing the printed Banjar 2025 line within rounding).
 */
import type { RecapTable, SkmRecord, Unit } from './model';
import { normalise, UNSUR, UNSUR_CODES, type UnsurCode } from './unsur';
import { effectiveValues, mean } from './precision';
import { category } from './scores';
import { sentences, type Level, type Text } from './messages';
import { recordHasData } from './records';

export interface UnitAnnual {
  unit: Unit;
  /** The unit's nine annual converted values. */
  values: number[];
  /** Its Tahunan record, or the mean of its period records. */
  source: 'annual' | 'periods';
  realisation: number | null;
}

export type ExclusionReason = 'no-data' | 'service-only' | 'no-unsur';

export interface DistrictLine {
  level: Level;
  unsur: { code: UnsurCode; name: string; value: number }[];
  ikm: number | null;
  category: string | null;
  realisation: number | null;
  lowest: { code: UnsurCode; name: string; value: number }[];
  mostPrioritised: { code: UnsurCode; name: string; units: number }[];
  sentences: { lowest: Text | null; mostPrioritised: Text | null };
  included: UnitAnnual[];
  excluded: { unit: Unit; reason: ExclusionReason }[];
}

/** The unit's annual values: its Tahunan record, else the mean of its period records. */
export function unitAnnual(unit: Unit): UnitAnnual | ExclusionReason {
  let annual: SkmRecord | undefined;
  for (const r of unit.records) {
    if (r.period?.kind === 'annual' && effectiveValues(r)) {
      annual = r;
      break;
    }
  }
  let values: number[];
  let source: UnitAnnual['source'];
  if (annual) {
    return {
      unit,
      values: effectiveValues(annual)!.values,
      source: 'annual',
      realisation: unitRealisation(unit),
    };
  }
  const periods = unit.records.filter(
    (r) => r.period && r.period.kind !== 'annual' && effectiveValues(r),
  );
  if (periods.length > 0) {
    const effs = periods.map((r) => effectiveValues(r)!.values);
    values = UNSUR_CODES.map((_, i) => mean(effs.map((v) => v[i])));
    source = 'periods';
  } else {
    const withData = unit.records.filter(recordHasData);
    if (withData.length === 0) return 'no-data';
    if (withData.every((r) => r.period === null)) return 'service-only';
    return 'no-unsur';
  }
  return { unit, values, source, realisation: unitRealisation(unit) };
}

/** The Tahunan record's realisation, else the mean of the period records' realisations. */
function unitRealisation(unit: Unit): number | null {
  for (const r of unit.records)
    if (r.period?.kind === 'annual' && r.realisationPct !== null) return r.realisationPct;
  const periodValues = unit.records
    .filter((r: SkmRecord) => r.period && r.period.kind !== 'annual' && r.realisationPct !== null)
    .map((r) => r.realisationPct as number);
  return periodValues.length > 0 ? mean(periodValues) : null;
}

/** "RATA-RATA KOTA" makes the sentences say kota; the default is kabupaten. */
export function levelOf(label: string | null): Level {
  const n = normalise(label ?? '');
  if (/\bkota\b/.test(n)) return 'kota';
  if (/\bprovinsi\b/.test(n)) return 'provinsi';
  if (/\bnasional\b/.test(n)) return 'nasional';
  return 'kabupaten';
}

export function computeDistrict(
  table: RecapTable,
  averageLabel: string | null = null,
): DistrictLine {
  const level = levelOf(averageLabel);
  const included: UnitAnnual[] = [];
  const excluded: DistrictLine['excluded'] = [];
  for (const unit of table.units) {
    const a = unitAnnual(unit);
    if (typeof a === 'string') excluded.push({ unit, reason: a });
    else included.push(a);
  }
  const sums = new Array<number>(UNSUR.length).fill(0);
  for (const a of included) for (let i = 0; i < sums.length; i++) sums[i] += a.values[i];
  const unsur = UNSUR.map((u, i) => ({
    code: u.code,
    name: u.name,
    value: included.length > 0 ? sums[i] / included.length : NaN,
  }));
  const hasValues = included.length > 0;
  const ikm = hasValues ? mean(unsur.map((u) => u.value)) : null;
  const realisations = included.map((a) => a.realisation).filter((r): r is number => r !== null);
  const realisation = realisations.length > 0 ? mean(realisations) : null;

  const minValue = hasValues ? Math.min(...unsur.map((u) => u.value)) : NaN;
  const lowest = hasValues ? unsur.filter((u) => u.value <= minValue + 1e-9) : [];

  // Units naming each unsur as a priority (a unit counts once, whatever its records say).
  const counts = new Map<UnsurCode, number>();
  const perUnsur = new Array<number>(UNSUR_CODES.length).fill(0);
  for (const unit of table.units) {
    let named = 0;
    for (const r of unit.records) {
      if (!r.priority) continue;
      for (const e of r.priority.parsed) if (e.unsur) named |= 1 << UNSUR_CODES.indexOf(e.unsur);
    }
    for (let i = 0; named !== 0; i++, named >>= 1) if (named & 1) perUnsur[i]++;
  }
  UNSUR_CODES.forEach((u, i) => {
    if (perUnsur[i] > 0) counts.set(u, perUnsur[i]);
  });
  const maxCount = Math.max(0, ...counts.values());
  const mostPrioritised =
    maxCount === 0
      ? []
      : UNSUR.filter((u) => counts.get(u.code) === maxCount).map((u) => ({
          code: u.code,
          name: u.name,
          units: maxCount,
        }));

  const byCode = (code: UnsurCode) => UNSUR[UNSUR_CODES.indexOf(code)];
  return {
    level,
    unsur: hasValues ? unsur : unsur.map((u) => ({ ...u, value: NaN })),
    ikm,
    category: ikm !== null ? category(ikm).label : null,
    realisation,
    lowest,
    mostPrioritised,
    sentences: {
      lowest:
        lowest.length > 0
          ? sentences.lowest(
              level,
              lowest.map((u) => u.name),
              lowest.map((u) => byCode(u.code).nameEn),
              minValue,
            )
          : null,
      mostPrioritised:
        mostPrioritised.length > 0
          ? sentences.mostPrioritised(
              mostPrioritised.map((u) => u.name),
              mostPrioritised.map((u) => byCode(u.code).nameEn),
              maxCount,
            )
          : null,
    },
    included,
    excluded,
  };
}
