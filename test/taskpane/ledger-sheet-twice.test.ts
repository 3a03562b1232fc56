/**
 * Each write run a second time with its ledger on a very hidden sheet (a workbook whose settings
 * are full): the second run rewrites that sheet rather than adding it again (which Excel refuses),
 * and undo goes back to before the first run, keeping what a person changed in between.
 */
import { cellKey, cloneWorkbook } from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import { run } from '../../src/taskpane/excel/common';
import { ledgerSheetName, PART_CHARS, queueLedger } from '../../src/taskpane/excel/ledger-store';
import { BASE, tahunan, unit } from '../engine/grid';
import { excelPerTest, requestLines } from './excel-client';
import { smallRecap, withSettingsFull } from './workbook';

const SHEET = 'Rekap SKM OPP 2025';
const { open, validated } = excelPerTest();

const WRITES = [
  { kind: 'marks', name: 'Tandai di Lembar', write: excel.markFindings },
  { kind: 'formulas', name: 'Kolom Rumus', write: excel.addFormulaColumns },
  { kind: 'average', name: 'Tulis Rata-rata Kabupaten', write: excel.writeDistrictLine },
] as const;

describe.each(WRITES)('"$name" run twice, its ledger on a very hidden sheet', ({ kind, write }) => {
  it('keeps one ledger sheet, and undo goes back to before the first run', async () => {
    // Other add-ins' settings: the ledger no longer goes into a setting of its own.
    const host = open(withSettingsFull(smallRecap()));
    const before = cloneWorkbook(host.model);
    const ledgerSheets = () =>
      host.model.sheets.filter((s) => s.name === ledgerSheetName(kind, SHEET));
    expect((await write(await validated())).ok).toBe(true);
    expect(ledgerSheets().map((s) => s.visibility)).toEqual(['VeryHidden']);

    // A unit corrected in between (its lines agree; its IKM and the district line no longer do).
    host.editCell(SHEET, 'E4', 90.3);
    host.editCell(SHEET, 'E3', 3.612);
    expect((await write(await validated())).ok).toBe(true);
    expect(ledgerSheets()).toHaveLength(1);

    expect(await excel.undo(kind, SHEET)).toMatchObject({ ok: true, value: { keptChanged: [] } });
    expect(ledgerSheets()).toHaveLength(0);
    const edited = cloneWorkbook(before);
    edited.sheets[0].cells[cellKey(4, 5)] = { value: 90.3 };
    edited.sheets[0].cells[cellKey(3, 5)] = { value: 3.612 };
    expect(host.model).toEqual(edited);
  });
});

describe('a ledger kept on a sheet, read back under a small response limit', () => {
  /** The marks' ledger as the add-in reads it back (undo reads it so). */
  const readLedger = () =>
    run(async (context) => {
      const handle = queueLedger(context, 'marks', SHEET);
      await context.sync();
      return handle.read();
    });

  it('is read whole, in halves where Excel refuses a read for its size', async () => {
    // 400 units, every IKM wrong: a ledger of several parts on its very hidden sheet.
    const units = Array.from({ length: 400 }, (_, i) =>
      unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, ikm: 85.06 })),
    );
    const host = open(withSettingsFull(smallRecap({}, units)));
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    const ledgerSheet = host.model.sheets.find((s) => s.name === ledgerSheetName('marks', SHEET))!;
    expect(Object.keys(ledgerSheet.cells).length).toBeGreaterThanOrEqual(3);
    const whole = await readLedger();
    expect(whole.state).toBe('ok');

    // A host answering little more than two parts a response: the first read, sized for all the
    // parts at once, is refused, and each refused read is halved until it is answered.
    host.options.payloadLimitBytes = Math.round(PART_CHARS * 2.2);
    host.stats.reset();
    expect(await readLedger()).toEqual(whole);
    const syncs = requestLines(host);
    expect(
      syncs.filter((l) => l.includes('(ResponsePayloadSizeLimitExceeded)')).length,
    ).toBeGreaterThan(0);
    expect(syncs.filter((l) => !l.includes('failed')).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe('a ledger on a very hidden sheet written again', () => {
  const pointerOf = (host: ReturnType<typeof open>) =>
    JSON.parse(JSON.parse(host.model.settings[`skmRekap.marks.${SHEET}`] as string)) as {
      parts: number;
    };

  it('smaller: its sheet holds the new parts only', async () => {
    // 400 units, every IKM wrong; then 350 of them corrected: far shorter notes to keep.
    const units = Array.from({ length: 400 }, (_, i) =>
      unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, ikm: 85.06 })),
    );
    const host = open(withSettingsFull(smallRecap({}, units)));
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    const first = pointerOf(host).parts;
    for (let i = 0; i < 350; i++) host.editCell(SHEET, `N${3 + 2 * i}`, BASE.ikm);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    const second = pointerOf(host).parts;
    expect(second).toBeLessThan(first);
    const ledgerSheet = host.model.sheets.find((s) => s.name === ledgerSheetName('marks', SHEET))!;
    expect(Object.keys(ledgerSheet.cells).sort()).toEqual(
      Array.from({ length: second }, (_, i) => cellKey(i + 1, 1)).sort(),
    );
  }, 120_000);

  it('small enough for its setting again: the sheet is deleted, and undo still goes back to before', async () => {
    const host = open(withSettingsFull(smallRecap()));
    const before = cloneWorkbook(host.model);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    const name = ledgerSheetName('marks', SHEET);
    expect(host.model.sheets.some((s) => s.name === name)).toBe(true);
    // The other add-ins' settings removed since.
    for (const key of Object.keys(host.model.settings))
      if (key.startsWith('lain.')) delete host.model.settings[key];
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    expect(host.model.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(await excel.undo('marks', SHEET)).toMatchObject({ ok: true });
    for (const key of Object.keys(before.settings))
      if (key.startsWith('lain.')) delete before.settings[key];
    expect(host.model).toEqual(before);
  });
});
