/**
 * The trend sentence of BAB II says what the printed figures show: rising,
 * falling, fluctuating or unchanged, and never the opposite (the 2025 report
 * said "fluctuated" in BAB II and "consistently rose" in BAB III).
 */
import fc from 'fast-check';
import type { YearPoint } from '../../src/engine/summary';
import { printedDirection, trendSentence, trendWords } from '../../src/report/trend';

function series(...ikm: [number, number][]): YearPoint[] {
  return ikm.map(([year, v], i) => ({
    year,
    sheet: `Rekap ${year}`,
    ikm: v,
    category: 'B (Baik)',
    change: i === 0 ? null : v - ikm[i - 1][1],
  }));
}

describe('trend sentence', () => {
  it('says a rising series rose every year, with the printed first and last values and each step', () => {
    const s = trendSentence(series([2021, 85.1], [2022, 86.2], [2023, 87.68]), 'Kabupaten Contoh');
    expect(s).toBe(
      'Nilai IKM Kabupaten Contoh tahun 2021-2023 meningkat setiap tahun, dari 85,10 pada tahun 2021 menjadi 87,68 pada tahun 2023 (naik 2,58 poin; perubahan per tahun: 2022 +1,10; 2023 +1,48).',
    );
  });

  it('says a falling series fell every year', () => {
    const s = trendSentence(series([2022, 88.4], [2023, 87.9], [2024, 86]), 'Kota Contoh');
    expect(s).toContain(
      'menurun setiap tahun, dari 88,40 pada tahun 2022 menjadi 86,00 pada tahun 2024',
    );
    expect(s).toContain('turun 2,40 poin');
    expect(s).not.toMatch(/meningkat|fluktuasi/);
  });

  it('says a series that went down and up fluctuated, even when it ends higher', () => {
    // The shape of Banjar's 2021-2025 figures: lower in 2022, higher in 2023, lower in 2024.
    const p = series([2021, 86.5], [2022, 85.9], [2023, 87.1], [2024, 86.8], [2025, 87.68]);
    const s = trendSentence(p, 'Kabupaten Contoh');
    expect(s).toContain('berfluktuasi (naik dan turun)');
    expect(s).toContain('perubahan per tahun: 2022 -0,60; 2023 +1,20; 2024 -0,30; 2025 +0,88');
    expect(s).not.toMatch(/meningkat|menurun/);
    expect(trendWords(p)).toBe('berfluktuasi (naik dan turun)');
  });

  it('says "cenderung meningkat" when one year stayed the same, and "tetap" when none moved', () => {
    expect(trendWords(series([2022, 85], [2023, 86], [2024, 86]))).toBe('cenderung meningkat');
    expect(trendSentence(series([2022, 86.001], [2023, 85.999]), 'X')).toContain('tetap 86,00');
  });

  it('reads the direction off the printed values, not the hidden decimals', () => {
    // 85,004 -> 85,006 prints as 85,00 -> 85,01: the sentence must say it rose.
    const p = series([2023, 85.004], [2024, 85.006]);
    expect(printedDirection(p)).toBe('naik');
    expect(trendSentence(p, 'X')).toContain('2024 +0,01');
  });

  it('says there is no trend when the workbook holds one year', () => {
    expect(trendSentence(series([2025, 87.68]), 'X')).toContain('belum dapat digambarkan');
    expect(trendSentence([], 'X')).toContain('belum dapat digambarkan');
    expect(trendWords([])).toBeNull();
  });

  it('never contradicts its own steps (any series of two to six years)', () => {
    const id = (x: number) => x.toFixed(2).replace('.', ',');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 6000, max: 10000 }), { minLength: 2, maxLength: 6 }),
        (cents) => {
          const p = series(...cents.map((c, i): [number, number] => [2020 + i, c / 100]));
          const s = trendSentence(p, 'X');
          const steps = cents.slice(1).map((c, i) => c - cents[i]);
          // Every step is printed with its sign and value.
          steps.forEach((d, i) =>
            expect(s).toContain(
              `${2021 + i} ${d > 0 ? '+' : d < 0 ? '-' : '±'}${id(Math.abs(d) / 100)}`,
            ),
          );
          const up = steps.some((d) => d > 0);
          const down = steps.some((d) => d < 0);
          const verb = up && down ? 'berfluktuasi' : up ? 'meningkat' : down ? 'menurun' : 'tetap';
          expect(s).toContain(verb);
          for (const other of ['berfluktuasi', 'meningkat', 'menurun', 'tetap'].filter(
            (v) => v !== verb,
          ))
            expect(s).not.toContain(other);
          expect(trendWords(p)).toContain(verb);
        },
      ),
    );
  });
});
