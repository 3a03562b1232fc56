/**
 * The checked copy (--out): the workbook's own zip with the recap sheet's XML and styles.xml
 * edited, and for --summary a new sheet part listed in workbook.xml, its relationships and
 * [Content_Types].xml. Every other part is carried over byte for byte, so charts, pivot tables,
 * images, macros, labels, external links and add-ins' state survive. Where a part cannot be
 * edited safely, no copy is made and the message says which part and why.
 */
import JSZip from 'jszip';
import type { Analysis } from '../../engine/analyse';
import { a1, areaAddress } from '../../engine/address';
import type { Lang, Text } from '../../engine/messages';
import type { SheetGrid } from '../../engine/model';
import { FILL, planWrites, type WritePlan } from '../../engine/plan';
import { summarise } from '../../engine/summary';
import {
  isOwnSummary,
  SUMMARY_SHEET,
  summaryLayout,
  summarySheetName,
} from '../../engine/summary-sheet';
import { copyText } from './messages';
import { outTargetKind, sameFile, writeAtomically } from './out-file';
import { editSheet, mergesIn, sheetProtected, type CellEdit } from './sheet';
import { StyleBook } from './styles';
import { summaryPart } from './summary';
import {
  addSheet,
  CONTENT_TYPES,
  sheetsOf,
  structureLocked,
  stylesPartOf,
  WORKBOOK,
  WORKBOOK_RELS,
} from './workbook';
import { UnsafePart } from './xml';

export interface CopyRequest {
  input: string;
  out: string;
  /** The input's bytes, as read for the check. */
  buffer: Buffer;
  grids: SheetGrid[];
  analysis: Analysis;
  lang: Lang;
  summary: boolean;
}

export type CopyOutcome = { ok: true; notices: Text[] } | { ok: false; message: Text };

/** At most this many cells are named one by one in the notices; the rest are counted. */
const MAX_NAMED = 20;

export async function writeCheckedCopy(req: CopyRequest): Promise<CopyOutcome> {
  const { input, out } = req;
  if (await sameFile(input, out)) return { ok: false, message: copyText.sameAsInput(input) };
  const kind = await outTargetKind(out);
  if (kind) return { ok: false, message: copyText.notAFile(out, kind) };
  let built: { data: Buffer; notices: Text[] };
  try {
    built = await buildCopy(req);
  } catch (err) {
    if (err instanceof UnsafePart)
      return { ok: false, message: copyText.unsafePart(input, err.part, err.why) };
    if (err instanceof NoCopy) return { ok: false, message: err.text };
    return { ok: false, message: copyText.cannotWrite(out, shortReason(err)) };
  }
  try {
    await writeAtomically(built.data, out, input);
  } catch (err) {
    return { ok: false, message: copyText.cannotWrite(out, shortReason(err)) };
  }
  return { ok: true, notices: [copyText.written(out), ...built.notices] };
}

class NoCopy extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** A part's text: UTF-8 only (what Excel writes); anything else is refused, not guessed. */
async function partText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  if (!f) return null;
  const bytes = await f.async('uint8array');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UnsafePart(path, { id: 'ditulis dalam UTF-16', en: 'written in UTF-16' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnsafePart(path, { id: 'bukan teks UTF-8 yang sah', en: 'not valid UTF-8 text' });
  }
}

/** The plan as cell edits: a mark and a value on one cell become one edit. */
function editsOf(plan: WritePlan): CellEdit[] {
  const edits = new Map<string, CellEdit>();
  const at = (row: number, col: number) => {
    const key = `${row},${col}`;
    let e = edits.get(key);
    if (!e) {
      e = { row, col };
      edits.set(key, e);
    }
    return e;
  };
  // The copy rewrites an existing average line with the recomputed values, which resolves its
  // mismatches there: they are neither marked nor noted, so checking the copy again changes nothing.
  const onAverage = (row: number) => plan.average.exists && row === plan.average.row;
  const rewritten = new Set(plan.average.cells.map((c) => c.col));
  for (const m of plan.marks) {
    const e = at(m.row, m.col);
    if (onAverage(m.row) && rewritten.has(m.col)) {
      e.keptFill = FILL[m.severity];
      continue;
    }
    e.style = { ...e.style, fill: FILL[m.severity] };
  }
  for (const c of plan.notes.cells) {
    const e = at(c.row, c.col);
    e.value = onAverage(c.row) ? '' : c.value;
    e.style = { ...e.style, wrapTop: true };
  }
  for (const c of [...plan.average.cells, ...plan.sentences]) {
    const e = at(c.row, c.col);
    e.value = c.value;
    if (c.format) e.style = { ...e.style, numFmt: c.format };
  }
  return [...edits.values()];
}

async function buildCopy(req: CopyRequest): Promise<{ data: Buffer; notices: Text[] }> {
  const { analysis, grids, lang } = req;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(req.buffer);
  } catch {
    throw new NoCopy(copyText.notXlsx(req.input));
  }
  const workbook = await partText(zip, WORKBOOK);
  if (workbook === null) throw new NoCopy(copyText.noSheetPart(req.input, analysis.table.sheet));
  const rels = await partText(zip, WORKBOOK_RELS);
  const sheets = sheetsOf(workbook, rels);
  const entry = sheets.find((s) => s.name === analysis.table.sheet);
  const sheetXml = entry?.part ? await partText(zip, entry.part) : null;
  if (!entry?.part || sheetXml === null)
    throw new NoCopy(copyText.noSheetPart(req.input, analysis.table.sheet));
  const stylesPath = stylesPartOf(rels);
  const stylesXml = await partText(zip, stylesPath);
  if (stylesXml === null)
    throw new UnsafePart(stylesPath, { id: 'bagian ini tidak ada', en: 'the part is missing' });
  const styles = new StyleBook(stylesXml, stylesPath);

  const grid = grids.find((g) => g.name === analysis.table.sheet)!;
  // The merged areas from the part itself: the plan must step around every one of them.
  const merges = mergesIn(sheetXml, entry.part);
  const plan = planWrites(analysis, { ...grid, merges }, lang, { insertRows: false });
  const edited = editSheet(
    sheetXml,
    entry.part,
    editsOf(plan),
    styles,
    plan.notes.cells.length > 0 ? plan.notes.col : null,
  );
  zip.file(entry.part, edited.xml);

  const sheet = plan.sheet;
  const details: Text[] = [];
  if (plan.average.held) details.push(copyText.averageHeld(sheet, plan.average.row));
  for (const k of edited.kept) details.push(copyText.keptFormula(sheet, a1(k.row, k.col), k.value));
  if (plan.skipped.some((s) => s.reason === 'no-free-column'))
    details.push(copyText.noFreeColumn(sheet));
  for (const s of plan.skipped) {
    if (s.reason === 'merged')
      details.push(copyText.skippedMerged(sheet, a1(s.row, s.col), areaAddress(s.area!), s.value));
    else if (s.reason === 'no-free-row') details.push(copyText.noFreeRow(sheet, s.value));
    else if (s.reason === 'not-our-note')
      details.push(copyText.skippedNotOurNote(sheet, a1(s.row, s.col)));
  }
  // A protected sheet is written all the same, its protection kept: the copy is its owner's, as
  // the file is, and Excel keeps the protection of a sheet its owner edits (issue 15).
  const notices = sheetProtected(sheetXml, entry.part) ? [copyText.protectedSheet(sheet)] : [];
  notices.push(...details.slice(0, MAX_NAMED));
  if (details.length > MAX_NAMED) notices.push(copyText.more(details.length - MAX_NAMED));

  if (req.summary) {
    if (structureLocked(workbook)) notices.push(copyText.summaryLocked());
    else {
      const named = summarySheetName(
        sheets.map((s) => {
          const g = grids.find((x) => x.name === s.name);
          return { name: s.name, ours: s.name !== sheet && g !== undefined && isOwnSummary(g) };
        }),
      );
      const layout = summaryLayout(summarise(analysis, grids), named.name);
      const xml = summaryPart(layout, styles);
      const old = sheets.find((s) => s.name.toLowerCase() === named.name.toLowerCase());
      if (named.replaces && old?.part) zip.file(old.part, xml);
      else {
        let n = sheets.length + 1;
        while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
        const part = `xl/worksheets/sheet${n}.xml`;
        const contentTypes = await partText(zip, CONTENT_TYPES);
        if (contentTypes === null || rels === null)
          throw new UnsafePart(CONTENT_TYPES, {
            id: 'bagian ini tidak ada',
            en: 'the part is missing',
          });
        const added = addSheet(
          { workbook, rels, contentTypes },
          named.name,
          part,
          entry.type ??
            'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
        );
        zip.file(part, xml);
        zip.file(WORKBOOK, added.workbook);
        zip.file(WORKBOOK_RELS, added.rels);
        zip.file(CONTENT_TYPES, added.contentTypes);
      }
      if (named.name !== SUMMARY_SHEET)
        notices.push(copyText.summaryRenamed(named.name, SUMMARY_SHEET));
      notices.push(copyText.noCharts(named.name));
    }
  }
  if (styles.modified) zip.file(stylesPath, styles.xml());
  const data = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return { data, notices };
}

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].slice(0, 200);
}
