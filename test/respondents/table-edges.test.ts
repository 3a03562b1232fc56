/**
 * Where a respondents table starts and ends, and which columns are its items,
 * in the layouts units keep: blank rows inside it, notes and totals under it,
 * items numbered out of order or not 1..n, a repeated "saran" question, a
 * numbering row with a gap; and the processing sheet's band legend for
 * questionnaires of another length.
 */
import { processSheet } from '../../src/engine/respondents/process';
import { processingSheetPlan } from '../../src/engine/respondents/sheet-plan';
import { expected } from './helpers';
import { U, a1, a2, a3, run } from './sheets';

describe('where the table starts and ends', () => {
  test('a blank row before the first respondent is skipped; a notes line after a blank row ends the table', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [],
      ['', 'Budi'],
      [1, 'Sari', ...a1],
      [2, 'Dewi', ...a2],
      [],
      ['Keterangan: 1 = tidak baik, 4 = sangat baik'],
      ['Sumber: formulir kertas dan isian daring'],
    ]);
    // Row 3 holds a name and no answers before any respondent: reported. Rows 7-8 are notes.
    expect(p.table.emptyAnswerRows).toEqual([3]);
    expect(p.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(p.scores.items.map((i) => i.sum)).toEqual(expected([a1, a2]).sum);
  });

  test('a notes line between respondents drops nobody: it is passed over, those after it are read', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [2, 'Dewi', ...a2],
      [],
      ['Keterangan: 1 = tidak baik, 4 = sangat baik'],
      [3, 'Ani', ...a3],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 6]);
    expect(p.table.emptyAnswerRows).toEqual([]);
    expect(p.scores.items.map((i) => i.sum)).toEqual(expected([a1, a2, a3]).sum);
  });

  test('notes then another table under the first: the second table is not read as respondents', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [],
      ['Data tahun lalu (arsip):'],
      ['No', 'Nama', ...U],
      [1, 'Ani', ...a3],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([2]);
  });

  test('a blank row between respondents does not end the table', () => {
    const p = run([['No', ...U], [1, ...a1], [], [], [2, ...a2], [3, ...a3]]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 5, 6]);
    expect(p.table.emptyAnswerRows).toEqual([]);
  });

  // Once silent data loss: a row without answers after a blank row was taken for the notes under
  // the table and ended it, so the respondents after it were neither counted nor reported.
  it('a blank row, then a questionnaire returned empty, then more respondents: none lost', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Budi', ...a1],
      [],
      [2, 'Ani'],
      [3, 'Sari', ...a2],
      [4, 'Dewi', ...a3],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 5, 6]);
    expect(p.table.emptyAnswerRows).toEqual([4]);
  });

  // Once silent data loss: a respondent whose first cell left of the items starts with a totals
  // word ("Nilai", "Total", "Jumlah", "Rata") was read as a totals row, and every respondent under
  // it dropped without a note.
  it('a respondent named "Nilai Setiawati" or a service "Total Perizinan" is a respondent', () => {
    const names = run([
      ['Nama', 'Pekerjaan', ...U],
      ['Budi', 'PNS', ...a1],
      ['Nilai Setiawati', 'Guru', ...a2],
      ['Sari', 'PNS', ...a3],
    ]);
    expect(names.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const services = run([
      ['Layanan', ...U],
      ['KTP', ...a1],
      ['Total Perizinan', ...a2],
      ['KK', ...a3],
    ]);
    expect(services.scores.respondents).toBe(3);
  });

  test('rows under the totals rows are not respondents', () => {
    const e = expected([a1, a2]);
    const p = run([
      ['No', ...U],
      [1, ...a1],
      [2, ...a2],
      ['Jumlah', ...e.sum],
      ['Rata-rata', ...e.nrr],
      [9, ...a3],
    ]);
    expect(p.scores.respondents).toBe(2);
    expect(p.table.summaryRows.map((s) => [s.row, s.label])).toEqual([
      [4, 'Jumlah'],
      [5, 'Rata-rata'],
    ]);
    expect(p.table.summaryRows[0].values).toEqual(e.sum);
    expect(p.quality.some((q) => q.kind === 'stored-summary')).toBe(false);
  });

  test('a "Saran" starting with "Rata-rata" right of the items is an answer row, not a totals row', () => {
    const p = run([
      ['No', ...U, 'Saran'],
      [1, ...a1, 'Rata-rata sudah baik'],
      [2, ...a2, ''],
    ]);
    expect(p.scores.respondents).toBe(2);
    expect(p.table.summaryRows).toEqual([]);
  });

  test('a numbering row under the header, with a gap, is skipped, not read as answers', () => {
    const numbering = ['(1)', '', ...Array.from({ length: 9 }, (_, i) => `(${i + 2})`)];
    const p = run([['No', 'Catatan', ...U], numbering, [1, '', ...a1], [2, 'x', ...a2]]);
    expect(p.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(p.quality.some((q) => q.kind === 'out-of-range')).toBe(false);
  });

  test('a column with no header at the left edge is not part of the table', () => {
    const p = run([
      ['', ...U],
      [1, ...a1],
      [2, ...a2],
    ]);
    expect(p.table.left).toBe(2);
    expect(p.table.numbering).toBeNull();
    expect(p.scores.respondents).toBe(2);
  });
});

describe('which columns are the items', () => {
  test('items coded out of order are taken in code order', () => {
    const p = run([
      ['No', 'P3', 'P1', 'P2', 'P5', 'P4'],
      [1, 3, 1, 2, 4, 4],
      [2, 3, 2, 2, 4, 3],
    ]);
    expect(p.table.items.map((i) => [i.code, i.header, i.col])).toEqual([
      ['U1', 'P1', 3],
      ['U2', 'P2', 4],
      ['U3', 'P3', 2],
      ['U4', 'P4', 6],
      ['U5', 'P5', 5],
    ]);
    expect(p.scores.items.map((i) => i.sum)).toEqual([3, 4, 6, 7, 8]);
    expect(p.scores.lowest).toEqual(['U1']);
  });

  test('codes that are not 1..n: the items in column order, numbered by position', () => {
    const p = run([
      ['No', 'Q2', 'Q4', 'Q7'],
      [1, 4, 3, 1],
      [2, 4, 2, 2],
    ]);
    expect(p.table.items.map((i) => [i.code, i.header])).toEqual([
      ['U1', 'Q2'],
      ['U2', 'Q4'],
      ['U3', 'Q7'],
    ]);
    expect(p.scores.items.map((i) => i.sum)).toEqual([8, 5, 3]);
  });

  test('item codes as units write them: U01, Pertanyaan 1, Soal, Butir, Item, Q', () => {
    for (const code of ['U0', 'Pertanyaan ', 'Soal ', 'Butir ', 'Item ', 'Q', 'unsur_']) {
      const p = run([
        ['No', `${code}1`, `${code}3`, `${code}2`],
        [1, 4, 2, 3],
      ]);
      expect(p.table.items.map((i) => [i.code, i.col])).toEqual([
        ['U1', 2],
        ['U2', 4],
        ['U3', 3],
      ]);
    }
  });

  test('code 0 is no item; U30 is the last item code', () => {
    const p = run([
      ['No', 'U0', 'U28', 'U29', 'U30'],
      [1, 4, 2, 3, 1],
    ]);
    expect(p.table.items.map((i) => i.header)).toEqual(['U28', 'U29', 'U30']);
  });

  test('nine columns with a code and an unsur name: matched by the name (U8 and U9 swapped in print)', () => {
    const headers = [
      'U1 Persyaratan',
      'U2 Prosedur',
      'U3 Waktu Pelayanan',
      'U4 Biaya/Tarif',
      'U5 Produk Layanan',
      'U6 Kompetensi Pelaksana',
      'U7 Perilaku Pelaksana',
      'U8 Sarana dan Prasarana',
      'U9 Penanganan Pengaduan',
    ];
    const p = run([
      ['No', ...headers],
      [1, ...a1],
      [2, ...a2],
    ]);
    expect(p.table.items.map((i) => [i.code, i.col])).toEqual([
      ['U1', 2],
      ['U2', 3],
      ['U3', 4],
      ['U4', 5],
      ['U5', 6],
      ['U6', 7],
      ['U7', 8],
      ['U8', 10],
      ['U9', 9],
    ]);
    const e = expected([a1, a2]);
    expect(p.scores.items.map((i) => i.sum)).toEqual([...e.sum.slice(0, 7), e.sum[8], e.sum[7]]);
  });

  test('two item columns are no questionnaire; three are', () => {
    const two = processSheet('dua.xlsx', {
      name: 'Data',
      values: [
        ['No', 'U1', 'U2'],
        [1, 4, 3],
      ],
    });
    expect(two.ok).toBe(false);
    if (!two.ok)
      expect(two.problem.en).toMatch(/^dua\.xlsx: sheet "Data" holds no respondents table/);
    expect(
      run([
        ['No', 'U1', 'U2', 'U3'],
        [1, 4, 3, 2],
      ]).table.items,
    ).toHaveLength(3);
  });

  test('beside numbered items, a column named by an unsur word ("Biaya" of zeros) is not an item', () => {
    const p = run([
      ['No', ...U, 'Biaya'],
      [1, ...a1, 0],
      [2, ...a2, 0],
    ]);
    expect(p.table.items.map((i) => i.header)).toEqual(U);
    expect(p.regulation).toBe('PermenPANRB 14/2017');
    expect(p.quality.some((q) => q.kind === 'out-of-range')).toBe(false);
  });

  test('each column its own scale: "Tidak puas" is 2 where the column also has "Sangat tidak puas", else 1', () => {
    const p = run([
      ['No', 'P1', 'P2', 'P3'],
      [1, 'Sangat tidak puas', 'Tidak puas', 'Puas'],
      [2, 'Tidak puas', 'Tidak puas', 'Sangat puas'],
      [3, 'Puas', 'Sangat puas', 'Kurang puas'],
    ]);
    expect(p.scores.items.map((i) => i.sum)).toEqual([1 + 2 + 3, 1 + 1 + 4, 3 + 4 + 2]);
  });

  test('an item number over 30 is not an item code', () => {
    const p = run([
      ['No', 'U1', 'U2', 'U3', 'U31'],
      [1, 4, 3, 3, 2],
    ]);
    expect(p.table.items.map((i) => i.header)).toEqual(['U1', 'U2', 'U3']);
    expect(p.regulation).toBe('none');
  });

  test('nine coded columns one of which is past U9 are not guessed', () => {
    const r = processSheet('sembilan.xlsx', {
      name: 'Data',
      values: [
        ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U10'],
        [4, 4, 3, 3, 4, 4, 3, 3, 4],
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem.en).toBe(
        'sembilan.xlsx: sheet "Data", header row 1: nine item columns were found but cannot be matched to U1..U9 (names or codes repeat).',
      );
  });

  test('an unsur named twice: the column holding the answers is the item, wherever it stands', () => {
    const names = [
      'Persyaratan',
      'Prosedur',
      'Waktu Pelayanan',
      'Biaya',
      'Produk',
      'Kompetensi Pelaksana',
      'Perilaku Pelaksana',
      'Saran dan masukan',
      'Penanganan Pengaduan',
      'Sarana dan Prasarana',
    ];
    // "Saran dan masukan" (an U8 name) left empty, before the real complaints question.
    const row = (a: number[]) => [...a.slice(0, 7), '', a[7], a[8]];
    const p = run([
      ['Timestamp', ...names],
      ['2025-01-02', ...row(a1)],
      ['2025-01-03', ...row(a2)],
    ]);
    expect(p.table.items.map((i) => i.header)).toEqual([
      'Persyaratan',
      'Prosedur',
      'Waktu Pelayanan',
      'Biaya',
      'Produk',
      'Kompetensi Pelaksana',
      'Perilaku Pelaksana',
      'Penanganan Pengaduan',
      'Sarana dan Prasarana',
    ]);
    expect(p.scores.items.map((i) => i.sum)).toEqual(expected([a1, a2]).sum);
    expect(p.quality.some((q) => q.kind === 'blank')).toBe(false);
  });

  test('a "Waktu pengisian" of free text is neither an item nor the date; "Kode layanan" is not the service', () => {
    const p = run([
      ['No', 'Waktu pengisian', 'Kode layanan', 'Jenis Layanan', 'Total', ...U],
      [1, 'pagi hari', 'K01', 'KTP', 31, ...a1],
      [2, 'siang', 'K02', 'KK', 29, ...a2],
    ]);
    expect(p.table.items).toHaveLength(9);
    expect(p.table.date).toBeNull();
    expect(p.table.profile.layanan).toBe(4);
    expect(p.table.rowTotal).toBe(5);
    expect(p.profile.layanan!.map((e) => e.value)).toEqual(['KTP', 'KK']);
  });
});

describe('the processing sheet of another length', () => {
  const cellText = (plan: ReturnType<typeof processingSheetPlan>) =>
    plan.cells.map((c) => c.formula ?? String(c.value ?? ''));

  test('five items: the PermenPANRB 14/2017 bands, said as such, and the weight 1/5', () => {
    const p = run([
      ['No', 'P1', 'P2', 'P3', 'P4', 'P5'],
      [1, 4, 3, 3, 4, 2],
      [2, 4, 4, 3, 3, 3],
    ]);
    const id = cellText(processingSheetPlan(p));
    expect(id).toContain('Rentang PermenPANRB 14/2017');
    expect(id).toContain('88,31 - 100,00');
    expect(id).toContain('Bobot tiap unsur tepat 1/5 (bukan 0,111).');
    expect(id.find((t) => t.includes('"A (Sangat Baik)"'))).toMatch(/>=88\.31/);
    // No answer left out: no note that some were.
    expect(id.some((t) => t.startsWith('Jawaban di luar 1-4'))).toBe(false);
    expect(cellText(processingSheetPlan(p, 'en'))).toContain('Bands of PermenPANRB 14/2017');
  });

  test('fourteen items: the Kepmenpan 25/2004 bands in the legend and the category formula', () => {
    const row = (r: number) => Array.from({ length: 14 }, (_, i) => 1 + ((r + i) % 4));
    const p = run([
      ['No', ...Array.from({ length: 14 }, (_, i) => `U${i + 1}`)],
      [1, ...row(1)],
      [2, ...row(2).map((v, i) => (i === 3 ? 7 : v))],
    ]);
    const plan = processingSheetPlan(p, 'en');
    const en = cellText(plan);
    expect(en).toContain('Bands of Kepmenpan 25/2004');
    expect(en).toContain('81,26 - 100,00');
    expect(en).not.toContain('88,31 - 100,00');
    expect(en.find((t) => t.includes('"A (Sangat Baik)"'))).toMatch(/>=81\.26.*>=62\.51.*>=43\.76/);
    expect(en).toContain(
      'Answers outside 1-4 or unreadable are left blank on this sheet (see the notes).',
    );
    expect(cellText(processingSheetPlan(p))).toContain('Rentang Kepmenpan 25/2004');
  });
});
