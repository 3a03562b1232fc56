/**
 * Entry of the preview page: loads the workbook model from the preview
 * server, installs the simulated host's Excel and Office on window (never
 * Office.js from the CDN), then renders the sheet view and mounts the real
 * task pane against it. window.__skmHost exposes the host to end-to-end tests.
 *
 * URL parameters: lang=en-US (Office display language), latency=ms (per sync),
 * numbers=id (Indonesian decimal separators in cell text), platform=Mac (Office.context.platform).
 */
import { createRoot } from 'react-dom/client';
import { createExcelHost, type ExcelHost } from '../sim/host';
import type { WorkbookModel } from '../sim/model';
import { EN_US, ID_ID } from '../sim/number-format';
import { mountTaskpane } from './mount-taskpane';
import { PREVIEW_TEXT, previewLang } from './preview-text';
import { SheetView } from './sheet-view';
import { SKM_FUNCTIONS } from './functions';

declare global {
  interface Window {
    __skmHost?: ExcelHost;
  }
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
    host.install(window as unknown as Record<string, unknown>);
    window.__skmHost = host;
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
