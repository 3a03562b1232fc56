/**
 * The "Ringkasan SKM" sheet as staff see it: which sheet is ours to replace, the level named in
 * its titles, which cells are styled as headers, how its figures are formatted, which sections
 * appear, the ranges its charts plot and the widths of its columns.
 */
import type { SheetGrid } from '../../src/engine/model';
import type { Summary } from '../../src/engine/summary';
import {
  isOwnSummary,
  SUMMARY_MARK,
  summaryLayout,
  summarySheetName,
  type SummaryCell,
  type SummaryLayout,
} from '../../src/engine/summary-sheet';
import { UNSUR } from '../../src/engine/unsur';
import {
  BASE,
  BASE_MEAN,
  OTHER,
  recap,
  tahunan,
  unit,
  type UnitSpec,
  RHYTHMS,
  summaryOf,
} from './grid';

const UNITS = RHYTHMS;

const layoutOf = (s: Summary): SummaryLayout => summaryLayout(s);

/** The cells of a section of the summary sheet, from under its heading to the next heading. */
function sectionCells(layout: SummaryLayout, heading: string): SummaryCell[] {
  const start = layout.cells.find((c) => c.value === heading && c.style === 'heading');
  if (!start) throw new Error(`no section ${heading}`);
  const next = layout.cells.find((c) => c.row > start.row && c.style === 'heading');
  return layout.cells.filter((c) => c.row > start.row && (!next || c.row < next.row));
}

/** The rows of a section of the summary sheet, from its header row to the next heading. */
function section(layout: SummaryLayout, heading: string): (string | number)[][] {
  const start = layout.cells.find((c) => c.value === heading && c.style === 'heading')!;
  const rows: (string | number)[][] = [];
  for (const c of sectionCells(layout, heading)) {
    const r = (rows[c.row - start.row - 1] ??= []);
    while (r.length < c.col - 1) r.push('');
    r[c.col - 1] = c.value;
  }
  return rows;
}

/** The one cell holding this label, in the layout or in a section of it. */
function labelled(where: SummaryLayout | SummaryCell[], value: string): SummaryCell {
  const cells = Array.isArray(where) ? where : where.cells;
  const found = cells.filter((c) => c.value === value);
  if (found.length !== 1) throw new Error(`${found.length} cells hold ${value}`);
  return found[0];
}

const at = (layout: SummaryLayout, row: number, col: number): SummaryCell | undefined =>
  layout.cells.find((c) => c.row === row && c.col === col);

/** A sheet holding these values from A1, as the add-in and the checker read a sheet. */
const sheet = (values: SheetGrid['values']): SheetGrid => ({ name: 'Ringkasan SKM', values });

/** Two units reporting a year each: BASE and OTHER, both naming U3 Waktu as a priority. */
const TWO: UnitSpec[] = [unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))];

/** This year's recap (BASE) with last year's (OTHER) in the workbook: a trend of two years. */
function twoYears(): Summary {
  const last = recap([unit(1, 'DINAS A', tahunan(OTHER))], { sheet: 'Rekap 2024' }).grid;
  return summaryOf([unit(1, 'DINAS A', tahunan(BASE))], { sheet: 'Rekap 2025' }, [last]);
}

describe('whether a sheet is a summary we wrote', () => {
  it('is ours where its A2 holds our mark, as our own layout writes it', () => {
    const layout = layoutOf(summaryOf(TWO));
    const values: SheetGrid['values'] = [];
    for (const c of layout.cells) {
      const r = (values[c.row - 1] ??= []);
      while (r.length < c.col) r.push('');
      r[c.col - 1] = c.value;
    }
    expect(isOwnSummary(sheet(values.map((r) => r ?? [])))).toBe(true);
  });

  it('is ours where the mark was saved with spaces or a line break around it', () => {
    expect(isOwnSummary(sheet([['RINGKASAN'], [`  ${SUMMARY_MARK}\n`]]))).toBe(true);
  });

  it('is not ours where staff wrote other text, a number or nothing in A2', () => {
    // A sheet of their own under the same name: replacing it would lose their work.
    expect(isOwnSummary(sheet([['RINGKASAN SKM 2025'], ['Catatan rapat evaluasi']]))).toBe(false);
    expect(isOwnSummary(sheet([['RINGKASAN SKM 2025'], ['Disusun otomatis']]))).toBe(false);
    expect(isOwnSummary(sheet([['RINGKASAN SKM 2025'], [2025]]))).toBe(false);
    expect(isOwnSummary(sheet([['RINGKASAN SKM 2025']]))).toBe(false);
    expect(isOwnSummary(sheet([]))).toBe(false);
    // Our mark elsewhere than A2 is not our layout.
    expect(isOwnSummary(sheet([[SUMMARY_MARK]]))).toBe(false);
  });
});

describe('the name of the summary sheet, against sheets in other case', () => {
  it('leaves a sheet staff named "RINGKASAN SKM" alone and takes the next free name', () => {
    expect(summarySheetName([{ name: 'RINGKASAN SKM', ours: false }])).toEqual({
      name: 'Ringkasan SKM (2)',
      replaces: false,
    });
    expect(
      summarySheetName([
        { name: 'Ringkasan skm', ours: false },
        { name: 'RINGKASAN SKM (2)', ours: false },
      ]),
    ).toEqual({ name: 'Ringkasan SKM (3)', replaces: false });
  });

  it('replaces our own earlier summary whatever case Excel shows its name in', () => {
    expect(summarySheetName([{ name: 'ringkasan skm', ours: true }])).toEqual({
      name: 'Ringkasan SKM',
      replaces: true,
    });
  });
});

describe('the level of the average line in the titles', () => {
  it.each([
    ['RATA-RATA PROVINSI', 'provinsi', 'Provinsi'],
    ['RATA-RATA NASIONAL', 'nasional', 'Nasional'],
  ])('a recap averaged as "%s" speaks of the %s level', (label, level, title) => {
    const s = summaryOf(TWO, { average: { label, unsur: BASE.conv, ikm: 84.06 } });
    expect(s.district.level).toBe(level);
    const layout = layoutOf(s);
    expect(labelled(layout, `A. Rata-rata ${title}`).style).toBe('heading');
    expect(layout.charts[0].title).toBe(`Nilai per unsur, rata-rata ${level}`);
  });
});

describe('the average of the units (section A)', () => {
  it('lists each unsur with its value formatted 0.00, then IKM, Kategori and the realisation as a percentage', () => {
    const s = summaryOf([unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 80 }))]);
    expect(s.district.realisation).toBe(80);
    const layout = layoutOf(s);
    const rows = section(layout, 'A. Rata-rata Kabupaten');
    // One unit: the average of each unsur is that unit's own converted value.
    expect(rows).toEqual([
      ['Kode', 'Unsur', 'Nilai'],
      ...UNSUR.map((u, i) => [u.code, u.name, BASE.conv[i]]),
      ['', 'IKM', s.district.ikm],
      ['', 'Kategori', s.district.category],
      // 80 (per cent) written as 0.8 under a percent format, so Excel shows 80.00%.
      ['', 'Realisasi tindak lanjut', 0.8],
    ]);
    const cells = sectionCells(layout, 'A. Rata-rata Kabupaten');
    const figures = cells.filter((c) => c.col === 3 && typeof c.value === 'number');
    expect(figures.map((c) => c.format)).toEqual([...UNSUR.map(() => '0.00'), '0.00', '0.00%']);
    for (const label of ['IKM', 'Kategori', 'Realisasi tindak lanjut'])
      expect(labelled(cells, label).style).toBe('header');
  });

  it('leaves the value of each unsur empty, never NaN, where no unit has data', () => {
    const layout = layoutOf(summaryOf([unit(1, 'DINAS A', tahunan()), unit(2, 'DINAS B')]));
    const rows = section(layout, 'A. Rata-rata Kabupaten');
    expect(rows.slice(1)).toEqual(UNSUR.map((u) => [u.code, u.name]));
    expect(
      layout.cells.filter((c) => typeof c.value === 'number' && !Number.isFinite(c.value)),
    ).toEqual([]);
  });

  it('puts no two cells of the sheet in one place, the realisation row included', () => {
    for (const s of [
      summaryOf([unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 80 }))]),
      summaryOf(TWO),
      twoYears(),
    ]) {
      const layout = layoutOf(s);
      const places = layout.cells.map((c) => `${c.row}:${c.col}`);
      expect(new Set(places).size).toBe(places.length);
      // Each heading stands on a row of its own, under a blank row.
      for (const h of layout.cells.filter((c) => c.style === 'heading')) {
        expect(layout.cells.filter((c) => c.row === h.row)).toEqual([h]);
        expect(layout.cells.filter((c) => c.row === h.row - 1)).toEqual([]);
      }
    }
  });
});

describe('the units by category (section B)', () => {
  it('gives each share as a percentage with one decimal', () => {
    const layout = layoutOf(summaryOf(TWO));
    const cells = sectionCells(layout, 'B. Unit menurut kategori');
    const shares = cells.filter((c) => c.col === 3 && typeof c.value === 'number');
    // Both units score B (84.06 and 86.00): 0% A, 100% B, 0% C, 0% D.
    expect(shares.map((c) => [c.value, c.format])).toEqual([
      [0, '0.0%'],
      [1, '0.0%'],
      [0, '0.0%'],
      [0, '0.0%'],
    ]);
  });

  it('charts the header and the four categories, labels and counts, nothing more', () => {
    const layout = layoutOf(summaryOf(TWO));
    const header = labelled(sectionCells(layout, 'B. Unit menurut kategori'), 'Jumlah unit');
    const chart = layout.charts.find((c) => c.kind === 'categories')!;
    // Labels in A, counts in B: the header row, then one row per category A-D.
    expect(chart.data).toBe(`A${header.row}:B${header.row + 4}`);
    expect(at(layout, header.row + 4, 2)?.value).toBe(0);
    expect(at(layout, header.row + 5, 1)).toBeUndefined();
  });
});

describe('the lowest units (section D) and the findings (section F)', () => {
  it('gives the IKM of each of the lowest units formatted 0.00', () => {
    const layout = layoutOf(summaryOf(TWO));
    const ikm = sectionCells(layout, 'D. Sepuluh unit dengan IKM terendah').filter(
      (c) => c.col === 3 && typeof c.value === 'number',
    );
    expect(ikm.map((c) => c.value)).toEqual([BASE_MEAN, 86]);
    expect(ikm.map((c) => c.format)).toEqual(['0.00', '0.00']);
  });

  it('names the lowest unsur with its value formatted 0.00 and the unsur most units prioritise with their count', () => {
    const s = summaryOf(TWO);
    const layout = layoutOf(s);
    const rows = section(layout, 'F. Temuan');
    const waktu = UNSUR[2];
    // U3 Waktu is the lowest of both units (77.2 and 81), so of their average, (77.2 + 81) / 2.
    expect(rows[0]).toEqual(['Temuan', 'Unsur', 'Nilai / jumlah OPP']);
    expect(rows[1].slice(0, 2)).toEqual(['Unsur terendah', waktu.name]);
    expect(rows[1][2]).toBeCloseTo((77.2 + 81) / 2, 9);
    // Both units name Waktu among the unsur to improve; BASE also names Sarana, once.
    expect(rows.slice(2)).toEqual([['Paling banyak diprioritaskan', waktu.name, 2]]);
    expect(at(layout, labelled(layout, 'Unsur terendah').row, 3)?.format).toBe('0.00');
  });
});

describe('the reporting (section G)', () => {
  it('counts the units and reports of each rhythm, then the totals under a "Jumlah" header', () => {
    const layout = layoutOf(summaryOf(UNITS));
    expect(section(layout, 'G. Pelaporan')).toEqual([
      ['Daftar unit', 'lembar "Rekap SKM OPP 2025"'],
      ['Pelaksanaan', 'Jumlah unit', 'Laporan diharapkan', 'Laporan ada'],
      // A (reported) and D (no data) report once a year; B one semester of two; C all four quarters.
      ['Tahunan', 2, 2, 1],
      ['Semester', 1, 2, 1],
      ['Triwulan', 1, 4, 4],
      ['Jumlah', 4, 2 + 2 + 4, 1 + 1 + 4],
      ['Unit yang melapor', 3],
    ]);
    expect(labelled(layout, 'Jumlah').style).toBe('header');
  });
});

describe('the trend (section H)', () => {
  it('appears from two years on: each year, its IKM formatted 0.00 and the change signed', () => {
    const s = twoYears();
    expect(s.trend.points.map((p) => p.year)).toEqual([2024, 2025]);
    const layout = layoutOf(s);
    const cells = sectionCells(layout, 'H. Tren IKM');
    const header = labelled(layout, 'Perubahan');
    const years = cells.filter((c) => c.col === 1 && c.row > header.row);
    expect(years.map((c) => c.value)).toEqual(['2024', '2025']);
    const ikm = cells.filter((c) => c.col === 2 && c.row > header.row);
    expect(ikm.map((c) => c.value)).toEqual([86, BASE_MEAN]);
    expect(ikm.map((c) => c.format)).toEqual(['0.00', '0.00']);
    // The first year has nothing to change from; the second fell from 86.
    const change = cells.filter((c) => c.col === 4 && c.row > header.row);
    expect(change).toHaveLength(1);
    expect(change[0].value).toBeCloseTo(BASE_MEAN - 86, 9);
    expect(change[0].format).toBe('+0.00;-0.00;0.00');
    const chart = layout.charts.find((c) => c.kind === 'trend');
    expect(chart?.data).toBe(`A${header.row}:B${header.row + 2}`);
  });

  it('is left out, with its chart, for a single year', () => {
    const layout = layoutOf(summaryOf(TWO));
    expect(layout.cells.some((c) => c.value === 'H. Tren IKM')).toBe(false);
    expect(layout.charts.map((c) => c.kind)).toEqual(['unsur', 'categories']);
  });
});

describe('the header rows', () => {
  it('are styled as headers in every table of the sheet', () => {
    const layout = layoutOf(twoYears());
    const headers: [string, string[]][] = [
      ['A. Rata-rata Kabupaten', ['Kode', 'Unsur', 'Nilai']],
      ['B. Unit menurut kategori', ['Kategori', 'Jumlah unit', 'Persentase']],
      ['C. Unit yang tidak masuk rata-rata', ['No', 'Unit', 'Alasan']],
      ['D. Sepuluh unit dengan IKM terendah', ['No', 'Unit', 'IKM', 'Kategori']],
      ['E. Unit yang masih memiliki galat', ['No', 'Unit', 'Jumlah galat']],
      ['F. Temuan', ['Temuan', 'Unsur', 'Nilai / jumlah OPP']],
      ['G. Pelaporan', ['Pelaksanaan', 'Jumlah unit', 'Laporan diharapkan', 'Laporan ada']],
      ['H. Tren IKM', ['Tahun', 'IKM', 'Kategori', 'Perubahan']],
    ];
    for (const [heading, texts] of headers) {
      const cells = sectionCells(layout, heading);
      const first = cells.find((c) => c.value === texts[0])!;
      const row = cells.filter((c) => c.row === first.row);
      expect([heading, row.map((c) => [c.value, c.style])]).toEqual([
        heading,
        texts.map((t) => [t, 'header']),
      ]);
    }
  });
});

describe('the column widths', () => {
  it('are set for the four columns of the tables, B wide enough for every unsur and unit name', () => {
    const layout = layoutOf(summaryOf(UNITS));
    const kesimpulan = labelled(layout, 'KESIMPULAN');
    const used = new Set(layout.cells.filter((c) => c.row < kesimpulan.row).map((c) => c.col));
    expect(Object.keys(layout.widths).map(Number).sort()).toEqual([...used].sort());
    const names = layout.cells.filter(
      (c) => c.col === 2 && c.row < kesimpulan.row && typeof c.value === 'string',
    );
    const longest = Math.max(...names.map((c) => String(c.value).length));
    expect(longest).toBe('Penanganan Pengaduan, Saran dan Masukan'.length);
    expect(layout.widths[2]).toBeGreaterThanOrEqual(longest);
    // The figures (at most "100.00%") fit columns A, C and D with room to spare.
    for (const col of [1, 3, 4]) expect(layout.widths[col]).toBeGreaterThanOrEqual(8);
    for (const col of [1, 3, 4]) expect(layout.widths[col]).toBeLessThan(layout.widths[2]);
  });
});
