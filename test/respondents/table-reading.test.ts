/**
 * Reading a respondents table as units lay them out: a key of codes above the table, columns
 * beside it that are not in it, a hidden old copy of an item, two numbering or date columns,
 * unsur names that contain profile words, notes and legends under it, questionnaires returned
 * empty after a gap. Found by mutation testing of the questionnaire's layout slice (docs/testing.md);
 * written as what a unit's operator sees, not as tests of the mutants.
 */
import { expected } from './helpers';
import { U, a1, a2, a3, run, table } from './sheets';

describe('which row is the header', () => {
  test('a key of the codes above the table, names under them, is not the header', () => {
    const t = table([
      ['Kode', ...U],
      [
        'Unsur',
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
      [],
      ['No', ...U],
      [1, ...a1],
      [2, ...a2],
    ]);
    expect(t.headerRow).toBe(4);
    expect(t.rows.map((r) => r.row)).toEqual([5, 6]);
  });

  test('the row with most items is the header, not a first row of three codes above it', () => {
    const t = table([['', 'U1', 'U2', 'U3'], [], ['No', ...U], [1, ...a1], [2, ...a2], [3, ...a3]]);
    expect(t.headerRow).toBe(3);
    expect(t.items).toHaveLength(9);
  });

  test('a column headed "Catatan Q1" beside the items is not an item: codes stand at the start of a header', () => {
    const t = table([
      ['No', ...U, 'Catatan Q1'],
      [1, ...a1, 1],
      [2, ...a2, 2],
    ]);
    expect(t.items.map((i) => i.code)).toEqual(U);
    expect(t.items.map((i) => i.col)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('which columns are in the table', () => {
  test('a note right of the table past an empty column is not in it; nothing under it is a returned form', () => {
    const t = table([
      ['No', ...U, '', 'Petunjuk'],
      [1, ...a1, '', 'Isi 1 sampai 4'],
      [2, ...a2],
      [3, ...a3, '', 'Kolom U9: sarana'],
    ]);
    expect(t.right).toBe(10);
    expect(t.columns.map((c) => c.col)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.emptyAnswerRows).toEqual([]);
    expect(t.rows[0].cells).toHaveLength(10);
  });

  test('a hidden item column with no visible twin stays an item; a hidden twin gives way', () => {
    const values = [
      ['No', ...U],
      [1, ...a1],
      [2, ...a2],
    ];
    // Column 6 (U5) hidden and alone: still U5.
    expect(table(values, [6]).items.map((i) => i.col)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // A hidden old U5 at column 11 beside the visible one: the visible one is read.
    const twin = [
      ['No', ...U, 'U5'],
      [1, ...a1, 1],
      [2, ...a2, 1],
    ];
    const t = table(twin, [11]);
    expect(t.items.find((i) => i.code === 'U5')!.col).toBe(6);
    expect(t.items).toHaveLength(9);
  });

  test('item headers naming the service are items, never the profile column "layanan"', () => {
    const names = [
      'U1 Persyaratan pelayanan',
      'U2 Prosedur pelayanan',
      'U3 Waktu pelayanan',
      'U4 Biaya/Tarif',
      'U5 Produk layanan',
      'U6 Kompetensi petugas',
      'U7 Perilaku petugas',
      'U8 Penanganan pengaduan',
      'U9 Sarana dan prasarana',
    ];
    const t = table([
      ['No', 'Jenis Kelamin', ...names],
      [1, 'L', ...a1],
      [2, 'P', ...a2],
    ]);
    expect(t.items).toHaveLength(9);
    expect(t.profile).toEqual({ jenisKelamin: 2 });
  });

  test('of two numbering, total or date columns the first is taken', () => {
    const t = table([
      ['No', 'ID Responden', 'Tanggal', 'Timestamp', ...U, 'Total', 'Jumlah'],
      [1, 'R-07', '02/01/2025', '03/01/2025', ...a1, 31, 31],
      [2, 'R-08', '05/01/2025', '06/01/2025', ...a2, 29, 29],
    ]);
    expect(t.numbering).toBe(1);
    expect(t.date).toBe(3);
    expect(t.rowTotal).toBe(14);
  });
});

describe('where the respondents end', () => {
  test('forms returned empty after a gap, one after another, are said as such while respondents follow', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [],
      [2, 'Budi'],
      [3, 'Ani'],
      [4, 'Dewi', ...a2],
    ]);
    expect(p.table.emptyAnswerRows).toEqual([4, 5]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 6]);
    expect(p.scores.items.map((i) => i.sum)).toEqual(expected([a1, a2]).sum);
  });

  test('a scale legend under a note after the table is not a respondent', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [2, 'Dewi', ...a2],
      [],
      ['Keterangan: skala jawaban'],
      ['', 'Skala', 1, 2, 3, 4],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(p.table.emptyAnswerRows).toEqual([]);
  });

  test('after a gap, a line of one or two words is a returned form; a line with a colon or three words is a note', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', ...a1],
      [],
      ['Budi Santoso'],
      ['Catatan: lanjutan'],
      ['diisi oleh petugas'],
      ['Ani', 'Lestari'],
      [2, 'Dewi', ...a2],
    ]);
    expect(p.table.emptyAnswerRows).toEqual([4, 7]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 8]);
  });
});

describe('a header of two rows', () => {
  const N = [
    'Persyaratan',
    'Prosedur',
    'Waktu',
    'Biaya',
    'Produk',
    'Kompetensi',
    'Perilaku',
    'Pengaduan',
    'Sarana',
  ];

  test('codes over unsur names: the names row is the header, not a respondent', () => {
    const p = run([
      ['No', ...U],
      ['', ...N],
      [1, ...a1],
      [2, ...a2],
    ]);
    expect(p.table.headerRow).toBe(2);
    expect(p.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(p.table.items.map((i) => i.unsur)).toEqual(U);
    expect(p.scores.items.map((i) => i.sum)).toEqual(expected([a1, a2]).sum);
  });

  test('unsur names over codes: the codes row is the header', () => {
    const p = run([
      ['', ...N],
      ['No', ...U],
      [1, ...a1],
      [2, ...a2],
    ]);
    expect(p.table.headerRow).toBe(2);
    expect(p.rows.map((r) => r.row)).toEqual([3, 4]);
  });
});

describe('totals rows, dates and numbering', () => {
  test('a "Rata-rata" or "Σ" row of whole means is a totals row; a respondent named "Nilai Setiawati" is a respondent', () => {
    const t = table([
      ['Nama', ...U],
      ['Sari', ...a1],
      ['Nilai Setiawati', ...a2],
      ['Rata-rata', 3, 3, 3, 3, 3, 3, 3, 3, 3],
      ['Σ', 7, 7, 5, 8, 6, 7, 7, 7, 6],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows.map((s) => s.label)).toEqual(['Rata-rata', 'Σ']);
  });

  test('a totals row labelled only by a sigma, its means whole, is no respondent', () => {
    const t = table([
      ['Nama', ...U],
      ['Sari', ...a1],
      ['Dewi', ...a2],
      ['Σ', 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows.map((s) => s.row)).toEqual([4]);
  });

  test('a timestamp column written month first (a US form export) is the survey date', () => {
    const t = table([
      ['Timestamp', ...U],
      ['1/25/2025 10:02:11', ...a1],
      ['2/14/2025 08:30:00', ...a2],
    ]);
    expect(t.date).toBe(1);
    expect(t.dateOrder).toBe('mdy');
  });

  test('a date column written day first past the twelfth is the survey date', () => {
    const t = table([
      ['Tanggal', ...U],
      ['25/01/2025', ...a1],
      ['14/02/2025', ...a2],
    ]);
    expect(t.date).toBe(1);
    expect(t.dateOrder).toBe('dmy');
  });

  test('three items: a first respondent answering 2, 3, 4 is a respondent, not a numbering row', () => {
    const t = table([
      ['No', 'U1', 'U2', 'U3'],
      [1, 2, 3, 4],
      [2, 3, 3, 4],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  test('three numbered items beside a column named by an unsur word: three items', () => {
    const t = table([
      ['No', 'P1', 'P2', 'P3', 'Biaya'],
      [1, 4, 3, 3, 1],
      [2, 3, 4, 2, 1],
    ]);
    expect(t.items.map((i) => i.col)).toEqual([2, 3, 4]);
  });

  test('codes with one twice (P3, P1, P3) are taken in column order, not sorted', () => {
    const t = table([
      ['No', 'P3', 'P1', 'P3'],
      [1, 4, 3, 2],
      [2, 3, 4, 2],
    ]);
    expect(t.items.map((i) => [i.code, i.col])).toEqual([
      ['U1', 2],
      ['U2', 3],
      ['U3', 4],
    ]);
  });

  test('an unsur named in two columns as full as each other: the first is the item', () => {
    const names = [
      'Persyaratan',
      'Prosedur',
      'Waktu',
      'Biaya',
      'Produk',
      'Kompetensi',
      'Perilaku',
      'Pengaduan',
      'Sarana',
    ];
    const t = table([
      ['No', ...names, 'Persyaratan pelayanan (ulang)'],
      [1, ...a1, 2],
      [2, ...a2, 1],
    ]);
    expect(t.items.find((i) => i.unsur === 'U1')!.col).toBe(2);
  });
});

describe('the words of totals rows and of numbering and total columns', () => {
  // Each label says nothing but totals words; its row holds whole means, which read as answers,
  // so only its words tell it from a respondent.
  test.each([
    'Jumlah Nilai per Unsur',
    'Total Jml Skor',
    'NRR Tertimbang',
    'IKM',
    'Rerata tiap Unsur',
    'Mean Score per Item',
    'Bobot x N',
    'Nilai Indeks Konversi dan Interval',
    'Total Sum',
    'Nilai Average Weighted',
    'Rata-rata Butir',
    'Jumlah Responden',
    'Σ Nilai',
  ])('a row labelled "%s" under the respondents is a totals row', (label) => {
    const t = table([
      ['Nama', ...U],
      ['Sari', ...a1],
      ['Dewi', ...a2],
      [label, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows.map((s) => s.label)).toEqual([label]);
  });

  test('a service named "Layanan Total Perizinan" with an answer left blank is a respondent', () => {
    const t = table([
      ['Layanan', ...U],
      ['Layanan Total Perizinan', 4, 3, '', 4, 3, 3, 4, 4, 3],
      ['KTP', ...a2],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.summaryRows).toEqual([]);
  });

  test('"Nomor HP" and "Nama Responden" are not the numbering; "Rata-rata skor" and "Total waktu" not the row total', () => {
    const t = table([
      ['Nomor HP', 'Nama Responden', ...U, 'Rata-rata skor', 'Total waktu'],
      ['0812', 'Sari', ...a1, 3.4, 10],
      ['0813', 'Dewi', ...a2, 3.2, 12],
    ]);
    expect(t.numbering).toBeNull();
    expect(t.rowTotal).toBeNull();
    const u = table([
      ['Nomor Responden', ...U, 'Jumlah Skor'],
      [1, ...a1, 31],
      [2, ...a2, 29],
    ]);
    expect(u.numbering).toBe(1);
    expect(u.rowTotal).toBe(11);
  });
});

describe('a line of instructions under the header', () => {
  test('is passed over, not said to be a questionnaire returned empty; a name alone there still is', () => {
    const p = run([
      ['No', 'Nama', ...U],
      ['Petunjuk: isi dengan angka 1 sampai 4'],
      ['', 'Budi'],
      [1, 'Sari', ...a1],
      [2, 'Dewi', ...a2],
    ]);
    expect(p.table.emptyAnswerRows).toEqual([3]);
    expect(p.rows.map((r) => r.row)).toEqual([4, 5]);
  });
});
