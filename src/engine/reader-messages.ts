/** What the recap reader says about a table, in both languages (kept apart from messages.ts). */
import type { Text } from './messages';

export const tableProblems = {
  noUnits: (sheet: string, rows: number[]): Text => ({
    id: `Lembar "${sheet}": tabel rekap SKM (baris judul ${rows.join('-')}) tidak memuat satu unit pun.`,
    en: `Sheet "${sheet}": the SKM recap table (header rows ${rows.join('-')}) lists no unit.`,
  }),
};
