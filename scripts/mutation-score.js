#!/usr/bin/env node
/**
 * Scores of StrykerJS's JSON reports (reports/mutation/*.json, see
 * docs/testing.md "Mutation testing"), per file and per report, as a
 * Markdown table: killed / (killed + survived), timeouts counted as killed,
 * mutants no test reaches counted as survived; mutants that do not compile or
 * are ignored are left out (Stryker's own "mutation score" counts them the same way).
 *
 *   node scripts/mutation-score.js [REPORT.json ...]
 */
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'reports', 'mutation');
const files = process.argv.slice(2);
const reports = files.length
  ? files
  : fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.join(dir, f))
    : [];
if (reports.length === 0) {
  console.error(
    'Tidak ada laporan mutasi: jalankan `npm run mutate` dulu (no mutation report yet).',
  );
  process.exit(2);
}

function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') t.killed++;
    else if (m.status === 'Timeout') t.timeout++;
    else if (m.status === 'Survived') t.survived++;
    else if (m.status === 'NoCoverage') t.noCoverage++;
    else t.other++;
  }
  const caught = t.killed + t.timeout;
  const counted = caught + t.survived + t.noCoverage;
  t.score = counted ? (100 * caught) / counted : NaN;
  return t;
}

const row = (name, t) =>
  `| ${name} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.other} | ${
    Number.isNaN(t.score) ? '-' : t.score.toFixed(1) + ' %'
  } |`;

for (const report of reports) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const all = [];
  console.log(`\n${path.basename(report)}\n`);
  console.log('| File | Killed | Timed out | Survived | No coverage | Not run | Score |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [file, data] of Object.entries(json.files).sort()) {
    all.push(...data.mutants);
    console.log(row(`\`${file}\``, tally(data.mutants)));
  }
  console.log(row('**all**', tally(all)));
}
