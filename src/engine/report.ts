/**
 * The checker's JSON report (docs/skm-rules.md §9), built from an analysis.
 */
import type { Analysis } from './analyse';
import { recordHasData, type Finding } from './checks';
import { say, type Lang } from './messages';

export interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  row: number;
  cell: string | null;
  unitNo: number | string | null;
  unit: string;
  period: string | null;
  unsur: string | null;
  expected: number | string | null;
  actual: number | string | null;
  message: string;
  /** The likely cause's code, where one was found (its sentence ends the message). */
  cause: string | null;
}

export interface JsonReport {
  file: string;
  sheet: string;
  table: { headerRows: number[]; firstRow: number; lastRow: number; averageRow: number | null };
  units: { listed: number; withData: number; inAverage: number };
  findings: JsonFinding[];
  district: {
    unsur: { code: string; name: string; value: number | null }[];
    ikm: number | null;
    category: string | null;
    realisation: number | null;
    lowest: { code: string; name: string; value: number }[];
    mostPrioritised: { code: string; name: string; units: number }[];
    sentences: { lowest: string | null; mostPrioritised: string | null };
  };
}

/** A finding's message with its likely cause, in one language. */
export function findingMessage(f: Finding, lang: Lang): string {
  return f.causeMessage
    ? `${say(f.message, lang)} ${say(f.causeMessage, lang)}`
    : say(f.message, lang);
}

export function unitCounts(a: Analysis): JsonReport['units'] {
  return {
    listed: a.table.units.length,
    withData: a.table.units.filter((u) => u.records.some(recordHasData)).length,
    inAverage: a.district.included.length,
  };
}

// Number.isFinite(null) is false: null stays null, NaN and Infinity become null.
const finite = (x: number | null) => (Number.isFinite(x) ? x : null);

export function jsonReport(file: string, a: Analysis, lang: Lang = 'id'): JsonReport {
  const { table, findings, district } = a;
  return {
    file,
    sheet: table.sheet,
    table: {
      headerRows: table.headerRows,
      firstRow: table.firstRow,
      lastRow: table.lastRow,
      averageRow: table.average?.row ?? null,
    },
    units: unitCounts(a),
    findings: findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      row: f.row,
      cell: f.cell,
      unitNo: f.unitNo,
      unit: f.unit,
      period: f.period,
      unsur: f.unsur,
      expected: f.expected,
      actual: f.actual,
      message: findingMessage(f, lang),
      cause: f.cause,
    })),
    district: {
      unsur: district.unsur.map((u) => ({ code: u.code, name: u.name, value: finite(u.value) })),
      ikm: finite(district.ikm),
      category: district.category,
      realisation: finite(district.realisation),
      lowest: district.lowest,
      mostPrioritised: district.mostPrioritised,
      sentences: {
        lowest: district.sentences.lowest ? say(district.sentences.lowest, lang) : null,
        mostPrioritised: district.sentences.mostPrioritised
          ? say(district.sentences.mostPrioritised, lang)
          : null,
      },
    },
  };
}
