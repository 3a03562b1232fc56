/**
 * The promises the task pane makes about a workbook, through the adapter's
 * exported functions, through Microsoft's Office.js client over the simulated
 * Excel host (src/sim/officejs, src/sim/host.ts):
 * nothing is written over a cell a co-author changed since "Validasi Rekap",
 * "Hapus Tanda" never overwrites a fill the user set after marking, marking
 * again after a fix leaves no stale fill, and a sheet whose rows are too large
 * for one response of Excel on the web is still read whole.
 *
 * Small recap (test/taskpane/workbook.ts): header rows 1-2, units on rows 3-8,
 * E..M the unsur, N the IKM; unit 3's IKM (N7) is an error; the district line
 * goes to row 9.
 */
import { analyseSheet } from '../../src/engine/analyse';
import type { Finding } from '../../src/engine/checks';
import type { ExcelHost } from '../../src/sim/host';
import { cloneWorkbook, type WorkbookModel } from '../../src/sim/model';
import { failedRequests, openExcel } from '../taskpane/excel-client';
import * as excel from '../../src/taskpane/excel';
import type { Session } from '../../src/taskpane/excel';
import { ui } from '../../src/taskpane/strings';
import { OTHER, recap, tahunan, unit } from '../engine/grid';
import { SMALL_UNITS, THIRD, smallRecap, workbookOfGrids } from '../taskpane/workbook';

const SHEET = 'Rekap SKM OPP 2025';
const RED = '#F4B6B6';

let host: ExcelHost;
let uninstall: (() => void) | undefined;

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function open(model: WorkbookModel): ExcelHost {
  const opened = openExcel(model);
  host = opened.host;
  uninstall = opened.uninstall;
  return host;
}

async function validated(): Promise<Session> {
  const v = await excel.validate('id');
  if (!v.ok) throw new Error(`not validated: ${v.message.id}`);
  return v.value;
}

/** A cell of the first sheet by A1 address, as the host holds it. */
function cell(address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return host.model.sheets[0].cells[`${Number(m[2])},${col}`];
}

/** Two errors: unit 2's IKM (N5, 85,1 for 86,00) and unit 3's (N7, 85,1 for 85,56). */
const TWO_ERRORS = [
  SMALL_UNITS[0],
  unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: 85.1 })),
  unit(3, 'DINAS C', tahunan({ ...THIRD, ikm: 85.1 })),
];

const refused = (address: string) => ({ ok: false, message: ui.changedSinceRead(SHEET, address) });

describe('nothing is written over a cell a co-author changed since the validation', () => {
  it('"Tulis Rata-rata Kabupaten" refuses when a record\'s IKM changed, and writes nothing', async () => {
    open(smallRecap());
    const session = await validated();
    host.editCell(SHEET, 'N5', 86.5);
    const edited = cloneWorkbook(host.model);
    expect(await excel.writeDistrictLine(session)).toEqual(refused('N5'));
    expect(host.model).toEqual(edited);
  });

  it('"Tulis Rata-rata Kabupaten" refuses when someone typed in the row the line is to take', async () => {
    open(smallRecap());
    const session = await validated();
    expect(excel.previewDistrictLine(session).plan.average).toMatchObject({ row: 9 });
    host.editCell(SHEET, 'E9', 'total sementara');
    const edited = cloneWorkbook(host.model);
    expect(await excel.writeDistrictLine(session)).toEqual(refused('E9'));
    expect(host.model).toEqual(edited);
  });

  it('"Kolom Rumus" refuses when a record changed, and writes nothing', async () => {
    open(smallRecap());
    const session = await validated();
    host.editCell(SHEET, 'G3', 78);
    const edited = cloneWorkbook(host.model);
    expect(await excel.addFormulaColumns(session)).toEqual(refused('G3'));
    expect(host.model).toEqual(edited);
  });

  it('"Kolom Rumus" refuses when someone typed where its columns go', async () => {
    open(smallRecap());
    const session = await validated();
    const planned = excel.planFormulaColumns(session);
    if (!planned.ok) throw new Error('no formula columns planned');
    const target = planned.value.cells.find((c) => c.row === 5)!;
    const address = `${String.fromCharCode(64 + target.col)}${target.row}`;
    host.editCell(SHEET, address, 'cek manual');
    const edited = cloneWorkbook(host.model);
    expect(await excel.addFormulaColumns(session)).toEqual(refused(address));
    expect(host.model).toEqual(edited);
  });

  it('"Tandai di Lembar" refuses when someone typed a note in the Catatan Validasi column after the validation', async () => {
    // Where the notes go, learnt from marking a copy.
    open(smallRecap());
    const probe = await excel.markFindings(await validated());
    if (!probe.ok) throw new Error('not marked');
    const notes = `${probe.value.notesColumn}7`;
    uninstall?.();

    open(smallRecap());
    const session = await validated();
    host.editCell(SHEET, notes, 'sudah dicek Bu Rina');
    const edited = cloneWorkbook(host.model);
    expect(await excel.markFindings(session)).toEqual(refused(notes));
    expect(host.model).toEqual(edited);
    expect(cell(notes).value).toBe('sudah dicek Bu Rina');
  });
});

describe('"Hapus Tanda" and marking again', () => {
  it('"Hapus Tanda" leaves a fill the user changed after marking, says so, and restores the rest', async () => {
    open(smallRecap());
    const before = cloneWorkbook(host.model);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect(cell('N7').fill).toBe(RED);
    host.setFill(SHEET, 'N7', '#00B050');

    const undone = await excel.undo('marks', SHEET);
    expect(undone).toMatchObject({ ok: true, value: { keptChanged: ['N7'] } });
    expect(cell('N7').fill).toBe('#00B050');
    // Everything else is as it was: only N7's fill differs from the sheet before marking.
    const expected = cloneWorkbook(before);
    expected.sheets[0].cells['7,14'] = { ...expected.sheets[0].cells['7,14'], fill: '#00B050' };
    expect(host.model).toEqual(expected);
  });

  it('marking again after a record was fixed removes the fill of the fixed cell and keeps the others', async () => {
    open(smallRecap({}, TWO_ERRORS));
    const before = cloneWorkbook(host.model);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect([cell('N5').fill, cell('N7').fill]).toEqual([RED, RED]);

    host.editCell(SHEET, 'N7', 85.56);
    const again = await validated();
    expect(again.analysis.findings.map((f: Finding) => f.cell)).toEqual(['N5']);
    expect((await excel.markFindings(again)).ok).toBe(true);
    expect(cell('N7').fill).toBeUndefined();
    expect(cell('N5').fill).toBe(RED);

    // And "Hapus Tanda" still brings back the sheet as it was before the first marking, with the fix.
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    const fixed = cloneWorkbook(before);
    fixed.sheets[0].cells['7,14'] = { ...fixed.sheets[0].cells['7,14'], value: 85.56 };
    expect(JSON.parse(JSON.stringify(host.model))).toEqual(JSON.parse(JSON.stringify(fixed)));
  });
});

describe('marking again where the earlier marks reach further', () => {
  it("checks the cells an earlier run marked below this run's before clearing them, and refuses when a co-author typed there", async () => {
    // Two errors: unit 2's IKM (N5) and unit 3's (N7); N7 is then fixed, so this run marks up to row 5 only.
    open(smallRecap({}, TWO_ERRORS));
    const first = await excel.markFindings(await validated());
    if (!first.ok) throw new Error('not marked');
    const note = `${first.value.notesColumn}7`;
    expect(typeof cell(note)?.value).toBe('string');
    host.editCell(SHEET, 'N7', 85.56);

    const again = await validated();
    // Between the validation and the marking, a co-author writes over the old note of unit 3.
    host.editCell(SHEET, note, 'sudah diperbaiki, cek Bu Rina');
    const edited = cloneWorkbook(host.model);
    expect(await excel.markFindings(again)).toEqual(refused(note));
    expect(host.model).toEqual(edited);

    // Validated once more, the marking goes ahead: the stale fill goes, the co-author's text stays.
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect(cell('N7').fill).toBeUndefined();
    expect(cell(note).value).toBe('sudah diperbaiki, cek Bu Rina');
  });

  it('leaves a fill someone set on an earlier mark since, when that cell needs no mark any more', async () => {
    open(smallRecap({}, TWO_ERRORS));
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    // Fixed, and coloured green by the person who fixed it.
    host.editCell(SHEET, 'N7', 85.56);
    host.setFill(SHEET, 'N7', '#00B050');
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect(cell('N7').fill).toBe('#00B050');
    expect(cell('N5').fill).toBe(RED);
  });
});

describe('"Tulis Rata-rata Kabupaten" written again after a fix', () => {
  it('"Pulihkan Nilai Lama" still brings back the line as printed before the first write', async () => {
    // A printed district line under the table (row 9), with numbers of its own.
    const printed = { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80 };
    open(smallRecap({ average: printed }));
    const before = cloneWorkbook(host.model);
    const first = await excel.writeDistrictLine(await validated());
    expect(first).toMatchObject({ ok: true, value: { row: 9 } });
    const ikmAfterFirst = cell('N9').value;
    expect(ikmAfterFirst).not.toBe(80);

    // A record is corrected, so the mean moves and the line is written a second time.
    host.editCell(SHEET, 'E3', 3.5);
    host.editCell(SHEET, 'E4', 87.5);
    const second = await excel.writeDistrictLine(await validated());
    expect(second).toMatchObject({ ok: true, value: { row: 9 } });
    expect(second.ok && second.value.written).toBeGreaterThan(0);
    expect(cell('E9').value).not.toBe(before.sheets[0].cells['9,5'].value);

    const undone = await excel.undo('average', SHEET);
    expect(undone).toMatchObject({ ok: true, value: { keptChanged: [] } });
    const expected = cloneWorkbook(before);
    expected.sheets[0].cells['3,5'] = { ...expected.sheets[0].cells['3,5'], value: 3.5 };
    expected.sheets[0].cells['4,5'] = { ...expected.sheets[0].cells['4,5'], value: 87.5 };
    expect(JSON.parse(JSON.stringify(host.model))).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe('a sheet too large for one response of Excel on the web', () => {
  // Each record's Rencana Tindak Lanjut is a 6,000-character text: 2,000 rows (the first read,
  // and a chunk of 40,000 cells) come to about 6 MB, over the 5 MB Excel on the web answers.
  const LONG = 'Peningkatan kualitas layanan melalui pelatihan petugas. '.repeat(108);
  const build = () => {
    const units = Array.from({ length: 1000 }, (_, i) =>
      unit(i + 1, `UNIT ${i + 1}`, tahunan({ ...(i % 2 ? OTHER : THIRD), rtl: LONG })),
    );
    // One error to mark, far down the sheet: unit 901's IKM, in N1803 (two header rows, two lines a unit).
    units[900] = unit(901, 'UNIT 901', tahunan({ ...THIRD, ikm: 85.1, rtl: LONG }));
    return recap(units).grid;
  };

  it('is read in smaller chunks when a chunk is refused for its size, with every finding', async () => {
    const grid = build();
    open(workbookOfGrids(grid));
    const session = await validated();
    // The refusal did happen: this is the case the halving exists for.
    expect(failedRequests(host).length).toBeGreaterThan(0);
    const reference = analyseSheet(grid);
    if (!reference.ok) throw new Error('the recap cannot be read');
    expect(session.grid.values.length).toBe(grid.values.length);
    expect(session.analysis.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(
      reference.findings.map((f) => `${f.code} ${f.cell}`),
    );
    expect(session.analysis.findings.map((f) => `${f.code} ${f.cell}`)).toContain(
      'ikm-mismatch N1803',
    );
  }, 120_000);

  it('is marked and unmarked in chunks that Excel accepts', async () => {
    open(workbookOfGrids(build()));
    const before = JSON.stringify(host.model);
    const session = await validated();
    host.stats.reset();
    expect((await excel.markFindings(session)).ok).toBe(true);
    expect(cell('N1803').fill).toBe(RED);
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    expect(JSON.stringify(host.model) === before).toBe(true);
  }, 120_000);
});
