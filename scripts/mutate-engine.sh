#!/usr/bin/env bash
# Mutation testing of src/engine in slices, each with the tests that guard it and its own report
# (reports/mutation/engine-<slice>.json), so that a run cut short keeps the slices it finished.
# Usage: scripts/mutate-engine.sh [SLICE ...]   (default: all slices); extra Stryker flags in
# STRYKER_FLAGS, e.g. STRYKER_FLAGS='--concurrency 2 --checkers ""'. Scores:
# node scripts/mutation-score.js. See docs/testing.md, "Mutation testing".
set -euo pipefail
cd "$(dirname "$0")/.."

unit='test/engine/**/*.test.ts,test/property/engine.test.ts,test/functions/functions.test.ts'
declare -A files=(
  [checks]='src/engine/checks.ts,src/engine/table-checks.ts,src/engine/finding.ts,src/engine/district.ts,src/engine/analyse.ts,src/engine/report.ts,src/engine/report-schema.ts,src/engine/records.ts'
  [numbers]='src/engine/numbers.ts,src/engine/scores.ts,src/engine/unsur.ts,src/engine/precision.ts,src/engine/address.ts,src/engine/grid.ts,src/engine/model.ts,src/engine/table-end.ts,src/engine/standalone.ts'
  [reader]='src/engine/reader.ts,src/engine/reader-messages.ts'
  [plan]='src/engine/plan.ts,src/engine/summary.ts,src/engine/summary-sheet.ts'
  [respondents]='src/engine/respondents/**/*.ts,!src/engine/respondents/messages.ts'
)
declare -A tests=(
  [checks]="$unit"
  [numbers]="$unit"
  [reader]="$unit"
  [plan]="$unit,test/summary/**/*.test.ts"
  [respondents]='test/respondents/**/*.test.ts'
)
slices=("$@")
[ ${#slices[@]} -gt 0 ] || slices=(checks numbers reader plan respondents)
# The property tests run 120 random recaps each; 25 keep their reach at a fifth of the time per mutant.
export PROPERTY_RUNS="${PROPERTY_RUNS:-25}"
for s in "${slices[@]}"; do
  [ -n "${files[$s]:-}" ] || { echo "unknown slice: $s (checks numbers reader plan respondents)" >&2; exit 2; }
  echo "== engine slice $s"
  # shellcheck disable=SC2086
  MUTATE_SCOPE=engine MUTATE_SLICE="$s" MUTATE_TESTS="${tests[$s]}" \
    eval npx stryker run --mutate "'${files[$s]}'" ${STRYKER_FLAGS:-}
done
