/**
 * The real questionnaire answers in test/fixtures/questionnaires (de-identified
 * public data, see its README): the CLI's JSON against values worked out here
 * from the raw lines.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { expected, expectMatches, olah, olahJson, QDIR } from './helpers';

const file = (name: string) => path.join(QDIR, name);
const lines = (name: string) => readFileSync(file(name), 'utf8').trim().split('\n').slice(1);

describe('Sekadau, Semester I 2019 (no_resp, U1..U9)', () => {
  const name = 'sekadau-2019-semester-1-partial.csv';

  test('Σ, respondents, NRR, NRR x 1/9, IKM, category and lowest as worked out by hand', async () => {
    const answers = lines(name).map((l) => l.split(',').slice(1).map(Number));
    const { run, json } = await olahJson(file(name));
    expect(run.code).toBe(0);
    expect(json.respondents).toBe(49);
    expect(json.items).toBe(9);
    expect(json.regulation).toBe('PermenPANRB 14/2017');
    expect(json.weight).toBe(1 / 9);
    expect(json.unsur.map((u) => u.code)).toEqual([
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
    expectMatches(json, expected(answers));
  });
});

describe('Setda Mahakam Ulu, Nov 2025 - Jan 2026 (web app dump)', () => {
  const name = 'mahulu-setda-2025-2026.csv';
  // The nine answers stand together after the education column: nine single digits in a row.
  const raw = lines(name).map((l) => {
    const m = /,([1-4]),([1-4]),([1-4]),([1-4]),([1-4]),([1-4]),([1-4]),([1-4]),([1-4]),/.exec(l)!;
    return { line: l, answers: m.slice(1).map(Number) };
  });

  test('the result from u1..u9, with created_at, service, profile and saran beside them', async () => {
    const { run, json } = await olahJson(file(name));
    expect(run.code).toBe(0);
    expect(json.respondents).toBe(26);
    expect(json.unsur.map((u) => u.column)).toEqual(['K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S']);
    expectMatches(json, expected(raw.map((r) => r.answers)));
  });

  test('per tahun: the 2025 and the 2026 questionnaires, each computed on its own', async () => {
    const { json } = await olahJson(file(name), '--by', 'tahun');
    const y2025 = raw.filter((r) => /,2025-/.test(r.line)).map((r) => r.answers);
    const y2026 = raw.filter((r) => /,2026-/.test(r.line)).map((r) => r.answers);
    expect(json.groups!.map((g) => [g.label, g.respondents])).toEqual([
      ['2025', y2025.length],
      ['2026', y2026.length],
    ]);
    expectMatches(json.groups![0], expected(y2025));
    expectMatches(json.groups![1], expected(y2026));
  });

  test('the profile: counts and shares by sex, age band, education, occupation, service', async () => {
    const { json } = await olahJson(file(name));
    const men = raw.filter((r) => r.line.includes(',Laki - Laki,')).length;
    expect(json.profile.jenisKelamin).toEqual([
      { value: 'Laki-laki', count: men, share: Math.round((men / 26) * 1e10) / 1e10 },
      { value: 'Perempuan', count: 26 - men, share: Math.round(((26 - men) / 26) * 1e10) / 1e10 },
    ]);
    const ages = raw.map((r) => Number(/,(Laki - Laki|Perempuan),(\d+),/.exec(r.line)![2]));
    const band = (lo: number, hi: number) => ages.filter((a) => a >= lo && a <= hi).length;
    expect(json.profile.usia!.map((e) => [e.value, e.count])).toEqual(
      [
        ['20-29', band(20, 29)],
        ['30-39', band(30, 39)],
        ['40-49', band(40, 49)],
      ].filter(([, c]) => c !== 0),
    );
    // Occupation, education and service: every value with its count and share, most frequent first.
    const byCount = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([value, count]) => ({ value, count, share: Math.round((count / 26) * 1e10) / 1e10 }));
    };
    const person = raw.map((r) =>
      /,([^,]+),(Laki - Laki|Perempuan),\d+,([^,]+),[1-4],/.exec(r.line)!,
    );
    expect(json.profile.pekerjaan).toEqual(byCount(person.map((m) => m[1])));
    expect(json.profile.pendidikan).toEqual(byCount(person.map((m) => m[3])));
    expect(json.profile.layanan).toEqual(byCount(raw.map((r) => r.line.split(',')[2])));
    expect(json.profile.layanan!.map((e) => e.value)).toContain('organisasi');
  });

  test('straight-lined rows and same-day repeats reported, still counted', async () => {
    const { json } = await olahJson(file(name));
    const straight = raw
      .map((r, i) => ({ row: i + 2, same: r.answers.every((a) => a === r.answers[0]) }))
      .filter((r) => r.same)
      .map((r) => r.row);
    const issue = (kind: string) => json.quality.issues.find((q) => q.kind === kind);
    expect(issue('straight-lined')!.rows).toEqual(straight);
    // Rows 32-34 of the dump (sheet rows 23-25) and 31, 35, 36 (rows 22, 26, 27): one person, one day.
    expect(issue('repeated')!.rows).toEqual([24, 25, 26, 27]);
    expect(json.quality.errors).toBe(0);
  });

  test('text report in Bahasa Indonesia by default and in English with --lang en', async () => {
    const id = await olah(file(name));
    expect(id.stdout).toMatch(/IKM unit pelayanan: 92,84/);
    expect(id.stdout).toMatch(/Mutu pelayanan: A \(Sangat Baik\)/);
    const en = await olah(file(name), '--lang', 'en');
    expect(en.stdout).toMatch(/IKM of the unit: 92.84/);
  });
});

describe('import layouts of SKM applications', () => {
  test('SISUKMA: the example row read, the legend beside the table left out', async () => {
    const { json } = await olahJson(file('sisukma_template-import.xlsx'));
    expect(json.respondents).toBe(1);
    expect(json.items).toBe(9);
    expectMatches(json, expected([[2, 2, 3, 3, 4, 4, 2, 4, 3]]));
    expect(json.profile.pendidikan).toEqual([{ value: 'S1', count: 1, share: 1 }]);
  });

  test('the 14-item Kepmenpan 25/2004 layout without answers: no respondents, exit 2', async () => {
    const r = await olah(file('dpmptsp_sulteng_survei_14unsur.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /lembar "Sheet1": tabel dengan judul di baris 5 belum berisi jawaban responden/,
    );
  });
});
