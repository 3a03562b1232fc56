/**
 * Properties of the engine over random recaps (test/property/arbitraries.ts):
 * it never throws, its findings point inside the table, the district line does
 * not depend on the column order or on the merges being known, and writing
 * its results is idempotent.
 */
import fc from 'fast-check';
import { parseA1 } from '../../src/engine/address';
import { analyseSheet, type Analysis } from '../../src/engine/analyse';
import type { DistrictLine } from '../../src/engine/district';
import type { SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import { planWrites, type WritePlan } from '../../src/engine/plan';
import { buildRecap, garbageGridArb, recapCaseArb } from './arbitraries';
import { mergeAreas } from '../../src/engine/merges';

/** More runs for a soak: PROPERTY_RUNS=5000 npx jest test/property. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 120);

function analysed(grid: SheetGrid): Analysis | null {
  const r = analyseSheet(grid);
  return r.ok ? r : null;
}

describe('analyseSheet never throws', () => {
  it('on recaps with any of the layout variations', () => {
    fc.assert(
      fc.property(recapCaseArb, (rc) => {
        const result = analyseSheet(buildRecap(rc));
        // Every generated layout has all nine unsur columns and a unit column: it is read.
        expect(result.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('on garbage grids of random strings, numbers and blanks up to 40 x 25', () => {
    fc.assert(
      fc.property(garbageGridArb, (grid) => {
        analyseSheet(grid);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('every finding points inside the table', () => {
  it("has its cell between the first header row and the table's last row (or the average line), and between the sheet's first column and the table's last column", () => {
    fc.assert(
      fc.property(recapCaseArb, (rc) => {
        const grid = buildRecap(rc);
        const a = analysed(grid)!;
        const { table } = a;
        const bottom = Math.max(table.lastRow, table.average?.row ?? 0);
        const left = grid.origin?.col ?? 1;
        const outside = a.findings.filter((f) => {
          if (f.cell === null) return false;
          const at = parseA1(f.cell);
          return (
            !at ||
            at.row !== f.at?.row ||
            at.col !== f.at?.col ||
            at.row < table.headerRows[0] ||
            at.row > bottom ||
            at.col < left ||
            at.col > table.lastCol
          );
        });
        expect(outside.map((f) => `${f.code} ${f.cell}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

/** The district line's figures, with NaN (no data) kept comparable. */
function figures(d: DistrictLine) {
  const n = (x: number | null) => (x === null ? null : Number.isNaN(x) ? 'NaN' : x);
  return {
    unsur: d.unsur.map((u) => n(u.value)),
    ikm: n(d.ikm),
    category: d.category,
    realisation: n(d.realisation),
    lowest: d.lowest.map((u) => ({ code: u.code, value: u.value })),
    mostPrioritised: d.mostPrioritised,
  };
}

function expectSameDistrict(a: DistrictLine, b: DistrictLine): void {
  const fa = figures(a);
  const fb = figures(b);
  const close = (x: unknown, y: unknown) => {
    if (typeof x === 'number' && typeof y === 'number')
      expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9);
    else expect(x).toEqual(y);
  };
  fa.unsur.forEach((v, i) => close(v, fb.unsur[i]));
  close(fa.ikm, fb.ikm);
  close(fa.realisation, fb.realisation);
  expect(fa.category).toBe(fb.category);
  expect(fa.lowest.map((u) => u.code)).toEqual(fb.lowest.map((u) => u.code));
  fa.lowest.forEach((u, i) => close(u.value, fb.lowest[i].value));
  expect(fa.mostPrioritised).toEqual(fb.mostPrioritised);
}

describe('the district line depends on the data, not on the layout', () => {
  const withPermutation = recapCaseArb.chain((rc) =>
    fc.tuple(
      fc.constant(rc),
      fc.shuffledSubarray(rc.columns, {
        minLength: rc.columns.length,
        maxLength: rc.columns.length,
      }),
    ),
  );

  it('is the same whatever the order of the columns', () => {
    fc.assert(
      fc.property(withPermutation, ([rc, columns]) => {
        const a = analysed(buildRecap(rc))!;
        const b = analysed(buildRecap(rc, { columns }))!;
        expectSameDistrict(a.district, b.district);
      }),
      { numRuns: RUNS },
    );
  });

  it('is the same whether the merged areas are known or not', () => {
    fc.assert(
      fc.property(recapCaseArb, (rc) => {
        const a = analysed(buildRecap(rc, { merges: true }))!;
        const b = analysed(buildRecap(rc, { merges: false }))!;
        expectSameDistrict(a.district, b.district);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------
// Writing the plan into the grid, as the checker's copy does (src/xlsx/write.ts applyPlan).

/**
 * A WritePlan carried out on a grid's values: a row inserted for a new average
 * line (merges below it moved down), the notes (cleared on an existing average
 * line, which the copy rewrites), the average line and the sentences.
 */
function applyToGrid(grid: SheetGrid, plan: WritePlan): SheetGrid {
  const top = grid.origin?.row ?? 1;
  const left = grid.origin?.col ?? 1;
  const values: CellValue[][] = grid.values.map((r) => [...r]);
  const formats = grid.formats ? grid.formats.map((r) => [...r]) : undefined;
  let merges = grid.merges ? mergeAreas(grid.merges).map((m) => ({ ...m })) : undefined;
  if (plan.average.insert) {
    const at = plan.average.row - top;
    values.splice(at, 0, []);
    formats?.splice(at, 0, []);
    merges = merges?.map((m) =>
      m.top >= plan.average.row ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m,
    );
  }
  const set = (row: number, col: number, v: CellValue, format?: string) => {
    while (values.length <= row - top) values.push([]);
    values[row - top][col - left] = v;
    if (format && formats) {
      while (formats.length <= row - top) formats.push([]);
      formats[row - top][col - left] = format;
    }
  };
  for (const c of plan.notes.cells)
    set(c.row, c.col, plan.average.exists && c.row === plan.average.row ? '' : c.value);
  for (const c of [...plan.average.cells, ...plan.sentences]) set(c.row, c.col, c.value, c.format);
  // Rectangular again, blanks as "" (Excel's range.values).
  const width = Math.max(0, ...values.map((r) => r.length));
  const square = values.map((r) =>
    Array.from({ length: width }, (_, j) => (r[j] === undefined || r[j] === null ? '' : r[j])),
  );
  return { ...grid, values: square, formats, merges };
}

describe('writing the results is idempotent', () => {
  it('gives the same notes, average line and sentences when the written sheet is checked and written again', () => {
    fc.assert(
      fc.property(recapCaseArb, (rc) => {
        const grid = buildRecap(rc);
        const a1 = analysed(grid)!;
        const once = applyToGrid(grid, planWrites(a1, grid));
        const a2 = analysed(once);
        expect(a2).not.toBeNull();
        const twice = applyToGrid(once, planWrites(a2!, once));
        expect(twice.values).toEqual(once.values);
      }),
      { numRuns: RUNS },
    );
  });
});
