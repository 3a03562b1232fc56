/**
 * The write queue's budget against the bodies Microsoft's Office.js client
 * really sends: a request it lets through never passes 4,000,000 bytes, also
 * where Office.js splits a large write into pieces of 1,500 cells of its own.
 */
import { cellKey, createWorkbook, type CellModel } from '../../src/sim/model';
import {
  ACTION_BYTES,
  REQUEST_BUDGET,
  WriteQueue,
  payloadBytes,
  utf8Length,
  setFormulas,
  writeBlock,
  writeCells,
  writeFills,
} from '../../src/taskpane/excel/budget';
import { readArea } from '../../src/taskpane/excel/read';
import { readFills } from '../../src/taskpane/excel/verify';
import { openExcel, type OpenedExcel } from './excel-client';

let opened: OpenedExcel | null = null;
afterEach(() => {
  opened?.uninstall();
  opened = null;
});

/** A cell of the sheet the requests wrote into. */
const cell = (row: number, col: number): CellModel | undefined =>
  opened?.host.model.sheets[0].cells[cellKey(row, col)];

/** Runs `write` in one Excel.run and returns the real request sizes the queue's syncs sent. */
async function requests(write: (q: WriteQueue, ws: Excel.Worksheet) => Promise<void>) {
  opened = openExcel(createWorkbook(['Rekap']));
  const wire = opened.wire!;
  const from = wire.log.length;
  await Excel.run(async (context) => {
    const queue = new WriteQueue(context);
    await write(queue, context.workbook.worksheets.getItem('Rekap'));
    await queue.flush();
  });
  return wire.log.slice(from).filter((l) => !l.release);
}

describe('the write queue and the fill reads, through Microsoft client', () => {
  it('keeps formula blocks that Office.js splits under the budget, a national recap in full requests', async () => {
    // Three helper formulas on every other row of 40,000 records, as "Kolom Rumus" writes them.
    const rows = Array.from({ length: 80_000 }, (_, i) =>
      i % 2 === 0
        ? [
            `=SKM.IKM(E${i + 6}:M${i + 7})`,
            `=SKM.KATEGORI(V${i + 6})`,
            `=SKM.PERIKSA(E${i + 6}:M${i + 7}, N${i + 6}, O${i + 6})`,
          ]
        : [null, null, null],
    );
    const sent = await requests((q, ws) => writeBlock(q, ws, 6, 22, rows, setFormulas));
    const sizes = sent.map((l) => l.requestBytes);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(REQUEST_BUDGET);
    // Full requests: all but the last carry at least three quarters of the budget.
    expect(sizes.slice(0, -1).every((b) => b > 0.75 * REQUEST_BUDGET)).toBe(true);
    expect(sizes.length).toBeGreaterThan(1);
    // Every formula where it belongs, the rows between left as they were.
    for (const i of [0, 2, 40_000, 79_998]) {
      expect(cell(6 + i, 22)?.formula).toBe(rows[i][0]);
      expect(cell(6 + i, 24)?.formula).toBe(rows[i][2]);
    }
    expect(cell(7, 22)?.formula).toBeUndefined();
    expect(cell(6 + 80_000, 22)).toBeUndefined();
  }, 120_000);

  it('keeps scattered values and fills under the budget', async () => {
    const cells = Array.from({ length: 30_000 }, (_, i) => ({
      row: 6 + 3 * i,
      col: 5 + (i % 9),
      value: `catatan ${i}: IKM tidak sesuai dengan rata-rata unsur`,
    }));
    // A value of each kind too: text that must stay text, a number, a boolean, and a blank.
    const kinds = [
      { row: 2, col: 2, value: '12/1' },
      { row: 2, col: 3, value: 85.5 },
      { row: 2, col: 4, value: true },
      { row: 2, col: 5, value: null },
    ];
    const sent = await requests(async (q, ws) => {
      ws.getRange('E2').values = [['was here']];
      await writeCells(q, ws, [...cells, ...kinds]);
      await writeFills(
        q,
        ws,
        cells.map((c) => ({ row: c.row, col: c.col, fill: { color: '#F4B6B6' } })),
      );
    });
    expect(Math.max(...sent.map((l) => l.requestBytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
    expect(sent.length).toBeGreaterThan(1);
    for (const c of [cells[0], cells[1], cells[15_000], cells[29_999]]) {
      expect(cell(c.row, c.col)?.value).toBe(c.value);
      expect(cell(c.row, c.col)?.fill).toBe('#F4B6B6');
    }
    // Cells between the written ones (same column, a few rows apart) are left alone.
    expect(cell(7, 5)?.value ?? '').toBe('');
    expect(cell(7, 5)?.fill).toBeUndefined();
    expect(cell(2, 2)?.value).toBe('12/1');
    expect(cell(2, 3)?.value).toBe(85.5);
    expect(cell(2, 4)?.value).toBe(true);
    expect(cell(2, 5)?.value ?? '').toBe('');
  }, 120_000);

  it('reads the fills of scattered cells in requests and responses under the budget', async () => {
    // Single cells four rows apart: each a range of its own, about 650 bytes of request apiece.
    const cells = Array.from({ length: 20_000 }, (_, i) => ({ row: 6 + 4 * i, col: 5 + (i % 9) }));
    let got = 0;
    const sent = await requests(async (_q, ws) => {
      got = (await readFills(ws.context, ws, cells)).size;
    });
    expect(got).toBe(cells.length);
    expect(Math.max(...sent.map((l) => l.requestBytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
    expect(Math.max(...sent.map((l) => l.responseBytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
  }, 120_000);

  it('reads a long column in chunks as large as the budget allows, without running out of stack', async () => {
    // A notes column of a national recap: 300,000 rows, about 22 bytes a cell read with formulas and formats.
    let rows = 0;
    const sent = await requests(async (_q, ws) => {
      const read = await readArea(
        ws.context,
        ws,
        { top: 1, left: 21, bottom: 300_000, right: 21 },
        { formulas: true, formats: true, bytesPerCell: 24 },
      );
      rows = read.values.length;
    });
    expect(rows).toBe(300_000);
    expect(Math.max(...sent.map((l) => l.responseBytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
    // 6.6 MB in all: two reads, the first of about 160,000 rows.
    expect(sent.length).toBe(2);
  }, 120_000);
});

describe('the bytes a request carries', () => {
  it('counts text as UTF-8, as it travels: Indonesian, symbols, emoji', () => {
    for (const text of [
      '',
      'IKM 85,06',
      'Sangat baik ✓',
      'Dinas Kesehatan — 2025',
      '€ 1.000',
      'Nilai 😀 ok',
      '\u00e9\u00e8',
      // Where the UTF-8 length changes: 1 to 2 bytes, 2 to 3, the surrogate pairs' bounds (4 for
      // the pair), and the characters above them (3: private use, the replacement character).
      '\u007f\u0080',
      '\u07ff\u0800',
      '\ud7ff\ud800\udc00',
      '\udbff\udfff',
      '\ue000\ufffd\uffff',
    ])
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('adds what Office.js puts around an action to the JSON of its value', () => {
    expect(payloadBytes('a"b')).toBe(ACTION_BYTES + Buffer.byteLength(JSON.stringify('a"b')));
    expect(payloadBytes(undefined)).toBe(ACTION_BYTES);
  });
});
