/**
 * The Excel adapter (src/taskpane/excel.ts) against office-addin-mock, as
 * Microsoft's unit-testing guide does it: a small object model holding what
 * validate() and markFindings() ask Excel for, with context.sync counted.
 *
 * What office-addin-mock cannot express is tested on the simulated host
 * (adapter-sim.test.ts) instead: a collection's load("items/name") (its items
 * are set here as plain data), isNullObject (set as a plain property), and the
 * ClientResult of getCellProperties, which the mock hands back as a plain
 * { value } without waiting for a sync.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1 } from '../../src/engine/address';
import { analyseSheet } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import * as excel from '../../src/taskpane/excel';
import { adapterText } from '../../src/taskpane/excel/messages';
import { ui } from '../../src/taskpane/strings';
import { recap } from '../engine/grid';
import { SMALL_UNITS } from './workbook';
import { mergeAreas } from '../../src/engine/merges';

const SHEET = 'Rekap SKM OPP 2025';
const grid = recap(SMALL_UNITS, { sheet: SHEET }).grid;

/** The small recap's cells from (row, col), `rows` x `cols`, blank beyond the table. */
function block(
  source: CellValue[][],
  row: number,
  col: number,
  rows: number,
  cols: number,
  blank: CellValue,
): CellValue[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => source[row - 1 + i]?.[col - 1 + j] ?? blank),
  );
}

/** The options of every Excel.run of the current test. */
const runOptions: unknown[] = [];

interface Mocked {
  Excel: OfficeMockObject & Record<string, any>;
  syncs: () => number;
  add: jest.Mock;
}

/**
 * Excel with one sheet holding `grid`. `refuse(n)` may return an error for the
 * n-th sync (1-based), which then rejects as Excel's would.
 */
function mockExcel(
  sheetGrid: SheetGrid,
  options: { protected?: boolean; readOnly?: boolean; refuse?: (n: number) => unknown } = {},
): Mocked {
  const values = sheetGrid.values;
  const formats = (sheetGrid.formats ?? []).map((r) => r.map((f) => f ?? 'General'));
  const width = Math.max(...values.map((r) => r.length));
  const address = `'${sheetGrid.name}'!A1:${a1(values.length, width)}`;
  const merges = mergeAreas(sheetGrid.merges)
    .map((m) => `'${sheetGrid.name}'!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`)
    .join(',');
  const add = jest.fn();
  const data = {
    context: {
      workbook: {
        worksheets: {
          // load("items/name") is not something office-addin-mock can navigate into an array; the items are set below.
          load() {
            return this;
          },
          recap: {
            name: sheetGrid.name,
            protection: { protected: Boolean(options.protected) },
            used: { address },
            // Every getRange(address): whole rows when reading (their used part, their merged areas),
            // a cell or block when writing.
            rows: {
              values: [[]],
              format: { fill: { color: '', clear() {} } },
              setCellProperties() {},
              merged: { address: merges },
              getMergedAreasOrNullObject() {
                return this.merged;
              },
              head: {
                address,
                values,
                numberFormat: formats,
              },
              getUsedRangeOrNullObject() {
                return this.head;
              },
            },
            // The chunks the adapter reads when it reads in chunks: the whole table, as wide as the sheet (validate) or with the notes column (markFindings).
            chunks: Object.fromEntries(
              [width, width + 1].map((cols) => [
                `w${cols}`,
                {
                  values: block(values, 1, 1, values.length, cols, ''),
                  // Constants only: a constant's formula is its value.
                  formulas: block(values, 1, 1, values.length, cols, ''),
                  numberFormat: block(formats, 1, 1, values.length, cols, 'General'),
                  getCellProperties() {
                    return {
                      value: Array.from({ length: values.length }, () =>
                        Array.from({ length: cols }, () => ({
                          format: { fill: { color: '#FFFFFF', pattern: 'None' } },
                        })),
                      ),
                    };
                  },
                },
              ]),
            ),
            getUsedRangeOrNullObject() {
              return this.used;
            },
            getRange() {
              return this.rows;
            },
            // The formulas and formats of the notes column (right of the table), which markFindings reads to restore them later.
            notesFormulas: {
              formulas: Array.from({ length: values.length }, () => ['']),
              numberFormat: Array.from({ length: values.length }, () => ['General']),
            },
            getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
              if (row === 0 && col === width && cols === 1 && rows === values.length)
                return this.notesFormulas;
              // The fills of the cells about to be marked, a block of nearby rows at a time: none filled.
              if (row !== 0 || col !== 0 || rows !== values.length)
                return {
                  getCellProperties: () => ({
                    value: Array.from({ length: rows }, () =>
                      Array.from({ length: cols }, () => ({
                        format: { fill: { color: '#FFFFFF', pattern: 'None' } },
                      })),
                    ),
                  }),
                };
              return this.chunks[`w${cols}`];
            },
          },
          getActiveWorksheet() {
            return this.recap;
          },
          getItem() {
            return this.recap;
          },
        },
        readOnly: Boolean(options.readOnly),
        settings: {
          ledger: { value: '' },
          getItemOrNullObject() {
            return this.ledger;
          },
          getCount() {
            return { value: 0 };
          },
          add,
        },
      },
    },
    // Excel.run(options, batch): the options are kept for the tests to see.
    run: async function (...args: unknown[]) {
      runOptions.push(args.length > 1 ? args[0] : undefined);
      const batch = args[args.length - 1] as (context: unknown) => Promise<unknown>;
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as OfficeMockObject & Record<string, any>;
  const { workbook } = mock.context;
  const sheet = workbook.worksheets.recap;
  workbook.worksheets.items = [sheet];
  for (const o of [sheet.used, sheet.rows.head, sheet.rows.merged]) o.isNullObject = false;
  workbook.settings.ledger.isNullObject = true;

  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    const refusal = options.refuse?.(syncs);
    if (refusal) throw refusal;
    await sync();
    // office-addin-mock delivers nested properties in later microtasks.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { Excel: mock, syncs: () => syncs, add };
}

const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete globals.Excel;
  runOptions.length = 0;
});

function install(m: Mocked): Mocked {
  globals.Excel = m.Excel;
  return m;
}

const refusal = (code: string, message: string) =>
  Object.assign(new Error(message), { name: 'RichApi.Error', code });

describe('validate() on office-addin-mock', () => {
  it('reads a small recap in exactly one sync and finds what the engine finds in its grid', async () => {
    const m = install(mockExcel(grid));
    const v = await excel.validate('id');
    expect(m.syncs()).toBe(1);
    if (!v.ok) throw new Error(v.message.id);
    const reference = analyseSheet(grid);
    if (!reference.ok) throw new Error('grid not read');
    expect(v.value.sheet).toBe(SHEET);
    expect(v.value.analysis.findings.map((f) => `${f.code} ${f.cell}`)).toEqual([
      'ikm-mismatch N7',
    ]);
    expect(v.value.analysis.findings).toEqual(reference.findings);
    expect(v.value.grid.merges).toHaveLength(grid.merges!.length);
  });

  it('reads the sheet again in chunks when Excel refuses the first response for its size', async () => {
    const m = install(
      mockExcel(grid, {
        refuse: (n) =>
          n === 1 &&
          refusal(
            'ResponsePayloadSizeLimitExceeded',
            'The response payload size has exceeded the limit.',
          ),
      }),
    );
    const v = await excel.validate('id');
    // The refused sync, the used range's address, one chunk.
    expect(m.syncs()).toBe(3);
    expect(v.ok && v.value.analysis.findings.map((f) => `${f.code} ${f.cell}`)).toEqual([
      'ikm-mismatch N7',
    ]);
    expect(v.ok && v.value.grid.values).toEqual(grid.values);
  });

  it('turns an error thrown by Excel into a message', async () => {
    install(
      mockExcel(grid, { refuse: () => refusal('GeneralException', 'Ada masalah sementara.') }),
    );
    await expect(excel.validate('id')).resolves.toEqual({
      ok: false,
      message: ui.excelError('Ada masalah sementara.'),
    });
  });
});

describe('writing on office-addin-mock', () => {
  async function session(): Promise<excel.Session> {
    const v = await excel.validate('id');
    if (!v.ok) throw new Error(v.message.id);
    return v.value;
  }

  it('refuses to mark a protected sheet with the protected message, after one sync of its own and without writing', async () => {
    const m = install(mockExcel(grid, { protected: true }));
    const s = await session();
    const marked = await excel.markFindings(s);
    expect(marked).toEqual({ ok: false, message: ui.sheetProtected() });
    expect(m.syncs()).toBe(2);
    expect(m.add).not.toHaveBeenCalled();
  });

  it('turns Excel refusing a write on a protected sheet (AccessDenied) into the protected message', async () => {
    const m = install(
      mockExcel(grid, {
        refuse: (n) =>
          n === 3 &&
          refusal(
            'AccessDenied',
            "The cell or chart you're trying to change is on a protected sheet.",
          ),
      }),
    );
    const s = await session();
    await expect(excel.markFindings(s)).resolves.toEqual({
      ok: false,
      message: ui.sheetProtected(),
    });
    expect(m.syncs()).toBe(3);
  });

  it('tells a read-only workbook from one open for viewing when Excel answers AccessDenied', async () => {
    const denied = (n: number) => n === 3 && refusal('AccessDenied', 'Access denied.');
    install(mockExcel(grid, { readOnly: true, refuse: denied }));
    await expect(excel.markFindings(await session())).resolves.toEqual({
      ok: false,
      message: adapterText.readOnlyWorkbook(),
    });
    install(mockExcel(grid, { readOnly: false, refuse: denied }));
    await expect(excel.markFindings(await session())).resolves.toEqual({
      ok: false,
      message: adapterText.viewOnly(),
    });
    expect(adapterText.readOnlyWorkbook().id).not.toEqual(adapterText.viewOnly().id);
    expect(adapterText.viewOnly().id).not.toEqual(ui.sheetProtected().id);
  });

  it('says the workbook is open for viewing when Excel answers AccessDenied and then cannot say whether it is read-only', async () => {
    install(
      mockExcel(grid, {
        readOnly: true,
        refuse: (n) =>
          (n === 3 && refusal('AccessDenied', 'Access denied.')) ||
          (n === 4 && refusal('GeneralException', 'There was an internal error.')),
      }),
    );
    await expect(excel.markFindings(await session())).resolves.toEqual({
      ok: false,
      message: adapterText.viewOnly(),
    });
  });

  it('runs every batch with delayForCellEdit, so that a cell being edited delays it instead of failing it', async () => {
    install(mockExcel(grid));
    await excel.markFindings(await session());
    await excel.selectCell(SHEET, 'N7');
    await excel.ledgersOf(SHEET);
    expect(runOptions.length).toBeGreaterThanOrEqual(4);
    expect(runOptions.every((o) => (o as { delayForCellEdit?: boolean })?.delayForCellEdit)).toBe(
      true,
    );
  });

  it('never throws: every action answers a failing Excel with a message', async () => {
    install(mockExcel(grid));
    const s = await session();
    globals.Excel = { run: () => Promise.reject(refusal('GeneralException', 'Koneksi terputus.')) };
    const expected = { ok: false, message: ui.excelError('Koneksi terputus.') };
    await expect(excel.validate('id')).resolves.toEqual(expected);
    await expect(excel.markFindings(s)).resolves.toEqual(expected);
    await expect(excel.undo('marks', SHEET)).resolves.toEqual(expected);
    await expect(excel.addFormulaColumns(s)).resolves.toEqual(expected);
    await expect(excel.writeDistrictLine(s)).resolves.toEqual(expected);
    await expect(excel.selectCell(SHEET, 'N7')).resolves.toEqual(expected);
    await expect(excel.writeSummary(s)).resolves.toEqual(expected);
    await expect(excel.ledgersOf(SHEET)).resolves.toEqual({
      marks: false,
      formulas: false,
      average: false,
    });
    // Not even when Excel is not there at all.
    delete globals.Excel;
    await expect(excel.validate('id')).resolves.toMatchObject({
      ok: false,
      message: { id: expect.stringMatching(/^Excel menolak permintaan: /) },
    });
  });
});
