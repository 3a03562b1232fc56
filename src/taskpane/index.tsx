/** Task pane entry: renders the app once Office.js is ready. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';

const container = document.getElementById('container');
const root = container ? createRoot(container) : null;

Office.onReady(() => {
  // The pane runs: fallback.js (taskpane.html) need not say it cannot.
  (window as unknown as { skmRekapStarted?: boolean }).skmRekapStarted = true;
  const fallback = document.getElementById('skm-fallback');
  if (fallback) fallback.style.display = 'none';
  root?.render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
