/**
 * The report as data, from the bundled Banjar recap and from a recap of
 * another region built in the test: every part of the structure staff sign,
 * the note on errors, the settings sheet, and the charts' SVG.
 */
import { promises as fs } from 'fs';
import { analyseWorkbook, type Analysis } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import { draftReport } from '../../src/report/build';
import { unsurChart } from '../../src/report/charts';
import { docText } from '../../src/report/model';
import { readSettings } from '../../src/report/settings';
import { UNSUR } from '../../src/engine/unsur';
import { readGrids } from '../../src/xlsx/lean-read';
import { SAMPLE } from '../cli/helpers';
import { PARTS } from './parts';
import { samarindaWorkbook, settingsSheet, SIGNER } from './samarinda';

let banjar: SheetGrid[];
let banjarAnalysis: Analysis;

beforeAll(async () => {
  banjar = await readGrids(await fs.readFile(SAMPLE));
  const a = analyseWorkbook(banjar);
  if (!a.ok) throw new Error(a.problem.message.en);
  banjarAnalysis = a;
});

function analysed(sheets: SheetGrid[]): Analysis {
  const a = analyseWorkbook(sheets);
  if (!a.ok) throw new Error(a.problem.message.en);
  return a;
}

describe('the Banjar 2025 report as data', () => {
  let text: string;
  beforeAll(() => {
    text = docText(draftReport(banjarAnalysis, banjar, { fileName: 'rekap.xlsx' }).doc);
  });

  it('holds every part of the structure, in order', () => {
    let at = -1;
    for (const part of PARTS) {
      const i = text.indexOf(part, at + 1);
      expect({ part, found: i > at }).toEqual({ part, found: true });
      at = i;
    }
  });

  it('names the region, year and office from the recap title, and the legal basis', () => {
    expect(text).toContain('PEMERINTAH KABUPATEN BANJAR\nTAHUN 2025');
    expect(text).toContain('BAGIAN ORGANISASI SEKRETARIAT DAERAH KABUPATEN BANJAR');
    expect(text).toContain('Undang-Undang Nomor 25 Tahun 2009');
    expect(text).toContain('Peraturan Pemerintah Nomor 96 Tahun 2012');
    expect(text).toContain('Nomor 14 Tahun 2017');
    for (const u of UNSUR) expect(text).toContain(u.name);
  });

  it('states the reporting against the unit list, per period kind', () => {
    expect(text).toContain('Sebanyak 92 dari 100 unit telah menyampaikan hasil SKM; 8 unit belum');
    expect(text).toMatch(/Semester \| 32 \| 64 \| \d+/);
  });

  it('writes the four conclusions with the district figures in Indonesian form', () => {
    expect(text).toContain('bermutu B (Baik) dengan nilai rata-rata IKM 87,68.');
    expect(text).toContain(
      'rata-rata realisasi tindak lanjut hasil SKM periode sebelumnya sebesar 83,23%',
    );
    expect(text).toMatch(
      /4\. Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 86,00\..*juga merupakan unsur yang paling banyak dipilih/,
    );
  });

  it('puts a note with the error count on the first page, unless asked not to', () => {
    const errors = banjarAnalysis.findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    const draft = draftReport(banjarAnalysis, banjar, { fileName: 'rekap.xlsx' });
    expect(draft.errors).toBe(errors);
    const cover = draft.doc.sections[0].blocks;
    const box = cover.find((b) => b.kind === 'box');
    expect(
      box && docText({ title: '', sections: [{ ...draft.doc.sections[0], blocks: [box] }] }),
    ).toContain(`masih memuat ${errors} galat`);
    expect(text).toContain('skm-rekap check "rekap.xlsx"');
    const quiet = draftReport(banjarAnalysis, banjar, { ignoreErrors: true });
    expect(quiet.doc.sections[0].blocks.some((b) => b.kind === 'box')).toBe(false);
  });

  it('leaves place, date and signer as highlighted fields when there is no settings sheet', () => {
    const draft = draftReport(banjarAnalysis, banjar);
    expect(draft.placeholders).toBeGreaterThan(0);
    expect(text).toContain('[Tempat], [tanggal bulan tahun]');
    expect(text).toContain('NIP. [18 angka]');
  });

  it('fills the signature from a "Pengaturan Laporan" sheet, NIP in its printed groups', () => {
    const sheets = [...banjar, settingsSheet()];
    const draft = draftReport(analysed(sheets), sheets);
    const t = docText(draft.doc);
    expect(t).toContain('Samarinda, 15 Desember 2024');
    expect(t).toContain(SIGNER.name);
    expect(t).toContain('NIP. 19700101 200003 1 005');
    expect(draft.issues).toEqual([]);
  });

  it('names the cell of a value it cannot use, and leaves that field to fill in', () => {
    const own: SheetGrid = {
      name: 'Pengaturan Laporan',
      values: [
        ['Tempat', 'Martapura'],
        ['NIP', '1970 0101'],
        ['Tanggal', '31/02/2025'],
      ],
    };
    const sheets = [...banjar, own];
    const read = readSettings(sheets);
    expect(read.issues.map((i) => i.id)).toEqual([
      'Lembar "Pengaturan Laporan", sel B2: nilai "1970 0101" untuk "NIP" tidak dapat dipakai (NIP terdiri atas 18 angka); laporan memakai isian kosong.',
      expect.stringMatching(
        /^Lembar "Pengaturan Laporan", sel B3: nilai "31\/02\/2025" untuk "Tanggal"/,
      ),
    ]);
    const t = docText(draftReport(analysed(sheets), sheets).doc);
    expect(t).toContain('Martapura, [tanggal bulan tahun]');
    expect(t).toContain('NIP. [18 angka]');
  });
});

describe('a recap of another region and year', () => {
  it('takes Kota Samarinda and 2024 from the workbook, never Banjar', () => {
    const sheets = samarindaWorkbook();
    const draft = draftReport(analysed(sheets), sheets);
    const t = docText(draft.doc);
    expect(t).toContain('PEMERINTAH KOTA SAMARINDA\nTAHUN 2024');
    expect(t).toContain('BAGIAN ORGANISASI SEKRETARIAT DAERAH KOTA SAMARINDA');
    expect(t).toContain('RATA-RATA KOTA');
    expect(t).toContain('Unsur terendah pada tingkat kota');
    expect(t).not.toMatch(/banjar|kabupaten/i);
    expect(draft.placeholders).toBe(0);
  });

  it('shows the trend of 2022-2024 as a table, a chart and one sentence that agree', () => {
    const sheets = samarindaWorkbook();
    const draft = draftReport(analysed(sheets), sheets);
    const t = docText(draft.doc);
    expect(t).toMatch(
      /2022 \| 75,41 \| C \(Kurang Baik\) \| \n2023 \| 76,41 \| C \(Kurang Baik\) \| \+1,00\n2024 \| 77,41 \| B \(Baik\) \| \+1,00/,
    );
    expect(t).toContain(
      'tahun 2022-2024 meningkat setiap tahun, dari 75,41 pada tahun 2022 menjadi 77,41',
    );
    expect(t).toContain(
      'Selama tahun 2022-2024 nilai IKM meningkat setiap tahun, dari 75,41 menjadi 77,41.',
    );
    expect(draft.charts.map((c) => c.kind)).toEqual(['unsur', 'categories', 'trend']);
    const trend = draft.charts.find((c) => c.kind === 'trend')!;
    for (const v of ['75,41', '76,41', '77,41', '2022', '2024'])
      expect(trend.svg).toContain(`>${v}<`);
  });

  it('lists the units with their period kind and report link (Lampiran I)', () => {
    const sheets = samarindaWorkbook();
    const t = docText(draftReport(analysed(sheets), sheets).doc);
    expect(t).toContain(
      '2 | DINAS PENDIDIKAN | Semester I, II | https://skm.samarindakota.go.id/laporan/2.pdf',
    );
  });
});

describe('charts', () => {
  it('draws the nine unsur of the district line by full name, the lowest in red', () => {
    const svg = unsurChart(banjarAnalysis.district).svg;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const [i, u] of UNSUR.entries()) expect(svg).toContain(`U${i + 1} ${u.name}`);
    expect(svg).toMatch(/fill="#dc2626"\/>\n<text[^>]*>U3 Waktu Penyelesaian</);
    expect(svg).toContain('>86,00<');
  });
});
