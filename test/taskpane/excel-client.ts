/**
 * Opens a workbook for the adapter's tests in a fresh simulated Excel, driven
 * by Microsoft's Office.js client (the library Excel on the web loads, through
 * src/sim/officejs) by default, or by the simulation's own hand-written
 * proxies ('sim'), so that a test can run through both. Excel, Office and
 * OfficeExtension are installed as globals, as Office.js puts them.
 */
import { createExcelHost, type ExcelHost } from '../../src/sim/host';
import { cloneWorkbook, type WorkbookModel } from '../../src/sim/model';
import { installOfficeJs, type OfficeJsOptions, type WireStats } from '../../src/sim/officejs';
import { validate, type Session } from '../../src/taskpane/excel';

export type ExcelClient = 'officejs' | 'sim';
export const CLIENTS: ExcelClient[] = ['officejs', 'sim'];

export interface OpenedExcel {
  host: ExcelHost;
  /** The real request and response bodies (Microsoft's client only). */
  wire: WireStats | null;
  uninstall(): void;
}

/** A copy of `model` in a fresh simulated Excel, its namespaces installed as globals. */
export function openExcel(
  model: WorkbookModel,
  options: OfficeJsOptions = {},
  client: ExcelClient = 'officejs',
): OpenedExcel {
  const copy = cloneWorkbook(model);
  if (client === 'sim') {
    const { profile: _profile, ...settings } = options;
    const host = createExcelHost(copy, settings);
    return { host, wire: null, uninstall: host.install() };
  }
  const o = installOfficeJs(copy, options);
  return { host: o.host, wire: o.wire, uninstall: o.install() };
}

/** The requests of the host's log, whichever client sent them ("sync #3 ..." or "wire request #3 ..."). */
export function requestLines(host: ExcelHost): string[] {
  return host.stats.operations.filter((o) => /^(sync|wire request) #\d+/.test(o));
}

/** Requests the host refused. */
export function failedRequests(host: ExcelHost): string[] {
  return requestLines(host).filter((l) => l.includes('failed'));
}

/**
 * The add-in's own syncs since the log was last reset: the requests, less the
 * release of kept ranges that Microsoft's client sends when an Excel.run ends
 * (one more request per run that created ranges; docs/testing.md).
 */
export function addinSyncs(host: ExcelHost): number {
  return requestLines(host).filter((l) => !l.includes('(release of kept ranges)')).length;
}

/**
 * A simulated Excel for each test of a file: `open` a workbook in it (closed after the test), and
 * `validated` runs "Validasi Rekap" on its active sheet, failing the test when it is refused.
 */
export function excelPerTest(client: ExcelClient = 'officejs') {
  let opened: OpenedExcel | undefined;
  afterEach(() => {
    opened?.uninstall();
    opened = undefined;
  });
  return {
    open(model: WorkbookModel, options: OfficeJsOptions = {}): ExcelHost {
      opened = openExcel(model, options, client);
      return opened.host;
    },
    /** The host of the workbook opened last. */
    get host(): ExcelHost {
      if (!opened) throw new Error('no workbook is open');
      return opened.host;
    },
    async validated(lang: 'id' | 'en' = 'id'): Promise<Session> {
      const v = await validate(lang);
      if (!v.ok) throw new Error(`not validated: ${v.message.en}`);
      return v.value;
    },
  };
}
