/**
 * The add-in's traffic through Microsoft's Office.js client (src/sim/officejs)
 * on a generated recap: every pane action in turn, with the largest request
 * and response (real bodies), the largest the workbook settings became or
 * were asked to become, and the round trips. A step the host refuses is
 * recorded with the sizes it reached, not fixed here.
 */
import { installOfficeJs, type WireStats } from '../../src/sim/officejs';
import { loadXlsxFile } from '../../src/sim/load-xlsx';
import { SKM_FUNCTIONS } from '../../src/preview/functions';

/** What one pane action cost on the wire. */
export interface WireStep {
  name: string;
  /** The add-in's context.sync() calls that reached the host (requests, less the releases). */
  syncs: number;
  /** Requests, with the release of kept ranges Office.js sends, unawaited, when each Excel.run ends. */
  requests: number;
  /** Request and response bodies together. */
  totalBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Issue 10's budget for the step's syncs: ceil(totalBytes / 4 MB) + 3. */
  syncBudget: number;
}

export interface WireMeasure {
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxSettingsBytes: number;
  syncs: number;
  /** Steps that did not complete, with the host's or the add-in's reason. */
  failed: string[];
  /** Each step apart: validate, mark, unmark, formula columns, their removal, the district line, its restore, the summary. */
  steps: WireStep[];
  /** Steps over a budget: a request or response over 4,000,000 bytes, or more syncs than syncBudget. */
  overBudget: string[];
}

/** Issue 10's "Done when": what a request or response may weigh, and the bytes a sync may carry on average. */
export const WIRE_BUDGET = 4_000_000;

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
    const steps: WireStep[] = [];
    const wire = office.wire;
    const step = async (name: string, run: () => Promise<{ ok: boolean; message?: unknown }>) => {
      const from = wire.log.length;
      try {
        const r = await run();
        steps.push(measure(name, wire.log.slice(from)));
        if (!r.ok)
          failed.push(
            `${name}: ${JSON.stringify((r.message as { en?: string })?.en ?? r.message)}`,
          );
        return r.ok;
      } catch (e) {
        steps.push(measure(name, wire.log.slice(from)));
        failed.push(`${name}: ${String((e as Error)?.message ?? e)}`);
        return false;
      }
    };
    let validated: Awaited<ReturnType<Adapter['validate']>> | null = null;
    await step('validate', async () => (validated = await excel.validate('en')));
    const v = validated as Awaited<ReturnType<Adapter['validate']>> | null;
    if (v?.ok) {
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
    const overBudget = steps.flatMap((s) => {
      const over: string[] = [];
      if (s.maxRequestBytes > WIRE_BUDGET) over.push(`${s.name}: request ${s.maxRequestBytes} B`);
      if (s.maxResponseBytes > WIRE_BUDGET)
        over.push(`${s.name}: response ${s.maxResponseBytes} B`);
      if (s.syncs > s.syncBudget) over.push(`${s.name}: ${s.syncs} syncs > ${s.syncBudget}`);
      return over;
    });
    if (wire.maxSettingsBytes > 1_000_000) overBudget.push(`settings ${wire.maxSettingsBytes} B`);
    return {
      maxRequestBytes: wire.maxRequestBytes,
      maxResponseBytes: wire.maxResponseBytes,
      maxSettingsBytes: wire.maxSettingsBytes,
      syncs: wire.requests,
      failed,
      steps,
      overBudget,
    };
  } finally {
    restore();
  }
}

/** One step's requests, as the executor logged them. */
function measure(name: string, log: WireStats['log']): WireStep {
  const totalBytes = log.reduce((n, l) => n + l.requestBytes + l.responseBytes, 0);
  return {
    name,
    syncs: log.filter((l) => !l.release).length,
    requests: log.length,
    totalBytes,
    maxRequestBytes: Math.max(0, ...log.map((l) => l.requestBytes)),
    maxResponseBytes: Math.max(0, ...log.map((l) => l.responseBytes)),
    syncBudget: Math.ceil(totalBytes / WIRE_BUDGET) + 3,
    ...(process.env.WIRE_LOG
      ? {
          log: log.map(
            (l) => `${l.actions}${l.release ? 'R' : ''}:${l.requestBytes}/${l.responseBytes}`,
          ),
        }
      : {}),
  };
}
