/**
 * Behaviours the rest of the engine's tests left unguarded (issue 16: each was
 * a deliberate bug that passed the suite). Same layout as checks.test.ts:
 * header rows 1-2, the first record on rows 3-4, N the IKM, P the respondents.
 */
import type { CheckCode, Finding } from '../../src/engine/checks';
import { parseNumber } from '../../src/engine/numbers';
import {
  analyse,
  BASE,
  BASE_MEAN,
  OTHER,
  recap,
  tahunan,
  triwulan,
  unit,
  withValues,
  type RecordSpec,
  type UnitSpec,
} from './grid';

const findingsOf = (units: UnitSpec[]): Finding[] => analyse(recap(units)).findings;
const findingsOfUnit = (...records: RecordSpec[]): Finding[] =>
  findingsOf([unit(1, 'DINAS A', ...records)]);
const only = (findings: Finding[], code: CheckCode) => findings.filter((f) => f.code === code);

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** A consistent record from nine converted values (2 decimals): IKM their mean, its category. */
function consistent(conv: number[], respondents: number): Omit<RecordSpec, 'period'> {
  const ikm = round2(mean(conv));
  return {
    conv,
    ikm,
    category: ikm >= 88.31 ? 'A (Sangat Baik)' : 'B (Baik)',
    respondents,
    priority: 'Waktu pelayanan',
  };
}

/** Four distinct quarters: OTHER's converted values raised by 0,25, 1,25, 2,25 and 5,25. */
const RAISE = [0.25, 1.25, 2.25, 5.25];
const QUARTERS = RAISE.map((d) => OTHER.conv.map((v) => round2(v + d)));
const QUARTER_RESPONDENTS = [20, 25, 30, 35];
const quarters = () =>
  QUARTERS.map((conv, i) =>
    triwulan((i + 1) as 1 | 2 | 3 | 4, consistent(conv, QUARTER_RESPONDENTS[i])),
  );
/** The Tahunan values that are the mean of the four quarters: OTHER + 2,25. */
const ANNUAL_OF_FOUR = OTHER.conv.map((v) => round2(v + 2.25));

describe('a Tahunan record with four Triwulan records', () => {
  it('is compared with their mean: the exact mean gives no finding', () => {
    expect(findingsOfUnit(tahunan(consistent(ANNUAL_OF_FOUR, 110)), ...quarters())).toEqual([]);
  });

  it('that holds the mean of only three quarters is an annual-mismatch naming Triwulan I-IV', () => {
    const threeQuarters = OTHER.conv.map((v) => round2(v + 1.25));
    const findings = findingsOfUnit(tahunan(consistent(threeQuarters, 110)), ...quarters());
    const mismatches = only(findings, 'annual-mismatch');
    expect(mismatches).toHaveLength(9);
    expect(mismatches[0]).toEqual(
      expect.objectContaining({
        cell: 'E4',
        expected: ANNUAL_OF_FOUR[0],
        actual: threeQuarters[0],
      }),
    );
    expect(mismatches[0].message.id).toContain('Triwulan I-IV');
  });

  it('with only an IKM is compared with the mean of the four quarterly IKMs', () => {
    const ikms = QUARTERS.map((q) => round2(mean(q)));
    const expected = mean(ikms);
    const ikmOnly = (ikm: number) =>
      tahunan({ ikm, category: 'B (Baik)', respondents: 110, priority: 'Waktu pelayanan' });
    expect(
      only(findingsOfUnit(ikmOnly(round2(expected)), ...quarters()), 'annual-mismatch'),
    ).toEqual([]);
    expect(only(findingsOfUnit(ikmOnly(87.25), ...quarters()), 'annual-mismatch')).toEqual([
      expect.objectContaining({ cell: 'N3', expected: expect.closeTo(expected, 6), actual: 87.25 }),
    ]);
  });

  it('must count the respondents of all four quarters', () => {
    expect(
      only(
        findingsOfUnit(tahunan(consistent(ANNUAL_OF_FOUR, 110)), ...quarters()),
        'annual-respondents-mismatch',
      ),
    ).toEqual([]);
    expect(
      only(
        findingsOfUnit(tahunan(consistent(ANNUAL_OF_FOUR, 75)), ...quarters()),
        'annual-respondents-mismatch',
      ),
    ).toEqual([expect.objectContaining({ cell: 'P3', expected: 110, actual: 75 })]);
  });
});

describe('the likely cause of an IKM mismatch', () => {
  it('is weight 0,111 only for the IKM that weight gives (83,97), not for one 0,37 away from it', () => {
    // 84.0556 x 9 x 0.111 = 83.97; 83.60 matches neither weight (0.11 gives 83.215).
    const near = only(findingsOfUnit(tahunan({ ...BASE, ikm: 83.6 })), 'ikm-mismatch');
    expect(near).toEqual([
      expect.objectContaining({
        expected: expect.closeTo(BASE_MEAN, 6),
        actual: 83.6,
        cause: null,
      }),
    ]);
    expect(near[0].causeMessage ?? null).toBeNull();
  });

  it('is weight 0,11 only for the IKM that weight gives (83,22), not for 83,40', () => {
    const near = only(findingsOfUnit(tahunan({ ...BASE, ikm: 83.4 })), 'ikm-mismatch');
    expect(near).toEqual([expect.objectContaining({ actual: 83.4, cause: null })]);
  });
});

describe('respondents typed with spaces', () => {
  it('reads "1 686" and "1\u00a0686" (a space or a no-break space between the thousands) as 1686', () => {
    for (const typed of ['1 686', '1\u00a0686', ' 1686 ']) {
      expect(parseNumber(typed, { counts: true })).toEqual(
        expect.objectContaining({ kind: 'number', value: 1686, decimals: 0, fromText: true }),
      );
    }
  });

  it('a Tahunan record of "1 686" respondents is read as 1686 and said to be text, nothing else', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, respondents: '1 686' }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'text-number', cell: 'P3', actual: '1 686' }),
    ]);
  });
});

describe('duplicate-values', () => {
  it('is not raised between lines that are incomplete (a missing unsur is reported instead)', () => {
    const partial = withValues(BASE.conv, { U9: '' }) as number[];
    const partialNrr = withValues(BASE.nrr, { U9: '' }) as number[];
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan({ ...BASE, nrr: partialNrr, conv: partial })),
      unit(2, 'DINAS B', tahunan({ ...BASE, nrr: partialNrr, conv: partial, respondents: 90 })),
    ]);
    expect(only(findings, 'duplicate-values')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('is not raised between units with no values at all', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan()),
      unit(3, 'DINAS C', tahunan()),
    ]);
    expect(only(findings, 'duplicate-values')).toEqual([]);
    expect(only(findings, 'no-data').map((f) => f.unitNo)).toEqual([2, 3]);
  });
});
