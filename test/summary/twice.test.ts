/**
 * "Buat Ringkasan" twice leaves one summary sheet, the same both times: in
 * the checker's copy (--out --summary) and in the add-in on the simulated
 * host, whose record of chart calls shows the charts it made.
 */
import ExcelJS from 'exceljs';
import { a1, columnLetters } from '../../src/engine/address';
import { analyseWorkbook } from '../../src/engine/analyse';
import { summarise } from '../../src/engine/summary';
import { SUMMARY_SHEET, summaryLayout, type SummaryLayout } from '../../src/engine/summary-sheet';
import { createExcelHost } from '../../src/sim/host';
import { loadXlsxFile } from '../../src/sim/load-xlsx';
import { cellKey, cloneWorkbook, type SheetModel, type WorkbookModel } from '../../src/sim/model';
import { validate, writeSummary } from '../../src/taskpane/excel';
import { loadWorkbook, workbookGrids } from '../../src/xlsx/read';
import { run, SAMPLE, tempDir } from '../cli/helpers';

let layout: SummaryLayout;

beforeAll(async () => {
  const grids = workbookGrids(await loadWorkbook(SAMPLE));
  const a = analyseWorkbook(grids);
  if (!a.ok) throw new Error(a.problem.message.en);
  layout = summaryLayout(summarise(a, grids));
});

describe('through the checker: --out --summary, then again on the copy', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let first: ExcelJS.Workbook;
  let second: ExcelJS.Workbook;

  /** Every cell of a sheet: address, value, number format, bold. */
  const cells = (ws: ExcelJS.Worksheet) => {
    const out: [string, unknown, string | undefined, boolean | undefined][] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => out.push([c.address, c.value, c.numFmt, c.font?.bold])),
    );
    return out;
  };

  beforeAll(async () => {
    const copy1 = tmp.file('rekap-ringkasan.xlsx');
    const copy2 = tmp.file('rekap-ringkasan-2.xlsx');
    expect((await run('check', SAMPLE, '--out', copy1, '--summary')).code).toBe(1);
    expect((await run('check', copy1, '--out', copy2, '--summary')).code).toBe(1);
    [first, second] = await Promise.all([copy1, copy2].map(loadWorkbook));
  });

  it('leaves one "Ringkasan SKM" sheet, in the same place', () => {
    expect(first.worksheets.map((w) => w.name)).toEqual([
      'Rekap SKM OPP 2025',
      'Lampiran I',
      SUMMARY_SHEET,
    ]);
    expect(second.worksheets.map((w) => w.name)).toEqual([
      'Rekap SKM OPP 2025',
      'Lampiran I',
      SUMMARY_SHEET,
    ]);
  });

  it('replaces only its own summary the second time: the recap and the other sheets keep their cells', () => {
    for (const name of ['Rekap SKM OPP 2025', 'Lampiran I']) {
      const before = cells(first.getWorksheet(name)!);
      expect(before.length).toBeGreaterThan(10);
      expect(cells(second.getWorksheet(name)!)).toEqual(before);
    }
  });

  it('writes the same cells both times', () => {
    expect(cells(second.getWorksheet(SUMMARY_SHEET)!)).toEqual(
      cells(first.getWorksheet(SUMMARY_SHEET)!),
    );
  });

  it("writes the layout's cells, text as text", () => {
    const ws = first.getWorksheet(SUMMARY_SHEET)!;
    for (const c of layout.cells)
      expect([c.row, c.col, ws.getCell(c.row, c.col).value]).toEqual([c.row, c.col, c.value]);
    expect(cells(ws)).toHaveLength(layout.cells.length);
  });
});

describe('through the add-in on the simulated host: writeSummary twice', () => {
  let host: ReturnType<typeof createExcelHost>;
  let uninstall: () => void;
  let firstSheet: SheetModel;
  let firstOrder: string[];

  const summarySheet = (m: WorkbookModel) => m.sheets.find((s) => s.name === SUMMARY_SHEET)!;

  beforeAll(async () => {
    host = createExcelHost(await loadXlsxFile(SAMPLE));
    uninstall = host.install();
    const session = await validate('id');
    if (!session.ok) throw new Error(session.message.en);
    expect(await writeSummary(session.value)).toEqual({
      ok: true,
      value: { sheet: SUMMARY_SHEET, charts: 2 },
    });
    firstSheet = cloneWorkbook(host.model).sheets.find((s) => s.name === SUMMARY_SHEET)!;
    firstOrder = host.model.sheets.map((s) => s.name);
    expect(await writeSummary(session.value)).toEqual({
      ok: true,
      value: { sheet: SUMMARY_SHEET, charts: 2 },
    });
  });
  afterAll(() => uninstall());

  it('leaves one "Ringkasan SKM" sheet, right after the recap, both times', () => {
    expect(firstOrder).toEqual(['Rekap SKM OPP 2025', SUMMARY_SHEET, 'Lampiran I']);
    expect(host.model.sheets.map((s) => s.name)).toEqual(firstOrder);
  });

  it('makes the title, headings and table headers bold, the title at 14 points', () => {
    // What the add-in set on the fonts of the summary sheet, each of its two writes.
    const set = (what: string) =>
      new Set(
        host.stats.operations
          .map(
            (o) =>
              new RegExp(`^Range\\('${SUMMARY_SHEET}'!([A-Z]+\\d+)\\)\\.font\\.${what}$`).exec(
                o,
              )?.[1],
          )
          .filter((a): a is string => a !== undefined),
      );
    const styled = layout.cells.filter((c) => c.style).map((c) => a1(c.row, c.col));
    expect(styled.length).toBeGreaterThan(5);
    expect([...set('bold = true')].sort()).toEqual([...new Set(styled)].sort());
    const title = layout.cells.filter((c) => c.style === 'title').map((c) => a1(c.row, c.col));
    expect([...set('size = 14')]).toEqual(title);
  });

  it('writes the same cells and makes the same charts the second time', () => {
    const second = summarySheet(host.model);
    expect(second.cells).toEqual(firstSheet.cells);
    expect(second.charts).toEqual(firstSheet.charts);
  });

  it('writes the checker\'s layout: the same values, text kept as text ("1." stays "1.")', () => {
    const sheet = summarySheet(host.model);
    for (const c of layout.cells)
      expect([c.row, c.col, sheet.cells[cellKey(c.row, c.col)]?.value]).toEqual([
        c.row,
        c.col,
        c.value,
      ]);
    for (const c of layout.cells)
      if (c.format)
        expect([c.row, c.col, sheet.cells[cellKey(c.row, c.col)]?.numberFormat]).toEqual([
          c.row,
          c.col,
          c.format,
        ]);
    // Every other cell of the block General, as a new sheet's: no empty format of our own.
    const formatted = new Set(
      layout.cells.filter((c) => c.format).map((c) => cellKey(c.row, c.col)),
    );
    expect(
      Object.entries(sheet.cells).filter(
        ([key, cell]) => !formatted.has(key) && cell.numberFormat !== undefined,
      ),
    ).toEqual([]);
    expect(Object.values(sheet.cells).filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it('charts the nine unsur as bars, the lowest point coloured', () => {
    const sheet = summarySheet(host.model);
    const [bars] = sheet.charts!;
    const spec = layout.charts.find((c) => c.kind === 'unsur')!;
    expect(bars).toEqual({
      name: 'Chart 1',
      type: 'BarClustered',
      source: `'${SUMMARY_SHEET}'!${spec.data}`,
      seriesBy: 'Columns',
      title: 'Nilai per unsur, rata-rata kabupaten',
      legendVisible: false,
      position: { start: `'${SUMMARY_SHEET}'!F4`, end: undefined },
      pointFills: [{ series: 0, point: spec.highlight, color: '#C00000' }],
    });
    // The source: a header row, then the nine unsur; the coloured point is the lowest value, Waktu Penyelesaian.
    const [from, to] = spec.data.split(':').map((a) => Number(a.replace(/^[A-Z]+/, '')));
    const value = (r: number, c: number) => sheet.cells[cellKey(r, c)]?.value;
    expect(to - from).toBe(9);
    const names = Array.from({ length: 9 }, (_, i) => value(from + 1 + i, 2));
    const numbers = Array.from({ length: 9 }, (_, i) => value(from + 1 + i, 3) as number);
    expect(names[spec.highlight!]).toBe('Waktu Penyelesaian');
    expect(numbers[spec.highlight!]).toBe(Math.min(...numbers));
  });

  it("widens the summary's columns to the layout's widths (characters of about 7 points), each of its two writes", () => {
    const set = host.stats.operations
      .map((o) =>
        new RegExp(
          `^Range\\('${SUMMARY_SHEET}'!([A-Z]+)1\\)\\.format\\.columnWidth = (\\d+)$`,
        ).exec(o),
      )
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]}=${m[2]}`);
    const widths = Object.entries(layout.widths).map(
      ([col, width]) => `${columnLetters(Number(col))}=${width * 7}`,
    );
    expect(widths.length).toBeGreaterThan(1);
    expect(set).toEqual([...widths, ...widths]);
  });

  it('charts the units by category as columns', () => {
    const sheet = summarySheet(host.model);
    const columns = sheet.charts!.find((c) => c.type === 'ColumnClustered')!;
    const spec = layout.charts.find((c) => c.kind === 'categories')!;
    expect(columns).toEqual(
      expect.objectContaining({
        source: `'${SUMMARY_SHEET}'!${spec.data}`,
        title: 'Sebaran unit menurut kategori',
        legendVisible: false,
      }),
    );
    expect(columns.pointFills).toBeUndefined();
    const [from] = spec.data.split(':').map((a) => Number(a.replace(/^[A-Z]+/, '')));
    const rowsOf = (r: number) => [
      sheet.cells[cellKey(r, 1)]?.value,
      sheet.cells[cellKey(r, 2)]?.value,
    ];
    expect([0, 1, 2, 3, 4].map((i) => rowsOf(from + i))).toEqual([
      ['Kategori', 'Jumlah unit'],
      ['A (Sangat Baik)', 39],
      ['B (Baik)', 51],
      ['C (Kurang Baik)', 0],
      ['D (Tidak Baik)', 0],
    ]);
  });
});
