/**
 * The report's conclusions drafted from the recap (BAB III Kesimpulan and the
 * multi-year trend of BAB II): every figure computed from the analysis.
 */
import { analyseSheet, type Analysis, type AnalysisResult } from './analyse';
import { recordHasData } from './records';
import type { DistrictLine, ExclusionReason } from './district';
import type { SheetGrid, Unit } from './model';
import { formatId, isBlank, type CellValue } from './numbers';
import { mean } from './precision';
import { category, categoryOfGrade, type Grade } from './scores';
import { normalise } from './unsur';
import { cellAt } from './grid';

export type Rhythm = 'Tahunan' | 'Semester' | 'Triwulan';
export const REPORTS_PER_RHYTHM: Record<Rhythm, number> = { Tahunan: 1, Semester: 2, Triwulan: 4 };

export interface UnitLine {
  no: number | string | null;
  name: string;
  ikm: number;
  grade: Grade;
}

export interface Reporting {
  /** Where the unit list came from: a sheet such as "Lampiran I", or the recap itself. */
  source: string;
  listed: number;
  withData: number;
  expectedReports: number;
  presentReports: number;
  byRhythm: { rhythm: Rhythm; units: number; expected: number; present: number }[];
}

export interface YearPoint {
  year: number;
  sheet: string;
  ikm: number;
  category: string;
  change: number | null;
}

export type TrendDirection = 'naik' | 'turun' | 'fluktuatif' | 'stabil';

export interface Summary {
  region: string | null;
  year: number | null;
  district: DistrictLine;
  categories: { grade: Grade; label: string; units: number; share: number }[];
  excluded: { no: number | string | null; name: string; reason: ExclusionReason }[];
  lowestUnits: UnitLine[];
  unitsWithErrors: { no: number | string | null; name: string; errors: number }[];
  reporting: Reporting;
  trend: { points: YearPoint[]; direction: TrendDirection | null };
  kesimpulan: string[];
}

const GRADES: Grade[] = ['A', 'B', 'C', 'D'];

/** Title lines above the table: "LINGKUP PEMERINTAH KABUPATEN BANJAR TAHUN 2025". */
function titleText(grid: SheetGrid, headerRow: number): string {
  const parts: string[] = [];
  const top = grid.origin?.row ?? 1;
  for (let r = top; r < headerRow; r++)
    for (const v of grid.values[r - top])
      // A year typed as a number in a cell of its own ("TAHUN" | 2025) is part of the title.
      if (typeof v === 'number' || (typeof v === 'string' && v.trim()))
        parts.push(String(v).trim());
  return parts.join(' ');
}

export function yearOf(sheetName: string, title: string): number | null {
  const m = /\b(20\d\d)\b/.exec(title) ?? /\b(20\d\d)\b/.exec(sheetName);
  return m ? Number(m[1]) : null;
}

export function regionOf(title: string): string | null {
  // The name ends at TAHUN, at a period of the year (SEMESTER I, TRIWULAN II, TW III, PERIODE) or
  // at a number: "KABUPATEN BANJAR SEMESTER I TAHUN 2025" is Kabupaten Banjar.
  const m =
    /\b(kabupaten|kota|provinsi)\s+([a-z][a-z .'-]*?)(?=\s+(?:tahun|semester|triwulan|tw|periode)\b|\s+\d|$)/i.exec(
      title.replace(/\s+/g, ' '),
    );
  if (!m) return null;
  const name = m[2]
    .trim()
    .toLowerCase()
    .replace(/\b\w/g, (c) => c.toUpperCase());
  return `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()} ${name}`;
}

/** A unit's annual IKM: the mean of its nine annual converted values. */
function unitLines(district: DistrictLine): UnitLine[] {
  return district.included.map((a) => {
    const ikm = mean(a.values);
    return { no: a.unit.no, name: a.unit.name, ikm, grade: category(ikm).grade };
  });
}

function readRhythm(v: CellValue): Rhythm | null {
  const n = normalise(String(v ?? ''));
  if (/\btriwulan|tw\b|kuartal/.test(n)) return 'Triwulan';
  if (/\bsemester|smt\b/.test(n)) return 'Semester';
  if (/\btahunan|tahun\b/.test(n)) return 'Tahunan';
  return null;
}

/**
 * A unit list such as "Lampiran I": a header with NO and a unit name and a
 * column telling each unit's rhythm (Tahunan, Semester, Triwulan).
 */
export function readUnitList(
  grid: SheetGrid,
): { no: number | string | null; name: string; rhythm: Rhythm }[] | null {
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  for (let r = top; r < top + Math.min(grid.values.length, 20); r++) {
    const row = grid.values[r - top];
    const texts = row.map((v) => normalise(String(v ?? '')));
    // A header labels two columns at least: a title line above the list ("DAFTAR UNIT PELAYANAN
    // ...") names units in its one cell, however wide its row.
    if (texts.filter((t) => t !== '').length < 2) continue;
    // "No", "No." or "Nomor Urut"; a code ("Kode No") or a decree's number ("Nomor SK") is none.
    const noCol = texts.findIndex((t) => /^(no|nomor)( urut)?$/.test(t));
    const nameCol = texts.findIndex((t) => /\b(unit|upp|opd|opp|perangkat daerah|nama)\b/.test(t));
    if (nameCol < 0) continue;
    // The rhythm column is the one whose cells below read as rhythms.
    let rhythmCol = -1;
    for (let c = 0; c < row.length && rhythmCol < 0; c++) {
      let hits = 0;
      // Past the sheet's last row a cell reads blank.
      for (let rr = r + 1; rr <= r + 10; rr++) if (readRhythm(cellAt(grid, rr, c + left))) hits++;
      if (hits >= 3 && c !== nameCol) rhythmCol = c;
    }
    if (rhythmCol < 0) continue;
    const units: { no: number | string | null; name: string; rhythm: Rhythm }[] = [];
    for (let rr = r + 1; rr < top + grid.values.length; rr++) {
      const name = cellAt(grid, rr, nameCol + left);
      const rhythm = readRhythm(cellAt(grid, rr, rhythmCol + left));
      if (isBlank(name) || !rhythm) continue;
      const noV = noCol >= 0 ? cellAt(grid, rr, noCol + left) : null;
      units.push({
        no: typeof noV === 'number' ? noV : isBlank(noV) ? null : String(noV),
        name: String(name).trim(),
        rhythm,
      });
    }
    return units.length > 0 ? units : null;
  }
  return null;
}

function unitRhythm(unit: Unit): Rhythm {
  if (unit.records.some((r) => r.period?.kind === 'quarter')) return 'Triwulan';
  if (unit.records.some((r) => r.period?.kind === 'semester')) return 'Semester';
  return 'Tahunan';
}

function reportsPresent(unit: Unit | undefined, rhythm: Rhythm): number {
  if (!unit) return 0;
  const kind = rhythm === 'Tahunan' ? 'annual' : rhythm === 'Semester' ? 'semester' : 'quarter';
  const indexes = new Set(
    unit.records
      .filter((r) => r.period?.kind === kind && recordHasData(r))
      .map((r) => r.period!.index),
  );
  return Math.min(indexes.size, REPORTS_PER_RHYTHM[rhythm]);
}

function reporting(
  a: Analysis,
  list: ReturnType<typeof readUnitList>,
  listSheet: string | null,
): Reporting {
  const units = a.table.units;
  // Listed units without a NO are matched by name only.
  const byNo = new Map(units.map((u) => [String(u.no), u]));
  const byName = new Map(units.map((u) => [normalise(u.name), u]));
  const entries = list
    ? list.map((e) => ({
        rhythm: e.rhythm,
        unit: (e.no !== null ? byNo.get(String(e.no)) : undefined) ?? byName.get(normalise(e.name)),
      }))
    : units.map((u) => ({ rhythm: unitRhythm(u), unit: u as Unit | undefined }));
  const rhythms: Rhythm[] = ['Tahunan', 'Semester', 'Triwulan'];
  const byRhythm = rhythms.map((rhythm) => {
    const these = entries.filter((e) => e.rhythm === rhythm);
    return {
      rhythm,
      units: these.length,
      expected: these.length * REPORTS_PER_RHYTHM[rhythm],
      present: these.reduce((s, e) => s + reportsPresent(e.unit, rhythm), 0),
    };
  });
  return {
    source: listSheet ?? a.table.sheet,
    listed: entries.length,
    withData: entries.filter((e) => e.unit && e.unit.records.some(recordHasData)).length,
    expectedReports: byRhythm.reduce((s, r) => s + r.expected, 0),
    presentReports: byRhythm.reduce((s, r) => s + r.present, 0),
    byRhythm,
  };
}

export function trendDirection(points: YearPoint[]): TrendDirection | null {
  const changes = points.map((p) => p.change).filter((c): c is number => c !== null);
  if (changes.length === 0) return null;
  if (changes.every((c) => Math.abs(c) < 0.005)) return 'stabil';
  if (changes.every((c) => c >= 0)) return 'naik';
  if (changes.every((c) => c <= 0)) return 'turun';
  return 'fluktuatif';
}

/** Other recap sheets of the workbook with a year in their name or title: the trend. */
function trend(
  a: Analysis,
  sheets: SheetGrid[],
  year: number | null,
  results: Map<string, AnalysisResult>,
): YearPoint[] {
  const points: YearPoint[] = [];
  for (const sheet of sheets) {
    const result = results.get(sheet.name)!;
    if (!result.ok || result.district.ikm === null) continue;
    const y =
      sheet.name === a.table.sheet
        ? year
        : yearOf(sheet.name, titleText(sheet, result.table.headerRows[0]));
    if (y === null || points.some((p) => p.year === y)) continue;
    points.push({
      year: y,
      sheet: sheet.name,
      ikm: result.district.ikm,
      category: category(result.district.ikm).label,
      change: null,
    });
  }
  points.sort((p, q) => p.year - q.year);
  points.forEach((p, i) => (p.change = i === 0 ? null : p.ikm - points[i - 1].ikm));
  return points.length >= 2 ? points : [];
}

const REASON_ID: Record<ExclusionReason, string> = {
  'no-data': 'belum ada data',
  'service-only': 'hanya baris per layanan',
  'no-unsur': 'hanya IKM tanpa nilai unsur',
};

export function reasonText(r: ExclusionReason): string {
  return REASON_ID[r];
}

export function summarise(a: Analysis, sheets: SheetGrid[]): Summary {
  const recapGrid = sheets.find((s) => s.name === a.table.sheet);
  const title = recapGrid ? titleText(recapGrid, a.table.headerRows[0]) : '';
  const year = yearOf(a.table.sheet, title);
  const region = regionOf(title);
  const lines = unitLines(a.district);
  const categories = GRADES.map((g) => {
    const units = lines.filter((l) => l.grade === g).length;
    return {
      grade: g,
      label: categoryOfGrade(g).label,
      units,
      share: lines.length ? units / lines.length : 0,
    };
  });
  const errorsByUnit = new Map<Unit, number>();
  for (const u of a.table.units) {
    const n = a.findings.filter(
      (f) => f.severity === 'error' && f.unit === u.name && f.unitNo === u.no,
    ).length;
    if (n > 0) errorsByUnit.set(u, n);
  }
  // Each sheet analysed once: another year's recap gives a point of the trend, never the unit list
  // (its NO, UPP and period columns would read as one).
  const results = new Map<string, AnalysisResult>(
    sheets.map((s) => [s.name, s.name === a.table.sheet ? { ...a, ok: true } : analyseSheet(s)]),
  );
  let list: ReturnType<typeof readUnitList> = null;
  let listSheet: string | null = null;
  for (const s of sheets) {
    if (results.get(s.name)!.ok) continue;
    const l = readUnitList(s);
    if (l) {
      list = l;
      listSheet = s.name;
      break;
    }
  }
  const rep = reporting(a, list, listSheet);
  const points = trend(a, sheets, year, results);
  const summary: Summary = {
    region,
    year,
    district: a.district,
    categories,
    excluded: a.district.excluded.map((e) => ({
      no: e.unit.no,
      name: e.unit.name,
      reason: e.reason,
    })),
    lowestUnits: [...lines].sort((p, q) => p.ikm - q.ikm).slice(0, 10),
    unitsWithErrors: Array.from(errorsByUnit, ([u, errors]) => ({
      no: u.no,
      name: u.name,
      errors,
    })),
    reporting: rep,
    trend: { points, direction: trendDirection(points) },
    kesimpulan: [],
  };
  summary.kesimpulan = kesimpulan(summary);
  return summary;
}

const n2 = (x: number) => formatId(x, 2);

/** BAB III Kesimpulan, in the report's order and register. */
export function kesimpulan(s: Summary): string[] {
  const d = s.district;
  const who = `${s.region ? `Pemerintah ${s.region}` : `tingkat ${d.level}`}${s.year ? ` Tahun ${s.year}` : ''}`;
  const out: string[] = [];
  if (d.ikm !== null) {
    out.push(
      `Nilai Indeks Kepuasan Masyarakat (IKM) ${who} adalah ${n2(d.ikm)} dengan mutu pelayanan ${d.category}.`,
    );
  }
  out.push(
    `Sebanyak ${s.reporting.withData} dari ${s.reporting.listed} OPP telah menyampaikan hasil SKM (${s.reporting.presentReports} dari ${s.reporting.expectedReports} laporan periode).`,
  );
  if (d.realisation !== null)
    out.push(
      `Rata-rata realisasi tindak lanjut hasil SKM periode sebelumnya adalah ${n2(d.realisation)}%.`,
    );
  if (d.sentences.lowest) out.push(d.sentences.lowest.id);
  if (d.sentences.mostPrioritised) out.push(d.sentences.mostPrioritised.id);
  const p = s.trend.points;
  if (p.length >= 2 && s.trend.direction) {
    const first = p[0];
    const last = p[p.length - 1];
    const word = {
      naik: 'cenderung meningkat',
      turun: 'cenderung menurun',
      fluktuatif: 'berfluktuasi',
      stabil: 'relatif stabil',
    }[s.trend.direction];
    out.push(
      `Nilai IKM tahun ${first.year}-${last.year} ${word}, dari ${n2(first.ikm)} pada tahun ${first.year} menjadi ${n2(last.ikm)} pada tahun ${last.year}.`,
    );
  }
  return out;
}
