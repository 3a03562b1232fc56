/** The simulated RangeAreas (merged areas) and RangeCollection. */
import { areaCells, qualifiedAddress, type Area } from '../a1';
import { ErrorCodes, Messages, simError } from '../errors';
import { SimClientObject, type Exec, type RangeTarget, type ContextCore } from '../client';
import { type SheetModel } from '../model';
import { sheetStillThere, SimCollection, makeRange, type RangeLike } from './shared';

/* ------------------------------------------------------------------ RangeAreas */

export interface AreasTarget {
  sheet: SheetModel;
  areas: Area[];
}

export class SimRangeAreas extends SimClientObject {
  readonly _typeName = 'RangeAreas';
  readonly _scalarNames: readonly string[] = ['address', 'addressLocal', 'areaCount', 'cellCount'];
  private _target: AreasTarget | null | undefined = undefined;
  readonly areas: SimRangeCollection;

  constructor(
    ctx: ContextCore,
    parent: SimClientObject,
    path: string,
    private readonly _locate: (exec: Exec) => AreasTarget | null,
  ) {
    super(ctx, parent, path);
    this.areas = new SimRangeCollection(ctx, this, `${path}.areas`, (exec) => {
      const t = this._resolve(exec);
      return t ? t.areas.map((a) => ({ sheet: t.sheet, area: a })) : null;
    });
  }

  _resolve(exec: Exec): AreasTarget | null {
    if (this._target === undefined) this._target = this._locate(exec);
    if (this._target) sheetStillThere(exec, this._target.sheet, 'RangeAreas');
    return this._target;
  }

  _nav(name: string): SimClientObject | undefined {
    return name === 'areas' ? this.areas : undefined;
  }

  _describe(): string {
    return this._target
      ? `RangeAreas(${this._target.areas.length} areas on ${this._target.sheet.name})`
      : this._path;
  }

  /** Excel joins the areas with commas, each with its sheet ("Sheet1!A4:A5,Sheet1!E4:M4"). */
  _read(exec: Exec, prop: string): unknown {
    const t = this._resolve(exec)!;
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return t.areas.map((a) => qualifiedAddress(t.sheet.name, a)).join(',');
      case 'areaCount':
        return t.areas.length;
      case 'cellCount':
        return t.areas.reduce((n, a) => n + areaCells(a), 0);
      default:
        return undefined;
    }
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
}

export class SimRangeCollection extends SimCollection<RangeLike> {
  readonly _typeName = 'RangeCollection';

  constructor(
    ctx: ContextCore,
    parent: SimClientObject,
    path: string,
    private readonly _list: (exec: Exec) => RangeTarget[] | null,
  ) {
    super(ctx, parent, path);
  }

  _resolve(exec: Exec): unknown {
    return this._list(exec);
  }

  _itemTargets(exec: Exec): unknown[] {
    return this._list(exec) ?? [];
  }

  _makeItem(target: unknown, index: number): RangeLike {
    const t = target as RangeTarget;
    const r = makeRange(this.context, this, `${this._path}.getItemAt(${index})`, () => t);
    return r;
  }

  _itemPrototype(): RangeLike {
    return makeRange(this.context, this, 'prototype', () => null);
  }

  getItemAt(index: number): RangeLike {
    return makeRange(
      this.context,
      this,
      `${this._path}.getItemAt(${index})`,
      (exec) => {
        const list = this._list(exec);
        if (!list) return null;
        const t = list[index];
        if (!t)
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            'RangeCollection.getItemAt',
          );
        return t;
      },
      true,
    );
  }
}
