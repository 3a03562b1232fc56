/**
 * How a unit's raw questionnaire file is read, at the edges a mutation run found unguarded
 * (issue 16): CSV separators and quotes as web apps and Excel write them, dates with spaces,
 * fractions and a day of 12, answers written "4-Sangat sesuai", free text that is not an
 * answer, the respondent profile's spellings, and a result with an unanswered item.
 */
import { decodeCsv, detectSeparator, parseCsv } from '../../src/engine/respondents/csv';
import { dateOrderOf, readDate } from '../../src/engine/respondents/dates';
import { looksLikeAnswer, readAnswer, usesSangatTidak } from '../../src/engine/respondents/answers';
import { score } from '../../src/engine/respondents/compute';
import { countProfile, isSex, profileOf } from '../../src/engine/respondents/profile';
import type { Item, RespondentRow, RespondentTable } from '../../src/engine/respondents/table';

describe('CSV files', () => {
  it('drops the byte-order marks before "Nama;Usia", one or two (an export saved again)', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const bytes = Buffer.concat([bom, bom, Buffer.from('Nama;Usia\nA;30')]);
    const text = decodeCsv(bytes);
    expect(text.startsWith('Nama')).toBe(true);
    expect(parseCsv(text)[0]).toEqual(['Nama', 'Usia']);
  });

  it('takes the separator from the first record only, outside quotes', () => {
    // The saran of later rows holds commas; the header is separated by semicolons.
    expect(detectSeparator('U1;U2\n"baik, cepat, ramah, sopan";4\n1,2,3,4,5,6')).toBe(';');
    expect(detectSeparator('U1;U2\r1,2,3,4,5')).toBe(';');
    // Commas inside a quoted header outnumber the semicolons outside it.
    expect(detectSeparator('"Nama, gelar, jabatan";U1\n')).toBe(';');
  });

  it('reads a quoted field at the start of the file and at the start of a later line', () => {
    expect(parseCsv('"Pelayanan, baik",4\n"Cepat, ramah",3\n')).toEqual([
      ['Pelayanan, baik', '4'],
      ['Cepat, ramah', '3'],
    ]);
  });

  it('keeps the first character after each line break, on LF and on CRLF', () => {
    expect(parseCsv('a,b\n1,2\n34,5')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['34', '5'],
    ]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('survey dates', () => {
  it('takes a column whose second numbers stop at 12 for day first (01/12/2025 is 1 December)', () => {
    expect(dateOrderOf(['01/12/2025', '05/06/2025'])).toBe('dmy');
    expect(readDate('01/12/2025', dateOrderOf(['01/12/2025']))).toEqual({
      year: 2025,
      month: 12,
      day: 1,
    });
  });

  it('reads a date typed with spaces around it', () => {
    expect(readDate(' 12/01/2025 ')).toEqual({ year: 2025, month: 1, day: 12 });
    expect(readDate('  2025-11-12 ')).toEqual({ year: 2025, month: 11, day: 12 });
  });

  it('reads a date-and-time serial exported as text, and not a longer number', () => {
    expect(readDate('45658.75')).toEqual({ year: 2025, month: 1, day: 1 });
    // A six-digit count is no date (serial 100000 would be 2173).
    expect(readDate('100000')).toBeNull();
  });
});

describe('answers', () => {
  it('reads a numbered answer written without spaces, and a number over 4 as out of range', () => {
    expect(readAnswer('4-Sangat sesuai')).toEqual({ kind: 'value', value: 4 });
    expect(readAnswer('3.Sesuai')).toEqual({ kind: 'value', value: 3 });
    expect(readAnswer('Sangat sesuai(4)')).toEqual({ kind: 'value', value: 4 });
    expect(readAnswer('10 - Sangat sesuai')).toEqual({ kind: 'out-of-range', value: 10 });
    expect(readAnswer('Sangat sesuai (10)')).toEqual({ kind: 'out-of-range', value: 10 });
  });

  it("does not take a respondent's sentence for an answer", () => {
    expect(looksLikeAnswer('Pelayanan sudah cukup baik, pertahankan')).toBe(false);
    expect(looksLikeAnswer('2025')).toBe(false);
    expect(looksLikeAnswer('Sangat baik')).toBe(true);
    expect(looksLikeAnswer(5)).toBe(true);
  });

  it('keeps a number cell as the number it is (1.234 is no 1,234)', () => {
    expect(readAnswer(1.234)).toEqual({ kind: 'out-of-range', value: 1.234 });
    expect(readAnswer(4)).toEqual({ kind: 'value', value: 4 });
  });

  it('does not take a number inside a sentence for an answer', () => {
    expect(readAnswer('Antre 2 - 3 jam').kind).toBe('unreadable');
    expect(readAnswer('Loket (2) lambat').kind).toBe('unreadable');
    expect(looksLikeAnswer('Antre 2 - 3 jam')).toBe(false);
  });

  it('reads "tidak X" as 1 on the form\'s four-step scale when no scale is given', () => {
    expect(readAnswer('Tidak sesuai')).toEqual({ kind: 'value', value: 1 });
  });

  it('switches to the five-word scale only on answers that begin "sangat tidak"', () => {
    expect(usesSangatTidak('Sangat tidak puas')).toBe(true);
    expect(usesSangatTidak('Kadang sangat tidak jelas')).toBe(false);
  });
});

const item = (code: string): Item => ({ code, unsur: null, col: 1, header: code, name: code });
const row = (values: (1 | 2 | 3 | 4 | null)[]): RespondentRow => ({
  row: 2,
  cells: [],
  answers: values.map((v) => (v === null ? { kind: 'blank' } : { kind: 'value', value: v })),
});

describe('the result of the answers', () => {
  it('names the lowest answered item when another item has no answer at all', () => {
    const s = score(
      [item('U1'), item('U2'), item('U3')],
      [row([3, null, 2]), row([4, null, 2])],
      'none',
    );
    expect(s.ikm).toBeNull();
    expect(s.lowest).toEqual(['U3']);
  });

  it('gives no IKM for a table with no items', () => {
    const s = score([], [row([])], 'none');
    expect(s.ikm).toBeNull();
    expect(s.category).toBeNull();
    expect(s.lowest).toEqual([]);
  });
});

describe('the respondent profile', () => {
  it('keeps words that merely begin or end like a sex code as written', () => {
    expect(isSex('Pegawai')).toBe(false);
    expect(isSex('Tertutup')).toBe(false);
    expect(isSex(' P ')).toBe(true);
    expect(countProfile('jenisKelamin', [' Tidak menjawab ', 'Tidak menjawab'])).toEqual([
      { value: 'Tidak menjawab', count: 2, share: 1 },
    ]);
  });

  it('reads ages written with "th" or "tahun" glued or spaced, and keeps bands as written', () => {
    const entries = countProfile('usia', ['25th', '27tahun', '29 thn.', ' 21-30 tahun ', 45]);
    expect(entries).toEqual([
      { value: '20-29', count: 3, share: 0.6 },
      { value: '40-49', count: 1, share: 0.2 },
      { value: '21-30 tahun', count: 1, share: 0.2 },
    ]);
  });

  it('groups other fields as written, spaces tidied, numbers kept as numbers', () => {
    expect(countProfile('pendidikan', ['  SMA  ', 'S1   Teknik', 'S1 Teknik'])).toEqual([
      { value: 'S1 Teknik', count: 2, share: 2 / 3 },
      { value: 'SMA', count: 1, share: 1 / 3 },
    ]);
    expect(countProfile('lain', [30, 30])).toEqual([{ value: '30', count: 2, share: 1 }]);
  });

  it('has no entry for a field the table has no column for', () => {
    const table = { left: 1, profile: { usia: 2 } } as unknown as RespondentTable;
    const rows: RespondentRow[] = [{ row: 2, cells: ['x', 34], answers: [] }];
    const profile = profileOf(table, rows);
    expect(Object.keys(profile)).toEqual(['usia']);
    expect(profile.usia).toEqual([{ value: '30-39', count: 1, share: 1 }]);
  });
});
