/** The simulated RangeFormat, RangeFont and RangeFill. */
import { areaCells } from '../a1';
import { SimClientObject, type Exec, type RangeTarget, type ContextCore } from '../client';
import { getCell, cellsIn, addStyled, patchCell } from '../model';
import { FILL_KEYS, fillProperties, patchFill, type FillProperties } from '../fill';
import { guardWritable, type RangeLike } from './shared';

/* ------------------------------------------------------------------ Range format */

/** Formatting Excel keeps but the model does not: writes are accepted (and logged), reads give Excel's defaults. */
export const FORMAT_DEFAULTS: Record<string, unknown> = {
  wrapText: false,
  columnWidth: 48,
  rowHeight: 15,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  indentLevel: 0,
};

export const FONT_DEFAULTS: Record<string, unknown> = {
  bold: false,
  italic: false,
  color: '#000000',
  name: 'Calibri',
  size: 11,
  underline: 'None',
  strikethrough: false,
};

export abstract class SimCosmetic extends SimClientObject {
  abstract readonly _defaults: Record<string, unknown>;
  abstract readonly _range: RangeLike;

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
    ctx: ContextCore,
    readonly _range: RangeLike,
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
    ctx: ContextCore,
    readonly _range: RangeLike,
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

/**
 * The fill the model keeps: a colour per cell (no fill reads as "#FFFFFF",
 * pattern "None"), with its pattern, pattern colour and tints (src/sim/fill.ts);
 * a property mixed across the range reads as null.
 */
export class SimRangeFill extends SimClientObject {
  readonly _typeName = 'RangeFill';
  readonly _scalarNames: readonly string[] = [
    'color',
    'pattern',
    'patternColor',
    'tintAndShade',
    'patternTintAndShade',
  ];

  constructor(
    ctx: ContextCore,
    readonly _range: RangeLike,
    parent: SimClientObject,
  ) {
    super(ctx, parent, `${_range._path}.format.fill`);
  }

  _resolve(exec: Exec): RangeTarget | null {
    return this._range._resolve(exec);
  }

  _read(exec: Exec, prop: string): unknown {
    if (!FILL_KEYS.has(prop)) return undefined;
    const { sheet, area } = this._resolve(exec)!;
    const key = prop as keyof FillProperties;
    const present = cellsIn(sheet, area);
    const seen = new Set<unknown>(present.map((p) => fillProperties(p.cell)[key]));
    if (present.length < areaCells(area)) seen.add(fillProperties(undefined)[key]);
    return seen.size === 1 ? [...seen][0] : null;
  }

  /** Queues a change of fill properties on every cell of the range. */
  private _setFill(prop: keyof FillProperties, value: unknown): void {
    this._fields[prop] = value;
    this._queue({
      wire: { set: prop, value },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        const loc = `RangeFill.${prop}`;
        guardWritable(exec, t.sheet, loc);
        for (let r = t.area.top; r <= t.area.bottom; r++)
          for (let c = t.area.left; c <= t.area.right; c++)
            patchCell(t.sheet, r, c, patchFill(getCell(t.sheet, r, c), { [prop]: value }, loc));
      },
      label: () => `${this._range._describe()}.format.fill.${prop} = ${JSON.stringify(value)}`,
    });
  }

  get color(): string {
    return this._get('color');
  }

  set color(value: string) {
    this._setFill('color', value);
  }

  get pattern(): string {
    return this._get('pattern');
  }

  set pattern(value: string) {
    this._setFill('pattern', value);
  }

  get patternColor(): string {
    return this._get('patternColor');
  }

  set patternColor(value: string) {
    this._setFill('patternColor', value);
  }

  get tintAndShade(): number {
    return this._get('tintAndShade');
  }

  set tintAndShade(value: number) {
    this._setFill('tintAndShade', value);
  }

  get patternTintAndShade(): number {
    return this._get('patternTintAndShade');
  }

  set patternTintAndShade(value: number) {
    this._setFill('patternTintAndShade', value);
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
