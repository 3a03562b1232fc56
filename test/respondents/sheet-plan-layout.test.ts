/**
 * The processing sheet as staff read it: where each label, number and formula stands, which are
 * bold, the number formats, the band legend of the questionnaire's rule, the unsur names, the
 * profile tables and the notes, in Bahasa Indonesia and in English. sheet-plan.test.ts checks that
 * its formulas give the engine's numbers; this checks the layout of the appendix of
 * PermenPANRB 14/2017 around them.
 */
import { csvGrid } from '../../src/engine/respondents/csv';
import { processSheet, type Processed } from '../../src/engine/respondents/process';
import {
  PLAN_TITLE,
  processingSheetPlan,
  type PlanCell,
  type SheetPlan,
} from '../../src/engine/respondents/sheet-plan';

function processed(name: string, lines: string[]): Processed {
  const r = processSheet(`${name}.csv`, csvGrid(name, Buffer.from(lines.join('\n'), 'utf8')));
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

/** Three respondents: a blank U3, a 5 in U5, with their sex. */
const SMALL = [
  'No,Jenis Kelamin,U1,U2,U3,U4,U5,U6,U7,U8,U9',
  '1,L,4,3,,4,5,3,3,4,4',
  '2,P,3,3,3,3,4,1,3,4,3',
  '3,L,2,4,4,4,4,4,4,4,4',
];

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  const found = plan.cells.filter((c) => c.row === row && c.col === col);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}
const valueAt = (plan: SheetPlan, row: number, col: number) => cellAt(plan, row, col)?.value;
const rowValues = (plan: SheetPlan, row: number) =>
  plan.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.value ?? c.formula);

describe('the processing sheet, as staff read it', () => {
  const p = processed('kecil', SMALL);
  const id = processingSheetPlan(p);
  const en = processingSheetPlan(p, 'en');

  test('the title over the table, merged across it, and the rows it was read from', () => {
    expect(cellAt(id, 1, 1)).toEqual({ row: 1, col: 1, value: PLAN_TITLE, bold: true });
    expect(PLAN_TITLE).toBe(
      'PENGOLAHAN DATA SURVEI KEPUASAN MASYARAKAT PER RESPONDEN DAN PER UNSUR PELAYANAN',
    );
    expect(id.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 10 }]);
    // The respondents stand in rows 2 to 4 of the file (its header is row 1).
    expect(valueAt(id, 2, 1)).toBe('Sumber: "kecil", baris 2-4');
    expect(valueAt(en, 2, 1)).toBe('Source: "kecil", row 2-4');
    expect(id.name).toBe('Pengolahan SKM');
    expect(processingSheetPlan(p, 'id', 'Olah 2025').name).toBe('Olah 2025');
  });

  test('a header row of bold codes, then one numbered row per respondent with only the counted answers', () => {
    expect(rowValues(id, 3)).toEqual([]);
    expect(rowValues(id, 4)).toEqual([
      'No. Resp',
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
      'U7',
      'U8',
      'U9',
    ]);
    expect(valueAt(en, 4, 1)).toBe('Resp. no.');
    for (let c = 1; c <= 10; c++) expect(cellAt(id, 4, c)!.bold).toBe(true);
    expect(id.at.firstRespondentRow).toBe(5);
    expect(id.at.lastRespondentRow).toBe(7);
    // The blank U3 and the 5 in U5 stay empty, so the formulas count what the rule counts.
    expect(rowValues(id, 5)).toEqual([1, 4, 3, 4, 3, 3, 4, 4]);
    expect(cellAt(id, 5, 4)).toBeUndefined();
    expect(cellAt(id, 5, 6)).toBeUndefined();
    expect(rowValues(id, 6)).toEqual([2, 3, 3, 3, 3, 4, 1, 3, 4, 3]);
    expect(rowValues(id, 7)).toEqual([3, 2, 4, 4, 4, 4, 4, 4, 4, 4]);
    for (let r = 5; r <= 7; r++) expect(cellAt(id, r, 1)!.bold).toBeUndefined();
  });

  test('Σ, answered, NRR and NRR tertimbang under every item and no further, with their formats', () => {
    const labels: [number, string, string][] = [
      [8, 'Σ Nilai / Unsur', 'Σ Nilai / Unsur (sum)'],
      [9, 'Responden menjawab / Unsur', 'Respondents who answered'],
      [10, 'NRR / Unsur', 'NRR / Unsur (mean)'],
      [11, 'NRR tertimbang / Unsur', 'NRR tertimbang / Unsur (weighted)'],
      [12, 'Σ NRR tertimbang', 'Σ NRR tertimbang (sum)'],
      [13, 'IKM UNIT PELAYANAN', 'IKM UNIT PELAYANAN'],
      [14, 'Mutu pelayanan', 'Service quality'],
    ];
    for (const [row, idText, enText] of labels) {
      expect(cellAt(id, row, 1)).toEqual({ row, col: 1, value: idText, bold: true });
      expect(valueAt(en, row, 1)).toBe(enText);
    }
    expect(cellAt(id, 8, 10)).toEqual({ row: 8, col: 10, formula: '=SUM(J5:J7)', format: '0' });
    expect(cellAt(id, 9, 2)).toEqual({ row: 9, col: 2, formula: '=COUNT(B5:B7)', format: '0' });
    expect(cellAt(id, 10, 2)!.format).toBe('0.00');
    expect(cellAt(id, 11, 2)!.format).toBe('0.000');
    for (let r = 8; r <= 11; r++) expect(rowValues(id, r)).toHaveLength(10);
    expect(cellAt(id, 12, 2)).toEqual({
      row: 12,
      col: 2,
      formula: '=SUM(B11:J11)',
      format: '0.000',
    });
    expect(cellAt(id, 13, 2)).toMatchObject({ format: '0.00', bold: true });
    expect(cellAt(id, 14, 2)!.bold).toBe(true);
    expect(id.at).toMatchObject({ sumRow: 8, answeredRow: 9, nrrRow: 10, weightedRow: 11 });
    expect([id.at.total, id.at.ikm, id.at.category]).toEqual(['B12', 'B13', 'B14']);
  });

  test('the band legend of PermenPANRB 14/2017, bold headers over the four bands', () => {
    expect(rowValues(id, 15)).toEqual([]);
    expect(cellAt(id, 16, 1)).toEqual({
      row: 16,
      col: 1,
      value: 'Rentang PermenPANRB 14/2017',
      bold: true,
    });
    expect(valueAt(en, 16, 1)).toBe('Bands of PermenPANRB 14/2017');
    expect(rowValues(id, 17)).toEqual([
      'Nilai Persepsi',
      'Nilai Interval (NI)',
      'Nilai Interval Konversi (NIK)',
      'Mutu Pelayanan',
      'Kinerja Unit Pelayanan',
    ]);
    expect(rowValues(en, 17)).toEqual([
      'Perception',
      'Interval (NI)',
      'Converted interval (NIK)',
      'Quality',
      'Performance',
    ]);
    for (let c = 1; c <= 5; c++) expect(cellAt(id, 17, c)!.bold).toBe(true);
    expect(rowValues(id, 18)).toEqual([1, '1,00 - 2,5996', '25,00 - 64,99', 'D', 'Tidak Baik']);
    expect(rowValues(id, 19)).toEqual([2, '2,60 - 3,064', '65,00 - 76,60', 'C', 'Kurang Baik']);
    expect(rowValues(id, 20)).toEqual([3, '3,0644 - 3,532', '76,61 - 88,30', 'B', 'Baik']);
    expect(rowValues(id, 21)).toEqual([4, '3,5324 - 4,00', '88,31 - 100,00', 'A', 'Sangat Baik']);
    expect(cellAt(id, 18, 1)!.bold).toBeUndefined();
  });

  test('the unsur by code and name, the profile table with its shares, the weight and the notes', () => {
    expect(rowValues(id, 22)).toEqual([]);
    expect(cellAt(id, 23, 1)).toEqual({ row: 23, col: 1, value: 'Unsur pelayanan', bold: true });
    expect(valueAt(en, 23, 1)).toBe('Items');
    expect(rowValues(id, 24)).toEqual(['U1', 'Persyaratan']);
    expect(rowValues(id, 32)).toEqual(['U9', 'Sarana dan Prasarana']);

    expect(id.profileTables).toEqual([
      { field: 'jenisKelamin', area: { top: 34, left: 1, bottom: 36, right: 3 } },
    ]);
    expect(rowValues(id, 34)).toEqual(['Jenis kelamin', 'Jumlah', 'Persentase']);
    expect(rowValues(en, 34)).toEqual(['Sex', 'Count', 'Share']);
    for (let c = 1; c <= 3; c++) expect(cellAt(id, 34, c)!.bold).toBe(true);
    expect(cellAt(id, 35, 2)).toEqual({ row: 35, col: 2, value: 2, format: '0' });
    expect(cellAt(id, 36, 3)).toEqual({
      row: 36,
      col: 3,
      formula: '=B36/SUM(B35:B36)',
      format: '0.0%',
    });

    expect(valueAt(id, 38, 1)).toBe('Bobot tiap unsur tepat 1/9 (bukan 0,111).');
    expect(valueAt(en, 38, 1)).toBe("Each item's weight is exactly 1/9 (not 0.111).");
    expect(cellAt(id, 39, 1)).toEqual({ row: 39, col: 1, value: 'Catatan mutu data', bold: true });
    expect(valueAt(en, 39, 1)).toBe('Data quality notes');
    // An answer left out (the 5) is said above the notes that name it.
    expect(valueAt(id, 40, 1)).toBe(
      'Jawaban di luar 1-4 atau tak terbaca dikosongkan di lembar ini (lihat catatan).',
    );
    expect(valueAt(en, 40, 1)).toBe(
      'Answers outside 1-4 or unreadable are left blank on this sheet (see the notes).',
    );
    expect(p.quality).toHaveLength(2);
    expect(String(valueAt(id, 41, 1))).toMatch(/di luar 1-4/);
    expect(String(valueAt(id, 42, 1))).toMatch(/kosong/);
    expect(String(valueAt(en, 42, 1))).not.toBe(String(valueAt(id, 42, 1)));
    expect(Math.max(...id.cells.map((c) => c.row))).toBe(42);
  });

  test('column widths: the labels wide, each item narrow', () => {
    expect(id.widths).toEqual([
      { col: 1, width: 28 },
      ...Array.from({ length: 9 }, (_, i) => ({ col: i + 2, width: 9 })),
    ]);
  });

  test('with only blank answers to note, no line says answers were left out', () => {
    const q = processed('kosong', [SMALL[0], '1,L,4,3,,4,4,3,3,4,4', '2,P,3,3,3,3,4,1,3,4,3']);
    const plan = processingSheetPlan(q);
    const notes = plan.cells.filter(
      (c) => c.row > Number(plan.at.category.slice(1)) && c.col === 1,
    );
    expect(notes.some((c) => /dikosongkan di lembar ini/.test(String(c.value)))).toBe(false);
    expect(notes.some((c) => /jawaban kosong/.test(String(c.value)))).toBe(true);
  });

  test('a questionnaire of 14 items: the bands of Kepmenpan 25/2004 in the legend, merged over 15 columns', () => {
    const rows = Array.from({ length: 4 }, (_, r) =>
      Array.from({ length: 14 }, (_, i) => ((r + i) % 2 ? 4 : 3)).join(','),
    );
    const q = processed('empat-belas', [
      Array.from({ length: 14 }, (_, i) => `U${i + 1}`).join(','),
      ...rows,
    ]);
    const plan = processingSheetPlan(q);
    expect(plan.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 15 }]);
    const legendTop = Number(plan.at.category.slice(1)) + 2;
    expect(valueAt(plan, legendTop, 1)).toBe('Rentang Kepmenpan 25/2004');
    expect(valueAt(processingSheetPlan(q, 'en'), legendTop, 1)).toBe('Bands of Kepmenpan 25/2004');
    expect(rowValues(plan, legendTop + 2)).toEqual([
      1,
      '1,00 - 1,75',
      '25,00 - 43,75',
      'D',
      'Tidak Baik',
    ]);
    expect(rowValues(plan, legendTop + 3)).toEqual([
      2,
      '1,76 - 2,50',
      '43,76 - 62,50',
      'C',
      'Kurang Baik',
    ]);
    expect(rowValues(plan, legendTop + 4)).toEqual([
      3,
      '2,51 - 3,25',
      '62,51 - 81,25',
      'B',
      'Baik',
    ]);
    expect(rowValues(plan, legendTop + 5)).toEqual([
      4,
      '3,26 - 4,00',
      '81,26 - 100,00',
      'A',
      'Sangat Baik',
    ]);
    // Each item's weight is 1/14 in the formula and in the note.
    expect(cellAt(plan, plan.at.weightedRow, 15)!.formula).toMatch(/\/14\)$/);
    expect(plan.cells.some((c) => c.value === 'Bobot tiap unsur tepat 1/14 (bukan 0,111).')).toBe(
      true,
    );
  });
  test('each profile field its own table, headed by its name', () => {
    const q = processed('profil', [
      'No,Jenis Kelamin,Usia,Pendidikan,Pekerjaan,Jenis Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9',
      '1,L,25,SMA,PNS,KTP,4,3,3,4,4,3,3,4,4',
      '2,P,41,S1,Swasta,KK,3,3,3,3,4,1,3,4,3',
    ]);
    const ids = processingSheetPlan(q);
    const ens = processingSheetPlan(q, 'en');
    expect(ids.profileTables.map((t) => t.field)).toEqual([
      'jenisKelamin',
      'usia',
      'pendidikan',
      'pekerjaan',
      'layanan',
    ]);
    const heads = (plan: SheetPlan) => plan.profileTables.map((t) => valueAt(plan, t.area.top, 1));
    expect(heads(ids)).toEqual([
      'Jenis kelamin',
      'Usia',
      'Pendidikan',
      'Pekerjaan',
      'Jenis layanan',
    ]);
    expect(heads(ens)).toEqual(['Sex', 'Age', 'Education', 'Occupation', 'Service']);
    // One blank row between tables.
    ids.profileTables
      .slice(1)
      .forEach((t, i) => expect(t.area.top).toBe(ids.profileTables[i].area.bottom + 2));
  });
});
