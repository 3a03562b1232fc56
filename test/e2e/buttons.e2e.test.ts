/**
 * Every button of the task pane, clicked at least once in the preview on the
 * Banjar recap, with what it does to the workbook (window.__skmHost.model,
 * and at the end the workbook the preview saves, GET /workbook.xlsx), and
 * each write's undo. Buttons are found by role and a name pattern that
 * tolerates small changes of wording and any layout of the pane.
 */
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import type { WorkbookModel } from '../../src/sim/model';
import { launchPreview, type PreviewSession } from './browser';

const SHEET = 'Rekap SKM OPP 2025';
const RED = '#F4B6B6';

// Generous: on a loaded machine validating the Banjar recap in the page alone can take half a minute.
const WAIT = 240_000;
jest.setTimeout(2 * WAIT);

let preview: PreviewSession;
let page: Page;
let original: WorkbookModel;

beforeAll(async () => {
  preview = await launchPreview();
  page = preview.page;
  page.setDefaultTimeout(WAIT);
  original = JSON.parse(JSON.stringify(preview.server.model())) as WorkbookModel;
  await page.goto(`${preview.server.url}?latency=5`);
  await page.getByTestId('cell-N92').waitFor();
}, 900_000);

afterAll(async () => {
  await preview?.close();
});

const button = (name: RegExp): Locator => page.getByRole('button', { name });
const BUTTONS = {
  validate: /validasi rekap/i,
  mark: /\btandai\b/i,
  unmark: /hapus tanda\b/i,
  formulas: /^(?!.*hapus).*kolom rumus/i,
  removeFormulas: /hapus kolom rumus/i,
  average: /^\s*tulis rata-rata/i,
  confirm: /tulis sekarang|write now/i,
  restoreAverage: /pulihkan nilai lama|restore old values/i,
  restoreSummary: /pulihkan ringkasan lama|restore (the )?old summary/i,
  summary: /buat ringkasan/i,
};

async function model(): Promise<WorkbookModel> {
  return JSON.parse(
    await page.evaluate(() => JSON.stringify(window.__skmHost!.model)),
  ) as WorkbookModel;
}

/** The recap sheet's cells, without the selection or the settings. */
async function recapCells(): Promise<WorkbookModel['sheets'][number]['cells']> {
  return (await model()).sheets.find((s) => s.name === SHEET)!.cells;
}
const originalCells = () => original.sheets.find((s) => s.name === SHEET)!.cells;

/** Clicks a button and waits until the pane is idle again with a status matching `done`. */
async function click(name: RegExp, done: RegExp): Promise<string> {
  await button(name).click();
  const status = page.getByTestId('status').filter({ hasText: done });
  await status.waitFor();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('button')).every(
      (b) => !/validasi rekap/i.test(b.textContent ?? '') || !b.disabled,
    ),
  );
  return (await status.textContent()) ?? '';
}

/** The number a filter's button gives for its findings ("Galat (27)"). */
async function shownCount(filter: string): Promise<number> {
  const text = (await page.getByTestId(`filter-${filter}`).textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(text)![1]);
}

async function ledgers(): Promise<string[]> {
  return Object.keys((await model()).settings).filter((k) => k.startsWith('skmRekap.'));
}

describe('every button of the pane, and its undo', () => {
  it('"Validasi Rekap" shows the findings and writes nothing', async () => {
    await button(BUTTONS.validate).click();
    await page.getByTestId('finding').first().waitFor();
    // The default filter shows the problems (errors and warnings), grouped by record.
    expect(await shownCount('problems')).toBeGreaterThan(50);
    expect(await page.getByTestId('finding-group').count()).toBeGreaterThan(0);
    expect(await recapCells()).toEqual(originalCells());
    expect(await ledgers()).toEqual([]);
  });

  it('the filters show only the findings of their severity, and "Masalah" errors and warnings', async () => {
    const counted = async (filter: string, word: RegExp) => {
      await page.getByTestId(`filter-${filter}`).click();
      const n = await shownCount(filter);
      if (n > 0) await page.getByTestId('finding').first().waitFor();
      // Each entry's lead finding carries the filter's severity.
      const leads = page.getByTestId('finding-group').locator('[data-testid="finding"]');
      const groups = await page.getByTestId('finding-group').count();
      for (let i = 0; i < groups; i++) expect(await leads.nth(i).textContent()).toMatch(word);
      return n;
    };
    const errors = await counted('error', /^\s*(galat|error)/i);
    const warnings = await counted('warning', /^\s*(peringatan|warning)/i);
    const infos = await counted('info', /^\s*info/i);
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(0);
    expect(infos).toBeGreaterThanOrEqual(0);
    expect(await counted('problems', /^\s*(galat|error|peringatan|warning)/i)).toBe(
      errors + warnings,
    );
    expect(await recapCells()).toEqual(originalCells());
  });

  it('"Tandai di Lembar" fills the offending cells and writes the notes; "Hapus Tanda" puts the sheet back', async () => {
    expect(await click(BUTTONS.mark, /ditandai|marked/)).toMatch(/^87 /);
    const cells = await recapCells();
    expect(cells['8,14'].fill).toBe(RED);
    expect(cells['4,21'].value).toBe('Catatan Validasi');
    expect(await ledgers()).toEqual([`skmRekap.marks.${SHEET}`]);

    expect(await click(BUTTONS.unmark, /dipulihkan|restored/)).toMatch(/^158 /);
    expect(await recapCells()).toEqual(originalCells());
    expect(await ledgers()).toEqual([]);
  });

  it('"Kolom Rumus" adds =SKM.IKM, =SKM.KATEGORI and =SKM.PERIKSA on each record; "Hapus Kolom Rumus" removes them', async () => {
    await click(BUTTONS.formulas, /rumus|formula/i);
    const formulas = Object.values(await recapCells())
      .map((c) => c.formula ?? '')
      .filter((f) => f.startsWith('=SKM.'));
    const count = (fn: string) => formulas.filter((f) => f.startsWith(`=SKM.${fn}(`)).length;
    expect(count('IKM')).toBeGreaterThan(90);
    expect(count('KATEGORI')).toBe(count('IKM'));
    expect(count('PERIKSA')).toBe(count('IKM'));
    expect(await ledgers()).toEqual([`skmRekap.formulas.${SHEET}`]);

    await click(BUTTONS.removeFormulas, /dipulihkan|restored/);
    expect(await recapCells()).toEqual(originalCells());
    expect(await ledgers()).toEqual([]);
  });

  it('"Tulis Rata-rata Kabupaten" shows the changes, writes them on confirmation; "Pulihkan Nilai Lama" restores the printed line', async () => {
    await button(BUTTONS.average).click();
    await button(BUTTONS.confirm).waitFor();
    // Nothing is written before the confirmation.
    expect(await recapCells()).toEqual(originalCells());
    expect(await click(BUTTONS.confirm, /rata-rata|average/i)).toMatch(/baris 334|row 334/);
    const written = await recapCells();
    expect(written['334,14'].value).toBe(87.68);
    expect(written['334,14'].value).not.toBe(originalCells()['334,14'].value);
    expect(await ledgers()).toEqual([`skmRekap.average.${SHEET}`]);

    await click(BUTTONS.restoreAverage, /dipulihkan|restored/);
    expect(await recapCells()).toEqual(originalCells());
    expect(await ledgers()).toEqual([]);
  });

  it('"Buat Ringkasan" writes the sheet "Ringkasan SKM" once, keeping the previous one restorable; "Pulihkan Ringkasan Lama" puts it back', async () => {
    await click(BUTTONS.summary, /Ringkasan SKM/);
    const names = (await model()).sheets.map((s) => s.name);
    expect(names.filter((n) => n === 'Ringkasan SKM')).toHaveLength(1);
    const first = (await model()).sheets.find((s) => s.name === 'Ringkasan SKM')!.cells;
    // The first run's message also names "Ringkasan SKM": wait for the second run's own.
    await click(BUTTONS.summary, /Ringkasan lama disimpan|old summary is kept/);
    const after = (await model()).sheets.map((s) => s.name);
    // One current summary, and the previous one kept (very hidden) for its undo.
    expect(after.filter((n) => n === 'Ringkasan SKM')).toHaveLength(1);
    expect(after.filter((n) => /^Ringkasan SKM \(lama\)$/.test(n))).toHaveLength(1);
    await click(BUTTONS.restoreSummary, /ringkasan|summary/i);
    const restored = (await model()).sheets;
    expect(restored.filter((s) => s.name === 'Ringkasan SKM')).toHaveLength(1);
    expect(restored.find((s) => s.name === 'Ringkasan SKM')!.cells).toEqual(first);
    expect(await recapCells()).toEqual(originalCells());
  });

  it('the workbook the preview saves holds the summary sheet and the recap as it was', async () => {
    // The page sends its workbook to the preview server after each change: wait for the last one.
    let saved: ExcelJS.Workbook | undefined;
    for (let attempt = 0; attempt < 60; attempt++) {
      const res = await fetch(`${preview.server.url}workbook.xlsx`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      if (wb.getWorksheet('Ringkasan SKM')) {
        saved = wb;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(saved).toBeDefined();
    const ws = saved!.getWorksheet(SHEET)!;
    expect(ws.getCell('N334').value).toBe(originalCells()['334,14'].value);
    expect(ws.getCell('U4').value ?? null).toBeNull();
    expect(preview.pageErrors).toEqual([]);
    expect(preview.offsite).toEqual([]);
    // The pane's Excel was Microsoft's client library, served by the preview server.
    expect(preview.officeJsLoads).toBeGreaterThan(0);
  });
});
