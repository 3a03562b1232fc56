/**
 * What the reader met in a file that the grids alone do not show: damaged or odd content it read
 * anyway, or left out. Each note says where and how much, in both languages, so that nothing is
 * read wrong or dropped in silence (issue 15).
 */
import type { Text } from '../engine/messages';

export type ReadNoteCode =
  | 'part-missing'
  | 'shared-string-out-of-range'
  | 'shared-strings-short'
  | 'bad-row-number'
  | 'bad-cell-ref'
  | 'odd-cell-ref'
  | 'duplicate-cell'
  | 'formula-without-value'
  | 'full-calc-on-load'
  | 'merge-dropped';

export interface ReadNote {
  code: ReadNoteCode;
  /** The sheet concerned, or null for the workbook. */
  sheet: string | null;
  /** How many cells, rows, items or areas. */
  count: number;
  /** The first cell or value met, as written. */
  example: string | null;
  message: Text;
}

const q = (s: string) => `"${s}"`;

export const readNotes = {
  partMissing: (sheet: string, part: string): ReadNote => ({
    code: 'part-missing',
    sheet,
    count: 1,
    example: part,
    message: {
      id: `Lembar ${q(sheet)} tidak dibaca: bagian ${part} yang disebut buku kerja tidak ada dalam berkas (berkas rusak).`,
      en: `Sheet ${q(sheet)} was not read: its part ${part}, named by the workbook, is missing from the file (a damaged file).`,
    },
  }),
  sharedStringOutOfRange: (sheet: string, count: number, cell: string, size: number): ReadNote => ({
    code: 'shared-string-out-of-range',
    sheet,
    count,
    example: cell,
    message: {
      id: `Lembar ${q(sheet)}: ${count} sel (mis. ${cell}) merujuk teks bersama di luar tabel teks (${size} butir); sel itu dibaca kosong (berkas rusak).`,
      en: `Sheet ${q(sheet)}: ${count} cells (e.g. ${cell}) point to a shared text beyond the table of texts (${size} items); they read blank (a damaged file).`,
    },
  }),
  sharedStringsShort: (declared: number, found: number): ReadNote => ({
    code: 'shared-strings-short',
    sheet: null,
    count: declared - found,
    example: null,
    message: {
      id: `Tabel teks bersama menyatakan ${declared} butir tetapi hanya memuat ${found} (berkas rusak): sel yang merujuk butir yang hilang dibaca kosong.`,
      en: `The shared-text table declares ${declared} items but holds ${found} (a damaged file): cells pointing to the missing items read blank.`,
    },
  }),
  badRowNumber: (sheet: string, count: number, raw: string, cells: number): ReadNote => ({
    code: 'bad-row-number',
    sheet,
    count,
    example: raw,
    message: {
      id: `Lembar ${q(sheet)}: ${count} baris bernomor tidak sah (mis. ${q(raw)}) dilewati beserta ${cells} selnya (berkas rusak).`,
      en: `Sheet ${q(sheet)}: ${count} rows with an invalid number (e.g. ${q(raw)}) were left out with their ${cells} cells (a damaged file).`,
    },
  }),
  badCellRef: (sheet: string, count: number, raw: string): ReadNote => ({
    code: 'bad-cell-ref',
    sheet,
    count,
    example: raw,
    message: {
      id: `Lembar ${q(sheet)}: ${count} sel beralamat tidak sah (mis. ${q(raw)}) dilewati (berkas rusak).`,
      en: `Sheet ${q(sheet)}: ${count} cells with an invalid address (e.g. ${q(raw)}) were left out (a damaged file).`,
    },
  }),
  oddCellRef: (sheet: string, count: number, raw: string): ReadNote => ({
    code: 'odd-cell-ref',
    sheet,
    count,
    example: raw,
    message: {
      id: `Lembar ${q(sheet)}: ${count} sel ditulis dengan alamat tidak baku (mis. ${q(raw)}, huruf kecil atau $); dibaca pada alamat yang dimaksud.`,
      en: `Sheet ${q(sheet)}: ${count} cells are written with a non-standard address (e.g. ${q(raw)}, lower case or $); read at the address meant.`,
    },
  }),
  duplicateCell: (sheet: string, count: number, cell: string): ReadNote => ({
    code: 'duplicate-cell',
    sheet,
    count,
    example: cell,
    message: {
      id: `Lembar ${q(sheet)}: ${count} sel tertulis dua kali (mis. ${cell}); nilai terakhir yang dipakai (berkas rusak).`,
      en: `Sheet ${q(sheet)}: ${count} cells are written twice (e.g. ${cell}); the last value is used (a damaged file).`,
    },
  }),
  formulaWithoutValue: (sheet: string, count: number, cell: string): ReadNote => ({
    code: 'formula-without-value',
    sheet,
    count,
    example: cell,
    message: {
      id: `Lembar ${q(sheet)}: ${count} rumus tanpa hasil tersimpan (mis. ${cell}); sel itu dibaca kosong.`,
      en: `Sheet ${q(sheet)}: ${count} formulas without a stored result (e.g. ${cell}); those cells read blank.`,
    },
  }),
  fullCalcOnLoad: (): ReadNote => ({
    code: 'full-calc-on-load',
    sheet: null,
    count: 1,
    example: null,
    message: {
      id: 'Buku kerja meminta Excel menghitung ulang semua rumus saat dibuka (fullCalcOnLoad): nilai tersimpan mungkin belum mutakhir.',
      en: 'The workbook asks Excel to recompute every formula when opened (fullCalcOnLoad): the stored values may be out of date.',
    },
  }),
  mergeDropped: (sheet: string, count: number, raw: string): ReadNote => ({
    code: 'merge-dropped',
    sheet,
    count,
    example: raw,
    message: {
      id: `Lembar ${q(sheet)}: ${count} area gabungan tidak sah (mis. ${q(raw)}) diabaikan.`,
      en: `Sheet ${q(sheet)}: ${count} invalid merged areas (e.g. ${q(raw)}) were ignored.`,
    },
  }),
};

/** The one-line message when a sheet was saved without computed values (issue 15, item 12). */
export function noComputedValues(sheet: string, count: number, cell: string): Text {
  return {
    id: `Lembar "${sheet}" berisi ${count} rumus tanpa hasil tersimpan (mis. ${cell}): berkas ini disimpan tanpa nilai hasil perhitungan (misalnya dibuat oleh program lain). Buka dan simpan berkas di Excel, lalu periksa lagi.`,
    en: `Sheet "${sheet}" holds ${count} formulas without a stored result (e.g. ${cell}): this file was saved without computed values (for example by another program). Open and save it in Excel, then check again.`,
  };
}
