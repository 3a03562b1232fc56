/**
 * Smoke test of the preview: the server serves the Banjar recap, headless
 * Chromium (Debian's) renders the sheet view from the simulated host, nothing
 * leaves 127.0.0.1 and the Content-Security-Policy holds.
 */
import { launchPreview, screenshot, type PreviewSession } from '../e2e/browser';

jest.setTimeout(300_000);

describe('preview page', () => {
  let preview: PreviewSession | undefined;

  afterAll(async () => {
    await preview?.close();
  });

  it('shows the Banjar recap from the simulated host', async () => {
    preview = await launchPreview();
    const { server, browser, page, pageErrors, offsite } = preview;
    await browser.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    await page.goto(server.url);
    await page.getByTestId('cell-N92').waitFor({ timeout: 60_000 });

    expect(await page.getByTestId('cell-A4').textContent()).toBe('NO');
    expect(await page.getByTestId('cell-N92').textContent()).toBe('89,02');
    expect(await page.getByTestId('cell-A4').getAttribute('rowspan')).toBe('2');
    expect(await page.getByTestId('cell-E4').getAttribute('colspan')).toBe('9');
    expect(await page.getByTestId('sheet-view').getAttribute('data-sheet')).toBe(
      'Rekap SKM OPP 2025',
    );
    expect(await page.evaluate(() => window.__skmHost?.model.activeSheet)).toBe(
      'Rekap SKM OPP 2025',
    );
    // The add-in's Excel is Microsoft's client library, served by the preview server, over the simulation.
    expect(await page.evaluate(() => window.__skmClient)).toBe('officejs');
    expect(
      await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith('.js')),
      ),
    ).toContain('/office-js/excel-web-16.00.debug.js');
    // The task pane (or, before src/taskpane/App.tsx exists, its placeholder) is mounted beside the sheet.
    await page.waitForFunction(
      () => (document.getElementById('container')?.childElementCount ?? 0) > 0,
    );

    // A change made through the simulated Excel shows in the sheet view after the sync.
    await page.evaluate(() =>
      Excel.run(async (ctx) => {
        const cell = ctx.workbook.worksheets.getActiveWorksheet().getRange('U6');
        cell.values = [['dicek']];
        cell.format.fill.color = '#FFE699';
        await ctx.sync();
      }),
    );
    await expect(page.getByTestId('cell-U6').textContent()).resolves.toBe('dicek');
    // It went over the wire protocol, answered by src/sim/officejs's executor.
    expect(
      await page.evaluate(() =>
        window.__skmHost!.stats.operations.filter((o) => o.startsWith('wire request #')),
      ),
    ).not.toEqual([]);
    expect(await page.getByTestId('cell-U6').getAttribute('data-fill')).toBe('#FFE699');

    await screenshot(page, 'preview.png');

    expect(pageErrors).toEqual([]);
    expect(offsite).toEqual([]);
    expect(
      await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      ),
    ).toEqual([]);
  });
});
