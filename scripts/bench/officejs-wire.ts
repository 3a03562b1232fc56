/**
 * The add-in's traffic through Microsoft's Office.js client (src/sim/officejs)
 * on a generated recap: every pane action in turn, with the largest request
 * and response (real bodies), the largest the workbook settings became or
 * were asked to become, and the round trips. A step the host refuses is
 * recorded with the sizes it reached, not fixed here.
 */
import { installOfficeJs } from '../../src/sim/officejs';
import { loadXlsxFile } from '../../src/sim/load-xlsx';
import { SKM_FUNCTIONS } from '../../src/preview/functions';

export interface WireMeasure {
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxSettingsBytes: number;
  syncs: number;
  /** Steps that did not complete, with the host's or the add-in's reason. */
  failed: string[];
}

type Adapter = typeof import('../../src/taskpane/excel');

/** Runs validate, mark, unmark, formula columns and their removal, the district line and its restore, and the summary. */
export async function officeJsWire(file: string): Promise<WireMeasure> {
  const model = await loadXlsxFile(file);
  const office = installOfficeJs(model, { customFunctions: SKM_FUNCTIONS });
  const restore = office.install(globalThis as unknown as Record<string, unknown>);
  const failed: string[] = [];
  try {
    // Required after install(), so that the adapter binds to the library's globals.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const excel = require('../../src/taskpane/excel') as Adapter;
    const step = async (name: string, run: () => Promise<{ ok: boolean; message?: unknown }>) => {
      try {
        const r = await run();
        if (!r.ok)
          failed.push(
            `${name}: ${JSON.stringify((r.message as { en?: string })?.en ?? r.message)}`,
          );
        return r.ok;
      } catch (e) {
        failed.push(`${name}: ${String((e as Error)?.message ?? e)}`);
        return false;
      }
    };
    const v = await excel.validate('en');
    if (!v.ok) {
      failed.push(`validate: ${v.message.en}`);
    } else {
      const session = v.value;
      const sheet = session.sheet;
      await step('mark', () => excel.markFindings(session));
      await step('unmark', () => excel.undo('marks', sheet));
      await step('formula columns', () => excel.addFormulaColumns(session));
      await step('remove formula columns', () => excel.undo('formulas', sheet));
      await step('district line', () => excel.writeDistrictLine(session));
      await step('restore district line', () => excel.undo('average', sheet));
      await step('summary', () => excel.writeSummary(session));
    }
    // Let late custom-function results and the last release of kept ranges settle.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return {
      maxRequestBytes: office.wire.maxRequestBytes,
      maxResponseBytes: office.wire.maxResponseBytes,
      maxSettingsBytes: office.wire.maxSettingsBytes,
      syncs: office.wire.requests,
      failed,
    };
  } finally {
    restore();
  }
}
