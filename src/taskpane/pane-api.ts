/**
 * Everything the pane asks of the workbook: the adapter's functions and the
 * summary's keep-and-restore (summary-undo.ts), as plain functions.
 */
import { officeApi, type TaskpaneApi } from './api';
import { restoreSummary, summaryState, writeSummaryKeepingOld } from './summary-undo';

export interface PaneApi extends TaskpaneApi {
  summaryState: typeof summaryState;
  writeSummaryKeepingOld: typeof writeSummaryKeepingOld;
  restoreSummary: typeof restoreSummary;
}

export const paneApi: PaneApi = {
  ...officeApi,
  summaryState,
  writeSummaryKeepingOld,
  restoreSummary,
};
