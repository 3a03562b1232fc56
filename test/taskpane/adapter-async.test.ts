/**
 * The adapter where Excel differs from a kind simulation, through Microsoft's
 * Office.js client over the simulated workbook: custom functions calculated
 * asynchronously (#BUSY! first, or a stale result: office-js #6930, #4152,
 * src/sim/calculation.ts), volatile formulas recalculated at every change,
 * ledgers too large for settings, ledgers damaged or left by someone else, and
 * reads refused for their size.
 */
import type { ExcelHost } from '../../src/sim/host';
import { cloneWorkbook, sheetFromRows, workbookOf, type WorkbookModel } from '../../src/sim/model';
import type { OfficeJsOptions } from '../../src/sim/officejs';
import { SKM_FUNCTIONS } from '../../src/preview/functions';
import * as excel from '../../src/taskpane/excel';
import type { Session } from '../../src/taskpane/excel';
import { ledgerSheetName } from '../../src/taskpane/excel/ledger-store';
import { adapterText } from '../../src/taskpane/excel/messages';
import { ui } from '../../src/taskpane/strings';
import { generateRecap } from '../../scripts/bench/generate';
import { addinSyncs, openExcel, requestLines } from './excel-client';
import { sheetOfGrid, smallRecap } from './workbook';

const SHEET = 'Rekap SKM OPP 2025';

let host: ExcelHost;
let uninstall: (() => void) | undefined;

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

/** A copy of the workbook in a fresh simulated Excel, driven by Microsoft's client. */
function open(model: WorkbookModel, options: OfficeJsOptions = {}): ExcelHost {
  const opened = openExcel(model, options);
  host = opened.host;
  uninstall = opened.uninstall;
  return host;
}

async function validated(): Promise<Session> {
  const v = await excel.validate('id');
  if (!v.ok) throw new Error(`not validated: ${v.message.id}`);
  return v.value;
}

const settingsBytes = () => JSON.stringify(host.model.settings).length;

/** Excel's calculation of the SKM functions, asynchronous as in Excel: results come a little after the request. */
const ASYNC: OfficeJsOptions = { customFunctions: SKM_FUNCTIONS, customFunctionDelayMs: 20 };

/** The custom-function cells of the recap sheet and what they show. */
function functionCells(): [string, unknown][] {
  return Object.entries(host.model.sheets[0].cells)
    .filter(([, c]) => c.formula?.startsWith('=SKM.'))
    .map(([k, c]) => [k, c.value]);
}

/** Resolves when the simulated Excel has delivered its late custom-function results. */
function calculated(): Promise<void> {
  return new Promise((resolve) => {
    const stop = host.subscribe(() => {
      if (functionCells().some(([, v]) => v === '#BUSY!')) return;
      stop();
      resolve();
    });
  });
}

describe('custom functions that Excel calculates asynchronously', () => {
  it('"Kolom Rumus", a validation while its cells are #BUSY!, then "Tandai di Lembar" and "Tulis Rata-rata Kabupaten" write', async () => {
    open(smallRecap(), ASYNC);
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const done = calculated();
    // The pane validates again right after "Kolom Rumus": it reads the helper cells as #BUSY!.
    const session = await validated();
    const busy = functionCells().filter(([, v]) => v === '#BUSY!');
    expect(busy.length).toBeGreaterThan(3);
    expect(session.grid.values.flat()).toContain('#BUSY!');
    await done;
    expect(functionCells().filter(([, v]) => v === '#BUSY!')).toEqual([]);
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
    const again = await validated();
    expect(await excel.writeDistrictLine(again)).toMatchObject({ ok: true });
    expect(host.model.sheets[0].cells['9,1'].value).toBe('RATA-RATA KABUPATEN');
  });

  it('writes while the results are still being calculated (#BUSY! when validated and when written)', async () => {
    // Slower functions: the marks are written before any result arrives.
    open(smallRecap(), { ...ASYNC, customFunctionDelayMs: 2_000 });
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const session = await validated();
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
    expect(functionCells().some(([, v]) => v === '#BUSY!')).toBe(true);
  });

  it("writes when a custom function's result read at validation was stale: a saved workbook Excel recalculates on opening", async () => {
    // Saved by an Excel whose SKM functions gave another result (an older add-in): its cached values.
    open(smallRecap(), {
      customFunctions: Object.fromEntries(Object.keys(SKM_FUNCTIONS).map((k) => [k, () => 'lama'])),
      behaviours: { asyncCustomFunctions: false },
    });
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const saved = cloneWorkbook(host.model);
    uninstall?.();
    open(saved, ASYNC);
    const session = await validated();
    expect(functionCells().every(([, v]) => v === 'lama')).toBe(true);
    // Excel calculates after the first request; the results differ from what was validated.
    await new Promise((resolve) => host.subscribe(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(functionCells().some(([, v]) => v !== 'lama')).toBe(true);
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
  });

  it('still refuses to write when a person typed over a cell that was #BUSY!', async () => {
    open(smallRecap(), ASYNC);
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const session = await validated();
    const [key] = functionCells().find(([, v]) => v === '#BUSY!')!;
    const [row, col] = key.split(',').map(Number);
    const address = `${String.fromCharCode(64 + col)}${row}`;
    host.editCell(SHEET, address, 7);
    await calculated();
    const before = cloneWorkbook(host.model);
    const marked = await excel.markFindings(session);
    expect(marked.ok).toBe(false);
    expect(!marked.ok && marked.message.id).toMatch(/berubah sejak divalidasi/);
    expect(host.model).toEqual(before);
  });
});

describe('a recap holding =NOW()', () => {
  /** A date stamp next to the title, as staff put one, and a sheet of notes staff type on. */
  function withNow(): WorkbookModel {
    const model = smallRecap();
    model.sheets[0].cells['1,5'] = { value: 46000.25, formula: '=NOW()' };
    model.sheets.push(sheetFromRows('Catatan', [['Rapat']]));
    return model;
  }
  const now = () => host.model.sheets[0].cells['1,5'].value;

  it('marks and writes the district line although NOW() moved since the validation', async () => {
    open(withNow(), ASYNC);
    const session = await validated();
    const first = now();
    // Someone types on another sheet: Excel recalculates NOW() on every sheet.
    host.editCell('Catatan', 'A2', 'Rapat kedua');
    expect(now()).not.toBe(first);
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
    const again = await validated();
    host.editCell('Catatan', 'A3', 'Rapat ketiga');
    expect(await excel.writeDistrictLine(again)).toMatchObject({ ok: true });
    expect(host.model.sheets[0].cells['9,1'].value).toBe('RATA-RATA KABUPATEN');
  });

  it('"Kolom Rumus" then both writes, with NOW() and asynchronous functions together', async () => {
    open(withNow(), ASYNC);
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const session = await validated();
    await calculated();
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
    const again = await validated();
    host.editCell('Catatan', 'A2', 'Rapat kedua');
    expect(await excel.writeDistrictLine(again)).toMatchObject({ ok: true });
  });

  it('still refuses when a constant changed', async () => {
    open(withNow(), ASYNC);
    const session = await validated();
    host.editCell(SHEET, 'N7', 90.1);
    const marked = await excel.markFindings(session);
    expect(marked).toEqual({ ok: false, message: ui.changedSinceRead(SHEET, 'N7') });
  });
});

describe('ledgers', () => {
  it('keeps a large ledger on a very hidden sheet, settings small, and undoes it after reopening on another computer', async () => {
    // Every record faulty: a note on each, a marks ledger far over what a setting keeps.
    const generated = generateRecap(1500, 2025, 1);
    open(workbookOf(sheetOfGrid(generated.grid)));
    const before = cloneWorkbook(host.model);
    const name = generated.grid.name;
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    const hidden = host.model.sheets.find((s) => s.name === ledgerSheetName('marks', name));
    expect(hidden?.visibility).toBe('VeryHidden');
    expect(settingsBytes()).toBeLessThan(1_000);
    expect(host.stats.maxRequestBytes).toBeLessThan(4_000_000);
    // The pane still finds the recap, and not on the ledger sheet.
    expect((await validated()).sheet).toBe(name);

    // The file saved, opened elsewhere: a new host on a copy of the workbook.
    const saved = cloneWorkbook(host.model);
    uninstall?.();
    open(saved);
    expect(await excel.ledgersOf(name)).toMatchObject({ marks: true });
    expect(await excel.undo('marks', name)).toMatchObject({
      ok: true,
      value: { keptChanged: [] },
    });
    expect(host.model).toEqual(before);
  }, 300_000);

  it('reports a damaged ledger without touching the sheet, and still undoes a valid one of another kind', async () => {
    open(smallRecap());
    const before = cloneWorkbook(host.model);
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    host.model.settings[`skmRekap.marks.${SHEET}`] = JSON.stringify('{"version":2,"kind":');
    const withFormulas = cloneWorkbook(host.model);
    expect(await excel.ledgersOf(SHEET)).toMatchObject({ marks: true, formulas: true });
    expect(await excel.undo('marks', SHEET)).toEqual({
      ok: false,
      message: adapterText.ledgerDamaged('marks', SHEET, 'not JSON'),
    });
    expect(host.model).toEqual(withFormulas);
    expect(await excel.undo('formulas', SHEET)).toMatchObject({ ok: true });
    delete host.model.settings[`skmRekap.marks.${SHEET}`];
    expect(host.model).toEqual(before);
  });

  it('reports a ledger whose very hidden sheet is gone, touching nothing, and marks over it afresh', async () => {
    open(smallRecap());
    const before = cloneWorkbook(host.model);
    // The setting still points at the ledger's sheet, which someone removed (with a macro: a very
    // hidden sheet is not in Excel's "Unhide" list).
    const gone = ledgerSheetName('marks', SHEET);
    // (The model keeps a setting's value as JSON; the add-in's value is the pointer's JSON text.)
    host.model.settings[`skmRekap.marks.${SHEET}`] = JSON.stringify(
      JSON.stringify({ store: 'sheet', sheet: gone, parts: 1, bytes: 200 }),
    );
    const pointing = cloneWorkbook(host.model);
    expect(await excel.ledgersOf(SHEET)).toMatchObject({ marks: true });
    expect(await excel.undo('marks', SHEET)).toEqual({
      ok: false,
      message: adapterText.ledgerDamaged('marks', SHEET, `sheet "${gone}" missing`),
    });
    expect(host.model).toEqual(pointing);
    // Marking does not trust it: its own ledger replaces the pointer, and "Hapus Tanda" undoes it all.
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect(await excel.undo('marks', SHEET)).toMatchObject({
      ok: true,
      value: { keptChanged: [] },
    });
    expect(host.model).toEqual(before);
  });

  it('reports a ledger written for another sheet, and marks over a foreign ledger without trusting it', async () => {
    open(smallRecap());
    const before = cloneWorkbook(host.model);
    const foreign = {
      version: 2,
      kind: 'marks',
      sheet: 'Lain',
      createdAt: 'x',
      fills: [{ cells: 'A1:A9', before: null, after: '#F4B6B6' }],
      cells: [],
      insertedRow: null,
    };
    host.model.settings[`skmRekap.marks.${SHEET}`] = JSON.stringify(JSON.stringify(foreign));
    const undone = await excel.undo('marks', SHEET);
    expect(undone).toEqual({
      ok: false,
      message: adapterText.ledgerDamaged('marks', SHEET, 'sheet "Lain"'),
    });
    expect(!undone.ok && undone.message.en).toMatch(/not SKM Rekap's/);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    // The foreign ledger is gone with the marks; the sheet is as it was.
    expect(host.model.sheets).toEqual(before.sheets);
    expect(host.model.settings).toEqual({});
  });
});

describe('one write at a time', () => {
  it('refuses a second write while one runs (the ribbon and the pane share one page), then writes again', async () => {
    open(smallRecap());
    const session = await validated();
    const [first, second] = await Promise.all([
      excel.markFindings(session),
      excel.writeDistrictLine(session),
    ]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual({ ok: false, message: adapterText.busy() });
    expect(await excel.writeDistrictLine(await validated())).toMatchObject({ ok: true });
  });
});

describe('"Buat Ringkasan" on a large workbook', () => {
  it('reads a recap of 3,000 units in one batch sized from its bytes: three syncs in all', async () => {
    const generated = generateRecap(3000);
    open(workbookOf(sheetOfGrid(generated.grid)));
    const session = await validated();
    host.stats.reset();
    expect(await excel.writeSummary(session)).toMatchObject({ ok: true });
    // The sheets and the recap's used range, its values (over CHUNK_CELLS cells), the summary written.
    expect(session.grid.values.length * session.grid.values[0].length).toBeGreaterThan(
      excel.CHUNK_CELLS,
    );
    expect(addinSyncs(host)).toBe(3);
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(4_000_000);
  }, 300_000);

  it('reads every sheet in batches, halving a batch Excel refuses for its size', async () => {
    const generated = generateRecap(1500);
    // A host that refuses responses over 250 kB: the first batches of 40,000 cells are too large.
    open(workbookOf(sheetOfGrid(generated.grid)), { payloadLimitBytes: 250_000 });
    const session = await validated();
    host.stats.reset();
    const written = await excel.writeSummary(session);
    expect(written).toMatchObject({ ok: true, value: { sheet: 'Ringkasan SKM' } });
    const syncs = requestLines(host);
    // Refused, then read in halves: every answered response under the host's limit.
    expect(
      syncs.filter((l) => l.includes('failed (ResponsePayloadSizeLimitExceeded)')).length,
    ).toBeGreaterThan(0);
    const answered = syncs.filter((l) => !l.includes('failed'));
    expect(answered.every((l) => Number(/response (\d+) B/.exec(l)?.[1]) <= 250_000)).toBe(true);
    expect(host.model.sheets.some((s) => s.name === 'Ringkasan SKM')).toBe(true);
  }, 300_000);
});
