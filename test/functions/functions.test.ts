/**
 * The SKM custom functions called as Excel calls them: ranges as any[][],
 * blank cells as null or "" (0 from older desktop builds), optional
 * parameters as null.
 */
import fc from 'fast-check';
import {
  ikm,
  kategori,
  konversi,
  nrr,
  periksa,
  sampel,
  terendah,
} from '../../src/functions/functions';
import { FunctionError } from '../../src/functions/errors';
import { KREJCIE_MORGAN } from '../fixtures/krejcie-morgan';

// A recap record typed with two decimals: the NRR line and its converted line (x 25).
const NRR = [3.27, 3.11, 3.05, 3.5, 3.33, 3.21, 3.4, 3.15, 3.02];
const CONV = [81.75, 77.75, 76.25, 87.5, 83.25, 80.25, 85, 78.75, 75.5];
const IKM = (29.04 / 9) * 25; // 80.666...

/** Excel passes null for an omitted optional parameter; the any[][] signature cannot say so. */
const OMITTED = null as unknown as undefined;

const column = (line: unknown[]) => line.map((v) => [v]);
const withAt = (line: number[], i: number, v: unknown) => line.map((x, j) => (j === i ? v : x));

/** The error a call throws, or a failure when it returns. */
function errorOf(call: () => unknown): FunctionError {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(FunctionError);
    return e as FunctionError;
  }
  throw new Error('expected the call to throw');
}

describe('SKM.IKM', () => {
  it('reads a 1x9 line of NRR', () => {
    expect(ikm([NRR])).toBeCloseTo(IKM, 10);
  });

  it('reads a 9x1 column of NRR', () => {
    expect(ikm(column(NRR))).toBeCloseTo(IKM, 10);
  });

  it('reads a line of converted values', () => {
    expect(ikm([CONV])).toBeCloseTo(IKM, 10);
  });

  it('is not rounded', () => {
    expect(ikm([NRR])).not.toBe(80.67);
  });

  it('reads text numbers with a decimal comma', () => {
    expect(ikm([NRR.map((v) => String(v).replace('.', ','))])).toBeCloseTo(IKM, 10);
  });

  it('reads the two lines of a recap record, in either order and orientation', () => {
    expect(ikm([NRR, CONV])).toBeCloseTo(IKM, 10);
    expect(ikm([CONV, NRR])).toBeCloseTo(IKM, 10);
    expect(ikm(NRR.map((v, i) => [v, CONV[i]]))).toBeCloseTo(IKM, 10);
  });

  it('takes the converted line of a record whose values agree within their precision', () => {
    // 3,379 x 25 = 84,475, typed 84,48: within 25 x 0,0005 + 0,005.
    const nrrLine = withAt(NRR, 0, 3.379);
    const convLine = withAt(CONV, 0, 84.48);
    expect(ikm([nrrLine, convLine])).toBeCloseTo(
      (84.48 + CONV.slice(1).reduce((s, v) => s + v, 0)) / 9,
      10,
    );
  });

  it('refuses a record whose lines disagree, naming the unsur', () => {
    const e = errorOf(() => ikm([NRR, withAt(CONV, 2, 86.25)]));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/tidak cocok/);
    expect(e.message).toMatch(
      /unsur ke-3 \(Waktu Penyelesaian\): 3,05 x 25 = 76,25, tertulis 86,25/,
    );
  });

  it('reads a record with one line blank as that line alone', () => {
    expect(ikm([NRR, Array(9).fill(null)])).toBeCloseTo(IKM, 10);
    expect(ikm([Array(9).fill(''), CONV])).toBeCloseTo(IKM, 10);
  });

  it('computes NRR from an n x 9 matrix of answers, skipping blanks and 0', () => {
    const answers = [
      [4, 3, 3, 4, 3, 3, 4, 3, null],
      [3, 3, '', 4, 3, 2, 4, 3, 4],
      [0, 2, 3, 4, 3, 4, 4, 3, 4],
    ];
    const nrrs = [3.5, 8 / 3, 3, 4, 3, 3, 4, 3, 4];
    expect(ikm(answers)).toBeCloseTo((nrrs.reduce((s, v) => s + v, 0) / 9) * 25, 10);
  });

  it('reads two rows of whole answers as two respondents', () => {
    const answers = [
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
    ];
    expect(ikm(answers)).toBeCloseTo(87.5, 10);
  });

  it('refuses an answer outside 1-4 with #NUM!', () => {
    const e = errorOf(() =>
      ikm([
        [4, 3, 3, 4, 3, 3, 4, 3, 3],
        [4, 3, 3, 4, 3, 3, 4, 3, 3],
        [4, 5, 3, 4, 3, 3, 4, 3, 3],
      ]),
    );
    expect(e.code).toBe('#NUM!');
    expect(e.message).toMatch(/baris 3 kolom 2 = 5/);
  });

  it('refuses a column of answers with no answer at all', () => {
    const rows = [1, 2, 3].map(() => [4, 3, null, 4, 3, 3, 4, 3, 3]);
    const e = errorOf(() => ikm(rows));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/Waktu Penyelesaian\) belum punya jawaban/);
  });

  it('refuses a line with a blank unsur (blank, "" or 0)', () => {
    for (const blank of [null, '', 0]) {
      const e = errorOf(() => ikm([withAt(NRR, 2, blank)]));
      expect(e.code).toBe('#VALUE!');
      expect(e.message).toMatch(/unsur ke-3 \(Waktu Penyelesaian\) kosong/);
    }
  });

  it('refuses a value outside both scales with #NUM!', () => {
    const e = errorOf(() => ikm([withAt(NRR, 0, 4.5)]));
    expect(e.code).toBe('#NUM!');
    expect(e.message).toMatch(/4,5 di luar rentang/);
  });

  it('refuses a line that mixes NRR and converted values', () => {
    const e = errorOf(() => ikm([withAt(NRR, 4, 83.25)]));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/mencampur NRR/);
  });

  it('refuses two converted lines', () => {
    expect(errorOf(() => ikm([CONV, CONV])).message).toMatch(/kedua baris berisi nilai konversi/);
  });

  it('refuses text, error values and booleans, naming the cell', () => {
    expect(errorOf(() => ikm([withAt(NRR, 1, 'baik')])).message).toMatch(
      /baris 1 kolom 2 berisi teks "baik"/,
    );
    expect(errorOf(() => ikm([withAt(NRR, 1, '#DIV/0!')])).message).toMatch(/galat #DIV\/0!/);
    expect(errorOf(() => ikm([withAt(NRR, 1, true)])).code).toBe('#VALUE!');
  });

  it('refuses other shapes and empty input', () => {
    expect(
      errorOf(() =>
        ikm([
          [3, 3, 3],
          [3, 3, 3],
          [3, 3, 3],
        ]),
      ).message,
    ).toMatch(/berukuran 3x3/);
    expect(errorOf(() => ikm(null as never)).message).toMatch(/nilai kosong/);
    expect(errorOf(() => ikm([Array(9).fill(null)])).message).toMatch(/nilai kosong/);
  });
});

describe('large answer matrices', () => {
  // Generated answers 1-4, with some blanks and zeros (older desktop builds send 0 for a blank).
  const answers = Array.from({ length: 2000 }, (_, i) =>
    Array.from({ length: 9 }, (_, j) =>
      (i * 7 + j * 3) % 11 === 0 ? (i % 2 ? null : 0) : 1 + ((i * 5 + j) % 4),
    ),
  );
  const expectedNrr = Array.from({ length: 9 }, (_, j) => {
    const given = answers
      .map((r) => r[j])
      .filter((v): v is number => typeof v === 'number' && v !== 0);
    return given.reduce((s, v) => s + v, 0) / given.length;
  });

  it('gives each unsur the mean of its answers, skipping blanks and zeros', () => {
    nrr(answers)[0].forEach((v, j) => expect(v).toBeCloseTo(expectedNrr[j], 12));
    expect(ikm(answers)).toBeCloseTo((expectedNrr.reduce((s, v) => s + v, 0) / 9) * 25, 12);
  });

  it('reads the same NRR when one answer is typed as text (the general reading)', () => {
    const withText = answers.map((r, i) =>
      i === 5 ? r.map((v) => (v === null || v === 0 ? v : String(v))) : r,
    );
    nrr(withText)[0].forEach((v, j) => expect(v).toBeCloseTo(expectedNrr[j], 12));
  });

  it('still names the cell of an answer outside 1-4', () => {
    const bad = answers.map((r, i) => (i === 1500 ? withAt(r as number[], 4, 5) : r));
    expect(errorOf(() => ikm(bad)).message).toContain('baris 1501 kolom 5');
  });
});

describe('SKM.NRR', () => {
  it('spills nine NRR in one row', () => {
    const result = nrr([
      [4, 3, 2, 1, 4, 3, 2, 1, 4],
      [3, 3, 3, 3, null, 3, 3, 3, ''],
      [2, 3, 4, 2, 0, 3, 4, 2, 3],
    ]);
    expect(result).toHaveLength(1);
    const expected = [3, 3, 3, 2, 4, 3, 3, 2, 3.5];
    result[0].forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('takes a single respondent as the NRR', () => {
    expect(nrr([[4, 3, 2, 1, 4, 3, 2, 1, 4]])).toEqual([[4, 3, 2, 1, 4, 3, 2, 1, 4]]);
  });

  it('refuses answers that are not nine columns wide', () => {
    expect(errorOf(() => nrr(column(NRR))).message).toMatch(/9 kolom/);
  });

  it('refuses an answer that is not a whole number 1-4', () => {
    expect(errorOf(() => nrr([withAt([4, 3, 2, 1, 4, 3, 2, 1, 4], 3, 2.5)])).code).toBe('#NUM!');
  });

  it('refuses a sheet without answers', () => {
    expect(errorOf(() => nrr([Array(9).fill(null), Array(9).fill('')])).message).toMatch(
      /belum ada jawaban/,
    );
  });
});

describe('SKM.KONVERSI', () => {
  it('multiplies a number by 25', () => {
    expect(konversi([[3.4]])).toEqual([[85]]);
    expect(konversi(3.4 as never)).toEqual([[85]]);
  });

  it('keeps the shape of a range, leaving blanks (null, "", 0) blank', () => {
    const result = konversi([
      [3.27, null],
      ['3,46', ''],
      [0, 4],
    ]);
    expect(result[0][0]).toBeCloseTo(81.75, 10);
    expect(result[0][1]).toBe('');
    expect(result[1][0]).toBeCloseTo(86.5, 10);
    expect(result[1][1]).toBe('');
    expect(result[2]).toEqual(['', 100]);
  });

  it('refuses an NRR outside 1-4 with #NUM!', () => {
    const e = errorOf(() => konversi([[3.2, 85]]));
    expect(e.code).toBe('#NUM!');
    expect(e.message).toMatch(/baris 1 kolom 2 = 85; NRR harus 1-4/);
  });

  it('refuses text', () => {
    expect(errorOf(() => konversi([['tiga']])).code).toBe('#VALUE!');
  });
});

describe('SKM.KATEGORI', () => {
  // PermenPANRB 14/2017 category table with the gaps closed (docs/skm-rules.md §3).
  it.each([
    [64.99, 'D (Tidak Baik)'],
    [65.0, 'C (Kurang Baik)'],
    [76.6, 'C (Kurang Baik)'],
    [76.61, 'B (Baik)'],
    [88.3, 'B (Baik)'],
    [88.305, 'A (Sangat Baik)'],
    [88.31, 'A (Sangat Baik)'],
    [25, 'D (Tidak Baik)'],
    [100, 'A (Sangat Baik)'],
  ])('classifies IKM %p as %p', (value, label) => {
    expect(kategori(value, null)).toBe(label);
  });

  it('reads a value on 1-4 as a mean NRR', () => {
    expect(kategori(3.2, null)).toBe('B (Baik)');
    expect(kategori(2.6, null)).toBe('C (Kurang Baik)');
    expect(kategori(3.5324, null)).toBe('A (Sangat Baik)');
  });

  it('gives the letter or the kinerja on request', () => {
    expect(kategori(80.67, 'huruf')).toBe('B');
    expect(kategori(80.67, 'kinerja')).toBe('Baik');
    expect(kategori(90, ' Kinerja ')).toBe('Sangat Baik');
    expect(kategori(60, 'HURUF')).toBe('D');
  });

  it('gives the written form when bentuk is omitted or blank', () => {
    for (const blank of [null, undefined, '', 0])
      expect(kategori(70, blank)).toBe('C (Kurang Baik)');
  });

  it('reads a text IKM with a decimal comma', () => {
    expect(kategori('88,31', null)).toBe('A (Sangat Baik)');
  });

  it('refuses a blank IKM and an unknown bentuk with #VALUE!', () => {
    expect(errorOf(() => kategori(null, null)).message).toBe('ikm kosong.');
    expect(errorOf(() => kategori('', null)).code).toBe('#VALUE!');
    expect(errorOf(() => kategori(80, 'angka')).message).toMatch(/bentuk "angka" tidak dikenal/);
  });

  it('refuses a number outside 25-100 and 1-4 with #NUM!', () => {
    for (const v of [0, 10, 100.5, -3]) expect(errorOf(() => kategori(v, null)).code).toBe('#NUM!');
  });
});

describe('SKM.SAMPEL', () => {
  // Krejcie and Morgan's published table, as PermenPANRB 14/2017 uses it.
  const TABLE = KREJCIE_MORGAN;

  it.each(TABLE)('population %p needs %p respondents', (population, respondents) => {
    expect(sampel(population)).toBe(respondents);
  });

  it('reads Indonesian thousands separators', () => {
    expect(sampel('1.700')).toBe(313);
    expect(sampel('75.000')).toBe(382);
  });

  it('refuses a blank or non-numeric population with #VALUE!', () => {
    expect(errorOf(() => sampel(null)).message).toBe('populasi kosong.');
    expect(errorOf(() => sampel('banyak')).code).toBe('#VALUE!');
    expect(errorOf(() => sampel(true)).code).toBe('#VALUE!');
  });

  it('refuses a population that is not a positive whole number with #NUM!', () => {
    for (const v of [0, -10, 10.5, 1e308]) expect(errorOf(() => sampel(v)).code).toBe('#NUM!');
  });
});

describe('SKM.TERENDAH', () => {
  it('names the lowest unsur by its canonical name', () => {
    expect(terendah([NRR], OMITTED)).toBe('Sarana dan Prasarana');
    expect(terendah([CONV], OMITTED)).toBe('Sarana dan Prasarana');
  });

  it('joins ties with ", "', () => {
    expect(terendah([withAt(NRR, 2, 3.02)], OMITTED)).toBe(
      'Waktu Penyelesaian, Sarana dan Prasarana',
    );
  });

  it('uses the names given, in the order of the values', () => {
    const names = [
      'Syarat',
      'Prosedur',
      'Waktu',
      'Biaya',
      'Produk',
      'Kompetensi',
      'Perilaku',
      'Sarpras',
      'Aduan',
    ];
    expect(terendah([NRR], [names])).toBe('Aduan');
    expect(terendah([NRR], column(names))).toBe('Aduan');
  });

  it('falls back to the canonical name where a given name is blank', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', null];
    expect(terendah([NRR], [names])).toBe('Sarana dan Prasarana');
  });

  it('reads a recap record and answers too', () => {
    expect(terendah([NRR, CONV], OMITTED)).toBe('Sarana dan Prasarana');
    expect(
      terendah(
        [
          [4, 4, 2, 4, 4, 4, 4, 4, 4],
          [4, 4, 3, 4, 4, 4, 4, 4, 4],
        ],
        OMITTED,
      ),
    ).toBe('Waktu Penyelesaian');
  });

  it('refuses names that are not nine cells', () => {
    expect(errorOf(() => terendah([NRR], [['a', 'b']])).message).toMatch(/sembilan sel/);
  });

  it('refuses a line with a blank unsur', () => {
    expect(errorOf(() => terendah([withAt(NRR, 0, null)], OMITTED)).code).toBe('#VALUE!');
  });
});

describe('SKM.PERIKSA', () => {
  it('says OK for a record that agrees', () => {
    expect(periksa([NRR, CONV], 80.67, 'B (Baik)')).toBe('OK');
    expect(
      periksa(
        NRR.map((v, i) => [CONV[i], v]),
        '80,67',
        null,
      ),
    ).toBe('OK');
    expect(periksa([CONV], 80.67, 'B')).toBe('OK');
  });

  it('says what disagrees: the IKM and the category', () => {
    const text = periksa([NRR, CONV], 84.58, 'A (Sangat Baik)');
    expect(text).toMatch(/IKM tertulis 84,58, tetapi rata-rata sembilan unsur x 25 = 80,67/);
    expect(text).toMatch(
      /Kategori tertulis "A \(Sangat Baik\)", tetapi IKM 84,58 termasuk B \(Baik\)\./,
    );
  });

  it('says what disagrees: the category alone', () => {
    expect(periksa([NRR, CONV], 80.67, 'A (Sangat Baik)')).toBe(
      'Kategori tertulis "A (Sangat Baik)", tetapi IKM 80,67 termasuk B (Baik).',
    );
  });

  it('says what disagrees: a converted value', () => {
    expect(periksa([NRR, withAt(CONV, 2, 86.25)], 80.67, null)).toMatch(
      /Nilai konversi Waktu Penyelesaian tertulis 86,25, tetapi NRR 3,05 x 25 = 76,25\./,
    );
  });

  it('says when the IKM was left on the 1-4 scale', () => {
    expect(periksa([NRR, CONV], 3.23, null)).toMatch(/belum dikali 25/);
  });

  it('flags a blank IKM beside values', () => {
    expect(periksa([NRR, CONV], null, null)).toMatch(/IKM kosong/);
  });

  it('gives "" for a blank record, also when an old build sends 0 for blanks', () => {
    expect(periksa([Array(9).fill(null), Array(9).fill('')], null, null)).toBe('');
    expect(periksa([Array(9).fill(0), Array(9).fill(0)], 0, 0)).toBe('');
  });

  it('refuses a range that is not one or two lines of nine', () => {
    const e = errorOf(() => periksa([NRR, CONV, NRR], 80, null));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/berukuran 3x9/);
  });
});

describe('every function', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.boolean(),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 120 }),
    fc.string(),
    fc.constantFrom('3,46', '#DIV/0!', '88,31', '1.686', 'Baik'),
  );
  const range = fc.oneof(
    fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 2 }), { minLength: 9, maxLength: 9 }),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  );
  const calls: [string, (r: unknown[][], c: unknown) => unknown][] = [
    ['IKM', (r) => ikm(r)],
    ['NRR', (r) => nrr(r)],
    ['KONVERSI', (r) => konversi(r)],
    ['KATEGORI', (_r, c) => kategori(c, null)],
    ['SAMPEL', (_r, c) => sampel(c)],
    ['TERENDAH', (r) => terendah(r, OMITTED)],
    ['PERIKSA', (r, c) => periksa(r, c, c)],
  ];

  it.each(calls)(
    '%s returns a value or throws #VALUE!/#NUM! with a message, whatever the input',
    (_name, call) => {
      fc.assert(
        fc.property(range, cell, (r, c) => {
          try {
            call(r, c);
          } catch (e) {
            expect(e).toBeInstanceOf(FunctionError);
            expect(['#VALUE!', '#NUM!']).toContain((e as FunctionError).code);
            expect((e as FunctionError).message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});
