/**
 * The unit- and table-level checks of docs/skm-rules.md §8: missing data and
 * periods, annual records against their periods, copy-pasted lines and the
 * existing RATA-RATA KABUPATEN line; and checkTable, every finding of a recap.
 */
import type { Line, ReadCell, RecapTable, SkmRecord, Unit } from './model';
import { cellName, findingText, lineName } from './messages';
import { halfUnit, type ParsedNumber } from './numbers';
import { periodName, recordHasData } from './records';
import { effectiveValues, EPSILON, isComplete, mean, type Effective } from './precision';
import { CONVERSION } from './scores';
import { UNSUR_CODES, type UnsurCode } from './unsur';
import type { DistrictLine } from './district';
import { finding, type Finding, type Where } from './finding';
import { checkRecordInto, type RecordContext } from './checks';

// ---------------------------------------------------------------------------
// Unit-level checks: missing data and periods, annual against periods.

const PERIOD_COUNT = { semester: 2, quarter: 4 } as const;

function checkUnit(out: Finding[], unit: Unit, table: RecapTable): void {
  const sheet = table.sheet;
  let anyData = false;
  let anyPeriodic = false;
  let anyQuarter = false;
  for (const r of unit.records) {
    if (!anyData && recordHasData(r)) anyData = true;
    if (r.period && r.period.kind !== 'annual') {
      anyPeriodic = true;
      if (r.period.kind === 'quarter') anyQuarter = true;
    }
  }
  // The usual unit, one annual record with data, is done here without allocating.
  if (anyData && !anyPeriodic) return;
  const unitWhere: Where = { sheet, unit, row: unit.row };
  const unitCell = { row: unit.row, col: table.columns.roles.unit ?? table.columns.roles.no ?? 1 };
  if (!anyData) {
    out.push(finding('no-data', unitWhere, unitCell, findingText.noData()));
    return;
  }
  const withData = unit.records.filter(recordHasData);
  const kind = anyQuarter ? 'quarter' : 'semester';
  const present = new Map<number, SkmRecord>();
  for (const r of withData)
    if (r.period?.kind === kind && !present.has(r.period.index)) present.set(r.period.index, r);
  let allPresent = true;
  for (let i = 1; i <= PERIOD_COUNT[kind]; i++) {
    if (!present.has(i)) {
      allPresent = false;
      out.push(
        finding(
          'period-missing',
          unitWhere,
          unitCell,
          findingText.periodMissing(periodName(kind, i)),
          { expected: periodName(kind, i) },
        ),
      );
    }
  }
  const annual = withData.find((r) => r.period?.kind === 'annual');
  if (!annual) {
    out.push(finding('annual-missing', unitWhere, unitCell, findingText.annualMissing()));
    return;
  }
  if (!allPresent) return;
  const periods = Array.from(present.keys())
    .sort((a, b) => a - b)
    .map((i) => present.get(i)!);
  compareAnnual(out, table, annual, periods, kind);
}

function compareAnnual(
  out: Finding[],
  table: RecapTable,
  annual: SkmRecord,
  periods: SkmRecord[],
  kind: 'semester' | 'quarter',
): void {
  const w: Where = { sheet: table.sheet, rec: annual, unit: annual.unit, row: annual.firstRow };
  const periodsText = kind === 'semester' ? 'Semester I-II' : 'Triwulan I-IV';
  const annualEff = effectiveValues(annual);
  const periodEff = periods.map(effectiveValues);
  if (annualEff && periodEff.every((e): e is Effective => e !== null)) {
    const k = periodEff.length;
    UNSUR_CODES.forEach((u, i) => {
      let sum = 0;
      let halfSum = 0;
      for (let p = 0; p < k; p++) {
        sum += periodEff[p].values[i];
        halfSum += periodEff[p].half[i];
      }
      const expected = sum / k;
      const tol = annualEff.half[i] + halfSum / k + EPSILON;
      const actual = annualEff.values[i];
      if (Math.abs(actual - expected) > tol) {
        const shown = annualEff.source === 'conv' ? actual : actual / CONVERSION;
        const shownExpected = annualEff.source === 'conv' ? expected : expected / CONVERSION;
        out.push(
          finding(
            'annual-mismatch',
            w,
            { row: annualEff.line.row, col: table.columns.unsur[u] },
            findingText.annualMismatch(u, shown, shownExpected, periodsText),
            {
              unsur: u,
              expected: shownExpected,
              actual: shown,
            },
          ),
        );
      }
    });
  } else if (!annualEff && !hasAnyUnsur(annual) && annual.ikm?.parsed.kind === 'number') {
    // Only where the annual record has no unsur values are the IKMs compared.
    const ikms = periods.map((p) => p.ikm?.parsed);
    if (ikms.every((p): p is Extract<ParsedNumber, { kind: 'number' }> => p?.kind === 'number')) {
      const actual = annual.ikm.parsed.value;
      const expected = mean(ikms.map((p) => p.value));
      const tol =
        halfUnit(annual.ikm.parsed.decimals) +
        mean(ikms.map((p) => halfUnit(p.decimals))) +
        EPSILON;
      if (Math.abs(actual - expected) > tol) {
        out.push(
          finding(
            'annual-mismatch',
            w,
            annual.ikm,
            findingText.annualIkmMismatch(actual, expected, periodsText),
            { expected, actual },
          ),
        );
      }
    }
  }
  const resp = periods.map((p) => p.respondents?.parsed);
  const annualResp = annual.respondents?.parsed;
  if (annualResp?.kind === 'number' && resp.every((p) => p?.kind === 'number')) {
    const sum = resp.reduce((s, p) => s + (p as { value: number }).value, 0);
    if (Math.abs(annualResp.value - sum) > EPSILON) {
      out.push(
        finding(
          'annual-respondents-mismatch',
          w,
          annual.respondents,
          findingText.annualRespondentsMismatch(annualResp.value, sum),
          {
            expected: sum,
            actual: annualResp.value,
          },
        ),
      );
    }
  }
}

function hasAnyUnsur(rec: SkmRecord): boolean {
  return [rec.nrr, rec.conv, ...rec.extraLines].some(
    (l) => l !== null && l.values.some((v) => v.kind !== 'blank'),
  );
}

// ---------------------------------------------------------------------------
// Table-level checks: duplicates, the average line.

/** A cheap hash of a complete line's nine numbers, kept a small integer. */
function lineHash(line: Line): number {
  // 32-bit integer arithmetic only (a floating-point remainder per value cost a national recap 50 ms).
  let h = 0;
  for (let i = 0; i < line.values.length; i++)
    h =
      (Math.imul(h, 31) + (Math.round((line.values[i] as { value: number }).value * 1000) | 0)) | 0;
  return h & 0x3fffffff;
}

function sameNumbers(a: Line, b: Line): boolean {
  for (let i = 0; i < a.values.length; i++)
    if ((a.values[i] as { value: number }).value !== (b.values[i] as { value: number }).value)
      return false;
  return true;
}

/**
 * The complete lines seen so far, by hash: an open-addressing table of typed arrays (a Map of
 * buckets cost a national recap 170,000 small arrays). Lines with the same hash lie along one probe
 * sequence in the order they were added, since nothing is ever removed.
 */
class LineTable {
  private readonly slots: Int32Array;
  private readonly hashes: number[] = [];
  private readonly recs: SkmRecord[] = [];
  private readonly lines: Line[] = [];

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
  }

  /**
   * The earlier record with the same nine values. A Tahunan record equal to its own unit's period
   * (the mean of identical periods) is no copy. A line with no earlier copy is added.
   */
  copyOrAdd(rec: SkmRecord, line: Line): SkmRecord | undefined {
    const h = lineHash(line);
    const mask = this.slots.length - 1;
    let at = h & mask;
    for (let e = this.slots[at]; e !== 0; at = (at + 1) & mask, e = this.slots[at]) {
      const i = e - 1;
      if (this.hashes[i] !== h || !sameNumbers(this.lines[i], line)) continue;
      const b = this.recs[i];
      const ownAnnual =
        b.unit === rec.unit && (b.period?.kind === 'annual') !== (rec.period?.kind === 'annual');
      if (!ownAnnual) return b;
    }
    this.hashes.push(h);
    this.recs.push(rec);
    this.lines.push(line);
    this.slots[at] = this.recs.length;
    return undefined;
  }
}

function checkDuplicates(out: Finding[], table: RecapTable): void {
  const seen = [new LineTable(table.records.length), new LineTable(table.records.length)];
  for (const rec of table.records) {
    for (let r = 0; r < 2; r++) {
      const role = r === 0 ? 'nrr' : 'conv';
      const line = rec[role];
      if (!line || !isComplete(line)) continue;
      const first = seen[r].copyOrAdd(rec, line);
      if (first && first !== rec) {
        const name = lineName[role];
        out.push(
          finding(
            'duplicate-values',
            { sheet: table.sheet, rec, unit: rec.unit, row: rec.firstRow },
            { row: line.row, col: table.columns.unsur.U1 },
            findingText.duplicateValues(name.id, name.en, first[role]!.row, first.unit.name),
            { relatedRow: first.firstRow },
          ),
        );
      }
    }
  }
}

function checkAverageLine(out: Finding[], table: RecapTable, district: DistrictLine): void {
  const avg = table.average;
  if (!avg) return;
  const unit: Unit = { no: null, name: avg.label, row: avg.row, records: [] };
  const w: Where = { sheet: table.sheet, unit, row: avg.row };
  const compare = (
    c: ReadCell | null,
    expected: number | null,
    name: { id: string; en: string },
    unsur: UnsurCode | null,
    scale = 1,
  ) => {
    if (!c || expected === null || c.parsed.kind !== 'number') return;
    const actual = c.parsed.value * scale;
    if (Math.abs(actual - expected) > halfUnit(c.parsed.decimals) * scale + EPSILON) {
      out.push(
        finding(
          'average-row-mismatch',
          w,
          c,
          findingText.averageRowMismatch(name.id, name.en, actual, expected),
          { unsur, expected, actual },
        ),
      );
    }
  };
  UNSUR_CODES.forEach((u, i) =>
    compare(avg.unsur[i], district.unsur[i].value, cellName.averageUnsur(u), u),
  );
  compare(avg.ikm, district.ikm, { id: 'IKM', en: 'IKM' }, null);
  if (
    avg.realisation &&
    avg.realisationPct !== null &&
    district.realisation !== null &&
    avg.realisation.parsed.kind === 'number'
  ) {
    const scale = avg.realisationPct / avg.realisation.parsed.value || 1;
    compare(
      avg.realisation,
      district.realisation,
      { id: 'Realisasi (%)', en: 'Realisation (%)' },
      null,
      scale,
    );
  }
}

export function indexIkm(records: SkmRecord[]): Map<number, SkmRecord[]> {
  const index = new Map<number, SkmRecord[]>();
  for (const r of records) {
    if (r.ikm?.parsed.kind !== 'number') continue;
    const list = index.get(r.ikm.parsed.value) ?? [];
    list.push(r);
    index.set(r.ikm.parsed.value, list);
  }
  return index;
}

/** Every finding of a recap table, in sheet order. */
export function checkTable(table: RecapTable, district: DistrictLine): Finding[] {
  const out: Finding[] = [];
  const R = table.columns.roles;
  let ikmIndex: Map<number, SkmRecord[]> | undefined;
  const ctx: RecordContext = {
    sheet: table.sheet,
    unsurCols: table.columns.unsur,
    ikmCol: R.ikm,
    categoryCol: R.category,
    respondentsCol: R.respondents,
    ikmIndex: () => (ikmIndex ??= indexIkm(table.records)),
    checkRespondents: R.respondents !== undefined,
  };
  for (const unit of table.units) {
    checkUnit(out, unit, table);
    for (const rec of unit.records) checkRecordInto(out, rec, ctx);
  }
  checkDuplicates(out, table);
  checkAverageLine(out, table, district);
  const order = (f: Finding) => (f.at ? f.at.row * 10000 + f.at.col : f.row * 10000);
  return out.sort((a, b) => a.row - b.row || order(a) - order(b));
}
