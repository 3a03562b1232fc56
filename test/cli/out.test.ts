/** The checked copy written by --out: never the original, marks, notes, the average line, the sentences. */
import { createHash } from 'crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyseWorkbook } from '../../src/engine/analyse';
import type { SheetGrid } from '../../src/engine/model';
import { roundHalfAway } from '../../src/engine/numbers';
import { FILL, NOTES_HEADER, planWrites, type WritePlan } from '../../src/engine/plan';
import type { JsonReport } from '../../src/engine/report';
import { mergesOf } from '../../src/xlsx/exceljs-merges';
import { loadWorkbook, workbookGrids } from '../../src/xlsx/read';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { checkJson, run, SAMPLE, STACK_TRACE, tempDir, writeWorkbook } from './helpers';
import { mergeAreas } from '../../src/engine/merges';

const tmp = tempDir();
afterAll(() => tmp.remove());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The plan the checker would make for a workbook, and its grid. */
async function planOf(file: string): Promise<{ plan: WritePlan; grid: SheetGrid }> {
  const grids = workbookGrids(await loadWorkbook(file));
  const a = analyseWorkbook(grids);
  if (!a.ok) throw new Error(a.problem.message.en);
  const grid = grids.find((g) => g.name === a.table.sheet)!;
  return { plan: planWrites(a, grid), grid };
}

const fillOf = (ws: ExcelJS.Worksheet, address: string) => {
  const fill = ws.getCell(address).fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb ?? null;
};

describe('--out on the Banjar recap', () => {
  const copy = tmp.file('rekap-diperiksa.xlsx');
  let originalHash: string;
  let report: JsonReport;
  let ws: ExcelJS.Worksheet;
  let original: SheetGrid;
  let written: SheetGrid;

  beforeAll(async () => {
    originalHash = sha(SAMPLE);
    const r = await checkJson(SAMPLE, '--out', copy);
    report = r.report;
    expect(r.run.code).toBe(1);
    // With --json, stdout holds the JSON alone; the note about the copy goes to stderr.
    expect(r.run.stderr).toBe(`Salinan hasil pemeriksaan ditulis ke ${copy}\n`);
    const wb = await loadWorkbook(copy);
    ws = wb.getWorksheet('Rekap SKM OPP 2025')!;
    written = workbookGrids(wb)[0];
    original = workbookGrids(await loadWorkbook(SAMPLE))[0];
  });

  it('leaves the original byte-identical', () => {
    expect(sha(SAMPLE)).toBe(originalHash);
  });

  it('adds the "Catatan Validasi" column after the table, with each record\'s findings on its first row', () => {
    expect(ws.getCell('U4').value).toBe(NOTES_HEADER);
    expect(ws.getCell('U32').value).toBe(
      '[Galat] N32: IKM tertulis 84,58, tetapi rata-rata sembilan unsur x 25 = 94,72.',
    );
    expect(ws.getCell('U82').value).toBe(
      '[Peringatan] B82: Unit tercantum tetapi belum ada nilai SKM sama sekali.',
    );
    expect(String(ws.getCell('U124').value)).toContain(
      'L125: Nilai konversi Penanganan Pengaduan, Saran dan Masukan tertulis 89,50',
    );
    expect(ws.getCell('U6').value).toBeNull();
  });

  it('fills an error cell with the error colour and a warning cell with the warning colour, not an info', () => {
    expect(fillOf(ws, 'N32')).toBe(FILL.error);
    expect(fillOf(ws, 'O112')).toBe(FILL.error);
    expect(fillOf(ws, 'L125')).toBe(FILL.error);
    expect(fillOf(ws, 'B82')).toBe(FILL.warning);
    expect(fillOf(ws, 'O184')).toBe(FILL.warning);
    // E30: unit 9's NRR line stored as text, an info.
    expect([FILL.error, FILL.warning]).not.toContain(fillOf(ws, 'E30'));
    expect([FILL.error, FILL.warning]).not.toContain(fillOf(ws, 'N6'));
  });

  it('recomputes the RATA-RATA KABUPATEN line', () => {
    const unsur = ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map(
      (c) => ws.getCell(`${c}334`).value,
    );
    expect(unsur).toEqual(report.district.unsur.map((u) => roundHalfAway(u.value!, 2)));
    expect(unsur).toEqual([87.23, 87.63, 86, 90.39, 87.03, 87.45, 88.2, 87.59, 87.62]);
    expect(ws.getCell('N334').value).toBe(87.68);
    expect(ws.getCell('T334').value).toBe(0.8323);
    expect(ws.getCell('A334').value).toBe('RATA-RATA KABUPATEN');
  });

  it('writes the two sentences under the table', () => {
    expect(ws.getCell('A336').value).toBe(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 86,00.',
    );
    expect(ws.getCell('A337').value).toBe(
      'Waktu Penyelesaian merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (53 unit).',
    );
  });

  it('changes no other value of the table, and keeps every merged area', () => {
    const rewritten = new Set(
      ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'T'].map(
        (c) => `334,${c.charCodeAt(0) - 64}`,
      ),
    );
    const changed: string[] = [];
    original.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (!rewritten.has(`${i + 1},${j + 1}`) && written.values[i][j] !== v)
          changed.push(`${i + 1},${j + 1}`);
      }),
    );
    expect(changed).toEqual([]);
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(new Set(mergeAreas(written.merges).map(key))).toEqual(
      new Set(mergeAreas(original.merges).map(key)),
    );
  });

  it('does not mark or note the printed average line it rewrites: the copy resolves those findings', () => {
    expect(report.findings.filter((f) => f.code === 'average-row-mismatch').length).toBeGreaterThan(
      0,
    );
    expect(fillOf(ws, 'E334')).toBeNull();
    expect(fillOf(ws, 'N334')).toBeNull();
    expect(ws.getCell('U334').value).toBeNull();
  });

  it('is idempotent: checking the copy again makes the same plan and a copy with the same cells', async () => {
    const again = tmp.file('rekap-diperiksa-2.xlsx');
    const third = tmp.file('rekap-diperiksa-3.xlsx');
    const copyHash = sha(copy);
    expect((await run('check', copy, '--out', again)).code).toBe(1);
    expect((await run('check', again, '--out', third)).code).toBe(1);
    expect(sha(copy)).toBe(copyHash);
    const [p0, p1, p2] = await Promise.all([planOf(SAMPLE), planOf(copy), planOf(again)]);
    expect(p2.plan).toEqual(p1.plan);
    // Against the original, only the findings of the rewritten average line are gone, and the
    // number format its General cells were given (0.00) is now the copy's own.
    const notAverage = (p: WritePlan) => ({
      ...p,
      marks: p.marks.filter((m) => m.row !== 334),
      notes: { ...p.notes, cells: p.notes.cells.filter((c) => c.row !== 334) },
      average: { ...p.average, cells: p.average.cells.map(({ format: _, ...c }) => c) },
    });
    expect(p0.plan.average.cells.find((c) => c.col === 14)?.format).toBe('0.00');
    expect(p1.plan.average.cells.every((c) => c.format === undefined)).toBe(true);
    expect(p1.plan).toEqual(notAverage(p0.plan));
    expect(p0.plan.marks.filter((m) => m.row === 334)).toHaveLength(10);
    // Same values and the same fills, cell by cell.
    const wbs = await Promise.all([copy, again, third].map(loadWorkbook));
    const [g1, g2, g3] = wbs.map((wb) => workbookGrids(wb)[0]);
    expect(g2.values).toEqual(g1.values);
    expect(g3.values).toEqual(g1.values);
    const fills = (wb: ExcelJS.Workbook) => {
      const out: string[] = [];
      wb.worksheets[0].eachRow((row) =>
        row.eachCell((cell) =>
          out.push(`${cell.address}=${fillOf(wb.worksheets[0], cell.address)}`),
        ),
      );
      return out;
    };
    expect(fills(wbs[1])).toEqual(fills(wbs[0]));
  });
});

describe('--out refuses what it must not do', () => {
  it('refuses to overwrite the input (exit 2), leaving it untouched', async () => {
    const input = tmp.file('asli.xlsx');
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    for (const out of [input, `${tmp.dir}/./../${tmp.dir.split('/').pop()}/asli.xlsx`]) {
      const r = await run('check', input, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Salinan tidak boleh menimpa berkas asli "${input}"`);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    expect(sha(input)).toBe(before);
  });

  it('says so, with exit 2, when the copy cannot be written', async () => {
    const blocker = tmp.file('bukan-folder');
    writeFileSync(blocker, 'x');
    const out = `${blocker}/salinan.xlsx`;
    const r = await run('check', SAMPLE, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Salinan "${out}" tidak dapat ditulis`);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  describe('a workbook with a chart', () => {
    const withChart = tmp.file('dengan-grafik.xlsx');
    const CHART =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';

    beforeAll(async () => {
      const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
      zip.file('xl/charts/chart1.xml', CHART);
      writeFileSync(withChart, await zip.generateAsync({ type: 'nodebuffer' }));
    });

    it('is copied with its chart part byte for byte: no --force needed, nothing lost', async () => {
      const out = tmp.file('grafik-diperiksa.xlsx');
      const r = await run('check', withChart, '--out', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const zip = await JSZip.loadAsync(readFileSync(out));
      expect(await zip.file('xl/charts/chart1.xml')!.async('string')).toBe(CHART);
      const ws = (await loadWorkbook(out)).getWorksheet('Rekap SKM OPP 2025')!;
      expect(ws.getCell('U4').value).toBe(NOTES_HEADER);
    });

    it('still accepts --force, which changes nothing', async () => {
      const out = tmp.file('grafik-paksa.xlsx');
      const r = await run('check', withChart, '--out', out, '--force');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const zip = await JSZip.loadAsync(readFileSync(out));
      expect(await zip.file('xl/charts/chart1.xml')!.async('string')).toBe(CHART);
    });
  });
});

describe('--out on a table without an average line', () => {
  const UNITS = [
    unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 0.8 })),
    unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
  ];
  const AVERAGE = [83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55];

  it('adds the line right after the last record', async () => {
    const file = tmp.file('tanpa-rata.xlsx');
    const out = tmp.file('tanpa-rata-diperiksa.xlsx');
    await writeWorkbook(file, [recap(UNITS, { formats: { realisation: '0%' } }).grid]);
    expect((await run('check', file, '--out', out)).code).toBe(0);
    const ws = (await loadWorkbook(out)).worksheets[0];
    expect(ws.getCell('A7').value).toBe('RATA-RATA KABUPATEN');
    expect(
      ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map((c) => ws.getCell(`${c}7`).value),
    ).toEqual(AVERAGE);
    expect(ws.getCell('N7').value).toBe(85.03);
    expect(ws.getCell('N7').numFmt).toBe('0.00');
    expect(ws.getCell('O7').value).toBe('B (Baik)');
    expect(ws.getCell('T7').value).toBe(0.9);
    expect(ws.getCell('T7').numFmt).toBe('0%');
    expect(ws.getCell('A9').value).toBe(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 79,10.',
    );
    // The copy reads back with its new line, which agrees with itself.
    const { report } = await checkJson(out);
    expect(report.table.averageRow).toBe(7);
    expect(report.findings).toEqual([]);
  });

  it('inserts no row when the row after the table is taken: says where the line would go, and moves nothing', async () => {
    const file = tmp.file('catatan-bawah.xlsx');
    const out = tmp.file('catatan-bawah-diperiksa.xlsx');
    const built = recap(UNITS, {
      formats: { realisation: '0%' },
      after: [['Catatan: data per 5 Desember 2025'], [], ['Martapura, 5 Desember 2025']],
    });
    // Rows 7 (the note) and 9 (the signature) are merged across the table.
    built.grid.merges!.push(
      { top: 7, left: 1, bottom: 7, right: 20 },
      { top: 9, left: 1, bottom: 9, right: 10 },
    );
    await writeWorkbook(file, [built.grid]);
    const r = await run('check', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'baris rata-rata tidak ditulis. Tempatnya, baris 7 tepat setelah unit terakhir, sudah terisi',
    );
    const ws = (await loadWorkbook(out)).worksheets[0];
    expect(ws.getCell('A7').value).toBe('Catatan: data per 5 Desember 2025');
    expect(ws.getCell('E7').type).toBe(ExcelJS.ValueType.Merge);
    expect(ws.getCell('A9').value).toBe('Martapura, 5 Desember 2025');
    const merges = mergesOf(ws).map((m) => `${m.top},${m.left},${m.bottom},${m.right}`);
    expect(merges).toEqual(expect.arrayContaining(['7,1,7,20', '9,1,9,10', '3,1,4,1', '5,2,6,2']));
    // The sentences take the first two free rows from two rows under the line's place: below the signature.
    expect(ws.getCell('A10').value).toBe(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 79,10.',
    );
    expect(ws.getCell('A11').value).toBe(
      'Waktu Penyelesaian merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (2 unit).',
    );
  });
});
