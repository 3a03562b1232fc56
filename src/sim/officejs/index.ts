/**
 * Microsoft's Office.js client in Node, over the simulated workbook:
 *
 *   const excel = installOfficeJs(model);          // Excel, Office, OfficeExtension of the real library
 *   const uninstall = excel.install();             // ... as globals, for the add-in's code
 *   await Excel.run(async (ctx) => { ... });       // real proxies, load/sync, request bodies, RichApi.Error
 *   excel.wire.maxRequestBytes;                    // the real bodies' sizes
 *
 * The library (@microsoft/office-js/dist/excel-web-16.00.debug.js, the one Excel
 * on the web loads) runs in a vm context with a small stub of window, document,
 * navigator and location; each install is a fresh context, as each page load is.
 * Node only: the preview page loads the same file with a script tag (src/preview).
 */
import fs from 'fs';
import vm from 'vm';
import { createExcelHost, type ExcelHost, type HostSettings } from '../host';
import { HOST_PROFILES, type HostProfileName } from '../profiles';
import type { WorkbookModel } from '../model';
import { connectOfficeJs, type OfficeJsConnection, type OfficeJsGlobals } from './install';
import type { WireStats } from './executor';

export { connectOfficeJs, type OfficeJsConnection, type OfficeJsGlobals } from './install';
export { WireExecutor, type WireStats, CELL_EDIT_MESSAGE } from './executor';

export const OFFICE_JS_FILE = '@microsoft/office-js/dist/excel-web-16.00.debug.js';

let script: vm.Script | undefined;

function libraryScript(): vm.Script {
  if (!script) {
    const file = require.resolve(OFFICE_JS_FILE);
    script = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
  }
  return script;
}

/** A fresh realm with the library loaded: its Excel, Office, OfficeExtension and OSF. */
export function loadOfficeJsLibrary(): OfficeJsGlobals {
  const noop = () => undefined;
  const element = () => ({ setAttribute: noop, appendChild: noop, style: {} });
  const sandbox: Record<string, unknown> = {
    document: {
      readyState: 'complete',
      cookie: '',
      getElementsByTagName: () => [],
      createElement: element,
      addEventListener: noop,
      head: { appendChild: noop },
      body: { appendChild: noop },
    },
    navigator: { userAgent: 'Node.js (SKM Rekap tests)', platform: 'Node' },
    location: {
      href: 'https://localhost/taskpane.html',
      protocol: 'https:',
      host: 'localhost',
      hostname: 'localhost',
      origin: 'https://localhost',
      hash: '',
      search: '',
    },
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.top = sandbox;
  sandbox.parent = sandbox;
  const context = vm.createContext(sandbox);
  libraryScript().runInContext(context);
  return sandbox as unknown as OfficeJsGlobals;
}

export type OfficeJsOptions = HostSettings & {
  /** The Excel build to stand for: its requirement sets and platform (src/sim/profiles.ts). */
  profile?: HostProfileName;
};

export interface InstalledOfficeJs extends OfficeJsConnection {
  /** Sizes of every request and response, as the real bodies. */
  wire: WireStats;
  /** Puts Excel, Office and OfficeExtension on a global object (globalThis by default); returns the undo. */
  install(target?: Record<string, unknown>): () => void;
}

/** Microsoft's client library over a simulated workbook (a host of src/sim, built here or given). */
export function installOfficeJs(
  workbook: WorkbookModel | ExcelHost,
  options: OfficeJsOptions = {},
): InstalledOfficeJs {
  const { profile, ...settings } = options;
  const p = profile ? HOST_PROFILES[profile] : undefined;
  const host =
    'stats' in workbook
      ? workbook
      : createExcelHost(workbook, {
          ...(p ? { requirementSets: { ...p.requirementSets }, platform: p.platform } : {}),
          ...settings,
        });
  const lib = loadOfficeJsLibrary();
  // The run's release of its kept ranges is awaited, so that counts read after Excel.run include it.
  lib.OfficeExtension.Utility._synchronousCleanup = true;
  const connection = connectOfficeJs(lib, host);
  return {
    ...connection,
    wire: connection.executor.stats,
    install(target = globalThis as unknown as Record<string, unknown>) {
      const keys = ['Excel', 'Office', 'OfficeExtension'] as const;
      const before = keys.map((k) => [k, Object.getOwnPropertyDescriptor(target, k)] as const);
      target.Excel = connection.Excel;
      target.Office = connection.Office;
      target.OfficeExtension = connection.OfficeExtension;
      return () => {
        for (const [k, d] of before) {
          if (d) Object.defineProperty(target, k, d);
          else delete target[k];
        }
      };
    },
  };
}
