/**
 * "Olah Data Responden" in the add-in: the answers on the active sheet, read
 * as the recap reader reads a sheet (bounded, in chunks), processed by the
 * engine, and written as a new processing sheet in the official layout
 * (src/engine/respondents/sheet-plan.ts) with live formulas, the profile
 * tables with native charts and the quality notes. The sheet gets a free
 * name (an existing sheet is never replaced); the sheets written are listed
 * in a workbook setting so that "Hapus Lembar Pengolahan" deletes the last one.
 */
import { a1, columnLetters, type Area } from '../../engine/address';
import { analyseSheet } from '../../engine/analyse';
import type { Lang, Text } from '../../engine/messages';
import type { SheetGrid } from '../../engine/model';
import { processSheet, type Processed } from '../../engine/respondents/process';
import {
  processingSheetPlan,
  type PlanCell,
  type SheetPlan,
} from '../../engine/respondents/sheet-plan';
import { asText } from '../ledger';
import {
  ACTION_BYTES,
  payloadBytes,
  setFormulas,
  setValues,
  WriteQueue,
  writeBlock,
} from './budget';
import { exclusive, explain, fail, isSizeError, run, type Outcome } from './common';
import { hash, isLedgerSheet } from './ledger-store';
import { olahText } from './olah-messages';
import { decodeSheetsLedger, OLAH_KEY, type SheetsLedger, type WrittenSheet } from './olah-ledger';
import { gridOf, probeSheet, readArea } from './read';

/** The engine's messages name a file; in the workbook there is none to name. */
const HERE = '\u0000';
const withoutFile = (t: Text): Text => ({
  id: t.id.replace(`${HERE}: `, ''),
  en: t.en.replace(`${HERE}: `, ''),
});

/** What the pane shows after processing, and what "Masukkan ke Rekap" takes. */
export interface OlahResult {
  /** The processing sheet written. */
  sheet: string;
  /** The sheet of answers. */
  source: string;
  processed: Processed;
  charts: number;
  /** Where the unit may be named: the sheet's name, then the texts above the answers' header (a title line). */
  hints: string[];
}

/** The texts of the rows above the header: "DATA RESPONDEN SKM DINAS B". */
function titleTexts(grid: SheetGrid, headerRow: number): string[] {
  const top = grid.origin?.row ?? 1;
  return grid.values
    .slice(0, Math.max(0, headerRow - top))
    .flatMap((row) => row.filter((v): v is string => typeof v === 'string' && v.trim() !== ''));
}

/** The processing sheet's name: "Pengolahan SKM", else the first free "Pengolahan SKM (n)". */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The largest number of a list, at least `floor` (no spread: a sheet has more cells than the stack has room for). */
const maxOf = (xs: number[], floor: number) => xs.reduce((m, x) => (x > m ? x : m), floor);

/** Chart anchors: one per profile table, stacked to the right of the sheet's tables. */
export function chartAnchors(plan: SheetPlan): { top: string; bottom: string }[] {
  const left =
    maxOf(
      plan.cells.map((c) => c.col),
      5,
    ) + 2;
  const right = left + 6;
  return plan.profileTables.map((_, k) => {
    const top = 4 + 16 * k;
    return {
      top: a1(top, left),
      bottom: `${columnLetters(right)}${top + 14}`,
    };
  });
}

/**
 * Rows of cells holding formulas (or number formats), grouped into rectangles
 * of nearby rows: null elsewhere, which leaves a cell as it is
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
function rectangles<T>(
  cells: PlanCell[],
  pick: (c: PlanCell) => T | undefined,
  empty: T | null,
): { area: Area; rows: (T | null)[][] }[] {
  const picked = cells
    .map((c) => ({ c, v: pick(c) }))
    .filter((x): x is { c: PlanCell; v: T } => x.v !== undefined)
    .sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col);
  const out: { area: Area; rows: (T | null)[][] }[] = [];
  let group: typeof picked = [];
  const close = () => {
    if (group.length === 0) return;
    const area: Area = {
      top: group[0].c.row,
      bottom: group[group.length - 1].c.row,
      left: -maxOf(
        group.map((x) => -x.c.col),
        -Infinity,
      ),
      right: maxOf(
        group.map((x) => x.c.col),
        1,
      ),
    };
    const rows = Array.from({ length: area.bottom - area.top + 1 }, () =>
      new Array<T | null>(area.right - area.left + 1).fill(empty),
    );
    for (const x of group) rows[x.c.row - area.top][x.c.col - area.left] = x.v;
    out.push({ area, rows });
    group = [];
  };
  for (const x of picked) {
    if (group.length > 0 && x.c.row - group[group.length - 1].c.row > 1) close();
    group.push(x);
  }
  close();
  return out;
}

/** The plan's constants as one block of values from A1 (text with Excel's text prefix, formulas' cells left blank). */
export function valueBlock(plan: SheetPlan): (string | number)[][] {
  const rows = maxOf(
    plan.cells.map((c) => c.row),
    1,
  );
  const cols = maxOf(
    plan.cells.map((c) => c.col),
    1,
  );
  const block: (string | number)[][] = Array.from({ length: rows }, () => new Array(cols).fill(''));
  for (const c of plan.cells)
    if (c.formula === undefined && c.value !== undefined)
      block[c.row - 1][c.col - 1] = asText(c.value);
  return block;
}

/**
 * Processes the answers on the active sheet and writes the processing sheet
 * next to it. One sync to read a sheet of the usual size (more, in chunks, for
 * a large one), one for the ledger and the sheet names, then the writes in
 * requests under the budget.
 */
export function olahActiveSheet(lang: Lang): Promise<Outcome<OlahResult>> {
  return exclusive(async () => {
    try {
      return await olah(lang, true);
    } catch (err) {
      if (!isSizeError(err)) return fail(await explain(err));
      try {
        return await olah(lang, false);
      } catch (err2) {
        return fail(await explain(err2));
      }
    }
  });
}

async function olah(lang: Lang, whole: boolean): Promise<Outcome<OlahResult>> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const active = sheets.getActiveWorksheet();
    active.load('name,position');
    const probe = probeSheet(active, whole);
    const stored = context.workbook.settings.getItemOrNullObject(OLAH_KEY);
    stored.load('value');
    await context.sync();
    if (isLedgerSheet(active.name)) return fail<OlahResult>(olahText.noAnswers(active.name));
    const previous: SheetsLedger = stored.isNullObject
      ? { sheets: [] }
      : (decodeSheetsLedger(stored.value) ?? { sheets: [] });
    // A processing sheet holds U1..U9 and answers too: processing it again would count its totals.
    const made = previous.sheets.find((x) => x.sheet === active.name);
    if (made) return fail<OlahResult>(olahText.isProcessing(active.name, made.source));
    const grid = await gridOf(context, active, active.name, probe, {
      formats: true,
      merges: false,
    });
    if (!grid.ok) return grid;
    // A recap has unsur columns too: its NRR lines are not answers.
    const recap = analyseSheet(grid.value);
    if (recap.ok && recap.table.units.length > 0)
      return fail<OlahResult>(olahText.recapNotAnswers(active.name));
    const result = processSheet(HERE, grid.value);
    if (!result.ok) return fail<OlahResult>(withoutFile(result.problem));
    const p = result.processed;
    const name = freeSheetName(
      lang === 'en' ? 'SKM Processing' : 'Pengolahan SKM',
      sheets.items.map((s) => s.name),
    );
    const plan = processingSheetPlan(p, lang, name);

    const ledger: SheetsLedger = {
      sheets: [
        ...previous.sheets,
        { sheet: name, source: active.name, createdAt: new Date().toISOString() },
      ],
    };

    const queue = new WriteQueue(context);
    const text = JSON.stringify(ledger);
    // The ledger first: a write cut short still leaves the sheet it names deletable.
    await queue.add(payloadBytes(text), () => context.workbook.settings.add(OLAH_KEY, text));
    await queue.add(3 * ACTION_BYTES, () => {
      const added = sheets.add(name);
      added.position = active.position + 1;
      // Staff asked for the processing: show it.
      added.activate();
    });
    const ws = sheets.getItem(name);
    await writeBlock(queue, ws, 1, 1, valueBlock(plan), setValues);
    for (const r of rectangles(plan.cells, (c) => c.formula, null))
      await writeBlock(queue, ws, r.area.top, r.area.left, r.rows, setFormulas);
    for (const r of rectangles(plan.cells, (c) => c.format, 'General'))
      await writeBlock(queue, ws, r.area.top, r.area.left, r.rows, (range, piece) => {
        range.numberFormat = piece;
      });
    for (const run of boldRuns(plan.cells))
      await queue.add(ACTION_BYTES, () => {
        ws.getRange(run).format.font.bold = true;
      });
    await queue.add(2 * ACTION_BYTES, () => {
      ws.getRange('A1').format.font.size = 13;
    });
    for (const m of plan.merges)
      await queue.add(ACTION_BYTES, () => {
        ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
      });
    for (const w of plan.widths)
      await queue.add(ACTION_BYTES, () => {
        // Column width in points; a character of the default font is about 7 points wide.
        ws.getRangeByIndexes(0, w.col - 1, 1, 1).format.columnWidth = w.width * 7;
      });
    const anchors = chartAnchors(plan);
    for (const [k, t] of plan.profileTables.entries()) {
      const title = String(
        plan.cells.find((c) => c.row === t.area.top && c.col === 1)?.value ?? '',
      );
      const source = `${a1(t.area.top, 1)}:${a1(t.area.bottom, 2)}`;
      await queue.add(payloadBytes([title, source]) + 5 * ACTION_BYTES, () => {
        // ChartCollection.add(type, sourceData, seriesBy), ExcelApi 1.1 (excel.chartcollection).
        const chart = ws.charts.add('ColumnClustered', ws.getRange(source), 'Columns');
        chart.title.text = title;
        chart.legend.visible = false;
        chart.setPosition(anchors[k].top, anchors[k].bottom);
      });
    }
    await queue.flush();
    // What the sheet holds as written: its undo leaves it alone once staff have edited it.
    const area = { top: 1, left: 1, bottom: 1, right: 1 };
    for (const c of plan.cells) {
      if (c.row > area.bottom) area.bottom = c.row;
      if (c.col > area.right) area.right = c.col;
    }
    ledger.sheets[ledger.sheets.length - 1].written = await fingerprint(context, ws, area);
    context.workbook.settings.add(OLAH_KEY, JSON.stringify(ledger));
    await context.sync();
    return {
      ok: true as const,
      value: {
        sheet: name,
        source: active.name,
        processed: p,
        charts: plan.profileTables.length,
        hints: [active.name, ...titleTexts(grid.value, p.table.headerRow)],
      },
    };
  });
}

/** Bold cells as runs along their row ("A4:J4"), one action each. */
export function boldRuns(cells: PlanCell[]): string[] {
  const bold = cells.filter((c) => c.bold).sort((a, b) => a.row - b.row || a.col - b.col);
  const out: string[] = [];
  let start: PlanCell | null = null;
  let prev: PlanCell | null = null;
  const close = () => {
    if (start && prev)
      out.push(
        start === prev
          ? a1(start.row, start.col)
          : `${a1(start.row, start.col)}:${a1(prev.row, prev.col)}`,
      );
  };
  for (const c of bold) {
    if (prev && c.row === prev.row && c.col === prev.col + 1) {
      prev = c;
      continue;
    }
    close();
    start = prev = c;
  }
  close();
  return out;
}

/**
 * Deletes the processing sheet written last (as listed in the setting), if it
 * is still there, and takes it off the list.
 */
export function undoOlah(): Promise<Outcome<{ sheet: string | null }>> {
  return exclusive(async () => {
    try {
      return await run(async (context) => {
        const stored = context.workbook.settings.getItemOrNullObject(OLAH_KEY);
        stored.load('value');
        await context.sync();
        const ledger = stored.isNullObject ? null : decodeSheetsLedger(stored.value);
        const last = ledger?.sheets[ledger.sheets.length - 1];
        if (!ledger || !last) return fail<{ sheet: string | null }>(olahText.nothingToUndo());
        const ws = context.workbook.worksheets.getItemOrNullObject(last.sheet);
        ws.load('name');
        const source = context.workbook.worksheets.getItemOrNullObject(last.source);
        source.load('name');
        await context.sync();
        if (!ws.isNullObject && last.written) {
          const now = await fingerprint(context, ws, last.written.area);
          if (now.used !== last.written.used || now.hash !== last.written.hash)
            return fail<{ sheet: string | null }>(olahText.sheetEdited(last.sheet));
        }
        const rest = ledger.sheets.slice(0, -1);
        if (rest.length === 0) stored.delete();
        else context.workbook.settings.add(OLAH_KEY, JSON.stringify({ sheets: rest }));
        if (!ws.isNullObject) {
          // Back to the answers it was made from, when they are still there.
          if (!source.isNullObject) source.activate();
          ws.delete();
        }
        await context.sync();
        return { ok: true as const, value: { sheet: ws.isNullObject ? null : last.sheet } };
      });
    } catch (err) {
      return fail(await explain(err));
    }
  });
}

/** The used range of a processing sheet and a hash of the formulas (constants included) of `area`. */
async function fingerprint(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  area: WrittenSheet['area'],
): Promise<WrittenSheet> {
  const used = ws.getUsedRange(false);
  const data = await readArea(context, ws, area, { values: false, formulas: true }, () => {
    used.load('address');
  });
  return {
    used: used.address.slice(used.address.lastIndexOf('!') + 1),
    area,
    hash: hash(JSON.stringify(data.formulas)),
  };
}

/** How many processing sheets the workbook lists for undo (to enable the button after reopening). */
export async function olahSheets(): Promise<number> {
  try {
    return await run(async (context) => {
      const stored = context.workbook.settings.getItemOrNullObject(OLAH_KEY);
      stored.load('value');
      await context.sync();
      return stored.isNullObject ? 0 : (decodeSheetsLedger(stored.value)?.sheets.length ?? 0);
    });
  } catch {
    return 0;
  }
}
