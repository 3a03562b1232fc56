/**
 * The real task pane in headless Chromium, on the preview page with the
 * Banjar recap in the simulated Excel host: what staff do, button by button,
 * and what the sheet holds afterwards (window.__skmHost.model).
 */
import { spawnSync } from 'child_process';
import path from 'path';
import type { Page } from 'playwright-core';
import type { WorkbookModel } from '../../src/sim/model';
import { BANJAR, launchPreview, screenshot, type PreviewSession } from './browser';

const SHEET = 'Rekap SKM OPP 2025';
const ROOT = path.join(__dirname, '../..');

interface CheckerFinding {
  severity: 'error' | 'warning' | 'info';
  cell: string | null;
}

/** The checker's own findings on the Banjar recap: `skm-rekap check FILE --json`. */
function checkerFindings(): CheckerFinding[] {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/skm-rekap.js'), 'check', BANJAR, '--json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`skm-rekap check failed (${run.status}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { findings: CheckerFinding[] }).findings;
}

// Generous: the machine running the suite may be busy; no test asserts a duration.
jest.setTimeout(180_000);

let preview: PreviewSession;
let page: Page;
let original: string;

beforeAll(async () => {
  // The first run builds dist/preview when the sources are newer.
  preview = await launchPreview();
  page = preview.page;
  // A busy machine can take longer than Playwright's 30 s for one action; no test asserts a duration.
  page.setDefaultTimeout(120_000);
  original = JSON.stringify(preview.server.model());
}, 240_000);

afterAll(async () => {
  await preview?.close();
});

/** The workbook as the page's simulated host holds it now. */
async function model(): Promise<WorkbookModel> {
  return JSON.parse(
    await page.evaluate(() => JSON.stringify(window.__skmHost!.model)),
  ) as WorkbookModel;
}

/** A fresh page on the original workbook: the pane starts empty, the sheet as in the file. */
async function freshPage(): Promise<void> {
  // Leaving the page first stops its pending save, which would otherwise put the last test's workbook back.
  await page.goto('about:blank');
  const res = await fetch(`${preview.server.url}workbook.json`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: original,
  });
  expect(res.status).toBe(204);
  await page.goto(`${preview.server.url}?latency=5`);
  await page.getByTestId('cell-N92').waitFor();
}

async function status(): Promise<string> {
  return (await page.getByTestId('status').textContent()) ?? '';
}

async function validate(): Promise<void> {
  await page.getByTestId('btn-validate').click();
  await page.getByTestId('summary').waitFor();
  await expectEnabled('btn-validate');
}

async function expectEnabled(testId: string): Promise<void> {
  await page.waitForFunction(
    (id) =>
      !(document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null)?.disabled,
    testId,
  );
}

/** Clicks a button and waits for the status the action ends with. */
async function act(testId: string, expected: RegExp): Promise<string> {
  await page.getByTestId(testId).click();
  await page.getByTestId('status').filter({ hasText: expected }).waitFor();
  await expectEnabled('btn-validate');
  return status();
}

describe('the task pane on the Banjar recap', () => {
  it('"Validasi Rekap" shows the findings of the checker, cell by cell', async () => {
    await freshPage();
    const reference = checkerFindings();
    await validate();
    const count = (s: CheckerFinding['severity']) =>
      String(reference.filter((f) => f.severity === s).length);
    expect(await page.getByTestId('summary-errors').textContent()).toBe(count('error'));
    expect(await page.getByTestId('summary-warnings').textContent()).toBe(count('warning'));
    // Each severity under its filter, every entry shown and every fold opened: the checker's cells, none lost.
    for (const severity of ['error', 'warning', 'info'] as const) {
      await page.getByTestId(`filter-${severity}`).click();
      if (await page.getByTestId('btn-show-all').count())
        await page.getByTestId('btn-show-all').click();
      await page.$$eval('[data-testid="finding-more"][aria-expanded="false"]', (els) =>
        els.forEach((e) => (e as HTMLElement).click()),
      );
      const cells = await page
        .getByTestId('finding')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
      expect({ severity, cells: cells.sort() }).toEqual({
        severity,
        cells: reference
          .filter((f) => f.severity === severity)
          .map((f) => f.cell ?? '')
          .sort(),
      });
    }
    await page.getByTestId('filter-problems').click();
    expect(await page.getByTestId('summary-ikm').textContent()).toMatch(/^\d+,\d+ [ABCD] \(/);
    await screenshot(page, 'taskpane.png');
  });

  it('"Tandai di Lembar" then "Hapus Tanda" leaves the sheet exactly as it was, ledger gone', async () => {
    await freshPage();
    const before = await model();
    await validate();
    expect(await act('btn-mark', /sel ditandai/)).toMatch(
      /^87 sel ditandai; 70 catatan ditulis di kolom U/,
    );
    expect(await page.getByTestId('cell-N8').getAttribute('data-fill')).toBe('#F4B6B6');
    expect(await page.getByTestId('cell-U4').textContent()).toBe('Catatan Validasi');
    expect(Object.keys((await model()).settings)).toEqual([`skmRekap.marks.${SHEET}`]);
    await screenshot(page, 'marked.png');

    expect(await act('btn-unmark', /sel dipulihkan/)).toMatch(/^158 sel dipulihkan\.$/);
    const after = await model();
    expect(Object.keys(after.settings).filter((k) => k.startsWith('skmRekap.'))).toEqual([]);
    expect(after).toEqual(before);
    expect(await page.getByTestId('cell-N8').getAttribute('data-fill')).toBeNull();
  });

  it('"Tulis Rata-rata Kabupaten" writes once; the second time there is nothing to write', async () => {
    await freshPage();
    await validate();
    await page.getByTestId('btn-average').click();
    await page.getByTestId('average-preview').waitFor();
    expect(await page.getByTestId('average-preview').textContent()).toContain('E334');
    expect(await act('btn-confirm-average', /baris rata-rata/)).toMatch(
      /^13 sel ditulis pada baris rata-rata \(baris 334\)/,
    );
    const written = await model();
    expect(written.sheets[0].cells['334,14'].value).toBe(87.68);

    await page.getByTestId('btn-average').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /tidak ada yang perlu ditulis/ })
      .waitFor();
    expect(await page.getByTestId('average-preview').count()).toBe(0);
    expect(await model()).toEqual(written);
  });

  it('refuses to mark a sheet edited since it was validated, and leaves it as it is', async () => {
    await freshPage();
    await validate();
    // A co-author changes a cell between the validation and the click.
    await page.evaluate((sheet) => window.__skmHost!.editCell(sheet, 'N10', 90.1), SHEET);
    const edited = await model();
    expect(await act('btn-mark', /berubah sejak divalidasi/)).toContain(
      `Lembar "${SHEET}" berubah sejak divalidasi (misalnya sel N10`,
    );
    expect(await model()).toEqual(edited);
  });

  it('"Buat Ringkasan" writes the sheet "Ringkasan SKM", which the sheet view shows', async () => {
    await freshPage();
    await validate();
    expect(await act('btn-summary', /Ringkasan SKM/)).toMatch(
      /^Lembar "Ringkasan SKM" ditulis dengan \d+ grafik/,
    );
    expect((await model()).sheets.map((s) => s.name)).toContain('Ringkasan SKM');
    await page.getByTestId('tab-Ringkasan SKM').click();
    await page.locator('[data-testid="sheet-view"][data-sheet="Ringkasan SKM"]').waitFor();
    expect(await page.getByTestId('cell-A1').textContent()).not.toBe('');
    await screenshot(page, 'summary.png');
  });

  it('clicking a finding selects its cell in the sheet', async () => {
    await freshPage();
    await validate();
    await page.locator('[data-testid="finding"][data-cell="N8"]').first().click();
    await page.waitForFunction(() => window.__skmHost!.model.selection?.address === 'N8');
    expect((await model()).selection).toEqual({ sheet: SHEET, address: 'N8' });
    await page.locator('[data-testid="cell-N8"].active').waitFor();
  });

  it('raised no error in the page and sent nothing beyond 127.0.0.1', () => {
    expect(preview.pageErrors).toEqual([]);
    expect(preview.offsite).toEqual([]);
    // The pane's Excel was Microsoft's client library, served by the preview server.
    expect(preview.officeJsLoads).toBeGreaterThan(0);
  });
});
