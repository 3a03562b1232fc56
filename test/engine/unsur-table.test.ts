/**
 * The nine unsur and four categories as staff read them (issue 16: the static pass found that no
 * engine test read their English or short names, nor several of the words a header is known by).
 */
import { categoryOfGrade } from '../../src/engine/scores';
import { matchUnsur, UNSUR, UNSUR_CODES } from '../../src/engine/unsur';

describe('the nine unsur', () => {
  it('each has its own short name and English name, none empty', () => {
    for (const key of ['short', 'nameEn'] as const) {
      const names = UNSUR.map((u) => u[key]);
      expect(names.every((n) => n.trim().length > 2)).toBe(true);
      expect(new Set(names).size).toBe(9);
    }
  });

  it.each([
    ['Sistem', 'U2'],
    ['Mekanisme', 'U2'],
    ['Tarif', 'U4'],
    ['Biaya', 'U4'],
    ['Spesifikasi', 'U5'],
    ['Produk', 'U5'],
    ['Prasarana', 'U9'],
    ['Sarpras', 'U9'],
    ['Sarana', 'U9'],
  ])('a header reading only "%s" is %s', (header, code) => {
    expect(matchUnsur(header)).toBe(code);
  });

  it('a header wrapped inside a word is re-joined', () => {
    expect(matchUnsur('Pra sarana')).toBe('U9');
    expect(matchUnsur('Mekanis me')).toBe('U2');
  });

  it('codes and table agree', () => {
    expect(UNSUR.map((u) => u.code)).toEqual([...UNSUR_CODES]);
  });
});

describe('the four categories', () => {
  it('each grade has its own performance words in Indonesian and English, shown in its label', () => {
    const all = (['A', 'B', 'C', 'D'] as const).map(categoryOfGrade);
    for (const c of all) {
      expect(c.kinerja.length).toBeGreaterThan(3);
      expect(c.kinerjaEn.length).toBeGreaterThan(3);
      expect(c.label).toBe(`${c.grade} (${c.kinerja})`);
    }
    expect(new Set(all.map((c) => c.kinerjaEn)).size).toBe(4);
    expect(new Set(all.map((c) => c.kinerja)).size).toBe(4);
  });
});
