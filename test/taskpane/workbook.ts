/**
 * Recaps for the adapter's tests: sheet grids built in the domain's words
 * (test/engine/grid.ts) turned into workbooks of the simulated Excel host.
 */
import {
  BASE,
  OTHER,
  recap,
  tahunan,
  unit,
  type RecapOptions,
  type UnitSpec,
} from '../engine/grid';

import type { WorkbookModel } from '../../src/sim/model';
import { MAX_INLINE } from '../../src/taskpane/excel/ledger-store';
import { sheetModelOf, workbookModelOf } from '../sim/grid-model';

export { sheetModelOf as sheetOfGrid, workbookModelOf as workbookOfGrids };

/** A third record: converted values exactly NRR x 25, mean 770 / 9 = 85,56. */
export const THIRD = {
  nrr: [3.52, 3.36, 3.28, 3.6, 3.4, 3.44, 3.48, 3.32, 3.4],
  conv: [88, 84, 82, 90, 85, 86, 87, 83, 85],
  ikm: 85.56,
  category: 'B (Baik)',
  respondents: 95,
  method: 'Manual',
  priority: 'Waktu penyelesaian',
} as const;

/** Two consistent units and one whose IKM (85,1) is not the mean of its unsur (85,56): one error to mark, in N7. */
export const SMALL_UNITS: UnitSpec[] = [
  unit(1, 'DINAS A', tahunan(BASE)),
  unit(2, 'DINAS B', tahunan(OTHER)),
  unit(3, 'DINAS C', tahunan({ ...THIRD, ikm: 85.1 })),
];

export function smallRecap(
  options: RecapOptions = {},
  units: UnitSpec[] = SMALL_UNITS,
): WorkbookModel {
  return workbookModelOf(recap(units, options).grid);
}

/**
 * `model` with as many settings of other add-ins as a workbook takes before a ledger no longer goes
 * into a setting of its own (MAX_INLINE): the add-in's next ledger goes on a very hidden sheet.
 */
export function withSettingsFull(model: WorkbookModel): WorkbookModel {
  for (let i = 0; i < MAX_INLINE; i++) model.settings[`lain.${i}`] = JSON.stringify(`nilai ${i}`);
  return model;
}
