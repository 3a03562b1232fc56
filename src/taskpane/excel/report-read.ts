/**
 * Every sheet of the workbook as the engine's grid, for the annual report:
 * the unit list, "Pengaturan Laporan" and other years' recaps are read from
 * them, as the CLI reads them from the file. One sync for the used ranges,
 * then each sheet in row chunks under the payload limit (readArea).
 */
import { analyseWorkbook, type Analysis } from '../../engine/analyse';
import type { SheetGrid } from '../../engine/model';
import { ui } from '../strings';
import { areaOf, explain, fail, run, type Outcome } from './common';
import { isLedgerSheet } from './ledger-store';
import { MAX_CELLS, readArea } from './read';

export interface ReportSource {
  grids: SheetGrid[];
  /** The recap analysed again from this read, so the report shows what the sheet holds now. */
  analysis: Analysis;
}

/** Every sheet's grid and the recap on `recapSheet` analysed from them. */
export async function readForReport(recapSheet: string): Promise<Outcome<ReportSource>> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      // The undo ledgers are SKM Rekap's own bookkeeping, not the workbook's content.
      const sources = sheets.items.filter((ws) => !isLedgerSheet(ws.name));
      const used = sources.map((ws) => {
        const u = ws.getUsedRangeOrNullObject(true);
        u.load('address');
        return u;
      });
      await context.sync();
      const grids: SheetGrid[] = [];
      for (let i = 0; i < sources.length; i++) {
        const name = sources[i].name;
        if (used[i].isNullObject) {
          grids.push({ name, values: [] });
          continue;
        }
        const area = areaOf(used[i].address);
        const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
        // A sheet too large to be a recap or a list is left out, unless it is the recap itself.
        if (cells > MAX_CELLS) {
          if (name === recapSheet) return fail<ReportSource>(ui.sheetTooLarge(name, cells));
          grids.push({ name, values: [] });
          continue;
        }
        const read = await readArea(context, sources[i], area, { formats: true, merges: true });
        grids.push({
          name,
          values: read.values,
          formats: read.formats ?? [],
          origin: { row: area.top, col: area.left },
          merges: read.merges,
        });
      }
      const analysis = analyseWorkbook(grids, recapSheet);
      if (!analysis.ok) return fail<ReportSource>(analysis.problem.message);
      return { ok: true as const, value: { grids, analysis } };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}
