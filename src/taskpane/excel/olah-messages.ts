/**
 * The messages of "Olah Data Responden" and "Masukkan ke Rekap" in the
 * adapter, in Bahasa Indonesia and English, naming the sheet, unit, period
 * and cell concerned.
 */
import type { Text } from '../../engine/messages';

export const olahText = {
  noAnswers: (sheet: string): Text => ({
    id: `Lembar "${sheet}" adalah lembar catatan SKM Rekap, bukan jawaban responden. Buka lembar jawaban, lalu ulangi.`,
    en: `Sheet "${sheet}" is an SKM Rekap record sheet, not respondents' answers. Open the answers sheet, then retry.`,
  }),
  recapNotAnswers: (sheet: string): Text => ({
    id: `Lembar "${sheet}" adalah rekap SKM, bukan jawaban responden. Buka lembar jawaban (satu baris per responden, kolom U1..U9), lalu klik "Olah Data Responden" lagi.`,
    en: `Sheet "${sheet}" is an SKM recap, not respondents' answers. Open the answers sheet (one row per respondent, columns U1..U9), then click "Process respondents' data" again.`,
  }),
  isProcessing: (sheet: string, source: string): Text => ({
    id: `Lembar "${sheet}" adalah lembar pengolahan yang dibuat SKM Rekap dari "${source}". Buka lembar jawabannya, lalu klik "Olah Data Responden" lagi.`,
    en: `Sheet "${sheet}" is a processing sheet SKM Rekap wrote from "${source}". Open its answers sheet, then click "Process respondents' data" again.`,
  }),
  sheetEdited: (sheet: string): Text => ({
    id: `Lembar "${sheet}" sudah diubah sejak ditulis SKM Rekap, jadi tidak dihapus. Bila memang tidak diperlukan lagi, hapus lembar itu sendiri (klik kanan tab > Hapus).`,
    en: `Sheet "${sheet}" was changed after SKM Rekap wrote it, so it is not deleted. If it is no longer needed, delete it yourself (right-click its tab > Delete).`,
  }),
  nothingToUndo: (): Text => ({
    id: 'Belum ada lembar pengolahan yang dibuat SKM Rekap di buku kerja ini.',
    en: 'SKM Rekap has not written a processing sheet in this workbook.',
  }),
  noRecap: (): Text => ({
    id: 'Tidak ada lembar yang memuat tabel rekap SKM di buku kerja ini. Buka atau salin rekap ke buku kerja ini dulu.',
    en: 'No sheet of this workbook holds an SKM recap table. Open or copy the recap into this workbook first.',
  }),
  notNine: (items: number): Text => ({
    id: `Kuesioner ini memiliki ${items} unsur; rekap memuat sembilan unsur PermenPANRB 14/2017, jadi hasilnya tidak dimasukkan ke rekap.`,
    en: `This questionnaire has ${items} items; the recap holds the nine unsur of PermenPANRB 14/2017, so the result is not entered into the recap.`,
  }),
  noIkm: (): Text => ({
    id: 'Ada unsur tanpa satu pun jawaban, jadi IKM tidak dapat dihitung dan tidak ada yang dimasukkan ke rekap.',
    en: 'An item has no answer at all, so the IKM cannot be computed and nothing is entered into the recap.',
  }),
  unsurUnmatched: (codes: string[]): Text => ({
    id: `Kolom ${codes.join(', ')} pada lembar jawaban tidak dapat dipasangkan dengan unsur rekap (U1..U9). Beri judul kolom U1..U9 atau nama unsur, lalu olah lagi.`,
    en: `Answer columns ${codes.join(', ')} cannot be matched to the recap's unsur (U1..U9). Head them U1..U9 or with the unsur names, then process again.`,
  }),
  noRecord: (unit: string, period: string, has: string[]): Text => ({
    id: `Unit "${unit}" tidak memiliki baris ${period} di rekap${has.length ? ` (yang ada: ${has.join(', ')})` : ''}. SKM Rekap tidak menambah baris: tambahkan baris ${period} unit ini di rekap dulu, atau pilih periode lain.`,
    en: `Unit "${unit}" has no ${period} rows in the recap${has.length ? ` (it has: ${has.join(', ')})` : ''}. SKM Rekap adds no rows: add this unit's ${period} rows to the recap first, or choose another period.`,
  }),
  noLines: (unit: string, period: string): Text => ({
    id: `Rekaman ${period} unit "${unit}" tidak memiliki kolom nilai unsur yang dapat ditulis.`,
    en: `The ${period} record of unit "${unit}" has no unsur cells to write.`,
  }),
  unitNotFound: (name: string): Text => ({
    id: `Unit "${name}" tidak ditemukan di rekap. SKM Rekap tidak menambah unit: pilih unitnya dari daftar, atau tambahkan baris unit itu di rekap dulu.`,
    en: `Unit "${name}" is not in the recap. SKM Rekap adds no units: pick it from the list, or add the unit's rows to the recap first.`,
  }),
  nothingToRestore: (sheet: string): Text => ({
    id: `Belum ada hasil olah yang dimasukkan SKM Rekap ke lembar "${sheet}".`,
    en: `SKM Rekap has not entered a processed result into sheet "${sheet}".`,
  }),
  changed: (sheet: string, cell: string): Text => ({
    id: `Lembar "${sheet}" berubah sejak dibaca (misalnya sel ${cell}). Tidak ada yang ditulis. Pilih rekapnya lagi, lalu ulangi.`,
    en: `Sheet "${sheet}" changed since it was read (for example cell ${cell}). Nothing was written. Choose the recap again, then retry.`,
  }),
  noFormulaHere: (cell: string): Text => ({
    id: `Sel ${cell} berisi rumus; SKM Rekap tidak menimpa rumus. Tidak ada yang ditulis.`,
    en: `Cell ${cell} holds a formula; SKM Rekap does not write over formulas. Nothing was written.`,
  }),
};
