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

  it('trims each entry and every mark typed after it', () => {
    expect(texts('Waktu penyelesaian..;  Sarana dan prasarana ,;')).toEqual([
      'Waktu penyelesaian',
      'Sarana dan prasarana',
    ]);
  });
});
