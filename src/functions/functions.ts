/*
 * The SKM custom functions (namespace SKM, set in manifest.xml). Each is a thin
 * wrapper over the engine; custom-functions-metadata-plugin reads the JSDoc
 * below to generate functions.json and appends the CustomFunctions.associate
 * calls to the bundle, so the JSDoc is the single source of names, parameter
 * help and descriptions (shown to users, hence in Bahasa Indonesia).
 *
 * Blank cells arrive as null or ""; older desktop builds may send 0. Inside a
 * value range 0 is read as blank (no SKM value can be 0); a lone argument of 0
 * (ikm, populasi) is a number and is checked as one. See docs/functions.md.
 * Optional parameters arrive as null (undefined when called from JS).
 */
import { parseNumber, type CellValue } from '../engine/numbers';
import { category, ikmFromConverted, ikmFromNrr, sampleSize, CONVERSION } from '../engine/scores';
import { checkRecordCells } from '../engine/standalone';
import { UNSUR } from '../engine/unsur';
import { EPSILON } from '../engine/precision';
import {
  CONVERTED_RANGE,
  NRR_RANGE,
  asMatrix,
  isBlankCell,
  readAnswers,
  readNames,
  readNumber,
  readRecordLines,
  readUnsurValues,
  show,
} from './cells';
import { guard, invalidNumber, invalidValue } from './errors';
import { countProfile, isAge, isSex } from '../engine/respondents/profile';

/**
 * Menghitung IKM (skala 25-100, tanpa pembulatan) dari nilai sembilan unsur. Sel kosong atau 0 pada matriks jawaban dilewati.
 * @customfunction IKM
 * @param nilai Rentang 1x9 atau 9x1 NRR (1-4) atau nilai konversi (25-100); atau dua baris rekap (baris NRR dan baris konversi) yang cocok; atau matriks n x 9 jawaban 1-4, satu baris per responden.
 * @returns IKM pada skala 25-100.
 */
export function ikm(nilai: any[][]): number {
  return guard(() => {
    const v = readUnsurValues(nilai, 'nilai');
    // A record's IKM comes from its converted line, as the checker's does.
    return v.nrr && v.source !== 'record' ? ikmFromNrr(v.nrr) : ikmFromConverted(v.converted);
  });
}

/**
 * Menghitung NRR tiap unsur (rata-rata jawaban 1-4) dari matriks jawaban responden; hasilnya 1x9 (spill). Sel kosong atau 0 dilewati.
 * @customfunction NRR
 * @param jawaban Matriks n x 9 jawaban 1-4: satu baris per responden, satu kolom per unsur (U1-U9).
 * @returns Sembilan NRR dalam satu baris.
 */
export function nrr(jawaban: any[][]): number[][] {
  return guard(() => [readAnswers(jawaban, 'jawaban')]);
}

/**
 * Mengubah NRR (1-4) menjadi nilai konversi (NRR x 25), untuk satu angka atau satu rentang (spill). Sel kosong atau 0 menghasilkan sel kosong.
 * @customfunction KONVERSI
 * @param nrr NRR (1-4): satu angka atau rentang; teks dengan koma desimal ("3,46") dibaca.
 * @returns Nilai konversi (25-100), dengan bentuk yang sama dengan masukan.
 */
export function konversi(nrr: any[][]): any[][] {
  return guard(() =>
    asMatrix(nrr, 'nrr').map((row, i) =>
      row.map((v, j) => {
        const p = readNumber(v, 'nrr', `baris ${i + 1} kolom ${j + 1}`, true);
        if (p.kind !== 'number') return '';
        if (p.value < NRR_RANGE.min - EPSILON || p.value > NRR_RANGE.max + EPSILON) {
          throw invalidNumber(
            `nrr: baris ${i + 1} kolom ${j + 1} = ${show(p.value)}; NRR harus 1-4.`,
          );
        }
        return p.value * CONVERSION;
      }),
    ),
  );
}

const BENTUK = ['lengkap', 'huruf', 'kinerja'] as const;
type Bentuk = (typeof BENTUK)[number];

function readBentuk(v: CellValue): Bentuk {
  if (isBlankCell(v) || v === 0) return 'lengkap';
  const b = String(v).trim().toLowerCase();
  if ((BENTUK as readonly string[]).includes(b)) return b as Bentuk;
  throw invalidValue(
    `bentuk "${String(v)}" tidak dikenal; gunakan "huruf", "kinerja" atau kosongkan.`,
  );
}

/**
 * Mutu pelayanan dari IKM: "A (Sangat Baik)", "B (Baik)", "C (Kurang Baik)" atau "D (Tidak Baik)". IKM dibulatkan ke 2 desimal; nilai 1-4 dibaca sebagai rata-rata NRR. IKM kosong: #VALUE!.
 * @customfunction KATEGORI
 * @param ikm IKM pada skala 25-100, atau rata-rata NRR pada skala 1-4.
 * @param [bentuk] Kosong: "B (Baik)"; "huruf": "B"; "kinerja": "Baik".
 * @returns Kategori mutu pelayanan.
 */
export function kategori(ikm: any, bentuk?: any): string {
  return guard(() => {
    const p = readNumber(ikm as CellValue, 'ikm', 'sel', false);
    if (p.kind !== 'number') throw invalidValue('ikm kosong.');
    const x = p.value;
    const onNrr = x >= NRR_RANGE.min - EPSILON && x <= NRR_RANGE.max + EPSILON;
    const onIkm = x >= CONVERTED_RANGE.min - EPSILON && x <= CONVERTED_RANGE.max + EPSILON;
    if (!onNrr && !onIkm)
      throw invalidNumber(`ikm ${show(x)} di luar rentang 25-100 (IKM) dan 1-4 (rata-rata NRR).`);
    const form = readBentuk(bentuk as CellValue);
    const c = category(x);
    return form === 'huruf' ? c.grade : form === 'kinerja' ? c.kinerja : c.label;
  });
}

/**
 * Jumlah minimal responden untuk suatu populasi menurut tabel Krejcie dan Morgan (PermenPANRB 14/2017). Populasi kosong: #VALUE!; 0: #NUM!.
 * @customfunction SAMPEL
 * @param populasi Jumlah populasi (bilangan bulat positif); "1.686" dibaca 1686.
 * @returns Jumlah minimal responden.
 */
export function sampel(populasi: any): number {
  return guard(() => {
    if (typeof populasi === 'boolean') throw invalidValue('populasi harus angka.');
    const p = parseNumber(populasi as CellValue, { counts: true });
    if (p.kind === 'blank') throw invalidValue('populasi kosong.');
    if (p.kind !== 'number') throw invalidValue(`populasi "${p.text}" bukan angka.`);
    if (!Number.isInteger(p.value) || p.value < 1) {
      throw invalidNumber(
        `populasi ${show(p.value)} tidak sah; populasi harus bilangan bulat positif.`,
      );
    }
    const size = sampleSize(p.value);
    if (!Number.isFinite(size)) throw invalidNumber(`populasi ${show(p.value)} terlalu besar.`);
    return size;
  });
}

/**
 * Nama unsur dengan nilai terendah dari sembilan unsur; bila sama rendah, nama-namanya dipisah ", ". Sel kosong atau 0 pada matriks jawaban dilewati.
 * @customfunction TERENDAH
 * @param nilai Sembilan nilai unsur U1-U9 (1x9 atau 9x1 NRR atau nilai konversi), dua baris rekap yang cocok, atau matriks n x 9 jawaban 1-4.
 * @param [nama] Sembilan nama unsur (1x9 atau 9x1) sesuai urutan nilai; kosong: nama baku U1-U9.
 * @returns Nama unsur terendah.
 */
export function terendah(nilai: any[][], nama?: any[][]): string {
  return guard(() => {
    const values = readUnsurValues(nilai, 'nilai').converted;
    const names = isBlankCell(nama) ? null : readNames(nama, 'nama');
    const lowest = Math.min(...values);
    return values
      .map((v, i) => ({ v, name: names?.[i] ?? UNSUR[i].name }))
      .filter((u) => u.v - lowest <= EPSILON)
      .map((u) => u.name)
      .join(', ');
  });
}

/**
 * Memeriksa satu rekap: "OK", atau keterangan singkat yang tidak cocok (konversi, IKM, kategori), dengan toleransi yang sama dengan pemeriksa rekap. 0 dibaca kosong; rekap yang seluruhnya kosong menghasilkan "".
 * @customfunction PERIKSA
 * @param nilai Baris NRR dan/atau baris nilai konversi: 1x9, 9x1, 2x9 atau 9x2.
 * @param ikm IKM yang tertulis.
 * @param [kategori] Kategori yang tertulis, misalnya "B (Baik)".
 * @returns "OK" atau keterangan ketidakcocokan.
 */
export function periksa(nilai: any[][], ikm: any, kategori?: any): string {
  return guard(() => {
    const lines = readRecordLines(nilai, 'nilai');
    const ikmCell = ikm === 0 ? null : (ikm as CellValue);
    const categoryCell = kategori === 0 ? null : (kategori as CellValue);
    if (lines.length === 0 && isBlankCell(ikmCell) && isBlankCell(categoryCell)) return '';
    const result = checkRecordCells(
      { lines, ikm: ikmCell ?? null, category: categoryCell ?? null },
      'id',
    );
    return result.ok ? 'OK' : result.problems.join(' ');
  });
}

/**
 * Profil responden dari satu kolom jawaban profil: tabel nilai, jumlah dan bagian (spill), seperti "Olah Data Responden". Usia berupa angka dikelompokkan (< 20, 20-29, ..., ≥ 60); L/P, Pria/Wanita dibaca Laki-laki/Perempuan; sel kosong dilewati.
 * @customfunction PROFIL
 * @param kolom Satu kolom (atau baris) isian profil tanpa judul, misalnya jenis kelamin, usia, pendidikan, pekerjaan atau jenis layanan.
 * @param [jenis] "usia", "kelamin" atau "teks"; kosong: ditentukan dari isinya.
 * @returns Tabel tiga kolom: nilai, jumlah responden, bagian (0-1).
 */
export function profil(kolom: any[][], jenis?: any): any[][] {
  return guard(() => {
    const m = asMatrix(kolom, 'kolom');
    if (m.length > 1 && m[0].length > 1)
      throw invalidValue(
        `kolom harus satu kolom atau satu baris, bukan ${m.length}x${m[0].length}.`,
      );
    const values = m.flat().filter((v) => !isBlankCell(v));
    if (values.length === 0) throw invalidValue('kolom kosong.');
    const kind = isBlankCell(jenis) ? '' : String(jenis).trim().toLowerCase();
    if (kind && !['usia', 'kelamin', 'teks'].includes(kind))
      throw invalidValue(
        `jenis "${String(jenis)}" tidak dikenal: gunakan "usia", "kelamin" atau "teks".`,
      );
    const field =
      kind === 'usia' || (!kind && values.every(isAge))
        ? 'usia'
        : kind === 'kelamin' || (!kind && values.every(isSex))
          ? 'jenisKelamin'
          : 'lain';
    return countProfile(field, values, null).map((e) => [e.value, e.count, e.share]);
  });
}
