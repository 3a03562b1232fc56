/**
 * Where the copy goes: never over the input, never onto a directory, FIFO or device (which a
 * rename would replace with a regular file, or an open would block on), always through a
 * temporary file and a rename so that a crash leaves no half-written file, with the input's mode.
 */
import { promises as fs } from 'fs';
import path from 'path';

/** True when two paths name the same file (also through links or case on some systems). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

export type OutKind = 'directory' | 'fifo' | 'device' | 'socket' | 'other';

/** What stands at `out` when it is not a regular file (null: nothing, or a regular file). */
export async function outTargetKind(out: string): Promise<OutKind | null> {
  let st;
  try {
    // stat, not open: opening a FIFO would wait for a writer.
    st = await fs.stat(out);
  } catch {
    return null;
  }
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/**
 * Writes `data` to `out` through a temporary file in the same folder and a rename; the copy gets
 * the mode of `modeOf` (a new document of our own, without one, gets a new file's usual mode).
 */
export async function writeAtomically(
  data: Buffer | Uint8Array,
  out: string,
  modeOf?: string,
): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  await fs.mkdir(dir, { recursive: true });
  const mode = modeOf ? (await fs.stat(modeOf)).mode & 0o777 : 0o666 & ~process.umask();
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data, { mode: 0o600 });
    // Set after writing: the mode given to open is narrowed by the umask.
    await fs.chmod(tmp, mode);
    await fs.rename(tmp, out);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
