/**
 * Smoke test of the preview: the server serves the Banjar recap, headless
 * Chromium (Debian's) renders the sheet view from the simulated host, nothing
 * leaves 127.0.0.1 and the Content-Security-Policy holds.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BANJAR = path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx');
const SCREENSHOT = path.join(__dirname, '../../test-results/preview.png');

jest.setTimeout(300_000);

describe('preview page', () => {
  let server: PreviewServer | undefined;
  let browser: BrowserContext | undefined;
  let profile: string | undefined;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows the Banjar recap from the simulated host', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}. Install it with "apt-get install -y chromium" (Debian), or set CHROMIUM_PATH to a Chromium binary.`);
    }
    server = await startPreviewServer({ workbook: BANJAR, port: 0 });
    profile = mkdtempSync(path.join(os.tmpdir(), 'skm-preview-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const offsite: string[] = [];
    await browser.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offsite.push(url.href);
      return route.abort();
    });
    await browser.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(server.url);
    await page.getByTestId('cell-N92').waitFor({ timeout: 60_000 });

    expect(await page.getByTestId('cell-A4').textContent()).toBe('NO');
    expect(await page.getByTestId('cell-N92').textContent()).toBe('89,02');
    expect(await page.getByTestId('cell-A4').getAttribute('rowspan')).toBe('2');
    expect(await page.getByTestId('cell-E4').getAttribute('colspan')).toBe('9');
    expect(await page.getByTestId('sheet-view').getAttribute('data-sheet')).toBe('Rekap SKM OPP 2025');
    expect(await page.evaluate(() => window.__skmHost?.model.activeSheet)).toBe('Rekap SKM OPP 2025');
    // The task pane (or, before src/taskpane/App.tsx exists, its placeholder) is mounted beside the sheet.
    await page.waitForFunction(() => (document.getElementById('container')?.childElementCount ?? 0) > 0);

    // A change made through the simulated Excel shows in the sheet view after the sync.
    await page.evaluate(() =>
      window.__skmHost!.Excel.run(async (ctx) => {
        const cell = ctx.workbook.worksheets.getActiveWorksheet().getRange('U6');
        cell.values = [['dicek']];
        cell.format.fill.color = '#FFE699';
        await ctx.sync();
      }),
    );
    await expect(page.getByTestId('cell-U6').textContent()).resolves.toBe('dicek');
    expect(await page.getByTestId('cell-U6').getAttribute('data-fill')).toBe('#FFE699');

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(pageErrors).toEqual([]);
    expect(offsite).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
});
