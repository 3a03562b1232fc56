/**
 * The sheet "Pengaturan Laporan": key/value rows staff fill once (place, date,
 * signer, ...). Each value is validated with zod; a wrong value is reported by
 * its cell and left out, so the report shows a placeholder instead.
 */
import { z } from 'zod';
import { a1 } from '../engine/address';
import type { SheetGrid } from '../engine/model';
import { isBlank, type CellValue } from '../engine/numbers';
import { normalise } from '../engine/unsur';
import type { Text } from '../engine/messages';
import { MONTHS_ID } from './format';
import { R } from './messages';

export const SETTINGS_SHEET = 'Pengaturan Laporan';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1));

/** Excel's serial day number (1900 system) to a calendar day. */
function fromSerial(serial: number): CalendarDay {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function validDay(d: CalendarDay): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return (
    t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day
  );
}

/** A date as Excel holds it (serial) or as typed: 2025-11-30, 30/11/2025, 30 November 2025. */
function readDay(v: string | number): CalendarDay | null {
  if (typeof v === 'number') return v > 0 && v < 2958466 ? fromSerial(v) : null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return { year: +m[3], month: +m[2], day: +m[1] };
  m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(s);
  if (m) {
    const month = MONTHS_ID.findIndex((n) => n.toLowerCase() === m![2].toLowerCase());
    if (month >= 0) return { year: +m[3], month: month + 1, day: +m[1] };
  }
  return null;
}

const day = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const d = readDay(v);
  if (!d || !validDay(d)) {
    ctx.addIssue({ code: 'custom', message: 'date' });
    return z.NEVER;
  }
  return d;
});

const FIELDS = {
  region: {
    keys: ['wilayah', 'daerah', 'pemerintah daerah', 'nama daerah'],
    schema: text.pipe(z.string().regex(/^(kabupaten|kota|provinsi)\s+\S/i, 'region')),
  },
  year: {
    keys: ['tahun', 'tahun laporan'],
    schema: z.coerce.number().int().min(2000).max(2100),
  },
  office: { keys: ['instansi', 'penyusun', 'unit penyusun'], schema: text },
  period: { keys: ['periode', 'periode survei', 'cakupan periode'], schema: text },
  place: { keys: ['tempat', 'kota penandatanganan', 'tempat penandatanganan'], schema: text },
  date: { keys: ['tanggal', 'tanggal laporan', 'tanggal penandatanganan'], schema: day },
  signerOffice: {
    keys: ['jabatan', 'jabatan penanda tangan', 'jabatan penandatangan'],
    schema: text,
  },
  signerName: { keys: ['nama', 'nama penanda tangan', 'nama penandatangan'], schema: text },
  signerRank: { keys: ['pangkat', 'pangkat golongan', 'pangkat gol'], schema: text },
  nip: {
    keys: ['nip', 'nip penanda tangan', 'nip penandatangan'],
    schema: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).replace(/[\s.]/g, ''))
      .pipe(z.string().regex(/^\d{18}$/, 'nip')),
  },
  electronic: {
    keys: ['tanda tangan elektronik', 'ttd elektronik', 'bsre'],
    schema: z
      .union([z.string(), z.boolean()])
      .transform((v) => (typeof v === 'boolean' ? v : /^(ya|y|yes|true|1)$/i.test(v.trim()))),
  },
  recapLink: { keys: ['tautan rekap', 'link rekap', 'tautan lampiran ii'], schema: text },
} satisfies Record<string, { keys: string[]; schema: z.ZodType }>;

type Fields = typeof FIELDS;
export type ReportSettings = { [K in keyof Fields]?: z.output<Fields[K]['schema']> };

export interface SettingsRead {
  /** The sheet's name, or null when the workbook has none. */
  sheet: string | null;
  settings: ReportSettings;
  /** One line per value that was left out, naming its cell. */
  issues: Text[];
}

const KEY_OF = new Map<string, keyof Fields>();
for (const [field, f] of Object.entries(FIELDS) as [keyof Fields, Fields[keyof Fields]][])
  for (const k of f.keys) KEY_OF.set(k, field);

export function isSettingsSheet(name: string): boolean {
  return normalise(name) === normalise(SETTINGS_SHEET);
}

/** Reads "Pengaturan Laporan": a key in one column, its value in the next non-blank cell to the right. */
export function readSettings(sheets: readonly SheetGrid[]): SettingsRead {
  const grid = sheets.find((s) => isSettingsSheet(s.name));
  if (!grid) return { sheet: null, settings: {}, issues: [] };
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  const settings: Record<string, unknown> = {};
  const issues: Text[] = [];
  grid.values.forEach((row, i) => {
    for (let j = 0; j < row.length; j++) {
      if (typeof row[j] !== 'string') continue;
      const field = KEY_OF.get(normalise(row[j] as string));
      if (!field) continue;
      const k = row.slice(j + 1).findIndex((v) => !isBlank(v));
      if (k < 0) break;
      const col = j + 1 + k;
      const value: CellValue = row[col];
      const parsed = FIELDS[field].schema.safeParse(value);
      if (parsed.success) settings[field] = parsed.data;
      else
        issues.push(
          R.badSetting(grid.name, a1(top + i, left + col), row[j] as string, String(value)),
        );
      break;
    }
  });
  return { sheet: grid.name, settings: settings as ReportSettings, issues };
}
