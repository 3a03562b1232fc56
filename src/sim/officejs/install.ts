/**
 * Connects Microsoft's Office.js client library, once loaded (in a Node vm
 * context or a browser page), to the simulated workbook: every request
 * context sends its requests to a WireExecutor, and Office.context answers
 * for the simulated host (display language, requirement sets). Runs in Node
 * and in the browser.
 */
import type { ExcelHost } from '../host';
import { createOffice, type OfficeRecord } from '../office';
import { WireExecutor } from './executor';

/** The globals the library defines (window.Excel, window.Office, ...). */
export interface OfficeJsGlobals {
  Excel: any;
  Office: any;
  OfficeExtension: any;
  OSF: any;
}

export interface OfficeJsConnection {
  Excel: any;
  Office: any;
  OfficeExtension: any;
  host: ExcelHost;
  executor: WireExecutor;
  /** What the add-in did through Office.actions and Office.addin. */
  office: OfficeRecord;
}

/**
 * Routes the library's requests to an executor over `host`. The library asks
 * a context for its `_requestExecutor` before each request
 * (ClientRequestContext.syncPrivate) and only builds its own when none is
 * set: a getter on the prototype answers for every context, including those
 * Excel.run creates.
 */
export function connectOfficeJs(lib: OfficeJsGlobals, host: ExcelHost): OfficeJsConnection {
  const executor = new WireExecutor(host);
  Object.defineProperty(lib.OfficeExtension.ClientRequestContext.prototype, '_requestExecutor', {
    configurable: true,
    get: () => executor,
    set: () => undefined,
  });
  const record: OfficeRecord = { actions: new Map(), taskpaneShown: 0, taskpaneHidden: 0 };
  // Office.context comes from OSF._OfficeAppFactory.getContext(), which the host page sets up
  // in Excel; here it is the simulated host's context, so requirement-set checks
  // (CommonUtility.isSetSupported, ApiNotFound) consult the simulated host profile.
  const office = createOffice(stateOf(host), record);
  lib.OSF._OfficeAppFactory = {
    ...(lib.OSF._OfficeAppFactory ?? {}),
    getContext: () => office.context,
  };
  // The host-specific library has no loader: onReady, actions and addin come from Office's
  // office.js, which Excel's page loads first. The simulated ones stand in for them.
  for (const key of ['onReady', 'actions', 'addin', 'HostType', 'PlatformType'] as const) {
    if (lib.Office[key] === undefined)
      Object.defineProperty(lib.Office, key, {
        configurable: true,
        enumerable: true,
        value: office[key],
      });
  }
  return {
    Excel: lib.Excel,
    Office: lib.Office,
    OfficeExtension: lib.OfficeExtension,
    host,
    executor,
    office: record,
  };
}

/** The host's state as createOffice needs it (options and stats). */
function stateOf(host: ExcelHost): Parameters<typeof createOffice>[0] {
  return { options: host.options, stats: host.stats } as Parameters<typeof createOffice>[0];
}
