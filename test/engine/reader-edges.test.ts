/**
 * Where a recap table ends and why, what is not read as a record, and columns hidden in the
 * workbook (docs/skm-rules.md §6): the edges of the layout the main reader tests do not reach.
 * Banjar layout: A NO, B unit, C period, D services, E..M U1..U9, N IKM, O category,
 * P respondents, Q method, R priority, S RTL, T realisation.
 */
import { lineScale, parsePeriod, readRecap, unsurCell } from '../../src/engine/reader';
import { parseNumber, type CellValue } from '../../src/engine/numbers';
import {
  BANJAR_COLUMNS,
  BANJAR_HEADERS,
  BASE,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  type ColumnSpec,
  type Nine,
  type RecapOptions,
  type UnitSpec,
  read,
} from './grid';

/** A row of the Banjar layout (20 columns), from the cells given. */
function row(cells: {
  no?: CellValue;
  unit?: CellValue;
  period?: CellValue;
  unsur?: Nine;
  ikm?: CellValue;
  category?: CellValue;
  method?: CellValue;
  rtl?: CellValue;
}): CellValue[] {
  const r: CellValue[] = new Array(20).fill('');
  r[0] = cells.no ?? '';
  r[1] = cells.unit ?? '';
  r[2] = cells.period ?? '';
  cells.unsur?.forEach((v, i) => (r[4 + i] = v));
  r[13] = cells.ikm ?? '';
  r[14] = cells.category ?? '';
  r[16] = cells.method ?? '';
  r[18] = cells.rtl ?? '';
  return r;
}

/** The header of a further table in one row, the unsur named in their columns. */
const SECOND_HEADER = BANJAR_COLUMNS.map((c) =>
  c === 'unit' ? 'Unit Pelayanan (Tahun 2024)' : BANJAR_HEADERS[c],
);

const TWO_UNITS: UnitSpec[] = [
  unit(1, 'DINAS KESEHATAN', tahunan(BASE)),
  unit(2, 'DINAS PENDIDIKAN', tahunan(OTHER)),
];
const built = (after: CellValue[][], options: RecapOptions = {}) =>
  recap(TWO_UNITS, { ...options, after });

describe('lineScale', () => {
  const line = (...v: CellValue[]) => v.map((x) => parseNumber(x));
  it('tells an NRR line (1-4) from a converted line (25-100)', () => {
    expect(lineScale(line(3.2, 3.4, 4.5))).toBe('nrr');
    expect(lineScale(line(80.3, 20, 100))).toBe('conv');
  });
  it('calls mixed a line of both scales, and a line only between 4.5 and 20 (neither scale)', () => {
    expect(lineScale(line(3.2, 80.3))).toBe('mixed');
    expect(lineScale(line(10, 12.5, 19.9))).toBe('mixed');
    expect(lineScale(line(4.6))).toBe('mixed');
    expect(lineScale(line(3.2, 10))).toBe('nrr');
    expect(lineScale(line(10, 80))).toBe('conv');
  });
  it('calls blank a line without numbers', () => {
    expect(lineScale(line('', null, 'n/a'))).toBe('blank');
  });
});

describe('where the table ends', () => {
  it('ends at the header of a second table inside the body, said with its row', () => {
    const t = read(built([SECOND_HEADER, row({ no: 1, unit: 'DINAS SOSIAL', unsur: OTHER.conv })]));
    // Header rows 1-2, records 3-4 and 5-6: the second table's header is row 7.
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS PENDIDIKAN']);
    expect(t.end).toEqual({ row: 7, kind: 'table', text: 'Unit Pelayanan (Tahun 2024)' });
    expect(t.otherTableRow).toBe(7);
    expect(t.lastRow).toBe(6);
  });

  it('takes a row naming five unsur among its words for a further table, and one naming four for none', () => {
    const naming = (n: number) =>
      BANJAR_COLUMNS.map((c, i) =>
        /^U[1-9]$/.test(c) && Number(c.slice(1)) > n ? '' : SECOND_HEADER[i],
      );
    expect(read(built([naming(5)])).otherTableRow).toBe(7);
    expect(read(built([naming(4)])).otherTableRow).toBeUndefined();
  });

  it('says the first of two further tables where the body ends at the first', () => {
    const t = read(built([SECOND_HEADER, row({ no: 1, unit: 'DINAS SOSIAL' }), SECOND_HEADER]));
    expect(t.end?.row).toBe(7);
    expect(t.otherTableRow).toBe(7);
  });

  it('ends at the first row of a further table headed in two rows as this one is', () => {
    const header = recap(TWO_UNITS).grid.values.slice(0, 2);
    const t = read(built([...header, row({ no: 1, unit: 'DINAS SOSIAL', unsur: OTHER.conv })]));
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
    expect(t.end).toEqual({ row: 7, kind: 'table', text: 'Unit Pelayanan Publik (UPP)' });
    expect(t.otherTableRow).toBe(7);
  });

  it("reads a one-line unit standing right above a further table's header, its cells typed out", () => {
    const oneLine = recap([
      unit(1, 'DINAS KESEHATAN', tahunan(BASE)),
      unit(2, 'DINAS PENDIDIKAN', tahunan({ ...OTHER, nrr: undefined, onlyGivenLines: true })),
    ]);
    const t = read({ ...oneLine.grid, values: [...oneLine.grid.values, SECOND_HEADER] });
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
    expect(t.end).toMatchObject({ row: 6, kind: 'table' });
  });

  it('names the second table by its first cell where its unit column is blank', () => {
    const header = [...SECOND_HEADER];
    header[1] = '';
    const t = read(built([header]));
    expect(t.end).toEqual({ row: 7, kind: 'table', text: 'NO' });
  });

  it('does not take a row of words outside the unsur columns for a header', () => {
    // Five words, but in the free-text columns: a note, skipped (not a record, not a table).
    const words = row({ method: 'Manual', rtl: 'Pelatihan petugas loket' });
    const t = read(built([words]));
    expect(t.end).toBeUndefined();
    expect(t.otherTableRow).toBeUndefined();
    expect(t.records).toHaveLength(2);
  });

  it('finds and says a second table under the RATA-RATA line, reading none of it', () => {
    const t = read(
      recap(TWO_UNITS, {
        average: { unsur: BASE.conv, ikm: 85 },
        after: [[], ['REKAP SKM TAHUN 2024'], SECOND_HEADER, row({ no: 1, unit: 'DINAS SOSIAL' })],
      }),
    );
    // Records 3-6, the average line 7, blank 8, title 9, header 10.
    expect(t.average?.row).toBe(7);
    expect(t.otherTableRow).toBe(10);
    expect(t.end).toBeUndefined();
    expect(t.units).toHaveLength(2);
  });

  it('finds and says a second table under a footer line', () => {
    const t = read(built([['Jumlah'], [], SECOND_HEADER]));
    expect(t.end).toEqual({ row: 7, kind: 'footer', text: 'Jumlah' });
    expect(t.otherTableRow).toBe(9);
  });

  it('says no second table where none follows the footer', () => {
    const t = read(built([['Catatan: data semester I'], ['Kepala Bagian Organisasi']]));
    expect(t.end).toEqual({ row: 7, kind: 'footer', text: 'Catatan: data semester I' });
    expect(t.otherTableRow).toBeUndefined();
  });

  it('ends at text alone in the NO column under the data, says so, the units below it not read', () => {
    const t = read(
      built([
        ['Tabel ini diisi oleh Bagian Organisasi'],
        row({ no: 3, unit: 'DINAS SOSIAL', unsur: OTHER.nrr }),
      ]),
    );
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS PENDIDIKAN']);
    expect(t.lastRow).toBe(6);
    expect(t.end).toEqual({
      row: 7,
      kind: 'footer',
      text: 'Tabel ini diisi oleh Bagian Organisasi',
    });
  });

  it('finds a second table under the text that ended the table', () => {
    const t = read(built([['Tabel 2. Rekap tahun 2024'], SECOND_HEADER]));
    expect(t.otherTableRow).toBe(8);
    expect(t.end).toEqual({ row: 7, kind: 'footer', text: 'Tabel 2. Rekap tahun 2024' });
  });

  it('reads a unit numbered in text ("3.") under the data as a unit, not an end', () => {
    const t = read(built([row({ no: '3.', unit: 'DINAS SOSIAL', unsur: OTHER.conv })]));
    expect(t.units.map((u) => u.no)).toEqual([1, 2, 3]);
  });

  it('does not end at text in the NO column of a line with values', () => {
    const t = read(built([row({ no: 'III', unit: 'DINAS SOSIAL', unsur: OTHER.conv })]));
    expect(t.units.map((u) => u.no)).toEqual([1, 2, 'III']);
  });
});

describe('the header', () => {
  it('keeps a single header row where the first data row would add nothing to it', () => {
    const plain = (r: typeof BASE) => tahunan({ ...r, priority: undefined, method: undefined });
    const t = read(
      recap([unit(1, 'DINAS KESEHATAN', plain(BASE)), unit(2, 'DINAS SOSIAL', plain(BASE))], {
        group: null,
      }),
    );
    expect(t.headerRows).toEqual([1]);
    expect(t.firstRow).toBe(2);
    expect(t.records.map((r) => [r.firstRow, r.nrr?.row, r.conv?.row])).toEqual([
      [2, 2, 3],
      [4, 4, 5],
    ]);
  });

  it('does not take an ID column ("ID OPD") for the unit column', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS];
    columns.splice(1, 0, { extra: 'ID OPD' });
    const t = read(
      recap(
        [
          unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, extra: { 'ID OPD': 'OPD-01' } })),
          unit(2, 'DINAS SOSIAL', tahunan({ ...OTHER, extra: { 'ID OPD': 'OPD-02' } })),
        ],
        { columns },
      ),
    );
    expect(t.columns.roles.unit).toBe(3);
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS SOSIAL']);
  });

  it('takes the columns "Kolom Rumus" wrote (SKM.IKM, SKM.KATEGORI, SKM.PERIKSA) for no column of the table', () => {
    // A recap without IKM and category columns, the helper formulas' results right of it.
    const columns: ColumnSpec[] = [
      ...BANJAR_COLUMNS.filter((c) => c !== 'ikm' && c !== 'category'),
      { extra: 'Catatan Validasi' },
      { extra: 'SKM.IKM' },
      { extra: 'skm.kategori' },
      { extra: 'SKM.PERIKSA' },
    ];
    const helpers = { 'SKM.IKM': 84.06, 'skm.kategori': 'B', 'SKM.PERIKSA': 'OK' };
    const t = read(
      recap([unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, extra: helpers }))], { columns }),
    );
    expect(t.columns.roles.ikm).toBeUndefined();
    expect(t.columns.roles.category).toBeUndefined();
    // The table ends at the notes column, so a second run writes into the same columns.
    expect(t.lastCol).toBe(19);
    expect(Object.values(t.columns.headers)).not.toContain('SKM.IKM');
  });

  it('reads a unit listed by its number alone (nothing else filled in yet) as a unit', () => {
    const t = read(recap([unit(1, '', {}), unit(2, 'DINAS SOSIAL', tahunan(OTHER))]));
    expect(t.firstRow).toBe(3);
    expect(t.units.map((u) => [u.no, u.row])).toEqual([
      [1, 3],
      [2, 5],
    ]);
  });
});

describe('columns, periods and lines', () => {
  it('ends the table at its last header, whichever header row holds it', () => {
    const { grid } = recap(TWO_UNITS);
    // "Keterangan" in U1 only, not merged down over the second header row.
    grid.values[0].push('Keterangan');
    grid.values[1].push('');
    expect(read(grid).lastCol).toBe(21);
  });

  it('reads "Annual" as the annual period', () => {
    expect(parsePeriod('Annual')).toEqual({ kind: 'annual', index: 1, label: 'Annual' });
    expect(parsePeriod('Tahun 2025')).toMatchObject({ kind: 'annual' });
  });

  it('gives a record with a period no service name, a record without one its service', () => {
    const t = read(
      recap([
        unit(1, 'DINAS KESEHATAN', tahunan(BASE), semester(1, { ...BASE, service: 'Izin' }), {
          ...OTHER,
          service: 'Layanan KTP',
        }),
      ]),
    );
    expect(t.records.map((r) => [r.period?.kind ?? null, r.service])).toEqual([
      ['annual', null],
      ['semester', null],
      [null, 'Layanan KTP'],
    ]);
  });

  it('takes two lines in their order (NRR, converted) unless their scales say the reverse', () => {
    const tens: Nine = new Array(9).fill(10);
    const reversed = read(
      recap([unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, nrr: BASE.conv, conv: BASE.nrr }))]),
    ).records[0];
    expect([reversed.nrr?.row, reversed.conv?.row]).toEqual([4, 3]);
    const unclear = read(
      recap([unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, nrr: BASE.conv, conv: tens }))]),
    ).records[0];
    expect([unclear.nrr?.row, unclear.conv?.row]).toEqual([3, 4]);
  });
});

describe('what does not end the table', () => {
  it('a note beside a record’s lines, inside its merged cells, even one starting "Ket"', () => {
    const { grid } = recap(TWO_UNITS);
    // Unit 1's record cells merged over three lines (3-5), unit 2 moved down to rows 6-7.
    grid.values.splice(4, 0, row({}));
    grid.values[4][3] = 'Ket: data sementara';
    grid.merges = grid.merges!.map((m) =>
      m.top >= 5
        ? { ...m, top: m.top + 1, bottom: m.bottom + 1 }
        : m.top === 3
          ? { ...m, bottom: 5 }
          : m,
    );
    const t = read(grid);
    expect(t.end).toBeUndefined();
    expect(t.units.map((u) => [u.name, u.row])).toEqual([
      ['DINAS KESEHATAN', 3],
      ['DINAS PENDIDIKAN', 6],
    ]);
    expect(t.records[0].lastRow).toBe(5);
  });

  it('a note under the header before the first unit: listed as not placed, the units still read', () => {
    const { grid } = recap(TWO_UNITS);
    grid.values.splice(2, 0, row({ method: 'Keterangan: nilai dalam skala 25-100' }));
    grid.merges = grid.merges!.map((m) =>
      m.top >= 3 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m,
    );
    const t = read(grid);
    expect(t.end).toBeUndefined();
    expect(t.unplacedRows).toEqual([3]);
    expect(t.units.map((u) => u.row)).toEqual([4, 6]);
  });

  it('a note in the NO column before the first unit: not placed, never a unit of its own', () => {
    for (const note of ['Catatan: angka sementara', 'data per 5 Desember 2025']) {
      const { grid } = recap(TWO_UNITS);
      grid.values.splice(2, 0, row({ no: note }));
      grid.merges = grid.merges!.map((m) =>
        m.top >= 3 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m,
      );
      const t = read(grid);
      expect(t.unplacedRows).toEqual([3]);
      expect(t.units.map((u) => [u.no, u.row])).toEqual([
        [1, 4],
        [2, 6],
      ]);
    }
  });

  it('a unit numbered in letters with an IKM but no unsur values yet', () => {
    const t = read(built([row({ no: 'III', unit: 'DINAS SOSIAL', ikm: 80, category: 'B' })]));
    expect(t.end).toBeUndefined();
    expect(t.units.map((u) => u.no)).toEqual([1, 2, 'III']);
    expect(t.records[2].ikm?.raw).toBe(80);
  });

  it('two units numbered alike (a numbering slip): two units, not one', () => {
    const t = read(
      recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE)), unit(1, 'DINAS SOSIAL', tahunan(OTHER))]),
    );
    expect(t.units.map((u) => [u.no, u.name, u.records.length])).toEqual([
      [1, 'DINAS KESEHATAN', 1],
      [1, 'DINAS SOSIAL', 1],
    ]);
  });

  it('the blank rows above the average line: the table runs down to it', () => {
    const t = read(recap(TWO_UNITS, { average: { unsur: BASE.conv, ikm: 85 } }));
    expect([t.lastRow, t.average?.row]).toEqual([6, 7]);
    const { grid } = recap(TWO_UNITS, { average: { unsur: BASE.conv, ikm: 85 } });
    grid.values.splice(6, 0, row({}), row({}));
    const gap = read(grid);
    expect([gap.lastRow, gap.average?.row]).toEqual([8, 9]);
  });
});

describe('rows that are no record', () => {
  it('skips a line with only free text (RTL, method) under a record', () => {
    const t = read(built([row({ rtl: 'Lanjutan: menambah loket' })]));
    expect(t.records).toHaveLength(2);
    expect(t.records[1].lastRow).toBe(6);
    expect(t.units[1].records).toHaveLength(1);
  });

  it('keeps as a new record a line with text in a record column other than RTL and method', () => {
    const t = read(built([row({ category: 'B (Baik)' })]));
    expect(t.units[1].records.map((r) => r.firstRow)).toEqual([5, 7]);
  });

  it('lists the rows before the first unit as not placed, reading the units after them', () => {
    const grid = recap([unit('', '', tahunan(BASE)), unit(1, 'DINAS KESEHATAN', tahunan(OTHER))]);
    const t = read(grid);
    expect(t.unplacedRows).toEqual([3, 4]);
    expect(t.units).toHaveLength(1);
    expect(t.records.map((r) => r.firstRow)).toEqual([5]);
  });

  it('reads units without a number by their names', () => {
    const t = read(
      recap([unit('', 'DINAS KESEHATAN', tahunan(BASE)), unit('', 'DINAS SOSIAL', tahunan(OTHER))]),
    );
    expect(t.units.map((u) => [u.no, u.name, u.row])).toEqual([
      [null, 'DINAS KESEHATAN', 3],
      [null, 'DINAS SOSIAL', 5],
    ]);
  });

  it('reads a unit without a number whose name is repeated on each line as one unit', () => {
    const { grid } = recap([unit('', 'DINAS KESEHATAN', tahunan(BASE))], { merges: false });
    grid.values[3][1] = 'DINAS KESEHATAN';
    const t = read(grid);
    expect(t.units).toHaveLength(1);
    expect(t.records).toHaveLength(1);
    expect(t.records[0].conv?.row).toBe(4);
  });

  it('does not take a unit name running onto the record’s second line for a second unit', () => {
    const { grid } = recap(TWO_UNITS);
    grid.values[3][1] = 'KABUPATEN BANJAR';
    const t = read(grid);
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS PENDIDIKAN']);
    expect(t.records[0].conv?.row).toBe(4);
  });

  it('keeps a single line on neither scale as an extra line of the record, not as NRR or converted', () => {
    const tens: Nine = new Array(9).fill(10);
    const t = read(
      recap([
        unit(
          1,
          'DINAS KESEHATAN',
          tahunan({ ...BASE, nrr: tens, conv: null, onlyGivenLines: true }),
        ),
      ]),
    );
    const rec = t.records[0];
    expect(rec.nrr).toBeNull();
    expect(rec.conv).toBeNull();
    expect(rec.extraLines.map((l) => [l.row, l.scale])).toEqual([[3, 'mixed']]);
  });

  it('keeps a third line under a record’s merged cells as an extra line of that record', () => {
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE))], {
      after: [row({ unsur: OTHER.conv })],
    });
    for (const m of grid.merges!) if (m.top === 3 && m.bottom === 4) m.bottom = 5;
    const t = read(grid);
    expect(t.records).toHaveLength(1);
    const rec = t.records[0];
    expect([rec.nrr?.row, rec.conv?.row, rec.lastRow]).toEqual([3, 4, 5]);
    expect(rec.extraLines.map((l) => l.row)).toEqual([5]);
  });
});

describe('sheets as readers give them', () => {
  it('reads sparse rows (cells never written left out, rows ending at their last cell)', () => {
    const { grid } = recap(TWO_UNITS, { average: { unsur: BASE.conv, ikm: 85 }, after: [[], []] });
    // As the xlsx reader gives them: only the cells written, the blank rows empty arrays.
    const values = grid.values.map((r) => {
      const sparse: CellValue[] = [];
      r.forEach((v, i) => {
        if (v !== '') sparse[i] = v;
      });
      return sparse;
    });
    const t = read({ ...grid, values });
    expect(t.units.map((u) => [u.name, u.row])).toEqual([
      ['DINAS KESEHATAN', 3],
      ['DINAS PENDIDIKAN', 5],
    ]);
    expect(t.records[1].conv?.values.map((v) => (v.kind === 'number' ? v.value : null))).toEqual(
      OTHER.conv,
    );
    expect(t.average?.row).toBe(7);
    expect(t.otherTableRow).toBeUndefined();
  });

  it('says a sheet of blank cells is empty', () => {
    const r = readRecap({ name: 'Sheet1', values: [['', null], ['  '], []] });
    expect(r.ok ? null : [r.problem.code, r.problem.message.en]).toEqual([
      'empty-sheet',
      'Sheet "Sheet1" is empty.',
    ]);
  });

  it('reads a layout without a NO column by the unit names', () => {
    const t = read(recap(TWO_UNITS, { columns: BANJAR_COLUMNS.filter((c) => c !== 'no') }));
    expect(t.columns.roles.no).toBeUndefined();
    expect(t.units.map((u) => [u.no, u.name])).toEqual([
      [null, 'DINAS KESEHATAN'],
      [null, 'DINAS PENDIDIKAN'],
    ]);
  });
});

describe('records under merged cells and without them', () => {
  it('starts a record at a new period label under cells merged over two periods', () => {
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', semester(1, BASE), semester(2, OTHER))]);
    // The respondents cell (P) of Semester I merged down over Semester II (rows 3-6).
    grid.merges = grid.merges!.filter((m) => !(m.left === 16 && m.top === 3));
    grid.merges.push({ top: 3, left: 16, bottom: 6, right: 16 });
    grid.values[4][15] = '';
    const t = read(grid);
    expect(t.records.map((r) => [r.period?.label, r.firstRow, r.nrr?.row, r.conv?.row])).toEqual([
      ['Semester I', 3, 3, 4],
      ['Semester II', 5, 5, 6],
    ]);
  });

  it('keeps a period label repeated on the second line (cells merged) in the same record', () => {
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', semester(1, BASE), semester(2, OTHER))]);
    // The period cells not merged but written on each line; the other record cells merged.
    grid.merges = grid.merges!.filter((m) => m.left !== 3 || m.top < 3);
    grid.values[3][2] = 'Semester I';
    grid.values[5][2] = 'Semester II';
    const t = read(grid);
    expect(t.records.map((r) => [r.period?.label, r.firstRow, r.lastRow])).toEqual([
      ['Semester I', 3, 4],
      ['Semester II', 5, 6],
    ]);
  });

  it('keeps the lines under cells merged over a record in that record', () => {
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', semester(1, BASE))], {
      after: [row({ unsur: OTHER.nrr })],
    });
    // The IKM cell merged over three lines: the third line belongs to Semester I.
    for (const m of grid.merges!) if (m.top === 3 && m.left === 14) m.bottom = 5;
    const t = read(grid);
    expect(t.records).toHaveLength(1);
    expect(t.records[0].extraLines.map((l) => [l.row, l.scale])).toEqual([[5, 'nrr']]);
  });

  it('reads two NRR lines in a row, nothing merged, as two records', () => {
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, conv: OTHER.nrr }))], {
      merges: false,
    });
    const t = read(grid);
    expect(t.records.map((r) => [r.firstRow, r.nrr?.row ?? null, r.conv?.row ?? null])).toEqual([
      [3, 3, null],
      [4, 4, null],
    ]);
  });

  it('keeps an unreadable second line (dashes), nothing merged, in the record above it', () => {
    const dashes: Nine = new Array(9).fill('-');
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, conv: dashes }))], {
      merges: false,
    });
    const t = read(grid);
    expect(t.records.map((r) => [r.firstRow, r.lastRow, r.nrr?.row, r.conv?.row])).toEqual([
      [3, 4, 3, 4],
    ]);
  });

  it('reads an NRR line and its converted line, nothing merged, as one record', () => {
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE))], { merges: false });
    const t = read(grid);
    expect(t.records.map((r) => [r.firstRow, r.nrr?.row, r.conv?.row])).toEqual([[3, 3, 4]]);
  });
});

describe('realisation written as text', () => {
  const pcts = (values: CellValue[]) =>
    read(
      recap(
        values.map((v, i) => unit(i + 1, `UNIT ${i + 1}`, tahunan({ ...BASE, realisation: v }))),
      ),
    ).records.map((r) => r.realisationPct);

  it('reads the text "90" beside fractions as 90%, not 9000%', () => {
    expect(pcts([0.75, '90'])).toEqual([75, 90]);
  });

  it('reads text beside percent points as percent points', () => {
    expect(pcts([75, '80', '0,5', '85%'])).toEqual([75, 80, 0.5, 85]);
  });
});

describe('columns hidden in the workbook', () => {
  it('passes over a hidden stale copy of a column for the visible one, and says so', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS];
    columns.splice(4, 0, { extra: 'Persyaratan' });
    columns.splice(columns.indexOf('ikm') + 1, 0, { extra: 'IKM (lama)' });
    // A..D, E stale Persyaratan, F..N U1..U9, O IKM, P stale IKM, then the rest.
    const { grid } = recap(
      [
        unit(
          1,
          'DINAS KESEHATAN',
          tahunan({ ...BASE, extra: { Persyaratan: 1, 'IKM (lama)': 50 } }),
        ),
      ],
      { columns },
    );
    const t = read({ ...grid, hiddenCols: [5, 16] });
    expect(t.columns.unsur.U1).toBe(6);
    expect(t.columns.roles.ikm).toBe(15);
    expect(t.records[0].nrr?.values[0]).toMatchObject({ value: BASE.nrr[0] });
    expect(t.records[0].ikm?.raw).toBe(BASE.ikm);
    expect(t.hiddenColumns).toEqual([
      { col: 5, header: 'Persyaratan', used: false },
      { col: 16, header: 'IKM (lama)', used: false },
    ]);
  });

  it('takes the first of two visible copies, hidden copies after it changing nothing', () => {
    const columns = [...BANJAR_COLUMNS, { extra: 'IKM (lama)' }, { extra: 'Persyaratan' }];
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE))], { columns });
    const t = read({ ...grid, hiddenCols: [21, 22] });
    expect(t.columns.roles.ikm).toBe(14);
    expect(t.columns.unsur.U1).toBe(5);
    expect(t.hiddenColumns?.map((h) => [h.col, h.used])).toEqual([
      [21, false],
      [22, false],
    ]);
  });

  it('keeps the first visible copy where a later copy is visible too', () => {
    const columns = [...BANJAR_COLUMNS, { extra: 'IKM (lama)' }];
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE))], { columns });
    const t = read({ ...grid, hiddenCols: [3] });
    expect(t.columns.roles.ikm).toBe(14);
    expect(t.hiddenColumns).toEqual([{ col: 3, header: BANJAR_HEADERS.period, used: true }]);
  });

  it('reads the first copy where every copy is hidden', () => {
    const columns = [...BANJAR_COLUMNS, { extra: 'IKM (lama)' }, { extra: 'Persyaratan' }];
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE))], { columns });
    const t = read({ ...grid, hiddenCols: [5, 14, 21, 22] });
    expect(t.columns.roles.ikm).toBe(14);
    expect(t.columns.unsur.U1).toBe(5);
    expect(t.hiddenColumns?.map((h) => [h.col, h.used])).toEqual([
      [5, true],
      [14, true],
      [21, false],
      [22, false],
    ]);
  });

  it('says a hidden column that is read (the only one of its kind) as used', () => {
    const { grid } = recap(TWO_UNITS);
    const t = read({ ...grid, hiddenCols: [17] });
    expect(t.hiddenColumns).toEqual([{ col: 17, header: BANJAR_HEADERS.method, used: true }]);
    expect(t.records[0].unit.name).toBe('DINAS KESEHATAN');
  });

  it('says nothing where the hidden columns lie outside the header', () => {
    const { grid } = recap(TWO_UNITS);
    expect(read({ ...grid, hiddenCols: [25, 30] }).hiddenColumns).toBeUndefined();
    expect(read({ ...grid, hiddenCols: [] }).hiddenColumns).toBeUndefined();
  });
});

describe('unsurCell', () => {
  it('names a record’s cell in an unsur column, wherever that column stands', () => {
    const t = read(recap(TWO_UNITS));
    expect(unsurCell(t, 3, 'U1')).toBe('E3');
    expect(unsurCell(t, 4, 'U9')).toBe('M4');
    const columns = [...BANJAR_COLUMNS].reverse();
    const r = read(recap(TWO_UNITS, { columns }));
    // Reversed, U1 (the 5th of 20 columns) is the 16th: P.
    expect(unsurCell(r, 3, 'U1')).toBe('P3');
  });
});
