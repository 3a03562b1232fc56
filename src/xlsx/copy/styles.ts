/**
 * New cell formats in styles.xml, each cloned from the format a cell already has: the fill of a
 * mark, the wrapped top alignment of a note, the number format of a written number, the bold of
 * the summary's headings. Existing formats are never changed (other cells share them); a format
 * already there is reused, so checking a copy again does not grow the part.
 */
import {
  attr,
  child,
  children,
  decodeXml,
  escapeText,
  rootOf,
  setAttr,
  setOpenAttr,
  UnsafePart,
} from './xml';

export interface StyleChange {
  /** ARGB of a solid fill. */
  fill?: string;
  /** A number format code ("0.00", "0%"). */
  numFmt?: string;
  /** Wrapped text, aligned to the top (the notes). */
  wrapTop?: boolean;
  /** A bold font of this size in points (the summary's title and headings). */
  bold?: number;
}

/** Number formats every Excel knows by id (ECMA-376 §18.8.30): no numFmt element needed. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};

interface Section {
  name: string;
  items: string[];
}

export class StyleBook {
  private readonly p: string;
  private readonly sections = new Map<string, Section>();
  private readonly before: string;
  private readonly after: string;
  /** Top-level children of the style sheet, in order, as text (sections we edit rebuilt on output). */
  private readonly layout: { name: string; text: string }[] = [];
  private readonly memo = new Map<string, number>();
  private changed = false;

  constructor(
    xml: string,
    private readonly part: string,
  ) {
    const { root, prefix } = rootOf(xml, part);
    if (root.open.name !== `${prefix}styleSheet`)
      throw new UnsafePart(part, { id: 'bukan lembar gaya', en: 'not a style sheet' });
    this.p = prefix;
    this.before = xml.slice(0, root.open.end);
    this.after = xml.slice(root.contentEnd);
    let cursor = root.open.end;
    for (const el of children(xml, root.open.end, root.contentEnd)) {
      if (el.open.start > cursor)
        this.layout.push({ name: '', text: xml.slice(cursor, el.open.start) });
      const name = el.open.name;
      this.layout.push({ name, text: xml.slice(el.open.start, el.end) });
      if (
        [`${prefix}numFmts`, `${prefix}fonts`, `${prefix}fills`, `${prefix}cellXfs`].includes(name)
      )
        this.sections.set(name, {
          name,
          items: children(xml, el.open.end, el.contentEnd).map((c) =>
            xml.slice(c.open.start, c.end),
          ),
        });
      cursor = el.end;
    }
    if (cursor < root.contentEnd)
      this.layout.push({ name: '', text: xml.slice(cursor, root.contentEnd) });
    if (!this.sections.has(`${prefix}cellXfs`) || !this.sections.has(`${prefix}fills`))
      throw new UnsafePart(part, {
        id: 'tidak ada daftar format sel (cellXfs) atau isian (fills)',
        en: 'no cell format list (cellXfs) or fill list (fills)',
      });
  }

  private section(name: string): Section {
    const full = `${this.p}${name}`;
    let s = this.sections.get(full);
    if (!s) {
      s = { name: full, items: [] };
      this.sections.set(full, s);
      // numFmts is the style sheet's first child (ECMA-376 CT_Stylesheet); fonts come before fills.
      const at = name === 'numFmts' ? 0 : this.layout.findIndex((l) => l.name === `${this.p}fills`);
      this.layout.splice(Math.max(0, at), 0, { name: full, text: '' });
    }
    return s;
  }

  /** Whether any format was added. */
  get modified(): boolean {
    return this.changed;
  }

  /** The index of a format like `base` with the change; added once, reused when already there. */
  derive(base: number, change: StyleChange): number {
    const key = `${base}|${change.fill ?? ''}|${change.numFmt ?? ''}|${change.wrapTop ? 1 : 0}|${change.bold ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const xfs = this.section('cellXfs');
    let xf =
      xfs.items[base] ??
      xfs.items[0] ??
      `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    if (change.fill !== undefined) {
      xf = setOpenAttr(xf, 'fillId', String(this.fillOf(change.fill)));
      xf = setOpenAttr(xf, 'applyFill', '1');
    }
    if (change.numFmt !== undefined) {
      xf = setOpenAttr(xf, 'numFmtId', String(this.numFmtOf(change.numFmt)));
      xf = setOpenAttr(xf, 'applyNumberFormat', '1');
    }
    if (change.bold !== undefined) {
      xf = setOpenAttr(
        xf,
        'fontId',
        String(this.boldFont(Number(attr(xf, 'fontId') ?? 0), change.bold)),
      );
      xf = setOpenAttr(xf, 'applyFont', '1');
    }
    if (change.wrapTop) xf = this.wrapTop(xf);
    let index = xfs.items.indexOf(xf);
    if (index < 0) {
      index = xfs.items.push(xf) - 1;
      this.changed = true;
    }
    this.memo.set(key, index);
    return index;
  }

  private wrapTop(xf: string): string {
    const p = this.p;
    const el = children(xf, 0, xf.length)[0];
    let open = setAttr(xf.slice(0, el.open.end), 'applyAlignment', '1');
    if (el.open.selfClosing) {
      open = `${open.slice(0, -2).replace(/\s+$/, '')}>`;
      return `${open}<${p}alignment vertical="top" wrapText="1"/></${p}xf>`;
    }
    const body = xf.slice(el.open.end);
    const align = child(body, 0, body.length, `${p}alignment`);
    if (align) {
      let tag = body.slice(align.open.start, align.open.end);
      tag = setAttr(setAttr(tag, 'vertical', 'top'), 'wrapText', '1');
      return open + body.slice(0, align.open.start) + tag + body.slice(align.open.end);
    }
    // alignment is the first child of xf (CT_Xf: alignment, protection, extLst).
    return `${open}<${p}alignment vertical="top" wrapText="1"/>${body}`;
  }

  private fillOf(argb: string): number {
    const fills = this.section('fills');
    const p = this.p;
    const xml = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const i = fills.items.indexOf(xml);
    if (i >= 0) return i;
    this.changed = true;
    return fills.items.push(xml) - 1;
  }

  private numFmtOf(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const fmts = this.section('numFmts');
    let max = 163;
    for (const f of fmts.items) {
      const id = Number(attr(f, 'numFmtId'));
      if (decodeXml(attr(f, 'formatCode') ?? '') === code) return id;
      if (id > max) max = id;
    }
    this.changed = true;
    fmts.items.push(`<${this.p}numFmt numFmtId="${max + 1}" formatCode="${escapeText(code)}"/>`);
    return max + 1;
  }

  private boldFont(base: number, size: number): number {
    const fonts = this.section('fonts');
    const p = this.p;
    const from = fonts.items[base] ?? fonts.items[0] ?? `<${p}font/>`;
    // CT_Font is a choice in any order: drop b and sz, put ours first.
    const inner = from.endsWith('/>')
      ? ''
      : from.slice(from.indexOf('>') + 1, from.lastIndexOf('</'));
    const kept = inner.replace(new RegExp(`<${p}(b|sz)\\b[^>]*?(/>|>[^<]*</${p}\\1>)`, 'g'), '');
    const xml = `<${p}font><${p}b/><${p}sz val="${size}"/>${kept}</${p}font>`;
    const i = fonts.items.indexOf(xml);
    if (i >= 0) return i;
    this.changed = true;
    return fonts.items.push(xml) - 1;
  }

  xml(): string {
    const out = this.layout.map((l) => {
      const s = this.sections.get(l.name);
      if (!s) return l.text;
      const open = l.text ? l.text.slice(0, l.text.indexOf('>') + 1) : `<${s.name}>`;
      const tag = setAttr(
        open.endsWith('/>') ? `${open.slice(0, -2)}>` : open,
        'count',
        String(s.items.length),
      );
      return `${tag}${s.items.join('')}</${s.name}>`;
    });
    return this.before + out.join('') + this.after;
  }
}
