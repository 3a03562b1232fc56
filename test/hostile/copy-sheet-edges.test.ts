/**
 * The sheet editor of the checker's copy (src/xlsx/copy/sheet.ts) on the layouts staff's
 * workbooks have: column and row styles, column widths set in ranges, single-cell dimensions,
 * an empty sheetData. Each test is what the copy must keep of what staff set (issue 16).
 */
import { editSheet, mergesIn, sheetProtected } from '../../src/xlsx/copy/sheet';
import { StyleBook } from '../../src/xlsx/copy/styles';
import { STYLES } from './copy-build';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PART = 'xl/worksheets/sheet1.xml';
const styles = () => new StyleBook(STYLES, 'xl/styles.xml');

/** A worksheet: what comes before sheetData (dimension, cols), the rows, what comes after. */
const sheet = (head: string, data: string | null, tail = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}">${head}${
    data === null ? '<sheetData/>' : `<sheetData>${data}</sheetData>`
  }${tail}</worksheet>`;

const edit = (xml: string, edits: Parameters<typeof editSheet>[2], widen: number | null = null) =>
  editSheet(xml, PART, edits, styles(), widen);

describe('cells the copy adds take the formats staff gave their column or row', () => {
  it("a new cell in a styled column takes the column's style; in a plain column, none", () => {
    const xml = sheet(
      '<cols><col min="2" max="3" width="9" style="1" customWidth="1"/></cols>',
      '<row r="1"><c r="A1"><v>1</v></c></row>',
    );
    const out = edit(xml, [
      { row: 1, col: 3, value: 5 },
      { row: 1, col: 4, value: 6 },
      { row: 2, col: 2, value: 7 },
    ]).xml;
    expect(out).toContain('<c r="C1" s="1"><v>5</v></c><c r="D1"><v>6</v></c>');
    expect(out).toContain('<row r="2"><c r="B2" s="1"><v>7</v></c></row>');
  });

  it("a new cell in a row formatted as a whole (customFormat) takes the row's style", () => {
    const xml = sheet(
      '<cols><col min="1" max="5" width="9" style="1" customWidth="1"/></cols>',
      '<row r="4" s="0" customFormat="1"><c r="A4"><v>1</v></c></row><row r="5" s="1"><c r="A5"><v>1</v></c></row>',
    );
    const out = edit(xml, [
      { row: 4, col: 2, value: 'x' },
      { row: 5, col: 2, value: 'y' },
    ]).xml;
    // Row 4's own format (0) wins over the column's; row 5's s counts only with customFormat.
    expect(out).toContain('<c r="B4" t="inlineStr">');
    expect(out).toContain('<c r="B5" s="1" t="inlineStr">');
  });

  it('a cell before, between and after the existing ones of a row lands in column order', () => {
    const xml = sheet('', '<row r="2"><c r="B2"><v>2</v></c><c r="D2"><v>4</v></c></row>');
    const out = edit(xml, [
      { row: 2, col: 5, value: 5 },
      { row: 2, col: 1, value: 1 },
      { row: 2, col: 3, value: 3 },
    ]).xml;
    expect([...out.matchAll(/<c r="([A-Z]+)2"/g)].map((m) => m[1])).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
  });
});

describe('the notes column made wide enough, and nothing else of the widths changed', () => {
  it('leaves a column staff already made wide (40 or more) as it is', () => {
    const cols = '<cols><col min="3" max="3" width="45" customWidth="1"/></cols>';
    const out = edit(sheet(cols, '<row r="1"/>'), [{ row: 1, col: 3, value: 'n' }], 3).xml;
    expect(out).toContain(cols);
    expect(out).not.toContain('width="60"');
  });

  it('adds a <col> for a column no range covers, in order among the others', () => {
    const xml = sheet(
      '<cols><col min="1" max="2" width="5" customWidth="1"/><col min="8" max="9" width="7" customWidth="1"/></cols>',
      '<row r="1"/>',
    );
    const out = edit(xml, [{ row: 1, col: 5, value: 'n' }], 5).xml;
    expect(out).toContain(
      '<cols><col min="1" max="2" width="5" customWidth="1"/><col min="5" max="5" width="60" customWidth="1"/><col min="8" max="9" width="7" customWidth="1"/></cols>',
    );
    const last = edit(xml, [{ row: 1, col: 12, value: 'n' }], 12).xml;
    expect(last).toContain(
      '<col min="8" max="9" width="7" customWidth="1"/><col min="12" max="12" width="60" customWidth="1"/></cols>',
    );
  });

  it('splits a range at its first and last column without an empty piece', () => {
    const xml = sheet(
      '<cols><col min="3" max="6" width="9" customWidth="1"/></cols>',
      '<row r="1"/>',
    );
    expect(edit(xml, [{ row: 1, col: 3, value: 'n' }], 3).xml).toContain(
      '<cols><col min="3" max="3" width="60" customWidth="1"/><col min="4" max="6" width="9" customWidth="1"/></cols>',
    );
    expect(edit(xml, [{ row: 1, col: 6, value: 'n' }], 6).xml).toContain(
      '<cols><col min="3" max="5" width="9" customWidth="1"/><col min="6" max="6" width="60" customWidth="1"/></cols>',
    );
  });
});

describe("the sheet's dimension grows to the cells written", () => {
  it('names a single cell as one address, and grows an existing area only where needed', () => {
    const one = sheet('<dimension ref="A1"/>', null);
    expect(edit(one, [{ row: 1, col: 1, value: 1 }]).xml).toContain('<dimension ref="A1"/>');
    const area = sheet('<dimension ref="B2:D9"/>', '<row r="2"><c r="B2"><v>1</v></c></row>');
    expect(edit(area, [{ row: 5, col: 3, value: 1 }]).xml).toContain('<dimension ref="B2:D9"/>');
    expect(edit(area, [{ row: 12, col: 1, value: 1 }]).xml).toContain('<dimension ref="A2:D12"/>');
    expect(edit(area, [{ row: 1, col: 6, value: 1 }]).xml).toContain('<dimension ref="B1:F9"/>');
  });

  it('takes the cells written for a dimension it cannot read', () => {
    const odd = sheet('<dimension ref="?"/>', null);
    expect(
      edit(odd, [
        { row: 3, col: 2, value: 1 },
        { row: 4, col: 3, value: 2 },
      ]).xml,
    ).toContain('<dimension ref="B3:C4"/>');
  });

  it('writes rows into an empty, self-closed sheetData', () => {
    const out = edit(sheet('', null), [{ row: 2, col: 1, value: 3 }]).xml;
    expect(out).toContain('<sheetData><row r="2"><c r="A2"><v>3</v></c></row></sheetData>');
  });
});

describe('a mark and a value on cells staff wrote', () => {
  it('a mark alone keeps the value and its type; an empty value empties the cell', () => {
    const xml = sheet('', '<row r="1"><c r="A1" s="1" t="s"><v>3</v></c></row>');
    const book = styles();
    const marked = editSheet(
      xml,
      PART,
      [{ row: 1, col: 1, style: { fill: 'FFF4B6B6' } }],
      book,
      null,
    );
    expect(marked.xml).toMatch(/<c r="A1" s="2" t="s"><v>3<\/v><\/c>/);
    expect(marked.kept).toEqual([]);
    // An empty value clears the cell's value and keeps it as an empty cell.
    const cleared = edit(xml, [{ row: 1, col: 1, value: '' }]).xml;
    expect(cleared).toContain('<c r="A1" s="1"></c>');
  });

  it('a formula kept keeps the mark meant for the value it would have had (keptFill)', () => {
    const xml = sheet('', '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>');
    const out = edit(xml, [{ row: 1, col: 1, value: 9, keptFill: 'FFF4B6B6' }]);
    expect(out.kept).toEqual([{ row: 1, col: 1, value: 9 }]);
    expect(out.xml).toMatch(/<c r="A1" s="2"><f>1\+1<\/f><v>2<\/v><\/c>/);
    // Without a mark to make, the formula's cell stays byte for byte.
    expect(edit(xml, [{ row: 1, col: 1, value: 9 }]).xml).toContain(
      '<c r="A1"><f>1+1</f><v>2</v></c>',
    );
  });

  it('never writes a number a locale or an overflow would spoil', () => {
    expect(edit(sheet('', null), [{ row: 1, col: 1, value: 0.1 + 0.2 }]).xml).toContain(
      '<v>0.30000000000000004</v>',
    );
    expect(() => edit(sheet('', null), [{ row: 1, col: 1, value: Infinity }])).toThrow(/finite/);
  });
});

describe('what the copy reads of a sheet before writing', () => {
  it('finds no merged areas in a sheet without mergeCells', () => {
    expect(mergesIn(sheet('', '<row r="1"/>'), PART)).toEqual([]);
  });

  it('takes a sheet as protected only where sheetProtection turns protection on', () => {
    const prot = (attrs: string) => sheet('', null, `<sheetProtection ${attrs}/>`);
    expect(sheetProtected(prot('sheet="1"'), PART)).toBe(true);
    expect(sheetProtected(prot('sheet="true" objects="1"'), PART)).toBe(true);
    expect(sheetProtected(prot('sheet="0"'), PART)).toBe(false);
    expect(sheetProtected(prot('objects="1"'), PART)).toBe(false);
    expect(sheetProtected(sheet('', null), PART)).toBe(false);
  });
});

describe('rows as other writers leave them', () => {
  it('counts rows without a number on from the row before, and writes into them', () => {
    const xml = sheet(
      '',
      '<row r="3"><c r="A3"><v>1</v></c></row><row><c r="A4"><v>2</v></c></row>',
    );
    const out = edit(xml, [{ row: 4, col: 2, value: 'x' }]).xml;
    expect(out).toContain('<row><c r="A4"><v>2</v></c><c r="B4" t="inlineStr">');
  });

  it('opens a self-closed row to write into it, and widens its spans to the cells written', () => {
    const out = edit(sheet('', '<row r="2" spans="2:3"/>'), [{ row: 2, col: 6, value: 1 }]).xml;
    expect(out).toContain('<row r="2" spans="2:6"><c r="F2"><v>1</v></c></row>');
    const garbled = edit(sheet('', '<row r="2" spans="x"/>'), [{ row: 2, col: 4, value: 1 }]).xml;
    expect(garbled).toContain('<row r="2" spans="4:4">');
  });

  it('refuses a part that is no worksheet, or has no sheetData, naming the part', () => {
    const chart = `<?xml version="1.0"?><chartsheet xmlns="${MAIN}"/>`;
    expect(() => edit(chart, [{ row: 1, col: 1, value: 1 }])).toThrow(/not a worksheet/);
    const bare = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><dimension ref="A1"/></worksheet>`;
    expect(() => edit(bare, [{ row: 1, col: 1, value: 1 }])).toThrow(/no sheetData/);
    const stray = sheet('', '<row r="1"><c r="A2"><v>1</v></c></row>');
    expect(() => edit(stray, [{ row: 1, col: 2, value: 1 }])).toThrow(/row 1 holds a cell/);
  });

  it('reads a column range as long as a hostile file makes it only as far as a sheet goes', () => {
    const xml = sheet('<cols><col min="2" max="999999999" style="1"/></cols>', '<row r="1"/>');
    expect(edit(xml, [{ row: 1, col: 20, value: 1 }]).xml).toContain('<c r="T1" s="1">');
  });

  it('leaves a <col> that has child elements as it is, rather than rewrite what it cannot read', () => {
    const cols = '<cols><col min="1" max="4" width="9"><extLst/></col></cols>';
    const out = edit(sheet(cols, '<row r="1"/>'), [{ row: 1, col: 2, value: 'n' }], 2).xml;
    expect(out).toContain(cols);
  });
});

describe('the whole part as written, character for character', () => {
  it('changes only the cells written, the dimension and nothing else', () => {
    const xml = sheet(
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="B2:C3"/><cols><col min="1" max="3" width="12" customWidth="1"/></cols>',
      '<row r="2"><c r="B2"><v>1</v></c><c r="C2" s="1" /></row><row r="3"><c r="B3"><v>2</v></c></row>',
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
    const book = styles();
    const out = editSheet(
      xml,
      PART,
      [
        { row: 2, col: 3, style: { fill: 'FFF4B6B6' } },
        { row: 5, col: 4, value: 'b' },
        { row: 5, col: 2, value: 'a' },
        { row: 4, col: 5, style: { fill: 'FFF4B6B6' } },
      ],
      book,
      null,
    ).xml;
    expect(out).toBe(
      sheet(
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="B2:E5"/><cols><col min="1" max="3" width="12" customWidth="1"/></cols>',
        '<row r="2"><c r="B2"><v>1</v></c><c r="C2" s="2"></c></row><row r="3"><c r="B3"><v>2</v></c></row>' +
          '<row r="4"><c r="E4" s="3"></c></row>' +
          '<row r="5"><c r="B5" t="inlineStr"><is><t xml:space="preserve">a</t></is></c><c r="D5" t="inlineStr"><is><t xml:space="preserve">b</t></is></c></row>',
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      ),
    );
    // C2's mark is cloned from its own percent format (numFmt 9), E4's from the default.
    expect(book.xml()).toContain(
      '<xf numFmtId="9" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>',
    );
  });

  it('refuses two rows with the same number, in both languages', () => {
    try {
      edit(sheet('', '<row r="2"/><row r="2"/>'), [{ row: 2, col: 1, value: 1 }]);
      throw new Error('not refused');
    } catch (err) {
      expect(err).toMatchObject({
        part: PART,
        why: { id: 'baris 2 tidak berurutan atau tidak sah', en: 'row 2 out of order or invalid' },
      });
    }
  });

  it('skips a merged area whose reference it cannot read', () => {
    const xml = sheet(
      '',
      '<row r="1"/>',
      '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="rusak"/></mergeCells>',
    );
    expect(mergesIn(xml, PART)).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });
});

describe('more of what other writers leave in a sheet', () => {
  it('edits a row that ends with an extLst after its cells', () => {
    const xml = sheet(
      '',
      '<row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="{x}"/></extLst></row>',
    );
    expect(edit(xml, [{ row: 1, col: 2, value: 2 }]).xml).toContain(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><extLst><ext uri="{x}"/></extLst></row>',
    );
  });

  it("finds the column styles after the dimension, each range's own style, none before a range", () => {
    const xml = sheet(
      '<dimension ref="A1"/><cols><col min="3" max="4" width="9" style="1"/><col min="6" max="6" width="5" style="2"/></cols>',
      null,
    );
    const out = edit(xml, [
      { row: 1, col: 1, value: 1 },
      { row: 1, col: 4, value: 4 },
      { row: 1, col: 6, value: 6 },
    ]).xml;
    expect(out).toContain(
      '<row r="1"><c r="A1"><v>1</v></c><c r="D1" s="1"><v>4</v></c><c r="F1" s="2"><v>6</v></c></row>',
    );
  });

  it('takes the style of a row formatted as a whole with a style of its own', () => {
    const xml = sheet('', '<row r="3" s="1" customFormat="1"><c r="A3"><v>1</v></c></row>');
    expect(edit(xml, [{ row: 3, col: 2, value: 2 }]).xml).toContain('<c r="B3" s="1"><v>2</v></c>');
  });

  it('writes a dimension of one row or one column as an area', () => {
    expect(
      edit(sheet('<dimension ref="A1"/>', null), [{ row: 1, col: 3, value: 1 }]).xml,
    ).toContain('<dimension ref="A1:C1"/>');
    expect(
      edit(sheet('<dimension ref="A1"/>', null), [{ row: 4, col: 1, value: 1 }]).xml,
    ).toContain('<dimension ref="A1:A4"/>');
  });

  it('leaves the dimension alone where every value was kept (formulas)', () => {
    const xml = sheet('<dimension ref="?"/>', '<row r="1"><c r="A1"><f>1</f><v>1</v></c></row>');
    expect(edit(xml, [{ row: 1, col: 1, value: 5 }]).xml).toContain('<dimension ref="?"/>');
  });

  it('leaves a notes column exactly 40 wide as it is', () => {
    const cols = '<cols><col min="2" max="2" width="40" customWidth="1"/></cols>';
    expect(edit(sheet(cols, '<row r="1"/>'), [{ row: 1, col: 2, value: 'n' }], 2).xml).toContain(
      cols,
    );
  });

  it('opens a self-closed row written with a space before "/>"', () => {
    const out = edit(sheet('', '<row r="1" />'), [{ row: 1, col: 1, value: 1 }]).xml;
    expect(out).toContain('<row r="1"><c r="A1"><v>1</v></c></row>');
  });

  it('names what is wrong with the part in Bahasa Indonesia too', () => {
    const why = (xml: string) => {
      try {
        edit(xml, [{ row: 1, col: 1, value: 1 }]);
      } catch (err) {
        return (err as { why: unknown }).why;
      }
      return null;
    };
    expect(why(`<chartsheet xmlns="${MAIN}"/>`)).toEqual({
      id: 'bukan lembar kerja',
      en: 'not a worksheet',
    });
    expect(why(`<worksheet xmlns="${MAIN}"/>`)).toEqual({
      id: 'tidak ada sheetData',
      en: 'no sheetData element',
    });
  });
});

describe('parts without the optional pieces', () => {
  it('adds a <cols> right before sheetData for the notes column, and nothing else', () => {
    const xml = sheet('<dimension ref="A1"/>', '<row r="1"/>');
    expect(edit(xml, [{ row: 1, col: 2, value: 'n' }], 2).xml).toBe(
      sheet(
        '<dimension ref="A1:B1"/><cols><col min="2" max="2" width="60" customWidth="1"/></cols>',
        '<row r="1"><c r="B1" t="inlineStr"><is><t xml:space="preserve">n</t></is></c></row>',
      ),
    );
  });

  it('gives a dimension without a reference the cells written, and skips a merge without one', () => {
    expect(edit(sheet('<dimension/>', null), [{ row: 2, col: 2, value: 1 }]).xml).toContain(
      '<dimension ref="B2"/>',
    );
    const merges = sheet(
      '',
      null,
      '<mergeCells count="2"><mergeCell/><mergeCell ref="A1:A2"/></mergeCells>',
    );
    expect(mergesIn(merges, PART)).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
  });
});
