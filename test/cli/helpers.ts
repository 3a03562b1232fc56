/** The checker as the command line runs it, on workbooks written into a temporary directory. */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { SheetGrid } from '../../src/engine/model';
import type { JsonReport } from '../../src/engine/report';
import { mergeAreas } from '../../src/engine/merges';

export const ROOT = path.resolve(__dirname, '../..');
export const SAMPLE = path.join(ROOT, 'samples/rekap-skm-banjar-2025.xlsx');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() with its output captured. */
export async function run(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** `check FILE --json`, parsed. */
export async function checkJson(
  file: string,
  ...args: string[]
): Promise<{ run: Run; report: JsonReport }> {
  const r = await run('check', file, '--json', ...args);
  if (r.code === 2) throw new Error(`check failed: ${r.stderr}`);
  return { run: r, report: JSON.parse(r.stdout) as JsonReport };
}

/** A temporary directory, removed by the returned function. */
export function tempDir(): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'skm-rekap-test-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Writes sheet grids (values, merges, number formats) as an .xlsx workbook. */
export async function writeWorkbook(file: string, grids: SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    const top = g.origin?.row ?? 1;
    const left = g.origin?.col ?? 1;
    g.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === '' || v === null || v === undefined) return;
        const cell = ws.getCell(top + i, left + j);
        cell.value = v;
        const fmt = g.formats?.[i]?.[j];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    for (const m of mergeAreas(g.merges)) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  await wb.xlsx.writeFile(file);
}

/** A stack trace line ("    at fn (file:1:2)"). */
export const STACK_TRACE = /^\s+at .+[(:]\d+/m;

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) into objects by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
