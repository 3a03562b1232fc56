/**
 * A webpack loader for zod's sources: zod keeps `const F = Function` to compile fast validators
 * with `new F(...)` where a page allows eval, and to probe whether it does. The add-in runs with
 * jitless zod (src/taskpane/ledger.ts) under a CSP without 'unsafe-eval', so that code never runs;
 * replacing the constructor with a function that throws keeps it so and leaves no Function
 * constructor in our bundles (test/safety/csp.test.ts, test/functions/bundle.test.ts).
 */
'use strict';

const PATTERN = /\bconst F = Function;/g;

module.exports = function noFunctionConstructor(source) {
  return source.replace(
    PATTERN,
    "const F = function () { throw new EvalError('SKM Rekap: no eval'); };",
  );
};
