/**
 * The write queue and the blocks it writes, against a workbook that records
 * what it is asked (budget-wire.test.ts measures the same code against the
 * bodies Microsoft's client really sends): when a request is sent, what one
 * request refuses, and which ranges scattered cells are written as.
 */
import {
  REQUEST_BUDGET,
  WriteQueue,
  setValues,
  writeBlock,
  writeCells,
  writeFills,
} from '../../src/taskpane/excel/budget';

/** A request context that counts its syncs, and a sheet that records each range written. */
function recorder() {
  const log: string[] = [];
  const written: { address: string; values?: unknown[][]; props?: unknown[][] }[] = [];
  const context = {
    sync: async () => {
      log.push('sync');
    },
  } as unknown as Excel.RequestContext;
  const sheet = {
    getRange: (address: string) => {
      const entry: (typeof written)[number] = { address };
      written.push(entry);
      return {
        set values(v: unknown[][]) {
          entry.values = v;
        },
        setCellProperties(p: unknown[][]) {
          entry.props = p;
        },
      };
    },
  } as unknown as Excel.Worksheet;
  const write = (name: string) => () => log.push(name);
  return { log, written, context, sheet, write };
}

describe('the write queue', () => {
  it('sends actions that fill a request exactly in one sync at the end; one byte more starts a second', async () => {
    const exact = recorder();
    const q = new WriteQueue(exact.context);
    await q.add(REQUEST_BUDGET - 1000, exact.write('a'));
    await q.add(1000, exact.write('b'));
    await q.flush();
    expect(exact.log).toEqual(['a', 'b', 'sync']);

    const over = recorder();
    const q2 = new WriteQueue(over.context);
    await q2.add(REQUEST_BUDGET - 1000, over.write('a'));
    await q2.add(1001, over.write('b'));
    await q2.flush();
    expect(over.log).toEqual(['a', 'sync', 'b', 'sync']);
  });

  it('starts afresh after sending what was queued', async () => {
    const r = recorder();
    const q = new WriteQueue(r.context);
    await q.add(REQUEST_BUDGET - 10, r.write('a'));
    await q.flush();
    await q.add(REQUEST_BUDGET - 10, r.write('b'));
    await q.flush();
    expect(r.log).toEqual(['a', 'sync', 'b', 'sync']);
  });

  it('refuses one action larger than a request may carry, writing nothing, and takes one of exactly that size', async () => {
    const r = recorder();
    const q = new WriteQueue(r.context);
    await expect(q.add(REQUEST_BUDGET + 1, r.write('big'))).rejects.toThrow(
      `one action of ${REQUEST_BUDGET + 1} bytes passes the budget`,
    );
    await q.add(REQUEST_BUDGET, r.write('full'));
    expect(r.log).toEqual(['full']);
  });
});

describe('blocks of rows', () => {
  it('writes nothing for no rows', async () => {
    const r = recorder();
    await writeBlock(new WriteQueue(r.context), r.sheet, 6, 22, [], setValues);
    expect(r.written).toEqual([]);
  });

  it('writes a row larger than a block alone, whole, and the rows after it in a piece of their own', async () => {
    const r = recorder();
    // 1,200 cells of 1,000 characters: 1.2 MB, more than one block may carry.
    const big = Array.from({ length: 1200 }, () => 'x'.repeat(1000));
    await writeBlock(new WriteQueue(r.context), r.sheet, 6, 1, [big, ['kecil']], setValues);
    expect(r.written.map((w) => [w.address, w.values?.length, w.values?.[0].length])).toEqual([
      ['A6:ATD6', 1, 1200],
      ['A7:A7', 1, 1],
    ]);
  });

  it('writes cells of a column up to 50 rows apart as one range, bridged with nulls; 51 apart as two', async () => {
    const r = recorder();
    const q = new WriteQueue(r.context);
    await writeCells(q, r.sheet, [
      { row: 6, col: 22, value: 'a' },
      { row: 8, col: 22, value: 'b' },
      { row: 58, col: 22, value: 'c' },
      { row: 109, col: 22, value: 'd' },
      // A blank to write clears its cell (null leaves a cell as it is in Excel).
      { row: 6, col: 23, value: null },
      { row: 7, col: 23, value: undefined },
    ]);
    // Text goes with Excel's text prefix, so that it stays the text it was.
    expect(r.written.map((w) => w.address)).toEqual(['V6:V58', 'V109:V109', 'W6:W7']);
    const rows = r.written[0].values!;
    expect([rows.length, rows[0], rows[1], rows[2], rows[52]]).toEqual([
      53,
      ["'a"],
      [null],
      ["'b"],
      ["'c"],
    ]);
    expect(r.written[1].values).toEqual([["'d"]]);
    expect(r.written[2].values).toEqual([[''], ['']]);
  });

  it('writes the fills of cells in nearby rows as one block of the columns they span, leaving the cells between as they are', async () => {
    const r = recorder();
    const red = { color: '#F4B6B6' };
    await writeFills(new WriteQueue(r.context), r.sheet, [
      { row: 7, col: 7, fill: red },
      { row: 6, col: 5, fill: red },
      { row: 6, col: 6, fill: null },
    ]);
    expect(r.written.map((w) => w.address)).toEqual(['E6:G7']);
    const props = r.written[0].props!;
    expect(props.map((row) => row.map((p) => JSON.stringify(p) !== '{}'))).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
  });
});
