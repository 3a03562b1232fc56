/**
 * `skm-rekap laporan` end to end: the .docx it writes for the bundled Banjar
 * recap and for a Kota Samarinda workbook written by exceljs in the test,
 * rendered by LibreOffice to PDF (one conversion each), with the district
 * figures of `check --json`.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { formatId } from '../../src/engine/numbers';
import { UNSUR } from '../../src/engine/unsur';
import { checkJson, run, SAMPLE, tempDir, writeWorkbook } from '../cli/helpers';
import { docxParts, paragraphsOf } from './docx-text';
import { PARTS } from './parts';
import { samarindaWorkbook } from './samarinda';

const exec = promisify(execFile);
// The Banjar report and each LibreOffice conversion take seconds, many more on a busy machine.
jest.setTimeout(300000);
const tmp = tempDir();
afterAll(() => tmp.remove());

/** LibreOffice's PDF of a .docx: its page count and text. Its own profile, so parallel runs never share one. */
async function renderPdf(docx: string): Promise<{ pages: number; text: string }> {
  const outDir = path.dirname(docx);
  const profile = `file://${path.join(outDir, 'lo-profile')}`;
  try {
    await exec(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docx,
      ],
      { timeout: 240000 },
    );
  } catch (err) {
    throw new Error(
      `LibreOffice (soffice) could not convert ${docx}: install libreoffice-writer-nogui (${String(err)})`,
    );
  }
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const info = await exec('pdfinfo', [pdf]);
  const text = await exec('pdftotext', ['-layout', pdf, '-']);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]), text: text.stdout };
}

async function readDocx(file: string) {
  const { xml, names } = await docxParts(new Uint8Array(await fs.readFile(file)));
  return { xml, names, text: paragraphsOf(xml).join('\n') };
}

describe('skm-rekap laporan on the bundled Banjar 2025 recap', () => {
  const out = tmp.file('laporan-banjar.docx');
  let r: Awaited<ReturnType<typeof run>>;
  let doc: Awaited<ReturnType<typeof readDocx>>;

  beforeAll(async () => {
    r = await run('laporan', SAMPLE, '--out', out);
    doc = await readDocx(out);
  });

  it('writes the report and exits 1, as check does, because the recap still has errors', () => {
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Laporan SKM ditulis ke ${out}\n`);
    expect(r.stderr).toMatch(/Rekap masih memuat \d+ galat/);
  });

  it('holds every part, a real table-of-contents field, the charts, and landscape pages with a repeated header', () => {
    for (const part of PARTS) expect(doc.text).toContain(part);
    expect(doc.xml).toMatch(/<w:instrText[^>]*>\s*TOC \\h \\o &quot;1-2&quot;/);
    expect(doc.names.filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(2);
    expect(doc.xml).toContain('w:orient="landscape"');
    expect(doc.xml).toContain('<w:tblHeader/>');
  });

  it('states the same district figures as check --json, in Indonesian form, with a note on the errors', async () => {
    const { report } = await checkJson(SAMPLE);
    const d = report.district;
    d.unsur.forEach((u, i) =>
      expect(doc.text).toContain(`U${i + 1}\n${UNSUR[i].name}\n${formatId(u.value!, 2)}\n`),
    );
    expect(doc.text).toContain(
      `Indeks Kepuasan Masyarakat (IKM)\n${formatId(d.ikm!, 2)}\n${d.category}`,
    );
    expect(doc.text).toContain(`sebesar ${formatId(d.realisation!, 2)}%`);
    expect(doc.text).toContain(
      `RATA-RATA KABUPATEN\n${d.unsur.map((u) => formatId(u.value!, 2)).join('\n')}`,
    );
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    expect(doc.text).toContain(`masih memuat ${errors} galat`);
    expect(doc.text).toContain(
      `Sebanyak ${report.units.withData} dari ${report.units.listed} unit pelayanan publik telah menyampaikan hasil SKM`,
    );
  });

  it('renders in LibreOffice: more than five pages, cover to Lampiran II', async () => {
    const pdf = await renderPdf(out);
    expect(pdf.pages).toBeGreaterThan(5);
    expect(pdf.text).toContain('LAPORAN SURVEI KEPUASAN MASYARAKAT');
    expect(pdf.text).toContain('LAMPIRAN II. HASIL PELAKSANAAN SKM OPP');
    expect(pdf.text).toContain('87,68');
  });
});

describe('skm-rekap laporan on a recap of Kota Samarinda, 2022-2024', () => {
  const xlsx = tmp.file('rekap-samarinda.xlsx');
  const out = tmp.file('laporan-samarinda.docx');
  let r: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    await writeWorkbook(xlsx, samarindaWorkbook());
    r = await run('laporan', xlsx, '--out', out);
  });

  it('exits 0 (no errors) and takes the region, year and signer from the workbook', async () => {
    expect(r.code).toBe(0);
    const { text, names } = await readDocx(out);
    for (const part of PARTS) expect(text).toContain(part);
    expect(text).toContain('PEMERINTAH KOTA SAMARINDA\nTAHUN 2024');
    expect(text).toContain('NIP. 19700101 200003 1 005');
    expect(text).not.toMatch(/banjar/i);
    expect(text).not.toContain('galat');
    expect(names.filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(3);
    expect(text).toContain(
      'tahun 2022-2024 meningkat setiap tahun, dari 75,41 pada tahun 2022 menjadi 77,41',
    );
  });

  it('renders in LibreOffice', async () => {
    const pdf = await renderPdf(out);
    expect(pdf.pages).toBeGreaterThan(5);
    expect(pdf.text).toContain('KOTA SAMARINDA');
    expect(pdf.text).toMatch(/Tren IKM/);
  });
});

describe('skm-rekap laporan, options and failures', () => {
  it('leaves the note out with --abaikan-galat, and still exits 1', async () => {
    const xlsx = tmp.file('rekap-galat.xlsx');
    await writeWorkbook(xlsx, samarindaWorkbook(true));
    const noted = tmp.file('dengan-catatan.docx');
    expect((await run('laporan', xlsx, '--out', noted)).code).toBe(1);
    expect((await readDocx(noted)).text).toMatch(/masih memuat \d+ galat pada 1 unit/);
    const out = tmp.file('tanpa-catatan.docx');
    const r = await run('laporan', xlsx, '--out', out, '--abaikan-galat', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the note on the first page was left out \(--abaikan-galat\)/);
    expect((await readDocx(out)).text).not.toContain('galat');
  });

  it('exits 2 with one line for a missing file, a missing --out, and a report it cannot write', async () => {
    const missing = await run('laporan', tmp.file('tidak-ada.xlsx'), '--out', tmp.file('x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^skm-rekap: Berkas ".*tidak-ada\.xlsx" tidak ditemukan\.\n$/);
    const noOut = await run('laporan', SAMPLE);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(
      /^skm-rekap: Sebutkan berkas laporan dengan --out LAPORAN\.docx\./,
    );
    const blocker = tmp.file('berkas-biasa');
    await fs.writeFile(blocker, 'x');
    const unwritable = await run('laporan', SAMPLE, '--out', path.join(blocker, 'laporan.docx'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^skm-rekap: Laporan ".*laporan\.docx" tidak dapat ditulis/);
  });

  it('exits 2 for a file that is not a workbook, naming it', async () => {
    const bad = tmp.file('bukan.xlsx');
    await fs.writeFile(bad, 'bukan zip');
    const r = await run('laporan', bad, '--out', tmp.file('y.docx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bukan\.xlsx" tidak dapat dibaca sebagai buku kerja/);
  });
});
