/**
 * What "Olah Data Responden" refuses and how it groups: the one-line problems
 * naming file, sheet and row; the sheet it picks in a workbook; results per
 * period with undated rows, per column value with its spellings; the sample.
 */
import type { SheetGrid } from '../../src/engine/model';
import {
  BLANK_GROUP,
  processSheet,
  processWorkbook,
  UNDATED,
  type Processed,
  type ProcessResult,
} from '../../src/engine/respondents/process';
import { expected, type Answers } from './helpers';

const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

function ok(r: ProcessResult): Processed {
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

function problem(r: ProcessResult): { id: string; en: string } {
  if (r.ok) throw new Error('processed, expected a problem');
  return r.problem;
}

/** Nine answers of a respondent from a seed: 1-4, not all equal. */
const answersOf = (r: number) => U.map((_, i) => 1 + ((r * 7 + i * 3 + (i % 2)) % 4));

describe('what is refused, in one line naming file and sheet', () => {
  test('an empty sheet', () => {
    const p = problem(processSheet('kosong.xlsx', { name: 'Data', values: [] }));
    expect(p.id).toBe('kosong.xlsx: lembar "Data" kosong.');
    expect(p.en).toBe('kosong.xlsx: sheet "Data" is empty.');
  });

  test('a sheet of text with no item columns', () => {
    const p = problem(
      processSheet('catatan.xlsx', {
        name: 'Catatan',
        values: [
          ['Unit', 'Keterangan'],
          ['Dinas A', 'baik'],
        ],
      }),
    );
    expect(p.id).toMatch(/^catatan\.xlsx: lembar "Catatan" tidak memuat tabel jawaban responden/);
    expect(p.en).toMatch(/^catatan\.xlsx: sheet "Catatan" holds no respondents table/);
    expect(p.id).not.toContain('\n');
  });

  test('a header with no answers under it yet, and a table of test rows only', () => {
    const header = ['No', 'Nama', ...U];
    const none = problem(
      processSheet('baru.xlsx', { name: 'Isian', values: [['SKM 2025'], header] }),
    );
    expect(none.id).toBe(
      'baru.xlsx: lembar "Isian": tabel dengan judul di baris 2 belum berisi jawaban responden.',
    );
    expect(none.en).toBe(
      'baru.xlsx: sheet "Isian": the table headed in row 2 holds no respondent answers yet.',
    );
    // Rows staff marked as tests are not respondents: with nothing else the table is empty.
    const tests = problem(
      processSheet('uji.xlsx', {
        name: 'Isian',
        values: [header, [1, 'Uji coba', ...answersOf(1)], [2, 'TEST 2', ...answersOf(2)]],
      }),
    );
    expect(tests.en).toBe(
      'uji.xlsx: sheet "Isian": the table headed in row 1 holds no respondent answers yet.',
    );
  });
});

describe('the sheet of a workbook', () => {
  const rekap: SheetGrid = {
    name: 'Rekap',
    values: [
      ['Unit', 'IKM'],
      ['Dinas A', 80],
    ],
  };
  const data = (name: string, rows: number): SheetGrid => ({
    name,
    values: [['No', ...U], ...Array.from({ length: rows }, (_, r) => [r + 1, ...answersOf(r)])],
  });
  const unclear: SheetGrid = {
    name: 'Ganda',
    values: [
      ['U1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8'],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
    ],
  };

  test('found without a name: the first sheet holding a table, past those that hold none', () => {
    const p = ok(
      processWorkbook('buku.xlsx', [rekap, data('Jawaban', 3), data('Lain', 5)], undefined),
    );
    expect(p.table.sheet).toBe('Jawaban');
    expect(p.scores.respondents).toBe(3);
  });

  test('by name, even when an earlier sheet holds a table', () => {
    const p = ok(processWorkbook('buku.xlsx', [data('Jawaban', 3), data('Lain', 5)], 'Lain'));
    expect(p.table.sheet).toBe('Lain');
    expect(p.scores.respondents).toBe(5);
  });

  test('a name that is not a sheet: the sheets there are listed', () => {
    const p = problem(processWorkbook('buku.xlsx', [rekap, data('Jawaban', 3)], 'jawaban'));
    expect(p.id).toBe(
      'buku.xlsx: lembar "jawaban" tidak ada. Lembar yang ada: "Rekap", "Jawaban".',
    );
    expect(p.en).toBe('buku.xlsx: there is no sheet "jawaban". Sheets: "Rekap", "Jawaban".');
  });

  test('a named sheet without a table says so for that sheet', () => {
    const p = problem(processWorkbook('buku.xlsx', [rekap, data('Jawaban', 3)], 'Rekap'));
    expect(p.en).toMatch(/^buku\.xlsx: sheet "Rekap" holds no respondents table/);
  });

  test('item columns that cannot be matched are reported when no other sheet has a table', () => {
    const alone = problem(processWorkbook('buku.xlsx', [rekap, unclear], undefined));
    expect(alone.en).toMatch(/^buku\.xlsx: sheet "Ganda", header row 1: nine item columns/);
    const second = { ...unclear, name: 'Ganda2' };
    expect(problem(processWorkbook('buku.xlsx', [unclear, second], undefined)).en).toMatch(
      /sheet "Ganda", header row 1/,
    );
    // A readable table on a later sheet is taken instead.
    const p = ok(processWorkbook('buku.xlsx', [unclear, data('Jawaban', 2)], undefined));
    expect(p.table.sheet).toBe('Jawaban');
  });

  // As the checker reads a recap ("an archived hidden recap never wins", src/engine/analyse.ts):
  // olah once took the first sheet with answers even when the workbook hid it, computing last
  // year's archived answers silently instead of the visible current ones.
  it('a hidden sheet of old answers gives way to the visible sheet after it', () => {
    const archived: SheetGrid = { ...data('Arsip 2024', 4), state: 'hidden' };
    const p = ok(processWorkbook('buku.xlsx', [archived, data('Jawaban 2025', 3)], undefined));
    expect(p.table.sheet).toBe('Jawaban 2025');
  });

  // As the checker lets a visible column win over a hidden one with the same header: olah once read
  // a hidden old "U3" beside the visible one as a tenth item (1/10, no regulation).
  it('a hidden column with the same item header gives way to the visible one', () => {
    const sheet: SheetGrid = {
      name: 'Data',
      values: [
        ['No', 'U1', 'U2', 'U3', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
        [1, 4, 3, 1, 3, 4, 3, 3, 4, 4, 3],
        [2, 3, 4, 1, 2, 4, 3, 4, 3, 3, 3],
      ],
      hiddenCols: [4],
    };
    const p = ok(processWorkbook('buku.xlsx', [sheet], undefined));
    expect(p.table.items.map((i) => i.col)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11]);
    expect(p.regulation).toBe('PermenPANRB 14/2017');
  });

  // An empty template sheet (the header, no answers) before the sheet of answers once stopped the
  // search: olah refused the workbook with "holds no respondent answers yet" for the template.
  it('an empty template sheet before the answers does not hide them', () => {
    const template: SheetGrid = { name: 'Template', values: [['No', 'Nama', ...U]] };
    const p = processWorkbook('buku.xlsx', [template, data('Jawaban', 3)], undefined);
    expect(p.ok).toBe(true);
    expect(ok(p).table.sheet).toBe('Jawaban');
  });

  test('an empty template alone is refused naming its sheet and header row', () => {
    const template: SheetGrid = { name: 'Template', values: [['No', 'Nama', ...U]] };
    expect(problem(processWorkbook('buku.xlsx', [rekap, template], undefined)).en).toBe(
      'buku.xlsx: sheet "Template": the table headed in row 1 holds no respondent answers yet.',
    );
  });

  test('a hidden sheet is still processed when it is the only one with answers, or named', () => {
    const archived: SheetGrid = { ...data('Arsip', 4), state: 'hidden' };
    expect(ok(processWorkbook('buku.xlsx', [rekap, archived], undefined)).table.sheet).toBe(
      'Arsip',
    );
    expect(
      ok(processWorkbook('buku.xlsx', [data('Jawaban', 3), archived], 'Arsip')).scores.respondents,
    ).toBe(4);
  });

  test('no sheet with a table: every sheet named, or "none"', () => {
    const some = problem(
      processWorkbook('buku.xlsx', [rekap, { name: 'X', values: [] }], undefined),
    );
    expect(some.id).toBe(
      'buku.xlsx: tidak ada lembar yang memuat tabel jawaban responden (lembar: "Rekap", "X").',
    );
    const none = problem(processWorkbook('buku.xlsx', [], undefined));
    expect(none.en).toBe('buku.xlsx: no sheet holds a respondents table (sheets: none).');
    expect(none.id).toMatch(/\(lembar: tidak ada\)\.$/);
  });
});

describe('results per period', () => {
  // Rows 2..9: dates over two years, two without a readable date.
  const dates: (string | number)[] = [
    '2025-03-02',
    '15/12/2024',
    '',
    '3 Juli 2025',
    '2024-01-20',
    'belum diisi',
    '30/06/2025',
    '01/01/2025',
  ];
  const rows = dates.map((d, r) => [r + 1, d, ...answersOf(r)]);
  const sheet: SheetGrid = { name: 'Data', values: [['No', 'Tanggal', ...U], ...rows] };
  const answers: Answers = dates.map((_, r) => answersOf(r));
  const pick = (idx: number[]) => idx.map((i) => answers[i]);

  test('the groups of rows without a date or a value are named in words', () => {
    expect(UNDATED).toBe('(tanpa tanggal)');
    expect(BLANK_GROUP).toBe('(kosong)');
  });

  test('per year in time order, the undated last and reported by row', () => {
    const p = ok(processSheet('data.xlsx', sheet, { by: ' Tahun ' }));
    expect(p.by).toBe(' Tahun ');
    expect(p.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['2024', 2],
      ['2025', 4],
      [UNDATED, 2],
    ]);
    expect(p.groups![1].ikm).toBeCloseTo(expected(pick([0, 3, 6, 7])).ikm, 9);
    expect(p.groups![2].items.map((i) => i.sum)).toEqual(expected(pick([2, 5])).sum);
    const undated = p.quality.find((q) => q.kind === 'undated')!;
    expect(undated).toMatchObject({ severity: 'warning', count: 2, rows: [4, 7], cells: [] });
    expect(undated.message.id).toBe(
      'Lembar "Data": baris 4, 7 tanpa tanggal yang terbaca; dikelompokkan sebagai "(tanpa tanggal)".',
    );
    // The whole still counts every row.
    expect(p.scores.respondents).toBe(8);
  });

  test('per month and per semester: the keys sort by time, not by name', () => {
    const months = ok(processSheet('data.xlsx', sheet, { by: 'bulan' }));
    expect(months.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['Januari 2024', 1],
      ['Desember 2024', 1],
      ['Januari 2025', 1],
      ['Maret 2025', 1],
      ['Juni 2025', 1],
      ['Juli 2025', 1],
      [UNDATED, 2],
    ]);
    const semesters = ok(processSheet('data.xlsx', sheet, { by: 'semester' }));
    expect(semesters.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['Semester I 2024', 1],
      ['Semester II 2024', 1],
      ['Semester I 2025', 3],
      ['Semester II 2025', 1],
      [UNDATED, 2],
    ]);
  });

  test('no undated note when every row has a date', () => {
    const dated: SheetGrid = {
      name: 'Data',
      values: [
        ['No', 'Tanggal', ...U],
        ...rows.filter((r) => r[1] !== '' && r[1] !== 'belum diisi'),
      ],
    };
    const p = ok(processSheet('data.xlsx', dated, { by: 'triwulan' }));
    expect(p.groups!.map((g) => g.label)).not.toContain(UNDATED);
    expect(p.quality.some((q) => q.kind === 'undated')).toBe(false);
  });

  test('a period asked of a table without a date column', () => {
    const p = problem(
      processSheet(
        'tanpa.xlsx',
        {
          name: 'Data',
          values: [
            ['No', ...U],
            [1, ...answersOf(1)],
          ],
        },
        { by: 'triwulan' },
      ),
    );
    expect(p.id).toBe(
      'tanpa.xlsx: lembar "Data": --by triwulan memerlukan kolom tanggal (Tanggal, Tgl, created_at), yang tidak ditemukan.',
    );
    expect(p.en).toMatch(/^tanpa\.xlsx: sheet "Data": --by triwulan needs a date column/);
  });
});

describe('results per value of a column', () => {
  const layanan = ['KTP', ' ktp ', 'Akta  Kelahiran', '', 'akta kelahiran', 'KK', null];
  const sheet: SheetGrid = {
    name: 'Data',
    values: [
      ['No', 'jenis_layanan', 'Keterangan', ...U],
      ...layanan.map((l, r) => [r + 1, l, 'x', ...answersOf(r)]),
    ],
  };

  test('values differing in case or spacing are one group, named as first written; blanks their own', () => {
    const p = ok(processSheet('data.xlsx', sheet, { by: 'jenis_layanan' }));
    expect(p.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['KTP', 2],
      ['Akta Kelahiran', 2],
      [BLANK_GROUP, 2],
      ['KK', 1],
    ]);
    const ktp = expected([answersOf(0), answersOf(1)]);
    expect(p.groups![0].items.map((i) => i.sum)).toEqual(ktp.sum);
    expect(p.groups![0].ikm).toBeCloseTo(ktp.ikm, 9);
    expect(p.groups![3].lowest).toEqual(expected([answersOf(5)]).lowest);
  });

  test('values of punctuation only are kept apart as written, not merged into one nameless group', () => {
    const marks: SheetGrid = {
      name: 'Data',
      values: [
        ['No', 'Loket', ...U],
        ...['-', '?', '-', '?', '.'].map((l, r) => [r + 1, l, ...answersOf(r)]),
      ],
    };
    const p = ok(processSheet('data.xlsx', marks, { by: 'Loket' }));
    expect(p.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['-', 2],
      ['?', 2],
      ['.', 1],
    ]);
  });

  test('a group is named without the spaces typed around its first value', () => {
    const padded: SheetGrid = {
      name: 'Data',
      values: [
        ['No', 'Loket', ...U],
        ...['  Loket 1 ', 'loket 1'].map((l, r) => [r + 1, l, ...answersOf(r)]),
      ],
    };
    const p = ok(processSheet('data.xlsx', padded, { by: 'Loket' }));
    expect(p.groups!.map((g) => [g.label, g.respondents])).toEqual([['Loket 1', 2]]);
  });

  test('the column found by its words ("Jenis Layanan" for jenis_layanan)', () => {
    const p = ok(processSheet('data.xlsx', sheet, { by: 'Jenis Layanan' }));
    expect(p.groups!.map((g) => g.label)).toEqual(['KTP', 'Akta Kelahiran', BLANK_GROUP, 'KK']);
  });

  test('a header written exactly as asked wins over one with the same words', () => {
    const two: SheetGrid = {
      name: 'Data',
      values: [
        ['No', 'Jenis Layanan', 'jenis_layanan', ...U],
        [1, 'KTP', 'Loket 1', ...answersOf(1)],
        [2, 'KK', 'Loket 1', ...answersOf(2)],
      ],
    };
    expect(
      ok(processSheet('d.xlsx', two, { by: 'jenis_layanan' })).groups!.map((g) => g.label),
    ).toEqual(['Loket 1']);
    expect(
      ok(processSheet('d.xlsx', two, { by: 'Jenis Layanan' })).groups!.map((g) => g.label),
    ).toEqual(['KTP', 'KK']);
  });

  test('a column without a header inside the table is not offered as a column', () => {
    const gap: SheetGrid = {
      name: 'Data',
      values: [
        ['No', 'U1', 'U2', 'U3', '', 'U4', 'U5'],
        [1, 4, 3, 3, 'x', 4, 2],
      ],
    };
    expect(problem(processSheet('d.xlsx', gap, { by: 'Loket' })).en).toBe(
      'd.xlsx: sheet "Data": there is no column "Loket". Columns: "No", "U1", "U2", "U3", "U4", "U5".',
    );
  });

  test('a column that is not there: the headers there are listed', () => {
    const p = problem(processSheet('data.xlsx', sheet, { by: 'Kecamatan' }));
    expect(p.id).toBe(
      `data.xlsx: lembar "Data": kolom "Kecamatan" tidak ada. Kolom yang ada: ${['No', 'jenis_layanan', 'Keterangan', ...U].map((h) => `"${h}"`).join(', ')}.`,
    );
    expect(p.en).toMatch(
      /^data\.xlsx: sheet "Data": there is no column "Kecamatan"\. Columns: "No"/,
    );
  });
});

describe('the sample against the population', () => {
  const sheet = (n: number): SheetGrid => ({
    name: 'Data',
    values: [['No', ...U], ...Array.from({ length: n }, (_, r) => [r + 1, ...answersOf(r)])],
  });

  test('enough respondents: recorded, no note', () => {
    // Krejcie-Morgan for 10: 3.841 x 10 x 0.25 / (0.0025 x 9 + 0.96025) = 9.77, so 10.
    const p = ok(processSheet('d.xlsx', sheet(10), { population: 10 }));
    expect(p.sample).toEqual({ population: 10, required: 10, respondents: 10, enough: true });
    expect(p.quality.some((q) => q.kind === 'sample-size')).toBe(false);
  });

  test('too few: a warning with the numbers', () => {
    const p = ok(processSheet('d.xlsx', sheet(9), { population: 10 }));
    expect(p.sample).toEqual({ population: 10, required: 10, respondents: 9, enough: false });
    expect(p.quality.find((x) => x.kind === 'sample-size')).toEqual({
      kind: 'sample-size',
      severity: 'warning',
      count: 1,
      rows: [],
      cells: [],
      message: {
        id: 'Jumlah responden 9 kurang dari sampel minimal 10 untuk populasi 10 (Krejcie-Morgan).',
        en: '9 respondents are fewer than the minimum sample of 10 for a population of 10 (Krejcie-Morgan).',
      },
    });
  });

  test('no population, no sample check', () => {
    const p = ok(processSheet('d.xlsx', sheet(3)));
    expect(p.sample).toBeNull();
    expect(p.groups).toBeNull();
    expect(p.by).toBeNull();
    expect(p.weight).toBe(1 / 9);
    expect(p.regulation).toBe('PermenPANRB 14/2017');
    expect(p.quality.some((q) => q.kind === 'regulation')).toBe(false);
  });
});

describe('questionnaires of another length', () => {
  const table = (n: number, rows: number) => ({
    name: 'Data',
    values: [
      ['No', ...Array.from({ length: n }, (_, i) => `U${i + 1}`)],
      ...Array.from({ length: rows }, (_, r) => [
        r + 1,
        ...Array.from({ length: n }, (_, i) => 1 + ((r + i) % 4)),
      ]),
    ],
  });

  test('fourteen items: a note (not a warning) that the 2004 rule and bands apply', () => {
    const p = ok(processSheet('d.xlsx', table(14, 4)));
    expect(p.regulation).toBe('Kepmenpan 25/2004');
    expect(p.weight).toBe(1 / 14);
    expect(p.quality.filter((q) => q.kind === 'regulation')).toEqual([
      {
        kind: 'regulation',
        severity: 'info',
        count: 1,
        rows: [],
        cells: [],
        message: expect.objectContaining({
          en: expect.stringMatching(/^A 14-item Kepmenpan 25\/2004 questionnaire: weight 1\/14 /),
        }),
      },
    ]);
  });

  test("thirty items: computed with 1/30, a warning that it is no regulation's result", () => {
    const p = ok(processSheet('d.xlsx', table(30, 4)));
    expect(p.table.items).toHaveLength(30);
    expect(p.regulation).toBe('none');
    expect(p.weight).toBe(1 / 30);
    expect(p.quality.filter((q) => q.kind === 'regulation')).toEqual([
      {
        kind: 'regulation',
        severity: 'warning',
        count: 1,
        rows: [],
        cells: [],
        message: {
          id: 'Kuesioner 30 unsur: dihitung dengan bobot 1/30; ini bukan hasil menurut PermenPANRB 14/2017 (9 unsur).',
          en: 'A 30-item questionnaire: computed with weight 1/30; this is not a PermenPANRB 14/2017 result (9 items).',
        },
      },
    ]);
  });
});
