/** The simulated Workbook: its worksheets, settings, selected range and active cell. */
import { SimClientObject, type ContextCore } from '../client';
import { selectionTarget } from './shared';
import { SimRange } from './range';
import { SimWorksheetCollection } from './worksheet';
import { SimSettingCollection } from './settings';

/* ------------------------------------------------------------------ Workbook */

export class SimWorkbook extends SimClientObject {
  readonly _typeName = 'Workbook';
  readonly _scalarNames: readonly string[] = [];
  readonly worksheets: SimWorksheetCollection;
  readonly settings: SimSettingCollection;

  constructor(ctx: ContextCore) {
    super(ctx, null, 'workbook');
    this.worksheets = new SimWorksheetCollection(ctx, this);
    this.settings = new SimSettingCollection(ctx, this);
  }

  _resolve(): unknown {
    return true;
  }

  _read(): unknown {
    return undefined;
  }

  _nav(name: string): SimClientObject | undefined {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'settings') return this.settings;
    return undefined;
  }

  /** The selected range (model.selection), or A1 of the active sheet. */
  getSelectedRange(): SimRange {
    return new SimRange(
      this.context,
      this,
      'workbook.getSelectedRange()',
      (exec) => selectionTarget(exec, false),
      true,
    );
  }

  getActiveCell(): SimRange {
    return new SimRange(
      this.context,
      this,
      'workbook.getActiveCell()',
      (exec) => selectionTarget(exec, true),
      true,
    );
  }
}
