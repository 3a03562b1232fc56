/**
 * Merged areas in one typed array, four numbers each (top, left, bottom, right): what a reader of a
 * large sheet hands over instead of one object per area. A national recap holds close to a million
 * merged areas; as objects they lived through the whole run and each young-generation collection
 * copied them (0.4 s of a 4 s check at 50,000 units).
 */
import type { Area } from './address';

export class MergeTable {
  /** The areas as objects, once asked for (a private field: two tables of the same areas are equal). */
  #areas: Area[] | undefined;

  /** `data` holds `length` areas: data[4i..4i+3] = top, left, bottom, right (1-based). */
  constructor(
    readonly data: Int32Array,
    readonly length: number,
  ) {
    if (data.length < length * 4) throw new RangeError('MergeTable: data shorter than its length');
  }

  top(i: number): number {
    return this.data[i * 4];
  }

  left(i: number): number {
    return this.data[i * 4 + 1];
  }

  bottom(i: number): number {
    return this.data[i * 4 + 2];
  }

  right(i: number): number {
    return this.data[i * 4 + 3];
  }

  area(i: number): Area {
    const d = this.data;
    const k = i * 4;
    return { top: d[k], left: d[k + 1], bottom: d[k + 2], right: d[k + 3] };
  }

  /** Every area as an object, made once (for the writers, which look at few of them). */
  toAreas(): Area[] {
    if (!this.#areas) {
      const out = new Array<Area>(this.length);
      for (let i = 0; i < this.length; i++) out[i] = this.area(i);
      this.#areas = out;
    }
    return this.#areas;
  }

  static from(areas: readonly Area[]): MergeTable {
    const data = new Int32Array(areas.length * 4);
    areas.forEach((a, i) => data.set([a.top, a.left, a.bottom, a.right], i * 4));
    return new MergeTable(data, areas.length);
  }
}

/** A grid's merged areas in either form. */
export type Merges = Area[] | MergeTable;

/** The merged areas as objects, whichever form they come in. */
export function mergeAreas(merges: Merges | undefined): readonly Area[] {
  if (!merges) return [];
  return merges instanceof MergeTable ? merges.toAreas() : merges;
}

/** The merged areas as a table, whichever form they come in (an empty table for none). */
export function asMergeTable(merges: Merges | undefined): MergeTable {
  if (merges instanceof MergeTable) return merges;
  return MergeTable.from(merges ?? []);
}

/**
 * Calls `fn` with each merged area's bounds in order, making no object per area: the reader's
 * passes over every merge of a sheet.
 */
export function eachMerge(
  merges: Merges | undefined,
  fn: (top: number, left: number, bottom: number, right: number, index: number) => void,
): void {
  if (!merges) return;
  if (merges instanceof MergeTable) {
    const d = merges.data;
    for (let i = 0, k = 0; i < merges.length; i++, k += 4)
      fn(d[k], d[k + 1], d[k + 2], d[k + 3], i);
  } else {
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      fn(m.top, m.left, m.bottom, m.right, i);
    }
  }
}
