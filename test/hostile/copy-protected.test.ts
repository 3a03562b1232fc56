/**
 * A protected recap sheet (Review > Protect Sheet) is checked and its copy written with the marks
 * and notes, the protection kept as in the original, and one line saying so (issue 15).
 */
import { readFileSync, writeFileSync } from 'fs';
import { cellAt } from '../../src/engine/grid';
import { NOTES_HEADER } from '../../src/engine/plan';
import { readGrids } from '../../src/xlsx/lean-read';
import { run, STACK_TRACE, tempDir } from '../cli/helpers';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { buildXlsx, changedParts, partsOf, sheetXml } from './copy-build';

const tmp = tempDir();
afterAll(() => tmp.remove());

const SHEET = 'Rekap SKM OPP 2025';
/** What Excel writes for a sheet protected with a password (the hash shortened). */
const PROTECTION =
  '<sheetProtection algorithmName="SHA-512" hashValue="q1w2e3==" saltValue="r4t5y6==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>';

let n = 0;
/** A two-unit recap (unit 1's IKM wrong) with `protection` right after its sheetData, and its copy. */
async function protectedCopy(protection: string, ...args: string[]) {
  const built = recap(
    [
      unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
      unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
    ],
    { formats: { realisation: '0%' } },
  );
  const xml = sheetXml(built.grid).replace('</sheetData>', `</sheetData>${protection}`);
  const input = tmp.file(`rekap-${++n}.xlsx`);
  const out = tmp.file(`rekap-${n}-diperiksa.xlsx`);
  writeFileSync(input, await buildXlsx({ sheets: [{ name: built.grid.name, xml }] }));
  const r = await run('check', input, '--out', out, ...args);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return { r, input, out };
}

describe('a protected recap sheet', () => {
  it('gets its copy, marks and notes written and the protection kept, with one line saying so', async () => {
    const { r, input, out } = await protectedCopy(PROTECTION);
    expect(r.code).toBe(1);
    const said = r.stdout.split('\n').filter((l) => l.includes('dilindungi'));
    expect(said).toEqual([
      `Lembar "${SHEET}" dilindungi (Proteksi Lembar): salinan tetap ditulis dengan tanda dan catatan, dan perlindungannya dipertahankan seperti di berkas asli; buka proteksinya di Excel (Tinjau > Buka Proteksi Lembar) untuk menyunting.`,
    ]);
    expect(r.stdout).toContain(`Salinan hasil pemeriksaan ditulis ke ${out}`);

    const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet.split(PROTECTION)).toHaveLength(2);
    const grid = (await readGrids(readFileSync(out)))[0];
    expect(cellAt(grid, 1, 21)).toBe(NOTES_HEADER);
    expect(String(cellAt(grid, 3, 21))).toMatch(/^\[Galat\] N3: IKM tertulis 85,06/);
    // Only the edited parts differ: the sheet (cells) and the styles (the marks' fills).
    expect(await changedParts(input, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('is said in English with --lang en, and on stderr with --json (stdout is the report alone)', async () => {
    const en = await protectedCopy(PROTECTION, '--lang', 'en');
    expect(en.r.stdout).toContain(
      `Sheet "${SHEET}" is protected (Protect Sheet): the copy was written with its marks and notes, and keeps the protection as in the original; unprotect it in Excel (Review > Unprotect Sheet) to edit.\n`,
    );
    const json = await protectedCopy(PROTECTION, '--json');
    expect(() => JSON.parse(json.r.stdout)).not.toThrow();
    expect(json.r.stderr.split('\n').filter((l) => l.includes('dilindungi'))).toHaveLength(1);
  });

  it('is no protected sheet when its sheetProtection says sheet="0" (Excel lets anyone edit it)', async () => {
    const { r } = await protectedCopy('<sheetProtection sheet="0" objects="1"/>');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('dilindungi');
    expect(r.stdout).toContain('Salinan hasil pemeriksaan ditulis ke');
  });
});
