/**
 * A finding: one contradiction in a recap, with its stable code, severity and
 * the cell it is about (docs/skm-rules.md §8, §9). Every check builds its
 * findings here, so the report, the marks and the notes read one shape.
 */
import { a1 } from './address';
import type { SkmRecord, Unit } from './model';
import type { Text } from './messages';
import type { UnsurCode } from './unsur';
import { periodLabel } from './records';

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

export interface Where {
  sheet: string;
  rec?: SkmRecord;
  unit: Unit;
  row: number;
}

export function finding(
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
