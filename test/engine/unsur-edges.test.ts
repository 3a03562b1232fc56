// Unsur named in headers and in "Unsur Perbaikan" cells, at the edges StrykerJS found unguarded in
// src/engine/unsur.ts (issue 16): codes, wrapped words, numbered lists as staff type them.
import { matchUnsur, parsePriorityList, words } from '../../src/engine/unsur';

const texts = (cell: string) => parsePriorityList(cell).map((e) => e.text);

describe('an unsur named by its code', () => {
  it('is U1 to U9 exactly: no U10, no code inside a longer one', () => {
    expect(matchUnsur('U9')).toBe('U9');
    expect(matchUnsur('u 3')).toBe('U3');
    expect(matchUnsur('U10')).toBeNull();
    expect(matchUnsur('XU1')).toBeNull();
  });
});

describe('a header wrapped inside its words', () => {
  it('joins the pieces of a word wherever it stands, and keeps the words after it', () => {
    expect(words('Kesesuaian Persya ratan Pelayanan')).toEqual([
      'kesesuaian',
      'persyaratan',
      'pelayanan',
    ]);
  });
});

describe('an Unsur Perbaikan cell read into its entries', () => {
  it('drops the number of a single numbered entry', () => {
    expect(parsePriorityList('1. Waktu penyelesaian')).toEqual([
      { text: 'Waktu penyelesaian', unsur: 'U3' },
    ]);
  });

  it('reads numbers of two digits, with ")" and without a space after the mark', () => {
    expect(texts('12) Sarana dan prasarana')).toEqual(['Sarana dan prasarana']);
    expect(texts('1.Waktu penyelesaian\n2.Persyaratan')).toEqual([
      'Waktu penyelesaian',
      'Persyaratan',
    ]);
  });

  it('reads a list typed with a space before each mark ("1 . Waktu 2 . Biaya")', () => {
    expect(parsePriorityList('1 . Waktu penyelesaian 2 . Biaya')).toEqual([
      { text: 'Waktu penyelesaian', unsur: 'U3' },
      { text: 'Biaya', unsur: 'U4' },
    ]);
  });

  it('trims each entry and every mark typed after it', () => {
    expect(texts('Waktu penyelesaian..;  Sarana dan prasarana ,;')).toEqual([
      'Waktu penyelesaian',
      'Sarana dan prasarana',
    ]);
  });
});

describe('words of a header, exactly', () => {
  it('gives the words and nothing after them', () => {
    expect(words('Persya ratan Pelayanan')).toStrictEqual(['persyaratan', 'pelayanan']);
    expect(words('Waktu')).toStrictEqual(['waktu']);
  });

  it('joins at most four pieces of a wrapped word: five are left as typed', () => {
    expect(words('Kom pe ten si')).toStrictEqual(['kompetensi']);
    expect(words('Ko m pe ten si')).toStrictEqual(['ko', 'm', 'pe', 'ten', 'si']);
  });

  it('never glues a word it knows to the next: "Saran a" is a suggestion (U8), not sarana (U9)', () => {
    expect(words('Saran a')).toStrictEqual(['saran', 'a']);
    expect(matchUnsur('Saran a')).toBe('U8');
  });
});

describe('an "Unsur Perbaikan" cell with codes in brackets', () => {
  it('splits at ";" when the only numbers are the codes', () => {
    expect(parsePriorityList('Waktu Pelayanan (U3); Biaya/Tarif (U4)')).toEqual([
      { text: 'Waktu Pelayanan (U3)', unsur: 'U3' },
      { text: 'Biaya/Tarif (U4)', unsur: 'U4' },
    ]);
  });
});

describe('amounts inside the entries of a numbered list', () => {
  it('never takes the point of "Rp 10.000" or "2.5 jam" for a list number', () => {
    expect(texts('1. Biaya/Tarif dari Rp 10.000 2. Waktu pelayanan 1,5 jam')).toEqual([
      'Biaya/Tarif dari Rp 10.000',
      'Waktu pelayanan 1,5 jam',
    ]);
    expect(texts('1) Waktu 2.5 jam\n2) Sarana')).toEqual(['Waktu 2.5 jam', 'Sarana']);
    expect(texts('Biaya Rp 10.000; Waktu')).toEqual(['Biaya Rp 10.000', 'Waktu']);
  });

  it('never takes a size in brackets, "(2x3m)", for a list number', () => {
    expect(texts('Sarana (ruang tunggu 2x3m); Biaya')).toEqual([
      'Sarana (ruang tunggu 2x3m)',
      'Biaya',
    ]);
    expect(texts('1. Sarana (ruang tunggu 2x3m) 2. Biaya')).toEqual([
      'Sarana (ruang tunggu 2x3m)',
      'Biaya',
    ]);
  });
});
