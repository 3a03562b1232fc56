#!/usr/bin/env node
// The checker runs from its TypeScript sources, so `npm ci` is the only step before use.
'use strict';
const path = require('path');
const { requireBundled } = require('./load-ts');

// A check inflates its sheet on a second thread where a core is free: started now, the thread boots
// while the sources load (src/xlsx/inflate-spare.js).
if (process.argv[2] === 'check') require('../src/xlsx/inflate-spare.js').prestart();
const { main } = requireBundled(path.join(__dirname, '../src/cli/main.ts'));

/**
 * Ends the process once stdout and stderr have taken everything written: a national recap's run
 * leaves a heap of several hundred MB, and freeing it piece by piece as Node tears down took a
 * quarter of a second after the report was out.
 */
function exitWhenFlushed(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(exitWhenFlushed, (err) => {
  // Last resort: never a stack trace for the user, but enough to report the bug.
  process.stderr.write(
    `skm-rekap: kesalahan tak terduga / unexpected error: ${err && err.message ? err.message : err}\n`,
  );
  exitWhenFlushed(2);
});
