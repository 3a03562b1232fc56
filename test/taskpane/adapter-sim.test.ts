/**
 * The Excel adapter (src/taskpane/excel) against the simulated Excel host, driven by
 * Microsoft's Office.js client (and by the simulation's own proxies where cheap):
 * the Banjar recap and small recaps built in a few lines, with the host's
 * Excel, Office and OfficeExtension installed as globals, as Office.js would
 * put them. The host counts syncs and refuses requests and responses over
 * 5 MB, as Excel on the web does.
 */
import path from 'path';
import { analyseWorkbook } from '../../src/engine/analyse';
import type { Finding } from '../../src/engine/checks';
import { problems } from '../../src/engine/messages';
import type { ExcelHost } from '../../src/sim/host';
import { loadXlsxFile } from '../../src/sim/load-xlsx';
import {
  cellKey,
  cloneWorkbook,
  sheetFromRows,
  workbookOf,
  type WorkbookModel,
} from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import type { Session } from '../../src/taskpane/excel';
import { ui } from '../../src/taskpane/strings';
import { loadWorkbook, workbookGrids } from '../../src/xlsx/read';
import { BANJAR_COLUMNS, OTHER, recap, tahunan, unit } from '../engine/grid';
import { THIRD, smallRecap, workbookOfGrids } from './workbook';
import { CLIENTS, addinSyncs, openExcel, requestLines, type ExcelClient } from './excel-client';

const BANJAR = path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx');
const SHEET = 'Rekap SKM OPP 2025';

let banjar: WorkbookModel;
let host: ExcelHost;
let uninstall: (() => void) | undefined;
/** Which client drives the simulated Excel: Microsoft's Office.js by default. */
let client: ExcelClient = 'officejs';

beforeAll(async () => {
  banjar = await loadXlsxFile(BANJAR);
});

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

/** Opens a workbook in a fresh simulated Excel, its namespaces installed as globals. */
function open(model: WorkbookModel): ExcelHost {
  const opened = openExcel(model, {}, client);
  host = opened.host;
  uninstall = opened.uninstall;
  return host;
}

async function validated(): Promise<Session> {
  const v = await excel.validate('id');
  if (!v.ok) throw new Error(`not validated: ${v.message.id}`);
  return v.value;
}

const codesAndCells = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.cell ?? ''}`);

/** The requests, as the host logs them: "wire request #3 failed (...): 5 actions, request 639 B, response 4 B". */
const syncLines = () => requestLines(host);

// Through Microsoft's client (request sizes, load/sync and RichApi.Error are the library's), and
// through the simulation's own proxies, which the preview offers for debugging (?client=sim).
describe.each(CLIENTS)('through the %s client', (c) => {
  beforeAll(() => {
    client = c;
  });
  afterAll(() => {
    client = 'officejs';
  });

  describe('the Banjar recap', () => {
    it('validate() finds what the checker finds in the .xlsx, in one sync', async () => {
      open(banjar);
      const session = await validated();
      const reference = analyseWorkbook(workbookGrids(await loadWorkbook(BANJAR)));
      if (!reference.ok) throw new Error('the checker cannot read the Banjar recap');
      expect(session.sheet).toBe(SHEET);
      expect(codesAndCells(session.analysis.findings)).toEqual(codesAndCells(reference.findings));
      expect(session.analysis.findings.length).toBeGreaterThan(50);
      expect(addinSyncs(host)).toBe(1);
    });

    it('validates and marks in three syncs, no request or response over 4 MB', async () => {
      open(banjar);
      const marked = await excel.markFindings(await validated());
      expect(marked).toEqual({
        ok: true,
        value: { marked: 87, notes: 70, notesColumn: 'U', notesSkipped: 0 },
      });
      // One sync to read the sheet; one to read it again with its fills and the earlier ledger; one to write.
      expect(addinSyncs(host)).toBe(3);
      expect(host.stats.maxRequestBytes).toBeLessThan(4_000_000);
      expect(host.stats.maxResponseBytes).toBeLessThan(4_000_000);
      expect(syncLines().filter((l) => l.includes('failed'))).toEqual([]);
    });

    it('"Hapus Tanda" restores every value and fill, and removes its ledger', async () => {
      open(banjar);
      const before = cloneWorkbook(host.model);
      const session = await validated();
      expect((await excel.markFindings(session)).ok).toBe(true);
      expect(host.model.sheets[0].cells['8,14']).toMatchObject({ value: 85.512, fill: '#F4B6B6' });
      expect(host.model.sheets[0].cells['4,21']).toMatchObject({ value: 'Catatan Validasi' });
      expect(Object.keys(host.model.settings)).toEqual([`skmRekap.marks.${SHEET}`]);

      const undone = await excel.undo('marks', SHEET);
      expect(undone).toEqual({ ok: true, value: { restored: 87 + 71, keptChanged: [] } });
      expect(host.model).toEqual(before);
      expect(host.model.settings).toEqual({});
    });

    it('marking twice, then "Hapus Tanda" once, restores the sheet as it was before the first marking', async () => {
      open(banjar);
      const before = cloneWorkbook(host.model);
      expect((await excel.markFindings(await validated())).ok).toBe(true);
      // The pane validates again after writing; the second marking replaces the first.
      expect((await excel.markFindings(await validated())).ok).toBe(true);
      expect((await excel.undo('marks', SHEET)).ok).toBe(true);
      expect(host.model).toEqual(before);
    });

    it('refuses to mark a sheet edited since it was validated, and writes nothing', async () => {
      open(banjar);
      const session = await validated();
      host.editCell(SHEET, 'N10', 90.1);
      const edited = cloneWorkbook(host.model);
      const marked = await excel.markFindings(session);
      expect(marked).toEqual({ ok: false, message: ui.changedSinceRead(SHEET, 'N10') });
      expect(marked.ok || marked.message.id).toMatch(/berubah sejak divalidasi/);
      expect(host.model).toEqual(edited);
    });

    it('writes the district line once: a second time there is nothing to write, and "Pulihkan" restores the printed line', async () => {
      open(banjar);
      const before = cloneWorkbook(host.model);
      const written = await excel.writeDistrictLine(await validated());
      expect(written).toEqual({ ok: true, value: { written: 13, row: 334 } });
      expect(host.model.sheets[0].cells['334,14'].value).toBe(87.68);
      const afterFirst = cloneWorkbook(host.model);

      const again = await validated();
      expect(excel.previewDistrictLine(again).changes).toEqual([]);
      expect(await excel.writeDistrictLine(again)).toEqual({
        ok: true,
        value: { written: 0, row: 334 },
      });
      expect(host.model).toEqual(afterFirst);

      expect(await excel.undo('average', SHEET)).toEqual({
        ok: true,
        value: { restored: 13, keptChanged: [] },
      });
      expect(host.model).toEqual(before);
    });

    it("writes =SKM.IKM, =SKM.KATEGORI and =SKM.PERIKSA through range.formulas, each on its record's own rows, and removes them again", async () => {
      open(banjar);
      const before = cloneWorkbook(host.model);
      const session = await validated();
      const added = await excel.addFormulaColumns(session);
      expect(added).toEqual({ ok: true, value: { formulas: expect.any(Number), columns: 'V:X' } });
      const cells = host.model.sheets[0].cells;
      expect([cells['4,22'].value, cells['4,23'].value, cells['4,24'].value]).toEqual([
        'SKM.IKM',
        'SKM.KATEGORI',
        'SKM.PERIKSA',
      ]);
      // The Banjar layout: U1..U9 in E:M, IKM in N, Kategori in O; comma separators whatever the locale.
      expect([cells['8,22'].formula, cells['8,23'].formula, cells['8,24'].formula]).toEqual([
        '=SKM.IKM(E8:M9)',
        '=SKM.KATEGORI(V8)',
        '=SKM.PERIKSA(E8:M9, N8, O8)',
      ]);
      const records = session.analysis.table.records.filter((r) => r.nrr || r.conv);
      expect(added.ok && added.value.formulas).toBe(records.length * 3);
      for (const r of records) {
        expect(cells[cellKey(r.firstRow, 22)].formula).toBe(
          `=SKM.IKM(E${r.firstRow}:M${r.lastRow})`,
        );
        expect(cells[cellKey(r.firstRow, 24)].formula).toMatch(
          new RegExp(
            `^=SKM\\.PERIKSA\\(E${r.firstRow}:M${r.lastRow}, N${r.firstRow}, O${r.firstRow}\\)$`,
          ),
        );
      }
      const writes = host.stats.operations.filter((o) =>
        /!V\d+(:X\d+)?\)\.(values|formulas) =/.test(o),
      );
      expect(writes.length).toBeGreaterThan(0);
      expect(writes.every((o) => o.includes('.formulas ='))).toBe(true);

      expect(await excel.undo('formulas', SHEET)).toEqual({
        ok: true,
        value: { restored: records.length * 3 + 3, keptChanged: [] },
      });
      expect(host.model).toEqual(before);
    });
  });

  describe('small recaps', () => {
    it('adds a district line under a table whose next row is blank, and "Pulihkan" leaves no number format behind', async () => {
      open(smallRecap());
      const before = cloneWorkbook(host.model);
      const written = await excel.writeDistrictLine(await validated());
      expect(written).toEqual({ ok: true, value: { written: expect.any(Number), row: 9 } });
      expect(host.model.sheets[0].cells['9,1'].value).toBe('RATA-RATA KABUPATEN');
      expect(host.model.sheets[0].cells['9,14'].numberFormat).toBe('0.00');
      expect((await excel.undo('average', 'Rekap SKM OPP 2025')).ok).toBe(true);
      expect(host.model).toEqual(before);
    });

    it('inserts the district line when the row under the table is taken, and "Pulihkan" deletes the row again', async () => {
      open(smallRecap({ after: [['Catatan: data per 5 Desember 2025']] }));
      const before = cloneWorkbook(host.model);
      const session = await validated();
      expect(excel.previewDistrictLine(session).plan.average).toMatchObject({
        row: 9,
        insert: true,
      });
      expect((await excel.writeDistrictLine(session)).ok).toBe(true);
      const cells = host.model.sheets[0].cells;
      expect(cells['9,1'].value).toBe('RATA-RATA KABUPATEN');
      expect(cells['10,1'].value).toBe('Catatan: data per 5 Desember 2025');
      expect(await excel.undo('average', 'Rekap SKM OPP 2025')).toMatchObject({
        ok: true,
        value: { keptChanged: [] },
      });
      expect(host.model).toEqual(before);
    });

    it('restores a RATA-RATA cell that held a formula as that formula', async () => {
      const model = smallRecap({
        average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80 },
      });
      // The printed IKM of the line is =AVERAGE(N3:N8) with its cached value, as Excel saves it.
      model.sheets[0].cells['9,14'] = { value: 80, formula: '=AVERAGE(N3:N8)' };
      open(model);
      expect((await excel.writeDistrictLine(await validated())).ok).toBe(true);
      // A General cell of the line gets two decimals, so that it shows what was computed.
      expect(host.model.sheets[0].cells['9,14']).toEqual({
        value: expect.any(Number),
        numberFormat: '0.00',
      });
      expect((await excel.undo('average', 'Rekap SKM OPP 2025')).ok).toBe(true);
      // The simulated host cannot calculate AVERAGE; the formula itself is what must come back.
      expect(host.model.sheets[0].cells['9,14'].formula).toBe('=AVERAGE(N3:N8)');
    });

    it('keeps text starting with "=" as text: a unit name, and a note of the staff\'s own that "Hapus Tanda" puts back', async () => {
      const hyperlink = '=HYPERLINK("x")';
      const { grid } = recap(
        [
          unit(1, hyperlink, tahunan(OTHER)),
          // The same NRR and converted lines as unit 1: its note names unit 1.
          unit(
            2,
            'DINAS B',
            tahunan({ ...OTHER, ikm: 85.9, extra: { 'Catatan Validasi': hyperlink } }),
          ),
          unit(3, 'DINAS C', tahunan(THIRD)),
        ],
        { columns: [...BANJAR_COLUMNS, { extra: 'Catatan Validasi' }] },
      );
      open(workbookOfGrids(grid));
      const before = cloneWorkbook(host.model);
      const session = await validated();
      expect(session.analysis.table.units.map((u) => u.name)).toContain(hyperlink);
      expect((await excel.markFindings(session)).ok).toBe(true);
      const notes = host.model.sheets[0].cells['5,21'];
      expect(notes.value).toEqual(expect.stringContaining(hyperlink));
      expect(notes.formula).toBeUndefined();
      expect(
        Object.values(host.model.sheets[0].cells).filter((c) => c.formula !== undefined),
      ).toEqual([]);

      expect((await excel.undo('marks', 'Rekap SKM OPP 2025')).ok).toBe(true);
      expect(host.model.sheets[0].cells['5,21']).toEqual({ value: hyperlink });
      expect(host.model).toEqual(before);
    });

    it('"Hapus Tanda" gives back pattern fills and tinted theme fills exactly, after marking once and twice', async () => {
      const model = smallRecap();
      const cells = model.sheets[0].cells;
      // Unit 3's rows (7-8) as staff coloured them: a red grid pattern on light yellow, and a theme
      // colour darkened by 25% (Excel's "Blue, Accent 1, Darker 25%"), alternately.
      for (let col = 1; col <= 14; col++)
        for (const row of [7, 8]) {
          const key = cellKey(row, col);
          cells[key] = {
            ...(cells[key] ?? { value: '' }),
            ...(col % 2
              ? { fill: '#FFFFCC', fillStyle: { pattern: 'Grid', patternColor: '#FF0000' } }
              : { fill: '#4472C4', fillStyle: { tintAndShade: -0.25 } }),
          };
        }
      open(model);
      const before = cloneWorkbook(host.model);
      expect((await excel.markFindings(await validated())).ok).toBe(true);
      const marked = Object.entries(host.model.sheets[0].cells).filter(
        ([k, c]) => c.fill === '#F4B6B6' && before.sheets[0].cells[k]?.fillStyle,
      );
      expect(marked.map(([k]) => k)).toContain('7,14');
      // A mark is a plain solid colour, whatever the cell had.
      expect(marked.every(([, c]) => c.fillStyle === undefined)).toBe(true);
      expect((await excel.undo('marks', 'Rekap SKM OPP 2025')).ok).toBe(true);
      expect(host.model).toEqual(before);
      expect(host.model.sheets[0].cells['7,13'].fillStyle).toEqual({
        pattern: 'Grid',
        patternColor: '#FF0000',
      });

      expect((await excel.markFindings(await validated())).ok).toBe(true);
      expect((await excel.markFindings(await validated())).ok).toBe(true);
      expect((await excel.undo('marks', 'Rekap SKM OPP 2025')).ok).toBe(true);
      expect(host.model).toEqual(before);
    });

    it('reads a protected sheet but refuses to write on it, saying so, and writes nothing', async () => {
      const model = smallRecap();
      model.sheets[0].protected = true;
      open(model);
      const before = cloneWorkbook(host.model);
      const session = await validated();
      expect(await excel.markFindings(session)).toEqual({
        ok: false,
        message: ui.sheetProtected(),
      });
      expect(await excel.addFormulaColumns(session)).toEqual({
        ok: false,
        message: ui.sheetProtected(),
      });
      expect(await excel.writeDistrictLine(session)).toEqual({
        ok: false,
        message: ui.sheetProtected(),
      });
      expect(ui.sheetProtected().id).toMatch(/dilindungi/);
      expect(host.model).toEqual(before);
    });

    it('says which sheets it looked at when none holds a recap table', async () => {
      open(
        workbookOf(
          sheetFromRows('Data', [
            ['Nama', 'Nilai'],
            ['A', 1],
          ]),
          sheetFromRows('Catatan', [['Rapat 5 Desember']]),
        ),
      );
      const v = await excel.validate('id');
      expect(v).toEqual({ ok: false, message: problems.noRecapInWorkbook(['Data', 'Catatan']) });
    });

    it('finds the recap on another sheet than the active one', async () => {
      const model = smallRecap();
      model.sheets.unshift(sheetFromRows('Lampiran', [['Daftar OPD']]));
      model.activeSheet = 'Lampiran';
      open(model);
      const session = await validated();
      expect(session.sheet).toBe('Rekap SKM OPP 2025');
      expect(codesAndCells(session.analysis.findings)).toEqual(['ikm-mismatch N7']);
    });
  });
});
