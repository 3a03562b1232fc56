/** What the checker says about its copy (--out, --summary), in Bahasa Indonesia and English. */
import type { Text } from '../../engine/messages';
import { formatEn, formatId } from '../../engine/numbers';

const shown = (v: string | number, lang: 'id' | 'en'): string => {
  if (typeof v === 'number') return lang === 'id' ? formatId(v, 2) : formatEn(v, 2);
  const line = v.split('\n')[0];
  return `"${line.length > 60 ? `${line.slice(0, 57)}...` : line}"`;
};

export const copyText = {
  sameAsInput: (f: string): Text => ({
    id: `Salinan tidak boleh menimpa berkas asli "${f}": pilih nama lain untuk --out.`,
    en: `The copy must not overwrite the original "${f}": choose another name for --out.`,
  }),
  notAFile: (f: string, kind: 'directory' | 'fifo' | 'device' | 'socket' | 'other'): Text => {
    const id = {
      directory: 'sebuah folder',
      fifo: 'sebuah FIFO (pipa bernama)',
      device: 'sebuah perangkat',
      socket: 'sebuah soket',
      other: 'bukan berkas biasa',
    }[kind];
    const en = {
      directory: 'a directory',
      fifo: 'a FIFO (named pipe)',
      device: 'a device',
      socket: 'a socket',
      other: 'not a regular file',
    }[kind];
    return {
      id: `Salinan tidak ditulis: "${f}" adalah ${id}, bukan berkas .xlsx. Pilih nama berkas untuk --out.`,
      en: `The copy was not written: "${f}" is ${en}, not an .xlsx file. Name a file for --out.`,
    };
  },
  cannotWrite: (f: string, why: string): Text => ({
    id: `Salinan "${f}" tidak dapat ditulis (${why}).`,
    en: `The copy "${f}" cannot be written (${why}).`,
  }),
  unsafePart: (f: string, part: string, why: Text): Text => ({
    id: `Salinan tidak dibuat: bagian ${part} dari berkas "${f}" tidak dapat diubah dengan aman (${why.id}). Laporan di atas tetap berlaku.`,
    en: `No copy made: the part ${part} of "${f}" cannot be edited safely (${why.en}). The report above stands.`,
  }),
  written: (f: string): Text => ({
    id: `Salinan hasil pemeriksaan ditulis ke ${f}`,
    en: `Checked copy written to ${f}`,
  }),
  keptFormula: (sheet: string, cell: string, value: string | number): Text => ({
    id: `Lembar "${sheet}", sel ${cell}: berisi rumus, dibiarkan seperti adanya (nilai hasil pemeriksaan: ${shown(value, 'id')}).`,
    en: `Sheet "${sheet}", cell ${cell}: holds a formula, left as it is (the checked value: ${shown(value, 'en')}).`,
  }),
  skippedMerged: (sheet: string, cell: string, area: string, value: string | number): Text => ({
    id: `Lembar "${sheet}", sel ${cell}: bagian dari sel gabungan ${area}, tidak ditulis (${shown(value, 'id')}).`,
    en: `Sheet "${sheet}", cell ${cell}: part of the merged cells ${area}, not written (${shown(value, 'en')}).`,
  }),
  skippedNotOurNote: (sheet: string, cell: string): Text => ({
    id: `Lembar "${sheet}", sel ${cell}: berisi tulisan staf di kolom "Catatan Validasi", dibiarkan; catatan baris ini tidak ditulis.`,
    en: `Sheet "${sheet}", cell ${cell}: holds staff's own text in the "Catatan Validasi" column, left as it is; this row's note was not written.`,
  }),
  noFreeColumn: (sheet: string): Text => ({
    id: `Lembar "${sheet}": tidak ada kolom kosong di kanan tabel untuk "Catatan Validasi"; catatan tidak ditulis.`,
    en: `Sheet "${sheet}": no empty column right of the table for "Catatan Validasi"; the notes were not written.`,
  }),
  noFreeRow: (sheet: string, value: string | number): Text => ({
    id: `Lembar "${sheet}": tidak ada baris kosong di bawah tabel untuk kalimat temuan; tidak ditulis (${shown(value, 'id')}).`,
    en: `Sheet "${sheet}": no empty row under the table for the finding sentence; not written (${shown(value, 'en')}).`,
  }),
  averageHeld: (sheet: string, row: number): Text => ({
    id: `Lembar "${sheet}": baris rata-rata tidak ditulis. Tempatnya, baris ${row} tepat setelah unit terakhir, sudah terisi, dan salinan tidak menyisipkan baris (rumus dan rujukan lain tidak akan ikut bergeser). Kosongkan baris ${row}, atau gunakan "Tulis Rata-rata Kabupaten" di Excel.`,
    en: `Sheet "${sheet}": the average line was not written. Its place, row ${row} right after the last unit, is taken, and the copy inserts no rows (formulas and other references would not follow). Empty row ${row}, or use "Tulis Rata-rata Kabupaten" in Excel.`,
  }),
  more: (n: number): Text => ({
    id: `... dan ${n} sel lain yang tidak ditulis.`,
    en: `... and ${n} more cells not written.`,
  }),
  summaryRenamed: (name: string, taken: string): Text => ({
    id: `Lembar "${taken}" sudah ada dan bukan buatan SKM Rekap: ringkasan ditulis ke lembar "${name}".`,
    en: `A sheet "${taken}" already exists and was not written by SKM Rekap: the summary went into the sheet "${name}".`,
  }),
  summaryLocked: (): Text => ({
    id: 'Lembar ringkasan tidak ditambahkan: struktur buku kerja dilindungi. Salinan ditulis tanpa ringkasan.',
    en: 'The summary sheet was not added: the workbook structure is protected. The copy was written without it.',
  }),
  noCharts: (name: string): Text => ({
    id: `Lembar "${name}" ditulis tanpa grafik (tombol "Buat Ringkasan" di Excel membuatnya).`,
    en: `The sheet "${name}" was written without charts (the "Buat Ringkasan" button in Excel makes them).`,
  }),
  protectedSheet: (sheet: string): Text => ({
    id: `Lembar "${sheet}" dilindungi (Proteksi Lembar): salinan tetap ditulis dengan tanda dan catatan, dan perlindungannya dipertahankan seperti di berkas asli; buka proteksinya di Excel (Tinjau > Buka Proteksi Lembar) untuk menyunting.`,
    en: `Sheet "${sheet}" is protected (Protect Sheet): the copy was written with its marks and notes, and keeps the protection as in the original; unprotect it in Excel (Review > Unprotect Sheet) to edit.`,
  }),
  notXlsx: (f: string): Text => ({
    id: `Salinan tidak dibuat: berkas "${f}" tidak dapat dibuka sebagai zip.`,
    en: `No copy made: "${f}" cannot be opened as a zip.`,
  }),
  noSheetPart: (f: string, sheet: string): Text => ({
    id: `Salinan tidak dibuat: bagian XML lembar "${sheet}" tidak ditemukan di berkas "${f}".`,
    en: `No copy made: the XML part of the sheet "${sheet}" was not found in "${f}".`,
  }),
};
