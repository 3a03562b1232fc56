/**
 * The parts of a plain zip listed straight from its central directory, as JSZip lists them, without
 * JSZip: JSZip's reader first rewrites every byte of the file (`data[i] & 0xFF`, 21 MB for a
 * national recap) and loading it costs every check its start-up. Only a zip of the plain shape is
 * read here: one disk, no ZIP64, no encryption, stored or deflated parts, ASCII names, no bytes
 * before the first part or between the directory and its end, every part where the directory says.
 * For anything else this gives null and JSZip reads the file as before, with its own checks and
 * refusals, so no file is read differently (test/xlsx/zip-directory.test.ts compares the two).
 */

/** A part as JSZip keeps it before unpacking (the fields zip-parts.ts reads). */
export interface DirectoryPart {
  name: string;
  _data: {
    compression: { magic: string };
    compressedContent: Uint8Array;
    uncompressedSize: number;
    crc32: number;
  };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** JSZip's extra fields that change what it reads: the ZIP64 sizes and the Unicode path. */
const ZIP64_EXTRA = 0x0001;
const UNICODE_PATH_EXTRA = 0x7075;

/** The files of a plain zip by name (folders left out, as JSZip's file() does), or null. */
export function zipDirectory(data: Uint8Array): Map<string, DirectoryPart> | null {
  const n = data.length;
  if (n < 22) return null;
  const u16 = (at: number) => data[at] | (data[at + 1] << 8);
  const u32 = (at: number) =>
    (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)) >>> 0;
  // The last end-of-directory signature, as JSZip looks for it (a comment may follow it).
  let end = -1;
  for (let i = n - 4, stop = Math.max(0, n - 22 - 0xffff); i >= stop; i--)
    if (data[i] === 0x50 && u32(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0 || end + 22 > n) return null;
  const count = u16(end + 10);
  const size = u32(end + 12);
  const offset = u32(end + 16);
  if (
    u16(end + 4) !== 0 ||
    u16(end + 6) !== 0 ||
    u16(end + 8) !== count ||
    count === 0xffff ||
    size === 0xffffffff ||
    offset === 0xffffffff ||
    end + 22 + u16(end + 20) !== n ||
    offset + size !== end
  )
    return null;

  const parts = new Map<string, DirectoryPart>();
  const names = new Set<string>();
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return null;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const packedSize = u32(at + 20);
    const fullSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const external = u32(at + 38);
    const local = u32(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (
      next > end ||
      flags & 1 ||
      (method !== 0 && method !== 8) ||
      u16(at + 34) !== 0 ||
      packedSize >= 2 ** 31 ||
      fullSize >= 2 ** 31
    )
      return null;
    // Extra fields, each id, length, data; a ZIP64 or Unicode path field is JSZip's to read.
    for (let e = at + 46 + nameLength, stop = e + extraLength; e < stop;) {
      if (e + 4 > stop) return null;
      const id = u16(e);
      if (id === ZIP64_EXTRA || id === UNICODE_PATH_EXTRA) return null;
      e += 4 + u16(e + 2);
      if (e > stop) return null;
    }
    // JSZip names a part by its local header's name, and finds its data after it.
    if (local + 30 > offset || u32(local) !== LOCAL) return null;
    const localName = u16(local + 26);
    const start = local + 30 + localName + u16(local + 28);
    if (start + packedSize > offset) return null;
    let name = '';
    for (let i = local + 30; i < local + 30 + localName; i++) {
      if (data[i] >= 128) return null;
      name += String.fromCharCode(data[i]);
    }
    // A name JSZip would rewrite ("b//c.xml", "./a.xml", "x/../a.xml") is left to JSZip.
    if (resolvedName(name) !== name || names.has(name)) return null;
    names.add(name);
    at = next;
    // Folders, by their attribute or their trailing slash, as JSZip tells them.
    if (external & 0x10 || name.endsWith('/')) continue;
    // A part of no bytes is empty whatever its data holds, as JSZip reads it.
    const empty = fullSize === 0;
    parts.set(name, {
      name,
      _data: {
        compression: { magic: method === 8 && !empty ? '\x08\x00' : '\x00\x00' },
        compressedContent: data.subarray(start, empty ? start : start + packedSize),
        uncompressedSize: fullSize,
        crc32: empty ? 0 : crc | 0,
      },
    });
  }
  return at === end ? parts : null;
}

/**
 * A part's name as JSZip resolves it when it loads a zip (jszip/lib/utils.js, resolve(): "." and
 * inner empty segments dropped, ".." taking the segment before it away).
 */
function resolvedName(name: string): string {
  const parts = name.split('/');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) return;
    if (part === '..') out.pop();
    else out.push(part);
  });
  return out.join('/');
}
