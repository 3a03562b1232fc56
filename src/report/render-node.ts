/**
 * Charts to PNG in Node with resvg. resvg has no font of its own: it loads
 * the system's (DejaVu or Liberation on Debian, Arial on Windows and Mac),
 * which the charts name first in their font lists.
 */
import { Resvg } from '@resvg/resvg-js';
import type { PngRenderer } from './build';

/** Twice the placed size, so the pictures stay sharp when printed. */
export const renderPngNode: PngRenderer = async (svg, width) => {
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  return new Uint8Array(png);
};
