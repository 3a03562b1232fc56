/**
 * "Buat Ringkasan" reads every sheet of the workbook again, in batches that each fit Excel's
 * response limit (5 MB on the web): what StrykerJS's run of src/taskpane/excel/summary.ts found
 * unguarded. The simulation's own client: its reads are the same requests, and it is fast enough
 * for the 9 MB workbook below.
 */
import { parseArea, type Area } from '../../src/engine/address';
import type { CellValue } from '../../src/engine/numbers';
import { SUMMARY_SHEET } from '../../src/engine/summary-sheet';
import { analyseSheet } from '../../src/engine/analyse';
import { summarise } from '../../src/engine/summary';
import { summaryLayout } from '../../src/engine/summary-sheet';
import {
  cloneWorkbook,
  sheetFromRows,
  type CellModel,
  type WorkbookModel,
} from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import { RESPONSE_BUDGET } from '../../src/taskpane/excel/budget';
import { CHUNK_CELLS, MAX_CELLS, MAX_READ_CELLS } from '../../src/taskpane/excel/read';
import { firstBatch, take } from '../../src/taskpane/excel/summary';
import { excelPerTest } from './excel-client';
import { recap } from '../engine/grid';
import { SMALL_UNITS, smallRecap } from './workbook';

const RECAP = 'Rekap SKM OPP 2025';
const { open, validated } = excelPerTest('sim');

/** smallRecap with a sheet "Catatan" of `rows` rows of ten cells of `chars` characters each. */
function withNotes(rows: number, chars: number): WorkbookModel {
  const model = smallRecap();
  const cells: Record<string, CellModel> = {};
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= 10; c++) cells[`${r},${c}`] = { value: String(r % 10).repeat(chars) };
  model.sheets.push({
    name: 'Catatan',
    visibility: 'Visible',
    protected: false,
    cells,
    merges: [],
  });
  return model;
}

/** The areas each answered read asked for, request by request (a refused request's reads left out). */
function answeredReads(operations: string[]): string[][] {
  const out: string[][] = [];
  let pending: string[] = [];
  for (const o of operations) {
    const read = /^Range\((.+)\)\.load\(values\)/.exec(o);
    if (read) pending.push(read[1].replace(/'/g, ''));
    else if (/^sync #\d+/.test(o)) {
      if (!o.includes('failed') && pending.length > 0) out.push(pending);
      pending = [];
    }
  }
  return out;
}

describe('"Buat Ringkasan" on a workbook larger than one response', () => {
  it('reads every used cell once: the batch Excel refused again in halves, the next ones sized from the bytes a cell took', async () => {
    // "Catatan": 450 rows of ten cells of 1,996 characters, about 9 MB; the recap is 8 rows of 20
    // cells, a few bytes each, so the first batch (sized from the recap) asks for everything.
    const host = open(withNotes(450, 1996));
    const session = await validated();
    host.stats.reset();
    expect(await excel.writeSummary(session)).toEqual({
      ok: true,
      value: { sheet: SUMMARY_SHEET, charts: 2 },
    });
    const reads = answeredReads(host.stats.operations);
    // Refused whole (9 MB); halved to 2,330 cells: the recap's 160 and 217 rows of notes (4.3 MB,
    // under the limit). Those took about 1,864 bytes a cell: RESPONSE_BUDGET / 1,864 = 2,065
    // cells, 206 rows; then the 27 rows left. Never the halved 2,330 cells again (233 rows,
    // 4.7 MB), and never a row at a time.
    expect(reads).toEqual([
      [`${RECAP}!A1:T8`, 'Catatan!A1:J217'],
      ['Catatan!A218:J423'],
      ['Catatan!A424:J450'],
    ]);
    const failed = host.stats.operations.filter((o) => /^sync #\d+ failed/.test(o));
    expect(failed).toHaveLength(1);
    // Each used cell read once: the areas read, row by row, tile the two used ranges.
    const rowsRead = (sheet: string) =>
      reads
        .flat()
        .filter((a) => a.startsWith(`${sheet}!`))
        .map((a) => parseArea(a)!)
        .flatMap((a: Area) =>
          Array.from(
            { length: a.bottom - a.top + 1 },
            (_, i) => `${a.top + i}:${a.left}-${a.right}`,
          ),
        );
    expect(rowsRead('Catatan')).toEqual(Array.from({ length: 450 }, (_, i) => `${i + 1}:1-10`));
    expect(rowsRead(RECAP)).toEqual(Array.from({ length: 8 }, (_, i) => `${i + 1}:1-20`));
  });

  it("stops with Excel's refusal, writing nothing, where a single row is larger than Excel can answer (no endless halving)", async () => {
    // A host that answers 250 kB at most; one row of "Catatan" is 300 kB.
    const model = withNotes(1, 30_000);
    const host = open(model, { payloadLimitBytes: 250_000 });
    const session = await validated();
    const before = cloneWorkbook(host.model);
    const written = await excel.writeSummary(session);
    expect(written).toMatchObject({
      ok: false,
      message: { id: expect.stringMatching(/^Excel menolak permintaan: /) },
    });
    expect(host.model).toEqual(before);
  });

  it('reads the other sheets in the sync after the sheet list, and a recap alone in no extra sync', async () => {
    for (const [model, syncs] of [
      [smallRecap(), 3],
      [withNotes(3, 10), 4],
    ] as const) {
      const host = open(model);
      const session = await validated();
      host.stats.reset();
      expect((await excel.writeSummary(session)).ok).toBe(true);
      // The sheets and the recap's used range; the other sheets' used ranges; the values; the writes.
      expect(host.stats.operations.filter((o) => /^sync #\d+:/.test(o))).toHaveLength(syncs);
    }
  });
});

describe('"Buat Ringkasan" on workbooks Excel refuses to answer in one piece', () => {
  // "Catatan": 600 rows of ten cells of 1,996 characters, about 12 MB: refused whole, and its
  // first half (6 MB) too.
  const layouts: [string, (m: WorkbookModel) => void][] = [
    [
      'a one-row cover sheet first: the batches that begin with it are halved like any other',
      (m) => m.sheets.unshift(sheetFromRows('Sampul', [['REKAP SKM 2025']])),
    ],
    [
      'the notes before the recap: a batch of the notes alone is halved again',
      (m) => m.sheets.unshift(m.sheets.splice(1, 1)[0]),
    ],
  ];
  it.each(layouts)('%s', async (_, arrange) => {
    const model = withNotes(600, 1996);
    arrange(model);
    const host = open(model);
    const session = await validated();
    host.stats.reset();
    expect(await excel.writeSummary(session)).toEqual({
      ok: true,
      value: { sheet: SUMMARY_SHEET, charts: 2 },
    });
    const failed = host.stats.operations.filter((o) => /^sync #\d+ failed/.test(o));
    expect(failed.length).toBeGreaterThanOrEqual(2);
    // Every row of every sheet read once, in sheet order.
    const rows = answeredReads(host.stats.operations)
      .flat()
      .flatMap((a) => {
        const [sheet, area] = a.split('!');
        const { top, bottom } = parseArea(area)!;
        return Array.from({ length: bottom - top + 1 }, (_, i) => `${sheet}!${top + i}`);
      });
    const expected = model.sheets.flatMap((s) => {
      const last = Math.max(...Object.keys(s.cells).map((k) => Number(k.split(',')[0])));
      return Array.from({ length: last }, (_, i) => `${s.name}!${i + 1}`);
    });
    expect(rows).toEqual(expected);
  });
});

describe('a recap that does not start at A1', () => {
  it('is summarised as the same recap at A1: its merged header read where it is', async () => {
    // The recap two rows down and one column right, its merged areas with it.
    const model = smallRecap();
    const sheet = model.sheets[0];
    sheet.cells = Object.fromEntries(
      Object.entries(sheet.cells).map(([key, cell]) => {
        const [r, c] = key.split(',').map(Number);
        return [`${r + 2},${c + 1}`, cell];
      }),
    );
    sheet.merges = sheet.merges.map((m) => ({
      top: m.top + 2,
      left: m.left + 1,
      bottom: m.bottom + 2,
      right: m.right + 1,
    }));
    expect(sheet.merges.length).toBeGreaterThan(0);
    const host = open(model);
    expect(await excel.writeSummary(await validated())).toMatchObject({ ok: true });
    const grid = recap(SMALL_UNITS).grid;
    const analysis = analyseSheet(grid);
    if (!analysis.ok) throw new Error(analysis.problem.message.en);
    const layout = summaryLayout(summarise(analysis, [grid]));
    const written = host.model.sheets.find((s) => s.name === SUMMARY_SHEET)!.cells;
    const numbers = layout.cells.filter((c) => typeof c.value === 'number');
    expect(numbers.length).toBeGreaterThan(9);
    for (const c of layout.cells)
      expect([c.row, c.col, written[`${c.row},${c.col}`]?.value]).toEqual([c.row, c.col, c.value]);
  });
});

describe('the used ranges "Buat Ringkasan" reads', () => {
  it('are the cells holding values: formatting down to the last row makes no sheet too large to read', async () => {
    // Borders or a font over whole columns, as a template carries them: Excel counts them in a
    // used range that is not of values only (over a million rows).
    const model = withNotes(3, 10);
    const wholeColumns = (right: number) => [{ top: 1, left: 1, bottom: 1_048_576, right }];
    model.sheets[0].styled = wholeColumns(20);
    model.sheets[1].styled = wholeColumns(10);
    const host = open(model);
    const session = await validated();
    host.stats.reset();
    expect((await excel.writeSummary(session)).ok).toBe(true);
    expect(answeredReads(host.stats.operations)).toEqual([[`${RECAP}!A1:T8`, 'Catatan!A1:J3']]);
  });
});

describe('a sheet at the size limit', () => {
  it('is read, five million cells (MAX_CELLS) exactly, a million cells (MAX_READ_CELLS) a read at most', async () => {
    // A note in A1 and another in J500000: a used range of 5,000,000 cells, nearly all empty.
    const model = smallRecap();
    const big = sheetFromRows('Besar', [['catatan']]);
    big.cells['500000,10'] = { value: 'akhir' };
    model.sheets.push(big);
    expect(10 * 500_000).toBe(MAX_CELLS);
    const host = open(model);
    const session = await validated();
    host.stats.reset();
    expect((await excel.writeSummary(session)).ok).toBe(true);
    const areas = answeredReads(host.stats.operations)
      .flat()
      .filter((a) => a.startsWith('Besar!'))
      .map((a) => parseArea(a)!);
    expect(areas[0].top).toBe(1);
    expect(areas.at(-1)!.bottom).toBe(500_000);
    areas.forEach((a, i) => {
      expect((a.bottom - a.top + 1) * 10).toBeLessThanOrEqual(MAX_READ_CELLS);
      if (i > 0) expect(a.top).toBe(areas[i - 1].bottom + 1);
    });
  }, 60_000);
});

describe('the first batch of "Buat Ringkasan"', () => {
  const grid = (rows: number, cols: number, v: CellValue) => ({
    values: Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(v)),
  });

  it('takes as many cells as fit the response budget at the bytes a cell of the recap took', () => {
    // 12.5 is 5 bytes a cell in JSON with its comma: 770,000 cells of them fit.
    const first = firstBatch({
      grid: { ...smallRecap().sheets[0], ...grid(10, 10, 12.5) },
    } as never);
    const perCell = JSON.stringify(grid(10, 10, 12.5).values).length / 100;
    expect(first * perCell).toBeLessThanOrEqual(RESPONSE_BUDGET);
    expect((first + 1) * perCell).toBeGreaterThan(RESPONSE_BUDGET);
    expect(first).toBeGreaterThan(CHUNK_CELLS);
    expect(first).toBeLessThan(MAX_READ_CELLS);
  });

  it('takes CHUNK_CELLS at least (a dense recap, an empty one) and MAX_READ_CELLS at most', () => {
    const batch = (rows: number, cols: number, v: CellValue) =>
      firstBatch({ grid: grid(rows, cols, v) } as never);
    expect(batch(10, 10, 'x'.repeat(500))).toBe(CHUNK_CELLS);
    expect(batch(0, 0, '')).toBe(CHUNK_CELLS);
    // One digit: 2 bytes a cell, 1.9 million cells by the budget.
    expect(batch(10, 10, 1)).toBe(MAX_READ_CELLS);
  });
});

describe('a batch of "Buat Ringkasan"', () => {
  const piece = (sheet: number, top: number, left: number, bottom: number, right: number) => ({
    sheet,
    area: { top, left, bottom, right },
  });

  it('takes whole sheets while they fit, the one that fits exactly included', () => {
    const pending = [piece(0, 1, 1, 10, 5), piece(1, 3, 2, 7, 4), piece(2, 1, 1, 1, 1)];
    // 50 + 15 cells: exactly the budget.
    expect(take(pending, 65)).toEqual([piece(0, 1, 1, 10, 5), piece(1, 3, 2, 7, 4)]);
    expect(pending).toEqual([piece(2, 1, 1, 1, 1)]);
  });

  it('splits the sheet that does not fit by rows, the rest first in line for the next batch', () => {
    const pending = [piece(0, 1, 1, 10, 5), piece(1, 3, 2, 22, 4)];
    // 50 cells, then 5 rows of 3 cells: 65.
    expect(take(pending, 66)).toEqual([piece(0, 1, 1, 10, 5), piece(1, 3, 2, 7, 4)]);
    expect(pending).toEqual([piece(1, 8, 2, 22, 4)]);
    expect(take(pending, 6)).toEqual([piece(1, 8, 2, 9, 4)]);
    expect(pending).toEqual([piece(1, 10, 2, 22, 4)]);
  });

  it('takes no part of a row past the budget once it holds something', () => {
    const pending = [piece(0, 1, 1, 2, 10), piece(1, 1, 1, 5, 10)];
    expect(take(pending, 25)).toEqual([piece(0, 1, 1, 2, 10)]);
    expect(pending).toEqual([piece(1, 1, 1, 5, 10)]);
  });

  it('takes a row wider than the budget alone, and nothing after it', () => {
    const pending = [piece(0, 1, 1, 3, 10), piece(1, 1, 1, 1, 10)];
    expect(take(pending, 4)).toEqual([piece(0, 1, 1, 1, 10)]);
    expect(pending).toEqual([piece(0, 2, 1, 3, 10), piece(1, 1, 1, 1, 10)]);
    const last = [piece(0, 5, 1, 5, 10), piece(1, 1, 1, 1, 10)];
    expect(take(last, 4)).toEqual([piece(0, 5, 1, 5, 10)]);
    expect(last).toEqual([piece(1, 1, 1, 1, 10)]);
  });
});
