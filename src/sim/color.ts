/** Colours as Excel accepts them for fills: "#RRGGBB" or an HTML colour name. */
import { ErrorCodes, Messages, simError } from './errors';

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  pink: '#FFC0CB',
  purple: '#800080',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
};

/** Excel takes "#RRGGBB" or an HTML colour name; anything else (such as ARGB "FFF4B6B6") is an invalid argument. */
export function normaliseColor(input: unknown, location: string): string {
  if (typeof input === 'string') {
    if (/^#[0-9a-fA-F]{6}$/.test(input)) return input.toUpperCase();
    const named = NAMED_COLORS[input.toLowerCase()];
    if (named) return named;
  }
  throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
}
