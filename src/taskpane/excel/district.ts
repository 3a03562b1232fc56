/**
 * "Tulis Rata-rata Kabupaten": the district line and the two finding
 * sentences, previewed old against new, written on confirmation with their
 * ledger for "Pulihkan Nilai Lama".
 */
import { a1, type Area } from '../../engine/address';
import { bounding } from '../../engine/grid';
import type { CellValue } from '../../engine/numbers';
import { planWrites, type WritePlan } from '../../engine/plan';
import { UNSUR_CODES } from '../../engine/unsur';
import { asText, LEDGER_VERSION, sameValue, type Ledger, type LedgerCell } from '../ledger';
import { ui } from '../strings';
import { payloadBytes, WriteQueue } from './budget';
import { cellArea, exclusive, explain, fail, run, type Outcome, type Session } from './common';
import {
  LEDGER_READ_BYTES,
  planLedger,
  queueLedger,
  saveLedger,
  type LedgerHandle,
} from './ledger-store';
import { firstChange, gridFormat, gridValue, readValue, reread } from './verify';

export interface AverageChange {
  address: string;
  label: string;
  before: CellValue;
  after: string | number;
}

/** Old and new values of the district line and the sentences, to show before writing. Pure. */
export function previewDistrictLine(session: Session): {
  plan: WritePlan;
  changes: AverageChange[];
} {
  const plan = planWrites(session.analysis, session.grid, session.lang);
  const { table } = session.analysis;
  const labels = new Map<number, string>();
  UNSUR_CODES.forEach((u) => labels.set(table.columns.unsur[u], u));
  const R = table.columns.roles;
  if (R.ikm !== undefined) labels.set(R.ikm, 'IKM');
  if (R.category !== undefined) labels.set(R.category, 'Kategori');
  if (R.realisation !== undefined) labels.set(R.realisation, 'Realisasi');
  const changes: AverageChange[] = [...plan.average.cells, ...plan.sentences].map((c) => {
    const at = rowBeforeInsert(plan, c.row);
    const before = at === null ? '' : gridValue(session.grid, at, c.col);
    return {
      address: a1(c.row, c.col),
      label:
        labels.get(c.col) ??
        (plan.sentences.includes(c) ? ui.sentenceLabel(session.lang) : ui.labelLabel(session.lang)),
      before,
      after: c.value,
    };
  });
  return { plan, changes: changes.filter((c) => !sameValue(c.before, c.after)) };
}

/** Where a planned row stands in the sheet before the district line is inserted; null for the inserted row itself. */
function rowBeforeInsert(plan: WritePlan, row: number): number | null {
  if (!plan.average.insert) return row;
  if (row === plan.average.row) return null;
  return row > plan.average.row ? row - 1 : row;
}

/**
 * Writes the district line and the two sentences; the old values (formulas
 * and number formats too) are kept for "Pulihkan Nilai Lama", from before the
 * first run when written again. Two syncs for a recap of the usual size.
 */
export function writeDistrictLine(
  session: Session,
): Promise<Outcome<{ written: number; row: number }>> {
  return exclusive(() => writeLine(session));
}

async function writeLine(session: Session): Promise<Outcome<{ written: number; row: number }>> {
  type Result = { written: number; row: number };
  const { plan, changes } = previewDistrictLine(session);
  if (changes.length === 0) return { ok: true, value: { written: 0, row: plan.average.row } };
  try {
    return await run(async (context) => {
      const targets = [...plan.average.cells, ...plan.sentences];
      // The cells as they stand now, before any row is inserted.
      const now = targets.map((c) => ({
        row: rowBeforeInsert(plan, c.row) ?? c.row - 1,
        col: c.col,
      }));
      const nowArea: Area = bounding(now.map(cellArea));
      let handle: LedgerHandle | null = null;
      let lineRange: Excel.Range | null = null;
      const { data, sheet } = await reread(context, session, [nowArea], null, (ws) => {
        handle = queueLedger(context, 'average', session.sheet);
        // A RATA-RATA line is often =AVERAGE(...): its formulas are kept so that it can be restored as formulas.
        lineRange = ws.getRangeByIndexes(
          nowArea.top - 1,
          nowArea.left - 1,
          nowArea.bottom - nowArea.top + 1,
          nowArea.right - nowArea.left + 1,
        );
        lineRange.load(['formulas', 'numberFormat']);
        return LEDGER_READ_BYTES;
      });
      const line = lineRange as Excel.Range | null;
      if (!line) throw new Error('the line was not queued');
      const lineFormulas = line.formulas as unknown[][];
      const lineFormats = line.numberFormat as string[][];
      const formatAt = (row: number, col: number): string =>
        lineFormats[row - nowArea.top]?.[col - nowArea.left] ?? 'General';
      const formulaAt = (row: number, col: number): string | undefined => {
        const f = lineFormulas[row - nowArea.top]?.[col - nowArea.left];
        // Text typed as "=x" reads back as its own value; a formula reads back as its result.
        return typeof f === 'string' && f.startsWith('=') && f !== readValue(data, row, col)
          ? f
          : undefined;
      };
      const ledgerHandle = handle as LedgerHandle | null;
      if (!ledgerHandle) throw new Error('the ledger was not queued');
      const loaded = await ledgerHandle.read();
      if (sheet.protection.protected) return fail<Result>(ui.sheetProtected());
      const changed = await firstChange(context, sheet, session, data);
      if (changed) return fail<Result>(ui.changedSinceRead(session.sheet, changed));
      const previous = loaded.state === 'ok' ? loaded.ledger : null;
      const prevCells = new Map((previous?.cells ?? []).map((c) => [c.address, c]));
      const cells: LedgerCell[] = [];
      const writes: { address: string; value: string | number; format?: string; text?: string }[] =
        [];
      for (const ch of changes) {
        const c = targets.find((t) => a1(t.row, t.col) === ch.address)!;
        const at = rowBeforeInsert(plan, c.row);
        // Where the line is written over a Text cell, text goes as it is (a "'" would stay in it).
        const cellFormat = at === null ? 'General' : formatAt(at, c.col);
        writes.push({ address: ch.address, value: c.value, format: c.format, text: cellFormat });
        const prev = prevCells.get(ch.address);
        prevCells.delete(ch.address);
        if (prev) {
          cells.push({ ...prev, after: c.value });
          continue;
        }
        // A RATA-RATA line is often =AVERAGE(...): kept so that it can be restored as a formula.
        const beforeFormula = at === null ? undefined : formulaAt(at, c.col);
        const beforeFormat = c.format
          ? at === null
            ? 'General'
            : gridFormat(session.grid, at, c.col)
          : undefined;
        cells.push({
          address: ch.address,
          before: ch.before,
          after: c.value,
          ...(beforeFormula !== undefined ? { beforeFormula } : {}),
          ...(beforeFormat !== undefined ? { beforeFormat } : {}),
        });
      }
      const ledger: Ledger = {
        version: LEDGER_VERSION,
        kind: 'average',
        sheet: session.sheet,
        createdAt: new Date().toISOString(),
        fills: [],
        cells: [...cells, ...prevCells.values()],
        insertedRow: previous?.insertedRow ?? (plan.average.insert ? plan.average.row : null),
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
      if (plan.average.insert) {
        const row = plan.average.row;
        await queue.add(payloadBytes(row), () => {
          sheet.getRange(`${row}:${row}`).insert(Excel.InsertShiftDirection.down);
        });
      }
      for (const w of writes) {
        await queue.add(payloadBytes([w.value, w.format]), () => {
          const range = sheet.getRange(w.address);
          if (w.format) range.numberFormat = [[w.format]];
          range.values = [[asText(w.value, w.format ?? w.text)]];
        });
      }
      await queue.flush();
      return { ok: true as const, value: { written: changes.length, row: plan.average.row } };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}
