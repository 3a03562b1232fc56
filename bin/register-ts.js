// Runs the TypeScript sources directly: each .ts/.tsx file is transpiled by esbuild when required.
// (tsx would do the same but wraps every function in a name-keeping helper, which costs about a
// sixth of the engine's time on a national recap.) Type checking stays with `npm run typecheck`.
'use strict';
const fs = require('fs');
const { transformSync } = require('esbuild');

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: filename.endsWith('x') ? 'tsx' : 'ts',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
}

for (const ext of ['.ts', '.tsx']) {
  if (!require.extensions[ext]) require.extensions[ext] = compile;
}
