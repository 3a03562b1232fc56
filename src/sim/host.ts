/**
 * A simulated Excel host: Excel, Office and OfficeExtension namespaces over an
 * in-memory WorkbookModel, for tests and for the preview page (no Excel runs
 * on our machines). Runs in Node and in the browser.
 *
 *   const host = createExcelHost(model);
 *   const uninstall = host.install();            // globalThis.Excel / Office / OfficeExtension
 *   await Excel.run(async (ctx) => { ... });
 *   host.stats.syncCount; host.editCell('Sheet1', 'B2', 5);
 */
import { parseAddress } from './a1';
import { SimRequestContext } from './context';
import {
  SimClientObject,
  SimClientResult,
  type HostEvent,
  type HostOptions,
  type HostState,
  type SimStats,
} from './client';
import { ErrorCodes, ExtensionErrorCodes, Messages, SimOfficeError } from './errors';
import { interpretInput } from './input';
import {
  findSheet,
  isCoveredByMerge,
  mergeAt,
  patchCell,
  type CellScalar,
  type WorkbookModel,
} from './model';
import { EN_US } from './number-format';
import {
  SimRange,
  SimRangeAreas,
  SimRangeCollection,
  SimRangeFill,
  SimRangeFormat,
  SimSetting,
  SimSettingCollection,
  SimWorkbook,
  SimWorksheet,
  SimWorksheetCollection,
} from './objects';
import { normaliseColor } from './color';
import { ChartSeriesBy, ChartType, SimChart, SimChartCollection } from './charts';
import { createOffice, type OfficeRecord, type SimOffice } from './office';
import { EXCEL_BEHAVIOURS, type ExcelBehaviours } from './behaviours';
import { Calculation } from './calculation';
import { HOST_PROFILES } from './profiles';

export const DEFAULT_OPTIONS: HostOptions = {
  displayLanguage: 'id-ID',
  requirementSets: { ...HOST_PROFILES.web.requirementSets },
  payloadLimitBytes: 5_000_000,
  latencyMs: 0,
  numberLocale: EN_US,
  platform: 'OfficeOnline',
  behaviours: EXCEL_BEHAVIOURS,
  documentMode: 'readWrite',
  inputLocale: 'en-US',
  customFunctionDelayMs: 0,
};

function newStats(): SimStats {
  const stats: SimStats = {
    syncCount: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
    lastRequestBytes: 0,
    lastResponseBytes: 0,
    operations: [],
    reset() {
      stats.syncCount = 0;
      stats.maxRequestBytes = 0;
      stats.maxResponseBytes = 0;
      stats.totalRequestBytes = 0;
      stats.totalResponseBytes = 0;
      stats.lastRequestBytes = 0;
      stats.lastResponseBytes = 0;
      stats.operations.length = 0;
    },
  };
  return stats;
}

export type HostSettings = Partial<Omit<HostOptions, 'behaviours'>> & {
  behaviours?: Partial<ExcelBehaviours>;
};

export function createExcelHost(model: WorkbookModel, options: HostSettings = {}) {
  const listeners = new Set<(e: HostEvent) => void>();
  const calculation = new Calculation();
  const state: HostState = {
    model,
    options: {
      ...DEFAULT_OPTIONS,
      ...options,
      behaviours: { ...EXCEL_BEHAVIOURS, ...options.behaviours },
    },
    stats: newStats(),
    listeners,
    liveRanges: new Set(),
    sheetIds: new WeakMap(),
    nextSheetId: 0,
    notify: (e) => {
      state.calculate();
      for (const l of [...listeners]) l(e);
    },
    // Like Excel's automatic calculation: after every change, before anyone looks
    // (custom functions later, when they calculate asynchronously).
    calculate: () =>
      calculation.afterChange(state, () => {
        for (const l of [...listeners]) l({ kind: 'edit' });
      }),
  };

  class RequestContext extends SimRequestContext {
    constructor() {
      super(state);
    }
  }

  type Batch<T> = (ctx: SimRequestContext) => Promise<T>;
  /** Excel.run(batch), Excel.run(context, batch) or Excel.run(object(s), batch): a final sync, then its objects expire. */
  function run<T>(batch: Batch<T>): Promise<T>;
  function run<T>(
    object: SimRequestContext | SimClientObject | SimClientObject[] | Record<string, unknown>,
    batch: Batch<T>,
  ): Promise<T>;
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: SimRequestContext;
    if (first instanceof SimRequestContext) ctx = first;
    // Every proxy's context is a SimRequestContext; ContextCore is what proxies see of it.
    else if (first instanceof SimClientObject) ctx = first.context as SimRequestContext;
    else if (Array.isArray(first) && first[0] instanceof SimClientObject)
      ctx = first[0].context as SimRequestContext;
    else ctx = new RequestContext();
    if (typeof batch !== 'function')
      throw new SimOfficeError(
        ExtensionErrorCodes.invalidArgument,
        Messages.invalidArgument(),
        'Excel.run',
      );
    ctx._inRun++;
    try {
      const pending = batch(ctx) as Promise<T> | undefined;
      if (!pending || typeof pending.then !== 'function') {
        throw new SimOfficeError(
          ExtensionErrorCodes.runMustReturnPromise,
          Messages.runMustReturnPromise(),
          'Excel.run',
        );
      }
      const value = await pending;
      await ctx.sync();
      return value;
    } finally {
      ctx._inRun--;
      if (ctx._inRun === 0) {
        ctx._epoch++;
        ctx._queueList = [];
        for (const live of ctx._live) state.liveRanges.delete(live);
        ctx._live = [];
      }
    }
  }

  const Excel = {
    run,
    RequestContext,
    ErrorCodes,
    InsertShiftDirection: { down: 'Down', right: 'Right' } as const,
    DeleteShiftDirection: { up: 'Up', left: 'Left' } as const,
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const,
    ClearApplyTo: {
      all: 'All',
      formats: 'Formats',
      contents: 'Contents',
      hyperlinks: 'Hyperlinks',
      removeHyperlinks: 'RemoveHyperlinks',
      resetContents: 'ResetContents',
    } as const,
    ChartType,
    ChartSeriesBy,
    Chart: SimChart,
    ChartCollection: SimChartCollection,
    RangeValueType: {
      unknown: 'Unknown',
      empty: 'Empty',
      string: 'String',
      integer: 'Integer',
      double: 'Double',
      boolean: 'Boolean',
      error: 'Error',
      richValue: 'RichValue',
    } as const,
    Workbook: SimWorkbook,
    WorksheetCollection: SimWorksheetCollection,
    Worksheet: SimWorksheet,
    Range: SimRange,
    RangeAreas: SimRangeAreas,
    RangeCollection: SimRangeCollection,
    RangeFormat: SimRangeFormat,
    RangeFill: SimRangeFill,
    SettingCollection: SimSettingCollection,
    Setting: SimSetting,
  };

  const OfficeExtension = {
    Error: SimOfficeError,
    ErrorCodes: ExtensionErrorCodes,
    ClientResult: SimClientResult,
    ClientObject: SimClientObject,
    ClientRequestContext: SimRequestContext,
    Promise,
  };

  const record: OfficeRecord = { actions: new Map(), taskpaneShown: 0, taskpaneHidden: 0 };
  const Office: SimOffice = createOffice(state, record);

  const sheetOrThrow = (name: string) => {
    const s = findSheet(state.model, name);
    if (!s) throw new Error(`No sheet named ${JSON.stringify(name)} in the simulated workbook`);
    return s;
  };

  const cellOrThrow = (address: string) => {
    const p = parseAddress(address);
    if (!p || p.area.top !== p.area.bottom || p.area.left !== p.area.right)
      throw new Error(`Not a single cell address: ${address}`);
    return { row: p.area.top, col: p.area.left };
  };

  const host = {
    Excel,
    Office,
    OfficeExtension,
    get model(): WorkbookModel {
      return state.model;
    },
    stats: state.stats,
    options: state.options,
    /** What the add-in did through Office.actions and Office.addin. */
    office: record,

    /**
     * Changes a cell directly, as a co-author or the user would between two syncs;
     * the value is read as if typed ("=..." becomes a formula, "'x" stays text).
     */
    editCell(sheet: string, address: string, value: CellScalar): void {
      const s = sheetOrThrow(sheet);
      const { row, col } = cellOrThrow(address);
      if (isCoveredByMerge(s, row, col))
        throw new Error(
          `${address} lies inside the merged area ${JSON.stringify(mergeAt(s, row, col))}; edit its top-left cell`,
        );
      const cur = s.cells[`${row},${col}`];
      const { behaviours, inputLocale } = state.options;
      const res = interpretInput(
        value,
        cur?.numberFormat,
        'editCell',
        behaviours.localeInput ? inputLocale : undefined,
      );
      patchCell(s, row, col, {
        value: res.value,
        formula: res.formula,
        ...(res.numberFormat ? { numberFormat: res.numberFormat } : {}),
      });
      state.stats.operations.push(`external edit ${sheet}!${address} = ${JSON.stringify(value)}`);
      state.notify({ kind: 'edit' });
    },

    /** Sets or removes (undefined) a cell's fill directly. */
    setFill(sheet: string, address: string, color: string | undefined): void {
      const s = sheetOrThrow(sheet);
      const { row, col } = cellOrThrow(address);
      patchCell(s, row, col, {
        fill: color === undefined ? undefined : normaliseColor(color, 'setFill'),
      });
      state.notify({ kind: 'edit' });
    },

    /** The user clicking a sheet tab. */
    activateSheet(name: string): void {
      const s = sheetOrThrow(name);
      state.model.activeSheet = s.name;
      if (state.model.selection?.sheet !== s.name)
        state.model.selection = { sheet: s.name, address: 'A1' };
      state.notify({ kind: 'edit' });
    },

    /** The user selecting cells. */
    select(sheet: string, address: string): void {
      const s = sheetOrThrow(sheet);
      if (!parseAddress(address)) throw new Error(`Not an address: ${address}`);
      state.model.activeSheet = s.name;
      state.model.selection = { sheet: s.name, address };
      state.notify({ kind: 'edit' });
    },

    /** Replaces the whole workbook, as opening another file would. */
    replaceModel(next: WorkbookModel): void {
      state.model = next;
      state.liveRanges.clear();
      state.notify({ kind: 'edit' });
    },

    /** Called after every sync (ok or failed) and every direct edit; returns an unsubscribe function. */
    subscribe(listener: (e: HostEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Puts Excel, Office and OfficeExtension on a global object (globalThis by default); returns the undo. */
    install(
      target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
    ): () => void {
      const keys = ['Excel', 'Office', 'OfficeExtension'] as const;
      const before = keys.map((k) => [k, Object.getOwnPropertyDescriptor(target, k)] as const);
      target.Excel = Excel;
      target.Office = Office;
      target.OfficeExtension = OfficeExtension;
      return () => {
        for (const [k, d] of before) {
          if (d) Object.defineProperty(target, k, d);
          else delete target[k];
        }
      };
    },
  };
  return host;
}

export type ExcelHost = ReturnType<typeof createExcelHost>;
export type SimExcel = ExcelHost['Excel'];
export type { HostOptions, SimStats, HostEvent } from './client';
