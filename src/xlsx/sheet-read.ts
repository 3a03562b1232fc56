/**
 * One worksheet part to a sheet grid, in one linear pass of the XML tokenizer. Rows are sparse:
 * each row holds its own cells only (no rows x widest-row allocation), the grid ends at the last
 * row with a value, merged areas are clipped to the area that holds values, and the cells of a
 * merged area other than its master stay blank (as Excel gives them). Every cell the reader cannot
 * place is counted and said (read-notes.ts).
 */
import { a1, parseArea } from '../engine/address';
import { MergeTable } from '../engine/merges';
import type { SheetGrid } from '../engine/model';
import type { CellValue } from '../engine/numbers';
import { readNotes, type ReadNote } from './read-notes';
import {
  CLOSE,
  END,
  OPEN,
  TEXT,
  XmlScanner,
  decodeRange,
  latin1,
  type GrowingBytes,
} from './xml-scan';
import { WorkbookFormatError, type ReadLimits } from './zip-parts';

// exceljs's own helpers, so that formats and dates read exactly as through exceljs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsUtils = require('exceljs/lib/utils/utils') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
  xmlDecode(text: string): string;
};

/** Excel's limits: anything beyond them is a damaged part, not a cell. */
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export interface SheetContext {
  sharedStrings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  /** Relationship ids of the sheet's external hyperlinks. */
  hyperlinkIds: Set<string>;
  limits: ReadLimits;
  /** Cells kept so far over the workbook, against limits.cells. */
  cellCount: { n: number };
}

export interface SheetRead {
  grid: SheetGrid;
  notes: ReadNote[];
  formulas: { withValue: number; withoutValue: number; firstWithout: string | null };
}

interface Row {
  values: CellValue[];
  formats: (string | null)[];
  /** The last column holding a value (the length the row's values end with). */
  last: number;
  /** The length `values` was made with from the row's spans (0: grown cell by cell). */
  size: number;
}

/** Rows are made to the width their spans give up to this many columns (a hostile span costs no more). */
const MAX_PRESIZE = 64;

/**
 * A row's arrays cut to their length as the row ends, while still young: an array grown cell by
 * cell keeps up to half again its length spare, and the grid of a national recap lives to the end
 * of the run, each spare slot copied by the garbage collector with it. A row made to the width its
 * spans gave, and filled to its end, is already exact: no copy.
 */
function fit(row: Row, formats: FormatRows): void {
  if (row.size === 0 || row.last !== row.size) row.values = row.values.slice(0, row.last);
  if (row.formats !== NO_FORMATS) row.formats = formats.shared(row.formats);
}

/** A row without number formats: one shared, frozen empty list. */
const NO_FORMATS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

/**
 * Rows' number formats, one shared frozen list for each pattern met: down a recap the rows repeat
 * a few patterns ("0%" in the realisation column, "0.00" under the unsur), and a list of its own
 * for each of 170,000 rows is memory the garbage collector copies to no purpose. Formats are the
 * style table's own strings, so a pattern compares by identity; the last few patterns are kept.
 */
class FormatRows {
  private readonly recent: (string | null)[][] = [];

  shared(row: (string | null)[]): (string | null)[] {
    for (const known of this.recent) if (sameFormats(known, row)) return known;
    const own = Object.freeze(row.slice()) as (string | null)[];
    if (this.recent.length === 8) this.recent.pop();
    this.recent.unshift(own);
    return own;
  }
}

function sameFormats(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The last column a row's `spans` attribute names ("1:20", or a list "1:5 7:20"), when it is
 * plain digits within MAX_PRESIZE; else 0. Only a hint for the size of the row's array: the cells
 * decide the row's length.
 */
function spanEnd(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  let scale = 1;
  let i = e - 1;
  for (; i >= s && b[i] >= 48 && b[i] <= 57 && scale <= 100; i--, scale *= 10)
    n += (b[i] - 48) * scale;
  return i >= s && b[i] === 58 /* : */ && n >= 1 && n <= MAX_PRESIZE ? n : 0;
}

/** Counts of one kind of defect, with the first example. */
class Tally {
  count = 0;
  example = '';
  extra = 0;
  add(example: string | (() => string), extra = 0): void {
    if (this.count++ === 0) this.example = typeof example === 'string' ? example : example();
    this.extra += extra;
  }
}

const T_S = 1;
const T_STR = 2;
const T_B = 3;
const T_E = 4;
const T_INLINE = 5;
const T_N = 0;

/**
 * `buf` is the whole part, or with `source` the part as it fills (StreamedPart): the scan then
 * waits for bytes it has not got yet, and reads exactly what it reads of the whole part.
 */
export function readSheet(
  name: string,
  buf: Uint8Array,
  ctx: SheetContext,
  source: (GrowingBytes & { available: number }) | null = null,
): SheetRead {
  const sc = new XmlScanner(buf, 0, source ? source.available : buf.length, source, buf.length);
  const b = buf;
  const rows: (Row | undefined)[] = [];
  let lastRow = 0;
  let width = 0;
  const badRows = new Tally();
  const badRefs = new Tally();
  const oddRefs = new Tally();
  const duplicates = new Tally();
  const outOfRange = new Tally();
  const badMerges = new Tally();
  const formulas = { withValue: 0, withoutValue: 0, firstWithout: null as string | null };
  /** Merged areas as read, four numbers each; clipped in place below. */
  const merges = new MergeList();
  const linked: string[] = [];
  const hidden = new Uint8Array(MAX_COL + 1);
  let anyHidden = false;
  const sst = ctx.sharedStrings;
  const cellCap = ctx.limits.cells;
  const dateStyle = dateStyles(ctx.formats);
  const numbers = new NumberBoxes();
  const texts = new TextCache();
  const formatRows = new FormatRows();

  /**
   * A value read straight from its bytes [s, e) when it has the plain shape of its type (a
   * decimal number, a shared-string index, ASCII text without entities): exactly what the
   * tokenizer's path below gives for it. Undefined for any other shape, which that path reads.
   */
  const plainValue = (s: number, e: number): CellValue | undefined => {
    if (type === T_N) {
      const n = plainDecimal(b, s, e);
      if (n !== n) return undefined;
      if (dateStyle[style] === 1) return asDate(n, ctx.formats[style], ctx.date1904);
      return numbers.box(n);
    }
    if (type === T_S) {
      const k = digitsValue(b, s, e, 9);
      if (k < 0) return undefined;
      const str = sst[k];
      if (str !== undefined) return str;
      outOfRange.add(() => a1(lastCellRow, lastCellCol));
      return '';
    }
    if (type === T_STR) {
      // Without "&" neither entity decoding changes the text, and ASCII needs no UTF-8 decoder.
      let h = e - s;
      for (let i = s; i < e; i++) {
        const x = b[i];
        if (x >= 128 || x === 38) return undefined;
        h = (Math.imul(h, 31) + x) | 0;
      }
      return texts.text(b, s, e, h);
    }
    return undefined;
  };
  let lastCellRow = 0;
  let lastCellCol = 0;

  // Cell attributes, parsed from the bytes in one pass per cell.
  let refCol = 0;
  let refOdd = false;
  let refBad = false;
  let style = 0;
  let type = T_N;
  const cellAttrs = () => {
    refCol = -1;
    refOdd = false;
    refBad = false;
    style = 0;
    type = T_N;
    let i = sc.attrStart;
    const end = sc.attrEnd;
    while (i < end) {
      while (i < end && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
      const n0 = i;
      while (i < end && b[i] !== 61 && b[i] !== 32 && b[i] !== 9 && b[i] !== 10 && b[i] !== 13) i++;
      const nLen = i - n0;
      while (i < end && b[i] !== 61) i++;
      i++;
      while (i < end && b[i] !== 34 && b[i] !== 39) i++;
      const quote = b[i];
      const v0 = i + 1;
      let v1 = v0;
      while (v1 < end && b[v1] !== quote) v1++;
      i = v1 + 1;
      if (nLen !== 1) continue;
      const an = b[n0];
      if (an === 114 /* r */) {
        let c = 0;
        let k = v0;
        if (b[k] === 36 /* $ */) {
          refOdd = true;
          k++;
        }
        for (; k < v1; k++) {
          let x = b[k];
          if (x >= 97 && x <= 122) {
            refOdd = true;
            x -= 32;
          }
          if (x < 65 || x > 90) break;
          c = c * 26 + (x - 64);
        }
        if (b[k] === 36) {
          refOdd = true;
          k++;
        }
        let digits = 0;
        for (; k < v1 && b[k] >= 48 && b[k] <= 57; k++) digits++;
        if (c < 1 || c > MAX_COL || digits === 0 || k !== v1) refBad = true;
        refCol = c;
      } else if (an === 115 /* s */) {
        let s = 0;
        for (let k = v0; k < v1; k++) s = s * 10 + (b[k] - 48);
        style = s > 0 && s < 1e9 ? s : 0;
      } else if (an === 116 /* t */) {
        const l = v1 - v0;
        const c0 = b[v0];
        if (l === 1 && c0 === 115) type = T_S;
        else if (l === 1 && c0 === 98) type = T_B;
        else if (l === 1 && c0 === 101) type = T_E;
        else if (l === 3 && c0 === 115) type = T_STR;
        else if (l === 9 && c0 === 105) type = T_INLINE;
        else type = T_N;
      }
    }
  };

  const readSheetData = () => {
    let rowNumber = 0;
    let rowOk = false;
    let col = 0;
    let span = 0;
    let row: Row | undefined;
    for (let t = sc.next(); t !== END; t = sc.next()) {
      if (t === CLOSE) {
        if (sc.is('sheetData')) break;
        continue;
      }
      if (t !== OPEN) continue;
      const f = sc.first();
      if (f === 114 /* r */ && sc.is('row')) {
        let n = rowNumber + 1;
        let r: string | undefined;
        if (sc.findAttr('r')) {
          n = digitsValue(b, sc.valStart, sc.valEnd, 7);
          if (n < 0) {
            // Not plain digits as written (entities, signs, too long): the decoded text decides.
            r = sc.attr('r') ?? '';
            n = /^\d{1,7}$/.test(r) ? Number(r) : NaN;
          }
        }
        if (row) fit(row, formatRows);
        col = 0;
        row = undefined;
        span = sc.findAttr('spans') ? spanEnd(b, sc.valStart, sc.valEnd) : 0;
        rowOk = n >= 1 && n <= MAX_ROW;
        if (rowOk) rowNumber = n;
        else badRows.add(() => r ?? sc.attr('r') ?? '');
        continue;
      }
      if (f !== 99 /* c */ || sc.nameEnd - sc.nameStart !== 1) continue;
      const tagStart = sc.attrStart;
      const tagEnd = sc.attrEnd;
      cellAttrs();
      col = refCol < 0 ? col + 1 : refCol;
      // The cell's content: its value <v>, a formula <f>, an inline string <is>.
      let v: string | null = null;
      let hasFormula = false;
      let inline: string | null = null;
      // The common shape, <v>...</v></c> exactly, is read straight from the bytes: the value is
      // [vs, ve). Any other shape (a formula, whitespace, prefixes) goes through the tokenizer.
      let vs = -1;
      let ve = -1;
      if (!sc.selfClosing) {
        const p = sc.pos;
        // Only the bytes there so far (sc.end): a cell cut by the end goes through the tokenizer.
        const size = sc.end;
        if (b[p] === 60 && b[p + 1] === 118 && b[p + 2] === 62 /* <v> */) {
          let q = p + 3;
          while (q < size && b[q] !== 60) q++;
          if (
            q + 8 <= size &&
            b[q + 1] === 47 &&
            b[q + 2] === 118 &&
            b[q + 3] === 62 /* </v> */ &&
            b[q + 4] === 60 &&
            b[q + 5] === 47 &&
            b[q + 6] === 99 &&
            b[q + 7] === 62 /* </c> */
          ) {
            vs = p + 3;
            ve = q;
            sc.pos = q + 8;
          }
        }
      }
      if (!sc.selfClosing && vs < 0) {
        for (let u = sc.next(); u !== END; u = sc.next()) {
          if (u === CLOSE) break;
          if (u !== OPEN) continue;
          const g = sc.first();
          if (g === 118 /* v */ && sc.nameEnd - sc.nameStart === 1) {
            const text = sc.elementText();
            if (v === null) v = text;
          } else if (g === 102 /* f */ && sc.nameEnd - sc.nameStart === 1) {
            hasFormula = true;
            sc.skipElement();
          } else if (sc.is('is')) inline = runText(sc);
          else sc.skipElement();
        }
      }
      if (!rowOk) {
        if (vs >= 0 || v !== null || inline !== null) badRows.extra++;
        continue;
      }
      if (refBad) {
        badRefs.add(() => latin1(b, tagStart, tagEnd).trim().slice(0, 40));
        continue;
      }
      if (refOdd) oddRefs.add(() => a1(rowNumber, col));
      const format = style ? ctx.formats[style] : undefined;
      let value: CellValue | undefined;
      if (vs >= 0) {
        if (vs === ve) continue;
        lastCellRow = rowNumber;
        lastCellCol = col;
        value = plainValue(vs, ve);
        if (value === undefined) v = decodeRange(b, vs, ve);
      }
      if (value !== undefined) {
        // Read from the bytes above.
      } else if (hasFormula) {
        if (v === null || v === '') {
          value = '';
          // A computed empty text is stored as t="str" with an empty <v>; anything else holds no result.
          if (v === '' && type === T_STR) formulas.withValue++;
          else if (formulas.withoutValue++ === 0) formulas.firstWithout = a1(rowNumber, col);
        } else {
          formulas.withValue++;
          if (type === T_STR) value = exceljsUtils.xmlDecode(v);
          else if (type === T_B) value = parseInt(v, 10) !== 0;
          else if (type === T_E) value = v;
          else value = asDate(parseFloat(v), format, ctx.date1904);
        }
      } else if (type === T_INLINE && inline !== null) {
        value = inline;
      } else if (v !== null && v !== '') {
        switch (type) {
          case T_S: {
            const k = Number(v);
            const s = sst[k];
            if (s === undefined) {
              outOfRange.add(() => a1(rowNumber, col));
              value = '';
            } else value = s;
            break;
          }
          case T_STR:
            value = exceljsUtils.xmlDecode(v);
            break;
          case T_B:
            value = parseInt(v, 10) !== 0;
            break;
          case T_E:
            value = v;
            break;
          default:
            value = asDate(parseFloat(v), format, ctx.date1904);
        }
      } else continue;
      if (!row) {
        row = rows[rowNumber];
        if (!row) {
          row = {
            values: span > 0 ? new Array<CellValue>(span) : [],
            formats: NO_FORMATS,
            last: 0,
            size: span,
          };
          rows[rowNumber] = row;
          if (rowNumber > lastRow) lastRow = rowNumber;
        }
      }
      if (row.values[col - 1] !== undefined) duplicates.add(() => a1(rowNumber, col));
      else if (++ctx.cellCount.n > cellCap) throw tooManyCells(name, cellCap);
      row.values[col - 1] = value;
      if (col > row.last) row.last = col;
      if (format) {
        // A row's formats are its own while it is read (a shared list is frozen).
        if (Object.isFrozen(row.formats)) row.formats = row.formats.slice();
        row.formats[col - 1] = format;
      }
      if (col > width) width = col;
    }
    if (row) fit(row, formatRows);
  };

  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    const f = sc.first();
    if (f === 115 /* s */ && sc.is('sheetData')) {
      if (!sc.selfClosing) readSheetData();
    } else if (f === 109 /* m */ && sc.is('mergeCell')) {
      // Most references are plain "A4:A5", read from the bytes; any other goes through parseArea.
      if (!(sc.findAttr('ref') && plainArea(b, sc.valStart, sc.valEnd, merges))) {
        const ref = sc.attr('ref') ?? '';
        const area = parseArea(ref);
        if (!area || area.top < 1 || area.left < 1 || area.bottom > MAX_ROW || area.right > MAX_COL)
          badMerges.add(ref.slice(0, 40));
        else merges.push(area.top, area.left, area.bottom, area.right);
      }
      // The areas after it in their plain shape, read straight from the bytes: a national recap
      // has 870,000, and each through the tokenizer cost more than all of its cells' values.
      sc.pos = plainMerges(b, sc.pos, sc.end, merges);
    } else if (f === 109 /* m */ && sc.is('mergeCells')) {
      // Made to the count it declares at once, rather than grown and copied step by step (870,000
      // areas in a national recap): bounded by the bytes left, at 20 or more bytes an area.
      merges.reserve(Math.min(Number(sc.attr('count')) || 0, (sc.limit - sc.pos) / 20));
    } else if (f === 104 /* h */ && sc.is('hyperlink')) {
      const id = sc.attr('id', true);
      const ref = sc.attr('ref');
      if (id && ref && ctx.hyperlinkIds.has(id)) linked.push(ref);
    } else if (f === 99 /* c */ && sc.is('col')) {
      const h = sc.attr('hidden');
      if (h === '1' || h === 'true') {
        const min = Math.max(1, Number(sc.attr('min')) || 0);
        const max = Math.min(MAX_COL, Number(sc.attr('max')) || 0);
        for (let c = min; c <= max; c++) hidden[c] = 1;
        if (min <= max) anyHidden = true;
      }
    }
  }

  // Cells of external hyperlinks read as their text, as exceljs gives them.
  for (const ref of linked) {
    const area = parseArea(ref);
    if (!area || area.top !== area.bottom || area.left !== area.right) continue;
    const row = rows[area.top];
    const v = row?.values[area.left - 1];
    if (row && v !== undefined) row.values[area.left - 1] = String(v);
  }

  const values: CellValue[][] = new Array<CellValue[]>(lastRow);
  const formats: (string | null)[][] = new Array<(string | null)[]>(lastRow);
  for (let r = 1; r <= lastRow; r++) {
    const row = rows[r];
    values[r - 1] = row ? row.values : [];
    formats[r - 1] = row ? row.formats : NO_FORMATS;
  }
  // Merged areas reach no further than the cells with values: a title merged over the whole first
  // row, or a hostile whole-sheet merge, costs nothing. An area wholly outside is left out.
  const md = merges.data;
  let kept = 0;
  for (let k = 0; k < merges.length * 4; k += 4) {
    if (md[k] > lastRow || md[k + 1] > width) continue;
    md[kept] = md[k];
    md[kept + 1] = md[k + 1];
    md[kept + 2] = Math.min(md[k + 2], lastRow);
    md[kept + 3] = Math.min(md[k + 3], width);
    kept += 4;
  }
  const grid: SheetGrid = {
    name,
    values,
    origin: { row: 1, col: 1 },
    merges: new MergeTable(md.subarray(0, kept), kept / 4),
    formats,
  };
  if (anyHidden) {
    const cols: number[] = [];
    for (let c = 1; c <= MAX_COL; c++) if (hidden[c]) cols.push(c);
    grid.hiddenCols = cols;
  }

  const notes: ReadNote[] = [];
  if (badRows.count)
    notes.push(readNotes.badRowNumber(name, badRows.count, badRows.example, badRows.extra));
  if (badRefs.count) notes.push(readNotes.badCellRef(name, badRefs.count, badRefs.example));
  if (oddRefs.count) notes.push(readNotes.oddCellRef(name, oddRefs.count, oddRefs.example));
  if (duplicates.count)
    notes.push(readNotes.duplicateCell(name, duplicates.count, duplicates.example));
  if (outOfRange.count)
    notes.push(
      readNotes.sharedStringOutOfRange(name, outOfRange.count, outOfRange.example, sst.length),
    );
  if (badMerges.count) notes.push(readNotes.mergeDropped(name, badMerges.count, badMerges.example));
  if (formulas.withoutValue)
    notes.push(
      readNotes.formulaWithoutValue(name, formulas.withoutValue, formulas.firstWithout ?? ''),
    );
  return { grid, notes, formulas };
}

function tooManyCells(sheet: string, cap: number): WorkbookFormatError {
  return new WorkbookFormatError(
    {
      id: `lembar "${sheet}" memuat lebih dari ${cap.toLocaleString('id')} sel berisi, melebihi batas`,
      en: `sheet "${sheet}" holds more than ${cap.toLocaleString('en')} cells with values, over the limit`,
    },
    'too-large',
  );
}

/**
 * The text of a string item just opened (<si> or <is>): its <t> elements, leaving out phonetic
 * runs (<rPh>). The scanner stops after the item's closing tag.
 */
export function runText(sc: XmlScanner): string {
  if (sc.selfClosing) return '';
  let out = '';
  let depth = 0;
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === OPEN) {
      if (sc.is('t')) out += sc.elementText();
      else if (sc.is('rPh')) sc.skipElement();
      else if (!sc.selfClosing) depth++;
    } else if (t === CLOSE) {
      if (depth === 0) break;
      depth--;
    } else if (t === TEXT && depth < 0) break;
  }
  return out;
}

/** A number in a date format reads as exceljs's Date turned back into a serial number. */
function asDate(n: number, format: string | undefined, date1904: boolean): number {
  if (!exceljsUtils.isDateFmt(format)) return n;
  return exceljsUtils.excelToDate(n, date1904).getTime() / 86400000 + 25569;
}

/** Which cell styles have a date format (exceljs's test, once per style rather than per cell). */
function dateStyles(formats: (string | undefined)[]): Uint8Array {
  const out = new Uint8Array(formats.length + 1);
  // Style 0 reads as no format at all (as exceljs gives it), so never as a date.
  for (let i = 1; i < formats.length; i++) if (exceljsUtils.isDateFmt(formats[i])) out[i] = 1;
  return out;
}

/**
 * The numbers read, one boxed copy of each recent value: a recap repeats its values (3.5, 87.5,
 * a count of respondents) across thousands of rows, and a grid of a national recap would hold two
 * million boxes of sixteen bytes, each one copied by the garbage collector as the grid grows.
 * Direct-mapped: a miss keeps the new value instead. Only reading changes, never a value.
 */
class NumberBoxes {
  private readonly keys = new Float64Array(1 << 16).fill(NaN);
  /** Generic elements (never unboxed doubles): a hit hands over the same box. */
  private readonly boxes: unknown[] = new Array<unknown>(1 << 16).fill(null);

  box(n: number): number {
    // Small integers (and -0) need no cache: they are kept as they are.
    if ((n | 0) === n) return n;
    const f = n * 1000003;
    const slot = (f ^ (f / 65536)) & 0xffff;
    if (this.keys[slot] === n) return this.boxes[slot] as number;
    this.keys[slot] = n;
    this.boxes[slot] = n;
    return n;
  }
}

/**
 * Short ASCII texts read, one string for each recent text: periods, categories, methods and
 * priority lists repeat down a recap's rows. Direct-mapped by a hash of the bytes, each hit
 * compared byte for byte, so a text read is always exactly its bytes.
 */
class TextCache {
  private readonly strings: string[] = new Array<string>(1 << 12).fill('');

  text(b: Uint8Array, s: number, e: number, hash: number): string {
    const len = e - s;
    if (len > 64) return latin1(b, s, e);
    const slot = (hash ^ (hash >>> 12)) & 0xfff;
    const hit = this.strings[slot];
    if (hit.length === len) {
      let k = 0;
      while (k < len && hit.charCodeAt(k) === b[s + k]) k++;
      if (k === len) return hit;
    }
    const str = latin1(b, s, e);
    this.strings[slot] = str;
    return str;
  }
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A decimal written plainly (-?digits[.digits], at most 15 digits) from its bytes, or NaN for any
 * other text. The same double parseFloat gives: the digits make an integer below 2^53 and the
 * power of ten is exact, so the one division rounds correctly, as parsing does.
 */
export function plainDecimal(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = b[i] === 45; /* - */
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < e; i++) {
    const x = b[i];
    if (x >= 48 && x <= 57) {
      m = m * 10 + (x - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (x === 46 /* . */ && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const n = fraction > 0 ? m / POW10[fraction] : m;
  return negative ? -n : n;
}

/** ASCII digits only, 1 to `max` of them, as a number; -1 for anything else. */
function digitsValue(b: Uint8Array, s: number, e: number, max: number): number {
  if (e <= s || e - s > max) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const x = b[i];
    if (x < 48 || x > 57) return -1;
    n = n * 10 + (x - 48);
  }
  return n;
}

/**
 * A merged area written plainly ("A4:A5" or "A4", upper-case letters, no "$"), within Excel's
 * sheet, pushed onto `out`; false for anything else, which parseArea then reads.
 */
/** Merged areas as they are read, four numbers each, in memory that grows by doubling. */
class MergeList {
  data = new Int32Array(256);
  length = 0;

  /** Room for `n` more areas at once, where more are expected (never less room than there is). */
  reserve(n: number): void {
    const want = (this.length + Math.floor(n)) * 4;
    if (!(want > this.data.length)) return;
    const grown = new Int32Array(want);
    grown.set(this.data.subarray(0, this.length * 4));
    this.data = grown;
  }

  push(top: number, left: number, bottom: number, right: number): void {
    let k = this.length * 4;
    // Full: twice the room.
    if (k + 4 > this.data.length) this.reserve(this.length);
    const d = this.data;
    d[k++] = top;
    d[k++] = left;
    d[k++] = bottom;
    d[k] = right;
    this.length++;
  }
}

const MERGE_OPEN = Array.from('<mergeCell ref="', (ch) => ch.charCodeAt(0));
/** The longest plain element: '<mergeCell ref="XFD1048576:XFD1048576"/>'. */
const MERGE_MAX = MERGE_OPEN.length + 21 + 3;

/**
 * Reads `<mergeCell ref="A4:A5"/>` elements from `p` on, with whitespace between them, for as long
 * as each has exactly that shape and a plain reference; the position of the first that has not
 * (or that may not be all there before `end`), left to the tokenizer, which reads it as before.
 * Linear: each byte is looked at a bounded number of times.
 */
function plainMerges(b: Uint8Array, p: number, end: number, out: MergeList): number {
  for (;;) {
    let i = p;
    while (i < end && (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9)) i++;
    if (i + MERGE_MAX > end) return p;
    for (let k = 0; k < MERGE_OPEN.length; k++) if (b[i + k] !== MERGE_OPEN[k]) return p;
    const s = i + MERGE_OPEN.length;
    let e = s;
    while (e < s + 22 && b[e] !== 34 /* " */) e++;
    if (b[e] !== 34 || b[e + 1] !== 47 /* / */ || b[e + 2] !== 62 /* > */) return p;
    if (!plainArea(b, s, e, out)) return p;
    p = e + 3;
  }
}

function plainArea(b: Uint8Array, s: number, e: number, out: MergeList): boolean {
  let i = s;
  let c1 = 0;
  let r1 = 0;
  let c2 = 0;
  let r2 = 0;
  for (let end = 0; end < 2; end++) {
    let c = 0;
    let letters = 0;
    while (i < e && b[i] >= 65 && b[i] <= 90 && letters < 4) {
      c = c * 26 + (b[i] - 64);
      letters++;
      i++;
    }
    let r = 0;
    let digits = 0;
    while (i < e && b[i] >= 48 && b[i] <= 57 && digits < 8) {
      r = r * 10 + (b[i] - 48);
      digits++;
      i++;
    }
    if (letters === 0 || letters > 3 || digits === 0 || digits > 7) return false;
    if (r < 1 || r > MAX_ROW || c > MAX_COL) return false;
    if (end === 0) {
      c1 = c2 = c;
      r1 = r2 = r;
      if (i === e) break;
      if (b[i] !== 58 /* : */) return false;
      i++;
    } else {
      c2 = c;
      r2 = r;
    }
  }
  if (i !== e) return false;
  out.push(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2));
  return true;
}
