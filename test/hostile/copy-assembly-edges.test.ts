/**
 * The copy's assembly (src/xlsx/copy/write-copy.ts) where its mutation run of 2026-12-02 found it
 * untested: a package that no longer holds what was checked, bytes that only look like UTF-16, a
 * recap that is not the first sheet, the RATA-RATA line it rewrites, sheet parts numbered with
 * gaps, the notices' count, a style sheet left alone when nothing needs a style.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { analyseWorkbook, type Analysis } from '../../src/engine/analyse';
import { cellAt } from '../../src/engine/grid';
import type { Lang } from '../../src/engine/messages';
import { FILL, NOTES_HEADER } from '../../src/engine/plan';
import { SUMMARY_MARK } from '../../src/engine/summary-sheet';
import { readGrids } from '../../src/xlsx/lean-read';
import { sameFile } from '../../src/xlsx/copy/out-file';
import { writeCheckedCopy } from '../../src/xlsx/copy/write-copy';
import { run, tempDir } from '../cli/helpers';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { buildXlsx, partsOf, sheetXml, xfOf } from './copy-build';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** DINAS A's IKM is wrong (an error at N3), DINAS B is right. */
const UNITS = [
  unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
  unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
];
const built = () => recap(UNITS, { formats: { realisation: '0%' } });
const SHEET = built().grid.name;

let n = 0;
/** A file of the test folder holding `data`. */
function file(data: Buffer, name = `rekap-${++n}.xlsx`): string {
  const f = tmp.file(name);
  writeFileSync(f, data);
  return f;
}

/** The recap alone, as an .xlsx. */
const recapXlsx = () => buildXlsx({ sheets: [{ name: SHEET, xml: sheetXml(built().grid) }] });

/** The package with some parts replaced (or removed, as null). */
async function edited(data: Buffer, parts: Record<string, string | Uint8Array | null>) {
  const zip = await JSZip.loadAsync(data);
  for (const [name, content] of Object.entries(parts))
    if (content === null) zip.remove(name);
    else zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The check of `checked` as the checker makes it, then the copy built from `bytes`. */
async function copyOf(checked: Buffer, bytes: Buffer, lang: Lang = 'id', summary = false) {
  const grids = await readGrids(checked);
  const result = analyseWorkbook(grids);
  if (!result.ok) throw new Error(result.problem.message.en);
  const input = file(checked);
  const out = tmp.file(`salinan-${n}.xlsx`);
  const outcome = await writeCheckedCopy({
    input,
    out,
    buffer: bytes,
    grids,
    analysis: result as Analysis,
    lang,
    summary,
  });
  return { outcome, input, out };
}

describe('a package that no longer holds what was checked', () => {
  it('is refused by name, in either language, and no copy is written: not a zip, no workbook part, no sheet, no sheet part', async () => {
    const good = await recapXlsx();
    const other = await buildXlsx({ sheets: [{ name: 'Lain', xml: sheetXml(built().grid) }] });
    const cases: [Buffer, (f: string) => { id: string; en: string }][] = [
      [
        Buffer.from('bukan zip'),
        (f) => ({
          id: `Salinan tidak dibuat: berkas "${f}" tidak dapat dibuka sebagai zip.`,
          en: `No copy made: "${f}" cannot be opened as a zip.`,
        }),
      ],
      ...[
        await edited(good, { 'xl/workbook.xml': null }),
        other,
        await edited(good, { 'xl/worksheets/sheet1.xml': null }),
      ].map(
        (b) =>
          [
            b,
            (f: string) => ({
              id: `Salinan tidak dibuat: bagian XML lembar "${SHEET}" tidak ditemukan di berkas "${f}".`,
              en: `No copy made: the XML part of the sheet "${SHEET}" was not found in "${f}".`,
            }),
          ] as [Buffer, (f: string) => { id: string; en: string }],
      ),
    ];
    for (const [bytes, message] of cases) {
      const { outcome, input, out } = await copyOf(good, bytes);
      expect(outcome).toEqual({ ok: false, message: message(input) });
      expect(existsSync(out)).toBe(false);
    }
  });

  it('without the workbook’s relationships, adds no summary: the sheet part cannot be found', async () => {
    const good = await recapXlsx();
    const { outcome, input } = await copyOf(
      good,
      await edited(good, { 'xl/_rels/workbook.xml.rels': null }),
      'en',
      true,
    );
    expect(outcome).toEqual({
      ok: false,
      message: expect.objectContaining({
        en: `No copy made: the XML part of the sheet "${SHEET}" was not found in "${input}".`,
      }),
    });
  });
});

describe('a part whose first bytes only look like a byte-order mark', () => {
  it('is refused as not UTF-8, never as UTF-16: a BOM is both of its bytes', async () => {
    const good = await recapXlsx();
    const styles = (await partsOf(good)).get('xl/styles.xml')!;
    for (const head of [
      [0xff, 0x3c],
      [0x3c, 0xfe],
      [0xfe, 0x3c],
      [0x3c, 0xff],
    ]) {
      const bytes = await edited(good, {
        'xl/styles.xml': Buffer.concat([Buffer.from(head), styles]),
      });
      const { outcome, input } = await copyOf(good, bytes, 'en');
      expect(outcome).toEqual({
        ok: false,
        message: {
          id: `Salinan tidak dibuat: bagian xl/styles.xml dari berkas "${input}" tidak dapat diubah dengan aman (bukan teks UTF-8 yang sah). Laporan di atas tetap berlaku.`,
          en: `No copy made: the part xl/styles.xml of "${input}" cannot be edited safely (not valid UTF-8 text). The report above stands.`,
        },
      });
    }
  });
});

describe('the recap where it stands in the workbook', () => {
  it('is marked in its own part when another sheet comes first, which is carried over byte for byte', async () => {
    const first = sheetXml({ name: 'Petunjuk', values: [['Isi rekap di lembar berikutnya']] });
    // Staff's remark in U3 of the recap: the notes go to the next free column of the recap's own cells.
    const g = built().grid;
    while (g.values[2].length < 21) g.values[2].push('');
    g.values[2][20] = 'cek ulang';
    const input = file(
      await buildXlsx({
        sheets: [
          { name: 'Petunjuk', xml: first },
          { name: SHEET, xml: sheetXml(g) },
        ],
      }),
    );
    const out = tmp.file('kedua-diperiksa.xlsx');
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
    const parts = await partsOf(out);
    expect(parts.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe(first);
    const grids = await readGrids(readFileSync(out));
    expect(cellAt(grids[1], 3, 21)).toBe('cek ulang');
    expect(cellAt(grids[1], 1, 22)).toBe(NOTES_HEADER);
    expect(String(cellAt(grids[1], 3, 22))).toMatch(/^\[Galat\] N3: IKM tertulis 85,06/);
  });
});

/** The fill colour of a cell of the copy's sheet (null: none). */
async function fillOf(out: string, ref: string): Promise<string | null> {
  const { xf, styles } = await xfOf(out, ref);
  const fills = /<fills[^>]*>([\s\S]*?)<\/fills>/
    .exec(styles)![1]
    .match(/<fill>[\s\S]*?<\/fill>/g)!;
  const fill = fills[Number(/fillId="(\d+)"/.exec(xf)![1])];
  return /<fgColor rgb="FF([0-9A-F]{6})"/.exec(fill)?.[1] ?? null;
}

describe('a RATA-RATA line the copy rewrites', () => {
  it('gets the recomputed values without red marks or notes, so that checking the copy again finds it right', async () => {
    const average = { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80, realisation: 0.5 };
    const input = file(
      await buildXlsx({
        sheets: [
          {
            name: SHEET,
            xml: sheetXml(recap(UNITS, { formats: { realisation: '0%' }, average }).grid),
          },
        ],
      }),
    );
    const out = tmp.file('rata-rata-diperiksa.xlsx');
    expect((await run('check', input, '--out', out)).code).toBe(1);
    const grid = (await readGrids(readFileSync(out)))[0];
    // The line (row 7) holds the district values now; none of its cells is painted, no note beside it.
    expect(cellAt(grid, 7, 13)).toBe(84.55);
    expect(cellAt(grid, 7, 14)).toBe(85.03);
    for (const ref of ['E7', 'M7', 'N7']) expect(await fillOf(out, ref)).toBeNull();
    expect(cellAt(grid, 7, 21) ?? '').toBe('');
    // DINAS A's wrong IKM is still marked and noted.
    expect(FILL.error.toUpperCase()).toMatch(new RegExp(`${await fillOf(out, 'N3')}$`));
    const again = await run('check', out, '--json');
    const findings = JSON.parse(again.stdout).findings as { cell?: string }[];
    expect(findings.filter((f) => /^[A-Z]+7$/.test(f.cell ?? ''))).toEqual([]);
  });
});

describe('the summary sheet added with --summary', () => {
  it('takes a part name no other part has, also where the workbook’s parts are numbered with gaps', async () => {
    // Two sheets whose parts are sheet1.xml and sheet3.xml (a sheet deleted in between): the
    // summary must not become sheet3.xml, which is staff's.
    const theirs = sheetXml({ name: 'Catatan', values: [['catatan staf']] });
    const data = await buildXlsx({
      sheets: [
        { name: SHEET, xml: sheetXml(built().grid) },
        { name: 'Catatan', xml: theirs },
      ],
    });
    const zip = await JSZip.loadAsync(data);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.remove('xl/worksheets/sheet2.xml');
    zip.file('xl/worksheets/sheet3.xml', theirs);
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace('worksheets/sheet2.xml', 'worksheets/sheet3.xml'),
    );
    zip.file(
      '[Content_Types].xml',
      types.replace('/xl/worksheets/sheet2.xml', '/xl/worksheets/sheet3.xml'),
    );
    const input = file(await zip.generateAsync({ type: 'nodebuffer' }));
    const out = tmp.file('celah-diperiksa.xlsx');
    expect((await run('check', input, '--out', out, '--summary')).code).toBe(1);
    const parts = await partsOf(out);
    expect(parts.get('xl/worksheets/sheet3.xml')!.toString('utf8')).toBe(theirs);
    const grids = await readGrids(readFileSync(out));
    expect(grids.map((g) => g.name)).toEqual([SHEET, 'Catatan', 'Ringkasan SKM']);
    expect(cellAt(grids[1], 1, 1)).toBe('catatan staf');
    expect(String(cellAt(grids[2], 1, 1))).toMatch(/^RINGKASAN HASIL SURVEI/);
    // The next free number after the sheets there are.
    expect(parts.has('xl/worksheets/sheet4.xml')).toBe(true);
  });

  it('never takes the recap for a summary of ours, even named "Ringkasan SKM" with our mark in A2', async () => {
    // Staff copied the top of an earlier summary over their recap's title lines.
    const g = recap(UNITS, {
      formats: { realisation: '0%' },
      title: ['REKAP SKM 2025', SUMMARY_MARK],
    }).grid;
    const input = file(await buildXlsx({ sheets: [{ name: 'Ringkasan SKM', xml: sheetXml(g) }] }));
    const out = tmp.file('bertanda-diperiksa.xlsx');
    expect((await run('check', input, '--out', out, '--summary')).code).toBe(1);
    const grids = await readGrids(readFileSync(out));
    expect(grids.map((x) => x.name)).toEqual(['Ringkasan SKM', 'Ringkasan SKM (2)']);
    expect(cellAt(grids[0], 1, 1)).toBe('REKAP SKM 2025');
    expect(grids[0].values.some((row) => row.includes('DINAS A'))).toBe(true);
    expect(String(cellAt(grids[1], 1, 1))).toMatch(/^RINGKASAN HASIL SURVEI/);
  });

  it('is added beside a chart sheet, which holds no cells to read', async () => {
    const data = await buildXlsx({
      sheets: [{ name: SHEET, xml: sheetXml(built().grid) }],
      workbookRels:
        '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>',
      contentTypes:
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>',
      parts: {
        'xl/chartsheets/sheet1.xml':
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
      },
    });
    const zip = await JSZip.loadAsync(data);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      wb.replace('</sheets>', '<sheet name="Grafik" sheetId="9" r:id="rIdChart"/></sheets>'),
    );
    const input = file(await zip.generateAsync({ type: 'nodebuffer' }));
    const out = tmp.file('grafik-diperiksa.xlsx');
    const r = await run('check', input, '--out', out, '--summary');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const book = (await partsOf(out)).get('xl/workbook.xml')!.toString('utf8');
    expect([...book.matchAll(/<sheet\b[^>]*\sname="([^"]+)"/g)].map((m) => m[1])).toEqual([
      SHEET,
      'Grafik',
      'Ringkasan SKM',
    ]);
  });

  it('is listed with the relationship type the recap has, in a Strict workbook too', async () => {
    const STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet';
    const data = await recapXlsx();
    const zip = await JSZip.loadAsync(data);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
        STRICT,
      ),
    );
    const input = file(await zip.generateAsync({ type: 'nodebuffer' }));
    const out = tmp.file('strict-diperiksa.xlsx');
    expect((await run('check', input, '--out', out, '--summary')).code).toBe(1);
    const added = (await partsOf(out)).get('xl/_rels/workbook.xml.rels')!.toString('utf8');
    const types = [...added.matchAll(/Type="([^"]+)" Target="worksheets\/sheet\d+\.xml"/g)].map(
      (m) => m[1],
    );
    expect(types).toEqual([STRICT, STRICT]);
  });

  it('says in English when the package has no content types list to add it to', async () => {
    const input = file(await edited(await recapXlsx(), { '[Content_Types].xml': null }));
    const r = await run(
      'check',
      input,
      '--out',
      tmp.file('tanpa-jenis.xlsx'),
      '--summary',
      '--lang',
      'en',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `No copy made: the part [Content_Types].xml of "${input}" cannot be edited safely (the part is missing). The report above stands.`,
    );
  });
});

describe('what the copy leaves alone', () => {
  it('widens the notes column it writes to', async () => {
    const input = file(await recapXlsx());
    const out = tmp.file('lebar-diperiksa.xlsx');
    await run('check', input, '--out', out);
    const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toMatch(/<col min="21" max="21" width="60"/);
  });

  it('keeps the style sheet byte for byte when it already has every cell format the copy needs', async () => {
    // Two right units under a right RATA-RATA line, in a workbook whose style sheet already has the
    // line's 0.00 and the notes header's wrapped text (as a copy checked before has): nothing new.
    const units = [
      unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 0.8 })),
      unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
    ];
    const average = {
      unsur: [83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55],
      ikm: 85.03,
      realisation: 0.9,
    };
    const g = recap(units, { formats: { realisation: '0%' }, average }).grid;
    const plain = await buildXlsx({ sheets: [{ name: g.name, xml: sheetXml(g) }] });
    const styles = (await partsOf(plain)).get('xl/styles.xml')!.toString('utf8');
    const ready = styles.replace(
      /<cellXfs count="2">(.*?)<\/cellXfs>/,
      '<cellXfs count="4">$1<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
        '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    expect(ready).not.toBe(styles);
    const data = await edited(plain, { 'xl/styles.xml': ready });
    const out = tmp.file('rapi-diperiksa.xlsx');
    const r = await run('check', file(data), '--out', out);
    expect(r.code).toBe(0);
    expect((await partsOf(out)).get('xl/styles.xml')!.toString('utf8')).toBe(ready);
    expect((await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8')).toMatch(
      /<c r="N7" s="3"><v>85.03<\/v><\/c>/,
    );
  });

  it('says in one short line why a copy could not be written, however long the reason', async () => {
    // --out inside a "folder" under a file: the system's reason names the long path.
    const blocker = tmp.file('bukan-folder');
    writeFileSync(blocker, 'x');
    const out = `${blocker}/${'s'.repeat(240)}/salinan.xlsx`;
    const r = await run('check', file(await recapXlsx()), '--out', out);
    expect(r.code).toBe(2);
    const line = r.stderr.trim().split('\n').pop()!;
    const why = /\((.*)\)\.$/.exec(line.replace(`"${out}"`, '""'))![1];
    expect(why.length).toBeLessThanOrEqual(200);
    expect(why.length).toBeGreaterThan(10);
  });
});

describe('two paths of one file', () => {
  it('is the same file even before it exists, and two files are never one', async () => {
    const missing = tmp.file('belum-ada.xlsx');
    await expect(sameFile(missing, missing)).resolves.toBe(true);
    await expect(sameFile(missing, tmp.file('lain.xlsx'))).resolves.toBe(false);
    const a = file(Buffer.from('a'), 'a.xlsx');
    const b = file(Buffer.from('b'), 'b.xlsx');
    await expect(sameFile(a, b)).resolves.toBe(false);
  });
});
