/**
 * A national recap (20,000 units) through Microsoft's Office.js client over the simulated Excel:
 * read, marked and unmarked in chunks within Excel on the web's limits. Its own file: at 40 s it
 * is the slowest test of the adapter, and the mutation runs leave it out (jest.stryker.config.js:
 * every mutant of the marking code would rerun it); smaller tests cover each path it takes.
 */
import { analyseSheet } from '../../src/engine/analyse';
import type { Finding } from '../../src/engine/checks';
import { workbookOf } from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import { generateRecap } from '../../scripts/bench/generate';
import { addinSyncs, excelPerTest, requestLines } from './excel-client';
import { sheetOfGrid } from './workbook';

/** What the adapter allows itself per request and response, under Excel on the web's 5 MB. */
const BUDGET = 4_000_000;
const { open, validated } = excelPerTest();
const codesAndCells = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.cell ?? ''}`);

describe('a national recap', () => {
  it('is read, marked and unmarked in chunks, every request and response under 4 MB and settings under 1 MB, with the findings of the whole grid', async () => {
    const generated = generateRecap(20000);
    const host = open(workbookOf(sheetOfGrid(generated.grid)));
    const before = JSON.stringify(host.model);
    const session = await validated();
    const reference = analyseSheet(generated.grid);
    if (!reference.ok) throw new Error('the generated recap cannot be read');
    expect(session.grid.values.length).toBe(generated.grid.values.length);
    expect(session.analysis.findings.length).toBe(reference.findings.length);
    expect(codesAndCells(session.analysis.findings)).toEqual(codesAndCells(reference.findings));

    const marked = await excel.markFindings(session);
    expect(marked.ok).toBe(true);
    expect(requestLines(host).filter((l) => l.includes('failed'))).toEqual([]);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(BUDGET);
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(BUDGET);
    // The ledger of 20,000 units: on a very hidden sheet, settings under 1 MB.
    expect(JSON.stringify(host.model.settings).length).toBeLessThan(1_000_000);
    expect(addinSyncs(host)).toBeGreaterThan(3);
    expect(
      Object.values(host.model.sheets[0].cells).filter((c) => c.fill === '#F4B6B6').length,
    ).toBeGreaterThan(100);

    expect(await excel.undo('marks', generated.grid.name)).toMatchObject({
      ok: true,
      value: { keptChanged: [] },
    });
    expect(requestLines(host).filter((l) => l.includes('failed'))).toEqual([]);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(BUDGET);
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(BUDGET);
    expect(JSON.stringify(host.model) === before).toBe(true);
  }, 600_000);
});
