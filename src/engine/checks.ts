/**
 * The record-level checks of docs/skm-rules.md §8: every way one record's
 * numbers can contradict each other, with the precision-aware tolerances of
 * §5. The unit- and table-level checks are in table-checks.ts.
 */
import type { Line, ReadCell, SkmRecord } from './model';
import { causes, cellName, findingText, lineName, type Text } from './messages';
import type { ParsedNumber } from './numbers';
import { halfUnit } from './numbers';
import { effectiveValues, EPSILON, lineHalfUnit, mean, type Effective } from './precision';
import { recordHasData } from './records';
import { category, CONVERSION, parseCategory } from './scores';
import { UNSUR_CODES, type UnsurCode } from './unsur';
import { finding, type Finding, type Where } from './finding';

export { CHECKS, type CauseCode, type CheckCode, type Finding, type Severity } from './finding';
export { periodLabel, recordHasData } from './records';

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

export function checkRecordInto(out: Finding[], rec: SkmRecord, ctx: RecordContext): void {
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
