/**
 * "Olah Data Responden" and "Masukkan ke Rekap" in the Excel adapter, against
 * the simulated Excel host through its own proxies and through Microsoft's
 * Office.js client: the processing sheet's formulas, as the host calculates
 * them, equal the engine's numbers (and follow a corrected answer); its name
 * never replaces a sheet; the recap lines written are consistent for the
 * checker; a changed recap is not written over; both writes undo.
 */
import { a1 } from '../../src/engine/address';
import { analyseSheet } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import type { Processed } from '../../src/engine/respondents/process';
import { processingSheetPlan } from '../../src/engine/respondents/sheet-plan';
import { createExcelHost, type ExcelHost } from '../../src/sim/host';
import {
  cellKey,
  cloneWorkbook,
  sheetFromRows,
  workbookOf,
  type WorkbookModel,
} from '../../src/sim/model';
import { installOfficeJs } from '../../src/sim/officejs';
import { isLedgerSheet } from '../../src/taskpane/excel/ledger-store';
import { olahActiveSheet, undoOlah, olahSheets } from '../../src/taskpane/excel/olah';
import {
  entryPlan,
  matchUnit,
  PERIODS,
  recapSessions,
  undoEntry,
  unitPeriods,
  writeEntry,
} from '../../src/taskpane/excel/olah-rekap';
import {
  ANSWERS_SHEET,
  answersRows,
  engine,
  expectCalculatedAsEngine,
  gridOfSheet,
  value,
} from './olah-fixture';
import { sheetOfGrid, smallRecap } from './workbook';
import { BASE, recap, tahunan, unit } from '../engine/grid';

const RECAP = 'Rekap SKM OPP 2025';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

type Open = (model: WorkbookModel) => ExcelHost;
const CLIENTS: [string, Open][] = [
  [
    'simulated proxies',
    (model) => {
      const host = createExcelHost(cloneWorkbook(model));
      uninstall = host.install();
      return host;
    },
  ],
  [
    "Microsoft's Office.js",
    (model) => {
      const o = installOfficeJs(cloneWorkbook(model));
      uninstall = o.install();
      return o.host;
    },
  ],
];

/** The answers sheet (active) and the small recap, whose DINAS B has a Tahunan record. */
function workbook(rows = answersRows()): WorkbookModel {
  const recap = smallRecap().sheets[0];
  const wb = workbookOf(sheetFromRows(ANSWERS_SHEET, rows), recap);
  return wb;
}

describe.each(CLIENTS)('Olah Data Responden through %s', (_name, open) => {
  it('writes the processing sheet whose formulas, calculated, equal the engine; charts; undo deletes it', async () => {
    const host = open(workbook());
    const p = engine(host.model);
    // The fixture's slips are there: a blank and an out-of-range answer.
    expect(p.quality.map((q) => q.kind)).toEqual(expect.arrayContaining(['out-of-range', 'blank']));
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    expect(r.value.sheet).toBe('Pengolahan SKM');
    expect(r.value.processed.scores.ikm).toBeCloseTo(p.scores.ikm!, 12);
    // The unit may be named by the sheet or by the title above the answers.
    expect(r.value.hints).toEqual([ANSWERS_SHEET, 'DATA JAWABAN RESPONDEN SKM DINAS B']);
    const sheet = host.model.sheets.find((s) => s.name === 'Pengolahan SKM')!;
    expect(host.model.sheets.map((s) => s.name)).toEqual([ANSWERS_SHEET, 'Pengolahan SKM', RECAP]);
    expect(host.model.activeSheet).toBe('Pengolahan SKM');
    expectCalculatedAsEngine(sheet, p);
    const plan = processingSheetPlan(p, 'id', sheet.name);
    // Live formulas, not values: the sums are SUM over the respondents.
    expect(sheet.cells[cellKey(plan.at.sumRow, 2)].formula).toBe(
      `=SUM(B${plan.at.firstRespondentRow}:B${plan.at.lastRespondentRow})`,
    );
    expect(sheet.cells[cellKey(plan.at.nrrRow, 2)].numberFormat).toBe('0.00');
    expect(sheet.charts?.length).toBe(plan.profileTables.length);
    expect(sheet.charts!.length).toBeGreaterThan(0);
    expect(await olahSheets()).toBe(1);

    const undone = await undoOlah();
    expect(undone).toEqual({ ok: true, value: { sheet: 'Pengolahan SKM' } });
    expect(host.model.sheets.map((s) => s.name)).toEqual([ANSWERS_SHEET, RECAP]);
    expect(host.model.settings).toEqual({});
    expect(await olahSheets()).toBe(0);
    const again = await undoOlah();
    expect(again.ok).toBe(false);
  });

  it('recalculates when an answer is corrected on the processing sheet', async () => {
    const host = open(workbook());
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    const p = r.value.processed;
    const plan = processingSheetPlan(p, 'id', r.value.sheet);
    // Respondent 1's U1 from its value to 1: Σ and NRR of U1 and the IKM follow.
    const address = a1(plan.at.firstRespondentRow, 2);
    const before = p.scores.items[0];
    const old = p.rows[0].answers[0];
    if (old.kind !== 'value') throw new Error('fixture: respondent 1 answered U1');
    host.editCell(r.value.sheet, address, 1);
    const sheet = host.model.sheets.find((s) => s.name === r.value.sheet)!;
    const sum = before.sum - old.value + 1;
    expect(sheet.cells[cellKey(plan.at.sumRow, 2)].value).toBe(sum);
    expect(sheet.cells[cellKey(plan.at.nrrRow, 2)].value as number).toBeCloseTo(
      sum / before.answered,
      12,
    );
    const nrrs = p.scores.items.map((s, i) => (i === 0 ? sum / before.answered : s.nrr!));
    expect(value(sheet, plan.at.ikm) as number).toBeCloseTo(
      (nrrs.reduce((a, b) => a + b, 0) / 9) * 25,
      10,
    );
  });

  it.each([
    ['an answer corrected', (sheet: string, row: number) => [sheet, a1(row, 2), 1] as const],
    [
      'a remark typed beside the table',
      (sheet: string, row: number) => [sheet, a1(row, 40), 'cek'] as const,
    ],
  ])(
    '"Hapus Lembar Pengolahan" leaves the sheet alone after %s, and says so',
    async (_what, edit) => {
      const host = open(workbook());
      const r = await olahActiveSheet('id');
      if (!r.ok) throw new Error(r.message.en);
      const plan = processingSheetPlan(r.value.processed, 'id', r.value.sheet);
      const [sheet, address, typed] = edit(r.value.sheet, plan.at.firstRespondentRow);
      host.editCell(sheet, address, typed);

      const undone = await undoOlah();
      expect(undone.ok).toBe(false);
      if (!undone.ok) expect(undone.message.id).toContain(`"${r.value.sheet}" sudah diubah`);
      expect(host.model.sheets.map((s) => s.name)).toContain(r.value.sheet);
      expect(await olahSheets()).toBe(1);
    },
  );

  it('gives the sheet a free name: a sheet staff named "Pengolahan SKM" stays as it was', async () => {
    const model = workbook();
    model.sheets.push(sheetFromRows('Pengolahan SKM', [['catatan staf']]));
    const host = open(model);
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    expect(r.value.sheet).toBe('Pengolahan SKM (2)');
    expect(host.model.sheets.find((s) => s.name === 'Pengolahan SKM')!.cells).toEqual({
      '1,1': { value: 'catatan staf' },
    });
    // The processing sheet is active now: it is not taken for answers.
    const again = await olahActiveSheet('id');
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.message.id).toMatch(
        /^Lembar "Pengolahan SKM \(2\)" adalah lembar pengolahan yang dibuat SKM Rekap dari "Jawaban DINAS B"/,
      );
    host.model.activeSheet = ANSWERS_SHEET;
    const r2 = await olahActiveSheet('id');
    expect(r2.ok && r2.value.sheet).toBe('Pengolahan SKM (3)');
    expect(await olahSheets()).toBe(2);
  });

  it('says in one line why a sheet without answers, or a recap, cannot be processed, and writes nothing', async () => {
    const host = open(
      workbookOf(
        sheetFromRows('Catatan', [['Rapat'], ['Tanggal', 'Agenda']]),
        smallRecap().sheets[0],
      ),
    );
    const before = JSON.stringify(host.model);
    const r = await olahActiveSheet('id');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.id).toMatch(/^lembar "Catatan" tidak memuat tabel jawaban responden/);
      expect(r.message.en).toMatch(/^sheet "Catatan" holds no respondents table/);
    }
    host.model.activeSheet = RECAP;
    const r2 = await olahActiveSheet('en');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.message.en).toMatch(/^Sheet "Rekap SKM OPP 2025" is an SKM recap/);
    expect(JSON.stringify({ ...host.model, activeSheet: 'Catatan' })).toBe(before);
  });
});

describe.each(CLIENTS)('Masukkan ke Rekap through %s', (_name, open) => {
  async function processed(): Promise<{ host: ExcelHost; p: Processed }> {
    const host = open(workbook());
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    return { host, p: r.value.processed };
  }

  it('finds the recap, matches the unit by name, writes the lines the checker finds consistent; undo restores them', async () => {
    const { host, p } = await processed();
    const original = JSON.stringify(host.model.sheets.find((s) => s.name === RECAP)!.cells);
    const found = await recapSessions('id');
    if (!found.ok) throw new Error(found.message.en);
    expect(found.value.map((s) => s.sheet)).toEqual([RECAP]);
    const session = found.value[0];
    const unit = matchUnit(session, ANSWERS_SHEET);
    expect(unit).not.toBeNull();
    expect(session.analysis.table.units[unit!].name).toBe('DINAS B');
    expect(unitPeriods(session, unit!).map((x) => x.label)).toEqual(['Tahunan']);
    const plan = entryPlan(session, unit!, PERIODS[0], p);
    if (!plan.ok) throw new Error(plan.message.en);
    // Nine NRR, nine converted, IKM, category, respondents; each with what is there now.
    expect(plan.value.cells.map((c) => c.field)).toEqual([
      ...Array(9).fill('nrr'),
      ...Array(9).fill('conv'),
      'ikm',
      'category',
      'respondents',
    ]);
    expect(plan.value.cells.every((c) => c.before !== '')).toBe(true);
    const w = await writeEntry(session, plan.value);
    expect(w).toEqual({ ok: true, value: { written: 21 } });

    const recap = host.model.sheets.find((s) => s.name === RECAP)!;
    for (const c of plan.value.cells) expect(value(recap, c.address)).toEqual(c.after);
    const analysis = analyseSheet(gridOfSheet(recap));
    if (!analysis.ok) throw new Error('the recap no longer reads');
    const b = analysis.table.units.find((u) => u.name === 'DINAS B')!;
    expect(b.records[0].ikm?.parsed).toMatchObject({ value: p.scores.ikm });
    expect(analysis.findings.filter((f) => f.unit === 'DINAS B')).toEqual([]);

    const u = await undoEntry(RECAP);
    expect(u).toEqual({ ok: true, value: { restored: 21, keptChanged: 0 } });
    expect(JSON.stringify(host.model.sheets.find((s) => s.name === RECAP)!.cells)).toBe(original);
    expect(Object.keys(host.model.settings)).toEqual(['skmRekap.olah']);
  });

  it('writes nothing over a recap cell changed since it was read', async () => {
    const { host, p } = await processed();
    const found = await recapSessions('id');
    if (!found.ok) throw new Error(found.message.en);
    const session = found.value[0];
    const plan = entryPlan(session, matchUnit(session, 'DINAS B')!, PERIODS[0], p);
    if (!plan.ok) throw new Error(plan.message.en);
    const target = plan.value.cells[0].address;
    host.editCell(RECAP, target, 3.01);
    const snapshot = JSON.stringify(host.model.sheets.find((s) => s.name === RECAP)!.cells);
    const w = await writeEntry(session, plan.value);
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.message.id).toContain(`sel ${target}`);
    expect(JSON.stringify(host.model.sheets.find((s) => s.name === RECAP)!.cells)).toBe(snapshot);
    expect(Object.keys(host.model.settings)).toEqual(['skmRekap.olah']);
  });

  it('explains a period the unit has no rows for, and a unit the recap lacks, offering nothing', async () => {
    const { p } = await processed();
    const found = await recapSessions('id');
    if (!found.ok) throw new Error(found.message.en);
    const session = found.value[0];
    const plan = entryPlan(session, 1, PERIODS[1], p);
    expect(plan.ok).toBe(false);
    if (!plan.ok)
      expect(plan.message.id).toBe(
        'Unit "DINAS B" tidak memiliki baris Semester I di rekap (yang ada: Tahunan). SKM Rekap tidak menambah baris: tambahkan baris Semester I unit ini di rekap dulu, atau pilih periode lain.',
      );
    expect(matchUnit(session, 'Jawaban Puskesmas Martapura')).toBeNull();
    expect(matchUnit(session, 'DATA JAWABAN RESPONDEN SKM DINAS C')).toBe(2);
    // Words that name no one unit ("Dinas" alone fits three) choose none: the pane asks.
    expect(matchUnit(session, 'Jawaban Dinas 2025')).toBeNull();
  });
});

describe('Masukkan ke Rekap and what staff do meanwhile', () => {
  async function entered() {
    const host = createExcelHost(workbook());
    uninstall = host.install();
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    const found = await recapSessions('id');
    if (!found.ok) throw new Error(found.message.en);
    const session = found.value[0];
    const plan = entryPlan(
      session,
      matchUnit(session, ANSWERS_SHEET)!,
      PERIODS[0],
      r.value.processed,
    );
    if (!plan.ok) throw new Error(plan.message.en);
    return { host, session, plan: plan.value };
  }

  it('refuses a protected recap sheet in one line, writing nothing', async () => {
    const { host, session, plan } = await entered();
    host.model.sheets.find((x) => x.name === RECAP)!.protected = true;
    const before = JSON.stringify(host.model.sheets.find((x) => x.name === RECAP)!.cells);
    const w = await writeEntry(session, plan);
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.message.id).toMatch(/dilindungi/);
    expect(JSON.stringify(host.model.sheets.find((x) => x.name === RECAP)!.cells)).toBe(before);
  });

  it('undo leaves a cell a person changed after the entry, and says how many', async () => {
    const { host, session, plan } = await entered();
    const w = await writeEntry(session, plan);
    expect(w.ok).toBe(true);
    const ikm = plan.cells.find((c) => c.field === 'ikm')!;
    host.editCell(RECAP, ikm.address, 81.5);
    const u = await undoEntry(RECAP);
    expect(u).toEqual({ ok: true, value: { restored: 20, keptChanged: 1 } });
    const recap = host.model.sheets.find((x) => x.name === RECAP)!;
    expect(value(recap, ikm.address)).toBe(81.5);
    const nrr = plan.cells[0];
    expect(value(recap, nrr.address)).toBe(nrr.before);
  });
});

describe('Masukkan ke Rekap, unit after unit', () => {
  /** Enters the same answers into each unit's Tahunan record of a recap of `count` units, one by one. */
  async function enterEach(
    count: number,
  ): Promise<{ host: ExcelHost; original: string; written: number }> {
    const units = Array.from({ length: count }, (_, i) =>
      unit(i + 1, `DINAS ${i + 1}`, tahunan(BASE)),
    );
    const model = workbookOf(
      sheetFromRows(ANSWERS_SHEET, answersRows()),
      sheetOfGrid(recap(units, { sheet: RECAP }).grid),
    );
    const o = installOfficeJs(cloneWorkbook(model));
    uninstall = o.install();
    const host = o.host;
    const original = JSON.stringify(host.model.sheets.find((s) => s.name === RECAP)!.cells);
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    let written = 0;
    for (let u = 0; u < units.length; u++) {
      const found = await recapSessions('id');
      if (!found.ok) throw new Error(found.message.en);
      const plan = entryPlan(found.value[0], u, PERIODS[0], r.value.processed);
      if (!plan.ok) throw new Error(plan.message.en);
      const w = await writeEntry(found.value[0], plan.value);
      if (!w.ok) throw new Error(w.message.en);
      written += w.value.written;
    }
    return { host, original, written };
  }

  const recapCells = (host: ExcelHost) =>
    JSON.stringify(host.model.sheets.find((s) => s.name === RECAP)!.cells);

  it('"Pulihkan Rekap" still restores every unit entered, twelve of them (252 cells)', async () => {
    // Before, the undo record refused itself past 200 cells: the first ten units were forgotten.
    const { host, original, written } = await enterEach(12);
    expect(written).toBe(12 * 21);
    expect(await undoEntry(RECAP)).toEqual({
      ok: true,
      value: { restored: written, keptChanged: 0 },
    });
    expect(recapCells(host)).toBe(original);
  });

  it('keeps the record of a hundred units on a very hidden sheet, settings small, and restores them all', async () => {
    const { host, original, written } = await enterEach(100);
    expect(written).toBe(100 * 21);
    const hidden = host.model.sheets.filter((s) => isLedgerSheet(s.name));
    expect(hidden.map((s) => s.visibility)).toEqual(['VeryHidden']);
    expect(JSON.stringify(host.model.settings).length).toBeLessThan(2_000);
    expect(await undoEntry(RECAP)).toEqual({
      ok: true,
      value: { restored: written, keptChanged: 0 },
    });
    expect(recapCells(host)).toBe(original);
    expect(host.model.sheets.filter((s) => isLedgerSheet(s.name))).toEqual([]);
    expect(Object.keys(host.model.settings)).toEqual(['skmRekap.olah']);
  }, 120_000);
});

describe('a large sheet of answers', () => {
  it('is read and written in requests and responses under the budget', async () => {
    const host = createExcelHost(workbookOf(sheetFromRows(ANSWERS_SHEET, answersRows(15_000))));
    uninstall = host.install();
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    expect(r.value.processed.rows.length).toBe(15_000);
    expect(host.stats.syncCount).toBeGreaterThan(3);
    expect(host.stats.maxRequestBytes).toBeLessThan(4_000_000);
    expect(host.stats.maxResponseBytes).toBeLessThan(4_000_000);
    const sheet = host.model.sheets.find((s) => s.name === r.value.sheet)!;
    expectCalculatedAsEngine(sheet, engine(host.model));
  });
});

describe('Masukkan ke Rekap: questionnaires the recap cannot take', () => {
  it('14 items: refused, saying the recap holds nine unsur', async () => {
    const rows: (string | number | null)[][] = [
      Array.from({ length: 14 }, (_, i) => `U${i + 1}`),
      ...Array.from({ length: 5 }, (_, r) =>
        Array.from({ length: 14 }, (_, i) => ((r + i) % 2) + 3),
      ),
    ];
    const host = createExcelHost(
      workbookOf(sheetFromRows('Jawaban', rows), sheetOfGrid(smallRecapGrid())),
    );
    uninstall = host.install();
    const r = await olahActiveSheet('id');
    if (!r.ok) throw new Error(r.message.en);
    const found = await recapSessions('id');
    if (!found.ok) throw new Error(found.message.en);
    const plan = entryPlan(found.value[0], 0, PERIODS[0], r.value.processed);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message.id).toMatch(/^Kuesioner ini memiliki 14 unsur/);
  });
});

function smallRecapGrid(): SheetGrid {
  return gridOfSheet(smallRecap().sheets[0]);
}
