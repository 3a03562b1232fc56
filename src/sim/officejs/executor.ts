/**
 * A request executor for Microsoft's Office.js client that answers its wire
 * protocol from the simulated workbook: each request's object paths become
 * proxies of src/sim, its actions run in order against the model, and the
 * answer is the JSON the client expects (Results keyed by ActionId, or an
 * Error naming the failed action). Request and response sizes are the real
 * bodies, measured as UTF-8 JSON, and refused past the payload limit of
 * Excel on the web (5 MB).
 *
 * Excel keeps no state between requests but the workbook: every request
 * sends the object paths it uses, and they are evaluated again. So does this
 * executor (it hands out no _ReferenceId; see docs/testing.md).
 */
import { ErrorCodes, ExtensionErrorCodes, Messages, SimOfficeError } from '../errors';
import {
  Exec,
  SimClientObject,
  SimClientResult,
  jsonBytes,
  parseLoadOption,
  utf8Length,
  type RangeTarget,
} from '../client';
import type { SimRequestContext } from '../context';
import { SimRange } from '../objects';
import { apiNotFoundMessage, missingSet } from './api-sets';
import type { ExcelHost } from '../host';
import {
  ActionType,
  FLAG_DELAY_FOR_CELL_EDIT,
  PathType,
  camel,
  wireObject,
  type ActionInfo,
  type ActionResult,
  type ArgumentInfo,
  type RequestBody,
  type RequestMessage,
  type ResponseBody,
  type ResponseMessage,
} from './protocol';

export interface WireRequestLog {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The error code answered, if any. */
  error?: string;
  /** Only the release of the ranges an Excel.run kept (Workbook._RemoveReference), sent when the run ends. */
  release?: boolean;
}

export interface WireStats {
  /** Requests answered (one per context.sync() that carried actions, and one per run that kept ranges, to release them). */
  requests: number;
  /** Of those, the releases of kept ranges at the end of an Excel.run (no context.sync of the add-in's). */
  releases: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** The largest the workbook settings became, or would have become had an add been accepted (UTF-8 JSON). */
  maxSettingsBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  log: WireRequestLog[];
  reset(): void;
}

export function newWireStats(): WireStats {
  const stats: WireStats = {
    requests: 0,
    releases: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    maxSettingsBytes: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
    log: [],
    reset() {
      stats.maxSettingsBytes = 0;
      stats.requests = 0;
      stats.releases = 0;
      stats.maxRequestBytes = 0;
      stats.maxResponseBytes = 0;
      stats.totalRequestBytes = 0;
      stats.totalResponseBytes = 0;
      stats.log.length = 0;
    },
  };
  return stats;
}

/** Office.js's own text for a request refused in cell-edit mode (its ResourceStrings). */
export const CELL_EDIT_MESSAGE =
  'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.';

const STATUS: Record<string, number> = {
  [ErrorCodes.itemNotFound]: 404,
  [ErrorCodes.apiNotFound]: 404,
  [ErrorCodes.accessDenied]: 403,
  [ErrorCodes.requestPayloadSizeLimitExceeded]: 413,
  [ErrorCodes.responsePayloadSizeLimitExceeded]: 413,
};

class ActionFailure extends Error {
  constructor(
    readonly index: number,
    readonly cause: unknown,
  ) {
    super('action failed');
  }
}

/** The user typing in a cell: requests wait (delayForCellEdit) or are refused until the edit ends. */
export class CellEdit {
  private active = false;
  private waiters: (() => void)[] = [];

  get editing(): boolean {
    return this.active;
  }

  begin(): void {
    this.active = true;
  }

  end(): void {
    this.active = false;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  whenDone(): Promise<void> {
    return this.active ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}

/**
 * Ranges kept between requests. In Excel.run the client keeps every range it
 * creates (a _KeepReference action; ClientObject's constructor with
 * context._autoCleanup), Excel answers its instantiation with a _ReferenceId,
 * later requests address the range by that id (object path type 6) and the
 * run's end releases them (Workbook._RemoveReference). A kept range moves
 * with rows inserted above it, as the simulation's live ranges do.
 */
export class References {
  private readonly kept = new Map<string, RangeTarget>();
  private next = 0;

  keep(target: RangeTarget): string {
    for (const [id, t] of this.kept) if (t === target) return id;
    const n = ++this.next;
    const id = `{${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}Range`;
    this.kept.set(id, target);
    return id;
  }

  idOf(target: RangeTarget): string | undefined {
    for (const [id, t] of this.kept) if (t === target) return id;
    return undefined;
  }

  get(id: string): RangeTarget | undefined {
    return this.kept.get(id);
  }

  isKept(target: RangeTarget): boolean {
    return this.idOf(target) !== undefined;
  }

  remove(id: string): RangeTarget | undefined {
    const t = this.kept.get(id);
    this.kept.delete(id);
    return t;
  }

  get size(): number {
    return this.kept.size;
  }
}

/** A request that only releases kept ranges (and instantiates the workbook for it): what Excel.run sends when it ends. */
function isRelease(body: RequestBody): boolean {
  const methods = body.Actions.filter((a) => a.ActionType === ActionType.method);
  return (
    methods.length > 0 &&
    methods.every((a) => a.Name === '_RemoveReference') &&
    body.Actions.every(
      (a) => a.ActionType === ActionType.method || a.ActionType === ActionType.instantiate,
    )
  );
}

export class WireExecutor {
  readonly stats = newWireStats();
  readonly cellEdit = new CellEdit();
  readonly references = new References();
  /** The body of the last request, as sent (for tests that look at the wire). */
  lastRequest: RequestBody | null = null;

  constructor(private readonly host: ExcelHost) {}

  /** The executor interface of Office.js (IRequestExecutor.executeAsync). */
  async executeAsync(
    _customData: unknown,
    flags: number,
    message: RequestMessage,
  ): Promise<ResponseMessage> {
    // A round trip to Excel takes time (the preview's ?latency=ms); 0 in the tests.
    const { latencyMs } = this.host.options;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Through JSON as over the wire: nothing the add-in holds is shared with the workbook.
    const text = JSON.stringify(message.Body);
    const requestBytes = utf8Length(text);
    const body = JSON.parse(text) as RequestBody;
    this.lastRequest = body;
    if (this.cellEdit.editing) {
      if ((flags & FLAG_DELAY_FOR_CELL_EDIT) === 0) {
        // As OfficeJsRequestExecutor reports host error 5004 (RequestContext._processOfficeJsErrorResponse).
        this.record(requestBytes, 0, body, 'InvalidOperationInCellEditMode');
        return {
          HttpStatusCode: 400,
          ErrorCode: 'InvalidOperationInCellEditMode',
          ErrorMessage: CELL_EDIT_MESSAGE,
          Headers: {},
          Body: null,
        };
      }
      await this.cellEdit.whenDone();
    }
    this.measureSettings(body);
    const limit = this.host.options.payloadLimitBytes;
    let answer: ResponseBody;
    if (requestBytes > limit) {
      answer = {
        Error: {
          Code: ErrorCodes.requestPayloadSizeLimitExceeded,
          Message: Messages.requestTooLarge(),
          HttpStatusCode: 413,
        },
      };
    } else {
      answer = await this.run(body);
    }
    let out = JSON.stringify(answer);
    let responseBytes = utf8Length(out);
    if (responseBytes > limit) {
      // Excel on the web refuses to send it; what the request changed stays changed.
      answer = {
        Error: {
          Code: ErrorCodes.responsePayloadSizeLimitExceeded,
          Message: Messages.responseTooLarge(),
          HttpStatusCode: 413,
        },
      };
      out = JSON.stringify(answer);
      responseBytes = utf8Length(out);
    }
    this.record(requestBytes, responseBytes, body, answer.Error?.Code);
    this.stats.maxSettingsBytes = Math.max(
      this.stats.maxSettingsBytes,
      jsonBytes(this.host.model.settings),
    );
    return {
      HttpStatusCode: 200,
      ErrorCode: null,
      ErrorMessage: null,
      Headers: {},
      Body: JSON.parse(out) as ResponseBody,
    };
  }

  /** The settings as each settings.add of the request would leave them, accepted or not. */
  private measureSettings(body: RequestBody): void {
    const paths = body.ObjectPaths;
    for (const p of Object.values(paths)) {
      const parent = p.ParentObjectPathId === undefined ? undefined : paths[p.ParentObjectPathId];
      if (p.ObjectPathType !== PathType.method || p.Name !== 'Add' || parent?.Name !== 'Settings')
        continue;
      const [key, value] = p.ArgumentInfo?.Arguments ?? [];
      const next = { ...this.host.model.settings, [String(key)]: JSON.stringify(value) };
      this.stats.maxSettingsBytes = Math.max(this.stats.maxSettingsBytes, jsonBytes(next));
    }
  }

  private record(request: number, response: number, body: RequestBody, error?: string): void {
    const s = this.stats;
    s.requests++;
    const release = isRelease(body);
    if (release) s.releases++;
    s.maxRequestBytes = Math.max(s.maxRequestBytes, request);
    s.maxResponseBytes = Math.max(s.maxResponseBytes, response);
    s.totalRequestBytes += request;
    s.totalResponseBytes += response;
    s.log.push({
      requestBytes: request,
      responseBytes: response,
      actions: body.Actions.length,
      error,
      ...(release ? { release } : {}),
    });
    // The host's counters too, so that what reads host.stats sees the real bytes.
    const h = this.host.stats;
    h.syncCount++;
    h.lastRequestBytes = request;
    h.lastResponseBytes = response;
    h.totalRequestBytes += request;
    h.totalResponseBytes += response;
    h.maxRequestBytes = Math.max(h.maxRequestBytes, request);
    h.maxResponseBytes = Math.max(h.maxResponseBytes, response);
    h.operations.push(
      `wire request #${s.requests}${error ? ` failed (${error})` : ''}: ${body.Actions.length} actions${release ? ' (release of kept ranges)' : ''}, request ${request} B, response ${response} B`,
    );
  }

  /** Runs one request's actions against the model, in order, stopping at the first failure. */
  private async run(body: RequestBody): Promise<ResponseBody> {
    const sim = new this.host.Excel.RequestContext();
    // Objects of one request stay valid throughout it; the client keeps track of validity itself.
    sim._inRun = 1;
    const request = new WireRequest(sim, body, this.references);
    try {
      return request.execute();
    } finally {
      for (const live of sim._live)
        if (!this.references.isKept(live)) sim._state.liveRanges.delete(live);
      sim._live = [];
    }
  }
}

/** The translation of one request into the simulation's proxies, and its answer. */
class WireRequest {
  private readonly objects = new Map<number, SimClientObject | null>();
  private readonly exec: Exec;
  private readonly results: ActionResult[] = [];
  private readonly deliveries: (() => void)[] = [];

  constructor(
    private readonly sim: SimRequestContext,
    private readonly body: RequestBody,
    private readonly references: References,
  ) {
    this.exec = new Exec(sim._state, sim);
  }

  execute(): ResponseBody {
    const { exec } = this;
    let failure: ActionFailure | null = null;
    this.body.Actions.forEach((action, index) => {
      if (failure) return;
      try {
        this.perform(action, index);
      } catch (e) {
        failure = e instanceof ActionFailure ? e : new ActionFailure(index, e);
      }
    });
    this.sim._state.notify({ kind: 'sync', ok: failure === null });
    if (failure) return { Error: errorOf(failure, this.body.Actions) };
    for (const d of exec.deliveries) d();
    for (const d of this.deliveries) d();
    return { Results: this.results };
  }

  /** Queues the action's work on the simulation's proxies and runs it at once. */
  private perform(action: ActionInfo, index: number): void {
    const before = this.sim._queueList.length;
    const value = this.translate(action, index);
    const ops = this.sim._queueList.splice(before);
    for (const op of ops) {
      try {
        op.target._resolve(this.exec);
        op.run(this.exec);
        this.sim._state.stats.operations.push(op.label());
      } catch (e) {
        throw new ActionFailure(index, e);
      }
    }
    if (value !== undefined)
      this.deliveries.push(() => this.results.push({ ActionId: action.Id, Value: value() }));
  }

  /** ApiNotFound for a member newer than the host's ExcelApi version. */
  private gate(typeName: string, wireName: string): void {
    const set = missingSet(typeName, wireName, this.sim._state.options.requirementSets);
    if (set)
      throw new SimOfficeError(
        ErrorCodes.apiNotFound,
        apiNotFoundMessage(`${typeName}.${camel(wireName)}`, set),
        `${typeName}.${camel(wireName)}`,
      );
  }

  /** Returns, for actions with a result, the function that reads it after the run. */
  private translate(action: ActionInfo, index: number): (() => unknown) | undefined {
    const target = this.object(action.ObjectPathId);
    if (
      target &&
      (action.ActionType === ActionType.method || action.ActionType === ActionType.setProperty)
    )
      this.gate(target._typeName, action.Name);
    // Excel calculates before it answers a read: what a request wrote is calculated when it reads.
    if (
      action.ActionType === ActionType.query ||
      (action.ActionType === ActionType.method && action.Name.startsWith('Get'))
    )
      this.sim._state.calculate();
    switch (action.ActionType) {
      case ActionType.instantiate: {
        if (target === null) return () => null;
        if (!(target instanceof SimClientObject)) return () => ({});
        let isNull = false;
        this.sim._enqueue({
          target,
          wire: {},
          run: (exec) => {
            isNull = target._resolve(exec) === null;
          },
          label: () => `${target._describe()} (instantiate)`,
        });
        return () => {
          if (isNull) return null;
          const id =
            target instanceof SimRange && target._target
              ? this.references.idOf(target._target)
              : undefined;
          return id ? { _ReferenceId: id } : {};
        };
      }
      case ActionType.query: {
        if (target === null) return () => null;
        const q = action.QueryInfo ?? {};
        const tree = parseLoadOption({ select: q.Select ?? [], expand: q.Expand ?? [] });
        target._validateTree(tree);
        let data: unknown = null;
        this.sim._enqueue({
          target,
          wire: {},
          run: (exec) => {
            data = target._snapshot(exec, tree);
          },
          label: () => `${target._describe()}.load(${(q.Select ?? ['*']).join(',')})`,
        });
        return () => wireObject(data);
      }
      case ActionType.method: {
        if (target === null) return () => null;
        if (action.Name === '_KeepReference') return this.keepReference(target);
        if (action.Name === '_ValidateArraySize') return this.validateArraySize(target, action);
        if (action.Name === '_RemoveReference') {
          const [id] = this.args(action.ArgumentInfo);
          const t = this.references.remove(String(id));
          if (t) this.sim._state.liveRanges.delete(t);
          return () => null;
        }
        const fn = (target as unknown as Record<string, unknown>)[camel(action.Name)];
        if (typeof fn !== 'function') throw notSimulated(target, action.Name, index);
        const result: unknown = fn.apply(target, this.args(action.ArgumentInfo));
        if (result instanceof SimClientResult)
          return () => (result as SimClientResult<unknown>).value;
        return () => null;
      }
      case ActionType.setProperty: {
        if (target === null) return undefined;
        const [value] = action.ArgumentInfo?.Arguments ?? [];
        try {
          (target as unknown as Record<string, unknown>)[camel(action.Name)] = value;
        } catch (e) {
          if (e instanceof TypeError) throw notSimulated(target, action.Name, index);
          throw e;
        }
        return undefined;
      }
      case ActionType.trace:
        return () => null;
      default:
        throw new ActionFailure(
          index,
          new SimOfficeError(
            ErrorCodes.invalidArgument,
            Messages.notSimulated(`ActionType ${action.ActionType}`),
          ),
        );
    }
  }

  /** Ranges are kept (and so get a _ReferenceId); other objects need not be, their paths are stable. */
  private keepReference(target: SimClientObject): () => unknown {
    if (target instanceof SimRange)
      this.sim._enqueue({
        target,
        wire: {},
        run: (exec) => {
          const t = target._resolve(exec);
          if (t) this.references.keep(t);
        },
        label: () => `${target._describe()}._KeepReference()`,
      });
    return () => null;
  }

  /**
   * Sent before a large values or formulas array, which the library then writes
   * in slices of 1,500 cells (setRangePropertiesInBulk): Excel checks the whole
   * array fits the range.
   */
  private validateArraySize(target: SimClientObject, action: ActionInfo): () => unknown {
    const [rows, columns] = this.args(action.ArgumentInfo) as number[];
    if (target instanceof SimRange)
      this.sim._enqueue({
        target,
        wire: {},
        run: (exec) => {
          const t = target._resolve(exec);
          if (!t) return;
          const a = t.area;
          if (a.bottom - a.top + 1 !== rows || a.right - a.left + 1 !== columns)
            throw new SimOfficeError(
              ErrorCodes.invalidArgument,
              Messages.shapeMismatch(),
              'Range._ValidateArraySize',
            );
        },
        label: () => `${target._describe()}._ValidateArraySize(${rows}, ${columns})`,
      });
    return () => null;
  }

  /** A method's arguments: object paths become proxies, and an argument not given (sent as null) is undefined again. */
  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    return args.map((a, i) =>
      refs && refs[i] ? this.object(refs[i]) : a === null ? undefined : a,
    );
  }

  /** The proxy for an object path, built once per request, its parents first. */
  private object(id: number): SimClientObject | null {
    if (this.objects.has(id)) return this.objects.get(id)!;
    const info = this.body.ObjectPaths[String(id)];
    if (!info) throw new Error(`object path ${id} missing from the request`);
    const parent =
      info.ParentObjectPathId !== undefined ? this.object(info.ParentObjectPathId) : null;
    if (
      parent &&
      (info.ObjectPathType === PathType.method || info.ObjectPathType === PathType.property)
    )
      this.gate(parent._typeName, info.Name);
    const named = (name: string) =>
      parent === null ? undefined : (parent as unknown as Record<string, unknown>)[name];
    let obj: unknown;
    switch (info.ObjectPathType) {
      case PathType.global:
        obj = this.sim.workbook;
        break;
      case PathType.property:
        obj = named(camel(info.Name));
        break;
      case PathType.method: {
        const fn = named(camel(info.Name));
        obj =
          typeof fn === 'function'
            ? (fn as (...a: unknown[]) => unknown).apply(parent, this.args(info.ArgumentInfo))
            : undefined;
        break;
      }
      case PathType.indexer: {
        const fn = named('getItem');
        obj =
          typeof fn === 'function'
            ? (fn as (...a: unknown[]) => unknown).apply(parent, this.args(info.ArgumentInfo))
            : undefined;
        break;
      }
      case PathType.nullObject:
        obj = null;
        break;
      case PathType.referenceId: {
        const kept = this.references.get(info.Name);
        if (!kept)
          throw new SimOfficeError(
            ExtensionErrorCodes.invalidObjectPath,
            Messages.invalidObjectPath(`_reference(${info.Name})`),
          );
        const r = new SimRange(this.sim, this.sim.workbook, `_reference(${info.Name})`, () => kept);
        r._target = kept;
        obj = r;
        break;
      }
      default:
        obj = undefined;
    }
    // Some steps of a path are plain objects in the simulation (a chart's series and points): only
    // objects that actions run on need to be proxies.
    if (obj === undefined || (obj !== null && typeof obj !== 'object'))
      throw new SimOfficeError(
        ErrorCodes.invalidArgument,
        Messages.notSimulated(`${parent?._typeName ?? 'object'}.${camel(info.Name) || 'getItem'}`),
      );
    this.objects.set(id, obj as SimClientObject | null);
    return obj as SimClientObject | null;
  }
}

function notSimulated(target: SimClientObject, name: string, index: number): ActionFailure {
  return new ActionFailure(
    index,
    new SimOfficeError(
      ErrorCodes.invalidArgument,
      Messages.notSimulated(`${target._typeName}.${camel(name)}`),
    ),
  );
}

function errorOf(failure: ActionFailure, actions: ActionInfo[]) {
  const e = failure.cause;
  const code = e instanceof SimOfficeError ? e.code : ErrorCodes.generalException;
  const message = e instanceof Error ? e.message : String(e);
  return {
    Code: code,
    Message: message,
    Location: e instanceof SimOfficeError ? e.debugInfo.errorLocation : undefined,
    ActionIndex: Math.min(failure.index, actions.length - 1),
    HttpStatusCode: STATUS[code] ?? 400,
  };
}
