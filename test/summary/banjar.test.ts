/**
 * The summary of the Banjar 2025 recap ("Ringkasan SKM", BAB III Kesimpulan):
 * every figure recomputed from the data as printed (banjar-csv.ts) or taken
 * from the checker's JSON report, never from the summary's own code.
 */
import { analyseWorkbook, type Analysis } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import type { JsonReport } from '../../src/engine/report';
import { summarise, type Summary } from '../../src/engine/summary';
import { summaryLayout, type SummaryLayout } from '../../src/engine/summary-sheet';
import { loadWorkbook, workbookGrids } from '../../src/xlsx/read';
import { checkJson, SAMPLE } from '../cli/helpers';
import { band, id2, reporting, unitIkms } from './banjar-csv';

let grids: SheetGrid[];
let analysis: Analysis;
let summary: Summary;
let layout: SummaryLayout;
let report: JsonReport;

beforeAll(async () => {
  grids = workbookGrids(await loadWorkbook(SAMPLE));
  const a = analyseWorkbook(grids);
  if (!a.ok) throw new Error(a.problem.message.en);
  analysis = a;
  summary = summarise(analysis, grids);
  layout = summaryLayout(summary);
  ({ report } = await checkJson(SAMPLE));
});

/** The text of the layout's cells, row by row. */
const rows = () => {
  const byRow = new Map<number, (string | number)[]>();
  for (const c of layout.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.value]);
  return [...byRow.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
};

describe('the summary of the Banjar 2025 recap', () => {
  it('names the region and the year from the title lines', () => {
    expect(summary.region).toBe('Kabupaten Banjar');
    expect(summary.year).toBe(2025);
    expect(layout.cells[0].value).toBe(
      'RINGKASAN HASIL SURVEI KEPUASAN MASYARAKAT KABUPATEN BANJAR TAHUN 2025',
    );
  });

  it('lists the 100 units of "Lampiran I", 92 of them with data', () => {
    const expected = reporting();
    expect(summary.reporting).toEqual(
      expect.objectContaining({
        source: 'Lampiran I',
        listed: expected.listed,
        withData: expected.withData,
      }),
    );
    expect([summary.reporting.listed, summary.reporting.withData]).toEqual([100, 92]);
  });

  it("counts the reports expected from each unit's rhythm in Lampiran I (Tahunan 1, Semester 2, Triwulan 4) and those present", () => {
    const expected = reporting();
    expect(summary.reporting.byRhythm).toEqual(expected.byRhythm);
    expect(summary.reporting.expectedReports).toBe(expected.expectedReports);
    expect(summary.reporting.presentReports).toBe(expected.presentReports);
    expect(expected.byRhythm.map((r) => [r.units, r.expected])).toEqual([
      [64, 64],
      [32, 64],
      [4, 16],
    ]);
  });

  it('counts the units of the district line by category: all 90 in A or B', () => {
    const units = unitIkms();
    expect(units).toHaveLength(90);
    const count = (g: string) => units.filter((u) => band(u.ikm) === g).length;
    expect(summary.categories.map((c) => [c.grade, c.units])).toEqual([
      ['A', count('A')],
      ['B', count('B')],
      ['C', 0],
      ['D', 0],
    ]);
    expect(count('A') + count('B')).toBe(90);
    for (const c of summary.categories) expect(c.share).toBeCloseTo(c.units / 90, 12);
  });

  it('lists the ten units with the lowest IKM, lowest first', () => {
    const lowest = unitIkms()
      .sort((p, q) => p.ikm - q.ikm)
      .slice(0, 10);
    expect(summary.lowestUnits.map((u) => u.no)).toEqual(lowest.map((u) => u.no));
    summary.lowestUnits.forEach((u, i) => {
      expect(u.ikm).toBeCloseTo(lowest[i].ikm, 6);
      expect(u.grade).toBe(band(lowest[i].ikm));
    });
    expect(summary.lowestUnits[0]).toEqual(
      expect.objectContaining({ no: 63, name: 'UPTD PUSKESMAS GAMBUT' }),
    );
  });

  it('lists every unit with an error-severity finding in the JSON report, with its count of errors', () => {
    const errors = new Map<string, number>();
    for (const f of report.findings)
      if (f.severity === 'error')
        errors.set(`${f.unitNo}|${f.unit}`, (errors.get(`${f.unitNo}|${f.unit}`) ?? 0) + 1);
    expect(new Map(summary.unitsWithErrors.map((u) => [`${u.no}|${u.name}`, u.errors]))).toEqual(
      errors,
    );
    expect(summary.unitsWithErrors.length).toBeGreaterThan(0);
  });

  it('lists the units left out of the average with their reason: no data, or service sub-records only', () => {
    const inAverage = new Set(unitIkms().map((u) => u.no));
    const listed = analysis.table.units.map((u) => u.no);
    expect(summary.excluded.map((e) => e.no).sort((a, b) => Number(a) - Number(b))).toEqual(
      listed.filter((no) => !inAverage.has(Number(no))),
    );
    expect(summary.excluded.filter((e) => e.reason === 'no-data').map((e) => e.no)).toEqual([
      28, 29, 53, 54, 60, 87, 88, 91,
    ]);
  });
});

describe('Kesimpulan', () => {
  it("states the district IKM and category, as the JSON report's district line gives them", () => {
    expect(summary.kesimpulan[0]).toBe(
      `Nilai Indeks Kepuasan Masyarakat (IKM) Pemerintah Kabupaten Banjar Tahun 2025 adalah ${id2(report.district.ikm!)} dengan mutu pelayanan ${report.district.category}.`,
    );
    expect(summary.kesimpulan[0]).toContain('adalah 87,68 dengan mutu pelayanan B (Baik).');
  });

  it('states how many units reported, and the reports present against those expected', () => {
    const r = reporting();
    expect(summary.kesimpulan[1]).toBe(
      `Sebanyak ${r.withData} dari ${r.listed} OPP telah menyampaikan hasil SKM (${r.presentReports} dari ${r.expectedReports} laporan periode).`,
    );
  });

  it('states the average realisation', () => {
    expect(summary.kesimpulan[2]).toBe(
      `Rata-rata realisasi tindak lanjut hasil SKM periode sebelumnya adalah ${id2(report.district.realisation!)}%.`,
    );
  });

  it('states the lowest unsur with its value, and the most prioritised unsur, as the report does', () => {
    const [lowest] = report.district.lowest;
    const [most] = report.district.mostPrioritised;
    expect(summary.kesimpulan[3]).toBe(
      `Unsur terendah pada tingkat kabupaten adalah ${lowest.name} dengan nilai rata-rata ${id2(lowest.value)}.`,
    );
    expect(summary.kesimpulan[3]).toBe(report.district.sentences.lowest);
    expect(summary.kesimpulan[4]).toBe(
      `${most.name} merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (${most.units} unit).`,
    );
    expect(summary.kesimpulan[4]).toBe(report.district.sentences.mostPrioritised);
  });

  it('has no trend sentence for a single year', () => {
    expect(summary.trend).toEqual({ points: [], direction: null });
    expect(summary.kesimpulan).toHaveLength(5);
  });

  it('ends the sheet, numbered', () => {
    const tail = rows().slice(-5);
    expect(tail).toEqual(summary.kesimpulan.map((k, i) => [`${i + 1}.`, k]));
  });
});

describe('the sheet layout', () => {
  it('gives the nine unsur values of the district line and its IKM, category and realisation', () => {
    const unsur = layout.cells.filter((c) => c.col === 1 && /^U[1-9]$/.test(String(c.value)));
    expect(unsur.map((c) => c.value)).toEqual(report.district.unsur.map((u) => u.code));
    unsur.forEach((c, i) =>
      expect(layout.cells.find((d) => d.row === c.row && d.col === 3)!.value).toBeCloseTo(
        report.district.unsur[i].value!,
        9,
      ),
    );
    const valueRight = (label: string) =>
      layout.cells.find(
        (c) =>
          c.col === 3 &&
          layout.cells.some((d) => d.row === c.row && d.col === 2 && d.value === label),
      )?.value;
    expect(valueRight('IKM')).toBeCloseTo(report.district.ikm!, 9);
    expect(valueRight('Kategori')).toBe(report.district.category);
    expect(valueRight('Realisasi tindak lanjut')).toBeCloseTo(
      report.district.realisation! / 100,
      9,
    );
  });

  it('charts the nine unsur with the lowest marked, and the units by category; no trend chart for one year', () => {
    const [unsurChart, categoriesChart] = layout.charts;
    expect(layout.charts).toHaveLength(2);
    expect(unsurChart).toEqual(
      expect.objectContaining({
        kind: 'unsur',
        type: 'BarClustered',
        highlight: report.district.unsur.findIndex(
          (u) => u.code === report.district.lowest[0].code,
        ),
      }),
    );
    expect(categoriesChart).toEqual(
      expect.objectContaining({ kind: 'categories', type: 'ColumnClustered', highlight: null }),
    );
  });
});
