/**
 * Questionnaires generated here with known answers, written as units and web
 * apps write them: letters, answer words, blanks, slips outside 1-4, Excel
 * dates spanning years, a ";" CSV with a BOM, 10 and 14 items.
 */
import { writeFileSync } from 'fs';
import { tempDir, writeWorkbook } from '../cli/helpers';
import {
  expected,
  expectedCategory,
  expectMatches,
  olah,
  olahJson,
  random,
  toCsv,
  type Answers,
} from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

const NAMES = [
  'Persyaratan',
  'Prosedur',
  'Waktu Pelayanan',
  'Biaya/Tarif',
  'Produk Layanan',
  'Kompetensi Petugas',
  'Perilaku Petugas',
  'Penanganan Pengaduan',
  'Sarana dan Prasarana',
];
const WORDS = [
  ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
];

/** Answers 1-4 leaning to 3 and 4, as real surveys do. */
function answers(seed: number, respondents: number, items: number): number[][] {
  const rnd = random(seed);
  return Array.from({ length: respondents }, () =>
    Array.from({ length: items }, () => [1, 2, 3, 3, 3, 4, 4, 4][Math.floor(rnd() * 8)]),
  );
}

/** Excel's serial of a date (1900 system). */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000 + 25569;

describe('an .xlsx of letters and answer words, unsur by name in another order', () => {
  const base = answers(7, 40, 9);
  // Blanks and slips: counted nowhere, the unsur's NRR uses those who answered.
  const blanks: [number, number][] = [
    [3, 0],
    [10, 4],
    [10, 5],
    [22, 8],
  ];
  const slips: [number, number, number][] = [
    [5, 2, 5],
    [17, 7, 0],
  ];
  const counted: Answers = base.map((r) => r.slice());
  for (const [r, i] of [...blanks, ...slips.map(([r, i]) => [r, i] as [number, number])])
    counted[r][i] = null;
  // Dates from November 2024 to April 2025: Semester II 2024 and Semester I 2025.
  const dates = base.map((_, r) => serial(2024, 11, 1) + r * 4);
  const order = [8, 0, 1, 2, 3, 4, 5, 6, 7];
  const header = ['No', 'Tanggal', 'Jenis Kelamin', 'Usia', ...order.map((i) => NAMES[i])];
  const rows = base.map((r, ri) => [
    ri + 1,
    dates[ri],
    ri % 3 === 0 ? 'P' : 'L',
    18 + ri,
    ...order.map((i) => {
      const blank = blanks.some(([br, bi]) => br === ri && bi === i);
      const slip = slips.find(([sr, si]) => sr === ri && si === i);
      if (blank) return '';
      if (slip) return slip[2];
      // Letters in odd rows, the form's words in even rows.
      return ri % 2 ? 'abcd'[r[i] - 1] : WORDS[i][r[i] - 1];
    }),
  ]);
  const file = tmp.file('huruf-kata.xlsx');

  beforeAll(async () => {
    const values = [['SURVEI KEPUASAN MASYARAKAT'], [], header, ...rows];
    const formats = values.map((r, i) =>
      r.map((_, j) => (i >= 3 && j === 1 ? 'dd/mm/yyyy' : null)),
    );
    await writeWorkbook(file, [{ name: 'Jawaban', values, formats }]);
  });

  test('the result over those who answered; out-of-range answers an error (exit 1)', async () => {
    const { run, json } = await olahJson(file);
    expect(run.code).toBe(1);
    expect(json.headerRow).toBe(3);
    expect(json.respondents).toBe(40);
    expect(json.unsur.map((u) => u.column)).toEqual(['F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'E']);
    expectMatches(json, expected(counted));
    const issue = (kind: string) => json.quality.issues.find((q) => q.kind === kind)!;
    expect(issue('out-of-range')).toMatchObject({
      severity: 'error',
      count: 2,
      cells: ['H9 (5)', 'M21 (0)'],
    });
    expect(issue('blank')).toMatchObject({
      severity: 'warning',
      count: 4,
      cells: ['F7', 'J14', 'K14', 'E26'],
    });
  });

  test('per semester from Excel dates spanning two years', async () => {
    const { json } = await olahJson(file, '--by', 'semester');
    const inFirst = (r: number) => dates[r] >= serial(2025, 1, 1);
    const s2024 = counted.filter((_, r) => !inFirst(r));
    const s2025 = counted.filter((_, r) => inFirst(r));
    expect(json.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['Semester II 2024', s2024.length],
      ['Semester I 2025', s2025.length],
    ]);
    expectMatches(json.groups![0], expected(s2024));
    expectMatches(json.groups![1], expected(s2025));
  });

  test('per column value (Jenis Kelamin) and the sex profile', async () => {
    const { json } = await olahJson(file, '--by', 'Jenis Kelamin');
    const women = counted.filter((_, r) => r % 3 === 0);
    const men = counted.filter((_, r) => r % 3 !== 0);
    expect(json.groups!.map((g) => g.label)).toEqual(['P', 'L']);
    expectMatches(json.groups![0], expected(women));
    expectMatches(json.groups![1], expected(men));
    expect(json.profile.jenisKelamin!.map((e) => [e.value, e.count])).toEqual([
      ['Laki-laki', men.length],
      ['Perempuan', women.length],
    ]);
  });

  test('ages in bands', async () => {
    const { json } = await olahJson(file);
    // Ages 18..57, one respondent each.
    expect(json.profile.usia!.map((e) => [e.value, e.count])).toEqual([
      ['< 20', 2],
      ['20-29', 10],
      ['30-39', 10],
      ['40-49', 10],
      ['50-59', 8],
    ]);
  });

  test('the sample against Krejcie-Morgan for a population', async () => {
    const { json } = await olahJson(file, '--populasi', '1.000');
    // Krejcie-Morgan: 3.841 N 0.25 / (0.0025 (N - 1) + 3.841 x 0.25) for N = 1000.
    const required = Math.round((3.841 * 1000 * 0.25) / (0.0025 * 999 + 3.841 * 0.25));
    expect(json.sample).toEqual({ population: 1000, required, respondents: 40, enough: false });
    expect(json.quality.issues.find((q) => q.kind === 'sample-size')).toMatchObject({
      severity: 'warning',
      count: 1,
      message: `Jumlah responden 40 kurang dari sampel minimal ${required} untuk populasi 1.000 (Krejcie-Morgan).`,
    });
    // The population is no part of the counts: the result is the same as without it.
    expectMatches(json, expected(counted));
  });
});

describe('a ";" CSV with a BOM and CRLF, as Excel in an Indonesian locale saves it', () => {
  const base = answers(11, 30, 9);
  const rows: (string | number)[][] = base.map((r, i) => [
    i + 1,
    // Day-first dates and Indonesian words, from December 2024 to February 2025.
    i % 2
      ? `${String((i % 28) + 1).padStart(2, '0')}/${i < 15 ? '12/2024' : '02/2025'}`
      : `${(i % 28) + 1} ${i < 15 ? 'Desember 2024' : 'Februari 2025'}`,
    i === 4 ? 'Cepat; ramah.\nTerima kasih "admin"' : '',
    ...r.map(String),
  ]);
  // A staff test row, and the 7th respondent sent twice.
  rows.push(['99', '05/01/2025', 'test', '1', '1', '1', '1', '1', '1', '1', '1', '1']);
  rows.push([rows[6][0], ...rows[6].slice(1)]);
  const file = tmp.file('ekspor.csv');

  beforeAll(() => {
    const text = toCsv(
      [['No', 'Tanggal', 'Saran', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'], ...rows],
      ';',
      '\r\n',
    );
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    );
  });

  test('read whole: the quoted saran with ";" and a line break stays one cell', async () => {
    const { run, json } = await olahJson(file);
    expect(run.code).toBe(0);
    // 30 respondents and the duplicate (counted, flagged); the test row left out, flagged.
    const counted = [...base, base[6]];
    expect(json.respondents).toBe(31);
    expectMatches(json, expected(counted));
    const issue = (kind: string) => json.quality.issues.find((q) => q.kind === kind)!;
    expect(issue('test-row').rows).toEqual([32]);
    expect(issue('duplicate').rows).toEqual([33]);
    // The copy names the row it copies (the 7th respondent, sheet row 8), so staff can compare them.
    expect(issue('duplicate').message).toMatch(/\(33 = 8\)/);
    expect(issue('test-row').severity).toBe('warning');
  });

  test('per triwulan from dd/mm/yyyy and "12 Desember 2024"', async () => {
    const { json } = await olahJson(file, '--by', 'triwulan');
    // The copy of the 7th respondent is dated as it: "7 Desember 2024".
    const q4 = [...base.filter((_, i) => i < 15), base[6]];
    const q1 = base.filter((_, i) => i >= 15);
    expect(json.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['Triwulan IV 2024', 16],
      ['Triwulan I 2025', 15],
    ]);
    expectMatches(json.groups![0], expected(q4));
    expectMatches(json.groups![1], expected(q1));
  });
});

describe('questionnaires of another length', () => {
  test('14 items: Kepmenpan 25/2004, weight exactly 1/14, its own bands', async () => {
    // Half 4, half 3, one respondent all 3: IKM between 81,26 and 88,30, A by 2004 and B by 2017.
    const base = Array.from({ length: 25 }, (_, r) =>
      Array.from({ length: 14 }, (_, i) => (r > 0 && (r + i) % 2 === 0 ? 4 : 3)),
    );
    const e = expected(base, true);
    expect(e.ikm).toBeGreaterThan(81.26);
    expect(e.ikm).toBeLessThan(88.3);
    const file = tmp.file('empat-belas.xlsx');
    const header = ['No', 'Kode Peserta', 'Umur', ...base[0].map((_, i) => `U${i + 1}`)];
    await writeWorkbook(file, [
      {
        name: 'Sheet1',
        values: [['SURVEI'], [], header, ...base.map((r, i) => [i + 1, `K${i}`, 30, ...r])],
      },
    ]);
    const { json } = await olahJson(file);
    expect(json.items).toBe(14);
    expect(json.regulation).toBe('Kepmenpan 25/2004');
    expect(json.weight).toBe(1 / 14);
    expectMatches(json, e);
    expect(json.category).toBe('A (Sangat Baik)');
    expect(expectedCategory(e.ikm)).toBe('B (Baik)');
    expect(json.quality.issues.find((q) => q.kind === 'regulation')).toMatchObject({
      severity: 'info',
      count: 1,
      message: expect.stringMatching(/^Kuesioner 14 unsur Kepmenpan 25\/2004: bobot 1\/14 /),
    });
    expect(json.quality.errors).toBe(0);
  });

  test('10 items: computed with 1/10 and labelled as not a PermenPANRB 14/2017 result', async () => {
    const base = answers(5, 12, 10);
    const file = tmp.file('sepuluh.csv');
    writeFileSync(
      file,
      toCsv([['no', ...base[0].map((_, i) => `P${i + 1}`)], ...base.map((r, i) => [i + 1, ...r])]),
    );
    const { run, json } = await olahJson(file);
    expect(run.code).toBe(0);
    expect(json.regulation).toBe('none');
    expect(json.weight).toBe(1 / 10);
    expectMatches(json, expected(base));
    expect(json.quality.issues.find((q) => q.kind === 'regulation')).toMatchObject({
      severity: 'warning',
      count: 1,
      message:
        'Kuesioner 10 unsur: dihitung dengan bobot 1/10; ini bukan hasil menurut PermenPANRB 14/2017 (9 unsur).',
    });
    const text = await olah(file);
    expect(text.stdout).toMatch(/bukan PermenPANRB 14\/2017, bobot 1\/10/);
  });
});

describe('the official processing layout as input', () => {
  test('the respondents read, the stored Σ row checked against the answers, the legend left out', async () => {
    const base = answers(13, 8, 9);
    const e = expected(base);
    const sums = e.sum.slice();
    sums[2] += 1;
    const values = [
      ['PENGOLAHAN DATA SURVEI KEPUASAN MASYARAKAT PER RESPONDEN DAN PER UNSUR PELAYANAN'],
      ['No Resp', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
      ...base.map((r, i) => [i + 1, ...r]),
      ['Σ Nilai / Unsur', ...sums],
      ['NRR / Unsur', ...e.nrr.map((x) => Math.round(x * 1000) / 1000)],
      [],
      ['Keterangan:'],
      ['U1 s.d U9 = Unsur-unsur pelayanan'],
    ];
    const file = tmp.file('pengolahan.xlsx');
    await writeWorkbook(file, [{ name: 'Olah', values }]);
    const { json } = await olahJson(file);
    expect(json.respondents).toBe(8);
    expectMatches(json, e);
    const stored = json.quality.issues.find((q) => q.kind === 'stored-summary')!;
    expect(stored.cells).toEqual([`D11 (${sums[2]}) ≠ ${e.sum[2]}`]);
  });
});

describe('what cannot be processed', () => {
  test('no respondents table: exit 2, one line naming file and sheet', async () => {
    const file = tmp.file('rekap.xlsx');
    await writeWorkbook(file, [
      {
        name: 'Rekap',
        values: [
          ['Unit', 'IKM'],
          ['Dinas A', 80],
        ],
      },
    ]);
    const r = await olah(file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/rekap\.xlsx: no sheet holds a respondents table \(sheets: "Rekap"\)/);
  });

  test('a column to group by that is not there, an unknown option, a bad population: exit 2', async () => {
    const file = tmp.file('kecil.csv');
    writeFileSync(file, 'U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,3,3,4,4,3,3,4\n');
    expect((await olah(file, '--by', 'Layanan')).stderr).toMatch(/kolom "Layanan" tidak ada/);
    expect((await olah(file, '--by', 'tahun')).stderr).toMatch(/memerlukan kolom tanggal/);
    expect((await olah(file, '--bogus')).stderr).toMatch(/Opsi tidak dikenal: --bogus/);
    const bad = await olah(file, '--populasi', 'banyak');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--populasi "banyak" bukan bilangan bulat positif/);
    expect((await olah('tidak-ada.csv')).stderr).toMatch(/Berkas "tidak-ada.csv" tidak ditemukan/);
  });
});
