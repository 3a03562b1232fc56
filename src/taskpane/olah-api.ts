/**
 * The workbook actions of "Olah Data Responden" and "Masukkan ke Rekap", as
 * plain functions: the Office.js adapter by default, a stand-in in tests.
 */
import { olahActiveSheet, olahSheets, undoOlah } from './excel/olah';
import { entrySheets, recapSessions, undoEntry, writeEntry } from './excel/olah-rekap';

export interface OlahApi {
  olahActiveSheet: typeof olahActiveSheet;
  undoOlah: typeof undoOlah;
  olahSheets: typeof olahSheets;
  recapSessions: typeof recapSessions;
  writeEntry: typeof writeEntry;
  undoEntry: typeof undoEntry;
  entrySheets: typeof entrySheets;
}

export const olahApi: OlahApi = {
  olahActiveSheet,
  undoOlah,
  olahSheets,
  recapSessions,
  writeEntry,
  undoEntry,
  entrySheets,
};
