/**
 * Offline manifest validation (`npm run validate`).
 *
 *   npx tsx scripts/validate-manifest.ts                 manifest.xml, then dist/ when built
 *   npx tsx scripts/validate-manifest.ts FILE [--functions dist/functions.json] [--base-url URL]
 *
 * manifest.xml must be under https://localhost:3000 with its icons in assets/;
 * dist/manifest.xml under its own base URL (ADDIN_BASE_URL when set) with its
 * icons in dist/assets/, and dist/functions.json is checked beside it.
 * Exits 1 when a problem is found.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import {
  manifestBaseUrl,
  validateFunctionsMetadata,
  validateManifest,
  type Problem,
} from '../src/manifest/validate';

const ROOT = resolve(__dirname, '..');
const DEV_BASE_URL = 'https://localhost:3000';
const NAMESPACE = 'SKM';

interface Target {
  manifest: string;
  baseUrl?: string;
  /** Folder the URLs under the base map to (where assets/ is). */
  siteDir: string;
  functions?: string;
}

function readFrom(dir: string) {
  return (rel: string): Uint8Array | null => {
    const file = join(dir, ...rel.split('/'));
    return existsSync(file) ? readFileSync(file) : null;
  };
}

function check(target: Target): Problem[] {
  const xml = readFileSync(target.manifest, 'utf8');
  const problems = validateManifest(xml, {
    baseUrl: target.baseUrl,
    readFile: readFrom(target.siteDir),
    namespace: NAMESPACE,
  });
  if (target.functions)
    problems.push(...validateFunctionsMetadata(readFileSync(target.functions, 'utf8')));
  return problems;
}

function targetsFromArgs(args: string[]): Target[] {
  if (args.length === 0) {
    const targets: Target[] = [
      { manifest: join(ROOT, 'manifest.xml'), baseUrl: DEV_BASE_URL, siteDir: ROOT },
    ];
    const dist = join(ROOT, 'dist');
    if (existsSync(join(dist, 'manifest.xml'))) {
      const functions = join(dist, 'functions.json');
      targets.push({
        manifest: join(dist, 'manifest.xml'),
        baseUrl: process.env.ADDIN_BASE_URL || undefined,
        siteDir: dist,
        functions: existsSync(functions) ? functions : undefined,
      });
    }
    return targets;
  }
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const manifest = resolve(args[0]);
  const functions = option('--functions');
  return [
    {
      manifest,
      baseUrl: option('--base-url'),
      siteDir: dirname(manifest),
      functions: functions ? resolve(functions) : undefined,
    },
  ];
}

function main(): number {
  let failed = false;
  for (const target of targetsFromArgs(process.argv.slice(2))) {
    const problems = check(target);
    const what = [target.manifest, target.functions]
      .filter(Boolean)
      .map((f) => f!.replace(ROOT + '/', ''))
      .join(' + ');
    const base = target.baseUrl ?? manifestBaseUrl(readFileSync(target.manifest, 'utf8')) ?? '?';
    if (problems.length === 0) {
      console.log(`ok  ${what} (base ${base})`);
      continue;
    }
    failed = true;
    console.error(`${problems.length} problem(s) in ${what} (base ${base}):`);
    for (const p of problems) console.error(`  [${p.code}] ${p.message}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
