/**
 * Random recap sheets for the property tests: the layout of test/engine/grid.ts
 * (built with its recap() builder) with the variations real files show
 * (docs/skm-rules.md §6): columns in another order, unknown columns, blank
 * rows, numbers as text with a decimal comma, error values, merges known or
 * not, a missing NRR or converted line, multi-period units, service
 * sub-records, units without data. And garbage grids for robustness.
 */
import fc from 'fast-check';
import type { Area } from '../../src/engine/address';
import type { SheetGrid } from '../../src/engine/model';
import { isBlank, type CellValue } from '../../src/engine/numbers';
import { category } from '../../src/engine/scores';
import { UNSUR, UNSUR_CODES } from '../../src/engine/unsur';
import {
  BANJAR_COLUMNS,
  BLANK_ROW,
  layanan,
  recap,
  semester,
  tahunan,
  triwulan,
  unit,
  type AverageSpec,
  type Column,
  type ColumnSpec,
  type RecordSpec,
  type UnitSpec,
} from '../engine/grid';
import { mergeAreas } from '../../src/engine/merges';

// ---------------------------------------------------------------------------
// Cells and records.

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** How a typed number may arrive in a cell. */
type CellForm = 'number' | 'text' | 'error' | 'blank' | 'off';

const cellForm: fc.Arbitrary<CellForm> = fc.oneof(
  { arbitrary: fc.constant('number' as const), weight: 30 },
  { arbitrary: fc.constant('text' as const), weight: 3 },
  { arbitrary: fc.constant('error' as const), weight: 1 },
  { arbitrary: fc.constant('blank' as const), weight: 1 },
  { arbitrary: fc.constant('off' as const), weight: 1 },
);

const errorValue = fc.constantFrom('#DIV/0!', '#N/A', '#VALUE!');

/** "3,46" as staff paste it: the decimal comma of Indonesian Excel. */
export const withComma = (x: number): string => String(x).replace('.', ',');

function shaped(value: number, form: CellForm, error: string, offBy: number): CellValue {
  switch (form) {
    case 'number':
      return value;
    case 'text':
      return withComma(value);
    case 'error':
      return error;
    case 'blank':
      return '';
    case 'off':
      return round(value + offBy, 2);
  }
}

const nine = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: 9, maxLength: 9 });

const PRIORITY_TEXTS = [
  ...UNSUR.map((u) => u.name),
  'Waktu pelayanan',
  'Sarpras',
  'Lainnya',
  'Penanganan pengaduan, sarana dan masukan',
];

/** A record's cells: consistent values (NRR x 25, IKM the mean) with some cells spoilt. */
const recordArb: fc.Arbitrary<Omit<RecordSpec, 'period' | 'service'>> = fc
  .record({
    nrr: nine(fc.integer({ min: 2400, max: 4000 })),
    decimals: fc.constantFrom(2, 3),
    lines: fc.oneof(
      { arbitrary: fc.constant('both' as const), weight: 6 },
      fc.constant('nrr' as const),
      fc.constant('conv' as const),
    ),
    nrrForms: nine(cellForm),
    convForms: nine(cellForm),
    errors: nine(errorValue),
    offBy: fc.constantFrom(-2, -0.5, 0.3, 1.7),
    ikmForm: fc.oneof({ arbitrary: fc.constant('number' as CellForm), weight: 8 }, cellForm),
    ikmWeight: fc.constantFrom(1, 1, 1, 0.999, 0.99),
    categoryForm: fc.constantFrom('label', 'label', 'label', 'short', 'blank', 'wrong'),
    respondents: fc.oneof(
      fc.integer({ min: 1, max: 3000 }),
      fc.constantFrom('1.686', '', 0, 12.5, 'banyak'),
    ),
    realisation: fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom('75%', '', 0.8, 1, 120, '#DIV/0!'),
    ),
    priority: fc.subarray(PRIORITY_TEXTS, { maxLength: 3 }),
    method: fc.constantFrom('Manual dan Online', 'Online', ''),
    note: fc.constantFrom('', 'ok', 'lihat lampiran'),
  })
  .map((r) => {
    const d = r.decimals;
    const nrr = r.nrr.map((n) => round(n / 1000, d));
    const conv = nrr.map((n) => round(n * 25, 4));
    const ikm = round((conv.reduce((s, x) => s + x, 0) / 9) * r.ikmWeight, 2);
    const cat = category(ikm);
    const spec: Omit<RecordSpec, 'period' | 'service'> = {
      nrr:
        r.lines === 'conv'
          ? null
          : nrr.map((v, i) => shaped(v, r.nrrForms[i], r.errors[i], r.offBy / 25)),
      conv:
        r.lines === 'nrr'
          ? null
          : conv.map((v, i) => shaped(v, r.convForms[i], r.errors[i], r.offBy)),
      ikm: shaped(ikm, r.ikmForm, r.errors[0], r.offBy),
      category: {
        label: cat.label,
        short: cat.grade,
        blank: '',
        wrong: cat.grade === 'A' ? 'B (Baik)' : 'A (Sangat Baik)',
      }[r.categoryForm],
      respondents: r.respondents,
      method: r.method,
      priority: r.priority.map((p, i) => `${i + 1}. ${p}`).join('\n'),
      rtl: r.priority.length > 0 ? 'Sosialisasi' : '',
      realisation: r.realisation,
      extra: { Keterangan: r.note, Lokasi: r.note ? 7 : '' },
      onlyGivenLines: r.lines !== 'both',
    };
    return spec;
  });

type UnitKind = 'tahunan' | 'semester' | 'triwulan' | 'layanan' | 'nodata';

const unitKind: fc.Arbitrary<UnitKind> = fc.oneof(
  { arbitrary: fc.constant('tahunan' as const), weight: 5 },
  { arbitrary: fc.constant('semester' as const), weight: 2 },
  { arbitrary: fc.constant('triwulan' as const), weight: 1 },
  { arbitrary: fc.constant('layanan' as const), weight: 1 },
  { arbitrary: fc.constant('nodata' as const), weight: 1 },
);

/** One unit's records: Tahunan, or periods (some missing, a Tahunan or not), or service sub-records. */
const unitRecords: fc.Arbitrary<RecordSpec[]> = fc
  .record({
    kind: unitKind,
    records: fc.array(recordArb, { minLength: 5, maxLength: 5 }),
    present: fc.array(fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, fc.constant(false)), {
      minLength: 4,
      maxLength: 4,
    }),
    withAnnual: fc.boolean(),
  })
  .map(({ kind, records: r, present, withAnnual }) => {
    const annual = withAnnual ? [tahunan(r[4])] : [];
    switch (kind) {
      case 'tahunan':
        return [tahunan(r[0])];
      case 'semester':
        return [
          ...([1, 2] as const).filter((i) => present[i - 1]).map((i) => semester(i, r[i - 1])),
          ...annual,
        ];
      case 'triwulan':
        return [
          ...([1, 2, 3, 4] as const)
            .filter((i) => present[i - 1])
            .map((i) => triwulan(i, r[i - 1])),
          ...annual,
        ];
      case 'layanan':
        return [
          tahunan(r[0]),
          layanan('3. Layanan Izin Parkir', r[1]),
          ...(present[0] ? [layanan('4. Layanan Uji Kendaraan', r[2])] : []),
        ];
      case 'nodata':
        return [];
    }
  });

// ---------------------------------------------------------------------------
// The sheet.

// Headers no column role matches. ("Kode Unit" would: the reader takes the first header with the word
// "unit" for the UPP column, so a "Kode Unit" column left of UPP gives the units its codes as names.)
const EXTRA: ColumnSpec[] = [{ extra: 'Keterangan' }, { extra: 'Lokasi' }];
const OTHER_COLUMNS = BANJAR_COLUMNS.filter((c) => !(UNSUR_CODES as readonly string[]).includes(c));

export interface RecapCase {
  units: (UnitSpec | typeof BLANK_ROW)[];
  columns: ColumnSpec[];
  title: string[];
  merges: boolean;
  average: AverageSpec | undefined;
  /** Text under the table, in the NO column (notes, a signature). */
  notesUnder: string[];
  /** A blank row between the table and the text under it; without one, a new average line needs a row inserted. */
  gapUnder: boolean;
  sheet: string;
}

/** The units with blank rows between some of them. */
const unitsArb = fc
  .array(
    fc.tuple(
      unitRecords,
      fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
      fc.constantFrom(1, '2', '3.'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((list) => {
    const out: (UnitSpec | typeof BLANK_ROW)[] = [];
    list.forEach(([records, blankBefore, noForm], i) => {
      if (blankBefore && i > 0) out.push(BLANK_ROW);
      const no = noForm === 1 ? i + 1 : noForm === '2' ? String(i + 1) : `${i + 1}.`;
      out.push(unit(no, `DINAS ${String.fromCharCode(65 + i)} KABUPATEN`, ...records));
    });
    return out;
  });

/** Column orders: the Banjar order, the unsur shuffled, the others shuffled, unknown columns anywhere. */
export const columnsArb: fc.Arbitrary<ColumnSpec[]> = fc
  .record({
    unsurOrder: fc.oneof(
      fc.constant([...UNSUR_CODES] as Column[]),
      fc.shuffledSubarray([...UNSUR_CODES] as Column[], { minLength: 9, maxLength: 9 }),
    ),
    otherOrder: fc.oneof(
      fc.constant(OTHER_COLUMNS),
      fc.shuffledSubarray(OTHER_COLUMNS, {
        minLength: OTHER_COLUMNS.length,
        maxLength: OTHER_COLUMNS.length,
      }),
    ),
    unsurAt: fc.integer({ min: 0, max: OTHER_COLUMNS.length }),
    extras: fc.subarray(EXTRA),
    extraAt: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
  })
  .map(({ unsurOrder, otherOrder, unsurAt, extras, extraAt }) => {
    const cols: ColumnSpec[] = [
      ...otherOrder.slice(0, unsurAt),
      ...unsurOrder,
      ...otherOrder.slice(unsurAt),
    ];
    extras.forEach((e, i) => cols.splice(extraAt[i] % (cols.length + 1), 0, e));
    return cols;
  });

const averageArb: fc.Arbitrary<AverageSpec | undefined> = fc.option(
  fc.record({
    label: fc.constantFrom('RATA-RATA KABUPATEN', 'Rata-rata Kota', 'RATA-RATA'),
    unsur: nine(
      fc.oneof(
        fc.double({ min: 70, max: 95, noNaN: true }).map((x) => round(x, 2)),
        fc.constant(''),
      ),
    ),
    ikm: fc.oneof(
      fc.double({ min: 70, max: 95, noNaN: true }).map((x) => round(x, 2)),
      fc.constant(''),
    ),
    realisation: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant('')),
  }),
  { nil: undefined, freq: 2 },
);

export const recapCaseArb: fc.Arbitrary<RecapCase> = fc.record({
  units: unitsArb,
  columns: columnsArb,
  title: fc.constantFrom(
    [],
    ['REKAPITULASI HASIL PELAKSANAAN SKM OPP', 'LINGKUP PEMERINTAH KABUPATEN BANJAR TAHUN 2025'],
  ),
  merges: fc.boolean(),
  average: averageArb,
  notesUnder: fc.constantFrom(
    [],
    ['Keterangan: data sementara'],
    ['Sumber: Lampiran II', '', 'Martapura, 30 Desember 2025', 'KEPALA BAGIAN ORGANISASI'],
  ),
  gapUnder: fc.boolean(),
  sheet: fc.constantFrom('Rekap SKM OPP 2025', 'Rekap'),
});

/**
 * Drops merged areas that would hide a value (Excel keeps only the top-left
 * value of a merged area): the builder's RATA-RATA label merge from NO to UPP
 * can span other columns once the columns are shuffled.
 */
function excelMerges(values: CellValue[][], merges: Area[] | undefined): Area[] | undefined {
  if (!merges) return undefined;
  return merges.filter((m) => {
    if (m.left > m.right || m.top > m.bottom) return false;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && !isBlank(values[r - 1]?.[c - 1])) return false;
    return true;
  });
}

/** The case as a sheet grid, in its own column order or another, with its merges or without. */
export function buildRecap(
  rc: RecapCase,
  override: { columns?: ColumnSpec[]; merges?: boolean } = {},
): SheetGrid {
  const columns = override.columns ?? rc.columns;
  const noIndex = columns.indexOf('no');
  const after = rc.notesUnder.map((t) => {
    const row: CellValue[] = new Array(columns.length).fill('');
    row[noIndex] = t;
    return row;
  });
  const { grid } = recap(rc.units, {
    sheet: rc.sheet,
    title: rc.title,
    columns,
    merges: override.merges ?? rc.merges,
    average: rc.average,
    after: after.length > 0 ? (rc.gapUnder ? [[], ...after] : after) : undefined,
  });
  return {
    ...grid,
    merges: excelMerges(grid.values, grid.merges ? [...mergeAreas(grid.merges)] : undefined),
  };
}

// ---------------------------------------------------------------------------
// Garbage.

const HEADER_WORDS = [
  'NO',
  'Unit Pelayanan Publik (UPP)',
  'Periode Survei',
  'Nilai Per Unsur',
  ...UNSUR.map((u) => u.short),
  'IKM',
  'Kategori',
  'Jumlah Responden',
  'Unsur Perbaikan',
  'Realisasi',
  'Tahunan',
  'Semester II',
  'Triwulan IV',
  'RATA-RATA KABUPATEN',
  'B (Baik)',
  '3,46',
  '1.686',
  '75%',
  '#DIV/0!',
  '#N/A',
];

const garbageCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(''), weight: 6 },
  { arbitrary: fc.constantFrom(...HEADER_WORDS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.double({ min: -1e6, max: 1e6 }), weight: 2 },
  { arbitrary: fc.integer({ min: -5, max: 120 }), weight: 3 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, NaN, Infinity), weight: 1 },
);

const areaArb = (rows: number, cols: number): fc.Arbitrary<Area> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: rows + 2 }),
      fc.integer({ min: 1, max: cols + 2 }),
      fc.nat({ max: 3 }),
      fc.nat({ max: 3 }),
    )
    .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

/** Random values of random sizes up to 40 x 25, ragged rows, a random origin and random (even overlapping) merges. */
export const garbageGridArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.integer({ min: 0, max: 40 }),
    cols: fc.integer({ min: 0, max: 25 }),
    origin: fc.option(
      fc.record({ row: fc.integer({ min: 1, max: 10 }), col: fc.integer({ min: 1, max: 5 }) }),
      { nil: undefined },
    ),
  })
  .chain(({ rows, cols, origin }) =>
    fc.record({
      name: fc.constantFrom('Sheet1', 'Rekap SKM'),
      values: fc.array(fc.array(garbageCell, { maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      origin: fc.constant(origin),
      merges: fc.option(fc.array(areaArb(rows, cols), { maxLength: 6 }), { nil: undefined }),
    }),
  );
