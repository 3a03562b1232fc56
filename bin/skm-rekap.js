#!/usr/bin/env node
// The checker runs from its TypeScript sources, so `npm ci` is the only step before use.
'use strict';
const path = require('path');
const { requireBundled } = require('./load-ts');
const { main } = requireBundled(path.join(__dirname, '../src/cli/main.ts'));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: never a stack trace for the user, but enough to report the bug.
    process.stderr.write(
      `skm-rekap: kesalahan tak terduga / unexpected error: ${err && err.message ? err.message : err}\n`,
    );
    process.exitCode = 2;
  },
);
