/**
 * Jest's TypeScript transform: esbuild strips the types of each file on its own, in
 * milliseconds. Types are checked once for the whole project by `tsc --noEmit`
 * (`npm run typecheck`, run before the tests by `npm test` and in CI) instead of per
 * test file, which made a one-second test cost 40 seconds of compiling on two cores.
 */
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');
const { version } = require('esbuild/package.json');

const OPTIONS = {
  format: 'cjs',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'external',
  // import() becomes require(), as TypeScript's CommonJS output does: Jest's module registry
  // (and its vm contexts) cannot load ES modules without --experimental-vm-modules.
  supported: { 'dynamic-import': false },
};

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      ...OPTIONS,
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      sourcefile: filename,
    });
    return { code, map };
  },
  // Everything the output depends on, so that Jest's cache never serves an older transform.
  getCacheKey(source, filename) {
    return createHash('sha1')
      .update(`${version}\0${JSON.stringify(OPTIONS)}\0${filename}\0`)
      .update(source)
      .digest('hex');
  },
};
