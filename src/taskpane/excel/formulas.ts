/**
 * "Kolom Rumus": helper columns that re-check each record with the custom
 * functions, and their ledger for "Hapus Kolom Rumus".
 */
import { a1, columnLetters } from '../../engine/address';
import { bounding } from '../../engine/grid';
import { FORMULA_HEADERS } from '../../engine/own-columns';
import { planWrites } from '../../engine/plan';
import { UNSUR_CODES } from '../../engine/unsur';
import { LEDGER_VERSION, type Ledger, type LedgerCell } from '../ledger';
import { ui } from '../strings';
import { setFormulas, WriteQueue, writeBlock } from './budget';
import { cellArea, exclusive, explain, fail, run, type Outcome, type Session } from './common';
import {
  LEDGER_READ_BYTES,
  planLedger,
  queueLedger,
  saveLedger,
  type LedgerHandle,
} from './ledger-store';
import { cellsArea } from './marks';
import { asText } from '../ledger';
import { firstChange, readValue, reread } from './verify';

export { FORMULA_HEADERS };

export interface FormulaColumns {
  firstCol: number;
  cells: { row: number; col: number; formula: string }[];
}

/** The helper formulas of each record with values, written right of the notes column. Pure. */
export function planFormulaColumns(session: Session): Outcome<FormulaColumns> {
  const { table } = session.analysis;
  const cols = UNSUR_CODES.map((u) => table.columns.unsur[u]);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  if (right - left !== 8) return fail(ui.unsurNotContiguous());
  const R = table.columns.roles;
  const plan = planWrites(session.analysis, session.grid, session.lang);
  const firstCol = plan.notes.col + 1;
  const L = columnLetters;
  const header = table.headerRows[0];
  const cells: FormulaColumns['cells'] = FORMULA_HEADERS.map((h, i) => ({
    row: header,
    col: firstCol + i,
    formula: h,
  }));
  for (const rec of table.records) {
    if (!rec.nrr && !rec.conv) continue;
    const values = `${L(left)}${rec.firstRow}:${L(right)}${rec.lastRow}`;
    const ikmHelper = `${L(firstCol)}${rec.firstRow}`;
    const ikm = R.ikm !== undefined ? `${L(R.ikm)}${rec.firstRow}` : '""';
    const cat = R.category !== undefined ? `, ${L(R.category)}${rec.firstRow}` : '';
    cells.push(
      { row: rec.firstRow, col: firstCol, formula: `=SKM.IKM(${values})` },
      { row: rec.firstRow, col: firstCol + 1, formula: `=SKM.KATEGORI(${ikmHelper})` },
      { row: rec.firstRow, col: firstCol + 2, formula: `=SKM.PERIKSA(${values}, ${ikm}${cat})` },
    );
  }
  return { ok: true, value: { firstCol, cells } };
}

/**
 * Writes the helper formulas through range.formulas (locale-independent:
 * comma separators), leaving the cells between them as they are. Two syncs
 * for a recap of the usual size.
 */
export function addFormulaColumns(
  session: Session,
): Promise<Outcome<{ formulas: number; columns: string }>> {
  return exclusive(() => addFormulas(session));
}

async function addFormulas(
  session: Session,
): Promise<Outcome<{ formulas: number; columns: string }>> {
  type Result = { formulas: number; columns: string };
  const planned = planFormulaColumns(session);
  if (!planned.ok) return planned;
  const { cells, firstCol } = planned.value;
  try {
    return await run(async (context) => {
      let handle: LedgerHandle | null = null;
      const { data, sheet } = await reread(context, session, cellsArea(cells), null, () => {
        handle = queueLedger(context, 'formulas', session.sheet);
        return LEDGER_READ_BYTES;
      });
      const ledgerHandle = handle as LedgerHandle | null;
      if (!ledgerHandle) throw new Error('the ledger was not queued');
      const loaded = await ledgerHandle.read();
      if (sheet.protection.protected) return fail<Result>(ui.sheetProtected());
      const changed = await firstChange(context, sheet, session, data);
      if (changed) return fail<Result>(ui.changedSinceRead(session.sheet, changed));
      // Written again, the columns keep the values from before the first run for "Hapus Kolom Rumus".
      const previous = loaded.state === 'ok' ? loaded.ledger : null;
      const prevCells = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      const { top, bottom } = bounding(cells.map(cellArea));
      const block: (string | null)[][] = Array.from({ length: bottom - top + 1 }, () =>
        new Array<string | null>(FORMULA_HEADERS.length).fill(null),
      );
      const ledgerCells: LedgerCell[] = [];
      for (const c of cells) {
        const address = a1(c.row, c.col);
        block[c.row - top][c.col - firstCol] = c.formula.startsWith('=')
          ? c.formula
          : (asText(c.formula) as string);
        const prev = prevCells.get(address);
        const before = prev ? prev.before : readValue(data, c.row, c.col);
        ledgerCells.push({ address, before, after: c.formula });
        prevCells.delete(address);
      }
      // Formulas of an earlier run on rows that hold no record now stay listed, so that they are removed too.
      for (const c of prevCells.values()) ledgerCells.push(c);
      const ledger: Ledger = {
        version: LEDGER_VERSION,
        kind: 'formulas',
        sheet: session.sheet,
        createdAt: new Date().toISOString(),
        fills: [],
        cells: ledgerCells,
        insertedRow: null,
      };
      const stored = planLedger(ledger, ledgerHandle.settingsCount());
      if (!stored.ok) return fail<Result>(stored.message);
      const queue = new WriteQueue(context);
      await saveLedger(
        context,
        queue,
        ledger,
        stored,
        loaded.state === 'none' ? null : loaded.pointer,
      );
      await writeBlock(queue, sheet, top, firstCol, block, setFormulas);
      await queue.flush();
      return {
        ok: true as const,
        value: {
          formulas: cells.length - FORMULA_HEADERS.length,
          columns: `${columnLetters(firstCol)}:${columnLetters(firstCol + 2)}`,
        },
      };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}
