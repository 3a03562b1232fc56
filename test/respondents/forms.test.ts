/**
 * A Google Forms export, as many units run their SKM: the questions of the
 * PermenPANRB 14/2017 form as headers (sarana before pengaduan), answer words,
 * a "Timestamp" written month first, an unused "Saran dan masukan" question.
 */
import { writeFileSync } from 'fs';
import { tempDir } from '../cli/helpers';
import { expected, expectMatches, olahJson, random, toCsv } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

// The form's questions in its order: question 8 asks about facilities (U9), question 9 about complaints (U8).
const QUESTIONS = [
  'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
  'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
  'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
  'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
  'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
  'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
  'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
  'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
  'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
];
const UNSUR_OF_QUESTION = [0, 1, 2, 3, 4, 5, 6, 8, 7];
const WORDS = [
  ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  ['Buruk', 'Cukup', 'Baik', 'Sangat Baik'],
  ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
];

test('questions matched to their unsur by name, month-first timestamps read, the empty saran left out', async () => {
  const rnd = random(21);
  // byUnsur[r][u]: the answer to unsur U(u+1).
  const byUnsur = Array.from({ length: 24 }, () =>
    Array.from({ length: 9 }, () => 1 + Math.floor(rnd() * 4)),
  );
  // From 20 June to 13 July 2025: 11 in Semester I, 13 in Semester II.
  const stamp = (r: number) => {
    const d = new Date(Date.UTC(2025, 5, 20 + r));
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/2025 10:${String(r).padStart(2, '0')}:00`;
  };
  const header = [
    'Timestamp',
    'Jenis Kelamin',
    'Usia',
    'Pendidikan Terakhir',
    ...QUESTIONS,
    'Saran dan masukan',
  ];
  const rows = byUnsur.map((a, r) => [
    stamp(r),
    r % 2 ? 'Laki-laki' : 'Perempuan',
    String(20 + r),
    'SMA',
    ...QUESTIONS.map((_, q) => WORDS[q][a[UNSUR_OF_QUESTION[q]] - 1]),
    '',
  ]);
  const file = tmp.file('google-forms.csv');
  writeFileSync(file, toCsv([header, ...rows]));

  const { run, json } = await olahJson(file, '--by', 'semester');
  expect(run.code).toBe(0);
  expect(json.unsur.map((u) => u.column)).toEqual(['E', 'F', 'G', 'H', 'I', 'J', 'K', 'M', 'L']);
  expectMatches(json, expected(byUnsur));
  expect(json.groups!.map((g) => [g.label, g.respondents])).toEqual([
    ['Semester I 2025', 11],
    ['Semester II 2025', 13],
  ]);
  expectMatches(json.groups![0], expected(byUnsur.slice(0, 11)));
  expect(json.profile.pendidikan).toEqual([{ value: 'SMA', count: 24, share: 1 }]);
});
