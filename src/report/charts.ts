/**
 * The report's three charts as SVG text, built in code from the figures the
 * report prints. Pure (strings in, strings out): Node renders them to PNG
 * with resvg (render-node.ts), the task pane with a canvas.
 */
import type { DistrictLine } from '../engine/district';
import type { Summary, YearPoint } from '../engine/summary';
import { count, id2 } from './format';
import { printedPoints } from './trend';

export interface Chart {
  kind: 'trend' | 'categories' | 'unsur';
  title: string;
  svg: string;
  /** Size in CSS pixels (96 per inch), as the picture is placed in the document. */
  width: number;
  height: number;
}

const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
const INK = '#1f2937';
const GRID = '#d1d5db';
const BAR = '#2563eb';
const MARK = '#dc2626';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fmt = (x: number) => Math.round(x * 100) / 100;

function textEl(
  x: number,
  y: number,
  s: string,
  o: { size?: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string } = {},
): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" font-family="${FONT}" font-size="${o.size ?? 12}"${
    o.bold ? ' font-weight="bold"' : ''
  } text-anchor="${o.anchor ?? 'start'}" fill="${o.fill ?? INK}">${esc(s)}</text>`;
}

function frame(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    textEl(width / 2, 22, title, { size: 14, anchor: 'middle', bold: true }),
    ...body,
    '</svg>',
  ].join('\n');
}

/** Round axis bounds and steps around [lo, hi]: 1, 2 or 5 times a power of ten. */
export function axis(
  lo: number,
  hi: number,
  ticks = 5,
): { min: number; max: number; step: number } {
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const raw = (hi - lo) / ticks;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

function yGrid(
  left: number,
  right: number,
  y: (v: number) => number,
  a: ReturnType<typeof axis>,
): string[] {
  const out: string[] = [];
  for (let v = a.min; v <= a.max + a.step / 2; v += a.step) {
    out.push(
      `<line x1="${left}" y1="${fmt(y(v))}" x2="${right}" y2="${fmt(y(v))}" stroke="${GRID}" stroke-width="1"/>`,
    );
    out.push(textEl(left - 6, y(v) + 4, id2(v).replace(/,00$/, ''), { size: 11, anchor: 'end' }));
  }
  return out;
}

/** The district IKM per year: a line with each printed value above its point. */
export function trendChart(points: readonly YearPoint[], width = 560, height = 300): Chart {
  const p = printedPoints(points);
  const left = 56;
  const right = width - 24;
  const top = 44;
  const bottom = height - 40;
  const a = axis(Math.min(...p.map((x) => x.ikm)) - 1, Math.max(...p.map((x) => x.ikm)) + 1);
  const y = (v: number) => bottom - ((v - a.min) / (a.max - a.min)) * (bottom - top);
  const x = (i: number) =>
    p.length === 1 ? (left + right) / 2 : left + 30 + (i * (right - left - 60)) / (p.length - 1);
  const body = yGrid(left, right, y, a);
  body.push(
    `<polyline fill="none" stroke="${BAR}" stroke-width="3" points="${p.map((q, i) => `${fmt(x(i))},${fmt(y(q.ikm))}`).join(' ')}"/>`,
  );
  p.forEach((q, i) => {
    body.push(`<circle cx="${fmt(x(i))}" cy="${fmt(y(q.ikm))}" r="5" fill="${BAR}"/>`);
    body.push(textEl(x(i), y(q.ikm) - 10, id2(q.ikm), { size: 12, anchor: 'middle', bold: true }));
    body.push(textEl(x(i), bottom + 20, String(q.year), { size: 12, anchor: 'middle' }));
  });
  return {
    kind: 'trend',
    title: 'Tren IKM',
    svg: frame(width, height, 'Tren Indeks Kepuasan Masyarakat', body),
    width,
    height,
  };
}

/** Units per category (A-D): columns with their counts. */
export function categoryChart(categories: Summary['categories'], width = 560, height = 300): Chart {
  const left = 56;
  const right = width - 24;
  const top = 44;
  const bottom = height - 56;
  // Room above the tallest column for its count.
  const a = axis(0, Math.max(1, ...categories.map((c) => c.units)) * 1.12);
  const y = (v: number) => bottom - ((v - a.min) / (a.max - a.min)) * (bottom - top);
  const slot = (right - left) / categories.length;
  const body = yGrid(left, right, y, { ...a, min: 0 });
  categories.forEach((c, i) => {
    const x0 = left + i * slot + slot * 0.2;
    const w = slot * 0.6;
    body.push(
      `<rect x="${fmt(x0)}" y="${fmt(y(c.units))}" width="${fmt(w)}" height="${fmt(bottom - y(c.units))}" fill="${BAR}"/>`,
    );
    body.push(textEl(x0 + w / 2, y(c.units) - 6, count(c.units), { anchor: 'middle', bold: true }));
    body.push(textEl(x0 + w / 2, bottom + 18, c.grade, { anchor: 'middle', bold: true }));
    body.push(
      textEl(x0 + w / 2, bottom + 34, c.label.replace(/^[A-D]\s*\(|\)$/g, ''), {
        size: 11,
        anchor: 'middle',
      }),
    );
  });
  return {
    kind: 'categories',
    title: 'Unit per kategori',
    svg: frame(width, height, 'Jumlah Unit Pelayanan menurut Kategori', body),
    width,
    height,
  };
}

/** The nine unsur of the district line: horizontal bars, the lowest in red. */
export function unsurChart(district: DistrictLine, width = 600, height = 330): Chart {
  const u = district.unsur.filter((x) => Number.isFinite(x.value));
  const lowest = new Set(district.lowest.map((l) => l.code));
  const labelW = 292;
  const left = labelW + 8;
  const right = width - 48;
  const top = 44;
  const bottom = height - 28;
  const a = axis(
    Math.min(...u.map((x) => x.value)) - 2,
    Math.min(100, Math.max(...u.map((x) => x.value))),
  );
  const x = (v: number) => left + ((v - a.min) / (a.max - a.min)) * (right - left);
  const slot = (bottom - top) / Math.max(1, u.length);
  const body: string[] = [];
  for (let v = a.min; v <= a.max + a.step / 2; v += a.step) {
    body.push(
      `<line x1="${fmt(x(v))}" y1="${top}" x2="${fmt(x(v))}" y2="${bottom}" stroke="${GRID}" stroke-width="1"/>`,
    );
    body.push(
      textEl(x(v), bottom + 16, id2(v).replace(/,00$/, ''), { size: 11, anchor: 'middle' }),
    );
  }
  u.forEach((row, i) => {
    const y0 = top + i * slot + slot * 0.18;
    const h = slot * 0.64;
    const fill = lowest.has(row.code) ? MARK : BAR;
    body.push(
      `<rect x="${left}" y="${fmt(y0)}" width="${fmt(Math.max(0, x(row.value) - left))}" height="${fmt(h)}" fill="${fill}"/>`,
    );
    body.push(
      textEl(left - 6, y0 + h / 2 + 4, `${row.code} ${row.name}`, { size: 11, anchor: 'end' }),
    );
    body.push(
      textEl(x(row.value) + 4, y0 + h / 2 + 4, id2(row.value), {
        size: 11,
        bold: lowest.has(row.code),
      }),
    );
  });
  return {
    kind: 'unsur',
    title: 'Nilai per unsur',
    svg: frame(width, height, 'Nilai Rata-rata per Unsur', body),
    width,
    height,
  };
}
