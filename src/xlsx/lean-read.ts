/**
 * Reads the sheet grids of an .xlsx workbook straight from its XML: values, number formats and
 * merged areas, nothing else. The checker only needs these to check a recap, and exceljs builds a
 * whole object model first: 13 s and 2 GB for a national recap, and a crash on some files with
 * charts (its drawing parts). The grids hold the cells `workbookGrids` makes from exceljs's model,
 * cell for cell (test/xlsx/lean-read.test.ts compares them), but sparse: a row holds its own cells
 * only, and the grid ends where the values end. One exceljs slip is not copied: it drops a
 * formula's cached result of 0 or FALSE, read here as Excel gives it.
 *
 * The read is linear and bounded (issue 15): parts are inflated within caps (zip-parts.ts), XML is
 * read by one tokenizer that knows comments, CDATA, entities and prefixes (xml-scan.ts), and what
 * was damaged, odd or left out is said in notes (read-notes.ts).
 */
import type { SheetGrid } from '../engine/model';
import { readNotes, type ReadNote } from './read-notes';
import { readSheet, runText } from './sheet-read';
import { CLOSE, END, OPEN, XmlScanner } from './xml-scan';
import {
  DEFAULT_LIMITS,
  Package,
  StreamedPart,
  WorkbookFormatError,
  type ReadLimits,
} from './zip-parts';

export { WorkbookFormatError, DEFAULT_LIMITS, type ReadLimits } from './zip-parts';
export type { ReadNote } from './read-notes';

// exceljs's own table of built-in formats, so that formats read exactly as through exceljs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const numFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform') as {
  getDefaultFmtCode(id: number): string | undefined;
};
const defaultNumFormat = numFmtXform.getDefaultFmtCode;

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const REL_HYPERLINK = /\/hyperlink$/;

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** What was read of one sheet besides its grid. */
export interface SheetInfo {
  name: string;
  state: SheetState;
  formulas: { withValue: number; withoutValue: number; firstWithout: string | null };
}

export interface WorkbookRead {
  grids: SheetGrid[];
  /** One per grid, in the same order. */
  sheets: SheetInfo[];
  notes: ReadNote[];
  /** The workbook asks for every formula to be recomputed on opening (fullCalcOnLoad). */
  fullCalcOnLoad: boolean;
}

export async function readGrids(
  data: Buffer | Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<SheetGrid[]> {
  return (await readWorkbook(data, limits)).grids;
}

export async function readWorkbook(
  data: Buffer | Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<WorkbookRead> {
  const pkg = await Package.open(data, limits);
  const workbook = await pkg.bytes('xl/workbook.xml');
  if (workbook === null)
    throw new WorkbookFormatError(
      { id: 'tidak ada bagian xl/workbook.xml', en: 'no xl/workbook.xml part' },
      'part-missing',
    );
  const rels = relationships(await pkg.bytes('xl/_rels/workbook.xml.rels'), 'xl/');
  const byType = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type))?.target;
  const notes: ReadNote[] = [];
  const sharedStrings = readSharedStrings(
    await pkg.bytes(byType(REL_SHARED_STRINGS) ?? 'xl/sharedStrings.xml'),
    limits,
    notes,
  );
  const formats = readCellFormats(await pkg.bytes(byType(REL_STYLES) ?? 'xl/styles.xml'));
  const wb = readWorkbookPart(workbook);
  if (wb.fullCalcOnLoad) notes.push(readNotes.fullCalcOnLoad());

  const grids: SheetGrid[] = [];
  const sheets: SheetInfo[] = [];
  const cellCount = { n: 0 };
  const missing: string[] = [];
  for (const s of wb.sheets) {
    const rel = rels.get(s.rid);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !REL_WORKSHEET.test(rel.type)) continue;
    const xml = await pkg.part(rel.target);
    if (xml === null) {
      notes.push(readNotes.partMissing(s.name, rel.target));
      missing.push(rel.target);
      continue;
    }
    let sheetRels: Map<string, Relationship>;
    try {
      sheetRels = relationships(await pkg.bytes(relsPathOf(rel.target)), dirOf(rel.target));
    } catch (err) {
      // The sheet's own damage is said first, as when it is inflated before its relationships.
      if (xml instanceof StreamedPart) xml.finish();
      throw err;
    }
    const hyperlinkIds = new Set<string>();
    for (const [id, r] of sheetRels) if (REL_HYPERLINK.test(r.type)) hyperlinkIds.add(id);
    const ctx = { sharedStrings, formats, date1904: wb.date1904, hyperlinkIds, limits, cellCount };
    let read: ReturnType<typeof readSheet>;
    if (xml instanceof StreamedPart) {
      // Read as it inflates on another thread; a damaged part is said as such whatever the
      // reading met first, as when it is inflated whole before reading.
      try {
        read = readSheet(s.name, xml.bytes, ctx, xml);
      } catch (err) {
        xml.finish();
        throw err;
      }
      xml.finish();
    } else read = readSheet(s.name, xml, ctx);
    if (s.state !== 'visible') read.grid.state = s.state;
    grids.push(read.grid);
    sheets.push({ name: s.name, state: s.state, formulas: read.formulas });
    notes.push(...read.notes);
  }
  if (grids.length === 0 && missing.length > 0)
    throw new WorkbookFormatError(
      {
        id: `bagian lembar ${missing.join(', ')} yang disebut buku kerja tidak ada (berkas rusak)`,
        en: `the sheet part ${missing.join(', ')} named by the workbook is missing (a damaged file)`,
      },
      'part-missing',
    );
  return { grids, sheets, notes, fullCalcOnLoad: wb.fullCalcOnLoad };
}

interface WorkbookPart {
  sheets: { name: string; rid: string; state: SheetState }[];
  date1904: boolean;
  fullCalcOnLoad: boolean;
}

function readWorkbookPart(xml: Uint8Array): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false, fullCalcOnLoad: false };
  const sc = new XmlScanner(xml);
  const yes = (v: string | undefined) => v === '1' || v === 'true';
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    if (sc.is('sheet')) {
      const state = sc.attr('state');
      out.sheets.push({
        name: sc.attr('name') ?? '',
        rid: sc.attr('id', true) ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      });
    } else if (sc.is('workbookPr')) out.date1904 = yes(sc.attr('date1904'));
    else if (sc.is('calcPr')) out.fullCalcOnLoad = yes(sc.attr('fullCalcOnLoad'));
  }
  return out;
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: Uint8Array | null, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === null) return out;
  const sc = new XmlScanner(xml);
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN || !sc.is('Relationship')) continue;
    const id = sc.attr('Id');
    const target = sc.attr('Target');
    if (!id || target === undefined) continue;
    const external = sc.attr('TargetMode') === 'External';
    out.set(id, {
      type: sc.attr('Type') ?? '',
      target: external ? target : resolvePath(base, target),
    });
  }
  return out;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsPathOf(path: string): string {
  return `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function readSharedStrings(
  xml: Uint8Array | null,
  limits: ReadLimits,
  notes: ReadNote[],
): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  const sc = new XmlScanner(xml);
  let declared = -1;
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    if (sc.is('si')) {
      if (out.length >= limits.sharedStrings)
        throw new WorkbookFormatError(
          {
            id: `tabel teks bersama memuat lebih dari ${limits.sharedStrings.toLocaleString('id')} butir, melebihi batas`,
            en: `its shared-text table holds more than ${limits.sharedStrings.toLocaleString('en')} items, over the limit`,
          },
          'too-large',
        );
      out.push(runText(sc));
    } else if (sc.is('sst')) {
      const u = Number(sc.attr('uniqueCount'));
      if (Number.isInteger(u) && u >= 0) declared = u;
    }
  }
  if (declared > out.length) notes.push(readNotes.sharedStringsShort(declared, out.length));
  return out;
}

/** The number format of each cell style (index into cellXfs), as exceljs names it; undefined for none. */
function readCellFormats(xml: Uint8Array | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  const sc = new XmlScanner(xml);
  let inCellXfs = false;
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === CLOSE) {
      if (sc.is('cellXfs')) inCellXfs = false;
      continue;
    }
    if (t !== OPEN) continue;
    if (sc.is('numFmt')) custom.set(Number(sc.attr('numFmtId')), sc.attr('formatCode') ?? '');
    else if (sc.is('cellXfs')) inCellXfs = !sc.selfClosing;
    else if (inCellXfs && sc.is('xf')) {
      const id = Number(sc.attr('numFmtId') ?? 0);
      // exceljs: a style with numFmtId 0 (General) has no number format.
      out.push(id ? (custom.get(id) ?? defaultNumFormat(id)) : undefined);
    }
  }
  return out;
}
