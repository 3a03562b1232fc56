/**
 * The recap as the engine sees it: a sheet grid in, units and records out.
 * Glossary in README.md (IKM, NRR, unsur, UPP/OPD, periode, RTL).
 */
import type { Merges } from './merges';
import type { CellValue, ParsedNumber } from './numbers';
import type { PriorityEntry, UnsurCode } from './unsur';

/**
 * A sheet as Excel hands it over: values[i][j] is the cell at sheet row
 * origin.row + i, column origin.col + j. A merged area's value stands only in
 * its top-left cell (Excel's semantics); `merges` lists the areas where known.
 */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  origin?: { row: number; col: number };
  merges?: Merges;
  /** Number formats, same shape as values, where known ("0%" tells a fraction). */
  formats?: (string | null | undefined)[][];
  /** How the workbook shows the sheet, where known: a hidden sheet's table gives way to a visible one. */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Sheet columns (1-based) hidden in the workbook, where known. */
  hiddenCols?: number[];
}

export type ColumnRole =
  | 'no'
  | 'unit'
  | 'period'
  | 'services'
  | 'ikm'
  | 'category'
  | 'respondents'
  | 'method'
  | 'priority'
  | 'rtl'
  | 'realisation';

export interface ColumnMap {
  /** Sheet column (1-based) of each role found. */
  roles: Partial<Record<ColumnRole, number>>;
  /** Sheet column (1-based) of each unsur, U1..U9. */
  unsur: Record<UnsurCode, number>;
  /** Header text of each sheet column, for messages. */
  headers: Record<number, string>;
}

export type PeriodKind = 'annual' | 'semester' | 'quarter';

export interface Period {
  kind: PeriodKind;
  /** 1 for Tahunan; 1-2 for Semester; 1-4 for Triwulan. */
  index: number;
  label: string;
}

export type LineScale = 'nrr' | 'conv' | 'mixed' | 'blank';

export interface Line {
  row: number;
  /** The nine values, U1..U9, as read. */
  values: ParsedNumber[];
  scale: LineScale;
}

/** A read cell: where it is and what it held. */
export interface ReadCell<T = ParsedNumber> {
  row: number;
  col: number;
  raw: CellValue;
  parsed: T;
}

export interface SkmRecord {
  /** Position in reading order over the whole table. */
  index: number;
  unit: Unit;
  /** Null for a service sub-record. */
  period: Period | null;
  /** The service named in "Jenis Layanan" where the record is a service sub-record. */
  service: string | null;
  /** True when the period column was blank and the record was taken as annual. */
  impliedAnnual: boolean;
  firstRow: number;
  lastRow: number;
  nrr: Line | null;
  conv: Line | null;
  /** Lines with values that could not be given a role (a third line). */
  extraLines: readonly Line[];
  ikm: ReadCell | null;
  category: ReadCell<string> | null;
  respondents: ReadCell | null;
  realisation: ReadCell | null;
  /** Realisation in percent points (0-100), after reading the column's scale. */
  realisationPct: number | null;
  priority: ReadCell<PriorityEntry[]> | null;
  /** The record's nine values on 25-100 with their half-units, remembered on first use (precision.ts). */
  effective?: Effective | null;
}

export interface Unit {
  no: number | string | null;
  name: string;
  row: number;
  records: SkmRecord[];
}

export interface AverageLine {
  row: number;
  /** The label as written: "RATA-RATA KABUPATEN", "RATA-RATA KOTA". */
  label: string;
  /** U1..U9 as read, null where the column is blank. */
  unsur: (ReadCell | null)[];
  ikm: ReadCell | null;
  realisation: ReadCell | null;
  realisationPct: number | null;
}

export interface RecapTable {
  sheet: string;
  headerRows: number[];
  firstRow: number;
  lastRow: number;
  /** The last column of the table (the rightmost mapped or headed column). */
  lastCol: number;
  columns: ColumnMap;
  units: Unit[];
  records: SkmRecord[];
  average: AverageLine | null;
  /** Whether the realisation column holds fractions (0.75 for 75%). */
  realisationAsFraction: boolean;
  /** The row of each cell in the grid that could not be placed in a record. */
  unplacedRows: number[];
  /** What ended the table before the sheet's end, other than the average line. */
  end?: TableEnd;
  /** The header row of a further table on the sheet, not read as part of this one. */
  otherTableRow?: number;
  /** Header columns hidden in the workbook: read (used) or passed over for a visible one. */
  hiddenColumns?: HiddenColumn[];
}

export interface TableEnd {
  row: number;
  /** A footer line (total, note, source, signature) or the header of a further table. */
  kind: 'footer' | 'table';
  /** The line's text, as written. */
  text: string;
}

export interface HiddenColumn {
  col: number;
  header: string;
  used: boolean;
}

/** The nine unsur of a record on the 25-100 scale, each with its half-unit. */
export interface Effective {
  values: number[];
  /** Shared between records with the same precision: never to be changed. */
  half: readonly number[];
  source: 'conv' | 'nrr';
  line: Line;
}
