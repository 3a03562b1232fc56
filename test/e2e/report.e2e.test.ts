/**
 * "Buat Laporan (.docx)" in the real pane on the preview page (headless
 * Chromium, charts drawn by its canvas): the file the user downloads says
 * what `skm-rekap laporan` writes from the same workbook, word for word.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { docxText } from '../report/docx-text';
import { BANJAR, launchPreview, type PreviewSession } from './browser';

const ROOT = path.join(__dirname, '../..');

// Generous: the machine running the suite may be busy; no test asserts a duration.
jest.setTimeout(600_000);

let preview: PreviewSession;
let page: Page;
let dir: string;

beforeAll(async () => {
  preview = await launchPreview();
  page = preview.page;
  page.setDefaultTimeout(180_000);
  dir = mkdtempSync(path.join(os.tmpdir(), 'skm-report-e2e-'));
}, 240_000);

afterAll(async () => {
  await preview?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The CLI's report of the same workbook. */
function cliReport(args: string[]): Uint8Array {
  const out = path.join(dir, `cli-${args.length}.docx`);
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/skm-rekap.js'), 'laporan', BANJAR, '--out', out, ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  // 1: written, the recap still has errors (Banjar has some).
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`skm-rekap laporan failed (${run.status}): ${run.stderr}`);
  return readFileSync(out);
}

async function openAndValidate(query = ''): Promise<void> {
  await page.goto(`${preview.server.url}?latency=5${query}`);
  await page.getByTestId('btn-validate').click();
  await page.getByTestId('summary').waitFor();
}

/** Clicks the action, answers its question with `choice`, and downloads the file by clicking the link. */
async function paneReport(choice: 'btn-report-ignore' | 'btn-report-note') {
  await page.getByTestId('btn-report').click();
  await page.getByTestId(choice).click();
  const link = page.getByTestId('report-download');
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(dir, `pane-${choice}.docx`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

async function pictures(bytes: Uint8Array): Promise<Uint8Array[]> {
  const zip = await JSZip.loadAsync(bytes);
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
  return Promise.all(media.map((n) => zip.file(n)!.async('uint8array')));
}

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('"Buat Laporan (.docx)" in the task pane', () => {
  it('asks first on a recap with errors, then downloads the same document as laporan --abaikan-galat', async () => {
    await openAndValidate();
    await page.getByTestId('btn-report').click();
    // Banjar has error-severity findings: nothing is built before the user answers.
    await page.getByTestId('report-confirm').waitFor();
    expect(await page.getByTestId('report-download').count()).toBe(0);
    await page.getByTestId('btn-report-cancel').click();
    expect(await page.getByTestId('report-confirm').count()).toBe(0);

    const pane = await paneReport('btn-report-ignore');
    expect(pane.name).toMatch(/^Laporan Survei Kepuasan Masyarakat .*\.docx$/);
    expect(await page.getByTestId('status').textContent()).toContain(pane.name);
    const cli = cliReport(['--abaikan-galat']);
    const [paneText, cliText] = [await docxText(pane.bytes), await docxText(cli)];
    expect(paneText.length).toBeGreaterThan(5000);
    expect(paneText).toBe(cliText);
    expect(paneText).not.toMatch(/masih memuat \d+ galat/i);

    // The charts, drawn by the browser's canvas: as many as the CLI's, real PNGs.
    const [panePics, cliPics] = [await pictures(pane.bytes), await pictures(cli)];
    expect(panePics.length).toBe(cliPics.length);
    expect(panePics.length).toBeGreaterThanOrEqual(2);
    for (const png of panePics) {
      expect([...png.slice(0, 4)]).toEqual(PNG);
      expect(png.length).toBeGreaterThan(2000);
    }
    expect(preview.pageErrors).toEqual([]);
    expect(preview.offsite).toEqual([]);
    // The pane's Excel was Microsoft's client library, served by the preview server.
    expect(preview.officeJsLoads).toBeGreaterThan(0);
  });

  it('"with the note" gives the CLI\'s report without --abaikan-galat, its boxed note included', async () => {
    await openAndValidate();
    const pane = await paneReport('btn-report-note');
    const cli = cliReport([]);
    const paneText = await docxText(pane.bytes);
    // The note names the workbook's file: the CLI's from its argument, the pane's from the host's document URL.
    const hostFile = await page.evaluate(() => Office.context.document.url);
    expect(paneText).toContain(`skm-rekap check "${hostFile}"`);
    expect(paneText).toBe(
      (await docxText(cli)).split(`"${path.basename(BANJAR)}"`).join(`"${hostFile}"`),
    );
    expect(paneText).not.toBe(await docxText(cliReport(['--abaikan-galat'])));
  });

  it('on Excel for Mac the action says why it cannot save and what to do instead', async () => {
    await openAndValidate('&platform=Mac');
    const help = (await page.getByTestId('help-report').textContent()) ?? '';
    expect(help).toContain('Excel untuk web');
    expect(help).toContain('npx skm-rekap laporan');
    await page.getByTestId('btn-report').click({ force: true });
    expect(await page.getByTestId('report-confirm').count()).toBe(0);
  });
});
