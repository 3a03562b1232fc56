/**
 * Command-line options: Node's util.parseArgs for the parsing, zod for the meaning (issue 14).
 * Each command declares its options once; a problem comes back as one sentence in the user's
 * language, never as a library's text.
 */
import { parseArgs, type ParseArgsConfig } from 'util';
import { z } from 'zod';
import type { Lang, Text } from '../engine/messages';

export const optionMessages = {
  unknownOption: (o: string): Text => ({
    id: `Opsi tidak dikenal: ${o}`,
    en: `Unknown option: ${o}`,
  }),
  unknownCommand: (c: string): Text => ({
    id: `Perintah tidak dikenal: ${c}`,
    en: `Unknown command: ${c}`,
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
  emptyValue: (o: string): Text => ({
    id: `Opsi ${o} tidak boleh kosong.`,
    en: `Option ${o} must not be empty.`,
  }),
  summaryNeedsOut: (): Text => ({
    id: '--summary memerlukan --out: ringkasan ditulis ke salinan, bukan ke berkas asli.',
    en: '--summary needs --out: the summary is written into the copy, never into the original.',
  }),
};

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

export const LangSchema = z.enum(['id', 'en']);

/**
 * The language asked for, read before anything else so that even a problem with the other options
 * is said in it: the value after --lang (or --lang=xx) when it is id or en, else id.
 */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'id' || v === 'en') return v;
  }
  return 'id';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Text };

/**
 * util.parseArgs over a command's arguments, its errors turned into our sentences: an unknown
 * option, an option without its value.
 */
export function parseRaw(
  args: string[],
  options: OptionSpecs,
): Parsed<{ values: Record<string, string | boolean | undefined>; positionals: string[] }> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
    return {
      ok: true,
      value: { values: values as Record<string, string | boolean | undefined>, positionals },
    };
  } catch (err) {
    const code = (err as { code?: string }).code;
    // Not `instanceof Error`: under a test runner's realm Node's errors are of another Error.
    const text = String((err as { message?: unknown }).message ?? '');
    const named = /'(-{1,2}[^' <]+)/.exec(text)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      return { ok: false, message: optionMessages.unknownOption(named || '?') };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // A boolean given a value (--json=yes) is an option we do not know in that form.
      if (/does not take an argument/.test(text))
        return { ok: false, message: optionMessages.unknownOption(named) };
      return { ok: false, message: optionMessages.missingValue(named) };
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return { ok: false, message: optionMessages.unknownOption(named || '?') };
    throw err;
  }
}

/** The first zod issue as our sentence, by the path it names. */
export function firstIssue(
  error: z.ZodError,
  messages: Record<string, () => Text>,
  fallback: (path: string) => Text,
): Text {
  const key = String(error.issues[0]?.path[0] ?? '');
  return (messages[key] ?? (() => fallback(key)))();
}

// --- check -----------------------------------------------------------------------------------

export const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  sheet: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'exit-zero': { type: 'boolean' },
  summary: { type: 'boolean' },
} as const satisfies OptionSpecs;

export const CheckOptionsSchema = z
  .object({
    lang: LangSchema,
    file: z.string().min(1),
    sheet: z.string().min(1).optional(),
    json: z.boolean(),
    out: z.string().min(1).optional(),
    force: z.boolean(),
    exitZero: z.boolean(),
    summary: z.boolean(),
  })
  .refine((o) => !o.summary || o.out !== undefined, { path: ['summary'] });

export type CheckOptions = z.infer<typeof CheckOptionsSchema>;

/** `check FILE [options]`: its arguments after the command word. */
export function parseCheckOptions(args: string[]): Parsed<CheckOptions & { help: boolean }> {
  const raw = parseRaw(args, CHECK_OPTIONS);
  if (!raw.ok) return raw;
  const { values: v, positionals } = raw.value;
  if (positionals.length > 1)
    return { ok: false, message: optionMessages.unknownOption(positionals[1]) };
  if (v.help === true)
    return {
      ok: true,
      value: { ...defaults(), lang: langOf(args), help: true },
    };
  const parsed = CheckOptionsSchema.safeParse({
    lang: v.lang ?? 'id',
    file: positionals[0] ?? '',
    sheet: v.sheet,
    json: v.json === true,
    out: v.out,
    force: v.force === true,
    exitZero: v['exit-zero'] === true,
    summary: v.summary === true,
  });
  if (!parsed.success)
    return {
      ok: false,
      message: firstIssue(
        parsed.error,
        {
          file: () => optionMessages.noFile(),
          lang: () => optionMessages.badLang(String(v.lang)),
          summary: () => optionMessages.summaryNeedsOut(),
          sheet: () => optionMessages.emptyValue('--sheet'),
          out: () => optionMessages.emptyValue('--out'),
        },
        (p) => optionMessages.unknownOption(p),
      ),
    };
  return { ok: true, value: { ...parsed.data, help: false } };
}

function defaults(): CheckOptions {
  return {
    file: '',
    json: false,
    lang: 'id',
    force: false,
    exitZero: false,
    summary: false,
  };
}
