/**
 * New cell formats in the copy's styles.xml (src/xlsx/copy/styles.ts) on style sheets as Excel and
 * other writers leave them: whitespace and comments between sections, formats with alignment and
 * protection, custom number formats already there, sections missing or self-closed (issue 16).
 */
import { StyleBook } from '../../src/xlsx/copy/styles';
import type { UnsafePart } from '../../src/xlsx/copy/xml';

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

  it('refuses a part that is no style sheet, or lacks the lists it must extend, saying why in both languages', () => {
    const why = (make: () => unknown) => {
      try {
        make();
      } catch (e) {
        return (e as UnsafePart).why;
      }
      return null;
    };
    expect(why(() => new StyleBook(`<worksheet xmlns="${MAIN}"/>`, PART))).toEqual({
      id: 'bukan lembar gaya',
      en: 'not a style sheet',
    });
    const noList = {
      id: 'tidak ada daftar format sel (cellXfs) atau isian (fills)',
      en: 'no cell format list (cellXfs) or fill list (fills)',
    };
    expect(why(() => book(FONTS))).toEqual(noList);
    expect(why(() => book(`${FONTS}<cellXfs count="0"/>`))).toEqual(noList);
    expect(() => book(FONTS)).toThrow(`${PART}: ${noList.en}`);
  });
});

describe('formats added to a style sheet as other writers lay it out', () => {
  const XF0 = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

  it('puts a missing fonts list after the number formats and before the fills (the order Excel requires)', () => {
    const b = book(
      `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>${FILLS}<cellXfs count="1">${XF0}</cellXfs>`,
    );
    b.derive(0, { bold: 12 });
    expect(b.xml()).toContain(
      `</numFmts><fonts count="1"><font><b/><sz val="12"/></font></fonts>${FILLS}<cellXfs`,
    );
  });

  it('leaves every list it does not extend byte for byte, pretty-printed as LibreOffice writes them', () => {
    const borders =
      '<borders count="1">\n    <border>\n      <left/><right/>\n    </border>\n  </borders>';
    const styleXfs =
      '<cellStyleXfs count="1">\n    <xf numFmtId="0" fontId="0"/>\n  </cellStyleXfs>';
    const dxfs = '<dxfs count="0"/>';
    const b = book(
      `\n  ${FONTS}\n  ${FILLS}\n  ${borders}\n  ${styleXfs}\n  <cellXfs count="1">${XF0}</cellXfs>\n  ${dxfs}\n`,
    );
    b.derive(0, { fill: 'FFFF0000', bold: 11 });
    const xml = b.xml();
    expect(xml).toContain(`\n  ${borders}\n  ${styleXfs}\n  <cellXfs count="2">`);
    expect(xml).toContain(`</cellXfs>\n  ${dxfs}\n</styleSheet>`);
  });

  it('takes a bold heading from the font the cell has, not from the first font', () => {
    const fonts =
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
      '<font><i/><sz val="10"/><color rgb="FF1F4E79"/><name val="Arial"/></font></fonts>';
    const b = book(
      `${fonts}${FILLS}<cellXfs count="2">${XF0}<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
    );
    b.derive(1, { bold: 14 });
    expect(b.xml()).toContain(
      '<font><b/><sz val="14"/><i/><color rgb="FF1F4E79"/><name val="Arial"/></font></fonts>',
    );
  });

  it('drops every bold and size of the font it starts from, in whichever order they come', () => {
    const fonts =
      '<fonts count="1"><font><b val="0"/><name val="Calibri"/><sz val="9"/><u/></font></fonts>';
    const b = book(`${fonts}${FILLS}<cellXfs count="1">${XF0}</cellXfs>`);
    b.derive(0, { bold: 16 });
    expect(b.xml()).toContain('<font><b/><sz val="16"/><name val="Calibri"/><u/></font></fonts>');
  });

  it('gives each fill, number format and heading size its own format from the same base', () => {
    const b = book(`${FONTS}${FILLS}<cellXfs count="1">${XF0}</cellXfs>`);
    const red = b.derive(0, { fill: 'FFFF0000' });
    const yellow = b.derive(0, { fill: 'FFFFFF00' });
    const big = b.derive(0, { bold: 14 });
    const small = b.derive(0, { bold: 11 });
    const two = b.derive(0, { numFmt: '0.00' });
    const pct = b.derive(0, { numFmt: '0%' });
    expect(new Set([red, yellow, big, small, two, pct]).size).toBe(6);
    const xml = b.xml();
    expect(xml).toContain('<fgColor rgb="FFFF0000"/>');
    expect(xml).toContain('<fgColor rgb="FFFFFF00"/>');
    expect(xml).toContain('<sz val="14"/>');
    expect(xml).toContain('<sz val="11"/><color');
  });

  it("uses Excel's own ids for built-in number formats and adds no numFmts list for them", () => {
    const b = book(`${FONTS}${FILLS}<cellXfs count="1">${XF0}</cellXfs>`);
    b.derive(0, { numFmt: '0.00' });
    b.derive(0, { numFmt: '0%' });
    b.derive(0, { numFmt: '#,##0' });
    const xml = b.xml();
    expect(xml).not.toContain('numFmts');
    for (const id of [2, 9, 3])
      expect(xml).toContain(
        `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      );
  });

  it('reuses the first format, font or fill when it is already what a change asks for, adding nothing', () => {
    const solidRed =
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill></fill>';
    const boldFont = '<font><b/><sz val="14"/></font>';
    const b = book(
      `<fonts count="1">${boldFont}</fonts><fills count="1">${solidRed}</fills>` +
        `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFill="1"/></cellXfs>`,
    );
    expect(b.derive(0, { fill: 'FFFF0000' })).toBe(0);
    const bold = b.derive(0, { bold: 14 });
    expect(b.xml()).toContain(
      `<fonts count="1">${boldFont}</fonts><fills count="1">${solidRed}</fills>`,
    );
    expect(b.xml()).toContain(
      `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFill="1" applyFont="1"/>`,
    );
    expect(bold).toBe(1);
  });

  it('wraps a self-closed format written with a space before its end', () => {
    const b = book(
      `${FONTS}${FILLS}<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" />` +
        `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="0" /></cellXfs>`,
    );
    expect(b.derive(0, { wrapTop: true })).toBe(2);
    expect(b.derive(1, { wrapTop: true })).toBe(2);
    expect(b.xml()).toContain(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>',
    );
  });

  it('skips a number format written without its code, numbering a new one after it', () => {
    const b = book(
      `<numFmts count="1"><numFmt numFmtId="180"/></numFmts>${FONTS}${FILLS}<cellXfs count="1">${XF0}</cellXfs>`,
    );
    b.derive(0, { numFmt: '0.000' });
    expect(b.xml()).toContain(
      '<numFmts count="2"><numFmt numFmtId="180"/><numFmt numFmtId="181" formatCode="0.000"/></numFmts>',
    );
  });

  it('makes a whole format where the cell format list is empty', () => {
    const b = book(`${FONTS}${FILLS}<cellXfs count="0"/>`);
    expect(b.derive(0, { fill: 'FFFF0000' })).toBe(0);
    expect(b.xml()).toContain(
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>',
    );
  });
});
