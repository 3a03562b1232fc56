/**
 * Excel's automatic calculation in the simulated host, after each change:
 * volatile functions (NOW, TODAY, RAND) take a new value at once; custom
 * functions either at once or, as in Excel, asynchronously: a formula not yet
 * calculated shows "#BUSY!" and the others keep their last value until the
 * results arrive (office-js #6930, #4152), here after customFunctionDelayMs.
 */
import { recalculate, type CustomFunctions } from './calc';
import type { HostState } from './client';
import { formulaCells, sheetRevision, type WorkbookModel } from './model';
import { recalculateStandard } from './std-calc';

const VOLATILE = /^=\s*(NOW|TODAY|RAND)\s*\(\s*\)\s*$/i;
const CALL = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/;
/** 2025-01-01 12:00 as an Excel serial date: the simulated clock starts there and ticks a second per calculation. */
const CLOCK_START = 45658.5;

export class Calculation {
  private lastModel: WorkbookModel | null = null;
  private lastSignature = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticks = 0;
  private seed = 12345;
  /** Formulas of Excel's own functions written since the workbook was loaded (src/sim/std-calc.ts). */
  private readonly standard = new Set<string>();

  /** Called after every request and direct edit; calculates only when something changed. */
  afterChange(state: HostState, onLateResults: () => void): void {
    const { model, options } = state;
    const signature = model.sheets.map(sheetRevision).join(',');
    if (model === this.lastModel && signature === this.lastSignature) return;
    this.lastModel = model;
    this.lastSignature = signature;
    const b = options.behaviours;
    if (b.volatileFunctions) this.volatile(model);
    recalculateStandard(model, this.standard);
    const fns = options.customFunctions;
    if (!fns) return;
    if (!b.asyncCustomFunctions) {
      recalculate(model, fns);
      return;
    }
    markBusy(model, fns);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      recalculate(state.model, fns);
      onLateResults();
    }, options.customFunctionDelayMs);
  }

  private volatile(model: WorkbookModel): void {
    this.ticks++;
    for (const sheet of model.sheets)
      for (const cell of formulaCells(sheet)) {
        const m = cell.formula ? VOLATILE.exec(cell.formula) : null;
        if (!m) continue;
        const fn = m[1].toUpperCase();
        if (fn === 'NOW') cell.value = CLOCK_START + this.ticks / 86400;
        else if (fn === 'TODAY') cell.value = Math.floor(CLOCK_START);
        else cell.value = this.random();
      }
  }

  /** A small deterministic generator: RAND() differs at each calculation, the same in every run. */
  private random(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }
}

/** Formulas calling a registered function that have never been calculated read "#BUSY!" while they run. */
function markBusy(model: WorkbookModel, fns: CustomFunctions): void {
  const names = new Set(Object.keys(fns).map((k) => k.toUpperCase()));
  for (const sheet of model.sheets)
    for (const cell of formulaCells(sheet)) {
      const m = cell.formula ? CALL.exec(cell.formula) : null;
      if (m && names.has(m[1].toUpperCase()) && cell.value === '#NAME?') cell.value = '#BUSY!';
    }
}
