/**
 * The checker on the real Banjar 2025 recap. What it must find is derived
 * from test/fixtures/recap.csv (the same data as printed) by recomputing here,
 * apart from the engine's code, with the rules of docs/skm-rules.md.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import type { JsonFinding, JsonReport } from '../../src/engine/report';
import { checkJson, FIXTURES, parseCsv, ROOT, run, SAMPLE, type Run } from './helpers';

// ---------------------------------------------------------------------------
// The data as printed, and the rules recomputed on it.

type Row = Record<string, string>;
const RECORDS: Row[] = parseCsv(readFileSync(path.join(FIXTURES, 'recap.csv'), 'utf8'));
const LAMPIRAN_I: Row[] = parseCsv(readFileSync(path.join(FIXTURES, 'lampiran-i.csv'), 'utf8'));

const U = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const isSubRecord = (r: Row) => /SERVICE-LEVEL SUB-ROW|ORPHAN ROW/.test(r.notes);
/** The period label a finding carries: null for a service sub-record. */
const periodOf = (r: Row) => (isSubRecord(r) || r.period === '' ? null : r.period);
const key = (no: string | number | null, period: string | null) => `${no}|${period}`;
const line = (r: Row, prefix: 'nrr' | 'conv') => U.map((i) => r[`${prefix}_u${i}`].trim());
const complete = (xs: string[]) => xs.every((x) => x !== '');
/** Decimals of the shortest decimal form of a number written as printed ("83.60" has 1). */
const decimals = (s: string) => (s.split('.')[1] ?? '').replace(/0+$/, '').length;
const lineDecimals = (xs: string[]) => Math.max(...xs.map(decimals));
const half = (d: number) => (d >= 6 ? 0 : 0.5 * 10 ** -d);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const EPS = 1e-9;

/** The record's nine values on 25-100 with their half-units (§5). */
function effective(r: Row): { values: number[]; half: number[] } | null {
  const nrr = line(r, 'nrr');
  const conv = line(r, 'conv');
  if (complete(conv)) {
    const c = conv.map(Number);
    const hConv = half(lineDecimals(conv));
    if (!complete(nrr)) return { values: c, half: c.map(() => hConv) };
    const n = nrr.map(Number);
    const hNrr = half(lineDecimals(nrr));
    return {
      values: c,
      half: c.map((v, i) => (Math.abs(v - 25 * n[i]) <= EPS ? 25 * hNrr : hConv)),
    };
  }
  if (complete(nrr)) {
    const hNrr = half(lineDecimals(nrr));
    return { values: nrr.map((v) => 25 * Number(v)), half: nrr.map(() => 25 * hNrr) };
  }
  return null;
}

/** Category band of an IKM (§3): rounded half away from zero to 2 decimals. */
function band(ikm: number): string {
  const r = Math.floor(ikm * 100 + 0.5 + 1e-9) / 100;
  return r >= 88.31 ? 'A' : r >= 76.61 ? 'B' : r >= 65 ? 'C' : 'D';
}

function ikmDisagrees(r: Row): { expected: number; actual: number } | null {
  const e = effective(r);
  if (!e || r.ikm.trim() === '') return null;
  const ikm = Number(r.ikm);
  if (ikm < 25 || ikm > 100) return null;
  const expected = mean(e.values);
  return Math.abs(ikm - expected) > mean(e.half) + half(decimals(r.ikm)) + EPS
    ? { expected, actual: ikm }
    : null;
}

function conversionDisagreements(r: Row): number[] {
  const nrr = line(r, 'nrr');
  const conv = line(r, 'conv');
  if (!complete(nrr) || !complete(conv)) return [];
  const tol = 25 * half(lineDecimals(nrr)) + half(lineDecimals(conv)) + EPS;
  return U.filter((i) => Math.abs(Number(conv[i - 1]) - 25 * Number(nrr[i - 1])) > tol);
}

function categoryDisagrees(r: Row): boolean {
  if (r.ikm.trim() === '' || r.category.trim() === '') return false;
  const ikm = Number(r.ikm);
  if (ikm < 25 || ikm > 100) return false;
  const letter = /^\(?\s*([ABCD])\b/.exec(r.category.trim())?.[1];
  return letter !== band(ikm);
}

/** The units of the district line (§7): Tahunan record, else the mean of the period records. */
function districtFromCsv() {
  const byUnit = new Map<string, Row[]>();
  for (const r of RECORDS) if (!isSubRecord(r)) byUnit.set(r.no, [...(byUnit.get(r.no) ?? []), r]);
  const annuals: number[][] = [];
  const realisations: number[] = [];
  for (const rows of byUnit.values()) {
    const annual = rows.find((r) => r.period === 'Tahunan' && effective(r));
    const periods = rows.filter((r) => r.period !== 'Tahunan' && r.period !== '' && effective(r));
    if (annual) annuals.push(effective(annual)!.values);
    else if (periods.length > 0)
      annuals.push(U.map((_, i) => mean(periods.map((p) => effective(p)!.values[i]))));
    else continue;
    const annualReal = rows.find((r) => r.period === 'Tahunan' && r.realisation_pct.trim() !== '');
    const periodReals = rows
      .filter((r) => r.period !== 'Tahunan' && r.period !== '' && r.realisation_pct.trim() !== '')
      .map((r) => Number(r.realisation_pct));
    if (annualReal) realisations.push(Number(annualReal.realisation_pct));
    else if (periodReals.length > 0) realisations.push(mean(periodReals));
  }
  const unsur = U.map((_, i) => mean(annuals.map((a) => a[i])));
  return { units: annuals.length, unsur, ikm: mean(unsur), realisation: mean(realisations) };
}

// ---------------------------------------------------------------------------

/** Severity of each check code, as docs/skm-rules.md §8 lists it. */
const SEVERITY_8: Record<string, string> = {
  'no-data': 'warning',
  'period-missing': 'warning',
  'annual-missing': 'warning',
  'not-a-number': 'error',
  'text-number': 'info',
  'unsur-missing': 'error',
  'mixed-scale': 'error',
  'nrr-out-of-range': 'error',
  'conversion-out-of-range': 'error',
  'conversion-mismatch': 'error',
  'ikm-missing': 'error',
  'ikm-out-of-range': 'error',
  'ikm-mismatch': 'error',
  'category-missing': 'warning',
  'category-mismatch': 'error',
  'respondents-invalid': 'error',
  'realisation-out-of-range': 'error',
  'annual-mismatch': 'error',
  'annual-respondents-mismatch': 'warning',
  'duplicate-values': 'warning',
  'priority-unknown': 'warning',
  'priority-not-lowest': 'info',
  'average-row-mismatch': 'warning',
};

let checked: Run;
let report: JsonReport;
const ofCode = (code: string) => report.findings.filter((f) => f.code === code);
const sortedKeys = (fs: JsonFinding[]) => fs.map((f) => key(f.unitNo, f.period)).sort();

beforeAll(async () => {
  ({ run: checked, report } = await checkJson(SAMPLE));
});

describe('skm-rekap check rekap-skm-banjar-2025.xlsx --json', () => {
  it('exits 1: the recap holds errors', () => {
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe('');
  });

  it('finds the table: header rows 4-5, records 6-333, the printed average line at 334', () => {
    expect(report.file).toBe('rekap-skm-banjar-2025.xlsx');
    expect(report.sheet).toBe('Rekap SKM OPP 2025');
    expect(report.table).toEqual({
      headerRows: [4, 5],
      firstRow: 6,
      lastRow: 333,
      averageRow: 334,
    });
  });

  it('counts the units: the 100 of Lampiran I listed, 92 with data, 90 in the average', () => {
    const withData = new Set(RECORDS.map((r) => r.no));
    const inAverage = new Set(RECORDS.filter((r) => !isSubRecord(r)).map((r) => r.no));
    expect(report.units).toEqual({
      listed: LAMPIRAN_I.length,
      withData: withData.size,
      inAverage: inAverage.size,
    });
    expect(report.units).toEqual({ listed: 100, withData: 92, inAverage: 90 });
  });
});

describe('findings derived from the data', () => {
  it('unit 10: the printed IKM 84,58 is not the mean of its unsur x 25 (94,72), at N32', () => {
    expect(ofCode('ikm-mismatch').filter((f) => f.unitNo === 10)).toEqual([
      expect.objectContaining({
        severity: 'error',
        sheet: 'Rekap SKM OPP 2025',
        row: 32,
        cell: 'N32',
        unitNo: 10,
        unit: 'DINAS TENAGA KERJA DAN TRANSMIGRASI (DISNAKERTRANS)',
        period: 'Tahunan',
        unsur: null,
        expected: expect.closeTo(94.72, 2),
        actual: 84.58,
        message: 'IKM tertulis 84,58, tetapi rata-rata sembilan unsur x 25 = 94,72.',
      }),
    ]);
  });

  it('unit 43: "A (Sangat Baik)" for IKM 87,08, which is B, at O112', () => {
    expect(ofCode('category-mismatch').filter((f) => f.unitNo === 43)).toEqual([
      expect.objectContaining({
        row: 112,
        cell: 'O112',
        period: 'Tahunan',
        expected: 'B (Baik)',
        actual: 'A (Sangat Baik)',
      }),
    ]);
  });

  it('unit 49: the converted values of U8 and U9 are swapped, at L125 and M125', () => {
    expect(ofCode('conversion-mismatch').filter((f) => f.unitNo === 49)).toEqual([
      expect.objectContaining({
        row: 124,
        cell: 'L125',
        unsur: 'U8',
        expected: expect.closeTo(89.75, 9),
        actual: 89.5,
        cause: 'swapped',
      }),
      expect.objectContaining({
        row: 124,
        cell: 'M125',
        unsur: 'U9',
        expected: expect.closeTo(89.5, 9),
        actual: 89.75,
        cause: 'swapped',
      }),
    ]);
  });

  it('no-data: exactly the units of Lampiran I with no record in the recap (28, 29, 53, 54, 60, 87, 88, 91)', () => {
    const inRecap = new Set(RECORDS.map((r) => r.no));
    const missing = LAMPIRAN_I.filter((u) => !inRecap.has(u.no)).map((u) => Number(u.no));
    expect(missing).toEqual([28, 29, 53, 54, 60, 87, 88, 91]);
    expect(ofCode('no-data').map((f) => f.unitNo)).toEqual(missing);
    for (const f of ofCode('no-data'))
      expect(f).toEqual(
        expect.objectContaining({ severity: 'warning', period: null, cell: `B${f.row}` }),
      );
  });

  it('ikm-mismatch: exactly the records whose printed IKM is beyond the tolerance of the mean of their unsur', () => {
    const expected = RECORDS.filter((r) => ikmDisagrees(r) !== null);
    expect(expected.length).toBeGreaterThan(10);
    expect(sortedKeys(ofCode('ikm-mismatch'))).toEqual(
      expected.map((r) => key(Number(r.no), periodOf(r))).sort(),
    );
    for (const r of expected) {
      const d = ikmDisagrees(r)!;
      const f = ofCode('ikm-mismatch').find(
        (x) => x.unitNo === Number(r.no) && x.period === periodOf(r) && x.actual === d.actual,
      );
      expect(f?.expected).toBeCloseTo(d.expected, 9);
    }
  });

  it('ikm-mismatch names the causes seen in the data: weight 0.111 (unit 11), weight 0.11 (unit 20), a copied IKM (units 55 and 56)', () => {
    const cause = (no: number) => ofCode('ikm-mismatch').find((f) => f.unitNo === no)?.cause;
    expect(cause(11)).toBe('weight-0.111');
    expect(cause(20)).toBe('weight-0.11');
    expect(cause(55)).toBe('copied');
    expect(cause(56)).toBe('copied');
  });

  it('conversion-mismatch: exactly the converted values beyond the tolerance of NRR x 25', () => {
    const expected = RECORDS.flatMap((r) =>
      conversionDisagreements(r).map((i) => `${key(Number(r.no), periodOf(r))}|U${i}`),
    ).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(
      ofCode('conversion-mismatch')
        .map((f) => `${key(f.unitNo, f.period)}|${f.unsur}`)
        .sort(),
    ).toEqual(expected);
  });

  it('category-mismatch: exactly the records whose category is not the band of their printed IKM', () => {
    const expected = RECORDS.filter(categoryDisagrees).map((r) => key(Number(r.no), periodOf(r)));
    expect(sortedKeys(ofCode('category-mismatch'))).toEqual(expected.sort());
  });

  it('gives no error at all to the units whose numbers agree', () => {
    const byUnit = new Map<string, Row[]>();
    for (const r of RECORDS) byUnit.set(r.no, [...(byUnit.get(r.no) ?? []), r]);
    const clean = [...byUnit.entries()]
      .filter(
        ([, rows]) => rows.length === 1 && rows[0].period === 'Tahunan' && !isSubRecord(rows[0]),
      )
      .filter(([, [r]]) => {
        const lines = [line(r, 'nrr'), line(r, 'conv')];
        const noPartialLine = lines.every((l) => complete(l) || l.every((x) => x === ''));
        const respondents = Number(r.respondents);
        const realisation = Number(r.realisation_pct || 0);
        return (
          noPartialLine &&
          effective(r) !== null &&
          conversionDisagreements(r).length === 0 &&
          ikmDisagrees(r) === null &&
          r.category !== '' &&
          !categoryDisagrees(r) &&
          Number.isInteger(respondents) &&
          respondents > 0 &&
          realisation >= 0 &&
          realisation <= 100
        );
      })
      .map(([no]) => Number(no));
    expect(clean.length).toBeGreaterThan(30);
    const withErrors = new Set(
      report.findings.filter((f) => f.severity === 'error').map((f) => f.unitNo),
    );
    expect(clean.filter((no) => withErrors.has(no))).toEqual([]);
  });

  it('reads the cells stored as text in the workbook (units 9, 33, 40, 57) as numbers: info, not errors', () => {
    for (const no of [9, 33, 40, 57]) {
      const mine = report.findings.filter((f) => f.unitNo === no);
      expect(mine.some((f) => f.code === 'text-number')).toBe(true);
      expect(mine.filter((f) => f.code === 'not-a-number')).toEqual([]);
    }
  });
});

describe('the district line (§7)', () => {
  const independent = districtFromCsv();

  it('lists the nine unsur in order, U1..U9', () => {
    expect(report.district.unsur.map((u) => u.code)).toEqual([
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
      'U7',
      'U8',
      'U9',
    ]);
    expect(report.district.unsur.map((u) => u.name)).toEqual([
      'Persyaratan',
      'Sistem, Mekanisme, dan Prosedur',
      'Waktu Penyelesaian',
      'Biaya/Tarif',
      'Produk Spesifikasi Jenis Pelayanan',
      'Kompetensi Pelaksana',
      'Perilaku Pelaksana',
      'Penanganan Pengaduan, Saran dan Masukan',
      'Sarana dan Prasarana',
    ]);
  });

  it('matches an independent recomputation from the CSV to 1e-6', () => {
    expect(independent.units).toBe(report.units.inAverage);
    report.district.unsur.forEach((u, i) =>
      expect(Math.abs(u.value! - independent.unsur[i])).toBeLessThan(1e-6),
    );
    expect(Math.abs(report.district.ikm! - independent.ikm)).toBeLessThan(1e-6);
    expect(Math.abs(report.district.realisation! - independent.realisation)).toBeLessThan(1e-6);
  });

  it('gives IKM 87,68 B (Baik) and a realisation of 83,2%', () => {
    expect(report.district.ikm).toBeCloseTo(87.68, 2);
    expect(report.district.category).toBe('B (Baik)');
    expect(report.district.realisation).toBeCloseTo(83.2, 1);
  });

  it('names U3 Waktu Penyelesaian (86,00) as the lowest unsur', () => {
    expect(report.district.lowest).toEqual([
      { code: 'U3', name: 'Waktu Penyelesaian', value: expect.closeTo(86.0, 2) },
    ]);
    expect(report.district.sentences.lowest).toBe(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 86,00.',
    );
  });

  it('names U3 as the most prioritised unsur, in 53 units', () => {
    const units = new Set(
      RECORDS.filter((r) => /\bwaktu\b/i.test(r.priority_elements)).map((r) => r.no),
    );
    expect(units.size).toBe(53);
    expect(report.district.mostPrioritised).toEqual([
      { code: 'U3', name: 'Waktu Penyelesaian', units: units.size },
    ]);
    expect(report.district.sentences.mostPrioritised).toBe(
      'Waktu Penyelesaian merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (53 unit).',
    );
  });

  it('flags the printed line where it differs from the recomputed one (87,31 against 87,23 for U1)', () => {
    expect(ofCode('average-row-mismatch').find((f) => f.unsur === 'U1')).toEqual(
      expect.objectContaining({
        severity: 'warning',
        row: 334,
        cell: 'E334',
        actual: 87.31,
        expected: expect.closeTo(independent.unsur[0], 6),
      }),
    );
  });
});

describe('the JSON report shape (§9)', () => {
  it('has the keys of §9 at the top and in its parts', () => {
    expect(Object.keys(report).sort()).toEqual([
      'district',
      'file',
      'findings',
      'reading',
      'sheet',
      'table',
      'units',
    ]);
    expect(Object.keys(report.table).sort()).toEqual([
      'averageRow',
      'firstRow',
      'headerRows',
      'lastRow',
    ]);
    expect(Object.keys(report.units).sort()).toEqual(['inAverage', 'listed', 'withData']);
    expect(Object.keys(report.district).sort()).toEqual([
      'category',
      'ikm',
      'lowest',
      'mostPrioritised',
      'realisation',
      'sentences',
      'unsur',
    ]);
    expect(Object.keys(report.district.sentences).sort()).toEqual(['lowest', 'mostPrioritised']);
  });

  it('gives every finding the fields of §9 with their types', () => {
    const required = [
      'code',
      'severity',
      'sheet',
      'row',
      'cell',
      'unitNo',
      'unit',
      'period',
      'unsur',
      'expected',
      'actual',
      'message',
    ];
    const numberOrStringOrNull = (v: unknown) =>
      v === null || typeof v === 'number' || typeof v === 'string';
    expect(report.findings.length).toBeGreaterThan(50);
    for (const f of report.findings) {
      for (const k of required) expect(f).toHaveProperty(k);
      expect(SEVERITY_8[f.code]).toBe(f.severity);
      expect(f.sheet).toBe('Rekap SKM OPP 2025');
      expect(Number.isInteger(f.row)).toBe(true);
      expect(f.cell === null || /^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)).toBe(true);
      expect(numberOrStringOrNull(f.unitNo)).toBe(true);
      expect(typeof f.unit).toBe('string');
      expect(
        f.period === null || /^(Tahunan|Semester (I|II)|Triwulan (I|II|III|IV))$/.test(f.period),
      ).toBe(true);
      expect(f.unsur === null || /^U[1-9]$/.test(f.unsur)).toBe(true);
      expect(numberOrStringOrNull(f.expected)).toBe(true);
      expect(numberOrStringOrNull(f.actual)).toBe(true);
      expect(typeof f.message).toBe('string');
      expect(f.message.length).toBeGreaterThan(10);
    }
  });

  it("gives rows as in the sheet: a finding's cell lies on its record's two lines (or on the unit's first row)", () => {
    for (const f of report.findings) {
      expect(f.row).toBeGreaterThanOrEqual(report.table.firstRow);
      expect(f.row).toBeLessThanOrEqual(report.table.averageRow!);
      if (f.cell === null) continue;
      const cellRow = Number(/\d+$/.exec(f.cell)![0]);
      expect([f.row, f.row + 1]).toContain(cellRow);
    }
  });

  it('gives plain numbers, not rounded for display', () => {
    expect(report.district.unsur.every((u) => typeof u.value === 'number')).toBe(true);
    expect(report.district.ikm).not.toBe(87.68);
    const n32 = ofCode('ikm-mismatch').find((f) => f.cell === 'N32')!;
    expect(n32.expected).not.toBe(94.72);
  });
});

describe('the other ways of running the checker', () => {
  it('prints a readable report without --json', async () => {
    const r = await run('check', SAMPLE);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Lembar: "Rekap SKM OPP 2025"');
    expect(r.stdout).toContain('Unit: 100 tercantum, 92 berisi data, 90 masuk rata-rata');
    expect(r.stdout).toContain('N32, Tahunan');
    expect(r.stdout).toContain(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 86,00.',
    );
  });

  it('exits 0 with --exit-zero', async () => {
    expect((await run('check', SAMPLE, '--json', '--exit-zero')).code).toBe(0);
  });

  it('gives the same report through bin/skm-rekap.js in a child process', () => {
    const child = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/skm-rekap.js'), 'check', SAMPLE, '--json'],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(report);
  });
});
