/**
 * "Tulis Rata-rata Kabupaten" where the sheet is not the plain case: a district line inserted above
 * sentences written in an earlier year, sentences Excel keeps as formulas or as Text, text that
 * only looks like a formula, the staff's own number formats, and the preview's names for each
 * cell. Each is what a person sees or gets back with "Pulihkan Nilai Lama".
 */
import { cellKey, cloneWorkbook, type WorkbookModel } from '../../src/sim/model';
import * as excel from '../../src/taskpane/excel';
import { ui } from '../../src/taskpane/strings';
import { BASE, OTHER, tahunan, unit } from '../engine/grid';
import { excelPerTest } from './excel-client';
import { THIRD, smallRecap } from './workbook';

const SHEET = 'Rekap SKM OPP 2025';
const x = excelPerTest();

/** Sentences as an earlier run wrote them, with last year's numbers. */
const OLD_LOWEST =
  'Unsur terendah pada tingkat kabupaten adalah Biaya dengan nilai rata-rata 70,00.';
const OLD_PRIORITY =
  'Biaya merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (9 unit).';

function cellsOf(model: WorkbookModel) {
  return model.sheets[0].cells;
}

describe('"Tulis Rata-rata Kabupaten" on sheets that are not the plain case', () => {
  it('names every cell of the preview by its column: the label, U1 to U9, IKM, Kategori, Realisasi and the sentences', async () => {
    x.open(
      smallRecap({}, [
        unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 75 })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 80 })),
        unit(3, 'DINAS C', tahunan({ ...THIRD, realisation: 90 })),
      ]),
    );
    const { plan, changes } = excel.previewDistrictLine(await x.validated());
    expect(plan.average).toMatchObject({ row: 9, insert: false });
    const byAddress = Object.fromEntries(changes.map((c) => [c.address, c.label]));
    expect(byAddress).toEqual({
      A9: ui.labelLabel('id'),
      E9: 'U1',
      F9: 'U2',
      G9: 'U3',
      H9: 'U4',
      I9: 'U5',
      J9: 'U6',
      K9: 'U7',
      L9: 'U8',
      M9: 'U9',
      N9: 'IKM',
      O9: 'Kategori',
      T9: 'Realisasi',
      A11: ui.sentenceLabel('id'),
      A12: ui.sentenceLabel('id'),
    });
    expect(changes.find((c) => c.address === 'T9')?.after).toBe(81.67);
  });

  it('inserted above last year\'s sentences: the preview shows each sentence it replaces, and "Pulihkan" brings back the one that was a formula as a formula', async () => {
    const model = smallRecap({
      after: [['Catatan: data per 5 Desember 2025'], [], [OLD_LOWEST], [OLD_PRIORITY]],
    });
    // The second sentence was written with a formula last year (rows 11 and 12 before the insert).
    cellsOf(model)[cellKey(12, 1)] = { value: OLD_PRIORITY, formula: `="${OLD_PRIORITY}"` };
    x.open(model);
    const before = cloneWorkbook(x.host.model);
    const session = await x.validated();
    const { plan, changes } = excel.previewDistrictLine(session);
    expect(plan.average).toMatchObject({ row: 9, insert: true });
    // After the insert the sentences stand one row lower: what they replace is read where they are now.
    expect(plan.sentences.map((s) => s.row)).toEqual([12, 13]);
    const sentences = changes.filter((c) => c.label === ui.sentenceLabel('id'));
    expect(sentences.map((c) => [c.address, c.before])).toEqual([
      ['A12', OLD_LOWEST],
      ['A13', OLD_PRIORITY],
    ]);
    // The inserted line replaces nothing.
    expect(changes.filter((c) => c.address.endsWith('9')).every((c) => c.before === '')).toBe(true);

    expect((await excel.writeDistrictLine(session)).ok).toBe(true);
    const cells = cellsOf(x.host.model);
    expect(cells[cellKey(9, 1)].value).toBe('RATA-RATA KABUPATEN');
    expect(cells[cellKey(10, 1)].value).toBe('Catatan: data per 5 Desember 2025');
    expect(cells[cellKey(12, 1)].value).toBe(plan.sentences[0].value);
    expect(cells[cellKey(13, 1)]).toEqual({ value: plan.sentences[1].value });

    expect(await excel.undo('average', SHEET)).toMatchObject({
      ok: true,
      value: { keptChanged: [] },
    });
    expect(cellsOf(x.host.model)[cellKey(12, 1)].formula).toBe(`="${OLD_PRIORITY}"`);
    expect(x.host.model).toEqual(before);
  });

  it('writes sentences into cells formatted as Text exactly as they read, keeping the Text format', async () => {
    const model = smallRecap({ after: [[], [], [OLD_LOWEST], [OLD_PRIORITY]] });
    for (const row of [11, 12]) cellsOf(model)[cellKey(row, 1)].numberFormat = '@';
    x.open(model);
    const before = cloneWorkbook(x.host.model);
    const session = await x.validated();
    const { plan } = excel.previewDistrictLine(session);
    expect(plan.average).toMatchObject({ row: 9, insert: false });
    expect(plan.sentences.map((s) => s.row)).toEqual([11, 12]);
    expect((await excel.writeDistrictLine(session)).ok).toBe(true);
    const cells = cellsOf(x.host.model);
    // No "'" in front: Excel keeps one typed into a Text cell as part of the text.
    expect(cells[cellKey(11, 1)]).toEqual({ value: plan.sentences[0].value, numberFormat: '@' });
    expect(cells[cellKey(12, 1)]).toEqual({ value: plan.sentences[1].value, numberFormat: '@' });
    expect(cells[cellKey(9, 14)]).toMatchObject({
      value: expect.any(Number),
      numberFormat: '0.00',
    });
    expect((await excel.undo('average', SHEET)).ok).toBe(true);
    expect(x.host.model).toEqual(before);
  });

  it('keeps the number formats the printed line had (one decimal, a percentage), and gives back its values', async () => {
    const model = smallRecap({
      average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80 },
    });
    cellsOf(model)[cellKey(9, 14)].numberFormat = '0.0';
    cellsOf(model)[cellKey(9, 5)].numberFormat = '0%';
    x.open(model);
    const before = cloneWorkbook(x.host.model);
    expect((await excel.writeDistrictLine(await x.validated())).ok).toBe(true);
    // Only a General cell is given two decimals; the staff's own formats stay.
    expect(cellsOf(x.host.model)[cellKey(9, 14)]).toEqual({ value: 85.2, numberFormat: '0.0' });
    expect(cellsOf(x.host.model)[cellKey(9, 5)]).toEqual({ value: 84.77, numberFormat: '0%' });
    expect(cellsOf(x.host.model)[cellKey(9, 6)]).toEqual({ value: 85.37, numberFormat: '0.00' });
    expect((await excel.undo('average', SHEET)).ok).toBe(true);
    expect(x.host.model).toEqual(before);
  });

  it('gives back text that only looks like a formula as that text, never as a formula', async () => {
    const typed = '=AVERAGE(N3:N8)';
    const model = smallRecap({
      average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80 },
    });
    // Typed with a leading "'": Excel shows and keeps the text, and reads it back as its own value.
    cellsOf(model)[cellKey(9, 14)] = { value: typed };
    x.open(model);
    const before = cloneWorkbook(x.host.model);
    expect((await excel.writeDistrictLine(await x.validated())).ok).toBe(true);
    expect(cellsOf(x.host.model)[cellKey(9, 14)].value).toEqual(expect.any(Number));
    expect((await excel.undo('average', SHEET)).ok).toBe(true);
    expect(cellsOf(x.host.model)[cellKey(9, 14)]).toEqual({ value: typed });
    expect(x.host.model).toEqual(before);
  });
});
