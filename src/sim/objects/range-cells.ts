/** What Range reads cell by cell (values, formulas, formats, types) and the arguments it checks. */
import { ErrorCodes, Messages, simError } from '../errors';
import { type Exec, type RangeTarget } from '../client';
import { GENERAL, type CellModel } from '../model';
import { FILL_KEYS, type FillProperties } from '../fill';
import { type RangeLike } from './shared';
import { displayText } from '../number-format';

export const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
]);

/** A read-only or view-only workbook refuses every write; a protected sheet its own cells. */

/* ------------------------------------------------------------------ Range */

export type RangeLocator = (exec: Exec) => RangeTarget | null;

/** Arguments Office.js accepts where a range is expected: a Range or an address on the same sheet. */
export type RangeArg = RangeLike | string;

export const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'values',
  'text',
  'formulas',
  'formulasLocal',
  'numberFormat',
  'numberFormatLocal',
  'valueTypes',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'cellCount',
  'isEntireRow',
  'isEntireColumn',
] as const;

/** Per-cell readers bound to the grid properties (values, text, ...). */
export function cellReader(
  prop: string,
  exec: Exec,
): ((c: CellModel | undefined) => unknown) | null {
  switch (prop) {
    case 'values':
      return (c) => c?.value ?? '';
    case 'text':
      return (c) =>
        c ? displayText(c.value, c.numberFormat, exec.state.options.numberLocale) : '';
    case 'formulas':
    case 'formulasLocal':
      return (c) => (c ? (c.formula ?? c.value) : '');
    case 'numberFormat':
    case 'numberFormatLocal':
      return (c) => c?.numberFormat ?? GENERAL;
    case 'valueTypes':
      return (c) => {
        const v = c?.value ?? '';
        if (v === '') return 'Empty';
        if (typeof v === 'boolean') return 'Boolean';
        if (typeof v === 'number') return 'Double';
        return EXCEL_ERRORS.has(v) ? 'Error' : 'String';
      };
    default:
      return null;
  }
}

export type CellPropsRequest = {
  address?: boolean;
  addressLocal?: boolean;
  hidden?: boolean;
  format?: { fill?: Partial<Record<keyof FillProperties, boolean>> };
};

export function validateCellPropsRequest(opts: unknown): CellPropsRequest {
  const fail = (what: string) =>
    simError(
      ErrorCodes.invalidArgument,
      Messages.notSimulated(`getCellProperties(${what})`),
      'Range.getCellProperties',
    );
  if (!opts || typeof opts !== 'object')
    throw simError(
      ErrorCodes.invalidArgument,
      Messages.invalidArgument(),
      'Range.getCellProperties',
    );
  for (const [k, v] of Object.entries(opts as Record<string, unknown>)) {
    if (k === 'address' || k === 'addressLocal' || k === 'hidden') continue;
    if (k !== 'format' || !v || typeof v !== 'object') throw fail(k);
    for (const [fk, fv] of Object.entries(v as Record<string, unknown>)) {
      if (fk !== 'fill' || !fv || typeof fv !== 'object') throw fail(`format.${fk}`);
      for (const pk of Object.keys(fv as Record<string, unknown>))
        if (!FILL_KEYS.has(pk)) throw fail(`format.fill.${pk}`);
    }
  }
  return opts as CellPropsRequest;
}

/** Cell properties that only change the look: accepted and ignored by setCellProperties. */
export const COSMETIC_FORMAT_KEYS = new Set([
  'font',
  'wrapText',
  'horizontalAlignment',
  'verticalAlignment',
  'borders',
  'indentLevel',
  'textOrientation',
  'shrinkToFit',
  'autoIndent',
  'protection',
  'readingOrder',
  'useStandardHeight',
  'useStandardWidth',
]);

export function describeArg(a: RangeArg): string {
  return typeof a === 'string' ? JSON.stringify(a) : a._path;
}

export function normaliseShift(shift: unknown, allowed: string[], location: string): string {
  const s = String(shift);
  const found = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!found) throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
  return found;
}
