/**
 * Custom functions in the simulated host: a formula such as
 * =SKM.PERIKSA(E6:M7, N6, O6) is calculated with the registered functions, so
 * the preview's "Kolom Rumus" shows what Excel would. Other formulas keep the
 * simulator's "#NAME?". Arguments: a range of several cells arrives as a 2-D
 * array (blanks as null), a single cell as its value, "text" and numbers as
 * themselves, as Excel hands them to custom functions.
 */
import { cellValue, type CellScalar, type WorkbookModel } from './model';
import { parseAddress } from './a1';

export type CustomFunction = (...args: unknown[]) => unknown;
export type CustomFunctions = Record<string, CustomFunction>;

const CALL = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\((.*)\)\s*$/s;

/** Splits "E6:M7, N6, \"a,b\"" at the commas outside quotes and parentheses. */
export function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || out.length > 0) out.push(current.trim());
  return out;
}

function argument(model: WorkbookModel, sheetName: string, text: string): unknown {
  if (text === '') return null;
  const str = /^"((?:[^"]|"")*)"$/.exec(text);
  if (str) return str[1].replace(/""/g, '"');
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return Number(text);
  if (/^(TRUE|FALSE)$/i.test(text)) return /^TRUE$/i.test(text);
  const parsed = parseAddress(text);
  const s = model.sheets.find((x) => x.name === (parsed?.sheet ?? sheetName));
  if (!parsed || !s) throw new Error('#REF!');
  const area = parsed.area;
  const value = (r: number, c: number): CellScalar | null => {
    const v = cellValue(s, r, c);
    return v === '' ? null : v;
  };
  if (area.top === area.bottom && area.left === area.right) return value(area.top, area.left);
  const rows: (CellScalar | null)[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: (CellScalar | null)[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(value(r, c));
    rows.push(row);
  }
  return rows;
}

function resultOf(out: unknown): CellScalar {
  const v = Array.isArray(out) ? (Array.isArray(out[0]) ? out[0][0] : out[0]) : out;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return v === null || v === undefined ? 0 : '#VALUE!';
}

/** Calculates every formula that calls a registered function, in sheet order (no dependency graph: one pass, then a second for chains). */
export function recalculate(model: WorkbookModel, functions: CustomFunctions): void {
  const names = new Map(Object.entries(functions).map(([k, f]) => [k.toUpperCase(), f]));
  if (names.size === 0) return;
  for (let pass = 0; pass < 2; pass++) {
    for (const sheet of model.sheets) {
      for (const cell of Object.values(sheet.cells)) {
        const m = cell.formula ? CALL.exec(cell.formula) : null;
        const f = m ? names.get(m[1].toUpperCase()) : undefined;
        if (!m || !f) continue;
        try {
          cell.value = resultOf(
            f(...splitArguments(m[2]).map((a) => argument(model, sheet.name, a))),
          );
        } catch (err) {
          const code = (err as { code?: string })?.code;
          cell.value =
            typeof code === 'string' && code.startsWith('#')
              ? code
              : String((err as Error)?.message ?? '').startsWith('#')
                ? (err as Error).message
                : '#VALUE!';
        }
      }
    }
  }
}
