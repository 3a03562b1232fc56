/**
 * Headless Chromium (Debian's) on the preview page, for the end-to-end tests:
 * the preview server on a free port of 127.0.0.1, a fresh profile, nothing let
 * out beyond 127.0.0.1, and the page's errors collected.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const BANJAR = path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx');
export const RESULTS = path.join(__dirname, '../../test-results');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails (never skips) where there is no Chromium, saying how to get one. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with "apt-get install -y chromium" (Debian), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}

/** Where the preview page loads Microsoft's Excel client library from (src/preview/preview.tsx). */
export const OFFICE_JS_PATH = 'office-js/excel-web-16.00.debug.js';

export interface PreviewSession {
  server: PreviewServer;
  browser: BrowserContext;
  page: Page;
  /** Uncaught errors of the page. */
  pageErrors: string[];
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  offsite: string[];
  /** Times a page loaded Microsoft's Office.js client library from the preview server (the pane's Excel client). */
  officeJsLoads: number;
  close(): Promise<void>;
}

/** Starts the preview server for a workbook and a headless Chromium on a fresh profile; the page is not opened yet. */
export async function launchPreview(workbook: string = BANJAR): Promise<PreviewSession> {
  requireChromium();
  const server = await startPreviewServer({ workbook, port: 0 });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'skm-preview-chromium-'));
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: FLAGS,
    });
    const offsite: string[] = [];
    const session = { officeJsLoads: 0 };
    await browser.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === `/${OFFICE_JS_PATH}`) session.officeJsLoads++;
      if (url.hostname === '127.0.0.1') return route.continue();
      offsite.push(url.href);
      return route.abort();
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return Object.assign(session, { server, browser, page, pageErrors, offsite, close });
  } catch (e) {
    await close();
    throw e;
  }
}

/** Saves a screenshot of the page under test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name);
  await page.screenshot({ path: file });
  return file;
}
