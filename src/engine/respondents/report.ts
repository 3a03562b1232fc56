/**
 * The result of "Olah Data Responden" as one JSON object (the CLI's --json)
 * and as a text report in Bahasa Indonesia or English.
 */
import { columnLetters } from '../address';
import { say, type Lang } from '../messages';
import { formatEn, formatId } from '../numbers';
import type { ItemScore, Scores } from './compute';
import type { Processed } from './process';
import type { ProfileEntry } from './profile';
import type { ProfileField } from './table';

export interface JsonItem {
  code: string;
  name: string;
  column: string;
  answered: number;
  sum: number;
  nrr: number | null;
  /** NRR x 1/n (NRR tertimbang). */
  weighted: number | null;
  /** NRR x 25. */
  converted: number | null;
}

export interface JsonGroup {
  label: string;
  respondents: number;
  ikm: number | null;
  category: string | null;
  lowest: string[];
  unsur: JsonItem[];
}

export interface JsonOlah {
  file: string;
  sheet: string;
  headerRow: number;
  respondents: number;
  items: number;
  regulation: string;
  weight: number;
  unsur: JsonItem[];
  ikm: number | null;
  category: string | null;
  lowest: string[];
  profile: Partial<Record<ProfileField, ProfileEntry[]>>;
  quality: {
    errors: number;
    warnings: number;
    issues: {
      kind: string;
      severity: string;
      count: number;
      rows: number[];
      cells: string[];
      message: string;
    }[];
  };
  sample?: { population: number; required: number; respondents: number; enough: boolean };
  by?: string;
  groups?: JsonGroup[];
}

/** Ten decimals: the exact value without binary noise (74.99999999999999 is 75). */
function clean(x: number): number;
function clean(x: number | null): number | null;
function clean(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e10) / 1e10;
}

function items(p: Processed, scores: Scores): JsonItem[] {
  return scores.items.map((s, i) => ({
    code: s.code,
    name: s.name,
    column: columnLetters(p.table.items[i].col),
    answered: s.answered,
    sum: s.sum,
    nrr: clean(s.nrr),
    weighted: clean(s.weighted),
    converted: clean(s.converted),
  }));
}

export function jsonOlah(file: string, p: Processed, lang: Lang = 'id'): JsonOlah {
  const s = p.scores;
  const out: JsonOlah = {
    file,
    sheet: p.table.sheet,
    headerRow: p.table.headerRow,
    respondents: s.respondents,
    items: p.table.items.length,
    regulation: p.regulation,
    weight: p.weight,
    unsur: items(p, s),
    ikm: clean(s.ikm),
    category: s.category?.label ?? null,
    lowest: s.lowest,
    profile: Object.fromEntries(
      Object.entries(p.profile).map(([k, entries]) => [
        k,
        entries.map((e) => ({ ...e, share: clean(e.share) })),
      ]),
    ),
    quality: {
      errors: p.quality.filter((q) => q.severity === 'error').length,
      warnings: p.quality.filter((q) => q.severity === 'warning').length,
      issues: p.quality.map((q) => ({
        kind: q.kind,
        severity: q.severity,
        count: q.count,
        rows: q.rows,
        cells: q.cells,
        message: say(q.message, lang),
      })),
    },
  };
  if (p.sample) out.sample = p.sample;
  if (p.groups) {
    out.by = p.by ?? undefined;
    out.groups = p.groups.map((g) => ({
      label: g.label,
      respondents: g.respondents,
      ikm: clean(g.ikm),
      category: g.category?.label ?? null,
      lowest: g.lowest,
      unsur: items(p, g),
    }));
  }
  return out;
}

const T = {
  title: { id: 'Olah Data Responden', en: 'Questionnaire processing' },
  sheet: { id: 'lembar', en: 'sheet' },
  headerRow: { id: 'judul kolom di baris', en: 'header in row' },
  respondents: { id: 'Responden', en: 'Respondents' },
  items: { id: 'Unsur', en: 'Items' },
  weight: { id: 'bobot', en: 'weight' },
  none: { id: 'bukan PermenPANRB 14/2017', en: 'not PermenPANRB 14/2017' },
  head: {
    id: ['Unsur', 'Menjawab', 'Σ Nilai', 'NRR', 'NRR tertimbang', 'NRR x 25'],
    en: ['Item', 'Answered', 'Sum', 'NRR', 'Weighted NRR', 'NRR x 25'],
  },
  ikm: { id: 'IKM unit pelayanan', en: 'IKM of the unit' },
  mutu: { id: 'Mutu pelayanan', en: 'Service quality' },
  noIkm: { id: 'tidak dapat dihitung', en: 'cannot be computed' },
  lowest: { id: 'Unsur terendah', en: 'Lowest item' },
  profile: { id: 'Profil responden', en: 'Respondent profile' },
  fields: {
    jenisKelamin: { id: 'Jenis kelamin', en: 'Sex' },
    usia: { id: 'Usia', en: 'Age' },
    pendidikan: { id: 'Pendidikan', en: 'Education' },
    pekerjaan: { id: 'Pekerjaan', en: 'Occupation' },
    layanan: { id: 'Jenis layanan', en: 'Service' },
  } as Record<ProfileField, { id: string; en: string }>,
  groups: { id: 'Per', en: 'By' },
  sample: { id: 'Sampel (Krejcie-Morgan)', en: 'Sample (Krejcie-Morgan)' },
  quality: { id: 'Catatan mutu data', en: 'Data quality notes' },
  clean: { id: 'tidak ada', en: 'none' },
  severity: {
    error: { id: 'galat', en: 'error' },
    warning: { id: 'peringatan', en: 'warning' },
    info: { id: 'info', en: 'note' },
  } as Record<string, { id: string; en: string }>,
};

export function textOlah(file: string, p: Processed, lang: Lang = 'id'): string {
  const n = (x: number | null, d = 2) =>
    x === null ? '-' : lang === 'id' ? formatId(x, d) : formatEn(x, d);
  const pct = (x: number) => `${n(x * 100, 1)}%`;
  const s = p.scores;
  const lines: string[] = [];
  const reg =
    p.regulation === 'none'
      ? `${T.none[lang]}, ${T.weight[lang]} 1/${p.table.items.length}`
      : `${p.regulation}, ${T.weight[lang]} 1/${p.table.items.length}`;
  lines.push(
    `${T.title[lang]}: ${file}, ${T.sheet[lang]} "${p.table.sheet}" (${T.headerRow[lang]} ${p.table.headerRow})`,
  );
  lines.push(
    `${T.respondents[lang]}: ${s.respondents}   ${T.items[lang]}: ${p.table.items.length} (${reg})`,
  );
  lines.push('');
  lines.push(...scoreTable(s.items, n, lang));
  lines.push('');
  lines.push(`${T.ikm[lang]}: ${s.ikm === null ? T.noIkm[lang] : n(s.ikm)}`);
  lines.push(`${T.mutu[lang]}: ${s.category?.label ?? '-'}`);
  const names = s.lowest.map((c) => `${c} ${s.items.find((i) => i.code === c)?.name ?? ''}`.trim());
  lines.push(`${T.lowest[lang]}: ${names.join('; ') || '-'}`);
  if (p.sample) {
    lines.push(
      `${T.sample[lang]}: ${p.sample.respondents} / ${p.sample.required} (N = ${n(p.sample.population, 0)})`,
    );
  }
  const fields = Object.entries(p.profile) as [ProfileField, ProfileEntry[]][];
  if (fields.length) {
    lines.push('', `${T.profile[lang]}:`);
    for (const [field, entries] of fields)
      lines.push(
        `  ${T.fields[field][lang]}: ${entries.map((e) => `${e.value} ${e.count} (${pct(e.share)})`).join(', ')}`,
      );
  }
  if (p.groups) {
    lines.push('', `${T.groups[lang]} ${p.by}:`);
    for (const g of p.groups)
      lines.push(
        `  ${g.label}: ${g.respondents} ${T.respondents[lang].toLowerCase()}, IKM ${g.ikm === null ? '-' : n(g.ikm)}, ${g.category?.label ?? '-'}`,
      );
  }
  lines.push('', `${T.quality[lang]}:${p.quality.length ? '' : ` ${T.clean[lang]}`}`);
  for (const q of p.quality)
    lines.push(`  [${T.severity[q.severity][lang]}] ${say(q.message, lang)}`);
  return lines.join('\n') + '\n';
}

function scoreTable(
  items: ItemScore[],
  n: (x: number | null, d?: number) => string,
  lang: Lang,
): string[] {
  const rows = [
    T.head[lang],
    ...items.map((i) => [
      `${i.code} ${i.name}`.slice(0, 44),
      String(i.answered),
      String(i.sum),
      n(i.nrr),
      n(i.weighted, 3),
      n(i.converted),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  );
}
