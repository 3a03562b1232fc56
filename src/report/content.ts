/**
 * The report's front matter and chapters, from the checked recap: every
 * figure comes from the engine's analysis and summary (summarise), none is
 * computed here.
 */
import { reasonText } from '../engine/summary';
import { category } from '../engine/scores';
import { sentences, type Level } from '../engine/messages';
import { UNSUR, unsurByCode } from '../engine/unsur';

const LEVELS: Level[] = ['kabupaten', 'kota', 'provinsi', 'nasional'];
import { categoryChart, trendChart, unsurChart } from './charts';
import {
  BSRE_NOTE,
  officeName,
  officeRun,
  periodRuns,
  regionRun,
  signature,
  yearRun,
  type ReportContext,
} from './context';
import { count, id2, pct2, upper } from './format';
import { cell, para, t, type Block, type Cell, type Run } from './model';
import { background, preface, purposes } from './template';
import { printedPoints, trendSentence, trendWords } from './trend';
import { unitsWithPlans } from './lampiran';

const head = (...texts: string[]): Cell[] =>
  texts.map((x) => cell(x, { shade: true, align: 'center' }));
const num = (text: string, extra: Omit<Cell, 'runs'> = {}): Cell =>
  cell(text, { align: 'right', ...extra });
const who = (c: ReportContext): string => c.region ?? `tingkat ${c.analysis.district.level}`;
export const errorCount = (c: ReportContext): number =>
  c.analysis.findings.filter((f) => f.severity === 'error').length;

export function cover(c: ReportContext): Block[] {
  const blocks: Block[] = [
    {
      kind: 'title',
      text: 'LAPORAN SURVEI KEPUASAN MASYARAKAT (SKM)',
      size: 20,
      spaceBefore: 1600,
    },
    {
      kind: 'title',
      text: c.region ? `PEMERINTAH ${upper(c.region)}` : 'PEMERINTAH [KABUPATEN/KOTA ...]',
      size: 16,
      spaceBefore: 600,
    },
    { kind: 'title', text: c.year ? `TAHUN ${c.year}` : 'TAHUN [....]', size: 16 },
  ];
  const office = officeName(c);
  blocks.push(
    { kind: 'title', text: 'Disusun oleh:', size: 12, spaceBefore: 3200 },
    {
      kind: 'title',
      text: office ? upper(office) : 'BAGIAN ORGANISASI SEKRETARIAT DAERAH [KABUPATEN/KOTA ...]',
      size: 14,
    },
    { kind: 'title', text: c.year ? String(c.year) : '[....]', size: 14 },
  );
  const errors = errorCount(c);
  if (errors > 0 && !c.options.ignoreErrors) {
    const units = c.summary.unitsWithErrors.length;
    blocks.push({
      kind: 'box',
      runs: [
        t('Catatan: ', { bold: true }),
        t(
          `rekap pada lembar "${c.analysis.table.sheet}" masih memuat ${count(errors)} galat pada ${count(units)} unit. Angka dalam laporan ini dihitung dari rekap apa adanya. Lihat galat tersebut dengan perintah `,
        ),
        t(`skm-rekap check "${c.options.fileName ?? 'REKAP.xlsx'}"`, { bold: true }),
        t(' atau tombol '),
        t('Validasi Rekap', { bold: true }),
        t(' (tab Beranda, grup SKM) di Excel, perbaiki rekap, lalu susun ulang laporan ini.'),
      ],
    });
  }
  return blocks;
}

export function front(c: ReportContext): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'KATA PENGANTAR' },
    ...preface(regionRun(c), yearRun(c)),
    signature(c),
  ];
  if (c.settings.electronic) blocks.push(para(t(BSRE_NOTE, { italic: true })));
  blocks.push({ kind: 'pageBreak' }, { kind: 'toc', title: 'DAFTAR ISI' });
  return blocks;
}

export function chapter1(c: ReportContext): Block[] {
  return [
    { kind: 'heading', level: 1, text: 'BAB I PENDAHULUAN' },
    { kind: 'heading', level: 2, text: '1.1 Latar Belakang' },
    ...background(regionRun(c), officeRun(c)),
    { kind: 'heading', level: 2, text: '1.2 Tujuan dan Manfaat' },
    ...purposes(regionRun(c)),
  ];
}

function collection(c: ReportContext): Block[] {
  const r = c.summary.reporting;
  const missing = r.listed - r.withData;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '2.1 Pengumpulan Data' },
    para(
      `Hasil SKM dihimpun dari laporan unit pelayanan publik (OPP) yang tercantum pada lembar "${r.source}". Sebanyak ${count(r.withData)} dari ${count(r.listed)} unit telah menyampaikan hasil SKM${
        missing > 0 ? `; ${count(missing)} unit belum menyampaikan data` : ''
      }. Dari ${count(r.expectedReports)} laporan periode yang diharapkan menurut pelaksanaan survei masing-masing unit, ${count(r.presentReports)} laporan telah diterima.`,
    ),
    {
      kind: 'table',
      caption: 'Tabel 2.1 Pelaporan hasil SKM menurut pelaksanaan survei',
      table: {
        widths: [30, 20, 25, 25],
        fontSize: 10,
        header: [head('Pelaksanaan', 'Jumlah unit', 'Laporan diharapkan', 'Laporan diterima')],
        rows: [
          ...r.byRhythm.map((b) => [
            cell(b.rhythm),
            num(count(b.units)),
            num(count(b.expected)),
            num(count(b.present)),
          ]),
          [
            cell('Jumlah', { shade: true }),
            num(count(r.listed), { shade: true }),
            num(count(r.expectedReports), { shade: true }),
            num(count(r.presentReports), { shade: true }),
          ],
        ],
      },
    },
  ];
  const ex = c.summary.excluded;
  if (ex.length > 0)
    blocks.push(
      para(
        `${count(ex.length)} unit pada rekap tidak masuk perhitungan rata-rata karena tidak memiliki nilai unsur tahunan atau per periode:`,
      ),
      {
        kind: 'table',
        caption: 'Tabel 2.2 Unit yang tidak masuk perhitungan rata-rata',
        table: {
          widths: [8, 62, 30],
          fontSize: 10,
          header: [head('No', 'Unit Pelayanan Publik', 'Alasan')],
          rows: ex.map((e) => [
            cell(e.no === null ? '' : String(e.no), { align: 'center' }),
            cell(e.name),
            cell(reasonText(e.reason)),
          ]),
        },
      },
    );
  return blocks;
}

/** The engine's two finding sentences, at the level the region names (a kota says "tingkat kota"). */
function lowestSentences(c: ReportContext): Run[] {
  const d = c.analysis.district;
  const named = c.levelWord.toLowerCase();
  const level: Level = LEVELS.includes(named as Level) ? (named as Level) : d.level;
  const out: Run[] = [];
  if (d.lowest.length > 0)
    out.push(
      t(
        sentences.lowest(
          level,
          d.lowest.map((u) => u.name),
          d.lowest.map((u) => unsurByCode(u.code).nameEn),
          d.lowest[0].value,
        ).id + ' ',
      ),
    );
  if (d.sentences.mostPrioritised) out.push(t(d.sentences.mostPrioritised.id + ' '));
  const low = new Set(d.lowest.map((u) => u.code));
  if (d.lowest.length > 0 && d.mostPrioritised.length > 0)
    out.push(
      t(
        d.mostPrioritised.some((u) => low.has(u.code))
          ? 'Unsur dengan nilai terendah itu juga merupakan unsur yang paling banyak dipilih sebagai prioritas perbaikan.'
          : 'Unsur dengan nilai terendah bukan unsur yang paling banyak dipilih sebagai prioritas perbaikan.',
      ),
    );
  return out;
}

function analysis(c: ReportContext): Block[] {
  const d = c.analysis.district;
  const level = c.levelWord.toLowerCase();
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '2.2 Analisis Hasil SKM oleh OPP' },
    para(
      `Hasil SKM setiap OPP direkapitulasi pada Lampiran II. Nilai rata-rata ${level} dihitung dari ${count(d.included.length)} unit yang memiliki nilai unsur: untuk setiap unit dipakai nilai Tahunan, atau rata-rata nilai periodenya bila tidak ada nilai Tahunan, dan IKM adalah rata-rata kesembilan nilai unsur (bobot 1/9, PermenPANRB 14/2017).`,
    ),
  ];
  if (d.ikm === null) {
    blocks.push(
      para('Belum ada unit dengan nilai unsur, sehingga nilai rata-rata belum dapat dihitung.'),
    );
    return blocks;
  }
  blocks.push({
    kind: 'table',
    caption: `Tabel 2.3 Nilai rata-rata ${level} per unsur`,
    table: {
      widths: [8, 52, 18, 22],
      fontSize: 10,
      header: [head('No', 'Unsur Pelayanan', 'Nilai', 'Kategori')],
      rows: [
        ...d.unsur.map((u, i) => [
          cell(`U${i + 1}`, { align: 'center' }),
          cell(UNSUR[i].name),
          num(id2(u.value)),
          cell(category(u.value).label),
        ]),
        [
          cell('Indeks Kepuasan Masyarakat (IKM)', { colSpan: 2, shade: true }),
          num(id2(d.ikm), { shade: true }),
          cell(d.category ?? '', { shade: true }),
        ],
        ...(d.realisation !== null
          ? [
              [
                cell('Realisasi tindak lanjut periode sebelumnya', { colSpan: 2 }),
                num(pct2(d.realisation)),
                cell(''),
              ],
            ]
          : []),
      ],
    },
  });
  blocks.push({
    kind: 'chart',
    chart: unsurChart(d),
    caption: `Gambar 2.1 Nilai rata-rata ${level} per unsur`,
  });
  blocks.push(
    para(
      `Nilai IKM ${who(c)} adalah ${id2(d.ikm)} dengan mutu pelayanan ${d.category}. `,
      ...lowestSentences(c),
    ),
  );
  const cats = c.summary.categories;
  blocks.push({
    kind: 'table',
    caption: 'Tabel 2.4 Sebaran unit menurut kategori',
    table: {
      widths: [40, 30, 30],
      fontSize: 10,
      header: [head('Kategori', 'Jumlah unit', 'Persentase')],
      rows: cats.map((k) => [cell(k.label), num(count(k.units)), num(pct2(k.share * 100))]),
    },
  });
  blocks.push({
    kind: 'chart',
    chart: categoryChart(cats),
    caption: 'Gambar 2.2 Jumlah unit menurut kategori',
  });
  blocks.push(
    para(
      `Dari ${count(d.included.length)} unit yang dinilai, ${cats
        .filter((k) => k.units > 0)
        .map((k) => `${count(k.units)} unit (${pct2(k.share * 100)}) berkategori ${k.label}`)
        .join(', ')}.`,
    ),
  );
  const points = c.summary.trend.points;
  blocks.push(para(trendSentence(points, who(c))));
  if (points.length >= 2) {
    blocks.push({
      kind: 'table',
      caption: 'Tabel 2.5 Tren IKM',
      table: {
        widths: [20, 25, 30, 25],
        fontSize: 10,
        header: [head('Tahun', 'IKM', 'Kategori', 'Perubahan')],
        rows: printedPoints(points).map((p) => [
          cell(String(p.year), { align: 'center' }),
          num(id2(p.ikm)),
          cell(p.category),
          num(p.change === null ? '' : `${p.change > 0 ? '+' : ''}${id2(p.change)}`),
        ]),
      },
    });
    blocks.push({ kind: 'chart', chart: trendChart(points), caption: 'Gambar 2.3 Tren IKM' });
  }
  return blocks;
}

export function chapter2(c: ReportContext): Block[] {
  return [
    { kind: 'heading', level: 1, text: 'BAB II PENGUMPULAN DATA DAN ANALISIS HASIL SKM DARI OPP' },
    ...collection(c),
    ...analysis(c),
  ];
}

/** BAB III: the seed's four conclusions, each figure from the summary. */
export function chapter3(c: ReportContext): Block[] {
  const d = c.analysis.district;
  const r = c.summary.reporting;
  const items: Run[][] = [];
  const gov = [t('Pemerintah '), regionRun(c)];
  if (d.ikm !== null) {
    const points = c.summary.trend.points;
    const words = trendWords(points);
    const p = printedPoints(points);
    items.push([
      t('Secara umum, pelayanan publik di lingkungan '),
      ...gov,
      t(` bermutu ${d.category} dengan nilai rata-rata IKM ${id2(d.ikm)}.`),
      ...(words && p.length >= 2
        ? [
            t(
              ` Selama tahun ${p[0].year}-${p[p.length - 1].year} nilai IKM ${words}, dari ${id2(p[0].ikm)} menjadi ${id2(p[p.length - 1].ikm)}.`,
            ),
          ]
        : []),
    ]);
  }
  const missing = r.listed - r.withData;
  items.push([
    t(
      `Sebanyak ${count(r.withData)} dari ${count(r.listed)} unit pelayanan publik telah menyampaikan hasil SKM (${count(r.presentReports)} dari ${count(r.expectedReports)} laporan periode)${
        missing > 0 ? `; ${count(missing)} unit belum menyampaikan data` : ''
      }.`,
    ),
  ]);
  const plans = unitsWithPlans(c);
  items.push([
    t(
      `Sebanyak ${count(plans)} dari ${count(r.withData)} unit yang melapor telah menyusun rencana tindak lanjut atas unsur prioritas perbaikannya${
        d.realisation !== null
          ? `, dengan rata-rata realisasi tindak lanjut hasil SKM periode sebelumnya sebesar ${pct2(d.realisation)}`
          : '; realisasi tindak lanjut belum diisi'
      }.`,
    ),
  ]);
  const lowest = lowestSentences(c);
  if (lowest.length > 0) items.push(lowest);
  return [
    { kind: 'heading', level: 1, text: 'BAB III KESIMPULAN' },
    para(
      'Berdasarkan hasil SKM pada unit pelayanan publik di lingkungan ',
      ...gov,
      ' periode ',
      ...periodRuns(c),
      ', dapat disimpulkan:',
    ),
    { kind: 'list', items },
    signature(c),
  ];
}
