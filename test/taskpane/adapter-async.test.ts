/**
 * The adapter where Excel differs from the simulated host as it stands: custom
 * functions calculated asynchronously (#BUSY! first, or a stale result:
 * office-js #6930, #4152), volatile formulas, ledgers too large for settings,
 * ledgers damaged or left by someone else, and reads refused for their size.
 * Where the host calculates at once, the test plays Excel's part on the
 * workbook model between two calls (a thin fake, named as such).
 */
import { createExcelHost, type ExcelHost } from '../../src/sim/host';
import {
  cloneWorkbook,
  workbookOf,
  type SheetModel,
  type WorkbookModel,
} from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import type { Session } from '../../src/taskpane/excel';
import { ledgerSheetName } from '../../src/taskpane/excel/ledger-store';
import { adapterText } from '../../src/taskpane/excel/messages';
import { ui } from '../../src/taskpane/strings';
import { generateRecap } from '../../scripts/bench/generate';
import { sheetOfGrid, smallRecap } from './workbook';

const SHEET = 'Rekap SKM OPP 2025';

let host: ExcelHost;
let uninstall: (() => void) | undefined;

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function open(
  model: WorkbookModel,
  options: Parameters<typeof createExcelHost>[1] = {},
): ExcelHost {
  host = createExcelHost(cloneWorkbook(model), options);
  uninstall = host.install();
  return host;
}

async function validated(): Promise<Session> {
  const v = await excel.validate('id');
  if (!v.ok) throw new Error(`not validated: ${v.message.id}`);
  return v.value;
}

/** Fake of Excel's asynchronous calculation: every custom-function cell shows #BUSY! until done() gives back its result. */
function calculating(sheet: SheetModel, shown = '#BUSY!'): { done(): void } {
  const results = new Map<string, string | number | boolean>();
  for (const [key, cell] of Object.entries(sheet.cells)) {
    if (!cell.formula?.startsWith('=SKM.')) continue;
    results.set(key, cell.value);
    cell.value = shown;
  }
  expect(results.size).toBeGreaterThan(3);
  return {
    done() {
      for (const [key, value] of results) sheet.cells[key].value = value;
    },
  };
}

const settingsBytes = () => JSON.stringify(host.model.settings).length;

describe('custom functions that Excel calculates asynchronously', () => {
  it('"Kolom Rumus", a validation while its cells are #BUSY!, then "Tandai di Lembar" and "Tulis Rata-rata Kabupaten" write', async () => {
    open(smallRecap());
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const calc = calculating(host.model.sheets[0]);
    // The pane validates again right after "Kolom Rumus": it reads the helper cells as #BUSY!.
    const session = await validated();
    calc.done();
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
    const again = await validated();
    expect(await excel.writeDistrictLine(again)).toMatchObject({ ok: true });
    expect(host.model.sheets[0].cells['9,1'].value).toBe('RATA-RATA KABUPATEN');
  });

  it("writes when a custom function's result read at validation was stale and has changed since", async () => {
    open(smallRecap());
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const calc = calculating(host.model.sheets[0], 'lama');
    const session = await validated();
    calc.done();
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
  });

  it('still refuses to write when a person typed over a cell that was #BUSY!', async () => {
    open(smallRecap());
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    calculating(host.model.sheets[0]);
    const session = await validated();
    const busy = Object.entries(host.model.sheets[0].cells).find(([, c]) => c.value === '#BUSY!')!;
    host.model.sheets[0].cells[busy[0]] = { value: 7 };
    const before = cloneWorkbook(host.model);
    const marked = await excel.markFindings(session);
    expect(marked.ok).toBe(false);
    expect(!marked.ok && marked.message.id).toMatch(/berubah sejak divalidasi/);
    expect(host.model).toEqual(before);
  });
});

describe('a recap holding =NOW()', () => {
  function withNow(): WorkbookModel {
    const model = smallRecap();
    // A date stamp next to the title, as staff put one: Excel recalculates it at every change.
    model.sheets[0].cells['1,5'] = { value: 46000.25, formula: '=NOW()' };
    return model;
  }
  const tick = (v: number) => (host.model.sheets[0].cells['1,5'].value = v);

  it('marks and writes the district line although NOW() moved since the validation', async () => {
    open(withNow());
    const session = await validated();
    tick(46000.26);
    expect(await excel.markFindings(session)).toMatchObject({ ok: true });
    const again = await validated();
    tick(46000.27);
    expect(await excel.writeDistrictLine(again)).toMatchObject({ ok: true });
  });

  it('still refuses when a constant changed', async () => {
    open(withNow());
    const session = await validated();
    tick(46000.26);
    host.editCell(SHEET, 'N7', 90.1);
    const marked = await excel.markFindings(session);
    expect(marked).toEqual({ ok: false, message: ui.changedSinceRead(SHEET, 'N7') });
  });
});

describe('ledgers', () => {
  it('keeps a large ledger on a very hidden sheet, settings small, and undoes it after reopening on another computer', async () => {
    const generated = generateRecap(1500);
    open(workbookOf(sheetOfGrid(generated.grid)));
    const before = cloneWorkbook(host.model);
    const name = generated.grid.name;
    expect((await excel.addFormulaColumns(await validated())).ok).toBe(true);
    const hidden = host.model.sheets.find((s) => s.name === ledgerSheetName('formulas', name));
    expect(hidden?.visibility).toBe('VeryHidden');
    expect(settingsBytes()).toBeLessThan(1_000);
    expect(host.stats.maxRequestBytes).toBeLessThan(4_000_000);
    // The pane still finds the recap, and not on the ledger sheet.
    expect((await validated()).sheet).toBe(name);

    // The file saved, opened elsewhere: a new host on a copy of the workbook.
    const saved = cloneWorkbook(host.model);
    uninstall?.();
    open(saved);
    expect(await excel.ledgersOf(name)).toMatchObject({ formulas: true });
    expect(await excel.undo('formulas', name)).toMatchObject({
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
  it('reads every sheet in batches, halving a batch Excel refuses for its size', async () => {
    const generated = generateRecap(1500);
    // A host that refuses responses over 600 kB: the first batches of 40,000 cells are too large.
    open(workbookOf(sheetOfGrid(generated.grid)), { payloadLimitBytes: 250_000 });
    const session = await validated();
    host.stats.reset();
    const written = await excel.writeSummary(session);
    expect(written).toMatchObject({ ok: true, value: { sheet: 'Ringkasan SKM' } });
    const syncs = host.stats.operations.filter((o) => /^sync #/.test(o));
    // Refused, then read in halves: every answered response under the host's limit.
    expect(syncs.filter((l) => l.includes('failed')).length).toBeGreaterThan(0);
    const answered = syncs.filter((l) => !l.includes('failed'));
    expect(answered.every((l) => Number(/response (\d+) B/.exec(l)?.[1]) <= 250_000)).toBe(true);
    expect(host.model.sheets.some((s) => s.name === 'Ringkasan SKM')).toBe(true);
  }, 300_000);
});
