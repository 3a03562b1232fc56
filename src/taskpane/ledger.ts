/**
 * What the add-in wrote into a workbook, kept in the workbook so that
 * "Hapus Tanda" and "Pulihkan" work after reopening, on any computer. Pure
 * data, its compact stored form and its validation: no Office.js here.
 *
 * The stored form (version 2) lists fills by what they were before and what
 * was written, with run-length addresses ("N8:N40,P9"), and a cell's `before`
 * only where it was not blank. A ledger read back is untrusted (a co-author,
 * an older add-in or another tool may have left anything): it is checked with
 * zod, and one that does not pass is reported, never used.
 */
import { z } from 'zod';
import { a1, parseArea } from '../engine/address';
import type { CellValue } from '../engine/numbers';

// No code generation: the pane's CSP has no 'unsafe-eval', and zod's JIT would only probe for it.
z.config({ jitless: true });

export const LEDGER_VERSION = 2;

export type LedgerKind = 'marks' | 'formulas' | 'average';

/** A cell's fill as Excel's cell properties give it (ExcelApi 1.9); absent keys were not read. */
export interface Fill {
  color: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** A cell as it was before the add-in wrote it, and what the add-in wrote. */
export interface LedgerCell {
  address: string;
  before: CellValue;
  after: CellValue;
  /** The formula the cell held, restored instead of `before` (a RATA-RATA line is often =AVERAGE(...)). */
  beforeFormula?: string;
  /** The number format before, where the add-in set one. */
  beforeFormat?: string;
}

export interface LedgerFill {
  address: string;
  /** The fill before marking: null when the cell had no fill. */
  before: Fill | null;
  /** The colour written, "#RRGGBB". */
  after: string;
}

export interface Ledger {
  version: number;
  kind: LedgerKind;
  sheet: string;
  createdAt: string;
  fills: LedgerFill[];
  cells: LedgerCell[];
  /** A row the add-in inserted (the new RATA-RATA line), to delete on restore. */
  insertedRow: number | null;
}

export function ledgerKey(kind: LedgerKind, sheet: string): string {
  return `skmRekap.${kind}.${sheet}`;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === undefined || v === '';
  if (blank(a) && blank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

// ---------------------------------------------------------------------------
// Fills.

/** A fill as getCellProperties reports it; an unfilled cell (pattern None) is null. */
export function fillOf(
  props: Partial<Record<keyof Fill, unknown>> | undefined | null,
): Fill | null {
  const color = props?.color;
  const pattern = props?.pattern;
  if (typeof color !== 'string' || !color || pattern === 'None') return null;
  const fill: Fill = { color: color.toUpperCase() };
  if (typeof props?.tintAndShade === 'number' && props.tintAndShade !== 0)
    fill.tintAndShade = props.tintAndShade;
  // A solid fill shows no pattern colour: Excel still reports one (black), which need not be kept.
  if (typeof pattern !== 'string' || pattern === 'Solid') return fill;
  fill.pattern = pattern;
  if (typeof props?.patternColor === 'string' && props.patternColor)
    fill.patternColor = props.patternColor.toUpperCase();
  if (typeof props?.patternTintAndShade === 'number' && props.patternTintAndShade !== 0)
    fill.patternTintAndShade = props.patternTintAndShade;
  return fill;
}

/** The cell properties that put a fill back exactly as read, or remove it (null). */
export function fillProps(fill: Fill | null): { format: { fill: Record<string, unknown> } } {
  if (fill === null) return { format: { fill: { pattern: 'None' } } };
  return { format: { fill: { ...fill, pattern: fill.pattern ?? 'Solid' } } };
}

/** True when a cell's fill is the solid colour the add-in wrote. */
export function isMark(fill: Fill | null, after: string): boolean {
  return fill !== null && fill.pattern === undefined && fill.color === after.toUpperCase();
}

// ---------------------------------------------------------------------------
// Text that stays text.

/**
 * Text as written to a cell: with Excel's text prefix "'", which Excel keeps
 * as a flag, not as part of the value, so that no text ever becomes a
 * formula, number, date, time, fraction, percentage or currency, whatever
 * the locale. A cell formatted as Text ("@") keeps text as it is typed, and
 * there a "'" would stay in the value: such a cell gets the text alone.
 */
export function asText(v: string | number, format?: string): string | number {
  if (typeof v !== 'string' || v === '' || format === '@') return v;
  return `'${v}`;
}

// ---------------------------------------------------------------------------
// The stored form.

/** Run-length addresses: "N8:N10,P9" for N8, N9, N10 and P9 (runs down a column). */
export function compactAddresses(addresses: string[]): string {
  const byCol = new Map<number, number[]>();
  for (const address of addresses) {
    const a = parseArea(address);
    if (!a) continue;
    const rows = byCol.get(a.left) ?? [];
    rows.push(a.top);
    byCol.set(a.left, rows);
  }
  const parts: string[] = [];
  for (const [col, rows] of [...byCol].sort((x, y) => x[0] - y[0])) {
    rows.sort((x, y) => x - y);
    let start = rows[0];
    let prev = rows[0];
    const flush = () =>
      parts.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = prev = r;
    }
    flush();
  }
  return parts.join(',');
}

/** The cells of run-length addresses, in order; null where a part is not an address of one column. */
export function expandAddresses(list: string): string[] | null {
  if (list === '') return [];
  const out: string[] = [];
  for (const part of list.split(',')) {
    const a = parseArea(part);
    if (!a || a.left !== a.right || a.bottom - a.top > 1_048_576) return null;
    for (let r = a.top; r <= a.bottom; r++) out.push(a1(r, a.left));
  }
  return out;
}

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const cellAddress = z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, 'not a cell address');
const kind = z.enum(['marks', 'formulas', 'average']);
const fill = z.strictObject({
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'not a colour'),
  pattern: z.string().optional(),
  patternColor: z.string().optional(),
  tintAndShade: z.number().min(-1).max(1).optional(),
  patternTintAndShade: z.number().min(-1).max(1).optional(),
});
const cell = z.strictObject({
  address: cellAddress,
  before: cellValue,
  after: cellValue,
  beforeFormula: z.string().startsWith('=').optional(),
  beforeFormat: z.string().optional(),
});
const header = {
  kind,
  sheet: z.string().min(1).max(31),
  createdAt: z.string(),
  insertedRow: z.number().int().min(1).max(1_048_576).nullable(),
};

/** Version 1 (add-in 0.1): one entry per filled cell, a solid colour or null before. */
const storedV1 = z.strictObject({
  version: z.literal(1),
  ...header,
  fills: z.array(
    z.strictObject({
      address: cellAddress,
      before: z.string().nullable(),
      after: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
    }),
  ),
  cells: z.array(cell),
});

/** Version 2: fills grouped, run-length addresses; a cell's blank `before` left out. */
const storedV2 = z.strictObject({
  version: z.literal(2),
  ...header,
  fills: z.array(
    z.strictObject({
      cells: z.string(),
      before: fill.nullable(),
      after: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
    }),
  ),
  cells: z.array(cell.extend({ before: cellValue.optional() })),
});

export type StoredLedger = z.infer<typeof storedV2>;

/** The compact form kept in the workbook. */
export function encodeLedger(ledger: Ledger): StoredLedger {
  const groups = new Map<string, { before: Fill | null; after: string; addresses: string[] }>();
  for (const f of ledger.fills) {
    const key = JSON.stringify([f.before, f.after]);
    const g = groups.get(key) ?? { before: f.before, after: f.after, addresses: [] };
    g.addresses.push(f.address);
    groups.set(key, g);
  }
  return {
    version: 2,
    kind: ledger.kind,
    sheet: ledger.sheet,
    createdAt: ledger.createdAt,
    insertedRow: ledger.insertedRow,
    fills: [...groups.values()].map((g) => ({
      cells: compactAddresses(g.addresses),
      before: g.before,
      after: g.after,
    })),
    cells: ledger.cells.map((c) => {
      const { before, after, ...rest } = c;
      const blank = before === '' || before === null || before === undefined;
      return blank ? { ...rest, after: after ?? null } : { ...rest, before, after: after ?? null };
    }),
  };
}

export type Decoded = { ok: true; ledger: Ledger } | { ok: false; problem: string };

/** The first problem zod found, as "path: message". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}

/**
 * A ledger read back from the workbook (JSON text or a parsed value), checked
 * against the kind and sheet it is kept for. Anything else is a problem
 * named in a few words, never a ledger.
 */
export function decodeLedger(raw: unknown, kindWanted: LedgerKind, sheet: string): Decoded {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, problem: 'not JSON' };
    }
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version === 1) {
    const v1 = storedV1.safeParse(value);
    if (!v1.success) return { ok: false, problem: firstIssue(v1.error) };
    return checked(
      {
        ...v1.data,
        fills: v1.data.fills.map((f) => ({
          address: f.address,
          before: f.before === null ? null : { color: f.before.toUpperCase() },
          after: f.after,
        })),
      },
      kindWanted,
      sheet,
    );
  }
  const v2 = storedV2.safeParse(value);
  if (!v2.success)
    return {
      ok: false,
      problem:
        version === undefined || version === 2
          ? firstIssue(v2.error)
          : `version ${String(version)}`,
    };
  const fills: LedgerFill[] = [];
  for (const g of v2.data.fills) {
    const addresses = expandAddresses(g.cells);
    if (!addresses)
      return { ok: false, problem: `fills: "${g.cells.slice(0, 40)}" is no address list` };
    for (const address of addresses)
      fills.push({ address, before: g.before === null ? null : { ...g.before }, after: g.after });
  }
  const cells: LedgerCell[] = v2.data.cells.map((c) => ({ ...c, before: c.before ?? '' }));
  return checked({ ...v2.data, fills, cells }, kindWanted, sheet);
}

function checked(ledger: Ledger, kindWanted: LedgerKind, sheet: string): Decoded {
  if (ledger.kind !== kindWanted) return { ok: false, problem: `kind ${ledger.kind}` };
  if (ledger.sheet !== sheet) return { ok: false, problem: `sheet "${ledger.sheet}"` };
  return { ok: true, ledger: { ...ledger, version: LEDGER_VERSION } };
}
