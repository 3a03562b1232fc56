// Loads a TypeScript entry point together with every source module it imports as one bundle, built
// by esbuild in memory (packages in node_modules stay ordinary requires). One scope instead of one
// module per file: a call from one engine module to another is a plain call, where per-file CommonJS
// goes through an export getter each time (a tenth of the engine's time on a national recap).
// Type checking stays with `npm run typecheck`.
//
// The bundle is kept in node_modules/.cache/skm-rekap (where build tools keep theirs) with a hash
// of the content of every source it was built from: a run whose sources are unchanged skips esbuild
// (about half a second of every check on a busy machine). Any change, or a cache that cannot be
// read or written, means a fresh build, so the cache can never run stale code.
//
// Beside it, V8's code cache of the bundle (vm.Script's cachedData, made once after a run): a run
// then skips parsing and compiling the functions the last one compiled. The cache names the bundle
// it was made from by its hash, and V8 itself rejects one made by another Node or other flags; a
// rejected or stale cache is made again. zod is bundled in (the checker checks its options with it
// at start): required as a package it took 90 ms of every run's start, 35 ms from the code cache.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');

/** The layout of the cache's files. */
const FORMAT = 'skm-rekap-bundle-3';
/** Packages built into the bundle (with their code cache); every other stays an ordinary require. */
const INLINE = new Set(['zod']);
const CACHE_DIR = path.join(__dirname, '..', 'node_modules', '.cache', 'skm-rekap');

/**
 * The packages left external (loaded by require as usual): every package the project depends on,
 * with its subpaths, except those in INLINE. (esbuild's synchronous build takes no plugins, and its
 * `packages: 'external'` has no exceptions.)
 */
function externalPackages() {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const names = Object.keys({
    ...pkg.dependencies,
    ...pkg.devDependencies,
    ...pkg.optionalDependencies,
  });
  return names.filter((n) => !INLINE.has(n)).flatMap((n) => [n, `${n}/*`]);
}

/** A source's content hash: an edit that keeps the size and the time (a checkout, a copy) still counts. */
function stamp(file) {
  try {
    return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function build(filename) {
  const { buildSync, version } = require('esbuild');
  const { outputFiles, metafile } = buildSync({
    entryPoints: [filename],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: externalPackages(),
    jsx: 'automatic',
    // No source map: the checker never shows a stack trace, and an inline map tripled the code
    // every run reads, hashes and hands to V8.
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const root = process.cwd();
  // A bundled package counts by its package.json (its version): hashing each of its files took
  // longer than the rest of the start.
  const inputs = [
    ...new Set(
      Object.keys(metafile.inputs).map((f) => {
        const file = path.resolve(root, f);
        const pkg = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
        return pkg ? path.join(pkg[1], 'package.json') : file;
      }),
    ),
  ];
  // What else shapes the bundle: this file's options, the TypeScript settings, esbuild itself.
  inputs.push(
    __filename,
    path.join(__dirname, '..', 'tsconfig.json'),
    path.join(__dirname, '..', 'package.json'),
    require.resolve('esbuild/package.json'),
  );
  return { code: outputFiles[0].text, inputs, version };
}

function cachePaths(filename) {
  const key = crypto.createHash('sha256').update(`${FORMAT}\0${filename}`).digest('hex');
  const base = path.join(CACHE_DIR, key.slice(0, 24));
  return { meta: `${base}.json`, code: `${base}.js`, v8: `${base}.v8` };
}

/** The cached bundle of `filename` (and its hash) when every source it was built from is unchanged, else null. */
function cached(filename) {
  try {
    const p = cachePaths(filename);
    const meta = JSON.parse(fs.readFileSync(p.meta, 'utf8'));
    if (meta.format !== FORMAT || meta.entry !== filename) return null;
    for (const [file, s] of meta.inputs) if (stamp(file) !== s) return null;
    const code = fs.readFileSync(p.code, 'utf8');
    return codeHash(code) === meta.sha256 ? { code, hash: meta.sha256 } : null;
  } catch {
    return null;
  }
}

function store(filename, built) {
  try {
    const p = cachePaths(filename);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // The sources' stamps are taken before the write: a source edited meanwhile never matches.
    const inputs = built.inputs.map((f) => [f, stamp(f)]);
    if (inputs.some(([, s]) => s === null)) return;
    const meta = {
      format: FORMAT,
      entry: filename,
      esbuild: built.version,
      inputs,
      sha256: codeHash(built.code),
    };
    // Written aside and renamed: a run reading meanwhile sees the old pair or the new, never half.
    const tmp = `.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(p.code + tmp, built.code);
    fs.renameSync(p.code + tmp, p.code);
    fs.writeFileSync(p.meta + tmp, JSON.stringify(meta));
    fs.renameSync(p.meta + tmp, p.meta);
  } catch {
    // A read-only install: every run builds, as before.
  }
}

/** sha256 of the bundle's code, as the meta and the code cache name it. */
function codeHash(code) {
  return crypto.createHash('sha256').update(code).digest('hex');
}

/** The code cache made from this bundle by this Node, or undefined. */
function readCodeCache(file, hash) {
  try {
    const data = fs.readFileSync(file);
    const head = Buffer.from(`${hash}\0${process.version}\0${process.arch}\0`);
    return data.subarray(0, head.length).equals(head) ? data.subarray(head.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the code cache aside and renames it: a run reading meanwhile sees the old or the new. */
function writeCodeCache(file, hash, script) {
  try {
    const head = Buffer.from(`${hash}\0${process.version}\0${process.arch}\0`);
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, Buffer.concat([head, script.createCachedData()]));
    fs.renameSync(tmp, file);
  } catch {
    // A read-only install: every run compiles, as before.
  }
}

/** Code caches to write as the process ends (by file), and how each entry's last load went. */
const pending = new Map();
const cacheState = new Map();
let flushOnExit = false;

/** Writes the code caches still to be made: as the process ends, or when a test asks. */
function flushCodeCaches() {
  for (const [file, { hash, script }] of pending) writeCodeCache(file, hash, script);
  pending.clear();
}

/** How the last load of `entry` used V8's code cache: 'used', 'rejected' or 'none'. */
function codeCacheState(entry) {
  return cacheState.get(path.resolve(entry)) ?? 'none';
}

function requireBundled(entry) {
  const filename = path.resolve(entry);
  let bundle = cached(filename);
  if (bundle === null) {
    const built = build(filename);
    bundle = { code: built.code, hash: codeHash(built.code) };
    store(filename, built);
  }
  const { code, hash } = bundle;
  const cacheFile = cachePaths(filename).v8;
  const cachedData = readCodeCache(cacheFile, hash);
  const script = new vm.Script(Module.wrap(code), { filename, cachedData });
  const state = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  cacheState.set(filename, state);
  if (state !== 'used') {
    // Made as the process ends, when it holds every function this run compiled.
    pending.set(cacheFile, { hash, script });
    if (!flushOnExit) {
      flushOnExit = true;
      process.once('exit', flushCodeCaches);
    }
  }
  const m = new Module(filename, module);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  const run = script.runInThisContext({ displayErrors: true });
  run.call(
    m.exports,
    m.exports,
    Module.createRequire(filename),
    m,
    filename,
    path.dirname(filename),
  );
  m.loaded = true;
  return m.exports;
}

module.exports = {
  requireBundled,
  flushCodeCaches,
  codeCacheState,
  codeCacheFile: (entry) => cachePaths(path.resolve(entry)).v8,
};
