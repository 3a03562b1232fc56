/**
 * What was read, said with the report (issue 15): the sheet checked and why, the other recap
 * sheets, hidden columns, what ended the table, a further table, and the reader's notes on damaged
 * or odd content. The same sentences go into the text report and, with their data, into the JSON
 * report's `reading` field (added to docs/skm-rules.md §9's report; no existing key changes).
 */
import type { AnalysisResult, SheetChoice } from '../engine/analyse';
import { columnLetters } from '../engine/address';
import { say, type Lang, type Text } from '../engine/messages';
import type { WorkbookRead } from '../xlsx/lean-read';
import { noComputedValues, type ReadNote } from '../xlsx/read-notes';

export interface ReadingReport {
  sheet: {
    name: string;
    state: string;
    reason: SheetChoice['reason'] | null;
    otherRecapSheets: { name: string; state: string }[];
  };
  hiddenColumns: { column: string; header: string; used: boolean }[];
  tableEnd: { row: number; kind: 'footer' | 'table'; text: string } | null;
  otherTableRow: number | null;
  notes: {
    code: string;
    sheet: string | null;
    count: number;
    example: string | null;
    message: string;
  }[];
  /** Every item above as one sentence, in the report's language. */
  messages: string[];
}

const stateWord = (state: string): Text =>
  state === 'veryHidden'
    ? { id: 'sangat tersembunyi', en: 'very hidden' }
    : state === 'hidden'
      ? { id: 'tersembunyi', en: 'hidden' }
      : { id: 'tampak', en: 'visible' };

const list = (names: { name: string; state: string }[], lang: Lang) =>
  names.map((s) => `"${s.name}" (${say(stateWord(s.state), lang)})`).join(', ');

export function readingReport(
  a: Extract<AnalysisResult, { ok: true }>,
  read: WorkbookRead,
  lang: Lang,
): ReadingReport {
  const { table } = a;
  const choice = a.sheetChoice;
  const messages: string[] = [];
  const others = choice?.others ?? [];
  const sheet = `"${table.sheet}"`;
  if (choice) {
    const t: Record<SheetChoice['reason'], Text> = {
      named: {
        id: `Lembar ${sheet} diperiksa: disebut dengan --sheet.`,
        en: `Sheet ${sheet} was checked: named by --sheet.`,
      },
      only: {
        id: `Lembar ${sheet} diperiksa: satu-satunya lembar dengan tabel rekap.`,
        en: `Sheet ${sheet} was checked: the only sheet with a recap table.`,
      },
      first: {
        id: `Lembar ${sheet} diperiksa: lembar pertama dengan tabel rekap. Lembar rekap lain yang tidak diperiksa: ${list(others, 'id')}; pilih dengan --sheet.`,
        en: `Sheet ${sheet} was checked: the first sheet with a recap table. Other recap sheets not checked: ${list(others, 'en')}; choose one with --sheet.`,
      },
      'visible-over-hidden': {
        id: `Lembar ${sheet} diperiksa: lembar tampak didahulukan dari lembar tersembunyi. Lembar rekap lain yang tidak diperiksa: ${list(others, 'id')}; pilih dengan --sheet.`,
        en: `Sheet ${sheet} was checked: a visible sheet comes before hidden ones. Other recap sheets not checked: ${list(others, 'en')}; choose one with --sheet.`,
      },
      'hidden-only': {
        id: `Lembar ${sheet} diperiksa walaupun ${say(stateWord(choice.state), 'id')}: tidak ada lembar tampak dengan tabel rekap.${others.length ? ` Lembar rekap lain: ${list(others, 'id')}.` : ''}`,
        en: `Sheet ${sheet} was checked though it is ${say(stateWord(choice.state), 'en')}: no visible sheet holds a recap table.${others.length ? ` Other recap sheets: ${list(others, 'en')}.` : ''}`,
      },
    };
    messages.push(say(t[choice.reason], lang));
  }
  const hiddenColumns = (table.hiddenColumns ?? []).map((h) => ({
    column: columnLetters(h.col),
    header: h.header,
    used: h.used,
  }));
  for (const h of hiddenColumns)
    messages.push(
      say(
        h.used
          ? {
              id: `Kolom ${h.column} ("${h.header}") tersembunyi di buku kerja, tetapi dibaca: tidak ada kolom tampak dengan judul itu.`,
              en: `Column ${h.column} ("${h.header}") is hidden in the workbook but was read: no visible column has that header.`,
            }
          : {
              id: `Kolom ${h.column} ("${h.header}") tersembunyi di buku kerja dan tidak dibaca: kolom tampak dengan judul yang sama dipakai.`,
              en: `Column ${h.column} ("${h.header}") is hidden in the workbook and was not read: the visible column with the same header was used.`,
            },
        lang,
      ),
    );
  const end = table.end ?? null;
  if (end?.kind === 'footer')
    messages.push(
      say(
        {
          id: `Tabel berakhir di baris ${end.row} ("${end.text}"): baris itu dan di bawahnya bukan unit.`,
          en: `The table ends at row ${end.row} ("${end.text}"): that row and those below are not units.`,
        },
        lang,
      ),
    );
  const otherTableRow = table.otherTableRow ?? null;
  if (otherTableRow !== null)
    messages.push(
      say(
        {
          id: `Lembar ${sheet} memuat tabel kedua mulai baris ${otherTableRow}; tabel itu tidak diperiksa (hanya tabel pertama, baris ${table.firstRow}-${table.lastRow}).`,
          en: `Sheet ${sheet} holds a second table from row ${otherTableRow}; it was not checked (only the first table, rows ${table.firstRow}-${table.lastRow}).`,
        },
        lang,
      ),
    );
  const notes = read.notes.filter((n) => n.sheet === null || n.sheet === table.sheet);
  for (const n of notes) messages.push(say(n.message, lang));
  return {
    sheet: {
      name: table.sheet,
      state: choice?.state ?? 'visible',
      reason: choice?.reason ?? null,
      otherRecapSheets: others,
    },
    hiddenColumns,
    tableEnd: end,
    otherTableRow,
    notes: notes.map((n: ReadNote) => ({
      code: n.code,
      sheet: n.sheet,
      count: n.count,
      example: n.example,
      message: say(n.message, lang),
    })),
    messages,
  };
}

/** The report's lines about the reading, for the text report. */
export function readingLines(r: ReadingReport): string[] {
  return r.messages;
}

/**
 * The file was saved without computed values (written by a program, or to be recomputed on
 * opening): the sheet's formulas hold no results, so every check would be about blanks. Said
 * instead of a report (issue 15, item 12).
 */
export function uncomputedSheet(read: WorkbookRead, sheet: string | undefined): Text | null {
  for (const s of read.sheets) {
    if (sheet !== undefined && s.name !== sheet) continue;
    const f = s.formulas;
    if (f.withoutValue > 0 && (f.withValue === 0 || read.fullCalcOnLoad))
      return noComputedValues(s.name, f.withoutValue, f.firstWithout ?? '');
  }
  return null;
}

/**
 * Text as it may reach a terminal: control characters (ESC and the like, line breaks inside a
 * value) and the marks that reorder or hide text are shown as escapes, so a cell can never move
 * the cursor, colour the screen or fake a line of the report.
 */
export function clean(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
