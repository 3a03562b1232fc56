/**
 * Merged areas in either form (a list of areas, or the reader's table of four numbers each) read
 * the same everywhere the engine looks at them.
 */
import fc from 'fast-check';
import type { Area } from '../../src/engine/address';
import { asMergeTable, eachMerge, mergeAreas, MergeTable } from '../../src/engine/merges';

const areaArb = fc
  .record({
    top: fc.integer({ min: 1, max: 1_048_576 }),
    left: fc.integer({ min: 1, max: 16_384 }),
    height: fc.integer({ min: 0, max: 50 }),
    width: fc.integer({ min: 0, max: 50 }),
  })
  .map(({ top, left, height, width }): Area => ({
    top,
    left,
    bottom: top + height,
    right: left + width,
  }));

function visited(merges: Area[] | MergeTable | undefined): Area[] {
  const out: Area[] = [];
  eachMerge(merges, (top, left, bottom, right, i) => {
    expect(i).toBe(out.length);
    out.push({ top, left, bottom, right });
  });
  return out;
}

describe('merged areas', () => {
  it('are none for a sheet that lists none', () => {
    expect(visited(undefined)).toEqual([]);
    expect(visited([])).toEqual([]);
  });

  it('read the same, in the same order, as a list or as a table', () => {
    fc.assert(
      fc.property(fc.array(areaArb, { maxLength: 40 }), (areas) => {
        const table = MergeTable.from(areas);
        expect(table.length).toBe(areas.length);
        expect(mergeAreas(table)).toEqual(areas);
        expect(visited(table)).toEqual(areas);
        expect(visited(areas)).toEqual(areas);
        expect(mergeAreas(asMergeTable(areas))).toEqual(areas);
        expect(asMergeTable(table)).toBe(table);
        areas.forEach((a, i) => {
          expect(table.area(i)).toEqual(a);
          expect([table.top(i), table.left(i), table.bottom(i), table.right(i)]).toEqual([
            a.top,
            a.left,
            a.bottom,
            a.right,
          ]);
        });
      }),
    );
  });

  it('in a table read only its first `length` areas, however long its memory', () => {
    const data = new Int32Array([1, 1, 2, 3, 5, 5, 6, 6, 9, 9, 9, 9]);
    const table = new MergeTable(data, 2);
    expect(mergeAreas(table)).toEqual([
      { top: 1, left: 1, bottom: 2, right: 3 },
      { top: 5, left: 5, bottom: 6, right: 6 },
    ]);
    expect(visited(table)).toHaveLength(2);
    expect(() => new MergeTable(data, 4)).toThrow(RangeError);
  });

  it('none at all: no areas, no calls', () => {
    expect(mergeAreas(undefined)).toEqual([]);
    expect(visited([])).toEqual([]);
    expect(visited(MergeTable.from([]))).toEqual([]);
    expect(asMergeTable(undefined).length).toBe(0);
  });
});

describe('two tables of the same areas', () => {
  it('are equal whether or not one was asked for its areas as objects', () => {
    const areas = [{ top: 1, left: 1, bottom: 1, right: 20 }];
    const a = MergeTable.from(areas);
    const b = MergeTable.from(areas);
    a.toAreas();
    expect(a).toEqual(b);
    expect(MergeTable.from([...areas, { top: 2, left: 1, bottom: 3, right: 1 }])).not.toEqual(b);
  });
});
