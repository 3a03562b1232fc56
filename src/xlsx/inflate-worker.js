// Inflates one large part of an .xlsx on a thread of its own, into shared memory the reader scans
// as it fills (src/xlsx/zip-parts.ts, streamed()): on a machine with a second core the sheet is
// read while it is still being inflated. Plain JavaScript, since a worker runs a file as it is.
// Bounded as the one-thread path: never a byte past the size the zip entry declares, and the
// CRC checked at the end; any fault ends the part as damaged.
// The job comes as workerData, or, for a thread started before it was known (inflate-spare.js),
// as the first message.
'use strict';
const { workerData, parentPort } = require('worker_threads');
const zlib = require('zlib');

const FRONTIER = 0;
const STATE = 1;
const DONE = 1;
const DAMAGED = 2;

function run({ compressed, shared, control, declared, crc, chunk: chunkSize }) {
  const out = new Uint8Array(shared);
  const ctrl = new Int32Array(control);
  let at = 0;
  let sum = 0;
  let ended = false;

  function finish(state) {
    if (ended) return;
    ended = true;
    Atomics.store(ctrl, STATE, state);
    Atomics.notify(ctrl, STATE);
    Atomics.notify(ctrl, FRONTIER);
  }

  const inflate = zlib.createInflateRaw({ chunkSize });
  inflate.on('data', (chunk) => {
    if (ended) return;
    if (at + chunk.length > declared) {
      inflate.destroy();
      finish(DAMAGED);
      return;
    }
    out.set(chunk, at);
    at += chunk.length;
    sum = zlib.crc32(chunk, sum);
    Atomics.store(ctrl, FRONTIER, at);
    Atomics.notify(ctrl, FRONTIER);
  });
  inflate.on('error', () => finish(DAMAGED));
  inflate.on('end', () => finish(at === declared && sum >>> 0 === crc >>> 0 ? DONE : DAMAGED));
  inflate.end(Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength));
}

if (workerData && workerData.compressed) run(workerData);
else parentPort.once('message', run);
