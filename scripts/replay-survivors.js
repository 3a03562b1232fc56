#!/usr/bin/env node
/**
 * Puts each survivor of a StrykerJS report back by hand, one at a time, on the current source and
 * runs the given tests against it: KILLED (a test fails now), SURVIVED, or LOST (the line it was on
 * changed, or now stands twice). A check of the tests written since a run in minutes, where a new
 * run of the slice takes an hour; the score still comes from a run (docs/testing.md, "Mutation
 * testing"). Mutants listed as equivalent are skipped. The file is restored after each mutant,
 * and on Ctrl-C; a run killed outright leaves a copy that the next start puts back.
 *
 *   node scripts/replay-survivors.js REPORT.json FILE-FILTER TEST-PATH...
 *   e.g. node scripts/replay-survivors.js stryker/incremental/engine-tables.json src/engine/ test/engine
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { equivalentOf } = require('./mutation-score.js');

const root = path.join(__dirname, '..');

/**
 * The current source with the mutant spliced in, or null when its place is lost: where the file
 * changed since the report, a mutant on one line is found again by that line's text, when the
 * text stands exactly once in the file.
 */
function mutantAt(current, reportSource, mutant) {
  const { start, end } = mutant.location;
  const lines = current.split('\n');
  let startLine = start.line;
  let endLine = end.line;
  if (current !== reportSource) {
    if (start.line !== end.line) return null;
    const text = reportSource.split('\n')[start.line - 1];
    const hits = [];
    lines.forEach((l, i) => l === text && hits.push(i + 1));
    if (hits.length !== 1) return null;
    startLine = endLine = hits[0];
  }
  const offset = (line, column) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return (
    current.slice(0, offset(startLine, start.column)) +
    mutant.replacement +
    current.slice(offset(endLine, end.column))
  );
}

module.exports = { mutantAt };

if (require.main === module) {
  const [reportFile, filter, ...tests] = process.argv.slice(2);
  if (!reportFile || !filter || tests.length === 0) {
    console.error(
      'Pakai: node scripts/replay-survivors.js LAPORAN.json FILTER-BERKAS UJI... (usage: REPORT.json FILE-FILTER TEST-PATH...)',
    );
    process.exit(2);
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const equivalents = JSON.parse(
    fs.readFileSync(path.join(root, 'stryker', 'equivalent-mutants.json'), 'utf8'),
  );
  let restore = () => {};
  // Ctrl-C reaches the test run too: its end by the signal is noticed below, the file restored and
  // the loop left (the loop is synchronous: a handler of Node's would never run inside it). Where
  // the process is killed outright, the copy beside the file restores it at the next start.
  process.on('SIGINT', () => {});
  const backupOf = (abs) => `${abs}.replay-backup`;
  for (const file of Object.keys(report.files)) {
    const backup = backupOf(path.join(root, file));
    if (fs.existsSync(backup)) {
      fs.copyFileSync(backup, path.join(root, file));
      fs.unlinkSync(backup);
      console.log(`${file}: dipulihkan dari salinan (restored from the copy a killed run left)`);
    }
  }
  const squash = (s) => String(s).replace(/\s+/g, ' ').trim();
  for (const [file, o] of Object.entries(report.files)) {
    if (!file.includes(filter)) continue;
    const abs = path.join(root, file);
    const current = fs.readFileSync(abs, 'utf8');
    const reportLines = o.source.split('\n');
    fs.writeFileSync(backupOf(abs), current);
    restore = () => fs.writeFileSync(abs, current);
    try {
      for (const m of o.mutants) {
        if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
        if (equivalentOf(equivalents[file], m, reportLines)) continue;
        const where = `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
        const mutated = mutantAt(current, o.source, m);
        if (mutated === null) {
          console.log(`LOST     ${where}`);
          continue;
        }
        fs.writeFileSync(abs, mutated);
        // A run past five minutes is a mutant that loops: a timeout, counted as killed as Stryker does.
        const run = spawnSync('npx', ['jest', '--silent', '--bail', ...tests], {
          cwd: root,
          stdio: 'ignore',
          timeout: 300000,
        });
        restore();
        if (run.signal === 'SIGINT' || run.signal === 'SIGTERM') process.exit(130);
        const killed = run.status !== 0;
        console.log(`${killed ? 'KILLED  ' : 'SURVIVED'} ${where} -> ${squash(m.replacement)}`);
      }
    } finally {
      restore();
      fs.unlinkSync(backupOf(abs));
    }
  }
}
