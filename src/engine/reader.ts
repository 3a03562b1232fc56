/**
 * Reads the recap layout (docs/skm-rules.md §6) from a sheet grid: finds the
 * header rows, maps columns by name, groups rows into units and two-line
 * records, and stops at RATA-RATA KABUPATEN.
 */
import { a1, type Area } from './address';
import {
  isBlank,
  parseNumber,
  type CellValue,
  type ParseOptions,
  type ParsedNumber,
} from './numbers';
import { matchUnsur, normalise, parsePriorityList, UNSUR_CODES, type UnsurCode } from './unsur';
import type {
  AverageLine,
  ColumnMap,
  ColumnRole,
  Line,
  LineScale,
  ReadCell,
  RecapTable,
  SheetGrid,
  SkmRecord,
  TableEnd,
  HiddenColumn,
  Unit,
} from './model';
import { problems, type Text } from './messages';
import { isFooterText } from './table-end';
import { isOwnHeader } from './own-columns';
import { gridWidth } from './grid';
import { asMergeTable, type MergeTable } from './merges';
import { parsePeriod } from './periods';

export { parsePeriod };

export interface ReadProblem {
  code: 'empty-sheet' | 'no-table' | 'unsur-columns-missing' | 'no-unit-column';
  sheet: string;
  message: Text;
}

export type ReadResult = { ok: true; table: RecapTable } | { ok: false; problem: ReadProblem };

/** How far down a sheet the header is looked for. */
const HEADER_SEARCH_ROWS = 60;

/** Keywords of each column role, tested in this order (the first match wins). */
const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['realisation', /\brealisasi\b/],
  ['rtl', /\b(rencana tindak lanjut|tindak lanjut|rtl)\b/],
  ['priority', /\b(unsur prioritas|prioritas|perbaikan)\b/],
  ['respondents', /\bresponden\b/],
  ['method', /\b(metode|metoda)\b/],
  ['category', /\b(kategori|mutu|predikat|kinerja)\b/],
  ['ikm', /\b(ikm|indeks kepuasan|nilai indeks)\b/],
  ['period', /\b(periode|semester|triwulan)\b/],
  ['no', /^(no|nomor|no urut|nomor urut)$/],
  ['unit', /\b(unit|upp|opd|opp|perangkat daerah|nama|instansi|skpd|satuan kerja)\b/],
];
const SERVICES_PATTERN = /\b(jenis layanan|jenis pelayanan|layanan|pelayanan)\b/;
// The district line's label: "RATA-RATA KABUPATEN", "Rerata", "Nilai Rata-rata", "IKM Rata-rata
// Kota", "Nilai IKM Rata-rata"; a note that mentions an average further in is no such line.
const AVERAGE_PATTERN = /^(nilai )?(ikm )?(rata rata|rata2|rerata)\b/;
const PLAIN: ParseOptions = {};
const COUNTS: ParseOptions = { counts: true };

/** Roles whose cells are merged over a record's two lines. */
const RECORD_ROLES: ColumnRole[] = [
  'period',
  'ikm',
  'category',
  'respondents',
  'method',
  'priority',
  'rtl',
  'realisation',
];

class Grid {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The merged areas that reach into the rows where a header may stand. */
  private readonly headerMerges: Area[] = [];
  private readonly merges: MergeTable;

  constructor(readonly sheet: SheetGrid) {
    this.top = sheet.origin?.row ?? 1;
    this.left = sheet.origin?.col ?? 1;
    this.bottom = this.top + sheet.values.length - 1;
    this.right = this.left + gridWidth(sheet.values) - 1;
    const headerLimit = this.top + HEADER_SEARCH_ROWS + 1;
    // Indexed loops over the table's numbers: this pass and mergeEnds() see every merged area of
    // the sheet (close to a million in a national recap).
    this.merges = asMergeTable(sheet.merges);
    const d = this.merges.data;
    for (let k = 0, end = this.merges.length * 4; k < end; k += 4)
      if (d[k] <= headerLimit)
        this.headerMerges.push({ top: d[k], left: d[k + 1], bottom: d[k + 2], right: d[k + 3] });
  }

  get(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.top];
    return r ? r[col - this.left] : undefined;
  }

  format(row: number, col: number): string | null {
    const r = this.sheet.formats?.[row - this.top];
    return (r && r[col - this.left]) || null;
  }

  text(row: number, col: number | undefined): string {
    if (col === undefined) return '';
    const v = this.get(row, col);
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v.trim() : String(v);
  }

  /**
   * For each row of the grid (index row - top), the last row of the merged areas that start in that
   * row in one of these columns; 0 where none does. One pass over the merges, no object per merge.
   */
  mergeEnds(cols: readonly number[]): Int32Array {
    const ends = new Int32Array(this.bottom - this.top + 1);
    const d = this.merges.data;
    for (let k = 0, end = this.merges.length * 4; k < end; k += 4) {
      // An area starting outside the grid reads ends[at] as undefined: no number is greater.
      const at = d[k] - this.top;
      if (d[k + 2] > ends[at] && cols.includes(d[k + 1])) ends[at] = d[k + 2];
    }
    return ends;
  }

  /**
   * The merged area covering a cell in the header rows, if any (the first listed, where a damaged
   * file overlaps them). Indexed once, each cell of the header band filled at most once, so that
   * many or large merged areas cost no more than the band itself.
   */
  covering(row: number, col: number): Area | undefined {
    this.cover ??= this.indexCover();
    return this.cover[row - this.top]?.[col - this.left];
  }

  private cover: (Area | undefined)[][] | undefined;

  private indexCover(): (Area | undefined)[][] {
    const rows = Math.max(
      0,
      Math.min(this.bottom, this.top + HEADER_SEARCH_ROWS + 1) - this.top + 1,
    );
    const width = Math.max(0, this.right - this.left + 1);
    const cover: (Area | undefined)[][] = [];
    // next[r][c]: the first column index at or after c not yet covered (path-halving skip list).
    const next: Int32Array[] = [];
    for (let r = 0; r < rows; r++) {
      cover.push([]);
      const n = new Int32Array(width + 1);
      for (let c = 0; c <= width; c++) n[c] = c;
      next.push(n);
    }
    const free = (n: Int32Array, c: number): number => {
      while (n[c] !== c) {
        n[c] = n[n[c]];
        c = n[c];
      }
      return c;
    };
    for (const m of this.headerMerges) {
      const r0 = Math.max(m.top, this.top) - this.top;
      const r1 = Math.min(m.bottom - this.top, rows - 1);
      const c1 = Math.min(m.right, this.right) - this.left;
      for (let r = r0; r <= r1; r++) {
        const n = next[r];
        for (let c = free(n, Math.max(m.left - this.left, 0)); c <= c1; c = free(n, c + 1)) {
          cover[r][c] = m;
          n[c] = c + 1;
        }
      }
    }
    return cover;
  }

  /** Whether a sheet column is hidden in the workbook. */
  isHidden(col: number): boolean {
    this.hidden ??= new Set(this.sheet.hiddenCols);
    return this.hidden.has(col);
  }

  private hidden: Set<number> | undefined;

  rowIsBlank(row: number, from = this.left, to = this.right): boolean {
    // Callers ask for rows of the grid only (top to bottom), each an array.
    const r = this.sheet.values[row - this.top];
    // A sparse row ends at its last cell: what lies beyond is blank.
    for (let i = from - this.left, end = Math.min(to - this.left, r.length - 1); i <= end; i++)
      if (!isBlank(r[i])) return false;
    return true;
  }
}

function classifyHeader(text: string): ColumnRole | UnsurCode | 'services' | null {
  const n = normalise(text);
  // "U1", "Unsur 1", and a code after a word: "Nilai U1", "NRR Unsur 1".
  const numbered = /(?:^|\s)(?:u|unsur)\s?([1-9])$/.exec(n);
  if (numbered) return `U${numbered[1]}` as UnsurCode;
  // A code column ("Kode Unit", "Kode OPD") names no unit: it is left as an extra column.
  if (/\b(kode|id)\b/.test(n)) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(n)) return role;
  const u = matchUnsur(text);
  if (u) return u;
  if (SERVICES_PATTERN.test(n)) return 'services';
  return null;
}

/** Header text of a cell, taking a merged header's value where the cell is covered by one. */
function headerText(g: Grid, row: number, col: number): string {
  const own = g.text(row, col);
  if (own) return own;
  // The merged areas are indexed on the rows they cover, so one found starts at or above the row.
  const m = g.covering(row, col);
  return m ? g.text(m.top, m.left) : '';
}

/** A header of the table's own: not blank, and not one of the columns SKM Rekap writes beside it. */
const isTableHeader = (text: string): boolean => text !== '' && !isOwnHeader(text);

interface HeaderFound {
  rows: number[];
  columns: ColumnMap;
  lastCol: number;
}

function findHeader(g: Grid): HeaderFound | null {
  const limit = Math.min(g.bottom, g.top + HEADER_SEARCH_ROWS);
  for (let r = g.top; r <= limit; r++) {
    // A two-row header: the unsur names stand in the row under "Nilai Per Unsur" (under the
    // sheet's last row, nothing).
    const rows = [r, r + 1];
    const columns = mapColumns(g, rows);
    const unsurFound = UNSUR_CODES.filter((u) => columns.unsur[u] !== undefined).length;
    const rolesFound = Object.keys(columns.roles).length;
    if (unsurFound >= 5 && rolesFound >= 2) {
      // Keep the second row only when it adds something to the first.
      const single = mapColumns(g, [r]);
      const singleUnsur = UNSUR_CODES.filter((u) => single.unsur[u] !== undefined).length;
      const useRows =
        singleUnsur === unsurFound && Object.keys(single.roles).length >= rolesFound ? [r] : rows;
      const finalColumns = useRows.length === 1 ? single : columns;
      let lastCol = 0;
      for (let c = g.left; c <= g.right; c++) {
        if (useRows.some((hr) => isTableHeader(headerText(g, hr, c)))) lastCol = c;
      }
      return { rows: useRows, columns: finalColumns, lastCol };
    }
  }
  return null;
}

function mapColumns(g: Grid, rows: number[]): ColumnMap {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const unsur = {} as Record<UnsurCode, number>;
  const headers: Record<number, string> = {};
  for (let c = g.left; c <= g.right; c++) {
    const texts = rows.map((r) => headerText(g, r, c)).filter(Boolean);
    if (texts.length === 0 || texts.some(isOwnHeader)) continue;
    headers[c] = Array.from(new Set(texts)).join(' / ');
    // The lowest header row is the most specific ("Persyaratan" under "Nilai Per Unsur").
    let kind: ReturnType<typeof classifyHeader> = null;
    for (let i = texts.length - 1; i >= 0 && !kind; i--) kind = classifyHeader(texts[i]);
    if (!kind) continue;
    // The first column of each kind wins, but a visible one over a hidden one (a stale hidden IKM).
    if ((UNSUR_CODES as readonly string[]).includes(kind)) {
      const code = kind as UnsurCode;
      if (unsur[code] === undefined || (g.isHidden(unsur[code]) && !g.isHidden(c))) unsur[code] = c;
    } else {
      const role = kind as ColumnRole;
      if (roles[role] === undefined || (g.isHidden(roles[role]) && !g.isHidden(c))) roles[role] = c;
    }
  }
  return { roles, unsur, headers };
}

/** The scale of a line: NRR (1-4), converted (25-100), or mixed. */
export function lineScale(values: ParsedNumber[]): LineScale {
  let small = false;
  let large = false;
  let between = false;
  for (const v of values) {
    if (v.kind !== 'number') continue;
    if (v.value <= 4.5) small = true;
    else if (v.value >= 20) large = true;
    else between = true;
  }
  if (small && large) return 'mixed';
  if (large) return 'conv';
  if (small) return 'nrr';
  return between ? 'mixed' : 'blank';
}

function hasAnyValue(values: ParsedNumber[]): boolean {
  for (const v of values) if (v.kind !== 'blank') return true;
  return false;
}

function unitNo(v: CellValue): number | string | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return v;
  const s = String(v).trim().replace(/[.)]$/, '');
  return /^\d+$/.test(s) ? Number(s) : s;
}

export function readRecap(sheet: SheetGrid): ReadResult {
  const g = new Grid(sheet);
  if (allBlank(g)) {
    return {
      ok: false,
      problem: { code: 'empty-sheet', sheet: sheet.name, message: problems.emptySheet(sheet.name) },
    };
  }
  const header = findHeader(g);
  if (!header) {
    return {
      ok: false,
      problem: { code: 'no-table', sheet: sheet.name, message: problems.noTable(sheet.name) },
    };
  }
  const { columns } = header;
  const missing = UNSUR_CODES.filter((u) => columns.unsur[u] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      problem: {
        code: 'unsur-columns-missing',
        sheet: sheet.name,
        message: problems.unsurColumnsMissing(sheet.name, missing, header.rows),
      },
    };
  }
  if (columns.roles.no === undefined && columns.roles.unit === undefined) {
    return {
      ok: false,
      problem: {
        code: 'no-unit-column',
        sheet: sheet.name,
        message: problems.noUnitColumn(sheet.name, header.rows),
      },
    };
  }
  // A table without units is still a table: the shells say so (the checker exits 2, the pane offers
  // no write), and analyseWorkbook prefers a sheet whose table lists units.
  const table = readBody(g, header);
  const hiddenColumns = hiddenHeaderColumns(g, columns);
  if (hiddenColumns.length > 0) table.hiddenColumns = hiddenColumns;
  return { ok: true, table };
}

/** Whether a sheet has the header of a recap table (to list the recap sheets not checked). */
export function hasRecapHeader(sheet: SheetGrid): boolean {
  return findHeader(new Grid(sheet)) !== null;
}

/** The header's columns hidden in the workbook, each said as used or passed over. */
function hiddenHeaderColumns(g: Grid, columns: ColumnMap): HiddenColumn[] {
  const used = new Set<number>([
    ...Object.values(columns.roles),
    ...Object.values(columns.unsur),
  ] as number[]);
  const out: HiddenColumn[] = [];
  for (const [key, header] of Object.entries(columns.headers)) {
    const col = Number(key);
    if (g.isHidden(col)) out.push({ col, header, used: used.has(col) });
  }
  return out;
}

/**
 * Whether a row holds a table header of its own (a second table under the first). Only rows with
 * words in at least five cells (of `cols` where given: a record's unsur cells hold numbers) are
 * mapped, so that the test costs little on the rows of a table.
 */
function isHeaderRow(g: Grid, row: number, cols?: readonly number[]): boolean {
  const r = g.sheet.values[row - g.top];
  let texts = 0;
  const n = cols ? cols.length : r.length;
  for (let i = 0; i < n && texts < 5; i++) {
    const v = cols ? r[cols[i] - g.left] : r[i];
    if (typeof v === 'string' && /[a-z]{3}/i.test(v)) texts++;
  }
  if (texts < 5) return false;
  const columns = mapColumns(g, [row, row + 1]);
  return UNSUR_CODES.filter((u) => columns.unsur[u] !== undefined).length >= 5;
}

/** Whether a row is a footer line: its first text is a total, a note, a source or a signature line. */
function isFooterRow(g: Grid, row: number, lastCol: number): string | null {
  const r = g.sheet.values[row - g.top];
  if (!r) return null;
  for (let i = 0, end = Math.min(r.length, lastCol - g.left + 1); i < end; i++) {
    const v = r[i];
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return null;
    return isFooterText(v) ? v.trim() : null;
  }
  return null;
}

function allBlank(g: Grid): boolean {
  for (let r = g.top; r <= g.bottom; r++) if (!g.rowIsBlank(r)) return false;
  return true;
}

/** Skips a row of column numbers under the header ("1 2 3 ..." or "(1) (2) ..."). */
function isNumberingRow(g: Grid, row: number, lastCol: number): boolean {
  let count = 0;
  let expected = 1;
  for (let c = g.left; c <= lastCol; c++) {
    const t = g.text(row, c).replace(/[()]/g, '');
    if (!t) continue;
    if (Number(t) !== expected) return false;
    expected++;
    count++;
  }
  return count >= 5;
}

function readBody(g: Grid, header: HeaderFound): RecapTable {
  const { columns } = header;
  const R = columns.roles;
  const unsurCols = UNSUR_CODES.map((u) => columns.unsur[u]);
  const lastCol = Math.max(header.lastCol, ...unsurCols, ...Object.values(R).map((c) => c ?? 0));
  let firstRow = Math.max(...header.rows) + 1;
  while (firstRow <= g.bottom && isNumberingRow(g, firstRow, lastCol)) firstRow++;

  const units: Unit[] = [];
  const records: SkmRecord[] = [];
  const unplacedRows: number[] = [];
  let unit: Unit | null = null;
  let record: SkmRecord | null = null;
  let recordSpanEnd = 0;
  // The current record's lines: lines[0..lineCount), in one array reused from record to record.
  const lines: Line[] = [];
  let lineCount = 0;
  // The texts of the current record's own cells: one object, overwritten as each record starts.
  const recordText: Partial<Record<ColumnRole, string>> = {};
  let average: AverageLine | null = null;
  let lastRow = firstRow - 1;

  const finishRecord = () => {
    if (record) {
      assignLines(record, lines, lineCount);
      lastRow = Math.max(lastRow, record.lastRow);
    }
    record = null;
    lineCount = 0;
  };

  const readValues = (row: number): ParsedNumber[] => {
    const out = new Array<ParsedNumber>(unsurCols.length);
    for (let i = 0; i < unsurCols.length; i++) out[i] = parseNumber(g.get(row, unsurCols[i]));
    return out;
  };
  const anyPresent = (row: number, cols: number[]): boolean => {
    for (const c of cols) if (!isBlank(g.get(row, c))) return true;
    return false;
  };

  const cell = (row: number, role: ColumnRole, counts = false): ReadCell | null => {
    const col = R[role];
    if (col === undefined) return null;
    const raw = g.get(row, col);
    if (isBlank(raw)) return null;
    return { row, col, raw, parsed: parseNumber(raw, counts ? COUNTS : PLAIN) };
  };

  const freeTextCols = (['rtl', 'method'] as const)
    .map((r) => R[r])
    .filter((c): c is number => c !== undefined);
  const onlyFreeText = (row: number): boolean => {
    for (let c = g.left; c <= lastCol; c++)
      if (!isBlank(g.get(row, c)) && !freeTextCols.includes(c)) return false;
    return true;
  };
  const labelCols = Array.from(
    new Set([R.no, R.unit, g.left].filter((c): c is number => c !== undefined)),
  );
  /** The label of the RATA-RATA line, as written, where this row is that line. */
  const averageLabel = (row: number): string | null => {
    for (const c of labelCols) {
      const v = g.get(row, c);
      if (
        typeof v === 'string' &&
        v.length >= 4 &&
        /rata/i.test(v) &&
        AVERAGE_PATTERN.test(normalise(v))
      )
        return v.trim();
    }
    return null;
  };
  // The record's own cells, by role: remembered as the record starts, and where its merged areas end.
  const recordTextCols: [ColumnRole, number][] = [...RECORD_ROLES, 'services' as const]
    .filter((role) => R[role] !== undefined)
    .map((role) => [role, R[role]!]);
  const recordCols = RECORD_ROLES.map((role) => R[role]).filter(
    (c): c is number => c !== undefined,
  );
  const recordMergeEnds = g.mergeEnds(recordCols);

  let end: TableEnd | null = null;
  let otherTable: number | null = null;
  for (let row = firstRow; row <= g.bottom; row++) {
    const label = averageLabel(row);
    if (label !== null) {
      finishRecord();
      average = readAverage(row, label);
      break;
    }
    // Inside the current record's merged cells (0 before the first record: no row is).
    const covered = row <= recordSpanEnd;
    if (g.rowIsBlank(row, g.left, lastCol)) continue;
    // A total row, notes or a signature block under the table end it: they are no units.
    const footer = covered || unit === null ? null : isFooterRow(g, row, lastCol);
    if (footer !== null) {
      end = { row, kind: 'footer', text: footer };
      break;
    }
    // A further table's header: the unsur named in this row, or, on a line without scores, in
    // the row under it (the first row of a two-row header, as this table's own).
    const values = readValues(row);
    const scale = lineScale(values);
    if (isHeaderRow(g, row, unsurCols) || (scale === 'blank' && isHeaderRow(g, row))) {
      end = { row, kind: 'table', text: g.text(row, R.unit) || g.text(row, g.left) };
      otherTable = row;
      break;
    }

    const nameText = g.text(row, R.unit);
    const periodText = g.text(row, R.period);
    const serviceText = g.text(row, R.services);
    const recordCellsPresent = anyPresent(row, recordCols);

    // A NO cell with text that is not a number and nothing else on its line is a note, not a
    // unit: below the data it ends the table (notes, signatures, links), and that is said; above
    // the first unit it is passed over ("Catatan: angka sementara"). A unit numbered "2a" with a
    // name, a period or scores is a unit.
    const no = unitNo(g.get(row, R.no ?? -1));
    if (
      typeof no === 'string' &&
      !nameText &&
      !serviceText &&
      !hasAnyValue(values) &&
      !recordCellsPresent
    ) {
      if (unit) {
        end = { row, kind: 'footer', text: no };
        break;
      }
      unplacedRows.push(row);
      continue;
    }
    // Free text alone (a note or a signature under the table) outside any record is not a record.
    if (
      !covered &&
      unit &&
      !nameText &&
      !periodText &&
      !serviceText &&
      !hasAnyValue(values) &&
      onlyFreeText(row)
    ) {
      continue;
    }

    // Some templates repeat NO, name and the record's cells on each line instead of merging them.
    const repeatsUnit =
      unit !== null && no === unit.no && (nameText === '' || nameText === unit.name);
    const startsUnit =
      (no !== null && !repeatsUnit) ||
      (nameText !== '' && !covered && (!unit || nameText !== unit.name));
    if (startsUnit) {
      finishRecord();
      unit = { no, name: nameText, row, records: [] };
      units.push(unit);
    }
    if (!unit) {
      unplacedRows.push(row);
      continue;
    }

    // The record's second line in a template that repeats the record's cells on each line (or
    // leaves them blank there): the other scale, and no cell that differs from the first line's.
    const repeatsRecord =
      lineCount === 1 &&
      scale !== lines[0].scale &&
      recordTextCols.every(([role, col]) => {
        const t = g.text(row, col);
        return t === '' || t === recordText[role];
      });
    // Before the first unit no line gets here, so a line that starts no unit has a record.
    const startsRecord =
      startsUnit ||
      (covered
        ? periodText !== '' && periodText !== recordText.period
        : !repeatsRecord &&
          (serviceText !== '' ||
            recordCellsPresent ||
            (scale !== 'blank' &&
              (lineCount >= 2 || (lineCount === 1 && scale === lines[0].scale)))));

    if (startsRecord) {
      finishRecord();
      const period = parsePeriod(periodText);
      const isFirstOfUnit = unit.records.length === 0;
      // docs/skm-rules.md §6: a line with no period is its unit's Tahunan when it is the unit's
      // first or the recap has no period column, unless it names a service under the unit's
      // own record (then it is a service sub-record, whether or not there is a period column).
      const annualByDefault =
        !periodText &&
        (serviceText
          ? R.period === undefined && isFirstOfUnit
          : R.period === undefined || isFirstOfUnit);
      const rec: SkmRecord = {
        index: records.length,
        unit,
        period: period ?? (annualByDefault ? { kind: 'annual', index: 1, label: 'Tahunan' } : null),
        service: period || annualByDefault ? null : serviceText || periodText || null,
        impliedAnnual: annualByDefault,
        firstRow: row,
        lastRow: row,
        nrr: null,
        conv: null,
        extraLines: NO_LINES,
        ikm: null,
        category: null,
        respondents: null,
        realisation: null,
        realisationPct: null,
        priority: null,
        effective: undefined,
      };
      record = rec;
      for (const [role, col] of recordTextCols) recordText[role] = g.text(row, col);
      records.push(rec);
      unit.records.push(rec);
      recordSpanEnd = Math.max(row, recordMergeEnds[row - g.top]);
    }
    const rec = record!;
    rec.lastRow = Math.max(rec.lastRow, row);
    if (hasAnyValue(values)) lines[lineCount++] = { row, values, scale };
    rec.ikm ??= cell(row, 'ikm');
    rec.respondents ??= cell(row, 'respondents', true);
    rec.realisation ??= cell(row, 'realisation');
    if (!rec.category && R.category !== undefined && g.text(row, R.category)) {
      rec.category = {
        row,
        col: R.category,
        raw: g.get(row, R.category),
        parsed: g.text(row, R.category),
      };
    }
    if (!rec.priority && R.priority !== undefined && g.text(row, R.priority)) {
      const t = g.text(row, R.priority);
      rec.priority = { row, col: R.priority, raw: t, parsed: parsePriorityList(t) };
    }
    // A record's span runs to the bottom of its merged cells even when its last line is blank.
    rec.lastRow = Math.max(rec.lastRow, Math.min(recordSpanEnd, g.bottom));
  }
  finishRecord();

  // Each unit's list of records made exact: a list grown by push keeps 16 spare slots, and a
  // national recap's 50,000 units live to the end of the run.
  for (const u of units) if (u.records.length > 0) u.records = u.records.slice();
  const realisationAsFraction = detectFractionScale(g, records, average);
  for (const rec of records)
    rec.realisationPct = realisationPct(rec.realisation, realisationAsFraction);
  if (average) average.realisationPct = realisationPct(average.realisation, realisationAsFraction);

  if (average) lastRow = Math.max(lastRow, average.row - 1);
  // A second table further down is never read as part of this one, but it is said.
  if (!end || end.kind !== 'table') {
    // From under the last record: the district line or the footer that ended the table is no header.
    const from = lastRow + 1;
    for (let row = from; row <= g.bottom; row++) {
      if (isHeaderRow(g, row)) {
        otherTable = row;
        break;
      }
    }
  }

  return {
    sheet: g.sheet.name,
    headerRows: header.rows,
    firstRow,
    lastRow: Math.max(lastRow, firstRow),
    lastCol,
    columns,
    units,
    records,
    average,
    realisationAsFraction,
    unplacedRows,
    ...(end ? { end } : {}),
    ...(otherTable !== null ? { otherTableRow: otherTable } : {}),
  };

  function readAverage(row: number, label: string): AverageLine {
    const unsur = unsurCols.map((c) => {
      const raw = g.get(row, c);
      return isBlank(raw) ? null : { row, col: c, raw, parsed: parseNumber(raw) };
    });
    return {
      row,
      label,
      unsur,
      ikm: cell(row, 'ikm'),
      realisation: cell(row, 'realisation'),
      realisationPct: null,
    };
  }
}

/** A record without extra lines: one shared, frozen empty list (a list of its own per record is memory for nothing). */
const NO_LINES: readonly Line[] = Object.freeze([]);

/**
 * Gives a record's lines their roles: NRR line (1-4) and converted line
 * (25-100). Two lines are NRR then converted unless their scales say the
 * reverse; a single line takes the role of its scale.
 */
function assignLines(rec: SkmRecord, lines: readonly Line[], count: number): void {
  if (count === 0) return;
  if (count === 1) {
    const l = lines[0];
    if (l.scale === 'conv') rec.conv = l;
    else if (l.scale === 'nrr') rec.nrr = l;
    else rec.extraLines = [l];
    return;
  }
  let first = lines[0];
  let second = lines[1];
  if (first.scale === 'conv' && second.scale === 'nrr') [first, second] = [second, first];
  rec.nrr = first;
  rec.conv = second;
  if (count > 2) rec.extraLines = lines.slice(2, count);
}

/**
 * The realisation column holds fractions (0.75 = 75%) when its cells are
 * formatted as percent, or when no number in it exceeds 1. The units' own
 * cells decide; the district line's cell only when no unit has a number, as
 * that cell is the one we rewrite: its value deciding would make a second
 * check read our own write on another scale (0.87 percent points, then 87%).
 */
function detectFractionScale(g: Grid, records: SkmRecord[], average: AverageLine | null): boolean {
  return (
    scaleOf(
      g,
      records.map((r) => r.realisation),
    ) ??
    scaleOf(g, [average?.realisation ?? null]) ??
    false
  );
}

/** Whether these cells read as fractions; null when none holds a typed number. */
function scaleOf(g: Grid, cells: (ReadCell | null)[]): boolean | null {
  let anyAboveOne = false;
  let anyNumber = false;
  for (const c of cells) {
    if (!c || c.parsed.kind !== 'number' || c.parsed.fromText) continue;
    if (g.format(c.row, c.col)?.includes('%')) return true;
    anyNumber = true;
    if (Math.abs(c.parsed.value) > 1) anyAboveOne = true;
  }
  return anyNumber ? !anyAboveOne : null;
}

function realisationPct(c: ReadCell | null, asFraction: boolean): number | null {
  if (!c || c.parsed.kind !== 'number') return null;
  const p = c.parsed;
  if (p.fromText) return p.percent ? p.value : asFraction && p.value <= 1 ? p.value * 100 : p.value;
  return asFraction ? p.value * 100 : p.value;
}

/** The A1 address of a record's cell in an unsur column. */
export function unsurCell(table: RecapTable, row: number, u: UnsurCode): string {
  return a1(row, table.columns.unsur[u]);
}
