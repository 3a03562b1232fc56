/**
 * Edits one worksheet part in place: the cells written go into sheetData in row and column order,
 * an existing <c> keeps its other attributes and only loses t/s/vm and its children where a value
 * replaces them; a cell with a formula or a rich value is never overwritten (reported instead).
 * Everything else in the part (conditional formats, validations, extLst, drawings ...) stays as it
 * was, character for character.
 */
import { a1, columnLetters, parseA1, parseArea, type Area } from '../../engine/address';
import {
  attr,
  child,
  children,
  dropAttr,
  escapeText,
  rootOf,
  setAttr,
  UnsafePart,
  type Element,
} from './xml';
import type { StyleBook, StyleChange } from './styles';

export interface CellEdit {
  row: number;
  col: number;
  /** The value to write; undefined leaves the value (a mark changes only the style). */
  value?: string | number;
  style?: StyleChange;
  /** A mark's fill that applies only if the value cannot be written (a formula kept keeps its mark). */
  keptFill?: string;
}

/** A planned value that was not written because the cell holds a formula or a rich value. */
export interface KeptCell {
  row: number;
  col: number;
  value: string | number;
}

interface RowInfo {
  el: Element;
  r: number;
}

const NOTES_WIDTH = 60;

export function editSheet(
  xml: string,
  part: string,
  edits: CellEdit[],
  styles: StyleBook,
  widen: number | null,
): { xml: string; kept: KeptCell[] } {
  const { root, prefix: p } = rootOf(xml, part);
  if (root.open.name !== `${p}worksheet`)
    throw new UnsafePart(part, { id: 'bukan lembar kerja', en: 'not a worksheet' });
  const top = children(xml, root.open.end, root.contentEnd);
  const sheetData = top.find((e) => e.open.name === `${p}sheetData`);
  if (!sheetData)
    throw new UnsafePart(part, { id: 'tidak ada sheetData', en: 'no sheetData element' });

  // The rows, with their numbers (implied ones counted on from the previous row).
  const rows: RowInfo[] = [];
  let last = 0;
  for (const el of children(xml, sheetData.open.end, sheetData.contentEnd)) {
    if (el.open.name !== `${p}row`) continue;
    const tag = xml.slice(el.open.start, el.open.end);
    const r = attr(tag, 'r') === null ? last + 1 : Number(attr(tag, 'r'));
    if (!Number.isInteger(r) || r <= last)
      throw new UnsafePart(part, {
        id: `baris ${attr(tag, 'r')} tidak berurutan atau tidak sah`,
        en: `row ${attr(tag, 'r')} out of order or invalid`,
      });
    rows.push({ el, r });
    last = r;
  }

  const colStyles = columnStyles(xml, top, p);
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const list = byRow.get(e.row) ?? [];
    list.push(e);
    byRow.set(e.row, list);
  }
  const kept: KeptCell[] = [];
  const pieces: string[] = [];
  let cursor = sheetData.open.end;
  let sheetDataOpen = xml.slice(sheetData.open.start, sheetData.open.end);
  if (sheetData.open.selfClosing) sheetDataOpen = `${sheetDataOpen.slice(0, -2)}>`;
  const targetRows = [...byRow.keys()].sort((x, y) => x - y);
  let ri = 0;
  let bounds = { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
  const grow = (row: number, col: number) => {
    bounds = {
      top: Math.min(bounds.top, row),
      left: Math.min(bounds.left, col),
      bottom: Math.max(bounds.bottom, row),
      right: Math.max(bounds.right, col),
    };
  };
  const newRow = (r: number) => {
    const cells = byRow
      .get(r)!
      .sort((x, y) => x.col - y.col)
      .map((e) => {
        grow(r, e.col);
        return cellXml(p, r, e, colStyles.get(e.col) ?? 0, styles, null)!;
      });
    return `<${p}row r="${r}">${cells.join('')}</${p}row>`;
  };
  for (const row of rows) {
    while (ri < targetRows.length && targetRows[ri] < row.r) pieces.push(newRow(targetRows[ri++]));
    if (ri < targetRows.length && targetRows[ri] === row.r) {
      pieces.push(xml.slice(cursor, row.el.open.start));
      pieces.push(editRow(xml, part, p, row, byRow.get(row.r)!, colStyles, styles, kept, grow));
      cursor = row.el.end;
      ri++;
    }
  }
  pieces.push(xml.slice(cursor, sheetData.contentEnd));
  while (ri < targetRows.length) pieces.push(newRow(targetRows[ri++]));
  const close = sheetData.open.selfClosing
    ? `</${p}sheetData>`
    : xml.slice(sheetData.contentEnd, sheetData.end);
  const newSheetData = sheetDataOpen + pieces.join('') + close;

  // The rest of the worksheet: the dimension grown to the cells written, the notes column widened.
  let head = xml.slice(0, sheetData.open.start);
  const tail = xml.slice(sheetData.end);
  // Later offsets first: <cols> comes after <dimension>, so the dimension's offsets stay valid.
  if (widen !== null) head = widenColumn(head, top, p, widen);
  const dim = top.find((e) => e.open.name === `${p}dimension`);
  if (dim && bounds.top !== Infinity) {
    const tag = xml.slice(dim.open.start, dim.open.end);
    const ref = parseArea(attr(tag, 'ref') ?? '');
    const area = ref
      ? {
          top: Math.min(ref.top, bounds.top),
          left: Math.min(ref.left, bounds.left),
          bottom: Math.max(ref.bottom, bounds.bottom),
          right: Math.max(ref.right, bounds.right),
        }
      : bounds;
    const text =
      area.top === area.bottom && area.left === area.right
        ? a1(area.top, area.left)
        : `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
    head = head.slice(0, dim.open.start) + setAttr(tag, 'ref', text) + head.slice(dim.open.end);
  }
  return { xml: head + newSheetData + tail, kept };
}

/** The style of each column from <cols>, for a cell created where none was. */
function columnStyles(xml: string, top: Element[], p: string): Map<number, number> {
  const out = new Map<number, number>();
  const cols = top.find((e) => e.open.name === `${p}cols`);
  if (!cols) return out;
  for (const c of children(xml, cols.open.end, cols.contentEnd)) {
    const tag = xml.slice(c.open.start, c.open.end);
    const style = Number(attr(tag, 'style') ?? 0);
    if (!style) continue;
    const min = Number(attr(tag, 'min'));
    const max = Math.min(Number(attr(tag, 'max')), min + 16384);
    for (let i = min; i <= max; i++) out.set(i, style);
  }
  return out;
}

/**
 * The notes column at least NOTES_WIDTH wide: its <col> set, split out of a range, or added. `head`
 * is the part up to sheetData, so a new <cols> goes at its end (cols comes right before sheetData).
 */
function widenColumn(head: string, top: Element[], p: string, col: number): string {
  const cols = top.find((e) => e.open.name === `${p}cols`);
  const ours = `<${p}col min="${col}" max="${col}" width="${NOTES_WIDTH}" customWidth="1"/>`;
  if (!cols) return `${head}<${p}cols>${ours}</${p}cols>`;
  const items = children(head, cols.open.end, cols.contentEnd);
  for (const c of items) {
    const tag = head.slice(c.open.start, c.open.end);
    const min = Number(attr(tag, 'min'));
    const max = Number(attr(tag, 'max'));
    if (col < min || col > max) continue;
    if (Number(attr(tag, 'width') ?? 0) >= 40) return head;
    // A <col> with children: left as it is.
    if (!tag.endsWith('/>')) return head;
    const part = (from: number, to: number, width?: string) => {
      let t = setAttr(setAttr(tag, 'min', String(from)), 'max', String(to));
      if (width) t = setAttr(setAttr(t, 'width', width), 'customWidth', '1');
      return t;
    };
    const split = [
      ...(min < col ? [part(min, col - 1)] : []),
      part(col, col, String(NOTES_WIDTH)),
      ...(col < max ? [part(col + 1, max)] : []),
    ].join('');
    return head.slice(0, c.open.start) + split + head.slice(c.end);
  }
  const after = items.find((c) => Number(attr(head.slice(c.open.start, c.open.end), 'min')) > col);
  const at = after ? after.open.start : cols.contentEnd;
  return head.slice(0, at) + ours + head.slice(at);
}

function editRow(
  xml: string,
  part: string,
  p: string,
  row: RowInfo,
  edits: CellEdit[],
  colStyles: Map<number, number>,
  styles: StyleBook,
  kept: KeptCell[],
  grow: (row: number, col: number) => void,
): string {
  let open = xml.slice(row.el.open.start, row.el.open.end);
  if (row.el.open.selfClosing) open = `${open.slice(0, -2).replace(/\s+$/, '')}>`;
  const rowStyle = attr(open, 'customFormat') === '1' ? Number(attr(open, 's') ?? 0) : null;
  const cells = row.el.open.selfClosing
    ? []
    : children(xml, row.el.open.end, row.el.contentEnd).filter((c) => c.open.name === `${p}c`);
  const located = cells.map((c) => {
    const ref = attr(xml.slice(c.open.start, c.open.end), 'r');
    const at = ref === null ? null : parseA1(ref);
    if (!at || at.row !== row.r)
      throw new UnsafePart(part, {
        id: `baris ${row.r} memuat sel tanpa alamat yang sah`,
        en: `row ${row.r} holds a cell without a valid reference`,
      });
    return { el: c, col: at.col };
  });
  const byCol = new Map(edits.map((e) => [e.col, e]));
  const existingCols = new Set(located.map((c) => c.col));
  const fresh = edits.filter((e) => !existingCols.has(e.col)).sort((x, y) => x.col - y.col);
  const baseOf = (col: number) => rowStyle ?? colStyles.get(col) ?? 0;

  const out: string[] = [];
  let cursor = row.el.open.end;
  let k = 0;
  for (const c of located) {
    while (k < fresh.length && fresh[k].col < c.col) {
      grow(row.r, fresh[k].col);
      out.push(cellXml(p, row.r, fresh[k], baseOf(fresh[k].col), styles, null)!);
      k++;
    }
    out.push(xml.slice(cursor, c.el.open.start));
    const e = byCol.get(c.col);
    const text = xml.slice(c.el.open.start, c.el.end);
    if (!e) out.push(text);
    else {
      const result = cellXml(p, row.r, e, 0, styles, { xml, el: c.el });
      if (result === null) {
        kept.push({ row: row.r, col: c.col, value: e.value! });
        // The formula stays; a mark on the cell is still made.
        const fill = e.style?.fill ?? e.keptFill;
        out.push(
          fill
            ? (cellXml(p, row.r, { row: row.r, col: c.col, style: { fill } }, 0, styles, {
                xml,
                el: c.el,
              }) ?? text)
            : text,
        );
      } else {
        grow(row.r, c.col);
        out.push(result);
      }
    }
    cursor = c.el.end;
  }
  while (k < fresh.length) {
    grow(row.r, fresh[k].col);
    out.push(cellXml(p, row.r, fresh[k], baseOf(fresh[k].col), styles, null)!);
    k++;
  }
  out.push(xml.slice(cursor, row.el.contentEnd));
  let spanned = open;
  const spans = attr(open, 'spans');
  if (spans !== null) {
    const nums = spans
      .split(/[\s:]+/)
      .map(Number)
      .filter(Number.isFinite);
    const cols = [...nums, ...edits.map((e) => e.col)];
    spanned = setAttr(open, 'spans', `${Math.min(...cols)}:${Math.max(...cols)}`);
  }
  return `${spanned}${out.join('')}</${p}row>`;
}

/**
 * A cell's XML: a new one (existing null) or an existing one rewritten. Null when the existing
 * cell holds a formula or a rich value and a value was to be written: it is kept as it is.
 */
function cellXml(
  p: string,
  row: number,
  e: CellEdit,
  base: number,
  styles: StyleBook,
  existing: { xml: string; el: Element } | null,
): string | null {
  let open = `<${p}c r="${columnLetters(e.col)}${row}">`;
  let body = '';
  let style = base;
  if (existing) {
    const { xml, el } = existing;
    open = xml.slice(el.open.start, el.open.end);
    body = el.open.selfClosing ? '' : xml.slice(el.open.end, el.contentEnd);
    if (el.open.selfClosing) open = `${open.slice(0, -2).replace(/\s+$/, '')}>`;
    style = Number(attr(open, 's') ?? 0);
    if (e.value !== undefined) {
      const formula = child(body, 0, body.length, `${p}f`) !== null;
      if (formula || attr(open, 'vm') !== null) return null;
    }
  }
  if (e.style && Object.keys(e.style).length > 0) {
    const s = styles.derive(style, e.style);
    open = s === 0 ? dropAttr(open, 's') : setAttr(open, 's', String(s));
  } else if (!existing && style !== 0) open = setAttr(open, 's', String(style));
  if (e.value !== undefined) {
    open = dropAttr(dropAttr(open, 't'), 'vm');
    if (typeof e.value === 'number') body = `<${p}v>${numberText(e.value)}</${p}v>`;
    else if (e.value === '') body = '';
    else {
      open = setAttr(open, 't', 'inlineStr');
      body = `<${p}is><${p}t xml:space="preserve">${escapeText(e.value)}</${p}t></${p}is>`;
    }
  }
  return `${open}${body}</${p}c>`;
}

/** A number as xsd:double text, never with a locale's comma. */
function numberText(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return String(x);
}

/**
 * The merged areas as the sheet XML lists them, all of them: the plan steps around these, whatever
 * a reader left out (a whole-column merge, say).
 */
export function mergesIn(xml: string, part: string): Area[] {
  const { root, prefix: p } = rootOf(xml, part);
  const list = children(xml, root.open.end, root.contentEnd).find(
    (e) => e.open.name === `${p}mergeCells`,
  );
  if (!list) return [];
  const out: Area[] = [];
  for (const m of children(xml, list.open.end, list.contentEnd)) {
    const area = parseArea(attr(xml.slice(m.open.start, m.open.end), 'ref') ?? '');
    if (area) out.push(area);
  }
  return out;
}

/**
 * Whether the sheet is protected: a <sheetProtection> whose `sheet` attribute is on (ECMA-376
 * 18.3.1.85; without it, or with sheet="0", Excel lets anyone edit the sheet).
 */
export function sheetProtected(xml: string, part: string): boolean {
  const { root, prefix: p } = rootOf(xml, part);
  const prot = children(xml, root.open.end, root.contentEnd).find(
    (e) => e.open.name === `${p}sheetProtection`,
  );
  if (!prot) return false;
  const v = attr(xml.slice(prot.open.start, prot.open.end), 'sheet');
  return v === '1' || v === 'true';
}
