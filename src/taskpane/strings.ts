/**
 * The task pane's words, in Bahasa Indonesia and English (the pane follows
 * Office's display language; what is written into the workbook follows the
 * workbook's own language). Terms as in docs/glossary.md.
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
    id: 'Tidak ada lembar yang memuat tabel rekap SKM. SKM Rekap mencari baris judul dengan kolom unit dan sembilan kolom unsur (Persyaratan, Prosedur, Waktu Penyelesaian, ...), lalu IKM dan mutu pelayanan.',
    en: 'No sheet holds an SKM recap table. SKM Rekap looks for a header row with a unit column and the nine unsur columns (Persyaratan, Prosedur, Waktu Penyelesaian, ...), then IKM and service quality.',
  }),
  changedSinceRead: (sheet: string, cell: string): Text => ({
    id: `Lembar "${sheet}" berubah sejak divalidasi (misalnya sel ${cell}, mungkin oleh rekan yang sedang menyunting). Tidak ada yang ditulis. Klik "Validasi Rekap" lagi, lalu ulangi.`,
    en: `Sheet "${sheet}" changed since it was validated (for example cell ${cell}, perhaps by a co-author). Nothing was written. Click "Validate recap" again, then retry.`,
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

const T = (id: string, en: string): Text => ({ id, en });

/** Fixed words of the pane. */
export const labels = {
  // Buttons: short verbs, the names staff learn.
  validate: T('Validasi Rekap', 'Validate recap'),
  mark: T('Tandai di Lembar', 'Mark on sheet'),
  unmark: T('Hapus Tanda', 'Remove marks'),
  formulas: T('Kolom Rumus', 'Formula columns'),
  removeFormulas: T('Hapus Kolom Rumus', 'Remove formula columns'),
  average: T('Tulis Rata-rata Kabupaten', 'Write district average'),
  restoreAverage: T('Pulihkan Nilai Lama', 'Restore old values'),
  summarySheet: T('Buat Ringkasan', 'Create summary'),
  restoreSummary: T('Pulihkan Ringkasan Lama', 'Restore old summary'),
  confirm: T('Tulis sekarang', 'Write now'),
  replaceSummary: T('Ganti ringkasan', 'Replace summary'),
  cancel: T('Batal', 'Cancel'),
  dismiss: T('Tutup pesan', 'Dismiss message'),
  refreshMarks: T('Perbarui Tanda', 'Refresh marks'),
  showAll: (n: number): Text => T(`Tampilkan semua (${n} lagi)`, `Show all (${n} more)`),
  moreDetail: (n: number): Text => T(`${n} rincian lain`, `${n} more details`),

  // One-line explanations under the buttons.
  validateHelp: T(
    'Memeriksa tabel rekap SKM (PermenPANRB 14/2017) pada lembar aktif.',
    'Checks the SKM recap table (PermenPANRB 14/2017) on the active sheet.',
  ),
  markHelp: T(
    'Mewarnai sel bermasalah dan menulis kolom "Catatan Validasi".',
    'Colours the cells with findings and writes the "Catatan Validasi" column.',
  ),
  unmarkHelp: T(
    'Mengembalikan warna dan isi sel seperti sebelum ditandai.',
    'Puts back the fills and contents from before the marks.',
  ),
  formulasHelp: T(
    'Menambah kolom =SKM.IKM, =SKM.KATEGORI dan =SKM.PERIKSA pada tiap entri.',
    'Adds =SKM.IKM, =SKM.KATEGORI and =SKM.PERIKSA columns to each entry.',
  ),
  removeFormulasHelp: T('Menghapus kolom rumus yang ditambahkan.', 'Removes the added columns.'),
  averageHelp: T(
    'Menampilkan nilai lama dan baru baris RATA-RATA, lalu menulisnya setelah Anda setuju.',
    'Shows the old and new values of the RATA-RATA line, then writes them once you agree.',
  ),
  restoreAverageHelp: T(
    'Mengembalikan baris RATA-RATA dan kalimat temuan seperti sebelum ditulis.',
    'Puts back the RATA-RATA line and the sentences as they were.',
  ),
  summaryHelp: T(
    'Menulis lembar "Ringkasan SKM" dengan tabel, grafik dan draf kesimpulan.',
    'Writes the sheet "Ringkasan SKM" with tables, charts and drafted conclusions.',
  ),
  restoreSummaryHelp: T(
    'Mengembalikan lembar ringkasan sebelum yang terakhir ditulis.',
    'Puts back the summary sheet from before the last one written.',
  ),

  // Why an action is unavailable.
  whyBusy: T('Tunggu tindakan yang sedang berjalan.', 'Wait for the running action.'),
  whyNoMarks: T('Belum ada tanda dari SKM Rekap pada lembar ini.', 'No marks on this sheet yet.'),
  whyNoFormulas: T(
    'Belum ada kolom rumus pada lembar ini.',
    'No formula columns on this sheet yet.',
  ),
  whyNoAverage: T(
    'Baris RATA-RATA belum pernah ditulis oleh SKM Rekap.',
    'SKM Rekap has not written the RATA-RATA line yet.',
  ),
  whyNoBackup: T(
    'Belum ada ringkasan lama yang disimpan.',
    'No earlier summary has been kept yet.',
  ),
  whyNoFindings: T('Tidak ada temuan untuk ditandai.', 'No findings to mark.'),
  whyNoDistrict: T(
    'Tidak ada unit dengan nilai unsur, jadi tidak ada rata-rata untuk ditulis.',
    'No unit has unsur values, so there is no average to write.',
  ),

  // Recaps the pane writes nothing into.
  degenerateNoUnits: T(
    'Tabel rekap ditemukan, tetapi tidak memuat satu unit pun. Tidak ada yang dapat ditulis.',
    'The recap table was found but lists no unit. Nothing can be written.',
  ),
  degenerateOnlyAverage: T(
    'Tabel rekap hanya memuat baris RATA-RATA, tanpa unit. Tidak ada yang dapat ditulis.',
    'The recap table holds only the RATA-RATA line, no unit. Nothing can be written.',
  ),
  degenerateNoData: T(
    'Unit tercantum, tetapi tidak satu pun berisi nilai unsur. Tidak ada yang dapat ditulis.',
    'Units are listed but none has unsur values. Nothing can be written.',
  ),

  // Sections and the summary table.
  actions: T('Tindakan', 'Actions'),
  summary: T('Ringkasan', 'Summary'),
  sheet: T('Lembar', 'Sheet'),
  units: T('Unit', 'Units'),
  unitCounts: (listed: number, withData: number, inAverage: number): Text =>
    T(
      `${listed} tercantum, ${withData} berisi data, ${inAverage} masuk rata-rata`,
      `${listed} listed, ${withData} with data, ${inAverage} in the average`,
    ),
  errors: T('Galat', 'Errors'),
  warnings: T('Peringatan', 'Warnings'),
  infos: T('Info', 'Info'),
  problems: T('Masalah', 'Problems'),
  districtIkm: T('IKM kabupaten', 'District IKM'),
  lowest: T('Unsur terendah', 'Lowest unsur'),
  findings: T('Temuan', 'Findings'),
  filter: T('Filter temuan', 'Filter findings'),
  findingList: T('Daftar temuan per entri', 'Findings by entry'),
  noFindings: T('Tidak ada temuan untuk filter ini.', 'No findings for this filter.'),
  district: T('Baris rata-rata', 'District line'),
  districtLine: T('Baris rata-rata', 'District line'),
  validatedAt: (time: string): Text => T(`Divalidasi ${time}`, `Validated ${time}`),
  selected: (cell: string): Text => T(`Sel ${cell} dipilih di lembar.`, `Cell ${cell} selected.`),

  // Severity of one finding (singular).
  severity: {
    error: T('Galat', 'Error'),
    warning: T('Peringatan', 'Warning'),
    info: T('Info', 'Info'),
  },

  // The district line preview.
  changesTitle: T('Nilai yang akan ditulis', 'Values to be written'),
  item: T('Isi', 'Item'),
  old: T('Lama', 'Old'),
  new: T('Baru', 'New'),
  sentence: T('Kalimat', 'Sentence'),
  rowLabel: T('Label baris', 'Row label'),
  category: T('Mutu', 'Category'),
  realisation: T('Realisasi', 'Realisation'),
  averageBasis: (inAverage: number, listed: number): Text =>
    T(
      `Baris baru merata-ratakan ${inAverage} dari ${listed} unit.`,
      `The new line averages ${inAverage} of ${listed} units.`,
    ),
  leftOut: (n: number, reason: string, units: string): Text =>
    T(`Tidak ikut (${n}), ${reason}: ${units}.`, `Left out (${n}), ${reason}: ${units}.`),
  noChanges: T(
    'Baris rata-rata sudah sesuai; tidak ada yang perlu ditulis.',
    'The average line is already up to date; nothing to write.',
  ),
  reason: {
    'no-data': T('tanpa data', 'no data'),
    'service-only': T(
      'hanya data layanan, tanpa nilai unsur',
      'service data only, no unsur values',
    ),
    'no-unsur': T('nilai unsur tidak lengkap', 'incomplete unsur values'),
  },

  // The summary sheet confirmation.
  summaryEdited: T(
    'Lembar "Ringkasan SKM" sudah diubah sejak ditulis SKM Rekap. Jika diganti, lembar lama disimpan tersembunyi dan bisa dipulihkan dengan "Pulihkan Ringkasan Lama".',
    'The sheet "Ringkasan SKM" was edited since SKM Rekap wrote it. If replaced, the old sheet is kept hidden and can be put back with "Restore old summary".',
  ),
  summaryExists: T(
    'Lembar "Ringkasan SKM" sudah ada dan belum dikenal SKM Rekap. Jika diganti, lembar lama disimpan tersembunyi dan bisa dipulihkan.',
    'A sheet "Ringkasan SKM" exists that SKM Rekap did not write. If replaced, the old sheet is kept hidden and can be put back.',
  ),

  // Progress of each action.
  progressValidate: T('Membaca lembar dan memeriksa rekap…', 'Reading the sheet and checking…'),
  progressMark: (cells: number): Text =>
    T(`Menandai ${cells} sel…`, `Marking ${cells} ${cells === 1 ? 'cell' : 'cells'}…`),
  progressUndo: T('Memulihkan isi sel…', 'Restoring the cells…'),
  progressFormulas: (entries: number): Text =>
    T(`Menulis rumus untuk ${entries} entri…`, `Writing formulas for ${entries} entries…`),
  progressAverage: T('Menulis baris rata-rata…', 'Writing the district line…'),
  progressSummary: T('Menulis lembar "Ringkasan SKM"…', 'Writing the sheet "Ringkasan SKM"…'),
  progressRestoreSummary: T('Memulihkan ringkasan lama…', 'Restoring the old summary…'),

  // Results.
  validatedDone: (errors: number, warnings: number): Text =>
    T(
      `Validasi selesai: ${errors} galat, ${warnings} peringatan.`,
      `Validation done: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
    ),
  markedDone: (n: number, notes: number, col: string | null, skipped = 0): Text => {
    const cells = `${n} ${n === 1 ? 'cell' : 'cells'} marked`;
    if (col === null)
      return T(
        `${n} sel ditandai; catatan tidak ditulis: tidak ada kolom kosong di kanan tabel untuk "Catatan Validasi".`,
        `${cells}; no notes written: no empty column right of the table for "Catatan Validasi".`,
      );
    const left = skipped > 0;
    return T(
      `${n} sel ditandai; ${notes} catatan ditulis di kolom ${col} ("Catatan Validasi").` +
        (left
          ? ` ${skipped} catatan tidak ditulis: selnya bagian dari sel gabungan atau berisi tulisan staf.`
          : ''),
      `${cells}; ${notes} ${notes === 1 ? 'note' : 'notes'} written in column ${col} ("Catatan Validasi").` +
        (left
          ? ` ${skipped} ${skipped === 1 ? 'note' : 'notes'} not written: the cell is part of merged cells or holds staff's text.`
          : ''),
    );
  },
  undoDone: (n: number, kept: string[]): Text => {
    const some = kept.slice(0, 8).join(', ') + (kept.length > 8 ? ', …' : '');
    return T(
      `${n} sel dipulihkan.` +
        (kept.length
          ? ` ${kept.length} sel dibiarkan karena sudah diubah orang lain: ${some}.`
          : ''),
      `${n} ${n === 1 ? 'cell' : 'cells'} restored.` +
        (kept.length
          ? ` ${kept.length} ${kept.length === 1 ? 'cell was' : 'cells were'} left as they are because someone changed them: ${some}.`
          : ''),
    );
  },
  formulasDone: (n: number, cols: string): Text =>
    T(
      `Rumus pemeriksaan ditulis untuk ${n / 3} entri di kolom ${cols}.`,
      `Check formulas written for ${n / 3} ${n === 3 ? 'entry' : 'entries'} in columns ${cols}.`,
    ),
  averageDone: (n: number, row: number): Text =>
    n === 0
      ? T(
          'Baris rata-rata sudah sesuai; tidak ada yang diubah.',
          'The average line is already up to date; nothing changed.',
        )
      : T(
          `${n} sel ditulis pada baris rata-rata (baris ${row}) dan kalimat temuan.`,
          `${n} ${n === 1 ? 'cell' : 'cells'} written on the average line (row ${row}) and the finding sentences.`,
        ),
  summaryDone: (sheet: string, charts: number, kept: boolean): Text =>
    T(
      `Lembar "${sheet}" ditulis dengan ${charts} grafik. Periksa draf kesimpulannya sebelum dipakai.` +
        (kept ? ' Ringkasan lama disimpan; "Pulihkan Ringkasan Lama" mengembalikannya.' : ''),
      `Sheet "${sheet}" written with ${charts} ${charts === 1 ? 'chart' : 'charts'}. Review the drafted conclusions before use.` +
        (kept ? ' The old summary is kept; "Restore old summary" puts it back.' : ''),
    ),
  summaryRestored: T(
    'Ringkasan lama dipulihkan sebagai lembar "Ringkasan SKM".',
    'The old summary is back as the sheet "Ringkasan SKM".',
  ),
  marksStale: T(
    'Tanda di lembar dibuat sebelum perubahan ini dan mungkin sudah usang.',
    'The marks on the sheet predate this change and may be out of date.',
  ),
  ribbonDone: (errors: number, warnings: number, marked: number): Text =>
    T(
      `Validasi selesai: ${errors} galat, ${warnings} peringatan; ${marked} sel ditandai.`,
      `Validation done: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}; ${marked} ${marked === 1 ? 'cell' : 'cells'} marked.`,
    ),
  officeMissing: T(
    'Office.js tidak dapat dimuat. Buka panel ini dari Excel, dan periksa koneksi ke appsforoffice.microsoft.com.',
    'Office.js could not be loaded. Open this pane from Excel, and check the connection to appsforoffice.microsoft.com.',
  ),
};

export function t(text: Text, lang: Lang): string {
  return text[lang];
}

/** The annual report action ("Buat Laporan (.docx)"). */
export const reportLabels = {
  button: T('Buat Laporan (.docx)', 'Create report (.docx)'),
  help: T(
    'Menyusun laporan tahunan SKM (Word) dari rekap yang diperiksa, lampiran dan grafiknya.',
    'Drafts the annual SKM report (Word) from the checked recap, with its appendices and charts.',
  ),
  whyMac: T(
    'Excel untuk Mac tidak mengizinkan add-in menyimpan berkas. Buka buku kerja ini di Excel untuk web dan buat laporannya di sana, atau jalankan: npx skm-rekap laporan REKAP.xlsx --out LAPORAN.docx',
    'Excel for Mac does not let an add-in save files. Open this workbook in Excel on the web and create the report there, or run: npx skm-rekap laporan REKAP.xlsx --out LAPORAN.docx',
  ),
  askErrors: (n: number): Text =>
    T(
      `Rekap masih memuat ${n} galat. Buat laporan tanpa catatan galat di halaman sampulnya (seperti --abaikan-galat), atau dengan catatan itu?`,
      `The recap still has ${n} error${n === 1 ? '' : 's'}. Create the report without the error note on its cover (as --abaikan-galat), or with the note?`,
    ),
  ignoreErrors: T('Buat tanpa catatan galat', 'Create without the note'),
  withNote: T('Buat dengan catatan galat', 'Create with the note'),
  progress: T('Menyusun laporan…', 'Drafting the report…'),
  done: (name: string, placeholders: number): Text =>
    T(
      `Laporan siap: klik "Unduh laporan" untuk menyimpan ${name}.${placeholders > 0 ? ` ${placeholders} isian bertanda kuning perlu dilengkapi di Word.` : ''}`,
      `Report ready: click "Download report" to save ${name}.${placeholders > 0 ? ` ${placeholders} highlighted field${placeholders === 1 ? '' : 's'} to fill in Word.` : ''}`,
    ),
  failed: (detail: string): Text =>
    T(`Laporan tidak dapat disusun: ${detail}`, `The report could not be drafted: ${detail}`),
  download: T('Unduh laporan', 'Download report'),
};
