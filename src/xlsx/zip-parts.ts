/**
 * The parts of an .xlsx package, inflated with bounds: a part is inflated only when asked for, never
 * past the size its zip entry declares nor past the caps below, and checked against its CRC. A zip
 * bomb (a part that declares 1,000 bytes and inflates 3 GB) stops at byte 1,001.
 */
import JSZip from 'jszip';
import * as zlib from 'zlib';
import type { Text } from '../engine/messages';

/** How much one read may inflate. The caps keep a hostile file from taking the machine. */
export interface ReadLimits {
  /** Bytes one part may inflate to (a national recap's sheet is about 150 MB). */
  partBytes: number;
  /** Bytes all the parts read from one file may inflate to together. */
  fileBytes: number;
  /** Cells with a value the reader keeps over all sheets (a national recap has about 4.5 million). */
  cells: number;
  /** Items of the shared-string table. */
  sharedStrings: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  partBytes: 512 * 2 ** 20,
  fileBytes: 1024 * 2 ** 20,
  cells: 20_000_000,
  sharedStrings: 5_000_000,
};

/** Why a file cannot be read as a workbook, in both languages, for the caller's message. */
export class WorkbookFormatError extends Error {
  constructor(
    readonly reason: Text,
    /** A stable code for scripts and tests. */
    readonly code: string = 'unreadable',
  ) {
    super(reason.en);
  }
}

export function megabytes(n: number): string {
  return n >= 2 ** 20 ? `${Math.round(n / 2 ** 20).toLocaleString('en')} MB` : `${n} bytes`;
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

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The first bytes of an OLE compound file: legacy .xls, or an .xlsx encrypted with a password. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "EncryptionInfo" as a compound file's directory spells its stream names (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function notWorkbookReason(data: Uint8Array): WorkbookFormatError {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (buf.indexOf(ENCRYPTION_INFO) >= 0)
      return new WorkbookFormatError(
        {
          id: 'berkas dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya, simpan, lalu periksa lagi',
          en: 'the file is protected by a password (encrypted); open it in Excel, remove the password, save, then check again',
        },
        'encrypted',
      );
    return new WorkbookFormatError(
      {
        id: 'berkas Excel lama (.xls); buka di Excel lalu simpan sebagai .xlsx (Buku Kerja Excel)',
        en: 'an old Excel file (.xls); open it in Excel and save as .xlsx (Excel Workbook)',
      },
      'legacy-xls',
    );
  }
  return new WorkbookFormatError(
    { id: 'bukan berkas zip seperti .xlsx', en: 'not a zip file as an .xlsx is' },
    'not-zip',
  );
}

/** An opened package: its part names, and each part's bytes on demand within the limits. */
export class Package {
  private inflated = 0;

  private constructor(
    private readonly zip: JSZip,
    readonly limits: ReadLimits,
  ) {}

  static async open(data: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<Package> {
    if (data.length >= 8 && Buffer.from(data.subarray(0, 8)).equals(CFB_MAGIC))
      throw notWorkbookReason(data);
    try {
      return new Package(await JSZip.loadAsync(data), limits);
    } catch {
      throw notWorkbookReason(data);
    }
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /** The bytes of a part, or null when the package has none by that name. */
  async bytes(path: string): Promise<Buffer | null> {
    const f = this.zip.file(path);
    if (!f) return null;
    const packed = (f as unknown as PackedPart)._data;
    const declared = packed?.uncompressedSize;
    if (declared !== undefined) this.reserve(f.name, declared);
    const magic = packed?.compression?.magic;
    if (
      crc32 &&
      (magic === '\x08\x00' || magic === '\x00\x00') &&
      packed?.compressedContent &&
      declared !== undefined &&
      packed.crc32 !== undefined
    ) {
      let raw: Buffer;
      if (magic === '\x00\x00') raw = Buffer.from(packed.compressedContent);
      else {
        try {
          // Inflated into one buffer one byte longer than the entry declares (no chunks joined
          // afterwards): a part that fills it is damaged (or a zip bomb), and stops there.
          raw = zlib.inflateRawSync(packed.compressedContent, {
            chunkSize: Math.max(64, declared + 1),
            maxOutputLength: Math.max(1, declared),
          });
        } catch {
          throw damaged(f.name);
        }
      }
      if (raw.length !== declared || crc32(raw) >>> 0 !== packed.crc32 >>> 0) throw damaged(f.name);
      return raw;
    }
    // Another compression method, or a JSZip without these fields: JSZip inflates, then the size is checked.
    const raw = await f.async('nodebuffer').catch(() => {
      throw damaged(f.name);
    });
    if (declared === undefined) this.reserve(f.name, raw.length);
    return raw;
  }

  private reserve(part: string, size: number): void {
    if (size > this.limits.partBytes)
      throw new WorkbookFormatError(
        {
          id: `bagian ${part} berukuran ${megabytes(size)} setelah diurai, melebihi batas ${megabytes(this.limits.partBytes)}`,
          en: `its part ${part} is ${megabytes(size)} unpacked, over the limit of ${megabytes(this.limits.partBytes)}`,
        },
        'too-large',
      );
    this.inflated += size;
    if (this.inflated > this.limits.fileBytes)
      throw new WorkbookFormatError(
        {
          id: `bagian-bagiannya berukuran lebih dari ${megabytes(this.limits.fileBytes)} setelah diurai, melebihi batas`,
          en: `its parts are over ${megabytes(this.limits.fileBytes)} unpacked, over the limit`,
        },
        'too-large',
      );
  }
}

export function damaged(part: string): WorkbookFormatError {
  return new WorkbookFormatError(
    { id: `bagian ${part} rusak`, en: `its part ${part} is damaged` },
    'damaged',
  );
}
