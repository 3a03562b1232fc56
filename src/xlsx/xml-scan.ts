/**
 * A small pull tokenizer over the bytes of an XML part: opening and closing tags, text and CDATA;
 * comments, processing instructions and the DOCTYPE are skipped whole. Every byte is looked at a
 * bounded number of times (the scan never goes back), so any input costs time linear in its size.
 * Names are compared without their namespace prefix (`x:row` is a row, as valid OOXML may write it).
 * Custom entities of a DTD are never expanded: they stay as written.
 */

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const AMP = 38;
const DQ = 34;
const SQ = 39;
const EQ = 61;
const DASH = 45;
const LBRACKET = 91;
const RBRACKET = 93;

function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

function isNameEnd(b: number): boolean {
  return b === GT || b === SLASH || isSpace(b) || b !== b; /* NaN: end of input */
}

/** Bytes that arrive while a scan goes on (a part still inflating on another thread). */
export interface GrowingBytes {
  /** Blocks until more than `n` bytes (or all) are there; how many are there then. */
  waitBeyond(n: number): number;
}

export class XmlScanner {
  pos: number;
  /** Local name of the current tag (after any prefix): [nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  /** The attributes of the current opening tag: [attrStart, attrEnd). */
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** The current text or CDATA: [textStart, textEnd); cdata when it is not to be decoded. */
  textStart = 0;
  textEnd = 0;
  cdata = false;
  /** The raw value of the attribute findAttr found: [valStart, valEnd). */
  valStart = 0;
  valEnd = 0;

  /** Where a token ran into the end of the bytes there so far (see next()); -1 when none did. */
  private cutAt = -1;

  /**
   * Scans `buf` from `start` to `end`; with a `source`, the bytes up to `limit` arrive while the
   * scan goes on, and `end` is how many are there so far.
   */
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
    private readonly source: GrowingBytes | null = null,
    readonly limit = end,
  ) {
    this.pos = start;
  }

  next(): Token {
    if (this.source === null) return this.scan();
    for (;;) {
      this.cutAt = -1;
      const t = this.scan();
      if (this.cutAt < 0) return t;
      // The token is not all there yet: wait, then scan it again from its start. Waiting for at
      // least twice its bytes so far keeps a long token's rescans bounded (linear in all).
      this.pos = this.cutAt;
      this.end = this.source.waitBeyond(this.end + Math.max(1 << 16, this.end - this.cutAt));
    }
  }

  private cut(at: number): Token {
    this.cutAt = at;
    return END;
  }

  private scan(): Token {
    const b = this.buf;
    const end = this.end;
    // More bytes to come: a token that runs into `end` is cut, never read short.
    const more = end < this.limit;
    for (;;) {
      let i = this.pos;
      if (i >= end) return more ? this.cut(i) : END;
      if (b[i] !== LT) {
        // Text up to the next tag.
        const start = i;
        while (i < end && b[i] !== LT) i++;
        if (i === end && more) return this.cut(start);
        this.pos = i;
        this.textStart = start;
        this.textEnd = i;
        this.cdata = false;
        return TEXT;
      }
      if (more && i + 9 > end) return this.cut(i);
      const c = b[i + 1];
      if (c === BANG) {
        if (b[i + 2] === DASH && b[i + 3] === DASH) {
          const close = this.find(i + 4, '-->');
          if (close === end && more) return this.cut(i);
          this.pos = Math.min(close + 3, end);
          continue;
        }
        if (b[i + 2] === LBRACKET && b[i + 3] === 67 /* C of [CDATA[ */) {
          const start = i + 9;
          const close = this.find(start, ']]>');
          if (close === end && more) return this.cut(i);
          this.textStart = Math.min(start, end);
          this.textEnd = close;
          this.cdata = true;
          this.pos = Math.min(close + 3, end);
          return TEXT;
        }
        const after = this.skipDeclaration(i + 2);
        if (after === end && more) return this.cut(i);
        this.pos = after;
        continue;
      }
      if (c === QUESTION) {
        const close = this.find(i + 2, '?>');
        if (close === end && more) return this.cut(i);
        this.pos = Math.min(close + 2, end);
        continue;
      }
      const closing = c === SLASH;
      let n = closing ? i + 2 : i + 1;
      let nameStart = n;
      while (n < end && !isNameEnd(b[n])) {
        if (b[n] === COLON) nameStart = n + 1;
        n++;
      }
      // To the tag's end, stepping over quoted attribute values (they may hold ">").
      let j = n;
      while (j < end) {
        const x = b[j];
        if (x === GT) break;
        if (x === DQ || x === SQ) {
          j++;
          while (j < end && b[j] !== x) j++;
        }
        j++;
      }
      if (j >= end && more) return this.cut(i);
      this.nameStart = nameStart;
      this.nameEnd = n;
      this.attrStart = n;
      this.selfClosing = !closing && j < end && b[j - 1] === SLASH;
      this.attrEnd = this.selfClosing ? j - 1 : Math.min(j, end);
      this.pos = Math.min(j + 1, end);
      return closing ? CLOSE : OPEN;
    }
  }

  /** Whether the current tag's local name is `name` (ASCII). */
  is(name: string): boolean {
    const len = this.nameEnd - this.nameStart;
    if (len !== name.length) return false;
    const b = this.buf;
    for (let k = 0; k < len; k++) if (b[this.nameStart + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** The first character code of the current tag's local name (a cheap first test). */
  first(): number {
    return this.nameEnd > this.nameStart ? this.buf[this.nameStart] : -1;
  }

  localName(): string {
    return latin1(this.buf, this.nameStart, this.nameEnd);
  }

  /**
   * Finds an attribute of the current opening tag without decoding it: its raw value is then
   * [valStart, valEnd). `name` is matched against the attribute's local name when `anyPrefix`
   * (r:id under any prefix), else against its qualified name.
   */
  findAttr(name: string, anyPrefix = false): boolean {
    const b = this.buf;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && isSpace(b[i])) i++;
      const qStart = i;
      let lStart = i;
      while (i < end && b[i] !== EQ && !isSpace(b[i])) {
        if (b[i] === COLON) lStart = i + 1;
        i++;
      }
      const qEnd = i;
      if (qEnd === qStart) {
        i++;
        continue;
      }
      while (i < end && isSpace(b[i])) i++;
      if (b[i] !== EQ) continue;
      i++;
      while (i < end && isSpace(b[i])) i++;
      const quote = b[i];
      if (quote !== DQ && quote !== SQ) return false;
      const vStart = i + 1;
      let vEnd = vStart;
      while (vEnd < end && b[vEnd] !== quote) vEnd++;
      i = vEnd + 1;
      const s = anyPrefix ? lStart : qStart;
      if (qEnd - s === name.length && sameAscii(b, s, name)) {
        this.valStart = vStart;
        this.valEnd = vEnd;
        return true;
      }
    }
    return false;
  }

  /** An attribute of the current opening tag, decoded (see findAttr). */
  attr(name: string, anyPrefix = false): string | undefined {
    return this.findAttr(name, anyPrefix)
      ? decodeRange(this.buf, this.valStart, this.valEnd)
      : undefined;
  }

  /** The current text, decoded (entities in text, CDATA as is). */
  text(): string {
    return this.cdata
      ? utf8(this.buf, this.textStart, this.textEnd)
      : decodeRange(this.buf, this.textStart, this.textEnd);
  }

  /**
   * The text content of the element just opened, up to its closing tag, skipping any child
   * element's own text when `direct` (as <t> holds only text; a damaged part stops at its end).
   */
  elementText(): string {
    if (this.selfClosing) return '';
    let out = '';
    let depth = 0;
    for (let t = this.next(); t !== END; t = this.next()) {
      if (t === TEXT) out += this.text();
      else if (t === OPEN) {
        if (!this.selfClosing) depth++;
      } else if (depth === 0) break;
      else depth--;
    }
    return out;
  }

  /** Skips the rest of the element just opened (its children too). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 0;
    for (let t = this.next(); t !== END; t = this.next()) {
      if (t === OPEN) {
        if (!this.selfClosing) depth++;
      } else if (t === CLOSE) {
        if (depth === 0) return;
        depth--;
      }
    }
  }

  private find(from: number, marker: string): number {
    const b = this.buf;
    const m0 = marker.charCodeAt(0);
    for (let i = from; i + marker.length <= this.end; i++) {
      if (b[i] !== m0) continue;
      let k = 1;
      while (k < marker.length && b[i + k] === marker.charCodeAt(k)) k++;
      if (k === marker.length) return i;
    }
    return this.end;
  }

  /** <!DOCTYPE ... [ internal subset ] > and other declarations: skipped, quotes and brackets respected. */
  private skipDeclaration(from: number): number {
    const b = this.buf;
    let i = from;
    let inSubset = false;
    while (i < this.end) {
      const x = b[i];
      if (x === DQ || x === SQ) {
        i++;
        while (i < this.end && b[i] !== x) i++;
      } else if (x === LBRACKET) inSubset = true;
      else if (x === RBRACKET) inSubset = false;
      else if (x === GT && !inSubset) return i + 1;
      i++;
    }
    return this.end;
  }
}

function sameAscii(b: Uint8Array, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

const decoder = new TextDecoder('utf-8');

/** Node's native one-byte decoding (a Buffer method that takes any Uint8Array); a loop where absent. */
const nativeLatin1 =
  typeof Buffer === 'undefined'
    ? undefined
    : (Buffer.prototype as unknown as { latin1Slice?: (start: number, end: number) => string })
        .latin1Slice;

export function utf8(b: Uint8Array, start: number, end: number): string {
  if (end <= start) return '';
  // ASCII, the common case (numbers, references, most names), without the decoder's cost.
  let i = start;
  while (i < end && b[i] < 128) i++;
  if (i === end) return latin1(b, start, end);
  return decoder.decode(b.subarray(start, end));
}

export function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start === 1) return String.fromCharCode(b[start]);
  if (nativeLatin1 !== undefined) return nativeLatin1.call(b, start, end);
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** Bytes as text, with XML's character and predefined entity references resolved. */
export function decodeRange(b: Uint8Array, start: number, end: number): string {
  let amp = false;
  for (let i = start; i < end; i++)
    if (b[i] === AMP) {
      amp = true;
      break;
    }
  const s = utf8(b, start, end);
  return amp ? decodeEntities(s) : s;
}

export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, e: string) => {
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
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}
