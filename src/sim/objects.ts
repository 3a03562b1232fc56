/**
 * The Excel objects of the simulated host: Workbook, WorksheetCollection,
 * Worksheet, Range, RangeFormat/RangeFill/RangeFont, RangeAreas,
 * RangeCollection, SettingCollection and Setting. Each is a proxy in the
 * Office.js manner: methods and property writes queue operations, reads need
 * load() and context.sync(). Only the subset the add-in uses is here; anything
 * else fails loudly ("not simulated") rather than behaving differently from Excel.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  areaAddress,
  areaCells,
  areaColumns,
  areaRows,
  boundingArea,
  cellAddress,
  contains,
  intersection,
  intersects,
  onGrid,
  parseAddress,
  qualifiedAddress,
  type Area,
} from './a1';
import { SimChartCollection } from './charts';
import { normaliseColor } from './color';
import { ErrorCodes, Messages, simError } from './errors';
import {
  SimClientObject,
  SimClientResult,
  jsonBytes,
  type Exec,
  type LoadTree,
  type RangeTarget,
  type SimRequestContext,
} from './client';
import { interpretInput } from './input';
import { shiftFormulas } from './formula-refs';
import {
  GENERAL,
  cellKey,
  cellsIn,
  createSheet,
  findSheet,
  addStyled,
  patchCell,
  usedArea,
  type CellModel,
  type SheetModel,
  type SheetVisibility,
} from './model';
import { displayText } from './number-format';
import {
  adjustArea,
  applyChange,
  describeChange,
  type DeleteShift,
  type InsertShift,
  type StructuralChange,
} from './shift';

const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
]);

/** A read-only or view-only workbook refuses every write; a protected sheet its own cells. */
function guardWritable(exec: Exec, sheet: SheetModel, location: string): void {
  guardDocument(exec, location);
  if (sheet.protected) throw simError(ErrorCodes.accessDenied, Messages.protectedSheet(), location);
}

function guardDocument(exec: Exec, location: string): void {
  const mode = exec.state.options.documentMode;
  if (mode === 'readOnly')
    throw simError(ErrorCodes.accessDenied, Messages.readOnlyWorkbook(), location);
  if (mode === 'viewOnly')
    throw simError(ErrorCodes.accessDenied, Messages.viewOnlyWorkbook(), location);
}

function sheetStillThere(exec: Exec, sheet: SheetModel, location: string): void {
  if (!exec.state.model.sheets.includes(sheet))
    throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), location);
}

function notifyStructure(exec: Exec, ch: StructuralChange): void {
  if (exec.state.options.behaviours.shiftFormulaReferences) shiftFormulas(exec.state.model, ch);
  for (const live of exec.state.liveRanges) {
    if (live.sheet !== ch.sheet || live.deleted) continue;
    const next = adjustArea(live.area, ch);
    if (next) live.area = next;
    else live.deleted = true;
  }
}

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

function validateSheetName(
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

function withStyled(exec: Exec): boolean {
  return exec.state.options.behaviours.formattedCellsInUsedRange;
}

/** The locale typed text is read in, unless that behaviour is switched off. */
function typedLocale(exec: Exec): 'en-US' | 'id-ID' | undefined {
  const { options } = exec.state;
  return options.behaviours.localeInput ? options.inputLocale : undefined;
}

/** Excel refuses to read cell by cell a range of more cells than it supports (RangeExceedsLimit). */
function guardCellCount(exec: Exec, area: Area, location: string): void {
  const limit = exec.state.options.behaviours.cellLimit;
  if (limit !== null && areaCells(area) > limit)
    throw simError(ErrorCodes.rangeExceedsLimit, Messages.rangeExceedsLimit(), location);
}

/* ------------------------------------------------------------------ Collections */

abstract class SimCollection<TItem extends SimClientObject> extends SimClientObject {
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

function propertyNotLoadedItems(typeName: string) {
  return simError('PropertyNotLoaded', Messages.propertyNotLoaded('items'), `${typeName}.items`);
}

/* ------------------------------------------------------------------ Workbook */

export class SimWorkbook extends SimClientObject {
  readonly _typeName = 'Workbook';
  readonly _scalarNames: readonly string[] = [];
  readonly worksheets: SimWorksheetCollection;
  readonly settings: SimSettingCollection;

  constructor(ctx: SimRequestContext) {
    super(ctx, null, 'workbook');
    this.worksheets = new SimWorksheetCollection(ctx, this);
    this.settings = new SimSettingCollection(ctx, this);
  }

  _resolve(): unknown {
    return true;
  }

  _read(): unknown {
    return undefined;
  }

  _nav(name: string): SimClientObject | undefined {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'settings') return this.settings;
    return undefined;
  }

  /** The selected range (model.selection), or A1 of the active sheet. */
  getSelectedRange(): SimRange {
    return new SimRange(
      this.context,
      this,
      'workbook.getSelectedRange()',
      (exec) => selectionTarget(exec, false),
      true,
    );
  }

  getActiveCell(): SimRange {
    return new SimRange(
      this.context,
      this,
      'workbook.getActiveCell()',
      (exec) => selectionTarget(exec, true),
      true,
    );
  }
}

function activeSheetOf(exec: Exec): SheetModel {
  const { model } = exec.state;
  const s =
    findSheet(model, model.activeSheet) ??
    model.sheets.find((x) => x.visibility === 'Visible') ??
    model.sheets[0];
  if (!s)
    throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), 'Workbook.getActiveWorksheet');
  return s;
}

function selectionTarget(exec: Exec, cellOnly: boolean): RangeTarget {
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

/* ------------------------------------------------------------------ Worksheets */

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  readonly _typeName = 'WorksheetCollection';

  constructor(ctx: SimRequestContext, parent: SimClientObject) {
    super(ctx, parent, 'workbook.worksheets');
  }

  _resolve(): unknown {
    return true;
  }

  _itemTargets(exec: Exec): unknown[] {
    return [...exec.state.model.sheets];
  }

  _makeItem(target: unknown, index: number): SimWorksheet {
    const ws = new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.getItemAt(${index})`,
      () => target as SheetModel,
    );
    ws._target = target as SheetModel;
    return ws;
  }

  _itemPrototype(): SimWorksheet {
    return new SimWorksheet(this.context, this, 'prototype', () => null);
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this,
      'workbook.worksheets.getActiveWorksheet()',
      (exec) => activeSheetOf(exec),
    );
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.getItem(${JSON.stringify(key)})`,
      (exec) => {
        const s = sheetByKey(exec, key);
        if (!s)
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            'WorksheetCollection.getItem',
          );
        return s;
      },
    );
  }

  getItemOrNullObject(key: string): SimWorksheet {
    const ws = new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      (exec) => sheetByKey(exec, key) ?? null,
    );
    ws._instantiate();
    return ws;
  }

  getFirst(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.getFirst(${visibleOnly})`,
      (exec) => {
        const s = exec.state.model.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
        if (!s)
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            'WorksheetCollection.getFirst',
          );
        return s;
      },
    );
  }

  getLast(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.getLast(${visibleOnly})`,
      (exec) => {
        const s = [...exec.state.model.sheets]
          .reverse()
          .find((x) => !visibleOnly || x.visibility === 'Visible');
        if (!s)
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            'WorksheetCollection.getLast',
          );
        return s;
      },
    );
  }

  /** Adds a sheet at the end, as Excel does; it does not become active. */
  add(name?: string): SimWorksheet {
    const ws = new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.add(${JSON.stringify(name ?? '')})`,
      () => {
        throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), 'WorksheetCollection.add');
      },
    );
    ws._invalidAfterRequest = true;
    this._queue({
      wire: { method: 'add', name: name ?? null },
      run: (exec) => {
        const { model } = exec.state;
        let n = name;
        if (n === undefined || n === null) {
          let i = model.sheets.length + 1;
          while (findSheet(model, `Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        const sheet = createSheet(validateSheetName(model, n, null, 'WorksheetCollection.add'));
        model.sheets.push(sheet);
        ws._target = sheet;
      },
      label: () => `workbook.worksheets.add(${JSON.stringify(name ?? '')})`,
    });
    return ws;
  }
}

function sheetByKey(exec: Exec, key: string): SheetModel | undefined {
  const byName = findSheet(exec.state.model, key);
  if (byName) return byName;
  return exec.state.model.sheets.find((s) => sheetId(exec, s) === key);
}

function sheetId(exec: Exec, sheet: SheetModel): string {
  let id = exec.state.sheetIds.get(sheet);
  if (!id) {
    const n = ++exec.state.nextSheetId;
    id = `{00000000-0001-0000-${String(n).padStart(4, '0')}-000000000000}`;
    exec.state.sheetIds.set(sheet, id);
  }
  return id;
}

export class SimWorksheetProtection extends SimClientObject {
  readonly _typeName = 'WorksheetProtection';
  readonly _scalarNames: readonly string[] = ['protected'];

  constructor(
    ctx: SimRequestContext,
    readonly _sheet: SimWorksheet,
  ) {
    super(ctx, _sheet, `${_sheet._path}.protection`);
  }

  get protected(): boolean {
    return this._get('protected');
  }

  _resolve(exec: Exec): SheetModel | null {
    return this._sheet._resolve(exec);
  }

  _read(exec: Exec, prop: string): unknown {
    const s = this._resolve(exec);
    return prop === 'protected' ? Boolean(s?.protected) : undefined;
  }

  protect(_options?: unknown, _password?: string): void {
    this._setProtected(true);
  }

  unprotect(_password?: string): void {
    this._setProtected(false);
  }

  private _setProtected(on: boolean): void {
    this._queue({
      wire: { method: on ? 'protect' : 'unprotect' },
      run: (exec) => {
        const s = this._resolve(exec);
        if (s) s.protected = on;
      },
      label: () => `${this._sheet._describe()}.protection.${on ? 'protect' : 'unprotect'}()`,
    });
  }
}

export class SimWorksheet extends SimClientObject {
  readonly _typeName = 'Worksheet';
  readonly _scalarNames: readonly string[] = ['name', 'id', 'position', 'visibility'];
  _target: SheetModel | null | undefined = undefined;
  private _protection?: SimWorksheetProtection;
  private _charts?: SimChartCollection;

  constructor(
    ctx: SimRequestContext,
    parent: SimClientObject,
    path: string,
    private readonly _locate: (exec: Exec) => SheetModel | null,
  ) {
    super(ctx, parent, path);
  }

  _instantiate(): void {
    this._queue({
      wire: { instantiate: true },
      run: () => undefined,
      label: () => `${this._path} (instantiate)`,
    });
  }

  _resolve(exec: Exec): SheetModel | null {
    if (this._target === undefined) this._target = this._locate(exec);
    if (this._target) sheetStillThere(exec, this._target, `${this._typeName}`);
    return this._target;
  }

  _describe(): string {
    return this._target ? `Worksheet(${this._target.name})` : this._path;
  }

  _nav(name: string): SimClientObject | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'charts') return this.charts;
    return undefined;
  }

  _read(exec: Exec, prop: string): unknown {
    const s = this._resolve(exec)!;
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return sheetId(exec, s);
      case 'position':
        return exec.state.model.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        return undefined;
    }
  }

  get protection(): SimWorksheetProtection {
    if (!this._protection) this._protection = new SimWorksheetProtection(this.context, this);
    return this._protection;
  }

  get charts(): SimChartCollection {
    if (!this._charts) this._charts = new SimChartCollection(this.context, this);
    return this._charts;
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._fields.name = value;
    this._queue({
      wire: { set: 'name', value },
      run: (exec) => {
        const s = this._resolve(exec);
        if (!s) return;
        const { model } = exec.state;
        const old = s.name;
        s.name = validateSheetName(model, value, s, 'Worksheet.name');
        if (model.activeSheet === old) model.activeSheet = s.name;
        if (model.selection?.sheet === old) model.selection.sheet = s.name;
      },
      label: () => `${this._describe()}.name = ${JSON.stringify(value)}`,
    });
  }

  get id(): string {
    return this._get('id');
  }

  get position(): number {
    return this._get('position');
  }

  set position(value: number) {
    this._fields.position = value;
    this._queue({
      wire: { set: 'position', value },
      run: (exec) => {
        const s = this._resolve(exec);
        if (!s) return;
        const sheets = exec.state.model.sheets;
        if (!Number.isInteger(value) || value < 0 || value >= sheets.length)
          throw simError(
            ErrorCodes.invalidArgument,
            Messages.invalidArgument(),
            'Worksheet.position',
          );
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(value, 0, s);
      },
      label: () => `${this._describe()}.position = ${value}`,
    });
  }

  get visibility(): SheetVisibility {
    return this._get('visibility');
  }

  set visibility(value: SheetVisibility) {
    this._fields.visibility = value;
    this._queue({
      wire: { set: 'visibility', value },
      run: (exec) => {
        const s = this._resolve(exec);
        if (!s) return;
        if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden')
          throw simError(
            ErrorCodes.invalidArgument,
            Messages.invalidArgument(),
            'Worksheet.visibility',
          );
        const { model } = exec.state;
        if (
          value !== 'Visible' &&
          s.visibility === 'Visible' &&
          model.sheets.filter((x) => x.visibility === 'Visible').length === 1
        ) {
          throw simError(
            ErrorCodes.invalidOperation,
            'A workbook must contain at least one visible worksheet.',
            'Worksheet.visibility',
          );
        }
        s.visibility = value;
        if (value !== 'Visible' && findSheet(model, model.activeSheet) === s) {
          const next = model.sheets.find((x) => x.visibility === 'Visible')!;
          model.activeSheet = next.name;
          model.selection = { sheet: next.name, address: 'A1' };
        }
      },
      label: () => `${this._describe()}.visibility = ${value}`,
    });
  }

  activate(): void {
    this._queue({
      wire: { method: 'activate' },
      run: (exec) => {
        const s = this._resolve(exec);
        if (!s) return;
        if (s.visibility !== 'Visible')
          throw simError(
            ErrorCodes.invalidOperation,
            'The operation is not allowed for a hidden worksheet.',
            'Worksheet.activate',
          );
        const { model } = exec.state;
        model.activeSheet = s.name;
        if (model.selection?.sheet !== s.name) model.selection = { sheet: s.name, address: 'A1' };
      },
      label: () => `${this._describe()}.activate()`,
    });
  }

  delete(): void {
    this._queue({
      wire: { method: 'delete' },
      run: (exec) => {
        const s = this._resolve(exec);
        if (!s) return;
        const { model } = exec.state;
        if (
          s.visibility === 'Visible' &&
          model.sheets.filter((x) => x.visibility === 'Visible').length === 1
        ) {
          throw simError(
            ErrorCodes.invalidOperation,
            'A workbook must contain at least one visible worksheet.',
            'Worksheet.delete',
          );
        }
        model.sheets.splice(model.sheets.indexOf(s), 1);
        if (model.activeSheet.toLowerCase() === s.name.toLowerCase()) {
          model.activeSheet = model.sheets.find((x) => x.visibility === 'Visible')!.name;
        }
        if (model.selection?.sheet.toLowerCase() === s.name.toLowerCase())
          model.selection = { sheet: model.activeSheet, address: 'A1' };
      },
      label: () => `${this._describe()}.delete()`,
    });
  }

  calculate(_markAllDirty?: boolean): void {
    return undefined;
  }

  private _range(
    call: string,
    area: (exec: Exec, sheet: SheetModel) => Area | null,
    nullable = false,
  ): SimRange {
    const r = new SimRange(
      this.context,
      this,
      `${this._path}.${call}`,
      (exec) => {
        const s = this._resolve(exec);
        if (!s) return null;
        const a = area(exec, s);
        if (!a) {
          if (nullable) return null;
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            `Worksheet.${call.split('(')[0]}`,
          );
        }
        if (!onGrid(a))
          throw simError(
            ErrorCodes.invalidArgument,
            Messages.invalidArgument(),
            `Worksheet.${call.split('(')[0]}`,
          );
        return { sheet: s, area: a };
      },
      true,
    );
    if (nullable) r._instantiate();
    return r;
  }

  /** A1 address ("A1", "A1:T335", "A:A", "5:5"); no address gives the whole sheet. */
  getRange(address?: string): SimRange {
    return this._range(`getRange(${JSON.stringify(address ?? '')})`, (_exec, sheet) => {
      if (address === undefined || address === '')
        return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
      const p = parseAddress(address);
      if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw simError(
          ErrorCodes.invalidArgument,
          Messages.invalidArgument(),
          'Worksheet.getRange',
        );
      }
      return p.area;
    });
  }

  /** 0-based start, like Office.js. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): SimRange {
    return this._range(
      `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        if (
          ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) ||
          rowCount < 1 ||
          columnCount < 1 ||
          startRow < 0 ||
          startColumn < 0
        ) {
          throw simError(
            ErrorCodes.invalidArgument,
            Messages.invalidArgument(),
            'Worksheet.getRangeByIndexes',
          );
        }
        return {
          top: startRow + 1,
          left: startColumn + 1,
          bottom: startRow + rowCount,
          right: startColumn + columnCount,
        };
      },
    );
  }

  /** 0-based, like Office.js. */
  getCell(row: number, column: number): SimRange {
    return this._range(`getCell(${row},${column})`, () => ({
      top: row + 1,
      left: column + 1,
      bottom: row + 1,
      right: column + 1,
    }));
  }

  /** Excel gives A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): SimRange {
    return this._range(
      `getUsedRange(${valuesOnly})`,
      (_exec, sheet) =>
        usedArea(sheet, valuesOnly, withStyled(_exec)) ?? { top: 1, left: 1, bottom: 1, right: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._range(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (_exec, sheet) => usedArea(sheet, valuesOnly, withStyled(_exec)),
      true,
    );
  }
}

/* ------------------------------------------------------------------ Range */

type RangeLocator = (exec: Exec) => RangeTarget | null;

/** Arguments Office.js accepts where a range is expected: a Range or an address on the same sheet. */
type RangeArg = SimRange | string;

const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'values',
  'text',
  'formulas',
  'formulasLocal',
  'numberFormat',
  'numberFormatLocal',
  'valueTypes',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'cellCount',
  'isEntireRow',
  'isEntireColumn',
] as const;

/** Per-cell readers bound to the grid properties (values, text, ...). */
function cellReader(prop: string, exec: Exec): ((c: CellModel | undefined) => unknown) | null {
  switch (prop) {
    case 'values':
      return (c) => c?.value ?? '';
    case 'text':
      return (c) =>
        c ? displayText(c.value, c.numberFormat, exec.state.options.numberLocale) : '';
    case 'formulas':
    case 'formulasLocal':
      return (c) => (c ? (c.formula ?? c.value) : '');
    case 'numberFormat':
    case 'numberFormatLocal':
      return (c) => c?.numberFormat ?? GENERAL;
    case 'valueTypes':
      return (c) => {
        const v = c?.value ?? '';
        if (v === '') return 'Empty';
        if (typeof v === 'boolean') return 'Boolean';
        if (typeof v === 'number') return 'Double';
        return EXCEL_ERRORS.has(v) ? 'Error' : 'String';
      };
    default:
      return null;
  }
}

type CellPropsRequest = {
  address?: boolean;
  addressLocal?: boolean;
  hidden?: boolean;
  format?: { fill?: { color?: boolean; pattern?: boolean } };
};

function validateCellPropsRequest(opts: unknown): CellPropsRequest {
  const fail = (what: string) =>
    simError(
      ErrorCodes.invalidArgument,
      Messages.notSimulated(`getCellProperties(${what})`),
      'Range.getCellProperties',
    );
  if (!opts || typeof opts !== 'object')
    throw simError(
      ErrorCodes.invalidArgument,
      Messages.invalidArgument(),
      'Range.getCellProperties',
    );
  for (const [k, v] of Object.entries(opts as Record<string, unknown>)) {
    if (k === 'address' || k === 'addressLocal' || k === 'hidden') continue;
    if (k !== 'format' || !v || typeof v !== 'object') throw fail(k);
    for (const [fk, fv] of Object.entries(v as Record<string, unknown>)) {
      if (fk !== 'fill' || !fv || typeof fv !== 'object') throw fail(`format.${fk}`);
      for (const pk of Object.keys(fv as Record<string, unknown>))
        if (pk !== 'color' && pk !== 'pattern') throw fail(`format.fill.${pk}`);
    }
  }
  return opts as CellPropsRequest;
}

/** Cell properties that only change the look: accepted and ignored by setCellProperties. */
const COSMETIC_FORMAT_KEYS = new Set([
  'font',
  'wrapText',
  'horizontalAlignment',
  'verticalAlignment',
  'borders',
  'indentLevel',
  'textOrientation',
  'shrinkToFit',
  'autoIndent',
  'protection',
  'readingOrder',
  'useStandardHeight',
  'useStandardWidth',
]);

export class SimRange extends SimClientObject {
  readonly _typeName = 'Range';
  readonly _scalarNames: readonly string[] = RANGE_SCALARS;
  _target: RangeTarget | null | undefined = undefined;
  private _format?: SimRangeFormat;
  private _worksheet?: SimWorksheet;

  constructor(
    ctx: SimRequestContext,
    parent: SimClientObject,
    path: string,
    private readonly _locate: RangeLocator,
    invalidAfterRequest = false,
  ) {
    super(ctx, parent, path);
    this._invalidAfterRequest = invalidAfterRequest;
  }

  _instantiate(): void {
    this._queue({
      wire: { instantiate: true },
      run: () => undefined,
      label: () => `${this._path} (instantiate)`,
    });
  }

  /** Locates the range once; from then on it is tracked and moves with inserted or deleted cells. */
  _resolve(exec: Exec): RangeTarget | null {
    if (this._target === undefined) {
      const t = this._locate(exec);
      this._adopt(exec, t);
    }
    const t = this._target ?? null;
    if (t) {
      if (t.deleted)
        throw simError(ErrorCodes.invalidReference, 'This reference is not valid.', 'Range');
      sheetStillThere(exec, t.sheet, 'Range');
    }
    return t;
  }

  _adopt(exec: Exec, t: RangeTarget | null): void {
    if (!t) {
      this._target = null;
      return;
    }
    const live: RangeTarget = { sheet: t.sheet, area: { ...t.area } };
    exec.state.liveRanges.add(live);
    this.context._live.push(live);
    this._target = live;
  }

  _describe(): string {
    return this._target
      ? `Range(${qualifiedAddress(this._target.sheet.name, this._target.area)})`
      : this._path;
  }

  _nav(name: string): SimClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  _read(exec: Exec, prop: string): unknown {
    const { sheet, area } = this._resolve(exec)!;
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return qualifiedAddress(sheet.name, area);
      case 'rowIndex':
        return area.top - 1;
      case 'columnIndex':
        return area.left - 1;
      case 'rowCount':
        return areaRows(area);
      case 'columnCount':
        return areaColumns(area);
      case 'cellCount': {
        const n = areaCells(area);
        return n > 2147483647 ? -1 : n;
      }
      case 'isEntireRow':
        return area.left === 1 && area.right === MAX_COLS;
      case 'isEntireColumn':
        return area.top === 1 && area.bottom === MAX_ROWS;
    }
    const reader = cellReader(prop, exec);
    if (!reader) return undefined;
    guardCellCount(exec, area, `Range.${prop}`);
    // Each cell costs at least '"",' in the response: refuse before building an impossible grid.
    exec.precheck(areaCells(area), 3, `Range.${prop}`);
    const rows: unknown[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: unknown[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(reader(sheet.cells[cellKey(r, c)]));
      rows.push(row);
    }
    return rows;
  }

  /* ---- properties */

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._fields.values = v;
    this._write('values', v);
  }
  get text(): string[][] {
    return this._get('text');
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(v: any[][]) {
    this._fields.formulas = v;
    this._write('formulas', v);
  }
  get formulasLocal(): any[][] {
    return this._get('formulasLocal');
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._fields.numberFormat = v;
    this._write('numberFormat', v);
  }
  get numberFormatLocal(): any[][] {
    return this._get('numberFormatLocal');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }

  get format(): SimRangeFormat {
    if (!this._format) this._format = new SimRangeFormat(this.context, this);
    return this._format;
  }

  get worksheet(): SimWorksheet {
    if (!this._worksheet) {
      this._worksheet = new SimWorksheet(
        this.context,
        this,
        `${this._path}.worksheet`,
        (exec) => this._resolve(exec)?.sheet ?? null,
      );
    }
    return this._worksheet;
  }

  /** Writes values, formulas or number formats: a 2-D array of the range's shape (null skips a cell) or one scalar for every cell. */
  private _write(prop: 'values' | 'formulas' | 'numberFormat', input: unknown): void {
    const shape = Array.isArray(input)
      ? `[${input.length}x${Array.isArray(input[0]) ? input[0].length : '?'}]`
      : JSON.stringify(input);
    this._queue({
      wire: { set: prop, value: input },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        const loc = `Range.${prop}`;
        guardWritable(exec, t.sheet, loc);
        const { sheet, area } = t;
        if (input === null || input === undefined)
          throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), loc);
        const grid = Array.isArray(input) ? input : null;
        if (grid) {
          const ok =
            grid.length === areaRows(area) &&
            grid.every((row) => Array.isArray(row) && row.length === areaColumns(area));
          if (!ok) throw simError(ErrorCodes.invalidArgument, Messages.shapeMismatch(), loc);
        }
        const writeCell = (r: number, c: number, v: unknown) => {
          if (v === null || v === undefined) return;
          const m = sheet.merges.find(
            (x) => x.top <= r && r <= x.bottom && x.left <= c && c <= x.right,
          );
          const covered = m !== undefined && (m.top !== r || m.left !== c);
          if (prop === 'numberFormat') {
            if (typeof v !== 'string')
              throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), loc);
            patchCell(sheet, r, c, { numberFormat: v === '' ? undefined : v });
            return;
          }
          if (covered) {
            // Excel keeps a merged area's value in its top-left cell only.
            if (v !== '')
              exec.log(
                `  ignored ${JSON.stringify(v)} for ${cellAddress(r, c)} inside merged ${areaAddress(m!)}`,
              );
            return;
          }
          const cur = sheet.cells[cellKey(r, c)];
          const res = interpretInput(v, cur?.numberFormat, loc, typedLocale(exec));
          const patch: Partial<CellModel> = { value: res.value, formula: res.formula };
          if (res.numberFormat) patch.numberFormat = res.numberFormat;
          patchCell(sheet, r, c, patch);
        };
        if (!grid && input === '' && prop !== 'numberFormat') {
          for (const { row, col } of cellsIn(sheet, area))
            patchCell(sheet, row, col, { value: '', formula: undefined });
          return;
        }
        if (!grid && input === '' && prop === 'numberFormat') {
          for (const { row, col } of cellsIn(sheet, area))
            patchCell(sheet, row, col, { numberFormat: undefined });
          return;
        }
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++)
            writeCell(r, c, grid ? grid[r - area.top][c - area.left] : input);
        }
      },
      label: () => `${this._describe()}.${prop} = ${shape}`,
    });
  }

  /* ---- derived ranges */

  private _derive(
    call: string,
    f: (t: RangeTarget, exec: Exec) => Area | null,
    nullable = false,
  ): SimRange {
    const name = call.split('(')[0];
    const r = new SimRange(
      this.context,
      this,
      `${this._path}.${call}`,
      (exec) => {
        const t = this._resolve(exec);
        if (!t) return null;
        const a = f(t, exec);
        if (!a) {
          if (nullable) return null;
          throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), `Range.${name}`);
        }
        if (!onGrid(a))
          throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), `Range.${name}`);
        return { sheet: t.sheet, area: a };
      },
      true,
    );
    if (nullable) r._instantiate();
    return r;
  }

  private _otherArea(exec: Exec, other: RangeArg, sheet: SheetModel, location: string): Area {
    if (typeof other === 'string') {
      const p = parseAddress(other);
      if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()))
        throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
      return p.area;
    }
    if (other.context !== this.context)
      throw simError('InvalidRequestContext', Messages.invalidRequestContext(), location);
    const t = other._resolve(exec);
    if (!t || t.sheet !== sheet)
      throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
    return t.area;
  }

  /** 0-based, relative to the range's top-left cell; may lie outside the range. */
  getCell(row: number, column: number): SimRange {
    return this._derive(`getCell(${row},${column})`, ({ area }) => ({
      top: area.top + row,
      left: area.left + column,
      bottom: area.top + row,
      right: area.left + column,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive(`getOffsetRange(${rowOffset},${columnOffset})`, ({ area }) => ({
      top: area.top + rowOffset,
      bottom: area.bottom + rowOffset,
      left: area.left + columnOffset,
      right: area.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derive(`getResizedRange(${deltaRows},${deltaColumns})`, ({ area }) => ({
      ...area,
      bottom: area.bottom + deltaRows,
      right: area.right + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    return this._derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, ({ area }) => ({
      ...area,
      bottom: area.top + numRows - 1,
      right: area.left + numColumns - 1,
    }));
  }

  getRow(row: number): SimRange {
    return this._derive(`getRow(${row})`, ({ area }) => ({
      ...area,
      top: area.top + row,
      bottom: area.top + row,
    }));
  }

  getColumn(column: number): SimRange {
    return this._derive(`getColumn(${column})`, ({ area }) => ({
      ...area,
      left: area.left + column,
      right: area.left + column,
    }));
  }

  getEntireRow(): SimRange {
    return this._derive('getEntireRow()', ({ area }) => ({ ...area, left: 1, right: MAX_COLS }));
  }

  getEntireColumn(): SimRange {
    return this._derive('getEntireColumn()', ({ area }) => ({ ...area, top: 1, bottom: MAX_ROWS }));
  }

  getRowsAbove(count = 1): SimRange {
    return this._derive(`getRowsAbove(${count})`, ({ area }) => ({
      ...area,
      top: area.top - count,
      bottom: area.top - 1,
    }));
  }

  getRowsBelow(count = 1): SimRange {
    return this._derive(`getRowsBelow(${count})`, ({ area }) => ({
      ...area,
      top: area.bottom + 1,
      bottom: area.bottom + count,
    }));
  }

  getColumnsBefore(count = 1): SimRange {
    return this._derive(`getColumnsBefore(${count})`, ({ area }) => ({
      ...area,
      left: area.left - count,
      right: area.left - 1,
    }));
  }

  getColumnsAfter(count = 1): SimRange {
    return this._derive(`getColumnsAfter(${count})`, ({ area }) => ({
      ...area,
      left: area.right + 1,
      right: area.right + count,
    }));
  }

  getLastRow(): SimRange {
    return this._derive('getLastRow()', ({ area }) => ({ ...area, top: area.bottom }));
  }

  getLastColumn(): SimRange {
    return this._derive('getLastColumn()', ({ area }) => ({ ...area, left: area.right }));
  }

  getLastCell(): SimRange {
    return this._derive('getLastCell()', ({ area }) => ({
      top: area.bottom,
      left: area.right,
      bottom: area.bottom,
      right: area.right,
    }));
  }

  getIntersection(other: RangeArg): SimRange {
    return this._derive(`getIntersection(${describeArg(other)})`, (t, exec) =>
      intersection(t.area, this._otherArea(exec, other, t.sheet, 'Range.getIntersection')),
    );
  }

  getIntersectionOrNullObject(other: RangeArg): SimRange {
    return this._derive(
      `getIntersectionOrNullObject(${describeArg(other)})`,
      (t, exec) =>
        intersection(
          t.area,
          this._otherArea(exec, other, t.sheet, 'Range.getIntersectionOrNullObject'),
        ),
      true,
    );
  }

  getBoundingRect(other: RangeArg): SimRange {
    return this._derive(`getBoundingRect(${describeArg(other)})`, (t, exec) =>
      boundingArea(t.area, this._otherArea(exec, other, t.sheet, 'Range.getBoundingRect')),
    );
  }

  /** The used part of this range; ItemNotFound when none of it is used. */
  getUsedRange(valuesOnly = false): SimRange {
    return this._derive(`getUsedRange(${valuesOnly})`, (t, exec) => {
      const u = usedArea(t.sheet, valuesOnly, withStyled(exec));
      return u ? intersection(u, t.area) : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._derive(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (t, exec) => {
        const u = usedArea(t.sheet, valuesOnly, withStyled(exec));
        return u ? intersection(u, t.area) : null;
      },
      true,
    );
  }

  /** The merged areas that meet this range, each whole; a null object when there are none. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    const ra = new SimRangeAreas(
      this.context,
      this,
      `${this._path}.getMergedAreasOrNullObject()`,
      (exec) => {
        const t = this._resolve(exec);
        if (!t) return null;
        // Excel lists only the merged areas whose top-left cell lies in the range (office-js #3611).
        const byTopLeft = exec.state.options.behaviours.mergedAreasByTopLeft;
        const areas = t.sheet.merges
          .filter((m) =>
            byTopLeft
              ? contains(t.area, { top: m.top, left: m.left, bottom: m.top, right: m.left })
              : intersects(m, t.area),
          )
          .sort((a, b) => a.top - b.top || a.left - b.left);
        return areas.length ? { sheet: t.sheet, areas: areas.map((a) => ({ ...a })) } : null;
      },
    );
    ra._queue({
      wire: { instantiate: true },
      run: () => undefined,
      label: () => `${ra._path} (instantiate)`,
    });
    return ra;
  }

  /* ---- structure */

  insert(shift: InsertShift | string): SimRange {
    const dir = normaliseShift(shift, ['Down', 'Right'], 'Range.insert') as InsertShift;
    const result = new SimRange(
      this.context,
      this,
      `${this._path}.insert(${JSON.stringify(dir)})`,
      () => null,
      true,
    );
    this._queue({
      wire: { method: 'insert', shift: dir },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) {
          result._target = null;
          return;
        }
        guardWritable(exec, t.sheet, 'Range.insert');
        const area = { ...t.area };
        const ch = describeChange(area, 'insert', dir, t.sheet);
        applyChange(ch, 'Range.insert');
        notifyStructure(exec, ch);
        result._adopt(exec, { sheet: t.sheet, area });
      },
      label: () => `${this._describe()}.insert(${dir})`,
    });
    return result;
  }

  delete(shift: DeleteShift | string): void {
    const dir = normaliseShift(shift, ['Up', 'Left'], 'Range.delete') as DeleteShift;
    this._queue({
      wire: { method: 'delete', shift: dir },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guardWritable(exec, t.sheet, 'Range.delete');
        const ch = describeChange({ ...t.area }, 'delete', dir, t.sheet);
        applyChange(ch, 'Range.delete');
        notifyStructure(exec, ch);
      },
      label: () => `${this._describe()}.delete(${dir})`,
    });
  }

  /** Clears contents, formats (fills, number formats, merges) or both. */
  clear(applyTo: string = 'All'): void {
    const what = String(applyTo);
    this._queue({
      wire: { method: 'clear', applyTo: what },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guardWritable(exec, t.sheet, 'Range.clear');
        const contents = what === 'All' || what === 'Contents' || what === 'ResetContents';
        const formats = what === 'All' || what === 'Formats';
        if (!contents && !formats && what !== 'Hyperlinks' && what !== 'RemoveHyperlinks')
          throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), 'Range.clear');
        for (const { row, col } of cellsIn(t.sheet, t.area)) {
          const patch: Partial<CellModel> = {};
          if (contents) Object.assign(patch, { value: '', formula: undefined });
          if (formats) Object.assign(patch, { numberFormat: undefined, fill: undefined });
          patchCell(t.sheet, row, col, patch);
        }
        if (formats) t.sheet.merges = t.sheet.merges.filter((m) => !contains(t.area, m));
      },
      label: () => `${this._describe()}.clear(${what})`,
    });
  }

  /** Merges the range (or each of its rows when across), keeping only the top-left value as Excel does. */
  merge(across = false): void {
    this._queue({
      wire: { method: 'merge', across },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guardWritable(exec, t.sheet, 'Range.merge');
        const { sheet, area } = t;
        const blocks: Area[] = across
          ? Array.from({ length: areaRows(area) }, (_, i) => ({
              ...area,
              top: area.top + i,
              bottom: area.top + i,
            }))
          : [area];
        for (const b of blocks) {
          if (areaCells(b) < 2) continue;
          sheet.merges = sheet.merges.filter((m) => !intersects(m, b));
          for (const { row, col } of cellsIn(sheet, b))
            if (row !== b.top || col !== b.left)
              patchCell(sheet, row, col, { value: '', formula: undefined });
          sheet.merges.push({ ...b });
        }
      },
      label: () => `${this._describe()}.merge(${across})`,
    });
  }

  unmerge(): void {
    this._queue({
      wire: { method: 'unmerge' },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guardWritable(exec, t.sheet, 'Range.unmerge');
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.area));
      },
      label: () => `${this._describe()}.unmerge()`,
    });
  }

  /** Makes this the selection (and its sheet the active one). */
  select(): void {
    this._queue({
      wire: { method: 'select' },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        if (t.sheet.visibility !== 'Visible')
          throw simError(
            ErrorCodes.invalidSelection,
            'The current selection is invalid for this operation.',
            'Range.select',
          );
        exec.state.model.activeSheet = t.sheet.name;
        exec.state.model.selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
      },
      label: () => `${this._describe()}.select()`,
    });
  }

  /* ---- cell properties */

  getCellProperties(cellPropertiesLoadOptions: CellPropsRequest): SimClientResult<unknown[][]> {
    const req = validateCellPropsRequest(cellPropertiesLoadOptions);
    const result = new SimClientResult<unknown[][]>();
    this._queue({
      wire: { method: 'getCellProperties', options: cellPropertiesLoadOptions },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        const { sheet, area } = t;
        guardCellCount(exec, area, 'Range.getCellProperties');
        exec.precheck(areaCells(area), 3, 'Range.getCellProperties');
        const rows: unknown[][] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          const row: unknown[] = [];
          for (let c = area.left; c <= area.right; c++) {
            const cell = sheet.cells[cellKey(r, c)];
            const props: Record<string, unknown> = {};
            if (req.address)
              props.address = qualifiedAddress(sheet.name, {
                top: r,
                left: c,
                bottom: r,
                right: c,
              });
            if (req.addressLocal)
              props.addressLocal = qualifiedAddress(sheet.name, {
                top: r,
                left: c,
                bottom: r,
                right: c,
              });
            if (req.hidden) props.hidden = false;
            const fillReq = req.format?.fill;
            if (fillReq) {
              const fill: Record<string, unknown> = {};
              if (fillReq.color) fill.color = cell?.fill ?? '#FFFFFF';
              if (fillReq.pattern) fill.pattern = cell?.fill ? 'Solid' : 'None';
              props.format = { fill };
            }
            row.push(props);
          }
          rows.push(row);
        }
        exec.addResponse(jsonBytes(rows), 'Range.getCellProperties');
        exec.deliveries.push(() => {
          result._loaded = true;
          result._value = rows;
        });
      },
      label: () =>
        `${this._describe()}.getCellProperties(${JSON.stringify(cellPropertiesLoadOptions)})`,
    });
    return result;
  }

  /** A 2-D array of the range's shape; null or undefined entries leave a cell as it is. */
  setCellProperties(cellPropertiesData: unknown[][]): void {
    this._queue({
      wire: { method: 'setCellProperties', data: cellPropertiesData },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        const loc = 'Range.setCellProperties';
        guardWritable(exec, t.sheet, loc);
        const { sheet, area } = t;
        const grid = cellPropertiesData;
        const ok =
          Array.isArray(grid) &&
          grid.length === areaRows(area) &&
          grid.every((row) => Array.isArray(row) && row.length === areaColumns(area));
        if (!ok) throw simError(ErrorCodes.invalidArgument, Messages.shapeMismatch(), loc);
        for (let i = 0; i < grid.length; i++) {
          for (let j = 0; j < grid[i].length; j++) {
            const p = grid[i][j] as Record<string, unknown> | null | undefined;
            if (p === null || p === undefined) continue;
            for (const k of Object.keys(p)) {
              if (k !== 'format' && k !== 'style' && k !== 'hyperlink')
                throw simError(
                  ErrorCodes.invalidArgument,
                  Messages.notSimulated(`setCellProperties(${k})`),
                  loc,
                );
            }
            const format = p.format as Record<string, unknown> | undefined;
            if (!format) continue;
            for (const [fk, fv] of Object.entries(format)) {
              if (fk === 'fill') {
                const fill = fv as { color?: unknown; pattern?: unknown } | null;
                if (!fill) continue;
                for (const k of Object.keys(fill))
                  if (k !== 'color' && k !== 'pattern')
                    throw simError(
                      ErrorCodes.invalidArgument,
                      Messages.notSimulated(`setCellProperties(format.fill.${k})`),
                      loc,
                    );
                if (fill.pattern === 'None')
                  patchCell(sheet, area.top + i, area.left + j, { fill: undefined });
                else if (fill.color !== undefined && fill.color !== null)
                  patchCell(sheet, area.top + i, area.left + j, {
                    fill: normaliseColor(fill.color, loc),
                  });
              } else if (!COSMETIC_FORMAT_KEYS.has(fk)) {
                throw simError(
                  ErrorCodes.invalidArgument,
                  Messages.notSimulated(`setCellProperties(format.${fk})`),
                  loc,
                );
              }
            }
          }
        }
      },
      label: () =>
        `${this._describe()}.setCellProperties([${Array.isArray(cellPropertiesData) ? cellPropertiesData.length : '?'} rows])`,
    });
  }
}

function describeArg(a: RangeArg): string {
  return typeof a === 'string' ? JSON.stringify(a) : a._path;
}

function normaliseShift(shift: unknown, allowed: string[], location: string): string {
  const s = String(shift);
  const found = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!found) throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
  return found;
}

/* ------------------------------------------------------------------ Range format */

/** Formatting Excel keeps but the model does not: writes are accepted (and logged), reads give Excel's defaults. */
const FORMAT_DEFAULTS: Record<string, unknown> = {
  wrapText: false,
  columnWidth: 48,
  rowHeight: 15,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  indentLevel: 0,
};

const FONT_DEFAULTS: Record<string, unknown> = {
  bold: false,
  italic: false,
  color: '#000000',
  name: 'Calibri',
  size: 11,
  underline: 'None',
  strikethrough: false,
};

abstract class SimCosmetic extends SimClientObject {
  abstract readonly _defaults: Record<string, unknown>;
  abstract readonly _range: SimRange;

  _resolve(exec: Exec): RangeTarget | null {
    return this._range._resolve(exec);
  }

  _read(_exec: Exec, prop: string): unknown {
    return this._defaults[prop];
  }

  _setCosmetic(prop: string, value: unknown): void {
    this._fields[prop] = value;
    this._queue({
      wire: { set: prop, value },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guardWritable(exec, t.sheet, `${this._typeName}.${prop}`);
        // A font, alignment or wrap makes a cell part of the used range in Excel; a column width does not.
        if (prop !== 'columnWidth' && prop !== 'rowHeight') addStyled(t.sheet, t.area);
      },
      label: () =>
        `${this._range._describe()}.${this._path.split('.').slice(-1)[0]}.${prop} = ${JSON.stringify(value)}`,
    });
  }
}

export class SimRangeFont extends SimCosmetic {
  readonly _typeName = 'RangeFont';
  readonly _scalarNames: readonly string[] = Object.keys(FONT_DEFAULTS);
  readonly _defaults = FONT_DEFAULTS;

  constructor(
    ctx: SimRequestContext,
    readonly _range: SimRange,
    parent: SimClientObject,
  ) {
    super(ctx, parent, `${_range._path}.format.font`);
  }

  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setCosmetic('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._setCosmetic('italic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setCosmetic('color', v);
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setCosmetic('name', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._setCosmetic('size', v);
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this._setCosmetic('underline', v);
  }
  get strikethrough(): boolean {
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this._setCosmetic('strikethrough', v);
  }
}

export class SimRangeFormat extends SimCosmetic {
  readonly _typeName = 'RangeFormat';
  readonly _scalarNames: readonly string[] = Object.keys(FORMAT_DEFAULTS);
  readonly _defaults = FORMAT_DEFAULTS;
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;

  constructor(
    ctx: SimRequestContext,
    readonly _range: SimRange,
  ) {
    super(ctx, _range, `${_range._path}.format`);
    this.fill = new SimRangeFill(ctx, _range, this);
    this.font = new SimRangeFont(ctx, _range, this);
  }

  _nav(name: string): SimClientObject | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }

  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._setCosmetic('wrapText', v);
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._setCosmetic('columnWidth', v);
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._setCosmetic('rowHeight', v);
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._setCosmetic('horizontalAlignment', v);
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._setCosmetic('verticalAlignment', v);
  }
  get indentLevel(): number {
    return this._get('indentLevel');
  }
  set indentLevel(v: number) {
    this._setCosmetic('indentLevel', v);
  }

  autofitColumns(): void {
    this._setCosmeticCall('autofitColumns');
  }

  autofitRows(): void {
    this._setCosmeticCall('autofitRows');
  }

  private _setCosmeticCall(method: string): void {
    this._queue({
      wire: { method },
      run: () => undefined,
      label: () => `${this._range._describe()}.format.${method}()`,
    });
  }
}

/** The fill the model keeps: "#RRGGBB" per cell; no fill reads as "#FFFFFF", mixed fills as null. */
export class SimRangeFill extends SimClientObject {
  readonly _typeName = 'RangeFill';
  readonly _scalarNames: readonly string[] = ['color', 'pattern'];

  constructor(
    ctx: SimRequestContext,
    readonly _range: SimRange,
    parent: SimClientObject,
  ) {
    super(ctx, parent, `${_range._path}.format.fill`);
  }

  _resolve(exec: Exec): RangeTarget | null {
    return this._range._resolve(exec);
  }

  _read(exec: Exec, prop: string): unknown {
    const { sheet, area } = this._resolve(exec)!;
    const present = cellsIn(sheet, area);
    const fills = new Set<string | undefined>(present.map((p) => p.cell.fill));
    if (present.length < areaCells(area)) fills.add(undefined);
    if (fills.size !== 1) return null;
    const [only] = [...fills];
    if (prop === 'color') return only ?? '#FFFFFF';
    if (prop === 'pattern') return only ? 'Solid' : 'None';
    return undefined;
  }

  get color(): string {
    return this._get('color');
  }

  set color(value: string) {
    this._fields.color = value;
    this._queue({
      wire: { set: 'color', value },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        const loc = 'RangeFill.color';
        guardWritable(exec, t.sheet, loc);
        const fill = normaliseColor(value, loc);
        for (let r = t.area.top; r <= t.area.bottom; r++)
          for (let c = t.area.left; c <= t.area.right; c++) patchCell(t.sheet, r, c, { fill });
      },
      label: () => `${this._range._describe()}.format.fill.color = ${JSON.stringify(value)}`,
    });
  }

  get pattern(): string {
    return this._get('pattern');
  }

  clear(): void {
    this._queue({
      wire: { method: 'clear' },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guardWritable(exec, t.sheet, 'RangeFill.clear');
        for (const { row, col } of cellsIn(t.sheet, t.area))
          patchCell(t.sheet, row, col, { fill: undefined });
      },
      label: () => `${this._range._describe()}.format.fill.clear()`,
    });
  }
}

/* ------------------------------------------------------------------ RangeAreas */

interface AreasTarget {
  sheet: SheetModel;
  areas: Area[];
}

export class SimRangeAreas extends SimClientObject {
  readonly _typeName = 'RangeAreas';
  readonly _scalarNames: readonly string[] = ['address', 'addressLocal', 'areaCount', 'cellCount'];
  private _target: AreasTarget | null | undefined = undefined;
  readonly areas: SimRangeCollection;

  constructor(
    ctx: SimRequestContext,
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

export class SimRangeCollection extends SimCollection<SimRange> {
  readonly _typeName = 'RangeCollection';

  constructor(
    ctx: SimRequestContext,
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

  _makeItem(target: unknown, index: number): SimRange {
    const t = target as RangeTarget;
    const r = new SimRange(this.context, this, `${this._path}.getItemAt(${index})`, () => t);
    return r;
  }

  _itemPrototype(): SimRange {
    return new SimRange(this.context, this, 'prototype', () => null);
  }

  getItemAt(index: number): SimRange {
    return new SimRange(
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

/* ------------------------------------------------------------------ Settings */

function readSetting(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export class SimSetting extends SimClientObject {
  readonly _typeName = 'Setting';
  readonly _scalarNames: readonly string[] = ['key', 'value'];
  _target: string | null | undefined = undefined;

  constructor(
    ctx: SimRequestContext,
    parent: SimClientObject,
    path: string,
    private readonly _locate: (exec: Exec) => string | null,
  ) {
    super(ctx, parent, path);
  }

  _resolve(exec: Exec): string | null {
    if (this._target === undefined) this._target = this._locate(exec);
    return this._target;
  }

  _read(exec: Exec, prop: string): unknown {
    const key = this._resolve(exec)!;
    if (prop === 'key') return key;
    if (!(key in exec.state.model.settings))
      throw simError(ErrorCodes.itemNotFound, Messages.itemNotFound(), 'Setting.value');
    return readSetting(exec.state.model.settings[key]);
  }

  get key(): string {
    return this._get('key');
  }

  get value(): any {
    return this._get('value');
  }

  set value(v: any) {
    this._fields.value = v;
    this._queue({
      wire: { set: 'value', value: v },
      run: (exec) => {
        const key = this._resolve(exec);
        if (key === null) return;
        storeSetting(exec, key, serialiseSetting(v), 'Setting.value');
      },
      label: () => `Setting(${this._target ?? this._path}).value = ${truncate(JSON.stringify(v))}`,
    });
  }

  delete(): void {
    this._queue({
      wire: { method: 'delete' },
      run: (exec) => {
        const key = this._resolve(exec);
        if (key === null) return;
        guardDocument(exec, 'Setting.delete');
        delete exec.state.model.settings[key];
      },
      label: () => `Setting(${this._target ?? this._path}).delete()`,
    });
  }
}

/**
 * Keeps a setting, unless the workbook is read-only or the settings would pass
 * their size limit: Excel then refuses with InvalidArgument and keeps the old
 * value (office-js #3957; 2 MB documented, office-js #621).
 */
function storeSetting(exec: Exec, key: string, serialised: string, location: string): void {
  guardDocument(exec, location);
  const limit = exec.state.options.behaviours.settingsLimitBytes;
  if (limit !== null) {
    const next = { ...exec.state.model.settings, [key]: serialised };
    if (jsonBytes(next) > limit)
      throw simError(ErrorCodes.invalidArgument, Messages.settingsTooLarge(), location);
  }
  exec.state.model.settings[key] = serialised;
}

function serialiseSetting(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined)
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), 'Setting.value');
  return s;
}

function truncate(s: string | undefined, n = 80): string {
  if (s === undefined) return 'undefined';
  return s.length > n ? `${s.slice(0, n)}...` : s;
}

export class SimSettingCollection extends SimCollection<SimSetting> {
  readonly _typeName = 'SettingCollection';

  constructor(ctx: SimRequestContext, parent: SimClientObject) {
    super(ctx, parent, 'workbook.settings');
  }

  _resolve(): unknown {
    return true;
  }

  _itemTargets(exec: Exec): unknown[] {
    return Object.keys(exec.state.model.settings);
  }

  _makeItem(target: unknown, index: number): SimSetting {
    const s = new SimSetting(
      this.context,
      this,
      `workbook.settings.getItemAt(${index})`,
      () => target as string,
    );
    s._target = target as string;
    return s;
  }

  _itemPrototype(): SimSetting {
    return new SimSetting(this.context, this, 'prototype', () => null);
  }

  /** Adds or replaces a setting; the value is kept JSON-serialised in the workbook, as Excel keeps it in the file. */
  add(key: string, value: unknown): SimSetting {
    const setting = new SimSetting(
      this.context,
      this,
      `workbook.settings.getItem(${JSON.stringify(key)})`,
      () => key,
    );
    this._queue({
      wire: { method: 'add', key, value },
      run: (exec) => {
        if (typeof key !== 'string' || key === '' || key.length > 255)
          throw simError(
            ErrorCodes.invalidArgument,
            Messages.invalidArgument(),
            'SettingCollection.add',
          );
        storeSetting(exec, key, serialiseSetting(value), 'SettingCollection.add');
      },
      label: () =>
        `workbook.settings.add(${JSON.stringify(key)}, ${truncate(JSON.stringify(value))})`,
    });
    return setting;
  }

  getItem(key: string): SimSetting {
    return new SimSetting(
      this.context,
      this,
      `workbook.settings.getItem(${JSON.stringify(key)})`,
      (exec) => {
        if (!(key in exec.state.model.settings))
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            'SettingCollection.getItem',
          );
        return key;
      },
    );
  }

  getItemOrNullObject(key: string): SimSetting {
    const s = new SimSetting(
      this.context,
      this,
      `workbook.settings.getItemOrNullObject(${JSON.stringify(key)})`,
      (exec) => (key in exec.state.model.settings ? key : null),
    );
    s._queue({
      wire: { instantiate: true },
      run: () => undefined,
      label: () => `${s._path} (instantiate)`,
    });
    return s;
  }
}
