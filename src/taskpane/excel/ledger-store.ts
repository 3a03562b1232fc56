/**
 * Where a ledger is kept. A small one (the Banjar recap's) is one workbook
 * setting. Settings are limited (about 2 MB documented, failures reported
 * from about 1 MB: office-js #621, #3957), so a ledger over INLINE_BYTES goes
 * to a very hidden sheet of its own, as text in column A, and its setting
 * only points there. Both travel with the file: undo works after reopening,
 * on any computer. Settings stay under 1,000,000 bytes at any size: at most
 * MAX_INLINE ledgers of INLINE_BYTES each, the rest pointers of ~150 bytes.
 */
import { decodeLedger, encodeLedger, ledgerKey, type Ledger, type LedgerKind } from '../ledger';
import { adapterText } from './messages';
import {
  ACTION_BYTES,
  RESPONSE_BUDGET,
  RESPONSE_OVERHEAD,
  payloadBytes,
  setValues,
  utf8Length,
  writeBlock,
  type WriteQueue,
} from './budget';
import type { Text } from '../../engine/messages';
import { isSizeError, run } from './common';

/** The largest ledger kept in a setting. */
export const INLINE_BYTES = 60_000;
/** Settings of ours beyond which every ledger goes to a sheet: 15 x 60 KB stays under 1 MB. */
export const MAX_INLINE = 15;
/** Characters of ledger text per cell (Excel keeps 32,767 at most). */
export const PART_CHARS = 20_000;
/**
 * A part's text comes back as a JSON string: ledger text is JSON itself, and
 * its quotes are escaped once more. The first read of a ledger assumes the
 * worst of that (every character escaped); the next are sized from the bytes
 * the parts really took.
 */
const FIRST_READ_ESCAPE = 2;
/** What the response to queueLedger's loads may take: an inline ledger, escaped once more, at most. */
export const LEDGER_READ_BYTES = 2 * INLINE_BYTES + 1_000;
/** A ledger larger than this is refused before anything is written. */
export const MAX_LEDGER_BYTES = 200_000_000;

const SHEET_PREFIX = 'SKM Rekap ';

/** A hidden ledger sheet, which validation and the summary skip. */
export function isLedgerSheet(name: string): boolean {
  return /^SKM Rekap [mfar] [0-9a-f]{8}$/.test(name);
}

/** FNV-1a, 32 bits: a short, stable sheet name for a recap sheet's ledger, or a fingerprint. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function ledgerSheetName(kind: LedgerKind | 'rekap', sheet: string): string {
  return `${SHEET_PREFIX}${kind[0]} ${hash(`${kind}\u0000${sheet}`)}`;
}

/** What a setting holds when the ledger is on a sheet. */
export interface Pointer {
  store: 'sheet';
  sheet: string;
  parts: number;
  bytes: number;
}

function pointerOf(raw: unknown): Pointer | null {
  let v = raw;
  if (typeof raw === 'string') {
    try {
      v = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const p = v as Partial<Pointer> | null;
  return p &&
    p.store === 'sheet' &&
    typeof p.sheet === 'string' &&
    isLedgerSheet(p.sheet) &&
    Number.isInteger(p.parts) &&
    (p.parts as number) > 0
    ? (p as Pointer)
    : null;
}

export type Loaded =
  | { state: 'none' }
  | { state: 'bad'; problem: string; pointer: Pointer | null }
  | { state: 'ok'; ledger: Ledger; pointer: Pointer | null };

export interface LedgerHandle {
  /** After the sync of the queued loads: the ledger (a second read where it is on a sheet). */
  read(): Promise<Loaded>;
  /** How many settings the add-in keeps, after the same sync. */
  settingsCount(): number;
}

/** What a setting of ours holds, read whole: its value, or the text of the sheet it points to. */
export type Stored =
  | { state: 'none' }
  | { state: 'missing'; pointer: Pointer }
  | { state: 'text'; text: unknown; pointer: Pointer | null };

export interface StoredHandle {
  /** After the sync of the queued loads (a second read where the text is on a sheet). */
  read(): Promise<Stored>;
  /** How many settings the add-in keeps, after the same sync. */
  settingsCount(): number;
}

/** Queues the load of the setting `key` and the settings count; read() after the sync. */
export function queueStored(context: Excel.RequestContext, key: string): StoredHandle {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load('value');
  const count = context.workbook.settings.getCount();
  // The loads are read after the caller's sync, which the lint rules cannot follow across functions.
  return {
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- synced by the caller
    settingsCount: () => count.value,
    async read() {
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- synced by the caller
      const stored: unknown = item.isNullObject ? null : item.value;
      if (stored === null) return { state: 'none' };
      const pointer = pointerOf(stored);
      if (!pointer) return { state: 'text', text: stored, pointer: null };
      const text = await readParts(context, pointer);
      return text === null ? { state: 'missing', pointer } : { state: 'text', text, pointer };
    },
  };
}

/** Queues the load of a ledger's setting and the settings count; read() after the sync. */
export function queueLedger(
  context: Excel.RequestContext,
  kind: LedgerKind,
  sheet: string,
): LedgerHandle {
  const handle = queueStored(context, ledgerKey(kind, sheet));
  return {
    settingsCount: handle.settingsCount,
    async read() {
      const stored = await handle.read();
      if (stored.state === 'none') return { state: 'none' };
      if (stored.state === 'missing')
        return {
          state: 'bad',
          problem: `sheet "${stored.pointer.sheet}" missing`,
          pointer: stored.pointer,
        };
      const decoded = decodeLedger(stored.text, kind, sheet);
      return decoded.ok
        ? { state: 'ok', ledger: decoded.ledger, pointer: stored.pointer }
        : { state: 'bad', problem: decoded.problem, pointer: stored.pointer };
    },
  };
}

/**
 * The ledger text kept on a sheet; null when the sheet is gone. The first
 * parts are read without asking first whether the sheet is there (Excel
 * answers ItemNotFound when it is not: a sync less), as many as the
 * pointer's byte count says fit RESPONSE_BUDGET; the next reads are sized
 * from the bytes a part really took, and a read refused for its size is halved.
 */
async function readParts(context: Excel.RequestContext, p: Pointer): Promise<string | null> {
  const parts: string[] = [];
  // A pointer holds at least one part (pointerOf).
  const total = p.parts;
  const partBytes =
    typeof p.bytes === 'number' && p.bytes > 0 ? (FIRST_READ_ESCAPE * p.bytes) / total : 0;
  let perRead = Math.max(
    1,
    Math.floor(RESPONSE_BUDGET / Math.max(partBytes, FIRST_READ_ESCAPE * PART_CHARS)),
  );
  for (let top = 0; top < total;) {
    const n = Math.max(1, Math.min(perRead, total - top));
    const range = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(top, 0, n, 1);
    range.load('values');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per bounded read keeps each response under the payload limit
      await context.sync();
    } catch (err) {
      if (top === 0 && (err as { code?: unknown })?.code === 'ItemNotFound') return null;
      if (!isSizeError(err) || n === 1) throw err;
      perRead = Math.ceil(n / 2);
      continue;
    }
    const texts = range.values.map((row) => String(row[0] ?? ''));
    for (const t of texts) parts.push(t);
    // The response carries this JSON and little else (RESPONSE_BUDGET).
    const perPart = Math.max(1, (utf8Length(JSON.stringify(texts)) + RESPONSE_OVERHEAD) / n);
    perRead = Math.max(1, Math.floor(RESPONSE_BUDGET / perPart));
    top += n;
  }
  return parts.join('');
}

/** How a ledger is to be stored, decided before anything is written. */
export type LedgerPlan =
  | { ok: true; key: string; inline: string | null; parts: string[]; bytes: number }
  | { ok: false; message: Text };

export function planLedger(ledger: Ledger, settingsCount: number): LedgerPlan {
  return planText(
    ledgerKey(ledger.kind, ledger.sheet),
    JSON.stringify(encodeLedger(ledger)),
    settingsCount,
  );
}

/** How the text of the setting `key` is to be stored: in the setting, or on a sheet it points to. */
export function planText(key: string, text: string, settingsCount: number): LedgerPlan {
  const bytes = utf8Length(text);
  if (bytes > MAX_LEDGER_BYTES) return { ok: false, message: adapterText.ledgerTooLarge(bytes) };
  if (bytes <= INLINE_BYTES && settingsCount < MAX_INLINE)
    return { ok: true, key, inline: text, parts: [], bytes };
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += PART_CHARS) parts.push(text.slice(i, i + PART_CHARS));
  return { ok: true, key, inline: null, parts, bytes };
}

/**
 * Writes a planned ledger through the queue: its sheet's text first (cleared
 * or made very hidden), then the setting. An earlier ledger sheet no longer
 * needed is deleted (made visible first: Excel cannot delete a very hidden sheet).
 */
export function saveLedger(
  context: Excel.RequestContext,
  queue: WriteQueue,
  ledger: Ledger,
  plan: Extract<LedgerPlan, { ok: true }>,
  previous: Pointer | null,
): Promise<void> {
  return saveText(context, queue, ledgerSheetName(ledger.kind, ledger.sheet), plan, previous);
}

/** Writes a planned text: in its setting, or on the very hidden sheet `name` with a pointer. */
export async function saveText(
  context: Excel.RequestContext,
  queue: WriteQueue,
  name: string,
  plan: Extract<LedgerPlan, { ok: true }>,
  previous: Pointer | null,
): Promise<void> {
  const settings = context.workbook.settings;
  if (plan.inline !== null) {
    const text = plan.inline;
    await queue.add(payloadBytes(text), () => settings.add(plan.key, text));
    if (previous) await dropSheet(context, queue, previous.sheet);
    return;
  }
  const sheets = context.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (previous?.sheet === name) {
    ws = sheets.getItem(name);
    const old = ws;
    await queue.add(ACTION_BYTES, () => old.getRange('A:A').clear());
  } else {
    if (previous) await dropSheet(context, queue, previous.sheet);
    ws = sheets.add(name);
    const added = ws;
    await queue.add(2 * ACTION_BYTES, () => {
      added.visibility = Excel.SheetVisibility.veryHidden;
    });
    // A sheet added in a request is not addressable by its proxy in a later one: look it up by name again.
    ws = sheets.getItem(name);
  }
  // Text prefix: a part may begin with "=", "-" or digits.
  const rows = plan.parts.map((p) => [`'${p}`]);
  await writeBlock(queue, ws, 1, 1, rows, setValues);
  const pointer: Pointer = {
    store: 'sheet',
    sheet: name,
    parts: plan.parts.length,
    bytes: plan.bytes,
  };
  const stored = JSON.stringify(pointer);
  await queue.add(payloadBytes(stored), () => settings.add(plan.key, stored));
}

async function dropSheet(
  context: Excel.RequestContext,
  queue: WriteQueue,
  name: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  await queue.add(2 * ACTION_BYTES, () => {
    ws.visibility = Excel.SheetVisibility.hidden;
    ws.delete();
  });
}

/** Removes a ledger: its setting and its sheet. */
export async function deleteLedger(
  context: Excel.RequestContext,
  queue: WriteQueue,
  kind: LedgerKind,
  sheet: string,
  pointer: Pointer | null,
): Promise<void> {
  await deleteStored(context, queue, ledgerKey(kind, sheet), pointer);
}

/** Removes the setting `key` and the sheet its text is on, if any. */
export async function deleteStored(
  context: Excel.RequestContext,
  queue: WriteQueue,
  key: string,
  pointer: Pointer | null,
): Promise<void> {
  await queue.add(ACTION_BYTES, () => context.workbook.settings.getItemOrNullObject(key).delete());
  if (pointer) await dropSheet(context, queue, pointer.sheet);
}

/** Which ledgers the workbook holds for a sheet, to enable the undo buttons after reopening. */
export async function ledgersOf(sheetName: string): Promise<Record<LedgerKind, boolean>> {
  try {
    return await run(async (context) => {
      const items = (['marks', 'formulas', 'average'] as const).map((k) => {
        const item = context.workbook.settings.getItemOrNullObject(ledgerKey(k, sheetName));
        item.load('key');
        return [k, item] as const;
      });
      await context.sync();
      return Object.fromEntries(items.map(([k, item]) => [k, !item.isNullObject])) as Record<
        LedgerKind,
        boolean
      >;
    });
  } catch {
    return { marks: false, formulas: false, average: false };
  }
}
