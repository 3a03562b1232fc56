#!/usr/bin/env node
/**
 * Scores of StrykerJS's JSON reports (by default the incremental files kept in the repository,
 * stryker/incremental/*.json, one per scope or slice, which are reports of the last run; see
 * docs/testing.md "Mutation testing"), per file and per report, as a
 * Markdown table: killed / (killed + survived), timeouts counted as killed,
 * mutants no test reaches counted as survived; mutants that do not compile or
 * are ignored are left out (Stryker's own "mutation score" counts them the same way).
 *
 * Survivors that no behaviour can tell from the original (equivalent mutants) are listed with
 * their reasons in stryker/equivalent-mutants.json, by source line (its text), column, mutator and
 * replacement exactly, so that a killable mutant on the same line still counts. They are shown apart and a
 * second score leaves them out; a listed mutant no report holds as a survivor is named, so a
 * list gone stale (the code changed, or a test now kills it) is seen.
 *
 * A static pass's report (*-static.json, scripts/static-ranges.js) is not a table of its own: the
 * module-level mutants it ran again with every test take its status in their slice's table.
 *
 *   node scripts/mutation-score.js [REPORT.json ...]
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dir = path.join(root, 'stryker', 'incremental');
const EQUIVALENTS = path.join(root, 'stryker', 'equivalent-mutants.json');

/** The listed equivalents: { file: [{ code, mutator, replacement, reason }] }. */
function readEquivalents(file) {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

/**
 * The entry a surviving mutant matches: its line holds the code, same mutator, same replacement,
 * and where the entry names a column, that column (a line can hold several `x -> true` mutants).
 */
function equivalentOf(entries, mutant, lines) {
  if (!entries || mutant.status !== 'Survived') return undefined;
  const line = squash(lines[mutant.location.start.line - 1] ?? '');
  const replacement = squash(mutant.replacement ?? '');
  return entries.find(
    (e) =>
      e.mutator === mutant.mutatorName &&
      squash(e.replacement) === replacement &&
      (e.column === undefined || e.column === mutant.location.start.column) &&
      line.includes(squash(e.code)),
  );
}

function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, equivalent: 0, noCoverage: 0, other: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') t.killed++;
    else if (m.status === 'Timeout') t.timeout++;
    else if (m.status === 'Survived') {
      t.survived++;
      if (m.equivalent) t.equivalent++;
    } else if (m.status === 'NoCoverage') t.noCoverage++;
    else t.other++;
  }
  const caught = t.killed + t.timeout;
  const counted = caught + t.survived + t.noCoverage;
  t.score = counted ? (100 * caught) / counted : NaN;
  t.scoreWithout = counted - t.equivalent ? (100 * caught) / (counted - t.equivalent) : NaN;
  return t;
}

const pct = (x) => (Number.isNaN(x) ? '-' : x.toFixed(1) + ' %');
const row = (name, t) =>
  `| ${name} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.equivalent} | ${t.noCoverage} | ${
    t.other
  } | ${pct(t.score)} | ${pct(t.scoreWithout)} |`;

/** A mutant's identity across runs: file, the text of its line, column, mutator, replacement. */
const keyOf = (file, lines, m) =>
  [
    file,
    squash(lines[m.location.start.line - 1] ?? ''),
    m.location.start.column,
    m.mutatorName,
    squash(m.replacement ?? ''),
  ].join('\u0000');

/**
 * The statuses of the static passes' reports (*-static.json: module-level code run again with
 * every test of its slice, scripts/static-ranges.js), by mutant.
 */
function staticStatuses(staticReports) {
  const byKey = new Map();
  for (const report of staticReports) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const [file, data] of Object.entries(json.files)) {
      const lines = String(data.source ?? '').split('\n');
      for (const m of data.mutants) byKey.set(keyOf(file, lines, m), m.status);
    }
  }
  return byKey;
}

/**
 * Marks each report's equivalent survivors; returns the tables and the listed entries matched.
 * A mutant the static passes ran again takes their status.
 */
function score(reports, equivalents, staticReports = []) {
  const out = [];
  const matched = new Set();
  const seenFiles = new Set();
  const again = staticStatuses(staticReports);
  // Every mutant of a scope (engine, adapter, copy: the name before the slice), for its target.
  const byScope = new Map();
  for (const report of reports) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    const all = [];
    let rerun = 0;
    out.push(`\n${path.basename(report)}\n`);
    out.push(
      '| File | Killed | Timed out | Survived | of them equivalent | No coverage | Not run | Score | Score without equivalents |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const [file, data] of Object.entries(json.files).sort()) {
      seenFiles.add(file);
      const lines = String(data.source ?? '').split('\n');
      for (const m of data.mutants) {
        const status = again.get(keyOf(file, lines, m));
        if (status !== undefined) {
          m.status = status;
          rerun++;
        }
        const e = equivalentOf(equivalents[file], m, lines);
        if (e) {
          m.equivalent = true;
          matched.add(e);
        }
      }
      all.push(...data.mutants);
      out.push(row(`\`${file}\``, tally(data.mutants)));
    }
    out.push(row('**all**', tally(all)));
    if (rerun > 0) out.push(`\n${rerun} module-level mutants scored from the static pass.`);
    const scope = path.basename(report, '.json').split('-')[0];
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...all]);
  }
  if (reports.length > 1) {
    out.push('\nEvery slice of a scope together (the targets of docs/testing.md are per scope)\n');
    out.push(
      '| Scope | Killed | Timed out | Survived | of them equivalent | No coverage | Not run | Score | Score without equivalents |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const [scope, all] of [...byScope].sort()) out.push(row(`**${scope}**`, tally(all)));
  }
  const stale = [];
  for (const [file, entries] of Object.entries(equivalents))
    if (seenFiles.has(file))
      for (const e of entries) if (!matched.has(e)) stale.push(`${file}: ${e.mutator} ${e.code}`);
  return { out, stale };
}

module.exports = { equivalentOf, tally, score };

if (require.main === module) {
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
  const isStatic = (f) => f.endsWith('-static.json');
  const { out, stale } = score(
    reports.filter((f) => !isStatic(f)),
    readEquivalents(EQUIVALENTS),
    reports.filter(isStatic),
  );
  console.log(out.join('\n'));
  if (stale.length > 0) {
    console.log(
      `\nListed as equivalent but no survivor in these reports (killed now, or the code changed):`,
    );
    for (const s of stale) console.log(`- ${s}`);
  }
}
