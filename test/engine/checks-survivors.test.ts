/**
 * Behaviours of the record checks (src/engine/checks.ts) that StrykerJS found
 * unguarded (issue 16): each test below kills one or more surviving mutants.
 * Same layout as checks.test.ts: header rows 1-2, the first record on rows 3
 * (NRR) and 4 (converted); E..M are U1..U9, N the IKM, O the category.
 *
 * The survivors judged equivalent (no behaviour can tell them from the original:
 * the fast path cleanLine, guards no input reaching them can fail, `<` for `<=`
 * against tolerances that carry 1e-9 of slack) are listed, each with its reason,
 * in stryker/equivalent-mutants.json; scripts/mutation-score.js scores them apart.
 */
import type { CheckCode, Finding } from '../../src/engine/checks';
import { checkRecord } from '../../src/engine/checks';
import { findingText, lineName } from '../../src/engine/messages';
import { recordFromCells } from '../../src/engine/standalone';
import { UNSUR_CODES, type UnsurCode } from '../../src/engine/unsur';
import type { CellValue } from '../../src/engine/numbers';
import {
  analyse,
  BANJAR_COLUMNS,
  BASE,
  BASE_MEAN,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  withValues,
  type Recap,
  type RecapOptions,
  type RecordSpec,
  type UnitSpec,
} from './grid';

const findingsOf = (units: UnitSpec[], options?: RecapOptions): Finding[] =>
  analyse(recap(units, options)).findings;
const findingsOfUnit = (...records: RecordSpec[]): Finding[] =>
  findingsOf([unit(1, 'DINAS A', ...records)]);
const only = (findings: Finding[], code: CheckCode) => findings.filter((f) => f.code === code);
const nine = (v: CellValue): CellValue[] => new Array<CellValue>(9).fill(v);

/**
 * The BASE record of DINAS A with a third line (row 5) under its merged
 * record cells: the reader keeps it as an extra line of that record.
 */
function withThirdLine(values: CellValue[]): Recap {
  const built = recap([unit(1, 'DINAS A', tahunan(BASE))], {
    after: [[...new Array<CellValue>(4).fill(''), ...values]],
  });
  for (const m of built.grid.merges!) if (m.top === 3 && m.bottom === 4) m.bottom = 5;
  return built;
}

describe('a third line of a record is checked for its own scale', () => {
  it('a converted third line with 101 is conversion-out-of-range on that cell, nothing else', () => {
    const findings = analyse(withThirdLine(withValues(BASE.conv, { U2: 101 }))).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'conversion-out-of-range',
        cell: 'F5',
        unsur: 'U2',
        actual: 101,
      }),
    ]);
  });

  it('an NRR third line with 4.2 is nrr-out-of-range on that cell, nothing else', () => {
    const findings = analyse(withThirdLine(withValues(BASE.nrr, { U3: 4.2 }))).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'nrr-out-of-range',
        cell: 'G5',
        unsur: 'U3',
        actual: 4.2,
      }),
    ]);
  });

  it('a clean converted or NRR third line gives no finding', () => {
    expect(analyse(withThirdLine([...BASE.conv])).findings).toEqual([]);
    expect(analyse(withThirdLine([...BASE.nrr])).findings).toEqual([]);
  });

  it('a third line mixing NRR and converted values is mixed-scale, named as a line', () => {
    const findings = analyse(withThirdLine(withValues(BASE.conv, { U1: 3.212 }))).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'mixed-scale',
        cell: 'E5',
      }),
    ]);
  });
});

describe('an IKM outside 25-100 is named as on the NRR scale only when it is', () => {
  const outOfRange = (rec: RecordSpec) => only(findingsOfUnit(tahunan(rec)), 'ikm-out-of-range');

  it('without unsur values, an IKM of 1, 3.5 or 4 is on the NRR scale; 0.99, 4.01 and 120 are not', () => {
    for (const ikm of [1, 3.5, 4]) {
      expect(outOfRange({ ikm })).toEqual([
        expect.objectContaining({ cell: 'N3', actual: ikm, expected: null, cause: 'nrr-scale' }),
      ]);
    }
    for (const ikm of [0.99, 4.01, 120]) {
      expect(outOfRange({ ikm })).toEqual([
        expect.objectContaining({ cell: 'N3', actual: ikm, expected: null, cause: null }),
      ]);
    }
  });

  it('with unsur values, an IKM of 3.36 (BASE mean / 25) is on the NRR scale; 2.5 is not', () => {
    // 3.36 x 25 = 84, within 25 x 0.005 + 0.0125 of the BASE mean 84.0556; 2.5 x 25 = 62.5 is far.
    expect(outOfRange({ ...BASE, ikm: 3.36 })).toEqual([
      expect.objectContaining({ actual: 3.36, expected: BASE_MEAN, cause: 'nrr-scale' }),
    ]);
    expect(outOfRange({ ...BASE, ikm: 2.5 })).toEqual([
      expect.objectContaining({ actual: 2.5, expected: BASE_MEAN, cause: null }),
    ]);
  });

  it('an IKM of exactly 1 over all-25 unsur, or of 4 over all-100 unsur, is on the NRR scale', () => {
    expect(outOfRange({ nrr: nine(1), conv: nine(25), ikm: 1 })).toEqual([
      expect.objectContaining({ actual: 1, expected: 25, cause: 'nrr-scale' }),
    ]);
    expect(outOfRange({ nrr: nine(4), conv: nine(100), ikm: 4 })).toEqual([
      expect.objectContaining({ actual: 4, expected: 100, cause: 'nrr-scale' }),
    ]);
  });

  it('an IKM of exactly 25 over all-25 unsur is in range and consistent', () => {
    const findings = findingsOfUnit(tahunan({ nrr: nine(1), conv: nine(25), ikm: 25 }));
    expect(only(findings, 'ikm-out-of-range')).toEqual([]);
    expect(only(findings, 'ikm-mismatch')).toEqual([]);
  });
});

describe('the category is checked against the IKM as written only when that IKM is usable', () => {
  const categoryFindings = (rec: RecordSpec) =>
    findingsOfUnit(tahunan(rec)).filter((f) => f.code.startsWith('category'));

  it('an IKM out of range (120) leaves the category unchecked', () => {
    // category(120) would be A, the written B would then be a mismatch.
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: 120 }));
    expect(findings.map((f) => f.code)).toEqual(['ikm-out-of-range']);
  });

  it('an unreadable IKM ("-") leaves the category unchecked, even a wrong one', () => {
    expect(categoryFindings({ ...BASE, ikm: '-', category: 'A (Sangat Baik)' })).toEqual([]);
    const findings = findingsOfUnit(tahunan({ ...BASE, ikm: '-', category: 'A (Sangat Baik)' }));
    expect(only(findings, 'not-a-number')).toEqual([expect.objectContaining({ cell: 'N3' })]);
  });

  it('a missing IKM: the category is checked against the recomputed IKM (84.06, B)', () => {
    expect(categoryFindings({ ...BASE, ikm: '', category: 'A (Sangat Baik)' })).toEqual([
      expect.objectContaining({ code: 'category-mismatch', cell: 'O3', expected: 'B (Baik)' }),
    ]);
  });

  it('an IKM without unsur values: the category is checked against that IKM', () => {
    expect(categoryFindings({ ikm: 84.06, category: 'A (Sangat Baik)' })).toEqual([
      expect.objectContaining({ code: 'category-mismatch', cell: 'O3', expected: 'B (Baik)' }),
    ]);
    expect(categoryFindings({ ikm: 84.06, category: 'B (Baik)' })).toEqual([]);
  });
});

describe('a copied IKM names the record it was copied from', () => {
  /** Nine converted values (no NRR line) summing to 810.05: mean 90.0056, written 90.01. */
  const NINETY = [90, 90, 90, 90, 90, 90, 90, 90, 90.05];

  it('names the record whose own unsur give that IKM, not one without values or with other values', () => {
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 90.01 })),
      unit(2, 'DINAS B', tahunan({ ikm: 90.01, category: 'A (Sangat Baik)' })),
      unit(3, 'DINAS C', tahunan({ ...BASE, ikm: 90.01, category: 'A (Sangat Baik)' })),
      unit(4, 'DINAS D', tahunan({ conv: NINETY, ikm: 90.01, category: 'A (Sangat Baik)' })),
    ]);
    // 90.01 is 0.0044 from D's mean: within D's half-unit 0.005 plus the IKM's 0.005.
    expect(only(findings, 'ikm-mismatch').filter((f) => f.unit === 'DINAS A')).toEqual([
      expect.objectContaining({ cell: 'N3', cause: 'copied', relatedRow: 9 }),
    ]);
  });

  it('an IKM only 0.05 from its own unsur is not called a copy, even of an equal IKM elsewhere', () => {
    // BASE mean 84.0556 written 84.01: a mismatch (0.0456 > 0.0175) but under the 0.1 copy gap.
    const fits8401 = withValues(BASE.conv, { U1: 79.89 }); // sum 756.09, mean 84.01
    const findings = findingsOf([
      unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 84.01 })),
      unit(2, 'DINAS B', tahunan({ conv: fits8401, ikm: 84.01, category: 'B (Baik)' })),
    ]);
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({ unit: 'DINAS A', cell: 'N3', cause: null }),
    ]);
  });

  it('an equal IKM in another record of the same unit is not named as the source', () => {
    const findings = findingsOfUnit(
      semester(1, { ...BASE, ikm: 90.01 }),
      semester(2, { conv: NINETY, ikm: 90.01, category: 'A (Sangat Baik)' }),
    );
    expect(only(findings, 'ikm-mismatch')).toEqual([
      expect.objectContaining({ cell: 'N3', cause: null }),
    ]);
  });
});

describe('the IKM cause checks use the tolerances of both the unsur and the IKM', () => {
  it('an IKM of 83.96 is the 0.111 weight (BASE mean x 0.999 = 83.9715, 0.0115 off, tolerance 0.0175)', () => {
    expect(only(findingsOfUnit(tahunan({ ...BASE, ikm: 83.96 })), 'ikm-mismatch')).toEqual([
      expect.objectContaining({ cell: 'N3', cause: 'weight-0.111' }),
    ]);
  });
});

describe('a recap without an IKM column', () => {
  it('raises no ikm-missing', () => {
    const columns = BANJAR_COLUMNS.filter((c) => c !== 'ikm');
    const findings = findingsOf([unit(1, 'DINAS A', tahunan(BASE))], { columns });
    expect(only(findings, 'ikm-missing')).toEqual([]);
  });
});

describe('converted values are compared with NRR x 25 only where both are in range', () => {
  const codes = (rec: RecordSpec) =>
    findingsOfUnit(tahunan(rec))
      .filter((f) => f.code.startsWith('conversion') || f.code.startsWith('nrr'))
      .map((f) => [f.code, f.cell, f.cause]);

  it('a converted 101 over NRR 3.212 is out of range, not a conversion mismatch', () => {
    expect(codes({ ...BASE, conv: withValues(BASE.conv, { U1: 101 }) })).toEqual([
      ['conversion-out-of-range', 'E4', null],
    ]);
  });

  it('an NRR of 0.5 under a converted 80.3 is out of range, not a conversion mismatch', () => {
    expect(codes({ ...BASE, nrr: withValues(BASE.nrr, { U1: 0.5 }) })).toEqual([
      ['nrr-out-of-range', 'E3', null],
    ]);
  });

  it('an NRR of 4.2 under a converted 80.3 is out of range, not a conversion mismatch', () => {
    expect(codes({ ...BASE, nrr: withValues(BASE.nrr, { U1: 4.2 }) })).toEqual([
      ['nrr-out-of-range', 'E3', null],
    ]);
  });

  it("a converted value apart from NRR x 25 by exactly both lines' rounding (0,13 at two decimals) is no mismatch; 0,14 is", () => {
    // OTHER's U1: NRR 3.44 to two decimals stands for 3.435-3.445 (x 25: 85.875-86.125), a
    // converted 85.87 for 85.865-85.875: they meet, 0.13 from 86 (in floating point just under).
    for (const near of [85.87, 86.13])
      expect(codes({ ...OTHER, conv: withValues(OTHER.conv, { U1: near }) })).toEqual([]);
    expect(codes({ ...OTHER, conv: withValues(OTHER.conv, { U1: 85.86 }) })).toEqual([
      ['conversion-mismatch', 'E4', null],
    ]);
  });

  it('U1 holding U2 x 25 while U2 holds something else is two mismatches, not a swap', () => {
    // 85.1 = 3.404 x 25 (U2's NRR), but U2's 90 is not 3.212 x 25: the agreement is one-way.
    const conv = withValues(BASE.conv, { U1: 85.1, U2: 90 });
    expect(codes({ ...BASE, conv })).toEqual([
      ['conversion-mismatch', 'E4', null],
      ['conversion-mismatch', 'F4', null],
    ]);
    // Both ways: a swap.
    const swapped = withValues(BASE.conv, { U1: 85.1, U2: 80.3 });
    expect(codes({ ...BASE, conv: swapped })).toEqual([
      ['conversion-mismatch', 'E4', 'swapped'],
      ['conversion-mismatch', 'F4', 'swapped'],
    ]);
  });
});

describe('the range of a line that is checked cell by cell', () => {
  const rangeFindings = (rec: RecordSpec) =>
    findingsOfUnit(tahunan(rec))
      .filter((f) => f.code.endsWith('out-of-range') && f.code !== 'ikm-out-of-range')
      .map((f) => [f.code, f.cell]);
  // U9 blank, so the line is checked cell by cell rather than passed as clean.
  const incomplete = (nrr: [CellValue, CellValue], conv: [CellValue, CellValue]): RecordSpec => ({
    ...BASE,
    nrr: withValues(BASE.nrr, { U1: nrr[0], U2: nrr[1], U9: '' }),
    conv: withValues(BASE.conv, { U1: conv[0], U2: conv[1], U9: '' }),
  });

  it('NRR of exactly 1 and 4 and converted values of exactly 25 and 100 are in range', () => {
    expect(rangeFindings(incomplete([1, 4], [25, 100]))).toEqual([]);
  });

  it('NRR of 0.99 and 4.01 and converted values of 24.99 and 100.01 are not', () => {
    expect(rangeFindings(incomplete([0.99, 4.01], [24.99, 100.01]))).toEqual([
      ['nrr-out-of-range', 'E3'],
      ['nrr-out-of-range', 'F3'],
      ['conversion-out-of-range', 'E4'],
      ['conversion-out-of-range', 'F4'],
    ]);
  });
});

describe('blank, text and error cells of a line', () => {
  it('a line with 8 of 9 unsur blank is incomplete; with all 9 blank it is absent', () => {
    const eight = withValues(nine(''), { U1: 80.3 });
    expect(
      only(findingsOfUnit(tahunan({ ...BASE, nrr: null, conv: eight })), 'unsur-missing'),
    ).toEqual([expect.objectContaining({ cell: 'F4', unsur: null })]);
    expect(only(findingsOfUnit(tahunan({ ...BASE, nrr: null })), 'unsur-missing')).toEqual([]);
  });

  it('an NRR line of text only is not-a-number on each of its nine cells', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: nine('x') }));
    expect(only(findings, 'not-a-number').map((f) => f.cell)).toEqual(
      ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map((c) => `${c}3`),
    );
  });

  it('one converted value written as text is a text-number on that cell', () => {
    const conv = withValues(BASE.conv, { U3: '77.2' });
    expect(only(findingsOfUnit(tahunan({ ...BASE, conv })), 'text-number')).toEqual([
      expect.objectContaining({ cell: 'G4' }),
    ]);
  });

  it('an error value in a line or in the IKM cell is not-a-number', () => {
    const conv = withValues(BASE.conv, { U3: '#DIV/0!' });
    expect(only(findingsOfUnit(tahunan({ ...BASE, conv })), 'not-a-number')).toEqual([
      expect.objectContaining({ cell: 'G4', unsur: 'U3' }),
    ]);
    expect(only(findingsOfUnit(tahunan({ ...BASE, ikm: '#DIV/0!' })), 'not-a-number')).toEqual([
      expect.objectContaining({ cell: 'N3' }),
    ]);
  });
});

describe('checkRecord on its own', () => {
  it('returns only the findings of the record it was given: none for a consistent one', () => {
    const unsurCols = Object.fromEntries(UNSUR_CODES.map((u, i) => [u, i + 1])) as Record<
      UnsurCode,
      number
    >;
    const ctx = { sheet: 'Rekap', unsurCols, ikmCol: 10, categoryCol: 11 };
    const clean = recordFromCells({
      lines: [[...BASE.nrr], [...BASE.conv]],
      ikm: BASE.ikm,
      category: BASE.category,
    });
    expect(checkRecord(clean, ctx)).toEqual([]);
    const wrong = recordFromCells({
      lines: [[...BASE.nrr], [...BASE.conv]],
      ikm: 90,
      category: BASE.category,
    });
    // 90 is far from the mean 84.06, and its band (A from 88.31) is not the written B.
    expect(checkRecord(wrong, ctx).map((f) => f.code)).toEqual([
      'ikm-mismatch',
      'category-mismatch',
    ]);
  });
});

describe('the category, respondents and Unsur Perbaikan cells', () => {
  it('an unreadable category ("Lumayan") is a category-mismatch that says it cannot be read', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, category: 'Lumayan' }));
    expect(only(findings, 'category-mismatch')).toEqual([
      expect.objectContaining({
        cell: 'O3',
        message: findingText.categoryUnreadable('Lumayan', 'B (Baik)'),
      }),
    ]);
  });

  it('respondents written as text ("-") are not-a-number, not also an invalid count', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, respondents: '-' }));
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['not-a-number', 'P3']]);
  });

  it('an Unsur Perbaikan that names no unsur is only priority-unknown, not also not-lowest', () => {
    const findings = findingsOfUnit(tahunan({ ...BASE, priority: '1. Kebersihan ruang tunggu' }));
    expect(findings.map((f) => f.code)).toEqual(['priority-unknown']);
  });

  it('an unknown entry does not stand for U1 or U2: naming Waktu when Prosedur is lowest is not-lowest', () => {
    // Prosedur (U2) lowered to 70, below Waktu (U3) at 77.2.
    const conv = withValues(BASE.conv, { U2: 70 });
    const priority = '1. Kebersihan ruang tunggu\n2. Waktu penyelesaian';
    const findings = findingsOfUnit(tahunan({ ...BASE, nrr: null, conv, priority }));
    expect(findings.filter((f) => f.code.startsWith('priority'))).toEqual([
      expect.objectContaining({ code: 'priority-unknown', cell: 'R3' }),
      expect.objectContaining({
        code: 'priority-not-lowest',
        cell: 'R3',
        unsur: 'U2',
        expected: 'U2',
        actual: 'U3',
      }),
    ]);
  });
});

describe('conversion compared at the ends of both scales', () => {
  it('an NRR of exactly 1 or a converted value of exactly 25 is compared like any other', () => {
    // U1: NRR 1 written as 30 (25 expected); U2: NRR 1.5 written as 25 (37.5 expected).
    const nrr = withValues(BASE.nrr, { U1: 1, U2: 1.5 });
    const conv = withValues(BASE.conv, { U1: 30, U2: 25 });
    const findings = only(findingsOfUnit(tahunan({ ...BASE, nrr, conv })), 'conversion-mismatch');
    expect(findings).toEqual([
      expect.objectContaining({ unsur: 'U1', expected: 25, actual: 30 }),
      expect.objectContaining({ unsur: 'U2', expected: 37.5, actual: 25 }),
    ]);
  });
});

describe('a line mixing both scales is not compared cell by cell with the other line', () => {
  it('an NRR line holding one converted value is mixed-scale, with no conversion mismatch', () => {
    // U1 of the converted line (70) is no 25 x 3.212: not said, since the NRR line is no NRR line.
    const nrr = withValues(BASE.nrr, { U9: 82.1 });
    const conv = withValues(BASE.conv, { U1: 70 });
    const codes = findingsOfUnit(tahunan({ ...BASE, nrr, conv })).map((f) => f.code);
    expect(codes).toContain('mixed-scale');
    expect(codes).not.toContain('conversion-mismatch');
  });

  it('a converted line holding one NRR value is mixed-scale, with no conversion mismatch', () => {
    const conv = withValues(BASE.conv, { U1: 70, U9: 3.284 });
    const codes = findingsOfUnit(tahunan({ ...BASE, conv })).map((f) => f.code);
    expect(codes).toContain('mixed-scale');
    expect(codes).not.toContain('conversion-mismatch');
  });

  it('a third line mixing both scales is named as a value line, not as an NRR line', () => {
    const [f] = analyse(withThirdLine(withValues(BASE.conv, { U1: 3.212 }))).findings;
    expect(f.message).toEqual(findingText.mixedScale(lineName.line.id, lineName.line.en));
  });
});

describe('an Unsur Perbaikan compared with several lowest unsur', () => {
  it('names every lowest unsur, comma-separated, and no single unsur', () => {
    // U1 and U2 tied lowest at 70; the priority names Waktu (U3) only.
    const conv = withValues(BASE.conv, { U1: 70, U2: 70 });
    const findings = findingsOfUnit(
      tahunan({ ...BASE, nrr: null, conv, priority: '1. Waktu penyelesaian' }),
    );
    expect(only(findings, 'priority-not-lowest')).toEqual([
      expect.objectContaining({ unsur: null, expected: 'U1, U2', actual: 'U3' }),
    ]);
  });
});

describe('a recap without a Kategori column', () => {
  const noCategory = BANJAR_COLUMNS.filter((c) => c !== 'category');

  it('asks for no category: a unit is never told its category is missing', () => {
    const findings = findingsOf([unit(1, 'DINAS A', tahunan(BASE))], { columns: noCategory });
    expect(findings.filter((f) => f.code.startsWith('category'))).toEqual([]);
  });

  it('still checks the IKM it has', () => {
    const findings = findingsOf([unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 70 }))], {
      columns: noCategory,
    });
    expect(findings.map((f) => f.code)).toEqual(['ikm-mismatch']);
  });
});
