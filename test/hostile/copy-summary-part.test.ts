/**
 * The "Ringkasan SKM" sheet part the copy adds with --summary (src/xlsx/copy/summary.ts): a
 * worksheet Excel opens without repair (rows and cells in order, a true dimension), numbers as
 * numbers, text as inline strings, headings bold at their size, formats from styles.xml.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { SummaryLayout } from '../../src/engine/summary-sheet';
import { StyleBook } from '../../src/xlsx/copy/styles';
import { summaryPart } from '../../src/xlsx/copy/summary';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES =
  `<?xml version="1.0"?>\n<styleSheet xmlns="${MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '</styleSheet>';

/** Cells given out of order, as a layout may list them. */
const LAYOUT: SummaryLayout = {
  sheet: 'Ringkasan SKM',
  cells: [
    { row: 4, col: 3, value: 85.2037, format: '0.00' },
    { row: 4, col: 2, value: 'IKM', style: 'header' },
    { row: 1, col: 1, value: 'RINGKASAN <SKM> & IKM', style: 'title' },
    { row: 3, col: 1, value: 'A. Rata-rata Kabupaten', style: 'heading' },
    { row: 4, col: 1, value: 'Catatan' },
    { row: 5, col: 3, value: 0.9, format: '0.00%' },
  ],
  charts: [],
  widths: { 1: 14, 2: 60, 3: 14 },
};

describe('the summary sheet part', () => {
  it('lists rows and cells in order, with a dimension over them all and the widths asked', () => {
    const styles = new StyleBook(STYLES, 'xl/styles.xml');
    const xml = summaryPart(LAYOUT, styles);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')).toBe(true);
    expect(xml).toContain(`<worksheet xmlns="${MAIN}"><dimension ref="A1:C5"/>`);
    expect(xml).toContain(
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>',
    );
    expect(xml).toContain(
      '<cols><col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="60" customWidth="1"/>' +
        '<col min="3" max="3" width="14" customWidth="1"/></cols>',
    );
    const rows = [...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)];
    expect(rows.map((r) => Number(r[1]))).toEqual([1, 3, 4, 5]);
    const row4 = [...rows[2][2].matchAll(/<c r="([A-Z]+)4"/g)].map((m) => m[1]);
    expect(row4).toEqual(['A', 'B', 'C']);
    expect(xml).toMatch(
      /<\/sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"\/><\/worksheet>$/,
    );
  });

  it('writes numbers as numbers and text as escaped inline strings; a plain cell takes no style', () => {
    const styles = new StyleBook(STYLES, 'xl/styles.xml');
    const xml = summaryPart(LAYOUT, styles);
    expect(xml).toMatch(/<c r="C4" s="\d+"><v>85.2037<\/v><\/c>/);
    expect(xml).toContain(
      '<c r="A4" t="inlineStr"><is><t xml:space="preserve">Catatan</t></is></c>',
    );
    expect(xml).toMatch(
      /<c r="A1" s="\d+" t="inlineStr"><is><t xml:space="preserve">RINGKASAN &lt;SKM&gt; &amp; IKM<\/t><\/is><\/c>/,
    );
  });

  it('makes the title, headings and table headers bold at 14, 12 and 11 points, and numbers in their formats', () => {
    const styles = new StyleBook(STYLES, 'xl/styles.xml');
    const xml = summaryPart(LAYOUT, styles);
    const out = styles.xml();
    const xfs = [...out.matchAll(/<xf [^>]*\/>|<xf [^>]*>.*?<\/xf>/g)].map((m) => m[0]);
    const fonts = [...out.matchAll(/<font>.*?<\/font>/g)].map((m) => m[0]);
    const styleOf = (cell: string) => Number(new RegExp(`<c r="${cell}" s="(\\d+)"`).exec(xml)![1]);
    const fontOf = (cell: string) => fonts[Number(/fontId="(\d+)"/.exec(xfs[styleOf(cell)])![1])];
    const formatOf = (cell: string) => Number(/numFmtId="(\d+)"/.exec(xfs[styleOf(cell)])![1]);
    expect(fontOf('A1')).toContain('<b/><sz val="14"/>');
    expect(fontOf('A3')).toContain('<b/><sz val="12"/>');
    expect(fontOf('B4')).toContain('<b/><sz val="11"/>');
    // Excel's built-in ids: 2 is 0.00, 10 is 0.00%.
    expect(formatOf('C4')).toBe(2);
    expect(formatOf('C5')).toBe(10);
    expect(xml).not.toMatch(/<c r="A4" s=/);
  });

  it('is well-formed, with nothing but rows in its sheet data and nothing but cells in a row', () => {
    // Excel repairs (and empties) a sheet whose sheetData or rows hold stray text.
    const xml = summaryPart(LAYOUT, new StyleBook(STYLES, 'xl/styles.xml'));
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => {
        errors.push(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement!.namespaceURI).toBe(MAIN);
    type Tree = {
      nodeName: string;
      childNodes: ArrayLike<Tree>;
      getAttribute?: (n: string) => string | null;
    };
    const kids = (node: Tree) => Array.from(node.childNodes);
    const sheetData = doc.getElementsByTagNameNS(MAIN, 'sheetData')[0] as unknown as Tree;
    const rows = kids(sheetData);
    expect(rows.map((c) => c.nodeName)).toEqual(['row', 'row', 'row', 'row']);
    for (const row of rows)
      expect(new Set(kids(row).map((c) => c.nodeName))).toEqual(new Set(['c']));
    expect(kids(rows[2]).map((c) => c.getAttribute!('r'))).toEqual(['A4', 'B4', 'C4']);
    // A layout without column widths: no <cols> at all, and nothing in its place.
    const bare = summaryPart({ ...LAYOUT, widths: {} }, new StyleBook(STYLES, 'xl/styles.xml'));
    expect(bare).toContain('<sheetFormatPr defaultRowHeight="15"/><sheetData>');
  });
});
