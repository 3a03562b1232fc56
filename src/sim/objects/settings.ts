/** The simulated workbook settings: SettingCollection and Setting, with Excel's size limit. */
import { ErrorCodes, Messages, simError } from '../errors';
import { SimClientObject, jsonBytes, type Exec, type ContextCore } from '../client';
import { guardDocument, SimCollection } from './shared';

/* ------------------------------------------------------------------ Settings */

export function readSetting(raw: unknown): unknown {
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
    ctx: ContextCore,
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
export function storeSetting(exec: Exec, key: string, serialised: string, location: string): void {
  guardDocument(exec, location);
  const limit = exec.state.options.behaviours.settingsLimitBytes;
  if (limit !== null) {
    const next = { ...exec.state.model.settings, [key]: serialised };
    if (jsonBytes(next) > limit)
      throw simError(ErrorCodes.invalidArgument, Messages.settingsTooLarge(), location);
  }
  exec.state.model.settings[key] = serialised;
}

export function serialiseSetting(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined)
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), 'Setting.value');
  return s;
}

export function truncate(s: string | undefined, n = 80): string {
  if (s === undefined) return 'undefined';
  return s.length > n ? `${s.slice(0, n)}...` : s;
}

export class SimSettingCollection extends SimCollection<SimSetting> {
  readonly _typeName = 'SettingCollection';

  constructor(ctx: ContextCore, parent: SimClientObject) {
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
