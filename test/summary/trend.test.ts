/**
 * A workbook with the recaps of several years: the summary adds the district
 * IKM and category of each year, the change from the year before, a line
 * chart and the trend sentence of the Kesimpulan. The earlier years are built
 * from the Banjar 2025 recap with every unsur value lowered by a known amount,
 * so each year's district IKM is known exactly.
 */
import ExcelJS from 'exceljs';
import { analyseSheet, analyseWorkbook, type Analysis } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import { parseNumber } from '../../src/engine/numbers';
import { summarise } from '../../src/engine/summary';
import { SUMMARY_SHEET, summaryLayout } from '../../src/engine/summary-sheet';
import { UNSUR_CODES } from '../../src/engine/unsur';
import { mergeAreas } from '../../src/engine/merges';
import { createExcelHost } from '../../src/sim/host';
import { cellKey } from '../../src/sim/model';
import { validate, writeSummary } from '../../src/taskpane/excel';
import { loadWorkbook, workbookGrids } from '../../src/xlsx/read';
import { run, SAMPLE, tempDir, writeWorkbook } from '../cli/helpers';
import { workbookModelOf } from '../sim/grid-model';
import { id2 } from './banjar-csv';

let banjar: SheetGrid;
let lampiran: SheetGrid;
let banjarAnalysis: Analysis;

beforeAll(async () => {
  const grids = workbookGrids(await loadWorkbook(SAMPLE));
  [banjar, lampiran] = grids;
  const a = analyseSheet(banjar);
  if (!a.ok) throw new Error(a.problem.message.en);
  banjarAnalysis = a;
});

/**
 * The Banjar recap as the recap of another year: sheet "Rekap SKM OPP <year>",
 * title "... TAHUN <year>", every converted value lowered by `lower` and every
 * NRR by lower / 25, so that each unit's values, and the district line, are
 * `lower` lower.
 */
function yearOf(year: number, lower: number): SheetGrid {
  const top = banjar.origin?.row ?? 1;
  const left = banjar.origin?.col ?? 1;
  const values = banjar.values.map((r) => [...r]);
  const { table } = banjarAnalysis;
  const cols = UNSUR_CODES.map((u) => table.columns.unsur[u]);
  // Values are typed with at most 3 decimals: rounding to 6 keeps the lowered value exact.
  const shift = (row: number, by: number) =>
    cols.forEach((c) => {
      const p = parseNumber(values[row - top][c - left]);
      if (p.kind === 'number') values[row - top][c - left] = Math.round((p.value - by) * 1e6) / 1e6;
    });
  for (const rec of table.records) {
    if (rec.conv) shift(rec.conv.row, lower);
    if (rec.nrr) shift(rec.nrr.row, lower / 25);
  }
  for (let r = top; r < table.headerRows[0]; r++)
    values[r - top] = values[r - top].map((v) =>
      typeof v === 'string' ? v.replace(/TAHUN 2025/, `TAHUN ${year}`) : v,
    );
  return { ...banjar, name: `Rekap SKM OPP ${year}`, values };
}

/** Years to how much lower than the Banjar 2025 recap they are; the workbook holds the latest first, then the others, then Lampiran I. */
function workbook(lowered: Record<number, number>): { grids: SheetGrid[]; analysis: Analysis } {
  const years = Object.keys(lowered)
    .map(Number)
    .sort((a, b) => b - a);
  const grids = [...years.map((y) => yearOf(y, lowered[y])), lampiran];
  const analysis = analyseWorkbook(grids);
  if (!analysis.ok) throw new Error(analysis.problem.message.en);
  return { grids, analysis };
}

describe('three years, 2023 lower by 0,5, 2024 lower by 1,5, 2025 as recorded', () => {
  const LOWERED = { 2023: 0.5, 2024: 1.5, 2025: 0 };
  let ikm2025: number;
  let s: ReturnType<typeof summarise>;

  beforeAll(() => {
    const { grids, analysis } = workbook(LOWERED);
    expect(analysis.table.sheet).toBe('Rekap SKM OPP 2025');
    ikm2025 = banjarAnalysis.district.ikm!;
    s = summarise(analysis, grids);
  });

  it('gives each year its district IKM and category, oldest first, and the change from the year before', () => {
    expect(s.trend.points.map((p) => [p.year, p.sheet, p.category])).toEqual([
      [2023, 'Rekap SKM OPP 2023', 'B (Baik)'],
      [2024, 'Rekap SKM OPP 2024', 'B (Baik)'],
      [2025, 'Rekap SKM OPP 2025', 'B (Baik)'],
    ]);
    const expected = [ikm2025 - 0.5, ikm2025 - 1.5, ikm2025];
    s.trend.points.forEach((p, i) => expect(Math.abs(p.ikm - expected[i])).toBeLessThan(1e-9));
    expect(s.trend.points[0].change).toBeNull();
    expect(s.trend.points[1].change).toBeCloseTo(-1.0, 9);
    expect(s.trend.points[2].change).toBeCloseTo(1.5, 9);
  });

  it('calls the trend fluctuating, and says so in the last sentence of the Kesimpulan', () => {
    expect(s.trend.direction).toBe('fluktuatif');
    expect(s.kesimpulan[s.kesimpulan.length - 1]).toBe(
      `Nilai IKM tahun 2023-2025 berfluktuasi, dari ${id2(ikm2025 - 0.5)} pada tahun 2023 menjadi ${id2(ikm2025)} pada tahun 2025.`,
    );
    expect(s.kesimpulan[s.kesimpulan.length - 1]).toBe(
      'Nilai IKM tahun 2023-2025 berfluktuasi, dari 87,18 pada tahun 2023 menjadi 87,68 pada tahun 2025.',
    );
  });

  it('still takes the unit list from "Lampiran I", not from the other years\' recaps', () => {
    expect(s.reporting).toEqual(
      expect.objectContaining({ source: 'Lampiran I', listed: 100, withData: 92 }),
    );
  });

  it('lays out the table "H. Tren IKM" and a line chart over its years and IKM', () => {
    const layout = summaryLayout(s);
    const heading = layout.cells.find((c) => c.value === 'H. Tren IKM')!;
    const at = (row: number) => layout.cells.filter((c) => c.row === row).map((c) => c.value);
    expect(at(heading.row + 1)).toEqual(['Tahun', 'IKM', 'Kategori', 'Perubahan']);
    expect(at(heading.row + 2)).toEqual(['2023', s.trend.points[0].ikm, 'B (Baik)']);
    expect(at(heading.row + 3)).toEqual([
      '2024',
      s.trend.points[1].ikm,
      'B (Baik)',
      s.trend.points[1].change,
    ]);
    expect(at(heading.row + 4)).toEqual([
      '2025',
      s.trend.points[2].ikm,
      'B (Baik)',
      s.trend.points[2].change,
    ]);
    expect(layout.cells.find((c) => c.row === heading.row + 3 && c.col === 4)!.format).toBe(
      '+0.00;-0.00;0.00',
    );
    expect(layout.charts.find((c) => c.kind === 'trend')).toEqual({
      kind: 'trend',
      type: 'Line',
      title: 'Tren IKM',
      data: `A${heading.row + 1}:B${heading.row + 4}`,
      anchor: 'F40',
      highlight: null,
    });
  });
});

describe.each([
  ['rising', { 2023: 1.5, 2024: 0.5, 2025: 0 }, 'naik', 'cenderung meningkat'],
  ['falling', { 2023: 0, 2024: 0.5, 2025: 1.5 }, 'turun', 'cenderung menurun'],
  ['unchanged', { 2024: 0, 2025: 0 }, 'stabil', 'relatif stabil'],
] as const)('a %s IKM', (_, lowered, direction, words) => {
  it(`is "${direction}", "${words}" in the Kesimpulan`, () => {
    const { grids, analysis } = workbook(lowered);
    const s = summarise(analysis, grids);
    const years = Object.keys(lowered).map(Number);
    const [first, last] = [Math.min(...years), Math.max(...years)];
    const ikm2025 = banjarAnalysis.district.ikm!;
    expect(s.trend.direction).toBe(direction);
    expect(s.kesimpulan[s.kesimpulan.length - 1]).toBe(
      `Nilai IKM tahun ${first}-${last} ${words}, dari ${id2(ikm2025 - lowered[first as keyof typeof lowered])} pada tahun ${first} menjadi ${id2(ikm2025 - lowered[last as keyof typeof lowered])} pada tahun ${last}.`,
    );
  });
});

describe('through the checker (--out --summary) on the workbook of three years', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('writes the trend table and the trend sentence into "Ringkasan SKM"', async () => {
    const { grids } = workbook({ 2023: 0.5, 2024: 1.5, 2025: 0 });
    const input = tmp.file('rekap-3-tahun.xlsx');
    const out = tmp.file('rekap-3-tahun-diperiksa.xlsx');
    await writeWorkbook(input, grids);
    expect((await run('check', input, '--out', out, '--summary')).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('H. Tren IKM');
    expect(texts).toContain(
      'Nilai IKM tahun 2023-2025 berfluktuasi, dari 87,18 pada tahun 2023 menjadi 87,68 pada tahun 2025.',
    );
    expect(texts).toContain('lembar "Lampiran I"');
  });
});

describe('through the add-in (writeSummary) on the workbook of three years', () => {
  it("reads an earlier year whose table sits lower on its sheet than this year's in full, as the checker does", async () => {
    const { grids } = workbook({ 2023: 0.5, 2024: 1.5, 2025: 0 });
    // 2024's recap starts 60 rows further down (a cover block above it, say): its used range ends
    // past the 2025 recap's, so read with the recap's range it would lose its last units.
    const DOWN = 60;
    const i2024 = grids.findIndex((g) => g.name.endsWith('2024'));
    const g = grids[i2024];
    grids[i2024] = {
      ...g,
      origin: { row: (g.origin?.row ?? 1) + DOWN, col: g.origin?.col ?? 1 },
      merges: mergeAreas(g.merges).map((m) => ({
        ...m,
        top: m.top + DOWN,
        bottom: m.bottom + DOWN,
      })),
    };
    const analysis = analyseWorkbook(grids);
    if (!analysis.ok) throw new Error(analysis.problem.message.en);
    const expected = summaryLayout(summarise(analysis, grids));
    const trend = expected.cells.find(
      (c) => typeof c.value === 'string' && c.value.startsWith('Nilai IKM tahun 2023-2025'),
    );
    expect(trend).toBeDefined();
    const host = createExcelHost(workbookModelOf(...grids));
    const uninstall = host.install();
    try {
      const session = await validate('id');
      if (!session.ok) throw new Error(session.message.en);
      expect((await writeSummary(session.value)).ok).toBe(true);
      const sheet = host.model.sheets.find((s) => s.name === SUMMARY_SHEET)!;
      const written = Object.values(sheet.cells).map((c) => c.value);
      // The trend sentence holds each year's district IKM: 2024's is its whole table's.
      expect(written).toContain(trend!.value);
      expect(expected.cells.filter((c) => typeof c.value === 'string').map((c) => c.value)).toEqual(
        expect.arrayContaining(written.filter((v) => typeof v === 'string' && v !== '')),
      );
    } finally {
      uninstall();
    }
  });

  it('makes the line chart over the years, written as text so that Excel takes them as the categories, not as a second series', async () => {
    const { grids, analysis } = workbook({ 2023: 0.5, 2024: 1.5, 2025: 0 });
    const spec = summaryLayout(summarise(analysis, grids)).charts.find((c) => c.kind === 'trend')!;
    const host = createExcelHost(workbookModelOf(...grids));
    const uninstall = host.install();
    try {
      const session = await validate('id');
      if (!session.ok) throw new Error(session.message.en);
      expect(await writeSummary(session.value)).toEqual({
        ok: true,
        value: { sheet: SUMMARY_SHEET, charts: 3 },
      });
      const sheet = host.model.sheets.find((s) => s.name === SUMMARY_SHEET)!;
      expect(sheet.charts!.find((c) => c.type === 'Line')).toEqual(
        expect.objectContaining({
          source: `'${SUMMARY_SHEET}'!${spec.data}`,
          title: 'Tren IKM',
          position: { start: `'${SUMMARY_SHEET}'!F40`, end: undefined },
        }),
      );
      const top = Number(spec.data.split(':')[0].slice(1));
      expect([1, 2, 3].map((i) => sheet.cells[cellKey(top + i, 1)].value)).toEqual([
        '2023',
        '2024',
        '2025',
      ]);
      expect(Object.values(sheet.cells).map((c) => c.value)).toContain(
        'Nilai IKM tahun 2023-2025 berfluktuasi, dari 87,18 pada tahun 2023 menjadi 87,68 pada tahun 2025.',
      );
    } finally {
      uninstall();
    }
  });
});
