/**
 * Workbooks written part by part, as raw XML, for the copy's hostile tests: whatever OOXML allows
 * (and exceljs would drop) can be put in, and the copy compared with its input part by part.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { a1 } from '../../src/engine/address';
import type { SheetGrid } from '../../src/engine/model';
import { ROOT } from '../cli/helpers';
import { mergeAreas } from '../../src/engine/merges';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SheetXmlOptions {
  /** Namespace prefix for every element ("x:"), declared on the root. */
  prefix?: string;
  /** Raw cell XML by address, replacing what the grid holds there (a formula, say). */
  cells?: Record<string, string>;
  /** Elements after <mergeCells> (conditional formats, validations, hyperlinks, extLst ...). */
  after?: string;
  /** Elements before <sheetData> (after <dimension>): <cols>, sheet views. */
  before?: string;
}

/** A worksheet part holding a grid's values (inline strings), its merges, and whatever else is given. */
export function sheetXml(grid: SheetGrid, o: SheetXmlOptions = {}): string {
  const p = o.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const rows: string[] = [];
  const cells = { ...o.cells };
  const extraRows = new Map<number, string[]>();
  for (const [addr, xml] of Object.entries(cells)) {
    const row = Number(/\d+$/.exec(addr)![0]);
    const list = extraRows.get(row) ?? [];
    list.push(xml);
    extraRows.set(row, list);
  }
  const height = Math.max(grid.values.length, ...[...extraRows.keys()]);
  for (let i = 0; i < height; i++) {
    const r = i + 1;
    const out: { col: number; xml: string }[] = [];
    (grid.values[i] ?? []).forEach((v, j) => {
      const addr = a1(r, j + 1);
      if (addr in cells) return;
      if (v === '' || v === null || v === undefined) return;
      const s = grid.formats?.[i]?.[j] === '0%' ? ' s="1"' : '';
      out.push({
        col: j + 1,
        xml:
          typeof v === 'number'
            ? `<${p}c r="${addr}"${s}><${p}v>${v}</${p}v></${p}c>`
            : `<${p}c r="${addr}"${s} t="inlineStr"><${p}is><${p}t>${esc(String(v))}</${p}t></${p}is></${p}c>`,
      });
    });
    for (const [addr, xml] of Object.entries(cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      if (Number(m[2]) !== r) continue;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      out.push({ col, xml });
    }
    out.sort((x, y) => x.col - y.col);
    if (out.length > 0) rows.push(`<${p}row r="${r}">${out.map((c) => c.xml).join('')}</${p}row>`);
  }
  const merges = mergeAreas(grid.merges);
  const mergeXml =
    merges.length > 0
      ? `<${p}mergeCells count="${merges.length}">${merges
          .map((m) => `<${p}mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`)
          .join('')}</${p}mergeCells>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${p}worksheet ${ns} xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    `<${p}dimension ref="A1:${a1(Math.max(1, height), Math.max(1, ...grid.values.map((r) => r.length)))}"/>` +
    (o.before ?? '') +
    `<${p}sheetData>${rows.join('')}</${p}sheetData>${mergeXml}${o.after ?? ''}</${p}worksheet>`
  );
}

export interface SheetPart {
  name: string;
  xml: string;
  /** The sheet's own relationships part, if any. */
  rels?: string;
  /** Extra attributes on <sheet> (state="hidden"). */
  attrs?: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Elements of workbook.xml after <sheets> (definedNames, calcPr, externalReferences ...). */
  afterSheets?: string;
  /** Elements of workbook.xml before <sheets> (workbookProtection ...). */
  beforeSheets?: string;
  /** Extra relationships of workbook.xml. */
  workbookRels?: string;
  /** Extra content types (Override or Default elements). */
  contentTypes?: string;
  /** Any other part, by path, text or bytes. */
  parts?: Record<string, string | Uint8Array>;
  /** Extra package relationships (_rels/.rels). */
  packageRels?: string;
}

export const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The .xlsx of the given parts. */
export async function buildXlsx(w: WorkbookParts): Promise<Buffer> {
  const zip = new JSZip();
  const sheetTypes = w.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      sheetTypes +
      (w.contentTypes ?? '') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>${w.packageRels ?? ''}</Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${w.beforeSheets ?? ''}<sheets>` +
      w.sheets
        .map(
          (s, i) =>
            `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.attrs ? ` ${s.attrs}` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('') +
      `</sheets>${w.afterSheets ?? ''}</workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
      w.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>${w.workbookRels ?? ''}</Relationships>`,
  );
  zip.file('xl/styles.xml', STYLES);
  w.sheets.forEach((s, i) => {
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.xml);
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  for (const [name, data] of Object.entries(w.parts ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every file part of an .xlsx, by name, as bytes. */
export async function partsOf(file: string | Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files))
    if (!f.dir) out.set(name, await f.async('nodebuffer'));
  return out;
}

/**
 * The cell format (cellXfs entry, as XML) a cell of a package's first sheet uses, with the
 * styles part it is in; throws where the cell is not in the sheet.
 */
export async function xfOf(file: string, ref: string): Promise<{ xf: string; styles: string }> {
  const parts = await partsOf(file);
  const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  const style = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet);
  if (!style) throw new Error(`${ref} is not in the sheet`);
  const styles = parts.get('xl/styles.xml')!.toString('utf8');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const xf = xfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)![Number(style[1] ?? 0)];
  return { xf, styles };
}

/** The parts that differ between two packages (changed, added or removed), sorted. */
export async function changedParts(a: string | Buffer, b: string | Buffer): Promise<string[]> {
  const [pa, pb] = await Promise.all([partsOf(a), partsOf(b)]);
  const names = new Set([...pa.keys(), ...pb.keys()]);
  return [...names]
    .filter((n) => !pa.get(n)?.equals(pb.get(n) ?? Buffer.alloc(0)) || !pb.has(n))
    .sort();
}

/**
 * The checker as a separate process, bounded: 30 s and a 1.5 GB heap. Status null means it was
 * killed at the bound.
 */
export function runBounded(...args: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=1536', path.join(ROOT, 'bin/skm-rekap.js'), ...args],
    { encoding: 'utf8', timeout: 30000, killSignal: 'SIGKILL' },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
