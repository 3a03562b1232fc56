/** What a .docx says, read from its word/document.xml: one line per paragraph (a table cell is a paragraph). */
import JSZip from 'jszip';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export async function docxParts(bytes: Uint8Array): Promise<{ xml: string; names: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    xml: await zip.file('word/document.xml')!.async('string'),
    names: Object.keys(zip.files),
  };
}

export function paragraphsOf(xml: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      decode(
        Array.from(p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g), (m) =>
          m[0] === '<w:br/>' ? '\n' : m[1],
        ).join(''),
      ),
    );
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  return paragraphsOf((await docxParts(bytes)).xml).join('\n');
}
