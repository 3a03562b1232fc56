/**
 * Mounts the real task pane in the preview, after the simulated host is on
 * window. The task pane is found at build time through webpack's
 * require.context, so the preview builds whether or not src/taskpane/App.tsx
 * exists yet: App (default or named export) is preferred, then
 * src/taskpane/index.tsx (which mounts itself into #container).
 */
import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';

interface WebpackContext {
  keys(): string[];
  (id: string): unknown;
}

type RequireWithContext = {
  context(directory: string, recursive: boolean, filter: RegExp): WebpackContext;
};

export type TaskpaneModule =
  { kind: 'app'; App: ComponentType } | { kind: 'index'; load: () => void } | { kind: 'none' };

export function findTaskpane(): TaskpaneModule {
  // Scans src/ (not src/taskpane/) so that a missing folder is no build error.
  const ctx = (require as unknown as RequireWithContext).context(
    '..',
    true,
    /^\.\/taskpane\/(App|index)\.tsx?$/,
  );
  const keys = ctx.keys();
  const appKey = keys.find((k) => /\/App\.tsx?$/.test(k));
  if (appKey) {
    const mod = ctx(appKey) as { default?: ComponentType; App?: ComponentType };
    const App = mod.default ?? mod.App;
    if (App) return { kind: 'app', App };
  }
  const indexKey = keys.find((k) => /\/index\.tsx?$/.test(k));
  if (indexKey) return { kind: 'index', load: () => void ctx(indexKey) };
  return { kind: 'none' };
}

export function mountTaskpane(container: HTMLElement, missingText: string): TaskpaneModule['kind'] {
  const found = findTaskpane();
  if (found.kind === 'app') {
    const { App } = found;
    // A second FluentProvider inside the App's own is harmless; without one, Fluent UI has no theme.
    createRoot(container).render(
      <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
        <App />
      </FluentProvider>,
    );
  } else if (found.kind === 'index') {
    found.load();
  } else {
    const p = document.createElement('p');
    p.className = 'taskpane-missing';
    p.textContent = missingText;
    container.appendChild(p);
  }
  return found.kind;
}
