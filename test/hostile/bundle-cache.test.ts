/**
 * The checker's sources are bundled once and the bundle kept while they are unchanged
 * (bin/load-ts.js): an edited source must never run as its older self, even at the same size.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import path from 'path';
import { tempDir } from '../cli/helpers';

const { requireBundled, flushCodeCaches, codeCacheState, codeCacheFile } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../bin/load-ts') as {
    requireBundled: (entry: string) => { value: () => string };
    flushCodeCaches: () => void;
    codeCacheState: (entry: string) => 'used' | 'rejected' | 'none';
    codeCacheFile: (entry: string) => string;
  };

const tmp = tempDir();
const ENTRIES = ['entry.ts', 'cached-entry.ts', 'damaged-entry.ts', 'flushed-entry.ts'];
afterAll(() => {
  // The cache's files for these temporary entries (bundle, its sources' stamps, V8's cache) go
  // with them: each run of this file would otherwise leave a dozen in node_modules/.cache.
  for (const name of ENTRIES) {
    const base = codeCacheFile(tmp.file(name)).replace(/\.v8$/, '');
    for (const ext of ['.v8', '.js', '.json']) rmSync(base + ext, { force: true });
  }
  tmp.remove();
});

describe('the kept bundle', () => {
  it('is rebuilt when a source it was built from changes, whatever its size', () => {
    const entry = tmp.file('entry.ts');
    const dep = tmp.file('dep.ts');
    writeFileSync(
      entry,
      "import { word } from './dep';\nexport const value = (): string => word;\n",
    );
    writeFileSync(dep, "export const word: string = 'satu';\n");
    expect(requireBundled(entry).value()).toBe('satu');
    // Read again from the kept bundle, unchanged.
    expect(requireBundled(entry).value()).toBe('satu');
    // Same size, another word, the same modification time (as a checkout or a copy can leave it): a new bundle.
    const { mtime } = statSync(dep);
    writeFileSync(dep, "export const word: string = 'dua!';\n");
    utimesSync(dep, mtime, mtime);
    expect(requireBundled(entry).value()).toBe('dua!');
  });
});

describe("V8's code cache of the bundle", () => {
  const source = (word: string) =>
    `export const value = (): string => ['${word}'].map((w) => w.toUpperCase()).join('');\n`;
  const loader = path.join(__dirname, '../../bin/load-ts.js');
  /** A fresh process loads the entry (V8 keeps compiled code within a process): its value and how the cache went. */
  const load = (entry: string): string =>
    execFileSync(
      process.execPath,
      [
        '-e',
        `const l = require(${JSON.stringify(loader)});` +
          `const v = l.requireBundled(${JSON.stringify(entry)}).value();` +
          `process.stdout.write(v + ' ' + l.codeCacheState(${JSON.stringify(entry)}));`,
      ],
      { encoding: 'utf8' },
    );

  it('is made once as the process ends, then used, and never for another bundle than the sources give', () => {
    const entry = tmp.file('cached-entry.ts');
    writeFileSync(entry, source('tiga'));
    expect(load(entry)).toBe('TIGA none');
    expect(existsSync(codeCacheFile(entry))).toBe(true);
    expect(load(entry)).toBe('TIGA used');
    // A changed source: the cache of the old bundle is not taken for the new one.
    writeFileSync(entry, source('empat'));
    expect(load(entry)).toBe('EMPAT none');
    expect(load(entry)).toBe('EMPAT used');
  });

  it('that V8 refuses (damaged) is made again, and the bundle still runs', () => {
    const entry = tmp.file('damaged-entry.ts');
    writeFileSync(entry, source('lima'));
    expect(load(entry)).toBe('LIMA none');
    const file = codeCacheFile(entry);
    const data = readFileSync(file);
    // Our header (the bundle's hash, Node's version and architecture, each ended by a NUL) kept;
    // the start of V8's own data, where V8 checks what made it, garbled.
    let headerEnd = 0;
    for (let nuls = 0; nuls < 3; headerEnd++) if (data[headerEnd] === 0) nuls++;
    for (let i = headerEnd; i < headerEnd + 16; i++) data[i] ^= 0x5a;
    writeFileSync(file, data);
    expect(load(entry)).toBe('LIMA rejected');
    expect(load(entry)).toBe('LIMA used');
  });

  it('written within this process only when asked (flushCodeCaches), as the checker does at its end', () => {
    const entry = tmp.file('flushed-entry.ts');
    writeFileSync(entry, source('enam'));
    expect(requireBundled(entry).value()).toBe('ENAM');
    expect(codeCacheState(entry)).toBe('none');
    expect(existsSync(codeCacheFile(entry))).toBe(false);
    flushCodeCaches();
    expect(existsSync(codeCacheFile(entry))).toBe(true);
    expect(load(entry)).toBe('ENAM used');
  });
});
