/**
 * "Buat Ringkasan" without losing staff edits: before the summary sheet is
 * written again, the old one is renamed to a very hidden backup sheet, and a
 * fingerprint of what SKM Rekap wrote tells an edited summary from an
 * untouched one. The summary itself is written by excel.ts's writeSummary.
 */
import type { Text } from '../engine/messages';
import { SUMMARY_SHEET } from '../engine/summary-sheet';
import { writeSummary, type Outcome, type Session } from './excel';
import { ui } from './strings';

/** The backup's name: 31 characters at most, as Excel requires. */
export const SUMMARY_BACKUP = 'Ringkasan SKM (lama)';
const KEY = 'skmRekap.summary';

interface Stored {
  /** Fingerprint of the summary as SKM Rekap wrote it. */
  hash: string | null;
  /** Fingerprint of the backup as SKM Rekap wrote it (null when it was never SKM Rekap's). */
  backupHash: string | null;
  /** Where the summary stood before it was replaced. */
  position: number | null;
}

export interface SummaryState {
  exists: boolean;
  /** The sheet differs from what SKM Rekap last wrote there (or SKM Rekap never wrote it). */
  edited: boolean;
  /** SKM Rekap wrote the sheet there (its fingerprint is kept). */
  known: boolean;
  backup: boolean;
}

/** FNV-1a over the values: enough to notice an edit, small enough for the settings. */
export function fingerprint(values: unknown[][]): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(values);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

function parse(value: unknown): Stored {
  try {
    const v = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<Stored> | null;
    return {
      hash: v?.hash ?? null,
      backupHash: v?.backupHash ?? null,
      position: v?.position ?? null,
    };
  } catch {
    return { hash: null, backupHash: null, position: null };
  }
}

function fail<T>(err: unknown): Outcome<T> {
  const message: Text = /protect/i.test(String((err as Error)?.message ?? ''))
    ? ui.sheetProtected()
    : ui.excelError(String((err as Error)?.message ?? err));
  return { ok: false, message };
}

/** One sync: whether the summary exists, whether it was edited, whether a backup is kept. */
export async function summaryState(): Promise<SummaryState> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const summary = sheets.getItemOrNullObject(SUMMARY_SHEET);
      const used = summary.getUsedRangeOrNullObject(true);
      used.load('values');
      const backup = sheets.getItemOrNullObject(SUMMARY_BACKUP);
      backup.load('name');
      const item = context.workbook.settings.getItemOrNullObject(KEY);
      item.load('value');
      await context.sync();
      const stored = item.isNullObject ? parse(null) : parse(item.value);
      const exists = !summary.isNullObject;
      const values = exists && !used.isNullObject ? (used.values as unknown[][]) : [];
      return {
        exists,
        edited: exists && stored.hash !== fingerprint(values),
        known: exists && stored.hash !== null,
        backup: !backup.isNullObject,
      };
    });
  } catch {
    return { exists: false, edited: false, known: false, backup: false };
  }
}

/**
 * Keeps the current summary as the hidden backup (replacing an older backup),
 * then writes the new one at the old one's position and records its
 * fingerprint. If writing fails, the old summary is put back.
 */
export async function writeSummaryKeepingOld(
  session: Session,
): Promise<Outcome<{ sheet: string; charts: number; kept: boolean }>> {
  let kept = false;
  let stored = parse(null);
  try {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const summary = sheets.getItemOrNullObject(SUMMARY_SHEET);
      summary.load('position');
      const backup = sheets.getItemOrNullObject(SUMMARY_BACKUP);
      backup.load('name');
      const used = summary.getUsedRangeOrNullObject(true);
      used.load('values');
      const item = context.workbook.settings.getItemOrNullObject(KEY);
      item.load('value');
      await context.sync();
      stored = item.isNullObject ? parse(null) : parse(item.value);
      if (summary.isNullObject) return;
      const values = used.isNullObject ? [] : (used.values as unknown[][]);
      const unedited = stored.hash === fingerprint(values);
      // A backup of a sheet staff wrote or edited outlives our unedited summaries: ours can be
      // written again at will, theirs cannot. writeSummary replaces our sheet where it stands.
      if (unedited && !backup.isNullObject && stored.backupHash === null) {
        stored = { ...stored, hash: null, position: summary.position };
        return;
      }
      // What SKM Rekap wrote keeps its fingerprint in the backup; an edited sheet does not.
      const backupHash = unedited ? stored.hash : null;
      if (!backup.isNullObject) backup.delete();
      summary.name = SUMMARY_BACKUP;
      summary.visibility = Excel.SheetVisibility.veryHidden;
      stored = { hash: null, backupHash, position: summary.position };
      context.workbook.settings.add(KEY, JSON.stringify(stored));
      await context.sync();
      kept = true;
    });
  } catch (err) {
    return fail(err);
  }

  const written = await writeSummary(session);
  if (!written.ok) {
    if (kept) await restoreSummary();
    return written;
  }

  try {
    await Excel.run(async (context) => {
      const summary = context.workbook.worksheets.getItem(SUMMARY_SHEET);
      if (stored.position !== null) summary.position = stored.position;
      const used = summary.getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      const values = used.isNullObject ? [] : (used.values as unknown[][]);
      context.workbook.settings.add(
        KEY,
        JSON.stringify({ ...stored, hash: fingerprint(values) } satisfies Stored),
      );
      await context.sync();
    });
  } catch (err) {
    return fail(err);
  }
  return { ok: true, value: { ...written.value, kept } };
}

/** Puts the backup back as "Ringkasan SKM", in place of the summary written after it. One sync after the read. */
export async function restoreSummary(): Promise<Outcome<{ sheet: string }>> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const summary = sheets.getItemOrNullObject(SUMMARY_SHEET);
      summary.load('position');
      const backup = sheets.getItemOrNullObject(SUMMARY_BACKUP);
      backup.load('name');
      const item = context.workbook.settings.getItemOrNullObject(KEY);
      item.load('value');
      await context.sync();
      if (backup.isNullObject)
        return {
          ok: false as const,
          message: {
            id: 'Tidak ada ringkasan lama yang disimpan.',
            en: 'No earlier summary is kept.',
          },
        };
      const stored = item.isNullObject ? parse(null) : parse(item.value);
      const position = summary.isNullObject ? stored.position : summary.position;
      backup.visibility = Excel.SheetVisibility.visible;
      // Excel refuses to delete the last visible sheet: the backup is made visible first.
      if (!summary.isNullObject) summary.delete();
      backup.name = SUMMARY_SHEET;
      if (position !== null) backup.position = position;
      backup.activate();
      context.workbook.settings.add(
        KEY,
        JSON.stringify({ hash: stored.backupHash, backupHash: null, position } satisfies Stored),
      );
      await context.sync();
      return { ok: true as const, value: { sheet: SUMMARY_SHEET } };
    });
  } catch (err) {
    return fail(err);
  }
}
