/**
 * Reads the sheet grids of an .xlsx workbook straight from its XML: values, number formats and
 * merged areas, nothing else. The checker only needs these to check a recap, and exceljs builds a
 * whole object model first: 13 s and 2 GB for a national recap, and a crash on some files with
 * charts (its drawing parts). The grids are the ones `workbookGrids` makes from exceljs's model,
 * cell for cell (test/xlsx/lean-read.test.ts compares them), so both readers give one analysis,
 * but for one exceljs slip: it drops a formula's cached result of 0 or FALSE, read here as Excel
 * gives it.
 */
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { parseArea, type Area } from '../engine/address';
import type { SheetGrid } from '../engine/model';
import type { CellValue } from '../engine/numbers';
import type { Text } from '../engine/messages';

// exceljs's own helpers, so that formats and dates read exactly as through exceljs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljsUtils = require('exceljs/lib/utils/utils') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
  xmlDecode(text: string): string;
};
const defaultNumFormat = // eslint-disable-next-line @typescript-eslint/no-require-imports
  (
    require('exceljs/lib/xlsx/xform/style/numfmt-xform') as {
      getDefaultFmtCode(id: number): string | undefined;
    }
  ).getDefaultFmtCode;

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const REL_HYPERLINK = /\/hyperlink$/;

/** Why a file cannot be read as a workbook, in both languages, for the caller's message. */
export class WorkbookFormatError extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

export async function readGrids(data: Buffer | Uint8Array): Promise<SheetGrid[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new WorkbookFormatError({
      id: 'bukan berkas zip seperti .xlsx',
      en: 'not a zip file as an .xlsx is',
    });
  }
  const text = async (path: string): Promise<string | null> => {
    const f = zip.file(path);
    return f ? partText(f) : null;
  };
  const workbook = await text('xl/workbook.xml');
  if (workbook === null)
    throw new WorkbookFormatError({
      id: 'tidak ada bagian xl/workbook.xml',
      en: 'no xl/workbook.xml part',
    });
  const rels = relationships(await text('xl/_rels/workbook.xml.rels'), 'xl/');
  const byType = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type))?.target;
  const sharedStrings = readSharedStrings(
    await text(byType(REL_SHARED_STRINGS) ?? 'xl/sharedStrings.xml'),
  );
  const formats = readCellFormats(await text(byType(REL_STYLES) ?? 'xl/styles.xml'));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="1"/.test(workbook);

  const grids: SheetGrid[] = [];
  for (const tag of tags(workbook, 'sheet')) {
    const name = decode(attr(tag, 'name') ?? '');
    const rel = rels.get(attr(tag, 'r:id') ?? '');
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !REL_WORKSHEET.test(rel.type)) continue;
    const xml = await text(rel.target);
    if (xml === null) continue;
    const sheetRels = relationships(await text(relsPathOf(rel.target)), dirOf(rel.target));
    grids.push(readSheet(name, xml, { sharedStrings, formats, date1904, sheetRels }));
  }
  return grids;
}

/** What JSZip keeps of a part it has not unpacked yet (not part of its typed API, so checked). */
interface PackedPart {
  _data?: {
    compression?: { magic?: string };
    compressedContent?: Uint8Array;
    uncompressedSize?: number;
    crc32?: number;
  };
}

/**
 * A part's text. A deflated part is inflated by Node's zlib, several times faster than JSZip's own
 * inflater on a national recap's 150 MB sheet, and checked against its size and CRC as JSZip would;
 * anything else, or a JSZip without those fields, goes through JSZip.
 */
async function partText(f: JSZip.JSZipObject): Promise<string> {
  const packed = (f as unknown as PackedPart)._data;
  // zlib.crc32 came with Node.js 20.15: on an older 20, JSZip does it all.
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (
    crc32 &&
    packed?.compression?.magic === '\x08\x00' &&
    packed.compressedContent &&
    packed.uncompressedSize !== undefined &&
    packed.crc32 !== undefined
  ) {
    let raw: Buffer;
    try {
      raw = zlib.inflateRawSync(packed.compressedContent);
    } catch {
      throw damaged(f.name);
    }
    if (raw.length !== packed.uncompressedSize || crc32(raw) >>> 0 !== packed.crc32 >>> 0)
      throw damaged(f.name);
    return raw.toString('utf8');
  }
  return f.async('string').catch(() => {
    throw damaged(f.name);
  });
}

function damaged(part: string): WorkbookFormatError {
  return new WorkbookFormatError({ id: `bagian ${part} rusak`, en: `its part ${part} is damaged` });
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | null, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === null) return out;
  for (const tag of tags(xml, 'Relationship')) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (!id || target === undefined) continue;
    const external = attr(tag, 'TargetMode') === 'External';
    out.set(id, {
      type: attr(tag, 'Type') ?? '',
      target: external ? decode(target) : resolvePath(base, decode(target)),
    });
  }
  return out;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsPathOf(path: string): string {
  return `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------
// XML, as far as these parts need it.

/** The opening (or self-closing) tags named `name`, with or without a namespace prefix. */
function* tags(xml: string, name: string, from = 0, to = xml.length): Generator<string> {
  const re = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) yield m[0];
}

/**
 * An attribute of a tag, in double or single quotes, after any whitespace. "r:id" also finds the
 * relationship id under another prefix. Searched with indexOf: this runs three times per cell.
 */
function attr(tag: string, name: string): string | undefined {
  if (name === 'r:id')
    return /\s(?:\w+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  for (let at = tag.indexOf(name); at > 0; at = tag.indexOf(name, at + 1)) {
    if (!isSpace(tag.charCodeAt(at - 1))) continue;
    let i = at + name.length;
    while (isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = tag.indexOf(quote, i + 1);
    return tag.slice(i + 1, end < 0 ? tag.length : end);
  }
  return undefined;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** XML character and entity references, as an XML parser gives text. */
function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : `&${e};`;
      }
    }
  });
}

/** The text of the <t> elements of a string item (<si> or <is>), leaving out phonetic runs (<rPh>). */
function runText(item: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const t = item.indexOf('<t', i);
    if (t < 0) break;
    const next = item.charCodeAt(t + 2);
    // <t>, <t xml:space="preserve">, but not <tabColor> and the like
    if (next !== 62 /* > */ && next !== 32 /* space */ && next !== 47 /* / */) {
      i = t + 2;
      continue;
    }
    const rph = item.lastIndexOf('<rPh', t);
    if (rph >= 0 && item.lastIndexOf('</rPh>', t) < rph) {
      const rphEnd = item.indexOf('</rPh>', t);
      if (rphEnd < 0) break;
      i = rphEnd + 6;
      continue;
    }
    const open = item.indexOf('>', t);
    if (open < 0) break;
    if (item.charCodeAt(open - 1) === 47 /* self-closing <t/> */) {
      i = open + 1;
      continue;
    }
    const close = item.indexOf('</t>', open);
    // A damaged part: what is there is kept, and the scan always moves forward.
    out += decode(item.slice(open + 1, close < 0 ? item.length : close));
    if (close < 0) break;
    i = close + 4;
  }
  return out;
}

function readSharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  let i = 0;
  for (;;) {
    const si = xml.indexOf('<si', i);
    if (si < 0) break;
    const open = xml.indexOf('>', si);
    if (open < 0) break;
    if (xml.charCodeAt(open - 1) === 47) {
      out.push('');
      i = open + 1;
      continue;
    }
    const end = xml.indexOf('</si>', open);
    // Each item is cut out first, so that no search runs past it into the rest of the part.
    out.push(runText(xml.slice(open + 1, end < 0 ? xml.length : end)));
    if (end < 0) break;
    i = end + 5;
  }
  return out;
}

/** The number format of each cell style (index into cellXfs), as exceljs names it; undefined for none. */
function readCellFormats(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt'))
    custom.set(Number(attr(tag, 'numFmtId')), decode(attr(tag, 'formatCode') ?? ''));
  const start = xml.search(/<(?:\w+:)?cellXfs\b/);
  if (start < 0) return [];
  const end = xml.indexOf('cellXfs>', start + 8);
  const out: (string | undefined)[] = [];
  for (const tag of tags(xml, 'xf', start, end < 0 ? xml.length : end)) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    // exceljs: a style with numFmtId 0 (General) has no number format.
    out.push(id ? (custom.get(id) ?? defaultNumFormat(id)) : undefined);
  }
  return out;
}

// ---------------------------------------------------------------------------
// A worksheet.

interface SheetContext {
  sharedStrings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  sheetRels: Map<string, Relationship>;
}

/** Column number of the letters of a cell's A1 address ("AB12" -> 28): once per cell, so no regex (address.ts has one). */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c;
}

/** Excel's limits: anything beyond them is a damaged part, not a cell. */
const MAX_ROW = 1048576;
const MAX_COL = 16384;
const MAX_MERGE_CELLS = 1000000;

interface ReadCell {
  value: CellValue;
  format: string | null;
}

/** A row as exceljs would hold it: its cells by column (sparse arrays), and how far they reach. */
interface RowCells {
  values: CellValue[];
  formats: (string | null)[];
  /** The highest column of any cell exceljs keeps for the row (styled empty cells too). */
  width: number;
  /** Whether exceljs would count the row as having values (a cell of any kind but an empty styled one). */
  hasValues: boolean;
  /** Merged areas over the row, as column pairs [left, right, ...], to refuse an overlapping one. */
  merged: number[] | null;
}

function readSheet(name: string, xml: string, ctx: SheetContext): SheetGrid {
  const rows: (RowCells | undefined)[] = [];
  let lastRow = 0;
  const rowAt = (r: number): RowCells => {
    let row = rows[r];
    if (!row) {
      row = { values: [], formats: [], width: 0, hasValues: false, merged: null };
      rows[r] = row;
      if (r > lastRow) lastRow = r;
    }
    return row;
  };

  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf('sheetData>', dataStart + 10);
  // What follows the cells in the schema: merged areas, hyperlinks.
  const after = dataEnd < 0 ? 0 : dataEnd;

  // Cells of external hyperlinks read as their text, as exceljs gives them.
  const linked = new Set<string>();
  for (const tag of tags(xml, 'hyperlink', after)) {
    const id = attr(tag, 'r:id');
    const ref = attr(tag, 'ref');
    if (id && ref && ctx.sheetRels.has(id) && REL_HYPERLINK.test(ctx.sheetRels.get(id)!.type))
      linked.add(ref);
  }

  let rowNumber = 0;
  let col = 0;
  let i = dataStart < 0 ? xml.length : xml.indexOf('>', dataStart) + 1;
  const end = dataEnd < 0 ? i : dataEnd;
  while (i < end) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    i = gt + 1;
    const c1 = xml.charCodeAt(lt + 1);
    const c2 = xml.charCodeAt(lt + 2);
    // <row ...>: r, o, w, then a space, ">" or "/"
    if (
      c1 === 114 &&
      c2 === 111 &&
      xml.charCodeAt(lt + 3) === 119 &&
      isTagEnd(xml.charCodeAt(lt + 4))
    ) {
      const r = attr(xml.slice(lt, gt), 'r');
      rowNumber = r ? Number(r) : rowNumber + 1;
      col = 0;
      if (rowNumber >= 1 && rowNumber <= MAX_ROW) rowAt(rowNumber);
      continue;
    }
    // <c ...>
    if (c1 !== 99 || !isTagEnd(c2)) continue;
    const tag = xml.slice(lt, gt);
    const ref = attr(tag, 'r');
    col = ref ? columnOf(ref) : col + 1;
    const s = attr(tag, 's');
    const style = s ? Number(s) : 0;
    const type = attr(tag, 't') ?? 'n';
    let body = '';
    if (!selfClosing) {
      const close = xml.indexOf('</c>', i);
      body = xml.slice(i, close < 0 ? end : close);
      i = close < 0 ? end : close + 4;
    }
    if (!(rowNumber >= 1 && rowNumber <= MAX_ROW && col >= 1 && col <= MAX_COL)) continue;
    const cell = readCell(
      body,
      type,
      style,
      ctx,
      ref !== undefined && linked.size > 0 && linked.has(ref),
    );
    if (cell === 'none') continue;
    const row = rowAt(rowNumber);
    if (col > row.width) row.width = col;
    if (cell === 'styled') continue;
    row.hasValues = true;
    row.values[col - 1] = cell.value;
    row.formats[col - 1] = cell.format;
  }

  // Merged areas: the master keeps its value, the other cells read blank (and count, as in exceljs).
  const merges: Area[] = [];
  for (const tag of tags(xml, 'mergeCell', after)) {
    const area = parseArea(attr(tag, 'ref') ?? '');
    // Beyond Excel's limits, or absurdly large (a whole-sheet merge): a damaged part, left out.
    if (
      !area ||
      area.bottom > MAX_ROW ||
      area.right > MAX_COL ||
      (area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_MERGE_CELLS
    )
      continue;
    // exceljs refuses the whole file for an area overlapping another; that one area is left out instead.
    if (overlapsMerged(rows, area)) continue;
    merges.push(area);
    for (let r = area.top; r <= area.bottom; r++) {
      const row = rowAt(r);
      if (area.right > row.width) row.width = area.right;
      (row.merged ??= []).push(area.left, area.right);
      for (let c = r === area.top ? area.left + 1 : area.left; c <= area.right; c++) {
        row.values[c - 1] = '';
        row.formats[c - 1] = null;
        row.hasValues = true;
      }
    }
  }

  let width = 0;
  for (let r = 1; r <= lastRow; r++) {
    const row = rows[r];
    if (row && row.hasValues && row.width > width) width = row.width;
  }
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const vr: CellValue[] = new Array<CellValue>(width).fill('');
    const fr: (string | null)[] = new Array<string | null>(width).fill(null);
    const row = rows[r];
    if (row) {
      const n = Math.min(width, row.values.length);
      for (let c = 0; c < n; c++) {
        const v = row.values[c];
        if (v === undefined) continue;
        vr[c] = v;
        fr[c] = row.formats[c] ?? null;
      }
    }
    values.push(vr);
    formats.push(fr);
  }
  return { name, values, origin: { row: 1, col: 1 }, merges, formats };
}

function isTagEnd(code: number): boolean {
  return code === 62 || code === 47 || isSpace(code);
}

function overlapsMerged(rows: (RowCells | undefined)[], area: Area): boolean {
  for (let r = area.top; r <= area.bottom; r++) {
    const merged = rows[r]?.merged;
    if (!merged) continue;
    for (let k = 0; k < merged.length; k += 2)
      if (merged[k] <= area.right && area.left <= merged[k + 1]) return true;
  }
  return false;
}

/**
 * A cell's value as exceljs's model and then `cellValueOf` give it: formulas by their cached
 * result, errors as their text, booleans, date-formatted numbers through exceljs's date round
 * trip. 'styled' for an empty cell with a style, 'none' for one exceljs does not keep.
 */
function readCell(
  body: string,
  type: string,
  style: number,
  ctx: SheetContext,
  linked: boolean,
): ReadCell | 'styled' | 'none' {
  // exceljs looks a style up only for a style index other than 0.
  const format = style ? ctx.formats[style] : undefined;
  const hasFormula = body.includes('<f');
  const v = elementText(body, 'v');
  let value: CellValue;
  if (hasFormula) {
    if (v === null || v === '') value = '';
    else if (type === 'str') value = exceljsUtils.xmlDecode(v);
    else if (type === 'b') value = parseInt(v, 10) !== 0;
    else if (type === 'e') value = v;
    else value = asDate(parseFloat(v), format, ctx.date1904);
  } else if (type === 'inlineStr' && body.includes('<is')) {
    value = runText(body);
  } else if (v !== null && v !== '') {
    switch (type) {
      case 's':
        value = ctx.sharedStrings[parseInt(v, 10)] ?? '';
        break;
      case 'str':
        value = exceljsUtils.xmlDecode(v);
        break;
      case 'b':
        value = parseInt(v, 10) !== 0;
        break;
      case 'e':
        value = v;
        break;
      default:
        value = asDate(parseFloat(v), format, ctx.date1904);
    }
  } else if (linked) {
    // exceljs turns even an empty cell with a hyperlink into a cell with a (blank) text.
    value = '';
  } else {
    return style ? 'styled' : 'none';
  }
  if (linked) value = String(value);
  return { value, format: format || null };
}

/** A number in a date format reads as exceljs's Date turned back into a serial number. */
function asDate(n: number, format: string | undefined, date1904: boolean): number {
  if (!exceljsUtils.isDateFmt(format)) return n;
  return exceljsUtils.excelToDate(n, date1904).getTime() / 86400000 + 25569;
}

/** The decoded text of the first <name>...</name> in a cell's body, or null. */
function elementText(body: string, name: string): string | null {
  const open = body.indexOf(`<${name}`);
  if (open < 0) return null;
  const gt = body.indexOf('>', open);
  if (body.charCodeAt(gt - 1) === 47) return '';
  const close = body.indexOf(`</${name}>`, gt);
  return decode(body.slice(gt + 1, close < 0 ? body.length : close));
}
