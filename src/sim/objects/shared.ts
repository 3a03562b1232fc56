/**
 * What the simulated Excel objects share: the guards every write passes
 * (read-only workbook, protected sheet, deleted sheet), structural changes,
 * the collection base, the active sheet and selection, and late-bound
 * constructors so that object families create each other without import cycles.
 */
import { areaCells, parseAddress, type Area } from '../a1';
import { ErrorCodes, Messages, simError } from '../errors';
import {
  SimClientObject,
  SimClientResult,
  type Exec,
  type LoadTree,
  type RangeTarget,
  type ContextCore,
} from '../client';
import { shiftFormulas } from '../formula-refs';
import { findSheet, type SheetModel } from '../model';
import { adjustArea, type StructuralChange } from '../shift';

export function guardWritable(exec: Exec, sheet: SheetModel, location: string): void {
  guardDocument(exec, location);
  if (sheet.protected) throw simError(ErrorCodes.accessDenied, Messages.protectedSheet(), location);
}

export function guardDocument(exec: Exec, location: string): void {
  const mode = exec.state.options.documentMode;
  if (mode === 'readOnly')
    throw simError(ErrorCodes.accessDenied, Messages.readOnlyWorkbook(), location);
  if (mode === 'viewOnly')
    throw simError(ErrorCodes.accessDenied, Messages.viewOnlyWorkbook(), location);
}

export function sheetStillThere(exec: Exec, sheet: SheetModel, location: string): void {
  if (!exec.state.model.sheets.includes(sheet))
    throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), location);
}

export function notifyStructure(exec: Exec, ch: StructuralChange): void {
  if (exec.state.options.behaviours.shiftFormulaReferences) shiftFormulas(exec.state.model, ch);
  for (const live of exec.state.liveRanges) {
    if (live.sheet !== ch.sheet || live.deleted) continue;
    const next = adjustArea(live.area, ch);
    if (next) live.area = next;
    else live.deleted = true;
  }
}

export const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

export function validateSheetName(
  model: { sheets: SheetModel[] },
  name: unknown,
  self: SheetModel | null,
  location: string,
): string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > 31 ||
    INVALID_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
  }
  const clash = model.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw simError(ErrorCodes.itemAlreadyExists, 'The resource already exists.', location);
  return name;
}

export function withStyled(exec: Exec): boolean {
  return exec.state.options.behaviours.formattedCellsInUsedRange;
}

/** The locale typed text is read in, unless that behaviour is switched off. */
export function typedLocale(exec: Exec): 'en-US' | 'id-ID' | undefined {
  const { options } = exec.state;
  return options.behaviours.localeInput ? options.inputLocale : undefined;
}

/** Excel refuses to read cell by cell a range of more cells than it supports (RangeExceedsLimit). */
export function guardCellCount(exec: Exec, area: Area, location: string): void {
  const limit = exec.state.options.behaviours.cellLimit;
  if (limit !== null && areaCells(area) > limit)
    throw simError(ErrorCodes.rangeExceedsLimit, Messages.rangeExceedsLimit(), location);
}

/* ------------------------------------------------------------------ Collections */

export abstract class SimCollection<TItem extends SimClientObject> extends SimClientObject {
  readonly _scalarNames: readonly string[] = [];
  _items: TItem[] | undefined;

  get items(): TItem[] {
    if (this._items === undefined) {
      if (this._isNull) return [];
      throw propertyNotLoadedItems(this._typeName);
    }
    return this._items;
  }

  abstract _itemTargets(exec: Exec): unknown[];
  abstract _makeItem(target: unknown, index: number): TItem;
  abstract _itemPrototype(): TItem;

  _read(): unknown {
    return undefined;
  }

  _itemTree(tree: LoadTree): LoadTree {
    const items = tree.nav.get('items');
    if (items && tree.scalars.size === 0 && tree.nav.size === 1) return items;
    const t: LoadTree = { all: tree.all, scalars: new Set(tree.scalars), nav: new Map(tree.nav) };
    t.scalars.delete('items');
    if (tree.scalars.has('items')) t.all = true;
    if (items) {
      for (const s of items.scalars) t.scalars.add(s);
      for (const [k, v] of items.nav) t.nav.set(k, v);
      t.all = t.all || items.all;
    }
    return t;
  }

  _validateTree(tree: LoadTree): void {
    this._itemPrototype()._validateTree(this._itemTree(tree));
  }

  _snapshot(exec: Exec, tree: LoadTree): unknown {
    if (this._resolve(exec) === null) {
      exec.deliveries.push(() => {
        this._isNull = true;
      });
      return null;
    }
    const itemTree = this._itemTree(tree);
    const items = this._itemTargets(exec).map((t, i) => this._makeItem(t, i));
    const data = items.map((item) => item._snapshot(exec, itemTree));
    exec.deliveries.push(() => {
      this._isNull = false;
      this._items = items;
    });
    return { items: data };
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._queue({
      wire: { method: 'getCount' },
      run: (exec) => {
        const n = this._itemTargets(exec).length;
        exec.addResponse(8, `${this._typeName}.getCount`);
        exec.deliveries.push(() => {
          result._loaded = true;
          result._value = n;
        });
      },
      label: () => `${this._describe()}.getCount()`,
    });
    return result;
  }

  toJSON(): Record<string, unknown> {
    return this._items ? { items: this._items.map((i) => i.toJSON()) } : {};
  }
}

export function propertyNotLoadedItems(typeName: string) {
  return simError('PropertyNotLoaded', Messages.propertyNotLoaded('items'), `${typeName}.items`);
}

export function activeSheetOf(exec: Exec): SheetModel {
  const { model } = exec.state;
  const s =
    findSheet(model, model.activeSheet) ??
    model.sheets.find((x) => x.visibility === 'Visible') ??
    model.sheets[0];
  if (!s)
    throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), 'Workbook.getActiveWorksheet');
  return s;
}

export function selectionTarget(exec: Exec, cellOnly: boolean): RangeTarget {
  const { model } = exec.state;
  const active = activeSheetOf(exec);
  let area: Area = { top: 1, left: 1, bottom: 1, right: 1 };
  if (model.selection && findSheet(model, model.selection.sheet) === active) {
    const p = parseAddress(model.selection.address);
    if (p) area = p.area;
  }
  if (cellOnly) area = { top: area.top, left: area.left, bottom: area.top, right: area.left };
  return { sheet: active, area };
}

/** A range proxy as other object families see it (format, areas, charts). */
export interface RangeLike extends SimClientObject {
  readonly _path: string;
  _resolve(exec: Exec): RangeTarget | null;
  _describe(): string;
  readonly address: string;
  readonly values: any[][];
}

/** A worksheet proxy as ranges and charts see it. */
export interface WorksheetLike extends SimClientObject {
  readonly _path: string;
  _resolve(exec: Exec): SheetModel | null;
  _describe(): string;
  readonly name: string;
}

type RangeFactory = (
  ctx: ContextCore,
  parent: SimClientObject,
  path: string,
  locate: (exec: Exec) => RangeTarget | null,
  invalidAfterRequest?: boolean,
) => RangeLike;
type WorksheetFactory = (
  ctx: ContextCore,
  parent: SimClientObject,
  path: string,
  locate: (exec: Exec) => SheetModel | null,
) => WorksheetLike;

/**
 * Constructors registered by range.ts and worksheet.ts when they load (objects.ts
 * loads them all): a range's collection makes ranges and a range its worksheet
 * without importing the modules that import them.
 */
const factories: { range?: RangeFactory; worksheet?: WorksheetFactory } = {};

export function registerFactories(f: { range?: RangeFactory; worksheet?: WorksheetFactory }): void {
  Object.assign(factories, f);
}

export const makeRange: RangeFactory = (...args) => {
  if (!factories.range) throw new Error('src/sim/objects/range.ts is not loaded');
  return factories.range(...args);
};

export const makeWorksheet: WorksheetFactory = (...args) => {
  if (!factories.worksheet) throw new Error('src/sim/objects/worksheet.ts is not loaded');
  return factories.worksheet(...args);
};
