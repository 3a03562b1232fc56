/**
 * Draws the processing sheet of "Olah Data Responden" (the sheet plan of
 * src/engine/respondents/sheet-plan.ts, on the Mahakam Ulu answers) as a
 * spreadsheet grid and saves docs/images/olah-pengolahan.png for the README.
 * Formula cells show the engine's values, which test/respondents/sheet-plan.test.ts
 * proves equal to the formulas once calculated.
 *   npx tsx scripts/olah-screenshot.ts
 */
import { readFileSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium } from 'playwright-core';
import { a1, columnLetters } from '../src/engine/address';
import { formatId } from '../src/engine/numbers';
import { csvGrid } from '../src/engine/respondents/csv';
import { processSheet } from '../src/engine/respondents/process';
import { processingSheetPlan } from '../src/engine/respondents/sheet-plan';

const ROOT = path.resolve(__dirname, '..');
const source = path.join(ROOT, 'test/fixtures/questionnaires/mahulu-setda-2025-2026.csv');
const result = processSheet('mahulu.csv', csvGrid('Data Responden', readFileSync(source)));
if (!result.ok) throw new Error(result.problem.en);
const p = result.processed;
const plan = processingSheetPlan(p);

const shown = new Map<string, string>();
const at = plan.at;
p.scores.items.forEach((s, i) => {
  const c = i + 2;
  shown.set(a1(at.sumRow, c), String(s.sum));
  shown.set(a1(at.answeredRow, c), String(s.answered));
  shown.set(a1(at.nrrRow, c), formatId(s.nrr!, 2));
  shown.set(a1(at.weightedRow, c), formatId(s.weighted!, 3));
});
shown.set(at.total, formatId(p.scores.ikm! / 25, 3));
shown.set(at.ikm, formatId(p.scores.ikm!, 2));
shown.set(at.category, p.scores.category!.label);
for (const t of plan.profileTables)
  p.profile[t.field]!.forEach((e, k) =>
    shown.set(a1(t.area.top + 1 + k, 3), `${formatId(e.share * 100, 1)}%`),
  );

// The top of the sheet (a few respondents), then everything from the totals down.
const cut = { from: at.firstRespondentRow + 4, to: at.lastRespondentRow - 2 };
const lastRow = Math.max(...plan.cells.map((c) => c.row));
const lastCol = Math.max(...plan.cells.map((c) => c.col), 10);
const byAddress = new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
let rows = '';
for (let r = 1; r <= lastRow; r++) {
  if (r > cut.from && r < cut.to) continue;
  if (r === cut.to)
    rows += `<tr><th>⋮</th><td colspan="${lastCol}" class="gap">… ${cut.to - cut.from - 1} baris responden …</td></tr>`;
  let tds = '';
  // A long text alone in its row runs over the empty cells beside it, as in Excel.
  const only = byAddress.get(a1(r, 1));
  const alone =
    only &&
    String(only.value ?? '').length > 30 &&
    !plan.cells.some((c) => c.row === r && c.col > 1);
  if (alone) {
    rows += `<tr><th>${r}</th><td colspan="${lastCol}" class="${only.bold ? 'b' : ''}">${esc(String(only.value))}</td></tr>`;
    continue;
  }
  for (let c = 1; c <= lastCol; c++) {
    const cell = byAddress.get(a1(r, c));
    const text = cell ? (shown.get(a1(r, c)) ?? String(cell.value ?? '')) : '';
    const cls = [
      cell?.bold ? 'b' : '',
      cell?.formula ? 'f' : '',
      typeof cell?.value === 'number' || cell?.formula ? 'n' : '',
    ].join(' ');
    tds += `<td class="${cls}">${esc(text)}</td>`;
  }
  rows += `<tr><th>${r}</th>${tds}</tr>`;
}
const head = Array.from({ length: lastCol }, (_, i) => `<th>${columnLetters(i + 1)}</th>`).join('');
const html = `<!doctype html><meta charset="utf-8"><style>
body{font:12px Calibri,Arial,sans-serif;margin:0;background:#fff}
table{border-collapse:collapse}td,th{border:1px solid #d4d4d4;padding:2px 6px;white-space:nowrap;height:18px}
th{background:#f3f3f3;color:#555;font-weight:normal;text-align:center;min-width:24px}
td.n{text-align:right}td.b{font-weight:bold}td.f{background:#eef6ee}td:nth-child(2){min-width:190px}
td.gap{color:#777;font-style:italic;text-align:center}
</style><table><tr><th></th>${head}</tr>${rows}</table>`;

(async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'skm-olah-shot-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 800 },
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page
      .locator('table')
      .screenshot({ path: path.join(ROOT, 'docs/images/olah-pengolahan.png') });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
})();
