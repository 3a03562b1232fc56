/**
 * Issue 15, unclear messages, and issue 14's CLI options: each file-system problem, encrypted and
 * legacy files, and options with a wrong meaning get their own one-line message and exit 2; no
 * library text or stack trace ever reaches the user.
 */
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { readFileChecked } from '../../src/cli/open';
import { parseCheckOptions } from '../../src/cli/options';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { run, tempDir } from '../cli/helpers';
import { checkChild, rawXlsx, sheetXml } from './xlsx';

// Child processes on a machine that may be shared: generous wall-clock limits, CPU time is checked.
jest.setTimeout(300_000);

const tmp = tempDir();
afterAll(() => tmp.remove());

const recapFile = async (name: string) => {
  const file = tmp.file(name);
  const grid = recap([unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))]).grid;
  writeFileSync(file, await rawXlsx([{ name: 'Rekap', xml: sheetXml(grid) }]));
  return file;
};

/** An OLE compound file header, with a directory entry named `stream` (UTF-16LE as CFB spells it). */
function compoundFile(stream: string): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  Buffer.from(stream, 'utf16le').copy(b, 1024);
  return b;
}

describe('file-system problems, each said as itself', () => {
  it('a missing file', () => {
    const r = checkChild(tmp.file('tidak-ada.xlsx'));
    expect(r.stderr).toBe(`skm-rekap: Berkas "${tmp.file('tidak-ada.xlsx')}" tidak ditemukan.\n`);
  });

  it('a directory', () => {
    const dir = tmp.file('folder.xlsx');
    mkdirSync(dir);
    expect(checkChild(dir).stderr).toBe(`skm-rekap: "${dir}" adalah folder, bukan berkas .xlsx.\n`);
  });

  it('a FIFO and /dev/zero are never read (no hang)', () => {
    const fifo = tmp.file('pipa.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const f of [fifo, '/dev/zero']) {
      const r = checkChild(f, '--lang', 'en');
      expect(r.stderr).toBe(
        `skm-rekap: "${f}" is not a regular file (a pipe, a device or a socket): name an .xlsx file.\n`,
      );
    }
  });

  it('a file over the size limit (2.1 GiB, sparse), with its size', () => {
    const big = tmp.file('besar.xlsx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, Math.round(2.1 * 2 ** 30));
    closeSync(fd);
    const r = checkChild(big);
    expect(r.stderr).toBe(
      `skm-rekap: Berkas "${big}" berukuran 2,150 MB, melebihi batas 1,024 MB untuk sebuah rekap.\n`,
    );
  });

  it('a file that may not be read (permission denied)', async () => {
    const file = await recapFile('terkunci.xlsx');
    chmodSync(file, 0);
    if (process.getuid?.() === 0) {
      // root reads any file: the message is checked on the error the system gives others.
      const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      const fs = jest.requireActual<typeof import('fs')>('fs');
      const spy = jest.spyOn(fs.promises, 'open').mockRejectedValueOnce(denied);
      const r = await readFileChecked(file);
      spy.mockRestore();
      expect(r).toMatchObject({ ok: false, code: 'permission' });
    } else {
      expect(checkChild(file).stderr).toContain('tidak boleh dibaca (izin ditolak)');
    }
  });
});

describe('files that are no .xlsx workbook', () => {
  it('an encrypted .xlsx (a compound file with EncryptionInfo)', () => {
    const file = tmp.file('sandi.xlsx');
    writeFileSync(file, compoundFile('EncryptionInfo'));
    expect(checkChild(file).stderr).toContain(
      'berkas dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya, simpan, lalu periksa lagi',
    );
  });

  it('a legacy .xls workbook: "save as .xlsx"', () => {
    const file = tmp.file('lama.xls');
    writeFileSync(file, compoundFile('Workbook'));
    const r = checkChild(file, '--lang', 'en');
    expect(r.stderr).toContain('an old Excel file (.xls); open it in Excel and save as .xlsx');
  });

  it('an unexpected failure is one generic line and exit 2, never the library text', async () => {
    const file = await recapFile('rekap.xlsx');
    let stderr = '';
    const code = await main(['check', file], {
      stdout: () => {
        throw new RangeError('Cannot create a string longer than 0x1fffffe8 characters');
      },
      stderr: (s) => (stderr += s),
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'skm-rekap: kesalahan tak terduga saat memeriksa berkas; tidak ada yang ditulis. Laporkan kepada pengembang bersama berkas dan perintahnya.\n',
    );
  });
});

describe('options (util.parseArgs for the parsing, zod for the meaning)', () => {
  it.each([
    [['check', 'a.xlsx', '--verbose'], 'Opsi tidak dikenal: --verbose'],
    [['check', 'a.xlsx', '--json=ya'], 'Opsi tidak dikenal: --json'],
    [['check', 'a.xlsx', '--out'], 'Opsi --out memerlukan nilai.'],
    [['check', 'a.xlsx', '--sheet', '--json'], 'Opsi --sheet memerlukan nilai.'],
    [['check', 'a.xlsx', '--lang', 'fr'], 'Bahasa "fr" tidak dikenal: gunakan id atau en.'],
    [['check'], 'Sebutkan berkas .xlsx yang akan diperiksa.'],
    [['check', 'a.xlsx', '--summary'], '--summary memerlukan --out'],
    [['check', 'a.xlsx', 'b.xlsx'], 'Opsi tidak dikenal: b.xlsx'],
    [['periksa', 'a.xlsx'], 'Opsi tidak dikenal: periksa'],
  ])('%j: exit 2 with "%s" on its first line', async (args, says) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(says);
  });

  it('keeps every option and its meaning', () => {
    const parsed = parseCheckOptions([
      'a.xlsx',
      '--sheet',
      'Rekap 2025',
      '--json',
      '--lang',
      'en',
      '--out',
      'b.xlsx',
      '--summary',
      '--force',
      '--exit-zero',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        file: 'a.xlsx',
        sheet: 'Rekap 2025',
        json: true,
        lang: 'en',
        out: 'b.xlsx',
        summary: true,
        force: true,
        exitZero: true,
        help: false,
      },
    });
  });

  it('options may come before the command, and --help prints the usage with exit 0', async () => {
    const file = await recapFile('urutan.xlsx');
    const r = await run('--json', 'check', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units.listed).toBe(2);
    const help = await run('check', '--help', '--lang', 'en');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
  });
});
