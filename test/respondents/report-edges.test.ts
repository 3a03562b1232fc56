/**
 * What the report of "Olah Data Responden" says, in Bahasa Indonesia and in
 * English: the unit's result, the lowest unsur by name, the sample, the
 * profile in shares, the results per group (with "-" where a group has no
 * IKM) and every quality note; and the same values in its JSON.
 */
import type { SheetGrid } from '../../src/engine/model';
import { processSheet, type Processed } from '../../src/engine/respondents/process';
import { jsonOlah, textOlah } from '../../src/engine/respondents/report';
import { expected } from './helpers';

const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

function run(values: SheetGrid['values'], options = {}): Processed {
  const r = processSheet('laporan.xlsx', { name: 'Data', values }, options);
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

/** Decimal comma, as the Indonesian report writes 2 decimals. */
const id2 = (x: number) => x.toFixed(2).replace('.', ',');

// Three respondents; the "Kios" one left U9 blank, so that group has no IKM.
const answers = [
  [4, 4, 3, 4, 4, 4, 4, 3, 4],
  [3, 4, 2, 4, 3, 4, 4, 3, 3],
  [4, 4, 2, 4, 4, 4, 3, 4, ''],
];
const table: SheetGrid['values'] = [
  ['No', 'Jenis Kelamin', 'Loket', ...U],
  [1, 'L', 'Kantor', ...answers[0]],
  [2, 'P', 'Kantor', ...answers[1]],
  [3, 'Pria', 'Kios', ...answers[2]],
];
const counted = answers.map((a) => a.map((v) => (v === '' ? null : (v as number))));
const e = expected(counted);

describe('the text report', () => {
  const p = run(table, { by: 'Loket', population: 5 });

  test('in Bahasa Indonesia', () => {
    const lines = textOlah('laporan.xlsx', p).split('\n');
    expect(lines[0]).toBe(
      'Olah Data Responden: laporan.xlsx, lembar "Data" (judul kolom di baris 1)',
    );
    expect(lines[1]).toBe('Responden: 3   Unsur: 9 (PermenPANRB 14/2017, bobot 1/9)');
    // The score table: a header and one line per unsur, U3 with its sum and NRR.
    expect(lines[3].split(/\s{2,}/)).toEqual([
      'Unsur',
      'Menjawab',
      'Σ Nilai',
      'NRR',
      'NRR tertimbang',
      'NRR x 25',
    ]);
    expect(lines[6].trim().split(/\s{2,}/)).toEqual([
      'U3 Waktu Penyelesaian',
      '3',
      String(e.sum[2]),
      id2(e.nrr[2]),
      (e.nrr[2] / 9).toFixed(3).replace('.', ','),
      id2(e.nrr[2] * 25),
    ]);
    expect(
      lines[12]
        .trim()
        .split(/\s{2,}/)
        .slice(0, 3),
    ).toEqual(['U9 Sarana dan Prasarana', '2', String(e.sum[8])]);
    const rest = lines.slice(14);
    expect(rest).toEqual(
      expect.arrayContaining([
        `IKM unit pelayanan: ${id2(e.ikm)}`,
        `Mutu pelayanan: ${e.category}`,
        'Unsur terendah: U3 Waktu Penyelesaian',
        'Sampel (Krejcie-Morgan): 3 / 5 (N = 5)',
        'Profil responden:',
        '  Jenis kelamin: Laki-laki 2 (66,7%), Perempuan 1 (33,3%)',
        'Per Loket:',
        `  Kantor: 2 responden, IKM ${id2(expected(counted.slice(0, 2)).ikm)}, ${expected(counted.slice(0, 2)).category}`,
        '  Kios: 1 responden, IKM -, -',
        'Catatan mutu data:',
      ]),
    );
    expect(rest).toContain(
      `  [peringatan] ${p.quality.find((q) => q.kind === 'blank')!.message.id}`,
    );
    expect(rest).toContain(
      `  [peringatan] ${p.quality.find((q) => q.kind === 'sample-size')!.message.id}`,
    );
    // The lines come in the order an operator reads them.
    const at = (s: string) => rest.findIndex((l) => l.startsWith(s));
    expect(at('IKM unit')).toBeLessThan(at('Mutu'));
    expect(at('Mutu')).toBeLessThan(at('Unsur terendah'));
    expect(at('Sampel')).toBeLessThan(at('Profil'));
    expect(at('Profil')).toBeLessThan(at('Per Loket'));
    expect(at('Per Loket')).toBeLessThan(at('Catatan'));
  });

  test('its parts apart by one blank line, as an operator reads them', () => {
    const lines = textOlah('laporan.xlsx', p).split('\n');
    const before = (start: string) => lines[lines.findIndex((l) => l.startsWith(start)) - 1];
    expect(lines[2]).toBe('');
    expect(lines[3]).toMatch(/^Unsur +Menjawab/);
    expect(before('IKM unit pelayanan:')).toBe('');
    expect(before('Profil responden:')).toBe('');
    expect(before('Per Loket:')).toBe('');
    expect(before('Catatan mutu data:')).toBe('');
    expect(lines.filter((l) => l === '')).toHaveLength(6);
  });

  test('in English', () => {
    const text = textOlah('laporan.xlsx', p, 'en');
    expect(text).toContain(
      'Questionnaire processing: laporan.xlsx, sheet "Data" (header in row 1)\n',
    );
    expect(text).toContain('Respondents: 3   Items: 9 (PermenPANRB 14/2017, weight 1/9)\n');
    expect(text).toContain(`IKM of the unit: ${e.ikm.toFixed(2)}\n`);
    expect(text).toContain('Lowest item: U3 Waktu Penyelesaian\n');
    expect(text).toMatch(/\nItem +Answered +Sum +NRR +Weighted NRR +NRR x 25\n/);
    expect(text).toMatch(/\nService quality: [A-D] \(/);
    expect(text).toContain('\nRespondent profile:\n');
    expect(text).toContain('Sample (Krejcie-Morgan): 3 / 5 (N = 5)\n');
    expect(text).toContain('  Sex: Laki-laki 2 (66.7%), Perempuan 1 (33.3%)\n');
    expect(text).toContain('By Loket:\n');
    expect(text).toContain('  Kios: 1 respondents, IKM -, -\n');
    expect(text).toContain(
      `  [warning] ${p.quality.find((q) => q.kind === 'blank')!.message.en}\n`,
    );
    expect(text.endsWith('\n')).toBe(true);
  });

  test('an unsur named by the form: the lowest shown with its name; no notes said as such', () => {
    const q = run([
      [
        'No',
        'Persyaratan',
        'Prosedur',
        'Waktu Pelayanan',
        'Biaya',
        'Produk',
        'Kompetensi Pelaksana',
        'Perilaku Pelaksana',
        'Penanganan Pengaduan',
        'Sarana dan Prasarana',
      ],
      [1, 4, 4, 2, 4, 4, 4, 3, 4, 3],
      [2, 3, 4, 3, 4, 3, 4, 4, 3, 4],
    ]);
    const text = textOlah('form.xlsx', q);
    expect(text).toContain(`Unsur terendah: U3 ${q.scores.items[2].name}\n`);
    expect(q.scores.items[2].name).toMatch(/Waktu/);
    expect(text).toContain('Catatan mutu data: tidak ada\n');
    expect(textOlah('form.xlsx', q, 'en')).toContain('Data quality notes: none\n');
  });

  test('answers all outside 1-4: no IKM, no category, no lowest unsur', () => {
    const q = run([
      ['No', ...U],
      [1, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ]);
    const text = textOlah('salah.xlsx', q);
    expect(text).toContain('IKM unit pelayanan: tidak dapat dihitung\n');
    expect(text).toContain('Mutu pelayanan: -\n');
    expect(text).toContain('Unsur terendah: -\n');
    expect(textOlah('salah.xlsx', q, 'en')).toContain('IKM of the unit: cannot be computed\n');
    const j = jsonOlah('salah.xlsx', q);
    expect([j.ikm, j.category, j.lowest]).toEqual([null, null, []]);
    expect(j.quality.errors).toBe(2);
    expect(j.quality.warnings).toBe(j.quality.issues.length - 2);
    // No one answered within 1-4: each unsur's NRR and what follows from it is "-".
    const u1 = text.split('\n').find((l) => l.startsWith('U1 '))!;
    expect(
      u1
        .trim()
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['0', '0', '-', '-', '-']);
    // No profile columns: no profile heading.
    expect(text).not.toContain('Profil responden');
    expect(text).toMatch(/\[galat\] Lembar "Data": 9 jawaban di luar 1-4/);
    expect(text).toMatch(
      /\[galat\] Lembar "Data": unsur U1, U2, U3, U4, U5, U6, U7, U8, U9 tidak dijawab/,
    );
  });

  test("another count of items: not a regulation's result, its weight 1/n", () => {
    const q = run([
      ['No', 'P1', 'P2', 'P3', 'P4', 'P5'],
      [1, 4, 3, 3, 4, 2],
      [2, 4, 4, 3, 3, 3],
    ]);
    const text = textOlah('lima.xlsx', q);
    expect(text).toContain('Unsur: 5 (bukan PermenPANRB 14/2017, bobot 1/5)\n');
    expect(text).toContain('[peringatan] Kuesioner 5 unsur: dihitung dengan bobot 1/5');
    expect(textOlah('lima.xlsx', q, 'en')).toContain(
      'Items: 5 (not PermenPANRB 14/2017, weight 1/5)\n',
    );
  });
});

describe('the score table and the lowest unsur', () => {
  test('columns aligned: names to the left, numbers to the right; long names cut at 44 characters', () => {
    const long = 'P1 Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan';
    const q = run([
      ['No', long, 'P2 Prosedur', 'P3 Waktu'],
      [1, 4, 3, 2],
      [2, 3, 4, 2],
    ]);
    const lines = textOlah('lebar.xlsx', q).split('\n');
    const table = lines.slice(3, 7);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(table[1].startsWith(`U1 ${long}`.slice(0, 44) + '  ')).toBe(true);
    expect(table[1]).not.toContain(`U1 ${long}`.slice(0, 45));
    expect(table[2].startsWith('U2 P2 Prosedur ')).toBe(true);
    // The last column, NRR x 25, ends each line: 87,50, 87,50, 50,00.
    expect(table.slice(1).map((l) => l.slice(-6))).toEqual([' 87,50', ' 87,50', ' 50,00']);
    expect(table[0].endsWith('NRR x 25')).toBe(true);
  });

  test('items tied for the lowest are all named, in item order', () => {
    const q = run([
      ['No', 'P1', 'P2', 'P3', 'P4'],
      [1, 2, 4, 3, 2],
      [2, 3, 4, 2, 3],
    ]);
    expect(q.scores.lowest).toEqual(['U1', 'U3', 'U4']);
    expect(textOlah('seri.xlsx', q)).toContain('Unsur terendah: U1 P1; U3 P3; U4 P4\n');
  });

  test('a population in thousands, written in each language', () => {
    const q = run(table, { population: 12500 });
    expect(q.sample!.required).toBe(373);
    expect(textOlah('laporan.xlsx', q)).toContain(
      'Sampel (Krejcie-Morgan): 3 / 373 (N = 12.500)\n',
    );
    expect(textOlah('laporan.xlsx', q, 'en')).toContain(
      'Sample (Krejcie-Morgan): 3 / 373 (N = 12,500)\n',
    );
  });
});

describe('the JSON', () => {
  test('the values, the groups, the sample and the notes counted by severity', () => {
    const p = run(table, { by: 'Loket', population: 5 });
    const j = jsonOlah('laporan.xlsx', p, 'en');
    expect(j).toMatchObject({
      file: 'laporan.xlsx',
      sheet: 'Data',
      headerRow: 1,
      respondents: 3,
      items: 9,
      regulation: 'PermenPANRB 14/2017',
      weight: 1 / 9,
      category: e.category,
      lowest: ['U3'],
      by: 'Loket',
      sample: { population: 5, required: 5, respondents: 3, enough: false },
    });
    expect(j.ikm).toBeCloseTo(e.ikm, 9);
    // Ten decimals: no binary noise.
    expect(String(j.ikm).replace(/^\d+\./, '').length).toBeLessThanOrEqual(10);
    expect(j.unsur.map((u) => u.column)).toEqual(['D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
    expect(j.unsur[8]).toMatchObject({ code: 'U9', answered: 2, sum: e.sum[8] });
    expect(j.unsur[8].nrr).toBeCloseTo(e.nrr[8], 9);
    expect(j.groups!.map((g) => [g.label, g.respondents, g.category])).toEqual([
      ['Kantor', 2, expected(counted.slice(0, 2)).category],
      ['Kios', 1, null],
    ]);
    expect(j.groups![1].ikm).toBeNull();
    expect(j.groups![1].unsur[8]).toMatchObject({
      answered: 0,
      nrr: null,
      weighted: null,
      converted: null,
    });
    expect(j.groups![0].unsur.map((u) => u.sum)).toEqual(expected(counted.slice(0, 2)).sum);
    expect(j.profile.jenisKelamin).toEqual([
      { value: 'Laki-laki', count: 2, share: 0.6666666667 },
      { value: 'Perempuan', count: 1, share: 0.3333333333 },
    ]);
    expect(j.quality.errors).toBe(0);
    expect(j.quality.warnings).toBe(2);
    expect(j.quality.issues.map((q) => q.kind)).toEqual(['blank', 'sample-size']);
    expect(j.quality.issues[0]).toEqual({
      kind: 'blank',
      severity: 'warning',
      count: 1,
      rows: [4],
      cells: ['L4'],
      message:
        'Sheet "Data": 1 blank answers (L4); their unsur\'s NRR uses the respondents who answered.',
    });
    expect(jsonOlah('laporan.xlsx', p).quality.issues[0].message).toMatch(
      /^Lembar "Data": 1 jawaban kosong/,
    );
  });

  test('no groups or sample asked: neither key', () => {
    const j = jsonOlah('laporan.xlsx', run(table));
    expect('groups' in j).toBe(false);
    expect('by' in j).toBe(false);
    expect('sample' in j).toBe(false);
  });
});
