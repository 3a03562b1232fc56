/**
 * Ribbon commands (manifest: ExecuteFunction "validasiRekap"). In the shared
 * runtime this code runs in the task pane page, so a command can later reach
 * the same state as the task pane.
 */

/**
 * "Validasi Rekap" on the ribbon. Placeholder until the task pane issue gives
 * it its behaviour: it only completes the event, as Office requires of every
 * ExecuteFunction handler.
 */
export function validasiRekap(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.actions.associate('validasiRekap', validasiRekap);
