/**
 * skm-rekap: the command-line checker over .xlsx recaps, on the same engine
 * as the add-in. Exit 0: no error-severity finding; 1: errors found;
 * 2: the file cannot be read, has no recap table, or cannot be written.
 */
import path from 'path';
import { analyseWorkbook } from '../engine/analyse';
import { say, type Lang, type Text } from '../engine/messages';
import { jsonReport } from '../engine/report';
import { tableProblems } from '../engine/reader-messages';
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
import { version } from '../../package.json';

export type { Io, Command } from './io';

const USAGE: Text = {
  id: `Pemakaian:
  skm-rekap check BERKAS.xlsx [--sheet NAMA] [--json] [--lang id|en] [--out SALINAN.xlsx [--summary] [--force]]
  skm-rekap olah BERKAS.xlsx|BERKAS.csv [--by tahun|semester|triwulan|KOLOM] [--populasi N] [--json] (skm-rekap olah --help)
  skm-rekap laporan BERKAS.xlsx --out LAPORAN.docx [--sheet NAMA] [--lang id|en] [--abaikan-galat]
  skm-rekap schema   (JSON Schema laporan --json)
  skm-rekap --version

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
  skm-rekap olah FILE.xlsx|FILE.csv [--by tahun|semester|triwulan|COLUMN] [--populasi N] [--json] (skm-rekap olah --help)
  skm-rekap laporan FILE.xlsx --out REPORT.docx [--sheet NAME] [--lang id|en] [--abaikan-galat]
  skm-rekap schema   (the JSON Schema of the --json report)
  skm-rekap --version

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

/**
 * The subcommands. Adding one is one line here and its own file (src/cli/<name>.ts) exporting a
 * Command; the shared helpers are options.ts (parsing) and open.ts (reading an .xlsx file).
 */
const COMMANDS: Record<string, Command> = {
  check: runCheck,
  // Loaded when used: their libraries (exceljs, docx, the charts) would cost every check a start-up.
  olah: async (args, io) => (await import('./olah')).olah(args, io),
  laporan: async (args, io) => (await import('./laporan')).laporan(args, io),
  schema: async (_args, io) => {
    io.stdout((await import('./schema')).schemaText());
    return 0;
  },
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const lang = langOf(argv);
  try {
    const at = commandIndex(argv);
    // The version an IT officer checks after installing: `skm-rekap --version`.
    if (at < 0 && (argv.includes('--version') || argv.includes('-V'))) {
      io.stdout(`skm-rekap ${version}\n`);
      return 0;
    }
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
  // Headers and no units: nothing to check, which a script must not read as "no errors".
  if (result.table.units.length === 0)
    return fail(tableProblems.noUnits(result.table.sheet, result.table.headerRows));

  const name = path.basename(o.file);
  const reading = readingReport(result, read, o.lang);
  if (o.json)
    io.stdout(JSON.stringify({ ...jsonReport(name, result, o.lang), reading }, null, 2) + '\n');
  else io.stdout(textReport(o.file, result, o.lang, readingLines(reading)));

  if (o.out) {
    // The copy edits the workbook's own parts and carries every other part over byte for byte.
    // Loaded when asked for: its zip library would cost every check its start-up.
    const { writeCheckedCopy } = await import('../xlsx/copy/write-copy');
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
