/**
 * "Masukkan ke Rekap": a unit's processed result (NRR line, converted line,
 * IKM, category, respondents) into the record of its period in a recap sheet
 * of the workbook. The recap sheets are found by the recap reader; what is
 * written is shown next to what is there first (entryPlan, pure); the write
 * reads the cells again and stops if any changed since they were read, keeps
 * what they held (formulas and number formats too) for the undo, and adds no
 * row: a unit or period the recap lacks is explained, never appended.
 */
import { a1, type Area } from '../../engine/address';
import { analyseSheet } from '../../engine/analyse';
import { bounding } from '../../engine/grid';
import { mergeAreas } from '../../engine/merges';
import type { Lang } from '../../engine/messages';
import type { PeriodKind, SkmRecord } from '../../engine/model';
import type { CellValue } from '../../engine/numbers';
import type { Processed } from '../../engine/respondents/process';
import { normalise, UNSUR_CODES } from '../../engine/unsur';
import { asText, sameValue } from '../ledger';
import { ui } from '../strings';
import { payloadBytes, WriteQueue } from './budget';
import {
  cellArea,
  exclusive,
  explain,
  fail,
  isSizeError,
  run,
  type Outcome,
  type Session,
} from './common';
import {
  deleteStored,
  isLedgerSheet,
  LEDGER_READ_BYTES,
  ledgerSheetName,
  planText,
  queueStored,
  saveText,
  type StoredHandle,
} from './ledger-store';
import { decodeRekapLedger, rekapKey, type RekapCell, type RekapLedger } from './olah-ledger';
import { olahText } from './olah-messages';
import { gridOf, probeSheet, readArea } from './read';
import { firstChange, gridFormat, gridValue, holds, readFormula, reread } from './verify';

export interface PeriodChoice {
  kind: PeriodKind;
  index: number;
  label: string;
}

/** The periods of the recap layout (docs/skm-rules.md §6). */
export const PERIODS: PeriodChoice[] = [
  { kind: 'annual', index: 1, label: 'Tahunan' },
  { kind: 'semester', index: 1, label: 'Semester I' },
  { kind: 'semester', index: 2, label: 'Semester II' },
  { kind: 'quarter', index: 1, label: 'Triwulan I' },
  { kind: 'quarter', index: 2, label: 'Triwulan II' },
  { kind: 'quarter', index: 3, label: 'Triwulan III' },
  { kind: 'quarter', index: 4, label: 'Triwulan IV' },
];

export type EntryField = 'nrr' | 'conv' | 'ikm' | 'category' | 'respondents';

export interface EntryCell {
  address: string;
  row: number;
  col: number;
  field: EntryField;
  /** "U3", or the field's name for the single cells. */
  item: string;
  before: CellValue;
  after: string | number;
  /** The number format to give a General cell. */
  format?: string;
}

export interface EntryPlan {
  sheet: string;
  unit: string;
  period: string;
  cells: EntryCell[];
  /** Lines the record lacks (no converted line): said in the pane, not added. */
  missing: ('nrr' | 'conv')[];
}

const GENERIC = new Set([
  'jawaban',
  'data',
  'responden',
  'skm',
  'survei',
  'survey',
  'kuesioner',
  'kuisioner',
  'olah',
  'pengolahan',
  'rekap',
  'hasil',
  'sheet',
  'lembar',
  'ikm',
  'semester',
  'triwulan',
  'tahunan',
  'tahun',
]);

const meaningful = (text: string) =>
  normalise(text)
    .split(' ')
    .filter((w) => w && !GENERIC.has(w) && !/^\d+$/.test(w) && !/^(i|ii|iii|iv)$/.test(w));

/**
 * The unit a name points to: the same words, or a name whose words are all in
 * the unit's name (or its abbreviation in parentheses). Null when none, or
 * several, match: the pane then asks.
 */
export function matchUnit(session: Session, hint: string): number | null {
  const want = meaningful(hint);
  if (want.length === 0) return null;
  const units = session.analysis.table.units;
  const exact = units.findIndex((u) => meaningful(u.name).join(' ') === want.join(' '));
  if (exact >= 0) return exact;
  const hits = units
    .map((u, i) => ({ i, words: new Set(meaningful(u.name)) }))
    .filter((u) => want.every((w) => u.words.has(w)));
  return hits.length === 1 ? hits[0].i : null;
}

/** The recap's record for a unit and period (not a service sub-record). */
function recordOf(session: Session, unit: number, period: PeriodChoice): SkmRecord | undefined {
  return session.analysis.table.units[unit]?.records.find(
    (r) => r.period && r.period.kind === period.kind && r.period.index === period.index,
  );
}

/** The periods a unit has records for, in the layout's order. */
export function unitPeriods(session: Session, unit: number): PeriodChoice[] {
  return PERIODS.filter((p) => recordOf(session, unit, p) !== undefined);
}

/** Where a cell's value stands: the top-left of the merged area holding it. */
function topLeft(session: Session, row: number, col: number): { row: number; col: number } {
  const m = mergeAreas(session.grid.merges).find(
    (a) => a.top <= row && row <= a.bottom && a.left <= col && col <= a.right,
  );
  return m ? { row: m.top, col: m.left } : { row, col };
}

/** What "Masukkan ke Rekap" would write, next to what is there: pure. */
export function entryPlan(
  session: Session,
  unit: number,
  period: PeriodChoice,
  p: Processed,
): Outcome<EntryPlan> {
  const { table } = session.analysis;
  const u = table.units[unit];
  if (!u) return fail(olahText.unitNotFound(String(unit)));
  if (p.table.items.length !== 9) return fail(olahText.notNine(p.table.items.length));
  const unmatched = p.table.items.filter((it) => it.unsur === null).map((it) => it.code);
  if (unmatched.length) return fail(olahText.unsurUnmatched(unmatched));
  const { ikm, category } = p.scores;
  if (ikm === null || category === null) return fail(olahText.noIkm());
  const record = recordOf(session, unit, period);
  if (!record)
    return fail(
      olahText.noRecord(
        u.name,
        period.label,
        unitPeriods(session, unit).map((x) => x.label),
      ),
    );
  const nrrRow = record.nrr?.row ?? (record.conv ? null : (record.extraLines[0]?.row ?? null));
  const convRow = record.conv?.row ?? null;
  const cells: EntryCell[] = [];
  const add = (
    field: EntryField,
    item: string,
    at: { row: number; col: number },
    after: string | number,
    format?: string,
  ) => {
    const before = gridValue(session.grid, at.row, at.col);
    const general = gridFormat(session.grid, at.row, at.col) === 'General';
    cells.push({
      address: a1(at.row, at.col),
      ...at,
      field,
      item,
      before,
      after,
      ...(format && general ? { format } : {}),
    });
  };
  const byCode = new Map(p.scores.items.map((s, i) => [p.table.items[i].unsur!, s]));
  for (const code of UNSUR_CODES) {
    const s = byCode.get(code);
    const col = table.columns.unsur[code];
    if (!s || s.nrr === null || s.converted === null) return fail(olahText.noIkm());
    if (nrrRow !== null) add('nrr', code, { row: nrrRow, col }, s.nrr, '0.00');
  }
  for (const code of UNSUR_CODES) {
    const s = byCode.get(code)!;
    if (convRow !== null)
      add('conv', code, { row: convRow, col: table.columns.unsur[code] }, s.converted!, '0.00');
  }
  if (cells.length === 0) return fail(olahText.noLines(u.name, period.label));
  const R = table.columns.roles;
  const single = (
    field: EntryField,
    col: number | undefined,
    after: string | number,
    format?: string,
  ) => {
    if (col !== undefined) add(field, field, topLeft(session, record.firstRow, col), after, format);
  };
  single('ikm', R.ikm, ikm, '0.00');
  single('category', R.category, category.label);
  single('respondents', R.respondents, p.scores.respondents);
  const missing: EntryPlan['missing'] = [];
  if (nrrRow === null) missing.push('nrr');
  if (convRow === null) missing.push('conv');
  return {
    ok: true,
    value: { sheet: session.sheet, unit: u.name, period: period.label, cells, missing },
  };
}

/**
 * The workbook's sheets that hold a recap table, read as "Validasi Rekap"
 * reads one (one sync per sheet of the usual size, large ones in chunks).
 */
export async function recapSessions(lang: Lang): Promise<Outcome<Session[]>> {
  try {
    return await readRecaps(lang, true);
  } catch (err) {
    if (!isSizeError(err)) return fail(await explain(err));
    try {
      return await readRecaps(lang, false);
    } catch (err2) {
      return fail(await explain(err2));
    }
  }
}

async function readRecaps(lang: Lang, whole: boolean): Promise<Outcome<Session[]>> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const out: Session[] = [];
    for (const name of sheets.items.map((s) => s.name).filter((n) => !isLedgerSheet(n))) {
      const ws = sheets.getItem(name);
      const probe = probeSheet(ws, whole);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sheet per sync keeps each response under the payload limit
      await context.sync();
      const grid = await gridOf(context, ws, name, probe);
      if (!grid.ok) continue;
      const analysis = analyseSheet(grid.value);
      if (analysis.ok && analysis.table.units.length > 0)
        out.push({ sheet: name, grid: grid.value, analysis, lang });
    }
    return out.length ? { ok: true as const, value: out } : fail<Session[]>(olahText.noRecap());
  });
}

/**
 * Writes the planned cells, after reading them again: nothing is written if
 * the recap changed since it was read. Earlier entries into the same sheet
 * keep their first `before`, so one undo restores the sheet as it was.
 */
export function writeEntry(
  session: Session,
  plan: EntryPlan,
): Promise<Outcome<{ written: number }>> {
  return exclusive(() => write(session, plan));
}

async function write(session: Session, plan: EntryPlan): Promise<Outcome<{ written: number }>> {
  type Result = { written: number };
  try {
    return await run(async (context) => {
      const area: Area = bounding(plan.cells.map(cellArea));
      const key = rekapKey(session.sheet);
      let handle: StoredHandle | null = null;
      const { data, sheet } = await reread(
        context,
        session,
        [area],
        { left: area.left, right: area.right },
        () => {
          handle = queueStored(context, key);
          return LEDGER_READ_BYTES;
        },
      );
      const storedHandle = handle as StoredHandle | null;
      if (!storedHandle) throw new Error('the undo record was not queued');
      const stored = await storedHandle.read();
      if (sheet.protection.protected) return fail<Result>(ui.sheetProtected());
      const changed = await firstChange(context, sheet, session, data);
      if (changed) return fail<Result>(olahText.changed(session.sheet, changed));
      // The record of the entries before this one (a unit at a time): this entry joins it.
      const previous =
        stored.state === 'text' ? decodeRekapLedger(stored.text, session.sheet) : null;
      const kept = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      const cells: RekapCell[] = [];
      for (const c of plan.cells) {
        const prev = kept.get(c.address);
        kept.delete(c.address);
        if (prev) {
          cells.push({ ...prev, after: c.after });
          continue;
        }
        const beforeFormula = readFormula(data, c.row, c.col);
        cells.push({
          address: c.address,
          before: c.before,
          after: c.after,
          ...(beforeFormula !== undefined ? { beforeFormula } : {}),
          ...(c.format ? { beforeFormat: gridFormat(session.grid, c.row, c.col) } : {}),
        });
      }
      const ledger: RekapLedger = {
        sheet: session.sheet,
        unit: plan.unit,
        period: plan.period,
        createdAt: new Date().toISOString(),
        cells: [...kept.values(), ...cells],
      };
      // A recap's entries outgrow a setting (21 cells a unit): the record then goes to a very
      // hidden sheet of its own, as the marks' ledgers do (ledger-store.ts).
      const text = JSON.stringify(ledger);
      const storePlan = planText(key, text, storedHandle.settingsCount());
      if (!storePlan.ok) return fail<Result>(storePlan.message);
      const queue = new WriteQueue(context);
      await saveText(
        context,
        queue,
        ledgerSheetName('rekap', session.sheet),
        storePlan,
        stored.state === 'none' ? null : stored.pointer,
      );
      for (const c of plan.cells) {
        const format = gridFormat(session.grid, c.row, c.col);
        await queue.add(payloadBytes([c.after, c.format]), () => {
          const range = sheet.getRange(c.address);
          if (c.format) range.numberFormat = [[c.format]];
          range.values = [[asText(c.after, format)]];
        });
      }
      await queue.flush();
      return { ok: true as const, value: { written: plan.cells.length } };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}

/**
 * Puts back what the recap cells held before "Masukkan ke Rekap": a cell
 * changed since (by a person) is left as it is and counted.
 */
export function undoEntry(
  sheetName: string,
): Promise<Outcome<{ restored: number; keptChanged: number }>> {
  type Result = { restored: number; keptChanged: number };
  return exclusive(async () => {
    try {
      return await run(async (context) => {
        const handle = queueStored(context, rekapKey(sheetName));
        const ws = context.workbook.worksheets.getItemOrNullObject(sheetName);
        ws.load('name');
        await context.sync();
        const stored = await handle.read();
        const ledger = stored.state === 'text' ? decodeRekapLedger(stored.text, sheetName) : null;
        if (!ledger || ws.isNullObject) return fail<Result>(olahText.nothingToRestore(sheetName));
        const at = ledger.cells.map((c) => {
          const a = /^([A-Z]+)(\d+)$/.exec(c.address)!;
          return { row: Number(a[2]), col: colNumber(a[1]), c };
        });
        const area = bounding(at.map(cellArea));
        const now = await readArea(context, ws, area, { formulas: true });
        const queue = new WriteQueue(context);
        let restored = 0;
        let keptChanged = 0;
        for (const { row, col, c } of at) {
          if (
            !holds(now, row, col, c.after) &&
            !sameValue(now.values[row - area.top]?.[col - area.left] ?? '', c.before)
          ) {
            keptChanged++;
            continue;
          }
          restored++;
          await queue.add(payloadBytes([c.before, c.beforeFormula, c.beforeFormat]), () => {
            const range = ws.getRange(c.address);
            if (c.beforeFormat !== undefined) range.numberFormat = [[c.beforeFormat]];
            if (c.beforeFormula !== undefined) range.formulas = [[c.beforeFormula]];
            else
              range.values = [
                [
                  c.before === null || c.before === undefined
                    ? ''
                    : typeof c.before === 'boolean'
                      ? c.before
                      : asText(c.before, c.beforeFormat),
                ],
              ];
          });
        }
        await deleteStored(
          context,
          queue,
          rekapKey(sheetName),
          stored.state === 'none' ? null : stored.pointer,
        );
        await queue.flush();
        return { ok: true as const, value: { restored, keptChanged } };
      });
    } catch (err) {
      return fail(await explain(err));
    }
  });
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** The sheets holding an entry that can be undone, in workbook order (to enable the button after reopening). */
export async function entrySheets(): Promise<string[]> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const items = sheets.items.map((ws) => {
        const item = context.workbook.settings.getItemOrNullObject(rekapKey(ws.name));
        item.load('key');
        return [ws.name, item] as const;
      });
      await context.sync();
      return items.filter(([, item]) => !item.isNullObject).map(([n]) => n);
    });
  } catch {
    return [];
  }
}
