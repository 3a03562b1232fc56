/**
 * Property tests draw a new seed each run, so a developer's `npm test` keeps exploring.
 * PROPERTY_SEED fixes it (CI sets one: a landing is gated on a run anyone can repeat; a
 * failure prints its seed either way, and `PROPERTY_RUNS=3000 npx jest test/property`
 * is the soak that explores, docs/testing.md).
 */
'use strict';
const fc = require('fast-check');

const seed = process.env.PROPERTY_SEED;
if (seed !== undefined && seed !== '') {
  const n = Number(seed);
  if (!Number.isInteger(n)) throw new Error(`PROPERTY_SEED must be an integer, not "${seed}"`);
  fc.configureGlobal({ seed: n });
}
