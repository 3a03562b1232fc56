/**
 * "Buat Ringkasan" over a sheet "Ringkasan SKM" staff made themselves, and "Pulihkan Ringkasan
 * Lama" (src/taskpane/summary-undo.ts), through Microsoft's Office.js client over the simulated
 * Excel: the pane promises the old sheet is kept hidden and can be put back.
 */
import { analyseSheet } from '../../src/engine/analyse';
import { summarise } from '../../src/engine/summary';
import { cellKey, cloneWorkbook, sheetFromRows, type WorkbookModel } from '../../src/sim/model';
import { adapterText } from '../../src/taskpane/excel/messages';
import * as excel from '../../src/taskpane/excel';
import { SUMMARY_SHEET, summaryLayout } from '../../src/engine/summary-sheet';
import {
  restoreSummary,
  SUMMARY_BACKUP,
  summaryState,
  writeSummaryKeepingOld,
} from '../../src/taskpane/summary-undo';
import { ui } from '../../src/taskpane/strings';
import { excelPerTest } from './excel-client';
import { ledgerSheetName } from '../../src/taskpane/excel/ledger-store';
import { recap } from '../engine/grid';
import { SMALL_UNITS, smallRecap, withSettingsFull } from './workbook';

const excelApp = excelPerTest();
const { open, validated } = excelApp;

const sheet = (name: string) => excelApp.host.model.sheets.find((s) => s.name === name);
const STAFF_ROWS = [['Ringkasan untuk Bupati (disusun Bu Rina)'], ['IKM Kabupaten', 84.2]];

function withStaffSummary(): WorkbookModel {
  const model = smallRecap();
  model.sheets.push(sheetFromRows(SUMMARY_SHEET, STAFF_ROWS));
  return model;
}

describe('a "Ringkasan SKM" staff made themselves', () => {
  it('is asked about, then kept hidden when replaced', async () => {
    open(withStaffSummary());
    expect(await summaryState()).toEqual({
      exists: true,
      edited: true,
      known: false,
      backup: false,
    });
    const written = await writeSummaryKeepingOld(await validated());
    expect(written).toMatchObject({ ok: true, value: { sheet: SUMMARY_SHEET, kept: true } });
    expect(sheet(SUMMARY_BACKUP)?.visibility).toBe('VeryHidden');
    expect(sheet(SUMMARY_BACKUP)?.cells['1,1'].value).toBe(STAFF_ROWS[0][0]);
    expect(sheet(SUMMARY_SHEET)?.cells['1,1'].value).not.toBe(STAFF_ROWS[0][0]);
    expect(await summaryState()).toMatchObject({ exists: true, edited: false, known: true });
  });

  it('outlives summaries written after it, and comes back with "Pulihkan Ringkasan Lama"', async () => {
    open(withStaffSummary());
    const session = await validated();
    expect((await writeSummaryKeepingOld(session)).ok).toBe(true);
    // Our summary, unedited, written again (a click later, or after a fix): no question is asked,
    // and the staff's sheet must still be the one kept.
    expect(await summaryState()).toMatchObject({ edited: false, backup: true });
    expect((await writeSummaryKeepingOld(session)).ok).toBe(true);
    expect((await writeSummaryKeepingOld(session)).ok).toBe(true);
    expect(sheet(SUMMARY_BACKUP)?.cells['1,1'].value).toBe(STAFF_ROWS[0][0]);

    expect(await restoreSummary()).toEqual({ ok: true, value: { sheet: SUMMARY_SHEET } });
    expect(sheet(SUMMARY_SHEET)?.visibility).toBe('Visible');
    expect(sheet(SUMMARY_SHEET)?.cells['1,1'].value).toBe(STAFF_ROWS[0][0]);
    expect(sheet(SUMMARY_SHEET)?.cells['2,2'].value).toBe(84.2);
    expect(sheet(SUMMARY_BACKUP)).toBeUndefined();
  });
});

describe('summaries SKM Rekap wrote', () => {
  it('keeps the one before the last as the backup, and puts it back', async () => {
    open(smallRecap());
    const session = await validated();
    expect(await writeSummaryKeepingOld(session)).toMatchObject({
      ok: true,
      value: { kept: false },
    });
    const first = JSON.stringify(sheet(SUMMARY_SHEET)?.cells);
    expect(await writeSummaryKeepingOld(session)).toMatchObject({
      ok: true,
      value: { kept: true },
    });
    expect(JSON.stringify(sheet(SUMMARY_BACKUP)?.cells)).toBe(first);
    // The same recap gives the same summary: the hidden backup is read as no unit list or recap.
    expect(JSON.stringify(sheet(SUMMARY_SHEET)?.cells)).toBe(first);
    expect((await restoreSummary()).ok).toBe(true);
    expect(JSON.stringify(sheet(SUMMARY_SHEET)?.cells)).toBe(first);
  });
});

describe('the other sheets "Buat Ringkasan" reads', () => {
  it('leaves out a sheet too large to be a recap (a value in its last cell) and still writes the summary', async () => {
    const model = smallRecap();
    const notes = sheetFromRows('Catatan Rapat', [['Rapat evaluasi SKM']]);
    notes.cells['1048576,16384'] = { value: 'akhir' };
    model.sheets.push(notes);
    open(model);
    const written = await excel.writeSummary(await validated());
    expect(written).toMatchObject({ ok: true, value: { sheet: SUMMARY_SHEET } });
    expect(sheet('Catatan Rapat')?.cells['1048576,16384'].value).toBe('akhir');
    expect(excelApp.host.stats.maxResponseBytes).toBeLessThan(4_000_000);
  });

  it('is never asked of a recap too large to read: its validation refuses, in one line', async () => {
    const model = smallRecap();
    model.sheets[0].cells['1048576,16384'] = { value: 'akhir' };
    open(model);
    // The validation itself refuses such a sheet: the summary never gets a session for it.
    expect(await excel.validate('id')).toEqual({
      ok: false,
      message: ui.sheetTooLarge(model.sheets[0].name, 1_048_576 * 16_384),
    });
  });

  it("never reads the add-in's own sheets (a ledger kept on a sheet, the summary it replaces) as data", async () => {
    open(withSettingsFull(smallRecap()));
    const session = await validated();
    expect((await excel.markFindings(session)).ok).toBe(true);
    expect((await excel.writeSummary(await validated())).ok).toBe(true);
    const ledger = ledgerSheetName('marks', session.sheet);
    expect(sheet(ledger)?.visibility).toBe('VeryHidden');
    const again = await validated();
    excelApp.host.stats.reset();
    expect((await excel.writeSummary(again)).ok).toBe(true);
    const reads = excelApp.host.stats.operations.filter((o) => o.includes('.load('));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((o) => o.includes(ledger) || o.includes(`'${SUMMARY_SHEET}'!`))).toEqual(
      [],
    );
  });

  it('summarises the recap it validated when another sheet comes first in the workbook', async () => {
    const model = smallRecap();
    model.sheets.unshift(sheetFromRows('Petunjuk', [['Cara mengisi rekap SKM'], ['Isi per unit']]));
    model.activeSheet = model.sheets[1].name;
    const host = open(model);
    const written = await excel.writeSummary(await validated());
    expect(written).toMatchObject({ ok: true, value: { sheet: SUMMARY_SHEET } });
    // Right after the recap it summarises, not after the first sheet.
    expect(host.model.sheets.map((s) => s.name)).toEqual([
      'Petunjuk',
      model.sheets[1].name,
      SUMMARY_SHEET,
    ]);
    // The recap's summary, number for number, as the engine makes it from the recap's grid.
    const grid = recap(SMALL_UNITS).grid;
    const analysis = analyseSheet(grid);
    if (!analysis.ok) throw new Error(analysis.problem.message.en);
    const layout = summaryLayout(summarise(analysis, [grid]));
    const numbers = layout.cells.filter((c) => typeof c.value === 'number');
    expect(numbers.length).toBeGreaterThan(9);
    for (const c of numbers)
      expect([c.row, c.col, sheet(SUMMARY_SHEET)!.cells[cellKey(c.row, c.col)]?.value]).toEqual([
        c.row,
        c.col,
        c.value,
      ]);
  });

  it("refuses with the reader's own message when the recap no longer holds a table, writing nothing", async () => {
    const model = smallRecap();
    open(model);
    const session = await validated();
    // The header rows cleared after "Validasi Rekap": what is left is no recap table.
    for (const key of Object.keys(excelApp.host.model.sheets[0].cells))
      if (Number(key.split(',')[0]) <= 2) delete excelApp.host.model.sheets[0].cells[key];
    const written = await excel.writeSummary(session);
    expect(written.ok).toBe(false);
    if (written.ok) return;
    // The reader's message, naming the sheet, in both languages.
    expect(written.message.id).toMatch(
      /^Lembar "Rekap SKM OPP 2025" tidak memuat tabel rekap SKM: /,
    );
    expect(written.message.en).toMatch(/^Sheet "Rekap SKM OPP 2025" holds no SKM recap table: /);
    expect(sheet(SUMMARY_SHEET)).toBeUndefined();
  });

  it('refuses, naming the recap, when the recap has grown too large since it was validated', async () => {
    open(smallRecap());
    const session = await validated();
    // Something typed in the sheet's far corner after "Validasi Rekap".
    excelApp.host.editCell(session.sheet, 'CV1048576', 1);
    expect(await excel.writeSummary(session)).toEqual({
      ok: false,
      message: ui.sheetTooLarge(session.sheet, 1_048_576 * 100),
    });
    expect(sheet(SUMMARY_SHEET)).toBeUndefined();
  });

  it('refuses, naming the sheet, when the recap itself is on a sheet named "Ringkasan SKM", writing nothing', async () => {
    // "Validasi Rekap" reads it as any recap; a summary would replace it.
    const host = open(smallRecap({ sheet: SUMMARY_SHEET }));
    const before = cloneWorkbook(host.model);
    expect(await excel.writeSummary(await validated())).toEqual({
      ok: false,
      message: adapterText.recapNamedAsSummary(SUMMARY_SHEET),
    });
    expect(host.model).toEqual(before);
  });
});
