/**
 * The task pane as staff meet it, at the widths Excel gives a pane (320 and
 * 350 px) on the Banjar recap: in every state it never scrolls sideways, no
 * control sticks out and axe-core finds no serious or critical WCAG 2.1 A/AA
 * violation; every action leaves its result in the live region and focus on
 * its button; recaps with nothing to write say so; an edited summary is
 * replaced only after asking, and can be put back.
 */
import type { Page } from 'playwright-core';
import type { WorkbookModel } from '../../src/sim/model';
import { screenshot } from './browser';
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

jest.setTimeout(180_000);

let s: PaneSession;
let page: Page;

beforeAll(async () => {
  s = await launchPane();
  page = s.page;
}, 300_000);

afterAll(async () => {
  await s?.close();
});

async function validate(): Promise<void> {
  await page.getByTestId('btn-validate').click();
  await page.getByTestId('summary').waitFor();
  await settled(page);
}

/** The state passes: nothing sideways, nothing outside, no serious or critical axe violation. */
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

async function model(): Promise<WorkbookModel> {
  return JSON.parse(
    await page.evaluate(() => JSON.stringify(window.__skmHost!.model)),
  ) as WorkbookModel;
}

describe.each([350, 320])('the pane at %i px', (width) => {
  it('fits and passes axe before and after validation, in each filter and with the details open', async () => {
    await openPane(s, width);
    await expectClean('before validation');
    await validate();
    await expectClean('after validation');

    // The first problem is in view without scrolling, under the summary.
    const first = await page.getByTestId('finding').first().boundingBox();
    const pane = await page.locator('#container').boundingBox();
    expect(first!.y + first!.height).toBeLessThanOrEqual(pane!.y + 520);
    if (width === 350)
      await page.locator('#taskpane').screenshot({ path: 'test-results/taskpane-350.png' });

    for (const f of ['error', 'warning', 'info', 'problems']) {
      await page.getByTestId(`filter-${f}`).click();
      expect(await page.getByTestId(`filter-${f}`).getAttribute('aria-pressed')).toBe('true');
      await expectClean(`filter ${f}`);
    }
    await page.getByTestId('finding-more').first().click();
    await page.getByTestId('btn-show-all').click();
    await expectClean('details open, all shown');

    // The filter stays in view when the list is scrolled.
    await page.locator('#container').evaluate((c) => (c.scrollTop = 2000));
    const filter = await page.getByTestId('filter-problems').boundingBox();
    const box = await page.locator('#container').boundingBox();
    expect(filter!.y).toBeGreaterThanOrEqual(box!.y - 1);
    expect(filter!.y).toBeLessThan(box!.y + 60);
  });

  it('fits and passes axe with the district line preview and the summary question open', async () => {
    await openPane(s, width);
    await validate();
    await page.getByTestId('btn-average').click();
    await page.getByTestId('average-preview').waitFor();
    await expectClean('district line preview');
    if (width === 350)
      await page
        .getByTestId('average-preview')
        .screenshot({ path: 'test-results/taskpane-average-350.png' });
    await page.getByTestId('btn-cancel-average').click();

    await page.getByTestId('btn-summary').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Ringkasan SKM/ })
      .waitFor();
    await settled(page);
    await page.evaluate(() => window.__skmHost!.editCell('Ringkasan SKM', 'A3', 'diedit staf'));
    await page.getByTestId('btn-summary').click();
    await page.getByTestId('summary-confirm').waitFor();
    await expectClean('summary question');
  });
});

describe('the district line preview', () => {
  it('names the unsur, shows the realisation as a percentage and says which units are left out', async () => {
    await openPane(s, 320);
    await validate();
    await page.getByTestId('btn-average').click();
    const text = (await page.getByTestId('average-preview').textContent()) ?? '';
    expect(text).toContain('Waktu Penyelesaian');
    expect(text).not.toMatch(/\bU[1-9]\b/);
    expect(text).toMatch(/Realisasi \(\w+\d+\)\s*\d+(,\d+)?%\s*83,23%/);
    expect(await page.getByTestId('average-basis').textContent()).toBe(
      'Baris baru merata-ratakan 90 dari 100 unit.',
    );
    expect(await page.getByTestId('average-left-out').allTextContents()).toContainEqual(
      expect.stringMatching(/^Tidak ikut \(8\), tanpa data: .*28.*29/),
    );
  });
});

describe('every action', () => {
  /** Clicks a button, waits for its result; returns the live region's text and where focus is. */
  async function act(id: string, result: RegExp): Promise<{ said: string; focus: string }> {
    await page.getByTestId(id).click();
    await page.getByTestId('status').filter({ hasText: result }).waitFor();
    await settled(page);
    await page.waitForTimeout(50);
    return { said: await live(page), focus: await focused(page) };
  }

  it('leaves its result in the live region and focus on its button', async () => {
    await openPane(s, 350);
    await page.getByTestId('btn-validate').click();
    await page.getByTestId('summary').waitFor();
    await settled(page);
    expect(await live(page)).toMatch(/^Validasi selesai: 50 galat, 40 peringatan\./);
    expect(await focused(page)).toBe('btn-validate');
    const stamp = await page.getByTestId('validated-at').textContent();
    expect(stamp).toMatch(/^Divalidasi \d\d\.\d\d$/);

    const steps: [string, RegExp, string][] = [
      ['btn-mark', /^87 sel ditandai; 70 catatan ditulis di kolom U/, 'btn-mark'],
      ['btn-unmark', /^\d+ sel dipulihkan\./, 'btn-unmark'],
      ['btn-formulas', /^Rumus pemeriksaan ditulis untuk \d+ entri/, 'btn-formulas'],
      ['btn-unformulas', /^\d+ sel dipulihkan\./, 'btn-unformulas'],
      ['btn-summary', /^Lembar "Ringkasan SKM" ditulis dengan \d+ grafik/, 'btn-summary'],
    ];
    for (const [id, result, focus] of steps) {
      // Which step a failure is at, in the test's output.
      process.stdout.write(`step ${id}\n`);
      const r = await act(id, result);
      expect({ id, said: result.test(r.said), focus: r.focus }).toEqual({ id, said: true, focus });
    }

    await page.getByTestId('btn-average').click();
    await page.getByTestId('btn-confirm-average').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /baris rata-rata/ })
      .waitFor();
    await settled(page);
    await page.waitForTimeout(50);
    expect(await live(page)).toMatch(/^13 sel ditulis pada baris rata-rata \(baris 334\)/);
    expect(await focused(page)).toBe('btn-average');
    // "Pulihkan Nilai Lama" sits right under the action it undoes.
    const rows = await page
      .locator('[data-testid^="row-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(rows.indexOf('row-restore-average')).toBe(rows.indexOf('row-average') + 1);
    const r = await act('btn-restore-average', /sel dipulihkan/);
    expect(r.focus).toBe('btn-restore-average');

    // Clicking a finding selects its cell and says so.
    await page.locator('[data-testid="finding"][data-cell="N8"]').first().click();
    await page.getByTestId('status').filter({ hasText: 'Sel N8 dipilih' }).waitFor();
    expect(
      await page.locator('[data-testid="finding"][aria-current="true"]').getAttribute('data-cell'),
    ).toBe('N8');
    expect(await live(page)).toBe('Sel N8 dipilih di lembar.');

    // A message can be dismissed.
    await page.getByTestId('btn-dismiss').click();
    expect(await live(page)).toBe('');

    // Marks made before a write that resolves findings are offered for refresh.
    await act('btn-mark', /sel ditandai/);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="btn-unmark"]')?.getAttribute('aria-disabled') !==
        'true',
    );
    await page.getByTestId('btn-average').click();
    await page.getByTestId('btn-confirm-average').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /baris rata-rata/ })
      .waitFor();
    await settled(page);
    expect(await page.getByTestId('btn-mark').textContent()).toBe('Perbarui Tanda');
    expect(await page.getByTestId('help-mark').textContent()).toMatch(/usang/);
    expect(s.pageErrors).toEqual([]);
  }, 300_000);

  it('the findings are one stop for Tab; arrow keys move inside', async () => {
    await openPane(s, 350);
    await validate();
    await page.getByTestId('finding').first().focus();
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-nav'));
    expect(second).toMatch(/#(more|0)$/);
    await page.keyboard.press('Tab');
    // Out of the list: on "Tampilkan semua" after it, not on the next finding.
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('[data-testid="findings"]')),
    ).toBe(false);
    const stops = await page.locator('[data-testid="findings"] [tabindex="0"]').count();
    expect(stops).toBe(1);
  });
});

describe('a recap with nothing to write', () => {
  /** The Banjar workbook with cells of the recap sheet kept only where `keep` says. */
  function reduced(keep: (row: number, col: number) => boolean): string {
    const m = JSON.parse(s.original) as WorkbookModel;
    const sheet = m.sheets[0];
    for (const key of Object.keys(sheet.cells)) {
      const [row, col] = key.split(',').map(Number);
      if (!keep(row, col)) delete sheet.cells[key];
    }
    sheet.merges = sheet.merges.filter((a) => a.top <= 5);
    return JSON.stringify(m);
  }

  it.each([
    ['headers and no units', (row: number) => row <= 5, /tidak memuat satu unit pun/],
    [
      'only the district line',
      (row: number) => row <= 5 || row === 334,
      /hanya memuat baris RATA-RATA/,
    ],
    [
      'units without data',
      (row: number, col: number) => row <= 5 || (row < 334 && col <= 4),
      /tidak satu pun berisi nilai unsur/,
    ],
  ])(
    '%s: says so, and every write action is unavailable with the reason',
    async (_, keep, reason) => {
      await openPane(s, 320, 520, '', reduced(keep));
      const before = await model();
      await validate();
      expect(await page.getByTestId('write-block').textContent()).toMatch(reason);
      for (const id of ['mark', 'formulas', 'average', 'summary']) {
        expect(await page.getByTestId(`btn-${id}`).getAttribute('aria-disabled')).toBe('true');
        expect(await page.getByTestId(`help-${id}`).textContent()).toMatch(
          id === 'mark' ? /tidak|Tidak/ : reason,
        );
        await page.getByTestId(`btn-${id}`).click({ force: true });
      }
      await page.waitForTimeout(200);
      expect(await model()).toEqual(before);
      await expectClean('degenerate recap');
    },
  );
});

describe('"Buat Ringkasan" over an edited summary', () => {
  it('asks first, keeps the old sheet, and "Pulihkan Ringkasan Lama" puts it back', async () => {
    await openPane(s, 350);
    await validate();
    await page.getByTestId('btn-summary').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Ringkasan SKM/ })
      .waitFor();
    await settled(page);
    // Written once and untouched: written again without a question.
    await page.getByTestId('btn-summary').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Ringkasan lama disimpan/ })
      .waitFor();
    await settled(page);
    expect(await page.getByTestId('summary-confirm').count()).toBe(0);

    await page.evaluate(() => window.__skmHost!.editCell('Ringkasan SKM', 'A3', 'Kesimpulan staf'));
    await page.getByTestId('btn-summary').click();
    await page.getByTestId('summary-confirm').waitFor();
    expect(await page.getByTestId('summary-confirm').textContent()).toMatch(
      /sudah diubah sejak ditulis/,
    );
    // Cancel leaves it as it is.
    await page.getByTestId('btn-cancel-summary').click();
    expect(await focused(page)).toBe('btn-summary');
    const cellA3 = (m: WorkbookModel, name: string) =>
      m.sheets.find((x) => x.name === name)?.cells['3,1']?.value;
    expect(cellA3(await model(), 'Ringkasan SKM')).toBe('Kesimpulan staf');

    await page.getByTestId('btn-summary').click();
    await page.getByTestId('btn-confirm-summary').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Ringkasan lama disimpan/ })
      .waitFor();
    await settled(page);
    let m = await model();
    expect(cellA3(m, 'Ringkasan SKM')).not.toBe('Kesimpulan staf');
    const backup = m.sheets.find((x) => x.name === 'Ringkasan SKM (lama)');
    expect(backup?.visibility).toBe('VeryHidden');
    expect(backup?.cells['3,1']?.value).toBe('Kesimpulan staf');

    await page.getByTestId('btn-restore-summary').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Ringkasan lama dipulihkan/ })
      .waitFor();
    await settled(page);
    m = await model();
    expect(cellA3(m, 'Ringkasan SKM')).toBe('Kesimpulan staf');
    expect(m.sheets.find((x) => x.name === 'Ringkasan SKM')?.visibility).toBe('Visible');
    expect(m.sheets.some((x) => x.name === 'Ringkasan SKM (lama)')).toBe(false);
    expect(m.sheets.filter((x) => x.name === 'Ringkasan SKM')).toHaveLength(1);
    await screenshot(page, 'summary-restored.png');
  });
});

describe('the English pane', () => {
  it('has no Indonesian labels left, and writes Indonesian notes into an Indonesian recap', async () => {
    await openPane(s, 350, 520, '&lang=en-US');
    await validate();
    const text = (await page.locator('#container').textContent()) ?? '';
    for (const word of [
      'Tandai',
      'Hapus',
      'Pulihkan',
      'Tulis',
      'Buat',
      'Galat',
      'Peringatan',
      'Temuan',
    ])
      expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
    expect(await page.getByTestId('finding').first().textContent()).toMatch(/^Error/);
    await page.getByTestId('btn-mark').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /cells marked/ })
      .waitFor();
    const notes = (await model()).sheets[0].cells['8,21']?.value;
    expect(String(notes)).toMatch(/^\[Galat\]/);
  });
});
