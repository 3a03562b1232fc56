/**
 * The workbook index the copy reads and extends (src/xlsx/copy/workbook.ts) as other writers leave
 * it: absolute and relative targets, quoted ids either way, external links, a structure lock
 * written as "true", sheet ids with gaps (issue 16).
 */
import { UnsafePart } from '../../src/xlsx/copy/xml';
import {
  addSheet,
  relsPathOf,
  sheetsOf,
  structureLocked,
  stylesPartOf,
} from '../../src/xlsx/copy/workbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WS = `${R}/worksheet`;

/** The part and both wordings of the refusal `f` throws. */
const whyOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof UnsafePart) return { part: e.part, ...e.why };
    throw e;
  }
  throw new Error('not refused');
};

const workbook = (sheets: string, extra = '') =>
  `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}">${extra}<sheets>${sheets}</sheets></workbook>`;
const rels = (items: string) =>
  `<?xml version="1.0"?><Relationships xmlns="${PKG}">${items}</Relationships>`;

describe('the sheets a workbook lists, and their parts', () => {
  it('resolves absolute, relative and dotted targets to the part inside the zip', () => {
    const wb = workbook(
      `<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id='rId2'/><sheet name="C &amp; D" sheetId="3" r:id="rId3"/>`,
    );
    const list = sheetsOf(
      wb,
      rels(
        `<Relationship Id="rId1" Type="${WS}" Target="/xl/worksheets/a.xml"/>` +
          `<Relationship Id="rId2" Type="${WS}" Target="./worksheets/../worksheets/b.xml"/>` +
          `<Relationship Id="rId3" Type="${WS}" Target="worksheets/c.xml"/>`,
      ),
    );
    expect(list.map((s) => [s.name, s.rId, s.part, s.type])).toEqual([
      ['A', 'rId1', 'xl/worksheets/a.xml', WS],
      ['B', 'rId2', 'xl/worksheets/b.xml', WS],
      ['C & D', 'rId3', 'xl/worksheets/c.xml', WS],
    ]);
  });

  it('gives no part for an external target, a missing relationship or no relationships at all', () => {
    const wb = workbook(
      '<sheet name="Luar" sheetId="1" r:id="rId1"/><sheet name="Hilang" sheetId="2" r:id="rId9"/>',
    );
    const external = rels(
      `<Relationship Id="rId1" Type="${WS}" Target="file:///x.xml" TargetMode="External"/>`,
    );
    expect(sheetsOf(wb, external).map((s) => s.part)).toEqual([null, null]);
    expect(sheetsOf(wb, null).map((s) => [s.rId, s.part, s.type])).toEqual([
      ['rId1', null, null],
      ['rId9', null, null],
    ]);
  });

  it('refuses a workbook without a sheet list, in both languages', () => {
    expect(() => sheetsOf(`<workbook xmlns="${MAIN}"/>`, null)).toThrow(/no sheet list/);
    expect(whyOf(() => sheetsOf(`<workbook xmlns="${MAIN}"/>`, null))).toEqual({
      part: 'xl/workbook.xml',
      id: 'tidak ada daftar lembar',
      en: 'no sheet list',
    });
  });

  it('refuses relationships that are not XML, naming their part', () => {
    expect(whyOf(() => sheetsOf(workbook(''), 'bukan xml'))).toEqual({
      part: 'xl/_rels/workbook.xml.rels',
      id: 'bukan XML yang utuh',
      en: 'not well-formed XML',
    });
  });

  it('reads an r:id under any prefix, with spaces around "="', () => {
    const wb =
      `<workbook xmlns="${MAIN}" xmlns:rel="${R}"><sheets>` +
      `<sheet name="A" sheetId="1" rel:id = "rId1"/><sheet name="B" sheetId="2" r:id\t=\t'rId2'/>` +
      `</sheets></workbook>`;
    const list = sheetsOf(
      wb,
      rels(
        `<Relationship Id="rId1" Type="${WS}" Target="worksheets/a.xml"/>` +
          `<Relationship Id="rId2" Type="${WS}" Target="worksheets//b.xml"/>`,
      ),
    );
    // An empty segment ("//") is no folder.
    expect(list.map((s) => [s.rId, s.part])).toEqual([
      ['rId1', 'xl/worksheets/a.xml'],
      ['rId2', 'xl/worksheets/b.xml'],
    ]);
  });

  it('names no part for a sheet without r:id or name, or a relationship without target or type', () => {
    const wb = workbook(
      '<sheet sheetId="1"/><sheet name="T" sheetId="2" r:id="rId2"/><sheet name="U" sheetId="3" r:id="rId3"/>',
    );
    const list = sheetsOf(
      wb,
      rels(
        // A relationship without an Id must not be taken for the sheet without an r:id.
        `<Relationship Type="${WS}" Target="worksheets/tanpa-id.xml"/>` +
          `<Relationship Id="rId2" Type="${WS}"/>` +
          `<Relationship Id="rId3" Target="worksheets/u.xml"/>`,
      ),
    );
    expect(list.map((s) => [s.name, s.rId, s.part, s.type])).toEqual([
      ['', '', null, null],
      ['T', 'rId2', null, WS],
      ['U', 'rId3', 'xl/worksheets/u.xml', null],
    ]);
  });
});

describe("the workbook's locks and styles part", () => {
  it('reads a structure lock written as 1 or true, and none otherwise', () => {
    const lock = (v: string) => workbook('', `<workbookProtection lockStructure="${v}"/>`);
    expect(structureLocked(lock('1'))).toBe(true);
    expect(structureLocked(lock('true'))).toBe(true);
    expect(structureLocked(lock('0'))).toBe(false);
    expect(structureLocked(workbook('', '<workbookProtection lockWindows="1"/>'))).toBe(false);
    expect(structureLocked(workbook(''))).toBe(false);
    // Only the protection element's own attribute counts, not one of the same name elsewhere.
    const elsewhere = workbook(
      '',
      '<workbookProtection lockWindows="1"/><extLst><ext uri="{x}"><x:y lockStructure="1"/></ext></extLst>',
    );
    expect(structureLocked(elsewhere)).toBe(false);
  });

  it('finds the styles part its relationship names, else the usual path', () => {
    const styles = `${R}/styles`;
    expect(
      stylesPartOf(rels(`<Relationship Id="rId3" Type="${styles}" Target="gaya/gaya.xml"/>`)),
    ).toBe('xl/gaya/gaya.xml');
    expect(stylesPartOf(rels(`<Relationship Id="rId3" Type="${WS}" Target="x.xml"/>`))).toBe(
      'xl/styles.xml',
    );
    expect(stylesPartOf(null)).toBe('xl/styles.xml');
    expect(stylesPartOf(rels(`<Relationship Id="rId3" Type="${styles}"/>`))).toBe('xl/styles.xml');
  });

  it('names the relationships file of any part', () => {
    expect(relsPathOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPathOf('xl/worksheets/sheet3.xml')).toBe('xl/worksheets/_rels/sheet3.xml.rels');
  });
});

describe('a sheet added to the workbook', () => {
  const contentTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`;

  it('takes the next free relationship id and the next sheet id after the highest', () => {
    const out = addSheet(
      {
        workbook: workbook(
          '<sheet name="A" sheetId="4" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId3"/>',
        ),
        rels: rels(
          `<Relationship Id="rId1" Type="${WS}" Target="worksheets/a.xml"/><Relationship Id="rId3" Type="${WS}" Target="worksheets/b.xml"/>`,
        ),
        contentTypes,
      },
      'Ringkasan <SKM>',
      'xl/worksheets/sheet9.xml',
      WS,
    );
    // Two relationships: rId3 is taken, so the new one is rId4; sheet ids 4 and 2: the new one is 5.
    expect(out.workbook).toContain(
      'name="Ringkasan &lt;SKM&gt;" sheetId="5" r:id="rId4"/></sheets>',
    );
    expect(out.rels).toContain(
      `<Relationship Id="rId4" Type="${WS}" Target="worksheets/sheet9.xml"/></Relationships>`,
    );
    // The content type is added inside <Types>, and nothing else of the part changes.
    expect(out.contentTypes).toBe(
      contentTypes.replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    );
  });

  it('writes an absolute target for a part outside xl/', () => {
    const out = addSheet(
      { workbook: workbook(''), rels: rels(''), contentTypes },
      'R',
      'lain/sheet1.xml',
      WS,
    );
    expect(out.rels).toContain('Id="rId1"');
    expect(out.rels).toContain('Target="/lain/sheet1.xml"');
    expect(out.workbook).toContain('sheetId="1" r:id="rId1"/>');
  });
});
