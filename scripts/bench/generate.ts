/**
 * A deterministic generator of recap workbooks in the Banjar layout, for the
 * benchmark: units of a province or of the whole country, two lines per
 * record, multi-period units, and a few percent of faulty records.
 */
import ExcelJS from 'exceljs';
import type { Area } from '../../src/engine/address';
import type { SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import { category } from '../../src/engine/scores';
import { UNSUR } from '../../src/engine/unsur';
import { eachMerge } from '../../src/engine/merges';

// exceljs's own range class, which its streaming writer expects in its merge list.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Dimensions = require('exceljs/lib/doc/range') as new (
  top: number,
  left: number,
  bottom: number,
  right: number,
) => unknown;

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADER_1 = [
  'NO',
  'Unit Pelayanan Publik (UPP)',
  'Periode Survei',
  'Jenis Layanan',
  'Nilai Per Unsur',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'IKM',
  'Kategori',
  'Jumlah Responden',
  'Metode SKM',
  'Unsur Perbaikan',
  'Rencana Tindak Lanjut',
  'Realisasi Tindak Lanjut Periode Sebelumnya (%)',
];
export const HEADER_2 = ['', '', '', '', ...UNSUR.map((u) => u.short), '', '', '', '', '', '', ''];
const COLS = HEADER_1.length;

export interface Generated {
  grid: SheetGrid;
  units: number;
  records: number;
  faulty: number;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** A recap of `units` units; `faultRate` of the records carry one typical mistake. */
export function generateRecap(units: number, seed = 2025, faultRate = 0.03): Generated {
  const rnd = prng(seed);
  const values: CellValue[][] = [];
  const merges: Area[] = [];
  const formats: (string | null)[][] = [];
  const push = (row: CellValue[], fmt: (string | null)[] = []) => {
    values.push(row);
    formats.push(fmt);
  };
  push(['REKAPITULASI HASIL PELAKSANAAN SKM OPP', ...new Array(COLS - 1).fill('')]);
  push(['LINGKUP PEMERINTAH PROVINSI CONTOH TAHUN 2025', ...new Array(COLS - 1).fill('')]);
  push(new Array(COLS).fill(''));
  push([...HEADER_1]);
  push([...HEADER_2]);
  merges.push(
    { top: 1, left: 1, bottom: 1, right: COLS },
    { top: 2, left: 1, bottom: 2, right: COLS },
    { top: 4, left: 5, bottom: 4, right: 13 },
  );
  for (const c of [1, 2, 3, 4, 14, 15, 16, 17, 18, 19, 20])
    merges.push({ top: 4, left: c, bottom: 5, right: c });

  let records = 0;
  let faulty = 0;
  const periodsOf = (r: number): string[] =>
    r < 0.7
      ? ['Tahunan']
      : r < 0.95
        ? ['Tahunan', 'Semester I', 'Semester II']
        : ['Tahunan', 'Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV'];
  for (let u = 1; u <= units; u++) {
    const unitTop = values.length + 1;
    const periods = periodsOf(rnd());
    const base = UNSUR.map(() => 2.9 + rnd() * 1.05);
    const periodNrr = periods
      .slice(1)
      .map(() => base.map((b) => Math.min(4, Math.max(1, round(b + (rnd() - 0.5) * 0.2, 3)))));
    const periodConv = periodNrr.map((nrr) => nrr.map((v) => round(v * 25, 2)));
    const periodResp = periodNrr.map(() => 50 + Math.floor(rnd() * 450));
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    for (let p = 0; p < periods.length; p++) {
      // A Tahunan record over periods is the mean of their values, unsur by unsur (skm-rules.md §6).
      const combined = p === 0 && periods.length > 1;
      const nrr = combined
        ? base.map((_, i) => round(mean(periodNrr.map((v) => v[i])), 3))
        : p === 0
          ? base.map((b) => round(b, 3))
          : periodNrr[p - 1];
      let conv = combined
        ? base.map((_, i) => round(mean(periodConv.map((v) => v[i])), 2))
        : p === 0
          ? nrr.map((v) => round(v * 25, 2))
          : periodConv[p - 1];
      let ikm = round(conv.reduce((s, v) => s + v, 0) / 9, 2);
      let cat = category(ikm).label;
      let nrrLine: CellValue[] = nrr;
      const respondents = combined
        ? periodResp.reduce((s, v) => s + v, 0)
        : p === 0
          ? 50 + Math.floor(rnd() * 450)
          : periodResp[p - 1];
      const lowest = conv
        .map((v, i) => ({ v, i }))
        .sort((x, y) => x.v - y.v)
        .slice(0, 2)
        .map((x, k) => `${k + 1}. ${UNSUR[x.i].name}`)
        .join('\n');
      records++;
      if (rnd() < faultRate) {
        faulty++;
        const kind = Math.floor(rnd() * 4);
        if (kind === 0) ikm = round(ikm * 0.999, 2);
        else if (kind === 1) cat = ikm >= 88.31 ? 'B (Baik)' : 'A (Sangat Baik)';
        else if (kind === 2) conv = [conv[1], conv[0], ...conv.slice(2)];
        else nrrLine = nrr.map((v) => String(v).replace('.', ','));
      }
      const top = values.length + 1;
      const first: CellValue[] = new Array(COLS).fill('');
      if (p === 0) {
        first[0] = u;
        first[1] = `UNIT PELAYANAN ${u}`;
      }
      first[2] = periods[p];
      first[3] = `Layanan ${u}.${p + 1}`;
      nrrLine.forEach((v, i) => (first[4 + i] = v));
      first[13] = ikm;
      first[14] = cat;
      first[15] = respondents;
      first[16] = 'Manual dan Online';
      first[17] = lowest;
      first[18] = '1. Waktu penyelesaian: mempercepat layanan';
      first[19] = round(0.5 + rnd() * 0.5, 2);
      const fmt: (string | null)[] = new Array(COLS).fill(null);
      fmt[19] = '0%';
      push(first, fmt);
      const second: CellValue[] = new Array(COLS).fill('');
      conv.forEach((v, i) => (second[4 + i] = v));
      push(second, fmt);
      for (const c of [3, 4, 14, 15, 16, 17, 18, 19, 20])
        merges.push({ top, left: c, bottom: top + 1, right: c });
    }
    const unitBottom = values.length;
    merges.push(
      { top: unitTop, left: 1, bottom: unitBottom, right: 1 },
      { top: unitTop, left: 2, bottom: unitBottom, right: 2 },
    );
  }
  push(['RATA-RATA PROVINSI', ...new Array(COLS - 1).fill('')]);
  return {
    grid: { name: 'Rekap SKM', values, merges, formats, origin: { row: 1, col: 1 } },
    units,
    records,
    faulty,
  };
}

/** Writes a generated recap as .xlsx with exceljs's streaming writer (large sizes fit in memory). */
export async function writeRecapXlsx(g: Generated, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet(g.grid.name);
  // The streaming writer checks each merge against all earlier ones (quadratic); the generator's
  // merges never overlap, so they go straight into the list it writes out.
  const merges = (ws as unknown as { _merges: unknown[] })._merges;
  eachMerge(g.grid.merges, (top, left, bottom, right) =>
    merges.push(new Dimensions(top, left, bottom, right)),
  );
  g.grid.values.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      const cell = r.getCell(j + 1);
      cell.value = v as ExcelJS.CellValue;
      const f = g.grid.formats?.[i]?.[j];
      if (f) cell.numFmt = f;
    });
    r.commit();
  });
  await ws.commit();
  await wb.commit();
}
