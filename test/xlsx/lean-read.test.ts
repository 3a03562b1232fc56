/**
 * The checker's own .xlsx reader (src/xlsx/lean-read.ts) gives the grids exceljs's model gives,
 * cell for cell: values, number formats, merged areas and the sheet's extent.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { SheetGrid } from '../../src/engine/model';
import {
  DEFAULT_LIMITS,
  readGrids,
  readWorkbook,
  WorkbookFormatError,
} from '../../src/xlsx/lean-read';
import { plainDecimal } from '../../src/xlsx/sheet-read';
import { NS as MAIN, rawXlsx } from '../hostile/xlsx';
import { workbookGrids } from '../../src/xlsx/read';
import { checkJson, run, tempDir } from '../cli/helpers';
import { buildRecap, recapCaseArb } from '../property/arbitraries';
import { mergeAreas } from '../../src/engine/merges';
import { Worker } from 'worker_threads';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prestart } = require('../../src/xlsx/inflate-spare.js') as { prestart: () => void };

const SAMPLE = path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx');

async function exceljsGrids(buffer: Buffer): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbookGrids(wb);
}

/**
 * The cells as the engine sees them: a blank ('' or a cell left out of a sparse row) is a blank,
 * trailing blanks of a row and blank rows at the end are dropped, and merged areas are clipped to
 * the area that holds values (the lean reader's grids are sparse; exceljs fills every row to the
 * widest one). Merged areas in file order may differ in order only: compared as sets.
 */
function normalised(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => {
    const values = g.values.map((r) => Array.from(r, (v) => (v === undefined ? '' : v)));
    const formats = g.values.map((r, i) =>
      Array.from({ length: r.length }, (_, j) => g.formats?.[i]?.[j] ?? null),
    );
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      while (v.length > 0 && v[v.length - 1] === '' && formats[i][v.length - 1] === null) {
        v.pop();
        formats[i].pop();
      }
    }
    while (values.length > 0 && values[values.length - 1].length === 0) {
      values.pop();
      formats.pop();
    }
    const height = values.length;
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    const merges = mergeAreas(g.merges)
      .filter((m) => m.top <= height && m.left <= width)
      .map((m) => ({ ...m, bottom: Math.min(m.bottom, height), right: Math.min(m.right, width) }))
      .sort((a, b) => a.top - b.top || a.left - b.left);
    return { name: g.name, values, origin: g.origin, merges, formats };
  });
}

async function expectSameAsExceljs(buffer: Buffer): Promise<SheetGrid[]> {
  const lean = await readGrids(buffer);
  expect(normalised(lean)).toEqual(normalised(await exceljsGrids(buffer)));
  return lean;
}

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('the same grids as through exceljs', () => {
  it('on the Banjar 2025 recap', async () => {
    const grids = await expectSameAsExceljs(readFileSync(SAMPLE));
    expect(grids[0].name).toBe('Rekap SKM OPP 2025');
    expect(grids[0].values[91][13]).toBe('89,02');
  });

  it('on every kind of cell: text, rich text, numbers, errors, booleans, formulas, dates, percentages, links', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap & <Data>');
    ws.getCell('A1').value = 'DINAS A & B <"kutip">';
    ws.getCell('A2').value = {
      richText: [{ text: 'Dinas ' }, { text: 'Kesehatan', font: { bold: true } }],
    };
    ws.getCell('B1').value = 3.4500000000000002;
    ws.getCell('B2').value = '3,46';
    ws.getCell('C1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('C2').value = true;
    ws.getCell('D1').value = {
      formula: 'AVERAGE(B1:B2)',
      result: 86.12,
    } as ExcelJS.CellFormulaValue;
    ws.getCell('D2').value = {
      formula: 'A1&"x"',
      result: 'teks & lagi',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('D3').value = {
      formula: '1/0',
      result: { error: '#DIV/0!' },
    } as ExcelJS.CellFormulaValue;
    ws.getCell('D4').value = { formula: 'B1>1', result: true } as ExcelJS.CellFormulaValue;
    ws.getCell('D5').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = new Date(Date.UTC(2025, 11, 31, 12, 30));
    ws.getCell('E2').value = 0.755;
    ws.getCell('E2').numFmt = '0%';
    ws.getCell('E3').value = 1686;
    ws.getCell('E3').numFmt = '#,##0';
    ws.getCell('E4').value = 88.93;
    ws.getCell('E4').numFmt = '0.00';
    ws.getCell('F1').value = { text: 'Tautan', hyperlink: 'https://example.org/skm' };
    ws.getCell('F2').value = 'baris\nkedua';
    // Styled but empty cells, beyond the values: they widen the sheet as they do in exceljs.
    ws.getCell('H1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getCell('A9').border = { top: { style: 'thin' } };
    ws.mergeCells('A5:C6');
    ws.getCell('A5').value = 'gabung';
    ws.mergeCells('G7');
    const hidden = wb.addWorksheet('Tersembunyi', { state: 'hidden' });
    hidden.getCell('B2').value = 'x';
    for (const useSharedStrings of [true, false]) {
      const grids = await expectSameAsExceljs(
        Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings })),
      );
      expect(grids.map((g) => g.name)).toEqual(['Rekap & <Data>', 'Tersembunyi']);
      expect(grids[0].values[1][0]).toBe('Dinas Kesehatan');
      expect(grids[0].values[0][3]).toBe(86.12);
      expect(grids[0].formats?.[1][4]).toBe('0%');
    }
  });

  it('except where exceljs drops a formula result of 0 or FALSE: those read as Excel gives them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    ws.getCell('A1').value = { formula: 'B1-B1', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { formula: 'B1>1', result: false } as ExcelJS.CellFormulaValue;
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await exceljsGrids(buffer))[0].values).toEqual([[''], ['']]);
    expect((await readGrids(buffer))[0].values).toEqual([[0], [false]]);
  });

  it('reads a shared string of several runs as one text, leaving out phonetic guides (<rPh>)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    const first = strings.indexOf('<si>');
    const item =
      '<si><r><t>DINAS </t></r><r><rPr><b/></rPr><t xml:space="preserve">KESEHATAN &amp; KB</t></r><rPh sb="0" eb="5"><t>ディナス</t></rPh></si>';
    zip.file(
      'xl/sharedStrings.xml',
      strings.slice(0, first) + item + strings.slice(strings.indexOf('</si>', first) + 5),
    );
    const grids = await readGrids(await zip.generateAsync({ type: 'nodebuffer' }));
    const original = await readGrids(readFileSync(SAMPLE));
    const changed = grids[0].values.flatMap((row, r) =>
      row.flatMap((v, c) => (v !== original[0].values[r][c] ? [v] : [])),
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(changed)).toEqual(new Set(['DINAS KESEHATAN & KB']));
  });

  it('whatever the quoting and the line breaks inside the XML tags', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const reformatted = sheet.replace(
      /<(c|row|mergeCell) ([^>]*?)(\/?)>/g,
      (_, name: string, attrs: string, close: string) =>
        `<${name}\n\t${attrs.replace(/ (\w+)="([^"]*)"/g, "\n  $1 = '$2'").replace(/^(\w+)="([^"]*)"/, "$1='$2'")}${close}>`,
    );
    expect(reformatted).not.toBe(sheet);
    zip.file('xl/worksheets/sheet1.xml', reformatted);
    const grids = await expectSameAsExceljs(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(grids).toEqual(await readGrids(readFileSync(SAMPLE)));
  });

  it('on random recaps (column orders, merges, text numbers, errors, blank rows)', async () => {
    await fc.assert(
      fc.asyncProperty(recapCaseArb, async (rc) => {
        const grid = buildRecap(rc);
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet(grid.name);
        grid.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v === '' || v === null || v === undefined) return;
            const cell = ws.getCell(i + 1, j + 1);
            cell.value =
              typeof v === 'string' && /^#/.test(v) ? ({ error: v } as ExcelJS.CellErrorValue) : v;
            const f = grid.formats?.[i]?.[j];
            if (f) cell.numFmt = f;
          }),
        );
        for (const m of mergeAreas(grid.merges)) ws.mergeCells(m.top, m.left, m.bottom, m.right);
        await expectSameAsExceljs(Buffer.from(await wb.xlsx.writeBuffer()));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) },
    );
  });
});

describe('files exceljs cannot open', () => {
  /** The Banjar recap with a drawing part the sheet points to but the package lacks, as some files with charts have. */
  async function withBrokenDrawing(): Promise<Buffer> {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheetPath = 'xl/worksheets/sheet1.xml';
    const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
    const sheet = await zip.file(sheetPath)!.async('string');
    zip.file(sheetPath, sheet.replace('</worksheet>', '<drawing r:id="rIdGrafik1"/></worksheet>'));
    const rels =
      (await zip.file(relsPath)?.async('string')) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    zip.file(
      relsPath,
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdGrafik1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
      ),
    );
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('are read all the same, and checked by skm-rekap', async () => {
    const buffer = await withBrokenDrawing();
    await expect(exceljsGrids(buffer)).rejects.toThrow();
    const lean = await readGrids(buffer);
    expect(lean).toEqual(await readGrids(readFileSync(SAMPLE)));

    const file = tmp.file('grafik-rusak.xlsx');
    writeFileSync(file, buffer);
    const { run: r, report } = await checkJson(file);
    expect(r.code).toBe(1);
    expect(report.units.listed).toBe(100);
    expect(report.district.ikm).toBeCloseTo(87.68, 2);
  });

  it('still get their checked copy, the drawing carried over untouched', async () => {
    // The copy edits the workbook's own parts (src/xlsx/copy): it never needs exceljs to open them.
    const file = tmp.file('grafik-rusak-salin.xlsx');
    const input = await withBrokenDrawing();
    writeFileSync(file, input);
    const out = tmp.file('salinan.xlsx');
    const r = await run('check', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('RATA-RATA');
    expect(r.stderr).toBe('');
    const [a, b] = await Promise.all([JSZip.loadAsync(input), JSZip.loadAsync(readFileSync(out))]);
    // The sheet's relationships (the dangling drawing among them) come out byte for byte.
    const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
    expect(await b.file(rels)!.async('string')).toContain('rIdGrafik1');
    expect(await b.file(rels)!.async('nodebuffer')).toEqual(
      await a.file(rels)!.async('nodebuffer'),
    );
  });
});

describe('damaged files', () => {
  it('are refused with a reason in both languages when they are no workbook', async () => {
    const notZip = readGrids(Buffer.from('bukan xlsx'));
    await expect(notZip).rejects.toBeInstanceOf(WorkbookFormatError);
    await expect(notZip).rejects.toMatchObject({
      reason: { id: expect.stringContaining('zip'), en: expect.stringContaining('zip') },
    });
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    await expect(readGrids(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toMatchObject({
      reason: { en: 'no xl/workbook.xml part' },
    });
  });

  it('are refused, not misread, when the compressed data of a part is damaged', async () => {
    const buffer = Buffer.from(readFileSync(SAMPLE));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    // The part's local header: signature PK\x03\x04, then its name at offset 30.
    let header = buffer.indexOf(name);
    while (header >= 0 && buffer.readUInt32LE(header - 30) !== 0x04034b50)
      header = buffer.indexOf(name, header + 1);
    expect(header).toBeGreaterThan(0);
    const dataStart = header + name.length + buffer.readUInt16LE(header - 2);
    buffer[dataStart + 500] ^= 0xff;
    await expect(readGrids(buffer)).rejects.toMatchObject({
      reason: {
        id: 'bagian xl/worksheets/sheet1.xml rusak',
        en: 'its part xl/worksheets/sheet1.xml is damaged',
      },
    });
    const file = tmp.file('rusak.xlsx');
    writeFileSync(file, buffer);
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `skm-rekap: Berkas "${file}" tidak dapat dibaca sebagai buku kerja .xlsx (bagian xl/worksheets/sheet1.xml rusak).\n`,
    );
  });

  it('never hang or throw anything but an error when their parts are cut short or garbled', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sheet.length }),
        fc.nat({ max: strings.length }),
        fc.constantFrom('', '<', '>', '</c>', '<t>', '&#99999999;', '"'),
        async (cutSheet, cutStrings, junk) => {
          zip.file('xl/worksheets/sheet1.xml', sheet.slice(0, cutSheet) + junk);
          zip.file('xl/sharedStrings.xml', strings.slice(0, cutStrings) + junk);
          const buffer = await zip.generateAsync({ type: 'nodebuffer' });
          const outcome = await readGrids(buffer).then(
            (grids) => grids,
            (err: unknown) => err,
          );
          if (Array.isArray(outcome)) expect(outcome[0].values.length).toBeLessThanOrEqual(400);
          else expect(outcome).toBeInstanceOf(Error);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("the reader's shortcuts read as its tokenizer", () => {
  it('plain decimals read from the bytes are the doubles parseFloat gives', () => {
    const bytes = (s: string) => Buffer.from(s, 'latin1');
    const read = (s: string) => plainDecimal(bytes(s), 0, s.length);
    for (const s of ['0', '-0', '3.545', '84.82', '0.1', '007', '-.5', '.25', '123456789012345'])
      expect(Object.is(read(s), parseFloat(s))).toBe(true);
    // Any other shape is left to parseFloat: exponents, signs, 16 digits, a lone point, entities.
    for (const s of ['', '-', '.', '5.', '1e5', '+1', '1234567890123456', '1,5', '&#51;', ' 1'])
      expect(read(s)).toBeNaN();
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,9}$/),
        fc.stringMatching(/^[0-9]{0,6}$/),
        (negative, int, frac) => {
          const s = `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
          expect(Object.is(read(s), parseFloat(s))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cells, row numbers and merged areas written in other shapes read the same', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Whitespace inside each cell, "$" in merged areas and entities in row numbers take every
    // value, row and area off the byte shortcuts and through the tokenizer.
    const other = sheet
      .replace(/<\/v><\/c>/g, '</v> </c>')
      .replace(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g, '<mergeCell ref="$$$1$$$2:$3$4"')
      .replace(/<row r="(\d)/g, '<row r="&#x3$1;');
    expect(other).not.toBe(sheet);
    zip.file('xl/worksheets/sheet1.xml', other);
    const read = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }));
    const original = await readWorkbook(readFileSync(SAMPLE));
    expect(read.grids).toEqual(original.grids);
    expect(read.notes).toEqual(original.notes);
  });
});

describe("the rows' spans (a hint of their width)", () => {
  it('never change what a row holds or where it ends, whatever they say', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const original = await readWorkbook(readFileSync(SAMPLE));
    // Too narrow, a list, exactly the cap, past it, far past it, not numbers, empty, cut short.
    const spans = ['1:1', '1:3 5:64', '1:64', '1:65', '1:9999', 'x:y', '', '2:', '1:20', '3:7'];
    let k = 0;
    const other = sheet
      .replace(/ spans="[^"]*"/g, '')
      .replace(/<row /g, () => `<row spans="${spans[k++ % spans.length]}" `);
    expect(k).toBeGreaterThan(spans.length);
    zip.file('xl/worksheets/sheet1.xml', other);
    const read = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(read.grids).toEqual(original.grids);
    expect(read.notes).toEqual(original.notes);
    // Each row ends at its last value: no slot past it.
    for (const row of read.grids[0].values)
      if (row.length > 0) expect(row[row.length - 1]).not.toBeUndefined();
  });
});

describe("the reader's caches of repeated values", () => {
  it('give every cell its own value, however the values repeat and share the cache', async () => {
    // 40,000 cells: more distinct numbers and texts than the caches hold, each repeated, -0 among
    // them, and texts of the same length that differ in one byte (a slot's test compares bytes).
    const rnd = (
      (seed) => () =>
        (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    )(7);
    const rows: (string | number)[][] = [];
    const cells: string[] = [];
    for (let r = 1; r <= 4000; r++) {
      const row: (string | number)[] = [];
      for (let c = 1; c <= 10; c++) {
        const k = Math.floor(rnd() * 90000);
        const v: string | number =
          c % 3 === 0
            ? `Layanan ${k % 3 === 0 ? 'A' : 'B'}${k}`
            : c % 3 === 1
              ? Math.round(k * 0.137 * 1000) / 1000
              : k % 50 === 0
                ? -0
                : -(k % 977) / 100;
        row.push(v);
        const ref = `${String.fromCharCode(64 + c)}${r}`;
        cells.push(
          typeof v === 'number'
            ? `<c r="${ref}"><v>${Object.is(v, -0) ? '-0' : v}</v></c>`
            : `<c r="${ref}" t="str"><v>${v}</v></c>`,
        );
        if (c === 10) cells.push('</row>');
      }
      rows.push(row);
      cells.splice(cells.length - 11, 0, `<row r="${r}">`);
    }
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${cells.join('')}</sheetData></worksheet>`;
    const grid = (await readGrids(await rawXlsx([{ name: 'S', xml }])))[0];
    expect(grid.values.length).toBe(rows.length);
    for (let r = 0; r < rows.length; r++)
      for (let c = 0; c < 10; c++) expect(Object.is(grid.values[r][c], rows[r][c])).toBe(true);
  });
});

// Inflated straight into shared memory (the default) and as a stream (where Node's zlib handle is
// not at hand): the same bytes, the same refusals.
describe.each([true, false])(
  'a large part read as it inflates on another thread (in place: %s)',
  (inPlace) => {
    /** Every part streamed, handed over `chunk` bytes at a time. */
    const streamed = (chunk: number) => ({
      ...DEFAULT_LIMITS,
      streamFrom: 1,
      streamChunk: chunk,
      inflateInPlace: inPlace,
    });

    it('gives what reading the whole part gives, wherever the handovers cut the tokens', async () => {
      const whole = await readWorkbook(readFileSync(SAMPLE));
      for (const chunk of [64, 100, 4096]) {
        const read = await readWorkbook(readFileSync(SAMPLE), streamed(chunk));
        expect(read.grids).toEqual(whole.grids);
        expect(read.notes).toEqual(whole.notes);
      }
    });

    it('by a thread started before the part was known (as the checker starts one), taken over once', async () => {
      const whole = await readWorkbook(readFileSync(SAMPLE));
      const key = Symbol.for('skm-rekap.spare-inflater');
      const held = globalThis as unknown as Record<symbol, Worker | undefined>;
      prestart();
      const spare = held[key];
      expect(spare).toBeInstanceOf(Worker);
      // Bytes in shared memory, as the checker reads a file: the thread gets a view, not a copy.
      const data = readFileSync(SAMPLE);
      const shared = Buffer.from(new SharedArrayBuffer(data.length));
      data.copy(shared);
      const read = await readWorkbook(shared, streamed(4096));
      expect(held[key]).toBeUndefined();
      expect(read.grids).toEqual(whole.grids);
      expect(read.notes).toEqual(whole.notes);
      // The spare went to the first part; the next read starts a thread of its own, and reads the same.
      expect(await readWorkbook(shared, streamed(100))).toEqual(read);
    });

    it('on comments, CDATA, declarations and long attributes cut anywhere', async () => {
      const long = 'x'.repeat(5000);
      const xml =
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet xmlns="${MAIN}">` +
        `<!-- ${long} <row> --><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<v>${long}]]></t></is></c>` +
        `<c r="B1"><v>3.25</v></c><c r="C1" t="str"><v>a &amp; b</v></c></row><?pi ${long}?>` +
        `<row r="2" note="${long}"><c r="A2"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A2:B2"/></mergeCells></worksheet>`;
      const file = await rawXlsx([{ name: 'Rekap', xml }]);
      const whole = await readWorkbook(file);
      expect(whole.grids[0].values[0]).toEqual([`<v>${long}`, 3.25, 'a & b']);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 64, max: 3000 }), async (chunk) => {
          expect(await readWorkbook(file, streamed(chunk))).toEqual(whole);
        }),
        { numRuns: 8 },
      );
    });

    it('is refused as damaged when its data or CRC is wrong, as when inflated whole', async () => {
      const buffer = Buffer.from(readFileSync(SAMPLE));
      // The part's CRC as the central directory gives it (what the reader checks against).
      const central = buffer.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml'));
      expect(buffer.readUInt32LE(central - 46)).toBe(0x02014b50);
      buffer.writeUInt32LE((buffer.readUInt32LE(central - 30) ^ 1) >>> 0, central - 30);
      await expect(readWorkbook(buffer, streamed(4096))).rejects.toMatchObject({
        reason: { en: 'its part xl/worksheets/sheet1.xml is damaged' },
      });
      await expect(readWorkbook(buffer)).rejects.toMatchObject({
        reason: { en: 'its part xl/worksheets/sheet1.xml is damaged' },
      });
      // A part that inflates past the size it declares (a zip bomb's shape) stops there.
      const bomb = Buffer.from(readFileSync(SAMPLE));
      bomb.writeUInt32LE(bomb.readUInt32LE(central - 22) - 100, central - 22);
      for (const limits of [streamed(4096), DEFAULT_LIMITS])
        await expect(readWorkbook(bomb, limits)).rejects.toMatchObject({
          reason: { en: 'its part xl/worksheets/sheet1.xml is damaged' },
        });
      // One that ends short of the size it declares, and one whose deflated data is garbled midway.
      const short = Buffer.from(readFileSync(SAMPLE));
      short.writeUInt32LE(short.readUInt32LE(central - 22) + 100, central - 22);
      const garbled = Buffer.from(readFileSync(SAMPLE));
      const local = garbled.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
      expect(garbled.readUInt32LE(local - 30)).toBe(0x04034b50);
      const data = local + garbled.readUInt16LE(local - 4) + garbled.readUInt16LE(local - 2);
      const size = garbled.readUInt32LE(central - 26);
      garbled.fill(0xff, data + Math.floor(size / 2), data + Math.floor(size / 2) + 64);
      for (const damagedFile of [short, garbled])
        for (const limits of [streamed(4096), streamed(100), DEFAULT_LIMITS])
          await expect(readWorkbook(damagedFile, limits)).rejects.toMatchObject({
            reason: { en: 'its part xl/worksheets/sheet1.xml is damaged' },
          });
    });
  },
);

describe("rows' number formats, shared between rows with the same pattern", () => {
  const styles =
    `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>` +
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/>' +
    '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const c = (ref: string, v: number, s = 0) =>
    `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`;

  it('stay each row its own when a row met twice in the file gains a format later', async () => {
    // Rows 2 and 3 have the same pattern ("0%" in C); row 2 comes again with "0.000" in D.
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData>` +
      `<row r="1">${c('A1', 1)}</row>` +
      `<row r="2">${c('A2', 2)}${c('C2', 0.5, 1)}</row>` +
      `<row r="3">${c('A3', 3)}${c('C3', 0.75, 1)}</row>` +
      `<row r="2">${c('D2', 1.25, 2)}</row>` +
      `<row r="4">${c('A4', 4)}${c('C4', 0.25, 1)}</row>` +
      '</sheetData></worksheet>';
    const [grid] = (await readWorkbook(await rawXlsx([{ name: 'Rekap', xml }], { styles }))).grids;
    expect(grid.values[1]).toEqual([2, undefined, 0.5, 1.25]);
    expect(grid.formats![1]).toEqual([undefined, undefined, '0%', '0.000']);
    expect(grid.formats![2]).toEqual([undefined, undefined, '0%']);
    expect(grid.formats![3]).toEqual([undefined, undefined, '0%']);
    expect(grid.formats![0]).toEqual([]);
  });

  it('read as exceljs reads them however the patterns alternate down the sheet', async () => {
    // Ten patterns in turn: more than the reader keeps at hand, so old ones are made again.
    const rows: string[] = [];
    for (let r = 1; r <= 60; r++) {
      const k = r % 10;
      const cells = [c(`A${r}`, r)];
      for (let col = 0; col < k; col++)
        cells.push(c(`${String.fromCharCode(66 + col)}${r}`, r + col / 10, (col + k) % 3));
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    await expectSameAsExceljs(await rawXlsx([{ name: 'Rekap', xml }], { styles }));
  });
});

describe("the merged areas' declared count (a hint of how many follow)", () => {
  it('never changes the areas read, whatever it says', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<mergeCells count="\d+"/);
    const original = await readWorkbook(readFileSync(SAMPLE));
    // Too few, none, negative, not a number, far too many, more than a double holds.
    for (const count of ['1', '0', '-40', 'x', '99999999999', '1e400']) {
      zip.file(
        'xl/worksheets/sheet1.xml',
        sheet.replace(/<mergeCells count="\d+"/, `<mergeCells count="${count}"`),
      );
      const read = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }));
      expect(mergeAreas(read.grids[0].merges)).toEqual(mergeAreas(original.grids[0].merges));
      expect(read.grids).toEqual(original.grids);
    }
    // The areas in two lists, each with its count: the second list's room keeps the first's areas.
    const block = /<mergeCells count="\d+">(.*?)<\/mergeCells>/s.exec(sheet)!;
    const areas = block[1].match(/<mergeCell [^>]*\/>/g)!;
    const half = Math.floor(areas.length / 2);
    const two =
      `<mergeCells count="${half}">${areas.slice(0, half).join('')}</mergeCells>` +
      `<mergeCells count="${areas.length}">${areas.slice(half).join('')}</mergeCells>`;
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(block[0], two));
    const read = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(mergeAreas(read.grids[0].merges)).toEqual(mergeAreas(original.grids[0].merges));
  });
});

describe('merged areas written in every shape', () => {
  it('read as exceljs reads them, plain runs and odd elements mixed in any order', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 40; r++)
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="H${r}"><v>1</v></c></row>`);
    const plain = (r: number) => `<mergeCell ref="B${r}:C${r}"/>`;
    const odd = [
      (r: number) => `<mergeCell ref='B${r}:D${r}'/>`,
      (r: number) => `<mergeCell  ref="B${r}:E${r}" />`,
      (r: number) => `<mergeCell ref="B${r}:F${r}"></mergeCell>`,
      (r: number) => `<mergeCell ref="&#66;${r}:C${r}"/>`,
      (r: number) => `<mergeCell xmlns:q="urn:x" q:foo="1" ref="B${r}:G${r}"/>`,
      (r: number) => `<!-- a comment --><mergeCell ref="B${r}:C${r}"/>`,
      (r: number) => `<mergeCell ref="C${r}:B${r}"/>`,
      (r: number) => `<mergeCell ref="B${r}"/>`,
    ];
    // Runs of plain areas broken by each odd shape, with and without whitespace between elements.
    const parts: string[] = [];
    for (let r = 1; r <= 40; r++) {
      const k = r % (odd.length + 3);
      parts.push(k < odd.length ? odd[k](r) : plain(r));
      if (r % 4 === 0) parts.push('\n  ');
    }
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData>` +
      `<mergeCells count="40">${parts.join('')}</mergeCells></worksheet>`;
    const buffer = await rawXlsx([{ name: 'Rekap', xml }]);
    const lean = await expectSameAsExceljs(buffer);
    expect(mergeAreas(lean[0].merges)).toHaveLength(40);
  });
});
