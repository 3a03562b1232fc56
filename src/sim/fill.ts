/**
 * A cell's fill beyond its colour: the pattern, the pattern's colour and the
 * tint or shade of either (RangeFill and CellPropertiesFill, ExcelApi 1.9:
 * https://learn.microsoft.com/javascript/api/excel/excel.cellpropertiesfill).
 * The model keeps the colour in CellModel.fill and the rest in
 * CellModel.fillStyle, only where it differs from a plain solid fill, so a
 * workbook without patterns or tints looks as it always did.
 */
import { normaliseColor } from './color';
import { ErrorCodes, Messages, simError } from './errors';
import type { CellModel, FillStyle } from './model';

export type { FillStyle } from './model';

/** Excel.FillPattern; LinearGradient and RectangularGradient cannot be set through the API. */
export const FILL_PATTERNS = [
  'None',
  'Solid',
  'Gray50',
  'Gray75',
  'Gray25',
  'Horizontal',
  'Vertical',
  'Down',
  'Up',
  'Checker',
  'SemiGray75',
  'LightHorizontal',
  'LightVertical',
  'LightDown',
  'LightUp',
  'Grid',
  'CrissCross',
  'Gray16',
  'Gray8',
] as const;

/** The fill properties as Excel reports them for one cell: "None" and white when the cell has no fill. */
export interface FillProperties {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

/** What Excel reports for a pattern colour never set: automatic, black. */
const AUTOMATIC = '#000000';

export function fillProperties(cell: CellModel | undefined): FillProperties {
  const style = cell?.fillStyle;
  return {
    color: cell?.fill ?? '#FFFFFF',
    pattern: cell?.fill ? (style?.pattern ?? 'Solid') : 'None',
    patternColor: style?.patternColor ?? AUTOMATIC,
    tintAndShade: style?.tintAndShade ?? 0,
    patternTintAndShade: style?.patternTintAndShade ?? 0,
  };
}

export const FILL_KEYS = new Set([
  'color',
  'pattern',
  'patternColor',
  'tintAndShade',
  'patternTintAndShade',
]);

function tint(value: unknown, loc: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 1)
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), loc);
  return value;
}

/**
 * The cell's fill after setting some fill properties (as setCellProperties or
 * the RangeFill setters do): pattern "None" removes the fill; a colour without
 * a pattern on a cell without fill makes it solid; what is not given is kept.
 */
export function patchFill(
  cell: CellModel | undefined,
  input: Partial<Record<keyof FillProperties, unknown>>,
  loc: string,
): Pick<CellModel, 'fill' | 'fillStyle'> {
  const now = fillProperties(cell);
  const pattern = input.pattern === undefined ? undefined : String(input.pattern);
  if (pattern !== undefined && !(FILL_PATTERNS as readonly string[]).includes(pattern))
    throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), loc);
  if (pattern === 'None') return { fill: undefined, fillStyle: undefined };
  const next: FillProperties = {
    color:
      input.color === undefined || input.color === null
        ? now.color
        : normaliseColor(input.color as string, loc),
    pattern: pattern ?? (now.pattern === 'None' ? 'Solid' : now.pattern),
    patternColor:
      input.patternColor === undefined || input.patternColor === null
        ? now.patternColor
        : normaliseColor(input.patternColor as string, loc),
    tintAndShade:
      input.tintAndShade === undefined ? now.tintAndShade : tint(input.tintAndShade, loc),
    patternTintAndShade:
      input.patternTintAndShade === undefined
        ? now.patternTintAndShade
        : tint(input.patternTintAndShade, loc),
  };
  // Setting only pattern properties on a cell without fill leaves it without fill.
  if (!cell?.fill && input.color == null && pattern === undefined && input.tintAndShade == null)
    return { fill: undefined, fillStyle: undefined };
  const style: FillStyle = {};
  if (next.pattern !== 'Solid') {
    style.pattern = next.pattern;
    if (next.patternColor !== AUTOMATIC) style.patternColor = next.patternColor;
    if (next.patternTintAndShade !== 0) style.patternTintAndShade = next.patternTintAndShade;
  }
  if (next.tintAndShade !== 0) style.tintAndShade = next.tintAndShade;
  return {
    fill: next.color,
    fillStyle: Object.keys(style).length ? style : undefined,
  };
}
