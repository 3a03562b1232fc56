/**
 * The request machinery of the simulated host, after Office.js: proxy objects
 * queue operations on their request context; context.sync() measures the
 * request, applies the operations in order against the model, measures the
 * response and only then makes loaded properties readable.
 */
import { ErrorCodes, ExtensionErrorCodes, Messages, SimOfficeError, simError } from './errors';
import type { WorkbookModel } from './model';
import type { CustomFunctions } from './calc';
import type { NumberLocale } from './number-format';
import type { Area } from './a1';
import type { SheetModel } from './model';
import type { DocumentMode, ExcelBehaviours } from './behaviours';

export interface SimStats {
  /** Round trips: context.sync() calls that carried at least one operation (Office.js skips empty ones). */
  syncCount: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  lastRequestBytes: number;
  lastResponseBytes: number;
  /** One line per operation applied, and one per sync ("sync #3: 4 ops, request 812 B, response 96 B"). */
  operations: string[];
  reset(): void;
}

export interface HostOptions {
  /** Office.context.displayLanguage. */
  displayLanguage: string;
  /** Highest supported version per requirement set, e.g. { ExcelApi: '1.17' }. */
  requirementSets: Record<string, string>;
  /** Request and response limit of one sync, as Excel on the web (5 MB). */
  payloadLimitBytes: number;
  /** Delay of each round trip, to make the preview feel like Excel on the web. */
  latencyMs: number;
  /** Separators used by range.text. */
  numberLocale: NumberLocale;
  platform: string;
  /** Custom functions to calculate ("SKM.IKM" -> its implementation); without them such formulas read "#NAME?". */
  customFunctions?: CustomFunctions;
  /** Where the host follows Excel (each can be switched off). */
  behaviours: ExcelBehaviours;
  /** Office.context.document.mode; read-only and view-only workbooks refuse every write. */
  documentMode: DocumentMode;
  /** How text typed or written through values is read (dates, decimals, currency). */
  inputLocale: 'en-US' | 'id-ID';
  /** Delay before custom functions deliver their results, when they calculate asynchronously. */
  customFunctionDelayMs: number;
}

export type HostEvent = { kind: 'sync'; ok: boolean } | { kind: 'edit' };

/** A range once Excel has located it: tracked, so it moves when rows are inserted above it. */
export interface RangeTarget {
  sheet: SheetModel;
  area: Area;
  deleted?: boolean;
}

export interface HostState {
  model: WorkbookModel;
  options: HostOptions;
  stats: SimStats;
  listeners: Set<(e: HostEvent) => void>;
  /** Live ranges per context, adjusted by structural changes. */
  liveRanges: Set<RangeTarget>;
  sheetIds: WeakMap<SheetModel, string>;
  nextSheetId: number;
  notify(e: HostEvent): void;
  /** Excel's automatic calculation, when something changed since the last one. */
  calculate(): void;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/**
 * What proxies need of their request context: its queue, its epoch (objects
 * expire with their Excel.run) and the ranges it located. The context itself,
 * with its workbook, is in context.ts, above the objects.
 */
export interface ContextCore {
  readonly _state: HostState;
  _queueList: Op[];
  _epoch: number;
  _inRun: number;
  _live: RangeTarget[];
  _enqueue(op: Op): void;
}

/** The state of one sync while its operations run. */
export class Exec {
  responseBytes = 0;
  readonly deliveries: (() => void)[] = [];
  constructor(
    readonly state: HostState,
    readonly ctx: ContextCore,
  ) {}

  /** Adds to the response; past the limit the sync fails here, as the server stops. */
  addResponse(bytes: number, location: string): void {
    this.responseBytes += bytes;
    if (this.responseBytes > this.state.options.payloadLimitBytes) {
      throw simError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        Messages.responseTooLarge(),
        location,
      );
    }
  }

  /** Fails before building a response that cannot fit: `cells` cells of at least `perCell` bytes. */
  precheck(cells: number, perCell: number, location: string): void {
    if (this.responseBytes + cells * perCell > this.state.options.payloadLimitBytes) {
      throw simError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        Messages.responseTooLarge(),
        location,
      );
    }
  }

  log(line: string): void {
    this.state.stats.operations.push(line);
  }
}

export interface Op {
  target: SimClientObject;
  /** What Office.js would serialise for this action; measured for the request size. */
  wire: Record<string, unknown>;
  run(exec: Exec): void;
  label(): string;
}

/** A parsed load option: scalar properties, navigation properties, and "all scalars". */
export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  nav: Map<string, LoadTree>;
}

export function emptyTree(all = false): LoadTree {
  return { all, scalars: new Set(), nav: new Map() };
}

function addPath(tree: LoadTree, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined || head === '') return;
  if (head === '*') {
    tree.all = true;
    return;
  }
  if (rest.length === 0) {
    tree.scalars.add(head);
    return;
  }
  let sub = tree.nav.get(head);
  if (!sub) {
    sub = emptyTree();
    tree.nav.set(head, sub);
  }
  addPath(sub, rest);
}

function addStrict(tree: LoadTree, option: Record<string, unknown>, prefix: string[]): void {
  for (const [key, value] of Object.entries(option)) {
    if (key === '$all') {
      if (value === true) addPath(tree, [...prefix, '*']);
    } else if (key === '$top' || key === '$skip') {
      continue;
    } else if (typeof value === 'boolean') {
      if (value) addPath(tree, [...prefix, key]);
    } else if (value && typeof value === 'object') {
      addStrict(tree, value as Record<string, unknown>, [...prefix, key]);
    } else {
      throw simError(ExtensionErrorCodes.invalidArgument, Messages.invalidArgument(), 'load');
    }
  }
}

const splitList = (s: string) =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Accepts every form of Office.js's load(): "a, b/c", ["a"], {select, expand}, {a: true, b: {c: true}}. */
export function parseLoadOption(option: unknown): LoadTree {
  const tree = emptyTree();
  if (option === undefined || option === null) {
    tree.all = true;
    return tree;
  }
  const paths: string[] = [];
  if (typeof option === 'string') paths.push(...splitList(option));
  else if (Array.isArray(option)) paths.push(...option.flatMap((o) => splitList(String(o))));
  else if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    const isLoadOption =
      'select' in o || 'expand' in o || 'top' in o || 'skip' in o || Object.keys(o).length === 0;
    if (isLoadOption) {
      const list = (v: unknown) =>
        typeof v === 'string' ? splitList(v) : Array.isArray(v) ? v.map(String) : [];
      paths.push(...list(o.select));
      for (const e of list(o.expand)) addPath(tree, [...e.split('/'), '*']);
      if (paths.length === 0 && list(o.expand).length === 0) tree.all = true;
    } else addStrict(tree, o, []);
  } else throw simError(ExtensionErrorCodes.invalidArgument, Messages.invalidArgument(), 'load');
  for (const p of paths)
    addPath(
      tree,
      p.split('/').map((s) => s.trim()),
    );
  return tree;
}

let objectCounter = 0;

/** Base of every proxy: loaded fields, isNullObject, load(), validity across runs. */
export abstract class SimClientObject {
  abstract readonly _typeName: string;
  /** Loadable scalar properties. */
  abstract readonly _scalarNames: readonly string[];
  readonly _id = ++objectCounter;
  _fields: Record<string, unknown> = {};
  _isNull: boolean | undefined = undefined;
  _tracked = false;
  readonly _epoch: number;
  /** Office.js invalidates some objects (ranges, added sheets) after a request outside Excel.run unless tracked. */
  _invalidAfterRequest = false;
  _valid = true;

  constructor(
    readonly context: ContextCore,
    readonly _parent: SimClientObject | null,
    readonly _path: string,
  ) {
    this._epoch = context._epoch;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', this._typeName);
    return this._isNull;
  }

  /** A property's value once loaded (or set); throws PropertyNotLoaded before. */
  protected _get<T>(prop: string): T {
    if (!(prop in this._fields)) {
      if (this._isNull) return undefined as T;
      throw propertyNotLoaded(prop, this._typeName);
    }
    return this._fields[prop] as T;
  }

  /** Navigation properties (format, fill, protection, ...). */
  _nav(_name: string): SimClientObject | undefined {
    return undefined;
  }

  /** The value of one scalar property, read from the model at sync time. */
  abstract _read(exec: Exec, prop: string): unknown;

  /** Locates the object's target in the model (memoised by subclasses); null for a null object. */
  abstract _resolve(exec: Exec): unknown;

  _checkUsable(): void {
    if (!this._valid || (!this._tracked && this._epoch !== this.context._epoch)) {
      throw new SimOfficeError(
        ExtensionErrorCodes.invalidObjectPath,
        Messages.invalidObjectPath(this._path),
        this._path,
      );
    }
  }

  _queue(op: Omit<Op, 'target' | 'wire'> & { wire?: Record<string, unknown> }): void {
    this._checkUsable();
    this.context._enqueue({ target: this, wire: op.wire ?? {}, run: op.run, label: op.label });
  }

  /** The names a load tree selects among this object's scalars. */
  _selectScalars(tree: LoadTree): string[] {
    const names = tree.all ? [...this._scalarNames] : [];
    for (const s of tree.scalars) {
      if (this._nav(s)) continue;
      if (!this._scalarNames.includes(s))
        throw simError(
          ErrorCodes.invalidArgument,
          Messages.notSimulated(`${this._typeName}.${s}`),
          `${this._typeName}.load`,
        );
      if (!names.includes(s)) names.push(s);
    }
    return names;
  }

  /** Runs a load: reads the selected properties now, delivers them when the sync succeeds. */
  _snapshot(exec: Exec, tree: LoadTree): unknown {
    const target = this._resolve(exec);
    if (target === null) {
      exec.deliveries.push(() => {
        this._isNull = true;
      });
      exec.addResponse(4, `${this._typeName}.load`);
      return null;
    }
    const data: Record<string, unknown> = {};
    for (const name of this._selectScalars(tree)) data[name] = this._read(exec, name);
    exec.addResponse(jsonBytes(data), `${this._typeName}.load`);
    const fields = { ...data };
    exec.deliveries.push(() => {
      this._isNull = false;
      Object.assign(this._fields, fields);
    });
    for (const s of tree.scalars) {
      const child = this._nav(s);
      if (child) data[s] = child._snapshot(exec, emptyTree(true));
    }
    for (const [name, sub] of tree.nav) {
      const child = this._nav(name);
      if (!child)
        throw simError(
          ErrorCodes.invalidArgument,
          Messages.notSimulated(`${this._typeName}.${name}`),
          `${this._typeName}.load`,
        );
      data[name] = child._snapshot(exec, sub);
    }
    return data;
  }

  load(option?: unknown): this {
    const tree = parseLoadOption(option);
    // Validate names now, as a misspelt property is a bug in the caller.
    this._validateTree(tree);
    this._queue({
      wire: { load: option ?? '*' },
      run: (exec) => {
        this._snapshot(exec, tree);
      },
      label: () => `${this._describe()}.load(${describeTree(tree)})`,
    });
    return this;
  }

  _validateTree(tree: LoadTree): void {
    this._selectScalars({ ...tree, all: false, nav: new Map() });
    for (const [name, sub] of tree.nav) {
      const child = this._nav(name);
      if (!child)
        throw simError(
          ErrorCodes.invalidArgument,
          Messages.notSimulated(`${this._typeName}.${name}`),
          `${this._typeName}.load`,
        );
      child._validateTree(sub);
    }
  }

  /** A readable name for the operation log; subclasses use the resolved address when known. */
  _describe(): string {
    return this._path;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._fields };
  }

  track(): this {
    this._tracked = true;
    return this;
  }

  untrack(): this {
    this._tracked = false;
    return this;
  }
}

function describeTree(tree: LoadTree): string {
  const parts = [
    ...(tree.all ? ['*'] : []),
    ...tree.scalars,
    ...[...tree.nav].map(([k, v]) => `${k}/${describeTree(v)}`),
  ];
  return parts.join(',');
}

export function propertyNotLoaded(prop: string, typeName: string): SimOfficeError {
  return new SimOfficeError(
    ExtensionErrorCodes.propertyNotLoaded,
    Messages.propertyNotLoaded(prop),
    `${typeName}.${prop}`,
  );
}

/** OfficeExtension.ClientResult: a method's result, readable after sync. */
export class SimClientResult<T> {
  _loaded = false;
  _value: T | undefined;
  get value(): T {
    if (!this._loaded)
      throw new SimOfficeError(
        ExtensionErrorCodes.valueNotLoaded,
        Messages.valueNotLoaded(),
        'ClientResult.value',
      );
    return this._value as T;
  }
  toJSON(): unknown {
    return this._loaded ? { value: this._value } : {};
  }
}
