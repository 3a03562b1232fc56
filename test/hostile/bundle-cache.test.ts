/**
 * The checker's sources are bundled once and the bundle kept while they are unchanged
 * (bin/load-ts.js): an edited source must never run as its older self, even at the same size.
 */
import { statSync, utimesSync, writeFileSync } from 'fs';
import { tempDir } from '../cli/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireBundled } = require('../../bin/load-ts') as {
  requireBundled: (entry: string) => { value: () => string };
};

const tmp = tempDir();
afterAll(() => tmp.remove());

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
