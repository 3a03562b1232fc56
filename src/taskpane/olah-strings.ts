/**
 * The words of "Olah Data Responden" and "Masukkan ke Rekap" in the pane, in
 * Bahasa Indonesia and English. Terms as in docs/glossary.md.
 */
import type { Text } from '../engine/messages';
import { formatEn, formatId } from '../engine/numbers';

const T = (id: string, en: string): Text => ({ id, en });
const num = (v: number, d: number): Text => T(formatId(v, d), formatEn(v, d));

export const olahLabels = {
  heading: T('Data Responden', "Respondents' data"),
  olah: T('Olah Data Responden', "Process respondents' data"),
  olahHelp: T(
    'Mengolah jawaban kuesioner pada lembar aktif (satu baris per responden) menjadi lembar pengolahan resmi dengan rumus, profil responden dan grafiknya.',
    'Processes the questionnaire answers on the active sheet (one row per respondent) into the official processing sheet with formulas, the respondent profile and its charts.',
  ),
  undoOlah: T('Hapus Lembar Pengolahan', 'Delete processing sheet'),
  undoOlahHelp: T(
    'Menghapus lembar pengolahan yang terakhir dibuat.',
    'Deletes the processing sheet written last.',
  ),
  whyNoOlahSheet: T(
    'Belum ada lembar pengolahan yang dibuat SKM Rekap.',
    'SKM Rekap has not written a processing sheet yet.',
  ),
  progressOlah: T(
    'Membaca jawaban dan menulis lembar pengolahan…',
    'Reading the answers and writing the processing sheet…',
  ),
  progressUndoOlah: T('Menghapus lembar pengolahan…', 'Deleting the processing sheet…'),
  olahDone: (sheet: string, respondents: number, charts: number): Text =>
    T(
      `Lembar "${sheet}" ditulis: ${respondents} responden, ${charts} grafik profil.`,
      `Sheet "${sheet}" written: ${respondents} respondents, ${charts} profile charts.`,
    ),
  undoOlahDone: (sheet: string | null): Text =>
    sheet
      ? T(`Lembar "${sheet}" dihapus.`, `Sheet "${sheet}" deleted.`)
      : T(
          'Lembar pengolahan sudah tidak ada; catatannya dihapus.',
          'The processing sheet was already gone; its record was removed.',
        ),

  result: T('Hasil pengolahan', 'Processing result'),
  source: T('Lembar jawaban', 'Answers sheet'),
  respondents: T('Responden', 'Respondents'),
  ikm: T('IKM', 'IKM'),
  category: T('Mutu pelayanan', 'Service quality'),
  lowest: T('Unsur terendah', 'Lowest unsur'),
  regulation: T('Dasar', 'Rule'),
  notPermen: T('bukan hasil PermenPANRB 14/2017', 'not a PermenPANRB 14/2017 result'),
  quality: T('Catatan mutu data', 'Data quality notes'),
  noQuality: T('Tidak ada catatan mutu data.', 'No data quality notes.'),
  value: num,

  rekap: T('Masukkan ke Rekap', 'Enter into recap'),
  rekapHelp: T(
    'Menulis baris NRR, baris nilai konversi, IKM, mutu dan jumlah responden unit ini ke rekap, setelah menampilkan isi lama dan baru.',
    "Writes this unit's NRR line, converted line, IKM, category and respondents into the recap, after showing the old and new contents.",
  ),
  whyNoResult: T('Olah data responden dulu.', "Process the respondents' data first."),
  progressRecaps: T('Mencari lembar rekap…', 'Looking for recap sheets…'),
  recapSheet: T('Lembar rekap', 'Recap sheet'),
  unit: T('Unit', 'Unit'),
  pickUnit: T('— pilih unit —', '— pick a unit —'),
  period: T('Periode', 'Period'),
  unitGuess: (name: string): Text =>
    T(
      `Dipilih menurut nama lembar jawaban: ${name}.`,
      `Chosen by the answers sheet's name: ${name}.`,
    ),
  unitNoMatch: (sheet: string): Text =>
    T(
      `Nama lembar "${sheet}" tidak cocok dengan unit mana pun di rekap. Pilih unitnya dari daftar; unit yang belum ada di rekap harus ditambahkan barisnya dulu (SKM Rekap tidak menambah unit).`,
      `The sheet name "${sheet}" matches no unit of the recap. Pick the unit from the list; a unit not yet in the recap needs its rows added first (SKM Rekap adds no units).`,
    ),
  missingLine: (line: 'nrr' | 'conv'): Text =>
    line === 'conv'
      ? T(
          'Rekaman ini tidak memiliki baris nilai konversi; hanya baris NRR yang ditulis.',
          'This record has no converted line; only the NRR line is written.',
        )
      : T(
          'Rekaman ini tidak memiliki baris NRR; hanya baris nilai konversi yang ditulis.',
          'This record has no NRR line; only the converted line is written.',
        ),
  field: {
    nrr: T('NRR', 'NRR'),
    conv: T('Konversi', 'Converted'),
    ikm: T('IKM', 'IKM'),
    category: T('Mutu', 'Category'),
    respondents: T('Responden', 'Respondents'),
  },
  entryTitle: (unit: string, period: string): Text =>
    T(`Yang akan ditulis: ${unit}, ${period}`, `To be written: ${unit}, ${period}`),
  item: T('Isi', 'Item'),
  now: T('Sekarang', 'Now'),
  new: T('Baru', 'New'),
  write: T('Tulis ke rekap', 'Write to recap'),
  cancel: T('Batal', 'Cancel'),
  progressWrite: T('Menulis ke rekap…', 'Writing to the recap…'),
  writeDone: (n: number, sheet: string, unit: string, period: string): Text =>
    T(
      `${n} sel ditulis ke "${sheet}": ${unit}, ${period}.`,
      `${n} cells written to "${sheet}": ${unit}, ${period}.`,
    ),
  undoRekap: T('Pulihkan Rekap', 'Restore recap'),
  undoRekapHelp: T(
    'Mengembalikan sel rekap seperti sebelum hasil olah dimasukkan.',
    'Puts the recap cells back as they were before the result was entered.',
  ),
  whyNoEntry: T(
    'Belum ada hasil olah yang dimasukkan ke rekap.',
    'No processed result has been entered into a recap yet.',
  ),
  progressUndo: T('Memulihkan sel rekap…', 'Restoring the recap cells…'),
  undoRekapDone: (restored: number, kept: number): Text =>
    kept
      ? T(
          `${restored} sel dipulihkan; ${kept} sel yang diubah sejak itu dibiarkan.`,
          `${restored} cells restored; ${kept} cells changed since were left as they are.`,
        )
      : T(`${restored} sel dipulihkan.`, `${restored} cells restored.`),
};
