/**
 * One call from a sheet grid to everything the shells need: the table, the
 * findings and the district line. Pure: no I/O, no Office.js.
 */
import type { RecapTable, SheetGrid } from './model';
import { readRecap, type ReadProblem } from './reader';
import type { Finding } from './checks';
import { checkTable } from './table-checks';
import { computeDistrict, type DistrictLine } from './district';
import { problems } from './messages';

export interface Analysis {
  table: RecapTable;
  findings: Finding[];
  district: DistrictLine;
}

export type AnalysisResult = ({ ok: true } & Analysis) | { ok: false; problem: ReadProblem };

export function analyseSheet(sheet: SheetGrid): AnalysisResult {
  const read = readRecap(sheet);
  if (!read.ok) return read;
  const { table } = read;
  const district = computeDistrict(table, table.average?.label ?? null);
  const findings = checkTable(table, district);
  return { ok: true, table, findings, district };
}

/**
 * The sheet of a workbook that holds the recap: the named one, or the first
 * whose header is recognised (the sheets are tried in workbook order).
 */
export function analyseWorkbook(sheets: SheetGrid[], sheetName?: string): AnalysisResult {
  const names = sheets.map((s) => s.name);
  if (sheetName !== undefined) {
    const sheet =
      sheets.find((s) => s.name === sheetName) ??
      sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet) {
      return {
        ok: false,
        problem: {
          code: 'no-table',
          sheet: sheetName,
          message: problems.sheetNotFound(sheetName, names),
        },
      };
    }
    return analyseSheet(sheet);
  }
  let firstProblem: ReadProblem | null = null;
  for (const sheet of sheets) {
    const result = analyseSheet(sheet);
    if (result.ok) return result;
    // A sheet with the unsur header but a defect says more than "no table".
    if (
      !firstProblem ||
      ((firstProblem.code === 'no-table' || firstProblem.code === 'empty-sheet') &&
        result.problem.code !== 'no-table' &&
        result.problem.code !== 'empty-sheet')
    ) {
      firstProblem = result.problem;
    }
  }
  if (firstProblem && firstProblem.code !== 'no-table' && firstProblem.code !== 'empty-sheet')
    return { ok: false, problem: firstProblem };
  // A workbook of one empty sheet is said to be empty, by the sheet's name.
  if (sheets.length === 1 && firstProblem?.code === 'empty-sheet')
    return { ok: false, problem: firstProblem };
  return {
    ok: false,
    problem: {
      code: 'no-table',
      sheet: names[0] ?? '',
      message: problems.noRecapInWorkbook(names),
    },
  };
}
