/** Selecting a finding's cell from the pane. */
import { explain, fail, run, type Outcome } from './common';

/** Selects a finding's cell and brings its sheet to the front. */
export async function selectCell(sheetName: string, address: string): Promise<Outcome<null>> {
  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
      return { ok: true as const, value: null };
    });
  } catch (err) {
    return fail(await explain(err));
  }
}
