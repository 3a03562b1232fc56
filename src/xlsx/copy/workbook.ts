/**
 * The workbook's own index of parts: which part holds a sheet (workbook.xml and its relationships),
 * and the entries a new sheet needs there and in [Content_Types].xml. Read and extended as text.
 */
import { attr, children, decodeXml, escapeText, rootOf, UnsafePart } from './xml';

export const WORKBOOK = 'xl/workbook.xml';
export const CONTENT_TYPES = '[Content_Types].xml';
/** The workbook's relationships part (xl/_rels/workbook.xml.rels). */
export const WORKBOOK_RELS = relsPathOf(WORKBOOK);
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface SheetEntry {
  name: string;
  rId: string;
  /** The part's path inside the zip ("xl/worksheets/sheet1.xml"). */
  part: string | null;
  /** The relationship's type, to give a new sheet the same one (transitional or strict). */
  type: string | null;
}

/** The relationships file of a part ("xl/_rels/workbook.xml.rels"). */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from
    .slice(0, from.lastIndexOf('/') + 1)
    .split('/')
    .filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string): Rel[] {
  const { root } = rootOf(xml, WORKBOOK_RELS);
  return children(xml, root.open.end, root.contentEnd).map((e) => {
    const tag = xml.slice(e.open.start, e.open.end);
    return {
      id: decodeXml(attr(tag, 'Id') ?? ''),
      type: decodeXml(attr(tag, 'Type') ?? ''),
      target: decodeXml(attr(tag, 'Target') ?? ''),
      external: attr(tag, 'TargetMode') === 'External',
    };
  });
}

/** The part a relationship of the workbook names inside the zip; null when it is external or has no target. */
function partOf(rel: Rel): string | null {
  return !rel.external && rel.target ? resolve(WORKBOOK, rel.target) : null;
}

/** The sheets listed in workbook.xml, in order, with their parts. */
export function sheetsOf(workbook: string, rels: string | null): SheetEntry[] {
  const { root, prefix: p } = rootOf(workbook, WORKBOOK);
  const sheets = children(workbook, root.open.end, root.contentEnd).find(
    (e) => e.open.name === `${p}sheets`,
  );
  if (!sheets)
    throw new UnsafePart(WORKBOOK, { id: 'tidak ada daftar lembar', en: 'no sheet list' });
  const byId = new Map((rels ? relationships(rels) : []).map((r) => [r.id, r]));
  return children(workbook, sheets.open.end, sheets.contentEnd).map((e) => {
    const tag = workbook.slice(e.open.start, e.open.end);
    const id = /\s[\w.-]+:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
    const rId = id ? decodeXml(id[2] ?? id[3]) : '';
    // A sheet without an r:id, or a relationship without a target or type, names no part.
    const rel = rId ? byId.get(rId) : undefined;
    return {
      name: decodeXml(attr(tag, 'name') ?? ''),
      rId,
      part: rel ? partOf(rel) : null,
      type: rel?.type || null,
    };
  });
}

/** Whether the workbook's structure is protected (no sheet may be added). */
export function structureLocked(workbook: string): boolean {
  const { root, prefix: p } = rootOf(workbook, WORKBOOK);
  const prot = children(workbook, root.open.end, root.contentEnd).find(
    (e) => e.open.name === `${p}workbookProtection`,
  );
  if (!prot) return false;
  const v = attr(workbook.slice(prot.open.start, prot.open.end), 'lockStructure');
  return v === '1' || v === 'true';
}

/**
 * Adds a worksheet: its <sheet> at the end of workbook.xml's list, its relationship, its content
 * type. Returns the three parts' new text.
 */
export function addSheet(
  files: { workbook: string; rels: string; contentTypes: string },
  name: string,
  part: string,
  type: string,
): { workbook: string; rels: string; contentTypes: string } {
  const { workbook, rels, contentTypes } = files;
  const ids = new Set(relationships(rels).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rId = `rId${n}`;

  const { root, prefix: p } = rootOf(workbook, WORKBOOK);
  const sheets = children(workbook, root.open.end, root.contentEnd).find(
    (e) => e.open.name === `${p}sheets`,
  )!;
  let maxId = 0;
  for (const e of children(workbook, sheets.open.end, sheets.contentEnd))
    maxId = Math.max(maxId, Number(attr(workbook.slice(e.open.start, e.open.end), 'sheetId')) || 0);
  // The relationships namespace declared on the element itself: whatever prefix the workbook uses.
  const sheet = `<${p}sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="${escapeText(name)}" sheetId="${maxId + 1}" r:id="${rId}"/>`;
  const wb = workbook.slice(0, sheets.contentEnd) + sheet + workbook.slice(sheets.contentEnd);

  const relsRoot = rootOf(rels, WORKBOOK_RELS);
  const rp = relsRoot.prefix;
  const target = part.startsWith('xl/') ? part.slice(3) : `/${part}`;
  const rel = `<${rp}Relationship Id="${rId}" Type="${escapeText(type)}" Target="${escapeText(target)}"/>`;
  const newRels =
    rels.slice(0, relsRoot.root.contentEnd) + rel + rels.slice(relsRoot.root.contentEnd);

  const ct = rootOf(contentTypes, CONTENT_TYPES);
  const over = `<${ct.prefix}Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`;
  const newCt =
    contentTypes.slice(0, ct.root.contentEnd) + over + contentTypes.slice(ct.root.contentEnd);
  return { workbook: wb, rels: newRels, contentTypes: newCt };
}

/** The styles part named by the workbook's relationships, else the usual path. */
export function stylesPartOf(rels: string | null): string {
  const rel = (rels ? relationships(rels) : []).find((r) => /\/styles$/.test(r.type));
  return (rel && partOf(rel)) ?? 'xl/styles.xml';
}
