/** The "Ringkasan SKM" sheet as a worksheet part of its own: inline strings, formats from styles.xml. */
import { a1, columnLetters } from '../../engine/address';
import type { SummaryLayout } from '../../engine/summary-sheet';
import type { StyleBook, StyleChange } from './styles';
import { escapeText } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const STYLE_OF: Record<string, StyleChange> = {
  title: { bold: 14 },
  heading: { bold: 12 },
  header: { bold: 11 },
};

export function summaryPart(layout: SummaryLayout, styles: StyleBook): string {
  const rows = new Map<number, string[]>();
  const sorted = [...layout.cells].sort((x, y) => x.row - y.row || x.col - y.col);
  let bottom = 1;
  let right = 1;
  for (const c of sorted) {
    const change: StyleChange = { ...(c.style ? STYLE_OF[c.style] : {}) };
    if (c.format) change.numFmt = c.format;
    const s = Object.keys(change).length > 0 ? styles.derive(0, change) : 0;
    const sAttr = s ? ` s="${s}"` : '';
    const body =
      typeof c.value === 'number'
        ? `<v>${String(c.value)}</v>`
        : `<is><t xml:space="preserve">${escapeText(c.value)}</t></is>`;
    const t = typeof c.value === 'number' ? '' : ' t="inlineStr"';
    const list = rows.get(c.row) ?? [];
    list.push(`<c r="${a1(c.row, c.col)}"${sAttr}${t}>${body}</c>`);
    rows.set(c.row, list);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const cols = Object.entries(layout.widths)
    .map(([col, width]) => `<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`)
    .join('');
  const data = [...rows.entries()].map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}"><dimension ref="A1:${columnLetters(right)}${bottom}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${data.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}
