/**
 * skm-rekap laporan: the annual SKM report (.docx) drafted from the checked
 * recap. Exit 0: no error-severity finding; 1: the recap still has errors
 * (the report is written, with a note on its first page unless
 * --abaikan-galat); 2: the file cannot be read, has no recap table, or the
 * report cannot be written.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { z } from 'zod';
import { analyseWorkbook } from '../engine/analyse';
import { tableProblems } from '../engine/reader-messages';
import { say, type Lang, type Text } from '../engine/messages';
import { draftReport, packReport } from '../report/build';
import { LAPORAN_USAGE, R } from '../report/messages';
import { optionMessages } from './options';
import { renderPngNode } from '../report/render-node';
import { writeAtomically } from '../xlsx/copy/out-file';
import { readGrids, WorkbookFormatError } from '../xlsx/lean-read';

export interface LaporanIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const Options = z.object({
  file: z.string({ error: 'file' }),
  out: z.string({ error: 'out' }).regex(/\.docx$/i, { error: 'docx' }),
  sheet: z.string().optional(),
  lang: z.enum(['id', 'en'], { error: 'lang' }),
  ignoreErrors: z.boolean(),
  help: z.boolean(),
  extra: z.array(z.string()).max(0, { error: 'extra' }),
});
type Options = z.infer<typeof Options>;

/** The language asked for, before anything else is read, so every message can use it. */
function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] === '--lang' ? argv[i + 1] : /^--lang=(.*)$/.exec(argv[i])?.[1];
    if (v === 'en' || v === 'id') return v;
  }
  return 'id';
}

function parse(argv: string[]): { ok: true; o: Options } | { ok: false; why: Text } {
  let parsed: ReturnType<typeof parseArgs<ParseConfig>>;
  try {
    parsed = parseArgs(CONFIG(argv));
  } catch (err) {
    // util.parseArgs says what is wrong in English; its code and the option it names are what we need.
    const code = (err as { code?: string }).code;
    const msg = err instanceof Error ? err.message : String(err);
    const option = /'(-[^' ]+)/.exec(msg)?.[1] ?? msg.split('\n')[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return { ok: false, why: optionMessages.unknownOption(option) };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      return { ok: false, why: optionMessages.missingValue(option) };
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return { ok: false, why: R.tooManyFiles(option) };
    return { ok: false, why: R.badOption(msg.split('\n')[0]) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, o: { help: true } as Options };
  const result = Options.safeParse({
    file: positionals[0],
    out: values.out,
    sheet: values.sheet,
    lang: values.lang ?? 'id',
    ignoreErrors: values['abaikan-galat'] ?? false,
    help: false,
    extra: positionals.slice(1),
  });
  if (result.success) return { ok: true, o: result.data };
  const issue = result.error.issues[0];
  const why: Record<string, Text> = {
    file: R.noFile(),
    out: R.noOut(),
    docx: R.outNotDocx(String(values.out)),
    lang: optionMessages.badLang(String(values.lang)),
    extra: R.tooManyFiles(positionals[1] ?? ''),
  };
  return { ok: false, why: why[issue.message] ?? R.badOption(issue.message) };
}

const CONFIG = (args: string[]) => ({
  args,
  allowPositionals: true,
  strict: true,
  options: {
    out: { type: 'string' as const },
    sheet: { type: 'string' as const },
    lang: { type: 'string' as const },
    'abaikan-galat': { type: 'boolean' as const },
    help: { type: 'boolean' as const, short: 'h' },
  },
});
type ParseConfig = ReturnType<typeof CONFIG>;

const shortReason = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);

export async function laporan(argv: string[], io: LaporanIo): Promise<number> {
  const lang = langOf(argv);
  const line = (t: Text) => `skm-rekap: ${say(t, lang)}\n`;
  const fail = (t: Text) => {
    io.stderr(line(t));
    return 2;
  };
  const parsed = parse(argv);
  if (!parsed.ok) {
    io.stderr(`${line(parsed.why)}\n${say(LAPORAN_USAGE, lang)}`);
    return 2;
  }
  const o = parsed.o;
  if (o.help) {
    io.stdout(say(LAPORAN_USAGE, lang));
    return 0;
  }
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(o.file);
  } catch {
    return fail(R.notFound(o.file));
  }
  let grids: Awaited<ReturnType<typeof readGrids>>;
  try {
    grids = await readGrids(buffer);
  } catch (err) {
    return fail(
      R.unreadable(
        o.file,
        err instanceof WorkbookFormatError ? say(err.reason, lang) : shortReason(err),
      ),
    );
  }
  const analysis = analyseWorkbook(grids, o.sheet);
  if (!analysis.ok) return fail(analysis.problem.message);
  if (analysis.table.units.length === 0)
    return fail(tableProblems.noUnits(analysis.table.sheet, analysis.table.headerRows));

  // The folder first: a report that cannot be written is said before the seconds spent drafting it.
  try {
    await fs.mkdir(path.dirname(path.resolve(o.out)), { recursive: true });
  } catch (err) {
    return fail(R.cannotWrite(o.out, shortReason(err)));
  }
  const options = { ignoreErrors: o.ignoreErrors, fileName: path.basename(o.file) };
  let bytes: Uint8Array;
  let draft: ReturnType<typeof draftReport>;
  try {
    draft = draftReport(analysis, grids, options);
    bytes = await packReport(draft, renderPngNode);
  } catch (err) {
    return fail(R.cannotBuild(shortReason(err)));
  }
  try {
    await writeAtomically(bytes, o.out);
  } catch (err) {
    return fail(R.cannotWrite(o.out, shortReason(err)));
  }
  for (const issue of draft.issues) io.stderr(line(issue));
  if (draft.errors > 0)
    io.stderr(line(o.ignoreErrors ? R.errorsIgnored(draft.errors) : R.errorsNoted(draft.errors)));
  if (draft.placeholders > 0) io.stderr(line(R.placeholders(draft.placeholders)));
  io.stdout(`${say(R.written(o.out), lang)}\n`);
  return draft.errors > 0 ? 1 : 0;
}
