#!/usr/bin/env node
// Fails on a high or critical advisory in the production dependencies (npm audit --omit=dev).
// When the registry's advisory service cannot be reached (some mirrors answer 405), it says so
// plainly and does not pretend the check passed.
'use strict';
const { spawnSync } = require('child_process');

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report = null;
try {
  report = JSON.parse(r.stdout || 'null');
} catch {
  report = null;
}
const counts = report && report.metadata && report.metadata.vulnerabilities;
if (!counts) {
  const why =
    ((report && report.error && report.error.summary) || r.stderr || '')
      .split('\n')
      .find((l) => l.trim()) || 'no answer';
  console.log(`audit: NOT CHECKED - the advisory service did not answer (${why.trim()}).`);
  process.exit(process.env.SKM_AUDIT_REQUIRED ? 1 : 0);
}
const serious = (counts.high || 0) + (counts.critical || 0);
console.log(
  `audit: production dependencies: ${counts.critical || 0} critical, ${counts.high || 0} high, ${counts.moderate || 0} moderate, ${counts.low || 0} low.`,
);
process.exit(serious > 0 ? 1 : 0);
