/**
 * Issue 15, items 7-9: small files that used to take the machine. The reader's cost follows the
 * content, not the addresses a file names: sparse rows, merged areas clipped to the values, every
 * scan bounded by its tag, inflation bounded by what a part declares and by the caps.
 */
import { writeFileSync } from 'fs';
import { readWorkbook, WorkbookFormatError, DEFAULT_LIMITS } from '../../src/xlsx/lean-read';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { tempDir } from '../cli/helpers';
import { checkChild, rawXlsx, rawZip, sharedStringsXml, sheetXml } from './xlsx';
import { mergeAreas } from '../../src/engine/merges';

// Child processes on a machine that may be shared: generous wall-clock limits, CPU time is checked.
jest.setTimeout(300_000);

const tmp = tempDir();
afterAll(() => tmp.remove());

const recapGrid = () =>
  recap([unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))], {
    sheet: 'Rekap',
  }).grid;

let n = 0;
function save(buffer: Buffer): string {
  const file = tmp.file(`besar-${++n}.xlsx`);
  writeFileSync(file, buffer);
  return file;
}

/** The recap's sheet XML with raw XML added after the rows (before </sheetData>) or after it. */
function recapXml(inData: string, afterData = ''): string {
  return sheetXml(recapGrid()).replace('</sheetData>', `${inData}</sheetData>${afterData}`);
}

describe('item 7: rows x widest row is never allocated', () => {
  it('one value at XFD1048576: a small file, read and checked', async () => {
    const buffer = await rawXlsx([
      { name: 'Rekap', xml: recapXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') },
    ]);
    expect(buffer.length).toBeLessThan(4000);
    const { grids } = await readWorkbook(buffer);
    expect(grids[0].values).toHaveLength(1048576);
    // Rows hold their own cells only: the recap's rows are as wide as the recap.
    expect(grids[0].values[0].length).toBeLessThanOrEqual(21);
    expect(grids[0].values[1048575][16383]).toBe(1);
    const r = checkChild(save(buffer), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units.listed).toBe(2);
  });

  it('a 20,000-unit recap whose title is merged across the whole first row', async () => {
    const units = Array.from({ length: 20000 }, (_, i) =>
      unit(i + 1, `UNIT ${i + 1}`, tahunan(i % 2 ? BASE : OTHER)),
    );
    const g = recap(units, { sheet: 'Rekap', title: ['REKAP SKM NASIONAL 2025'] }).grid;
    g.merges = mergeAreas(g.merges).map((m, i) => (i === 0 ? { ...m, right: 16384 } : m));
    const buffer = await rawXlsx([{ name: 'Rekap', xml: sheetXml(g) }]);
    const { grids } = await readWorkbook(buffer);
    // The merge is clipped to the columns that hold values.
    expect(mergeAreas(grids[0].merges)[0]).toEqual({
      top: 1,
      left: 1,
      bottom: 1,
      right: g.values[0].length,
    });
    const r = checkChild(save(buffer), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units.listed).toBe(20000);
  });

  it('a file of large merged areas costs no more than its values', async () => {
    const merges: string[] = [];
    for (let k = 0; k < 3000; k++)
      merges.push(`<mergeCell ref="A${k * 300 + 100}:XFD${k * 300 + 399}"/>`);
    merges.push('<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="B2:C1048576"/>');
    const buffer = await rawXlsx([
      { name: 'Rekap', xml: recapXml('', `<mergeCells>${merges.join('')}</mergeCells>`) },
    ]);
    expect(buffer.length).toBeLessThan(60_000);
    const { grids } = await readWorkbook(buffer);
    const kept = mergeAreas(grids[0].merges);
    expect(kept.length).toBeGreaterThan(0);
    for (const m of kept) {
      expect(m.bottom).toBeLessThanOrEqual(grids[0].values.length);
      expect(m.right).toBeLessThanOrEqual(21);
    }
    const r = checkChild(save(buffer));
    expect([0, 1, 2]).toContain(r.code);
  });
});

describe('item 8: no scan runs to the end of the file for each tag', () => {
  it('100,000 hyperlinks, and as many unclosed ones', async () => {
    const links = '<hyperlink ref="A1" r:id="rId1"/>'.repeat(100_000);
    const unclosed = '<hyperlink ref="A1" r:id="rId1" '.repeat(100_000);
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>';
    for (const tail of [`<hyperlinks>${links}</hyperlinks>`, `<hyperlinks>${unclosed}`]) {
      const buffer = await rawXlsx([{ name: 'Rekap', xml: recapXml('', tail), rels }]);
      const r = checkChild(save(buffer), '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).units.listed).toBe(2);
    }
  });

  it('100,000 number formats in styles and 100,000 phonetic runs in shared strings', async () => {
    const numFmts = Array.from(
      { length: 100_000 },
      (_, i) => `<numFmt numFmtId="${200 + i}" formatCode="0.00"/>`,
    ).join('');
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>${numFmts}</numFmts><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;
    const shared: string[] = [];
    const xml = sheetXml(recapGrid(), { shared });
    const rph = '<rPh sb="0" eb="1"><t>ア</t></rPh>'.repeat(100_000);
    const sst = sharedStringsXml(shared).replace('</si>', `${rph}</si>`);
    const buffer = await rawXlsx([{ name: 'Rekap', xml }], { styles, sharedStrings: sst });
    const r = checkChild(save(buffer), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units.listed).toBe(2);
  });
});

describe('item 9: inflation is bounded', () => {
  /** Sets the uncompressed size a zip declares for one part, in its local and central headers. */
  function declareSize(buffer: Buffer, part: string, size: number): void {
    const name = Buffer.from(part);
    for (let at = buffer.indexOf(name); at >= 0; at = buffer.indexOf(name, at + 1)) {
      if (buffer.readUInt32LE(at - 30) === 0x04034b50) buffer.writeUInt32LE(size, at - 30 + 22);
      if (buffer.readUInt32LE(at - 46) === 0x02014b50) buffer.writeUInt32LE(size, at - 46 + 24);
    }
  }

  it('a part that declares 1,000 bytes and inflates to 16 MB stops at once, as damaged', async () => {
    const zip = rawZip([{ name: 'Rekap', xml: sheetXml(recapGrid()) }], {
      parts: { 'xl/sharedStrings.xml': Buffer.alloc(16 * 2 ** 20, 32) },
    });
    zip.file(
      'xl/_rels/workbook.xml.rels',
      (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
        '</Relationships>',
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    );
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    declareSize(buffer, 'xl/sharedStrings.xml', 1000);
    const r = checkChild(save(buffer));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bagian xl/sharedStrings.xml rusak');
  });

  it('a part over the per-part cap, or parts over the per-file cap, are refused with their size', async () => {
    const buffer = await rawXlsx([{ name: 'Rekap', xml: sheetXml(recapGrid()) }]);
    const small = { ...DEFAULT_LIMITS, partBytes: 4096 };
    await expect(readWorkbook(buffer, small)).rejects.toBeInstanceOf(WorkbookFormatError);
    await expect(readWorkbook(buffer, small)).rejects.toMatchObject({
      code: 'too-large',
      reason: {
        en: expect.stringMatching(
          /^its part xl\/worksheets\/sheet1\.xml is \d+ bytes unpacked, over the limit of 4096 bytes$/,
        ),
      },
    });
    await expect(
      readWorkbook(buffer, { ...DEFAULT_LIMITS, fileBytes: 2000 }),
    ).rejects.toMatchObject({
      code: 'too-large',
      reason: { en: 'its parts are over 2000 bytes unpacked, over the limit' },
    });
    await expect(readWorkbook(buffer, { ...DEFAULT_LIMITS, cells: 10 })).rejects.toMatchObject({
      code: 'too-large',
      reason: { en: 'sheet "Rekap" holds more than 10 cells with values, over the limit' },
    });
  });

  it('a huge theme part the check never reads costs nothing', async () => {
    // Stored, not deflated: the test makes it fast, the checker never inflates it either way.
    const zip = rawZip([{ name: 'Rekap', xml: sheetXml(recapGrid()) }]);
    zip.file('xl/theme/theme1.xml', Buffer.alloc(256 * 2 ** 20, 32), { compression: 'STORE' });
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const r = checkChild(save(buffer), '--json');
    expect(r.code).toBe(0);
  });
});
