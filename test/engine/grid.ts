/**
 * Builds recap sheets in a few lines, in the layout Bagian Organisasi keeps
 * (docs/skm-rules.md §6): two header rows, NO | Unit Pelayanan Publik (UPP) |
 * Periode Survei | Jenis Layanan | Nilai Per Unsur (nine columns) | IKM |
 * Kategori | Jumlah Responden | Metode SKM | Unsur Perbaikan | Rencana Tindak
 * Lanjut | Realisasi, then each record as two lines (NRR, converted) with the
 * record's cells merged over them and NO/UPP merged over the unit.
 *
 * With the default layout and no title lines the header is rows 1-2, so the
 * first record's lines are rows 3 and 4 and its IKM is N3.
 */
import { analyseSheet, type Analysis } from '../../src/engine/analyse';
import type { Area } from '../../src/engine/address';
import type { RecapTable, SheetGrid } from '../../src/engine/model';
import { readRecap } from '../../src/engine/reader';
import type { CellValue } from '../../src/engine/numbers';
import { summarise, type Summary } from '../../src/engine/summary';
import { UNSUR_CODES, type UnsurCode } from '../../src/engine/unsur';

export type Column =
  | 'no'
  | 'unit'
  | 'period'
  | 'services'
  | UnsurCode
  | 'ikm'
  | 'category'
  | 'respondents'
  | 'method'
  | 'priority'
  | 'rtl'
  | 'realisation';

/** A column the checker does not know ("Keterangan"): its cells come from RecordSpec.extra. */
export interface ExtraColumn {
  extra: string;
}

export type ColumnSpec = Column | ExtraColumn;

export const BANJAR_COLUMNS: Column[] = [
  'no',
  'unit',
  'period',
  'services',
  ...UNSUR_CODES,
  'ikm',
  'category',
  'respondents',
  'method',
  'priority',
  'rtl',
  'realisation',
];

/** Header wording of the Banjar 2025 recap (the unsur names stand in the second header row). */
export const BANJAR_HEADERS: Record<Column, string> = {
  no: 'NO',
  unit: 'Unit Pelayanan Publik (UPP)',
  period: 'Periode Survei',
  services: 'Jenis Layanan',
  U1: 'Persyaratan',
  U2: 'Prosedur',
  U3: 'Waktu',
  U4: 'Biaya',
  U5: 'Produk',
  U6: 'Kompetensi',
  U7: 'Perilaku',
  U8: 'Aduan',
  U9: 'Sarpras',
  ikm: 'IKM',
  category: 'Kategori',
  respondents: 'Jumlah Responden',
  method: 'Metode SKM',
  priority: 'Unsur Perbaikan',
  rtl: 'Rencana Tindak Lanjut',
  realisation: 'Realisasi Tindak Lanjut Periode Sebelumnya (%)',
};

/** Nine values, U1..U9 in this order whatever the column order of the sheet. */
export type Nine = readonly CellValue[];

export interface RecordSpec {
  /** "Tahunan", "Semester I", "Triwulan II"; blank for a service sub-record. */
  period?: string;
  service?: string;
  /** The NRR line (1-4); omitted or null leaves the line blank. */
  nrr?: Nine | null;
  /** The converted line (25-100). */
  conv?: Nine | null;
  ikm?: CellValue;
  category?: CellValue;
  respondents?: CellValue;
  method?: CellValue;
  priority?: CellValue;
  rtl?: CellValue;
  realisation?: CellValue;
  /** Cells of extra columns, by header. */
  extra?: Record<string, CellValue>;
  /** Only the lines given (nrr and/or conv), instead of always two lines. */
  onlyGivenLines?: boolean;
}

export interface UnitSpec {
  no: CellValue;
  name: string;
  records: RecordSpec[];
}

/** A blank row between units. */
export const BLANK_ROW = 'blank-row' as const;

export interface AverageSpec {
  label?: string;
  /** U1..U9. */
  unsur?: Nine;
  ikm?: CellValue;
  category?: CellValue;
  realisation?: CellValue;
}

export interface RecapOptions {
  sheet?: string;
  /** Title lines above the header. */
  title?: string[];
  /** Column order, with any extra columns. */
  columns?: ColumnSpec[];
  /** Other header wording. */
  headers?: Partial<Record<Column, string>>;
  /** The header merged over the unsur columns; null for a single header row with the unsur names. */
  group?: string | null;
  /** Whether the merged areas are known (listed in the grid). */
  merges?: boolean;
  /** The RATA-RATA line right after the last record. */
  average?: AverageSpec;
  /** Rows under the table (after the average line, if any). */
  after?: CellValue[][];
  /** Number format of a column's data cells, e.g. { realisation: '0%' }. */
  formats?: Partial<Record<Column, string>>;
}

/** A grid built here: its merged areas are a plain list, for the tests to add to. */
export type TestGrid = SheetGrid & { merges?: Area[] };

export interface Recap {
  grid: TestGrid;
}

// ---------------------------------------------------------------------------
// Records in the domain's words.

export function unit(no: CellValue, name: string, ...records: RecordSpec[]): UnitSpec {
  return { no, name, records };
}

export function tahunan(r: Omit<RecordSpec, 'period'> = {}): RecordSpec {
  return { ...r, period: 'Tahunan' };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function semester(i: 1 | 2, r: Omit<RecordSpec, 'period'> = {}): RecordSpec {
  return { ...r, period: `Semester ${ROMAN[i - 1]}` };
}

export function triwulan(i: 1 | 2 | 3 | 4, r: Omit<RecordSpec, 'period'> = {}): RecordSpec {
  return { ...r, period: `Triwulan ${ROMAN[i - 1]}` };
}

/** A service-level sub-record: no period, a service name. */
export function layanan(
  service: string,
  r: Omit<RecordSpec, 'period' | 'service'> = {},
): RecordSpec {
  return { ...r, service };
}

/**
 * A consistent record: NRR to 3 decimals, each converted value exactly NRR x 25,
 * IKM = mean = 756,5 / 9 = 84,0556 written 84,06, category B. Lowest unsur: U3
 * Waktu (77,2).
 */
export const BASE = {
  nrr: [3.212, 3.404, 3.088, 3.616, 3.324, 3.448, 3.52, 3.364, 3.284],
  conv: [80.3, 85.1, 77.2, 90.4, 83.1, 86.2, 88, 84.1, 82.1],
  ikm: 84.06,
  category: 'B (Baik)',
  respondents: 120,
  method: 'Manual dan Online',
  priority: '1. Waktu penyelesaian\n2. Sarana dan prasarana',
} as const satisfies RecordSpec;

/** The BASE mean to full precision, for messages and expected values. */
export const BASE_MEAN = 756.5 / 9;

/** A second consistent record (2-decimal NRR, converted exactly x 25): mean 774 / 9 = 86,00, lowest U3 (81,00). */
export const OTHER = {
  nrr: [3.44, 3.48, 3.24, 3.6, 3.4, 3.44, 3.52, 3.36, 3.48],
  conv: [86, 87, 81, 90, 85, 86, 88, 84, 87],
  ikm: 86,
  category: 'B (Baik)',
  respondents: 80,
  method: 'Online',
  priority: 'Waktu pelayanan',
} as const satisfies RecordSpec;

/** Unit 1 with a wrong IKM (error at N3), unit 2 with no category (warning at O5): the plan tests' recap. */
export const FLAWED: UnitSpec[] = [
  unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
  unit(2, 'DINAS B', tahunan({ ...OTHER, category: '', realisation: 1 })),
];

/** The realisation typed as fractions in cells formatted as percent (0,8 shown 80%). */
export const FRACTIONS: RecapOptions = { formats: { realisation: '0%' } };

/** A RATA-RATA line typed with 80 everywhere: not the mean of FLAWED. */
export const AVERAGE = { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80, realisation: 0.5 };

/** A cell of a built sheet set by hand, the sheet grown to reach it ("staff wrote in U4"). */
export function put(built: Recap, row: number, col: number, v: CellValue): void {
  const values = built.grid.values;
  while (values.length < row) values.push([]);
  const r = values[row - 1];
  while (r.length < col) r.push('');
  r[col - 1] = v;
}

/** Nine values with some replaced: withValues(BASE.conv, { U8: 84.5 }). */
export function withValues(
  values: Nine,
  changes: Partial<Record<UnsurCode, CellValue>>,
): CellValue[] {
  return values.map((v, i) => (UNSUR_CODES[i] in changes ? changes[UNSUR_CODES[i]] : v));
}

// ---------------------------------------------------------------------------
// The sheet.

function isExtra(c: ColumnSpec): c is ExtraColumn {
  return typeof c === 'object';
}

const isUnsur = (c: ColumnSpec): c is UnsurCode =>
  typeof c === 'string' && (UNSUR_CODES as readonly string[]).includes(c);

const RECORD_CELLS: Column[] = [
  'period',
  'services',
  'ikm',
  'category',
  'respondents',
  'method',
  'priority',
  'rtl',
  'realisation',
];

export function recap(units: (UnitSpec | typeof BLANK_ROW)[], options: RecapOptions = {}): Recap {
  const columns = options.columns ?? BANJAR_COLUMNS;
  const headers = { ...BANJAR_HEADERS, ...options.headers };
  const group = options.group === undefined ? 'Nilai Per Unsur' : options.group;
  const width = columns.length;
  const colOf = new Map<string, number>();
  columns.forEach((c, i) => colOf.set(isExtra(c) ? c.extra : c, i + 1));
  const col = (c: Column | string): number => {
    const n = colOf.get(c);
    if (n === undefined) throw new Error(`no column ${c} in this layout`);
    return n;
  };

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: Area[] = [];
  const newRow = (): CellValue[] => {
    const r: CellValue[] = new Array(width).fill('');
    values.push(r);
    formats.push(new Array(width).fill(null));
    return r;
  };
  const rowNumber = () => values.length;
  const set = (row: number, c: number, v: CellValue) => {
    values[row - 1][c - 1] = v === undefined ? '' : v;
  };

  for (const t of options.title ?? []) {
    newRow()[0] = t;
    merges.push({ top: rowNumber(), left: 1, bottom: rowNumber(), right: width });
  }
  if (options.title && options.title.length > 0) newRow();

  // Header rows.
  const headerText = (c: ColumnSpec) => (isExtra(c) ? c.extra : headers[c]);
  const h1 = rowNumber() + 1;
  newRow();
  if (group !== null) newRow();
  const unsurCols = columns.map((c, i) => (isUnsur(c) ? i + 1 : 0)).filter((c) => c > 0);
  columns.forEach((c, i) => {
    const cn = i + 1;
    if (group === null) {
      set(h1, cn, headerText(c));
    } else if (isUnsur(c)) {
      set(h1 + 1, cn, headerText(c));
    } else {
      set(h1, cn, headerText(c));
      merges.push({ top: h1, left: cn, bottom: h1 + 1, right: cn });
    }
  });
  if (group !== null && unsurCols.length > 0) {
    const left = Math.min(...unsurCols);
    const right = Math.max(...unsurCols);
    set(h1, left, group);
    if (right - left + 1 === unsurCols.length) merges.push({ top: h1, left, bottom: h1, right });
  }

  // Records.
  for (const u of units) {
    if (u === BLANK_ROW) {
      newRow();
      continue;
    }
    const unitTop = rowNumber() + 1;
    for (const rec of u.records.length > 0 ? u.records : [{}]) {
      const top = rowNumber() + 1;
      const lines: ('nrr' | 'conv')[] = rec.onlyGivenLines
        ? (['nrr', 'conv'] as const).filter((l) => rec[l] !== undefined && rec[l] !== null)
        : ['nrr', 'conv'];
      if (lines.length === 0) lines.push('nrr');
      lines.forEach((line) => {
        newRow();
        const values9 = rec[line];
        if (values9)
          UNSUR_CODES.forEach(
            (code, i) => colOf.has(code) && set(rowNumber(), col(code), values9[i]),
          );
      });
      const bottom = rowNumber();
      const cells: Partial<Record<Column, CellValue>> = {
        period: rec.period,
        services: rec.service,
        ikm: rec.ikm,
        category: rec.category,
        respondents: rec.respondents,
        method: rec.method,
        priority: rec.priority,
        rtl: rec.rtl,
        realisation: rec.realisation,
      };
      for (const c of RECORD_CELLS) {
        if (!colOf.has(c)) continue;
        set(top, col(c), cells[c]);
        const fmt = options.formats?.[c];
        if (fmt && cells[c] !== undefined && cells[c] !== '') formats[top - 1][col(c) - 1] = fmt;
        if (bottom > top) merges.push({ top, left: col(c), bottom, right: col(c) });
      }
      for (const c of columns) {
        if (!isExtra(c)) continue;
        set(top, col(c.extra), rec.extra?.[c.extra]);
        if (bottom > top) merges.push({ top, left: col(c.extra), bottom, right: col(c.extra) });
      }
    }
    const unitBottom = rowNumber();
    for (const c of ['no', 'unit'] as const) {
      if (!colOf.has(c)) continue;
      set(unitTop, col(c), c === 'no' ? u.no : u.name);
      if (unitBottom > unitTop)
        merges.push({ top: unitTop, left: col(c), bottom: unitBottom, right: col(c) });
    }
  }
  if (options.average) {
    const avg = options.average;
    newRow();
    const averageRow = rowNumber();
    const labelCol = colOf.get('no') ?? 1;
    set(averageRow, labelCol, avg.label ?? 'RATA-RATA KABUPATEN');
    if (colOf.has('unit') && labelCol === colOf.get('no'))
      merges.push({
        top: averageRow,
        left: labelCol,
        bottom: averageRow,
        right: colOf.get('unit')!,
      });
    avg.unsur?.forEach(
      (v, i) => colOf.has(UNSUR_CODES[i]) && set(averageRow, col(UNSUR_CODES[i]), v),
    );
    if (avg.ikm !== undefined && colOf.has('ikm')) set(averageRow, col('ikm'), avg.ikm);
    if (avg.category !== undefined && colOf.has('category'))
      set(averageRow, col('category'), avg.category);
    if (avg.realisation !== undefined && colOf.has('realisation')) {
      set(averageRow, col('realisation'), avg.realisation);
      const fmt = options.formats?.realisation;
      if (fmt) formats[averageRow - 1][col('realisation') - 1] = fmt;
    }
  }
  for (const r of options.after ?? []) {
    const row = newRow();
    r.forEach((v, i) => (row[i] = v));
  }

  const grid: TestGrid = {
    name: options.sheet ?? 'Rekap SKM OPP 2025',
    values,
    origin: { row: 1, col: 1 },
    merges: options.merges === false ? undefined : merges,
    formats,
  };
  return { grid };
}

/** Reads a built sheet's recap table; fails the test when the sheet cannot be read. */
export function read(built: Recap | SheetGrid): RecapTable {
  const result = readRecap('grid' in built ? built.grid : built);
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.table;
}

/** Reads and checks a built sheet; fails the test when the sheet cannot be read. */
export function analyse(built: Recap | SheetGrid): Analysis {
  const grid = 'grid' in built ? built.grid : built;
  const result = analyseSheet(grid);
  if (!result.ok)
    throw new Error(`sheet not read: ${result.problem.code}: ${result.problem.message.en}`);
  return result;
}

/** Four units, one a year, one by semester, one by quarter, one without data (the summary's tests). */
export const RHYTHMS: UnitSpec[] = [
  unit(1, 'DINAS A', tahunan(BASE)),
  unit(2, 'DINAS B', semester(1, BASE), semester(2)),
  unit(3, 'DINAS C', triwulan(1, BASE), triwulan(2, OTHER), triwulan(3, BASE), triwulan(4, OTHER)),
  unit(4, 'DINAS D', tahunan()),
];

/** The summary of a recap built from `units`, with other sheets of its workbook after it. */
export function summaryOf(
  units: UnitSpec[],
  options: RecapOptions = {},
  others: SheetGrid[] = [],
): Summary {
  const { grid } = recap(units, options);
  return summarise(analyse(grid), [grid, ...others]);
}
