/**
 * The checker's record checks on cells outside a recap table: what
 * =SKM.PERIKSA sees (one or two lines of nine values, an IKM, a category).
 */
import type { Line, ReadCell, SkmRecord, Unit } from './model';
import { parseNumber, type CellValue } from './numbers';
import { checkRecord, type Finding } from './checks';
import { findingMessage } from './report';
import { lineScale } from './reader';
import type { Lang } from './messages';
import { UNSUR_CODES, type UnsurCode } from './unsur';

export interface StandaloneInput {
  /** One or two lines of nine values: an NRR line and/or a converted line, in either order. */
  lines: CellValue[][];
  ikm: CellValue;
  category?: CellValue;
}

/** Codes that concern a record's own numbers, the ones a live flag column shows. */
const RECORD_CODES = new Set([
  'not-a-number',
  'unsur-missing',
  'mixed-scale',
  'nrr-out-of-range',
  'conversion-out-of-range',
  'conversion-mismatch',
  'ikm-missing',
  'ikm-out-of-range',
  'ikm-mismatch',
  'category-mismatch',
]);

/** A record built from loose cells, as if read from rows 1 and 2 of columns 1-9 (IKM in 10, category in 11). */
export function recordFromCells(input: StandaloneInput): SkmRecord {
  const unit: Unit = { no: null, name: '', row: 1, records: [] };
  const lines: Line[] = input.lines.map((values, i) => {
    const parsed = values.map((v) => parseNumber(v));
    return { row: i + 1, values: parsed, scale: lineScale(parsed) };
  });
  let nrr: Line | null = null;
  let conv: Line | null = null;
  const extraLines: Line[] = [];
  for (const l of lines) {
    if (l.scale === 'conv' && !conv) conv = l;
    else if (l.scale === 'nrr' && !nrr) nrr = l;
    else if (l.scale !== 'blank') extraLines.push(l);
  }
  const cell = (col: number, raw: CellValue): ReadCell | null =>
    raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')
      ? null
      : { row: 1, col, raw, parsed: parseNumber(raw) };
  const categoryRaw = input.category;
  const rec: SkmRecord = {
    index: 0,
    unit,
    period: null,
    service: null,
    impliedAnnual: false,
    firstRow: 1,
    lastRow: Math.max(1, lines.length),
    nrr,
    conv,
    extraLines,
    ikm: cell(10, input.ikm),
    category:
      categoryRaw === null || categoryRaw === undefined || String(categoryRaw).trim() === ''
        ? null
        : { row: 1, col: 11, raw: categoryRaw, parsed: String(categoryRaw).trim() },
    respondents: null,
    realisation: null,
    realisationPct: null,
    priority: null,
  };
  unit.records.push(rec);
  return rec;
}

export function checkRecordFindings(input: StandaloneInput): Finding[] {
  const rec = recordFromCells(input);
  const unsurCols = Object.fromEntries(UNSUR_CODES.map((u, i) => [u, i + 1])) as Record<
    UnsurCode,
    number
  >;
  return checkRecord(rec, {
    sheet: '',
    unsurCols,
    ikmCol: 10,
    categoryCol: 11,
  }).filter((f) => RECORD_CODES.has(f.code));
}

/** "OK", or what disagrees: the same checks and tolerances as the checker. */
export function checkRecordCells(
  input: StandaloneInput,
  lang: Lang = 'id',
): { ok: boolean; problems: string[] } {
  const findings = checkRecordFindings(input);
  return { ok: findings.length === 0, problems: findings.map((f) => findingMessage(f, lang)) };
}
