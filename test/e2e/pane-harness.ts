/**
 * The task pane at the widths Excel gives it (320-350 px), for the pane's
 * end-to-end tests: the preview on a free port, headless Chromium with the
 * page's Content-Security-Policy bypassed so that axe-core can be injected,
 * and the checks every state must pass (no sideways scroll, no control
 * sticking out, no serious or critical WCAG 2.1 A/AA violation).
 */
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview';
import { BANJAR, requireChromium, CHROMIUM } from './browser';

const AXE = path.join(__dirname, '../../node_modules/axe-core/axe.min.js');

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

export interface PaneSession {
  server: PreviewServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  original: string;
  close(): Promise<void>;
}

export async function launchPane(workbook: string = BANJAR): Promise<PaneSession> {
  requireChromium();
  const server = await startPreviewServer({ workbook, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1000, height: 560 },
  });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  // A busy machine can take longer than Playwright's 30 s for one action; no test asserts a duration.
  page.setDefaultTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    server,
    browser,
    context,
    page,
    pageErrors,
    original: JSON.stringify(server.model()),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh page on the original workbook, the pane `width` px wide and its scroll area `height` px high. */
export async function openPane(
  s: PaneSession,
  width: number,
  height = 520,
  query = '',
  model: string = s.original,
): Promise<void> {
  await s.page.goto('about:blank');
  const res = await fetch(`${s.server.url}workbook.json`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: model,
  });
  if (res.status !== 204) throw new Error(`PUT workbook.json: ${res.status}`);
  await s.page.goto(`${s.server.url}?latency=5${query}`);
  await s.page.locator('#container button').first().waitFor();
  // The pane talks to the simulated workbook through Microsoft's Office.js client unless asked otherwise.
  const client = await s.page.evaluate(() => window.__skmClient);
  const expected = query.includes('client=sim') ? 'sim' : 'officejs';
  if (client !== expected)
    throw new Error(`the pane runs through the ${client} client, not ${expected}`);
  // The host's title bar and the preview's own bar sit above the pane's scroll area: size the area itself.
  const top = await s.page.evaluate(
    () => document.getElementById('container')!.getBoundingClientRect().top,
  );
  await s.page.setViewportSize({ width: 1000, height: Math.round(top + height) });
  await s.page.addStyleTag({ content: `#taskpane { width: ${width}px !important; }` });
}

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  outside: string[];
}

/** Whether the pane scrolls sideways or any control reaches past its edges. */
export async function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const c = document.getElementById('container')!;
    const box = c.getBoundingClientRect();
    const right = box.left + c.clientWidth;
    const outside: string[] = [];
    for (const el of Array.from(
      c.querySelectorAll<HTMLElement>(
        'button, a, input, select, textarea, [role], table, th, td, p, h2, h3',
      ),
    )) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 0.5 || r.right > right + 0.5)
        outside.push(
          `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? ''}] ${Math.round(r.left)}-${Math.round(r.right)} of ${Math.round(box.left)}-${Math.round(right)}: ${(el.textContent ?? '').slice(0, 40)}`,
        );
    }
    const doc = document.scrollingElement!;
    return {
      scrollWidth: Math.max(c.scrollWidth, doc.scrollWidth - doc.clientWidth + c.clientWidth),
      clientWidth: c.clientWidth,
      outside,
    };
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core over the pane: the serious and critical WCAG 2.1 A/AA violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    return axe.run(
      { include: [['#container']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
}

/** What the live region says now. */
export async function live(page: Page): Promise<string> {
  return (await page.locator('#container [role="status"][aria-live="polite"]').textContent()) ?? '';
}

/** The focused element's test id, or its tag when it has none. */
export async function focused(page: Page): Promise<string> {
  // The pane moves focus in a timer after React re-renders (App.tsx, focus()): one timer turn
  // later it has moved, however fast the click returned.
  return page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? '';
  });
}

/** Waits until no action runs: the live region holds a result, not progress. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#container [data-testid="progress"]'));
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="btn-validate"]')?.getAttribute('aria-disabled') !==
      'true',
  );
  // Fluent's buttons fade between their disabled and enabled colours: an accessibility audit in
  // the middle of that fade measures colours no one reads.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
