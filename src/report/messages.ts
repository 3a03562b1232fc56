/**
 * What `skm-rekap laporan` says, in Bahasa Indonesia (id) and English (en).
 * The document itself is in Bahasa Indonesia: it is the report staff sign.
 */
import type { Text } from '../engine/messages';

export const LAPORAN_USAGE: Text = {
  id: `Pemakaian:
  skm-rekap laporan BERKAS.xlsx --out LAPORAN.docx [--sheet NAMA] [--lang id|en] [--abaikan-galat]

  laporan          menyusun Laporan SKM tahunan (.docx) dari rekap yang telah diperiksa
  --out            berkas .docx yang ditulis
  --sheet          nama lembar yang memuat tabel rekap (bawaan: dicari otomatis)
  --lang           bahasa pesan: id (bawaan) atau en
  --abaikan-galat  tanpa catatan galat di halaman pertama walaupun rekap masih memuat galat

Tempat, tanggal dan penanda tangan diambil dari lembar "Pengaturan Laporan" (baris kunci/nilai) bila ada.
Kode keluar: 0 tanpa galat, 1 rekap masih memuat galat (laporan tetap ditulis), 2 berkas tidak dapat dibaca atau ditulis.
`,
  en: `Usage:
  skm-rekap laporan FILE.xlsx --out REPORT.docx [--sheet NAME] [--lang id|en] [--abaikan-galat]

  laporan          drafts the annual SKM report (.docx) from the checked recap
  --out            the .docx file to write
  --sheet          the sheet holding the recap table (default: found automatically)
  --lang           message language: id (default) or en
  --abaikan-galat  no note on the first page even though the recap still has errors

Place, date and signer come from a sheet "Pengaturan Laporan" (key/value rows) where there is one.
Exit codes: 0 no errors, 1 the recap still has errors (the report is written all the same), 2 the file cannot be read or written.
`,
};

export const R = {
  badOption: (why: string): Text => ({
    id: `Opsi tidak dapat dibaca: ${why}`,
    en: `Options cannot be read: ${why}`,
  }),
  noFile: (): Text => ({
    id: 'Sebutkan berkas .xlsx rekap yang akan dijadikan laporan.',
    en: 'Name the .xlsx recap to draft the report from.',
  }),
  tooManyFiles: (extra: string): Text => ({
    id: `Hanya satu berkas rekap yang dapat dibaca; "${extra}" berlebih.`,
    en: `Only one recap file can be read; "${extra}" is one too many.`,
  }),
  noOut: (): Text => ({
    id: 'Sebutkan berkas laporan dengan --out LAPORAN.docx.',
    en: 'Name the report file with --out REPORT.docx.',
  }),
  outNotDocx: (f: string): Text => ({
    id: `Berkas laporan "${f}" harus berakhiran .docx.`,
    en: `The report file "${f}" must end in .docx.`,
  }),
  notFound: (f: string): Text => ({
    id: `Berkas "${f}" tidak ditemukan.`,
    en: `File "${f}" not found.`,
  }),
  unreadable: (f: string, why: string): Text => ({
    id: `Berkas "${f}" tidak dapat dibaca sebagai buku kerja .xlsx (${why}).`,
    en: `File "${f}" cannot be read as an .xlsx workbook (${why}).`,
  }),
  cannotBuild: (why: string): Text => ({
    id: `Laporan tidak dapat disusun (${why}).`,
    en: `The report cannot be drafted (${why}).`,
  }),
  cannotWrite: (f: string, why: string): Text => ({
    id: `Laporan "${f}" tidak dapat ditulis (${why}).`,
    en: `The report "${f}" cannot be written (${why}).`,
  }),
  written: (f: string): Text => ({
    id: `Laporan SKM ditulis ke ${f}`,
    en: `SKM report written to ${f}`,
  }),
  errorsNoted: (n: number): Text => ({
    id: `Rekap masih memuat ${n} galat: halaman pertama laporan memuat catatannya (lihat dengan skm-rekap check).`,
    en: `The recap still has ${n} errors: the report's first page carries a note on them (see them with skm-rekap check).`,
  }),
  errorsIgnored: (n: number): Text => ({
    id: `Rekap masih memuat ${n} galat; catatan di halaman pertama dihilangkan (--abaikan-galat).`,
    en: `The recap still has ${n} errors; the note on the first page was left out (--abaikan-galat).`,
  }),
  placeholders: (n: number): Text => ({
    id: `${n} isian (ditandai kuning) perlu dilengkapi sebelum laporan ditandatangani; isi lembar "Pengaturan Laporan" untuk mengisinya otomatis.`,
    en: `${n} fields (highlighted yellow) must be filled in before the report is signed; fill the sheet "Pengaturan Laporan" to have them filled automatically.`,
  }),
  badSetting: (sheet: string, cell: string, key: string, value: string): Text => ({
    id: `Lembar "${sheet}", sel ${cell}: nilai "${value}" untuk "${key}" tidak dapat dipakai (${HINT_ID[hintOf(key)]}); laporan memakai isian kosong.`,
    en: `Sheet "${sheet}", cell ${cell}: the value "${value}" for "${key}" cannot be used (${HINT_EN[hintOf(key)]}); the report leaves the field to fill in.`,
  }),
};

type Hint = 'nip' | 'date' | 'year' | 'region' | 'text';
function hintOf(key: string): Hint {
  const k = key.toLowerCase();
  if (k.includes('nip')) return 'nip';
  if (k.includes('tanggal')) return 'date';
  if (k.includes('tahun')) return 'year';
  if (/wilayah|daerah/.test(k)) return 'region';
  return 'text';
}
const HINT_ID: Record<Hint, string> = {
  nip: 'NIP terdiri atas 18 angka',
  date: 'tulis tanggal seperti 30 November 2025 atau 30/11/2025',
  year: 'tahun empat angka, misalnya 2025',
  region: 'tulis seperti "Kabupaten Banjar" atau "Kota Samarinda"',
  text: 'isian kosong',
};
const HINT_EN: Record<Hint, string> = {
  nip: 'an NIP has 18 digits',
  date: 'write the date as 30 November 2025 or 30/11/2025',
  year: 'a four-digit year such as 2025',
  region: 'write it as "Kabupaten Banjar" or "Kota Samarinda"',
  text: 'empty',
};
