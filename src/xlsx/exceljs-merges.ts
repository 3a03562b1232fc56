/**
 * Merged areas in exceljs, for every module that opens or writes a workbook through it (the
 * checker, the simulated host, the preview). Importing this module patches exceljs once.
 *
 * exceljs checks each new merge against every earlier one (quadratic: a recap of 1,000 units with
 * 15,000 merged areas took 20 s to open). The same check, against an index of covered cells, costs
 * the merge's own area.
 */
import type ExcelJS from 'exceljs';
import type { Area } from '../engine/address';

/** What exceljs keeps of a merged area (Worksheet._merges holds Range objects). */
interface ExcelJsRange {
  model: { top: number; left: number; bottom: number; right: number };
}

interface MergingWorksheet {
  _merges: Record<string, { intersects?: unknown }>;
  getCell(
    r: number,
    c: number,
  ): { address: string; merge(master: unknown, ignoreStyle?: boolean): void };
}
interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const covered = new WeakMap<object, Set<number>>();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const worksheetModule = require('exceljs/lib/doc/worksheet') as {
  prototype: Record<string, (...args: never[]) => unknown>;
};
const worksheetProto = worksheetModule.prototype;
worksheetProto._mergeCellsInternal = function mergeCellsIndexed(
  this: MergingWorksheet,
  d: Dimensions,
  ignoreStyle?: boolean,
): void {
  let cells = covered.get(this);
  if (!cells) {
    // Built on first use and after an unmerge: the index follows _merges.
    cells = new Set();
    for (const m of Object.values(this._merges) as unknown as Dimensions[]) {
      const mm = (m as unknown as { model?: Dimensions }).model ?? m;
      for (let r = mm.top; r <= mm.bottom; r++)
        for (let c = mm.left; c <= mm.right; c++) cells.add(r * 16384 + c);
    }
    covered.set(this, cells);
  }
  for (let r = d.top; r <= d.bottom; r++) {
    for (let c = d.left; c <= d.right; c++)
      if (cells.has(r * 16384 + c)) throw new Error('Cannot merge already merged cells');
  }
  const master = this.getCell(d.top, d.left);
  for (let r = d.top; r <= d.bottom; r++) {
    for (let c = d.left; c <= d.right; c++) {
      if (r > d.top || c > d.left) this.getCell(r, c).merge(master, ignoreStyle);
      cells.add(r * 16384 + c);
    }
  }
  this._merges[master.address] = d as unknown as { intersects?: unknown };
};
const originalUnmerge = worksheetProto.unMergeCells;
worksheetProto.unMergeCells = function unMergeCellsIndexed(
  this: object,
  ...args: unknown[]
): unknown {
  covered.delete(this);
  return (originalUnmerge as (...a: unknown[]) => unknown).apply(this, args);
};

/** The merged areas of a worksheet, as areas. */
export function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const merges = (ws as unknown as { _merges?: Record<string, ExcelJsRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({
    top: m.model.top,
    left: m.model.left,
    bottom: m.model.bottom,
    right: m.model.right,
  }));
}
