/**
 * The simulated Range: located once per request and then tracked (it moves
 * with inserted and deleted cells), values and formulas read as typed,
 * merged cells, structure, cell properties.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  areaAddress,
  areaCells,
  areaColumns,
  areaRows,
  boundingArea,
  contains,
  intersection,
  intersects,
  onGrid,
  parseAddress,
  qualifiedAddress,
  type Area,
} from '../a1';
import { ErrorCodes, Messages, simError } from '../errors';
import {
  SimClientObject,
  SimClientResult,
  jsonBytes,
  type Exec,
  type RangeTarget,
  type ContextCore,
} from '../client';
import { writeCells } from './range-write';
import {
  cellKey,
  cellsIn,
  getCell,
  patchCell,
  usedArea,
  type CellModel,
  type SheetModel,
} from '../model';
import { FILL_KEYS, fillProperties, patchFill, type FillProperties } from '../fill';
import {
  guardWritable,
  sheetStillThere,
  notifyStructure,
  withStyled,
  guardCellCount,
  makeWorksheet,
  registerFactories,
  type WorksheetLike,
} from './shared';
import {
  RANGE_SCALARS,
  cellReader,
  validateCellPropsRequest,
  COSMETIC_FORMAT_KEYS,
  describeArg,
  normaliseShift,
  type RangeLocator,
  type RangeArg,
  type CellPropsRequest,
} from './range-cells';
import { SimRangeFormat } from './format';
import { SimRangeAreas } from './range-areas';
import { applyChange, describeChange, type DeleteShift, type InsertShift } from '../shift';

export class SimRange extends SimClientObject {
  readonly _typeName = 'Range';
  readonly _scalarNames: readonly string[] = RANGE_SCALARS;
  _target: RangeTarget | null | undefined = undefined;
  private _format?: SimRangeFormat;
  private _worksheet?: WorksheetLike;

  constructor(
    ctx: ContextCore,
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

  get worksheet(): WorksheetLike {
    if (!this._worksheet) {
      this._worksheet = makeWorksheet(
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
        writeCells(exec, t.sheet, t.area, prop, input, loc);
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
              const all = fillProperties(cell);
              for (const k of Object.keys(fillReq) as (keyof FillProperties)[])
                if (fillReq[k]) fill[k] = all[k];
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
                const fill = fv as Partial<Record<keyof FillProperties, unknown>> | null;
                if (!fill) continue;
                for (const k of Object.keys(fill))
                  if (!FILL_KEYS.has(k))
                    throw simError(
                      ErrorCodes.invalidArgument,
                      Messages.notSimulated(`setCellProperties(format.fill.${k})`),
                      loc,
                    );
                const [r, c] = [area.top + i, area.left + j];
                patchCell(sheet, r, c, patchFill(getCell(sheet, r, c), fill, loc));
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

registerFactories({
  range: (ctx, parent, path, locate, invalidAfterRequest) =>
    new SimRange(ctx, parent, path, locate, invalidAfterRequest),
});
