/**
 * The checker's readable report: a summary, the findings grouped by unit with
 * their cells, the district line and its two sentences.
 */
import type { Analysis } from '../engine/analyse';
import type { Finding, Severity } from '../engine/checks';
import { say, type Lang } from '../engine/messages';
import { formatEn, formatId } from '../engine/numbers';
import { findingMessage, unitCounts } from '../engine/report';
import { clean } from './reading';

const T = {
  title: { id: 'SKM Rekap: hasil pemeriksaan rekap', en: 'SKM Rekap: recap check results' },
  file: { id: 'Berkas', en: 'File' },
  sheet: { id: 'Lembar', en: 'Sheet' },
  table: { id: 'Tabel', en: 'Table' },
  rows: { id: 'baris', en: 'rows' },
  header: { id: 'judul', en: 'header' },
  averageAt: { id: 'rata-rata di baris', en: 'average line at row' },
  noAverage: { id: 'belum ada baris rata-rata', en: 'no average line yet' },
  units: { id: 'Unit', en: 'Units' },
  listed: { id: 'tercantum', en: 'listed' },
  withData: { id: 'berisi data', en: 'with data' },
  inAverage: { id: 'masuk rata-rata', en: 'in the average' },
  findings: { id: 'Temuan', en: 'Findings' },
  byUnit: { id: 'Temuan per unit', en: 'Findings by unit' },
  none: { id: 'Tidak ada temuan.', en: 'No findings.' },
  reading: { id: 'Pembacaan berkas', en: 'Reading the file' },
  left: { id: 'Tidak masuk rata-rata', en: 'Left out of the average' },
  realisation: { id: 'Realisasi tindak lanjut', en: 'Follow-up realisation' },
  reasons: {
    'no-data': { id: 'belum ada data', en: 'no data' },
    'service-only': { id: 'hanya baris per layanan', en: 'service records only' },
    'no-unsur': { id: 'hanya IKM tanpa nilai unsur', en: 'IKM only, no unsur values' },
  },
} as const;

const SEVERITY: Record<Severity, { id: string; en: string }> = {
  error: { id: 'Galat', en: 'Error' },
  warning: { id: 'Peringatan', en: 'Warning' },
  info: { id: 'Info', en: 'Info' },
};

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The report; `reading` holds the sentences on what was read (src/cli/reading.ts). */
export function textReport(
  file: string,
  a: Analysis,
  lang: Lang,
  reading: readonly string[] = [],
): string {
  const s = (t: { id: string; en: string }) => say(t, lang);
  const num = (x: number, d = 2) => (lang === 'id' ? formatId(x, d) : formatEn(x, d));
  const { table, findings, district } = a;
  const out: string[] = [];
  const units = unitCounts(a);
  const counts = countBySeverity(findings);
  out.push(s(T.title));
  out.push(`${s(T.file)}: ${file}`);
  out.push(`${s(T.sheet)}: "${table.sheet}"`);
  out.push(
    `${s(T.table)}: ${s(T.rows)} ${table.firstRow}-${table.lastRow} (${s(T.header)} ${table.headerRows.join('-')}), ` +
      (table.average ? `${s(T.averageAt)} ${table.average.row}` : s(T.noAverage)),
  );
  out.push(
    `${s(T.units)}: ${units.listed} ${s(T.listed)}, ${units.withData} ${s(T.withData)}, ${units.inAverage} ${s(T.inAverage)}`,
  );
  out.push(
    `${s(T.findings)}: ${counts.error} ${s(SEVERITY.error).toLowerCase()}, ${counts.warning} ${s(SEVERITY.warning).toLowerCase()}, ${counts.info} ${s(SEVERITY.info).toLowerCase()}`,
  );
  if (reading.length > 0) {
    out.push('');
    out.push(`${s(T.reading)}:`);
    for (const line of reading) out.push(`  ${line}`);
  }
  out.push('');
  out.push(`${s(T.byUnit)}:`);
  if (findings.length === 0) out.push(`  ${s(T.none)}`);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.unitNo ?? ''}\u0000${f.unit}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const f0 = list[0];
    out.push(`  ${f0.unitNo !== null ? `[${f0.unitNo}] ` : ''}${f0.unit}`);
    for (const f of list) {
      const where = [f.cell ?? `${s(T.rows)} ${f.row}`, f.period].filter(Boolean).join(', ');
      out.push(
        `    ${s(SEVERITY[f.severity]).padEnd(10)} ${where.padEnd(18)} ${findingMessage(f, lang)} (${f.code})`,
      );
    }
  }
  out.push('');
  out.push(`RATA-RATA ${district.level.toUpperCase()}:`);
  for (const u of district.unsur)
    out.push(`  ${u.code} ${u.name.padEnd(42)} ${Number.isFinite(u.value) ? num(u.value) : '-'}`);
  if (district.ikm !== null) out.push(`  IKM ${num(district.ikm)} ${district.category}`);
  if (district.realisation !== null)
    out.push(`  ${s(T.realisation)}: ${num(district.realisation)}%`);
  if (district.excluded.length > 0) {
    out.push(
      `  ${s(T.left)}: ${district.excluded.map((e) => `${e.unit.no ?? ''} ${e.unit.name} (${s(T.reasons[e.reason])})`.trim()).join('; ')}`,
    );
  }
  out.push('');
  if (district.sentences.lowest) out.push(say(district.sentences.lowest, lang));
  if (district.sentences.mostPrioritised) out.push(say(district.sentences.mostPrioritised, lang));
  // Every line escaped: a unit name or a sheet name is the user's text, never terminal control.
  return out.map(clean).join('\n') + '\n';
}
