/**
 * Mutation testing (StrykerJS), run by hand with `npm run mutate`; not in CI
 * (too slow on two cores). See docs/testing.md, "Mutation testing".
 *
 * MUTATE_SCOPE picks what is mutated and which tests run against it, so each
 * module is measured with the tests that guard it and nothing slower:
 *   engine   src/engine (the pure engine; messages.ts is its wording, left out)
 *   adapter  the Excel adapter's reading/writing, ledger and undo
 *   copy     the checker's copy writer (--out)
 *   all      everything above (the default)
 * The globs name both the current files and the layout being refactored into
 * (src/taskpane/excel/*.ts, src/xlsx/copy/*.ts), so the config outlives it.
 */
const scope = process.env.MUTATE_SCOPE || 'all';
// MUTATE_SLICE names a run of part of a scope (with --mutate FILES), so that its report and
// incremental file do not replace the whole scope's (scripts/mutation-score.js reads them all).
const staticPass = process.env.MUTATE_STATIC === '1';
// MUTATE_COVERAGE=all: every test of the scope runs for each mutant (scripts/mutate-engine.sh sets
// it for slices whose tests take a second or two net). Per-test coverage counts code a test file
// runs in a describe body or beforeAll as static, and then runs no test against it.
const coverage = process.env.MUTATE_COVERAGE === 'all' || staticPass ? 'all' : 'perTest';
const name = process.env.MUTATE_SLICE ? `${scope}-${process.env.MUTATE_SLICE}` : scope;

const globs = {
  engine: [
    'src/engine/**/*.ts',
    '!src/engine/messages.ts',
    '!src/engine/reader-messages.ts',
    '!src/engine/respondents/messages.ts',
  ],
  adapter: ['src/taskpane/excel.ts', 'src/taskpane/excel/**/*.ts', 'src/taskpane/ledger.ts'],
  copy: ['src/xlsx/write.ts', 'src/xlsx/copy/**/*.ts', '!src/xlsx/copy/messages.ts'],
};
const mutate = scope === 'all' ? [...globs.engine, ...globs.adapter, ...globs.copy] : globs[scope];
if (!mutate) throw new Error(`MUTATE_SCOPE must be engine, adapter, copy or all, not "${scope}"`);

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  mutate,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.stryker.config.js',
    enableFindRelatedTests: false,
  },
  checkers: ['typescript'],
  // The checker type-checks each mutant with the project of its scope only (stryker/tsconfig.*.json):
  // with the whole project (tests and scripts) every mutant of the engine re-checked hundreds of
  // dependent files, 15 s a mutant against 1 s for its tests.
  tsconfigFile: scope === 'all' ? 'tsconfig.json' : `stryker/tsconfig.${scope}.json`,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: coverage,
  // Two cores shared with others: one test process, one checker.
  concurrency: 1,
  // The first run of all the tests takes minutes on a loaded machine.
  dryRunTimeoutMinutes: 30,
  timeoutMS: 20000,
  // Each Jest run leaves its module registry behind in the worker: after ~400 mutants the heap
  // neared 1.5 GB and the answers slice fell from ~20 to ~3 mutants a minute (2026-12-02). A fresh
  // worker every 40 runs costs a Jest start-up and keeps the pace (the same slice ran twice as fast).
  maxTestRunnerReuse: 40,
  // With per-test coverage a mutant in module-level code is ignored (it would need every test);
  // the static pass (MUTATE_STATIC=1, scripts/mutate-engine.sh) measures those with every test.
  ignoreStatic: coverage === 'perTest',
  timeoutFactor: 2,
  incremental: true,
  // Kept in the repository (stryker/incremental/): the machines are reset between sessions, and a
  // run lost with them cost hours; with the file, a later run tests only what changed, and
  // scripts/mutation-score.js scores the last run of each slice from it.
  incrementalFile: `stryker/incremental/${name}.json`,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: [
    'dist',
    'out',
    'coverage',
    'test-results',
    'reports',
    'docs/images',
    '.stryker-tmp*',
  ],
};
