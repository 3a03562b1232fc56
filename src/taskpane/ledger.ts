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

export const LEDGER_VERSION = 3;

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

// ---------------------------------------------------------------------------
// Formulas that follow their row ("Kolom Rumus": =SKM.IKM(E6:M7) on row 6,
// =SKM.IKM(E8:M9) on row 8, ...), kept as one template and the rows it fills.

/** A formula with its relative row numbers as offsets from its own row: ["=SKM.IKM(E", 0, ":M", 1, ")"]. */
export type FormulaTemplate = (string | number)[];

/** A1 references outside quoted text: column, then a row without "$" (a "$" row stays literal). */
const REF = /"(?:[^"]|"")*"|(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3})(\d{1,7})(?![A-Za-z0-9_.(!])/g;

/** The template of a formula on a row; the formula it gives back on that row is checked by the caller. */
export function formulaTemplate(formula: string, row: number): FormulaTemplate {
  const parts: FormulaTemplate = [];
  let literal = '';
  let last = 0;
  for (const m of formula.matchAll(REF)) {
    if (m[1] === undefined) continue;
    literal += formula.slice(last, m.index) + m[1];
    parts.push(literal, Number(m[2]) - row);
    literal = '';
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(literal + formula.slice(last));
  return parts;
}

/** The formula a template gives on a row. */
export function expandTemplate(t: FormulaTemplate, row: number): string {
  return t.map((p) => (typeof p === 'number' ? String(row + p) : p)).join('');
}

/** Rows as arithmetic runs: "6-20004/2,20010" for 6, 8, ..., 20004 and 20010. */
export function compactRows(rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i];
    if (i + 1 >= sorted.length) {
      parts.push(String(start));
      break;
    }
    const step = sorted[i + 1] - start;
    let j = i + 1;
    while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] === step) j++;
    if (j - i >= 2) {
      parts.push(`${start}-${sorted[j]}/${step}`);
      i = j + 1;
    } else {
      parts.push(String(start));
      i++;
    }
  }
  return parts.join(',');
}

/** Cells a stored ledger may list at most: more is no ledger the add-in wrote. */
export const MAX_LEDGER_CELLS = 5_000_000;

/** The runs of a row list ([from, to, step]), or null where a part is not a run of rows on the sheet. */
function rowRuns(list: string): [number, number, number][] | null {
  const runs: [number, number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^([1-9]\d{0,6})(?:-([1-9]\d{0,6})\/([1-9]\d{0,6}))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    const step = m[3] === undefined ? 1 : Number(m[3]);
    if (to < from || to > 1_048_576) return null;
    runs.push([from, to, step]);
  }
  return runs;
}

/** How many rows a row list names, counted without listing them; null where it is no row list. */
export function countRows(list: string): number | null {
  const runs = rowRuns(list);
  return runs && runs.reduce((n, [from, to, step]) => n + Math.floor((to - from) / step) + 1, 0);
}

/** The rows of compactRows, or null where a part is not a run of rows on the sheet. */
export function expandRows(list: string): number[] | null {
  const runs = rowRuns(list);
  if (!runs) return null;
  const out: number[] = [];
  for (const [from, to, step] of runs) for (let r = from; r <= to; r += step) out.push(r);
  return out;
}

/** A cell the "Kolom Rumus" ledger can keep in a run: blank before, and a formula that follows its row. */
function runKey(c: LedgerCell): { col: string; row: number; template: FormulaTemplate } | null {
  const blank = c.before === '' || c.before === null || c.before === undefined;
  if (!blank || c.beforeFormula !== undefined || c.beforeFormat !== undefined) return null;
  if (typeof c.after !== 'string' || !c.after.startsWith('=')) return null;
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(c.address);
  if (!m) return null;
  const row = Number(m[2]);
  const template = formulaTemplate(c.after, row);
  return expandTemplate(template, row) === c.after ? { col: m[1], row, template } : null;
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

/** Version 3: version 2, and formulas that follow their row kept as runs of one template. */
const storedV3 = storedV2.extend({
  version: z.literal(3),
  formulaRuns: z
    .array(
      z.strictObject({
        column: z.string().regex(/^[A-Z]{1,3}$/, 'not a column'),
        rows: z.string(),
        after: z.array(z.union([z.string(), z.number().int()])).min(1),
      }),
    )
    .optional(),
});

export type StoredLedger = z.infer<typeof storedV3>;

/** The compact form kept in the workbook. */
export function encodeLedger(ledger: Ledger): StoredLedger {
  const groups = new Map<string, { before: Fill | null; after: string; addresses: string[] }>();
  for (const f of ledger.fills) {
    const key = JSON.stringify([f.before, f.after]);
    const g = groups.get(key) ?? { before: f.before, after: f.after, addresses: [] };
    g.addresses.push(f.address);
    groups.set(key, g);
  }
  const runs = new Map<string, { column: string; after: FormulaTemplate; rows: number[] }>();
  const single: LedgerCell[] = [];
  for (const c of ledger.cells) {
    const k = runKey(c);
    if (!k) {
      single.push(c);
      continue;
    }
    const key = `${k.col}\u0000${JSON.stringify(k.template)}`;
    const run = runs.get(key) ?? { column: k.col, after: k.template, rows: [] };
    run.rows.push(k.row);
    runs.set(key, run);
  }
  // A template used once is no shorter than its formula.
  const formulaRuns = [...runs.values()].filter((r) => {
    if (r.rows.length > 1) return true;
    single.push({
      address: `${r.column}${r.rows[0]}`,
      before: '',
      after: expandTemplate(r.after, r.rows[0]),
    });
    return false;
  });
  return {
    version: 3,
    kind: ledger.kind,
    sheet: ledger.sheet,
    createdAt: ledger.createdAt,
    insertedRow: ledger.insertedRow,
    fills: [...groups.values()].map((g) => ({
      cells: compactAddresses(g.addresses),
      before: g.before,
      after: g.after,
    })),
    cells: single.map((c) => {
      const { before, after, ...rest } = c;
      const blank = before === '' || before === null || before === undefined;
      return blank ? { ...rest, after: after ?? null } : { ...rest, before, after: after ?? null };
    }),
    ...(formulaRuns.length > 0
      ? {
          formulaRuns: formulaRuns.map((r) => ({
            column: r.column,
            rows: compactRows(r.rows),
            after: r.after,
          })),
        }
      : {}),
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
  const v2 = version === 3 ? storedV3.safeParse(value) : storedV2.safeParse(value);
  if (!v2.success)
    return {
      ok: false,
      problem:
        version === undefined || version === 2 || version === 3
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
  const runs = 'formulaRuns' in v2.data ? (v2.data.formulaRuns ?? []) : [];
  let listed = cells.length;
  for (const r of runs) {
    const n = countRows(r.rows);
    if (n === null)
      return { ok: false, problem: `formulaRuns: "${r.rows.slice(0, 40)}" is no row list` };
    listed += n;
  }
  if (listed > MAX_LEDGER_CELLS) return { ok: false, problem: `too many cells (${listed})` };
  for (const r of runs) {
    const rows = expandRows(r.rows) ?? [];
    for (const row of rows)
      cells.push({ address: `${r.column}${row}`, before: '', after: expandTemplate(r.after, row) });
  }
  const { formulaRuns: _runs, ...rest } = v2.data as StoredLedger;
  return checked({ ...rest, version: LEDGER_VERSION, fills, cells }, kindWanted, sheet);
}

function checked(ledger: Ledger, kindWanted: LedgerKind, sheet: string): Decoded {
  if (ledger.kind !== kindWanted) return { ok: false, problem: `kind ${ledger.kind}` };
  if (ledger.sheet !== sheet) return { ok: false, problem: `sheet "${ledger.sheet}"` };
  return { ok: true, ledger: { ...ledger, version: LEDGER_VERSION } };
}
