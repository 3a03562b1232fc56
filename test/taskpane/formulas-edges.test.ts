/**
 * "Kolom Rumus" on recaps laid out otherwise than Banjar's, and written a second time after the
 * table changed (src/taskpane/excel/formulas.ts), through Microsoft's Office.js client over the
 * simulated Excel.
 */
import type { ExcelHost } from '../../src/sim/host';
import { cellKey, cloneWorkbook } from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import { ui } from '../../src/taskpane/strings';
import { UNSUR_CODES } from '../../src/engine/unsur';
import { BANJAR_COLUMNS, type ColumnSpec } from '../engine/grid';
import { excelPerTest } from './excel-client';
import { smallRecap } from './workbook';

const { open, validated } = excelPerTest();

const formulaCells = (h: ExcelHost) =>
  Object.entries(h.model.sheets[0].cells)
    .filter(([, c]) => c.formula?.startsWith('=SKM.'))
    .map(([key, c]): [string, string | undefined] => [key, c.formula]);

describe('"Kolom Rumus" on other layouts', () => {
  it('refuses, writing nothing, when a column stands between the unsur columns', async () => {
    const columns: ColumnSpec[] = [
      'no',
      'unit',
      'period',
      ...UNSUR_CODES.slice(0, 4),
      { extra: 'Catatan Unsur' },
      ...UNSUR_CODES.slice(4),
      'ikm',
      'category',
    ];
    const host = open(smallRecap({ columns }));
    const before = cloneWorkbook(host.model);
    const session = await validated();
    expect(await excel.addFormulaColumns(session)).toEqual({
      ok: false,
      message: ui.unsurNotContiguous(),
    });
    expect(host.model).toEqual(before);
  });

  it('checks the values alone where the recap has no IKM and no category column', async () => {
    const columns = BANJAR_COLUMNS.filter((c) => c !== 'ikm' && c !== 'category');
    const host = open(smallRecap({ columns }));
    const session = await validated();
    const added = await excel.addFormulaColumns(session);
    expect(added.ok).toBe(true);
    const records = session.analysis.table.records.filter((r) => r.nrr || r.conv);
    expect(records.length).toBeGreaterThan(0);
    const periksa = formulaCells(host).filter(([, f]) => f?.startsWith('=SKM.PERIKSA('));
    expect(periksa).toHaveLength(records.length);
    // U1..U9 in E:M as in Banjar; no IKM to compare: "" in its place, and no category argument.
    for (const [, f] of periksa) expect(f).toMatch(/^=SKM\.PERIKSA\(E\d+:M\d+, ""\)$/);
    // Checked again, the columns "SKM.IKM" and "SKM.KATEGORI" are not taken for the recap's own.
    const again = await validated();
    expect(again.analysis.table.columns.roles.ikm).toBeUndefined();
    expect(again.analysis.table.columns.roles.category).toBeUndefined();
    expect(again.analysis.findings).toEqual(session.analysis.findings);
  });
});

describe('"Kolom Rumus" written again', () => {
  it('keeps the rows of a record that lost its values in the ledger, so "Hapus Kolom Rumus" removes those formulas too', async () => {
    const host = open(smallRecap());
    const before = cloneWorkbook(host.model);
    const first = await validated();
    expect((await excel.addFormulaColumns(first)).ok).toBe(true);
    const gone = first.analysis.table.records[1];
    const formulaRow = formulaCells(host).filter(([key]) => key.startsWith(`${gone.firstRow},`));
    expect(formulaRow).toHaveLength(3);

    // A person clears the second unit's values: that record gets no formulas on a second run.
    const expected = cloneWorkbook(before);
    const unsurCols = UNSUR_CODES.map((u) => first.analysis.table.columns.unsur[u]);
    for (let row = gone.firstRow; row <= gone.lastRow; row++)
      for (const col of unsurCols)
        for (const sheet of [host.model.sheets[0], expected.sheets[0]])
          delete sheet.cells[cellKey(row, col)];

    const second = await validated();
    // Our own columns are no part of the table: the same columns again, not three more to their right.
    expect(second.analysis.table.lastCol).toBe(first.analysis.table.lastCol);
    expect(await excel.addFormulaColumns(second)).toEqual({
      ok: true,
      value: { formulas: 6, columns: 'V:X' },
    });
    // The old formulas on that row are still there (nothing writes over them) ...
    expect(formulaCells(host).filter(([key]) => key.startsWith(`${gone.firstRow},`))).toEqual(
      formulaRow,
    );
    // ... and undo takes every formula of both runs away, leaving the person's edit.
    const undone = await excel.undo('formulas', first.sheet);
    expect(undone).toEqual({ ok: true, value: expect.objectContaining({ keptChanged: [] }) });
    expect(formulaCells(host)).toEqual([]);
    expect(host.model.sheets[0].cells).toEqual(expected.sheets[0].cells);
  });
});

describe('"Kolom Rumus" beside an empty merged block right of the table', () => {
  it('puts its columns after the block, so that every formula lands, and takes them away again', async () => {
    const model = smallRecap();
    // U1:AD8 merged, nothing in it: Excel keeps only a merged area's top-left value, so a formula
    // written inside the block would be dropped without a word.
    model.sheets[0].merges.push({ top: 1, left: 21, bottom: 8, right: 30 });
    const host = open(model);
    const before = cloneWorkbook(host.model);
    const written = await excel.addFormulaColumns(await validated());
    expect(written).toMatchObject({ ok: true, value: { formulas: 9 } });
    const cells = formulaCells(host);
    expect(cells).toHaveLength(9);
    // Every formula outside the block (past column AD), none lost.
    expect(cells.every(([key]) => Number(key.split(',')[1]) > 30)).toBe(true);
    expect(host.stats.operations.filter((o) => o.includes('inside merged'))).toEqual([]);
    expect((await excel.undo('formulas', model.sheets[0].name)).ok).toBe(true);
    expect(host.model).toEqual(before);
  });
});
