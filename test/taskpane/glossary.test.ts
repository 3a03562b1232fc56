/**
 * The words of docs/glossary.md, checked over every text the pane shows and
 * the engine writes (strings.ts, olah-strings.ts, messages.ts, olah-messages.ts): the forbidden variants never
 * appear, in either language.
 */
import {
  causes,
  cellName,
  findingText,
  lineName,
  problems,
  sentences,
} from '../../src/engine/messages';
import { labels, ui } from '../../src/taskpane/strings';
import { olahLabels } from '../../src/taskpane/olah-strings';
import { olahText } from '../../src/taskpane/excel/olah-messages';

/** Every string a table yields: its texts, and its functions called with sample arguments. */
function texts(table: unknown, path = ''): { path: string; text: string }[] {
  if (typeof table === 'string') return [{ path, text: table }];
  if (typeof table === 'function') {
    const args = Array.from({ length: table.length }, (_, i) =>
      i === 0 ? 'X' : i % 2 ? 3 : ['a', 'b'],
    );
    // Sample arguments of the usual kinds: numbers, names, lists.
    for (const sample of [args, Array(table.length).fill(2), Array(table.length).fill(['U1'])]) {
      try {
        return texts((table as (...a: unknown[]) => unknown)(...sample), path);
      } catch {
        // Another kind of arguments.
      }
    }
    return [];
  }
  if (table && typeof table === 'object')
    return Object.entries(table).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

const TABLES = {
  ui,
  labels,
  problems,
  causes,
  findingText,
  lineName,
  cellName,
  sentences,
  olahLabels,
  olahText,
};

const FORBIDDEN: [RegExp, string][] = [
  [/\bsaringan\b/i, 'filter'],
  [/\b(OPP|UPP)\b/, 'unit'],
  [/Unsur Perbaikan/, 'Unsur Prioritas Perbaikan'],
  [/\bkesalahan\b|\beror\b/i, 'galat'],
  [/\bcatatan\b(?! validasi)(?=.*\b(entri|unit)\b)/i, 'entri (catatan is a note)'],
  [/\b\d+ catatan (di|pada) kolom rumus|rumus .* untuk \d+ catatan/i, 'entri'],
];

describe('the glossary over the string tables', () => {
  const all = Object.entries(TABLES).flatMap(([name, table]) => texts(table, name));

  it('reads a text from every table', () => {
    for (const name of Object.keys(TABLES))
      expect(all.some((t) => t.path.startsWith(name))).toBe(true);
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(FORBIDDEN)('never uses %s (the word is "%s")', (pattern) => {
    expect(all.filter((t) => pattern.test(t.text)).map((t) => `${t.path}: ${t.text}`)).toEqual([]);
  });

  it('says "Error" for one finding in English', () => {
    expect(labels.severity.error.en).toBe('Error');
    expect(labels.ribbonDone(1, 1, 1).en).toMatch(/1 error, 1 warning; 1 cell marked/);
  });
});
