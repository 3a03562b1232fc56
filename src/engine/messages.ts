/**
 * Every sentence the engine says, in Bahasa Indonesia (id, the default) and
 * English (en). Numbers are formatted for each language (86,12 / 86.12).
 */
import { formatEn, formatId } from './numbers';
import { unsurByCode, type UnsurCode } from './unsur';

export type Lang = 'id' | 'en';

export interface Text {
  id: string;
  en: string;
}

export function say(text: Text, lang: Lang = 'id'): string {
  return text[lang];
}

const nId = (x: number, d = 2) => formatId(x, d);
const nEn = (x: number, d = 2) => formatEn(x, d);
/** As typed: keeps the decimals the cell showed (3 for 85,512). */
const asTypedId = (x: number) => formatId(x, Math.min(Math.max(decimalsShown(x), 2), 4));
const asTypedEn = (x: number) => formatEn(x, Math.min(Math.max(decimalsShown(x), 2), 4));
function decimalsShown(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

const uName = (u: UnsurCode) => unsurByCode(u).name;
const uNameEn = (u: UnsurCode) => unsurByCode(u).nameEn;
const listId = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} dan ${xs[xs.length - 1]}`;
const listEn = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** Problems that stop the reading of a file or sheet. */
export const problems = {
  emptySheet: (sheet: string): Text => ({
    id: `Lembar "${sheet}" kosong.`,
    en: `Sheet "${sheet}" is empty.`,
  }),
  noTable: (sheet: string): Text => ({
    id: `Lembar "${sheet}" tidak memuat tabel rekap SKM: tidak ditemukan baris judul kolom dengan nama unsur (Persyaratan, Prosedur, Waktu, ...) dan kolom IKM atau Unit.`,
    en: `Sheet "${sheet}" holds no SKM recap table: no header row with the unsur names (Persyaratan, Prosedur, Waktu, ...) and an IKM or Unit column was found.`,
  }),
  unsurColumnsMissing: (sheet: string, missing: UnsurCode[], rows: number[]): Text => ({
    id: `Lembar "${sheet}", baris judul ${rows.join('-')}: kolom unsur ${listId(missing.map((u) => `${u} ${uName(u)}`))} tidak ditemukan.`,
    en: `Sheet "${sheet}", header rows ${rows.join('-')}: no column for unsur ${listEn(missing.map((u) => `${u} ${uName(u)}`))}.`,
  }),
  noUnitColumn: (sheet: string, rows: number[]): Text => ({
    id: `Lembar "${sheet}", baris judul ${rows.join('-')}: kolom NO atau Unit Pelayanan tidak ditemukan.`,
    en: `Sheet "${sheet}", header rows ${rows.join('-')}: no NO or service unit column was found.`,
  }),
  noRecapInWorkbook: (sheets: string[]): Text => ({
    id: `Tidak ada lembar yang memuat tabel rekap SKM (lembar yang diperiksa: ${sheets.map((s) => `"${s}"`).join(', ') || 'tidak ada'}).`,
    en: `No sheet holds an SKM recap table (sheets looked at: ${sheets.map((s) => `"${s}"`).join(', ') || 'none'}).`,
  }),
  sheetNotFound: (sheet: string, sheets: string[]): Text => ({
    id: `Lembar "${sheet}" tidak ada di buku kerja. Lembar yang ada: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
    en: `There is no sheet "${sheet}" in the workbook. Sheets: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
  }),
};

/** Likely causes named in findings (docs/skm-rules.md §8). */
export const causes = {
  weight0111: (): Text => ({
    id: 'Kemungkinan IKM dihitung dengan bobot 0,111, bukan 1/9.',
    en: 'The IKM was likely computed with weight 0.111 instead of 1/9.',
  }),
  weight011: (): Text => ({
    id: 'Kemungkinan IKM dihitung dengan bobot 0,11, bukan 1/9.',
    en: 'The IKM was likely computed with weight 0.11 instead of 1/9.',
  }),
  copied: (row: number, unit: string): Text => ({
    id: `IKM ini sama dengan IKM baris ${row} (${unit}): kemungkinan tersalin.`,
    en: `This IKM equals the IKM of row ${row} (${unit}): likely copied.`,
  }),
  onNrrScale: (): Text => ({
    id: 'IKM masih pada skala 1-4: kemungkinan belum dikali 25.',
    en: 'The IKM is on the 1-4 scale: likely not multiplied by 25.',
  }),
  swapped: (a: UnsurCode, b: UnsurCode): Text => ({
    id: `Nilai konversi ${uName(a)} dan ${uName(b)} tampaknya tertukar.`,
    en: `The converted values of ${uNameEn(a)} and ${uNameEn(b)} look swapped.`,
  }),
};

export const findingText = {
  noData: (): Text => ({
    id: 'Unit tercantum tetapi belum ada nilai SKM sama sekali.',
    en: 'The unit is listed but has no SKM values at all.',
  }),
  periodMissing: (label: string): Text => ({
    id: `Periode ${label} tidak ada atau kosong.`,
    en: `Period ${label} is missing or empty.`,
  }),
  annualMissing: (): Text => ({
    id: 'Unit melapor per periode tetapi tidak memiliki baris Tahunan.',
    en: 'The unit reports per period but has no Tahunan (annual) record.',
  }),
  notANumber: (what: string, whatEn: string, raw: string): Text => ({
    id: `${what} berisi "${raw}", bukan angka.`,
    en: `${whatEn} holds "${raw}", which is not a number.`,
  }),
  textNumber: (what: string, whatEn: string, cells: number): Text => ({
    id: `${what} tersimpan sebagai teks${cells > 1 ? ` (${cells} sel)` : ''}; dibaca sebagai angka.`,
    en: `${whatEn} is stored as text${cells > 1 ? ` (${cells} cells)` : ''}; read as a number.`,
  }),
  unsurMissing: (line: string, lineEn: string, missing: UnsurCode[]): Text => ({
    id: `${line}: nilai ${listId(missing.map(uName))} kosong, padahal unsur lain terisi.`,
    en: `${lineEn}: ${listEn(missing.map(uNameEn))} blank while the other unsur are filled.`,
  }),
  mixedScale: (line: string, lineEn: string): Text => ({
    id: `${line} mencampur nilai skala 1-4 (NRR) dan 25-100 (konversi).`,
    en: `${lineEn} mixes values on the 1-4 (NRR) and 25-100 (converted) scales.`,
  }),
  nrrOutOfRange: (u: UnsurCode, v: number): Text => ({
    id: `NRR ${uName(u)} ${asTypedId(v)} di luar rentang 1-4.`,
    en: `NRR of ${uNameEn(u)} ${asTypedEn(v)} is outside 1-4.`,
  }),
  conversionOutOfRange: (u: UnsurCode, v: number): Text => ({
    id: `Nilai konversi ${uName(u)} ${asTypedId(v)} di luar rentang 25-100.`,
    en: `Converted value of ${uNameEn(u)} ${asTypedEn(v)} is outside 25-100.`,
  }),
  conversionMismatch: (u: UnsurCode, conv: number, nrrValue: number): Text => ({
    id: `Nilai konversi ${uName(u)} tertulis ${asTypedId(conv)}, tetapi NRR ${asTypedId(nrrValue)} x 25 = ${asTypedId(nrrValue * 25)}.`,
    en: `Converted value of ${uNameEn(u)} is ${asTypedEn(conv)}, but NRR ${asTypedEn(nrrValue)} x 25 = ${asTypedEn(nrrValue * 25)}.`,
  }),
  ikmMissing: (expected: number): Text => ({
    id: `Nilai unsur terisi tetapi IKM kosong (seharusnya ${nId(expected)}).`,
    en: `Unsur values are filled but the IKM is blank (it should be ${nEn(expected)}).`,
  }),
  ikmOutOfRange: (v: number): Text => ({
    id: `IKM ${asTypedId(v)} di luar rentang 25-100.`,
    en: `IKM ${asTypedEn(v)} is outside 25-100.`,
  }),
  ikmMismatch: (actual: number, expected: number): Text => ({
    id: `IKM tertulis ${asTypedId(actual)}, tetapi rata-rata sembilan unsur x 25 = ${nId(expected)}.`,
    en: `The IKM reads ${asTypedEn(actual)}, but the mean of the nine unsur x 25 = ${nEn(expected)}.`,
  }),
  categoryMissing: (expected: string): Text => ({
    id: `IKM terisi tetapi kategori kosong (seharusnya ${expected}).`,
    en: `The IKM is filled but the category is blank (it should be ${expected}).`,
  }),
  categoryUnreadable: (raw: string, expected: string): Text => ({
    id: `Kategori "${raw}" tidak dapat dibaca sebagai A/B/C/D (seharusnya ${expected}).`,
    en: `Category "${raw}" cannot be read as A/B/C/D (it should be ${expected}).`,
  }),
  categoryMismatch: (raw: string, ikm: number, expected: string, fitsComputed: boolean): Text => ({
    id:
      `Kategori tertulis "${raw}", tetapi IKM ${asTypedId(ikm)} termasuk ${expected}.` +
      (fitsComputed ? ' Kategori ini sesuai dengan IKM hasil hitung ulang: periksa IKM-nya.' : ''),
    en:
      `The category reads "${raw}", but IKM ${asTypedEn(ikm)} falls in ${expected}.` +
      (fitsComputed ? ' The category fits the recomputed IKM: check the IKM.' : ''),
  }),
  respondentsBlank: (): Text => ({
    id: 'Jumlah responden kosong.',
    en: 'The number of respondents is blank.',
  }),
  respondentsInvalid: (v: number): Text => ({
    id: `Jumlah responden ${formatId(v, decimalsShown(v))} bukan bilangan bulat positif.`,
    en: `The number of respondents ${formatEn(v, decimalsShown(v))} is not a positive whole number.`,
  }),
  realisationOutOfRange: (pct: number): Text => ({
    id: `Realisasi tindak lanjut ${nId(pct)}% di luar rentang 0-100%.`,
    en: `Follow-up realisation ${nEn(pct)}% is outside 0-100%.`,
  }),
  annualMismatch: (u: UnsurCode, actual: number, expected: number, periods: string): Text => ({
    id: `Nilai Tahunan ${uName(u)} ${asTypedId(actual)} berbeda dari rata-rata ${periods} (${nId(expected, 3)}).`,
    en: `The annual ${uNameEn(u)} value ${asTypedEn(actual)} differs from the mean of ${periods} (${nEn(expected, 3)}).`,
  }),
  annualIkmMismatch: (actual: number, expected: number, periods: string): Text => ({
    id: `IKM Tahunan ${asTypedId(actual)} berbeda dari rata-rata IKM ${periods} (${nId(expected, 3)}).`,
    en: `The annual IKM ${asTypedEn(actual)} differs from the mean IKM of ${periods} (${nEn(expected, 3)}).`,
  }),
  annualRespondentsMismatch: (actual: number, expected: number): Text => ({
    id: `Responden Tahunan ${formatId(actual, 0)} berbeda dari jumlah responden per periode (${formatId(expected, 0)}).`,
    en: `Annual respondents ${formatEn(actual, 0)} differ from the sum over the periods (${formatEn(expected, 0)}).`,
  }),
  duplicateValues: (line: string, lineEn: string, row: number, unit: string): Text => ({
    id: `${line} sama persis dengan baris ${row} (${unit}): kemungkinan tersalin.`,
    en: `${lineEn} is identical to row ${row} (${unit}): likely copied.`,
  }),
  priorityUnknown: (entry: string): Text => ({
    id: `Unsur Prioritas Perbaikan "${entry}" tidak menyebut satu unsur SKM yang jelas.`,
    en: `Improvement priority "${entry}" names no clear SKM unsur.`,
  }),
  priorityNotLowest: (lowest: UnsurCode[], value: number): Text => ({
    id: `Unsur terendah unit ini (${listId(lowest.map(uName))}, ${nId(value)}) tidak termasuk Unsur Prioritas Perbaikan.`,
    en: `The unit's lowest unsur (${listEn(lowest.map(uNameEn))}, ${nEn(value)}) is not among its improvement priorities.`,
  }),
  averageRowMismatch: (what: string, whatEn: string, actual: number, expected: number): Text => ({
    id: `Baris rata-rata: ${what} tertulis ${asTypedId(actual)}, hasil hitung ulang ${nId(expected)}.`,
    en: `Average line: ${whatEn} reads ${asTypedEn(actual)}, recomputed ${nEn(expected)}.`,
  }),
};

/** Names of the lines and cells used inside messages. */
export const lineName = {
  nrr: { id: 'Baris NRR', en: 'The NRR line' },
  conv: { id: 'Baris nilai konversi', en: 'The converted line' },
  line: { id: 'Baris nilai', en: 'The value line' },
};

export const cellName = {
  ikm: { id: 'Sel IKM', en: 'The IKM cell' },
  respondents: { id: 'Sel jumlah responden', en: 'The respondents cell' },
  realisation: { id: 'Sel realisasi', en: 'The realisation cell' },
  unsur: (u: UnsurCode) => ({ id: `Sel ${uName(u)}`, en: `The ${uNameEn(u)} cell` }),
  averageUnsur: (u: UnsurCode) => ({ id: uName(u), en: uNameEn(u) }),
};

/** District level word, detected from the average line's label. */
export type Level = 'kabupaten' | 'kota' | 'provinsi' | 'nasional';

const levelEn: Record<Level, string> = {
  kabupaten: 'district',
  kota: 'city',
  provinsi: 'province',
  nasional: 'national',
};

export const sentences = {
  lowest: (level: Level, names: string[], namesEn: string[], value: number): Text => ({
    id: `Unsur terendah pada tingkat ${level} adalah ${listId(names)} dengan nilai rata-rata ${nId(value)}.`,
    en: `The lowest unsur at ${levelEn[level]} level is ${listEn(namesEn)} with a mean value of ${nEn(value)}.`,
  }),
  mostPrioritised: (names: string[], namesEn: string[], units: number): Text => ({
    id: `${listId(names)} merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (${units} unit).`,
    en: `${listEn(namesEn)} ${namesEn.length > 1 ? 'are the unsur' : 'is the unsur'} most often named as an improvement priority (${units} units).`,
  }),
};
