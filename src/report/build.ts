/**
 * The one entry point of the report: the checked recap in, the .docx bytes
 * out. The same in the CLI (charts rendered by resvg, render-node.ts) and in
 * the task pane (charts rendered by a canvas): only `renderPng` differs.
 */
import { Packer } from 'docx';
import type { Analysis } from '../engine/analyse';
import type { SheetGrid } from '../engine/model';
import type { Text } from '../engine/messages';
import type { Chart } from './charts';
import { chapter1, chapter2, chapter3, cover, errorCount, front } from './content';
import { reportContext, type ReportOptions } from './context';
import { wordDocument } from './docx';
import { lampiranI, lampiranII } from './lampiran';
import type { ReportDoc } from './model';

/** SVG text in, PNG bytes out, at least `width` x `height` pixels (more for a sharp print). */
export type PngRenderer = (svg: string, width: number, height: number) => Promise<Uint8Array>;

export interface ReportDraft {
  doc: ReportDoc;
  charts: Chart[];
  /** Error-severity findings still in the recap. */
  errors: number;
  /** Fields left for staff to fill (highlighted). */
  placeholders: number;
  /** Values of "Pengaturan Laporan" that could not be used, by cell. */
  issues: Text[];
}

/** The report as data, from the analysis and every sheet of its workbook. */
export function draftReport(
  analysis: Analysis,
  sheets: readonly SheetGrid[],
  options: ReportOptions = {},
): ReportDraft {
  const c = reportContext(analysis, sheets, options);
  const doc: ReportDoc = {
    title: `Laporan Survei Kepuasan Masyarakat${c.region ? ` ${c.region}` : ''}${c.year ? ` Tahun ${c.year}` : ''}`,
    sections: [
      { orientation: 'portrait', pageNumbers: 'none', restart: false, blocks: cover(c) },
      { orientation: 'portrait', pageNumbers: 'roman', restart: true, blocks: front(c) },
      {
        orientation: 'portrait',
        pageNumbers: 'arabic',
        restart: true,
        blocks: [...chapter1(c), ...chapter2(c), ...chapter3(c)],
      },
      { orientation: 'portrait', pageNumbers: 'arabic', restart: false, blocks: lampiranI(c) },
      { orientation: 'landscape', pageNumbers: 'arabic', restart: false, blocks: lampiranII(c) },
    ],
  };
  const charts: Chart[] = [];
  let placeholders = 0;
  const countRuns = (runs: { placeholder?: boolean }[]) =>
    (placeholders += runs.filter((r) => r.placeholder).length);
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.kind === 'chart') charts.push(b.chart);
      if (b.kind === 'para' || b.kind === 'box') countRuns(b.runs);
      if (b.kind === 'list' || b.kind === 'signature')
        (b.kind === 'list' ? b.items : b.lines).forEach(countRuns);
    }
  return { doc, charts, errors: errorCount(c), placeholders, issues: c.settingsIssues };
}

export interface BuildOptions extends ReportOptions {
  /** Every sheet of the workbook: the unit list, "Pengaturan Laporan" and other years' recaps are read from them. */
  sheets: readonly SheetGrid[];
  renderPng: PngRenderer;
}

/** The .docx of a drafted report. */
export async function packReport(draft: ReportDraft, renderPng: PngRenderer): Promise<Uint8Array> {
  const pictures = new Map<string, Uint8Array>();
  for (const chart of draft.charts)
    pictures.set(chart.kind, await renderPng(chart.svg, chart.width, chart.height));
  const buffer = await Packer.toArrayBuffer(wordDocument(draft.doc, pictures));
  return new Uint8Array(buffer);
}

/** The annual SKM report (.docx bytes) from the checked recap. */
export async function buildReport(analysis: Analysis, options: BuildOptions): Promise<Uint8Array> {
  return packReport(draftReport(analysis, options.sheets, options), options.renderPng);
}
