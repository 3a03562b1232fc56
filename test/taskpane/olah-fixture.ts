/**
 * A sheet of questionnaire answers with known contents, for the tests of
 * "Olah Data Responden" in the adapter and in the preview: numbers 1-4 and
 * letters a-d, one blank, one answer out of range (5), profile columns.
 */
import type { CellScalar } from '../../src/sim/model';

export const ANSWERS_SHEET = 'Jawaban DINAS B';

const CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const LETTER = ['a', 'b', 'c', 'd'];

/** Rows from A1: a title, a blank line, the header, `n` respondents. */
export function answersRows(n = 24): (CellScalar | null)[][] {
  const rows: (CellScalar | null)[][] = [
    ['DATA JAWABAN RESPONDEN SKM DINAS B'],
    [],
    ['No', 'Jenis Kelamin', 'Usia', 'Pendidikan', ...CODES],
  ];
  for (let r = 0; r < n; r++) {
    const answers: (CellScalar | null)[] = CODES.map(
      (_, i) => 2 + ((r * 7 + i * 3 + (r >> 2)) % 3),
    );
    // Every fourth respondent answered with the form's letters (a = 1 ... d = 4).
    if (r % 4 === 1) answers.forEach((v, i) => (answers[i] = LETTER[(v as number) - 1]));
    rows.push([
      r + 1,
      r % 3 ? 'Laki-laki' : 'Perempuan',
      20 + ((r * 5) % 40),
      r % 2 ? 'SMA' : 'S1',
      ...answers,
    ]);
  }
  // A blank (U3 of respondent 5) and an answer outside 1-4 (U5 of respondent 6).
  rows[3 + 4][4 + 2] = null;
  rows[3 + 5][4 + 4] = 5;
  return rows;
}
