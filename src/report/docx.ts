/**
 * The report (model.ts) as a Word document with `docx`: A4 pages, roman page
 * numbers in the front matter and arabic from BAB I, a real TOC field, the
 * charts as PNG pictures, Lampiran II on landscape pages with its header
 * rows repeated. Runs in Node and in the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Block, Cell, ReportDoc, Run, Section, Table as TableModel } from './model';

/** A4 in twips; margins 2,5 cm portrait, 1,5 cm landscape (the wide recap needs the room). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { portrait: 1418, landscape: 850 };
const FONT = 'Arial';

export type ChartPictures = Map<string, Uint8Array>;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Runs of a paragraph; a line break typed in a cell (Alt+Enter) stays a line break. */
function textRuns(runs: Run[], size?: number): ParagraphChild[] {
  return runs.flatMap((r): ParagraphChild[] => {
    const pieces = r.text.split(/\r?\n/).map(
      (text, i) =>
        new TextRun({
          text,
          break: i > 0 ? 1 : undefined,
          bold: r.bold,
          italics: r.italic,
          underline: r.underline ? {} : undefined,
          highlight: r.placeholder ? 'yellow' : undefined,
          size: size ? size * 2 : undefined,
          style: r.link ? 'Hyperlink' : undefined,
        }),
    );
    return r.link ? [new ExternalHyperlink({ link: r.link, children: pieces })] : pieces;
  });
}

function tableOf(model: TableModel, textWidth: number): Table {
  const total = model.widths.reduce((s, w) => s + w, 0);
  const widths = model.widths.map((w) => Math.floor((w / total) * textWidth));
  const span = (c: Cell, i: number) =>
    widths.slice(i, i + (c.colSpan ?? 1)).reduce((s, w) => s + w, 0);
  // A short table stays on one page with its caption: each row keeps with the next.
  const all = model.header.length + model.rows.length;
  const keep = all <= 20;
  let index = 0;
  const row = (cells: Cell[], header: boolean) => {
    const keepNext = keep && ++index < all;
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c) => {
        const width = span(c, col);
        col += c.colSpan ?? 1;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          rowSpan: c.rowSpan,
          columnSpan: c.colSpan,
          verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
          shading: c.shade ? { fill: 'D9E2F3', type: ShadingType.CLEAR, color: 'auto' } : undefined,
          margins: { top: 20, bottom: 20, left: 50, right: 50 },
          children: [
            new Paragraph({
              alignment: ALIGN[c.align ?? 'left'],
              keepNext,
              spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
              children: textRuns(
                header ? c.runs.map((r) => ({ ...r, bold: true })) : c.runs,
                model.fontSize,
              ),
            }),
          ],
        });
      }),
    });
  };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [...model.header.map((r) => row(r, true)), ...model.rows.map((r) => row(r, false))],
  });
}

function blocks(list: Block[], textWidth: number, pictures: ChartPictures, lists: { n: number }) {
  const out: (Paragraph | Table | TableOfContents)[] = [];
  for (const b of list) {
    switch (b.kind) {
      case 'title':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: b.spaceBefore ?? 0, after: 120 },
            children: [new TextRun({ text: b.text, bold: true, size: b.size * 2 })],
          }),
        );
        break;
      case 'heading':
        out.push(
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
            pageBreakBefore: b.level === 1 && out.length > 0,
            children: [new TextRun(b.text)],
          }),
        );
        break;
      case 'para':
        out.push(
          new Paragraph({ alignment: ALIGN[b.align ?? 'justify'], children: textRuns(b.runs) }),
        );
        break;
      case 'list': {
        const instance = ++lists.n;
        for (const item of b.items)
          out.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              numbering: { reference: 'angka', level: 0, instance },
              children: textRuns(item),
            }),
          );
        break;
      }
      case 'box': {
        const border = { style: BorderStyle.SINGLE, size: 12, color: 'C00000' };
        out.push(
          new Paragraph({ spacing: { before: 600 }, children: [] }),
          new Table({
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: [textWidth],
            borders: { top: border, bottom: border, left: border, right: border },
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    shading: { fill: 'FDECEA', type: ShadingType.CLEAR, color: 'auto' },
                    margins: { top: 120, bottom: 120, left: 160, right: 160 },
                    children: [new Paragraph({ children: textRuns(b.runs, 10) })],
                  }),
                ],
              }),
            ],
          }),
        );
        break;
      }
      case 'table':
        out.push(
          new Paragraph({
            keepNext: true,
            spacing: { before: 200, after: 80 },
            children: [new TextRun({ text: b.caption, bold: true, size: 20 })],
          }),
          tableOf(b.table, textWidth),
          new Paragraph({ children: [] }),
        );
        break;
      case 'chart': {
        const png = pictures.get(b.chart.kind);
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            children: png
              ? [
                  new ImageRun({
                    type: 'png',
                    data: png,
                    transformation: { width: b.chart.width, height: b.chart.height },
                    altText: { name: b.chart.title, description: b.caption, title: b.caption },
                  }),
                ]
              : [new TextRun({ text: `[${b.chart.title}]`, highlight: 'yellow' })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: b.caption, italics: true, size: 20 })],
          }),
        );
        break;
      }
      case 'signature':
        out.push(new Paragraph({ children: [] }));
        for (const l of b.lines)
          out.push(
            new Paragraph({
              indent: { left: Math.round(textWidth * 0.5) },
              spacing: { before: 0, after: 0 },
              children: textRuns(l),
            }),
          );
        break;
      case 'toc':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: b.title, bold: true, size: 28 })],
          }),
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-2' }),
        );
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

function section(s: Section, pictures: ChartPictures, lists: { n: number }): ISectionOptions {
  const landscape = s.orientation === 'landscape';
  const margin = landscape ? MARGIN.landscape : MARGIN.portrait;
  const textWidth = (landscape ? A4.height : A4.width) - 2 * margin;
  const footer =
    s.pageNumbers === 'none'
      ? undefined
      : new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
            }),
          ],
        });
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: margin, bottom: margin, left: margin, right: margin },
        pageNumbers: {
          start: s.restart ? 1 : undefined,
          formatType: s.pageNumbers === 'roman' ? NumberFormat.LOWER_ROMAN : NumberFormat.DECIMAL,
        },
      },
    },
    footers: footer ? { default: footer } : undefined,
    children: blocks(s.blocks, textWidth, pictures, lists),
  };
}

export function wordDocument(doc: ReportDoc, pictures: ChartPictures): Document {
  const lists = { n: 0 };
  return new Document({
    title: doc.title,
    creator: 'SKM Rekap',
    // Daftar Isi written with its page numbers (as far as docx's layout can tell); Word still updates the field.
    pageNumbers: estimatePageNumbersWith({ guess: false }),
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22 },
          paragraph: { spacing: { after: 120, line: 300, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: { font: FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'angka',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
      ],
    },
    sections: doc.sections.map((s) => section(s, pictures, lists)),
  });
}
