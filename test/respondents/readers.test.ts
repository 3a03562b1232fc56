/** The small readers under "Olah Data Responden": one answer, one date, one CSV file. */
import { readAnswer } from '../../src/engine/respondents/answers';
import { csvGrid, decodeCsv, detectSeparator, parseCsv } from '../../src/engine/respondents/csv';
import { periodOf, readDate } from '../../src/engine/respondents/dates';

const value = (v: unknown, sangatTidak = false) => {
  const a = readAnswer(v as string, { sangatTidak });
  return a.kind === 'value' ? a.value : a.kind;
};

describe('an answer', () => {
  test('numbers 1-4, as numbers or text', () => {
    expect([1, 2, 3, 4, '4', ' 3 ', '2,0'].map((v) => value(v))).toEqual([1, 2, 3, 4, 4, 3, 2]);
  });

  test('the letters of the paper form, a the lowest', () => {
    expect(['a', 'B', 'c.', 'd) Sangat sesuai', 'D'].map((v) => value(v))).toEqual([1, 2, 3, 4, 4]);
  });

  test('the answer words of each unsur of the PermenPANRB 14/2017 form', () => {
    const scales = [
      ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
      ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
      ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
      ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
      [
        'Tidak sopan dan ramah',
        'Kurang sopan dan ramah',
        'Sopan dan ramah',
        'Sangat sopan dan ramah',
      ],
      [
        'Tidak ada',
        'Ada tetapi tidak berfungsi',
        'Berfungsi kurang maksimal',
        'Dikelola dengan baik',
      ],
      ['Buruk', 'Cukup', 'Baik', 'Sangat Baik'],
    ];
    for (const scale of scales) expect(scale.map((v) => value(v))).toEqual([1, 2, 3, 4]);
  });

  test('a Likert column with "sangat tidak" reads "tidak" as 2', () => {
    expect(
      ['Sangat tidak puas', 'Tidak puas', 'Puas', 'Sangat puas'].map((v) => value(v, true)),
    ).toEqual([1, 2, 3, 4]);
  });

  test('numbers outside 1-4 are out of range, other text unreadable, blanks blank', () => {
    expect([5, 0, 3.5, '6'].map((v) => value(v))).toEqual(Array(4).fill('out-of-range'));
    expect(value('Sangat Bagus dan Tidak memberikan efek')).toBe('unreadable');
    expect(value('ok')).toBe('unreadable');
    expect(['', '  ', null].map((v) => value(v))).toEqual(['blank', 'blank', 'blank']);
  });
});

describe('a date', () => {
  test('serials, ISO text, day-first text and Indonesian words', () => {
    const d = (v: string | number) => {
      const x = readDate(v);
      return x && `${x.year}-${x.month}-${x.day}`;
    };
    expect(d(45658)).toBe('2025-1-1');
    expect(d('2025-11-12 05:45:53')).toBe('2025-11-12');
    expect(d('12/01/2025')).toBe('2025-1-12');
    expect(d('31-12-2024')).toBe('2024-12-31');
    expect(d('12 Januari 2025')).toBe('2025-1-12');
    expect(d('Senin, 3 Nopember 2025')).toBe('2025-11-3');
    expect(d('31/02/2025')).toBeNull();
    expect(d('kemarin')).toBeNull();
  });

  test('its periods', () => {
    const d = { year: 2025, month: 8, day: 17 };
    expect(
      ['tahun', 'semester', 'triwulan', 'bulan'].map((b) => periodOf(d, b as 'tahun').label),
    ).toEqual(['2025', 'Semester II 2025', 'Triwulan III 2025', 'Agustus 2025']);
  });
});

describe('a CSV file', () => {
  test('separator detected from the first record, outside quotes', () => {
    expect(detectSeparator('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,"c;d;e"\n')).toBe(',');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
  });

  test('quoted fields hold separators, line breaks and doubled quotes; CRLF ends a record', () => {
    const text = 'no;saran;u1\r\n1;"baik; ""cepat""\r\nlagi";4\r\n2;;3\r\n';
    expect(parseCsv(text)).toEqual([
      ['no', 'saran', 'u1'],
      ['1', 'baik; "cepat"\r\nlagi', '4'],
      ['2', '', '3'],
    ]);
  });

  test('UTF-8 with a BOM, and Windows-1252 from old Excel', () => {
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('U1;Pendidikan\n4;D3 Teknik', 'utf8'),
    ]);
    expect(csvGrid('x', bom).values).toEqual([
      ['U1', 'Pendidikan'],
      ['4', 'D3 Teknik'],
    ]);
    expect(decodeCsv(new Uint8Array([0x4b, 0x65, 0xe9]))).toBe('Keé');
  });
});
