/**
 * skm-rekap olah: from a unit's questionnaire answers (.xlsx or .csv) to its
 * NRR, IKM and category, profile, quality notes and periods.
 * Exit 0: no error-severity quality problem; 1: answers outside 1-4 or
 * unreadable, or an unsur nobody answered (the numbers leave those out);
 * 2: the file cannot be read, holds no respondents table, or the copy cannot be written.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { z } from 'zod';
import { say, type Lang, type Text } from '../engine/messages';
import { parseNumber } from '../engine/numbers';
import { csvGrid } from '../engine/respondents/csv';
import { processWorkbook, type Processed } from '../engine/respondents/process';
import { jsonOlah, textOlah } from '../engine/respondents/report';
import { cliText } from '../engine/respondents/messages';
import { optionMessages } from './options';
import type { SheetGrid } from '../engine/model';
import { readGrids, WorkbookFormatError } from '../xlsx/lean-read';
import { writeProcessingCopy } from './olah-copy';

export interface OlahIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export type CopyWriter = (processed: Processed, out: string, lang: Lang) => Promise<void>;

const OPTIONS = {
  sheet: { type: 'string' },
  by: { type: 'string' },
  populasi: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const Options = z.object({
  file: z.string().min(1).optional(),
  sheet: z.string().min(1).optional(),
  by: z.string().trim().min(1).optional(),
  populasi: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      // A count as staff type it: "1.686" or "1686".
      const p = parseNumber(v, { counts: true });
      if (p.kind !== 'number' || !Number.isInteger(p.value) || p.value < 1) {
        ctx.addIssue({ code: 'custom', message: v });
        return z.NEVER;
      }
      return p.value;
    }),
  json: z.boolean().default(false),
  lang: z.enum(['id', 'en']).default('id'),
  out: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

export async function olah(
  argv: string[],
  io: OlahIo,
  writeCopy: CopyWriter = writeProcessingCopy,
): Promise<number> {
  // The language first, so that even a mistake in the other options is told in it.
  const langAt = argv.indexOf('--lang');
  let lang: Lang = langAt >= 0 && argv[langAt + 1] === 'en' ? 'en' : 'id';
  if (argv.includes('--lang=en')) lang = 'en';
  const fail = (t: Text, usage = false) => {
    io.stderr(`skm-rekap olah: ${say(t, lang)}\n${usage ? `\n${say(cliText.usage(), lang)}` : ''}`);
    return 2;
  };

  let raw: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    raw = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const option = /'(-[^' ]+)/.exec(msg)?.[1] ?? msg.split('\n')[0];
    const code = (err as { code?: string }).code;
    return fail(
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? optionMessages.missingValue(option)
        : optionMessages.unknownOption(option),
      true,
    );
  }
  if (raw.positionals.length > 1)
    return fail(optionMessages.unknownOption(raw.positionals[1]), true);
  const parsed = Options.safeParse({ ...raw.values, file: raw.positionals[0] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? '');
    if (key === 'lang') return fail(optionMessages.badLang(String(raw.values.lang)), true);
    if (key === 'populasi') return fail(cliText.badPopulation(String(raw.values.populasi)), true);
    return fail(optionMessages.missingValue(`--${key}`), true);
  }
  const o = parsed.data;
  lang = o.lang;
  if (o.help) {
    io.stdout(say(cliText.usage(), lang));
    return 0;
  }
  if (!o.file) return fail(cliText.noFile(), true);

  let bytes: Buffer;
  try {
    bytes = await fs.readFile(o.file);
  } catch {
    return fail(cliText.notFound(o.file));
  }
  const name = path.basename(o.file);
  let grids: SheetGrid[];
  if (/\.(csv|txt)$/i.test(o.file)) {
    grids = [csvGrid(path.basename(o.file, path.extname(o.file)), bytes)];
  } else {
    try {
      grids = await readGrids(bytes);
    } catch (err) {
      const why =
        err instanceof WorkbookFormatError
          ? say(err.reason, lang)
          : (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
      return fail(cliText.unreadable(o.file, why));
    }
  }
  const result = processWorkbook(name, grids, o.sheet, { by: o.by, population: o.populasi });
  if (!result.ok) return fail(result.problem);
  const p = result.processed;

  if (o.json) io.stdout(JSON.stringify(jsonOlah(name, p, lang), null, 2) + '\n');
  else io.stdout(textOlah(o.file, p, lang));

  if (o.out) {
    if (path.resolve(o.out) === path.resolve(o.file)) return fail(cliText.sameAsInput(o.file));
    try {
      await writeCopy(p, o.out, lang);
    } catch (err) {
      return fail(
        cliText.cannotWrite(
          o.out,
          (err instanceof Error ? err.message : String(err)).split('\n')[0],
        ),
      );
    }
    (o.json ? io.stderr : io.stdout)(`${say(cliText.written(o.out), lang)}\n`);
  }
  return p.quality.some((q) => q.severity === 'error') ? 1 : 0;
}
