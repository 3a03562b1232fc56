/**
 * skm-rekap: the command-line checker over .xlsx recaps, on the same engine
 * as the add-in. Exit 0: no error-severity finding; 1: errors found;
 * 2: the file cannot be read, has no recap table, or cannot be written.
 */
import path from 'path';
import type ExcelJS from 'exceljs';
import { analyseWorkbook } from '../engine/analyse';
import { say, type Lang, type Text } from '../engine/messages';
import { planWrites } from '../engine/plan';
import { jsonReport } from '../engine/report';
import { loadWorkbook } from '../xlsx/read';
import { applyPlan, applySummary, contentAtRisk, sameFile, writeAtomically } from '../xlsx/write';
import { summarise } from '../engine/summary';
import { summaryLayout } from '../engine/summary-sheet';
import { textReport } from './text-report';
import { defaultIo, type Command, type Io } from './io';
import { openWorkbook } from './open';
import {
  CHECK_OPTIONS,
  LangSchema,
  langOf,
  optionMessages,
  parseCheckOptions,
  parseRaw,
} from './options';
import { clean, readingLines, readingReport, uncomputedSheet } from './reading';

export type { Io, Command } from './io';

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
  --force      tetap menulis salinan walaupun isi yang tidak dapat dibawa exceljs (grafik, pivot, gambar) akan hilang

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
  --force      writes the copy even though content exceljs cannot carry (charts, pivots, images) would be lost

Exit codes: 0 no errors, 1 errors found, 2 the file cannot be read or written.
`,
};

const M = {
  sameAsInput: (f: string): Text => ({
    id: `Salinan tidak boleh menimpa berkas asli "${f}": pilih nama lain untuk --out.`,
    en: `The copy must not overwrite the original "${f}": choose another name for --out.`,
  }),
  wouldLose: (f: string, what: string): Text => ({
    id: `Salinan "${f}" tidak ditulis: berkas asli memuat ${what} yang akan hilang. Gunakan --force untuk tetap menulis salinan tanpa isi tersebut.`,
    en: `The copy "${f}" was not written: the original holds ${what} that would be lost. Use --force to write the copy without them.`,
  }),
  lostForced: (what: string): Text => ({
    id: `Perhatian: salinan ditulis tanpa ${what} (--force).`,
    en: `Note: the copy was written without ${what} (--force).`,
  }),
  cannotCopy: (f: string, why: string): Text => ({
    id: `Salinan tidak dibuat: berkas "${f}" tidak dapat dibuka untuk disalin (${why}). Laporan di atas tetap berlaku.`,
    en: `No copy made: "${f}" cannot be opened for copying (${why}). The report above stands.`,
  }),
  cannotWrite: (f: string, why: string): Text => ({
    id: `Salinan "${f}" tidak dapat ditulis (${why}).`,
    en: `The copy "${f}" cannot be written (${why}).`,
  }),
  noCharts: (): Text => ({
    id: 'Lembar "Ringkasan SKM" ditulis tanpa grafik (exceljs tidak dapat membuat grafik; tombol "Buat Ringkasan" di Excel membuatnya).',
    en: 'The sheet "Ringkasan SKM" was written without charts (exceljs cannot make charts; the "Buat Ringkasan" button in Excel makes them).',
  }),
  written: (f: string): Text => ({
    id: `Salinan hasil pemeriksaan ditulis ke ${f}`,
    en: `Checked copy written to ${f}`,
  }),
};

/**
 * The subcommands. Adding one is one line here and its own file (src/cli/<name>.ts) exporting a
 * Command; the shared helpers are options.ts (parsing) and open.ts (reading an .xlsx file).
 */
const COMMANDS: Record<string, Command> = {
  check: runCheck,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv);
  try {
    const at = commandIndex(argv);
    if (at < 0) {
      const help = argv.includes('--help') || argv.includes('-h');
      // Options without a command: their own problems first (an unknown option, a bad --lang).
      const raw = parseRaw(argv, CHECK_OPTIONS);
      if (!raw.ok) return usageError(io, raw.message, lang);
      if (
        raw.value.values.lang !== undefined &&
        !LangSchema.safeParse(raw.value.values.lang).success
      )
        return usageError(io, optionMessages.badLang(String(raw.value.values.lang)), lang);
      io.stdout(say(USAGE, lang));
      return help ? 0 : 2;
    }
    const command = COMMANDS[argv[at]];
    if (!command) {
      io.stderr(`skm-rekap: ${clean(say(optionMessages.unknownOption(argv[at]), lang))}\n`);
      return 2;
    }
    return await command([...argv.slice(0, at), ...argv.slice(at + 1)], io);
  } catch {
    // Never a library's sentence or a stack trace: one line, in the user's language.
    io.stderr(`skm-rekap: ${say(UNEXPECTED, lang)}\n`);
    return 2;
  }
}

const UNEXPECTED: Text = {
  id: 'kesalahan tak terduga saat memeriksa berkas; tidak ada yang ditulis. Laporkan kepada pengembang bersama berkas dan perintahnya.',
  en: 'unexpected error while checking the file; nothing was written. Report it to the developers with the file and the command.',
};

/** The position of the command word: the first argument that is not an option or an option's value. */
function commandIndex(argv: string[]): number {
  const takesValue = new Set(
    Object.entries(CHECK_OPTIONS)
      .filter(([, spec]) => spec.type === 'string')
      .map(([name]) => `--${name}`),
  );
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (takesValue.has(a)) i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

function usageError(io: Io, message: Text, lang: Lang): number {
  io.stderr(`skm-rekap: ${clean(say(message, lang))}\n\n${say(USAGE, lang)}`);
  return 2;
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const parsed = parseCheckOptions(args);
  const lang = langOf(args);
  if (!parsed.ok) {
    // A problem of parsing comes with the usage; one of meaning is one line.
    const m = parsed.message;
    if (m.en.startsWith('Unknown') || m.en.includes('needs a value'))
      return usageError(io, m, lang);
    io.stderr(`skm-rekap: ${clean(say(m, lang))}\n`);
    return 2;
  }
  const o = parsed.value;
  const fail = (t: Text) => {
    io.stderr(`skm-rekap: ${clean(say(t, o.lang))}\n`);
    return 2;
  };
  if (o.help) {
    io.stdout(say(USAGE, o.lang));
    return 0;
  }

  // The check reads cells, formats and merged areas straight from the file's XML (src/xlsx/lean-read.ts):
  // exceljs's whole object model is built only for a copy to write.
  const opened = await openWorkbook(o.file);
  if (!opened.ok) return fail(opened.message);
  const { buffer, read } = opened;
  const grids = read.grids;
  const result = analyseWorkbook(grids, o.sheet);
  const uncomputed = uncomputedSheet(read, result.ok ? result.table.sheet : o.sheet);
  if (uncomputed) return fail(uncomputed);
  if (!result.ok) return fail(result.problem.message);

  const name = path.basename(o.file);
  const reading = readingReport(result, read, o.lang);
  if (o.json)
    io.stdout(JSON.stringify({ ...jsonReport(name, result, o.lang), reading }, null, 2) + '\n');
  else io.stdout(textReport(o.file, result, o.lang, readingLines(reading)));

  if (o.out) {
    if (await sameFile(o.file, o.out)) return fail(M.sameAsInput(o.file));
    const risk = await contentAtRisk(buffer).catch(() => ({ id: [], en: [] }));
    if (risk.id.length > 0) {
      const what = say({ id: risk.id.join(', '), en: risk.en.join(', ') }, o.lang);
      if (!o.force) return fail(M.wouldLose(o.out, what));
      io.stderr(`skm-rekap: ${say(M.lostForced(what), o.lang)}\n`);
    }
    let wb: ExcelJS.Workbook;
    try {
      wb = await loadWorkbook(o.file);
    } catch (err) {
      return fail(M.cannotCopy(o.file, shortReason(err)));
    }
    try {
      const grid = grids.find((g) => g.name === result.table.sheet)!;
      applyPlan(wb, planWrites(result, grid, o.lang));
      if (o.summary) applySummary(wb, summaryLayout(summarise(result, grids)));
      await writeAtomically(wb, o.out);
    } catch (err) {
      return fail(M.cannotWrite(o.out, shortReason(err)));
    }
    // With --json, stdout carries the JSON object alone.
    (o.json ? io.stderr : io.stdout)(`${say(M.written(o.out), o.lang)}\n`);
    if (o.summary) (o.json ? io.stderr : io.stdout)(`${say(M.noCharts(), o.lang)}\n`);
  }
  return !o.exitZero && result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].slice(0, 200);
}
