/**
 * The checker writes its copy through a temporary file and a rename
 * (src/xlsx/copy/out-file.ts writeAtomically): a crash while writing leaves no file
 * at OUT, no temporary file behind, and an existing OUT as it was.
 */
import { createHash } from 'crypto';
import { existsSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { run, SAMPLE, STACK_TRACE, tempDir } from '../cli/helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  jest.restoreAllMocks();
  tmp.remove();
});

/** The failures a write can meet: the workbook cannot be serialised, the disk fills up half way, the rename fails. */
const CRASHES: [string, () => void, string][] = [
  [
    'packing the zip fails',
    () =>
      jest.spyOn(JSZip.prototype, 'generateAsync').mockRejectedValue(new Error('out of memory')),
    'out of memory',
  ],
  [
    'the disk fills up half way through the temporary file',
    () => {
      const writeFile = fsp.writeFile.bind(fsp);
      jest.spyOn(fsp, 'writeFile').mockImplementation(async (file, data) => {
        await writeFile(file, (data as Buffer).subarray(0, 1000));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      });
    },
    'ENOSPC',
  ],
  [
    'the temporary file cannot even be made',
    () =>
      jest
        .spyOn(fsp, 'writeFile')
        .mockRejectedValue(
          Object.assign(new Error('EDQUOT: disk quota exceeded, open'), { code: 'EDQUOT' }),
        ),
    'EDQUOT',
  ],
  [
    'the rename fails',
    () =>
      jest
        .spyOn(fsp, 'rename')
        .mockRejectedValue(
          Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }),
        ),
    'EXDEV',
  ],
];

describe.each(CRASHES)('when %s', (_, crash, reason) => {
  it('exits 2 saying the copy cannot be written and why, and leaves neither OUT nor a temporary file', async () => {
    const out = tmp.file('rekap-diperiksa.xlsx');
    crash();
    const r = await run('check', SAMPLE, '--out', out, '--summary');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Salinan "${out}" tidak dapat ditulis`);
    // The reason is the failure itself, not one of cleaning up after it.
    expect(r.stderr).toContain(reason);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('leaves an existing OUT byte-identical, not truncated', async () => {
    const out = tmp.file('rekap-diperiksa.xlsx');
    writeFileSync(out, 'hasil pemeriksaan kemarin');
    const before = sha(out);
    crash();
    expect((await run('check', SAMPLE, '--out', out)).code).toBe(2);
    expect(sha(out)).toBe(before);
    expect(readdirSync(tmp.dir)).toEqual([path.basename(out)]);
  });
});

it('without a crash, writes OUT and leaves no temporary file', async () => {
  const out = tmp.file('rekap-diperiksa.xlsx');
  writeFileSync(out, 'hasil pemeriksaan kemarin');
  expect((await run('check', SAMPLE, '--out', out)).code).toBe(1);
  expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  expect(readdirSync(tmp.dir)).toEqual([path.basename(out)]);
});

it('keeps the copy private to its owner while it is written, and gives it the input’s mode after', async () => {
  const input = tmp.file('rekap.xlsx');
  writeFileSync(input, readFileSync(SAMPLE));
  await fsp.chmod(input, 0o640);
  const out = tmp.file('rekap-diperiksa.xlsx');
  const modes: number[] = [];
  const chmod = fsp.chmod.bind(fsp);
  // Just before the temporary file gets its final mode: what it had while the data went in.
  jest.spyOn(fsp, 'chmod').mockImplementation(async (file, mode) => {
    modes.push((await fsp.stat(file)).mode & 0o777);
    return chmod(file, mode);
  });
  expect((await run('check', input, '--out', out)).code).toBe(1);
  expect(modes).toEqual([0o600]);
  expect((await fsp.stat(out)).mode & 0o777).toBe(0o640);
});
