/**
 * A recap workbook of another region and years than Banjar's, built in the
 * test: "KOTA SAMARINDA", one recap sheet per year (2022-2024, each year's
 * converted values `shift` points above the year before, so the district IKM
 * rises by exactly that), a unit list "Lampiran I" with report links, and a
 * "Pengaturan Laporan" sheet with place, date and signer.
 */
import type { SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import { category } from '../../src/engine/scores';
import { UNSUR } from '../../src/engine/unsur';
import { recap, semester, tahunan, unit, type RecordSpec } from '../engine/grid';

export const REGION = 'KOTA SAMARINDA';
export const UNITS = [
  'DINAS KESEHATAN',
  'DINAS PENDIDIKAN',
  'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
  'RSUD ABDUL WAHAB SJAHRANIE',
  'KECAMATAN SAMARINDA ULU',
  'KELURAHAN AIR PUTIH',
];

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** A consistent record: NRR multiples of 0,004 (so x 25 has two decimals), IKM their mean. */
function record(u: number, lift: number, respondents = 100 + 10 * u): Omit<RecordSpec, 'period'> {
  // Unit u's NRR for unsur i: 3,000 + 0,004 x (10u + 7i mod 60); U3 is kept lowest.
  const nrr = UNSUR.map((_, i) =>
    round(3 + 0.004 * ((10 * u + 7 * i) % 60) - (i === 2 ? 0.2 : 0), 3),
  );
  const conv = nrr.map((v) => round(v * 25 + lift, 2));
  const ikm = round(conv.reduce((s, v) => s + v, 0) / 9, 2);
  return {
    nrr: conv.map((c) => round(c / 25, 4)),
    conv,
    ikm,
    category: category(ikm).label,
    respondents,
    method: 'Online',
    priority: '1. Waktu penyelesaian\n2. Persyaratan',
    rtl: '1. Waktu penyelesaian: memangkas antrean',
    realisation: 80,
  };
}

/** The recap of one year; `lift` is added to every converted value; `faultyIkm` writes the first unit's IKM as 90,00. */
export function yearSheet(year: number, lift: number, faultyIkm = false): SheetGrid {
  const units = UNITS.map((name, k) =>
    k === 0 && faultyIkm
      ? unit(k + 1, name, tahunan({ ...record(k, lift), ikm: 90, category: 'A (Sangat Baik)' }))
      : k === 1
        ? // The annual record is the mean of its two semesters (0,2 below and above), respondents their sum.
          unit(
            k + 1,
            name,
            tahunan(record(k, lift, 2 * (100 + 10 * k))),
            semester(1, record(k, lift - 0.2)),
            semester(2, record(k, lift + 0.2)),
          )
        : unit(k + 1, name, tahunan(record(k, lift))),
  );
  return recap(units, {
    sheet: `Rekap ${year}`,
    title: ['REKAPITULASI HASIL PELAKSANAAN SKM OPP', `LINGKUP PEMERINTAH ${REGION} TAHUN ${year}`],
  }).grid;
}

export const LINK = (k: number) => `https://skm.samarindakota.go.id/laporan/${k + 1}.pdf`;

export function lampiranI(): SheetGrid {
  const values: CellValue[][] = [
    ['NO', 'UNIT PELAYANAN PUBLIK (UPP)', 'Keterangan', 'Link Laporan SKM'],
    ...UNITS.map((name, k) => [k + 1, name, k === 1 ? 'Semester' : 'Tahunan', LINK(k)]),
  ];
  return { name: 'Lampiran I', values, origin: { row: 1, col: 1 } };
}

export const SIGNER = {
  name: 'Dr. H. CONTOH NAMA, M.Si.',
  rank: 'PEMBINA UTAMA MADYA (IV/d)',
  nip: '197001012000031005',
};

export function settingsSheet(rows: CellValue[][] = []): SheetGrid {
  return {
    name: 'Pengaturan Laporan',
    origin: { row: 1, col: 1 },
    values: [
      ['Kunci', 'Nilai'],
      ['Tempat', 'Samarinda'],
      // 15 Desember 2024 as Excel's serial day number.
      ['Tanggal', 45641],
      ['Periode', 'Januari hingga Desember 2024'],
      ['Jabatan', 'Sekretaris Daerah Kota Samarinda'],
      ['Nama', SIGNER.name],
      ['Pangkat', SIGNER.rank],
      ['NIP', SIGNER.nip],
      ['Tautan Rekap', 'https://skm.samarindakota.go.id/rekap-2024.xlsx'],
      ...rows,
    ],
  };
}

/** The latest year first, as staff keep them; then the unit list and the settings. */
export function samarindaWorkbook(faultyIkm = false): SheetGrid[] {
  return [
    yearSheet(2024, 0, faultyIkm),
    yearSheet(2023, -1),
    yearSheet(2022, -2),
    lampiranI(),
    settingsSheet(),
  ];
}
