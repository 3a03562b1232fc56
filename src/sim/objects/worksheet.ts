/** The simulated WorksheetCollection, Worksheet and WorksheetProtection. */
import { MAX_COLS, MAX_ROWS, onGrid, parseAddress, type Area } from '../a1';
import { SimChartCollection } from '../charts';
import { ErrorCodes, Messages, simError } from '../errors';
import { SimClientObject, type Exec, type ContextCore } from '../client';
import { createSheet, findSheet, usedArea, type SheetModel, type SheetVisibility } from '../model';
import {
  sheetStillThere,
  validateSheetName,
  withStyled,
  SimCollection,
  activeSheetOf,
  registerFactories,
} from './shared';
import { SimRange } from './range';

/* ------------------------------------------------------------------ Worksheets */

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  readonly _typeName = 'WorksheetCollection';

  constructor(ctx: ContextCore, parent: SimClientObject) {
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

  /** The sheet at a position: how Office.js addresses the items of a loaded collection. */
  getItemAt(index: number): SimWorksheet {
    return new SimWorksheet(
      this.context,
      this,
      `workbook.worksheets.getItemAt(${index})`,
      (exec) => {
        const s = exec.state.model.sheets[index];
        if (!s)
          throw simError(
            ErrorCodes.itemNotFound,
            Messages.itemNotFound(),
            'WorksheetCollection.getItemAt',
          );
        return s;
      },
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
    ctx: ContextCore,
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
    ctx: ContextCore,
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

registerFactories({
  worksheet: (ctx, parent, path, locate) => new SimWorksheet(ctx, parent, path, locate),
});
