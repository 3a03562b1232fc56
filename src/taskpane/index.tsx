/** Task pane entry: renders the app once Office.js is ready, or says why it cannot. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { labels } from './strings';

const container = document.getElementById('container');
const root = container ? createRoot(container) : null;

if (typeof Office === 'undefined') {
  // Office.js comes from Microsoft's CDN: without it the pane would stay blank.
  const lang = /^en\b/i.test(navigator.language) ? 'en' : 'id';
  root?.render(<p style={{ padding: 12 }}>{labels.officeMissing[lang]}</p>);
} else {
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
}
