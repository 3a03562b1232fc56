/**
 * Where a ledger is kept (src/taskpane/excel/ledger-store.ts), at its edges: which settings are
 * followed to a sheet, how a ledger on a sheet is read back within Excel's response limit and
 * what a failed read means, and how a ledger is planned. What StrykerJS's first run of the module
 * found unguarded (docs/testing.md). The reads go through a small recording context standing for
 * Excel: the settings, the ledger's sheet, and each sync, which a test may make fail.
 */
import { RESPONSE_BUDGET, RESPONSE_OVERHEAD, utf8Length } from '../../src/taskpane/excel/budget';
import {
  INLINE_BYTES,
  MAX_INLINE,
  MAX_LEDGER_BYTES,
  PART_CHARS,
  hash,
  isLedgerSheet,
  ledgerSheetName,
  planLedger,
  planText,
  queueLedger,
  type Loaded,
} from '../../src/taskpane/excel/ledger-store';
import { adapterText } from '../../src/taskpane/excel/messages';
import { LEDGER_VERSION, ledgerKey, type Ledger } from '../../src/taskpane/ledger';

const SHEET = 'Rekap SKM OPP 2025';
const KEY = ledgerKey('marks', SHEET);
const LEDGER_SHEET = ledgerSheetName('marks', SHEET);

/** A marks ledger of `units` noted cells, each note `noteChars` long. */
function ledgerOf(units: number, noteChars = 40): Ledger {
  return {
    version: LEDGER_VERSION,
    kind: 'marks',
    sheet: SHEET,
    createdAt: '2026-12-03T10:00:00.000Z',
    fills: Array.from({ length: units }, (_, i) => ({
      address: `N${i + 3}`,
      before: null,
      after: '#F4B6B6',
    })),
    cells: Array.from({ length: units }, (_, i) => ({
      address: `U${i + 3}`,
      before: '',
      after: `[Galat] N${i + 3}: ${'x'.repeat(noteChars)}`,
    })),
    insertedRow: null,
  };
}

interface Excelish {
  /** The setting's value as Excel gives it back, or absent. */
  setting?: unknown;
  /** Sheets by name: column A's text, one part a row. */
  sheets: Record<string, string[]>;
  /** An error for the n-th sync (1-based), or nothing. */
  refuse?: (n: number, rows: number) => unknown;
}

/** A context standing for Excel; `reads` records each read of a ledger sheet (top row, rows) and its response's bytes. */
function contextOf(x: Excelish) {
  const reads: { top: number; rows: number; bytes: number }[] = [];
  let syncs = 0;
  let pending: (() => void)[] = [];
  let lastRows = 0;
  const context = {
    workbook: {
      settings: {
        getItemOrNullObject: (key: string) => {
          const item = {
            load: () => item,
            isNullObject: true,
            value: undefined as unknown,
          };
          pending.push(() => {
            item.isNullObject = key !== KEY || x.setting === undefined;
            item.value = item.isNullObject ? undefined : x.setting;
          });
          return item;
        },
        getCount: () => {
          const count = { value: 0 };
          pending.push(() => (count.value = 1));
          return count;
        },
      },
      worksheets: {
        getItem: (name: string) => ({
          getRangeByIndexes: (top: number, col: number, rows: number, cols: number) => {
            if (col !== 0 || cols !== 1) throw new Error('a ledger is read from column A');
            const range = { values: [] as unknown[][], load: () => range };
            lastRows = rows;
            pending.push(() => {
              const sheet = x.sheets[name];
              if (!sheet) throw Object.assign(new Error('not found'), { code: 'ItemNotFound' });
              range.values = Array.from({ length: rows }, (_, i) => [sheet[top + i] ?? '']);
              reads.push({ top, rows, bytes: utf8Length(JSON.stringify(range.values)) });
            });
            return range;
          },
        }),
      },
    },
    async sync() {
      syncs++;
      const ops = pending;
      pending = [];
      const refused = x.refuse?.(syncs, lastRows);
      if (refused) throw refused;
      for (const op of ops) op();
    },
  };
  return { context: context as unknown as Excel.RequestContext, reads, syncs: () => syncs };
}

/** The ledger as queueLedger reads it from this Excel: the first sync, then read(). */
async function load(
  x: Excelish,
): Promise<{ loaded: Loaded; reads: { top: number; rows: number; bytes: number }[] }> {
  const { context, reads } = contextOf(x);
  const handle = queueLedger(context, 'marks', SHEET);
  await context.sync();
  return { loaded: await handle.read(), reads };
}

/** `ledger` kept on its sheet as the add-in plans it: the sheet's rows and the pointer's fields. */
function onSheet(ledger: Ledger) {
  const plan = planLedger(ledger, MAX_INLINE);
  if (!plan.ok) throw new Error('not planned');
  const pointer = {
    store: 'sheet',
    sheet: LEDGER_SHEET,
    parts: plan.parts.length,
    bytes: plan.bytes,
  };
  return { rows: plan.parts, pointer };
}

describe('a setting pointing to a sheet', () => {
  const ledger = ledgerOf(3);
  const { rows, pointer } = onSheet(ledger);

  it('is followed to a ledger sheet of ours, as text or as the object Excel may give back', async () => {
    for (const setting of [JSON.stringify(pointer), pointer]) {
      const { loaded } = await load({ setting, sheets: { [LEDGER_SHEET]: rows } });
      expect(loaded).toEqual({
        state: 'ok',
        ledger: expect.objectContaining({ sheet: SHEET }),
        pointer,
      });
    }
  });

  it('is not followed where it is not a pointer of ours, even to a sheet holding a valid ledger: the ledger is damaged', async () => {
    // The same rows on a sheet staff named, and under the ledger's own name.
    const sheets = { [LEDGER_SHEET]: rows, Catatan: rows };
    const foreign = [
      { ...pointer, store: 'cell' },
      { ...pointer, sheet: 'Catatan' },
      { ...pointer, sheet: 7 },
      { ...pointer, parts: 0 },
      { ...pointer, parts: 0.5 },
      { ...pointer, parts: '1' },
      { sheet: LEDGER_SHEET, parts: 1 },
    ];
    for (const p of foreign) {
      const { loaded, reads } = await load({ setting: JSON.stringify(p), sheets });
      expect(loaded.state).toBe('bad');
      expect(reads).toEqual([]);
    }
    // JSON null, and text that is no JSON: damaged, not a failure.
    for (const setting of ['null', '{"store":"sheet",']) {
      const { loaded } = await load({ setting, sheets });
      expect(loaded.state).toBe('bad');
    }
  });

  it('is read without the byte count an earlier pointer may lack', async () => {
    const { bytes: _bytes, ...older } = pointer;
    for (const p of [older, { ...pointer, bytes: 'many' }, { ...pointer, bytes: 0 }]) {
      const { loaded } = await load({
        setting: JSON.stringify(p),
        sheets: { [LEDGER_SHEET]: rows },
      });
      expect(loaded.state).toBe('ok');
    }
  });

  it('to a sheet that is gone: the ledger is damaged, naming the sheet', async () => {
    const { loaded } = await load({ setting: JSON.stringify(pointer), sheets: {} });
    expect(loaded).toEqual({ state: 'bad', problem: `sheet "${LEDGER_SHEET}" missing`, pointer });
    expect(
      adapterText.ledgerDamaged('marks', SHEET, `sheet "${LEDGER_SHEET}" missing`).id,
    ).toContain(LEDGER_SHEET);
  });
});

describe('a large ledger on its sheet, read back', () => {
  // Notes of three-byte characters (about 9 MB, more than two responses after the first read): a
  // part of 20,000 characters takes about 60,000 bytes.
  const ledger = ledgerOf(5000, 0);
  ledger.cells.forEach((c) => (c.after = `${c.after}${'€'.repeat(600)}`));
  const { rows, pointer } = onSheet(ledger);

  it('is read part by part once each, every response within the budget, the first read sized from the pointer', async () => {
    expect(rows.length).toBeGreaterThan(30);
    const { loaded, reads } = await load({
      setting: JSON.stringify(pointer),
      sheets: { [LEDGER_SHEET]: rows },
    });
    expect(loaded.state).toBe('ok');
    expect(reads.length).toBeGreaterThan(1);
    // Each row once, in order.
    expect(reads.map((r) => [r.top, r.rows])).toEqual(
      reads.map((r, i) => [reads.slice(0, i).reduce((n, p) => n + p.rows, 0), r.rows]),
    );
    expect(reads.reduce((n, r) => n + r.rows, 0)).toBe(rows.length);
    for (const r of reads) expect(r.bytes + RESPONSE_OVERHEAD).toBeLessThanOrEqual(RESPONSE_BUDGET);
    // Not one part a read: each read takes what the budget allows, give or take a part.
    const partBytes = Math.max(...rows.map((t) => utf8Length(JSON.stringify([[t]]))));
    for (const r of reads.slice(0, -1))
      expect(r.bytes + RESPONSE_OVERHEAD + 2 * (partBytes + RESPONSE_OVERHEAD)).toBeGreaterThan(
        RESPONSE_BUDGET / 2,
      );
  });

  it('halves a read Excel refuses for its size, and refuses no part of the ledger for it', async () => {
    // Excel answering at most 8 parts at a time.
    const refuse = (_n: number, n: number) =>
      n > 8 && Object.assign(new Error('too large'), { code: 'ResponsePayloadSizeLimitExceeded' });
    const { loaded, reads } = await load({
      setting: JSON.stringify(pointer),
      sheets: { [LEDGER_SHEET]: rows },
      refuse,
    });
    expect(loaded.state).toBe('ok');
    expect(reads.every((r) => r.rows <= 8)).toBe(true);
    expect(reads.reduce((n, r) => n + r.rows, 0)).toBe(rows.length);
  });

  it('fails with the error of a read that fails for another reason, or for its size a part at a time, instead of calling the ledger missing', async () => {
    const sheets = { [LEDGER_SHEET]: rows };
    const setting = JSON.stringify(pointer);
    const general = Object.assign(new Error('Ada masalah sementara.'), {
      code: 'GeneralException',
    });
    // The first read of the sheet (the second sync) or a later one.
    for (const at of [2, 3]) {
      const failing = { setting, sheets, refuse: (n: number) => n === at && general };
      await expect(load(failing)).rejects.toBe(general);
    }
    // The sheet gone between two reads: not "missing", which would let marking replace the ledger.
    const gone = Object.assign(new Error('not found'), { code: 'ItemNotFound' });
    await expect(load({ setting, sheets, refuse: (n: number) => n === 3 && gone })).rejects.toBe(
      gone,
    );
    const tooLarge = Object.assign(new Error('too large'), {
      code: 'ResponsePayloadSizeLimitExceeded',
    });
    await expect(load({ setting, sheets, refuse: (n: number) => n > 1 && tooLarge })).rejects.toBe(
      tooLarge,
    );
  });
});

describe('how a ledger is planned', () => {
  it('keeps a ledger of up to INLINE_BYTES in its setting while fewer than MAX_INLINE settings are kept', () => {
    const exactly = 'x'.repeat(INLINE_BYTES);
    expect(planText(KEY, exactly, MAX_INLINE - 1)).toMatchObject({
      ok: true,
      inline: exactly,
      parts: [],
    });
    expect(planText(KEY, exactly, MAX_INLINE)).toMatchObject({ ok: true, inline: null });
    const over = planText(KEY, `${exactly}x`, 0);
    expect(over).toMatchObject({ ok: true, inline: null, bytes: INLINE_BYTES + 1 });
    // Bytes, not characters: 30,001 two-byte characters are over.
    expect(planText(KEY, 'é'.repeat(INLINE_BYTES / 2 + 1), 0)).toMatchObject({ inline: null });
  });

  it('cuts a ledger on a sheet into parts of PART_CHARS, none empty', () => {
    for (const chars of [2 * PART_CHARS, 2 * PART_CHARS + 1]) {
      const text = `${'a'.repeat(chars - 1)}z`;
      const plan = planText(KEY, text, MAX_INLINE);
      if (!plan.ok) throw new Error('not planned');
      expect(plan.parts.join('')).toBe(text);
      expect(plan.parts).toHaveLength(Math.ceil(chars / PART_CHARS));
      expect(plan.parts.every((p) => p.length > 0 && p.length <= PART_CHARS)).toBe(true);
    }
  });

  it('refuses a ledger over MAX_LEDGER_BYTES before anything is written, and takes one of exactly that size', () => {
    const exactly = 'x'.repeat(MAX_LEDGER_BYTES);
    expect(planText(KEY, exactly, 0).ok).toBe(true);
    expect(planText(KEY, `${exactly}x`, 0)).toEqual({
      ok: false,
      message: adapterText.ledgerTooLarge(MAX_LEDGER_BYTES + 1),
    });
  });
});

describe('the names of ledger sheets', () => {
  it('are FNV-1a of the kind and sheet, so that a workbook saved by any version finds its ledger', () => {
    // The published test vectors of FNV-1a (32 bits).
    expect(hash('')).toBe('811c9dc5');
    expect(hash('a')).toBe('e40c292c');
    expect(hash('foobar')).toBe('bf9cf968');
  });

  it('are always eight hexadecimal digits, and only such names are taken for ledger sheets', () => {
    const names = Array.from({ length: 300 }, (_, i) => ledgerSheetName('marks', `Rekap ${i}`));
    expect(names.every(isLedgerSheet)).toBe(true);
    // Some hashes begin with zeros: still eight digits.
    expect(names.some((n) => n.endsWith(' 0') || / 0[0-9a-f]{7}$/.test(n))).toBe(true);
    for (const other of [
      `Salinan ${LEDGER_SHEET}`,
      `${LEDGER_SHEET} (2)`,
      LEDGER_SHEET.toUpperCase(),
      'SKM Rekap x 0123abcd',
    ])
      expect(isLedgerSheet(other)).toBe(false);
  });
});
