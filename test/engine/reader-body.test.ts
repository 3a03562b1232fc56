/**
 * The body of a recap table as units fill it in, beyond the Banjar layout: the realisation
 * column's scale when the units leave it blank or format it as a plain number, a realisation
 * typed as a word or as the text "1", a template with only its numbering row, a record whose
 * converted line was left on the NRR scale. Found by mutation testing of the reader's second half
 * (docs/testing.md); written as what a recap's keeper sees.
 */
import type { RecapTable, SheetGrid } from '../../src/engine/model';
import type { CellValue } from '../../src/engine/numbers';
import { readRecap } from '../../src/engine/reader';
import { BASE, OTHER, recap, semester, tahunan, unit, type RecordSpec } from './grid';

function read(grid: SheetGrid): RecapTable {
  const result = readRecap(grid);
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.table;
}

const noRealisation: RecordSpec = { ...BASE, realisation: undefined };

describe('the realisation column', () => {
  test('units leave it blank, the district line holds 0,85: read as 85 %', () => {
    const t = read(
      recap([unit(1, 'DINAS A', tahunan(noRealisation))], {
        average: { unsur: BASE.conv, ikm: BASE.ikm, realisation: 0.85 },
      }).grid,
    );
    expect(t.average?.realisationPct).toBe(85);
  });

  test('units leave it blank, the district line holds 85: read as 85 %, not 8500 %', () => {
    const t = read(
      recap([unit(1, 'DINAS A', tahunan(noRealisation))], {
        average: { unsur: BASE.conv, ikm: BASE.ikm, realisation: 85 },
      }).grid,
    );
    expect(t.average?.realisationPct).toBe(85);
  });

  test('a column formatted as a plain number ("0"), holding 75 and 80: percent points, not fractions', () => {
    const t = read(
      recap(
        [
          unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 75 })),
          unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 80 })),
        ],
        { formats: { realisation: '0' } },
      ).grid,
    );
    expect(t.realisationAsFraction).toBe(false);
    expect(t.records.map((r) => r.realisationPct)).toEqual([75, 80]);
  });

  test('a realisation typed as a word ("selesai") has no percentage', () => {
    const t = read(recap([unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 'selesai' }))]).grid);
    expect(t.records[0].realisationPct).toBeNull();
  });

  test('the text "1" among fractions is 100 %', () => {
    const values: CellValue[] = [0.75, '1'];
    const t = read(
      recap(
        values.map((v, i) => unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, realisation: v }))),
      ).grid,
    );
    expect(t.records.map((r) => r.realisationPct)).toEqual([75, 100]);
  });
});

describe('where the body starts and what its rows are', () => {
  test('a template of the header and its numbering row only: no unit, no second table, the table one row long', () => {
    const { grid } = recap([]);
    const numbering: CellValue[] = Array.from({ length: 20 }, (_, i) => i + 1);
    const t = read({ ...grid, values: [...grid.values, numbering] });
    expect(t.firstRow).toBe(4);
    expect(t.units).toEqual([]);
    expect(t.otherTableRow).toBeUndefined();
  });

  test('a template of its two header rows only says no second table and ends at its first row', () => {
    const t = read(recap([]).grid);
    expect(t.otherTableRow).toBeUndefined();
    expect(t.lastRow).toBe(3);
  });

  test('a template that repeats the number on each line, not the name (nothing merged): one unit, one record', () => {
    const { grid } = recap(
      [unit(7, 'DINAS A', tahunan(BASE)), unit(8, 'DINAS B', tahunan(OTHER))],
      {
        merges: false,
      },
    );
    grid.values[3][0] = 7;
    grid.values[5][0] = 8;
    const t = read(grid);
    expect(t.units.map((u) => [u.no, u.name, u.records.length])).toEqual([
      [7, 'DINAS A', 1],
      [8, 'DINAS B', 1],
    ]);
    expect(t.records.map((r) => [r.nrr?.row, r.conv?.row])).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  test('a note of three words in the NO column above the first unit ("Data per Desember") is no unit', () => {
    const { grid } = recap(
      [unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))],
      { merges: false },
    );
    const note: CellValue[] = new Array(20).fill('');
    note[0] = 'Data per Desember';
    const t = read({
      ...grid,
      values: [...grid.values.slice(0, 2), note, ...grid.values.slice(2)],
      formats: undefined,
    });
    expect(t.unplacedRows).toEqual([3]);
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
  });

  test("a unit's second record with no period typed, after Semester I, is of no period, not a second Tahunan", () => {
    const t = read(recap([unit(1, 'DINAS A', semester(1, BASE), { ...OTHER, period: '' })]).grid);
    expect(t.records.map((r) => r.period?.label ?? null)).toEqual(['Semester I', null]);
  });

  test("a unit's only record with its period left blank is its year's (Tahunan), said as implied", () => {
    const t = read(recap([unit(1, 'DINAS A', { ...BASE, period: '' })]).grid);
    expect(t.records[0].period).toEqual({ kind: 'annual', index: 1, label: 'Tahunan' });
    expect(t.records[0].impliedAnnual).toBe(true);
  });

  test('a record whose converted line was left on the NRR scale: the first line is its NRR line', () => {
    const t = read(recap([unit(1, 'DINAS A', tahunan({ ...BASE, conv: OTHER.nrr }))]).grid);
    expect(t.records[0].nrr?.row).toBe(3);
    expect(t.records[0].conv?.row).toBe(4);
  });
});
