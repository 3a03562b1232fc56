/**
 * The parts of an .xlsx package, inflated with bounds: a part is inflated only when asked for, never
 * past the size its zip entry declares nor past the caps below, and checked against its CRC. A zip
 * bomb (a part that declares 1,000 bytes and inflates 3 GB) stops at byte 1,001.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import type JSZip from 'jszip';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import * as zlib from 'zlib';
import type { Text } from '../engine/messages';
import { zipDirectory, type DirectoryPart } from './zip-directory';

/** How much one read may inflate. The caps keep a hostile file from taking the machine. */
export interface ReadLimits {
  /** Bytes one part may inflate to (a national recap's sheet is about 150 MB). */
  partBytes: number;
  /** Bytes all the parts read from one file may inflate to together. */
  fileBytes: number;
  /** Cells with a value the reader keeps over all sheets (a national recap has about 4.5 million). */
  cells: number;
  /** Items of the shared-string table. */
  sharedStrings: number;
  /** Parts at least this large inflate on a thread of their own, read as they fill (8 MB). */
  streamFrom?: number;
  /** The bytes that thread hands over at a time (1 MB). */
  streamChunk?: number;
  /**
   * False: that thread inflates as a stream, chunk by chunk copied into shared memory, as where
   * Node's zlib handle is not at hand (inflate-worker.js); by default straight into it.
   */
  inflateInPlace?: boolean;
}

export const DEFAULT_LIMITS: ReadLimits = {
  partBytes: 512 * 2 ** 20,
  fileBytes: 1024 * 2 ** 20,
  cells: 20_000_000,
  sharedStrings: 5_000_000,
};

/** Why a file cannot be read as a workbook, in both languages, for the caller's message. */
export class WorkbookFormatError extends Error {
  constructor(
    readonly reason: Text,
    /** A stable code for scripts and tests. */
    readonly code: string = 'unreadable',
  ) {
    super(reason.en);
  }
}

export function megabytes(n: number): string {
  return n >= 2 ** 20 ? `${Math.round(n / 2 ** 20).toLocaleString('en')} MB` : `${n} bytes`;
}

/** What JSZip keeps of a part it has not unpacked yet (not part of its typed API, so checked). */
interface PackedPart {
  _data?: {
    compression?: { magic?: string };
    compressedContent?: Uint8Array;
    uncompressedSize?: number;
    crc32?: number;
  };
}

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The first bytes of an OLE compound file: legacy .xls, or an .xlsx encrypted with a password. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "EncryptionInfo" as a compound file's directory spells its stream names (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function notWorkbookReason(data: Uint8Array): WorkbookFormatError {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (buf.indexOf(ENCRYPTION_INFO) >= 0)
      return new WorkbookFormatError(
        {
          id: 'berkas dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya, simpan, lalu periksa lagi',
          en: 'the file is protected by a password (encrypted); open it in Excel, remove the password, save, then check again',
        },
        'encrypted',
      );
    return new WorkbookFormatError(
      {
        id: 'berkas Excel lama (.xls); buka di Excel lalu simpan sebagai .xlsx (Buku Kerja Excel)',
        en: 'an old Excel file (.xls); open it in Excel and save as .xlsx (Excel Workbook)',
      },
      'legacy-xls',
    );
  }
  return new WorkbookFormatError(
    { id: 'bukan berkas zip seperti .xlsx', en: 'not a zip file as an .xlsx is' },
    'not-zip',
  );
}

/** A part of the package: read from the zip's directory here, or JSZip's (which can unpack it). */
type ZipPart = DirectoryPart | JSZip.JSZipObject;

/** An opened package: its part names, and each part's bytes on demand within the limits. */
export class Package {
  private inflated = 0;

  private constructor(
    private readonly file: (name: string) => ZipPart | null,
    readonly limits: ReadLimits,
  ) {}

  static async open(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<Package> {
    if (data.length >= 8 && Buffer.from(data.subarray(0, 8)).equals(CFB_MAGIC))
      throw notWorkbookReason(data);
    // A plain zip is listed from its directory; any other goes through JSZip, loaded only then.
    const parts = crc32 ? zipDirectory(data) : null;
    if (parts) return new Package((name) => parts.get(name) ?? null, limits);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { loadAsync } = require('jszip') as typeof JSZip;
      const zip = await loadAsync(data);
      return new Package((name) => zip.file(name), limits);
    } catch {
      throw notWorkbookReason(data);
    }
  }

  has(path: string): boolean {
    return this.file(path) !== null;
  }

  /**
   * A large part inflated on a thread of its own into shared memory, to be scanned as it fills
   * (StreamedPart); any other part, or where no worker can run, its bytes as bytes() gives them.
   */
  async part(name: string): Promise<Buffer | StreamedPart | null> {
    const f = this.file(name);
    const packed = f ? (f as unknown as PackedPart)._data : undefined;
    const declared = packed?.uncompressedSize;
    if (
      !f ||
      !WORKER_FILE ||
      typeof SharedArrayBuffer === 'undefined' ||
      !crc32 ||
      packed?.compression?.magic !== '\x08\x00' ||
      !packed.compressedContent ||
      declared === undefined ||
      declared < (this.limits.streamFrom ?? STREAM_FROM) ||
      packed.crc32 === undefined ||
      // Limits that name a size ask for the thread whatever the machine's load (the tests do).
      (this.limits.streamFrom === undefined && !coreFree())
    )
      return this.bytes(name);
    this.reserve(f.name, declared);
    return new StreamedPart(
      f.name,
      packed.compressedContent,
      declared,
      packed.crc32,
      this.limits.streamChunk ?? STREAM_CHUNK,
      this.limits.inflateInPlace !== false,
      () => this.inflate(f.name, packed),
    );
  }

  /** The bytes of a part, or null when the package has none by that name. */
  async bytes(path: string): Promise<Buffer | null> {
    const f = this.file(path);
    if (!f) return null;
    const packed = (f as unknown as PackedPart)._data;
    const declared = packed?.uncompressedSize;
    if (declared !== undefined) this.reserve(f.name, declared);
    const raw = this.inflate(f.name, packed);
    if (raw) return raw;
    // Another compression method, or a JSZip without these fields: JSZip inflates, then the size is
    // checked (a part read from the directory is always stored or deflated, inflated above).
    if (!('async' in f)) throw damaged(f.name);
    const whole = await f.async('nodebuffer').catch(() => {
      throw damaged(f.name);
    });
    if (declared === undefined) this.reserve(f.name, whole.length);
    return whole;
  }

  /** A deflated or stored part inflated within its declared size and checked, or null when JSZip must. */
  private inflate(name: string, packed: PackedPart['_data']): Buffer | null {
    const declared = packed?.uncompressedSize;
    const magic = packed?.compression?.magic;
    if (
      crc32 &&
      (magic === '\x08\x00' || magic === '\x00\x00') &&
      packed?.compressedContent &&
      declared !== undefined &&
      packed.crc32 !== undefined
    ) {
      let raw: Buffer;
      if (magic === '\x00\x00') raw = Buffer.from(packed.compressedContent);
      else {
        try {
          // Inflated into one buffer one byte longer than the entry declares (no chunks joined
          // afterwards): a part that fills it is damaged (or a zip bomb), and stops there.
          raw = zlib.inflateRawSync(packed.compressedContent, {
            chunkSize: Math.max(64, declared + 1),
            maxOutputLength: Math.max(1, declared),
          });
        } catch {
          throw damaged(name);
        }
      }
      if (raw.length !== declared || crc32(raw) >>> 0 !== packed.crc32 >>> 0) throw damaged(name);
      return raw;
    }
    return null;
  }

  private reserve(part: string, size: number): void {
    if (size > this.limits.partBytes)
      throw new WorkbookFormatError(
        {
          id: `bagian ${part} berukuran ${megabytes(size)} setelah diurai, melebihi batas ${megabytes(this.limits.partBytes)}`,
          en: `its part ${part} is ${megabytes(size)} unpacked, over the limit of ${megabytes(this.limits.partBytes)}`,
        },
        'too-large',
      );
    this.inflated += size;
    if (this.inflated > this.limits.fileBytes)
      throw new WorkbookFormatError(
        {
          id: `bagian-bagiannya berukuran lebih dari ${megabytes(this.limits.fileBytes)} setelah diurai, melebihi batas`,
          en: `its parts are over ${megabytes(this.limits.fileBytes)} unpacked, over the limit`,
        },
        'too-large',
      );
  }
}

export function damaged(part: string): WorkbookFormatError {
  return new WorkbookFormatError(
    { id: `bagian ${part} rusak`, en: `its part ${part} is damaged` },
    'damaged',
  );
}

/**
 * The inflating thread's script, beside this module (src/xlsx) or, when the sources run bundled
 * from src/cli/main.ts, found from there; null where it is not (then parts inflate on this thread).
 */
const WORKER_FILE = ((): string | null => {
  const file = path.join(__dirname, '..', 'xlsx', 'inflate-worker.js');
  return existsSync(file) ? file : null;
})();

/**
 * Whether a core is free for the inflating thread now: Linux counts the tasks running or waiting
 * to run (/proc/loadavg), and one core must be left besides this thread. Where none is, the two
 * threads take turns on one core and the thread's own costs (its start, handing the bytes over,
 * waking the reader) come on top: at 50,000 units, with another process keeping one of two
 * cores busy, reading took 3.0 to 4.3 s on one thread and 4.0 to 5.6 s with the second. Elsewhere
 * (no /proc) the thread is used, as before.
 */
function coreFree(): boolean {
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return secondCoreFree(
    cores,
    () => othersRunnable(readFileSync('/proc/loadavg', 'latin1'), ownTaskStates()),
    pause,
  );
}

/**
 * Whether the machine leaves a core for a second thread, from up to LOAD_SAMPLES counts of the
 * other runnable tasks a moment apart: free as soon as one count says so. One count is a single
 * instant, and on an idle machine one in fifteen caught a kernel thread running for a moment
 * (measured here: 2,000 readings, 132 above this process's own), which put the whole sheet on the
 * main thread, 0.6 s slower at 50,000 units. A process that keeps a core busy is in every count.
 * True where no count can be taken (no /proc).
 */
export function secondCoreFree(
  cores: number,
  count: () => number | null,
  wait: (ms: number) => void,
): boolean {
  if (cores < 2) return false;
  for (let i = 0; i < LOAD_SAMPLES; i++) {
    if (i > 0) wait(LOAD_SAMPLE_GAP_MS);
    let others: number | null;
    try {
      others = count();
    } catch {
      return true;
    }
    if (others === null || others <= cores - 2) return true;
  }
  return false;
}

const LOAD_SAMPLES = 4;
const LOAD_SAMPLE_GAP_MS = 0.5;

/** Sleeps this thread for ms milliseconds without spinning. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The tasks runnable on the machine that are not this process's own, from /proc/loadavg's fourth
 * field ("3/132") and the states of this process's threads ("R" running or runnable). Our own
 * threads must not count: the spare inflating thread boots as the process starts, and V8's helper
 * threads compile and collect, so the count taken right then included them, and the part was
 * inflated on this thread although the other core was free. Null when the line cannot be read.
 */
export function othersRunnable(loadavg: string, ownStates: readonly string[]): number | null {
  const m = /^\S+ \S+ \S+ (\d+)\//.exec(loadavg);
  if (!m) return null;
  const own = ownStates.filter((s) => s === 'R').length;
  return Math.max(0, Number(m[1]) - own);
}

/** The state letter of each thread of this process (/proc/self/task/<id>/stat), as Linux has it. */
function ownTaskStates(): string[] {
  const states: string[] = [];
  for (const id of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'latin1');
      // The command name may hold spaces and parentheses: the state follows its last ")".
      states.push(stat.charAt(stat.lastIndexOf(')') + 2));
    } catch {
      // The thread ended while listed.
    }
  }
  return states;
}

/** Where inflate-spare.js keeps a thread started before any part was known. */
const SPARE = Symbol.for('skm-rekap.spare-inflater');

/** The thread inflate-spare.js started (bin/skm-rekap.js), once, while it is still alive. */
function takeSpare(): Worker | null {
  const g = globalThis as unknown as Record<symbol, Worker | undefined>;
  const worker = g[SPARE];
  g[SPARE] = undefined;
  // A thread that has ended (it could not start) has no id any more.
  return worker && worker.threadId >= 0 ? worker : null;
}

/** Parts smaller than this inflate on this thread: a thread's start would cost more than it saves. */
const STREAM_FROM = 8 * 2 ** 20;
const STREAM_CHUNK = 2 ** 20;

const FRONTIER = 0;
const STATE = 1;
const DONE = 1;
const DAMAGED = 2;
/** No byte inflated for this long: the thread is taken as lost, and the part inflates here. */
const STALL_MS = 10_000;

/**
 * A part inflating on another thread into shared memory: `bytes` holds the part once complete,
 * and its first `available` bytes meanwhile. waitBeyond() blocks until more are there (Node lets
 * the main thread wait on a shared counter), so a reader scans the part as it fills. Bounded as
 * bytes(): never past the declared size, the CRC checked at the end, any fault a damaged part.
 */
export class StreamedPart {
  readonly bytes: Uint8Array;
  private readonly ctrl: Int32Array;
  private readonly worker: Worker;
  available = 0;
  done = false;

  constructor(
    readonly name: string,
    compressed: Uint8Array,
    readonly size: number,
    crc: number,
    chunk: number,
    inPlace: boolean,
    /** The part inflated on this thread, where the other thread is lost. */
    private readonly inflateHere: () => Buffer | null,
  ) {
    const shared = new SharedArrayBuffer(Math.max(1, size));
    const control = new SharedArrayBuffer(8);
    this.bytes = new Uint8Array(shared, 0, size);
    this.ctrl = new Int32Array(control);
    const job = {
      compressed,
      shared,
      control,
      declared: size,
      crc,
      chunk: Math.max(64, chunk),
      inPlace,
    };
    const spare = takeSpare();
    if (spare) {
      this.worker = spare;
      spare.postMessage(job);
    } else {
      this.worker = new Worker(WORKER_FILE!, { workerData: job });
      this.worker.unref();
      this.worker.on('error', () => undefined);
    }
  }

  /** Blocks until more than `n` bytes (or all) are inflated; the bytes then available. */
  waitBeyond(n: number): number {
    const want = Math.min(n, this.size);
    let last = performance.now();
    let seen = this.available;
    while (!this.done) {
      const state = Atomics.load(this.ctrl, STATE);
      const at = Atomics.load(this.ctrl, FRONTIER);
      if (state === DAMAGED) {
        this.close();
        throw damaged(this.name);
      }
      if (state === DONE) {
        this.available = this.size;
        this.done = true;
        break;
      }
      this.available = at;
      // The whole part counts as there only once the other thread has checked its CRC.
      if (at >= want && want < this.size) break;
      if (at !== seen) {
        seen = at;
        last = performance.now();
      } else if (performance.now() - last > STALL_MS) {
        this.close();
        const raw = this.inflateHere();
        if (!raw) throw damaged(this.name);
        this.bytes.set(raw);
        this.available = this.size;
        this.done = true;
        break;
      }
      Atomics.wait(this.ctrl, FRONTIER, at, 20);
    }
    return this.available;
  }

  /** Waits for the whole part: a damaged one throws. */
  finish(): void {
    this.waitBeyond(this.size);
    this.close();
  }

  close(): void {
    void this.worker.terminate();
  }
}
