/**
 * Just enough XML to edit an .xlsx part in place: tags found by a scanner that
 * steps over comments, CDATA, processing instructions and quoted attribute
 * values, so that a `>` or a `<row` in any of them never cuts a part short.
 * Every edit splices the part's own text; what is not edited stays byte for byte.
 */

export interface Tag {
  /** Offset of "<". */
  start: number;
  /** Offset just after ">". */
  end: number;
  /** Qualified name, with its prefix ("x:row"). */
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/** Thrown where a part cannot be edited safely; the copy is then refused with the reason. */
export class UnsafePart extends Error {
  constructor(
    readonly part: string,
    readonly why: { id: string; en: string },
  ) {
    super(`${part}: ${why.en}`);
  }
}

/** The end of a tag that starts at `start` (just after its ">"), stepping over quoted values; -1 if unterminated. */
function tagEnd(xml: string, start: number): number {
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62 /* > */) return i + 1;
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      const close = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * Calls `visit` for each element tag between `from` and `to`, in order; returning false stops
 * the scan. Comments, CDATA sections, processing instructions and declarations are skipped.
 */
export function scanTags(
  xml: string,
  from: number,
  to: number,
  visit: (t: Tag) => boolean | void,
): void {
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) return;
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) return;
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return;
      i = e + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      const e = tagEnd(xml, lt);
      if (e < 0) return;
      i = e;
      continue;
    }
    const end = tagEnd(xml, lt);
    if (end < 0) return;
    const closing = xml.charCodeAt(lt + 1) === 47; /* / */
    const selfClosing = !closing && xml.charCodeAt(end - 2) === 47;
    let n = lt + (closing ? 2 : 1);
    const nameStart = n;
    while (n < end && !/[\s/>]/.test(xml[n])) n++;
    if (visit({ start: lt, end, name: xml.slice(nameStart, n), closing, selfClosing }) === false)
      return;
    i = end;
  }
}

/** An element found by name at one nesting level: its open tag, and where its content and itself end. */
export interface Element {
  open: Tag;
  /** Offset where the content ends (the close tag's start; open.end for a self-closing element). */
  contentEnd: number;
  /** Offset just after the element. */
  end: number;
}

/**
 * The children of the content between `from` and `to`, with their extents. Linear: one scan,
 * tracking depth, whatever the nesting.
 */
export function children(xml: string, from: number, to: number): Element[] {
  const out: Element[] = [];
  let depth = 0;
  let current: Tag | null = null;
  scanTags(xml, from, to, (t) => {
    if (t.closing) {
      depth--;
      if (depth === 0 && current) {
        out.push({ open: current, contentEnd: t.start, end: t.end });
        current = null;
      }
    } else if (t.selfClosing) {
      if (depth === 0) out.push({ open: t, contentEnd: t.end, end: t.end });
    } else {
      if (depth === 0) current = t;
      depth++;
    }
  });
  return out;
}

/** The first element named `name` among the children of a range. */
export function child(xml: string, from: number, to: number, name: string): Element | null {
  return children(xml, from, to).find((e) => e.open.name === name) ?? null;
}

/** The document element and its namespace prefix ("" or "x:"). */
export function rootOf(xml: string, part: string): { root: Element; prefix: string } {
  const els = children(xml, 0, xml.length);
  const root = els[0];
  if (!root) throw new UnsafePart(part, { id: 'bukan XML yang utuh', en: 'not well-formed XML' });
  const colon = root.open.name.indexOf(':');
  return { root, prefix: colon < 0 ? '' : root.open.name.slice(0, colon + 1) };
}

/** An attribute's raw (still escaped) value in a tag's text; null when absent. */
export function attr(tag: string, name: string): string | null {
  const re = new RegExp(`[\\s]${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? (m[2] ?? m[3]) : null;
}

/** The tag with an attribute set (replaced in place, else added before the tag's end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`([\\s])${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1${name}="${value}"`);
  const at = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, at).replace(/\s+$/, '')} ${name}="${value}"${tag.slice(at)}`;
}

/** An element's text with an attribute set on its open tag (not on a child). */
export function setOpenAttr(element: string, name: string, value: string): string {
  const end = tagEnd(element, 0);
  return setAttr(element.slice(0, end), name, value) + element.slice(end);
}

/** The tag without an attribute. */
export function dropAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s+${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, '');
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/**
 * Text as an OOXML string: XML escapes, and the characters XML 1.0 cannot hold (control
 * characters) as Excel's _xHHHH_ escapes, with a literal "_x0041_" kept literal (ECMA-376 ST_Xstring).
 */
export function escapeText(s: string): string {
  return s
    .replace(/_x[0-9a-fA-F]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[&<>"]/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
    )
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}
