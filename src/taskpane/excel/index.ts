/**
 * The Excel adapter: the only code that calls Office.js. It reads the recap
 * sheet into the engine's grid and writes the engine's plan back, in batched
 * requests budgeted under the payload limit of Excel on the web. One concern
 * per module: reading (read.ts), verifying before a write (verify.ts),
 * writing within the budget (budget.ts), where the undo ledger is kept
 * (ledger-store.ts), and one module per action.
 */
export { officeLang, type Outcome, type Session } from './common';
export { CHUNK_CELLS, HEAD_ROWS, MAX_CELLS, validate } from './read';
export { REQUEST_BUDGET } from './budget';
export { markFindings, undo, type MarkResult, type UndoResult } from './marks';
export {
  addFormulaColumns,
  FORMULA_HEADERS,
  planFormulaColumns,
  type FormulaColumns,
} from './formulas';
export { previewDistrictLine, writeDistrictLine, type AverageChange } from './district';
export { summaryBlock, writeSummary } from './summary';
export { selectCell } from './navigate';
export { ledgersOf } from './ledger-store';
export { parseAreaList } from './common';
