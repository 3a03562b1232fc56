/**
 * "Tandai di Lembar" then "Hapus Tanda" gives back the sheet exactly as it
 * was, through Microsoft's Office.js client over the simulated Excel host (src/sim/officejs)
 * with a random recap loaded.
 */
import fc from 'fast-check';
import type { SheetGrid } from '../../src/engine/model';
import { installOfficeJs } from '../../src/sim/officejs';
import {
  cellKey,
  cloneWorkbook,
  sheetFromRows,
  type CellModel,
  type WorkbookModel,
} from '../../src/sim/model';
import { markFindings, undo, validate } from '../../src/taskpane/excel';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { buildRecap, recapCaseArb } from './arbitraries';
import { sheetModelOf } from '../sim/grid-model';

/** Fills the staff put on some cells before the add-in ran (a highlighted row, a coloured IKM). */
const fillsArb = fc.array(
  fc.tuple(
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: 1, max: 24 }),
    fc.constantFrom('#FFFF00', '#DDEBF7', '#F4B6B6'),
  ),
  { maxLength: 12 },
);

/**
 * What staff may keep in the column right of the table, where the notes go:
 * text, text that looks like a number or a formula, numbers, formulas.
 */
const strayArb = fc.array(
  fc.tuple(
    fc.integer({ min: 1, max: 30 }),
    fc.constantFrom<CellModel>(
      { value: 'ok' },
      { value: 5 },
      { value: '12' },
      { value: '=1+1' },
      { value: 'TRUE' },
      { value: '5%' },
      { value: '1.' },
      { value: 2, formula: '=2' },
      { value: 'x', formula: '="x"' },
    ),
  ),
  { maxLength: 4 },
);

function workbookWith(
  grid: SheetGrid,
  fills: [number, number, string][],
  stray: [number, CellModel][] = [],
): WorkbookModel {
  const recapSheet = sheetModelOf(grid);
  const notesCol = (grid.origin?.col ?? 1) + Math.max(...grid.values.map((r) => r.length));
  for (const [row, cell] of stray) recapSheet.cells[cellKey(row, notesCol)] = { ...cell };
  for (const [row, col, fill] of fills) {
    const key = cellKey(row, col);
    recapSheet.cells[key] = { ...(recapSheet.cells[key] ?? { value: '' }), fill };
  }
  return {
    sheets: [
      recapSheet,
      sheetFromRows('Lampiran I', [['NO', 'UNIT PELAYANAN PUBLIK (UPP)', 'Keterangan']]),
    ],
    settings: { 'other.addin': '{"kept":true}' },
    activeSheet: recapSheet.name,
    selection: { sheet: recapSheet.name, address: 'A1' },
  };
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** Marks `runs` times on a random recap, then unmarks once: the sheets and settings must be as before. */
function markThenUnmark(runs: number) {
  return fc.asyncProperty(recapCaseArb, fillsArb, strayArb, async (rc, fills, stray) => {
    const model = workbookWith(buildRecap(rc), fills, stray);
    const before = cloneWorkbook(model);
    const { host, install } = installOfficeJs(model);
    uninstall = install();
    try {
      for (let run = 0; run < runs; run++) {
        const session = await validate('id');
        if (!session.ok) throw new Error(session.message.en);
        expect((await markFindings(session.value)).ok).toBe(true);
      }
      // The runs did write: the notes header and a ledger in the settings.
      expect(JSON.stringify(host.model.sheets[0].cells)).toContain('Catatan Validasi');
      expect(Object.keys(host.model.settings)).toContain(`skmRekap.marks.${before.activeSheet}`);
      const undone = await undo('marks', before.activeSheet);
      expect(undone).toEqual({ ok: true, value: expect.objectContaining({ keptChanged: [] }) });
      expect(host.model.sheets).toEqual(before.sheets);
      expect(host.model.settings).toEqual(before.settings);
    } finally {
      uninstall();
      uninstall = null;
    }
  });
}

describe('marking then unmarking restores the sheet exactly', () => {
  it('gives back every value, formula, number format and fill, and the settings as before', async () => {
    await fc.assert(markThenUnmark(1), { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) });
  });

  it('also after marking twice: the second run keeps what the first overwrote, formulas included', async () => {
    await fc.assert(markThenUnmark(2), { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) });
  });
});

describe('a formula in the column after the table', () => {
  // Staff content after the table is never written over (issue 15): the notes take the first column
  // with no content, and "Hapus Tanda" leaves the workbook as it was, the formula included.
  it('stays as it was: the notes go to the next free column, and undo clears them', async () => {
    // Unit 1's IKM is wrong, so its first row (3) gets a note; column U (21) holds a formula.
    const { grid } = recap([
      unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 80 })),
      unit(2, 'DINAS B', tahunan(OTHER)),
    ]);
    // (A literal formula: the simulated host calculates no arithmetic, so "=2+3" would come back as #NAME?.)
    const model = workbookWith(grid, [], [[3, { value: 5, formula: '=5' }]]);
    const before = cloneWorkbook(model);
    const { host, install } = installOfficeJs(model);
    uninstall = install();
    const session = await validate('id');
    if (!session.ok) throw new Error(session.message.en);
    expect((await markFindings(session.value)).ok).toBe(true);
    expect(host.model.sheets[0].cells['3,21']).toEqual(before.sheets[0].cells['3,21']);
    expect(host.model.sheets[0].cells['3,22'].value).toMatch(/^\[Galat\]/);
    expect((await undo('marks', session.value.sheet)).ok).toBe(true);
    expect(host.model.sheets[0].cells['3,21']).toEqual(before.sheets[0].cells['3,21']);
    expect(host.model.sheets[0].cells['3,22']?.value ?? null).toBeNull();
  });
});
