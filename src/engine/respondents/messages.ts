/**
 * Every sentence of "Olah Data Responden", in Bahasa Indonesia (id, the
 * default) and English (en), naming the file, sheet, cell or row.
 */
import type { Text } from '../messages';
import { formatEn, formatId } from '../numbers';

/** At most ten places, then how many more: a message stays one line. */
function places(list: readonly string[], more: (n: number) => string): string {
  const shown = list.slice(0, 10).join(', ');
  return list.length > 10 ? `${shown} ${more(list.length - 10)}` : shown;
}
const moreId = (n: number) => `dan ${n} lainnya`;
const moreEn = (n: number) => `and ${n} more`;
const rowsId = (rows: readonly number[]) => places(rows.map(String), moreId);
const rowsEn = (rows: readonly number[]) => places(rows.map(String), moreEn);

export const problemText = {
  emptySheet: (file: string, sheet: string): Text => ({
    id: `${file}: lembar "${sheet}" kosong.`,
    en: `${file}: sheet "${sheet}" is empty.`,
  }),
  noTable: (file: string, sheet: string): Text => ({
    id: `${file}: lembar "${sheet}" tidak memuat tabel jawaban responden: tidak ditemukan baris judul dengan kolom U1..U9, "Unsur 1" atau nama unsur yang berisi jawaban 1-4 / a-d.`,
    en: `${file}: sheet "${sheet}" holds no respondents table: no header row with U1..U9, "Unsur 1" or unsur-name columns holding answers 1-4 / a-d was found.`,
  }),
  itemsUnclear: (file: string, sheet: string, row: number): Text => ({
    id: `${file}: lembar "${sheet}", baris judul ${row}: sembilan kolom unsur ditemukan tetapi tidak dapat dipasangkan dengan U1..U9 (nama atau kode ganda).`,
    en: `${file}: sheet "${sheet}", header row ${row}: nine item columns were found but cannot be matched to U1..U9 (names or codes repeat).`,
  }),
  noRespondents: (file: string, sheet: string, row: number): Text => ({
    id: `${file}: lembar "${sheet}": tabel dengan judul di baris ${row} belum berisi jawaban responden.`,
    en: `${file}: sheet "${sheet}": the table headed in row ${row} holds no respondent answers yet.`,
  }),
  noTableInWorkbook: (file: string, sheets: string[]): Text => ({
    id: `${file}: tidak ada lembar yang memuat tabel jawaban responden (lembar: ${sheets.map((s) => `"${s}"`).join(', ') || 'tidak ada'}).`,
    en: `${file}: no sheet holds a respondents table (sheets: ${sheets.map((s) => `"${s}"`).join(', ') || 'none'}).`,
  }),
  sheetNotFound: (file: string, sheet: string, sheets: string[]): Text => ({
    id: `${file}: lembar "${sheet}" tidak ada. Lembar yang ada: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
    en: `${file}: there is no sheet "${sheet}". Sheets: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
  }),
  noDateColumn: (file: string, sheet: string, by: string): Text => ({
    id: `${file}: lembar "${sheet}": --by ${by} memerlukan kolom tanggal (Tanggal, Tgl, created_at), yang tidak ditemukan.`,
    en: `${file}: sheet "${sheet}": --by ${by} needs a date column (Tanggal, Tgl, created_at); none was found.`,
  }),
  noSuchColumn: (file: string, sheet: string, by: string, headers: string[]): Text => ({
    id: `${file}: lembar "${sheet}": kolom "${by}" tidak ada. Kolom yang ada: ${headers.map((h) => `"${h}"`).join(', ')}.`,
    en: `${file}: sheet "${sheet}": there is no column "${by}". Columns: ${headers.map((h) => `"${h}"`).join(', ')}.`,
  }),
};

export const qualityText = {
  outOfRange: (sheet: string, cells: string[]): Text => ({
    id: `Lembar "${sheet}": ${cells.length} jawaban di luar 1-4 (${places(cells, moreId)}); tidak dihitung dalam NRR unsurnya.`,
    en: `Sheet "${sheet}": ${cells.length} answers outside 1-4 (${places(cells, moreEn)}); not counted in their unsur's NRR.`,
  }),
  unreadable: (sheet: string, cells: string[]): Text => ({
    id: `Lembar "${sheet}": ${cells.length} jawaban tidak terbaca sebagai 1-4, a-d atau kata jawaban (${places(cells, moreId)}); tidak dihitung.`,
    en: `Sheet "${sheet}": ${cells.length} answers cannot be read as 1-4, a-d or answer words (${places(cells, moreEn)}); not counted.`,
  }),
  blank: (sheet: string, cells: string[]): Text => ({
    id: `Lembar "${sheet}": ${cells.length} jawaban kosong (${places(cells, moreId)}); NRR unsurnya memakai responden yang menjawab.`,
    en: `Sheet "${sheet}": ${cells.length} blank answers (${places(cells, moreEn)}); their unsur's NRR uses the respondents who answered.`,
  }),
  unanswered: (sheet: string, codes: string[]): Text => ({
    id: `Lembar "${sheet}": unsur ${codes.join(', ')} tidak dijawab satu responden pun: NRR dan IKM tidak dapat dihitung.`,
    en: `Sheet "${sheet}": no respondent answered ${codes.join(', ')}: the NRR and the IKM cannot be computed.`,
  }),
  noAnswers: (sheet: string, rows: number[]): Text => ({
    id: `Lembar "${sheet}": baris ${rowsId(rows)} berisi data tetapi tidak ada jawaban; tidak dihitung sebagai responden.`,
    en: `Sheet "${sheet}": rows ${rowsEn(rows)} hold data but no answers; not counted as respondents.`,
  }),
  otherTable: (sheet: string, row: number): Text => ({
    id: `Lembar "${sheet}": tabel kuesioner kedua mulai baris ${row} tidak dibaca; pindahkan ke lembar tersendiri agar dihitung.`,
    en: `Sheet "${sheet}": a second questionnaire table starting at row ${row} is not read; move it to a sheet of its own to have it counted.`,
  }),
  testRows: (sheet: string, rows: number[]): Text => ({
    id: `Lembar "${sheet}": baris ${rowsId(rows)} ditandai sebagai uji coba/contoh; tidak dihitung sebagai responden.`,
    en: `Sheet "${sheet}": rows ${rowsEn(rows)} are marked as tests or samples; not counted as respondents.`,
  }),
  straightLined: (sheet: string, rows: number[], total: number): Text => ({
    id: `Lembar "${sheet}": ${rows.length} dari ${total} responden memberi jawaban yang sama untuk semua unsur (baris ${rowsId(rows)}); tetap dihitung.`,
    en: `Sheet "${sheet}": ${rows.length} of ${total} respondents gave the same answer to every item (rows ${rowsEn(rows)}); still counted.`,
  }),
  duplicates: (sheet: string, pairs: string[]): Text => ({
    id: `Lembar "${sheet}": ${pairs.length} baris sama persis dengan baris sebelumnya (${places(pairs, moreId)}); tetap dihitung, periksa apakah terkirim dua kali.`,
    en: `Sheet "${sheet}": ${pairs.length} rows are exact copies of an earlier row (${places(pairs, moreEn)}); still counted, check for double submissions.`,
  }),
  repeated: (sheet: string, pairs: string[]): Text => ({
    id: `Lembar "${sheet}": ${pairs.length} baris mengulang jawaban, profil dan layanan baris lain pada hari yang sama (${places(pairs, moreId)}); tetap dihitung.`,
    en: `Sheet "${sheet}": ${pairs.length} rows repeat the answers, profile and service of another row on the same day (${places(pairs, moreEn)}); still counted.`,
  }),
  rowTotal: (sheet: string, cells: string[]): Text => ({
    id: `Lembar "${sheet}": total per responden tidak sama dengan jumlah jawabannya (${places(cells, moreId)}).`,
    en: `Sheet "${sheet}": the stored total of a respondent differs from the sum of the answers (${places(cells, moreEn)}).`,
  }),
  storedSummary: (sheet: string, cells: string[]): Text => ({
    id: `Lembar "${sheet}": nilai tersimpan di baris ringkasan berbeda dari hasil hitung jawaban (${places(cells, moreId)}).`,
    en: `Sheet "${sheet}": stored values in the totals rows differ from the answers' results (${places(cells, moreEn)}).`,
  }),
  undated: (sheet: string, rows: number[]): Text => ({
    id: `Lembar "${sheet}": baris ${rowsId(rows)} tanpa tanggal yang terbaca; dikelompokkan sebagai "(tanpa tanggal)".`,
    en: `Sheet "${sheet}": rows ${rowsEn(rows)} have no readable date; grouped as "(tanpa tanggal)".`,
  }),
  sampleShort: (respondents: number, population: number, required: number): Text => ({
    id: `Jumlah responden ${respondents} kurang dari sampel minimal ${required} untuk populasi ${formatId(population, 0)} (Krejcie-Morgan).`,
    en: `${respondents} respondents are fewer than the minimum sample of ${required} for a population of ${formatEn(population, 0)} (Krejcie-Morgan).`,
  }),
  otherCount: (items: number): Text => ({
    id: `Kuesioner ${items} unsur: dihitung dengan bobot 1/${items}; ini bukan hasil menurut PermenPANRB 14/2017 (9 unsur).`,
    en: `A ${items}-item questionnaire: computed with weight 1/${items}; this is not a PermenPANRB 14/2017 result (9 items).`,
  }),
  kepmenpan2004: (): Text => ({
    id: 'Kuesioner 14 unsur Kepmenpan 25/2004: bobot 1/14 dan kategori menurut rentang 2004 (D 25,00-43,75; C 43,76-62,50; B 62,51-81,25; A 81,26-100,00); bukan hasil PermenPANRB 14/2017.',
    en: 'A 14-item Kepmenpan 25/2004 questionnaire: weight 1/14 and the 2004 bands (D 25.00-43.75; C 43.76-62.50; B 62.51-81.25; A 81.26-100.00); not a PermenPANRB 14/2017 result.',
  }),
};

export const cliText = {
  usage: (): Text => ({
    id: `Pemakaian:
  skm-rekap olah BERKAS.xlsx|BERKAS.csv [--sheet NAMA] [--by tahun|semester|triwulan|bulan|KOLOM] [--populasi N] [--json] [--lang id|en] [--out SALINAN.xlsx]

  olah        mengolah jawaban kuesioner SKM (satu baris per responden) menjadi NRR, IKM dan mutu per PermenPANRB 14/2017
  --sheet     nama lembar yang memuat jawaban (bawaan: dicari otomatis)
  --by        hasil per periode dari kolom tanggal (tahun, semester, triwulan, bulan) atau per nilai sebuah kolom
  --populasi  jumlah populasi pengguna layanan: membandingkan responden dengan sampel minimal Krejcie-Morgan
  --json      mencetak hasil sebagai satu objek JSON
  --lang      bahasa pesan: id (bawaan) atau en
  --out       menulis buku kerja pengolahan baru dalam tata letak resmi, dengan rumus

Kode keluar: 0 tanpa galat, 1 ada jawaban di luar 1-4 atau tak terbaca (tidak dihitung), 2 berkas tidak dapat dibaca, tanpa tabel jawaban, atau salinan tidak dapat ditulis.
`,
    en: `Usage:
  skm-rekap olah FILE.xlsx|FILE.csv [--sheet NAME] [--by tahun|semester|triwulan|bulan|COLUMN] [--populasi N] [--json] [--lang id|en] [--out COPY.xlsx]

  olah        processes SKM questionnaire answers (one row per respondent) into NRR, IKM and category per PermenPANRB 14/2017
  --sheet     the sheet holding the answers (default: found automatically)
  --by        results per period of the date column (tahun, semester, triwulan, bulan) or per value of a column
  --populasi  the population of service users: compares the respondents with the Krejcie-Morgan minimum sample
  --json      prints the result as one JSON object
  --lang      message language: id (default) or en
  --out       writes a new processing workbook in the official layout, with formulas

Exit codes: 0 no errors, 1 answers outside 1-4 or unreadable (not counted), 2 the file cannot be read, holds no answers table, or the copy cannot be written.
`,
  }),
  badPopulation: (v: string): Text => ({
    id: `--populasi "${v}" bukan bilangan bulat positif.`,
    en: `--populasi "${v}" is not a positive whole number.`,
  }),
  noFile: (): Text => ({
    id: 'Sebutkan berkas .xlsx atau .csv berisi jawaban responden.',
    en: 'Name the .xlsx or .csv file holding the answers.',
  }),
  notFound: (f: string): Text => ({
    id: `Berkas "${f}" tidak ditemukan.`,
    en: `File "${f}" not found.`,
  }),
  unreadable: (f: string, why: string): Text => ({
    id: `Berkas "${f}" tidak dapat dibaca sebagai buku kerja .xlsx (${why}).`,
    en: `File "${f}" cannot be read as an .xlsx workbook (${why}).`,
  }),
  sameAsInput: (f: string): Text => ({
    id: `Buku kerja pengolahan tidak boleh menimpa berkas asli "${f}": pilih nama lain untuk --out.`,
    en: `The processing workbook must not overwrite the original "${f}": choose another name for --out.`,
  }),
  cannotWrite: (f: string, why: string): Text => ({
    id: `Buku kerja pengolahan "${f}" tidak dapat ditulis (${why}).`,
    en: `The processing workbook "${f}" cannot be written (${why}).`,
  }),
  written: (f: string): Text => ({
    id: `Buku kerja pengolahan ditulis ke ${f}`,
    en: `Processing workbook written to ${f}`,
  }),
};
