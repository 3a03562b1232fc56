/**
 * skm-rekap: the command-line checker over .xlsx recaps, on the same engine
 * as the add-in. Exit 0: no error-severity finding; 1: errors found;
 * 2: the file cannot be read, has no recap table, or cannot be written.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { analyseWorkbook } from '../engine/analyse';
import { say, type Lang, type Text } from '../engine/messages';
import { jsonReport } from '../engine/report';
import { readGrids, WorkbookFormatError } from '../xlsx/lean-read';
import { writeCheckedCopy } from '../xlsx/copy/write-copy';
import { textReport } from './text-report';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

const USAGE: Text = {
  id: `Pemakaian:
  skm-rekap check BERKAS.xlsx [--sheet NAMA] [--json] [--lang id|en] [--out SALINAN.xlsx [--summary] [--force]]

  check        memeriksa tabel rekap SKM dalam BERKAS dan mencetak laporannya
  --sheet      nama lembar yang memuat tabel rekap (bawaan: dicari otomatis)
  --json       mencetak laporan sebagai satu objek JSON
  --lang       bahasa pesan: id (bawaan) atau en
  --out        menulis salinan dengan tanda, kolom "Catatan Validasi", baris rata-rata dan kalimat temuan
  --summary    dengan --out: menambahkan lembar "Ringkasan SKM" (tabel dan draf kesimpulan; tanpa grafik)
  --exit-zero  keluar dengan kode 0 walaupun ada galat (untuk skrip yang hanya memerlukan laporan)
  --force      tidak diperlukan lagi (salinan membawa semua isi berkas asli); diterima dan diabaikan

Kode keluar: 0 tanpa galat, 1 ada galat, 2 berkas tidak dapat dibaca atau ditulis.
`,
  en: `Usage:
  skm-rekap check FILE.xlsx [--sheet NAME] [--json] [--lang id|en] [--out COPY.xlsx [--summary] [--force]]

  check        checks the SKM recap table in FILE and prints the report
  --sheet      the sheet holding the recap table (default: found automatically)
  --json       prints the report as one JSON object
  --lang       message language: id (default) or en
  --out        writes a copy with marks, a "Catatan Validasi" column, the average line and the finding sentences
  --summary    with --out: adds the sheet "Ringkasan SKM" (tables and the drafted conclusions; no charts)
  --exit-zero  exits 0 even when errors are found (for scripts that only want the report)
  --force      no longer needed (the copy carries everything the original holds); accepted and ignored

Exit codes: 0 no errors, 1 errors found, 2 the file cannot be read or written.
`,
};

const M = {
  unknownOption: (o: string): Text => ({
    id: `Opsi tidak dikenal: ${o}`,
    en: `Unknown option: ${o}`,
  }),
  missingValue: (o: string): Text => ({
    id: `Opsi ${o} memerlukan nilai.`,
    en: `Option ${o} needs a value.`,
  }),
  badLang: (l: string): Text => ({
    id: `Bahasa "${l}" tidak dikenal: gunakan id atau en.`,
    en: `Unknown language "${l}": use id or en.`,
  }),
  noFile: (): Text => ({
    id: 'Sebutkan berkas .xlsx yang akan diperiksa.',
    en: 'Name the .xlsx file to check.',
  }),
  notFound: (f: string): Text => ({
    id: `Berkas "${f}" tidak ditemukan.`,
    en: `File "${f}" not found.`,
  }),
  unreadable: (f: string, why: string): Text => ({
    id: `Berkas "${f}" tidak dapat dibaca sebagai buku kerja .xlsx (${why}).`,
    en: `File "${f}" cannot be read as an .xlsx workbook (${why}).`,
  }),
  summaryNeedsOut: (): Text => ({
    id: '--summary memerlukan --out: ringkasan ditulis ke salinan, bukan ke berkas asli.',
    en: '--summary needs --out: the summary is written into the copy, never into the original.',
  }),
};

interface Options {
  command: string | null;
  file: string | null;
  sheet?: string;
  json: boolean;
  lang: Lang;
  out?: string;
  force: boolean;
  exitZero: boolean;
  summary: boolean;
  help: boolean;
}

function parseArgs(
  argv: string[],
): { ok: true; options: Options } | { ok: false; message: Text; lang: Lang } {
  const o: Options = {
    command: null,
    file: null,
    json: false,
    lang: 'id',
    force: false,
    exitZero: false,
    summary: false,
    help: false,
  };
  const langIndex = argv.indexOf('--lang');
  if (langIndex >= 0 && (argv[langIndex + 1] === 'en' || argv[langIndex + 1] === 'id'))
    o.lang = argv[langIndex + 1] as Lang;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--force') o.force = true;
    else if (a === '--exit-zero') o.exitZero = true;
    else if (a === '--summary') o.summary = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a === '--sheet' || a === '--out' || a === '--lang') {
      const v = value();
      if (v === null) return { ok: false, message: M.missingValue(a), lang: o.lang };
      if (a === '--sheet') o.sheet = v;
      else if (a === '--out') o.out = v;
      else if (v !== 'id' && v !== 'en') return { ok: false, message: M.badLang(v), lang: o.lang };
    } else if (a.startsWith('-')) return { ok: false, message: M.unknownOption(a), lang: o.lang };
    else if (o.command === null) o.command = a;
    else if (o.file === null) o.file = a;
    else return { ok: false, message: M.unknownOption(a), lang: o.lang };
  }
  return { ok: true, options: o };
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`skm-rekap: ${say(parsed.message, parsed.lang)}\n\n${say(USAGE, parsed.lang)}`);
    return 2;
  }
  const o = parsed.options;
  const fail = (t: Text) => {
    io.stderr(`skm-rekap: ${say(t, o.lang)}\n`);
    return 2;
  };
  if (o.help || o.command === null) {
    io.stdout(say(USAGE, o.lang));
    return o.help ? 0 : 2;
  }
  if (o.command !== 'check') return fail(M.unknownOption(o.command));
  if (!o.file) return fail(M.noFile());
  if (o.summary && !o.out) return fail(M.summaryNeedsOut());

  let buffer: Buffer;
  try {
    buffer = await fs.readFile(o.file);
  } catch {
    return fail(M.notFound(o.file));
  }
  // The check reads cells, formats and merged areas straight from the file's XML (src/xlsx/lean-read.ts):
  // exceljs's whole object model is built only for a copy to write.
  let grids: Awaited<ReturnType<typeof readGrids>>;
  try {
    grids = await readGrids(buffer);
  } catch (err) {
    return fail(
      M.unreadable(
        o.file,
        err instanceof WorkbookFormatError ? say(err.reason, o.lang) : shortReason(err),
      ),
    );
  }
  const result = analyseWorkbook(grids, o.sheet);
  if (!result.ok) return fail(result.problem.message);

  const name = path.basename(o.file);
  if (o.json) io.stdout(JSON.stringify(jsonReport(name, result, o.lang), null, 2) + '\n');
  else io.stdout(textReport(o.file, result, o.lang));

  if (o.out) {
    // The copy edits the workbook's own parts and carries every other part over byte for byte.
    const copy = await writeCheckedCopy({
      input: o.file,
      out: o.out,
      buffer,
      grids,
      analysis: result,
      lang: o.lang,
      summary: o.summary,
    });
    if (!copy.ok) return fail(copy.message);
    // With --json, stdout carries the JSON object alone.
    for (const line of copy.notices) (o.json ? io.stderr : io.stdout)(`${say(line, o.lang)}\n`);
  }
  return !o.exitZero && result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].slice(0, 200);
}
