/**
 * The "Ringkasan SKM" sheet as data: the cells to write and the charts to
 * make, so the checker (exceljs, no charts) and the add-in (Office.js, with
 * native charts) lay out the same sheet.
 */
import { a1 } from './address';
import { cellAt } from './grid';
import type { Level } from './messages';
import type { SheetGrid } from './model';
import { category } from './scores';
import type { Summary } from './summary';
import { reasonText } from './summary';

export const SUMMARY_SHEET = 'Ringkasan SKM';
/** The second line of every summary sheet we write: how a later run knows the sheet is ours. */
export const SUMMARY_MARK =
  'Disusun otomatis oleh SKM Rekap dari lembar rekap; setiap angka dihitung, periksa sebelum dipakai.';

/** Whether a sheet is a summary we wrote (its A2 holds our mark), and so may be replaced. */
export function isOwnSummary(grid: SheetGrid): boolean {
  const v = cellAt(grid, 2, 1);
  return typeof v === 'string' && v.trim() === SUMMARY_MARK;
}

/**
 * The name for the summary: "Ringkasan SKM" to replace our own earlier one, else the first free
 * "Ringkasan SKM (n)" when the name is taken by a sheet we did not write (Excel's names ignore case).
 */
export function summarySheetName(sheets: { name: string; ours: boolean }[]): {
  name: string;
  replaces: boolean;
} {
  const key = (n: string) => n.toLocaleLowerCase('en');
  const taken = new Map(sheets.map((s) => [key(s.name), s.ours]));
  for (let n = 1; ; n++) {
    const name = n === 1 ? SUMMARY_SHEET : `${SUMMARY_SHEET} (${n})`;
    const ours = taken.get(key(name));
    if (ours === undefined) return { name, replaces: false };
    if (ours) return { name, replaces: true };
  }
}

export interface SummaryCell {
  row: number;
  col: number;
  value: string | number;
  format?: string;
  style?: 'title' | 'heading' | 'header';
}

export interface ChartSpec {
  kind: 'unsur' | 'categories' | 'trend';
  /** Excel.ChartType name. */
  type: 'BarClustered' | 'ColumnClustered' | 'Line';
  title: string;
  /** The data: a column of labels and a column of values, header included. */
  data: string;
  /** Where the chart's top-left corner goes. */
  anchor: string;
  /** Zero-based index of the point to mark (the lowest unsur). */
  highlight: number | null;
}

export interface SummaryLayout {
  sheet: string;
  cells: SummaryCell[];
  charts: ChartSpec[];
  /** Column widths in characters, by column number. */
  widths: Record<number, number>;
}

const LEVEL_TITLE: Record<Level, string> = {
  kabupaten: 'Kabupaten',
  kota: 'Kota',
  provinsi: 'Provinsi',
  nasional: 'Nasional',
};

export function summaryLayout(s: Summary, sheet: string = SUMMARY_SHEET): SummaryLayout {
  const cells: SummaryCell[] = [];
  const charts: ChartSpec[] = [];
  let row = 1;
  const put = (r: number, c: number, value: string | number, extra: Partial<SummaryCell> = {}) =>
    cells.push({ row: r, col: c, value, ...extra });
  const heading = (text: string) => {
    row += 1;
    put(row, 1, text, { style: 'heading' });
    row += 1;
  };
  const header = (...texts: string[]) => {
    texts.forEach((t, i) => put(row, i + 1, t, { style: 'header' }));
    row += 1;
  };
  const d = s.district;
  const level = LEVEL_TITLE[d.level];

  put(
    row,
    1,
    `RINGKASAN HASIL SURVEI KEPUASAN MASYARAKAT${s.region ? ` ${s.region.toUpperCase()}` : ''}${s.year ? ` TAHUN ${s.year}` : ''}`,
    { style: 'title' },
  );
  row += 1;
  put(row, 1, SUMMARY_MARK);
  row += 1;

  heading(`A. Rata-rata ${level}`);
  header('Kode', 'Unsur', 'Nilai');
  const unsurTop = row - 1;
  for (const u of d.unsur) {
    put(row, 1, u.code);
    put(row, 2, u.name);
    if (Number.isFinite(u.value)) put(row, 3, u.value, { format: '0.00' });
    row += 1;
  }
  const lowestIndex =
    d.lowest.length > 0 ? d.unsur.findIndex((u) => u.code === d.lowest[0].code) : null;
  charts.push({
    kind: 'unsur',
    type: 'BarClustered',
    title: `Nilai per unsur, rata-rata ${level.toLowerCase()}`,
    data: `B${unsurTop}:C${row - 1}`,
    anchor: 'F4',
    highlight: lowestIndex,
  });
  if (d.ikm !== null) {
    put(row, 2, 'IKM', { style: 'header' });
    put(row, 3, d.ikm, { format: '0.00' });
    row += 1;
    put(row, 2, 'Kategori', { style: 'header' });
    put(row, 3, category(d.ikm).label);
    row += 1;
  }
  if (d.realisation !== null) {
    put(row, 2, 'Realisasi tindak lanjut', { style: 'header' });
    put(row, 3, d.realisation / 100, { format: '0.00%' });
    row += 1;
  }

  heading('B. Unit menurut kategori');
  header('Kategori', 'Jumlah unit', 'Persentase');
  const catTop = row - 1;
  for (const c of s.categories) {
    put(row, 1, c.label);
    put(row, 2, c.units);
    put(row, 3, c.share, { format: '0.0%' });
    row += 1;
  }
  charts.push({
    kind: 'categories',
    type: 'ColumnClustered',
    title: 'Sebaran unit menurut kategori',
    data: `A${catTop}:B${row - 1}`,
    anchor: 'F22',
    highlight: null,
  });

  heading('C. Unit yang tidak masuk rata-rata');
  header('No', 'Unit', 'Alasan');
  if (s.excluded.length === 0) put(row++, 2, 'Tidak ada.');
  for (const e of s.excluded) {
    put(row, 1, e.no ?? '');
    put(row, 2, e.name);
    put(row, 3, reasonText(e.reason));
    row += 1;
  }

  heading('D. Sepuluh unit dengan IKM terendah');
  header('No', 'Unit', 'IKM', 'Kategori');
  for (const u of s.lowestUnits) {
    put(row, 1, u.no ?? '');
    put(row, 2, u.name);
    put(row, 3, u.ikm, { format: '0.00' });
    put(row, 4, u.grade);
    row += 1;
  }

  heading('E. Unit yang masih memiliki galat');
  header('No', 'Unit', 'Jumlah galat');
  if (s.unitsWithErrors.length === 0) put(row++, 2, 'Tidak ada.');
  for (const u of s.unitsWithErrors) {
    put(row, 1, u.no ?? '');
    put(row, 2, u.name);
    put(row, 3, u.errors);
    row += 1;
  }

  heading('F. Temuan');
  header('Temuan', 'Unsur', 'Nilai / jumlah OPP');
  for (const u of d.lowest) {
    put(row, 1, 'Unsur terendah');
    put(row, 2, u.name);
    put(row, 3, u.value, { format: '0.00' });
    row += 1;
  }
  for (const u of d.mostPrioritised) {
    put(row, 1, 'Paling banyak diprioritaskan');
    put(row, 2, u.name);
    put(row, 3, u.units);
    row += 1;
  }

  heading('G. Pelaporan');
  put(row, 1, 'Daftar unit');
  put(row, 2, `lembar "${s.reporting.source}"`);
  row += 1;
  header('Pelaksanaan', 'Jumlah unit', 'Laporan diharapkan', 'Laporan ada');
  for (const r of s.reporting.byRhythm) {
    put(row, 1, r.rhythm);
    put(row, 2, r.units);
    put(row, 3, r.expected);
    put(row, 4, r.present);
    row += 1;
  }
  put(row, 1, 'Jumlah', { style: 'header' });
  put(row, 2, s.reporting.listed);
  put(row, 3, s.reporting.expectedReports);
  put(row, 4, s.reporting.presentReports);
  row += 1;
  put(row, 1, 'Unit yang melapor');
  put(row, 2, s.reporting.withData);
  row += 1;

  if (s.trend.points.length >= 2) {
    heading('H. Tren IKM');
    header('Tahun', 'IKM', 'Kategori', 'Perubahan');
    const trendTop = row - 1;
    for (const p of s.trend.points) {
      put(row, 1, String(p.year));
      put(row, 2, p.ikm, { format: '0.00' });
      put(row, 3, p.category);
      if (p.change !== null) put(row, 4, p.change, { format: '+0.00;-0.00;0.00' });
      row += 1;
    }
    charts.push({
      kind: 'trend',
      type: 'Line',
      title: 'Tren IKM',
      data: `A${trendTop}:B${row - 1}`,
      anchor: 'F40',
      highlight: null,
    });
  }

  heading('KESIMPULAN');
  s.kesimpulan.forEach((k, i) => {
    put(row, 1, `${i + 1}.`);
    put(row, 2, k);
    row += 1;
  });
  return { sheet, cells, charts, widths: { 1: 14, 2: 60, 3: 14, 4: 14 } };
}

export function cellAddress(c: { row: number; col: number }): string {
  return a1(c.row, c.col);
}
