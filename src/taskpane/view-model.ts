/**
 * What the pane shows, as plain data computed from a session: pure, so that
 * it is tested without a browser.
 */
import type { Finding, Severity } from '../engine/checks';
import type { Lang, Text } from '../engine/messages';
import { formatEn, formatId } from '../engine/numbers';
import { planWrites } from '../engine/plan';
import { unitCounts } from '../engine/report';
import { UNSUR } from '../engine/unsur';
import type { AverageChange, Session } from './excel';
import { labels } from './strings';

export type Filter = 'problems' | Severity;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Header words that say a recap is kept in English; anything else is taken as Indonesian. */
const EN_WORDS =
  /\b(requirements?|procedures?|completion|cost|products?|competence|behaviou?r|complaints?|facilities|category|respondents?|annual|semester|quarter|service unit|average)\b/i;
const ID_WORDS =
  /\b(persyaratan|prosedur|waktu|biaya|tarif|produk|kompetensi|perilaku|pengaduan|sarana|kategori|mutu|responden|tahunan|triwulan|rata-rata|pelayanan|unsur)\b/i;

/**
 * The language of the workbook, from the recap's header words: what the pane
 * writes into the sheet (notes, sentences) follows it, not Office's display language.
 */
export function workbookLang(session: Session): Lang {
  const { grid, analysis } = session;
  const origin = grid.origin ?? { row: 1, col: 1 };
  // The unsur columns are left out: the reader knows them only by their Indonesian names.
  const unsurCols = new Set(Object.values(analysis.table.columns.unsur));
  let en = 0;
  let id = 0;
  for (const row of analysis.table.headerRows) {
    const cells = grid.values[row - origin.row] ?? [];
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (typeof v !== 'string' || unsurCols.has(i + origin.col)) continue;
      if (EN_WORDS.test(v)) en++;
      if (ID_WORDS.test(v)) id++;
    }
  }
  return en > id ? 'en' : 'id';
}

/** Why nothing can be written into this recap, or null when it has units with data. */
export function writeBlock(session: Session): Text | null {
  const { table } = session.analysis;
  const u = unitCounts(session.analysis);
  if (u.listed === 0)
    return table.average ? labels.degenerateOnlyAverage : labels.degenerateNoUnits;
  if (u.withData === 0) return labels.degenerateNoData;
  return null;
}

export interface FindingGroup {
  key: string;
  title: string;
  /** The finding to read first: the one that names a likely cause, else the most severe. */
  lead: Finding;
  /** The rest, folded under the lead. */
  detail: Finding[];
  severity: Severity;
}

export function matchesFilter(f: Finding, filter: Filter): boolean {
  return filter === 'problems' ? f.severity !== 'info' : f.severity === filter;
}

/** Findings grouped by entry (the unit and the row of its record), in sheet order. */
export function groupFindings(findings: Finding[], filter: Filter): FindingGroup[] {
  const groups = new Map<string, { title: string; items: Finding[] }>();
  for (const f of findings) {
    if (!matchesFilter(f, filter)) continue;
    const key = `${f.sheet}|${f.row}|${f.unitNo ?? ''}|${f.unit}`;
    let g = groups.get(key);
    if (!g) {
      const name = `${f.unitNo !== null ? `${f.unitNo}. ` : ''}${f.unit}`;
      g = { title: f.period ? `${name} · ${f.period}` : name, items: [] };
      groups.set(key, g);
    }
    g.items.push(f);
  }
  return [...groups.entries()].map(([key, g]) => {
    const sorted = [...g.items].sort(
      (a, b) =>
        Number(b.cause !== null || b.relatedRow !== null) -
          Number(a.cause !== null || a.relatedRow !== null) || RANK[a.severity] - RANK[b.severity],
    );
    const severity = g.items.reduce<Severity>(
      (s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s),
      'info',
    );
    return { key, title: g.title, lead: sorted[0], detail: sorted.slice(1), severity };
  });
}

export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export const numberIn =
  (lang: Lang) =>
  (x: number): string =>
    lang === 'id' ? formatId(x) : formatEn(x);

export interface PreviewRow {
  address: string;
  item: string;
  before: string;
  after: string;
  sentence: boolean;
}

/** The district line's changes as staff read them: unsur by name, percentages as percentages. */
export function previewRows(session: Session, changes: AverageChange[], lang: Lang): PreviewRow[] {
  const num = numberIn(lang);
  const fraction = session.analysis.table.realisationAsFraction;
  const show = (v: unknown, percent: boolean): string => {
    if (typeof v === 'number') return percent ? `${num(fraction ? v * 100 : v)}%` : num(v);
    if (v === null || v === undefined || v === '') return '—';
    return String(v);
  };
  return changes.map((c) => {
    const unsur = UNSUR.find((u) => u.code === c.label);
    const percent = c.label === 'Realisasi';
    const sentence = c.label === 'Kalimat' || c.label === 'Sentence';
    const item = unsur
      ? lang === 'en'
        ? unsur.nameEn
        : unsur.name
      : c.label === 'Kategori'
        ? labels.category[lang]
        : percent
          ? labels.realisation[lang]
          : sentence
            ? labels.sentence[lang]
            : c.label === 'IKM'
              ? 'IKM'
              : labels.rowLabel[lang];
    return {
      address: c.address,
      item,
      before: show(c.before, percent),
      after: show(c.after, percent),
      sentence,
    };
  });
}

/** Which units the new district line leaves out, by reason, in a sentence each. */
export function leftOut(session: Session, lang: Lang): string[] {
  const byReason = new Map<keyof typeof labels.reason, string[]>();
  for (const e of session.analysis.district.excluded) {
    const list = byReason.get(e.reason) ?? [];
    list.push(e.unit.no !== null ? String(e.unit.no) : e.unit.name);
    byReason.set(e.reason, list);
  }
  return [...byReason.entries()].map(
    ([reason, units]) =>
      labels.leftOut(units.length, labels.reason[reason][lang], units.join(', '))[lang],
  );
}

/** The cells "Tandai di Lembar" fills, from the same plan the adapter writes: the progress message counts them. */
export function cellsToMark(session: Session): number {
  return planWrites(session.analysis, session.grid, session.lang).marks.length;
}

/** "10.42" in Indonesian, "10:42" in English. */
export function clock(d: Date, lang: Lang): string {
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return lang === 'id' ? `${hh}.${mm}` : `${hh}:${mm}`;
}
