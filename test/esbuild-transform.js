/**
 * Jest's TypeScript transform: esbuild strips the types of each file on its own, in
 * milliseconds. Types are checked once for the whole project by `tsc --noEmit`
 * (`npm run typecheck`, run before the tests by `npm test` and in CI) instead of per
 * test file, which made a one-second test cost 40 seconds of compiling on two cores.
 */
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');
const { version } = require('esbuild/package.json');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1')
      .update(version)
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
};
