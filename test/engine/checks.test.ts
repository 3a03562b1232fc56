/**
 * Every check of docs/skm-rules.md §8, each produced from a small recap and
 * missed by a nearby one, with the tolerances of §5 and the likely causes.
 *
 * Layout (see grid.ts): header rows 1-2; the first unit's first record is on
 * rows 3 (NRR) and 4 (converted); E..M are U1..U9, N the IKM, O the category,
 * P the respondents, R the Unsur Perbaikan, T the realisation.
 */
import type { CheckCode, Finding } from '../../src/engine/checks';
import { CHECKS } from '../../src/engine/checks';
import {
  analyse,
  BASE,
  BASE_MEAN,
  OTHER,
  recap,
  semester,
  tahunan,
  triwulan,
  unit,
  withValues,
  type RecapOptions,
  type RecordSpec,
  type UnitSpec,
} from './grid';

const close = (x: number) => expect.closeTo(x, 6);

/** Every code some test below produced: each check of §8 must be among them (see the last test). */
const produced = new Set<CheckCode>();

function findingsOf(units: UnitSpec[], options?: RecapOptions): Finding[] {
  const findings = analyse(recap(units, options)).findings;
  for (const f of findings) produced.add(f.code);
  return findings;
}

/** Findings of one unit "DINAS A" (NO 1) with the given records. */
function findingsOfUnit(...records: RecordSpec[]): Finding[] {
  return findingsOf([unit(1, 'DINAS A', ...records)]);
}

function only(findings: Finding[], code: CheckCode): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** Annual values that are the mean of Semester I (BASE) and Semester II (OTHER), to 2 decimals. */
const ANNUAL_OF_BASE_AND_OTHER = [83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55];
const ANNUAL_IKM = 85.03; // 765.25 / 9 = 85.0278

describe('the base records are clean', () => {
  it('BASE gives no finding at all', () => {
    expect(findingsOfUnit(tahunan(BASE))).toEqual([]);
  });

  it('OTHER gives no finding at all', () => {
    expect(findingsOfUnit(tahunan(OTHER))).toEqual([]);
  });

  it('a unit with Semester I, II and a Tahunan record that combines them gives no finding', () => {
    const annual = tahunan({
      conv: ANNUAL_OF_BASE_AND_OTHER,
      ikm: ANNUAL_IKM,
      category: 'B (Baik)',
      respondents: 200,
      priority: 'Waktu penyelesaian',
    });
    expect(findingsOfUnit(annual, semester(1, BASE), semester(2, OTHER))).toEqual([]);
  });
});

describe('no-data', () => {
  it('is a warning on a listed unit with no values at all', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(28, 'KECAMATAN MARTAPURA', tahunan()),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'no-data',
        severity: 'warning',
        row: 5,
        cell: 'B5',
        unitNo: 28,
        unit: 'KECAMATAN MARTAPURA',
        period: null,
      }),
    ]);
  });

  it('is not raised for a unit that has only its IKM', () => {
    const findings = findingsOfUnit(
      tahunan({ ikm: 84.06, category: 'B (Baik)', respondents: 120 }),
    );
    expect(only(findings, 'no-data')).toEqual([]);
  });
});

describe('period-missing', () => {
  it('names the semester a unit lacks', () => {
    const findings = findingsOfUnit(tahunan(OTHER), semester(1, OTHER));
    expect(only(findings, 'period-missing')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        row: 3,
        cell: 'B3',
        period: null,
        expected: 'Semester II',
      }),
    ]);
  });

  it('takes a period record with no values as missing', () => {
    const findings = findingsOfUnit(tahunan(OTHER), semester(1, OTHER), semester(2));
    expect(only(findings, 'period-missing').map((f) => f.expected)).toEqual(['Semester II']);
  });

  it('names each missing quarter', () => {
    const findings = findingsOfUnit(tahunan(OTHER), triwulan(1, OTHER), triwulan(2, OTHER));
    expect(only(findings, 'period-missing').map((f) => f.expected)).toEqual([
      'Triwulan III',
      'Triwulan IV',
    ]);
  });

  it('is not raised when every period is there', () => {
    const findings = findingsOfUnit(tahunan(OTHER), semester(1, OTHER), semester(2, OTHER));
    expect(only(findings, 'period-missing')).toEqual([]);
  });
});

describe('annual-missing', () => {
  it('is a warning on a unit that reports per semester without a Tahunan record', () => {
    const findings = findingsOfUnit(semester(1, BASE), semester(2, OTHER));
    expect(only(findings, 'annual-missing')).toEqual([
      expect.objectContaining({ severity: 'warning', row: 3, cell: 'B3', unitNo: 1 }),
    ]);
  });

  it('is not raised for a unit that reports only Tahunan', () => {
    expect(only(findingsOfUnit(tahunan(BASE)), 'annual-missing')).toEqual([]);
  });
});

describe('not-a-number', () => {
  it('is an error on an unsur cell holding #DIV/0!', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, conv: withValues(BASE.conv, { U4: '#DIV/0!' }) }),
    );
    expect(only(findings, 'not-a-number')).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 3,
        cell: 'H4',
        unsur: 'U4',
        actual: '#DIV/0!',
        period: 'Tahunan',
      }),
    ]);
  });

  it('is an error on an IKM that is text', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 'belum dihitung' }));
    expect(only(findings, 'not-a-number')).toEqual([
      expect.objectContaining({ cell: 'N3', actual: 'belum dihitung' }),
    ]);
  });

  it('is an error on respondents that are not a number', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, respondents: '±100' }));
    expect(only(findings, 'not-a-number')).toEqual([
      expect.objectContaining({ cell: 'P3', actual: '±100' }),
    ]);
  });

  it('is not raised for a number typed with a decimal comma', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, nrr: withValues(BASE.nrr, { U1: '3,212' }), ikm: '84,06' }),
    );
    expect(only(findings, 'not-a-number')).toEqual([]);
  });
});

describe('text-number', () => {
  it('says once per line that numbers are stored as text, counting the cells', () => {
    const asText = BASE.nrr.map((v) => String(v).replace('.', ','));
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: asText }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'text-number', severity: 'info', cell: 'E3', unsur: null }),
    ]);
    expect(findings[0].message.en).toBe(
      'The NRR line is stored as text (9 cells); read as a number.',
    );
  });

  it('says it of an IKM stored as text', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: '84,06' }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'text-number', cell: 'N3', actual: '84,06' }),
    ]);
  });

  it('is not raised for real numbers', () => {
    expect(only(findingsOfUnit(tahunan(BASE)), 'text-number')).toEqual([]);
  });
});

describe('unsur-missing', () => {
  it('is an error when one of the nine values of a line is blank', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, conv: withValues(BASE.conv, { U5: '' }) }));
    expect(only(findings, 'unsur-missing')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'I4', unsur: 'U5' }),
    ]);
  });

  it('names the first of several blanks', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, nrr: withValues(BASE.nrr, { U7: '', U2: '' }) }),
    );
    expect(only(findings, 'unsur-missing')).toEqual([
      expect.objectContaining({ cell: 'F3', unsur: null }),
    ]);
  });

  it('is not raised when a whole line is absent (converted values only)', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: null }));
    expect(findings).toEqual([]);
  });
});

describe('mixed-scale', () => {
  it('is an error on a line mixing NRR and converted values', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: withValues(BASE.nrr, { U3: 77.2 }) }));
    expect(only(findings, 'mixed-scale')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'E3' }),
    ]);
  });

  it('is not raised on lines on one scale each', () => {
    expect(only(findingsOfUnit(tahunan(BASE)), 'mixed-scale')).toEqual([]);
  });
});

describe('nrr-out-of-range', () => {
  it('is an error on an NRR above 4', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: withValues(BASE.nrr, { U2: 4.2 }) }));
    expect(only(findings, 'nrr-out-of-range')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'F3', unsur: 'U2', actual: 4.2 }),
    ]);
  });

  it('is an error on an NRR below 1', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: withValues(BASE.nrr, { U9: 0.9 }) }));
    expect(only(findings, 'nrr-out-of-range')).toEqual([
      expect.objectContaining({ cell: 'M3', unsur: 'U9', actual: 0.9 }),
    ]);
  });

  it('accepts 1 and 4 exactly', () => {
    const findings = findingsOfUnit(
      // 756.5 - 80.3 - 85.1 + 25 + 100 = 716.1; / 9 = 79.57
      tahunan({
        ...BASE,
        nrr: withValues(BASE.nrr, { U1: 1, U2: 4 }),
        conv: withValues(BASE.conv, { U1: 25, U2: 100 }),
        ikm: 79.57,
        priority: 'Persyaratan',
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe('conversion-out-of-range', () => {
  it('is an error on a converted value above 100', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, conv: withValues(BASE.conv, { U2: 101.5 }) }),
    );
    expect(only(findings, 'conversion-out-of-range')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'F4', unsur: 'U2', actual: 101.5 }),
    ]);
  });

  it('is an error on a converted value below 25', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, nrr: null, conv: withValues(BASE.conv, { U6: 22 }) }),
    );
    expect(only(findings, 'conversion-out-of-range')).toEqual([
      expect.objectContaining({ cell: 'J4', unsur: 'U6', actual: 22 }),
    ]);
  });

  it('accepts 25 and 100 exactly', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, nrr: null, conv: withValues(BASE.conv, { U1: 25, U2: 100 }), ikm: 79.57 }),
    );
    expect(only(findings, 'conversion-out-of-range')).toEqual([]);
  });
});

describe('conversion-mismatch', () => {
  it('is an error on a converted value that is not NRR x 25', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, conv: withValues(BASE.conv, { U2: 85.6 }), ikm: 84.11 }),
    );
    expect(only(findings, 'conversion-mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 3,
        cell: 'F4',
        unsur: 'U2',
        expected: close(85.1),
        actual: 85.6,
        cause: null,
      }),
    ]);
  });

  it('allows the rounding of the typed decimals: 3,379 x 25 = 84,475 written 84,48', () => {
    // |84.48 - 84.475| = 0.005 <= 25 x 0.0005 + 0.005
    const findings = findingsOfUnit(
      tahunan({
        ...BASE,
        nrr: withValues(BASE.nrr, { U1: 3.379 }),
        conv: withValues(BASE.conv, { U1: 84.48 }),
        ikm: 84.52,
      }),
    );
    expect(findings).toEqual([]);
  });

  it('finds a difference just beyond that rounding: 3,379 next to 84,45', () => {
    // |84.45 - 84.475| = 0.025 > 0.0175
    const findings = findingsOfUnit(
      tahunan({
        ...BASE,
        nrr: withValues(BASE.nrr, { U1: 3.379 }),
        conv: withValues(BASE.conv, { U1: 84.45 }),
        ikm: 84.52,
      }),
    );
    expect(only(findings, 'conversion-mismatch')).toEqual([
      expect.objectContaining({ cell: 'E4', unsur: 'U1', expected: close(84.475), actual: 84.45 }),
    ]);
  });

  it('reads "4" beside "3,379" as 4,000: 99,9 is not its conversion', () => {
    // Alone, "4" would allow 25 x 0.5; typed with the line's three decimals it allows 25 x 0.0005.
    const findings = findingsOfUnit(
      tahunan({
        ...BASE,
        nrr: withValues(BASE.nrr, { U2: 4 }),
        conv: withValues(BASE.conv, { U2: 99.9 }),
        ikm: 85.7,
      }),
    );
    expect(only(findings, 'conversion-mismatch')).toEqual([
      expect.objectContaining({ cell: 'F4', unsur: 'U2', expected: 100, actual: 99.9 }),
    ]);
  });

  it('allows a coarse NRR line its coarseness: 3,3 x 25 = 82,5 against 83,00 is within 25 x 0,05', () => {
    const nrr = [3.2, 3.4, 3.1, 3.6, 3.3, 3.4, 3.5, 3.3, 3.3];
    const conv = [80, 85, 77.5, 90, 83, 85, 87.5, 82.5, 82.5];
    const findings = findingsOfUnit(
      tahunan({ nrr, conv, ikm: 83.67, category: 'B (Baik)', respondents: 50 }),
    );
    expect(only(findings, 'conversion-mismatch')).toEqual([]);
  });

  it('names swapped converted cells as the likely cause', () => {
    const conv = withValues(BASE.conv, { U8: BASE.conv[8], U9: BASE.conv[7] });
    const findings = only(findingsOfUnit(tahunan({ ...BASE, conv })), 'conversion-mismatch');
    expect(findings).toEqual([
      expect.objectContaining({
        cell: 'L4',
        unsur: 'U8',
        expected: close(84.1),
        actual: 82.1,
        cause: 'swapped',
      }),
      expect.objectContaining({
        cell: 'M4',
        unsur: 'U9',
        expected: close(82.1),
        actual: 84.1,
        cause: 'swapped',
      }),
    ]);
    expect(findings[0].causeMessage?.en).toBe(
      'The converted values of Handling of complaints, suggestions and feedback and Facilities and infrastructure look swapped.',
    );
  });

  it('does not call two unrelated mismatches a swap', () => {
    const conv = withValues(BASE.conv, { U8: 83.0, U9: 81.0 });
    const findings = only(
      findingsOfUnit(tahunan({ ...BASE, conv, ikm: 83.81 })),
      'conversion-mismatch',
    );
    expect(findings.map((f) => [f.unsur, f.cause])).toEqual([
      ['U8', null],
      ['U9', null],
    ]);
  });
});

describe('ikm-missing', () => {
  it('is an error when there are values and no IKM, saying what the IKM should be', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: '' }));
    expect(only(findings, 'ikm-missing')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'N3', expected: close(BASE_MEAN) }),
    ]);
    expect(findings[0].message.id).toBe('Nilai unsur terisi tetapi IKM kosong (seharusnya 84,06).');
  });

  it('is not raised for a record with no values and no IKM', () => {
    const findings = findingsOfUnit(tahunan({ respondents: 120 }));
    expect(only(findings, 'ikm-missing')).toEqual([]);
  });
});

describe('ikm-out-of-range', () => {
  it('is an error on an IKM above 100', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 120 }));
    expect(only(findings, 'ikm-out-of-range')).toEqual([
      expect.objectContaining({ severity: 'error', cell: 'N3', actual: 120, cause: null }),
    ]);
  });

  it('names the 1-4 scale as the likely cause of an IKM of 3,36 (x 25 forgotten)', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 3.36 }));
    expect(only(findings, 'ikm-out-of-range')).toEqual([
      expect.objectContaining({
        cell: 'N3',
        actual: 3.36,
        expected: close(BASE_MEAN),
        cause: 'nrr-scale',
      }),
    ]);
  });

  it('accepts 100 exactly', () => {
    const fours = new Array(9).fill(4);
    const hundreds = new Array(9).fill(100);
    expect(
      findingsOfUnit(
        tahunan({
          nrr: fours,
          conv: hundreds,
          ikm: 100,
          category: 'A (Sangat Baik)',
          respondents: 10,
        }),
      ),
    ).toEqual([]);
  });
});

describe('ikm-mismatch', () => {
  it('is an error when the IKM is not the mean of its unsur', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 85.06 }));
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 3,
        cell: 'N3',
        period: 'Tahunan',
        expected: close(BASE_MEAN),
        actual: 85.06,
        cause: null,
      }),
    ]);
    expect(findings[0].message.id).toBe(
      'IKM tertulis 85,06, tetapi rata-rata sembilan unsur x 25 = 84,06.',
    );
  });

  it('allows the rounding of the IKM and of the unsur: 84,05 against 84,0556', () => {
    expect(findingsOfUnit(tahunan({ ...BASE, ikm: 84.05 }))).toEqual([]);
  });

  it('finds 84,08 against 84,0556 (beyond 0,0125 + 0,005)', () => {
    expect(only(findingsOfUnit(tahunan({ ...BASE, ikm: 84.08 })), 'ikm-mismatch')).toHaveLength(1);
  });

  it('compares with NRR x 25 when only the NRR line is given', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, conv: null, ikm: 84.2 }));
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({ expected: close(BASE_MEAN), actual: 84.2 }),
    ]);
  });

  it('names weight 0.111 as the likely cause', () => {
    // 84.0556 x 9 x 0.111 = 83.97
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 83.97 }));
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({ actual: 83.97, cause: 'weight-0.111' }),
    ]);
    expect(findings[0].causeMessage?.id).toBe(
      'Kemungkinan IKM dihitung dengan bobot 0,111, bukan 1/9.',
    );
  });

  it('names weight 0.11 as the likely cause', () => {
    // 84.0556 x 9 x 0.11 = 83.215
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 83.22 }));
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({ actual: 83.22, cause: 'weight-0.11' }),
    ]);
  });

  it('names the record whose IKM was copied', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: 84.06 })),
    ]);
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({
        row: 5,
        cell: 'N5',
        unitNo: 2,
        expected: close(86),
        actual: 84.06,
        cause: 'copied',
        relatedRow: 3,
      }),
    ]);
    expect(findings[0].causeMessage?.id).toBe(
      'IKM ini sama dengan IKM baris 3 (DINAS A): kemungkinan tersalin.',
    );
  });

  it('does not call a mismatch a copy when no other record has that IKM', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: 84.16 })),
    ]);
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({ unitNo: 2, cause: null, relatedRow: null }),
    ]);
  });
});

describe('category-missing', () => {
  it('is a warning when the IKM has no category, naming the band', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, category: '' }));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'category-missing',
        severity: 'warning',
        cell: 'O3',
        expected: 'B (Baik)',
      }),
    ]);
  });

  it('is not raised when the category is written', () => {
    expect(only(findingsOfUnit(tahunan(BASE)), 'category-missing')).toEqual([]);
  });
});

describe('category-mismatch', () => {
  it('is an error when the category is not the band of the IKM', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, category: 'A (Sangat Baik)' }));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'category-mismatch',
        severity: 'error',
        cell: 'O3',
        expected: 'B (Baik)',
        actual: 'A (Sangat Baik)',
      }),
    ]);
    expect(findings[0].message.id).toBe(
      'Kategori tertulis "A (Sangat Baik)", tetapi IKM 84,06 termasuk B (Baik).',
    );
  });

  it.each([['B (baik)'], ['(B atau Baik)'], ['Baik'], ['B'], ['B(Baik)'], ['B (bAIK)']])(
    'accepts the variant "%s"',
    (written) => {
      expect(findingsOfUnit(tahunan({ ...BASE, category: written }))).toEqual([]);
    },
  );

  it('takes a contradictory category ("A (Baik)") as a mismatch', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, category: 'A (Baik)' }));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'category-mismatch',
        cell: 'O3',
        expected: 'B (Baik)',
        actual: 'A (Baik)',
      }),
    ]);
  });

  it('classifies the IKM as written, on the bound: 88,30 is B, 88,31 is A', () => {
    // Nine values of 88,30 or 88,31: the IKM is exactly on the bound.
    const at = (v: number, category: string) =>
      findingsOfUnit(tahunan({ conv: new Array(9).fill(v), ikm: v, category, respondents: 50 }));
    expect(at(88.3, 'B (Baik)')).toEqual([]);
    expect(at(88.31, 'A (Sangat Baik)')).toEqual([]);
    expect(only(at(88.3, 'A (Sangat Baik)'), 'category-mismatch')).toHaveLength(1);
    expect(only(at(88.31, 'B (Baik)'), 'category-mismatch')).toHaveLength(1);
  });

  it('says when the category fits the recomputed IKM instead of the written one', () => {
    // The IKM 86,50 was copied from elsewhere; the unsur give 88,44 (A), as the category says.
    const conv = [88, 89, 87, 90, 88, 89, 88, 89, 88];
    const findings = findingsOfUnit(
      tahunan({ conv, ikm: 86.5, category: 'A (Sangat Baik)', respondents: 40 }),
    );
    expect(only(findings, 'category-mismatch')[0].message.en).toContain(
      'The category fits the recomputed IKM: check the IKM.',
    );
  });
});

describe('respondents-invalid', () => {
  it('is an error when the respondents are blank', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, respondents: '' }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'respondents-invalid', severity: 'error', cell: 'P3' }),
    ]);
  });

  it.each([[12.5], [0], [-3]])('is an error for %p respondents', (n) => {
    const findings = findingsOfUnit(tahunan({ ...BASE, respondents: n }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'respondents-invalid', cell: 'P3', actual: n }),
    ]);
  });

  it('reads "1.686" as 1686 respondents (and says it was text)', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, respondents: '1.686' }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'text-number', cell: 'P3', actual: '1.686' }),
    ]);
  });

  it('is not raised for a record with no values', () => {
    expect(only(findingsOfUnit(tahunan()), 'respondents-invalid')).toEqual([]);
  });
});

describe('realisation-out-of-range', () => {
  it('is an error above 100% in a column of percent points', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 120 })),
      unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 80 })),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'realisation-out-of-range',
        severity: 'error',
        cell: 'T3',
        actual: 120,
      }),
    ]);
  });

  it('is an error for 1,2 in a "0%" column (120%)', () => {
    const findings = findingsOf(
      [
        unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 1.2 })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 0.8 })),
      ],
      {
        formats: { realisation: '0%' },
      },
    );
    expect(findings).toEqual([
      expect.objectContaining({ code: 'realisation-out-of-range', cell: 'T3', actual: close(120) }),
    ]);
  });

  it('is an error below 0%', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan({ ...BASE, realisation: -10 })),
      unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 80 })),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'realisation-out-of-range', cell: 'T3', actual: -10 }),
    ]);
  });

  it.each([[100], [0], [1]])('accepts %p', (v) => {
    expect(
      only(findingsOfUnit(tahunan({ ...BASE, realisation: v })), 'realisation-out-of-range'),
    ).toEqual([]);
  });

  it('accepts the text "100%" (and says it was text)', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, realisation: '100%' }));
    expect(findings).toEqual([expect.objectContaining({ code: 'text-number', cell: 'T3' })]);
  });
});

describe('annual-mismatch', () => {
  const annual = (conv: readonly number[], extra: Partial<RecordSpec> = {}) =>
    tahunan({
      conv,
      ikm: ANNUAL_IKM,
      category: 'B (Baik)',
      respondents: 200,
      priority: 'Waktu penyelesaian',
      ...extra,
    });

  it('is an error on each Tahunan unsur that differs from the mean of its periods', () => {
    const findings = findingsOfUnit(
      annual(withValues(ANNUAL_OF_BASE_AND_OTHER, { U3: 79.5 }) as number[], { ikm: 85.07 }),
      semester(1, BASE),
      semester(2, OTHER),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'annual-mismatch',
        severity: 'error',
        row: 3,
        cell: 'G4',
        unsur: 'U3',
        period: 'Tahunan',
        expected: close(79.1),
        actual: 79.5,
      }),
    ]);
    expect(findings[0].message.id).toBe(
      'Nilai Tahunan Waktu Penyelesaian 79,50 berbeda dari rata-rata Semester I-II (79,100).',
    );
  });

  it('allows the rounding of the values compared: 79,15 against 79,10', () => {
    // tolerance 0.005 + mean(25 x 0.0005, 25 x 0.005) = 0.07375
    const findings = findingsOfUnit(
      annual(withValues(ANNUAL_OF_BASE_AND_OTHER, { U3: 79.15 }) as number[]),
      semester(1, BASE),
      semester(2, OTHER),
    );
    expect(findings).toEqual([]);
  });

  it('compares the IKMs where the Tahunan record has no unsur values', () => {
    const findings = findingsOfUnit(
      tahunan({ ikm: 85.5, category: 'B (Baik)', respondents: 200 }),
      semester(1, BASE),
      semester(2, OTHER),
    );
    expect(only(findings, 'annual-mismatch')).toEqual([
      expect.objectContaining({ cell: 'N3', unsur: null, expected: close(85.03), actual: 85.5 }),
    ]);
  });

  it('accepts a Tahunan IKM that is the mean of the period IKMs', () => {
    const findings = findingsOfUnit(
      tahunan({ ikm: 85.03, category: 'B (Baik)', respondents: 200 }),
      semester(1, BASE),
      semester(2, OTHER),
    );
    expect(only(findings, 'annual-mismatch')).toEqual([]);
  });

  it('is not made when a period is missing (that is period-missing)', () => {
    const findings = findingsOfUnit(
      annual(withValues(ANNUAL_OF_BASE_AND_OTHER, { U3: 79.5 }) as number[], { ikm: 85.07 }),
      semester(1, BASE),
    );
    expect(only(findings, 'annual-mismatch')).toEqual([]);
    expect(only(findings, 'period-missing')).toHaveLength(1);
  });
});

describe('annual-respondents-mismatch', () => {
  const annual = (respondents: number | string) =>
    tahunan({
      conv: ANNUAL_OF_BASE_AND_OTHER,
      ikm: ANNUAL_IKM,
      category: 'B (Baik)',
      respondents,
      priority: 'Waktu penyelesaian',
    });

  it('is a warning when the Tahunan respondents are not the sum over the periods', () => {
    const findings = findingsOfUnit(annual(210), semester(1, BASE), semester(2, OTHER));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'annual-respondents-mismatch',
        severity: 'warning',
        cell: 'P3',
        expected: 200,
        actual: 210,
      }),
    ]);
  });

  it('adds respondents typed with thousands separators (1.686 + 2397 = 4083)', () => {
    const findings = findingsOfUnit(
      annual(4083),
      semester(1, { ...BASE, respondents: '1.686' }),
      semester(2, { ...OTHER, respondents: 2397 }),
    );
    expect(only(findings, 'annual-respondents-mismatch')).toEqual([]);
  });
});

describe('duplicate-values', () => {
  it('is a warning on the later record with the same nine values, naming the earlier', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ ...BASE, respondents: 90 })),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'duplicate-values',
        severity: 'warning',
        row: 5,
        cell: 'E5',
        unitNo: 2,
        relatedRow: 3,
      }),
      expect.objectContaining({
        code: 'duplicate-values',
        severity: 'warning',
        row: 5,
        cell: 'E6',
        unitNo: 2,
        relatedRow: 3,
      }),
    ]);
    expect(findings[0].message.en).toBe(
      'The NRR line is identical to row 3 (DINAS A): likely copied.',
    );
  });

  it('is not raised on a Tahunan record equal to its own identical semesters, only on the copied semester', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, respondents: 240 }),
      semester(1, BASE),
      semester(2, BASE),
    );
    expect(only(findings, 'duplicate-values').map((f) => [f.period, f.relatedRow])).toEqual([
      ['Semester II', 5],
      ['Semester II', 5],
    ]);
  });

  it('in a table of hundreds of lines, names for each copy the first record with its values, and nothing else', () => {
    // 240 units over 60 distinct value sets: unit k repeats unit k mod 60, so probe sequences fill up.
    const distinct = 60;
    const units = Array.from({ length: 240 }, (_, k) => {
      const nrr = withValues(BASE.nrr, { U9: 3 + (k % distinct) / 100 }) as number[];
      return unit(
        k + 1,
        `UNIT ${k + 1}`,
        tahunan({ ...BASE, nrr, conv: nrr.map((v) => Math.round(v * 2500) / 100) }),
      );
    });
    const table = recap(units);
    const analysed = analyse(table).table.units;
    const rowOfUnit = (no: number) => analysed[no - 1].row;
    const copies = only(findingsOf(units), 'duplicate-values');
    // Each later unit copies both lines of the first unit with its values.
    expect(copies).toHaveLength((240 - distinct) * 2);
    for (const f of copies) {
      const no = Number(f.unitNo);
      expect(no).toBeGreaterThan(distinct);
      expect(f.relatedRow).toBe(rowOfUnit(((no - 1) % distinct) + 1));
    }
  });

  it('is not raised when one value differs', () => {
    const nrr = withValues(BASE.nrr, { U9: 3.288 });
    const conv = withValues(BASE.conv, { U9: 82.2 });
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ ...BASE, nrr, conv, ikm: 84.07 })),
    ]);
    expect(findings).toEqual([]);
  });
});

describe('priority-unknown', () => {
  it('is a warning on an Unsur Perbaikan entry that names no unsur', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, priority: '1. Kebersihan ruang tunggu\n2. Waktu penyelesaian' }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'priority-unknown',
        severity: 'warning',
        cell: 'R3',
        actual: 'Kebersihan ruang tunggu',
      }),
    ]);
  });

  it('is a warning on an entry that ties between two unsur', () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, priority: '1. Waktu dan biaya\n2. Waktu penyelesaian' }),
    );
    expect(only(findings, 'priority-unknown').map((f) => f.actual)).toEqual(['Waktu dan biaya']);
  });

  it('is not raised for "Penanganan pengaduan, sarana dan masukan" (U8)', () => {
    const findings = findingsOfUnit(
      tahunan({
        ...BASE,
        priority: '1. Waktu penyelesaian\n2. Penanganan pengaduan, sarana dan masukan',
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe('priority-not-lowest', () => {
  it("is an info when the unit's lowest unsur is not among its Unsur Perbaikan", () => {
    const findings = findingsOfUnit(
      tahunan({ ...BASE, priority: '1. Sarana dan prasarana\n2. Persyaratan' }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'priority-not-lowest',
        severity: 'info',
        cell: 'R3',
        unsur: 'U3',
        expected: 'U3',
        actual: 'U9, U1',
      }),
    ]);
    expect(findings[0].message.id).toBe(
      'Unsur terendah unit ini (Waktu Penyelesaian, 77,20) tidak termasuk Unsur Prioritas Perbaikan.',
    );
  });

  it('is not raised when the lowest unsur is among them', () => {
    expect(
      only(
        findingsOfUnit(tahunan({ ...BASE, priority: 'Sarana dan prasarana; Waktu pelayanan' })),
        'priority-not-lowest',
      ),
    ).toEqual([]);
  });
});

describe('average-row-mismatch', () => {
  const withAverage = (unsur: number[], ikm: number, realisation?: number) =>
    findingsOf([unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 0.8 }))], {
      average: { unsur, ikm, realisation: realisation ?? 0.8 },
      formats: { realisation: '0%' },
    });

  it('is not raised when the line agrees with the recomputed one within its rounding', () => {
    expect(withAverage([...BASE.conv], 84.06)).toEqual([]);
  });

  it('is a warning on each value of an existing average line that differs', () => {
    const findings = withAverage(withValues(BASE.conv, { U3: 77.5 }) as number[], 84.06);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'average-row-mismatch',
        severity: 'warning',
        row: 5,
        cell: 'G5',
        unsur: 'U3',
        expected: close(77.2),
        actual: 77.5,
      }),
    ]);
  });

  it('compares the IKM and the realisation in percent', () => {
    const findings = withAverage([...BASE.conv], 84.2, 0.75);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'average-row-mismatch',
        cell: 'N5',
        expected: close(BASE_MEAN),
        actual: 84.2,
      }),
      expect.objectContaining({
        code: 'average-row-mismatch',
        cell: 'T5',
        expected: close(80),
        actual: close(75),
      }),
    ]);
  });
});

describe('every finding', () => {
  it('carries the severity of its code in §8', () => {
    const findings = findingsOf([
      unit(
        1,
        'DINAS A',
        tahunan({ ...BASE, ikm: 85.06, category: 'A (Sangat Baik)', respondents: '' }),
      ),
      unit(2, 'DINAS B', semester(1, OTHER)),
      unit(3, 'DINAS C', tahunan()),
    ]);
    expect(findings.length).toBeGreaterThan(4);
    for (const f of findings) expect(f.severity).toBe(CHECKS[f.code]);
  });

  it('comes in sheet order', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, category: '' })),
      unit(2, 'DINAS B', tahunan({ ...OTHER, conv: withValues(OTHER.conv, { U1: 87 }) })),
    ]);
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['ikm-mismatch', 'N3'],
      ['category-missing', 'O3'],
      ['conversion-mismatch', 'E6'],
    ]);
  });
});

describe('coverage of §8', () => {
  // Jest runs a file's tests in order: this one comes after all the others above.
  it('every check code was produced by at least one small recap above', () => {
    expect(Object.keys(CHECKS).filter((code) => !produced.has(code as CheckCode))).toEqual([]);
  });
});
