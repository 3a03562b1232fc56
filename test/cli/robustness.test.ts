/**
 * Files as they come: each unusable one gets a clear message naming the file
 * or sheet, never a stack trace, and exit code 2.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { UNSUR_CODES, UNSUR } from '../../src/engine/unsur';
import {
  BANJAR_COLUMNS,
  BASE,
  BLANK_ROW,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  type ColumnSpec,
  type UnitSpec,
} from '../engine/grid';
import { checkJson, ROOT, run, STACK_TRACE, tempDir, writeWorkbook, type Run } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

const CLEAN_UNITS: UnitSpec[] = [
  unit(1, 'SEKRETARIAT DAERAH (SETDA)', tahunan(BASE)),
  unit(2, 'SEKRETARIAT DPRD (SETWAN)', tahunan(OTHER)),
];

function expectUnusable(r: Run, ...says: string[]) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^skm-rekap: /);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  for (const s of says) expect(r.stderr).toContain(s);
}

describe('unusable files (exit 2)', () => {
  it('an empty workbook, with no sheet at all', async () => {
    const file = tmp.file('kosong.xlsx');
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    expectUnusable(await run('check', file), 'Tidak ada lembar yang memuat tabel rekap SKM');
  });

  it('a workbook whose only sheet is blank, naming the sheet', async () => {
    const file = tmp.file('lembar-kosong.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(file);
    expectUnusable(await run('check', file), '"Sheet1"');
  });

  it('a workbook with no recap table, naming its sheets', async () => {
    const file = tmp.file('lampiran.xlsx');
    await writeWorkbook(file, [
      {
        name: 'Lampiran I',
        values: [
          ['no', 'unit', 'reporting', 'report_count'],
          [1, 'SEKRETARIAT DAERAH (SETDA)', 'Tahunan', 1],
        ],
      },
      { name: 'Catatan', values: [['Rekap menyusul']] },
    ]);
    expectUnusable(await run('check', file), 'tabel rekap SKM', '"Lampiran I"', '"Catatan"');
  });

  it('a table without some unsur columns, naming the sheet and the unsur', async () => {
    const file = tmp.file('tanpa-biaya.xlsx');
    await writeWorkbook(file, [
      recap(CLEAN_UNITS, { columns: BANJAR_COLUMNS.filter((c) => c !== 'U4'), sheet: 'Rekap 2025' })
        .grid,
    ]);
    expectUnusable(await run('check', file), 'Lembar "Rekap 2025"', 'U4 Biaya/Tarif');
  });

  it('a file that is not an .xlsx workbook, naming the file', async () => {
    const file = tmp.file('rekap.xlsx');
    writeFileSync(file, 'NO;Unit;IKM\n1;SETDA;86,79\n');
    expectUnusable(
      await run('check', file),
      `Berkas "${file}" tidak dapat dibaca sebagai buku kerja .xlsx`,
    );
  });

  it('a missing file', async () => {
    const file = tmp.file('tidak-ada.xlsx');
    expectUnusable(await run('check', file), `Berkas "${file}" tidak ditemukan.`);
  });

  it('--sheet naming a sheet that does not exist, listing the sheets there are', async () => {
    const file = tmp.file('dua-lembar.xlsx');
    await writeWorkbook(file, [
      { name: 'Sampul', values: [['Laporan SKM 2025']] },
      recap(CLEAN_UNITS, { sheet: 'Rekap SKM' }).grid,
    ]);
    expectUnusable(
      await run('check', file, '--sheet', 'Rekap 2024'),
      'Lembar "Rekap 2024" tidak ada di buku kerja',
      '"Sampul", "Rekap SKM"',
    );
  });

  it('--version prints the version of the installed checker, and nothing else', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const r = await run(flag);
      expect(r).toEqual({ code: 0, stdout: `skm-rekap ${pkg.version}\n`, stderr: '' });
    }
    // With a command, it is that command's option: unknown to check.
    const r = await run('check', 'rekap.xlsx', '--version');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Opsi tidak dikenal: --version');
  });

  it('an unknown option, with the usage', async () => {
    const r = await run('check', 'rekap.xlsx', '--verbose');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Opsi tidak dikenal: --verbose');
    expect(r.stderr).toContain('Pemakaian:');
  });

  it('through bin/skm-rekap.js too: exit code 2 and one line, no stack trace', () => {
    const child = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/skm-rekap.js'), 'check', tmp.file('hilang.xlsx')],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toEqual([
      `skm-rekap: Berkas "${tmp.file('hilang.xlsx')}" tidak ditemukan.`,
    ]);
  });
});

describe('recaps as staff keep them (read, exit 0)', () => {
  it('finds the recap on a later sheet, and on the sheet named by --sheet', async () => {
    const file = tmp.file('sampul.xlsx');
    await writeWorkbook(file, [
      { name: 'Sampul', values: [['Laporan SKM 2025']] },
      recap(CLEAN_UNITS, { sheet: 'Rekap SKM' }).grid,
    ]);
    expect((await checkJson(file)).report.sheet).toBe('Rekap SKM');
    const named = await checkJson(file, '--sheet', 'rekap skm');
    expect(named.report.sheet).toBe('Rekap SKM');
    expect(named.run.code).toBe(0);
  });

  it('a table with other header wording and an extra column in the middle', async () => {
    const columns: ColumnSpec[] = [
      'no',
      'unit',
      'period',
      ...UNSUR_CODES,
      { extra: 'Keterangan' },
      'ikm',
      'category',
      'respondents',
      'priority',
      'realisation',
    ];
    const canonical = UNSUR.map((u) => u.name);
    const file = tmp.file('kata-lain.xlsx');
    const built = recap(
      [
        unit(1, 'DINAS A', tahunan({ ...BASE, extra: { Keterangan: 'lengkap' } })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: 86.5, extra: { Keterangan: 'revisi' } })),
      ],
      {
        columns,
        headers: {
          unit: 'Nama OPD',
          ikm: 'Nilai IKM',
          category: 'Mutu Pelayanan',
          period: 'Periode',
          ...Object.fromEntries(canonical.map((n, i) => [UNSUR_CODES[i], n])),
        },
      },
    );
    await writeWorkbook(file, [built.grid]);
    const { run: r, report } = await checkJson(file);
    expect(report.units).toEqual({ listed: 2, withData: 2, inAverage: 2 });
    // Unsur in D..L, "Keterangan" in M, the IKM in N.
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'ikm-mismatch',
        cell: 'N5',
        unitNo: 2,
        expected: 86,
        actual: 86.5,
      }),
    ]);
    expect(r.code).toBe(1);
  });

  it('blank rows inside the table', async () => {
    const file = tmp.file('baris-kosong.xlsx');
    await writeWorkbook(file, [
      recap([
        unit(1, 'DINAS A', tahunan(BASE)),
        BLANK_ROW,
        unit(2, 'DINAS B', tahunan(OTHER)),
        BLANK_ROW,
        BLANK_ROW,
        unit(3, 'DINAS C', tahunan(BASE), semester(1, OTHER)),
      ]).grid,
    ]);
    const { run: r, report } = await checkJson(file);
    expect(report.units.listed).toBe(3);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a unit whose numbers are all text with decimal commas: read, said as info, no not-a-number', async () => {
    const asText = (xs: readonly number[]) => xs.map((x) => String(x).replace('.', ','));
    const file = tmp.file('teks.xlsx');
    await writeWorkbook(file, [
      recap([
        unit(1, 'DINAS A', tahunan(BASE)),
        unit(
          9,
          'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA (DPMD)',
          tahunan({
            ...OTHER,
            nrr: asText(OTHER.nrr),
            conv: asText(OTHER.conv),
            ikm: '86,00',
            respondents: '1.686',
          }),
        ),
      ]).grid,
    ]);
    const { run: r, report } = await checkJson(file);
    expect(r.code).toBe(0);
    expect(report.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['text-number', 'info', 'E5'],
      ['text-number', 'info', 'N5'],
      ['text-number', 'info', 'P5'],
      ['text-number', 'info', 'E6'],
    ]);
    expect(report.district.unsur[0].value).toBeCloseTo((BASE.conv[0] + OTHER.conv[0]) / 2, 9);
  });
});

describe('--lang en', () => {
  it('gives the report in English', async () => {
    const file = tmp.file('en.xlsx');
    await writeWorkbook(file, [recap([unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06 }))]).grid]);
    const r = await run('check', file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('SKM Rekap: recap check results');
    expect(r.stdout).toContain('The IKM reads 85.06, but the mean of the nine unsur x 25 = 84.06.');
    expect(r.stdout).toContain(
      'The lowest unsur at district level is Completion time with a mean value of 77.20.',
    );
    const json = await checkJson(file, '--lang', 'en');
    expect(json.report.findings[0].message).toBe(
      'The IKM reads 85.06, but the mean of the nine unsur x 25 = 84.06.',
    );
  });

  it('says what is wrong with a file in English', async () => {
    const file = tmp.file('missing.xlsx');
    expectUnusable(await run('check', file, '--lang', 'en'), `File "${file}" not found.`);
    const sheetless = tmp.file('en-lampiran.xlsx');
    await writeWorkbook(sheetless, [{ name: 'Lampiran I', values: [['no', 'unit']] }]);
    expectUnusable(
      await run('check', sheetless, '--lang', 'en'),
      'No sheet holds an SKM recap table',
      '"Lampiran I"',
    );
  });
});
