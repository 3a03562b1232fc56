/**
 * Opening an .xlsx file for the commands: every file-system problem told apart (not found,
 * permission, a directory, a special file, too large), the workbook read by the lean reader within
 * its caps, and one sentence in the user's language for each way it can fail. A FIFO or a device is
 * never read: the file is opened without blocking and looked at before a byte is read.
 */
import { constants, promises as fs } from 'fs';
import type { Text } from '../engine/messages';
import {
  DEFAULT_LIMITS,
  readWorkbook,
  WorkbookFormatError,
  type ReadLimits,
  type WorkbookRead,
} from '../xlsx/lean-read';
import { megabytes } from '../xlsx/zip-parts';

export type Opened =
  | { ok: true; buffer: Buffer; read: WorkbookRead }
  | { ok: false; message: Text; code: OpenProblem };

export type OpenProblem =
  | 'not-found'
  | 'permission'
  | 'directory'
  | 'special-file'
  | 'too-large'
  | 'cannot-open'
  | 'unreadable';

export const openMessages = {
  notFound: (f: string): Text => ({
    id: `Berkas "${f}" tidak ditemukan.`,
    en: `File "${f}" not found.`,
  }),
  permission: (f: string): Text => ({
    id: `Berkas "${f}" tidak boleh dibaca (izin ditolak): periksa hak akses berkas itu.`,
    en: `File "${f}" may not be read (permission denied): check the file's permissions.`,
  }),
  directory: (f: string): Text => ({
    id: `"${f}" adalah folder, bukan berkas .xlsx.`,
    en: `"${f}" is a folder, not an .xlsx file.`,
  }),
  specialFile: (f: string): Text => ({
    id: `"${f}" bukan berkas biasa (pipa, perangkat atau soket): sebutkan berkas .xlsx.`,
    en: `"${f}" is not a regular file (a pipe, a device or a socket): name an .xlsx file.`,
  }),
  tooLarge: (f: string, size: number, limit: number): Text => ({
    id: `Berkas "${f}" berukuran ${megabytes(size)}, melebihi batas ${megabytes(limit)} untuk sebuah rekap.`,
    en: `File "${f}" is ${megabytes(size)}, over the limit of ${megabytes(limit)} for a recap.`,
  }),
  cannotOpen: (f: string, code: string): Text => ({
    id: `Berkas "${f}" tidak dapat dibuka (${code}).`,
    en: `File "${f}" cannot be opened (${code}).`,
  }),
  unreadable: (f: string, why: Text): Text => ({
    id: `Berkas "${f}" tidak dapat dibaca sebagai buku kerja .xlsx (${why.id}).`,
    en: `File "${f}" cannot be read as an .xlsx workbook (${why.en}).`,
  }),
};

/** The size of .xlsx file the commands accept (before unpacking; the parts have their own caps). */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.fileBytes;

/** Reads an .xlsx file into sheet grids with every check, or says in one sentence why not. */
export async function openWorkbook(
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<Opened> {
  const bytes = await readFileChecked(file, Math.min(MAX_FILE_BYTES, limits.fileBytes));
  if (!bytes.ok) return bytes;
  try {
    return { ok: true, buffer: bytes.buffer, read: await readWorkbook(bytes.buffer, limits) };
  } catch (err) {
    if (err instanceof WorkbookFormatError)
      return {
        ok: false,
        code: 'unreadable',
        message: openMessages.unreadable(file, err.reason),
      };
    throw err;
  }
}

/** A file's bytes after the checks of the file system, or the problem. */
export async function readFileChecked(
  file: string,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<{ ok: true; buffer: Buffer } | { ok: false; message: Text; code: OpenProblem }> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return fsProblem(file, err);
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory())
      return { ok: false, code: 'directory', message: openMessages.directory(file) };
    if (!st.isFile())
      return { ok: false, code: 'special-file', message: openMessages.specialFile(file) };
    if (st.size > maxBytes)
      return {
        ok: false,
        code: 'too-large',
        message: openMessages.tooLarge(file, st.size, maxBytes),
      };
    const buffer = fileBuffer(st.size);
    let at = 0;
    while (at < st.size) {
      const { bytesRead } = await handle.read(buffer, at, st.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { ok: true, buffer: at === st.size ? buffer : buffer.subarray(0, at) };
  } catch (err) {
    return fsProblem(file, err);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Room for a file's bytes. In shared memory where the platform has it: the sheet part is then
 * handed to the inflating thread (src/xlsx/zip-parts.ts, StreamedPart) as a view, where a view of
 * ordinary memory is copied whole into the thread's message, 130 ms at 21 MB on this machine (the
 * whole file, since a view is cloned with all of the memory it views).
 */
function fileBuffer(size: number): Buffer {
  return typeof SharedArrayBuffer === 'function'
    ? Buffer.from(new SharedArrayBuffer(size))
    : Buffer.alloc(size);
}

function fsProblem(file: string, err: unknown): { ok: false; message: Text; code: OpenProblem } {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, code: 'not-found', message: openMessages.notFound(file) };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, code: 'permission', message: openMessages.permission(file) };
    case 'EISDIR':
      return { ok: false, code: 'directory', message: openMessages.directory(file) };
    case 'EFBIG':
    case 'ERR_FS_FILE_TOO_LARGE':
      return {
        ok: false,
        code: 'too-large',
        message: openMessages.tooLarge(file, MAX_FILE_BYTES + 1, MAX_FILE_BYTES),
      };
    default:
      // The system's error code only (ELOOP, EIO, ...), never a library's sentence or a path of ours.
      return {
        ok: false,
        code: 'cannot-open',
        message: openMessages.cannotOpen(file, /^[A-Z0-9_]+$/.test(code) ? code : 'I/O'),
      };
  }
}
