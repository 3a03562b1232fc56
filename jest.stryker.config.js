/**
 * The tests Stryker runs against each mutant (see stryker.config.mjs): only
 * the fast ones that guard the mutated modules, no browser and no e2e,
 * transpiled by esbuild as in jest.config.js (Stryker's TypeScript checker
 * type-checks each mutant instead).
 */
const base = require('./jest.config.js');

const tests = {
  engine: [
    'test/engine/**/*.test.ts',
    'test/property/engine.test.ts',
    'test/summary/**/*.test.ts',
    'test/functions/functions.test.ts',
    'test/respondents/**/*.test.ts',
  ],
  adapter: [
    'test/taskpane/**/*.test.ts',
    'test/property/marks.test.ts',
    'test/safety/write-safety.test.ts',
    'test/safety/text-never-formula.test.ts',
    // "Buat Ringkasan" through the add-in (src/taskpane/excel/summary.ts): its layout, formats,
    // fonts, charts and the sheet's place are checked there.
    'test/summary/twice.test.ts',
    'test/summary/trend.test.ts',
  ],
  copy: [
    'test/cli/out.test.ts',
    'test/cli/robustness.test.ts',
    'test/safety/copy-safety.test.ts',
    'test/safety/atomic-write.test.ts',
    'test/safety/text-never-formula.test.ts',
    'test/hostile/copy-*.test.ts',
    // --summary's sheet part: its contents are checked by reading the copy back.
    'test/summary/trend.test.ts',
    'test/summary/twice.test.ts',
  ],
};
const scope = process.env.MUTATE_SCOPE || 'all';
// MUTATE_TESTS (comma-separated globs) narrows the tests further, for measuring a slice quickly.
const picked = process.env.MUTATE_TESTS
  ? process.env.MUTATE_TESTS.split(',')
  : scope === 'all'
    ? Object.values(tests).flat()
    : tests[scope];

module.exports = {
  ...base,
  rootDir: __dirname,
  testMatch: picked.map((glob) => `<rootDir>/${glob}`),
  // adapter-national: one test of 40 s that reaches nearly every line of the marking code, so that
  // every mutant there reran it (three mutants a minute on two cores); smaller tests take each of
  // its paths (chunked reads and writes, fills read in batches, a ledger on a very hidden sheet).
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.', 'adapter-national\\.test\\.'],
};
