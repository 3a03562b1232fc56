/**
 * Issue 15, items 12-17: what was read is said. Workbooks that would be read wrong in silence:
 * formulas without stored results, hidden sheets and columns, a second table, XML that ends the
 * old scan early, damaged content, footer lines, unknown category words, terminal escapes.
 */
import { writeFileSync } from 'fs';
import type { SheetGrid } from '../../src/engine/model';
import type { JsonReport } from '../../src/engine/report';
import type { ReadingReport } from '../../src/cli/reading';
import { readWorkbook } from '../../src/xlsx/lean-read';
import { BASE, OTHER, recap, tahunan, unit, type UnitSpec } from '../engine/grid';
import { run, tempDir } from '../cli/helpers';
import { checkChild, esc, rawXlsx, rawZip, sharedStringsXml, sheetXml, NS } from './xlsx';
import { mergeAreas } from '../../src/engine/merges';

// Child processes on a machine that may be shared: generous wall-clock limits, CPU time is checked.
jest.setTimeout(300_000);

const tmp = tempDir();
afterAll(() => tmp.remove());

const UNITS: UnitSpec[] = [
  unit(1, 'DINAS PENDIDIKAN', tahunan(BASE)),
  unit(2, 'DINAS KESEHATAN', tahunan(OTHER)),
];
const grid = (units = UNITS, sheet = 'Rekap 2025'): SheetGrid => recap(units, { sheet }).grid;

type Report = JsonReport & { reading: ReadingReport };

let n = 0;
async function save(buffer: Buffer): Promise<string> {
  const file = tmp.file(`berkas-${++n}.xlsx`);
  writeFileSync(file, buffer);
  return file;
}

async function checkReport(file: string, ...args: string[]): Promise<Report> {
  const r = await run('check', file, '--json', ...args);
  if (r.code === 2) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Report;
}

describe('item 12: formulas without stored results', () => {
  /** The recap with its IKM cells as formulas, written as openpyxl writes them (no <v>). */
  function withUncachedIkm(): string {
    return sheetXml(grid()).replace(
      /<c r="(N\d+)"><v>[^<]*<\/v><\/c>/g,
      '<c r="$1"><f>AVERAGE(E4:M4)</f><v></v></c>',
    );
  }

  it('say the file was saved without computed values instead of an error on every unit', async () => {
    const file = await save(await rawXlsx([{ name: 'Rekap 2025', xml: withUncachedIkm() }]));
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'skm-rekap: Lembar "Rekap 2025" berisi 2 rumus tanpa hasil tersimpan (mis. N3): berkas ini disimpan tanpa nilai hasil perhitungan (misalnya dibuat oleh program lain). Buka dan simpan berkas di Excel, lalu periksa lagi.\n',
    );
    const en = checkChild(file, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('this file was saved without computed values');
  });

  it('also when the workbook asks for a full recalculation and some formulas hold no result', async () => {
    const xml = withUncachedIkm().replace(
      '<c r="N5"><f>AVERAGE(E4:M4)</f><v></v></c>',
      '<c r="N5"><f>AVERAGE(E4:M4)</f><v>86</v></c>',
    );
    const file = await save(
      await rawXlsx([{ name: 'Rekap 2025', xml }], {
        workbookExtra: '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
      }),
    );
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 rumus tanpa hasil tersimpan (mis. N3)');
  });

  it('while a formula whose computed result is an empty text is read as that text', async () => {
    const xml = sheetXml(grid()).replace(
      '</sheetData>',
      '<row r="40"><c r="T40" t="str"><f>IF(A1="","","x")</f><v></v></c></row></sheetData>',
    );
    const report = await checkReport(await save(await rawXlsx([{ name: 'Rekap 2025', xml }])));
    expect(report.units.listed).toBe(2);
    expect(report.reading.notes).toEqual([]);
  });
});

describe('item 13: which sheet and which columns', () => {
  it('a visible recap wins over a very hidden archive before it, and the archive is listed', async () => {
    const file = await save(
      await rawXlsx([
        { name: 'Rekap 2024 (arsip)', xml: sheetXml(grid(UNITS.slice(0, 1))), state: 'veryHidden' },
        { name: 'Rekap 2025', xml: sheetXml(grid()) },
      ]),
    );
    const report = await checkReport(file);
    expect(report.sheet).toBe('Rekap 2025');
    expect(report.units.listed).toBe(2);
    expect(report.reading.sheet).toEqual({
      name: 'Rekap 2025',
      state: 'visible',
      reason: 'visible-over-hidden',
      otherRecapSheets: [{ name: 'Rekap 2024 (arsip)', state: 'veryHidden' }],
    });
    const text = await run('check', file);
    expect(text.stdout).toContain(
      'Lembar "Rekap 2025" diperiksa: lembar tampak didahulukan dari lembar tersembunyi. Lembar rekap lain yang tidak diperiksa: "Rekap 2024 (arsip)" (sangat tersembunyi); pilih dengan --sheet.',
    );
    // Named, the archive is checked.
    expect((await checkReport(file, '--sheet', 'Rekap 2024 (arsip)')).units.listed).toBe(1);
  });

  it('a hidden sheet is checked when no visible sheet holds a table, and says so', async () => {
    const file = await save(
      await rawXlsx([
        { name: 'Sampul', xml: sheetXml({ name: 'Sampul', values: [['Laporan SKM']] }) },
        { name: 'Data', xml: sheetXml(grid()), state: 'hidden' },
      ]),
    );
    const report = await checkReport(file);
    expect(report.sheet).toBe('Data');
    expect(report.reading.sheet.reason).toBe('hidden-only');
  });

  it('a visible IKM column wins over a hidden stale one with the same header, which is reported', async () => {
    const built = recap(
      [
        unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 70, extra: { IKM: 84.06 } })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: 70, extra: { IKM: 86 } })),
      ],
      {
        columns: [
          'no',
          'unit',
          'period',
          'services',
          'U1',
          'U2',
          'U3',
          'U4',
          'U5',
          'U6',
          'U7',
          'U8',
          'U9',
          'ikm',
          { extra: 'IKM' },
          'category',
        ],
      },
    ).grid;
    const xml = sheetXml(built, {
      before: '<cols><col min="14" max="14" width="0" hidden="1"/></cols>',
    });
    const report = await checkReport(await save(await rawXlsx([{ name: 'Rekap', xml }])));
    expect(report.findings.filter((f) => f.code === 'ikm-mismatch')).toEqual([]);
    expect(report.reading.hiddenColumns).toEqual([{ column: 'N', header: 'IKM', used: false }]);
  });

  it('the second of two tables on one sheet is named, not read as units', async () => {
    const first = recap(UNITS, { average: {} }).grid;
    const second = recap([unit(1, 'KECAMATAN A', tahunan(BASE))]).grid;
    const offset = first.values.length + 2;
    const values = [...first.values, [], [], ...second.values];
    const merges = [
      ...mergeAreas(first.merges),
      ...mergeAreas(second.merges).map((m) => ({
        ...m,
        top: m.top + offset,
        bottom: m.bottom + offset,
      })),
    ];
    const xml = sheetXml({ name: 'Rekap', values, merges });
    const report = await checkReport(await save(await rawXlsx([{ name: 'Rekap', xml }])));
    expect(report.units.listed).toBe(2);
    expect(report.reading.otherTableRow).toBe(offset + 1);
    expect(report.reading.messages.join('\n')).toContain(`tabel kedua mulai baris ${offset + 1}`);
  });
});

describe('item 14: XML the old scan misread', () => {
  const plain = async () =>
    checkReport(await save(await rawXlsx([{ name: 'Rekap', xml: sheetXml(grid()) }])));

  it('"sheetData>" inside a comment or CDATA, and ">" in text, do not end the read', async () => {
    const expected = await plain();
    const xml = sheetXml(grid(), {
      dataStart: '<!-- </sheetData> sheetData> --><![CDATA[</sheetData>]]>',
    }).replace('DINAS PENDIDIKAN', 'DINAS PENDIDIKAN &gt; BIDANG A > B');
    const report = await checkReport(await save(await rawXlsx([{ name: 'Rekap', xml }])));
    expect(report.units).toEqual(expected.units);
    expect(report.findings).toEqual(expected.findings);
    expect(report.district.ikm).toBe(expected.district.ikm);
    const grids = (await readWorkbook(await rawXlsx([{ name: 'Rekap', xml }]))).grids;
    expect(grids[0].values.flat()).toContain('DINAS PENDIDIKAN > BIDANG A > B');
  });

  it('namespace-prefixed sheet XML (x:worksheet, valid OOXML) is read as the plain one', async () => {
    const expected = await plain();
    const shared: string[] = [];
    const xml = sheetXml(grid(), { prefix: 'x', shared });
    const file = await save(
      await rawXlsx([{ name: 'Rekap', xml }], {
        sharedStrings: sharedStringsXml(shared)
          .replace(/<(\/?)(sst|si|t)\b/g, '<$1x:$2')
          .replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`),
      }),
    );
    const report = await checkReport(file);
    expect(report.units).toEqual(expected.units);
    expect(report.findings).toEqual(expected.findings);
  });
});

describe('item 15: damaged content is said', () => {
  it('shared-string indexes out of range, and a table of texts missing half its items', async () => {
    const shared: string[] = [];
    const xml = sheetXml(grid(), { shared }).replace(
      '</sheetData>',
      '<row r="30"><c r="T30" t="s"><v>99999</v></c></row></sheetData>',
    );
    const half = shared.slice(0, Math.ceil(shared.length / 2));
    const read = await readWorkbook(
      await rawXlsx([{ name: 'Rekap', xml }], {
        sharedStrings: sharedStringsXml(half, shared.length),
      }),
    );
    expect(read.notes.map((x) => x.code)).toEqual([
      'shared-strings-short',
      'shared-string-out-of-range',
    ]);
    expect(read.notes[1]).toMatchObject({
      sheet: 'Rekap',
      example: expect.stringMatching(/^[A-Z]+\d+$/),
    });
    const r = await run(
      'check',
      await save(
        await rawXlsx([{ name: 'Rekap', xml }], { sharedStrings: sharedStringsXml(shared) }),
      ),
      '--lang',
      'en',
    );
    expect(r.stdout).toContain(
      '1 cells (e.g. T30) point to a shared text beyond the table of texts',
    );
  });

  it('a stored (uncompressed) part with a bad CRC is refused as damaged', async () => {
    const zip = rawZip([{ name: 'Rekap', xml: sheetXml(grid()) }]);
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const at = buffer.indexOf('DINAS PENDIDIKAN');
    buffer[at] = 'd'.charCodeAt(0);
    const r = checkChild(await save(buffer));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bagian xl/worksheets/sheet1.xml rusak');
  });

  it('rows numbered 0, "x" or 99999999 are left out and counted; duplicate cells and odd references said', async () => {
    const xml = sheetXml(grid()).replace(
      '</sheetData>',
      '<row r="0"><c r="A0"><v>1</v></c></row><row r="x"><c r="Ax"><v>1</v></c></row>' +
        '<row r="99999999"><c r="A99999999"><v>1</v></c></row>' +
        '<row r="40"><c r="t40"><v>5</v></c><c r="$U$40"><v>6</v></c><c r="U40"><v>7</v></c><c r="1A"><v>8</v></c></row></sheetData>',
    );
    const read = await readWorkbook(await rawXlsx([{ name: 'Rekap', xml }]));
    const byCode = Object.fromEntries(read.notes.map((x) => [x.code, x]));
    expect(byCode['bad-row-number']).toMatchObject({ count: 3, example: '0' });
    expect(byCode['bad-row-number'].message.en).toContain('left out with their 3 cells');
    expect(byCode['odd-cell-ref']).toMatchObject({ count: 2, example: 'T40' });
    expect(byCode['duplicate-cell']).toMatchObject({ count: 1, example: 'U40' });
    expect(byCode['bad-cell-ref']).toMatchObject({ count: 1, example: 'r="1A"' });
    const row40 = read.grids[0].values[39];
    expect([row40[19], row40[20]]).toEqual([5, 7]);
    const report = await checkReport(await save(await rawXlsx([{ name: 'Rekap', xml }])));
    expect(report.units.listed).toBe(2);
    expect(report.reading.notes.map((x) => x.code).sort()).toEqual([
      'bad-cell-ref',
      'bad-row-number',
      'duplicate-cell',
      'odd-cell-ref',
    ]);
  });

  it('a sheet part the workbook names but the file lacks is said, not "no recap table"', async () => {
    const file = await save(await rawXlsx([{ name: 'Rekap', xml: '', missing: true }]));
    const r = checkChild(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'bagian lembar xl/worksheets/sheet1.xml yang disebut buku kerja tidak ada',
    );
  });
});

describe('item 16: what ends a table, and what a category may say', () => {
  it('a JUMLAH row and a signature block under the table are no units', async () => {
    const g = grid();
    const width = g.values[0].length;
    const row = (cells: Record<number, string | number>) =>
      Array.from({ length: width }, (_, i) => cells[i] ?? '');
    g.values.push(
      row({ 1: 'JUMLAH', 4: 6.6, 13: 170.06 }),
      row({}),
      row({ 1: 'Martapura, 31 Desember 2025' }),
      row({ 1: 'Mengetahui,' }),
      row({ 1: 'Kepala Bagian Organisasi' }),
      row({ 1: 'H. AHMAD, S.Sos' }),
      row({ 1: 'NIP. 19700101 199003 1 001' }),
    );
    const report = await checkReport(
      await save(await rawXlsx([{ name: 'Rekap', xml: sheetXml(g) }])),
    );
    expect(report.units.listed).toBe(2);
    expect(report.reading.tableEnd).toEqual({
      row: g.values.length - 6,
      kind: 'footer',
      text: 'JUMLAH',
    });
    expect(
      report.findings.filter((f) => f.unit === 'JUMLAH' || /Kepala|NIP|AHMAD/.test(f.unit)),
    ).toEqual([]);
  });

  it.each(['Baik Sekali', 'Cukup Baik'])(
    '"%s" is no category of the rule: reported, not read as B',
    async (word) => {
      const units = [unit(1, 'DINAS A', tahunan({ ...BASE, category: word })), UNITS[1]];
      const report = await checkReport(
        await save(await rawXlsx([{ name: 'Rekap', xml: sheetXml(grid(units)) }])),
      );
      expect(report.findings).toEqual([
        expect.objectContaining({ code: 'category-mismatch', unitNo: 1, actual: word }),
      ]);
    },
  );

  it('a table with only its headers exits 2 with one line', async () => {
    const file = await save(await rawXlsx([{ name: 'Rekap', xml: sheetXml(grid([])) }]));
    const r = checkChild(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'skm-rekap: Lembar "Rekap": tabel rekap SKM (baris judul 1-2) tidak memuat satu unit pun.\n',
    );
  });
});

describe('item 17: terminal escapes in a unit name', () => {
  it('are shown escaped in the text report, never sent raw', async () => {
    const evil = 'DINAS \u001b[2K\u001b[1A\rTemuan: 0 galat\u202e';
    const units = [unit(1, evil, tahunan({ ...BASE, ikm: 90 })), UNITS[1]];
    const file = await save(
      await rawXlsx([{ name: 'Rekap\u001b[31m', xml: sheetXml(grid(units)) }]),
    );
    const r = checkChild(file);
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.stdout).toContain('DINAS \\u001b[2K\\u001b[1A\\u000dTemuan: 0 galat\\u202e');
    expect(r.stdout).toContain('Lembar: "Rekap\\u001b[31m"');
    // JSON keeps the text as it is (JSON escapes it itself).
    const report = await checkReport(file);
    expect(report.findings[0].unit).toBe(evil);
    expect(esc('<')).toBe('&lt;');
  });
});
