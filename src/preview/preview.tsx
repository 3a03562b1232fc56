/**
 * Entry of the preview page: loads the workbook model from the preview
 * server and Microsoft's Office.js client library (the file Excel on the web
 * loads, copied from node_modules into dist/preview at build: never from the
 * CDN), connects the library to the simulated workbook (src/sim/officejs),
 * then renders the sheet view and mounts the real task pane against it.
 * window.__skmHost exposes the simulated host to end-to-end tests.
 *
 * URL parameters: lang=en-US (Office display language), latency=ms (per request),
 * numbers=id (Indonesian decimal separators in cell text), platform=Mac (Office.context.platform),
 * client=sim (the simulation's own hand-written proxies instead of Microsoft's client, for debugging).
 */
import { createRoot } from 'react-dom/client';
import { createExcelHost, type ExcelHost } from '../sim/host';
import { connectOfficeJs, type OfficeJsGlobals } from '../sim/officejs/install';
import type { WorkbookModel } from '../sim/model';
import { EN_US, ID_ID } from '../sim/number-format';
import { mountTaskpane } from './mount-taskpane';
import { PREVIEW_TEXT, previewLang } from './preview-text';
import { SheetView } from './sheet-view';
import { SKM_FUNCTIONS } from './functions';

declare global {
  interface Window {
    __skmHost?: ExcelHost;
    /** Which client the page's add-in talks through: Microsoft's Office.js ('officejs') or the simulation's ('sim'). */
    __skmClient?: 'officejs' | 'sim';
  }
}

/** Microsoft's Excel client library, as webpack.preview.js copies it from @microsoft/office-js/dist. */
export const OFFICE_JS_URL = 'office-js/excel-web-16.00.debug.js';

/** Loads Microsoft's library with a script tag (script-src 'self'); resolves with the globals it defined. */
function loadOfficeJs(): Promise<OfficeJsGlobals> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = OFFICE_JS_URL;
    script.onload = () => {
      const w = window as unknown as Partial<OfficeJsGlobals>;
      if (w.Excel && w.Office && w.OfficeExtension && w.OSF)
        resolve({
          Excel: w.Excel,
          Office: w.Office,
          OfficeExtension: w.OfficeExtension,
          OSF: w.OSF,
        });
      else reject(new Error(`${OFFICE_JS_URL} defined no Excel namespace`));
    };
    script.onerror = () => reject(new Error(`${OFFICE_JS_URL} could not be loaded`));
    document.head.appendChild(script);
  });
}

/** Puts Excel, Office and OfficeExtension on window: Microsoft's client over `host`, or the simulation's own. */
async function installClient(host: ExcelHost, client: 'officejs' | 'sim'): Promise<void> {
  const target = window as unknown as Record<string, unknown>;
  if (client === 'sim') {
    host.install(target);
    return;
  }
  const connected = connectOfficeJs(await loadOfficeJs(), host);
  target.Excel = connected.Excel;
  target.Office = connected.Office;
  target.OfficeExtension = connected.OfficeExtension;
}

/** Sends the model back to the server after changes, so GET /workbook.xlsx gives the current state. */
function persistChanges(host: ExcelHost): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  host.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fetch('workbook.json', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(host.model),
      }).catch((e: unknown) => console.warn('preview: could not save the workbook model', e));
    }, 300);
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const displayLanguage = params.get('lang') ?? 'id-ID';
  const lang = previewLang(displayLanguage);
  const sheetRoot = document.getElementById('sheet-root')!;
  try {
    const res = await fetch('workbook.json', { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const model = (await res.json()) as WorkbookModel;
    const host = createExcelHost(model, {
      displayLanguage,
      latencyMs: Number(params.get('latency') ?? '20'),
      numberLocale: params.get('numbers') === 'id' ? ID_ID : EN_US,
      customFunctions: SKM_FUNCTIONS,
      ...(params.get('platform') ? { platform: params.get('platform')! } : {}),
    });
    const client = params.get('client') === 'sim' ? 'sim' : 'officejs';
    await installClient(host, client);
    window.__skmHost = host;
    window.__skmClient = client;
    document.documentElement.lang = lang;
    createRoot(sheetRoot).render(<SheetView host={host} lang={lang} />);
    persistChanges(host);
    mountTaskpane(document.getElementById('container')!, PREVIEW_TEXT[lang].taskpaneMissing);
  } catch (e) {
    sheetRoot.textContent = `${PREVIEW_TEXT[lang].loadFailed}: ${e instanceof Error ? e.message : String(e)}`;
    throw e;
  }
}

void main();
