/**
 * Small respondents sheets for the table-reading tests: the nine codes as headers, three
 * respondents' answers, and the sheet read as processSheet and readRespondents read it.
 */
import type { SheetGrid } from '../../src/engine/model';
import { processSheet, type Processed } from '../../src/engine/respondents/process';
import { readRespondents, type RespondentTable } from '../../src/engine/respondents/table';

export const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
export const a1 = [4, 3, 3, 4, 3, 3, 4, 4, 3];
export const a2 = [3, 4, 2, 4, 3, 4, 3, 3, 3];
export const a3 = [2, 3, 3, 3, 4, 4, 4, 3, 4];

/** The sheet "Data" of tabel.xlsx processed; fails the test where it cannot be. */
export function run(values: SheetGrid['values'], hiddenCols?: number[]): Processed {
  const r = processSheet('tabel.xlsx', { name: 'Data', values, hiddenCols });
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

/** The sheet "Data" read as a respondents table; fails the test where it cannot be. */
export function table(values: SheetGrid['values'], hiddenCols?: number[]): RespondentTable {
  const r = readRespondents({ name: 'Data', values, hiddenCols });
  if (!r.ok) throw new Error(r.problem.code);
  return r.table;
}
