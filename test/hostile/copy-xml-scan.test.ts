/**
 * The XML the copy edits in place (src/xlsx/copy/xml.ts): tags found past comments, CDATA,
 * processing instructions, declarations and quoted values holding ">", and a part cut short
 * read up to where it is whole (issue 16).
 */
import {
  attr,
  children,
  decodeXml,
  dropAttr,
  rootOf,
  scanTags,
  setAttr,
  setOpenAttr,
  type Tag,
  UnsafePart,
} from '../../src/xlsx/copy/xml';

const tags = (xml: string): string[] => {
  const out: string[] = [];
  scanTags(xml, 0, xml.length, (t: Tag) => {
    out.push(`${t.closing ? '/' : ''}${t.name}${t.selfClosing ? '/' : ''}`);
  });
  return out;
};

describe('tags as the copy finds them', () => {
  it('steps over a declaration, a processing instruction and quoted values holding ">" or quotes', () => {
    const xml =
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "<b>">]><a t='x > "y"' u="1 > '2'">` +
      `<?mso-application progid="Excel.Sheet"?><b/></a>`;
    // The DOCTYPE's internal subset holds its own ">": a declaration ends at its first unquoted ">".
    expect(tags(xml)).toEqual(['a', 'b/', '/a']);
  });

  it('stops at the first construct left open, never reading past the end', () => {
    expect(tags('<a><b/><!-- open comment <c/>')).toEqual(['a', 'b/']);
    expect(tags('<a><![CDATA[ open <c/>')).toEqual(['a']);
    expect(tags('<a><?pi open <c/>')).toEqual(['a']);
    expect(tags('<a><!DOCTYPE "open <c/>')).toEqual(['a']);
    expect(tags('<a><b x="open/>')).toEqual(['a']);
    expect(tags('<a><b')).toEqual(['a']);
  });

  it('gives each tag whole, a ">" inside a single- or double-quoted value included', () => {
    const xml = `<r><a t='x > y' u="1 > 2"/><b v='>'></b></r>`;
    const whole: string[] = [];
    scanTags(xml, 0, xml.length, (t) => {
      whole.push(xml.slice(t.start, t.end));
    });
    expect(whole).toEqual(['<r>', `<a t='x > y' u="1 > 2"/>`, `<b v='>'>`, '</b>', '</r>']);
  });

  it('ends a comment, CDATA or processing instruction only at its own end', () => {
    // "<!-->" opens a comment, it does not close one; nor does "<?>" end an instruction.
    expect(tags('<a><!--> <b/> --><c/></a>')).toEqual(['a', 'c/', '/a']);
    expect(tags('<a><?> <b/> ?><c/></a>')).toEqual(['a', 'c/', '/a']);
    // A "<" just before the end of one is part of it.
    expect(tags('<a><!-- x <c --><b/></a>')).toEqual(['a', 'b/', '/a']);
    expect(tags('<a><![CDATA[ x <c ]]><b/></a>')).toEqual(['a', 'b/', '/a']);
    expect(tags('<a><?pi x <c?><b/></a>')).toEqual(['a', 'b/', '/a']);
    // "]]>" in an attribute value before a CDATA section does not end that section.
    expect(tags('<r><a x="]]>"/><![CDATA[<b/>]]><c/></r>')).toEqual(['r', 'a/', 'c/', '/r']);
  });

  it('ends at the text after the last tag', () => {
    expect(tags('<a/> akhir')).toEqual(['a/']);
  });

  it('stops when the visitor says so, and reads only the range asked', () => {
    const xml = '<a/><b/><c/>';
    const seen: string[] = [];
    scanTags(xml, 0, xml.length, (t) => {
      seen.push(t.name);
      return t.name !== 'b';
    });
    expect(seen).toEqual(['a', 'b']);
    const part: string[] = [];
    scanTags(xml, 4, 8, (t) => {
      part.push(t.name);
    });
    expect(part).toEqual(['b']);
    // A range that ends between tags leaves the next tag out.
    const upTo: string[] = [];
    scanTags('<a/> <b/>', 0, 5, (t) => {
      upTo.push(t.name);
    });
    expect(upTo).toEqual(['a']);
  });

  it('gives the children of one level only, with where each ends', () => {
    const xml = '<r><a><a/></a><b x="1"/>text<c></c></r>';
    const { root } = rootOf(xml, 'p');
    const kids = children(xml, root.open.end, root.contentEnd);
    expect(kids.map((k) => [k.open.name, xml.slice(k.open.start, k.end)])).toEqual([
      ['a', '<a><a/></a>'],
      ['b', '<b x="1"/>'],
      ['c', '<c></c>'],
    ]);
    expect(() => rootOf('no xml here', 'xl/x.xml')).toThrow(/xl\/x\.xml: not well-formed XML/);
    let refusal: unknown = null;
    try {
      rootOf('no xml here', 'xl/x.xml');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(UnsafePart);
    expect((refusal as UnsafePart).why).toEqual({
      id: 'bukan XML yang utuh',
      en: 'not well-formed XML',
    });
  });
});

describe('attributes edited in a tag', () => {
  it('reads single or double quotes, with a prefix, and not a name that only ends the same', () => {
    const tag = `<c r='B2' s="3" xr:uid="{1}" ds="9">`;
    expect(attr(tag, 'r')).toBe('B2');
    expect(attr(tag, 's')).toBe('3');
    expect(attr(tag, 'xr:uid')).toBe('{1}');
    expect(attr(tag, 't')).toBeNull();
  });

  it('replaces a value in place, or adds it before the end of an open or self-closed tag', () => {
    expect(setAttr(`<c r='B2' s='3'>`, 's', '5')).toBe(`<c r='B2' s="5">`);
    expect(setAttr('<c r="B2"/>', 's', '5')).toBe('<c r="B2" s="5"/>');
    expect(setAttr('<c r="B2" >', 't', 'n')).toBe('<c r="B2" t="n">');
    expect(dropAttr(`<c r="B2" t='s' s="1">`, 't')).toBe('<c r="B2" s="1">');
    // Spaces before the end are not kept twice; prefixed names are replaced and dropped in place.
    expect(setAttr('<c r="B2"  >', 't', 'n')).toBe('<c r="B2" t="n">');
    expect(setAttr('<c xr:uid="{1}" r="B2"/>', 'xr:uid', '{2}')).toBe('<c xr:uid="{2}" r="B2"/>');
    expect(dropAttr('<c xr:uid="{1}" r="B2"/>', 'xr:uid')).toBe('<c r="B2"/>');
  });

  it("sets an attribute on an element's open tag, never on a child's", () => {
    expect(setOpenAttr('<col min="1"><x min="2"/></col>', 'min', '3')).toBe(
      '<col min="3"><x min="2"/></col>',
    );
  });

  it('decodes the five entities and numeric references, decimal and hex', () => {
    expect(decodeXml('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#65;&#x42;&#x1F600;')).toBe(
      `<a> & "b" 'c' AB\u{1F600}`,
    );
    expect(decodeXml('&unknown; &amp')).toBe('&unknown; &amp');
  });
});
