/**
 * Reads a respondents table (one row per questionnaire, one column per item)
 * from a sheet grid. The header is found by its words, as the recap reader
 * finds its own: item codes (U1..U14, "Unsur 1", P1, Q1) or the unsur names in
 * any order; a column is an item only when what stands under it reads as
 * answers, so "Saran" (a U8 word) or "Waktu pengisian" (a U3 word) holding
 * free text or dates is not taken for an unsur.
 */
import { cellAt, gridArea } from '../grid';
import type { SheetGrid } from '../model';
import { isBlank, parseNumber, type CellValue } from '../numbers';
import { matchUnsur, normalise, UNSUR_CODES, unsurByCode, type UnsurCode } from '../unsur';
import { looksLikeAnswer, readAnswer, usesSangatTidak, type Answer, type Scale } from './answers';
import { dateOrderOf, readDate, type DateOrder } from './dates';

export type ProfileField = 'jenisKelamin' | 'usia' | 'pendidikan' | 'pekerjaan' | 'layanan';
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'jenisKelamin',
  'usia',
  'pendidikan',
  'pekerjaan',
  'layanan',
];

export interface Item {
  /** "U1".."Un" as the table numbers its items (for nine items: the unsur the column names). */
  code: string;
  /** The PermenPANRB 14/2017 unsur, for a nine-item table. */
  unsur: UnsurCode | null;
  col: number;
  header: string;
  name: string;
}

export interface Column {
  col: number;
  header: string;
}

export interface RespondentRow {
  row: number;
  /** The table's cells, by column (index col - table.left). */
  cells: CellValue[];
  /** One per item, in item order. */
  answers: Answer[];
}

/** A row under the respondents that holds totals (Σ, NRR, IKM), as the official layout has. */
export interface SummaryRow {
  row: number;
  label: string;
  values: CellValue[];
}

export interface RespondentTable {
  sheet: string;
  headerRow: number;
  left: number;
  right: number;
  columns: Column[];
  items: Item[];
  profile: Partial<Record<ProfileField, number>>;
  date: number | null;
  /** How the date column writes 01/02/2025 (day first unless it shows otherwise). */
  dateOrder: DateOrder;
  numbering: number | null;
  rowTotal: number | null;
  rows: RespondentRow[];
  /** Rows with other data but no answer at all: not respondents, reported. */
  emptyAnswerRows: number[];
  summaryRows: SummaryRow[];
  /** The header row of a further questionnaire under this one: not read, said. */
  otherTableRow: number | null;
}

export type TableProblem =
  | { code: 'empty-sheet'; sheet: string }
  | { code: 'no-table'; sheet: string }
  | { code: 'items-unclear'; sheet: string; row: number };

export type TableResult =
  { ok: true; table: RespondentTable } | { ok: false; problem: TableProblem };

const HEADER_SEARCH_ROWS = 40;
const SAMPLE_ROWS = 200;

/** camelCase and snake_case headers of web exports ("jenisPelayanan", "sub_jenis_layanan") as words. */
export function headerWords(text: string): string {
  return normalise(text.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/** The item number a header states: "U1", "u 1", "Unsur 1", "P1", "Q1", "Pertanyaan 1", "U1. Persyaratan". */
function itemNumber(words: string): number | null {
  const m = /^(?:u|unsur|p|q|pertanyaan|soal|butir|item)\s?0?(\d{1,2})(?: |$)/.exec(words);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 30 ? n : null;
}

/**
 * The unsur a header names by its words ("U8 Sarana" names U9). A code before the name needs no
 * stripping: codes hold digits and are no unsur's word, and a code alone ("U8") names the unsur
 * its number gives anyway.
 */
const namedUnsur = (words: string): UnsurCode | null => matchUnsur(words);

/** Whether a header cell names an item: by code ("U1", "P 3") or by an unsur's words. */
function namesItem(text: string): boolean {
  const w = headerWords(text);
  return itemNumber(w) !== null || namedUnsur(w) !== null;
}

const PROFILE_PATTERNS: [ProfileField, RegExp][] = [
  ['jenisKelamin', /\b(jenis kelamin|jenkel|jen kel|kelamin|gender|sex|jk|l p)\b/],
  ['usia', /\b(usia|umur|age)\b/],
  ['pendidikan', /\b(pendidikan|education|pend)\b/],
  ['pekerjaan', /\b(pekerjaan|profesi|occupation|job)\b/],
  ['layanan', /\b(layanan|pelayanan|service)\b/],
];
const DATE_HEADER =
  /\b(tanggal|tgl|date|waktu|created|submitted|timestamp|dibuat|diisi|cap waktu)\b/;
const NUMBERING_HEADER =
  /^(no|nomor|no urut|no resp|no responden|nomor responden|responden|id|kode|kode peserta|kode responden|id responden)$/;
const TOTAL_HEADER =
  /^(total|jumlah|jml|skor|total skor|skor total|jumlah nilai|nilai total|total nilai|jumlah skor)$/;
/** The words a totals row's label is made of ("Jumlah Nilai per Unsur", "NRR Tertimbang", "Σ"). */
const TOTALS_WORDS = new Set([
  'jumlah',
  'jml',
  'total',
  'nilai',
  'nrr',
  'ikm',
  'rata',
  'rerata',
  'mean',
  'bobot',
  'tertimbang',
  'skor',
  'per',
  'unsur',
  'tiap',
  'x',
  'dan',
  'konversi',
  'indeks',
  'interval',
  'n',
  'sigma',
  'sum',
  'average',
  'weighted',
  'score',
  'item',
  'butir',
  'responden',
]);

/** Whether a row answers most of the items (1-4): a respondent's, who may have left one blank. */
function mostlyAnswered(answers: readonly Answer[]): boolean {
  return answers.filter((a) => a.kind === 'value').length * 2 > answers.length;
}

/** A line of notes: one text cell of several words or with a colon ("Keterangan: 1 = tidak baik"). */
function isNoteLine(cells: readonly CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  if (filled.length !== 1 || typeof filled[0] !== 'string') return false;
  const t = filled[0].trim();
  return t.includes(':') || t.split(/\s+/).length >= 3;
}

/** Whether a label says nothing but totals words. */
function isTotalsLabel(label: string): boolean {
  // Σ is no letter to normalise: it stands as the word "sigma". SUMMARY_LABEL has found a totals
  // word or Σ in the label, so there are words.
  const words = normalise(label.replace(/σ/gi, ' sigma ')).split(' ');
  return words.every((w) => TOTALS_WORDS.has(w) || /^\d+$/.test(w));
}

const SUMMARY_LABEL = /^(jumlah|total|nilai|nrr|ikm|rata|rerata|mean|bobot|tertimbang)\b|σ/i;

export function readRespondents(sheet: SheetGrid): TableResult {
  const area = gridArea(sheet);
  const get = (r: number, c: number) => cellAt(sheet, r, c);
  const text = (r: number, c: number) => {
    const v = get(r, c);
    return isBlank(v) ? '' : String(v).trim();
  };
  if (!area) return { ok: false, problem: { code: 'empty-sheet', sheet: sheet.name } };

  // The header: the row with the most item headers whose columns hold answers.
  let best: { row: number; cols: number[] } | null = null;
  const last = Math.min(area.bottom, area.top + HEADER_SEARCH_ROWS);
  for (let r = area.top; r <= last; r++) {
    const cols: number[] = [];
    for (let c = area.left; c <= area.right; c++) {
      if (!namesItem(text(r, c))) continue;
      if (holdsAnswers(sheet, r, c, area.bottom)) cols.push(c);
    }
    if (cols.length < 3) continue;
    // A row of as many items below the best so far, with no answers between them, is the nearer
    // header: the names under a row of codes (a two-row header) or a key of the codes above the
    // table. A second table under the first (answers between) is not read as the first.
    if (
      !best ||
      cols.length > best.cols.length ||
      (cols.length === best.cols.length && !answersBetween(sheet, best, r))
    )
      best = { row: r, cols };
  }
  if (!best) return { ok: false, problem: { code: 'no-table', sheet: sheet.name } };
  const headerRow = best.row;

  // The table spans the run of headed columns around its items ("Format Kolom" notes beside it are not in it).
  const headerText = (c: number) => {
    const own = text(headerRow, c);
    if (own) return own;
    // A two-row header: a label merged over both rows stands in the upper row (above the sheet's
    // first row, nothing).
    return text(headerRow - 1, c);
  };
  let left = Math.min(...best.cols);
  let right = Math.max(...best.cols);
  // Outside the sheet's cells every header is blank, so these stop at its edges.
  while (headerText(left - 1)) left--;
  while (headerText(right + 1)) right++;

  // A hidden column with the same header as a visible one (an old copy kept beside it) gives way
  // to the visible one, as the checker reads a recap.
  const hidden = new Set(sheet.hiddenCols);
  const itemHeader = (c: number) => headerWords(headerText(c));
  const headed = best.cols;
  const candidates = headed.filter(
    (c) => !hidden.has(c) || !headed.some((o) => !hidden.has(o) && itemHeader(o) === itemHeader(c)),
  );
  const items = nameItems(
    candidates,
    (c) => headerText(c),
    (c) => answerCount(sheet, headerRow, c, area.bottom),
  );
  if (!items)
    return { ok: false, problem: { code: 'items-unclear', sheet: sheet.name, row: headerRow } };
  const itemCols = new Set(items.map((i) => i.col));
  const firstItemCol = Math.min(...itemCols);

  const columns: Column[] = [];
  const profile: Partial<Record<ProfileField, number>> = {};
  let date: number | null = null;
  let numbering: number | null = null;
  let rowTotal: number | null = null;
  for (let c = left; c <= right; c++) {
    const header = headerText(c);
    columns.push({ col: c, header });
    if (itemCols.has(c) || !header) continue;
    const w = headerWords(header);
    if (numbering === null && NUMBERING_HEADER.test(w)) numbering = c;
    else if (rowTotal === null && TOTAL_HEADER.test(w)) rowTotal = c;
    else if (date === null && DATE_HEADER.test(w) && holdsDates(sheet, headerRow, c, area.bottom))
      date = c;
    else {
      // "id_sub_jenis" or "kode layanan" are keys, not the service itself.
      const field = PROFILE_PATTERNS.find(([, re]) => re.test(w) && !/\b(id|kode)\b/.test(w));
      if (field && profile[field[0]] === undefined) profile[field[0]] = c;
    }
  }

  // Each item column's scale: a column that uses "sangat tidak X" reads "tidak X" as 2.
  const scales: Scale[] = items.map((it) => ({
    sangatTidak: columnHas(sheet, headerRow, it.col, area.bottom, usesSangatTidak),
  }));

  /**
   * Whether the next row below `from` holding anything in the items answers most of them (a
   * respondent, who may have left one blank), not a header, sums, a legend or notes. The answer is
   * kept for the rows up to that row, so a long run of rows without answers is looked through once.
   */
  let seenUpTo = 0;
  let seenRespondent = false;
  const respondentsFollow = (from: number): boolean => {
    if (from < seenUpTo) return seenRespondent;
    seenRespondent = false;
    seenUpTo = area.bottom + 1;
    for (let rr = from + 1; rr <= area.bottom; rr++) {
      const next = items.map((it, i) => readAnswer(get(rr, it.col), scales[i]));
      if (next.every((a) => a.kind === 'blank')) continue;
      seenUpTo = rr;
      seenRespondent = mostlyAnswered(next);
      break;
    }
    return seenRespondent;
  };

  const rows: RespondentRow[] = [];
  const emptyAnswerRows: number[] = [];
  const summaryRows: SummaryRow[] = [];
  let otherTableRow: number | null = null;
  let afterGap = false;
  let r = headerRow + 1;
  if (isNumberingRow(sheet, r, left, right)) r++;
  for (; r <= area.bottom; r++) {
    const cells: CellValue[] = [];
    let any = false;
    for (let c = left; c <= right; c++) {
      const v = get(r, c);
      cells.push(v);
      if (!isBlank(v)) any = true;
    }
    if (!any) {
      if (rows.length > 0) afterGap = true;
      continue;
    }
    // A further questionnaire's header (items named again over their columns) ends this one.
    if (items.filter((it) => namesItem(text(r, it.col))).length >= 3) {
      otherTableRow = r;
      break;
    }
    // A totals row is labelled in its first cell, left of the items (a "Saran" may start with "Rata-rata").
    const firstFilled = cells.findIndex((v) => !isBlank(v));
    const label = left + firstFilled < firstItemCol ? cells[firstFilled] : null;
    const answers = items.map((it, i) => readAnswer(get(r, it.col), scales[i]));
    if (
      typeof label === 'string' &&
      SUMMARY_LABEL.test(normalise(label) || label) &&
      // A respondent or service named "Nilai Setiawati" or "Total Perizinan" answers the items (an
      // item left blank or not); a totals row either says nothing but totals words or holds sums
      // and means, not answers.
      (isTotalsLabel(label) || !mostlyAnswered(answers))
    ) {
      // The label as typed: its readers normalise it.
      summaryRows.push({ row: r, label, values: items.map((it) => get(r, it.col)) });
      continue;
    }
    if (summaryRows.length > 0) break;
    const filled = answers.filter((a) => a.kind !== 'blank').length;
    // Notes, legends and a signature under the table, after a blank row, end it: rows answering no
    // item, with words over at most half of them ("Martapura, 5 Januari 2026" may stand over U7).
    // Where respondents follow, nobody is dropped.
    const answersNone = !answers.some((a) => a.kind === 'value') && filled * 2 <= items.length;
    if (afterGap && answersNone && !respondentsFollow(r)) break;
    if (filled === 0) {
      // A note line among respondents, or an instruction between the header and the first one
      // ("Petunjuk: isi 1 sampai 4"), is passed over; any other row without answers is a
      // questionnaire returned empty (said as such).
      if (isNoteLine(cells) && (afterGap || rows.length === 0)) continue;
      emptyAnswerRows.push(r);
      continue;
    }
    rows.push({ row: r, cells, answers });
  }

  return {
    ok: true,
    table: {
      sheet: sheet.name,
      headerRow,
      left,
      right,
      columns,
      items,
      profile,
      date,
      dateOrder: date === null ? 'dmy' : dateOrderOf(rows.map((r) => r.cells[date! - left])),
      numbering,
      rowTotal,
      rows,
      emptyAnswerRows,
      summaryRows,
      otherTableRow,
    },
  };
}

/**
 * The items in order. Nine columns are the nine unsur, matched by name where
 * the header names one (published tables swap U8 and U9) and by code where it
 * does not; another count is ordered by its codes where each has its own (Q6, Q2, Q4 read Q2
 * first), or by position where not.
 */
function nameItems(
  cols: number[],
  header: (c: number) => string,
  answers: (c: number) => number,
): Item[] | null {
  let parsed = cols.map((col) => {
    const h = header(col);
    const w = headerWords(h);
    return { col, header: h, n: itemNumber(w), named: namedUnsur(w) };
  });
  // Where the items are numbered, a column named only by a word ("Saran") is not one of them.
  if (parsed.filter((p) => p.n !== null).length >= 3) parsed = parsed.filter((p) => p.n !== null);
  // Questions by name (a form's export): columns that name all nine unsur, more than nine of them,
  // hold an extra one, such as an empty "Saran dan masukan"; each unsur keeps the column with most
  // answers. (Every item column has a code or names an unsur, so without codes each names one.)
  if (parsed.every((p) => p.n === null) && new Set(parsed.map((p) => p.named)).size === 9) {
    const keep = new Map<UnsurCode | null, (typeof parsed)[number]>();
    for (const p of parsed) {
      const known = keep.get(p.named);
      if (!known || answers(p.col) > answers(known.col)) keep.set(p.named, p);
    }
    parsed = parsed.filter((p) => keep.get(p.named) === p);
  }
  if (parsed.length === 9) {
    const codes = parsed.map(
      // A column not named by an unsur has a code (see above).
      (p) => p.named ?? (p.n! <= 9 ? UNSUR_CODES[p.n! - 1] : null),
    );
    if (codes.every((c) => c !== null) && new Set(codes).size === 9) {
      return parsed
        .map((p, i) => ({
          code: codes[i]!,
          unsur: codes[i],
          col: p.col,
          header: p.header,
          name: unsurByCode(codes[i]!).name,
        }))
        .sort((a, b) => UNSUR_CODES.indexOf(a.code) - UNSUR_CODES.indexOf(b.code));
    }
    return null;
  }
  const numbers = parsed.map((p) => p.n);
  const byCode = numbers.every((n) => n !== null) && new Set(numbers).size === numbers.length;
  const ordered = byCode ? [...parsed].sort((a, b) => a.n! - b.n!) : parsed;
  return ordered.map((p, i) => ({
    code: `U${i + 1}`,
    unsur: null,
    col: p.col,
    header: p.header,
    name: p.header,
  }));
}

/** Whether a row between a header candidate and a later row holds an answer in the candidate's items. */
function answersBetween(
  sheet: SheetGrid,
  upper: { row: number; cols: number[] },
  lower: number,
): boolean {
  for (let r = upper.row + 1; r < lower; r++)
    if (upper.cols.some((c) => looksLikeAnswer(cellAt(sheet, r, c)))) return true;
  return false;
}

/** Whether the cells under a header read as answers (at least half of those filled), or are all blank. */
function holdsAnswers(sheet: SheetGrid, headerRow: number, col: number, bottom: number): boolean {
  let filled = 0;
  let answers = 0;
  for (let r = headerRow + 1; r <= bottom && filled < SAMPLE_ROWS; r++) {
    const v = cellAt(sheet, r, col);
    if (isBlank(v)) continue;
    filled++;
    if (looksLikeAnswer(v)) answers++;
  }
  return answers * 2 >= filled;
}

function answerCount(sheet: SheetGrid, headerRow: number, col: number, bottom: number): number {
  let answers = 0;
  for (let r = headerRow + 1; r <= bottom; r++)
    if (looksLikeAnswer(cellAt(sheet, r, col))) answers++;
  return answers;
}

function holdsDates(sheet: SheetGrid, headerRow: number, col: number, bottom: number): boolean {
  let filled = 0;
  let dates = 0;
  for (let r = headerRow + 1; r <= bottom && filled < SAMPLE_ROWS; r++) {
    const v = cellAt(sheet, r, col);
    if (isBlank(v)) continue;
    filled++;
    if (readDate(v) ?? readDate(v, 'mdy')) dates++;
  }
  // A column of blanks so far (0 of 0) is taken: its header says date.
  return dates * 2 >= filled;
}

function columnHas(
  sheet: SheetGrid,
  headerRow: number,
  col: number,
  bottom: number,
  test: (v: CellValue) => boolean,
): boolean {
  for (let r = headerRow + 1; r <= bottom; r++) if (test(cellAt(sheet, r, col))) return true;
  return false;
}

/** A row of column numbers under the header ("1 2 3 ..." or "(1) (2) ..."). */
function isNumberingRow(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  let expected = 1;
  for (let c = left; c <= right; c++) {
    const v = cellAt(sheet, row, c);
    if (isBlank(v)) continue;
    const p = parseNumber(String(v).replace(/[()]/g, ''));
    if (p.kind !== 'number' || p.value !== expected) return false;
    expected++;
  }
  return expected > 5;
}
