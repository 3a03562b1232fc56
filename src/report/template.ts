/**
 * The report's template text: Kata Pengantar and BAB I, written for any
 * region. Staff edit it in Word; the figures never come from here.
 */
import { UNSUR } from '../engine/unsur';
import { para, t, type Block, type Run } from './model';

/** Kata Pengantar: thanks, what the report is for, its scope, thanks to units and respondents. */
export function preface(region: Run, year: Run): Block[] {
  return [
    para(
      'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya Laporan Survei Kepuasan Masyarakat (SKM) di lingkungan Pemerintah ',
      region,
      ' Tahun ',
      year,
      ' dapat diselesaikan.',
    ),
    para(
      'Laporan ini menyajikan hasil pelaksanaan SKM oleh unit pelayanan publik sebagai bahan evaluasi penyelenggaraan pelayanan publik dan dasar penyusunan kebijakan peningkatan kualitas pelayanan. Pengukuran mencakup sembilan unsur pelayanan yang wajib menurut Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017.',
    ),
    para(
      'Terima kasih kami sampaikan kepada seluruh Organisasi Perangkat Daerah dan unit pelayanan publik (OPP) yang telah melaksanakan serta melaporkan SKM, dan kepada masyarakat yang telah bersedia menjadi responden. Semoga laporan ini bermanfaat bagi peningkatan kualitas pelayanan publik.',
    ),
  ];
}

/** 1.1 Latar Belakang: the legal basis and why the region runs the survey. */
export function background(region: Run, office: Run): Block[] {
  return [
    para(
      'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik menegaskan bahwa penyelenggaraan pelayanan publik harus memenuhi harapan dan hak masyarakat, dan bahwa masyarakat berperan serta dalam penyelenggaraannya, termasuk dalam menilai kinerja penyelenggara.',
    ),
    para(
      'Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan penyelenggara melakukan penilaian kinerja pelayanan secara berkala, antara lain melalui survei kepuasan masyarakat.',
    ),
    para(
      'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik menetapkan cara survei dilakukan, cara Indeks Kepuasan Masyarakat (IKM) dihitung dan dikategorikan, serta sembilan unsur yang diukur:',
    ),
    { kind: 'list', items: UNSUR.map((u) => [t(u.name)]) },
    para(
      'Berdasarkan ketentuan tersebut, Pemerintah ',
      region,
      ' melalui ',
      office,
      ' menghimpun hasil SKM seluruh unit pelayanan publik di lingkungannya dan menyusunnya dalam laporan ini.',
    ),
  ];
}

/** 1.2 Tujuan dan Manfaat: the purpose and the six benefits. */
export function purposes(region: Run): Block[] {
  return [
    para(
      'Survei Kepuasan Masyarakat bertujuan memperoleh gambaran tingkat kepuasan masyarakat terhadap kualitas pelayanan publik dan menilai kinerja penyelenggaraan pelayanan. Manfaatnya adalah:',
    ),
    {
      kind: 'list',
      items: [
        [t('diketahuinya kelemahan atau kekurangan setiap unsur dalam penyelenggaraan pelayanan;')],
        [t('diketahuinya kinerja penyelenggaraan pelayanan oleh unit pelayanan secara berkala;')],
        [
          t(
            'diketahuinya indeks kepuasan masyarakat pada setiap unit pelayanan dan secara menyeluruh pada lingkup Pemerintah ',
          ),
          region,
          t(';'),
        ],
        [t('terpacunya persaingan yang sehat antarunit pelayanan dalam meningkatkan kinerja;')],
        [t('tersedianya dasar penetapan kebijakan dan upaya perbaikan pelayanan;')],
        [t('diketahuinya kinerja unit pelayanan oleh masyarakat.')],
      ],
    },
  ];
}
