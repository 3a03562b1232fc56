/**
 * CSV as SKM web apps and Excel export it: comma or semicolon (Excel in an
 * Indonesian locale writes ";"), quoted fields holding separators, line breaks
 * and doubled quotes, UTF-8 with or without a BOM (or Windows-1252 from old
 * Excel), CRLF or LF. Cells stay text; the engine reads numbers from text as
 * it does from a recap ("3,46", "4").
 */
import type { SheetGrid } from '../model';

/** Text of a CSV file's bytes: UTF-8 (its BOM removed), or Windows-1252 when not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator of the first record: the most frequent of ",", ";" and tab outside quotes. */
export function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  // No separator at all (a one-column file): a comma.
  return count > 0 ? best : ',';
}

/** The records of a CSV text (RFC 4180, tolerant of a stray quote inside an unquoted field). */
export function parseCsv(text: string, separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === separator) {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file as one sheet grid, named after the file. */
export function csvGrid(name: string, bytes: Uint8Array): SheetGrid {
  const records = parseCsv(decodeCsv(bytes));
  const width = records.reduce((w, r) => Math.max(w, r.length), 0);
  const values = records.map((r) => {
    const out: string[] = r.slice();
    while (out.length < width) out.push('');
    return out;
  });
  return { name, values, origin: { row: 1, col: 1 } };
}
