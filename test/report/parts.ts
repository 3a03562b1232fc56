/** The parts of the structure (docs/report-structure.md), in order. */
export const PARTS: string[] = [
  'LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)',
  'KATA PENGANTAR',
  'DAFTAR ISI',
  'BAB I PENDAHULUAN',
  '1.1 Latar Belakang',
  '1.2 Tujuan dan Manfaat',
  'BAB II PENGUMPULAN DATA DAN ANALISIS HASIL SKM DARI OPP',
  '2.1 Pengumpulan Data',
  '2.2 Analisis Hasil SKM oleh OPP',
  'BAB III KESIMPULAN',
  'LAMPIRAN I. BUKTI DUKUNG LAPORAN PELAKSANAAN SKM PADA MASING-MASING OPP',
  'LAMPIRAN II. HASIL PELAKSANAAN SKM OPP',
];
