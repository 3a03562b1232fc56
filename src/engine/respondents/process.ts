/**
 * "Olah Data Responden": from a sheet of questionnaire answers to the unit's
 * result, its respondent profile, its quality notes and, on request, its
 * results per period or per value of a column.
 */
import type { Text } from '../messages';
import type { SheetGrid } from '../model';
import { isBlank } from '../numbers';
import { sampleSize } from '../scores';
import { regulationOf, score, type Regulation, type Scores } from './compute';
import { periodOf, PERIOD_BYS, readDate, type PeriodBy } from './dates';
import { problemText, qualityText } from './messages';
import { profileOf, type Profile } from './profile';
import { answerQuality, isTestRow, type QualityIssue } from './quality';
import { headerWords, readRespondents, type RespondentRow, type RespondentTable } from './table';

export interface ProcessOptions {
  /** tahun, semester, triwulan, bulan, or a column's header. */
  by?: string;
  population?: number;
}

export interface Group extends Scores {
  label: string;
}

export interface SampleCheck {
  population: number;
  required: number;
  respondents: number;
  enough: boolean;
}

export interface Processed {
  table: RespondentTable;
  /** The rows counted: every row with an answer, but those marked as tests. */
  rows: RespondentRow[];
  regulation: Regulation;
  /** Exactly 1/n. */
  weight: number;
  scores: Scores;
  profile: Profile;
  quality: QualityIssue[];
  groups: Group[] | null;
  by: string | null;
  sample: SampleCheck | null;
}

export type ProcessResult = { ok: true; processed: Processed } | { ok: false; problem: Text };

export const UNDATED = '(tanpa tanggal)';
export const BLANK_GROUP = '(kosong)';

export function processSheet(
  file: string,
  sheet: SheetGrid,
  options: ProcessOptions = {},
): ProcessResult {
  const read = readRespondents(sheet);
  if (!read.ok) {
    const p = read.problem;
    if (p.code === 'empty-sheet') return fail(problemText.emptySheet(file, p.sheet));
    if (p.code === 'items-unclear') return fail(problemText.itemsUnclear(file, p.sheet, p.row));
    return fail(problemText.noTable(file, p.sheet));
  }
  const table = read.table;
  const rows = table.rows.filter((r) => !isTestRow(table, r));
  const tests = table.rows.filter((r) => isTestRow(table, r));
  if (rows.length === 0) return fail(problemText.noRespondents(file, table.sheet, table.headerRow));

  const regulation = regulationOf(table.items.length);
  const scores = score(table.items, rows, regulation);
  const quality = answerQuality(table, rows, tests, scores);
  if (regulation === 'Kepmenpan 25/2004')
    quality.push({
      kind: 'regulation',
      severity: 'info',
      count: 1,
      rows: [],
      cells: [],
      message: qualityText.kepmenpan2004(),
    });
  else if (regulation === 'none')
    quality.push({
      kind: 'regulation',
      severity: 'warning',
      count: 1,
      rows: [],
      cells: [],
      message: qualityText.otherCount(table.items.length),
    });

  let sample: SampleCheck | null = null;
  if (options.population !== undefined) {
    const required = sampleSize(options.population);
    sample = {
      population: options.population,
      required,
      respondents: rows.length,
      enough: rows.length >= required,
    };
    if (!sample.enough)
      quality.push({
        kind: 'sample-size',
        severity: 'warning',
        count: 1,
        rows: [],
        cells: [],
        message: qualityText.sampleShort(rows.length, options.population, required),
      });
  }

  let groups: Group[] | null = null;
  if (options.by !== undefined) {
    const grouped = groupRows(file, table, rows, options.by);
    if (!grouped.ok) return fail(grouped.problem);
    groups = grouped.groups.map((g) => ({
      label: g.label,
      ...score(table.items, g.rows, regulation),
    }));
    if (grouped.undated.length)
      quality.push({
        kind: 'undated',
        severity: 'warning',
        count: grouped.undated.length,
        rows: grouped.undated,
        cells: [],
        message: qualityText.undated(table.sheet, grouped.undated),
      });
  }

  return {
    ok: true,
    processed: {
      table,
      rows,
      regulation,
      weight: 1 / table.items.length,
      scores,
      profile: profileOf(table, rows),
      quality,
      groups,
      by: options.by ?? null,
      sample,
    },
  };
}

/** The first sheet holding a respondents table, or the named one. */
export function processWorkbook(
  file: string,
  sheets: readonly SheetGrid[],
  sheetName: string | undefined,
  options: ProcessOptions = {},
): ProcessResult {
  if (sheetName !== undefined) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet)
      return fail(
        problemText.sheetNotFound(
          file,
          sheetName,
          sheets.map((s) => s.name),
        ),
      );
    return processSheet(file, sheet, options);
  }
  let firstProblem: ProcessResult | null = null;
  // Visible sheets first, as the checker reads a recap: a hidden sheet (old answers kept in an
  // archive sheet) is processed only where no visible one holds answers.
  const visible = (s: SheetGrid) => (s.state ?? 'visible') === 'visible';
  for (const sheet of [...sheets.filter(visible), ...sheets.filter((s) => !visible(s))]) {
    const read = readRespondents(sheet);
    // A table with answers decides; an empty template (its header, no answers yet) before the
    // sheet of answers is said only where no later sheet holds them.
    if (read.ok && read.table.rows.length > 0) return processSheet(file, sheet, options);
    if (read.ok && !firstProblem) firstProblem = processSheet(file, sheet, options);
    else if (!read.ok && read.problem.code === 'items-unclear' && !firstProblem)
      firstProblem = processSheet(file, sheet, options);
  }
  return (
    firstProblem ??
    fail(
      problemText.noTableInWorkbook(
        file,
        sheets.map((s) => s.name),
      ),
    )
  );
}

function fail(problem: Text): ProcessResult {
  return { ok: false, problem };
}

type Grouped =
  | { ok: true; groups: { label: string; rows: RespondentRow[] }[]; undated: number[] }
  | { ok: false; problem: Text };

function groupRows(
  file: string,
  table: RespondentTable,
  rows: readonly RespondentRow[],
  by: string,
): Grouped {
  const period = PERIOD_BYS.find((p) => p === by.trim().toLowerCase()) as PeriodBy | undefined;
  const map = new Map<string, { key: string; label: string; rows: RespondentRow[] }>();
  const add = (key: string, label: string, row: RespondentRow) => {
    const g = map.get(key);
    if (g) g.rows.push(row);
    else map.set(key, { key, label, rows: [row] });
  };
  const undated: number[] = [];
  if (period) {
    const col = table.date;
    if (col === null)
      return { ok: false, problem: problemText.noDateColumn(file, table.sheet, by) };
    for (const row of rows) {
      const d = readDate(row.cells[col - table.left], table.dateOrder);
      if (!d) {
        undated.push(row.row);
        add('~', UNDATED, row);
      } else {
        const p = periodOf(d, period);
        add(p.key, p.label, row);
      }
    }
    // Periods in time order, the undated last ("~" sorts after digits).
    const groups = [...map.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { ok: true, groups, undated };
  }
  const wanted = headerWords(by);
  const column =
    table.columns.find((c) => c.header.trim() === by.trim()) ??
    table.columns.find((c) => headerWords(c.header) === wanted);
  if (!column)
    return {
      ok: false,
      problem: problemText.noSuchColumn(
        file,
        table.sheet,
        by,
        table.columns.map((c) => c.header).filter(Boolean),
      ),
    };
  for (const row of rows) {
    const v = row.cells[column.col - table.left];
    const label = isBlank(v) ? BLANK_GROUP : String(v).trim().replace(/\s+/g, ' ');
    // Values that differ only in case or spacing are one group, named as first written.
    add(headerWords(label) || label, label, row);
  }
  return { ok: true, groups: [...map.values()], undated };
}
