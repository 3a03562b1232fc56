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

function run(job) {
  if (job.inPlace === false || !inflateInPlace(job)) inflateStreamed(job);
}

/**
 * Inflates straight into the shared memory, `chunk` bytes at a time, through the zlib handle's
 * synchronous write (what zlib.inflateRawSync uses): no buffer per chunk and no copy of it, which
 * took this thread 150 to 300 ms of a 126 MB sheet here. False where this Node has no such handle
 * (its internals), and nothing was done: the part then inflates as a stream.
 */
function inflateInPlace({ compressed, shared, control, declared, crc, chunk }) {
  const inflate = zlib.createInflateRaw();
  const handle = inflate._handle;
  const state = inflate._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array)) {
    inflate.close();
    return false;
  }
  const out = new Uint8Array(shared);
  const ctrl = new Int32Array(control);
  const input = Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength);
  // Past the declared size, one byte more is asked for: a part that gives it is damaged.
  const beyond = new Uint8Array(1);
  let failed = false;
  handle.onerror = () => {
    failed = true;
  };
  const step = Math.max(64, chunk);
  let inAt = 0;
  let at = 0;
  let sum = 0;
  let result = DAMAGED;
  try {
    for (;;) {
      const inLen = Math.min(step, input.length - inAt);
      const room = declared - at;
      const target = room > 0 ? out : beyond;
      const outLen = room > 0 ? Math.min(step, room) : 1;
      const flush =
        inAt + inLen === input.length ? zlib.constants.Z_FINISH : zlib.constants.Z_NO_FLUSH;
      handle.writeSync(flush, input, inAt, inLen, target, room > 0 ? at : 0, outLen);
      if (failed) break;
      const produced = outLen - state[0];
      const consumed = inLen - state[1];
      if (room === 0) {
        if (produced === 0) result = sum >>> 0 === crc >>> 0 ? DONE : DAMAGED;
        break;
      }
      if (produced > 0) {
        sum = zlib.crc32(out.subarray(at, at + produced), sum);
        at += produced;
        Atomics.store(ctrl, FRONTIER, at);
        Atomics.notify(ctrl, FRONTIER);
      }
      inAt += consumed;
      // The stream ended (or can go no further) before the declared size: damaged.
      if (produced === 0 && consumed === 0) break;
    }
  } catch {
    result = DAMAGED;
  }
  inflate.close();
  Atomics.store(ctrl, STATE, result);
  Atomics.notify(ctrl, STATE);
  Atomics.notify(ctrl, FRONTIER);
  return true;
}

function inflateStreamed({ compressed, shared, control, declared, crc, chunk: chunkSize }) {
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
