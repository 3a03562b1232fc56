/**
 * The promises of the checker's copy (`check --out`), through the command line
 * (test/cli/helpers.ts), whatever writes the copy: content the copy cannot
 * carry is never lost silently (the copy is refused, or the content is in the
 * copy, byte for byte), and the input is never written over, whatever name
 * --out gives it (the same file through a hard link, a symbolic link, or a
 * name in other case on a file system that ignores case).
 */
import { createHash } from 'crypto';
import { existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { run, tempDir, writeWorkbook, type Run } from '../cli/helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

const sha = (data: Buffer | string) =>
  createHash('sha256')
    .update(typeof data === 'string' ? readFileSync(data) : data)
    .digest('hex');

// One offending IKM, so that the copy has something to mark.
const GRID = recap([
  unit(1, 'DINAS A', tahunan(BASE)),
  unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: 85.1 })),
]).grid;

let plain: string;
beforeAll(async () => {
  plain = tmp.file('rekap.xlsx');
  await writeWorkbook(plain, [GRID]);
});

/** A copy of the plain recap with parts added to its package (and their content types). */
async function withParts(
  name: string,
  parts: Record<string, Buffer | string>,
  contentTypes: string[] = [],
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(plain));
  for (const [part, data] of Object.entries(parts)) zip.file(part, data);
  if (contentTypes.length > 0) {
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', `${contentTypes.join('')}</Types>`));
  }
  const file = tmp.file(name);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

/** The parts of a package, with their bytes' hashes. */
async function partHashes(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, sha(await entry.async('nodebuffer')));
  return out;
}

/**
 * Either the copy was refused (exit 2, saying what would be lost, nothing written) or it holds
 * each of the parts byte for byte.
 */
async function expectRefusedOrKept(
  r: Run,
  out: string,
  parts: Record<string, Buffer | string>,
  named: RegExp,
): Promise<void> {
  if (r.code === 2) {
    expect(r.stderr).toMatch(named);
    expect(existsSync(out)).toBe(false);
    return;
  }
  expect(existsSync(out)).toBe(true);
  const copied = new Set((await partHashes(out)).values());
  for (const data of Object.values(parts))
    expect(copied.has(sha(Buffer.isBuffer(data) ? data : Buffer.from(data)))).toBe(true);
}

// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
// Not a real VBA project: its bytes only need to survive (or the copy be refused).
const VBA = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512, 7)]);

describe('content the copy cannot carry is never lost silently', () => {
  it('an image placed on the sheet: the copy is refused, or holds the image', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plain);
    const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.worksheets[0].addImage(image, 'W2:X4');
    const file = tmp.file('dengan-gambar.xlsx');
    await wb.xlsx.writeFile(file);
    const media = [...(await partHashes(file)).keys()].filter((p) => p.startsWith('xl/media/'));
    expect(media).toHaveLength(1);

    const out = tmp.file('dengan-gambar-diperiksa.xlsx');
    const r = await run('check', file, '--out', out);
    await expectRefusedOrKept(r, out, { [media[0]]: PNG }, /gambar/);
  });

  it('a workbook with macros (.xlsm): the copy is refused, or keeps the VBA project', async () => {
    const file = await withParts('dengan-makro.xlsm', { 'xl/vbaProject.bin': VBA }, [
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    ]);
    const out = tmp.file('dengan-makro-diperiksa.xlsm');
    const r = await run('check', file, '--out', out);
    await expectRefusedOrKept(r, out, { 'xl/vbaProject.bin': VBA }, /makro/i);
  });

  // Each kind exceljs drops, as a part of the package (the copy writer must not look only at charts).
  it.each([
    ['charts', 'xl/charts/chart1.xml', /grafik/],
    ['pivot tables', 'xl/pivotTables/pivotTable1.xml', /pivot/],
    ['images', 'xl/media/image1.png', /gambar/],
    ['drawings', 'xl/drawings/drawing1.xml', /gambar|objek/],
    ['threaded comments', 'xl/threadedComments/threadedComment1.xml', /komentar/],
    ['slicers', 'xl/slicers/slicer1.xml', /slicer/],
    ['VBA macros', 'xl/vbaProject.bin', /makro/i],
  ])('%s: the copy is refused, or holds the part byte for byte', async (kind, part, named) => {
    const data = part.endsWith('.png')
      ? PNG
      : part.endsWith('.bin')
        ? VBA
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><x:${kind.replace(/\W/g, '')} xmlns:x="urn:skm-rekap-test"/>`;
    const file = await withParts(`bagian-${part.replace(/\W/g, '-')}.xlsx`, { [part]: data });
    const out = tmp.file(`bagian-${part.replace(/\W/g, '-')}-diperiksa.xlsx`);
    const r = await run('check', file, '--out', out);
    await expectRefusedOrKept(r, out, { [part]: data }, named);
  });
});

describe('the input is never written over, whatever name --out gives it', () => {
  const refusedAsInput = (r: Run) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/berkas asli|sama|asli/i);
  };

  it('a hard link to the input is the input: refused, the input byte-identical', async () => {
    const input = tmp.file('asli-keras.xlsx');
    await writeWorkbook(input, [GRID]);
    const before = sha(input);
    const link = tmp.file('tautan-keras.xlsx');
    linkSync(input, link);
    refusedAsInput(await run('check', input, '--out', link));
    expect(sha(input)).toBe(before);
    expect(sha(link)).toBe(before);
  });

  it('another name for the same file (a name in other case where case is ignored, else a symbolic link): refused', async () => {
    const input = tmp.file('asli-nama.xlsx');
    await writeWorkbook(input, [GRID]);
    const before = sha(input);
    const upper = tmp.file('ASLI-NAMA.XLSX');
    // On Windows and macOS the upper-case name is the same file; elsewhere a symbolic link plays its part.
    const caseIgnored = existsSync(upper);
    if (!caseIgnored) symlinkSync(input, upper);
    refusedAsInput(await run('check', input, '--out', upper));
    expect(sha(input)).toBe(before);
  });

  it('a different file with the same bytes is not the input: the copy is written', async () => {
    const input = tmp.file('asli-kembar.xlsx');
    await writeWorkbook(input, [GRID]);
    const twin = tmp.file('kembar.xlsx');
    writeFileSync(twin, readFileSync(input));
    const before = sha(input);
    const r = await run('check', input, '--out', twin);
    expect(r.code).toBe(1);
    expect(sha(twin)).not.toBe(before);
    expect(sha(input)).toBe(before);
  });
});
