/**
 * What "Olah Data Responden" and "Masukkan ke Rekap" wrote, kept in workbook
 * settings so that their undo works after reopening: the processing sheets
 * created (their names), and the recap cells written with what they held
 * before. Read back as untrusted data: checked with zod, never cast.
 */
import { z } from 'zod';
import type { CellValue } from '../../engine/numbers';

// No code generation: the pane's CSP has no 'unsafe-eval'.
z.config({ jitless: true });

/** The setting listing the processing sheets written, oldest first. */
export const OLAH_KEY = 'skmRekap.olah';

export const rekapKey = (sheet: string) => `skmRekap.rekap.${sheet}`;

/** What a processing sheet held when written: its used range and a hash of its cells' formulas. */
export interface WrittenSheet {
  used: string;
  area: { top: number; left: number; bottom: number; right: number };
  hash: string;
}

export interface SheetsLedger {
  sheets: { sheet: string; source: string; createdAt: string; written?: WrittenSheet }[];
}

export interface RekapCell {
  address: string;
  before: CellValue;
  after: string | number;
  /** The formula the cell held, restored instead of `before`. */
  beforeFormula?: string;
  /** The number format before, where one was set. */
  beforeFormat?: string;
}

export interface RekapLedger {
  sheet: string;
  unit: string;
  period: string;
  createdAt: string;
  cells: RekapCell[];
}

const sheetName = z.string().min(1).max(31);

const sheets = z.strictObject({
  sheets: z
    .array(
      z.strictObject({
        sheet: sheetName,
        source: sheetName,
        createdAt: z.string(),
        written: z
          .strictObject({
            used: z.string().max(40),
            area: z.strictObject({
              top: z.int().min(1),
              left: z.int().min(1),
              bottom: z.int().min(1),
              right: z.int().min(1),
            }),
            hash: z.string().regex(/^[0-9a-f]{8}$/),
          })
          .optional(),
      }),
    )
    .max(1000),
});

const rekap = z.strictObject({
  sheet: sheetName,
  unit: z.string(),
  period: z.string(),
  createdAt: z.string(),
  cells: z
    .array(
      z.strictObject({
        address: z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, 'not a cell address'),
        before: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        after: z.union([z.string(), z.number()]),
        beforeFormula: z.string().startsWith('=').optional(),
        beforeFormat: z.string().optional(),
      }),
    )
    // Every cell of a recap at most (entries accumulate, 21 cells a unit); the bytes are bounded
    // where the text is read (ledger-store.ts).
    .max(1_048_576),
});

function parsed(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The list of processing sheets, or null when the setting holds anything else. */
export function decodeSheetsLedger(raw: unknown): SheetsLedger | null {
  const r = sheets.safeParse(parsed(raw));
  return r.success ? r.data : null;
}

/** A recap write's ledger for `sheet`, or null when the setting holds anything else. */
export function decodeRekapLedger(raw: unknown, sheet: string): RekapLedger | null {
  const r = rekap.safeParse(parsed(raw));
  return r.success && r.data.sheet === sheet ? r.data : null;
}
