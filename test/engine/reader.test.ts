/** Reading the recap layout (docs/skm-rules.md §1, §6). */
import { parsePeriod, readRecap } from '../../src/engine/reader';
import type { Line, RecapTable } from '../../src/engine/model';
import { UNSUR, UNSUR_CODES } from '../../src/engine/unsur';
import {
  analyse,
  BANJAR_COLUMNS,
  BASE,
  BLANK_ROW,
  layanan,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  withValues,
  type ColumnSpec,
  type RecapOptions,
  type UnitSpec,
  read,
} from './grid';
import { mergeAreas } from '../../src/engine/merges';

/** The numbers a line was read as (null for a cell that holds none; nine nulls for no line). */
const numbersOf = (line: Line | null): (number | null)[] =>
  line ? line.values.map((v) => (v.kind === 'number' ? v.value : null)) : new Array(9).fill(null);

const TWO_UNITS: UnitSpec[] = [
  unit(1, 'SEKRETARIAT DAERAH (SETDA)', tahunan(BASE)),
  unit(2, 'SEKRETARIAT DPRD (SETWAN)', tahunan(OTHER)),
];

describe('the header', () => {
  it('finds the two header rows of the Banjar layout and maps every column by name', () => {
    const t = read(recap(TWO_UNITS));
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.firstRow).toBe(3);
    expect(t.columns.unsur).toEqual({
      U1: 5,
      U2: 6,
      U3: 7,
      U4: 8,
      U5: 9,
      U6: 10,
      U7: 11,
      U8: 12,
      U9: 13,
    });
    expect(t.columns.roles).toEqual({
      no: 1,
      unit: 2,
      period: 3,
      services: 4,
      ikm: 14,
      category: 15,
      respondents: 16,
      method: 17,
      priority: 18,
      rtl: 19,
      realisation: 20,
    });
  });

  it('finds the header under title lines', () => {
    const t = read(
      recap(TWO_UNITS, {
        title: [
          'REKAPITULASI HASIL PELAKSANAAN SKM OPP',
          'LINGKUP PEMERINTAH KABUPATEN BANJAR TAHUN 2025',
        ],
      }),
    );
    expect(t.headerRows).toEqual([4, 5]);
    expect(t.firstRow).toBe(6);
  });

  it('reads a single header row with the unsur names in it', () => {
    const t = read(recap(TWO_UNITS, { group: null }));
    expect(t.headerRows).toEqual([1]);
    expect(t.firstRow).toBe(2);
    expect(t.records).toHaveLength(2);
  });

  it("maps U8 and U9 by name when a template swaps them, and a record's values land on the right unsur", () => {
    const swapped: ColumnSpec[] = BANJAR_COLUMNS.map((c) =>
      c === 'U8' ? 'U9' : c === 'U9' ? 'U8' : c,
    );
    const built = recap(
      [unit(1, 'DINAS A', tahunan({ ...BASE, conv: withValues(BASE.conv, { U8: 84.2 }) }))],
      { columns: swapped },
    );
    const a = analyse(built);
    expect(a.table.columns.unsur.U8).toBe(13);
    expect(a.table.columns.unsur.U9).toBe(12);
    const rec = a.table.records[0];
    expect(numbersOf(rec.nrr)[7]).toBe(3.364);
    expect(numbersOf(rec.conv)[7]).toBe(84.2);
    expect(numbersOf(rec.conv)[8]).toBe(82.1);
    const mismatch = a.findings.filter((f) => f.code === 'conversion-mismatch');
    expect(mismatch).toEqual([
      expect.objectContaining({
        unsur: 'U8',
        cell: 'M4',
        expected: expect.closeTo(84.1, 9),
        actual: 84.2,
      }),
    ]);
  });

  it('reads unsur columns in any order', () => {
    const reversed: ColumnSpec[] = [
      'no',
      'unit',
      'period',
      'services',
      ...[...UNSUR_CODES].reverse(),
      'ikm',
      'category',
      'respondents',
    ];
    const a = analyse(recap([unit(1, 'DINAS A', tahunan(BASE))], { columns: reversed }));
    expect(a.table.columns.unsur.U1).toBe(13);
    expect(a.table.columns.unsur.U9).toBe(5);
    expect(a.findings).toEqual([]);
  });

  it('reads "U1".."U9" as unsur headers', () => {
    const headers = Object.fromEntries(UNSUR_CODES.map((u) => [u, u]));
    const t = read(recap(TWO_UNITS, { headers }));
    expect(t.columns.unsur).toEqual({
      U1: 5,
      U2: 6,
      U3: 7,
      U4: 8,
      U5: 9,
      U6: 10,
      U7: 11,
      U8: 12,
      U9: 13,
    });
  });

  it('reads wrapped unsur headers ("Persya ratan", "Kompe tensi", "Peri laku")', () => {
    const t = read(
      recap(TWO_UNITS, { headers: { U1: 'Persya ratan', U6: 'Kompe tensi', U7: 'Peri laku' } }),
    );
    expect(t.columns.unsur.U1).toBe(5);
    expect(t.columns.unsur.U6).toBe(10);
    expect(t.columns.unsur.U7).toBe(11);
  });

  it('reads another wording, the canonical unsur names and an extra "Keterangan" column in the middle', () => {
    const columns: ColumnSpec[] = [
      'no',
      'unit',
      'period',
      ...UNSUR_CODES,
      { extra: 'Keterangan' },
      'ikm',
      'category',
      'respondents',
      'priority',
      'realisation',
    ];
    const options: RecapOptions = {
      columns,
      headers: {
        unit: 'Nama OPD',
        ikm: 'Nilai IKM',
        category: 'Mutu Pelayanan',
        period: 'Periode',
        ...Object.fromEntries(UNSUR.map((u) => u.name).map((name, i) => [UNSUR_CODES[i], name])),
      },
    };
    const built = recap(
      [
        unit(1, 'DINAS A', tahunan({ ...BASE, extra: { Keterangan: 'lengkap' } })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, extra: { Keterangan: 'revisi' } })),
      ],
      options,
    );
    const a = analyse(built);
    expect(a.table.columns.unsur).toEqual({
      U1: 4,
      U2: 5,
      U3: 6,
      U4: 7,
      U5: 8,
      U6: 9,
      U7: 10,
      U8: 11,
      U9: 12,
    });
    expect(a.table.columns.roles).toEqual({
      no: 1,
      unit: 2,
      period: 3,
      ikm: 14,
      category: 15,
      respondents: 16,
      priority: 17,
      realisation: 18,
    });
    expect(a.table.units.map((u) => u.name)).toEqual(['DINAS A', 'DINAS B']);
    expect(a.findings).toEqual([]);
  });
});

describe('units and records', () => {
  it('reads a record as its NRR line and its converted line', () => {
    const t = read(recap(TWO_UNITS));
    const rec = t.records[0];
    expect(rec.firstRow).toBe(3);
    expect(rec.lastRow).toBe(4);
    expect(rec.nrr?.row).toBe(3);
    expect(rec.conv?.row).toBe(4);
    expect(numbersOf(rec.nrr)).toEqual(BASE.nrr);
    expect(numbersOf(rec.conv)).toEqual(BASE.conv);
    expect(rec.ikm?.parsed).toEqual(expect.objectContaining({ value: 84.06 }));
    expect(rec.category?.parsed).toBe('B (Baik)');
    expect(rec.respondents?.parsed).toEqual(expect.objectContaining({ value: 120 }));
    expect(rec.priority?.parsed.map((e) => e.unsur)).toEqual(['U3', 'U9']);
  });

  it('groups the period records under their unit', () => {
    const t = read(
      recap([
        unit(
          4,
          'DINAS PENDIDIKAN (DISDIK)',
          tahunan(OTHER),
          semester(1, OTHER),
          semester(2, OTHER),
        ),
        unit(5, 'DINAS KESEHATAN', tahunan(BASE)),
      ]),
    );
    expect(t.units.map((u) => [u.no, u.records.map((r) => r.period?.label)])).toEqual([
      [4, ['Tahunan', 'Semester I', 'Semester II']],
      [5, ['Tahunan']],
    ]);
    expect(t.units[0].records.map((r) => r.firstRow)).toEqual([3, 5, 7]);
  });

  it('reads the same records when the merged areas are not known', () => {
    const units = [
      unit(
        4,
        'DINAS PENDIDIKAN (DISDIK)',
        tahunan({ ...OTHER, nrr: null }),
        semester(1, OTHER),
        semester(2, { ...OTHER, conv: null }),
      ),
      unit(5, 'DINAS KESEHATAN', tahunan(BASE)),
    ];
    const known = read(recap(units));
    const unknown = read(recap(units, { merges: false }));
    const shape = (t: RecapTable) =>
      t.records.map((r) => ({
        unit: r.unit.no,
        period: r.period?.label,
        first: r.firstRow,
        nrr: r.nrr?.row ?? null,
        conv: r.conv?.row ?? null,
        ikm: r.ikm?.row,
      }));
    expect(shape(unknown)).toEqual(shape(known));
    expect(shape(known)).toEqual([
      { unit: 4, period: 'Tahunan', first: 3, nrr: null, conv: 4, ikm: 3 },
      { unit: 4, period: 'Semester I', first: 5, nrr: 5, conv: 6, ikm: 5 },
      { unit: 4, period: 'Semester II', first: 7, nrr: 7, conv: null, ikm: 7 },
      { unit: 5, period: 'Tahunan', first: 9, nrr: 9, conv: 10, ikm: 9 },
    ]);
  });

  it('gives the lines their roles by scale when the converted line comes first', () => {
    const grid = recap([unit(1, 'DINAS A', tahunan(BASE))]).grid;
    // Swap the two lines of the record (rows 3 and 4) in the unsur columns.
    for (let c = 4; c < 13; c++)
      [grid.values[2][c], grid.values[3][c]] = [grid.values[3][c], grid.values[2][c]];
    const rec = read(grid).records[0];
    expect(rec.nrr?.row).toBe(4);
    expect(rec.conv?.row).toBe(3);
    expect(numbersOf(rec.nrr)).toEqual(BASE.nrr);
  });

  it('reads a record with one line only', () => {
    const t = read(
      recap([
        unit(1, 'DINAS A', tahunan({ ...BASE, conv: undefined, onlyGivenLines: true })),
        unit(2, 'DINAS B', tahunan(OTHER)),
      ]),
    );
    expect(t.records[0].firstRow).toBe(3);
    expect(t.records[0].lastRow).toBe(3);
    expect(t.records[0].conv).toBeNull();
    expect(t.records[1].firstRow).toBe(4);
  });

  it('takes a record with no period and a service name as a service sub-record', () => {
    const t = read(
      recap([
        unit(
          13,
          'DINAS PERHUBUNGAN (DISHUB)',
          layanan('3. Layanan Izin Parkir', BASE),
          layanan('4. Layanan Fasilitas Lalu Lintas', OTHER),
        ),
      ]),
    );
    expect(t.records.map((r) => [r.period, r.service])).toEqual([
      [null, '3. Layanan Izin Parkir'],
      [null, '4. Layanan Fasilitas Lalu Lintas'],
    ]);
  });

  it("takes a unit's only record without a period as annual", () => {
    const rec = read(recap([unit(1, 'DINAS A', { ...BASE })])).records[0];
    expect(rec.period?.kind).toBe('annual');
    expect(rec.impliedAnnual).toBe(true);
  });

  it('lists a unit with no values as a unit with an empty record', () => {
    const t = read(
      recap([
        unit(28, 'KECAMATAN MARTAPURA', tahunan()),
        unit(29, 'KECAMATAN MARTAPURA BARAT', tahunan(BASE)),
      ]),
    );
    expect(t.units.map((u) => u.no)).toEqual([28, 29]);
    expect(t.units[0].records[0].nrr).toBeNull();
    expect(t.units[0].records[0].conv).toBeNull();
  });

  it('steps over blank rows inside the table', () => {
    const built = recap([
      unit(1, 'DINAS A', tahunan(BASE)),
      BLANK_ROW,
      BLANK_ROW,
      unit(2, 'DINAS B', tahunan(OTHER), semester(1, OTHER)),
    ]);
    const a = analyse(built);
    expect(a.table.units.map((u) => [u.no, u.records.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(a.table.records[1].firstRow).toBe(7);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('skips a row of column numbers under the header', () => {
    const grid = recap(TWO_UNITS).grid;
    grid.values.splice(
      2,
      0,
      grid.values[0].map((_, i) => `(${i + 1})`),
    );
    grid.formats!.splice(
      2,
      0,
      grid.values[0].map(() => null),
    );
    grid.merges = mergeAreas(grid.merges).map((m) =>
      m.top >= 3 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m,
    );
    const t = read(grid);
    expect(t.firstRow).toBe(4);
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
  });

  it('reads numbers stored as text with decimal commas', () => {
    const asText = (xs: readonly number[]) => xs.map((x) => String(x).replace('.', ','));
    const rec = read(
      recap([
        unit(
          9,
          'DINAS PMD',
          tahunan({
            ...BASE,
            nrr: asText(BASE.nrr),
            conv: asText(BASE.conv),
            ikm: '84,06',
            respondents: '1.686',
          }),
        ),
      ]),
    ).records[0];
    expect(numbersOf(rec.nrr)).toEqual(BASE.nrr);
    expect(numbersOf(rec.conv)).toEqual(BASE.conv);
    expect(rec.ikm?.parsed).toEqual(expect.objectContaining({ value: 84.06, fromText: true }));
    expect(rec.respondents?.parsed).toEqual(expect.objectContaining({ value: 1686 }));
  });

  it('reads NO, name and the record cells repeated on each line (not merged) as one unit', () => {
    const grid = recap([unit(1, 'DINAS A', tahunan(BASE), semester(1, OTHER))], {
      merges: false,
    }).grid;
    const recordCols = [0, 1, 2, 3, 13, 14, 15, 16, 17, 18, 19];
    for (const [from, to] of [
      [3, 4],
      [5, 6],
    ]) {
      for (const c of recordCols) grid.values[to - 1][c] = grid.values[from - 1][c];
      grid.values[to - 1][0] = grid.values[3 - 1][0];
      grid.values[to - 1][1] = grid.values[3 - 1][1];
      grid.values[from - 1][0] = grid.values[3 - 1][0];
      grid.values[from - 1][1] = grid.values[3 - 1][1];
    }
    const t = read(grid);
    expect(t.units).toHaveLength(1);
    expect(t.units[0].records.map((r) => [r.period?.label, r.nrr?.row, r.conv?.row])).toEqual([
      ['Tahunan', 3, 4],
      ['Semester I', 5, 6],
    ]);
  });
});

describe('the end of the table', () => {
  it('stops at the RATA-RATA KABUPATEN line and reads it', () => {
    const built = recap(TWO_UNITS, {
      average: {
        unsur: [83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55],
        ikm: 85.03,
        realisation: 80,
      },
      after: [['LINK EXCEL LAPORAN', '', '', 'https://example.org/rekap']],
    });
    const t = read(built);
    expect(t.lastRow).toBe(6);
    expect(t.average?.row).toBe(7);
    expect(t.average?.label).toBe('RATA-RATA KABUPATEN');
    expect(t.average?.unsur.map((c) => c?.parsed)).toEqual(
      [83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55].map((value) =>
        expect.objectContaining({ value }),
      ),
    );
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
  });

  it.each([
    'Rerata',
    'Nilai Rata-rata',
    'IKM RATA-RATA KOTA',
    'Nilai IKM Rata-rata',
    'Rata2',
    'RATA - RATA KABUPATEN',
  ])('reads a district line labelled "%s" as the district line, not as a unit', (label) => {
    const t = read(recap(TWO_UNITS, { average: { label, unsur: BASE.conv, ikm: 84.06 } }));
    expect(t.average).toMatchObject({ row: 7, label });
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
  });

  it('gives the district line its label without the spaces typed around it', () => {
    const t = read(recap(TWO_UNITS, { average: { label: ' RATA-RATA KABUPATEN ', ikm: 84.06 } }));
    expect(t.average?.label).toBe('RATA-RATA KABUPATEN');
  });

  it('does not take a note that mentions the average further in for the district line', () => {
    const t = read(
      recap(TWO_UNITS, { after: [['Catatan: nilai rata-rata dihitung oleh Bagian Organisasi']] }),
    );
    expect(t.average).toBeNull();
    expect(t.end?.row).toBe(7);
  });

  it('ends the table at a note under it when there is no average line', () => {
    const t = read(recap(TWO_UNITS, { after: [[], ['Catatan: data per 5 Desember 2025']] }));
    expect(t.average).toBeNull();
    expect(t.lastRow).toBe(6);
    expect(t.units).toHaveLength(2);
  });
});

describe('sheets that hold no readable table', () => {
  it('says an empty sheet is empty, naming it', () => {
    const r = readRecap({ name: 'Sheet1', values: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('empty-sheet');
      expect(r.problem.message.id).toContain('"Sheet1"');
    }
  });

  it('says a sheet without the unsur header holds no table, naming it', () => {
    const r = readRecap({
      name: 'Lampiran I',
      values: [
        ['no', 'unit', 'reporting'],
        [1, 'SETDA', 'Tahunan'],
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('no-table');
      expect(r.problem.message.en).toContain('Sheet "Lampiran I"');
    }
  });

  it('names the unsur columns it cannot find', () => {
    const columns = BANJAR_COLUMNS.filter((c) => c !== 'U4' && c !== 'U9');
    const r = readRecap(recap(TWO_UNITS, { columns }).grid);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('unsur-columns-missing');
      expect(r.problem.message.id).toContain('U4 Biaya/Tarif');
      expect(r.problem.message.id).toContain('U9 Sarana dan Prasarana');
    }
  });

  it('says when neither a NO nor a unit column is there', () => {
    const columns = BANJAR_COLUMNS.filter((c) => c !== 'no' && c !== 'unit');
    const r = readRecap(recap([], { columns }).grid);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('no-unit-column');
  });
});

describe('parsePeriod', () => {
  it.each([
    ['Tahunan', 'annual', 1],
    ['Semester I', 'semester', 1],
    ['Semester 2', 'semester', 2],
    ['Smt II', 'semester', 2],
    ['Triwulan I', 'quarter', 1],
    ['Triwulan III', 'quarter', 3],
    ['TW 4', 'quarter', 4],
    ['Triwulan IV', 'quarter', 4],
  ])('"%s" is %s %i', (text, kind, index) => {
    expect(parsePeriod(text)).toEqual(expect.objectContaining({ kind, index }));
  });

  it('reads no period in a service name', () => {
    expect(parsePeriod('3. Layanan Izin Parkir')).toBeNull();
  });
});

describe('free text under the table', () => {
  it('is not read as a record of the last unit (a signature in the RTL column)', () => {
    const rtl = BANJAR_COLUMNS.indexOf('rtl');
    const signature = new Array(BANJAR_COLUMNS.length).fill('');
    signature[rtl] = 'Kepala Bagian Organisasi';
    const { table } = analyse(recap([unit(1, 'DINAS A', tahunan(BASE))], { after: [signature] }));
    expect(table.records).toHaveLength(1);
    expect(table.lastRow).toBe(4);
  });
});

describe('a unit code column', () => {
  it('is not taken for the unit name column ("Kode Unit" left of the UPP)', () => {
    const built = recap(
      [unit(1, 'DINAS A', tahunan({ ...BASE, extra: { 'Kode Unit': 'D-01' } }))],
      {
        columns: ['no', { extra: 'Kode Unit' }, ...BANJAR_COLUMNS.slice(1)],
      },
    );
    const { table } = analyse(built);
    expect(table.columns.roles.unit).toBe(3);
    expect(table.units.map((u) => u.name)).toEqual(['DINAS A']);
  });
});
