/**
 * Where a respondents table starts and ends, and which of its rows and columns hold answers, as
 * units' sheets show them: forms returned empty, a template with only its numbers typed, a
 * signature under the table, a respondent who left an item blank after a gap or whose name starts
 * with a totals word, a free-text question numbered like the items, a key of the codes under the
 * table, the official appendix's totals rows. Found by mutation testing of the questionnaire's
 * layout slice (docs/testing.md); written as what a unit's operator sees.
 */
import { processSheet } from '../../src/engine/respondents/process';
import { readRespondents } from '../../src/engine/respondents/table';
import { processingSheetPlan } from '../../src/engine/respondents/sheet-plan';
import { expected } from './helpers';
import { U, a1, a2, a3, run, table } from './sheets';

describe('nobody after a gap is dropped', () => {
  test('a form returned empty, then a respondent who left one item blank: both said, everyone after read', () => {
    const partial = [4, 3, '', 4, 3, 3, 4, 4, 3];
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [2, 'Dewi', ...a2],
      [],
      [3, 'Budi'],
      [4, 'Ani', ...partial],
    ]);
    expect(p.table.emptyAnswerRows).toEqual([5]);
    expect(p.table.rows.map((r) => r.row)).toEqual([2, 3, 6]);
  });

  test('a respondent named "Nilai Setiawati" who left an item blank is a respondent, and those after her are read', () => {
    const t = table([
      ['Nama', ...U],
      ['Sari', ...a1],
      ['Nilai Setiawati', 3, 4, 2, 4, '', 4, 3, 3, 3],
      ['Dewi', ...a2],
      ['Ani', ...a3],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(t.summaryRows).toEqual([]);
  });

  test('a service named "Legalisir Nilai Ijazah" before the items, most answers left blank, is a respondent', () => {
    const t = table([
      ['Jenis Layanan', ...U],
      ['Legalisir Nilai Ijazah', 4, 3, 3, '', '', '', '', '', ''],
      ['Surat Pindah', ...a2],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows).toEqual([]);
  });

  test('after a gap, a name alone (padded, or typed with two spaces) or a number alone is a form returned empty', () => {
    const p = run([
      ['No', 'Nama', 'Jenis Kelamin', ...U],
      [1, 'Sari', 'P', ...a1],
      [],
      ['', ' Siti Aminah'],
      ['', 'Budi  Santoso'],
      [7],
      ['', 'Ani Lestari Putri', 'P'],
      [8, 'Dewi', 'P', ...a2],
    ]);
    expect(p.table.emptyAnswerRows).toEqual([4, 5, 6, 7]);
    expect(p.table.rows.map((r) => r.row)).toEqual([2, 8]);
  });
});

describe('after a gap, rows that are respondents', () => {
  test('a late respondent who answered one item only is read, not taken for the end of the table', () => {
    const t = table([['No', 'Nama', ...U], [1, 'Sari', ...a1], [], [2, 'Dewi', 4]]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  test('a form ticked with "v" over most items is read (its answers unreadable), not dropped as a note', () => {
    const ticked = ['v', 'v', 'v', 'v', 'v', 'v', '', '', ''];
    const t = table([['No', 'Nama', ...U], [1, 'Sari', ...a1], [], [2, 'Dewi', ...ticked]]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  test('a line of three words and no answers between two respondents is a form returned empty, said, not passed over', () => {
    const t = table([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      ['', 'Budi Santoso Putra'],
      [3, 'Dewi', ...a2],
    ]);
    expect(t.emptyAnswerRows).toEqual([3]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});

describe('where the header is looked for', () => {
  // n lines of notes above the header: its row is n + 1.
  const below = (n: number) => [
    ...Array.from({ length: n }, (_, i) => [`Catatan ${i + 1}`]),
    ['No', 'Nama', ...U],
    [1, 'Sari', ...a1],
    [2, 'Dewi', ...a2],
  ];

  test('a header under 40 lines of notes (the 41st row) is found', () => {
    expect(table(below(40)).headerRow).toBe(41);
  });

  test('a header lower than that is not looked for: no questionnaire table is found', () => {
    const r = readRespondents({ name: 'Data', values: below(41) });
    expect(r.ok ? null : r.problem.code).toBe('no-table');
  });

  test('a second questionnaire under the first, respondents between: the first is read', () => {
    const t = table([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [2, 'Dewi', ...a2],
      [],
      ['No', 'Nama', ...U],
      [1, 'Ani', ...a3],
    ]);
    expect(t.headerRow).toBe(1);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.otherTableRow).toBe(5);
  });

  test('a second questionnaire under a first whose only respondent left an item blank: the first is read', () => {
    const t = table([
      ['No', 'Nama', ...U],
      [1, 'Sari', 4, 3, '', 4, 3, 3, 4, 4, 3],
      [],
      ['No', 'Nama', ...U],
      [1, 'Ani', ...a3],
      [2, 'Dewi', ...a2],
    ]);
    expect(t.headerRow).toBe(1);
    expect(t.otherTableRow).toBe(4);
  });

  test('a second questionnaire under the first is said, in both languages, as not read', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [],
      ['Nama', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9'],
      ['Ani', ...a3],
    ]);
    const said = p.quality.find((i) => i.kind === 'other-table');
    expect(said?.rows).toEqual([4]);
    expect(said?.message.id).toContain('baris 4 tidak dibaca');
    expect(said?.message.en).toContain('row 4 is not read');
    expect(p.table.rows.map((r) => r.row)).toEqual([2]);
  });
});

describe('what ends the table', () => {
  test('a signature under the last respondent, after a gap, ends the table: no form returned empty', () => {
    const signature = ['', 'Mengetahui,', '', '', '', '', 'Martapura, 5 Januari 2026'];
    const t = table([['No', 'Nama', ...U], [1, 'Sari', ...a1], [2, 'Dewi', ...a2], [], signature]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.emptyAnswerRows).toEqual([]);
  });

  test('a late respondent after a gap, then a signature of two lines: the respondent read, the signature no form', () => {
    const t = table([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [],
      [2, 'Dewi', ...a2],
      ['', 'Mengetahui,'],
      ['', 'Kepala Dinas'],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(t.emptyAnswerRows).toEqual([]);
  });

  test('a template with only its numbers typed, nothing answered yet: each row a form returned empty, also under a blank row', () => {
    const numbers = [[1], [2], [3]];
    const t = table([['No', 'Nama', ...U], ...numbers]);
    expect(t.rows).toEqual([]);
    expect(t.emptyAnswerRows).toEqual([2, 3, 4]);
    const gap = table([['No', 'Nama', ...U], [], ...numbers]);
    expect(gap.emptyAnswerRows).toEqual([3, 4, 5]);
  });

  test("the official appendix's totals rows, labelled with their unsur words, are totals rows, not respondents", () => {
    const t = table([
      ['No. Resp', ...U],
      [1, ...a1],
      [2, ...a2],
      ['Σ Nilai/Unsur', ...a1.map((x, i) => x + a2[i])],
      ['NRR/Unsur Pelayanan', ...a1.map((x, i) => (x + a2[i]) / 2)],
      ['IKM Unit Pelayanan', 81.94],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows.map((s) => s.row)).toEqual([4, 5, 6]);
  });

  test('a "Rata-rata (n = 25)" row of whole means is a totals row, however many digits its count has', () => {
    const t = table([
      ['Nama', ...U],
      ['Sari', ...a1],
      ['Dewi', ...a2],
      ['Rata-rata (n = 25)', 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows.map((s) => s.row)).toEqual([4]);
  });
});

describe('which row is the header and which columns the items', () => {
  test("three questions coded out of order and not 1 to 3 (Q6, Q2, Q4) are read in their codes' order", () => {
    const t = table([
      ['Nama', 'Q6', 'Q2', 'Q4'],
      ['Sari', 4, 3, 2],
      ['Dewi', 3, 3, 3],
    ]);
    expect(t.items.map((i) => [i.code, i.header])).toEqual([
      ['U1', 'Q2'],
      ['U2', 'Q4'],
      ['U3', 'Q6'],
    ]);
  });

  test("questions whose codes repeat (Q2, Q1, Q1) keep their columns' order", () => {
    const t = table([
      ['Nama', 'Q2', 'Q1', 'Q1'],
      ['Sari', 4, 3, 2],
    ]);
    expect(t.items.map((i) => i.col)).toEqual([2, 3, 4]);
  });

  test("questions of which one has no code (Q2, Q1, Persyaratan) keep their columns' order", () => {
    const t = table([
      ['Nama', 'Q2', 'Q1', 'Persyaratan'],
      ['Sari', 4, 3, 2],
    ]);
    expect(t.items.map((i) => i.col)).toEqual([2, 3, 4]);
  });

  test('codes over numbered unsur names ("1. Persyaratan"): the names row is the header, not a respondent answering 1 to 9', () => {
    const names = [
      '1. Persyaratan',
      '2. Prosedur',
      '3. Waktu',
      '4. Biaya',
      '5. Produk',
      '6. Kompetensi',
      '7. Perilaku',
      '8. Pengaduan',
      '9. Sarana',
    ];
    const t = table([
      ['No', ...U],
      ['', ...names],
      [1, ...a1],
      [2, ...a2],
    ]);
    expect(t.headerRow).toBe(2);
    expect(t.rows.map((r) => r.row)).toEqual([3, 4]);
  });

  test('a key of the nine codes under the table does not become the header', () => {
    const t = table([
      ['No', ...U],
      [1, ...a1],
      [2, ...a2],
      [],
      ['Keterangan kode unsur:'],
      ['', ...U],
      [
        '',
        'Persyaratan',
        'Prosedur',
        'Waktu',
        'Biaya',
        'Produk',
        'Kompetensi',
        'Perilaku',
        'Pengaduan',
        'Sarana',
      ],
    ]);
    expect(t.headerRow).toBe(1);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  test('a free-text question numbered like the items ("P10 Saran") is not an item', () => {
    const P = U.map((_, i) => `P${i + 1}`);
    const p = run([
      ['No', ...P, 'P10 Saran dan masukan'],
      [1, ...a1, 'Antrian terlalu panjang'],
      [2, ...a2, ''],
      [3, ...a3, 'Petugas ramah, ruang tunggu panas'],
    ]);
    expect(p.table.items.map((i) => i.code)).toEqual(U);
    expect(p.table.items.map((i) => i.col)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.scores.items.map((i) => i.sum)).toEqual(expected([a1, a2, a3]).sum);
  });

  test('ten questions by name naming eight unsur (one twice, none on cost) are read as ten items, none dropped', () => {
    const names = [
      'Kesesuaian persyaratan',
      'Kemudahan prosedur',
      'Kecepatan waktu pelayanan',
      'Ketepatan waktu penyelesaian',
      'Kesesuaian produk',
      'Kompetensi petugas',
      'Perilaku petugas',
      'Penanganan pengaduan',
      'Kualitas sarana',
      'Kenyamanan sarana',
    ];
    const row = (x: number) => names.map((_, i) => ((x + i) % 4) + 1);
    const t = table([names, row(0), row(1), row(2)]);
    expect(t.items.map((i) => i.header)).toEqual(names);
    expect(t.items.map((i) => i.unsur)).toEqual(names.map(() => null));
  });

  test('a form edited during the survey, one unsur asked in an old and a new wording: the column answered by more respondents is the item, the last one counted', () => {
    const names = [
      'Persyaratan',
      'Prosedur',
      'Waktu penyelesaian',
      'Kecepatan waktu pelayanan',
      'Biaya',
      'Produk',
      'Kompetensi',
      'Perilaku',
      'Pengaduan',
      'Sarana',
    ];
    // The old wording answered by the first two respondents, the new one by the last three.
    const row = (a: number[], old: boolean) => [
      a[0],
      a[1],
      old ? a[2] : '',
      old ? '' : a[2],
      ...a.slice(3),
    ];
    const t = table([
      names,
      row(a1, true),
      row(a2, true),
      row(a3, false),
      row(a1, false),
      row(a2, false),
    ]);
    expect(t.items.map((i) => i.header)).toEqual(names.filter((n) => n !== 'Waktu penyelesaian'));
  });

  test("the items' names come without the spaces a web export pads them with", () => {
    const names = [
      ' P1 Kecepatan',
      'P2 Keramahan ',
      ' P3 Kebersihan ',
      'P4 Kenyamanan',
      'P5 Keamanan ',
    ];
    const t = table([
      ['No', ...names],
      [1, 4, 3, 3, 4, 3],
      [2, 3, 4, 2, 4, 3],
    ]);
    expect(t.items.map((i) => i.name)).toEqual(names.map((n) => n.trim()));
  });

  test('"Tidak baik" is 2 where only the last respondent answered "Sangat tidak baik" in that column', () => {
    const p = run([
      ['No', 'P1', 'P2', 'P3'],
      [1, 'Tidak baik', 'Baik', 'Baik'],
      [2, 'Baik', 'Tidak baik', 'Sangat baik'],
      [3, 'Sangat tidak baik', 'Baik', 'Baik'],
    ]);
    expect(p.scores.items.map((i) => i.sum)).toEqual([2 + 3 + 1, 3 + 1 + 3, 3 + 4 + 3]);
  });
});

describe('a sheet without a table and answers that cannot be read', () => {
  test('a sheet of text only says no questionnaire table was found on it', () => {
    const r = processSheet('catatan.xlsx', {
      name: 'Catatan',
      values: [['Rekap SKM'], ['Belum ada data']],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.id).toContain('Catatan');
    expect(r.problem.id).toMatch(/tabel/i);
  });

  test('an unreadable answer alone (no answer outside 1-4): the sheet says answers were left blank on it', () => {
    const p = run([
      ['No', ...U],
      [1, 4, 3, '??', 4, 3, 3, 4, 4, 3],
      [2, ...a2],
    ]);
    expect(p.quality.map((q) => q.kind)).toContain('unreadable');
    expect(p.quality.map((q) => q.kind)).not.toContain('out-of-range');
    const texts = processingSheetPlan(p).cells.map((c) => c.value);
    expect(texts).toContain(
      'Jawaban di luar 1-4 atau tak terbaca dikosongkan di lembar ini (lihat catatan).',
    );
  });
});
