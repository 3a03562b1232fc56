#!/usr/bin/env bash
# Mutation testing of src/engine, the Excel adapter's writing and the copy writer in slices, each with the tests that guard it and its own report
# (stryker/incremental/<scope>-<slice>.json, kept in the repository), so that a run cut short keeps the slices it finished.
# Usage: scripts/mutate-engine.sh [SLICE ...]   (default: the engine's slices; `adapter`, `copy`: theirs); extra Stryker flags in
# STRYKER_FLAGS, e.g. STRYKER_FLAGS='--concurrency 2 --checkers ""'. Scores:
# node scripts/mutation-score.js. See docs/testing.md, "Mutation testing".
set -euo pipefail
cd "$(dirname "$0")/.."

unit='test/engine/**/*.test.ts,test/property/engine.test.ts,test/functions/functions.test.ts'
# Slices of 450 to 1,100 mutants: each finishes within an hour or two on a free machine, so a run
# cut short keeps the slices it finished.
# The recap reader is one file of ~1,150 mutants (about two hours): it is cut in two slices at
# readBody, the table's body, so that each takes about an hour and a run cut short keeps one.
reader_body=$(grep -n '^function readBody' src/engine/reader.ts | cut -d: -f1)
reader_end=$(wc -l < src/engine/reader.ts)
declare -A files=(
  # reader-messages.ts is wording, left out as messages.ts is.
  [reader]="src/engine/reader.ts:1-$((reader_body - 1)),src/engine/periods.ts"
  [reader-body]="src/engine/reader.ts:$reader_body-$reader_end"
  [checks]='src/engine/checks.ts'
  [tables]='src/engine/table-checks.ts,src/engine/finding.ts,src/engine/district.ts,src/engine/records.ts'
  [report]='src/engine/analyse.ts,src/engine/report.ts,src/engine/report-schema.ts'
  [numbers]='src/engine/numbers.ts,src/engine/scores.ts,src/engine/unsur.ts,src/engine/precision.ts'
  [grid]='src/engine/address.ts,src/engine/grid.ts,src/engine/merges.ts,src/engine/model.ts,src/engine/table-end.ts,src/engine/standalone.ts'
  [plan]='src/engine/plan.ts'
  [summary]='src/engine/summary.ts,src/engine/summary-sheet.ts'
  [answers]='src/engine/respondents/csv.ts,src/engine/respondents/dates.ts,src/engine/respondents/answers.ts,src/engine/respondents/compute.ts,src/engine/respondents/profile.ts'
  [quality]='src/engine/respondents/process.ts,src/engine/respondents/quality.ts,src/engine/respondents/report.ts'
  [layout]='src/engine/respondents/table.ts,src/engine/respondents/sheet-plan.ts'
  # The Excel adapter's writing, ledger and undo, and the checker's copy writer (their own scopes
  # and targets, docs/testing.md): the tests of jest.stryker.config.js for the scope unless named.
  [adapter-budget]='src/taskpane/excel/budget.ts'
  [adapter-marks]='src/taskpane/excel/marks.ts'
  [adapter-writes]='src/taskpane/excel/district.ts,src/taskpane/excel/formulas.ts'
  [adapter-summary]='src/taskpane/excel/summary.ts'
  [adapter-ledger]='src/taskpane/ledger.ts'
  [adapter-ledger-store]='src/taskpane/excel/ledger-store.ts'
  [adapter-verify]='src/taskpane/excel/verify.ts'
  [copy-sheet]='src/xlsx/copy/sheet.ts'
  [copy-styles]='src/xlsx/copy/styles.ts'
  [copy-assembly]='src/xlsx/copy/write-copy.ts,src/xlsx/copy/summary.ts,src/xlsx/copy/out-file.ts'
  [copy-workbook]='src/xlsx/copy/workbook.ts,src/xlsx/copy/xml.ts'
)
declare -A tests=(
  [reader]="$unit"
  [reader-body]="$unit"
  [checks]="$unit"
  [tables]="$unit"
  # The JSON report's fields are checked by the checker's tests on Banjar (in process, fast; its
  # report is built in beforeAll, so every test runs for each mutant, below).
  [report]="$unit,test/cli/banjar.test.ts"
  [numbers]="$unit"
  [grid]="$unit"
  [plan]="$unit,test/summary/**/*.test.ts"
  # The summary's own tests (every test per mutant, below; summary-reading and -survivors, written
  # for its first run's survivors, were missing from this list until 2026-12-03): the Banjar
  # summaries are computed once in beforeAll, which per-test coverage counts as static and then
  # runs no test against.
  [summary]='test/engine/summary-edges.test.ts,test/engine/summary-reading.test.ts,test/engine/summary-sheet-survivors.test.ts,test/engine/plan.test.ts,test/summary/**/*.test.ts'
  [answers]='test/respondents/**/*.test.ts'
  [quality]='test/respondents/**/*.test.ts'
  [layout]='test/respondents/**/*.test.ts'
  # "Buat Ringkasan" through the add-in: the tests that call writeSummary (about 4 s in all; the
  # two national-size reads of adapter-async are left to the suite, summary-reads takes each path).
  # The read and write budget: the tests that size reads and writes against Excel's limits. Its
  # default, every adapter test, ran 262 tests in 107 s before the first mutant, then 9 of its 160
  # mutants in two minutes (every pane test reads through it); with this list the first run takes
  # 47 s, most of it marks-edges' undo of 1,000 units; its first whole run took 29 minutes (2026-12-03).
  [adapter-budget]='test/taskpane/budget-queue.test.ts,test/taskpane/budget-wire.test.ts,test/taskpane/marks-edges.test.ts,test/taskpane/summary-reads.test.ts'
  # The ledger, its store and the re-reads before a write: the tests that write, undo and keep ledgers
  # (adapter-national's 27 s and summary-reads left to the suite; budget-wire for verify's fill reads).
  # ledger.ts and ledger-store.ts together were 748 mutants at about 4.5 a minute (2026-12-03): two slices.
  [adapter-ledger]='test/taskpane/ledger.test.ts,test/taskpane/ledger-sheet-twice.test.ts,test/taskpane/marks-edges.test.ts,test/taskpane/formulas-edges.test.ts,test/taskpane/district-edges.test.ts,test/taskpane/summary-undo.test.ts,test/taskpane/adapter-mock.test.ts,test/taskpane/adapter-sim.test.ts,test/taskpane/adapter-async.test.ts,test/taskpane/olah-ledger.test.ts,test/taskpane/olah-adapter.test.ts,test/property/marks.test.ts,test/safety/write-safety.test.ts'
  [adapter-ledger-store]='test/taskpane/ledger-store-edges.test.ts,test/taskpane/ledger.test.ts,test/taskpane/ledger-sheet-twice.test.ts,test/taskpane/marks-edges.test.ts,test/taskpane/formulas-edges.test.ts,test/taskpane/district-edges.test.ts,test/taskpane/summary-undo.test.ts,test/taskpane/adapter-mock.test.ts,test/taskpane/adapter-sim.test.ts,test/taskpane/adapter-async.test.ts,test/taskpane/olah-ledger.test.ts,test/taskpane/olah-adapter.test.ts,test/property/marks.test.ts,test/safety/write-safety.test.ts'
  [adapter-verify]='test/taskpane/ledger.test.ts,test/taskpane/marks-edges.test.ts,test/taskpane/formulas-edges.test.ts,test/taskpane/district-edges.test.ts,test/taskpane/summary-undo.test.ts,test/taskpane/adapter-mock.test.ts,test/taskpane/adapter-sim.test.ts,test/taskpane/adapter-async.test.ts,test/taskpane/olah-adapter.test.ts,test/taskpane/budget-wire.test.ts,test/property/marks.test.ts,test/safety/write-safety.test.ts'
  [adapter-summary]='test/taskpane/summary-reads.test.ts,test/summary/twice.test.ts,test/summary/trend.test.ts,test/taskpane/summary-undo.test.ts,test/taskpane/adapter-mock.test.ts,test/safety/text-never-formula.test.ts'
)
# Slices whose tests compute their sheets in describe bodies or beforeAll (counted as static by per-test
# coverage, so its mutants ran against no test that reads the result: the row-total check
# "survived" every mutant yet fails quality-edges when put back by hand) and take seconds net for
# all of them (the questionnaire's ~1.4 s, the summary's ~10 s, the report's ~15 s): every test runs for every mutant
# (docs/testing.md, "Static mutants").
# adapter-summary too: twice.test.ts writes the summary in beforeAll, so per-test coverage ran its
# bold-font and chart-legend checks against no mutant (its run of 2026-12-02: 70.0 %, most
# survivors failing twice.test.ts when put back by hand).
declare -A coverage=([answers]=all [quality]=all [layout]=all [summary]=all [report]=all [adapter-summary]=all)
ALL=(reader reader-body checks tables report numbers grid plan summary answers quality layout)
ADAPTER=(adapter-budget adapter-marks adapter-writes adapter-summary adapter-ledger adapter-ledger-store adapter-verify)
COPY=(copy-sheet copy-styles copy-assembly copy-workbook)
slices=("$@")
[ ${#slices[@]} -gt 0 ] || slices=("${ALL[@]}")
# `adapter` and `copy` name every slice of their scope.
expanded=()
for s in "${slices[@]}"; do
  case "$s" in
    adapter) expanded+=("${ADAPTER[@]}") ;;
    copy) expanded+=("${COPY[@]}") ;;
    *) expanded+=("$s") ;;
  esac
done
slices=("${expanded[@]}")
# The property tests run 120 random recaps each; 25 keep their reach at a fifth of the time per mutant.
export PROPERTY_RUNS="${PROPERTY_RUNS:-25}"
# STATIC=1: the static pass. Only module-level code (tables, word lists) is mutated and every test
# of the slice runs for each mutant; its report (engine-<slice>-static.json) overrides the slice's
# for those mutants (scripts/static-ranges.js says why; docs/testing.md, "Static mutants").
for s in "${slices[@]}"; do
  [ -n "${files[$s]:-}" ] || { echo "unknown slice: $s (${ALL[*]} ${ADAPTER[*]} ${COPY[*]})" >&2; exit 2; }
  # adapter-budget: scope adapter, slice budget (stryker/incremental/adapter-budget.json).
  scope=engine name="$s"
  case "$s" in adapter-* | copy-*) scope="${s%%-*}" name="${s#*-}" ;; esac
  mutate="${files[$s]}"
  if [ "${STATIC:-}" = 1 ]; then
    # A slice given as a line range of a file: its module-level code is in the static pass of the
    # slice holding the file's first line (reader), named there without its range.
    whole=()
    IFS=, read -ra parts <<< "${files[$s]}"
    for f in "${parts[@]}"; do
      case "$f" in *:1-*) whole+=("${f%%:*}") ;; *:*) ;; *) whole+=("$f") ;; esac
    done
    mutate=''
    [ ${#whole[@]} -eq 0 ] || mutate=$(node scripts/static-ranges.js "${whole[@]}")
    [ -n "$mutate" ] || { echo "== engine slice $s: no module-level code"; continue; }
    name="$name-static"
  fi
  echo "== $scope slice $name"
  # With every test per mutant, Stryker records no covering tests, so its incremental mode reuses
  # every earlier survivor whatever tests were added (the quality slice's rerun on 2026-12-02
  # tested nothing new in 3 minutes): such slices, and the static passes, run whole.
  force=''
  if [ "${coverage[$s]:-}" = all ] || [ "${STATIC:-}" = 1 ]; then force='--force'; fi
  # shellcheck disable=SC2086
  MUTATE_STATIC="${STATIC:-}" MUTATE_COVERAGE="${coverage[$s]:-}" MUTATE_SCOPE="$scope" MUTATE_SLICE="$name" MUTATE_TESTS="${tests[$s]:-}" \
    eval npx stryker run --mutate "'$mutate'" $force ${STRYKER_FLAGS:-}
done
