#!/usr/bin/env node
/**
 * The module-level code of TypeScript files as Stryker `--mutate` ranges ("file:start-end"),
 * for the static pass of mutation testing (docs/testing.md, "Static mutants").
 *
 * Code run only while a module loads (a table of month names, a set of answer words) is a
 * "static" mutant to Stryker. When a test loads the module itself (a CLI test that imports the
 * engine lazily), Stryker counts that one test as covering the mutant and runs it alone, with
 * perTest coverage and ignoreStatic; the tests that check the table never run, and the mutant
 * "survives" (MONTH_NAMES_ID emptied survived, and fails readers-edges when put back by hand).
 * The static pass mutates only these ranges and runs every test of the slice for each mutant.
 *
 *   node scripts/static-ranges.js FILE.ts ...   -> prints the ranges, comma-separated
 */
const fs = require('fs');
const ts = require('typescript');

/** Line ranges (1-based, inclusive) of top-level declarations whose initialisers are not functions. */
function staticRanges(file, text = fs.readFileSync(file, 'utf8')) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const line = (pos) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const ranges = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (!init || ts.isArrowFunction(init) || ts.isFunctionExpression(init)) continue;
      ranges.push([line(init.getStart(sf)), line(init.getEnd())]);
    }
  }
  return ranges;
}

module.exports = { staticRanges };

if (require.main === module) {
  const out = [];
  for (const file of process.argv.slice(2))
    for (const [a, b] of staticRanges(file)) out.push(`${file}:${a}-${b}`);
  console.log(out.join(','));
}
