/**
 * The writes that follow from an analysis, as data: the marks on offending
 * cells, the "Catatan Validasi" column, the RATA-RATA KABUPATEN line and the
 * two finding sentences. Shells (exceljs, Office.js) carry them out; being
 * data, they can be shown first, compared with the sheet, repeated and undone.
 */
import type { Analysis } from './analyse';
import type { SheetGrid } from './model';
import { isBlank, roundHalfAway } from './numbers';
import { cellAt, gridWidth } from './grid';
import { normalise, UNSUR_CODES } from './unsur';
import { say, type Lang } from './messages';
import { findingMessage } from './report';
import type { Severity } from './checks';

export interface CellWrite {
  row: number;
  col: number;
  value: string | number;
  /** Number format for a cell the plan creates ("0.00", "0%"); never a locale form like "0,00". */
  format?: string;
}

export interface Mark {
  row: number;
  col: number;
  severity: Exclude<Severity, 'info'>;
}

export interface WritePlan {
  sheet: string;
  marks: Mark[];
  notes: { col: number; cells: CellWrite[] };
  average: { row: number; exists: boolean; insert: boolean; cells: CellWrite[] };
  sentences: CellWrite[];
}

export const NOTES_HEADER = 'Catatan Validasi';
export const FILL = { error: 'FFF4B6B6', warning: 'FFFFE699' } as const;

const SEVERITY_LABEL: Record<Severity, { id: string; en: string }> = {
  error: { id: 'Galat', en: 'Error' },
  warning: { id: 'Peringatan', en: 'Warning' },
  info: { id: 'Info', en: 'Info' },
};

const SENTENCE_START = [
  /^unsur terendah pada tingkat/,
  /merupakan unsur yang paling banyak/,
  /^the lowest unsur at/,
  /most often named as an improvement priority/,
];

function lastGridRow(grid: SheetGrid): number {
  return (grid.origin?.row ?? 1) + grid.values.length - 1;
}

function rowBlank(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  for (let c = fromCol; c <= toCol; c++) if (!isBlank(cellAt(grid, row, c))) return false;
  return true;
}

/** The notes column: an existing "Catatan Validasi" header, else the first column after the table. */
export function notesColumn(a: Analysis, grid: SheetGrid): number {
  const { table } = a;
  const right = (grid.origin?.col ?? 1) + gridWidth(grid.values) - 1;
  for (let c = 1; c <= right; c++) {
    for (const r of table.headerRows) {
      const v = cellAt(grid, r, c);
      if (typeof v === 'string' && normalise(v) === normalise(NOTES_HEADER)) return c;
    }
  }
  return table.lastCol + 1;
}

export function planWrites(a: Analysis, grid: SheetGrid, lang: Lang = 'id'): WritePlan {
  const { table, findings, district } = a;
  const R = table.columns.roles;

  // Marks: one per cell, an error outranking a warning.
  const marksByCell = new Map<string, Mark>();
  for (const f of findings) {
    if (!f.at || f.severity === 'info') continue;
    const key = `${f.at.row},${f.at.col}`;
    const prev = marksByCell.get(key);
    if (!prev || (prev.severity === 'warning' && f.severity === 'error')) {
      marksByCell.set(key, { row: f.at.row, col: f.at.col, severity: f.severity });
    }
  }

  // Notes: each record's (and unit's) messages on its first row; stale notes cleared.
  const col = notesColumn(a, grid);
  const byRow = new Map<number, string[]>();
  for (const f of findings) {
    const lines = byRow.get(f.row) ?? [];
    lines.push(
      `[${say(SEVERITY_LABEL[f.severity], lang)}] ${f.cell ? f.cell + ': ' : ''}${findingMessage(f, lang)}`,
    );
    byRow.set(f.row, lines);
  }
  const noteCells: CellWrite[] = [{ row: table.headerRows[0], col, value: NOTES_HEADER }];
  const avgRow = table.average?.row ?? null;
  const lastNoteRow = Math.max(table.lastRow, avgRow ?? 0);
  for (let row = table.firstRow; row <= lastNoteRow; row++) {
    const text = byRow.get(row)?.join('\n') ?? '';
    const existing = cellAt(grid, row, col);
    if (text || !isBlank(existing)) noteCells.push({ row, col, value: text });
  }

  // The district line: update the existing line, or add one right after the last record.
  const labelCol = R.no ?? R.unit ?? table.columns.unsur.U1 - 1;
  const exists = avgRow !== null;
  const row = avgRow ?? table.lastRow + 1;
  const insert =
    !exists && row <= lastGridRow(grid) && !rowBlank(grid, row, 1, Math.max(table.lastCol, col));
  const avgCells: CellWrite[] = [];
  if (!exists)
    avgCells.push({ row, col: labelCol, value: `RATA-RATA ${district.level.toUpperCase()}` });
  if (district.ikm !== null) {
    UNSUR_CODES.forEach((u, i) =>
      avgCells.push({
        row,
        col: table.columns.unsur[u],
        value: roundHalfAway(district.unsur[i].value, 2),
        format: '0.00',
      }),
    );
    if (R.ikm !== undefined)
      avgCells.push({ row, col: R.ikm, value: roundHalfAway(district.ikm, 2), format: '0.00' });
    if (
      R.category !== undefined &&
      district.category &&
      (!exists || !isBlank(cellAt(grid, row, R.category)))
    ) {
      avgCells.push({ row, col: R.category, value: district.category });
    }
  }
  if (R.realisation !== undefined && district.realisation !== null) {
    avgCells.push(
      table.realisationAsFraction
        ? {
            row,
            col: R.realisation,
            value: roundHalfAway(district.realisation / 100, 4),
            format: '0%',
          }
        : {
            row,
            col: R.realisation,
            value: roundHalfAway(district.realisation, 2),
            format: '0.00',
          },
    );
  }
  // An existing line keeps its own number formats; a cell left "General" would show 86 beside 87,23.
  if (exists) for (const c of avgCells) if (!isGeneral(grid, c.row, c.col)) delete c.format;

  // The sentences: in the rows that already hold them, else in the first two free rows under the line.
  const texts = [district.sentences.lowest, district.sentences.mostPrioritised].filter(
    (t): t is NonNullable<typeof t> => t !== null,
  );
  const sentenceCol = labelCol;
  const afterAvg = row + (insert ? 1 : 0);
  const existingRows: number[] = [];
  for (let r = afterAvg + 1; r <= lastGridRow(grid) + (insert ? 1 : 0); r++) {
    const v = cellAt(grid, insert ? r - 1 : r, sentenceCol);
    if (typeof v === 'string' && SENTENCE_START.some((re) => re.test(normalise(v))))
      existingRows.push(r);
  }
  let sentenceRows: number[];
  if (existingRows.length >= texts.length) {
    sentenceRows = existingRows.slice(0, texts.length);
  } else {
    let r = afterAvg + 2;
    const free = (x: number) => {
      const gridRow = insert ? x - 1 : x;
      return (
        gridRow > lastGridRow(grid) || rowBlank(grid, gridRow, 1, Math.max(table.lastCol, col))
      );
    };
    while (!texts.every((_, i) => free(r + i))) r++;
    sentenceRows = texts.map((_, i) => r + i);
  }
  const sentences = texts.map((t, i) => ({
    row: sentenceRows[i],
    col: sentenceCol,
    value: say(t, lang),
  }));

  return {
    sheet: table.sheet,
    marks: Array.from(marksByCell.values()),
    notes: { col, cells: noteCells },
    average: { row, exists, insert, cells: avgCells },
    sentences,
  };
}

/** Known to be "General"; where the reader gave no formats, nothing is assumed. */
function isGeneral(grid: SheetGrid, row: number, col: number): boolean {
  if (!grid.formats) return false;
  const f = grid.formats?.[row - (grid.origin?.row ?? 1)]?.[col - (grid.origin?.col ?? 1)];
  return !f || f === 'General';
}
