/**
 * What every part of the Excel adapter shares: the session, outcomes, how a
 * batch is run (after cell editing, one write at a time), and how Excel's
 * refusals become messages.
 */
import { parseArea, type Area } from '../../engine/address';
import type { Analysis } from '../../engine/analyse';
import type { Lang, Text } from '../../engine/messages';
import type { SheetGrid } from '../../engine/model';
import { ui } from '../strings';
import { adapterText } from './messages';

export interface Session {
  sheet: string;
  grid: SheetGrid;
  analysis: Analysis;
  lang: Lang;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: Text };

export const fail = <T>(message: Text): Outcome<T> => ({ ok: false, message });

export function officeLang(): Lang {
  const lang = typeof Office !== 'undefined' ? (Office.context?.displayLanguage ?? '') : '';
  return /^en\b/i.test(lang) ? 'en' : 'id';
}

/**
 * Excel.run, delayed while the user is editing a cell instead of failing with
 * InvalidOperationInCellEditMode. Hosts that predate the option ignore it.
 */
export function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

/**
 * One write at a time across the ribbon command and the pane. They share one
 * page (manifest: shared runtime) but are separate bundles, each with its own
 * copy of this module, so the flag lives on the page's global object.
 */
const LOCK = '__skmRekapWriting';

export async function exclusive<T>(write: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const page = globalThis as unknown as Record<string, boolean | undefined>;
  if (page[LOCK]) return fail(adapterText.busy());
  page[LOCK] = true;
  try {
    return await write();
  } finally {
    page[LOCK] = false;
  }
}

/**
 * A refusal for the size of a request or response: the payload limit of
 * Excel on the web, or RangeExceedsLimit for an area of too many cells.
 */
export function isSizeError(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return /PayloadSize|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|RangeExceedsLimit/i.test(
    code + String((err as Error)?.message ?? ''),
  );
}

/**
 * Excel's refusal as a message. AccessDenied comes from a protected sheet, a
 * read-only workbook and a workbook open for viewing alike: the message says
 * which (Workbook.readOnly, ExcelApi 1.8, read in a batch of its own).
 */
export async function explain(err: unknown): Promise<Text> {
  const code = (err as { code?: string })?.code ?? '';
  const message = String((err as Error)?.message ?? err);
  if (/protect/i.test(message)) return ui.sheetProtected();
  if (code !== 'AccessDenied') return ui.excelError(message);
  try {
    const readOnly = await run(async (context) => {
      context.workbook.load('readOnly');
      await context.sync();
      return context.workbook.readOnly;
    });
    return readOnly ? adapterText.readOnlyWorkbook() : adapterText.viewOnly();
  } catch {
    return adapterText.viewOnly();
  }
}

/** "'Rekap SKM'!A1:T335" (or "Sheet1!1:335") -> the area. */
export function areaOf(address: string): Area {
  const area = parseArea(address);
  if (!area) throw new Error(`unreadable address ${address}`);
  return area;
}

/** Areas from RangeAreas.address: "'S'!A1:T1, 'S'!A2:T2" (sheet names may hold commas inside quotes). */
export function parseAreaList(address: string): Area[] {
  const parts = address.match(/(?:'[^']*(?:''[^']*)*'|[^,'])+/g) ?? [];
  return parts.map((p) => parseArea(p.trim())).filter((a): a is Area => a !== null);
}

export function cellOf(address: string): { row: number; col: number } {
  const a = areaOf(address);
  return { row: a.top, col: a.left };
}

export function cellArea(c: { row: number; col: number }): Area {
  return { top: c.row, left: c.col, bottom: c.row, right: c.col };
}

export const areaKey = (m: Area) => `${m.top},${m.left},${m.bottom},${m.right}`;

export function within(area: Area, c: { row: number; col: number }): boolean {
  return area.top <= c.row && c.row <= area.bottom && area.left <= c.col && c.col <= area.right;
}
