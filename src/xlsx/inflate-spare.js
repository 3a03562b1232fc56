// An inflating thread (inflate-worker.js) started before any part is known: the checker starts it
// as the process starts (bin/skm-rekap.js), so that the thread has booted (70 to 120 ms here) by
// the time the sheet is to be inflated, while the sources load. zip-parts.ts takes it over, or
// starts its own. Plain JavaScript, loaded both by the bin and by the bundled sources: the thread
// is kept under a global symbol, so that both see the same one.
'use strict';
const path = require('path');
const { Worker } = require('worker_threads');

const KEY = Symbol.for('skm-rekap.spare-inflater');
// From src/xlsx, or from src/cli where the sources run bundled (as zip-parts.ts finds it).
const FILE = path.join(__dirname, '..', 'xlsx', 'inflate-worker.js');

/** Starts the spare thread, once; it keeps no process alive. */
function prestart() {
  if (globalThis[KEY]) return;
  try {
    const worker = new Worker(FILE);
    worker.unref();
    worker.on('error', () => undefined);
    globalThis[KEY] = worker;
  } catch {
    // No threads here: parts inflate as they would without a spare.
  }
}

/** The spare thread, handed over once (null when none was started). */
function takeSpare() {
  const worker = globalThis[KEY] || null;
  globalThis[KEY] = undefined;
  return worker;
}

module.exports = { prestart, takeSpare };
