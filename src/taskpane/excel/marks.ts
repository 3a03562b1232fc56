/**
 * "Tandai di Lembar" and the undo of every write ("Hapus Tanda", "Hapus
 * Kolom Rumus", "Pulihkan Nilai Lama"): exactly what a ledger records is put
 * back, where the cells still hold what the add-in wrote.
 */
import { a1, columnLetters, type Area } from '../../engine/address';
import { bounding } from '../../engine/grid';
import { FILL, NOTES_HEADER, planWrites } from '../../engine/plan';
import { isMark, LEDGER_VERSION, type Ledger, type LedgerCell, type LedgerFill } from '../ledger';
import { ui } from '../strings';
import {
  ACTION_BYTES,
  payloadBytes,
  utf8Length,
  WriteQueue,
  writeCells,
  writeFills,
  type CellWrite,
} from './budget';
import {
  cellArea,
  cellOf,
  exclusive,
  explain,
  fail,
  run,
  within,
  type Outcome,
  type Session,
} from './common';
import {
  deleteLedger,
  LEDGER_READ_BYTES,
  planLedger,
  queueLedger,
  saveLedger,
  type LedgerHandle,
} from './ledger-store';
import { adapterText } from './messages';
import { readArea, type AreaRead } from './read';
import {
  fewFills,
  fillReadBytes,
  firstChange,
  holds,
  queueFills,
  readFills,
  readFormat,
  readFormula,
  readValue,
  reread,
  type FillsRead,
} from './verify';
import type { Fill } from '../ledger';

export interface MarkResult {
  marked: number;
  notes: number;
  /** The "Catatan Validasi" column, or null where no column right of the table is free for it. */
  notesColumn: string | null;
  /** Notes not written: their cell lies in a merged area, or holds what staff wrote. */
  notesSkipped: number;
}

const hex = (argb: string) => `#${argb.slice(2)}`;

/** The cells as areas for reread, which reads the bounding area of the session's grid and these. */
export function cellsArea(cells: { row: number; col: number }[]) {
  return cells.map(cellArea);
}

/**
 * Fills the offending cells and writes the "Catatan Validasi" column. Marks of
 * an earlier run are replaced, and the fills from before the first run are
 * what "Hapus Tanda" restores. Two syncs for a recap of the usual size:
 * verify (with the earlier ledger), then write.
 */
export function markFindings(session: Session): Promise<Outcome<MarkResult>> {
  return exclusive(() => mark(session));
}

async function mark(session: Session): Promise<Outcome<MarkResult>> {
  const plan = planWrites(session.analysis, session.grid, session.lang);
  try {
    return await run(async (context) => {
      const planned = [...plan.marks, ...plan.notes.cells];
      let handle: LedgerHandle | null = null;
      // The fills of the cells to mark, kept for "Hapus Tanda": in the first sync when they are few.
      const markCells = plan.marks.map((m) => ({ row: m.row, col: m.col }));
      let fillsOf: (() => FillsRead) | null = null;
      // The notes column's formulas and formats too: a note written over a formula puts the formula back on "Hapus Tanda".
      const notesBand = { left: plan.notes.col, right: plan.notes.col };
      let { data, sheet } = await reread(context, session, cellsArea(planned), notesBand, (ws) => {
        handle = queueLedger(context, 'marks', session.sheet);
        if (!fewFills(markCells)) return LEDGER_READ_BYTES;
        fillsOf = queueFills(ws, markCells);
        return LEDGER_READ_BYTES + fillReadBytes(markCells);
      });
      const queued = fillsOf as (() => FillsRead) | null;
      const fillsNow = queued ? queued() : await readFills(context, sheet, markCells);
      const ledgerHandle = handle as LedgerHandle | null;
      if (!ledgerHandle) throw new Error('the ledger was not queued');
      const loaded = await ledgerHandle.read();
      // A damaged or foreign ledger is not trusted: this run's ledger replaces it.
      const previous = loaded.state === 'ok' ? loaded.ledger : null;
      const prevFills = new Map((previous?.fills ?? []).map((f) => [f.address, f]));
      const prevCells = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      const earlier = [...prevFills.keys(), ...prevCells.keys()].map(cellOf);
      const newFills = new Map(plan.marks.map((m) => [a1(m.row, m.col), hex(FILL[m.severity])]));
      // Fills of an earlier run this one does not set again: taken away only where still ours.
      const staleCells = [...prevFills.keys()].filter((a) => !newFills.has(a)).map(cellOf);
      let staleOf: (() => FillsRead) | null = null;
      if (earlier.some((c) => !within(data.area, c))) {
        // Marks of an earlier run beyond the table as it is now: verify those cells too before writing over them.
        ({ data, sheet } = await reread(
          context,
          session,
          cellsArea([...planned, ...earlier]),
          notesBand,
          (ws) => {
            if (staleCells.length === 0 || !fewFills(staleCells)) return;
            staleOf = queueFills(ws, staleCells);
            return fillReadBytes(staleCells);
          },
        ));
      }
      const staleQueued = staleOf as (() => FillsRead) | null;
      const fillsStale = staleQueued
        ? staleQueued()
        : staleCells.length > 0
          ? await readFills(context, sheet, staleCells)
          : new Map<string, Fill | null>();
      if (sheet.protection.protected) return fail<MarkResult>(ui.sheetProtected());
      const changed = await firstChange(context, sheet, session, data);
      if (changed) return fail<MarkResult>(ui.changedSinceRead(session.sheet, changed));

      const fills: LedgerFill[] = [];
      const fillWrites: { row: number; col: number; fill: Fill | null }[] = [];
      for (const [address, after] of newFills) {
        const { row, col } = cellOf(address);
        const prev = prevFills.get(address);
        const before = prev ? prev.before : (fillsNow.get(address) ?? null);
        fills.push({ address, before, after });
        // A mark is a plain solid colour: a tint the cell had (a theme colour) would shade it.
        const tinted = fillsNow.get(address)?.tintAndShade !== undefined;
        fillWrites.push({
          row,
          col,
          fill: { color: after, ...(tinted ? { tintAndShade: 0 } : {}) },
        });
      }
      // A fill someone set since the earlier marking is theirs now: kept, as "Hapus Tanda" keeps it.
      for (const [address, f] of prevFills)
        if (!newFills.has(address) && isMark(fillsStale.get(address) ?? null, f.after))
          fillWrites.push({ ...cellOf(address), fill: f.before });

      const cells: LedgerCell[] = [];
      const valueWrites: CellWrite[] = [];
      const newCells = new Set(plan.notes.cells.map((c) => a1(c.row, c.col)));
      for (const c of plan.notes.cells) {
        const address = a1(c.row, c.col);
        const prev = prevCells.get(address);
        const before = prev ? prev.before : readValue(data, c.row, c.col);
        const beforeFormula = prev ? prev.beforeFormula : readFormula(data, c.row, c.col);
        cells.push({
          address,
          before,
          after: c.value,
          ...(beforeFormula !== undefined ? { beforeFormula } : {}),
        });
        valueWrites.push({ ...c, format: readFormat(data, c.row, c.col) });
      }
      // Notes of an earlier run where this one writes none: put back what they were written over,
      // where the note is still there (a person's text written over it since stays).
      const restores = [...prevCells.values()].filter((c) => {
        if (newCells.has(c.address)) return false;
        const { row, col } = cellOf(c.address);
        return holds(data, row, col, c.after);
      });

      const ledger: Ledger = {
        version: LEDGER_VERSION,
        kind: 'marks',
        sheet: session.sheet,
        createdAt: new Date().toISOString(),
        fills,
        cells,
        insertedRow: null,
      };
      const stored = planLedger(ledger, ledgerHandle.settingsCount());
      if (!stored.ok) return fail<MarkResult>(stored.message);
      const queue = new WriteQueue(context);
      // The ledger first: should a later request of a large sheet fail, "Hapus Tanda" still knows every cell it may have to restore.
      await saveLedger(
        context,
        queue,
        ledger,
        stored,
        loaded.state === 'none' ? null : loaded.pointer,
      );
      await writeFills(queue, sheet, fillWrites);
      for (const c of restores) await restoreBefore(queue, sheet, c, valueWrites, data);
      await writeCells(queue, sheet, valueWrites);
      await queue.flush();
      return {
        ok: true as const,
        value: {
          marked: fills.length,
          notes: cells.filter((c) => c.after !== '' && c.after !== NOTES_HEADER).length,
          notesColumn: plan.skipped.some((k) => k.reason === 'no-free-column')
            ? null
            : columnLetters(plan.notes.col),
          notesSkipped: plan.skipped.filter(
            (k) =>
              (k.reason === 'merged' || k.reason === 'not-our-note') &&
              k.col === plan.notes.col &&
              k.value !== NOTES_HEADER,
          ).length,
        },
      };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}

/**
 * Puts back what a ledger cell held before the add-in wrote it: its formula,
 * else its value (batched into valueWrites, as text that stays text).
 */
export async function restoreBefore(
  queue: WriteQueue,
  sheet: Excel.Worksheet,
  c: LedgerCell,
  valueWrites: CellWrite[],
  data: AreaRead | null,
): Promise<void> {
  const { row, col } = cellOf(c.address);
  if (c.beforeFormula === undefined) {
    const format = c.beforeFormat ?? (data ? readFormat(data, row, col) : undefined);
    valueWrites.push({ row, col, value: c.before, format });
    return;
  }
  const formula = c.beforeFormula;
  await queue.add(payloadBytes(formula), () => {
    sheet.getRange(c.address).formulas = [[formula]];
  });
}

/**
 * What a cell of the area an undo reads should take in the response: the
 * ledger says what the add-in wrote (read back as value and formula), and an
 * empty cell costs 22 bytes in the response, 24 counted ([""], [""] and
 * ["General"] with their commas). Sizes the first read
 * to the response budget instead of CHUNK_CELLS, a sync less on a national recap.
 */
const EMPTY_CELL_BYTES = 24;

function expectedBytes(ledger: Ledger, area: Area): number {
  const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  const written = ledger.cells.reduce((n, c) => n + 2 * utf8Length(JSON.stringify(c.after)), 0);
  return EMPTY_CELL_BYTES + written / cells;
}

export interface UndoResult {
  restored: number;
  /** Cells someone changed after the add-in wrote them: left as they are. */
  keptChanged: string[];
}

/** Removes exactly what a ledger records, where the cells still hold what the add-in wrote. Three syncs where the ledger is small. */
export function undo(kind: Ledger['kind'], sheetName: string): Promise<Outcome<UndoResult>> {
  return exclusive(() => undoLedger(kind, sheetName));
}

async function undoLedger(kind: Ledger['kind'], sheetName: string): Promise<Outcome<UndoResult>> {
  try {
    return await run(async (context) => {
      const handle = queueLedger(context, kind, sheetName);
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.load('protection/protected');
      await context.sync();
      const loaded = await handle.read();
      if (loaded.state === 'none') return fail<UndoResult>(ui.nothingToUndo(kind));
      if (loaded.state === 'bad')
        return fail<UndoResult>(adapterText.ledgerDamaged(kind, sheetName, loaded.problem));
      const { ledger } = loaded;
      if (sheet.protection.protected) return fail<UndoResult>(ui.sheetProtected());
      // Fills and cells are read apart (a marks ledger's fills cover the table, its cells one
      // column), in the same sync when the fills are few: ledger, reads and writes, three syncs.
      const fillCells = ledger.fills.map((f) => cellOf(f.address));
      const valueCells = ledger.cells.map((c) => cellOf(c.address));
      let fillsOf: (() => FillsRead) | null = null;
      const queueFew = () => {
        if (fillCells.length === 0 || !fewFills(fillCells)) return 0;
        fillsOf = queueFills(sheet, fillCells);
        return fillReadBytes(fillCells);
      };
      // Formulas the add-in wrote are compared as formulas: their values are whatever Excel calculated.
      const area = valueCells.length > 0 ? bounding(valueCells.map(cellArea)) : null;
      const data = area
        ? await readArea(
            context,
            sheet,
            area,
            { formulas: true, formats: true, bytesPerCell: expectedBytes(ledger, area) },
            queueFew,
          )
        : null;
      const queued = fillsOf as (() => FillsRead) | null;
      const fillData = queued ? queued() : await readFills(context, sheet, fillCells);
      const keptChanged: string[] = [];
      let restored = 0;
      const queue = new WriteQueue(context);
      const fillWrites: { row: number; col: number; fill: Fill | null }[] = [];
      for (const f of ledger.fills) {
        const { row, col } = cellOf(f.address);
        if (!isMark(fillData.get(f.address) ?? null, f.after)) {
          keptChanged.push(f.address);
          continue;
        }
        fillWrites.push({ row, col, fill: f.before });
        restored++;
      }
      await writeFills(queue, sheet, fillWrites);
      const valueWrites: CellWrite[] = [];
      for (const c of ledger.cells) {
        const { row, col } = cellOf(c.address);
        if (!data || !holds(data, row, col, c.after)) {
          keptChanged.push(c.address);
          continue;
        }
        if (c.beforeFormat !== undefined) {
          // The format first: a value restored into a Text cell is written as it is.
          const format = c.beforeFormat;
          await queue.add(payloadBytes(format), () => {
            sheet.getRange(c.address).numberFormat = [[format]];
          });
        }
        await restoreBefore(queue, sheet, c, valueWrites, data);
        restored++;
      }
      await writeCells(queue, sheet, valueWrites);
      // After its cells are restored, a row the add-in inserted goes again, unless someone wrote in it since.
      if (ledger.insertedRow !== null && keptChanged.length === 0) {
        const row = ledger.insertedRow;
        await queue.add(ACTION_BYTES, () =>
          sheet.getRange(`${row}:${row}`).delete(Excel.DeleteShiftDirection.up),
        );
      }
      await deleteLedger(context, queue, kind, sheetName, loaded.pointer);
      await queue.flush();
      return { ok: true as const, value: { restored, keptChanged } };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}
