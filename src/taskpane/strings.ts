/**
 * The task pane's words, in Bahasa Indonesia and English (chosen from
 * Office's display language).
 */
import { formatEn, formatId } from '../engine/numbers';
import type { Lang, Text } from '../engine/messages';

export const ui = {
  sheetProtected: (): Text => ({
    id: 'Lembar ini dilindungi (protected). Buka perlindungan lembar dulu, lalu ulangi.',
    en: 'This sheet is protected. Unprotect it first, then try again.',
  }),
  sheetTooLarge: (sheet: string, cells: number): Text => ({
    id: `Lembar "${sheet}" terlalu besar untuk diperiksa (${formatId(cells, 0)} sel).`,
    en: `Sheet "${sheet}" is too large to check (${formatEn(cells, 0)} cells).`,
  }),
  excelError: (detail: string): Text => ({
    id: `Excel menolak permintaan: ${detail}`,
    en: `Excel refused the request: ${detail}`,
  }),
  noTable: (): Text => ({
    id: 'Tidak ada lembar yang memuat tabel rekap SKM.',
    en: 'No sheet holds an SKM recap table.',
  }),
  changedSinceRead: (sheet: string, cell: string): Text => ({
    id: `Lembar "${sheet}" berubah sejak divalidasi (misalnya sel ${cell}, mungkin oleh rekan yang sedang menyunting). Tidak ada yang ditulis. Klik "Validasi Rekap" lagi, lalu ulangi.`,
    en: `Sheet "${sheet}" changed since it was validated (for example cell ${cell}, perhaps by a co-author). Nothing was written. Click "Validasi Rekap" again, then retry.`,
  }),
  nothingToUndo: (kind: 'marks' | 'formulas' | 'average'): Text =>
    ({
      marks: {
        id: 'Belum ada tanda dari SKM Rekap pada lembar ini.',
        en: 'There are no SKM Rekap marks on this sheet.',
      },
      formulas: {
        id: 'Belum ada kolom rumus dari SKM Rekap pada lembar ini.',
        en: 'There are no SKM Rekap formula columns on this sheet.',
      },
      average: {
        id: 'Belum ada baris rata-rata yang ditulis SKM Rekap pada lembar ini.',
        en: 'SKM Rekap has not written an average line on this sheet.',
      },
    })[kind],
  unsurNotContiguous: (): Text => ({
    id: 'Kolom rumus memerlukan sembilan kolom unsur yang bersebelahan.',
    en: 'Formula columns need the nine unsur columns side by side.',
  }),
  sentenceLabel: (lang: Lang) => (lang === 'en' ? 'Sentence' : 'Kalimat'),
  labelLabel: (lang: Lang) => (lang === 'en' ? 'Label' : 'Label'),
};

/** Static labels of the pane. Button labels stay in Indonesian in both languages: they are the names staff learn. */
export const labels = {
  validate: { id: 'Validasi Rekap', en: 'Validasi Rekap' },
  mark: { id: 'Tandai di Lembar', en: 'Tandai di Lembar' },
  unmark: { id: 'Hapus Tanda', en: 'Hapus Tanda' },
  formulas: { id: 'Kolom Rumus', en: 'Kolom Rumus' },
  removeFormulas: { id: 'Hapus Kolom Rumus', en: 'Hapus Kolom Rumus' },
  average: { id: 'Tulis Rata-rata Kabupaten', en: 'Tulis Rata-rata Kabupaten' },
  restoreAverage: { id: 'Pulihkan Nilai Lama', en: 'Pulihkan Nilai Lama' },
  summarySheet: { id: 'Buat Ringkasan', en: 'Buat Ringkasan' },
  confirm: { id: 'Tulis sekarang', en: 'Write now' },
  cancel: { id: 'Batal', en: 'Cancel' },
  intro: {
    id: 'Memeriksa rekap Survei Kepuasan Masyarakat (PermenPANRB 14/2017) pada lembar aktif.',
    en: 'Checks the Survei Kepuasan Masyarakat recap (PermenPANRB 14/2017) on the active sheet.',
  },
  working: { id: 'Sedang bekerja…', en: 'Working…' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  sheet: { id: 'Lembar', en: 'Sheet' },
  units: { id: 'Unit', en: 'Units' },
  listed: { id: 'tercantum', en: 'listed' },
  withData: { id: 'berisi data', en: 'with data' },
  inAverage: { id: 'masuk rata-rata', en: 'in the average' },
  errors: { id: 'Galat', en: 'Errors' },
  warnings: { id: 'Peringatan', en: 'Warnings' },
  infos: { id: 'Info', en: 'Info' },
  all: { id: 'Semua', en: 'All' },
  districtIkm: { id: 'IKM kabupaten', en: 'District IKM' },
  lowest: { id: 'Unsur terendah', en: 'Lowest unsur' },
  findings: { id: 'Temuan per unit', en: 'Findings by unit' },
  noFindings: { id: 'Tidak ada temuan untuk saringan ini.', en: 'No findings for this filter.' },
  changesTitle: { id: 'Nilai yang akan ditulis', en: 'Values to be written' },
  cell: { id: 'Sel', en: 'Cell' },
  item: { id: 'Isi', en: 'Item' },
  old: { id: 'Lama', en: 'Old' },
  new: { id: 'Baru', en: 'New' },
  noChanges: {
    id: 'Baris rata-rata sudah sesuai; tidak ada yang perlu ditulis.',
    en: 'The average line is already up to date; nothing to write.',
  },
  markedDone: (n: number, notes: number, col: string): Text => ({
    id: `${n} sel ditandai; ${notes} catatan ditulis di kolom ${col} ("Catatan Validasi").`,
    en: `${n} cells marked; ${notes} notes written in column ${col} ("Catatan Validasi").`,
  }),
  undoDone: (n: number, kept: string[]): Text => ({
    id:
      `${n} sel dipulihkan.` +
      (kept.length
        ? ` ${kept.length} sel dibiarkan karena sudah diubah orang lain: ${kept.slice(0, 8).join(', ')}${kept.length > 8 ? ', …' : ''}.`
        : ''),
    en:
      `${n} cells restored.` +
      (kept.length
        ? ` ${kept.length} cells were left as they are because someone changed them: ${kept.slice(0, 8).join(', ')}${kept.length > 8 ? ', …' : ''}.`
        : ''),
  }),
  formulasDone: (n: number, cols: string): Text => ({
    id: `Rumus pemeriksaan ditulis untuk ${n / 3} catatan di kolom ${cols}.`,
    en: `Check formulas written for ${n / 3} records in columns ${cols}.`,
  }),
  averageDone: (n: number, row: number): Text => ({
    id:
      n === 0
        ? 'Baris rata-rata sudah sesuai; tidak ada yang diubah.'
        : `${n} sel ditulis pada baris rata-rata (baris ${row}) dan kalimat temuan.`,
    en:
      n === 0
        ? 'The average line is already up to date; nothing changed.'
        : `${n} cells written on the average line (row ${row}) and the finding sentences.`,
  }),
  summaryDone: (sheet: string, charts: number): Text => ({
    id: `Lembar "${sheet}" ditulis dengan ${charts} grafik. Periksa draf kesimpulannya sebelum dipakai.`,
    en: `Sheet "${sheet}" written with ${charts} charts. Review the drafted conclusions before use.`,
  }),
  ribbonDone: (errors: number, warnings: number, marked: number): Text => ({
    id: `Validasi selesai: ${errors} galat, ${warnings} peringatan; ${marked} sel ditandai.`,
    en: `Validation done: ${errors} errors, ${warnings} warnings; ${marked} cells marked.`,
  }),
};

export function t(text: Text, lang: Lang): string {
  return text[lang];
}
