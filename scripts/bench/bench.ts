/**
 * npm run bench [-- --json] [-- --sizes 1000,10000,50000] [-- --out FILE.json]
 * (npm prints its own "> skm-rekap bench" banner on stdout; `npm run -s bench -- --json`
 * leaves the JSON object alone there, and --out writes it to a file.)
 *
 * How cost grows with the size of a recap, from a kabupaten (100 units) to
 * the whole country (50,000): the engine against exceljs's parse, the checker
 * end to end with its peak memory, SKM.IKM on 100,000 answers, the syncs and
 * payloads of the add-in through the simulated host, and the bundle sizes.
 * Speed goals are reported here, never asserted in the test suite.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import { ikm as skmIkm } from '../../src/functions/functions';
import { createExcelHost } from '../../src/sim/host';
import { loadXlsxFile } from '../../src/sim/load-xlsx';
import JSZip from 'jszip';
import { readGrids } from '../../src/xlsx/lean-read';
import { Package } from '../../src/xlsx/zip-parts';
import { loadWorkbook, workbookGrids } from '../../src/xlsx/read';
import { generateRecap, prng, writeRecapXlsx } from './generate';
import { officeJsWire, type WireMeasure } from './officejs-wire';

const ROOT = path.resolve(__dirname, '../..');
// The engine as the checker runs it: its sources bundled in one scope (bin/load-ts.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireBundled } = require('../../bin/load-ts') as {
  requireBundled: (entry: string) => unknown;
};
const { analyseSheet } = requireBundled(
  path.join(ROOT, 'src/engine/analyse.ts'),
) as typeof import('../../src/engine/analyse');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const SIZES =
  args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1000, 10000, 50000];
const outIndex = args.indexOf('--out');
const outFile = outIndex >= 0 ? args[outIndex + 1] : null;
const log = (s: string) => (asJson ? process.stderr : process.stdout).write(s + '\n');
const gc = () => (global as unknown as { gc?: () => void }).gc?.();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeMs(f: () => unknown, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function engineVsParse(file: string): Promise<{
  parseMs: number;
  gridMs: number;
  engineMs: number;
  ratio: number;
  leanReadMs: number;
}> {
  gc();
  let t = performance.now();
  await readGrids(readFileSync(file));
  const leanReadMs = performance.now() - t;
  gc();
  t = performance.now();
  let wb: Awaited<ReturnType<typeof loadWorkbook>> | null = await loadWorkbook(file);
  const parseMs = performance.now() - t;
  t = performance.now();
  const grid = workbookGrids(wb)[0];
  const gridMs = performance.now() - t;
  wb = null;
  // exceljs's read stream holds the parsed workbook (1.4 GB at 50,000 units) until the event loop
  // turns; timed before that, the engine would pay for marking exceljs's garbage, not for its work.
  await new Promise((resolve) => setImmediate(resolve));
  const engineMs = timeMs(() => analyseSheet(grid));
  return { parseMs, gridMs, engineMs, ratio: engineMs / parseMs, leanReadMs };
}

/**
 * The floor under any reader of this file: every part inflated (as the checker inflates them), and
 * one pass over the bytes of the sheet XML looking at each byte once. The checker end to end is
 * measured against it (cliVsFloor).
 */
async function readerFloorMs(file: string): Promise<number> {
  const data = readFileSync(file);
  const once = async () => {
    const t = performance.now();
    const pkg = await Package.open(data);
    const names = Object.keys((await JSZip.loadAsync(data)).files);
    let sheet: Buffer | null = null;
    for (const name of names) {
      const bytes = await pkg.bytes(name);
      if (name.startsWith('xl/worksheets/') && bytes && (!sheet || bytes.length > sheet.length))
        sheet = bytes;
    }
    let tags = 0;
    if (sheet) for (let i = 0; i < sheet.length; i++) if (sheet[i] === 60) tags++;
    if (tags < 0) throw new Error('unreachable');
    return performance.now() - t;
  };
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    times.push(await once());
  }
  return median(times);
}

/**
 * Waits until this process's own threads are idle (under a tenth of a core over 200 ms), at most
 * 10 s: after a large workbook, V8 frees its memory on background threads for a while.
 */
async function quiet(): Promise<void> {
  const until = performance.now() + 10_000;
  while (performance.now() < until) {
    const before = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 200));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < 20) return;
  }
}

/** The checker as a user runs it, with its peak resident memory. */
function cliRun(file: string): { seconds: number; peakMB: number; exit: number } {
  const probe = path.join(__dirname, 'peak-rss.js');
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--require', probe, path.join(ROOT, 'bin/skm-rekap.js'), 'check', file, '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, SKM_PEAK_RSS: '1' },
    },
  );
  const seconds = (performance.now() - t) / 1000;
  const m = /peak-rss-kb=(\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMB: m ? Number(m[1]) / 1024 : NaN, exit: r.status ?? -1 };
}

function ikm100k(): number {
  const rnd = prng(7);
  const answers = Array.from({ length: 100000 }, () =>
    Array.from({ length: 9 }, () => 1 + Math.floor(rnd() * 4)),
  );
  skmIkm(answers);
  return timeMs(() => skmIkm(answers), 5);
}

/** Validate and mark through the simulated host: round trips and the largest request or response. */
async function throughHost(
  file: string,
): Promise<{ syncs: number; maxPayloadBytes: number; ok: boolean }> {
  const model = await loadXlsxFile(file);
  const host = createExcelHost(model);
  const restore = host.install(globalThis);
  try {
    // Required here, after install(), so the adapter binds to the simulated globals.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const excel = require('../../src/taskpane/excel') as typeof import('../../src/taskpane/excel');
    host.stats.reset();
    const v = await excel.validate('id');
    if (!v.ok)
      return {
        syncs: host.stats.syncCount,
        maxPayloadBytes: Math.max(host.stats.maxRequestBytes, host.stats.maxResponseBytes),
        ok: false,
      };
    const m = await excel.markFindings(v.value);
    return {
      syncs: host.stats.syncCount,
      maxPayloadBytes: Math.max(host.stats.maxRequestBytes, host.stats.maxResponseBytes),
      ok: m.ok,
    };
  } finally {
    if (typeof restore === 'function') restore();
  }
}

function bundleSizes(): { functions: number; taskpane: number } {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'functions.js')) || !existsSync(path.join(dist, 'taskpane.js'))) {
    log('building dist/ (npm run build) ...');
    execFileSync('npm', ['run', 'build', '--silent'], {
      cwd: ROOT,
      stdio: asJson ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    });
  }
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
  return { functions: gz('functions.js'), taskpane: gz('taskpane.js') };
}

async function main(): Promise<void> {
  const tmp = path.join(os.tmpdir(), `skm-bench-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const result = {
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      date: new Date().toISOString(),
    },
    sizes: SIZES,
    engineVsParse: {} as Record<string, number>,
    engineMs: {} as Record<string, number>,
    parseMs: {} as Record<string, number>,
    /** The checker's own reader (src/xlsx/lean-read.ts), file to grids, for comparison with exceljs's parse. */
    leanReadMs: {} as Record<string, number>,
    /** Inflating every part and one byte scan of the sheet XML, at the largest size (ms). */
    readerFloorMs: 0,
    /** The checker end to end over that floor, at the largest size. */
    cliVsFloor: 0,
    /** The checker end to end, median of three runs. */
    cliSeconds: {} as Record<string, number>,
    /** The three runs' times. */
    cliSecondsEach: {} as Record<string, number[]>,
    cliPeakMB: {} as Record<string, number>,
    ikm100kMs: 0,
    syncs: {} as Record<string, number>,
    maxPayloadBytes: 0,
    maxPayloadBytesBySize: {} as Record<string, number>,
    bundleGzipBytes: { functions: 0, taskpane: 0 },
    /** Through Microsoft's Office.js client, every pane action (scripts/bench/officejs-wire.ts). */
    officeJsWire: {} as Record<string, WireMeasure>,
    goals: {} as Record<string, boolean>,
  };
  try {
    const banjar = path.join(ROOT, 'samples/rekap-skm-banjar-2025.xlsx');
    const b = await throughHost(banjar);
    result.syncs.banjar = b.syncs;
    result.maxPayloadBytes = b.maxPayloadBytes;
    log(`Banjar: ${b.syncs} syncs, largest payload ${(b.maxPayloadBytes / 1024).toFixed(0)} KB`);

    for (const n of SIZES) {
      const file = path.join(tmp, `recap-${n}.xlsx`);
      await writeRecapXlsx(generateRecap(n), file);
      // The checker first, as a user runs it: not while this process releases the 2 GB that
      // exceljs took to write or parse the recap (its collector's threads then share the two
      // cores with the checker: 4.4 s here, 3.4 s alone, the same minute). Three runs, as the
      // floor below: one run on a shared machine is not a measurement. The median time, and the
      // highest peak memory of the three.
      const runs: ReturnType<typeof cliRun>[] = [];
      for (let i = 0; i < 3; i++) {
        gc();
        await quiet();
        runs.push(cliRun(file));
      }
      gc();
      const e = await engineVsParse(file);
      result.engineVsParse[n] = round(e.ratio, 3);
      result.engineMs[n] = Math.round(e.engineMs);
      result.parseMs[n] = Math.round(e.parseMs);
      result.leanReadMs[n] = Math.round(e.leanReadMs);
      const c = {
        seconds: median(runs.map((r) => r.seconds)),
        peakMB: Math.max(...runs.map((r) => r.peakMB)),
        exit: runs.map((r) => r.exit).join('/'),
      };
      result.cliSeconds[n] = round(c.seconds, 2);
      result.cliSecondsEach[n] = runs.map((r) => round(r.seconds, 2));
      result.cliPeakMB[n] = Math.round(c.peakMB);
      if (n === Math.max(...SIZES)) {
        gc();
        result.readerFloorMs = Math.round(await readerFloorMs(file));
        result.cliVsFloor = round((c.seconds * 1000) / result.readerFloorMs, 2);
        log(
          `${n} units: reader floor ${result.readerFloorMs} ms; checker / floor = ${result.cliVsFloor}`,
        );
      }
      gc();
      const h = await throughHost(file);
      result.syncs[n] = h.syncs;
      result.maxPayloadBytesBySize[n] = h.maxPayloadBytes;
      result.maxPayloadBytes = Math.max(result.maxPayloadBytes, h.maxPayloadBytes);
      log(
        `${n} units: engine ${e.engineMs.toFixed(0)} ms / parse ${e.parseMs.toFixed(0)} ms = ${e.ratio.toFixed(3)} (lean read ${e.leanReadMs.toFixed(0)} ms); ` +
          `checker ${c.seconds.toFixed(1)} s, ${c.peakMB.toFixed(0)} MB (exit ${c.exit}); host ${h.syncs} syncs, ${(h.maxPayloadBytes / 1e6).toFixed(2)} MB max${h.ok ? '' : ' (refused)'}`,
      );
      gc();
      result.officeJsWire[n] = await officeJsWire(file);
      log(`${n} units through Office.js: ${JSON.stringify(result.officeJsWire[n])}`);
      rmSync(file, { force: true });
    }
    result.ikm100kMs = round(ikm100k(), 1);
    log(`SKM.IKM on 100,000 x 9 answers: ${result.ikm100kMs} ms`);
    result.bundleGzipBytes = bundleSizes();
    log(
      `bundles (gzip): functions ${result.bundleGzipBytes.functions} B, taskpane ${result.bundleGzipBytes.taskpane} B`,
    );
    const largest = String(Math.max(...SIZES));
    result.goals = {
      engineVsParseAtLargest: (result.engineVsParse[largest] ?? Infinity) <= 0.1,
      ikm100kUnder50ms: result.ikm100kMs <= 50,
      banjarSyncsAtMost3: result.syncs.banjar <= 3,
      noPayloadOver4MB: result.maxPayloadBytes <= 4 * 1024 * 1024,
      checkerAtLargestUnder3_5s: (result.cliSeconds[largest] ?? Infinity) <= 3.5,
      checkerAtLargestUnder1GB: (result.cliPeakMB[largest] ?? Infinity) <= 1024,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (outFile) writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
  if (asJson) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    log('');
    log('| measure | ' + SIZES.join(' | ') + ' |');
    log('|---|' + SIZES.map(() => '---').join('|') + '|');
    log(
      '| engine / exceljs parse | ' + SIZES.map((n) => result.engineVsParse[n]).join(' | ') + ' |',
    );
    log('| engine ms | ' + SIZES.map((n) => result.engineMs[n]).join(' | ') + ' |');
    log('| exceljs parse ms | ' + SIZES.map((n) => result.parseMs[n]).join(' | ') + ' |');
    log(
      '| lean read ms (the checker) | ' + SIZES.map((n) => result.leanReadMs[n]).join(' | ') + ' |',
    );
    log('| checker s | ' + SIZES.map((n) => result.cliSeconds[n]).join(' | ') + ' |');
    log('| checker peak MB | ' + SIZES.map((n) => result.cliPeakMB[n]).join(' | ') + ' |');
    log('| host syncs | ' + SIZES.map((n) => result.syncs[n]).join(' | ') + ' |');
    log(
      '| host max payload MB | ' +
        SIZES.map((n) => round(result.maxPayloadBytesBySize[n] / 1e6, 2)).join(' | ') +
        ' |',
    );
    log('');
    log(
      `goals: ${Object.entries(result.goals)
        .map(([k, v]) => `${k} ${v ? 'met' : 'NOT met'}`)
        .join(', ')}`,
    );
  }
}

function round(x: number, d: number): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : err}\n`);
  process.exitCode = 1;
});
