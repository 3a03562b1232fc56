/**
 * One call from a sheet grid to everything the shells need: the table, the
 * findings and the district line. Pure: no I/O, no Office.js.
 */
import type { RecapTable, SheetGrid } from './model';
import { hasRecapHeader, readRecap, type ReadProblem } from './reader';
import type { Finding } from './checks';
import { checkTable } from './table-checks';
import { computeDistrict, type DistrictLine } from './district';
import { problems } from './messages';

export interface Analysis {
  table: RecapTable;
  findings: Finding[];
  district: DistrictLine;
  /** Which sheet was checked and why, where a workbook was given. */
  sheetChoice?: SheetChoice;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetChoice {
  /**
   * named: by --sheet; only: the one sheet with a recap table; first: the first of several;
   * visible-over-hidden: the first visible one, a hidden sheet with a table coming before it;
   * hidden-only: a hidden sheet, no visible sheet holding a table.
   */
  reason: 'named' | 'only' | 'first' | 'visible-over-hidden' | 'hidden-only';
  state: SheetState;
  /** The other sheets with a recap table's header, not checked. */
  others: { name: string; state: SheetState }[];
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
    const result = analyseSheet(sheet);
    if (result.ok) result.sheetChoice = { reason: 'named', state: stateOf(sheet), others: [] };
    return result;
  }
  let firstProblem: ReadProblem | null = null;
  // Visible sheets first, each group in workbook order: an archived hidden recap never wins.
  const ordered = [
    ...sheets.filter((s) => stateOf(s) === 'visible'),
    ...sheets.filter((s) => stateOf(s) !== 'visible'),
  ];
  let withoutUnits: AnalysisResult | null = null;
  for (const sheet of ordered) {
    const result = analyseSheet(sheet);
    if (result.ok && result.table.units.length === 0) {
      // A table of headers only is the answer only where no sheet's table lists units.
      if (!withoutUnits) {
        result.sheetChoice = choiceOf(sheets, sheet);
        withoutUnits = result;
      }
      continue;
    }
    if (result.ok) {
      result.sheetChoice = choiceOf(sheets, sheet);
      return result;
    }
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
  if (withoutUnits) return withoutUnits;
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

function stateOf(sheet: SheetGrid): SheetState {
  return sheet.state ?? 'visible';
}

function choiceOf(sheets: SheetGrid[], chosen: SheetGrid): SheetChoice {
  const at = sheets.indexOf(chosen);
  const others = sheets.filter((s) => s !== chosen && hasRecapHeader(s));
  const state = stateOf(chosen);
  const hiddenBefore = others.some((s) => stateOf(s) !== 'visible' && sheets.indexOf(s) < at);
  return {
    reason:
      state !== 'visible'
        ? 'hidden-only'
        : hiddenBefore
          ? 'visible-over-hidden'
          : others.length > 0
            ? 'first'
            : 'only',
    state,
    others: others.map((s) => ({ name: s.name, state: stateOf(s) })),
  };
}
