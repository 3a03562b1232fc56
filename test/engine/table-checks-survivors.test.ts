/**
 * Behaviours of the table checks (src/engine/table-checks.ts: a unit's periods against its
 * Tahunan record, duplicates, the order of the findings) that StrykerJS found unguarded (issue 16).
 */
import type { Finding } from '../../src/engine/checks';
import type { CellValue } from '../../src/engine/numbers';
import {
  analyse,
  BANJAR_COLUMNS,
  BASE,
  layanan,
  OTHER,
  recap,
  semester,
  tahunan,
  triwulan,
  unit,
  withValues,
  type RecapOptions,
  type UnitSpec,
} from './grid';

const findingsOf = (units: UnitSpec[], options?: RecapOptions): Finding[] =>
  analyse(recap(units, options)).findings;
const mismatches = (units: UnitSpec[]) =>
  findingsOf(units).filter((f) => f.code === 'annual-mismatch');
const blank = new Array<CellValue>(9).fill('');
/** A record with its IKM only: both unsur lines left blank. */
const ikmOnly = (ikm: CellValue) => ({ nrr: blank, conv: blank, ikm, category: 'B (Baik)' });

describe('a Tahunan record with its IKM only, against the mean of its four Triwulan IKMs', () => {
  const quarters = (ikms: CellValue[]) =>
    ikms.map((ikm, i) => triwulan((i + 1) as 1, ikmOnly(ikm)));

  it('is named where its IKM is not the mean of theirs (81,00, not 80,00)', () => {
    const found = mismatches([
      unit(
        1,
        'DINAS A',
        tahunan(ikmOnly('80,00')),
        ...quarters(['78,00', '80,00', '82,00', '84,00']),
      ),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual(expect.objectContaining({ cell: 'N3', actual: 80, expected: 81 }));
  });

  it('passes where it is the mean, to the rounding of the IKMs typed', () => {
    const units = (annual: string) => [
      unit(
        1,
        'DINAS A',
        tahunan(ikmOnly(annual)),
        ...quarters(['78,00', '80,00', '82,00', '84,01']),
      ),
    ];
    expect(mismatches(units('81,00'))).toEqual([]);
    expect(mismatches(units('81,01'))).toEqual([]);
    expect(mismatches(units('81,02'))).toHaveLength(1);
  });

  it('is not compared while a Triwulan lacks its IKM', () => {
    expect(
      mismatches([
        unit(1, 'DINAS A', tahunan(ikmOnly('70,00')), ...quarters(['78,00', '80,00', '82,00', ''])),
      ]),
    ).toEqual([]);
  });

  it('is not compared on its IKM where it has some unsur values: those are what is checked', () => {
    const partly = { ...ikmOnly('70,00'), nrr: withValues(blank, { U1: '3,2' }) };
    expect(
      mismatches([
        unit(1, 'DINAS A', tahunan(partly), ...quarters(['78,00', '80,00', '82,00', '84,00'])),
      ]),
    ).toEqual([]);
    const converted = { ...ikmOnly('70,00'), conv: withValues(blank, { U9: '80' }) };
    expect(
      mismatches([
        unit(1, 'DINAS A', tahunan(converted), ...quarters(['78,00', '80,00', '82,00', '84,00'])),
      ]),
    ).toEqual([]);
  });
});

describe('a Tahunan record with its NRR line only, against its Triwulan records', () => {
  it('names the unsur that differs with NRR values, as the line was typed', () => {
    const q = (i: 1 | 2 | 3 | 4) =>
      triwulan(i, { nrr: BASE.nrr, conv: blank, ikm: BASE.ikm, category: BASE.category });
    const annual = tahunan({
      nrr: withValues(BASE.nrr, { U2: 3.6 }),
      conv: blank,
      ikm: BASE.ikm,
      category: BASE.category,
    });
    const found = mismatches([unit(1, 'DINAS A', annual, q(1), q(2), q(3), q(4))]);
    expect(found).toHaveLength(1);
    expect(found[0].unsur).toBe('U2');
    expect(found[0].actual).toBeCloseTo(3.6, 9);
    expect(found[0].expected).toBeCloseTo(3.404, 9);
  });
});

describe('the findings of a table', () => {
  it('come in sheet order: by row, and along a row by column, whichever check found them', () => {
    // DINAS B repeats DINAS A's lines (a duplicate, found after every record check) and DINAS C
    // has an IKM that is not its mean and a converted value over 100 on one row.
    const units = [
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan(BASE)),
      unit(3, 'DINAS C', tahunan({ ...BASE, conv: withValues(BASE.conv, { U9: 101 }), ikm: 70 })),
    ];
    const findings = findingsOf(units);
    expect(new Set(findings.map((f) => f.row)).size).toBeGreaterThan(1);
    const key = (f: Finding) => [f.row, f.at ? f.at.row : f.row, f.at ? f.at.col : 0];
    const sorted = [...findings].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
    });
    expect(findings.map((f) => `${f.code}@${f.cell ?? f.row}`)).toEqual(
      sorted.map((f) => `${f.code}@${f.cell ?? f.row}`),
    );
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['duplicate-values']));
  });
});

describe('lines repeated from another record', () => {
  const dupes = (units: UnitSpec[]) =>
    findingsOf(units).filter((f) => f.code === 'duplicate-values');

  it('are never two lines that differ in two values, even where their hashes meet', () => {
    // +0,001 on U8 and -0,031 on U9: the same sum of values x 1000 x powers of 31.
    const other = withValues(BASE.nrr, { U8: 3.365, U9: 3.253 });
    expect(
      dupes([
        unit(1, 'DINAS A', tahunan(BASE)),
        unit(2, 'DINAS B', tahunan({ ...BASE, nrr: other })),
      ]),
    ).toEqual([expect.objectContaining({ cell: 'E6' })]);
  });

  it('are named across units whichever period each line belongs to', () => {
    const found = dupes([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(
        2,
        'DINAS B',
        tahunan(OTHER),
        triwulan(1, BASE),
        triwulan(2, OTHER),
        triwulan(3, OTHER),
        triwulan(4, OTHER),
      ),
    ]);
    expect(found.filter((f) => f.relatedRow === 3)).toHaveLength(2);
  });

  it("are no copy where a unit's Tahunan record, after its periods, equals them", () => {
    const found = dupes([
      unit(
        1,
        'DINAS A',
        triwulan(1, BASE),
        triwulan(2, OTHER),
        triwulan(3, OTHER),
        triwulan(4, OTHER),
        tahunan(BASE),
      ),
    ]);
    expect(found.filter((f) => f.relatedRow === 3)).toEqual([]);
  });

  it('are named between two services of a unit, records without a period', () => {
    const found = dupes([
      unit(1, 'DINAS A', layanan('Layanan KTP', BASE), layanan('Layanan KK', BASE)),
    ]);
    expect(found).toHaveLength(2);
  });
});

describe('the RATA-RATA line typed in the recap', () => {
  const withAverage = (
    realisations: number[],
    average: { ikm?: CellValue; realisation: CellValue },
  ) =>
    findingsOf(
      realisations.map((r, i) =>
        unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, realisation: r })),
      ),
      { average: { unsur: [...BASE.conv], ...average }, formats: { realisation: '0%' } },
    ).filter((f) => f.code === 'average-row-mismatch');

  it('names the IKM and the realisation in its messages', () => {
    const found = withAverage([0.8], { ikm: 84.2, realisation: 0.75 });
    expect(found.map((f) => f.message.id)).toEqual([
      expect.stringContaining('IKM'),
      expect.stringContaining('Realisasi (%)'),
    ]);
    expect(found[0].message.en).toMatch(/\bIKM\b/);
    expect(found[1].message.en).toContain('Realisation (%)');
  });

  it('allows a realisation typed as a fraction its rounding in percent points', () => {
    // 0,8 has one decimal: 5 percent points of rounding. Units at 80 % and 81 % (mean 80,5 %) or
    // 80 % and 90 % (85 %) agree with it; 80 % and 92 % (86 %) do not.
    expect(withAverage([0.8, 0.81], { ikm: 84.06, realisation: 0.8 })).toEqual([]);
    expect(withAverage([0.8, 0.9], { ikm: 84.06, realisation: 0.8 })).toEqual([]);
    expect(withAverage([0.8, 0.92], { ikm: 84.06, realisation: 0.8 })).toHaveLength(1);
  });

  it('leaves a blank IKM on the line alone', () => {
    expect(withAverage([0.8], { ikm: '', realisation: 0.8 })).toEqual([]);
  });
});

describe('a unit against its periods, at the edges', () => {
  it('names the missing period as printed', () => {
    const found = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE), triwulan(2, BASE), triwulan(3, BASE), triwulan(4, BASE)),
    ]).filter((f) => f.code === 'period-missing');
    expect(found.map((f) => f.expected)).toEqual(['Triwulan I']);
  });

  it('allows a converted value the rounding of the values typed, no more', () => {
    // One decimal everywhere: 0,05 of rounding in the Tahunan value and 0,05 in the mean.
    const q = (i: 1 | 2 | 3 | 4) => triwulan(i, { ...BASE, nrr: blank });
    const annual = (u1: number) =>
      tahunan({ ...BASE, nrr: blank, conv: withValues(BASE.conv, { U1: u1 }) });
    expect(mismatches([unit(1, 'DINAS A', annual(80.4), q(1), q(2), q(3), q(4))])).toEqual([]);
    expect(mismatches([unit(1, 'DINAS A', annual(80.5), q(1), q(2), q(3), q(4))])).toEqual([
      expect.objectContaining({ unsur: 'U1', actual: 80.5 }),
    ]);
  });

  it('finds the Tahunan record among services listed before it', () => {
    const annual = tahunan({ ...BASE, nrr: blank, conv: withValues(BASE.conv, { U1: 90 }) });
    const half = (i: 1 | 2) => semester(i, { ...BASE, nrr: blank });
    const found = mismatches([
      unit(1, 'DINAS A', layanan('Layanan KTP', OTHER), annual, half(1), half(2)),
    ]);
    expect(found).toEqual([expect.objectContaining({ unsur: 'U1', actual: 90 })]);
  });

  it('checks nothing of respondents in a recap without their column', () => {
    const columns = BANJAR_COLUMNS.filter((c) => c !== 'respondents');
    const q = (i: 1 | 2 | 3 | 4) => triwulan(i, BASE);
    const findings = findingsOf([unit(1, 'DINAS A', tahunan(BASE), q(1), q(2), q(3), q(4))], {
      columns,
    });
    expect(findings.filter((f) => /respondent/.test(f.code))).toEqual([]);
  });
});

describe('a RATA-RATA line with nothing to compare it with', () => {
  it('is left alone where no unit has unsur values', () => {
    const found = findingsOf([unit(1, 'DINAS A', tahunan({ nrr: blank, conv: blank, ikm: 80 }))], {
      average: { ikm: 80 },
    }).filter((f) => f.code === 'average-row-mismatch');
    expect(found).toEqual([]);
  });
});
