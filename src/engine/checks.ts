/**
 * The checks of docs/skm-rules.md §8: every way a recap's numbers can
 * contradict each other, with the precision-aware tolerances of §5.
 */
import { a1 } from './address';
import type { Line, ReadCell, RecapTable, SkmRecord, Unit } from './model';
import { causes, cellName, findingText, lineName, type Text } from './messages';
import type { ParsedNumber } from './numbers';
import { halfUnit } from './numbers';
import {
  effectiveValues,
  EPSILON,
  isComplete,
  lineHalfUnit,
  mean,
  type Effective,
} from './precision';
import { category, CONVERSION, parseCategory } from './scores';
import { UNSUR_CODES, type UnsurCode } from './unsur';
import type { DistrictLine } from './district';

export type Severity = 'error' | 'warning' | 'info';

export const CHECKS = {
  'no-data': 'warning',
  'period-missing': 'warning',
  'annual-missing': 'warning',
  'not-a-number': 'error',
  'text-number': 'info',
  'unsur-missing': 'error',
  'mixed-scale': 'error',
  'nrr-out-of-range': 'error',
  'conversion-out-of-range': 'error',
  'conversion-mismatch': 'error',
  'ikm-missing': 'error',
  'ikm-out-of-range': 'error',
  'ikm-mismatch': 'error',
  'category-missing': 'warning',
  'category-mismatch': 'error',
  'respondents-invalid': 'error',
  'realisation-out-of-range': 'error',
  'annual-mismatch': 'error',
  'annual-respondents-mismatch': 'warning',
  'duplicate-values': 'warning',
  'priority-unknown': 'warning',
  'priority-not-lowest': 'info',
  'average-row-mismatch': 'warning',
} as const satisfies Record<string, Severity>;

export type CheckCode = keyof typeof CHECKS;

export type CauseCode = 'weight-0.111' | 'weight-0.11' | 'copied' | 'nrr-scale' | 'swapped';

export interface Finding {
  code: CheckCode;
  severity: Severity;
  sheet: string;
  /** Sheet row of the record's first line (of the unit, for unit-level findings). */
  row: number;
  /** The offending cell, where there is one. */
  cell: string | null;
  /** 1-based sheet row and column of that cell. */
  at: { row: number; col: number } | null;
  unitNo: number | string | null;
  unit: string;
  period: string | null;
  unsur: UnsurCode | null;
  expected: number | string | null;
  actual: number | string | null;
  message: Text;
  cause: CauseCode | null;
  causeMessage: Text | null;
  /** The record a duplicate or copy was taken from. */
  relatedRow: number | null;
}

interface Where {
  sheet: string;
  rec?: SkmRecord;
  unit: Unit;
  row: number;
}

function finding(
  code: CheckCode,
  w: Where,
  at: { row: number; col: number } | null,
  message: Text,
  extra: Partial<
    Pick<Finding, 'unsur' | 'expected' | 'actual' | 'cause' | 'causeMessage' | 'relatedRow'>
  > = {},
): Finding {
  return {
    code,
    severity: CHECKS[code],
    sheet: w.sheet,
    row: w.row,
    cell: at ? a1(at.row, at.col) : null,
    at: at ? { row: at.row, col: at.col } : null,
    unitNo: w.unit.no,
    unit: w.unit.name,
    period: w.rec ? periodLabel(w.rec) : null,
    unsur: extra.unsur ?? null,
    expected: extra.expected ?? null,
    actual: extra.actual ?? null,
    message,
    cause: extra.cause ?? null,
    causeMessage: extra.causeMessage ?? null,
    relatedRow: extra.relatedRow ?? null,
  };
}

export function periodLabel(rec: SkmRecord): string | null {
  if (!rec.period) return null;
  const { kind, index } = rec.period;
  if (kind === 'annual') return 'Tahunan';
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

/** Column of an unsur in a record's line. */
type UnsurCols = Record<UnsurCode, number>;

// ---------------------------------------------------------------------------
// Record-level checks: cells, lines, conversion, IKM, category, respondents.

export interface RecordContext {
  sheet: string;
  unsurCols: UnsurCols;
  ikmCol?: number;
  categoryCol?: number;
  respondentsCol?: number;
  /** Records by IKM value, to recognise a copied IKM (built on first need: most recaps never need it). */
  ikmIndex?: () => Map<number, SkmRecord[]>;
  /** Whether the table has a respondents column (no column, no respondents check). */
  checkRespondents?: boolean;
}

function readableCell(
  out: Finding[],
  w: Where,
  c: ReadCell | null,
  name: { id: string; en: string },
): number | null {
  if (!c) return null;
  const p = c.parsed;
  if (p.kind === 'error' || p.kind === 'text') {
    out.push(
      finding('not-a-number', w, c, findingText.notANumber(name.id, name.en, p.text), {
        actual: p.text,
      }),
    );
    return null;
  }
  if (p.kind === 'number') {
    if (p.fromText)
      out.push(
        finding('text-number', w, c, findingText.textNumber(name.id, name.en, 1), {
          actual: String(c.raw),
        }),
      );
    return p.value;
  }
  return null;
}

/** A complete line of plain numbers within its scale's range: the usual case, checked without allocating. */
function cleanLine(line: Line, role: 'nrr' | 'conv' | 'line'): boolean {
  if (role === 'line' || line.scale === 'mixed') return false;
  const lo = role === 'nrr' ? 1 : 25;
  const hi = role === 'nrr' ? 4 : 100;
  for (let i = 0; i < line.values.length; i++) {
    const v = line.values[i];
    if (v.kind !== 'number' || v.fromText || v.value < lo || v.value > hi) return false;
  }
  return true;
}

function checkLine(
  out: Finding[],
  w: Where,
  line: Line,
  role: 'nrr' | 'conv' | 'line',
  cols: UnsurCols,
): void {
  if (cleanLine(line, role)) return;
  const name = lineName[role];
  const at = (i: number) => ({ row: line.row, col: cols[UNSUR_CODES[i]] });
  const textCells: number[] = [];
  line.values.forEach((v, i) => {
    if (v.kind === 'error' || v.kind === 'text') {
      out.push(
        finding(
          'not-a-number',
          w,
          at(i),
          findingText.notANumber(
            cellName.unsur(UNSUR_CODES[i]).id,
            cellName.unsur(UNSUR_CODES[i]).en,
            v.text,
          ),
          {
            unsur: UNSUR_CODES[i],
            actual: v.text,
          },
        ),
      );
    } else if (v.kind === 'number' && v.fromText) textCells.push(i);
  });
  if (textCells.length > 0) {
    out.push(
      finding(
        'text-number',
        w,
        at(textCells[0]),
        findingText.textNumber(name.id, name.en, textCells.length),
      ),
    );
  }
  const blanks = UNSUR_CODES.filter((_, i) => line.values[i].kind === 'blank');
  if (blanks.length > 0 && blanks.length < 9) {
    const first = UNSUR_CODES.indexOf(blanks[0]);
    out.push(
      finding('unsur-missing', w, at(first), findingText.unsurMissing(name.id, name.en, blanks), {
        unsur: blanks.length === 1 ? blanks[0] : null,
      }),
    );
  }
  if (line.scale === 'mixed') {
    out.push(finding('mixed-scale', w, at(0), findingText.mixedScale(name.id, name.en)));
    return;
  }
  line.values.forEach((v, i) => {
    if (v.kind !== 'number') return;
    const u = UNSUR_CODES[i];
    if (role === 'nrr' && (v.value < 1 || v.value > 4)) {
      out.push(
        finding('nrr-out-of-range', w, at(i), findingText.nrrOutOfRange(u, v.value), {
          unsur: u,
          actual: v.value,
        }),
      );
    }
    if (role === 'conv' && (v.value < 25 || v.value > 100)) {
      out.push(
        finding('conversion-out-of-range', w, at(i), findingText.conversionOutOfRange(u, v.value), {
          unsur: u,
          actual: v.value,
        }),
      );
    }
  });
}

function inRange(
  v: ParsedNumber,
  lo: number,
  hi: number,
): v is Extract<ParsedNumber, { kind: 'number' }> {
  return v.kind === 'number' && v.value >= lo && v.value <= hi;
}

function checkConversion(out: Finding[], w: Where, rec: SkmRecord, cols: UnsurCols): void {
  if (!rec.nrr || !rec.conv || rec.nrr.scale !== 'nrr' || rec.conv.scale !== 'conv') return;
  const hN = lineHalfUnit(rec.nrr);
  const hC = lineHalfUnit(rec.conv);
  const tol = CONVERSION * hN + hC + EPSILON;
  const nrrs = rec.nrr.values;
  const convs = rec.conv.values;
  const bad: number[] = [];
  for (let i = 0; i < 9; i++) {
    const n = nrrs[i];
    const c = convs[i];
    if (inRange(n, 1, 4) && inRange(c, 25, 100) && Math.abs(c.value - CONVERSION * n.value) > tol)
      bad.push(i);
  }
  if (bad.length === 0) return;
  const agrees = (i: number, j: number) => {
    const n = nrrs[j];
    const c = convs[i];
    return (
      inRange(n, 1, 4) && inRange(c, 25, 100) && Math.abs(c.value - CONVERSION * n.value) <= tol
    );
  };
  for (const i of bad) {
    const u = UNSUR_CODES[i];
    const n = (nrrs[i] as { value: number }).value;
    const c = (convs[i] as { value: number }).value;
    const partner = bad.find((j) => j !== i && agrees(i, j) && agrees(j, i));
    out.push(
      finding(
        'conversion-mismatch',
        w,
        { row: rec.conv.row, col: cols[u] },
        findingText.conversionMismatch(u, c, n),
        {
          unsur: u,
          expected: n * CONVERSION,
          actual: c,
          ...(partner !== undefined
            ? { cause: 'swapped' as const, causeMessage: causes.swapped(u, UNSUR_CODES[partner]) }
            : {}),
        },
      ),
    );
  }
}

/** How far an IKM must be from its own unsur before an equal IKM elsewhere is named as its source. */
const COPY_MIN_GAP = 0.1;

/** The IKM of a record's unsur and the tolerance it is compared with. */
function computedIkm(eff: Effective): { value: number; half: number } {
  return { value: mean(eff.values), half: mean(eff.half) };
}

function ikmCause(
  rec: SkmRecord,
  ikm: number,
  ikmHalf: number,
  eff: Effective,
  ctx: RecordContext,
): {
  cause: 'weight-0.111' | 'weight-0.11' | 'copied' | 'nrr-scale';
  message: Text;
  relatedRow?: number;
} | null {
  const { value, half } = computedIkm(eff);
  const tol = half + ikmHalf + EPSILON;
  // Σ NRR x w x 25 with w = 0.111 or 0.11 is mean x 9w.
  if (Math.abs(ikm - value * 9 * 0.111) <= tol)
    return { cause: 'weight-0.111', message: causes.weight0111() };
  if (Math.abs(ikm - value * 9 * 0.11) <= tol)
    return { cause: 'weight-0.11', message: causes.weight011() };
  if (
    ikm >= 1 &&
    ikm <= 4 &&
    Math.abs(ikm * CONVERSION - value) <= CONVERSION * ikmHalf + half + EPSILON
  ) {
    return { cause: 'nrr-scale', message: causes.onNrrScale() };
  }
  // Two-decimal IKMs coincide often: a copy is named only for a gross mismatch.
  if (Math.abs(ikm - value) <= COPY_MIN_GAP) return null;
  const same = (ctx.ikmIndex?.().get(ikm) ?? []).filter((r) => r !== rec && r.unit !== rec.unit);
  const source =
    same.find((r) => {
      const e = effectiveValues(r);
      if (!e) return false;
      const c = computedIkm(e);
      return Math.abs(ikm - c.value) <= c.half + ikmHalf + EPSILON;
    }) ?? same[0];
  if (source)
    return {
      cause: 'copied',
      message: causes.copied(source.firstRow, source.unit.name),
      relatedRow: source.firstRow,
    };
  return null;
}

export function checkRecord(rec: SkmRecord, ctx: RecordContext): Finding[] {
  const out: Finding[] = [];
  checkRecordInto(out, rec, ctx);
  return out;
}

function checkRecordInto(out: Finding[], rec: SkmRecord, ctx: RecordContext): void {
  const w: Where = { sheet: ctx.sheet, rec, unit: rec.unit, row: rec.firstRow };
  const cols = ctx.unsurCols;

  if (rec.nrr) checkLine(out, w, rec.nrr, 'nrr', cols);
  if (rec.conv) checkLine(out, w, rec.conv, 'conv', cols);
  for (const l of rec.extraLines)
    checkLine(out, w, l, l.scale === 'conv' ? 'conv' : l.scale === 'nrr' ? 'nrr' : 'line', cols);
  checkConversion(out, w, rec, cols);

  const eff = effectiveValues(rec);
  const ikm = readableCell(out, w, rec.ikm, cellName.ikm);
  const ikmHalf =
    rec.ikm && rec.ikm.parsed.kind === 'number' ? halfUnit(rec.ikm.parsed.decimals) : 0;
  let ikmValid = false;
  if (eff && rec.ikm === null && ctx.ikmCol !== undefined) {
    const { value } = computedIkm(eff);
    out.push(
      finding(
        'ikm-missing',
        w,
        { row: rec.firstRow, col: ctx.ikmCol },
        findingText.ikmMissing(value),
        { expected: value },
      ),
    );
  } else if (ikm !== null) {
    if (ikm < 25 || ikm > 100) {
      const cause = eff ? ikmCause(rec, ikm, ikmHalf, eff, ctx) : null;
      const onScale = cause?.cause === 'nrr-scale' || (!eff && ikm >= 1 && ikm <= 4);
      out.push(
        finding('ikm-out-of-range', w, rec.ikm, findingText.ikmOutOfRange(ikm), {
          actual: ikm,
          expected: eff ? computedIkm(eff).value : null,
          ...(onScale ? { cause: 'nrr-scale' as const, causeMessage: causes.onNrrScale() } : {}),
        }),
      );
    } else if (eff) {
      const { value, half } = computedIkm(eff);
      ikmValid = true;
      if (Math.abs(ikm - value) > half + ikmHalf + EPSILON) {
        const cause = ikmCause(rec, ikm, ikmHalf, eff, ctx);
        out.push(
          finding('ikm-mismatch', w, rec.ikm, findingText.ikmMismatch(ikm, value), {
            expected: value,
            actual: ikm,
            ...(cause
              ? {
                  cause: cause.cause,
                  causeMessage: cause.message,
                  relatedRow: cause.relatedRow ?? null,
                }
              : {}),
          }),
        );
      }
    } else {
      ikmValid = true;
    }
  }

  // Category: the band of the IKM as written; where there is none, of the recomputed one.
  const basis =
    ikmValid && ikm !== null ? ikm : eff && rec.ikm === null ? computedIkm(eff).value : null;
  if (basis !== null && ctx.categoryCol !== undefined) {
    const expected = category(basis);
    if (!rec.category) {
      out.push(
        finding(
          'category-missing',
          w,
          { row: rec.firstRow, col: ctx.categoryCol },
          findingText.categoryMissing(expected.label),
          {
            expected: expected.label,
          },
        ),
      );
    } else {
      const grade = parseCategory(rec.category.parsed);
      if (grade === null) {
        out.push(
          finding(
            'category-mismatch',
            w,
            rec.category,
            findingText.categoryUnreadable(rec.category.parsed, expected.label),
            {
              expected: expected.label,
              actual: rec.category.parsed,
            },
          ),
        );
      } else if (grade !== expected.grade) {
        const fitsComputed = eff !== null && category(computedIkm(eff).value).grade === grade;
        out.push(
          finding(
            'category-mismatch',
            w,
            rec.category,
            findingText.categoryMismatch(rec.category.parsed, basis, expected.label, fitsComputed),
            {
              expected: expected.label,
              actual: rec.category.parsed,
            },
          ),
        );
      }
    }
  }

  if (ctx.checkRespondents && recordHasData(rec)) {
    const respAt =
      ctx.respondentsCol !== undefined ? { row: rec.firstRow, col: ctx.respondentsCol } : null;
    if (!rec.respondents) {
      out.push(finding('respondents-invalid', w, respAt, findingText.respondentsBlank()));
    } else {
      const n = readableCell(out, w, rec.respondents, cellName.respondents);
      if (n !== null && (!Number.isInteger(n) || n <= 0)) {
        out.push(
          finding('respondents-invalid', w, rec.respondents, findingText.respondentsInvalid(n), {
            actual: n,
          }),
        );
      }
    }
  }

  if (rec.realisation) {
    readableCell(out, w, rec.realisation, cellName.realisation);
    const pct = rec.realisationPct;
    if (pct !== null && (pct < 0 || pct > 100 + EPSILON)) {
      out.push(
        finding(
          'realisation-out-of-range',
          w,
          rec.realisation,
          findingText.realisationOutOfRange(pct),
          { actual: pct },
        ),
      );
    }
  }

  checkPriorities(out, w, rec, eff);
}

function checkPriorities(out: Finding[], w: Where, rec: SkmRecord, eff: Effective | null): void {
  if (!rec.priority) return;
  const entries = rec.priority.parsed;
  let namedAny = false;
  for (const entry of entries) {
    if (entry.unsur === null)
      out.push(
        finding('priority-unknown', w, rec.priority, findingText.priorityUnknown(entry.text), {
          actual: entry.text,
        }),
      );
    else namedAny = true;
  }
  if (!eff || !namedAny) return;
  let min = Infinity;
  for (let i = 0; i < eff.values.length; i++) if (eff.values[i] < min) min = eff.values[i];
  // Whether a named unsur is among the lowest, without building sets for the usual record that names one.
  let namesLowest = false;
  for (const entry of entries) {
    const i = entry.unsur === null ? -1 : UNSUR_CODES.indexOf(entry.unsur);
    if (i >= 0 && eff.values[i] <= min + EPSILON) namesLowest = true;
  }
  if (!namesLowest) {
    const named = new Set(entries.map((e) => e.unsur).filter((u): u is UnsurCode => u !== null));
    const lowest = UNSUR_CODES.filter((_, i) => eff.values[i] <= min + EPSILON);
    out.push(
      finding('priority-not-lowest', w, rec.priority, findingText.priorityNotLowest(lowest, min), {
        unsur: lowest.length === 1 ? lowest[0] : null,
        expected: lowest.join(', '),
        actual: Array.from(named).join(', '),
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// Unit-level checks: missing data and periods, annual against periods.

const PERIOD_COUNT = { semester: 2, quarter: 4 } as const;

function periodName(kind: 'semester' | 'quarter', index: number): string {
  const roman = ['I', 'II', 'III', 'IV'][index - 1];
  return kind === 'semester' ? `Semester ${roman}` : `Triwulan ${roman}`;
}

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
