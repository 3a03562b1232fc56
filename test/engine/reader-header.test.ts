/**
 * Recap headers and first columns as regions lay them out, beyond the Banjar layout: a header of
 * three rows held together by merged cells, unsur columns headed by codes, the result columns under
 * a group in the second row, the fewest columns a recap can have, a first unit whose name reads
 * like a header, numbers typed as text, a unit that typed words into its scores, a signature in
 * the last column, sheets with nothing to read. Found by mutation testing of the reader slice
 * (docs/testing.md); written as what a recap's keeper sees.
 */
import type { Area } from '../../src/engine/address';
import type { SheetGrid } from '../../src/engine/model';
import { parseNumber, type CellValue } from '../../src/engine/numbers';
import { lineScale, parsePeriod, readRecap } from '../../src/engine/reader';
import { UNSUR_CODES } from '../../src/engine/unsur';
import {
  BANJAR_COLUMNS,
  BASE,
  OTHER,
  recap,
  tahunan,
  unit,
  type ColumnSpec,
  type UnitSpec,
  read,
} from './grid';

const TWO_UNITS: UnitSpec[] = [
  unit(1, 'DINAS KESEHATAN', tahunan(BASE)),
  unit(2, 'DINAS PENDIDIKAN', tahunan(OTHER)),
];

/**
 * The Banjar layout with a row of sub-groups inserted under the first header row: "Unsur
 * Pelayanan" over the nine unsur, their names a row lower; every other header merged down over
 * all three rows, so that the second and third rows hold nothing of their own there.
 */
/** The same sheet where Excel's used range starts lower and further right (the table at C4). */
function movedTo(grid: SheetGrid, row: number, col: number): SheetGrid {
  const dr = row - 1;
  const dc = col - 1;
  return {
    ...grid,
    origin: { row, col },
    merges: (grid.merges as Area[]).map((m) => ({
      top: m.top + dr,
      left: m.left + dc,
      bottom: m.bottom + dr,
      right: m.right + dc,
    })),
  };
}

function threeRowHeader(): SheetGrid {
  const { grid } = recap(TWO_UNITS);
  const width = grid.values[0].length;
  const sub: CellValue[] = new Array(width).fill('');
  sub[4] = 'Unsur Pelayanan';
  const values = [grid.values[0], sub, ...grid.values.slice(1)];
  const merges: Area[] = (grid.merges as Area[]).map((m) => {
    if (m.top === 1 && m.bottom === 2) return { ...m, bottom: 3 };
    if (m.top === 1) return m;
    return { ...m, top: m.top + 1, bottom: m.bottom + 1 };
  });
  merges.push({ top: 2, left: 5, bottom: 2, right: 13 });
  const formats = grid.formats ? [grid.formats[0], [], ...grid.formats.slice(1)] : undefined;
  return { ...grid, values, merges, formats };
}

describe('headers of other regions', () => {
  test('a header of three rows, NO, unit and IKM merged down over all three: read through the merged cells', () => {
    const t = read(threeRowHeader());
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.roles.no).toBe(1);
    expect(t.columns.roles.unit).toBe(2);
    expect(t.columns.roles.ikm).toBe(14);
    expect(t.columns.roles.realisation).toBe(20);
    expect(t.units.map((u) => [u.no, u.name, u.row])).toEqual([
      [1, 'DINAS KESEHATAN', 4],
      [2, 'DINAS PENDIDIKAN', 6],
    ]);
    expect(t.records[1].ikm?.raw).toBe(OTHER.ikm);
  });

  test('the same three-row header in a table that starts at C4: read alike, three rows and two columns on', () => {
    const t = read(movedTo(threeRowHeader(), 4, 3));
    expect(t.headerRows).toEqual([5, 6]);
    expect(t.columns.roles.unit).toBe(4);
    expect(t.columns.unsur.U1).toBe(7);
    expect(t.units.map((u) => [u.no, u.name, u.row])).toEqual([
      [1, 'DINAS KESEHATAN', 7],
      [2, 'DINAS PENDIDIKAN', 9],
    ]);
  });

  test('a unit column headed "Nomenklatur Perangkat Daerah" is the unit column, not the NO column', () => {
    const t = read(recap(TWO_UNITS, { headers: { unit: 'Nomenklatur Perangkat Daerah' } }).grid);
    expect([t.columns.roles.no, t.columns.roles.unit]).toEqual([1, 2]);
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS PENDIDIKAN']);
  });

  test('a column headed in the first row only (not merged down), left of IKM: IKM keeps its own column', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS];
    columns.splice(columns.indexOf('ikm'), 0, { extra: 'Catatan' });
    const { grid } = recap(TWO_UNITS, { columns });
    const merges = (grid.merges as Area[]).filter((m) => !(m.top === 1 && m.left === 14));
    const t = read({ ...grid, merges });
    expect(t.columns.roles.ikm).toBe(15);
    expect(t.records[0].ikm?.raw).toBe(BASE.ikm);
  });

  test('a damaged file that lists a second merged area over a header cell: the first listed is read', () => {
    const { grid } = recap(TWO_UNITS);
    // P1:Q2 over the respondents' and the method's headers, listed after Q1:Q2 (the method's).
    const merges = [...(grid.merges as Area[]), { top: 1, left: 16, bottom: 2, right: 17 }];
    const t = read({ ...grid, merges });
    expect([t.columns.roles.respondents, t.columns.roles.method]).toEqual([16, 17]);
  });

  test('unsur headed "Unsur 1" to "Unsur 9" under the group row: each code its column', () => {
    const headers = Object.fromEntries(UNSUR_CODES.map((u, i) => [u, `Unsur ${i + 1}`]));
    const t = read(recap(TWO_UNITS, { headers }).grid);
    expect(UNSUR_CODES.map((u) => t.columns.unsur[u])).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(t.records[0].nrr?.values[8]).toMatchObject({ value: BASE.nrr[8] });
  });

  test('unsur headed by a word and a code ("Nilai U1") or a code typed without a space ("Unsur2")', () => {
    const headers: Record<string, string> = Object.fromEntries(
      UNSUR_CODES.map((u) => [u, `Nilai ${u}`]),
    );
    headers.U2 = 'Unsur2';
    const t = read(recap(TWO_UNITS, { headers, group: null }).grid);
    expect(UNSUR_CODES.map((u) => t.columns.unsur[u])).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  test('codes with names, U8 and U9 swapped in print ("U8 Sarana", "U9 Pengaduan"): the names decide', () => {
    const headers: Record<string, string> = Object.fromEntries(UNSUR_CODES.map((u) => [u, u]));
    headers.U8 = 'U8 Sarana dan prasarana';
    headers.U9 = 'U9 Penanganan pengaduan';
    const t = read(recap(TWO_UNITS, { headers }).grid);
    expect(t.columns.unsur.U8).toBe(13);
    expect(t.columns.unsur.U9).toBe(12);
  });

  test('the result columns under a group in the second row ("Hasil SKM": Nilai IKM, Mutu Pelayanan), the unsur names in the first', () => {
    const names = ['Persyaratan', 'Prosedur', 'Waktu', 'Biaya', 'Produk'];
    const more = ['Kompetensi', 'Perilaku', 'Pengaduan', 'Sarana'];
    const values: CellValue[][] = [
      ['NO', 'Unit Layanan', ...names, ...more, 'Hasil SKM', ''],
      ['', '', '', '', '', '', '', '', '', '', '', 'Nilai IKM', 'Mutu Pelayanan'],
      [1, 'DINAS KESEHATAN', ...BASE.nrr, BASE.ikm, 'B'],
      ['', '', ...BASE.conv, '', ''],
    ];
    const merges: Area[] = [
      ...Array.from({ length: 11 }, (_, i) => ({ top: 1, left: i + 1, bottom: 2, right: i + 1 })),
      { top: 1, left: 12, bottom: 1, right: 13 },
      ...[1, 2, 12, 13].map((c) => ({ top: 3, left: c, bottom: 4, right: c })),
    ];
    const t = read({ name: 'Rekap', values, merges });
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.columns.roles.ikm).toBe(12);
    expect(t.columns.roles.category).toBe(13);
    expect(t.records[0].ikm?.raw).toBe(BASE.ikm);
  });

  test('the fewest columns a recap can have: NO, the unit and the nine unsur', () => {
    const columns: ColumnSpec[] = ['no', 'unit', ...UNSUR_CODES];
    const t = read(recap(TWO_UNITS, { columns }).grid);
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS PENDIDIKAN']);
  });

  test('NO and the nine unsur without a unit column: the units read by their numbers', () => {
    const columns: ColumnSpec[] = ['no', ...UNSUR_CODES, 'ikm'];
    const t = read(recap(TWO_UNITS, { columns }).grid);
    expect(t.units.map((u) => [u.no, u.name])).toEqual([
      [1, ''],
      [2, ''],
    ]);
    // Nor a period column: each unit's one record is its year's.
    expect(t.records.map((r) => r.period?.kind)).toEqual(['annual', 'annual']);
  });

  test('a header naming only five unsur says which four are missing, not that there is no table', () => {
    const columns = BANJAR_COLUMNS.filter((c) => !['U6', 'U7', 'U8', 'U9'].includes(c));
    const r = readRecap(recap(TWO_UNITS, { columns }).grid);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('unsur-columns-missing');
    expect(r.problem.message.en).toMatch(/U6.*U7.*U8.*U9/);
  });

  test('a one-row header whose first unit is "UPT Pelayanan Pajak Daerah": its name is no header, the unit column stays', () => {
    const t = read(
      recap(
        [
          unit(1, 'UPT Pelayanan Pajak Daerah', tahunan(BASE)),
          unit(2, 'DINAS PENDIDIKAN', tahunan(OTHER)),
        ],
        { group: null },
      ).grid,
    );
    expect(t.headerRows).toEqual([1]);
    expect(t.columns.roles.unit).toBe(2);
    expect(t.units.map((u) => u.name)).toEqual(['UPT Pelayanan Pajak Daerah', 'DINAS PENDIDIKAN']);
  });

  test('a template with its two header rows and no unit yet is a table without units', () => {
    const t = read(recap([]).grid);
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.units).toEqual([]);
  });

  test('a hidden old IKM column before the visible one gives way to it', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS];
    columns.splice(columns.indexOf('ikm'), 0, { extra: 'IKM' });
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan({ ...BASE, extra: { IKM: 50 } }))], {
      columns,
    });
    const t = read({ ...grid, hiddenCols: [14] });
    expect(t.columns.roles.ikm).toBe(15);
    expect(t.records[0].ikm?.raw).toBe(BASE.ikm);
  });

  test('a hidden unsur column is named by its group and its own header', () => {
    const { grid } = recap(TWO_UNITS);
    const t = read({ ...grid, hiddenCols: [5] });
    expect(t.hiddenColumns).toEqual([
      { col: 5, header: 'Nilai Per Unsur / Persyaratan', used: true },
    ]);
  });

  test('a hidden empty spacer column inside the table is not reported as a hidden column', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS];
    columns.splice(4, 0, { extra: '' });
    const { grid } = recap(TWO_UNITS, { columns });
    const t = read({ ...grid, hiddenCols: [5] });
    expect(t.hiddenColumns ?? []).toEqual([]);
    expect(t.columns.unsur.U1).toBe(6);
  });
});

describe('how far down the header is looked for', () => {
  // n title lines and the blank line under them: the header's first row is row n + 2.
  const titled = (n: number) =>
    recap(TWO_UNITS, { title: Array.from({ length: n }, (_, i) => `Catatan ${i + 1}`) }).grid;

  test('a header under 60 lines of titles and notes (its first row the 61st) is found', () => {
    const t = read(titled(59));
    expect(t.headerRows).toEqual([61, 62]);
    expect(t.units.map((u) => u.row)).toEqual([63, 65]);
  });

  test('a three-row header held by merged cells, its first row the 60th: read through them', () => {
    const grid = threeRowHeader();
    const n = 59;
    const notes: CellValue[][] = Array.from({ length: n }, (_, i) => [`Catatan ${i + 1}`]);
    const t = read({
      ...grid,
      values: [...notes, ...grid.values],
      formats: undefined,
      merges: (grid.merges as Area[]).map((m) => ({ ...m, top: m.top + n, bottom: m.bottom + n })),
    });
    expect(t.headerRows).toEqual([61, 62]);
    expect(t.units.map((u) => [u.no, u.name])).toEqual([
      [1, 'DINAS KESEHATAN'],
      [2, 'DINAS PENDIDIKAN'],
    ]);
  });

  test('a header lower than that is not looked for: the sheet is said to hold no table', () => {
    const r = readRecap(titled(60));
    expect(r.ok ? null : r.problem.code).toBe('no-table');
  });
});

describe('first columns and rows as units type them', () => {
  test('a unit number typed as text ("3.", " 12 ", "7)") is that number; "1.1" and "2a" stay as typed', () => {
    const nos = ['3.', ' 12 ', '7)', '1.1', '2a'];
    const t = read(recap(nos.map((no, i) => unit(no, `DINAS ${i + 1}`, tahunan(BASE)))).grid);
    expect(t.units.map((u) => u.no)).toEqual([3, 12, 7, '1.1', '2a']);
  });

  test('a sub-unit numbered 2.1 (Excel keeps it as a number), nothing filled in yet, does not end the table', () => {
    const t = read(
      recap([
        unit(2, 'DINAS KESEHATAN', tahunan(BASE)),
        unit(2.1, '', {}),
        unit(3, 'DINAS PENDIDIKAN', tahunan(OTHER)),
      ]).grid,
    );
    expect(t.units.map((u) => u.no)).toEqual([2, 2.1, 3]);
  });

  test('a note right of the table, in a row of its own between two units, is neither a unit nor a row left over', () => {
    const note: CellValue[] = [...new Array(20).fill(''), 'dicek ulang 3/2'];
    const { grid } = recap([unit(1, 'DINAS KESEHATAN', tahunan(BASE))], {
      after: [note, ...recap([unit(2, 'DINAS PENDIDIKAN', tahunan(OTHER))]).grid.values.slice(2)],
    });
    const t = read(grid);
    expect(t.units.map((u) => [u.no, u.row])).toEqual([
      [1, 3],
      [2, 6],
    ]);
    expect(t.unplacedRows).toEqual([]);
  });

  test('blank cells given as null (as some readers hand them over) read as blank', () => {
    const { grid } = recap(TWO_UNITS);
    const values = grid.values.map((r) => r.map((v) => (v === '' ? null : v)));
    const t = read({ ...grid, values });
    expect(t.units.map((u) => u.name)).toEqual(['DINAS KESEHATAN', 'DINAS PENDIDIKAN']);
    expect(t.records.map((r) => r.service)).toEqual(read(grid).records.map((r) => r.service));
  });

  test("a unit's name typed with spaces around it is read without them", () => {
    const t = read(recap([unit(1, '  DINAS KESEHATAN ', tahunan(BASE))]).grid);
    expect(t.units[0].name).toBe('DINAS KESEHATAN');
  });

  test('a unit that typed "Belum survei" into its nine scores does not end the table: the units after it are read', () => {
    const words = UNSUR_CODES.map(() => 'Belum survei');
    const t = read(
      recap([
        unit(1, 'DINAS KESEHATAN', tahunan(BASE)),
        unit(2, 'DINAS SOSIAL', tahunan({ nrr: words, conv: words })),
        unit(3, 'DINAS PENDIDIKAN', tahunan(OTHER)),
      ]).grid,
    );
    expect(t.units.map((u) => u.name)).toEqual([
      'DINAS KESEHATAN',
      'DINAS SOSIAL',
      'DINAS PENDIDIKAN',
    ]);
    expect(t.end?.kind).not.toBe('table');
  });

  test('a signature in the last column of the table, under the last unit, ends the table there', () => {
    const sign = (text: string): CellValue[] => [...new Array(19).fill(''), text];
    const { grid } = recap(TWO_UNITS, {
      after: [[], sign('Martapura, 5 Januari 2026'), sign('Kepala Bagian Organisasi')],
    });
    const t = read(grid);
    expect(t.end).toMatchObject({ row: 8, kind: 'footer', text: 'Martapura, 5 Januari 2026' });
    expect(t.units).toHaveLength(2);
  });

  test("a footer's text is said without the spaces around it", () => {
    const { grid } = recap(TWO_UNITS, { after: [['  Mengetahui,  ']] });
    expect(read(grid).end).toMatchObject({ kind: 'footer', text: 'Mengetahui,' });
  });

  test('a row of column numbers with a gap under a merged header is skipped, not read as a unit', () => {
    const { grid } = recap(TWO_UNITS);
    const numbering: CellValue[] = Array.from({ length: 20 }, (_, i) => i + 1);
    // Two columns under one merged header share one number: the cell under the second is blank.
    numbering.splice(3, 1, '');
    for (let i = 4; i < 20; i++) numbering[i] = i;
    const values = [...grid.values.slice(0, 2), numbering, ...grid.values.slice(2)];
    const merges = (grid.merges as Area[]).map((m) =>
      m.top <= 2 ? m : { ...m, top: m.top + 1, bottom: m.bottom + 1 },
    );
    const t = read({ ...grid, values, merges, formats: undefined });
    expect(t.firstRow).toBe(4);
    expect(t.units.map((u) => [u.no, u.row])).toEqual([
      [1, 4],
      [2, 6],
    ]);
  });
});

describe('sheets with nothing to read', () => {
  test('an empty sheet, a sheet of empty rows and a sheet of blank cells are each said to be empty', () => {
    for (const values of [[], [[], []], [['', ' '], ['']]] as CellValue[][][]) {
      const r = readRecap({ name: 'Kosong', values });
      expect(r.ok ? 'ok' : r.problem.code).toBe('empty-sheet');
    }
  });

  test('a sheet with a note in its last row only is said to hold no recap table, not to be empty', () => {
    const r = readRecap({ name: 'Catatan', values: [[], [], ['Rekap menyusul']] });
    expect(r.ok ? 'ok' : r.problem.code).toBe('no-table');
  });
});

describe('periods and the scale of a line', () => {
  test('period labels typed without a space ("Semester1", "TW2", "Triwulan4") are read, the label without its spaces', () => {
    expect(parsePeriod('Semester1')).toMatchObject({ kind: 'semester', index: 1 });
    expect(parsePeriod('TW2')).toMatchObject({ kind: 'quarter', index: 2 });
    expect(parsePeriod(' Triwulan4 ')).toEqual({ kind: 'quarter', index: 4, label: 'Triwulan4' });
    expect(parsePeriod(' Semester II ')?.label).toBe('Semester II');
    expect(parsePeriod(' Tahunan ')?.label).toBe('Tahunan');
    expect(parsePeriod('—')).toBeNull();
  });

  test('a line of 4.5 is on the NRR scale and one of 20 converted: the bounds typos are allowed to', () => {
    const line = (...xs: CellValue[]) => lineScale(xs.map((x) => parseNumber(x)));
    expect(line(4.5)).toBe('nrr');
    expect(line(20)).toBe('conv');
    expect(line(4.5, 20)).toBe('mixed');
    expect(line(10, 12)).toBe('mixed');
    expect(line('', '')).toBe('blank');
  });
});
