/**
 * Where the plan puts what it writes, at the cases the other plan tests leave out: the same cell
 * found by two checks, notes beside merged and padded cells, the district line of a recap without
 * some columns or without values, and the two sentences under staff's own rows, an inserted line
 * and the sheet's last row. Each case is a cell staff could lose or a write that would land wrong.
 */
import { NOTES_HEADER, notesColumn, planWrites } from '../../src/engine/plan';
import type { SheetGrid } from '../../src/engine/model';
import type { Finding } from '../../src/engine/finding';
import { findingMessage } from '../../src/engine/report';
import {
  analyse,
  BANJAR_COLUMNS,
  BASE,
  OTHER,
  recap,
  tahunan,
  unit,
  type Column,
  type ColumnSpec,
  type Recap,
  FLAWED,
  FRACTIONS,
  AVERAGE,
  put,
} from './grid';

const plan = (built: Recap | SheetGrid, insertRows = true) => {
  const grid = 'grid' in built ? built.grid : built;
  return planWrites(analyse(grid), grid, 'id', { insertRows });
};

/** The grid moved down by `rows` (its used range starting lower in the sheet). */
function movedDown(grid: Recap['grid'], rows: number): SheetGrid {
  return {
    ...grid,
    origin: { row: 1 + rows, col: 1 },
    merges: grid.merges?.map((m) => ({ ...m, top: m.top + rows, bottom: m.bottom + rows })),
  };
}

describe('the marks', () => {
  it('mark a cell once, an error over a warning whichever check found it first', () => {
    const built = recap(FLAWED, FRACTIONS);
    const a = analyse(built);
    const error = a.findings.find((f) => f.severity === 'error')!;
    const warning: Finding = { ...error, severity: 'warning' };
    for (const findings of [
      [warning, error],
      [error, warning],
    ]) {
      const p = planWrites({ ...a, findings }, built.grid);
      expect(p.marks).toEqual([{ row: 3, col: 14, severity: 'error' }]);
    }
    const p = planWrites({ ...a, findings: [warning, warning] }, built.grid);
    expect(p.marks).toEqual([{ row: 3, col: 14, severity: 'warning' }]);
  });
});

describe('the notes', () => {
  it('name the cell of a finding only where it has one', () => {
    const built = recap(FLAWED, FRACTIONS);
    const a = analyse(built);
    const warning = a.findings.find((f) => f.severity === 'warning')!;
    const p = planWrites({ ...a, findings: [{ ...warning, cell: null, at: null }] }, built.grid);
    expect(p.notes.cells.find((c) => c.row === 5)?.value).toBe(
      `[Peringatan] ${findingMessage(warning, 'id')}`,
    );
    expect(p.marks).toEqual([]);
  });

  it('are written beside a merged area that lies right of the notes column', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 3, left: 22, bottom: 3, right: 23 });
    const p = plan(built);
    expect(p.notes.col).toBe(21);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 3, 5]);
    expect(p.skipped).toEqual([]);
  });

  it('are reported where a note cell is merged with the table’s last column', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS, { extra: NOTES_HEADER }];
    const built = recap(FLAWED, { ...FRACTIONS, columns });
    built.grid.merges = built.grid.merges!.filter((m) => !(m.left === 21 && m.top === 3));
    built.grid.merges.push({ top: 3, left: 20, bottom: 3, right: 21 });
    const p = plan(built);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 5]);
    expect(p.skipped.map((s) => [s.row, s.col, s.reason])).toEqual([[3, 21, 'merged']]);
  });

  it('leave a remark staff typed in the notes column alone, and unreported, on a row without findings', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS, { extra: NOTES_HEADER }];
    const built = recap(FLAWED, { ...FRACTIONS, columns });
    put(built, 4, 21, 'sudah dicek');
    const p = plan(built);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 3, 5]);
    expect(p.skipped).toEqual([]);
  });

  it('leave an old note of ours in a cell merged across columns as it is, unreported', () => {
    const columns: ColumnSpec[] = [...BANJAR_COLUMNS, { extra: NOTES_HEADER }];
    const built = recap(FLAWED, { ...FRACTIONS, columns });
    built.grid.merges = built.grid.merges!.filter((m) => !(m.left === 21 && m.top === 5));
    built.grid.merges.push({ top: 6, left: 21, bottom: 6, right: 22 });
    put(built, 6, 21, '[Galat] N6: catatan lama');
    const p = plan(built);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 3, 5]);
    expect(p.skipped).toEqual([]);
  });

  it('where no column is free, report the notes lost but not the clearing of an old one', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 4, left: 21, bottom: 4, right: 16384 });
    put(built, 6, 21, '[Galat] N6: catatan lama');
    const p = plan(built);
    expect(p.notes.cells).toEqual([]);
    expect(p.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'no-free-column'],
      [3, 'no-free-column'],
      [5, 'no-free-column'],
    ]);
  });

  it('keep their header off a cell staff wrote above our header', () => {
    const built = recap(FLAWED, FRACTIONS);
    put(built, 1, 21, 'Paraf');
    put(built, 2, 21, NOTES_HEADER);
    const p = plan(built);
    expect(p.notes.col).toBe(21);
    expect(p.notes.cells.find((c) => c.row === 1)).toBeUndefined();
    expect(p.notes.cells.map((c) => c.row)).toEqual([3, 5]);
  });

  it('include the RATA-RATA line typed in the recap, where its values are not the mean', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      average: AVERAGE,
    });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, exists: true });
    expect(p.notes.cells.find((c) => c.row === 7)?.value).toMatch(
      /^\[Peringatan\] E7: Baris rata-rata: /,
    );
  });
});

describe('the notes column', () => {
  it('is right after the table where its rows are padded with blank cells', () => {
    const built = recap(FLAWED, FRACTIONS);
    for (let row = 1; row <= 6; row++) put(built, row, 25, '');
    expect(notesColumn(analyse(built), built.grid)).toBe(21);
  });

  it('is not moved by a merged area right of the table above or below the table’s rows', () => {
    const built = recap(FLAWED, { ...FRACTIONS, after: [[], [], [], []] });
    built.grid.merges!.push({ top: 8, left: 21, bottom: 9, right: 22 });
    expect(notesColumn(analyse(built), built.grid)).toBe(21);
    const titled = recap(FLAWED, { ...FRACTIONS, title: ['REKAP SKM', 'TAHUN 2025'] });
    titled.grid.merges!.push({ top: 1, left: 21, bottom: 2, right: 22 });
    expect(Math.min(...analyse(titled).table.headerRows)).toBeGreaterThan(2);
    expect(notesColumn(analyse(titled), titled.grid)).toBe(21);
  });

  it('steps over a merged area right of the header rows, or reaching down from the last record', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 1, left: 21, bottom: 1, right: 22 });
    expect(notesColumn(analyse(built), built.grid)).toBe(23);
    const below = recap(FLAWED, { ...FRACTIONS, after: [[], []] });
    below.grid.merges!.push({ top: 6, left: 21, bottom: 7, right: 22 });
    expect(notesColumn(analyse(below), below.grid)).toBe(23);
  });

  it('is not pushed by a merged area further right', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 3, left: 24, bottom: 3, right: 25 });
    expect(notesColumn(analyse(built), built.grid)).toBe(21);
  });

  it('steps over side-by-side merged areas whatever order they are listed in', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 4, left: 23, bottom: 4, right: 24 });
    built.grid.merges!.push({ top: 3, left: 21, bottom: 3, right: 22 });
    expect(notesColumn(analyse(built), built.grid)).toBe(25);
  });

  it('is the sheet’s last column when the table ends just before it', () => {
    const built = recap(FLAWED, FRACTIONS);
    const grid: SheetGrid = { ...built.grid, origin: { row: 1, col: 16383 - 19 } };
    grid.merges = built.grid.merges!.map((m) => ({
      ...m,
      left: m.left + 16363,
      right: m.right + 16363,
    }));
    const a = analyse(grid);
    expect(a.table.lastCol).toBe(16383);
    expect(notesColumn(a, grid)).toBe(16384);
  });
});

describe('the row under the table', () => {
  it('is taken by a cell in the notes column itself: the district line is inserted', () => {
    const built = recap(FLAWED, { ...FRACTIONS, after: [[]] });
    put(built, 7, 21, 'lihat lampiran');
    const p = plan(built);
    expect(p.notes.col).toBe(21);
    expect(p.average).toMatchObject({ row: 7, insert: true });
    expect(plan(built, false).average).toMatchObject({ row: 7, held: true, cells: [] });
  });
});

describe('the district line', () => {
  const without = (...dropped: Column[]): ColumnSpec[] =>
    BANJAR_COLUMNS.filter((c) => !dropped.includes(c));

  it('writes no IKM, category or realisation where the recap has no such column', () => {
    const built = recap(FLAWED, { columns: without('ikm', 'category', 'realisation') });
    const p = plan(built);
    expect(p.average.cells.map((c) => c.col)).toEqual([1, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(p.average.cells.every((c) => Number.isInteger(c.col))).toBe(true);
  });

  it('writes no realisation where no unit has one', () => {
    const built = recap([unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))]);
    const p = plan(built);
    expect(p.average.cells.map((c) => c.col)).toEqual([1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('is its label only where no unit has unsur values', () => {
    const built = recap([unit(1, 'DINAS A', tahunan({ ...BASE, nrr: null, conv: null }))]);
    expect(plan(built).average.cells).toEqual([{ row: 5, col: 1, value: 'RATA-RATA KABUPATEN' }]);
  });

  it('gets its number formats as a new line even where the sheet was read without formats', () => {
    const built = recap(FLAWED, FRACTIONS);
    const p = plan({ ...built.grid, formats: undefined });
    expect(p.average.exists).toBe(false);
    expect(p.average.cells.filter((c) => typeof c.value === 'number').map((c) => c.format)).toEqual(
      [...new Array<string>(10).fill('0.00'), '0%'],
    );
  });
});

describe('the sentences', () => {
  it('go past a row under the line where staff wrote, into the next two free rows', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      after: [[], [], ['Disusun oleh Bagian Organisasi']],
    });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, insert: false });
    expect(p.sentences.map((s) => s.row)).toEqual([10, 11]);
  });

  it('and the line are not moved by a merged area further down', () => {
    const built = recap(FLAWED, { ...FRACTIONS, after: [[], [], [], [], [], [], [], []] });
    built.grid.merges!.push({ top: 12, left: 1, bottom: 13, right: 20 });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, insert: false });
    expect(p.sentences.map((s) => s.row)).toEqual([9, 10]);
  });

  it('need only their own two rows free, not the one after', () => {
    const built = recap(FLAWED, { ...FRACTIONS, after: [[], [], [], [], ['Mengetahui,']] });
    expect(plan(built).sentences.map((s) => s.row)).toEqual([9, 10]);
  });

  it('count the rows under an inserted line as they will be after the insert', () => {
    // Row 7 is taken: the line is inserted there and grid row 10 ("x") becomes sheet row 11.
    const built = recap(FLAWED, {
      ...FRACTIONS,
      after: [['Catatan: data per 5 Desember 2025'], [], [], ['x'], [], [], []],
    });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, insert: true });
    expect(p.sentences.map((s) => s.row)).toEqual([12, 13]);
  });

  it('go right under a merged area that blocks the second of their rows', () => {
    const built = recap(FLAWED, { ...FRACTIONS, after: [[], [], [], [], [], [], []] });
    built.grid.merges!.push({ top: 10, left: 1, bottom: 11, right: 20 });
    expect(plan(built).sentences.map((s) => s.row)).toEqual([12, 13]);
  });

  it('are not tripped by a number typed under the RATA-RATA line', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      average: AVERAGE,
      after: [[], [], [], [2025]],
    });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, exists: true });
    expect(p.sentences.map((s) => s.row)).toEqual([9, 10]);
  });

  it('fit in the sheet’s last two rows, and are reported when no two rows are left', () => {
    const built = recap(FLAWED, FRACTIONS);
    // The line at row 7 + k, its sentences from 9 + k: the last row is 1,048,576.
    const fits = plan(movedDown(built.grid, 1048576 - 10));
    expect(fits.average.row).toBe(1048573);
    expect(fits.sentences.map((s) => s.row)).toEqual([1048575, 1048576]);
    const tooLow = plan(movedDown(built.grid, 1048576 - 9));
    expect(tooLow.sentences).toEqual([]);
    expect(tooLow.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1048576, 'no-free-row'],
      [1048577, 'no-free-row'],
    ]);
  });
});
