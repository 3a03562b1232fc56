/**
 * What the summary reads from a workbook, at the places StrykerJS found unguarded in
 * src/engine/summary.ts (issue 16): a year typed in a cell of its own, unit lists in the forms
 * staff keep them (lower on the sheet, padded names, two columns of rhythm words), units without a
 * NO, the rhythm of a unit with service rows, the trend's direction at its edges.
 */
import type { SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import {
  readUnitList,
  reasonText,
  regionOf,
  summarise,
  trendDirection,
  type YearPoint,
} from '../../src/engine/summary';
import {
  analyse,
  BASE,
  layanan,
  OTHER,
  put,
  recap,
  semester,
  tahunan,
  triwulan,
  unit,
  summaryOf,
} from './grid';

/** A unit list of three units under its header, with `above` rows before the header. */
function list(above: CellValue[][] = [], rows: CellValue[][] = LIST_ROWS): SheetGrid {
  return { name: 'Daftar', values: [...above, ['No', 'Nama OPD', 'Periode'], ...rows] };
}
const LIST_ROWS: CellValue[][] = [
  [1, 'DINAS A', 'Tahunan'],
  [2, 'DINAS B', 'Semester'],
  [3, 'DINAS C', 'Triwulan'],
];

describe('the title above the recap', () => {
  it('takes a year typed as a number in a cell of its own', () => {
    const built = recap([unit(1, 'DINAS A', tahunan(BASE))], {
      sheet: 'Rekap',
      title: ['REKAPITULASI SKM KABUPATEN TAPIN TAHUN', 'x'],
    });
    put(built, 2, 1, 2024);
    const s = summarise(analyse(built.grid), [built.grid]);
    expect([s.region, s.year]).toEqual(['Kabupaten Tapin', 2024]);
  });

  it('reads its words across cells, an empty cell (null) or a checkbox between them adding nothing', () => {
    const built = recap([unit(1, 'DINAS A', tahunan(BASE))], {
      sheet: 'Rekap',
      title: ['REKAPITULASI SKM KABUPATEN TAPIN'],
    });
    put(built, 1, 2, null);
    put(built, 1, 3, false);
    put(built, 1, 4, 'TAHUN 2024');
    const s = summarise(analyse(built.grid), [built.grid]);
    expect([s.region, s.year]).toEqual(['Kabupaten Tapin', 2024]);
  });

  it("is read from the recap's own sheet, wherever it stands among the sheets", () => {
    const { grid } = recap([unit(1, 'DINAS A', tahunan(BASE))], {
      sheet: 'Rekap',
      title: ['LINGKUP PEMERINTAH KABUPATEN TAPIN TAHUN 2024'],
    });
    const note: SheetGrid = {
      name: 'Catatan',
      values: [['CATATAN KOTA LAIN TAHUN 2019'], ['-'], ['-'], ['-'], ['-'], ['-']],
    };
    const s = summarise(analyse(grid), [note, grid]);
    expect([s.region, s.year]).toEqual(['Kabupaten Tapin', 2024]);
  });

  it('names the region without the space a title ends with', () => {
    expect(regionOf('PEMERINTAH KOTA BANJARBARU ')).toBe('Kota Banjarbaru');
  });

  it('ends the name at a period of the year, and names none rather than a wrong one', () => {
    expect(regionOf('REKAP SKM KABUPATEN BANJAR SEMESTER I TAHUN 2025')).toBe('Kabupaten Banjar');
    expect(regionOf('KOTA BANJARBARU TRIWULAN III 2025')).toBe('Kota Banjarbaru');
    expect(regionOf('KABUPATEN TAPIN TW II')).toBe('Kabupaten Tapin');
    expect(regionOf('PROVINSI KALIMANTAN SELATAN PERIODE JANUARI-JUNI')).toBe(
      'Provinsi Kalimantan Selatan',
    );
    // A year glued to the period: no end the name can be read to, so no region at all.
    expect(regionOf('KABUPATEN BANJAR SMT I/2025')).toBeNull();
  });
});

describe('a unit list', () => {
  it('is looked for in the first twenty rows of its sheet', () => {
    const blank = (n: number) => Array.from({ length: n }, (): CellValue[] => []);
    // Header in row 20: read; in row 21: not a list.
    expect(readUnitList(list(blank(19)))?.map((u) => u.name)).toEqual([
      'DINAS A',
      'DINAS B',
      'DINAS C',
    ]);
    expect(readUnitList(list(blank(20)))).toBeNull();
  });

  it('is found under a title line whose other cells are empty', () => {
    const titled = list([['DAFTAR UNIT PELAYANAN PUBLIK', null, null]]);
    expect(readUnitList(titled)).toEqual(readUnitList(list()));
  });

  it('is found under a row that labels a number and a period but names no unit', () => {
    const g = list([['No', 'Periode', '']]);
    expect(readUnitList(g)?.map((u) => [u.no, u.name])).toEqual([
      [1, 'DINAS A'],
      [2, 'DINAS B'],
      [3, 'DINAS C'],
    ]);
  });

  it('needs three rhythms within the ten rows under its header, and three are enough', () => {
    expect(readUnitList(list())).toHaveLength(3);
    const late = list(
      [],
      [
        ...Array.from({ length: 8 }, (_, i): CellValue[] => [i + 1, `KANTOR ${i + 1}`, '']),
        [9, 'DINAS A', 'Tahunan'],
        [10, 'DINAS B', 'Semester'],
        [11, 'DINAS C', 'Triwulan'],
      ],
    );
    expect(readUnitList(late)).toBeNull();
    // The third rhythm in the tenth row under the header: still a list.
    const tenth = list(
      [],
      [
        ...Array.from({ length: 7 }, (_, i): CellValue[] => [i + 1, `KANTOR ${i + 1}`, '']),
        [8, 'DINAS A', 'Tahunan'],
        [9, 'DINAS B', 'Semester'],
        [10, 'DINAS C', 'Triwulan'],
      ],
    );
    expect(readUnitList(tenth)?.map((u) => u.name)).toEqual(['DINAS A', 'DINAS B', 'DINAS C']);
  });

  it('counts rhythms under its header only, not in the header or the title above it', () => {
    // "TAHUN 2025" above and "Tahun Anggaran" as a header read as rhythm words; with the one year
    // under them that column is not the rhythm column.
    const g: SheetGrid = {
      name: 'Daftar',
      values: [
        ['', '', 'TAHUN 2025', ''],
        ['No', 'Nama OPD', 'Tahun Anggaran', 'Periode'],
        [1, 'DINAS A', 'Tahun 2025', 'Tahunan'],
        [2, 'DINAS B', '2025', 'Semester'],
        [3, 'DINAS C', '2025', 'Triwulan'],
      ],
    };
    expect(readUnitList(g)?.map((u) => [u.name, u.rhythm])).toEqual([
      ['DINAS A', 'Tahunan'],
      ['DINAS B', 'Semester'],
      ['DINAS C', 'Triwulan'],
    ]);
  });

  it('passes over a table above it that has names but no rhythms (the officials who sign)', () => {
    const officials = Array.from({ length: 10 }, (_, i): CellValue[] => [
      i + 1,
      `Pejabat ${i + 1}`,
      'Staf',
    ]);
    const g: SheetGrid = {
      name: 'Daftar',
      values: [
        ['No', 'Nama Pejabat', 'Jabatan'],
        ...officials,
        ['No', 'Nama OPD', 'Periode'],
        ...LIST_ROWS,
      ],
    };
    expect(readUnitList(g)?.map((u) => u.name)).toEqual(['DINAS A', 'DINAS B', 'DINAS C']);
  });

  it('takes the first column that reads as rhythms, not the names that mention one', () => {
    const g: SheetGrid = {
      name: 'Daftar',
      values: [
        ['No', 'Nama Unit', 'Pelaksanaan', 'Keterangan'],
        [1, 'Bagian Laporan Triwulan', 'Semester', 'laporan tahunan'],
        [2, 'Bagian Laporan Triwulan II', 'Semester', 'laporan tahunan'],
        [3, 'Bagian Laporan Triwulan III', 'Tahunan', 'laporan tahunan'],
      ],
    };
    expect(readUnitList(g)?.map((u) => [u.name, u.rhythm])).toEqual([
      ['Bagian Laporan Triwulan', 'Semester'],
      ['Bagian Laporan Triwulan II', 'Semester'],
      ['Bagian Laporan Triwulan III', 'Tahunan'],
    ]);
  });

  it('takes its rhythm from the first column that reads as one, the first column included', () => {
    const g: SheetGrid = {
      name: 'Daftar',
      values: [
        ['Periode', 'No', 'Nama OPD', 'Keterangan'],
        ['Semester', 1, 'DINAS A', 'laporan tahunan'],
        ['Triwulan', 2, 'DINAS B', 'laporan tahunan'],
        ['Semester', 3, 'DINAS C', 'laporan tahunan'],
      ],
    };
    expect(readUnitList(g)?.map((u) => u.rhythm)).toEqual(['Semester', 'Triwulan', 'Semester']);
  });

  it('never lists its header, though the header names the rhythms', () => {
    const g: SheetGrid = {
      name: 'Daftar',
      values: [['No', 'Nama OPD', 'Periode (Tahunan/Semester/Triwulan)'], ...LIST_ROWS],
    };
    expect(readUnitList(g)?.map((u) => u.name)).toEqual(['DINAS A', 'DINAS B', 'DINAS C']);
  });

  it('reads the NO from a "Nomor Urut" column, never from a code or a decree number', () => {
    const headed = (no: string) =>
      readUnitList({
        name: 'Daftar',
        values: [[no, 'Nama OPD', 'Periode'], ...LIST_ROWS],
      })?.map((u) => u.no);
    expect(headed('Nomor Urut')).toEqual([1, 2, 3]);
    expect(headed('No.')).toEqual([1, 2, 3]);
    expect(headed('Kode No')).toEqual([null, null, null]);
    expect(headed('Nomor SK')).toEqual([null, null, null]);
  });

  it('gives names without the spaces typed around them', () => {
    const g = list([], [[1, '  DINAS A ', 'Tahunan'], ...LIST_ROWS.slice(1)]);
    expect(readUnitList(g)![0].name).toBe('DINAS A');
  });

  it('matches a listed unit without a NO by its name, never a recap unit without one', () => {
    // DINAS X reports; DINAS B, listed without a NO, does not.
    const units = [unit('', 'DINAS X', tahunan(BASE)), unit(2, 'DINAS B', tahunan())];
    const g: SheetGrid = {
      name: 'Daftar',
      values: [
        ['No', 'Nama OPD', 'Periode'],
        ['', 'DINAS B', 'Tahunan'],
        [5, 'DINAS Y', 'Tahunan'],
        [6, 'DINAS Z', 'Tahunan'],
      ],
    };
    const s = summaryOf(units, {}, [g]);
    expect(s.reporting.source).toBe('Daftar');
    // The listed DINAS B is the recap's DINAS B, not the recap's unit without a NO; DINAS Y and Z
    // are not in the recap: none of the three reports.
    expect([s.reporting.listed, s.reporting.withData]).toEqual([3, 0]);
  });

  it('is looked for past a sheet that is neither a recap nor a list', () => {
    const note: SheetGrid = {
      name: 'Catatan',
      values: [
        ['Catatan', 'revisi'],
        ['a', 'b'],
      ],
    };
    const s = summaryOf([unit(1, 'DINAS A', tahunan(BASE))], {}, [note, list()]);
    expect(s.reporting.source).toBe('Daftar');
  });
});

describe('a unit reporting without a list', () => {
  it('reports by semester where it has a semester and a Tahunan record, service rows beside them', () => {
    const s = summaryOf([
      unit(1, 'DINAS A', layanan('Layanan KTP', BASE), tahunan(BASE), semester(1, BASE)),
    ]);
    expect(s.reporting.byRhythm.map((r) => [r.rhythm, r.units])).toEqual([
      ['Tahunan', 0],
      ['Semester', 1],
      ['Triwulan', 0],
    ]);
  });

  it('reports by quarter where a service row comes first', () => {
    const s = summaryOf([unit(1, 'DINAS A', layanan('Layanan KTP', BASE), triwulan(1, BASE))]);
    expect(s.reporting.byRhythm[2]).toMatchObject({ rhythm: 'Triwulan', units: 1 });
  });
});

describe('units with errors', () => {
  it('counts the errors of a unit without NO as its own, not of another without NO', () => {
    const s = summaryOf([
      unit('', 'DINAS A', tahunan({ ...BASE, ikm: 85.06 })),
      unit('', 'DINAS B', tahunan(OTHER)),
    ]);
    expect(s.unitsWithErrors.map((u) => [u.name, u.errors])).toEqual([['DINAS A', 1]]);
  });

  it('gives the reason of a unit with an IKM but no unsur in words', () => {
    const s = summaryOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ nrr: Array(9).fill(''), conv: Array(9).fill(''), ikm: 80 })),
    ]);
    expect(s.excluded.map((e) => [e.name, e.reason])).toEqual([['DINAS B', 'no-unsur']]);
    expect(reasonText('no-unsur')).toBe('hanya IKM tanpa nilai unsur');
  });
});

describe('the direction of the trend', () => {
  const points = (...changes: (number | null)[]): YearPoint[] =>
    changes.map((change, i) => ({
      year: 2020 + i,
      sheet: `Rekap ${2020 + i}`,
      ikm: 80,
      category: 'B',
      change,
    }));

  it('is none for a single year', () => {
    expect(trendDirection(points(null))).toBeNull();
  });

  it('is stable only where every change is under half a hundredth', () => {
    expect(trendDirection(points(null, 0.004, -0.004))).toBe('stabil');
    expect(trendDirection(points(null, 0.005))).toBe('naik');
    expect(trendDirection(points(null, 0.001, 1))).toBe('naik');
  });

  it('rises or falls though one year holds still', () => {
    expect(trendDirection(points(null, 0, 1))).toBe('naik');
    expect(trendDirection(points(null, 0, -1))).toBe('turun');
    expect(trendDirection(points(null, 1, -1))).toBe('fluktuatif');
  });
});
