/**
 * dist/taskpane.html in headless Chromium where Office cannot run it: with
 * every request outside 127.0.0.1 blocked (Office.js unreachable, as behind a
 * proxy that blocks Microsoft's CDN), and with a bundle that does not parse
 * (as in Internet Explorer 11 or an old webview). The page must say so, naming
 * Office and what to use instead, in Indonesian and English, within 10 s.
 * Builds dist/ first when it is missing or older than the sources.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { parse } from 'acorn';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, requireChromium } from './browser';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUTPUTS = ['taskpane.html', 'taskpane.js', 'assets/fallback.js', 'support.html'];
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

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function ensureBuilt(): void {
  const missing = OUTPUTS.some((f) => !existsSync(path.join(DIST, f)));
  const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js'].map((p) =>
    newestMtime(path.join(ROOT, p)),
  );
  if (
    !missing &&
    Math.min(...OUTPUTS.map((f) => statSync(path.join(DIST, f)).mtimeMs)) >= Math.max(...sources)
  )
    return;
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** dist/ on a free port of 127.0.0.1. */
function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(
      DIST,
      path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0])),
    );
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

let site: { url: string; close: () => Promise<void> };
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  requireChromium();
  ensureBuilt();
  site = await serveDist();
  profile = mkdtempSync(path.join(os.tmpdir(), 'skm-offline-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

afterEach(async () => {
  await browser.unrouteAll({ behavior: 'ignoreErrors' });
});

/** Every request outside 127.0.0.1 aborted; returns what tried to leave. */
async function offline(): Promise<string[]> {
  const offsite: string[] = [];
  await browser.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  return offsite;
}

describe('the task pane page where Office cannot run it', () => {
  it('says within 10 s that Office.js could not load, naming Office and what to use instead', async () => {
    const offsite = await offline();
    const page = await browser.newPage();
    await page.goto(`${site.url}/taskpane.html`, { waitUntil: 'commit' });
    const box = page.locator('#skm-fallback');
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await box.innerText();
    expect(text).toMatch(/Office\.js, pustaka Microsoft Office/);
    expect(text).toMatch(/Office\.js, the Microsoft Office library/);
    expect(text).toMatch(/appsforoffice\.microsoft\.com/);
    expect(text).toMatch(/Excel di web/);
    expect(text).toMatch(/Excel on the web/);
    expect(offsite.some((u) => u.startsWith('https://appsforoffice.microsoft.com/'))).toBe(true);
    await page.close();
  }, 30_000);

  it('says within 10 s that this Excel is too old when the bundles do not parse', async () => {
    await offline();
    // Office.js as a stand-in that is ready at once; the bundles as an old browser sees ES2020: a syntax error.
    await browser.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'window.Office = { onReady: function (f) { if (f) f({}); return Promise.resolve({}); } };',
      }),
    );
    await browser.route(`${site.url}/taskpane.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'const broken = ;' }),
    );
    const page = await browser.newPage();
    await page.goto(`${site.url}/taskpane.html`, { waitUntil: 'commit' });
    const box = page.locator('#skm-fallback');
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await box.innerText();
    expect(text).toMatch(/terlalu lama/);
    expect(text).toMatch(/too old/);
    expect(text).toMatch(/Microsoft 365/);
    await page.close();
  }, 30_000);

  it('keeps the fallback script to ES5, so that Internet Explorer 11 parses it', () => {
    const code = readFileSync(path.join(DIST, 'assets', 'fallback.js'), 'utf8');
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
    expect(readFileSync(path.join(DIST, 'taskpane.html'), 'utf8')).toMatch(
      /<script[^>]*src="?assets\/fallback\.js"?[^>]*><\/script>\s*<script[^>]*office\.js/,
    );
  });
});
