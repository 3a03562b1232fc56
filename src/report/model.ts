/**
 * The report as plain data: sections of blocks (headings, paragraphs, lists,
 * tables, charts). content.ts and lampiran.ts build it from the checked
 * recap; docx.ts turns it into a Word document. Being data, it can be tested
 * without Word, and its text compared between the CLI and the task pane.
 */
import type { Chart } from './charts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A value staff must fill in before signing: highlighted in the document. */
  placeholder?: boolean;
  /** A hyperlink target. */
  link?: string;
}

export interface Cell {
  runs: Run[];
  rowSpan?: number;
  colSpan?: number;
  align?: 'left' | 'center' | 'right';
  shade?: boolean;
}

export interface Table {
  /** Relative column widths; docx.ts scales them to the text width of the page. */
  widths: number[];
  /** Header rows, repeated on every page the table runs over. */
  header: Cell[][];
  rows: Cell[][];
  /** Font size in points. */
  fontSize: number;
}

export type Block =
  | { kind: 'title'; text: string; size: number; spaceBefore?: number }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; runs: Run[]; align?: 'center' | 'justify' | 'right' | 'left' }
  | { kind: 'list'; items: Run[][] }
  | { kind: 'box'; runs: Run[] }
  | { kind: 'table'; caption: string; table: Table }
  | { kind: 'chart'; chart: Chart; caption: string }
  | { kind: 'signature'; lines: Run[][] }
  | { kind: 'toc'; title: string }
  | { kind: 'pageBreak' };

export interface Section {
  orientation: 'portrait' | 'landscape';
  /** Page numbers in the footer: none (cover), roman (front matter) or arabic (from BAB I). */
  pageNumbers: 'none' | 'roman' | 'arabic';
  /** Whether numbering starts again at 1 in this section. */
  restart: boolean;
  blocks: Block[];
}

export interface ReportDoc {
  title: string;
  sections: Section[];
}

const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

/** The text of the document, a line per paragraph or table row: what a reader sees, for tests and comparison. */
export function docText(doc: ReportDoc): string {
  const out: string[] = [];
  for (const s of doc.sections)
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'title':
        case 'heading':
          out.push(b.text);
          break;
        case 'para':
        case 'box':
          out.push(runsText(b.runs));
          break;
        case 'list':
          b.items.forEach((item, i) => out.push(`${i + 1}. ${runsText(item)}`));
          break;
        case 'signature':
          for (const l of b.lines) out.push(runsText(l));
          break;
        case 'table':
          out.push(b.caption);
          for (const row of [...b.table.header, ...b.table.rows])
            out.push(row.map((c) => runsText(c.runs)).join(' | '));
          break;
        case 'chart':
          out.push(b.caption);
          break;
        case 'toc':
          out.push(b.title);
          break;
        case 'pageBreak':
          break;
      }
    }
  return out.join('\n');
}

export const t = (text: string, extra: Omit<Run, 'text'> = {}): Run => ({ text, ...extra });
export const ph = (text: string): Run => ({ text, placeholder: true });
export const para = (...runs: (Run | string)[]): Block => ({
  kind: 'para',
  align: 'justify',
  runs: runs.map((r) => (typeof r === 'string' ? t(r) : r)),
});
export const cell = (text: string, extra: Omit<Cell, 'runs'> = {}): Cell => ({
  runs: [t(text)],
  ...extra,
});
