/**
 * "Olah Data Responden" and "Masukkan ke Rekap" clicked in the preview, on a
 * workbook holding a generated sheet of answers (numbers and letters a-d, a
 * blank, an answer out of range) and a recap: the processing sheet's
 * formulas, as the simulated Excel calculates them, equal the engine's
 * numbers; the lines written into the recap are found consistent by
 * `skm-rekap check` on the workbook the preview saves; both writes undo. The
 * pane fits 320 and 350 px and passes axe in each state; the processing
 * sheet as the preview renders it is the README's picture.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { a1 } from '../../src/engine/address';
import { formatId } from '../../src/engine/numbers';
import { saveXlsxBuffer } from '../../src/sim/load-xlsx';
import { sheetFromRows, workbookOf, type WorkbookModel } from '../../src/sim/model';
import { smallRecap } from '../taskpane/workbook';
import {
  ANSWERS_SHEET,
  answersRows,
  engine,
  expectCalculatedAsEngine,
} from '../taskpane/olah-fixture';
import {
  axeViolations,
  focused,
  launchPane,
  live,
  openPane,
  overflow,
  settled,
  type PaneSession,
} from './pane-harness';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '../..');
const RECAP = 'Rekap SKM OPP 2025';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'skm-olah-e2e-'));
let s: PaneSession;
let page: Page;
let original: WorkbookModel;

beforeAll(async () => {
  original = workbookOf(sheetFromRows(ANSWERS_SHEET, answersRows()), smallRecap().sheets[0]);
  const file = path.join(tmp, 'jawaban-dan-rekap.xlsx');
  writeFileSync(file, await saveXlsxBuffer(original));
  s = await launchPane(file);
  page = s.page;
}, 300_000);

afterAll(async () => {
  await s?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function model(): Promise<WorkbookModel> {
  return JSON.parse(
    await page.evaluate(() => JSON.stringify(window.__skmHost!.model)),
  ) as WorkbookModel;
}

async function expectClean(state: string): Promise<void> {
  const o = await overflow(page);
  expect({ state, ...o }).toEqual({
    state,
    scrollWidth: o.clientWidth,
    clientWidth: o.clientWidth,
    outside: [],
  });
  expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
}

/** Clicks a button of the pane and waits for its result in the live region. */
async function click(testId: string, done: RegExp): Promise<string> {
  await page.getByTestId(testId).click();
  await page.getByTestId('status').filter({ hasText: done }).waitFor();
  await settled(page);
  return live(page);
}

/** The workbook the preview saves, once its recap holds `value` in `address` (the page sends it after each change). */
async function savedWorkbook(address: string, value: number): Promise<string> {
  const file = path.join(tmp, 'disimpan.xlsx');
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await fetch(`${s.server.url}workbook.xlsx`);
    expect(res.status).toBe(200);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    if (wb.getWorksheet(RECAP)?.getCell(address).value === value) return file;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the preview never saved the written recap');
}

interface CheckJson {
  sheet: string;
  findings: { unit: string | null; code: string; severity: string }[];
}

function check(file: string): CheckJson {
  let out: string;
  try {
    out = execFileSync('node', [path.join(ROOT, 'bin/skm-rekap.js'), 'check', file, '--json'], {
      encoding: 'utf8',
    });
  } catch (err) {
    // Exit 1 means findings (of other units); the report is on stdout all the same.
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  return JSON.parse(out) as CheckJson;
}

/** The whole processing sheet as the preview renders it (the pane hidden, the grid unscrolled), for the README; the page put back after. */
async function pictureOfSheet(file: string): Promise<void> {
  const size = page.viewportSize()!;
  const style = await page.addStyleTag({
    content:
      '#taskpane { display: none !important; } #app { height: auto !important; } .grid-scroll { overflow: visible !important; }',
  });
  await page.setViewportSize({ width: 1000, height: 2400 });
  await page.getByTestId('sheet-view').screenshot({ path: file });
  await style.evaluate((el) => (el as Element).remove());
  await page.setViewportSize(size);
}

describe.each([350, 320])('Olah Data Responden in the pane at %i px', (width) => {
  it('writes the processing sheet whose calculated formulas equal the engine, shows the result, enters it into the recap, and undoes both', async () => {
    await openPane(s, width);
    await expectClean('before processing');
    const p = engine(original);
    expect(p.quality.map((q) => q.kind)).toEqual(expect.arrayContaining(['out-of-range', 'blank']));

    const said = await click('btn-olah', /Pengolahan SKM/);
    expect(said).toContain(`${p.scores.respondents} responden`);
    expect(await focused(page)).toBe('btn-olah');
    const m = await model();
    const sheet = m.sheets.find((x) => x.name === 'Pengolahan SKM')!;
    expect(m.sheets.map((x) => x.name)).toEqual([ANSWERS_SHEET, 'Pengolahan SKM', RECAP]);
    expectCalculatedAsEngine(sheet, p);
    expect(sheet.charts?.length).toBeGreaterThan(0);
    // The pane shows the result and the quality notes.
    expect(await page.getByTestId('olah-ikm').textContent()).toBe(formatId(p.scores.ikm!, 2));
    expect(await page.getByTestId('olah-category').textContent()).toBe(p.scores.category!.label);
    expect(await page.getByTestId('olah-respondents').textContent()).toBe(
      String(p.scores.respondents),
    );
    expect(await page.getByTestId('olah-quality').locator('li').count()).toBe(p.quality.length);
    await expectClean('result shown');
    if (width === 350) {
      await page
        .locator('#taskpane')
        .screenshot({ path: path.join(ROOT, 'test-results/olah-pane-350.png') });
      await pictureOfSheet(path.join(ROOT, 'docs/images/olah-pengolahan.png'));
    }

    // Masukkan ke Rekap: the unit found by the answers sheet's name, its Tahunan record.
    await page.getByTestId('btn-rekap').click();
    await page.getByTestId('entry-card').waitFor();
    await settled(page);
    expect(await page.getByTestId('entry-unit-note').textContent()).toContain('DINAS B');
    expect(await page.getByTestId('entry-row').count()).toBe(21);
    await expectClean('entry preview');
    const before = (await model()).sheets.find((x) => x.name === RECAP)!.cells;
    expect(before).toEqual(original.sheets[1].cells);

    // A period the unit has no rows for is explained, with nothing to write.
    await page.getByTestId('entry-period').selectOption({ label: 'Semester I' });
    await page.getByTestId('entry-problem').waitFor();
    expect(await page.getByTestId('entry-problem').textContent()).toMatch(
      /tidak memiliki baris Semester I/,
    );
    expect(await page.getByTestId('btn-write-rekap').getAttribute('aria-disabled')).toBe('true');
    await expectClean('period without rows');
    await page.getByTestId('entry-period').selectOption({ label: 'Tahunan' });
    await page.getByTestId('entry-table').waitFor();

    const written = await click('btn-write-rekap', /sel ditulis/);
    expect(written).toMatch(/^21 sel ditulis ke "Rekap SKM OPP 2025": DINAS B, Tahunan/);
    expect(await focused(page)).toBe('btn-rekap');

    const after = (await model()).sheets.find((x) => x.name === RECAP)!;
    const ikmKey = Object.keys(after.cells).find((k) => after.cells[k].value === p.scores.ikm)!;
    expect(ikmKey).toBeDefined();
    const [row, col] = ikmKey.split(',').map(Number);
    const file = await savedWorkbook(a1(row, col), p.scores.ikm!);
    const report = check(file);
    expect(report.sheet).toBe(RECAP);
    expect(report.findings.filter((f) => f.unit === 'DINAS B')).toEqual([]);
    // The checker did read the units: it still flags DINAS C's IKM (85,1 against 85,56).
    expect(report.findings.some((f) => f.unit === 'DINAS C' && f.code === 'ikm-mismatch')).toBe(
      true,
    );

    // Undo both: the recap as it was, then the processing sheet deleted.
    expect(await click('btn-undo-rekap', /dipulihkan/)).toMatch(/^21 sel dipulihkan/);
    expect((await model()).sheets.find((x) => x.name === RECAP)!.cells).toEqual(
      original.sheets[1].cells,
    );
    await click('btn-undo-olah', /dihapus/);
    const end = await model();
    expect(end.sheets.map((x) => x.name)).toEqual([ANSWERS_SHEET, RECAP]);
    expect(Object.keys(end.settings).filter((k) => k.startsWith('skmRekap.'))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
