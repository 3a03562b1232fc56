/**
 * Lampiran I (the unit list with each unit's period kind and report link)
 * and Lampiran II (the recap table itself), read from the workbook as
 * written: the recap's cells in Indonesian number form, nothing recomputed
 * but the district line, which is the engine's.
 */
import { recordHasData } from '../engine/checks';
import { cellAt } from '../engine/grid';
import type { ColumnRole, SheetGrid, SkmRecord, Unit } from '../engine/model';
import { isBlank, type CellValue } from '../engine/numbers';
import { normalise, UNSUR } from '../engine/unsur';
import type { ReportContext } from './context';
import { asTyped, cellText, count, id2, pct2, upper } from './format';
import { cell, t, type Block, type Cell } from './model';

const str = (v: CellValue) => (isBlank(v) ? '' : String(v).trim());

function recapGrid(c: ReportContext): SheetGrid {
  return c.sheets.find((s) => s.name === c.analysis.table.sheet)!;
}

/** A record's cell in a column the engine maps but does not keep (method, RTL, services). */
function recordCell(c: ReportContext, rec: SkmRecord, role: ColumnRole): string {
  const col = c.analysis.table.columns.roles[role];
  return col === undefined ? '' : str(cellAt(recapGrid(c), rec.firstRow, col));
}

/** Units with data that wrote a follow-up plan (RTL) on any record. */
export function unitsWithPlans(c: ReportContext): number {
  const role = c.analysis.table.columns.roles.rtl !== undefined ? 'rtl' : 'priority';
  return c.analysis.table.units.filter(
    (u) => u.records.some(recordHasData) && u.records.some((r) => recordCell(c, r, role) !== ''),
  ).length;
}

// ---------------------------------------------------------------------------
// Lampiran I

export interface UnitListRow {
  no: string;
  name: string;
  period: string;
  link: string;
}

const EXPANDED: Record<string, string> = {
  tahunan: 'Tahunan',
  semester: 'Semester I, II',
  triwulan: 'Triwulan I, II, III, IV',
};

function unitPeriod(u: Unit): string {
  const kinds = new Set(u.records.map((r) => r.period?.kind));
  return kinds.has('quarter')
    ? EXPANDED.triwulan
    : kinds.has('semester')
      ? EXPANDED.semester
      : EXPANDED.tahunan;
}

/** The unit list sheet the summary counted reports against (e.g. "Lampiran I"), read with its link column. */
export function unitList(c: ReportContext): { source: string; rows: UnitListRow[] } {
  const source = c.summary.reporting.source;
  const grid =
    source !== c.analysis.table.sheet ? c.sheets.find((s) => s.name === source) : undefined;
  const read = grid ? readList(grid) : null;
  if (read) return { source, rows: read };
  return {
    source: c.analysis.table.sheet,
    rows: c.analysis.table.units.map((u) => ({
      no: str(u.no),
      name: u.name,
      period: unitPeriod(u),
      link: '',
    })),
  };
}

function readList(grid: SheetGrid): UnitListRow[] | null {
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  for (let i = 0; i < Math.min(grid.values.length, 20); i++) {
    const texts = (grid.values[i] ?? []).map((v) => normalise(str(v)));
    const find = (re: RegExp) => texts.findIndex((x) => re.test(x));
    const noCol = find(/^(no|nomor)$/);
    const nameCol = find(/\b(unit|upp|opd|opp|perangkat daerah|nama)\b/);
    if (nameCol < 0) continue;
    const periodCol = find(/\b(keterangan|periode|pelaksanaan|frekuensi)\b/);
    const linkCol = find(/\b(link|tautan|url|bukti)\b/);
    const rows: UnitListRow[] = [];
    for (let r = top + i + 1; r < top + grid.values.length; r++) {
      const name = str(cellAt(grid, r, left + nameCol));
      if (!name) continue;
      const period = periodCol >= 0 ? str(cellAt(grid, r, left + periodCol)) : '';
      rows.push({
        no: noCol >= 0 ? str(cellAt(grid, r, left + noCol)) : '',
        name,
        period: EXPANDED[normalise(period)] ?? period,
        link: linkCol >= 0 ? str(cellAt(grid, r, left + linkCol)) : '',
      });
    }
    return rows.length > 0 ? rows : null;
  }
  return null;
}

export function lampiranI(c: ReportContext): Block[] {
  const list = unitList(c);
  return [
    {
      kind: 'heading',
      level: 1,
      text: 'LAMPIRAN I. BUKTI DUKUNG LAPORAN PELAKSANAAN SKM PADA MASING-MASING OPP',
    },
    {
      kind: 'table',
      caption: `Daftar unit pelayanan publik (lembar "${list.source}")`,
      table: {
        widths: [7, 50, 18, 25],
        fontSize: 9,
        header: [
          ['NO', 'UNIT PELAYANAN PUBLIK (UPP)', 'Keterangan', 'Link Laporan SKM'].map((h) =>
            cell(h, { shade: true, align: 'center' }),
          ),
        ],
        rows: list.rows.map((r) => [
          cell(r.no, { align: 'center' }),
          cell(r.name),
          cell(r.period),
          /^https?:\/\//i.test(r.link)
            ? { runs: [t(r.link, { link: r.link })] }
            : cell(r.link || '-', { align: r.link ? 'left' : 'center' }),
        ]),
      },
    },
  ];
}

// ---------------------------------------------------------------------------
// Lampiran II

const RECORD_HEADERS = [
  'IKM',
  'Kategori',
  'Jumlah Responden',
  'Metode SKM',
  'Unsur Perbaikan',
  'Rencana Tindak Lanjut',
  'Realisasi Tindak Lanjut Periode Sebelumnya (%)',
];
/** NO, UPP, Periode, Jenis Layanan, nine unsur, then the record's cells. */
const WIDTHS = [3, 12, 6, 10, ...UNSUR.map(() => 4.3), 4.6, 5.5, 4.6, 6, 10, 16, 5.5];

function recordRows(c: ReportContext, rec: SkmRecord): Cell[][] {
  const lines = [rec.nrr, rec.conv].filter((l) => l !== null);
  const span = Math.max(1, lines.length);
  const rs = (text: string, align: Cell['align'] = 'left'): Cell =>
    cell(text, { rowSpan: span, align });
  const values = (i: number): Cell[] =>
    UNSUR.map((_, k) => cell(cellText(lines[i]?.values[k]), { align: 'right' }));
  const first: Cell[] = [
    rs(rec.period?.label ?? ''),
    rs(rec.service ?? recordCell(c, rec, 'services')),
    ...values(0),
    rs(cellText(rec.ikm?.parsed), 'right'),
    rs(rec.category ? str(rec.category.raw) : ''),
    rs(
      rec.respondents?.parsed.kind === 'number'
        ? count(rec.respondents.parsed.value)
        : cellText(rec.respondents?.parsed),
      'right',
    ),
    rs(recordCell(c, rec, 'method')),
    rs(rec.priority ? str(rec.priority.raw) : ''),
    rs(recordCell(c, rec, 'rtl')),
    rs(
      rec.realisationPct !== null
        ? `${asTyped(rec.realisationPct, 2)}%`
        : cellText(rec.realisation?.parsed),
      'right',
    ),
  ];
  return span === 2 ? [first, values(1)] : [first];
}

export function lampiranII(c: ReportContext): Block[] {
  const { table, district: d } = c.analysis;
  const rows: Cell[][] = [];
  for (const u of table.units) {
    const unitRows = u.records.flatMap((rec) => recordRows(c, rec));
    if (unitRows.length === 0) unitRows.push(new Array(18).fill(null).map(() => cell('')));
    unitRows[0].unshift(
      cell(str(u.no), { rowSpan: unitRows.length, align: 'center' }),
      cell(u.name, { rowSpan: unitRows.length }),
    );
    rows.push(...unitRows);
  }
  const label = table.average?.label ?? `RATA-RATA ${upper(c.levelWord)}`;
  rows.push([
    cell(label, { colSpan: 4, shade: true }),
    ...d.unsur.map((x) =>
      cell(Number.isFinite(x.value) ? id2(x.value) : '', { align: 'right', shade: true }),
    ),
    cell(d.ikm !== null ? id2(d.ikm) : '', { align: 'right', shade: true }),
    cell(d.category ?? '', { shade: true }),
    cell('', { colSpan: 5, shade: true }),
    cell(d.realisation !== null ? pct2(d.realisation) : '', { align: 'right', shade: true }),
  ]);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'LAMPIRAN II. HASIL PELAKSANAAN SKM OPP' },
    {
      kind: 'table',
      caption: `Rekapitulasi hasil pelaksanaan SKM OPP (lembar "${table.sheet}"; setiap catatan: baris NRR, lalu baris nilai konversi)`,
      table: {
        widths: WIDTHS,
        fontSize: 6,
        header: [
          [
            ...['NO', 'Unit Pelayanan Publik (UPP)', 'Periode Survei', 'Jenis Layanan'].map((h) =>
              cell(h, { rowSpan: 2, shade: true, align: 'center' }),
            ),
            cell('Nilai Per Unsur', { colSpan: 9, shade: true, align: 'center' }),
            ...RECORD_HEADERS.map((h) => cell(h, { rowSpan: 2, shade: true, align: 'center' })),
          ],
          UNSUR.map((u) => cell(u.short, { shade: true, align: 'center' })),
        ],
        rows,
      },
    },
  ];
  if (c.settings.recapLink)
    blocks.push({
      kind: 'para',
      runs: [
        t('Tautan rekap: '),
        t(c.settings.recapLink, {
          link: /^https?:\/\//i.test(c.settings.recapLink) ? c.settings.recapLink : undefined,
        }),
      ],
    });
  return blocks;
}
