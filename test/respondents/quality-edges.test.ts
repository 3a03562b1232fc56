/**
 * The quality notes of "Olah Data Responden", as an operator reads them: which
 * answers are not counted and where (cell and what it held), which rows are
 * flagged but still counted (straight-lined, copies, same-day repeats), stored
 * totals that disagree with the answers, and an unsur nobody answered.
 */
import type { SheetGrid } from '../../src/engine/model';
import { processSheet, type Processed } from '../../src/engine/respondents/process';
import type { QualityIssue, QualityKind } from '../../src/engine/respondents/quality';
import { expected, type Answers } from './helpers';

const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

function run(values: SheetGrid['values'], name = 'Data'): Processed {
  const r = processSheet('mutu.xlsx', { name, values });
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

const find = (p: Processed, kind: QualityKind): QualityIssue | undefined =>
  p.quality.find((q) => q.kind === kind);

describe('a web export with a row total, dates with times, a saran and a sex', () => {
  // Columns: A No, B Tanggal, C Jenis Kelamin, D Saran, E..M U1..U9, N Total.
  const same = [4, 3, 3, 4, 3, 3, 4, 4, 3]; // sums to 31
  const rows: (string | number)[][] = [
    [1, '2025-01-05 08:00', 'L', 'bagus', ...same, 31],
    // Same person, answers and service the same day, another time and saran: a repeat.
    [2, '2025-01-05 09:30', 'L', 'mantap', ...same, 31],
    // Every cell but the number as row 2: an exact copy.
    [3, '2025-01-05 08:00', 'L', 'bagus', ...same, 31],
    // Another day, or another sex: neither.
    [4, '2025-01-06 08:00', 'L', 'bagus', ...same, 31],
    [5, '2025-01-05 10:00', 'P', 'bagus', ...same, 31],
    [6, '2025-01-07', 'P', '', 3, 3, 3, 3, 3, 3, 3, 3, 3, 27],
    [7, '2025-01-07', 'L', '', 2, 'ok', 3, 3, 3, 3, 3, 3, 3, 99],
    [8, '2025-01-08', 'P', '', 2, 2, 2, 2, 2, 2, 2, 2, '', 99],
    [9, '2025-01-08', 'L', '', 4, 4, 4, 4, 4, 4, 4, 4, 4, 30],
    [10, '2025-01-09', 'L', '', 1, 2, 3, 4, 1, 2, 3, 4, 1, 'n/a'],
    [11, '2025-01-09', 'P', '', 5, 2, 3, 4, 0, 2, 3, 4, 1, 99],
    [12, '2025-01-10', 'L', '', 1, 2, 3, 4, 1, 2, 3, 4, 2, '22,0'],
    [13, '2025-01-10', 'L', '', 1, 2, 3, 4, 1, 2, 3, 4, 3, '23.4'],
  ];
  const p = run([['No', 'Tanggal', 'Jenis Kelamin', 'Saran', ...U, 'Total'], ...rows]);
  const counted: Answers = rows.map((r) =>
    r.slice(4, 13).map((v) => (typeof v === 'number' && v >= 1 && v <= 4 ? v : null)),
  );

  test('every row counted; only answers 1-4 enter the NRR', () => {
    expect(p.scores.respondents).toBe(13);
    const e = expected(counted);
    expect(p.scores.items.map((i) => i.answered)).toEqual(e.answered);
    expect(p.scores.items.map((i) => i.sum)).toEqual(e.sum);
    expect(p.scores.ikm).toBeCloseTo(e.ikm, 9);
    expect(p.scores.lowest).toEqual(e.lowest);
  });

  test('out of range and unreadable answers: errors naming each cell and what it held', () => {
    expect(find(p, 'out-of-range')).toMatchObject({
      severity: 'error',
      count: 2,
      rows: [12],
      cells: ['E12 (5)', 'I12 (0)'],
    });
    expect(find(p, 'out-of-range')!.message.id).toBe(
      'Lembar "Data": 2 jawaban di luar 1-4 (E12 (5), I12 (0)); tidak dihitung dalam NRR unsurnya.',
    );
    expect(find(p, 'unreadable')).toMatchObject({
      severity: 'error',
      count: 1,
      rows: [8],
      cells: ['F8 (ok)'],
    });
    expect(find(p, 'unreadable')!.message.en).toBe(
      'Sheet "Data": 1 answers cannot be read as 1-4, a-d or answer words (F8 (ok)); not counted.',
    );
    expect(find(p, 'blank')).toMatchObject({ severity: 'warning', rows: [9], cells: ['M9'] });
  });

  test('straight-lined rows: every item answered with one value (a blank breaks it), still counted', () => {
    const q = find(p, 'straight-lined')!;
    expect(q).toMatchObject({ severity: 'info', rows: [7, 10], count: 2 });
    expect(q.message.id).toBe(
      'Lembar "Data": 2 dari 13 responden memberi jawaban yang sama untuk semua unsur (baris 7, 10); tetap dihitung.',
    );
  });

  test('an exact copy but for its number, and a same-day repeat at another time', () => {
    const dup = find(p, 'duplicate')!;
    expect(dup).toMatchObject({ severity: 'warning', rows: [4] });
    expect(dup.message.id).toBe(
      'Lembar "Data": 1 baris sama persis dengan baris sebelumnya (4 = 2); tetap dihitung, periksa apakah terkirim dua kali.',
    );
    const rep = find(p, 'repeated')!;
    expect(rep).toMatchObject({ severity: 'info', rows: [3], cells: [], count: 1 });
    expect(rep.message.en).toBe(
      'Sheet "Data": 1 rows repeat the answers, profile and service of another row on the same day (3 ~ 2); still counted.',
    );
  });

  test('a row total that is not the sum of its answers; totals of incomplete rows and text left alone', () => {
    const q = find(p, 'row-total')!;
    // 36 typed as 30; 23.4 typed with one decimal is more than 0.05 from 23; "22,0" is 22.
    expect(q).toMatchObject({ severity: 'warning', rows: [10, 14] });
    expect(q.cells).toEqual(['N10 (30) ≠ 36', 'N14 (23.4) ≠ 23']);
    expect(q.message.id).toBe(
      'Lembar "Data": total per responden tidak sama dengan jumlah jawabannya (N10 (30) ≠ 36, N14 (23.4) ≠ 23).',
    );
  });

  test('the sex profile over every respondent, the most frequent first', () => {
    expect(p.profile.jenisKelamin!.map((e) => [e.value, e.count, e.share])).toEqual([
      ['Laki-laki', 9, 9 / 13],
      ['Perempuan', 4, 4 / 13],
    ]);
  });
});

describe('the stored totals rows of the official layout', () => {
  const answers = [
    [4, 3, 3, 4, 3, 3, 4, 4, 3],
    [3, 4, 2, 4, 3, 3, 3, 3, 3],
    [4, 4, 3, 4, 4, 2, 4, 3, 3],
  ];
  const e = expected(answers);
  const sums = e.sum.slice();
  const nrr2 = e.nrr.map((x) => Number(x.toFixed(2)));
  const weighted = e.nrr.map((x) => Number((x / 9).toFixed(3)));
  sums[0] += 2; // B Jumlah wrong
  sums[1] -= 1; // and C: the row named once
  nrr2[2] = nrr2[2] + 0.01; // D NRR wrong by one in the last typed decimal
  weighted[8] = 0.4; // J tertimbang wrong
  const nrrRow: (string | number)[] = ['NRR / Unsur', ...nrr2];
  nrrRow[5] = ''; // a blank stored value is not compared
  const p = run(
    [
      ['No Resp', ...U],
      ...answers.map((a, i) => [i + 1, ...a]),
      ['Jumlah Nilai', ...sums],
      nrrRow,
      ['NRR Tertimbang', ...weighted],
      ['IKM', 12, 12, 12, 12, 12, 12, 12, 12, 12],
      ['Nilai IKM', 80, 80, 80, 80, 80, 80, 80, 80, 80],
    ],
    'Olah',
  );

  test('totals rows are not respondents', () => {
    expect(p.scores.respondents).toBe(3);
    expect(p.table.summaryRows.map((s) => s.row)).toEqual([5, 6, 7, 8, 9]);
  });

  test('sums, NRR and weighted NRR compared within half a unit of the typed decimals; the IKM row not per unsur', () => {
    const q = find(p, 'stored-summary')!;
    expect(q.severity).toBe('warning');
    expect(q.rows).toEqual([5, 6, 7]);
    expect(q.cells).toEqual([
      `B5 (${sums[0]}) ≠ ${e.sum[0]}`,
      `C5 (${sums[1]}) ≠ ${e.sum[1]}`,
      `D6 (${nrr2[2]}) ≠ ${Number(e.nrr[2].toFixed(4))}`,
      `J7 (0.4) ≠ ${Number((e.nrr[8] / 9).toFixed(4))}`,
    ]);
    expect(q.message.id).toMatch(
      /^Lembar "Olah": nilai tersimpan di baris ringkasan berbeda dari hasil hitung jawaban \(B5 /,
    );
  });
});

describe('a totals row labelled only "Σ"', () => {
  test('is a row of sums, compared with the answers', () => {
    const answers = [
      [4, 3, 3, 4, 3, 3, 4, 4, 3],
      [3, 4, 2, 4, 3, 4, 3, 3, 3],
    ];
    const sums = expected(answers).sum;
    const p = run([
      ['No', ...U],
      ...answers.map((a, i) => [i + 1, ...a]),
      ['Σ', ...sums.map((x, i) => (i === 4 ? x + 1 : x))],
    ]);
    expect(p.scores.respondents).toBe(2);
    expect(p.table.summaryRows.map((s) => s.row)).toEqual([4]);
    expect(find(p, 'stored-summary')!.cells).toEqual([`F4 (${sums[4] + 1}) ≠ ${sums[4]}`]);
  });
});

describe('an unsur nobody answered, and long lists of cells', () => {
  // U9 left empty by every respondent; 12 rows.
  const answers = Array.from({ length: 12 }, (_, r) =>
    U.map((_, i) => (i === 8 ? '' : 1 + ((r + i) % 4))),
  );
  const p = run([['No', ...U], ...answers.map((a, r) => [r + 1, ...a])]);

  test('no IKM, no category; the lowest among those answered', () => {
    expect(p.scores.items[8]).toMatchObject({ answered: 0, sum: 0, nrr: null, weighted: null });
    expect(p.scores.ikm).toBeNull();
    expect(p.scores.category).toBeNull();
    const given = answers.map((a) => a.slice(0, 8) as number[]);
    expect(p.scores.lowest).toEqual(expected(given).lowest);
    const q = find(p, 'unanswered')!;
    expect(q.severity).toBe('error');
    // A note about a column: it names no row and no cell.
    expect([q.rows, q.cells, q.count]).toEqual([[], [], 0]);
    expect(q.message.id).toBe(
      'Lembar "Data": unsur U9 tidak dijawab satu responden pun: NRR dan IKM tidak dapat dihitung.',
    );
  });

  test('a message names ten cells, then how many more', () => {
    const q = find(p, 'blank')!;
    expect(q.count).toBe(12);
    expect(q.cells).toEqual(answers.map((_, r) => `J${r + 2}`));
    expect(q.message.id).toBe(
      'Lembar "Data": 12 jawaban kosong (J2, J3, J4, J5, J6, J7, J8, J9, J10, J11 dan 2 lainnya); NRR unsurnya memakai responden yang menjawab.',
    );
    expect(q.message.en).toContain('J11 and 2 more)');
  });
});

describe('same answers on the same day, where the day is not known', () => {
  test('rows without a readable date, or a table without dates, are never same-day repeats', () => {
    const a = [4, 3, 3, 4, 3, 3, 4, 4, 3];
    const dated = run([
      ['No', 'Tanggal', 'Jenis Kelamin', 'Saran', ...U],
      [1, '', 'L', 'a', ...a],
      [2, 'kemarin', 'L', 'b', ...a],
      [3, '', 'L', 'c', ...a],
      [4, '2025-03-01', 'P', '', ...a],
    ]);
    expect(dated.table.date).toBe(2);
    expect(find(dated, 'repeated')).toBeUndefined();
    expect(find(dated, 'duplicate')).toBeUndefined();
    const undated = run([
      ['No', 'Jenis Kelamin', 'Saran', ...U],
      [1, 'L', 'a', ...a],
      [2, 'L', 'b', ...a],
    ]);
    expect(undated.quality.map((q) => q.kind)).toEqual([]);
  });

  test('for an unsur nobody answered, a stored NRR is not compared; a stored Σ is, against 0', () => {
    const p = run([
      ['No', ...U],
      [1, 4, 3, 3, 4, 3, 3, 4, 4, ''],
      [2, 3, 3, 3, 4, 4, 4, 3, 3, ''],
      ['Jumlah', 7, 6, 6, 8, 7, 7, 7, 7, 5],
      ['NRR', 3.5, 3, 3, 4, 3.5, 3.5, 3.5, 3.5, 5],
    ]);
    expect(find(p, 'stored-summary')!.cells).toEqual(['J4 (5) ≠ 0']);
    expect(find(p, 'unanswered')!.message.en).toBe(
      'Sheet "Data": no respondent answered U9: the NRR and the IKM cannot be computed.',
    );
  });
});

describe('an item column with some unreadable answers', () => {
  test('half of them unreadable: still an item, the unreadable ones reported', () => {
    const p = run([
      ['No', ...U],
      [1, 4, 3, 3, 4, 3, 3, 4, 4, 'baik sekali'],
      [2, 3, 3, 3, 4, 4, 4, 3, 3, 4],
      [3, 3, 3, 3, 4, 4, 4, 3, 3, 'lumayan'],
      [4, 3, 3, 3, 4, 4, 4, 3, 3, 3],
    ]);
    expect(p.table.items).toHaveLength(9);
    expect(p.regulation).toBe('PermenPANRB 14/2017');
    expect(find(p, 'unreadable')!.cells).toEqual(['J2 (baik sekali)', 'J4 (lumayan)']);
    expect(p.scores.items[8]).toMatchObject({ answered: 2, sum: 7 });
  });
});

describe('rows that are not respondents', () => {
  test('a row marked as a test in any other cell, and a row with data but no answers', () => {
    const p = run([
      ['No', 'Nama', 'Tanggal', ...U],
      [1, 'Budi', '2025-02-01', 4, 4, 3, 3, 4, 4, 3, 3, 4],
      [2, 'Contoh pengisian', '2025-02-01', 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [3, 'Sari', '2025-02-02', 3, 3, 3, 4, 4, 4, 3, 3, 2],
      [4, 'Uji 2', '2025-02-02', 1, 2, 1, 2, 1, 2, 1, 2, 1],
      [5, 'Rudi', '2025-02-03', '', '', '', '', '', '', '', '', ''],
      [6, 'Dewi', '2025-02-03', 2, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 4, 7]);
    expect(find(p, 'test-row')).toMatchObject({ severity: 'warning', rows: [3, 5] });
    expect(find(p, 'test-row')!.message.id).toBe(
      'Lembar "Data": baris 3, 5 ditandai sebagai uji coba/contoh; tidak dihitung sebagai responden.',
    );
    expect(find(p, 'no-answers')).toMatchObject({
      severity: 'warning',
      rows: [6],
      cells: [],
      count: 1,
    });
    expect(find(p, 'no-answers')!.message.en).toBe(
      'Sheet "Data": rows 6 hold data but no answers; not counted as respondents.',
    );
    const e = expected([
      [4, 4, 3, 3, 4, 4, 3, 3, 4],
      [3, 3, 3, 4, 4, 4, 3, 3, 2],
      [2, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(p.scores.items.map((i) => i.sum)).toEqual(e.sum);
  });

  test('a clean table has no notes at all', () => {
    const p = run([
      ['No', ...U],
      [1, 4, 4, 3, 3, 4, 4, 3, 3, 4],
      [2, 3, 3, 3, 4, 4, 4, 3, 3, 2],
    ]);
    expect(p.quality).toEqual([]);
  });
});

// Built inside each test: a sheet processed in a describe body runs outside every test, and
// per-test mutation coverage then runs no test against it (docs/testing.md, "Static mutants").
describe('notes a row earns only by what it holds', () => {
  test('an answer cell reading "Tes" is an unreadable answer, not a test row', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Budi', 'Tes', 4, 3, 3, 4, 3, 3, 4, 4],
      [2, 'Sari', 3, 3, 3, 4, 4, 4, 3, 3, 2],
    ]);
    expect(find(p, 'test-row')).toBeUndefined();
    expect(p.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(find(p, 'unreadable')!.cells).toEqual(['C2 (Tes)']);
  });

  test('a service named "Uji KIR" or "Lihat contoh" is no test mark; "Uji 12" is one', () => {
    const p = run([
      ['No', 'Jenis Layanan', ...U],
      [1, 'Uji KIR', 4, 3, 3, 4, 3, 3, 4, 4, 3],
      [2, 'Lihat contoh', 3, 3, 3, 4, 4, 4, 3, 3, 2],
      [3, 'Uji 12', 1, 2, 1, 2, 1, 2, 1, 2, 1],
    ]);
    expect(find(p, 'test-row')).toMatchObject({ rows: [4] });
    expect(p.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  test('rows listed by row only: the count is the rows, and no cells are named', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Contoh', 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [2, 'Uji 2', 1, 2, 1, 2, 1, 2, 1, 2, 1],
      [3, 'Sari', 4, 4, 4, 4, 4, 4, 4, 4, 4],
      [4, 'Sari', 4, 4, 4, 4, 4, 4, 4, 4, 4],
    ]);
    expect(find(p, 'test-row')).toMatchObject({ count: 2, rows: [2, 3], cells: [] });
    expect(find(p, 'duplicate')).toMatchObject({ count: 1, rows: [5], cells: [] });
    expect(find(p, 'straight-lined')).toMatchObject({ count: 2, rows: [4, 5], cells: [] });
  });

  test('a copied row is a duplicate though a cell of it gained a space; the note shows cells trimmed', () => {
    const p = run([
      ['No', 'Nama', ...U],
      [1, 'Sari', 4, 3, 3, 4, 3, 3, 4, 4, 3],
      [2, 'Sari ', 4, 3, 3, 4, 3, 3, 4, 4, 3],
      [3, 'Budi', ' 7 ', 3, 3, 4, 4, 4, 3, 3, 2],
    ]);
    expect(find(p, 'duplicate')).toMatchObject({ count: 1, rows: [3] });
    expect(find(p, 'out-of-range')!.cells).toEqual(['C4 (7)']);
  });

  test('varied answers are not straight-lined, and other answers the same day are no repeat', () => {
    const p = run([
      ['No', 'Tanggal', 'Jenis Kelamin', ...U],
      [1, '2025-01-05 08:00', 'L', 4, 3, 3, 4, 3, 3, 4, 4, 3],
      [2, '2025-01-05 09:00', 'L', 4, 3, 3, 4, 3, 3, 4, 4, 2],
    ]);
    expect(find(p, 'straight-lined')).toBeUndefined();
    expect(find(p, 'repeated')).toBeUndefined();
    expect(find(p, 'duplicate')).toBeUndefined();
  });
});

describe('marks and totals wherever staff typed them', () => {
  // Two respondents' answers, for the tests of stored totals rows.
  const answers = [
    [4, 3, 3, 4, 3, 3, 4, 4, 3],
    [3, 4, 2, 4, 3, 4, 3, 3, 3],
  ];

  test('"contoh" typed for a date marks a sample row, not an unreadable date', () => {
    const p = run([
      ['No', 'Tanggal', ...U],
      [1, '2025-02-01', 4, 4, 3, 3, 4, 4, 3, 3, 4],
      [2, 'Contoh', 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [3, '2025-02-02', 3, 3, 3, 4, 4, 4, 3, 3, 2],
    ]);
    expect(find(p, 'test-row')).toMatchObject({ rows: [3] });
    expect(p.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  test('the same answers the same day are a repeat whether typed as numbers or as the letters a-d', () => {
    const p = run([
      ['No', 'Tanggal', 'Jenis Kelamin', ...U],
      [1, '2025-01-05 08:00', 'L', 4, 3, 3, 4, 3, 3, 4, 4, 3],
      [2, '2025-01-05 09:00', 'L', 'd', 'c', 'c', 'd', 'c', 'c', 'd', 'd', 'c'],
    ]);
    expect(find(p, 'repeated')).toMatchObject({ rows: [3] });
    expect(find(p, 'duplicate')).toBeUndefined();
  });

  test('a blank answer and an unreadable one are not the same answer: no same-day repeat', () => {
    const p = run([
      ['No', 'Tanggal', 'Jenis Kelamin', ...U],
      [1, '2025-01-05 08:00', 'L', 4, 3, 3, 4, '', 3, 4, 4, 3],
      [2, '2025-01-05 09:00', 'L', 4, 3, 3, 4, 'ok', 3, 4, 4, 3],
      [3, '2025-01-06 09:00', 'P', 3, 3, 3, 3, 2, 3, 3, 3, 3],
      [4, '2025-01-06 10:00', 'P', 2, 3, 3, 3, 4, 3, 3, 3, 2],
    ]);
    expect(p.table.items).toHaveLength(9);
    expect(find(p, 'unreadable')!.cells).toEqual(['H3 (ok)']);
    expect(find(p, 'repeated')).toBeUndefined();
  });

  test('a "Mean" row is compared as the NRR of each unsur', () => {
    const nrr = expected(answers).nrr;
    const p = run([
      ['No', ...U],
      ...answers.map((a, i) => [i + 1, ...a]),
      // U2's NRR is 3,5: typed one lower.
      ['Mean', ...nrr.map((x, i) => (i === 1 ? x - 1 : x))],
    ]);
    expect(p.table.summaryRows.map((s) => s.row)).toEqual([4]);
    expect(find(p, 'stored-summary')!.cells).toEqual([`C4 (${nrr[1] - 1}) ≠ ${nrr[1]}`]);
  });

  test('a "Jumlah" row whose label starts with a dash is compared all the same', () => {
    const sums = expected(answers).sum;
    const p = run([
      ['No', ...U],
      ...answers.map((a, i) => [i + 1, ...a]),
      ['- Jumlah', ...sums.map((x, i) => (i === 0 ? x + 1 : x))],
    ]);
    expect(p.table.summaryRows.map((s) => s.row)).toEqual([4]);
    expect(find(p, 'stored-summary')!.cells).toEqual([`B4 (${sums[0] + 1}) ≠ ${sums[0]}`]);
  });

  test('stored totals that agree with the answers earn no note', () => {
    const e = expected(answers);
    const p = run([
      ['No', ...U, 'Jumlah'],
      ...answers.map((a, i) => [i + 1, ...a, a.reduce((s, x) => s + x, 0)]),
      ['Jumlah', ...e.sum],
      ['NRR', ...e.nrr.map((x) => Number(x.toFixed(2)))],
    ]);
    expect(p.table.rowTotal).toBe(11);
    expect(p.table.summaryRows.map((s) => s.row)).toEqual([4, 5]);
    expect(p.quality).toEqual([]);
  });
});
