/**
 * The sentence of BAB II that says what the district IKM did over the years.
 * It is read off the figures the report prints (two decimals), so the words
 * can never contradict the table beside them (the 2025 report said
 * "fluctuated" in BAB II and "consistently rose" in BAB III).
 */
import { roundHalfAway } from '../engine/numbers';
import { trendDirection, type TrendDirection, type YearPoint } from '../engine/summary';
import { id2 } from './format';

/** The points as printed: IKM rounded to two decimals, changes between printed values. */
export function printedPoints(points: readonly YearPoint[]): YearPoint[] {
  const rounded = points.map((p) => ({ ...p, ikm: roundHalfAway(p.ikm, 2) }));
  return rounded.map((p, i) => ({
    ...p,
    change: i === 0 ? null : roundHalfAway(p.ikm - rounded[i - 1].ikm, 2),
  }));
}

/** The direction of the printed series (the engine's rule, on the printed numbers). */
export function printedDirection(points: readonly YearPoint[]): TrendDirection | null {
  return trendDirection(printedPoints(points));
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '-' : '±'}${id2(Math.abs(x))}`;

const net = (total: number) =>
  total === 0
    ? 'tanpa perubahan bersih'
    : `${total > 0 ? 'naik' : 'turun'} ${id2(Math.abs(total))} poin`;

/** "naik" -> "meningkat setiap tahun" or, with a flat year, "cenderung meningkat". */
function verb(direction: TrendDirection, changes: number[]): string {
  const strict = changes.every((c) => c !== 0);
  switch (direction) {
    case 'naik':
      return strict ? 'meningkat setiap tahun' : 'cenderung meningkat';
    case 'turun':
      return strict ? 'menurun setiap tahun' : 'cenderung menurun';
    case 'fluktuatif':
      return 'berfluktuasi (naik dan turun)';
    case 'stabil':
      return 'tetap';
  }
}

/** The trend words alone, for the conclusions: "meningkat setiap tahun". */
export function trendWords(points: readonly YearPoint[]): string | null {
  const p = printedPoints(points);
  const d = trendDirection(p);
  if (!d) return null;
  return verb(
    d,
    p.slice(1).map((x) => x.change as number),
  );
}

/**
 * One sentence over two or more years, or a sentence saying why there is no
 * trend (the workbook holds one year's recap).
 */
export function trendSentence(points: readonly YearPoint[], who: string): string {
  const p = printedPoints(points);
  const d = trendDirection(p);
  if (!d || p.length < 2) {
    const only = p.length === 1 ? ` tahun ${p[0].year}` : '';
    return `Buku kerja rekap hanya memuat data${only} satu tahun, sehingga tren IKM antartahun belum dapat digambarkan; tambahkan lembar rekap tahun-tahun sebelumnya (satu lembar per tahun) untuk menampilkannya.`;
  }
  const first = p[0];
  const last = p[p.length - 1];
  const steps = p
    .slice(1)
    .map((x) => `${x.year} ${signed(x.change as number)}`)
    .join('; ');
  const total = roundHalfAway(last.ikm - first.ikm, 2);
  const span = `${first.year}-${last.year}`;
  if (d === 'stabil')
    return `Nilai IKM ${who} tahun ${span} tetap ${id2(first.ikm)} (perubahan per tahun: ${steps}).`;
  return `Nilai IKM ${who} tahun ${span} ${verb(
    d,
    p.slice(1).map((x) => x.change as number),
  )}, dari ${id2(first.ikm)} pada tahun ${first.year} menjadi ${id2(last.ikm)} pada tahun ${last.year} (${net(total)}; perubahan per tahun: ${steps}).`;
}
