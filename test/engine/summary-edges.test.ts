/**
 * The summary (Ringkasan SKM) on workbooks the Banjar sample does not cover: no unit list (each
 * unit's rhythm read from its records), other unit lists, titles naming another region or year,
 * or none, two recaps of one year, a recap without data.
 */
import type { SheetGrid } from '../../src/engine/model';
import { readUnitList, regionOf, summarise, yearOf, type Summary } from '../../src/engine/summary';
import { cellAddress, summaryLayout, type SummaryLayout } from '../../src/engine/summary-sheet';
import {
  analyse,
  BASE,
  BASE_MEAN,
  OTHER,
  recap,
  semester,
  tahunan,
  triwulan,
  unit,
  RHYTHMS,
  summaryOf,
} from './grid';

const UNITS = RHYTHMS;

describe('reporting without a unit list', () => {
  it("reads each unit's rhythm from its records and counts the reports present", () => {
    const s = summaryOf(UNITS);
    expect(s.reporting).toEqual({
      source: 'Rekap SKM OPP 2025',
      listed: 4,
      withData: 3,
      expectedReports: 1 + 1 + 2 + 4,
      presentReports: 1 + 0 + 1 + 4,
      byRhythm: [
        { rhythm: 'Tahunan', units: 2, expected: 2, present: 1 },
        { rhythm: 'Semester', units: 1, expected: 2, present: 1 },
        { rhythm: 'Triwulan', units: 1, expected: 4, present: 4 },
      ],
    });
    expect(s.kesimpulan).toContain(
      'Sebanyak 3 dari 4 OPP telah menyampaikan hasil SKM (6 dari 8 laporan periode).',
    );
  });

  it('takes a unit with quarters and a Tahunan record as reporting by quarter', () => {
    const s = summaryOf([unit(1, 'DINAS A', tahunan(BASE), triwulan(1, BASE), triwulan(2, OTHER))]);
    expect(s.reporting.byRhythm).toEqual([
      { rhythm: 'Tahunan', units: 0, expected: 0, present: 0 },
      { rhythm: 'Semester', units: 0, expected: 0, present: 0 },
      { rhythm: 'Triwulan', units: 1, expected: 4, present: 2 },
    ]);
  });

  it('counts a period reported twice once', () => {
    const s = summaryOf([unit(1, 'DINAS A', semester(1, BASE), semester(1, OTHER))]);
    expect(s.reporting.byRhythm[1]).toEqual({
      rhythm: 'Semester',
      units: 1,
      expected: 2,
      present: 1,
    });
  });
});

/** A unit list in the layout of "Lampiran I", its header under a title line. */
const LAMPIRAN: SheetGrid = {
  name: 'Lampiran I',
  values: [
    ['DAFTAR OPP WAJIB SKM'],
    ['NO', 'Nama OPD', 'Periode SKM'],
    [1, 'Dinas A (DISA)', 'Tahunan'],
    ['', 'DINAS B', 'Semester'],
    ['3.', 'Dinas C', 'Triwulan'],
    [5, 'DINAS E', 'TW'],
    [6, '', 'Tahunan'],
    [7, 'DINAS F', 'lainnya'],
  ],
};

describe('reporting against a unit list', () => {
  it('matches the listed units by NO (whatever their name there), else by name, and counts a unit missing from the recap as not reporting', () => {
    const s = summaryOf(UNITS, {}, [LAMPIRAN]);
    expect(s.reporting).toEqual({
      source: 'Lampiran I',
      listed: 4,
      withData: 3,
      expectedReports: 1 + 2 + 4 + 4,
      presentReports: 1 + 1 + 4 + 0,
      byRhythm: [
        { rhythm: 'Tahunan', units: 1, expected: 1, present: 1 },
        { rhythm: 'Semester', units: 1, expected: 2, present: 1 },
        { rhythm: 'Triwulan', units: 2, expected: 8, present: 4 },
      ],
    });
  });

  it('reads the list: NO as a number, as text or blank; rows without a name or a rhythm left out', () => {
    expect(readUnitList(LAMPIRAN)).toEqual([
      { no: 1, name: 'Dinas A (DISA)', rhythm: 'Tahunan' },
      { no: null, name: 'DINAS B', rhythm: 'Semester' },
      { no: '3.', name: 'Dinas C', rhythm: 'Triwulan' },
      { no: 5, name: 'DINAS E', rhythm: 'Triwulan' },
    ]);
  });

  it('reads the same list where the used range starts lower and further right', () => {
    const moved: SheetGrid = { ...LAMPIRAN, origin: { row: 4, col: 3 } };
    expect(readUnitList(moved)).toEqual(readUnitList(LAMPIRAN));
    expect(readUnitList({ ...LAMPIRAN, origin: { row: 1, col: 1 } })).toEqual(
      readUnitList(LAMPIRAN),
    );
  });

  it('reads a list without a NO column by name', () => {
    const noless: SheetGrid = {
      name: 'Daftar',
      values: LAMPIRAN.values.slice(1).map((r) => r.slice(1)),
    };
    expect(readUnitList(noless)?.map((u) => [u.no, u.name])).toEqual([
      [null, 'Dinas A (DISA)'],
      [null, 'DINAS B'],
      [null, 'Dinas C'],
      [null, 'DINAS E'],
    ]);
    // Without NO, "Dinas A (DISA)" matches no unit of the recap by name.
    expect(summaryOf(UNITS, {}, [noless]).reporting.withData).toBe(2);
  });

  it('is no list without a name column, or with fewer than three rhythms under its header', () => {
    const nameless: SheetGrid = {
      name: 'X',
      values: LAMPIRAN.values.slice(1).map((r) => [r[0], r[2]]),
    };
    expect(readUnitList(nameless)).toBeNull();
    const few: SheetGrid = { name: 'X', values: LAMPIRAN.values.slice(0, 4) };
    expect(readUnitList(few)).toBeNull();
    const noRhythmRows: SheetGrid = {
      name: 'X',
      values: [['NO', 'Nama OPD', 'Periode'], ...[1, 2, 3].map((n) => [n, '', 'Tahunan'])],
    };
    expect(readUnitList(noRhythmRows)).toBeNull();
    expect(readUnitList({ name: 'Kosong', values: [] })).toBeNull();
    expect(readUnitList({ name: 'Catatan', values: [['Catatan'], [null, 'x']] })).toBeNull();
  });

  // Once a bug: a title line above the header that names units ("DAFTAR UNIT PELAYANAN PUBLIK
  // ..."), in a row as wide as the sheet (as the xlsx reader gives every row), was taken for the
  // header, the NO column read as the names, and no listed unit matched ("0 of 4 units reported").
  it('reads the list under a title line that names units, its row as wide as the sheet', () => {
    const titled: SheetGrid = {
      name: 'Lampiran I',
      values: [['DAFTAR UNIT PELAYANAN PUBLIK WAJIB SKM', '', ''], ...LAMPIRAN.values.slice(1)],
    };
    expect(readUnitList(titled)).toEqual(readUnitList(LAMPIRAN));
    expect(summaryOf(UNITS, {}, [titled]).reporting.withData).toBe(3);
  });

  it('reads the rhythms as staff abbreviate them', () => {
    const list: SheetGrid = {
      name: 'Daftar',
      values: [
        ['No', 'Unit Pelayanan', 'Pelaksanaan'],
        [1, 'A', 'Smt'],
        [2, 'B', 'Per Semester'],
        [3, 'C', 'TW'],
        [4, 'D', 'Kuartal'],
        [5, 'E', 'Triwulanan'],
        [6, 'F', '1 x setahun (Tahunan)'],
      ],
    };
    expect(readUnitList(list)?.map((u) => u.rhythm)).toEqual([
      'Semester',
      'Semester',
      'Triwulan',
      'Triwulan',
      'Triwulan',
      'Tahunan',
    ]);
  });

  it('is not taken from another recap sheet, whose columns would read as one', () => {
    const other = recap(UNITS, { sheet: 'Rekap SKM OPP 2024' }).grid;
    const s = summaryOf(UNITS, {}, [other, LAMPIRAN]);
    expect(s.reporting.source).toBe('Lampiran I');
  });
});

describe('the region and the year', () => {
  it('come from the title lines, over a year in the sheet name', () => {
    const s = summaryOf(UNITS, {
      title: ['REKAPITULASI SKM', 'LINGKUP PEMERINTAH KOTA BANJARBARU TAHUN 2024'],
    });
    expect([s.region, s.year]).toEqual(['Kota Banjarbaru', 2024]);
    // The same where the grid was read without an origin (A1 assumed).
    const { grid } = recap(UNITS, {
      title: ['REKAPITULASI SKM', 'LINGKUP PEMERINTAH KOTA BANJARBARU TAHUN 2024'],
    });
    const bare: SheetGrid = { ...grid, origin: undefined };
    const t = summarise(analyse(bare), [bare]);
    expect([t.region, t.year]).toEqual(['Kota Banjarbaru', 2024]);
    expect(s.kesimpulan[0]).toMatch(
      /^Nilai Indeks Kepuasan Masyarakat \(IKM\) Pemerintah Kota Banjarbaru Tahun 2024 adalah /,
    );
  });

  it('come from the title lines where the used range does not start at A1', () => {
    const { grid } = recap(UNITS, { sheet: 'Rekap 2023', title: ['SKM KABUPATEN BANJAR'] });
    const moved: SheetGrid = {
      ...grid,
      origin: { row: 3, col: 2 },
      merges: grid.merges?.map((m) => ({
        top: m.top + 2,
        left: m.left + 1,
        bottom: m.bottom + 2,
        right: m.right + 1,
      })),
    };
    const s = summarise(analyse(moved), [moved]);
    expect([s.region, s.year]).toEqual(['Kabupaten Banjar', 2023]);
  });

  it('fall back to the sheet name for the year, and to the level for the region', () => {
    const s = summaryOf(UNITS, { sheet: 'Rekap 2023' });
    expect([s.region, s.year]).toEqual([null, 2023]);
    expect(s.kesimpulan[0]).toMatch(
      /^Nilai Indeks Kepuasan Masyarakat \(IKM\) tingkat kabupaten Tahun 2023 adalah /,
    );
  });

  it('are left out where neither the title nor the sheet names them', () => {
    const s = summaryOf(UNITS, { sheet: 'Rekap' });
    expect([s.region, s.year]).toEqual([null, null]);
    expect(s.kesimpulan[0]).toMatch(
      /^Nilai Indeks Kepuasan Masyarakat \(IKM\) tingkat kabupaten adalah /,
    );
  });

  it('come from the sheet name where the recap grid is not among the sheets given', () => {
    const { grid } = recap(UNITS, { sheet: 'Rekap 2022', title: ['KOTA X TAHUN 2021'] });
    const s = summarise(analyse(grid), []);
    expect([s.region, s.year]).toEqual([null, 2022]);
  });

  it('are read in the forms titles take', () => {
    expect(regionOf('PROVINSI KALIMANTAN SELATAN')).toBe('Provinsi Kalimantan Selatan');
    expect(regionOf('lingkup kabupaten hulu sungai  tengah tahun 2025')).toBe(
      'Kabupaten Hulu Sungai Tengah',
    );
    expect(regionOf('KOTA BANJARMASIN 2025')).toBe('Kota Banjarmasin');
    expect(regionOf('REKAPITULASI SKM')).toBeNull();
    expect(yearOf('Rekap 2025', 'SKM TAHUN 2024')).toBe(2024);
    expect(yearOf('Rekap 2025', 'SKM')).toBe(2025);
    expect(yearOf('Rekap', 'SKM 1999')).toBeNull();
  });
});

describe('the trend', () => {
  it('takes the first sheet of a year where two recaps name the same year', () => {
    const y2024 = recap([unit(1, 'DINAS A', tahunan(OTHER))], { sheet: 'Rekap 2024' }).grid;
    const copy2024 = recap([unit(1, 'DINAS A', tahunan(BASE))], { sheet: 'Salinan 2024' }).grid;
    const s = summaryOf([unit(1, 'DINAS A', tahunan(BASE))], { sheet: 'Rekap 2025' }, [
      y2024,
      copy2024,
    ]);
    expect(s.trend.points.map((p) => [p.year, p.sheet])).toEqual([
      [2024, 'Rekap 2024'],
      [2025, 'Rekap 2025'],
    ]);
    expect(s.trend.points[1].change).toBeCloseTo(BASE_MEAN - 86, 9);
    expect(s.trend.direction).toBe('turun');
  });

  it('has no point for a recap without a year, nor for one without data', () => {
    const noYear = recap([unit(1, 'DINAS A', tahunan(OTHER))], { sheet: 'Arsip' }).grid;
    const empty = recap([unit(1, 'DINAS A', tahunan())], { sheet: 'Rekap 2023' }).grid;
    const s = summaryOf([unit(1, 'DINAS A', tahunan(BASE))], {}, [noYear, empty]);
    expect(s.trend).toEqual({ points: [], direction: null });
  });
});

describe('a recap without data', () => {
  it('counts no unit in any category and says no IKM', () => {
    const s = summaryOf([unit(1, 'DINAS A', tahunan()), unit(2, 'DINAS B', semester(1))]);
    expect(s.categories.map((c) => [c.grade, c.units, c.share])).toEqual([
      ['A', 0, 0],
      ['B', 0, 0],
      ['C', 0, 0],
      ['D', 0, 0],
    ]);
    expect(s.lowestUnits).toEqual([]);
    expect(s.excluded.map((e) => [e.name, e.reason])).toEqual([
      ['DINAS A', 'no-data'],
      ['DINAS B', 'no-data'],
    ]);
    expect(s.kesimpulan).toEqual([
      'Sebanyak 0 dari 2 OPP telah menyampaikan hasil SKM (0 dari 3 laporan periode).',
    ]);
  });
});

/** The rows of a section of the summary sheet, from its header row to the next heading. */
function section(layout: SummaryLayout, heading: string): (string | number)[][] {
  const start = layout.cells.find((c) => c.value === heading && c.style === 'heading');
  if (!start) throw new Error(`no section ${heading}`);
  const next = layout.cells.find((c) => c.row > start.row && c.style === 'heading');
  const rows: (string | number)[][] = [];
  for (const c of layout.cells) {
    if (c.row <= start.row || (next && c.row >= next.row)) continue;
    const r = (rows[c.row - start.row - 1] ??= []);
    while (r.length < c.col - 1) r.push('');
    r[c.col - 1] = c.value;
  }
  return rows;
}
const layoutOf = (s: Summary) => summaryLayout(s);

describe('the summary sheet', () => {
  it('titles the sheet with the region and year, or without them where the recap names none', () => {
    const named = layoutOf(
      summaryOf(UNITS, { title: ['LINGKUP PEMERINTAH KOTA BANJARBARU TAHUN 2024'] }),
    );
    expect(named.cells[0]).toEqual({
      row: 1,
      col: 1,
      value: 'RINGKASAN HASIL SURVEI KEPUASAN MASYARAKAT KOTA BANJARBARU TAHUN 2024',
      style: 'title',
    });
    const bare = layoutOf(summaryOf(UNITS, { sheet: 'Rekap' }));
    expect(bare.cells[0].value).toBe('RINGKASAN HASIL SURVEI KEPUASAN MASYARAKAT');
    const yearOnly = layoutOf(summaryOf(UNITS, { sheet: 'Rekap 2023' }));
    expect(yearOnly.cells[0].value).toBe('RINGKASAN HASIL SURVEI KEPUASAN MASYARAKAT TAHUN 2023');
  });

  it('speaks of the level of the average line (kota)', () => {
    const s = summaryOf(UNITS, {
      average: { label: 'RATA-RATA KOTA', unsur: BASE.conv, ikm: 84.06 },
    });
    expect(s.district.level).toBe('kota');
    const layout = layoutOf(s);
    expect(layout.cells.some((c) => c.value === 'A. Rata-rata Kota')).toBe(true);
    expect(layout.charts[0].title).toBe('Nilai per unsur, rata-rata kota');
  });

  it('for a recap without data: no IKM, no point marked, each unit listed as left out', () => {
    const s = summaryOf([unit('', 'DINAS A', tahunan()), unit(2, 'DINAS B', semester(1))]);
    const layout = layoutOf(s);
    const a = section(layout, 'A. Rata-rata Kabupaten');
    expect(a).toHaveLength(10);
    expect(a.some((r) => r.includes('IKM') || r.includes('Kategori'))).toBe(false);
    expect(layout.charts[0]).toMatchObject({ kind: 'unsur', highlight: null });
    expect(section(layout, 'C. Unit yang tidak masuk rata-rata')).toEqual([
      ['No', 'Unit', 'Alasan'],
      ['', 'DINAS A', 'belum ada data'],
      [2, 'DINAS B', 'belum ada data'],
    ]);
    expect(section(layout, 'D. Sepuluh unit dengan IKM terendah')).toEqual([
      ['No', 'Unit', 'IKM', 'Kategori'],
    ]);
  });

  it('lists the units with errors and the lowest units, a unit without NO by its name alone', () => {
    const s = summaryOf([
      unit('', 'DINAS A', tahunan({ ...BASE, ikm: 85.06 })),
      unit(2, 'DINAS B', tahunan(OTHER)),
    ]);
    const layout = layoutOf(s);
    expect(section(layout, 'C. Unit yang tidak masuk rata-rata')).toEqual([
      ['No', 'Unit', 'Alasan'],
      ['', 'Tidak ada.'],
    ]);
    expect(section(layout, 'D. Sepuluh unit dengan IKM terendah')).toEqual([
      ['No', 'Unit', 'IKM', 'Kategori'],
      ['', 'DINAS A', BASE_MEAN, 'B'],
      [2, 'DINAS B', 86, 'B'],
    ]);
    expect(section(layout, 'E. Unit yang masih memiliki galat')).toEqual([
      ['No', 'Unit', 'Jumlah galat'],
      ['', 'DINAS A', 1],
    ]);
  });

  it('counts the errors of each unit apart where two units share a name', () => {
    const s = summaryOf([
      unit(1, 'UPT PUSKESMAS', tahunan({ ...BASE, ikm: 85.06 })),
      unit(2, 'UPT PUSKESMAS', tahunan(OTHER)),
    ]);
    expect(s.unitsWithErrors).toEqual([{ no: 1, name: 'UPT PUSKESMAS', errors: 1 }]);
  });

  it('says "Tidak ada." where no unit has an error', () => {
    const layout = layoutOf(summaryOf([unit(1, 'DINAS A', tahunan(BASE))]));
    expect(section(layout, 'E. Unit yang masih memiliki galat')).toEqual([
      ['No', 'Unit', 'Jumlah galat'],
      ['', 'Tidak ada.'],
    ]);
  });

  it('names a cell of the layout by its A1 address', () => {
    expect(cellAddress({ row: 3, col: 2 })).toBe('B3');
    expect(cellAddress({ row: 40, col: 27 })).toBe('AA40');
  });
});
