/**
 * The zip directory read without JSZip (src/xlsx/zip-directory.ts) lists the parts JSZip lists, with
 * the same packed bytes, sizes and checksums; any zip it does not read plainly is left to JSZip.
 */
import { readFileSync } from 'fs';
import path from 'path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { zipDirectory } from '../../src/xlsx/zip-directory';
import { readWorkbook } from '../../src/xlsx/lean-read';

const SAMPLE = readFileSync(path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx'));

interface Packed {
  compression?: { magic?: string };
  compressedContent?: Uint8Array;
  uncompressedSize?: number;
  crc32?: number;
}

/** What JSZip lists: each file (no folder) with its packed data (an empty file: no bytes, unpacked). */
async function jszipParts(data: Uint8Array): Promise<Map<string, Packed> | 'refused'> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return 'refused';
  }
  const out = new Map<string, Packed>();
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir) continue;
    const packed = (f as unknown as { _data: Packed })._data;
    if (packed.compression) out.set(name, packed);
    else {
      // JSZip keeps an empty file as its (empty) content, not packed.
      expect((await f.async('nodebuffer')).length).toBe(0);
      out.set(name, {
        compression: { magic: '\x00\x00' },
        compressedContent: new Uint8Array(0),
        uncompressedSize: 0,
        crc32: 0,
      });
    }
  }
  return out;
}

async function expectSameAsJszip(data: Uint8Array): Promise<boolean> {
  const ours = zipDirectory(data);
  if (ours === null) return false;
  const theirs = await jszipParts(data);
  expect(theirs).not.toBe('refused');
  if (theirs === 'refused') return true;
  expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [name, p] of ours) {
    const t = theirs.get(name)!;
    expect(p.name).toBe(name);
    expect(p._data.compression.magic).toBe(t.compression?.magic);
    expect(Buffer.from(p._data.compressedContent).equals(Buffer.from(t.compressedContent!))).toBe(
      true,
    );
    expect(p._data.uncompressedSize).toBe(t.uncompressedSize);
    expect(p._data.crc32 >>> 0).toBe(t.crc32! >>> 0);
  }
  return true;
}

async function zipOf(
  files: Record<string, string>,
  o: { compression?: 'STORE' | 'DEFLATE'; comment?: string; folders?: string[] } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  for (const f of o.folders ?? []) zip.folder(f);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: o.compression ?? 'DEFLATE',
    comment: o.comment,
  });
}

describe('the zip directory read without JSZip', () => {
  it('lists the parts of a workbook as JSZip does, packed bytes and checksums alike', async () => {
    expect(await expectSameAsJszip(SAMPLE)).toBe(true);
  });

  it('lists stored and deflated parts, leaves folders out, and reads past a comment', async () => {
    const files = { 'a.xml': '<a/>'.repeat(500), 'd/b.bin': 'x', 'empty.txt': '' };
    expect(await expectSameAsJszip(await zipOf(files, { compression: 'STORE' }))).toBe(true);
    expect(await expectSameAsJszip(await zipOf(files, { folders: ['f', 'g/h'] }))).toBe(true);
    expect(await expectSameAsJszip(await zipOf(files, { comment: 'komentar berkas' }))).toBe(true);
    // A comment that holds the end-of-directory signature is JSZip's to make sense of.
    expect(zipDirectory(await zipOf(files, { comment: 'PK\u0005\u0006 komentar' }))).toBeNull();
  });

  it('leaves to JSZip what is not a plain zip: bytes before it, other names, not a zip at all', async () => {
    const plain = await zipOf({ 'a.xml': '<a/>' });
    expect(zipDirectory(Buffer.concat([Buffer.from('MZ-prefix'), plain]))).toBeNull();
    expect(zipDirectory(await zipOf({ 'lembar-é.xml': '<a/>' }))).toBeNull();
    expect(zipDirectory(Buffer.from('not a zip at all, only text'))).toBeNull();
    expect(zipDirectory(plain.subarray(0, plain.length - 1))).toBeNull();
    expect(zipDirectory(new Uint8Array(0))).toBeNull();
  });

  it('leaves a zip to JSZip where a name is one JSZip rewrites (b//c.xml, ./a.xml, x/../a.xml)', async () => {
    for (const [from, to] of [
      ['b/c.xml', 'b//.xml'],
      ['b/c.xml', 'b/./.x'],
      ['b/c.xml', 'b/../cx'],
    ]) {
      const data = Buffer.from(await zipOf({ 'a.xml': '<a>satu</a>', 'b/c.xml': '<c/>' }));
      // The name in the local header and in the central directory alike.
      let at = data.indexOf(from);
      expect(at).toBeGreaterThan(0);
      for (; at >= 0; at = data.indexOf(from, at + 1)) data.write(to, at, 'latin1');
      expect(zipDirectory(data)).toBeNull();
      await expectSameAsJszip(data);
    }
  });

  it('on damaged zips lists only what JSZip lists the same way, or leaves them to JSZip', async () => {
    const base = await zipOf({ 'a.xml': '<a>satu</a>', 'b/c.xml': '<c/>'.repeat(40) });
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.nat({ max: 255 })), {
          minLength: 1,
          maxLength: 3,
        }),
        async (edits) => {
          const data = Buffer.from(base);
          for (const [at, v] of edits) data[at] = v;
          if (await expectSameAsJszip(data)) read++;
        },
      ),
      { numRuns: 400 },
    );
    // Most single-byte damage falls in the packed data, which the directory does not look at.
    expect(read).toBeGreaterThan(0);
  });

  it('gives the checker the grids JSZip gives it', async () => {
    // The same workbook read through JSZip: a byte before the zip makes it not plain.
    const through = await readWorkbook(Buffer.concat([Buffer.from([0]), SAMPLE]));
    expect(zipDirectory(Buffer.concat([Buffer.from([0]), SAMPLE]))).toBeNull();
    const direct = await readWorkbook(SAMPLE);
    expect(direct.grids).toEqual(through.grids);
    expect(direct.notes).toEqual(through.notes);
  });
});
