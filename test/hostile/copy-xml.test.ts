/**
 * The sheet and style editors on unusual but valid XML: namespace prefixes, comments and CDATA
 * holding tag-like text, cells out of the way of the written ones, formulas, control characters.
 */
import { DOMParser } from '@xmldom/xmldom';
import { editSheet, mergesIn } from '../../src/xlsx/copy/sheet';
import { StyleBook } from '../../src/xlsx/copy/styles';
import { UnsafePart } from '../../src/xlsx/copy/xml';
import { STYLES } from './copy-build';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PART = 'xl/worksheets/sheet1.xml';

const sheet = (data: string, p = '', extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${p ? `xmlns:${p.slice(0, -1)}` : 'xmlns'}="${MAIN}"><${p}dimension ref="A1:C3"/><${p}sheetData>${data}</${p}sheetData>${extra}</${p}worksheet>`;

/** The cells of a sheet as the XML DOM reads them (namespace-aware): address -> [type, text]. */
function cells(xml: string): Record<string, [string | null, string]> {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  } as never).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  const out: Record<string, [string | null, string]> = {};
  const list = doc.getElementsByTagNameNS(MAIN, 'c');
  for (let i = 0; i < list.length; i++) {
    const c = list.item(i)!;
    out[c.getAttribute('r')!] = [c.getAttribute('t'), c.textContent ?? ''];
  }
  return out;
}

/** Cell addresses in document order. */
const order = (xml: string) => [...xml.matchAll(/<(?:\w+:)?c r="([A-Z]+\d+)"/g)].map((m) => m[1]);

const styles = () => new StyleBook(STYLES, 'xl/styles.xml');

describe('editSheet', () => {
  it('puts new cells in column order within their row, and new rows in row order', () => {
    const xml = sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="B3"><v>5</v></c></row>',
    );
    const out = editSheet(
      xml,
      PART,
      [
        { row: 1, col: 2, value: 'dua' },
        { row: 2, col: 1, value: 4 },
        { row: 3, col: 1, value: 'x' },
        { row: 5, col: 4, value: 'akhir' },
      ],
      styles(),
      null,
    ).xml;
    expect(order(out)).toEqual(['A1', 'B1', 'C1', 'A2', 'A3', 'B3', 'D5']);
    expect(cells(out)).toEqual({
      A1: [null, '1'],
      B1: ['inlineStr', 'dua'],
      C1: [null, '3'],
      A2: [null, '4'],
      A3: ['inlineStr', 'x'],
      B3: [null, '5'],
      D5: ['inlineStr', 'akhir'],
    });
    expect(out).toContain('<dimension ref="A1:D5"/>');
  });

  it('handles a namespace prefix (x:worksheet), writing its elements with the same prefix', () => {
    const xml = sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', 'x:');
    const out = editSheet(xml, PART, [{ row: 1, col: 2, value: 'catatan' }], styles(), 2).xml;
    expect(out).toContain(
      '<x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">catatan</x:t></x:is></x:c>',
    );
    expect(out).toContain('<x:cols><x:col min="2" max="2" width="60" customWidth="1"/></x:cols>');
    expect(cells(out).B1).toEqual(['inlineStr', 'catatan']);
  });

  it('is not fooled by "<row" or "</sheetData>" in a comment or CDATA', () => {
    const xml = sheet(
      '<!-- <row r="9"><c r="A9"/></row></sheetData> --><row r="1"><c r="A1"><v>1</v></c></row><![CDATA[</row><row r="2">]]>',
    );
    const out = editSheet(xml, PART, [{ row: 2, col: 1, value: 2 }], styles(), null).xml;
    expect(cells(out)).toEqual({ A1: [null, '1'], A2: [null, '2'] });
    expect(out).toContain('<!-- <row r="9"><c r="A9"/></row></sheetData> -->');
  });

  it('replaces a cell in place, keeping its other attributes and dropping t, vm and its value', () => {
    const xml = sheet(
      '<row r="1" spans="1:1" ht="30" customHeight="1"><c r="A1" s="0" t="s" ph="1" vm="1"><v>7</v></c></row>',
    );
    const out = editSheet(xml, PART, [{ row: 1, col: 1, value: 'baru' }], styles(), null);
    // vm marks a rich value (an image in a cell): not overwritten.
    expect(out.kept).toEqual([{ row: 1, col: 1, value: 'baru' }]);
    const plain = editSheet(
      sheet('<row r="1" spans="1:1" ht="30"><c r="A1" t="s" ph="1"><v>7</v></c></row>'),
      PART,
      [
        { row: 1, col: 1, value: 12.5 },
        { row: 1, col: 3, value: 'x' },
      ],
      styles(),
      null,
    ).xml;
    expect(plain).toContain('<row r="1" spans="1:3" ht="30"><c r="A1" ph="1"><v>12.5</v></c>');
  });

  it('never overwrites a formula: the cell stays, the value is reported, a mark is still made', () => {
    const xml = sheet('<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c></row>');
    const book = styles();
    const out = editSheet(
      xml,
      PART,
      [{ row: 1, col: 1, value: 85.03, style: { fill: 'FFF4B6B6' } }],
      book,
      null,
    );
    expect(out.kept).toEqual([{ row: 1, col: 1, value: 85.03 }]);
    expect(out.xml).toMatch(/<c r="A1" s="2"><f>SUM\(B1:C1\)<\/f><v>3<\/v><\/c>/);
    expect(book.xml()).toContain('<fgColor rgb="FFF4B6B6"/>');
  });

  it('writes control characters and "=" as text that stays text', () => {
    const out = editSheet(
      sheet('<row r="1"/>'),
      PART,
      [{ row: 1, col: 1, value: 'UPT \u001b[2J=1+1 & <b> _x0041_' }],
      styles(),
      null,
    ).xml;
    expect(out).toContain(
      '<t xml:space="preserve">UPT _x001B_[2J=1+1 &amp; &lt;b&gt; _x005F_x0041_</t>',
    );
    expect(cells(out).A1[0]).toBe('inlineStr');
  });

  it('refuses, naming the part, a row of cells without references or rows out of order', () => {
    expect(() =>
      editSheet(
        sheet('<row r="1"><c><v>1</v></c></row>'),
        PART,
        [{ row: 1, col: 2, value: 1 }],
        styles(),
        null,
      ),
    ).toThrow(UnsafePart);
    expect(() =>
      editSheet(
        sheet('<row r="3"/><row r="2"/>'),
        PART,
        [{ row: 1, col: 1, value: 1 }],
        styles(),
        null,
      ),
    ).toThrow(/out of order/);
  });

  it('widens the notes column by splitting a <col> range, keeping its other columns', () => {
    const xml = sheet('<row r="1"/>').replace(
      '<sheetData>',
      '<cols><col min="1" max="5" width="11" style="0" customWidth="1"/></cols><sheetData>',
    );
    const out = editSheet(xml, PART, [{ row: 1, col: 3, value: 'n' }], styles(), 3).xml;
    expect(out).toContain(
      '<cols><col min="1" max="2" width="11" style="0" customWidth="1"/><col min="3" max="3" width="60" style="0" customWidth="1"/><col min="4" max="5" width="11" style="0" customWidth="1"/></cols>',
    );
  });

  it('lists every merged area, whole columns too', () => {
    const xml = sheet(
      '',
      '',
      '<mergeCells count="2"><mergeCell ref="U1:U1048576"/><mergeCell ref="A9:T11"/></mergeCells>',
    );
    expect(mergesIn(xml, PART)).toEqual([
      { top: 1, left: 21, bottom: 1048576, right: 21 },
      { top: 9, left: 1, bottom: 11, right: 20 },
    ]);
  });
});

describe('StyleBook', () => {
  it('clones a format with a fill, reusing it for the same change and adding nothing twice', () => {
    const book = styles();
    const a = book.derive(1, { fill: 'FFF4B6B6' });
    expect(book.derive(1, { fill: 'FFF4B6B6' })).toBe(a);
    const xml = book.xml();
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain(
      `<xf numFmtId="9" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>`,
    );
    // A second book over the written part finds the format already there.
    const again = new StyleBook(xml, 'xl/styles.xml');
    expect(again.derive(1, { fill: 'FFF4B6B6' })).toBe(a);
    expect(again.modified).toBe(false);
  });

  it('uses the built-in id for "0.00" and adds a numFmt for another code', () => {
    const book = styles();
    book.derive(0, { numFmt: '0.00' });
    book.derive(0, { numFmt: '0.0%' });
    const xml = book.xml();
    expect(xml).toContain('<xf numFmtId="2" ');
    expect(xml).toMatch(
      /^[^]*<styleSheet [^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"\/><\/numFmts><fonts/,
    );
    expect(xml).not.toContain('0,00');
  });
});
