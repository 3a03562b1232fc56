/**
 * Ribbon commands (manifest: ExecuteFunction "validasiRekap"). In the shared
 * runtime this code runs in the task pane's page, one JavaScript context with
 * it, so the store carries a command's outcome to the pane.
 */
import { validateFromRibbon } from '../taskpane/ribbon';

/**
 * "Validasi Rekap" on the ribbon: validates and marks the recap, then opens
 * the task pane, where the outcome shows. Office requires every
 * ExecuteFunction handler to complete its event, failure or not.
 */
export async function validasiRekap(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await validateFromRibbon();
    // Without SharedRuntime 1.1 there is no Office.addin: the outcome waits in the store for the pane.
    await Office.addin?.showAsTaskpane();
  } catch {
    // validateFromRibbon leaves its own failures in the store; a pane that cannot open has nowhere to show one.
  } finally {
    event.completed();
  }
}

Office.actions.associate('validasiRekap', validasiRekap);
