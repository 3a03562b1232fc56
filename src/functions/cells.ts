/**
 * Reading the ranges Excel hands to the SKM custom functions: which shape is
 * which (a line of nine unsur, the two lines of a recap record, a matrix of
 * answers), blanks, text numbers with a decimal comma, and the messages that
 * say what is wrong. Pure: no Office.js here.
 *
 * Blanks arrive as null or ""; some older desktop builds send 0 for blank
 * cells of a range. No SKM value can be 0 (answers are 1-4, NRR 1-4,
 * converted values 25-100), so a 0 inside a value range is read as blank.
 */
import {
  decimalsOf,
  formatId,
  halfUnit,
  numberOrNull,
  parseNumber,
  type CellValue,
  type ParsedNumber,
} from '../engine/numbers';
import { EPSILON, lineDecimals } from '../engine/precision';
import { CONVERSION, nrr as nrrOf } from '../engine/scores';
import { UNSUR } from '../engine/unsur';
import { invalidNumber, invalidValue } from './errors';

export const UNSUR_COUNT = 9;
export const NRR_RANGE = { min: 1, max: 4 } as const;
export const CONVERTED_RANGE = { min: 25, max: 100 } as const;

/** A range as the runtime passes it (any[][]), or a scalar where a formula typed one. */
export type RangeInput = unknown;

type Scale = 'nrr' | 'conv';

/** A number as typed, for messages: its own decimals, Indonesian form (3,379). */
export function show(x: number): string {
  return formatId(x, Math.min(decimalsOf(x), 6));
}

export function unsurLabel(index: number): string {
  return `unsur ke-${index + 1} (${UNSUR[index].name})`;
}

function position(row: number, col: number): string {
  return `baris ${row + 1} kolom ${col + 1}`;
}

/** True for what Excel sends for an empty cell (null, "", whitespace). */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The range as a rectangular matrix; a scalar becomes 1x1. */
export function asMatrix(input: RangeInput, param: string): CellValue[][] {
  if (!Array.isArray(input)) {
    if (isBlankCell(input)) throw invalidValue(`${param} kosong.`);
    return [[input as CellValue]];
  }
  const rows = input.map((r) => (Array.isArray(r) ? (r as CellValue[]) : [r as CellValue]));
  const width = rows.length > 0 ? rows[0].length : 0;
  if (rows.length === 0 || width === 0) throw invalidValue(`${param} kosong.`);
  if (rows.some((r) => r.length !== width))
    throw invalidValue(`${param} bukan rentang persegi panjang.`);
  return rows;
}

/**
 * Reads one cell as a number, or blank. Text that is not a number, an error
 * value or TRUE/FALSE is #VALUE!, naming the cell.
 */
export function readNumber(
  v: CellValue,
  param: string,
  where: string,
  zeroIsBlank: boolean,
): ParsedNumber {
  if (typeof v === 'boolean')
    throw invalidValue(`${param}: ${where} berisi ${v ? 'TRUE' : 'FALSE'}, bukan angka.`);
  const p = parseNumber(v);
  if (p.kind === 'error') throw invalidValue(`${param}: ${where} berisi galat ${p.text}.`);
  if (p.kind === 'text')
    throw invalidValue(`${param}: ${where} berisi teks "${p.text}", bukan angka.`);
  if (p.kind === 'number' && p.value === 0 && zeroIsBlank) return { kind: 'blank' };
  return p;
}

interface Line {
  cells: ParsedNumber[];
  /** 0-based position of the line in the range (row, or column for a 9x1 / 9x2 range). */
  index: number;
}

function hasNumber(line: Line): boolean {
  return line.cells.some((c) => c.kind === 'number');
}

/**
 * The lines of nine a range holds: its rows when it is nine columns wide, its
 * columns when it is nine rows tall and one or two columns wide.
 */
function linesOf(
  m: CellValue[][],
  param: string,
  shapes: string,
): { lines: Line[]; byRows: boolean } {
  const rows = m.length;
  const cols = m[0].length;
  if (cols === UNSUR_COUNT) {
    const lines = m.map((r, i) => ({
      index: i,
      cells: r.map((v, j) => readNumber(v, param, position(i, j), true)),
    }));
    return { lines, byRows: true };
  }
  if (rows === UNSUR_COUNT && cols <= 2) {
    const lines: Line[] = [];
    for (let j = 0; j < cols; j++) {
      lines.push({
        index: j,
        cells: m.map((r, i) => readNumber(r[j], param, position(i, j), true)),
      });
    }
    return { lines, byRows: false };
  }
  throw invalidValue(`${param} berukuran ${rows}x${cols}; yang diterima: ${shapes}.`);
}

function isAnswer(p: ParsedNumber): boolean {
  return (
    p.kind !== 'number' ||
    (Number.isInteger(p.value) && p.value >= NRR_RANGE.min && p.value <= NRR_RANGE.max)
  );
}

function scaleOf(x: number): Scale | null {
  if (x >= NRR_RANGE.min - EPSILON && x <= NRR_RANGE.max + EPSILON) return 'nrr';
  if (x >= CONVERTED_RANGE.min - EPSILON && x <= CONVERTED_RANGE.max + EPSILON) return 'conv';
  return null;
}

/** A complete line of nine on one scale, or the error that says why not. */
function readLine(line: Line, param: string): { values: number[]; scale: Scale; decimals: number } {
  const values: number[] = [];
  const scales: Scale[] = [];
  line.cells.forEach((p, i) => {
    if (p.kind !== 'number')
      throw invalidValue(`${param}: nilai ${unsurLabel(i)} kosong; kesembilan unsur harus terisi.`);
    const s = scaleOf(p.value);
    if (!s) {
      throw invalidNumber(
        `${param}: nilai ${unsurLabel(i)} = ${show(p.value)} di luar rentang NRR (1-4) dan nilai konversi (25-100).`,
      );
    }
    values.push(p.value);
    scales.push(s);
  });
  if (scales.some((s) => s !== scales[0])) {
    const a = scales.indexOf('nrr');
    const b = scales.indexOf('conv');
    throw invalidValue(
      `${param}: satu baris mencampur NRR (1-4) dan nilai konversi (25-100): ` +
        `${unsurLabel(a)} = ${show(values[a])}, ${unsurLabel(b)} = ${show(values[b])}.`,
    );
  }
  return { values, scale: scales[0], decimals: lineDecimals(line.cells) };
}

/** Nine NRR from a matrix of answers 1-4, one respondent per row; blank answers are skipped. */
function nrrFromAnswers(lines: Line[], param: string): number[] {
  for (const line of lines) {
    line.cells.forEach((p, j) => {
      if (!isAnswer(p) && p.kind === 'number') {
        throw invalidNumber(
          `${param}: jawaban ${position(line.index, j)} = ${show(p.value)}; jawaban harus bilangan bulat 1-4.`,
        );
      }
    });
  }
  const out: number[] = [];
  for (let j = 0; j < UNSUR_COUNT; j++) {
    const v = nrrOf(lines.map((l) => numberOrNull(l.cells[j])));
    if (v === null) throw invalidValue(`${param}: ${unsurLabel(j)} belum punya jawaban.`);
    out.push(v);
  }
  return out;
}

export interface UnsurValues {
  /** The nine values on the 25-100 scale (NRR x 25 where only NRR were given). */
  converted: number[];
  /** The nine NRR where the input gave them (an NRR line, a record, answers). */
  nrr: number[] | null;
  source: 'nrr' | 'conv' | 'record' | 'answers';
}

const VALUE_SHAPES =
  '1x9 atau 9x1 (NRR atau nilai konversi), 2x9 atau 9x2 (baris NRR dan baris konversi), atau n x 9 jawaban 1-4';

/**
 * The nine unsur values a range stands for. Which shape is which:
 * - one filled line of nine: NRR (1-4) or converted values (25-100);
 * - two filled lines that are both whole answers 1-4, or three or more rows of
 *   nine: answers, one respondent per row;
 * - two filled lines otherwise: a recap record, an NRR line and its converted
 *   line (either order), which must agree within the precision they were typed
 *   with (docs/skm-rules.md §5: |conv - 25 nrr| <= 25 h(nrr) + h(conv)).
 */
export function readUnsurValues(input: RangeInput, param: string): UnsurValues {
  const m = asMatrix(input, param);
  const fast = answersFast(m);
  if (fast) return { converted: fast.map((v) => v * CONVERSION), nrr: fast, source: 'answers' };
  const { lines, byRows } = linesOf(m, param, VALUE_SHAPES);
  const filled = lines.filter(hasNumber);
  if (filled.length === 0) throw invalidValue(`${param} kosong.`);

  const allAnswers = filled.every((l) => l.cells.every(isAnswer));
  if (byRows && (filled.length >= 3 || (filled.length === 2 && allAnswers))) {
    const nrr = nrrFromAnswers(filled, param);
    return { converted: nrr.map((v) => v * CONVERSION), nrr, source: 'answers' };
  }
  if (filled.length === 1) {
    const line = readLine(filled[0], param);
    return line.scale === 'nrr'
      ? { converted: line.values.map((v) => v * CONVERSION), nrr: line.values, source: 'nrr' }
      : { converted: line.values, nrr: null, source: 'conv' };
  }
  return readRecord(filled[0], filled[1], param);
}

function readRecord(first: Line, second: Line, param: string): UnsurValues {
  const a = readLine(first, param);
  const b = readLine(second, param);
  if (a.scale === b.scale) {
    const what = a.scale === 'nrr' ? 'NRR (1-4)' : 'nilai konversi (25-100)';
    throw invalidValue(
      `${param}: kedua baris berisi ${what}; rekap harus satu baris NRR dan satu baris nilai konversi ` +
        `(jawaban responden: bilangan bulat 1-4, n x 9, satu baris per responden).`,
    );
  }
  const [n, c] = a.scale === 'nrr' ? [a, b] : [b, a];
  const tolerance = CONVERSION * halfUnit(n.decimals) + halfUnit(c.decimals) + EPSILON;
  const mismatches: string[] = [];
  n.values.forEach((v, i) => {
    if (Math.abs(c.values[i] - CONVERSION * v) > tolerance) {
      mismatches.push(
        `${unsurLabel(i)}: ${show(v)} x 25 = ${show(CONVERSION * v)}, tertulis ${show(c.values[i])}`,
      );
    }
  });
  if (mismatches.length > 0) {
    const more = mismatches.length > 3 ? ` (dan ${mismatches.length - 3} unsur lain)` : '';
    throw invalidValue(
      `${param}: baris NRR dan baris konversi tidak cocok: ${mismatches.slice(0, 3).join('; ')}${more}.`,
    );
  }
  return { converted: c.values, nrr: n.values, source: 'record' };
}

/**
 * The common case of a large answer matrix, without a parsed object per cell
 * (100,000 respondents in a few milliseconds): plain numbers 1-4 and blanks
 * (0 read as blank) in at least `minRows` filled rows of nine. Anything else
 * (text, errors, other numbers, a missing unsur) returns null, and the general
 * reading gives the answer or the precise error.
 */
function answersFast(m: CellValue[][], minRows = 3): number[] | null {
  if (m.length < minRows || m[0].length !== UNSUR_COUNT) return null;
  const sum = new Array<number>(UNSUR_COUNT).fill(0);
  const count = new Array<number>(UNSUR_COUNT).fill(0);
  let filledRows = 0;
  for (const row of m) {
    let filled = false;
    for (let j = 0; j < UNSUR_COUNT; j++) {
      const v = row[j];
      if (typeof v === 'number') {
        if (v === 0) continue;
        if (v !== 1 && v !== 2 && v !== 3 && v !== 4) return null;
        sum[j] += v;
        count[j]++;
        filled = true;
      } else if (!(v === null || v === undefined || v === '')) {
        return null;
      }
    }
    if (filled) filledRows++;
  }
  if (filledRows < minRows || count.some((c) => c === 0)) return null;
  return sum.map((s, j) => s / count[j]);
}

/** Nine NRR from an n x 9 matrix of answers 1-4 (one respondent per row). */
export function readAnswers(input: RangeInput, param: string): number[] {
  const m = asMatrix(input, param);
  const fast = answersFast(m, 1);
  if (fast) return fast;
  if (m[0].length !== UNSUR_COUNT) {
    throw invalidValue(
      `${param} berukuran ${m.length}x${m[0].length}; jawaban harus 9 kolom, satu kolom per unsur, satu baris per responden.`,
    );
  }
  const { lines } = linesOf(m, param, 'n x 9');
  const filled = lines.filter(hasNumber);
  if (filled.length === 0) throw invalidValue(`${param} kosong: belum ada jawaban.`);
  return nrrFromAnswers(filled, param);
}

/**
 * The one or two lines of nine of a recap record, raw (the checker reads
 * them), with 0 read as blank and all-blank lines left out.
 */
export function readRecordLines(input: RangeInput, param: string): CellValue[][] {
  const m = asMatrix(input, param);
  const rows = m.length;
  const cols = m[0].length;
  let lines: CellValue[][];
  if (cols === UNSUR_COUNT && rows <= 2) lines = m.map((r) => [...r]);
  else if (rows === UNSUR_COUNT && cols <= 2)
    lines = Array.from({ length: cols }, (_, j) => m.map((r) => r[j]));
  else
    throw invalidValue(
      `${param} berukuran ${rows}x${cols}; yang diterima: 1x9, 9x1, 2x9 atau 9x2 (baris NRR dan/atau baris konversi).`,
    );
  return lines
    .map((line) => line.map((v) => (v === 0 ? null : v)))
    .filter((line) => line.some((v) => !isBlankCell(v)));
}

/** A list of nine labels (1x9 or 9x1); blank entries are null. */
export function readNames(input: RangeInput, param: string): (string | null)[] {
  const m = asMatrix(input, param);
  const flat = m.length === 1 ? m[0] : m[0].length === 1 ? m.map((r) => r[0]) : null;
  if (!flat || flat.length !== UNSUR_COUNT) {
    throw invalidValue(
      `${param} berukuran ${m.length}x${m[0].length}; nama harus sembilan sel (1x9 atau 9x1).`,
    );
  }
  return flat.map((v) => (isBlankCell(v) || v === 0 ? null : String(v).trim()));
}
