/** Table layouts units keep by hand: a two-row header, "Unsur 1" codes, a numbering row, rows left empty. */
import { processSheet } from '../../src/engine/respondents/process';
import type { SheetGrid } from '../../src/engine/model';
import { expected } from './helpers';

function run(values: SheetGrid['values']) {
  const r = processSheet('tangan.xlsx', { name: 'Data', values });
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

test('a two-row header: "No" and "Pekerjaan" merged over both rows, "Unsur 1".."Unsur 9" under a band', () => {
  const answers = [
    [4, 3, 3, 4, 3, 3, 4, 4, 3],
    [3, 3, 2, 4, 3, 3, 3, 3, 3],
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
  ];
  const p = run([
    ['DATA KUESIONER SKM 2025'],
    ['No', 'Pekerjaan', 'Nilai Unsur Pelayanan'],
    ['', '', ...answers[0].map((_, i) => `Unsur ${i + 1}`)],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)'],
    [1, 'PNS', ...answers[0].map((a) => 'ABCD'[a - 1])],
    [2, 'Swasta', ...answers[1]],
    [3, 'Petani', ''],
    [4, 'PNS', ...answers[2]],
  ]);
  expect(p.table.headerRow).toBe(3);
  expect(p.table.numbering).toBe(1);
  expect(p.table.profile.pekerjaan).toBe(2);
  expect(p.scores.respondents).toBe(3);
  const e = expected(answers);
  expect(p.scores.items.map((s) => s.sum)).toEqual(e.sum);
  expect(p.scores.ikm).toBeCloseTo(e.ikm, 9);
  // The row with a job but no answers: reported, not a respondent.
  expect(p.quality.find((q) => q.kind === 'no-answers')!.rows).toEqual([7]);
  expect(p.profile.pekerjaan!.map((e) => [e.value, e.count])).toEqual([
    ['PNS', 2],
    ['Swasta', 1],
  ]);
});

test('nine columns that cannot be told apart are not guessed', () => {
  const r = processSheet('x.xlsx', {
    name: 'Data',
    values: [
      ['U1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8'],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
    ],
  });
  expect(r.ok).toBe(false);
  if (!r.ok)
    expect(r.problem.id).toMatch(
      /baris judul 1: sembilan kolom unsur ditemukan tetapi tidak dapat dipasangkan/,
    );
});
