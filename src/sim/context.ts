/**
 * The simulated request context: proxies queue operations on it;
 * context.sync() measures the request, applies the operations in order
 * against the model, measures the response and only then makes loaded
 * properties readable.
 */
import { ErrorCodes, Messages, SimOfficeError, simError } from './errors';
import {
  Exec,
  jsonBytes,
  type ContextCore,
  type HostState,
  type Op,
  type RangeTarget,
  type SimClientObject,
} from './client';
import { SimWorkbook } from './objects/workbook';

export class SimTrackedObjects {
  add(obj: SimClientObject | SimClientObject[]): void {
    for (const o of Array.isArray(obj) ? obj : [obj]) o.track();
  }
  remove(obj: SimClientObject | SimClientObject[]): void {
    for (const o of Array.isArray(obj) ? obj : [obj]) o.untrack();
  }
}

export class SimRequestContext implements ContextCore {
  readonly _state: HostState;
  _queueList: Op[] = [];
  _epoch = 0;
  /** True while an Excel.run batch runs on this context: objects stay valid across its syncs. */
  _inRun = 0;
  readonly trackedObjects = new SimTrackedObjects();
  /** Ranges this context has located; dropped when its Excel.run ends. */
  _live: RangeTarget[] = [];
  readonly workbook: SimWorkbook;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    calculate(type?: unknown): void;
  };

  constructor(state: HostState) {
    this._state = state;
    this.workbook = new SimWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => undefined,
      calculate: () => undefined,
    };
  }

  _enqueue(op: Op): void {
    this._queueList.push(op);
  }

  load<T extends SimClientObject>(obj: T, option?: unknown): T {
    return obj.load(option);
  }

  trace(message: string): void {
    this._state.stats.operations.push(`trace: ${message}`);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queueList;
    this._queueList = [];
    if (ops.length === 0) return passThroughValue as T;
    const state = this._state;
    const { stats, options } = state;
    await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    stats.syncCount++;
    const n = stats.syncCount;
    const requestBytes = jsonBytes({
      Actions: ops.map((o) => ({ ObjectPath: o.target._path, ...o.wire })),
    });
    stats.lastRequestBytes = requestBytes;
    stats.totalRequestBytes += requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > options.payloadLimitBytes) {
      stats.operations.push(
        `sync #${n} failed: ${ops.length} ops, request ${requestBytes} B > ${options.payloadLimitBytes} B (RequestPayloadSizeLimitExceeded)`,
      );
      throw simError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        Messages.requestTooLarge(),
        'RequestContext.sync',
      );
    }
    const exec = new Exec(state, this);
    let failure: unknown = null;
    for (const op of ops) {
      try {
        // Excel calculates before it answers a read: a load after a write sees the result.
        if (readsCells(op)) state.calculate();
        // Office.js instantiates every object an action refers to; the result tells null objects apart.
        const resolved = op.target._resolve(exec);
        exec.deliveries.push(() => {
          if (op.target._isNull === undefined) op.target._isNull = resolved === null;
        });
        op.run(exec);
        stats.operations.push(op.label());
      } catch (e) {
        failure = e;
        if (e instanceof SimOfficeError) {
          e.debugInfo.statement = op.label();
          e.debugInfo.fullStatements = ops.map((o) => o.label());
        }
        stats.operations.push(
          `${op.label()} -> ${e instanceof SimOfficeError ? e.code : String(e)}`,
        );
        break;
      }
    }
    stats.lastResponseBytes = exec.responseBytes;
    stats.totalResponseBytes += exec.responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, exec.responseBytes);
    stats.operations.push(
      `sync #${n}${failure ? ' failed' : ''}: ${ops.length} ops, request ${requestBytes} B, response ${exec.responseBytes} B`,
    );
    if (!this._inRun) {
      for (const op of ops) {
        for (let o: SimClientObject | null = op.target; o; o = o._parent)
          if (o._invalidAfterRequest && !o._tracked) o._valid = false;
      }
    }
    state.notify({ kind: 'sync', ok: failure === null });
    if (failure) throw failure;
    for (const d of exec.deliveries) d();
    return passThroughValue as T;
  }
}

/** Loads and get-methods read what calculation may have changed; writes need no calculation first. */
function readsCells(op: Op): boolean {
  const method = op.wire.method;
  return 'load' in op.wire || (typeof method === 'string' && method.startsWith('get'));
}
