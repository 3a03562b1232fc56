/**
 * Hostile and unusual workbooks, made in the tests: packages assembled with jszip from raw XML
 * strings, so that every byte the reader meets is chosen here. And the checker run as a user runs
 * it, in a child process with a bounded heap and a time limit.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import JSZip from 'jszip';
import { a1 } from '../../src/engine/address';
import type { SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import { ROOT, STACK_TRACE } from '../cli/helpers';
import { mergeAreas } from '../../src/engine/merges';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SheetXmlOptions {
  /** A namespace prefix for every element (x:worksheet ...). */
  prefix?: string;
  /** Raw XML placed before <sheetData> (cols, sheetViews). */
  before?: string;
  /** Raw XML placed right after <sheetData>'s opening tag. */
  dataStart?: string;
  /** Raw XML after </sheetData> (before mergeCells). */
  after?: string;
  /** Shared strings: when given, text cells point into this list (filled here). */
  shared?: string[];
}

/** A grid as worksheet XML: text as inline strings (or shared ones), numbers, merged areas. */
export function sheetXml(grid: SheetGrid, o: SheetXmlOptions = {}): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  const rows: string[] = [];
  grid.values.forEach((row, i) => {
    const cells: string[] = [];
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      cells.push(cellXml(a1(i + 1, j + 1), v, p, o.shared));
    });
    if (cells.length > 0) rows.push(`<${p}row r="${i + 1}">${cells.join('')}</${p}row>`);
  });
  const merges = mergeAreas(grid.merges);
  const mergeXml =
    merges.length > 0
      ? `<${p}mergeCells count="${merges.length}">${merges
          .map((m) => `<${p}mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`)
          .join('')}</${p}mergeCells>`
      : '';
  const xmlns = o.prefix ? `xmlns:${o.prefix}="${NS}"` : `xmlns="${NS}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${p}worksheet ${xmlns} xmlns:r="${NS_R}">${o.before ?? ''}<${p}sheetData>${o.dataStart ?? ''}${rows.join('')}</${p}sheetData>${o.after ?? ''}${mergeXml}</${p}worksheet>`
  );
}

export function cellXml(ref: string, v: CellValue, p = '', shared?: string[]): string {
  if (typeof v === 'number') return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
  if (typeof v === 'boolean') return `<${p}c r="${ref}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const s = String(v);
  if (shared) {
    shared.push(s);
    return `<${p}c r="${ref}" t="s"><${p}v>${shared.length - 1}</${p}v></${p}c>`;
  }
  return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}is></${p}c>`;
}

export function sharedStringsXml(items: string[], declared = items.length): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${declared}" uniqueCount="${declared}">${items
    .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
    .join('')}</sst>`;
}

export interface RawSheet {
  name: string;
  xml: string | Buffer;
  state?: 'hidden' | 'veryHidden';
  /** The sheet's own relationships part (hyperlinks). */
  rels?: string;
  /** Leave the part out of the package (the workbook still names it). */
  missing?: boolean;
}

export interface PackageOptions {
  sharedStrings?: string;
  styles?: string;
  /** Raw XML inside <workbook> after <sheets> (calcPr ...). */
  workbookExtra?: string;
  /** Further parts, by path. */
  parts?: Record<string, string | Buffer>;
  compression?: 'DEFLATE' | 'STORE';
}

/** An .xlsx package from raw parts: workbook, relationships, content types, sheets. */
export async function rawXlsx(sheets: RawSheet[], o: PackageOptions = {}): Promise<Buffer> {
  return (await rawZip(sheets, o)).generateAsync({
    type: 'nodebuffer',
    compression: o.compression ?? 'DEFLATE',
  });
}

export function rawZip(sheets: RawSheet[], o: PackageOptions = {}): JSZip {
  const zip = new JSZip();
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetTags: string[] = [];
  sheets.forEach((s, i) => {
    const n = i + 1;
    const part = `worksheets/sheet${n}.xml`;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="${part}"/>`);
    sheetTags.push(
      `<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`,
    );
    overrides.push(
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    if (!s.missing) zip.file(`xl/${part}`, s.xml);
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${n}.xml.rels`, s.rels);
  });
  if (o.sharedStrings !== undefined) {
    wbRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file('xl/sharedStrings.xml', o.sharedStrings);
  }
  if (o.styles !== undefined) {
    wbRels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    zip.file('xl/styles.xml', o.styles);
  }
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join('')}</Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${sheetTags.join('')}</sheets>${o.workbookExtra ?? ''}</workbook>`,
  );
  for (const [p, data] of Object.entries(o.parts ?? {})) zip.file(p, data);
  return zip;
}

export interface ChildRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the checker, in MB. */
  peakMB: number;
  /** CPU time the checker used, in seconds. */
  cpuSeconds: number;
}

const BIN = path.join(ROOT, 'bin/skm-rekap.js');
const PROBE = path.join(__dirname, 'probe.js');

/**
 * `skm-rekap check FILE ...` in a child process with a 1.5 GB heap, as issue 15 asks of every
 * hostile input: it ends, with exit 0, 1 or 2, no stack trace, one line for exit 2, within 1.5 GB
 * and 30 s. The 30 s are counted in CPU time (the machine running the tests may be shared); the
 * wall-clock limit, larger, catches a hang.
 */
export function checkChild(file: string, ...args: string[]): ChildRun {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=1536', '--require', PROBE, BIN, 'check', file, ...args],
    { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 2 ** 20 },
  );
  const probe = /hostile-probe rss-kb=(\d+) cpu-ms=(\d+)\n?/.exec(r.stderr ?? '');
  const run: ChildRun = {
    code: r.status ?? -1,
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '').replace(/hostile-probe [^\n]*\n?/, ''),
    peakMB: probe ? Number(probe[1]) / 1024 : NaN,
    cpuSeconds: probe ? Number(probe[2]) / 1000 : NaN,
  };
  expect({ signal: r.signal, error: r.error?.message }).toEqual({
    signal: null,
    error: undefined,
  });
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.peakMB).toBeLessThan(1536);
  expect(run.cpuSeconds).toBeLessThan(30);
  if (run.code === 2) {
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^skm-rekap: [^\n]+\n$/);
  }
  return run;
}
