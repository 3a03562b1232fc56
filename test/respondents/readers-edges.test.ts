/**
 * The edges of the small readers: answers written with a letter and words or a
 * number in brackets, CSV files with one column or ragged rows, dates as Excel
 * serials out of reach, two-digit years, month-first columns; the profile's
 * age bands and blanks; the Kepmenpan 25/2004 bands at their limits.
 */
import { looksLikeAnswer, readAnswer, usesSangatTidak } from '../../src/engine/respondents/answers';
import { categoryFor, regulationOf } from '../../src/engine/respondents/compute';
import { csvGrid, decodeCsv, detectSeparator, parseCsv } from '../../src/engine/respondents/csv';
import { dateOrderOf, periodOf, readDate } from '../../src/engine/respondents/dates';
import { countProfile, isAge, isSex } from '../../src/engine/respondents/profile';

const value = (v: unknown, sangatTidak = false) => {
  const a = readAnswer(v as string, { sangatTidak });
  return a.kind === 'value' ? a.value : a.kind;
};

describe('an answer', () => {
  test('a letter followed by the answer words, or by a dot or bracket, is the letter', () => {
    expect(
      ['b Kurang sesuai', 'a  Tidak mudah', 'c)', 'd. apa saja', 'A) x'].map((v) => value(v)),
    ).toEqual([2, 1, 3, 4, 1]);
  });

  test('a letter followed by other words is not read as a letter', () => {
    expect(value('a bc')).toBe('unreadable');
    expect(value('b lain')).toBe('unreadable');
    // Words that start with a-d are words, not letters.
    expect(value('baik')).toBe(3);
    expect(value('cepat')).toBe(3);
    expect(value('e')).toBe('unreadable');
  });

  test('a number with its words: the number, out of range when not 1-4', () => {
    expect(
      ['4 - Sangat sesuai', '3. Sesuai', '2) Kurang', '1: Tidak', 'Sangat sesuai (4)'].map((v) =>
        value(v),
      ),
    ).toEqual([4, 3, 2, 1, 4]);
    expect(value('7 - Sangat sesuai')).toBe('out-of-range');
    expect(readAnswer('Puas (5)')).toEqual({ kind: 'out-of-range', value: 5 });
  });

  test('every positive word of the form and its variants, on the four steps', () => {
    const words = [
      'sesuai',
      'mudah',
      'cepat',
      'kompeten',
      'sopan',
      'ramah',
      'baik',
      'puas',
      'jelas',
      'wajar',
      'tepat',
      'mampu',
      'memuaskan',
      'lengkap',
      'nyaman',
      'berkualitas',
      'profesional',
      'bagus',
      'terjangkau',
      'berfungsi',
      'tanggap',
      'informatif',
      'transparan',
      'efektif',
      'efisien',
      'lancar',
    ];
    for (const w of words)
      expect([`Tidak ${w}`, `Kurang ${w}`, w, `SANGAT ${w}`].map((v) => value(v))).toEqual([
        1, 2, 3, 4,
      ]);
    expect(value('Sangat mantap')).toBe('unreadable');
  });

  test('two positive words joined by "dan", not three; "sangat tidak" is 1 on any scale', () => {
    expect(value('Sangat puas dan jelas')).toBe(4);
    expect(value('puas dan jelas dan cepat')).toBe('unreadable');
    expect(value('Sangat tidak sesuai')).toBe(1);
    expect(value('Tidak puas')).toBe(1);
    expect(value('Tidak puas', true)).toBe(2);
    expect(value('ADA TAPI TIDAK BERFUNGSI')).toBe(2);
    expect(readAnswer('  ok  ')).toEqual({ kind: 'unreadable', text: 'ok' });
  });

  test('the five-word Likert scale is told by "sangat tidak" and a word after it', () => {
    expect(usesSangatTidak('Sangat Tidak Puas')).toBe(true);
    expect(usesSangatTidak('Sangat tidak')).toBe(false);
    expect(usesSangatTidak('Tidak puas')).toBe(false);
    expect(usesSangatTidak(1)).toBe(false);
  });

  test('a slip of a digit looks like an answer; a year, a date serial or a negative does not', () => {
    expect([4, 0, 5, 10, '3', 'c'].map(looksLikeAnswer)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([11, 2025, 45658, -1, 'Baik sekali pelayanannya', ''].map(looksLikeAnswer)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('a CSV file', () => {
  test('one column: no separator, a comma assumed; each line a record', () => {
    expect(detectSeparator('U1\n4\n3')).toBe(',');
    expect(parseCsv('U1\n4\n3')).toEqual([['U1'], ['4'], ['3']]);
  });

  test('a tie between separators in the header goes to the first counted, a comma', () => {
    expect(detectSeparator('a,b;c')).toBe(',');
    expect(detectSeparator('a;b;c,d')).toBe(';');
  });

  test('a last record without a line end is kept; a final line end adds no empty record', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  test('a quote inside an unquoted field is kept as written', () => {
    expect(parseCsv('no,saran\n1,pelayanan "oke" sekali\n', ',')).toEqual([
      ['no', 'saran'],
      ['1', 'pelayanan "oke" sekali'],
    ]);
  });

  test('ragged rows are made as wide as the widest, with empty cells', () => {
    const g = csvGrid('ekspor', Buffer.from('No;U1;U2;U3\n1;4\n2;3;3;4;catatan\n', 'utf8'));
    expect(g.name).toBe('ekspor');
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values).toEqual([
      ['No', 'U1', 'U2', 'U3', ''],
      ['1', '4', '', '', ''],
      ['2', '3', '3', '4', 'catatan'],
    ]);
  });

  test('UTF-8 without a BOM is read as is; a BOM is dropped only at the start', () => {
    expect(decodeCsv(Buffer.from('Usia;Pekerjaan\n30;Guru', 'utf8'))).toBe(
      'Usia;Pekerjaan\n30;Guru',
    );
    expect(decodeCsv(Buffer.from('a\ufeffb', 'utf8'))).toBe('a\ufeffb');
  });
});

describe('a date', () => {
  const d = (v: unknown, order: 'dmy' | 'mdy' = 'dmy') => {
    const x = readDate(v as string, order);
    return x && `${x.year}-${x.month}-${x.day}`;
  };

  test('Excel serials: fractions of a day are the same day; serials before March 1900 or past 9999 are not dates', () => {
    expect(d(45658.75)).toBe('2025-1-1');
    expect(d(61)).toBe('1900-3-1');
    expect(d(60)).toBeNull();
    expect(d(2958466)).toBeNull();
    expect(d(Number.NaN)).toBeNull();
    expect(d(Infinity)).toBeNull();
  });

  test('a serial typed as text by a CSV export; other values are not dates', () => {
    expect(d('45658')).toBe('2025-1-1');
    expect(d('45658.5')).toBe('2025-1-1');
    expect(d('4565')).toBeNull();
    expect(d(true)).toBeNull();
    expect(d('   ')).toBeNull();
  });

  test('two-digit years are 20xx; month first only when the column is', () => {
    expect(d('12/01/25')).toBe('2025-1-12');
    expect(d('12/01/25', 'mdy')).toBe('2025-12-1');
    expect(d('11/28/2025 10:15:33', 'mdy')).toBe('2025-11-28');
    expect(d('11/28/2025')).toBeNull();
    expect(d('2025-13-01')).toBeNull();
    expect(d('29/02/2024')).toBe('2024-2-29');
    expect(d('29/02/2025')).toBeNull();
  });

  test('dates outside 1900-2200, month 0 or 13, day 0 are not dates', () => {
    expect(['1899-12-31', '1900-01-01', '2200-12-31', '2201-01-01'].map((v) => d(v))).toEqual([
      null,
      '1900-1-1',
      '2200-12-31',
      null,
    ]);
    expect(['2025-00-10', '2025-01-00', '00/01/2025', '10/00/2025'].map((v) => d(v))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  test('a lone CR ends a record too (old Mac exports)', () => {
    expect(parseCsv('U1;U2\r4;3\r')).toEqual([
      ['U1', 'U2'],
      ['4', '3'],
    ]);
  });

  test('every month of a period by month, every semester and quarter in Roman numerals', () => {
    const months = Array.from({ length: 12 }, (_, m) =>
      periodOf({ year: 2025, month: m + 1, day: 1 }, 'bulan'),
    );
    expect(months.map((p) => p.label)).toEqual(
      [
        'Januari',
        'Februari',
        'Maret',
        'April',
        'Mei',
        'Juni',
        'Juli',
        'Agustus',
        'September',
        'Oktober',
        'November',
        'Desember',
      ].map((m) => `${m} 2025`),
    );
    expect(months.map((p) => p.key)).toEqual(
      months.map((_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
    );
    const q = (month: number, by: 'semester' | 'triwulan') =>
      periodOf({ year: 2024, month, day: 9 }, by);
    expect([1, 6, 7, 12].map((m) => q(m, 'semester').label)).toEqual([
      'Semester I 2024',
      'Semester I 2024',
      'Semester II 2024',
      'Semester II 2024',
    ]);
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((m) => q(m, 'triwulan').label)).toEqual(
      ['I', 'I', 'II', 'II', 'III', 'III', 'IV', 'IV'].map((r) => `Triwulan ${r} 2024`),
    );
    expect([
      q(2, 'triwulan').key,
      q(11, 'semester').key,
      periodOf({ year: 2023, month: 5, day: 1 }, 'tahun').key,
    ]).toEqual(['2024-1', '2024-2', '2023']);
  });

  test('words: a day name first, a short month, a time after; a word that is no month is no date', () => {
    expect(d('Jumat, 7 Agt 2025 10:15')).toBe('2025-8-7');
    expect(d('12-Jan-2025')).toBe('2025-1-12');
    expect(d('12 Foo 2025')).toBeNull();
  });

  test("a column's order: month first only when a second number passes 12 and no first one does", () => {
    expect(dateOrderOf(['11/28/2025', '12/01/2025', 45658])).toBe('mdy');
    expect(dateOrderOf(['11/28/2025', '28/11/2025'])).toBe('dmy');
    expect(dateOrderOf(['01/02/2025', '2025-11-28', null])).toBe('dmy');
    // 12 is a month either way: only 13 and over tell.
    expect(dateOrderOf(['12/13/2025', '12/12/2025'])).toBe('mdy');
    expect(dateOrderOf(['13/12/2025', '12/12/2025'])).toBe('dmy');
  });
});

describe('the profile', () => {
  test('ages in bands, in band order; bands already written kept after them, as written', () => {
    const e = countProfile('usia', [
      25,
      '25 tahun',
      '61 th.',
      '21-30 tahun',
      19,
      '',
      'tua',
      0,
      120,
    ]);
    expect(e.map((x) => [x.value, x.count])).toEqual([
      ['< 20', 1],
      ['20-29', 2],
      ['≥ 60', 1],
      ['21-30 tahun', 1],
      ['(kosong)', 1],
      ['tua', 1],
      ['0', 1],
      ['120', 1],
    ]);
    expect(e[1].share).toBe(2 / 9);
  });

  test('without a blank label, blanks are left out of counts and shares', () => {
    const e = countProfile('pekerjaan', ['Guru', '', 'guru ', null, 'PNS'], null);
    expect(e).toEqual([
      { value: 'Guru', count: 2, share: 2 / 3 },
      { value: 'PNS', count: 1, share: 1 / 3 },
    ]);
    expect(countProfile('lain', [], null)).toEqual([]);
  });

  test('sexes from their usual spellings; other values kept', () => {
    const e = countProfile('jenisKelamin', [
      'Laki - Laki',
      'pr',
      'W',
      'Male',
      'x',
      'Lainnya',
      'Netral',
    ]);
    expect(e.map((x) => [x.value, x.count])).toEqual([
      ['Laki-laki', 2],
      ['Perempuan', 2],
      ['x', 1],
      ['Lainnya', 1],
      ['Netral', 1],
    ]);
    expect(['L', 'wanita', 'Pria'].map(isSex)).toEqual([true, true, true]);
    expect(isSex('lainnya')).toBe(false);
    expect([30, '45 tahun'].map(isAge)).toEqual([true, true]);
    expect(['SMA', 200, 25.5].map(isAge)).toEqual([false, false, false]);
  });
});

describe('the regulation and its bands', () => {
  test('nine items PermenPANRB 14/2017, fourteen Kepmenpan 25/2004, other counts none', () => {
    expect([9, 14, 10, 5].map(regulationOf)).toEqual([
      'PermenPANRB 14/2017',
      'Kepmenpan 25/2004',
      'none',
      'none',
    ]);
  });

  test('the 2004 bands on the IKM rounded half away to 2 decimals', () => {
    const k = (x: number) => categoryFor(x, 'Kepmenpan 25/2004').grade;
    expect(
      [100, 81.26, 81.255, 81.254, 62.51, 62.505, 62.5, 43.76, 43.755, 43.75, 25].map(k),
    ).toEqual(['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'D', 'D']);
  });

  test('a questionnaire of no regulation is banded as PermenPANRB 14/2017', () => {
    const k = (x: number) => categoryFor(x, 'none').grade;
    expect([88.31, 88.3, 76.61, 76.6, 65, 64.99].map(k)).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
    expect(categoryFor(82, 'Kepmenpan 25/2004').grade).toBe('A');
    expect(categoryFor(82, 'PermenPANRB 14/2017').grade).toBe('B');
  });
});
