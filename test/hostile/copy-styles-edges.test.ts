/**
 * New cell formats in the copy's styles.xml (src/xlsx/copy/styles.ts) on style sheets as Excel and
 * other writers leave them: whitespace and comments between sections, formats with alignment and
 * protection, custom number formats already there, sections missing or self-closed (issue 16).
 */
import { StyleBook } from '../../src/xlsx/copy/styles';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PART = 'xl/styles.xml';
const FILLS =
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>';
const FONTS =
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/></font></fonts>';

const book = (inner: string) =>
  new StyleBook(`<?xml version="1.0"?>\n<styleSheet xmlns="${MAIN}">${inner}</styleSheet>`, PART);

describe('formats added to a style sheet', () => {
  it('keeps whitespace and comments between sections, and adds nothing for a change already made', () => {
    const b = book(
      `\n  <!-- gaya unit -->\n  ${FONTS}\n  ${FILLS}\n  <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\n`,
    );
    expect(b.derive(0, { fill: 'FFFF0000' })).toBe(1);
    expect(b.derive(0, { fill: 'FFFF0000' })).toBe(1);
    const xml = b.xml();
    expect(xml).toContain('\n  <!-- gaya unit -->\n  <fonts count="1">');
    expect(xml).toContain('</fills>\n  <cellXfs count="2">');
    expect(xml).toMatch(/<\/cellXfs>\n<\/styleSheet>$/);
    expect(xml.match(/<fill>/g)).toHaveLength(3);
  });

  it('makes a bold font of the size asked from the format’s own font, keeping its colour and name', () => {
    const b = book(
      `${FONTS}${FILLS}<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
    );
    const i = b.derive(0, { bold: 14 });
    const xml = b.xml();
    expect(xml).toContain(
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/></font><font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/></font></fonts>',
    );
    expect(xml).toContain(
      `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
    );
    expect(b.derive(0, { bold: 14 })).toBe(i);
  });

  it('adds a fonts list before the fills where a style sheet has none', () => {
    const b = book(
      `${FILLS}<cellXfs count="1"><xf numFmtId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
    );
    b.derive(0, { bold: 12 });
    expect(b.xml()).toContain(`<fonts count="1"><font><b/><sz val="12"/></font></fonts>${FILLS}`);
  });

  it('wraps and tops a note whatever the format holds already', () => {
    const b = book(
      `${FONTS}${FILLS}<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center"/></xf>` +
        `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><protection locked="0"/></xf></cellXfs>`,
    );
    const [a, c, p] = [0, 1, 2].map((base) => b.derive(base, { wrapTop: true }));
    const cellXfs = /<cellXfs[^>]*>([^]*)<\/cellXfs>/.exec(b.xml())![1];
    const xfs = cellXfs.match(/<xf [^>]*?(?:\/>|>[^]*?<\/xf>)/g)!;
    expect(xfs[a]).toBe(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
    );
    expect(xfs[c]).toBe(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"/></xf>',
    );
    // alignment comes before protection in an xf.
    expect(xfs[p]).toBe(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/><protection locked="0"/></xf>',
    );
  });

  it('reuses a custom number format already there, and numbers a new one after the highest', () => {
    const b = book(
      `<numFmts count="2"><numFmt numFmtId="170" formatCode="&quot;Rp&quot;#,##0"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>` +
        `${FONTS}${FILLS}<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
    );
    b.derive(0, { numFmt: '"Rp"#,##0' });
    b.derive(0, { numFmt: '0.000' });
    b.derive(0, { numFmt: '0.0000' });
    const xml = b.xml();
    expect(xml).toContain('<xf numFmtId="170" ');
    expect(xml).toContain('<xf numFmtId="165" ');
    expect(xml).toContain('<numFmt numFmtId="171" formatCode="0.0000"/></numFmts>');
    expect(xml).toContain('<numFmts count="3">');
  });

  it('opens a self-closed numFmts list, and clones format 0 for a base that is not there', () => {
    const b = book(
      `<numFmts count="0"/>${FONTS}${FILLS}<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
    );
    const i = b.derive(7, { numFmt: '0.0' });
    expect(i).toBe(1);
    const xml = b.xml();
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>');
    expect(xml).toContain(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
  });

  it('refuses a part that is no style sheet, or lacks the lists it must extend', () => {
    expect(() => new StyleBook(`<worksheet xmlns="${MAIN}"/>`, PART)).toThrow(/not a style sheet/);
    expect(() => book(FONTS)).toThrow(/no cell format list/);
    expect(() => book(`${FONTS}<cellXfs count="0"/>`)).toThrow(/fill list/);
  });
});
