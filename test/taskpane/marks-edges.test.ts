/**
 * "Tandai di Lembar" marked again after a unit was corrected, and over a note that a formula
 * wrote: what StrykerJS's first run of src/taskpane/excel/marks.ts found unguarded.
 */
import { cellKey, cloneWorkbook } from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import { RESPONSE_BUDGET } from '../../src/taskpane/excel/budget';
import { labels, ui } from '../../src/taskpane/strings';
import { BANJAR_COLUMNS, BASE, tahunan, unit } from '../engine/grid';
import { addinSyncs, excelPerTest, requestLines } from './excel-client';
import { smallRecap } from './workbook';

const SHEET = 'Rekap SKM OPP 2025';
const { open, validated } = excelPerTest();

describe('"Tandai di Lembar" over earlier work', () => {
  it('marked again after the faulty unit was corrected: says it wrote no note, leaves neither mark nor note, and "Hapus Tanda" keeps the correction', async () => {
    const host = open(smallRecap());
    const before = cloneWorkbook(host.model);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 1, notes: 1, notesColumn: 'U', notesSkipped: 0 },
    });
    const cells = host.model.sheets[0].cells;
    expect(cells[cellKey(7, 14)].fill).toBe('#F4B6B6');
    expect(cells[cellKey(7, 21)].value).toMatch(/^\[Galat\] N7: /);

    // Unit 3's IKM corrected to the mean of its unsur: nothing left to mark.
    host.editCell(SHEET, 'N7', 85.56);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 0, notes: 0, notesColumn: 'U', notesSkipped: 0 },
    });
    const corrected = cloneWorkbook(before);
    corrected.sheets[0].cells[cellKey(7, 14)] = { value: 85.56 };
    // The column's header stays until "Hapus Tanda"; no mark and no note under it.
    expect(host.model.sheets[0].cells).toEqual({
      ...corrected.sheets[0].cells,
      [cellKey(1, 21)]: { value: 'Catatan Validasi' },
    });
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    expect(host.model).toEqual(corrected);
  });

  it('leaves what staff wrote in the notes column, and says how many notes it did not write', async () => {
    const model = smallRecap({ columns: [...BANJAR_COLUMNS, { extra: 'Catatan Validasi' }] });
    model.sheets[0].cells[cellKey(7, 21)] = { value: 'cek ulang (Bu Rina)' };
    const host = open(model);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 1, notes: 0, notesColumn: 'U', notesSkipped: 1 },
    });
    expect(host.model.sheets[0].cells[cellKey(7, 21)]).toEqual({ value: 'cek ulang (Bu Rina)' });
  });

  it('counts a note whose cell in the "Catatan Validasi" column is merged as not written, and leaves the block', async () => {
    // A notes column of an earlier run, its cell for unit 3 (U7) since merged with V7.
    const model = smallRecap({ columns: [...BANJAR_COLUMNS, { extra: 'Catatan Validasi' }] });
    model.sheets[0].merges.push({ top: 7, left: 21, bottom: 7, right: 22 });
    const host = open(model);
    const before = cloneWorkbook(host.model);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 1, notes: 0, notesColumn: 'U', notesSkipped: 1 },
    });
    expect(host.model.sheets[0].cells[cellKey(7, 21)]).toEqual(
      before.sheets[0].cells[cellKey(7, 21)],
    );
    expect(host.model.sheets[0].merges).toEqual(before.sheets[0].merges);
  });

  it('writes over a note of its own that a formula wrote, and "Hapus Tanda" gives back the formula', async () => {
    const model = smallRecap({ columns: [...BANJAR_COLUMNS, { extra: 'Catatan Validasi' }] });
    const old = '[Galat] N7: catatan lama';
    model.sheets[0].cells[cellKey(7, 21)] = { value: old, formula: `="${old}"` };
    const host = open(model);
    const before = cloneWorkbook(host.model);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 1, notes: 1, notesColumn: 'U', notesSkipped: 0 },
    });
    const note = host.model.sheets[0].cells[cellKey(7, 21)];
    expect(note.value).toMatch(/^\[Galat\] N7: IKM tertulis 85,10/);
    expect(note.formula).toBeUndefined();
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    expect(host.model.sheets[0].cells[cellKey(7, 21)]).toEqual({
      value: old,
      formula: `="${old}"`,
    });
    expect(host.model).toEqual(before);
  });

  it('with marks of the last run below the table as it is now, verifies those cells too: a value typed there since is not written over', async () => {
    const host = open(smallRecap());
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    // A person clears the contents of unit 3's rows (7-8): Excel keeps the fills, ours in N7.
    const cells = host.model.sheets[0].cells;
    for (const key of Object.keys(cells)) {
      if (Number(key.split(',')[0]) < 7) continue;
      if (cells[key].fill) cells[key] = { value: '', fill: cells[key].fill };
      else delete cells[key];
    }
    const session = await validated();
    expect(session.grid.values).toHaveLength(6);
    const cleared = cloneWorkbook(host.model);

    // After this validation someone types in N7: marking again would take its fill away.
    host.editCell(SHEET, 'N7', 99);
    const typed = cloneWorkbook(host.model);
    expect(await excel.markFindings(session)).toEqual({
      ok: false,
      message: ui.changedSinceRead(SHEET, 'N7'),
    });
    expect(host.model).toEqual(typed);

    // Unchanged, the mark of the last run is taken away, as "Hapus Tanda" would.
    host.model.sheets[0].cells[cellKey(7, 14)] = cleared.sheets[0].cells[cellKey(7, 14)];
    const again = await validated();
    host.stats.reset();
    expect(await excel.markFindings(again)).toMatchObject({
      ok: true,
      value: { marked: 0, notes: 0 },
    });
    expect(host.model.sheets[0].cells[cellKey(7, 14)]).toBeUndefined();
    // The cells beyond the table read again with their fills, in one sync: ledger and first read,
    // that second read, the writes.
    expect(addinSyncs(host)).toBe(3);
  });
});

describe('a note of the last run where this run writes none', () => {
  it("below the table as it is now is taken away when marking again, where it still stands as written; a person's text over it since stays", async () => {
    for (const typed of [null, 'sudah diperbaiki']) {
      const host = open(smallRecap());
      const first = await excel.markFindings(await validated());
      expect(first).toMatchObject({ ok: true, value: { notes: 1, notesColumn: 'U' } });
      // A person deletes unit 3's rows (7-8) but not the note the add-in wrote in U7.
      const cells = host.model.sheets[0].cells;
      for (const key of Object.keys(cells))
        if (Number(key.split(',')[0]) >= 7 && key !== cellKey(7, 21)) delete cells[key];
      if (typed !== null) cells[cellKey(7, 21)] = { value: typed };
      const again = await excel.markFindings(await validated());
      expect(again).toMatchObject({ ok: true, value: { marked: 0, notes: 0 } });
      expect(cells[cellKey(7, 21)]?.value ?? '').toBe(typed ?? '');
    }
  });

  it('is taken away from a notes column a person since named as their own, the new notes going right of it', async () => {
    const host = open(smallRecap());
    expect(await excel.markFindings(await validated())).toMatchObject({
      ok: true,
      value: { notes: 1, notesColumn: 'U' },
    });
    // Column U made a column of the table: its header typed over, unit 3's note left in it.
    host.editCell(SHEET, 'U1', 'Keterangan');
    const again = await excel.markFindings(await validated());
    expect(again).toMatchObject({ ok: true, value: { notes: 1, notesColumn: 'V' } });
    const cells = host.model.sheets[0].cells;
    expect(cells[cellKey(1, 21)].value).toBe('Keterangan');
    expect(cells[cellKey(7, 21)]?.value ?? '').toBe('');
    expect(cells[cellKey(7, 22)].value).toMatch(/^\[Galat\] N7: /);
  });
});

describe('undoing ("Hapus Tanda", "Pulihkan Nilai Lama") what is no longer as written', () => {
  it('marks again with the same findings in two syncs after the validation, as the first time', async () => {
    const host = open(smallRecap());
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    const session = await validated();
    host.stats.reset();
    expect((await excel.markFindings(session)).ok).toBe(true);
    expect(addinSyncs(host)).toBe(2);
  });

  it('undoes the marks of a recap of the usual size in three syncs: the ledger, the reads, the writes', async () => {
    const host = open(smallRecap());
    const before = cloneWorkbook(host.model);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    host.stats.reset();
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    expect(addinSyncs(host)).toBe(3);
    expect(host.model).toEqual(before);
  });

  it('undoes 1,000 marked units reading their notes (about 4.8 MB) in reads sized from the ledger, each within the response budget', async () => {
    // A paragraph pasted into every category cell: each unit's note quotes it, about 2,400
    // characters a note.
    const pasted = 'A (Sangat Baik) menurut tim penilai, lihat lampiran berita acara. '.repeat(30);
    const units = Array.from({ length: 1000 }, (_, i) =>
      unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, ikm: 85.06, category: pasted })),
    );
    const host = open(smallRecap({}, units));
    const before = cloneWorkbook(host.model);
    expect(await excel.markFindings(await validated())).toMatchObject({
      ok: true,
      value: { notes: 1000, notesColumn: 'U' },
    });
    host.stats.reset();
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    expect(host.model).toEqual(before);
    const lines = requestLines(host);
    expect(lines.filter((l) => l.includes('failed'))).toEqual([]);
    // A read sized for empty cells, or by the default chunk of cells, takes the notes in one
    // response over the budget; one sized for a row at a time takes a read more.
    const responses = lines.map((l) => Number(/response (\d+) B/.exec(l)?.[1] ?? 0));
    expect(Math.max(...responses)).toBeLessThanOrEqual(RESPONSE_BUDGET);
    // Two reads of the ledger, two of the notes, one of the fills, the writes, the release.
    expect(addinSyncs(host)).toBe(7);
  }, 60_000);

  it('says there is nothing to undo where nothing was written, touching nothing', async () => {
    const host = open(smallRecap());
    const before = cloneWorkbook(host.model);
    expect(await excel.undo('marks', SHEET)).toEqual({
      ok: false,
      message: ui.nothingToUndo('marks'),
    });
    expect(host.model).toEqual(before);
  });

  it('refuses on a sheet protected since the marks were written, touching nothing', async () => {
    const host = open(smallRecap());
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    host.model.sheets[0].protected = true;
    const marked = cloneWorkbook(host.model);
    expect(await excel.undo('marks', SHEET)).toEqual({ ok: false, message: ui.sheetProtected() });
    expect(host.model).toEqual(marked);
  });

  it('keeps a note a person wrote over since, restoring everything else', async () => {
    const host = open(smallRecap());
    const before = cloneWorkbook(host.model);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    host.editCell(SHEET, 'U7', 'sudah dicek 1/12');
    expect(await excel.undo('marks', SHEET)).toEqual({
      ok: true,
      value: { restored: 2, keptChanged: ['U7'] },
    });
    const expected = cloneWorkbook(before);
    expected.sheets[0].cells[cellKey(7, 21)] = { value: 'sudah dicek 1/12' };
    expect(host.model).toEqual(expected);
  });

  it('leaves the inserted district row in place when a person wrote in it since, restoring the rest', async () => {
    const host = open(smallRecap({ after: [['Catatan: data per 5 Desember 2025']] }));
    const session = await validated();
    expect(excel.previewDistrictLine(session).plan.average).toMatchObject({ row: 9, insert: true });
    expect((await excel.writeDistrictLine(session)).ok).toBe(true);
    host.editCell(SHEET, 'A9', 'RATA-RATA KABUPATEN BANJAR');
    const undone = await excel.undo('average', SHEET);
    expect(undone).toMatchObject({ ok: true, value: { keptChanged: ['A9'] } });
    const cells = host.model.sheets[0].cells;
    // The row stays, with the person's label; the note under it stays where it went.
    expect(cells[cellKey(9, 1)]).toEqual({ value: 'RATA-RATA KABUPATEN BANJAR' });
    expect(cells[cellKey(10, 1)].value).toBe('Catatan: data per 5 Desember 2025');
    expect(cells[cellKey(9, 14)]).toBeUndefined();
  });
});

describe('an empty merged block right of the table (no column free for the notes)', () => {
  /** The small recap with every column right of the table merged over its rows, to the last (XFD). */
  function blocked() {
    const model = smallRecap();
    const sheet = model.sheets[0];
    const right = Math.max(...Object.keys(sheet.cells).map((k) => Number(k.split(',')[1])));
    sheet.merges.push({ top: 1, left: right + 1, bottom: 8, right: 16_384 });
    return model;
  }

  it('is never written into: the cells are marked, no note and no header is written', async () => {
    const host = open(blocked());
    const before = cloneWorkbook(host.model);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 1, notes: 0, notesColumn: null, notesSkipped: 0 },
    });
    const changed = Object.keys(host.model.sheets[0].cells).filter(
      (k) =>
        JSON.stringify(host.model.sheets[0].cells[k]) !== JSON.stringify(before.sheets[0].cells[k]),
    );
    expect(changed).toEqual([cellKey(7, 14)]);
    expect(host.model.sheets[0].cells[cellKey(7, 14)].fill).toBeDefined();
  });

  it('with nothing to mark, marking changes no cell and "Hapus Tanda" then leaves the sheet as it was', async () => {
    // Unit 3's IKM corrected: no finding, and no column for a note.
    const model = blocked();
    model.sheets[0].cells[cellKey(7, 14)] = { value: 85.56 };
    const host = open(model);
    const before = cloneWorkbook(host.model);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 0, notes: 0, notesColumn: null, notesSkipped: 0 },
    });
    expect(host.model.sheets).toEqual(before.sheets);
    expect((await excel.undo('marks', SHEET)).ok).toBe(true);
    expect(host.model).toEqual(before);
  });

  it('"Hapus Tanda" gives the fills back in three syncs: the ledger, the fills now, the writes', async () => {
    const host = open(blocked());
    const before = cloneWorkbook(host.model);
    expect((await excel.markFindings(await validated())).ok).toBe(true);
    host.stats.reset();
    expect(await excel.undo('marks', SHEET)).toMatchObject({ ok: true });
    expect(addinSyncs(host)).toBe(3);
    expect(host.model).toEqual(before);
  });
});

describe('the notes "Tandai di Lembar" says it did not write', () => {
  it('are notes only: a merged header over the notes column, or a district line value under a merged block, is not counted', async () => {
    // The "Catatan Validasi" header merged over U1:V2: the column is found, its header left alone.
    const header = smallRecap({ columns: [...BANJAR_COLUMNS, { extra: 'Catatan Validasi' }] });
    const merges = header.sheets[0].merges;
    merges.splice(
      merges.findIndex((m) => m.top === 1 && m.left === 21),
      1,
      { top: 1, left: 21, bottom: 2, right: 22 },
    );
    open(header);
    expect(await excel.markFindings(await validated())).toEqual({
      ok: true,
      value: { marked: 1, notes: 1, notesColumn: 'U', notesSkipped: 0 },
    });

    // The district line's U9 and IKM merged (M9:N9): its IKM is not written, and is no note.
    const line = smallRecap({
      average: { unsur: [...BASE.conv], ikm: 85.2, category: 'B (Baik)' },
    });
    line.sheets[0].merges.push({ top: 9, left: 13, bottom: 9, right: 14 });
    delete line.sheets[0].cells[cellKey(9, 14)];
    open(line);
    expect(await excel.markFindings(await validated())).toMatchObject({
      ok: true,
      value: { notesColumn: 'U', notesSkipped: 0 },
    });
  });
});

describe('what the pane says after marking', () => {
  it('names the notes column, and the notes it could not write', () => {
    expect(labels.markedDone(3, 2, 'U').id).toBe(
      '3 sel ditandai; 2 catatan ditulis di kolom U ("Catatan Validasi").',
    );
    expect(labels.markedDone(1, 0, 'U', 1)).toEqual({
      id: '1 sel ditandai; 0 catatan ditulis di kolom U ("Catatan Validasi"). 1 catatan tidak ditulis: selnya bagian dari sel gabungan atau berisi tulisan staf.',
      en: '1 cell marked; 0 notes written in column U ("Catatan Validasi"). 1 note not written: the cell is part of merged cells or holds staff\'s text.',
    });
  });

  it('says the notes were not written where no column right of the table is free, naming no column', () => {
    const said = labels.markedDone(1, 0, null);
    expect(said.id).toBe(
      '1 sel ditandai; catatan tidak ditulis: tidak ada kolom kosong di kanan tabel untuk "Catatan Validasi".',
    );
    expect(said.en).toBe(
      '1 cell marked; no notes written: no empty column right of the table for "Catatan Validasi".',
    );
  });
});
