/**
 * The Excel adapter's own messages (beyond ../strings.ts), in Bahasa
 * Indonesia and English: why Excel would not let the add-in write, and what
 * is wrong with an undo record found in the workbook.
 */
import type { Text } from '../../engine/messages';
import { formatEn, formatId } from '../../engine/numbers';

type Kind = 'marks' | 'formulas' | 'average';

const kindId: Record<Kind, string> = {
  marks: 'tanda',
  formulas: 'kolom rumus',
  average: 'baris rata-rata',
};
const kindEn: Record<Kind, string> = {
  marks: 'marks',
  formulas: 'formula columns',
  average: 'average line',
};

export const adapterText = {
  readOnlyWorkbook: (): Text => ({
    id: 'Buku kerja ini terbuka hanya-baca (read-only). Simpan salinannya atau buka ulang untuk menyunting, lalu ulangi.',
    en: 'This workbook is open read-only. Save a copy or reopen it for editing, then try again.',
  }),
  viewOnly: (): Text => ({
    id: 'Excel tidak mengizinkan perubahan: buku kerja dibuka dalam mode Tampilan (Viewing) atau Anda hanya berhak melihat. Pilih "Pengeditan" (Editing) atau minta izin sunting, lalu ulangi.',
    en: 'Excel does not allow changes: the workbook is open in Viewing mode or you may only view it. Switch to Editing or ask for edit permission, then try again.',
  }),
  busy: (): Text => ({
    id: 'SKM Rekap sedang menulis ke buku kerja (dari pita atau panel). Tunggu sampai selesai, lalu ulangi.',
    en: 'SKM Rekap is already writing to the workbook (from the ribbon or the pane). Wait until it finishes, then try again.',
  }),
  ledgerDamaged: (kind: Kind, sheet: string, detail: string): Text => ({
    id: `Catatan pembatalan ${kindId[kind]} untuk lembar "${sheet}" rusak atau bukan buatan SKM Rekap (${detail}); tidak dipakai dan tidak ada yang diubah.`,
    en: `The undo record of the ${kindEn[kind]} of sheet "${sheet}" is damaged or not SKM Rekap's (${detail}); it was not used and nothing was changed.`,
  }),
  recapNamedAsSummary: (sheet: string): Text => ({
    id: `Rekap ada di lembar "${sheet}", nama lembar yang ditulis "Buat Ringkasan". Ganti nama lembar rekap itu dulu (mis. "Rekap SKM"), lalu validasi dan ulangi. Tidak ada yang ditulis.`,
    en: `The recap is on the sheet "${sheet}", the name of the sheet "Buat Ringkasan" writes. Rename the recap's sheet first (e.g. "Rekap SKM"), then validate and try again. Nothing was written.`,
  }),
  ledgerTooLarge: (bytes: number): Text => ({
    id: `Catatan pembatalan akan berukuran ${formatId(bytes / 1e6, 1)} MB, terlalu besar untuk disimpan di buku kerja. Tidak ada yang ditulis.`,
    en: `The undo record would take ${formatEn(bytes / 1e6, 1)} MB, too large to keep in the workbook. Nothing was written.`,
  }),
};
