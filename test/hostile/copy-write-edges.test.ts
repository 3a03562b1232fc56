/**
 * The copy's writer (src/xlsx/copy/write-copy.ts, out-file.ts) on parts it must not guess at and
 * targets it must not replace: text that is not UTF-8, parts missing, a socket at --out, a copy
 * written without an input to take its mode from (issue 16: what its mutation run left untested).
 */
import { createServer, type Server } from 'net';
import { readFileSync, statSync, writeFileSync } from 'fs';
import { writeAtomically } from '../../src/xlsx/copy/out-file';
import { run, tempDir } from '../cli/helpers';
import { BASE, OTHER, recap, tahunan, unit, type TestGrid } from '../engine/grid';
import { a1 } from '../../src/engine/address';
import { gridWidth } from '../../src/engine/grid';
import { buildXlsx, partsOf, sheetXml, STYLES, xfOf } from './copy-build';

const tmp = tempDir();
afterAll(() => tmp.remove());

const UNITS = [
  unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
  unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
];

/** The recap's sheet name, as the messages name it. */
const SHEET = recap(UNITS).grid.name;

/** The recap as an .xlsx in the test folder, its grid changed first (merges added, say). */
async function recapFile(name: string, change: (g: TestGrid) => void = () => {}): Promise<string> {
  const built = recap(UNITS, { formats: { realisation: '0%' } });
  change(built.grid);
  const input = tmp.file(name);
  writeFileSync(
    input,
    await buildXlsx({ sheets: [{ name: built.grid.name, xml: sheetXml(built.grid) }] }),
  );
  return input;
}

let n = 0;
/** Writes the recap with some parts replaced (or removed, as null), checks it with --out. */
async function copyWith(parts: Record<string, Buffer | string | null>, ...args: string[]) {
  const input = await recapFile(`rekap-${++n}.xlsx`);
  const out = tmp.file(`rekap-${n}-diperiksa.xlsx`);
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(input));
  for (const [name, content] of Object.entries(parts)) {
    if (content === null) zip.remove(name);
    else zip.file(name, content);
  }
  writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
  const r = await run('check', input, '--out', out, ...args);
  return { ...r, input, out };
}

const refusal = (input: string, part: string, why: string) =>
  `skm-rekap: Salinan tidak dibuat: bagian ${part} dari berkas "${input}" tidak dapat diubah dengan aman (${why}). Laporan di atas tetap berlaku.`;

describe('parts the copy would have to edit', () => {
  it('refuses a style sheet written in UTF-16, either byte order, naming it; no copy is written', async () => {
    for (const bom of [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])]) {
      const text =
        bom[0] === 0xff ? Buffer.from(STYLES, 'utf16le') : swap(Buffer.from(STYLES, 'utf16le'));
      const r = await copyWith({ 'xl/styles.xml': Buffer.concat([bom, text]) });
      expect(r.stderr.trim().split('\n')).toContain(
        refusal(r.input, 'xl/styles.xml', 'ditulis dalam UTF-16'),
      );
      expect(() => statSync(r.out)).toThrow();
    }
  });

  it('refuses a style sheet whose bytes are not valid UTF-8, rather than guess its characters', async () => {
    const bad = Buffer.concat([
      Buffer.from(STYLES.replace('</styleSheet>', '<!-- ')),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' --></styleSheet>'),
    ]);
    const r = await copyWith({ 'xl/styles.xml': bad });
    expect(r.stderr).toContain(refusal(r.input, 'xl/styles.xml', 'bukan teks UTF-8 yang sah'));
    expect(() => statSync(r.out)).toThrow();
  });

  it('refuses a workbook without a style sheet, which the marks must extend', async () => {
    const r = await copyWith({ 'xl/styles.xml': null });
    expect(r.stderr).toContain(refusal(r.input, 'xl/styles.xml', 'bagian ini tidak ada'));
    expect(() => statSync(r.out)).toThrow();
  });

  it('refuses to add the summary to a package without its content types list', async () => {
    const r = await copyWith({ '[Content_Types].xml': null }, '--summary');
    expect(r.stderr).toContain(refusal(r.input, '[Content_Types].xml', 'bagian ini tidak ada'));
    expect(() => statSync(r.out)).toThrow();
  });

  it('writes a copy whose parts are all UTF-8, with the style sheet grown by the marks', async () => {
    const r = await copyWith({});
    expect(r.code).toBe(1);
    const parts = await partsOf(r.out);
    const styles = parts.get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain('<fgColor rgb="FFF4B6B6"/>');
    expect(styles.length).toBeGreaterThan(STYLES.length);
  });
});

describe('what the copy says it did not write', () => {
  it('names the finding sentences that found no free row under the table, in either language', async () => {
    // Everything under the table merged to the sheet's last row: no row is free for the sentences.
    for (const lang of ['id', 'en']) {
      const input = await recapFile(`tanpa-baris-${lang}.xlsx`, (g) =>
        g.merges!.push({ top: 8, left: 1, bottom: 1048576, right: 20 }),
      );
      const out = tmp.file(`tanpa-baris-${lang}-diperiksa.xlsx`);
      const r = await run('check', input, '--out', out, '--lang', lang);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain(
        lang === 'id'
          ? `Lembar "${SHEET}": tidak ada baris kosong di bawah tabel untuk kalimat temuan; tidak ditulis (`
          : `Sheet "${SHEET}": no empty row under the table for the finding sentence; not written (`,
      );
      expect(statSync(out).isFile()).toBe(true);
    }
  });

  it('says when no column right of the table is free for the notes, writes the rest, and widens no column', async () => {
    // Every column right of the table merged over the table's rows, up to the sheet's last (XFD).
    const input = await recapFile('tanpa-kolom.xlsx', (g) =>
      g.merges!.push({ top: 1, left: 21, bottom: 7, right: 16384 }),
    );
    const out = tmp.file('tanpa-kolom-diperiksa.xlsx');
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `Lembar "${SHEET}": tidak ada kolom kosong di kanan tabel untuk "Catatan Validasi"; catatan tidak ditulis.`,
    );
    expect(statSync(out).isFile()).toBe(true);
    const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    // The copy was written (the district line), with no note, no header and no column widened:
    // the columns right of the table are staff's.
    expect(sheet).toContain('RATA-RATA KABUPATEN');
    expect(sheet).not.toContain('Catatan Validasi');
    expect(sheet).not.toContain('<cols>');
    // Said once, as that: not as a cell of staff's text for each note it could not write.
    expect(r.stdout + r.stderr).not.toContain('berisi tulisan staf');
  });

  it.each([
    [25, '... dan 5 sel lain yang tidak ditulis.'],
    [20, undefined],
  ])(
    'names the first twenty cells it left and counts the rest, so a long list never buries the report (%i cells)',
    async (count, more) => {
      // Units each with a wrong IKM, and staff's own remark in the "Catatan Validasi" column on
      // each unit's row: none of those remarks is written over, and each is a cell not written.
      const units = Array.from({ length: count }, (_, i) =>
        unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, ikm: 85.06 })),
      );
      const built = recap(units);
      const g = built.grid;
      const col = gridWidth(g.values) + 1;
      const rows: number[] = [];
      g.values[0][col - 1] = 'Catatan Validasi';
      g.values.forEach((r, i) => {
        if (typeof r[1] === 'string' && r[1].startsWith('DINAS ')) {
          r[col - 1] = 'sudah dicek staf';
          rows.push(i + 1);
        }
      });
      expect(rows).toHaveLength(count);
      const input = tmp.file(`banyak-catatan-staf-${count}.xlsx`);
      writeFileSync(input, await buildXlsx({ sheets: [{ name: g.name, xml: sheetXml(g) }] }));
      const out = tmp.file(`banyak-catatan-staf-${count}-diperiksa.xlsx`);
      const r = await run('check', input, '--out', out);
      expect(r.code).toBe(1);
      const said = (r.stdout + r.stderr).split('\n');
      const named = said.filter((l) =>
        l.includes('berisi tulisan staf di kolom "Catatan Validasi"'),
      );
      expect(named).toHaveLength(20);
      expect(named[0]).toContain(`sel ${a1(rows[0], col)}:`);
      expect(said.filter((l) => l.includes('sel lain yang tidak ditulis'))).toEqual(
        more ? [more] : [],
      );
      const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
      expect(sheet.split('sudah dicek staf')).toHaveLength(count + 1);
    },
  );

  it('says nothing of a summary under another name when "Ringkasan SKM" was free', async () => {
    const r = await copyWith({}, '--summary');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('ditulis tanpa grafik');
    expect(r.stdout + r.stderr).not.toContain('bukan buatan SKM Rekap');
  });

  it('says in English which part it refused, and why', async () => {
    const r = await copyWith({ 'xl/styles.xml': null }, '--lang', 'en');
    expect(r.stderr).toContain(
      `No copy made: the part xl/styles.xml of "${r.input}" cannot be edited safely (the part is missing).`,
    );
    const utf16 = await copyWith(
      {
        'xl/styles.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STYLES, 'utf16le')]),
      },
      '--lang',
      'en',
    );
    expect(utf16.stderr).toContain('cannot be edited safely (written in UTF-16).');
  });
});

/** UTF-16LE to UTF-16BE. */
function swap(b: Buffer): Buffer {
  const out = Buffer.alloc(b.length);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  return out;
}

describe('the file at --out', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  it('is never a socket: the copy is refused and the socket left', async () => {
    const sock = tmp.file('rekap.sock');
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(sock, resolve));
    const input = await recapFile('ke-soket.xlsx');
    const r = await run('check', input, '--out', sock);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/soket|socket/);
    expect(statSync(sock).isSocket()).toBe(true);
  });

  it('replaces another file already there, which is not the input', async () => {
    const input = await recapFile('ganti.xlsx');
    const out = tmp.file('ganti-diperiksa.xlsx');
    writeFileSync(out, 'salinan lama');
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('gets a new file’s usual mode when it is a document of our own (no input to copy a mode from)', async () => {
    const out = tmp.file('laporan-baru.bin');
    const mask = process.umask();
    await writeAtomically(Buffer.from('isi'), out);
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~mask);
    expect(readFileSync(out, 'utf8')).toBe('isi');
  });
});

describe('the notes column of the copy', () => {
  it('wraps each note and sets it at the top of its row, so a long sentence stays readable', async () => {
    const r = await copyWith({});
    expect(r.code).toBe(1);
    const sheet = (await partsOf(r.out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    // DINAS A's IKM is wrong: its note stands in the first free column right of the table (U).
    expect(sheet).toMatch(/<c r="U3"[^>]*><is><t[^>]*>\[Galat\] N3: IKM tertulis 85,06/);
    expect((await xfOf(r.out, 'U3')).xf).toMatch(/<alignment vertical="top" wrapText="1"\/>/);
  });
});
