/**
 * "Buat Ringkasan": the sheet "Ringkasan SKM" from a fresh read of every
 * sheet, read in batches under the payload limit (a batch refused for its
 * size is halved), with native charts.
 */
import { a1, type Area } from '../../engine/address';
import { analyseSheet } from '../../engine/analyse';
import type { SheetGrid } from '../../engine/model';
import type { CellValue } from '../../engine/numbers';
import { summarise } from '../../engine/summary';
import { SUMMARY_SHEET, summaryLayout, type SummaryLayout } from '../../engine/summary-sheet';
import { asText } from '../ledger';
import { ui } from '../strings';
import {
  ACTION_BYTES,
  RESPONSE_OVERHEAD,
  payloadBytes,
  setValues,
  utf8Length,
  WriteQueue,
  writeBlock,
} from './budget';
import {
  areaOf,
  exclusive,
  explain,
  fail,
  isSizeError,
  run,
  type Outcome,
  type Session,
} from './common';
import { isLedgerSheet } from './ledger-store';
import { adapterText } from './messages';
import { CHUNK_CELLS, MAX_CELLS, MAX_READ_CELLS, RESPONSE_BUDGET } from './read';

const HIGHLIGHT = '#C00000';

/** The layout's cells as one 2-D block of values and one of number formats, from A1. */
export function summaryBlock(layout: SummaryLayout): {
  values: (string | number)[][];
  formats: string[][];
  rows: number;
  cols: number;
} {
  const rows = layout.cells.reduce((n, c) => Math.max(n, c.row), 0);
  const cols = layout.cells.reduce((n, c) => Math.max(n, c.col), 0);
  const values: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array(cols).fill(''),
  );
  const formats: string[][] = Array.from({ length: rows }, () => new Array(cols).fill('General'));
  for (const c of layout.cells) {
    values[c.row - 1][c.col - 1] = asText(c.value, c.format);
    if (c.format) formats[c.row - 1][c.col - 1] = c.format;
  }
  return { values, formats, rows, cols };
}

/** A part of a sheet to read: whole for a small sheet, a band of rows of a large one. */
interface Piece {
  sheet: number;
  area: Area;
}

const cellsOf = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/**
 * Takes up to `budget` cells off the front of `pending`, splitting a piece by rows where it does
 * not fit: one row at least, so that a row wider than the budget is still read.
 */
export function take(pending: Piece[], budget: number): Piece[] {
  const batch: Piece[] = [];
  let cells = 0;
  while (pending.length > 0 && cells < budget) {
    const p = pending[0];
    const width = p.area.right - p.area.left + 1;
    const rows = p.area.bottom - p.area.top + 1;
    const fit = Math.floor((budget - cells) / width);
    // The first piece of a batch gives a row at least, however wide: a batch is never empty.
    const n = Math.min(rows, batch.length === 0 ? Math.max(1, fit) : fit);
    if (n === 0) break;
    // The rows left over stay first in line; a piece taken whole leaves none (not an empty one).
    if (n === rows) pending.shift();
    else pending[0] = { sheet: p.sheet, area: { ...p.area, top: p.area.top + n } };
    batch.push({ sheet: p.sheet, area: { ...p.area, bottom: p.area.top + n - 1 } });
    cells += n * width;
  }
  return batch;
}

const jsonBytes = (v: CellValue[][]) => utf8Length(JSON.stringify(v));

/**
 * Cells of the first read: as many as fit the response budget at the bytes a
 * cell of the recap took when it was validated (the other sheets are seldom
 * denser; a batch refused for its size is halved), CHUNK_CELLS at least (an
 * empty grid's bytes per cell are infinite: CHUNK_CELLS).
 */
export function firstBatch(session: Pick<Session, 'grid'>): number {
  const values = session.grid.values;
  const cells = values.reduce((n, row) => n + row.length, 0);
  const perCell = Math.max(1, jsonBytes(values) / cells);
  return Math.max(CHUNK_CELLS, Math.min(Math.floor(RESPONSE_BUDGET / perCell), MAX_READ_CELLS));
}

/**
 * The values of every used area, batch by batch (one sync each). The first
 * batch is `first` cells; the next ones are sized from the bytes a cell
 * really took, so that the reads cost about their size over RESPONSE_BUDGET
 * in syncs. A batch refused for its size is read again in halves, and no
 * later batch is larger.
 */
async function readAll(
  context: Excel.RequestContext,
  worksheets: Excel.Worksheet[],
  areas: (Area | null)[],
  first: number,
): Promise<CellValue[][][]> {
  const rows: Map<number, CellValue[]>[] = areas.map(() => new Map());
  const pending: Piece[] = areas.flatMap((area, sheet) => (area ? [{ sheet, area }] : []));
  let budget = first;
  let ceiling = MAX_READ_CELLS;
  while (pending.length > 0) {
    const batch = take(pending, budget);
    const ranges = batch.map((p) => {
      const r = worksheets[p.sheet].getRangeByIndexes(
        p.area.top - 1,
        p.area.left - 1,
        p.area.bottom - p.area.top + 1,
        p.area.right - p.area.left + 1,
      );
      r.load('values');
      return r;
    });
    const cells = batch.reduce((n, p) => n + cellsOf(p.area), 0);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch keeps each response under the payload limit
      await context.sync();
    } catch (err) {
      // A single row Excel cannot answer is not split further (as the recap's own read): halving
      // it would ask for the same row again, for ever.
      const oneRow = batch.length === 1 && batch[0].area.top === batch[0].area.bottom;
      if (!isSizeError(err) || oneRow) throw err;
      pending.unshift(...batch);
      ceiling = Math.max(1, Math.floor(cells / 2));
      budget = ceiling;
      continue;
    }
    let bytes = 0;
    batch.forEach((p, i) => {
      const values = ranges[i].values as CellValue[][];
      bytes += jsonBytes(values);
      values.forEach((row, j) => rows[p.sheet].set(p.area.top + j, row));
    });
    // The response carries this JSON and little else (RESPONSE_BUDGET).
    const perCell = Math.max(1, (bytes + RESPONSE_OVERHEAD * batch.length) / cells);
    budget = Math.max(1, Math.min(Math.floor(RESPONSE_BUDGET / perCell), ceiling));
  }
  // Every row of an area was read (none for a sheet left out).
  return areas.map((area, i) => {
    const out: CellValue[][] = [];
    if (area) for (let r = area.top; r <= area.bottom; r++) out.push(rows[i].get(r)!);
    return out;
  });
}

/**
 * Writes the sheet "Ringkasan SKM" from a fresh read of the workbook (the unit
 * list and other years' recaps included), replacing an earlier one at the same
 * position, with its charts. Three syncs for a workbook of the usual size.
 */
export function writeSummary(
  session: Session,
): Promise<Outcome<{ sheet: string; charts: number }>> {
  return exclusive(() => summary(session));
}

async function summary(session: Session): Promise<Outcome<{ sheet: string; charts: number }>> {
  type Result = { sheet: string; charts: number };
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/position');
      // The recap's used range in the same sync as the list of sheets: a workbook of the recap alone
      // is then read in two syncs, its values in the second.
      const recapUsed = sheets.getItem(session.sheet).getUsedRangeOrNullObject(true);
      recapUsed.load('address');
      await context.sync();
      const sources = sheets.items.filter(
        (ws) => ws.name !== SUMMARY_SHEET && !isLedgerSheet(ws.name),
      );
      const used = sources.map((ws) => {
        if (ws.name === session.sheet) return recapUsed;
        const u = ws.getUsedRangeOrNullObject(true);
        u.load('address');
        return u;
      });
      // Office.js sends no request for a sync with nothing queued (the recap alone: its used range
      // came with the sheets): ClientRequestContext.syncPrivate returns early when
      // `!req.hasActions` (@microsoft/office-js, excel-web-16.00.debug.js).
      await context.sync();
      const areas: (Area | null)[] = [];
      for (let i = 0; i < sources.length; i++) {
        const area = used[i].isNullObject ? null : areaOf(used[i].address);
        const cells = area ? cellsOf(area) : 0;
        // A sheet too large to be a recap is left out, unless it is the recap itself.
        if (cells > MAX_CELLS) {
          if (sources[i].name === session.sheet)
            return fail<Result>(ui.sheetTooLarge(session.sheet, cells));
          areas.push(null);
        } else areas.push(area);
      }
      const values = await readAll(context, sources, areas, firstBatch(session));
      const grids: SheetGrid[] = sources.map((ws, i) => {
        const area = areas[i];
        return area
          ? { name: ws.name, values: values[i], origin: { row: area.top, col: area.left } }
          : { name: ws.name, values: [] };
      });
      const recap = grids.find((g) => g.name === session.sheet);
      // A recap on a sheet the summary does not read: one named as the summary itself.
      if (!recap) return fail<Result>(adapterText.recapNamedAsSummary(session.sheet));
      const analysis = analyseSheet({ ...recap, merges: session.grid.merges });
      if (!analysis.ok) return fail<Result>(analysis.problem.message);
      const layout = summaryLayout(summarise(analysis, grids));

      const queue = new WriteQueue(context);
      const old = sheets.items.find((ws) => ws.name === SUMMARY_SHEET);
      const position = old
        ? old.position
        : sheets.items.find((ws) => ws.name === session.sheet)!.position + 1;
      await queue.add(3 * ACTION_BYTES, () => {
        if (old) old.delete();
        const added = sheets.add(SUMMARY_SHEET);
        // The old summary's place, else right after the recap: both within the sheets there are.
        added.position = position;
        // Staff asked for the summary: show it.
        added.activate();
      });
      const ws = sheets.getItem(SUMMARY_SHEET);
      const block = summaryBlock(layout);
      await writeBlock(queue, ws, 1, 1, block.values, setValues);
      await writeBlock(queue, ws, 1, 1, block.formats, (range, piece) => {
        range.numberFormat = piece;
      });
      for (const c of layout.cells) {
        if (!c.style) continue;
        const style = c.style;
        await queue.add(2 * ACTION_BYTES, () => {
          const range = ws.getRange(a1(c.row, c.col));
          range.format.font.bold = true;
          if (style === 'title') range.format.font.size = 14;
        });
      }
      for (const [col, width] of Object.entries(layout.widths)) {
        await queue.add(ACTION_BYTES, () => {
          // Column width in points; a character of the default font is about 7 points wide.
          ws.getRangeByIndexes(0, Number(col) - 1, 1, 1).format.columnWidth = width * 7;
        });
      }
      for (const spec of layout.charts) {
        await queue.add(payloadBytes(spec) + 6 * ACTION_BYTES, () => {
          const chart = ws.charts.add(
            spec.type as Excel.ChartType,
            ws.getRange(spec.data),
            Excel.ChartSeriesBy.columns,
          );
          chart.title.text = spec.title;
          chart.legend.visible = false;
          chart.setPosition(spec.anchor);
          if (spec.highlight !== null)
            chart.series
              .getItemAt(0)
              .points.getItemAt(spec.highlight)
              .format.fill.setSolidColor(HIGHLIGHT);
        });
      }
      await queue.flush();
      return { ok: true as const, value: { sheet: SUMMARY_SHEET, charts: layout.charts.length } };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}
