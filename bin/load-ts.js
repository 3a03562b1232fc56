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
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');

/** The layout of the cache's files. */
const FORMAT = 'skm-rekap-bundle-2';
const CACHE_DIR = path.join(__dirname, '..', 'node_modules', '.cache', 'skm-rekap');

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
    packages: 'external',
    jsx: 'automatic',
    sourcemap: 'inline',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const root = process.cwd();
  const inputs = Object.keys(metafile.inputs).map((f) => path.resolve(root, f));
  // What else shapes the bundle: this file's options, the TypeScript settings, esbuild itself.
  inputs.push(
    __filename,
    path.join(__dirname, '..', 'tsconfig.json'),
    require.resolve('esbuild/package.json'),
  );
  return { code: outputFiles[0].text, inputs, version };
}

function cachePaths(filename) {
  const key = crypto.createHash('sha256').update(`${FORMAT}\0${filename}`).digest('hex');
  const base = path.join(CACHE_DIR, key.slice(0, 24));
  return { meta: `${base}.json`, code: `${base}.js` };
}

/** The cached bundle of `filename` when every source it was built from is unchanged, else null. */
function cached(filename) {
  try {
    const p = cachePaths(filename);
    const meta = JSON.parse(fs.readFileSync(p.meta, 'utf8'));
    if (meta.format !== FORMAT || meta.entry !== filename) return null;
    for (const [file, s] of meta.inputs) if (stamp(file) !== s) return null;
    const code = fs.readFileSync(p.code, 'utf8');
    return crypto.createHash('sha256').update(code).digest('hex') === meta.sha256 ? code : null;
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
      sha256: crypto.createHash('sha256').update(built.code).digest('hex'),
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

function requireBundled(entry) {
  const filename = path.resolve(entry);
  let code = cached(filename);
  if (code === null) {
    const built = build(filename);
    code = built.code;
    store(filename, built);
  }
  const m = new Module(filename, module);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  m._compile(code, filename);
  return m.exports;
}

module.exports = { requireBundled };
