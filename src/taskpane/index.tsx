/** Task pane entry: renders the app once Office.js is ready. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';

const container = document.getElementById('container');
const root = container ? createRoot(container) : null;

Office.onReady(() => {
  root?.render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
