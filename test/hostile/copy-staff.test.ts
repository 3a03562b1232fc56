/**
 * The copy never damages what staff wrote (issue 15, items 1-4, 6 and 10): their notes next to the
 * table, their merged remarks and footers, the rows below the table and what points at them, a
 * sheet of theirs named "Ringkasan SKM", a formula in the RATA-RATA line, the file at --out.
 */
import { execFileSync } from 'child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { cellAt } from '../../src/engine/grid';
import type { SheetGrid } from '../../src/engine/model';
import { NOTES_HEADER } from '../../src/engine/plan';
import { readGrids } from '../../src/xlsx/lean-read';
import { run, STACK_TRACE, tempDir } from '../cli/helpers';
import {
  BASE,
  OTHER,
  recap,
  tahunan,
  unit,
  type RecapOptions,
  type TestGrid,
} from '../engine/grid';
import {
  buildXlsx,
  changedParts,
  partsOf,
  runBounded,
  sheetXml,
  type SheetXmlOptions,
} from './copy-build';

const tmp = tempDir();
afterAll(() => tmp.remove());

const SHEET = 'Rekap SKM OPP 2025';
/** Unit 1 with a wrong IKM (error at N3), unit 2 fine: rows 3-6, the line's place is row 7. */
const UNITS = [
  unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
  unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
];
const AVERAGE = { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80, realisation: 0.5 };
const LOWEST =
  'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 79,10.';

let n = 0;
/** Writes a one-sheet recap (plus changes to its grid) and checks it with --out. */
async function checkCopy(
  options: RecapOptions,
  change: (g: TestGrid) => void = () => {},
  xml: SheetXmlOptions = {},
  ...args: string[]
) {
  const built = recap(UNITS, { formats: { realisation: '0%' }, ...options });
  change(built.grid);
  const input = tmp.file(`rekap-${++n}.xlsx`);
  const out = tmp.file(`rekap-${n}-diperiksa.xlsx`);
  writeFileSync(
    input,
    await buildXlsx({ sheets: [{ name: built.grid.name, xml: sheetXml(built.grid, xml) }] }),
  );
  const r = await run('check', input, '--out', out, ...args);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  const grid = (await readGrids(readFileSync(out))).find((g) => g.name === built.grid.name)!;
  const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
  return { r, input, out, grid, sheet };
}

/** Sets a cell of a grid by sheet coordinates, widening the row as needed. */
const put = (g: SheetGrid, row: number, col: number, v: string | number) => {
  const r = g.values[row - 1];
  while (r.length < col) r.push('');
  r[col - 1] = v;
};

describe('item 1: notes staff typed next to the table', () => {
  it('are left as they are: the notes go into the first column with nothing in it', async () => {
    const { grid } = await checkCopy({}, (g) => {
      put(g, 3, 21, 'cek ulang');
      put(g, 4, 21, 5);
      put(g, 5, 21, 'sudah diverifikasi 12/1');
    });
    expect([3, 4, 5].map((r) => cellAt(grid, r, 21))).toEqual([
      'cek ulang',
      5,
      'sudah diverifikasi 12/1',
    ]);
    expect(cellAt(grid, 1, 22)).toBe(NOTES_HEADER);
    expect(String(cellAt(grid, 3, 22))).toMatch(/^\[Galat\] N3: IKM tertulis 85,06/);
  });

  it('in the column of our own earlier notes, are kept and the note of that row is not written', async () => {
    const columns = [
      ...(['no', 'unit', 'period', 'services'] as const),
      ...(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const),
      ...(['ikm', 'category', 'respondents', 'method', 'priority', 'rtl', 'realisation'] as const),
      { extra: NOTES_HEADER },
    ];
    const { r, grid } = await checkCopy({ columns }, (g) => put(g, 3, 21, 'cek ulang, Pak Budi'));
    expect(cellAt(grid, 3, 21)).toBe('cek ulang, Pak Budi');
    expect(r.stdout).toContain(
      'sel U3: berisi tulisan staf di kolom "Catatan Validasi", dibiarkan; catatan baris ini tidak ditulis.',
    );
  });
});

describe('item 2: merged cells', () => {
  it('a merged "Catatan" block under the table keeps its text: the sentences go below it', async () => {
    const { grid, sheet } = await checkCopy(
      { average: AVERAGE, after: [[], ['Catatan: data per 5 Desember 2025']] },
      (g) => g.merges!.push({ top: 9, left: 1, bottom: 11, right: 20 }),
    );
    expect(cellAt(grid, 9, 1)).toBe('Catatan: data per 5 Desember 2025');
    expect(sheet).toContain('<mergeCell ref="A9:T11"/>');
    expect(cellAt(grid, 10, 1) ?? '').toBe('');
    expect(cellAt(grid, 11, 1) ?? '').toBe('');
    expect(cellAt(grid, 12, 1)).toBe(LOWEST);
  });

  it('a remark merged down the side column is left whole: the notes go into the next column', async () => {
    const { grid, sheet } = await checkCopy({}, (g) => {
      put(g, 3, 21, 'diperiksa Pak Budi');
      g.merges!.push({ top: 3, left: 21, bottom: 6, right: 21 });
    });
    expect(cellAt(grid, 3, 21)).toBe('diperiksa Pak Budi');
    expect(sheet).toContain('<mergeCell ref="U3:U6"/>');
    expect(cellAt(grid, 1, 22)).toBe(NOTES_HEADER);
  });

  it('a merge inside the district line: U9 gets its own value, the IKM is not written into it, and it is said', async () => {
    const { r, grid } = await checkCopy({ average: AVERAGE }, (g) =>
      g.merges!.push({ top: 7, left: 13, bottom: 7, right: 14 }),
    );
    expect(cellAt(grid, 7, 13)).toBe(84.55);
    expect(r.stdout).toContain('sel N7: bagian dari sel gabungan M7:N7, tidak ditulis (85,03).');
  });
});

describe('item 3: a taken row after the table', () => {
  it('is not pushed down: every other part, and every reference to the rows below, stays as it was', async () => {
    const built = recap(UNITS, {
      formats: { realisation: '0%' },
      after: [['Catatan: data per 5 Desember 2025'], [], ['Martapura, 5 Desember 2025']],
    });
    const cf = `<conditionalFormatting sqref="A9:J9"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(A9))=0</formula></cfRule></conditionalFormatting>`;
    const dv = `<dataValidations count="1"><dataValidation type="textLength" sqref="A7"><formula1>0</formula1><formula2>200</formula2></dataValidation></dataValidations>`;
    const link = `<hyperlinks><hyperlink ref="B3" location="'${SHEET}'!A9" display="tanda tangan"/></hyperlinks>`;
    const input = tmp.file('baris-terisi.xlsx');
    const out = tmp.file('baris-terisi-diperiksa.xlsx');
    writeFileSync(
      input,
      await buildXlsx({
        sheets: [
          { name: SHEET, xml: sheetXml(built.grid, { after: cf + dv + link }) },
          {
            name: 'Lampiran I',
            xml: `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>'${SHEET}'!A9</f><v>Martapura, 5 Desember 2025</v></c></row></sheetData></worksheet>`,
          },
        ],
        afterSheets: `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'${SHEET}'!$A$1:$T$9</definedName></definedNames>`,
      }),
    );
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('baris rata-rata tidak ditulis');
    expect(await changedParts(input, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    for (const el of [cf, dv, link]) expect(sheet).toContain(el);
    const grid = (await readGrids(readFileSync(out)))[0];
    expect(cellAt(grid, 7, 1)).toBe('Catatan: data per 5 Desember 2025');
    expect(cellAt(grid, 9, 1)).toBe('Martapura, 5 Desember 2025');
  });
});

describe('item 4: a sheet already named "Ringkasan SKM"', () => {
  it('that is the recap itself stays, and the summary gets a free name', async () => {
    const { r, out } = await checkCopy({ sheet: 'Ringkasan SKM' }, undefined, {}, '--summary');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ringkasan ditulis ke lembar "Ringkasan SKM (2)"');
    const grids = await readGrids(readFileSync(out));
    expect(grids.map((g) => g.name)).toEqual(['Ringkasan SKM', 'Ringkasan SKM (2)']);
    expect(cellAt(grids[0], 1, 21)).toBe(NOTES_HEADER);
    expect(String(cellAt(grids[1], 1, 1))).toMatch(/^RINGKASAN HASIL SURVEI/);
  });

  it('that staff wrote is kept byte for byte; a summary we wrote is replaced, not duplicated', async () => {
    const built = recap(UNITS, { formats: { realisation: '0%' } });
    const theirs = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ringkasan buatan staf</t></is></c></row></sheetData></worksheet>`;
    const input = tmp.file('ringkasan-staf.xlsx');
    const once = tmp.file('ringkasan-staf-1.xlsx');
    const twice = tmp.file('ringkasan-staf-2.xlsx');
    writeFileSync(
      input,
      await buildXlsx({
        sheets: [
          { name: SHEET, xml: sheetXml(built.grid) },
          { name: 'Ringkasan SKM', xml: theirs },
        ],
      }),
    );
    expect((await run('check', input, '--out', once, '--summary')).code).toBe(1);
    expect((await run('check', once, '--out', twice, '--summary')).code).toBe(1);
    for (const file of [once, twice]) {
      expect((await partsOf(file)).get('xl/worksheets/sheet2.xml')!.toString('utf8')).toBe(theirs);
      const grids = await readGrids(readFileSync(file));
      expect(grids.map((g) => g.name)).toEqual([SHEET, 'Ringkasan SKM', 'Ringkasan SKM (2)']);
      // The recap is still the recap, the summary where it was: only our own sheet was replaced.
      expect(cellAt(grids[0], 1, 21)).toBe(NOTES_HEADER);
      expect(String(cellAt(grids[2], 1, 1))).toMatch(/^RINGKASAN HASIL SURVEI/);
    }
  });
});

describe('item 6: --out and the RATA-RATA line', () => {
  const refused = async (out: string, words: string) => {
    const input = tmp.file('untuk-out.xlsx');
    const built = recap(UNITS, { formats: { realisation: '0%' } });
    writeFileSync(input, await buildXlsx({ sheets: [{ name: SHEET, xml: sheetXml(built.grid) }] }));
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  };

  it('refuses a FIFO, which stays a FIFO', async () => {
    const fifo = tmp.file('pipa');
    execFileSync('mkfifo', [fifo]);
    await refused(fifo, `"${fifo}" adalah sebuah FIFO (pipa bernama), bukan berkas .xlsx`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a device, which stays a device', async () => {
    // Never the system's /dev/null: run as root, a regression (or a mutant) that renamed the copy
    // over it would replace it for every process on the machine, as a mutation run once did.
    // Root makes a null device of its own; others use /dev/null, which they cannot replace.
    const root = process.getuid?.() === 0;
    const device = root ? tmp.file('perangkat-null') : '/dev/null';
    if (root) execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    await refused(device, `"${device}" adalah sebuah perangkat`);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a directory', async () => {
    const dir = tmp.file('folder.xlsx');
    mkdirSync(dir);
    await refused(dir, `"${dir}" adalah sebuah folder`);
  });

  it("gives the copy the input's mode", async () => {
    const input = tmp.file('mode.xlsx');
    const out = tmp.file('mode-diperiksa.xlsx');
    const built = recap(UNITS, { formats: { realisation: '0%' } });
    writeFileSync(input, await buildXlsx({ sheets: [{ name: SHEET, xml: sheetXml(built.grid) }] }));
    chmodSync(input, 0o640);
    expect((await run('check', input, '--out', out)).code).toBe(1);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it('leaves a formula in the RATA-RATA line and says so, with the value it would have written', async () => {
    const { r, sheet, grid } = await checkCopy({ average: AVERAGE }, undefined, {
      cells: { N7: '<c r="N7"><f>AVERAGE(N3:N5)</f><v>80</v></c>' },
    });
    // Kept, and marked: the recomputed value differs from what it shows.
    expect(sheet).toMatch(/<c r="N7" s="\d+"><f>AVERAGE\(N3:N5\)<\/f><v>80<\/v><\/c>/);
    expect(r.stdout).toContain(
      'sel N7: berisi rumus, dibiarkan seperti adanya (nilai hasil pemeriksaan: 85,03).',
    );
    // The other cells of the line are written.
    expect(cellAt(grid, 7, 5)).toBe(83.15);
  });
});

describe('item 10: whole-column merges', () => {
  it('cost nothing: the copy stays small, the notes go past them, the run ends within its bounds', async () => {
    const built = recap(UNITS, { formats: { realisation: '0%' } });
    built.grid.merges!.push(
      { top: 1, left: 21, bottom: 1048576, right: 21 },
      { top: 1, left: 22, bottom: 1048576, right: 23 },
    );
    const input = tmp.file('kolom-penuh.xlsx');
    const out = tmp.file('kolom-penuh-diperiksa.xlsx');
    writeFileSync(input, await buildXlsx({ sheets: [{ name: SHEET, xml: sheetXml(built.grid) }] }));
    const r = runBounded('check', input, '--out', out);
    expect(r.status).toBe(1);
    expect(statSync(out).size).toBeLessThan(statSync(input).size + 4096);
    const grid = (await readGrids(readFileSync(out)))[0];
    expect(cellAt(grid, 1, 24)).toBe(NOTES_HEADER);
  });
});

describe('a part that cannot be edited safely', () => {
  it('is refused in one line naming the part, and no copy is written', async () => {
    const built = recap(UNITS, { formats: { realisation: '0%' } });
    // A1:D1 carry no references (valid: their positions are implied); the notes' header goes into row 1.
    const xml = sheetXml(built.grid).replace(/ r="[A-D]1"/g, '');
    const input = tmp.file('tanpa-alamat.xlsx');
    const out = tmp.file('tanpa-alamat-diperiksa.xlsx');
    writeFileSync(input, await buildXlsx({ sheets: [{ name: SHEET, xml }] }));
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `skm-rekap: Salinan tidak dibuat: bagian xl/worksheets/sheet1.xml dari berkas "${input}" tidak dapat diubah dengan aman (baris 1 memuat sel tanpa alamat yang sah). Laporan di atas tetap berlaku.`,
    ]);
    expect(() => statSync(out)).toThrow();
  });
});

describe('every hostile input of this file, run as its own process', () => {
  it('ends within 30 s and a 1.5 GB heap, with exit 0, 1 or 2 and one line for 2', async () => {
    const built = recap(UNITS, { formats: { realisation: '0%' } });
    const wide = recap(UNITS, { formats: { realisation: '0%' } });
    wide.grid.merges!.push(
      { top: 1, left: 21, bottom: 1048576, right: 30 },
      { top: 8, left: 1, bottom: 1048576, right: 20 },
    );
    const inputs: Record<string, Buffer> = {
      'kolom-dan-baris-penuh': await buildXlsx({
        sheets: [{ name: SHEET, xml: sheetXml(wide.grid) }],
      }),
      'awalan-x': await buildXlsx({
        sheets: [{ name: SHEET, xml: sheetXml(built.grid, { prefix: 'x:' }) }],
      }),
      'ringkasan-adalah-rekap': await buildXlsx({
        sheets: [{ name: 'Ringkasan SKM', xml: sheetXml(built.grid) }],
      }),
      'rumus-di-rata-rata': await buildXlsx({
        sheets: [
          {
            name: SHEET,
            xml: sheetXml(recap(UNITS, { formats: { realisation: '0%' }, average: AVERAGE }).grid, {
              cells: { N7: '<c r="N7"><f>AVERAGE(N3:N5)</f><v>80</v></c>' },
            }),
          },
        ],
      }),
    };
    for (const [name, data] of Object.entries(inputs)) {
      const input = tmp.file(`${name}.xlsx`);
      writeFileSync(input, data);
      const r = runBounded(
        'check',
        input,
        '--out',
        tmp.file(`${name}-diperiksa.xlsx`),
        '--summary',
      );
      expect([name, r.status !== null && [0, 1, 2].includes(r.status)]).toEqual([name, true]);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      if (r.status === 2) expect([name, r.stderr.trim().split('\n').length]).toEqual([name, 1]);
    }
  });
});
