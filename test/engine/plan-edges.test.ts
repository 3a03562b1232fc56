/**
 * Where the plan writes on sheets the main plan tests do not reach: a used range that does not
 * start at A1, a notes column pushed right by staff's cells, no free column at all, merged note
 * and sentence cells, a layout whose label column is not A, an existing line read without formats.
 */
import { NOTES_HEADER, notesColumn, planWrites, type WritePlan } from '../../src/engine/plan';
import { a1, columnNumber, type Area } from '../../src/engine/address';
import type { SheetGrid } from '../../src/engine/model';
import {
  analyse,
  AVERAGE,
  BANJAR_COLUMNS,
  FLAWED,
  FRACTIONS,
  recap,
  type ColumnSpec,
  type Recap,
  put,
} from './grid';

const plan = (built: Recap, insertRows = true) =>
  planWrites(analyse(built), built.grid, 'id', { insertRows });

/** The same sheet with its used range starting `rows` rows down and `cols` columns right. */
function shifted(grid: SheetGrid & { merges?: Area[] }, rows: number, cols: number): SheetGrid {
  return {
    ...grid,
    origin: { row: 1 + rows, col: 1 + cols },
    merges: grid.merges?.map((m) => ({
      top: m.top + rows,
      left: m.left + cols,
      bottom: m.bottom + rows,
      right: m.right + cols,
    })),
  };
}

/** The plan moved with the range: every cell, and the cell named at the start of each note line. */
function shiftPlan(p: WritePlan, rows: number, cols: number): WritePlan {
  const text = (v: string | number) =>
    typeof v === 'string'
      ? v.replace(
          /^(\[\w+\] )([A-Z]+)(\d+):/gm,
          (_, label: string, c: string, r: string) =>
            `${label}${a1(Number(r) + rows, columnNumber(c) + cols)}:`,
        )
      : v;
  const at = <T extends { row: number; col: number; value?: string | number }>(c: T): T => ({
    ...c,
    row: c.row + rows,
    col: c.col + cols,
    ...(c.value !== undefined ? { value: text(c.value) } : {}),
  });
  return {
    ...p,
    marks: p.marks.map(at),
    notes: { col: p.notes.col + cols, cells: p.notes.cells.map(at) },
    average: { ...p.average, row: p.average.row + rows, cells: p.average.cells.map(at) },
    sentences: p.sentences.map(at),
    skipped: p.skipped.map((s) => {
      const moved = at(s);
      if (s.area)
        moved.area = {
          top: s.area.top + rows,
          left: s.area.left + cols,
          bottom: s.area.bottom + rows,
          right: s.area.right + cols,
        };
      return moved;
    }),
  };
}

describe('a used range that does not start at A1', () => {
  const cases: [string, Recap][] = [
    ['a new line and sentences', recap(FLAWED, FRACTIONS)],
    ['an existing line (formats kept)', recap(FLAWED, { ...FRACTIONS, average: AVERAGE })],
    [
      'a taken row under the table, staff cells right of it',
      recap(FLAWED, { ...FRACTIONS, after: [['Catatan: data per 5 Desember 2025']] }),
    ],
    [
      'a cell in W7, right of the notes column V, under the table (row 7 stays free)',
      recap(FLAWED, { ...FRACTIONS, after: [[...new Array<string>(22).fill(''), 'x']] }),
    ],
    [
      'the sentences already under the table, in its last rows',
      recap(FLAWED, {
        ...FRACTIONS,
        average: AVERAGE,
        after: [
          [],
          ['Catatan: lihat lampiran'],
          [],
          [],
          [
            'Unsur terendah pada tingkat kabupaten adalah Persyaratan dengan nilai rata-rata 80,00.',
          ],
          [
            'Persyaratan merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (9 unit).',
          ],
        ],
      }),
    ],
  ];
  it.each(cases)('gets every write at the same cells, moved with the range (%s)', (_, built) => {
    // Staff's cell right of the table (U4), in a body row: the notes column steps over it to V.
    const r = built.grid.values[3];
    while (r.length < 21) r.push('');
    r[20] = 'cek ulang';
    const atA1 = plan(built);
    // A grid read without an origin starts at A1.
    const noOrigin: SheetGrid = { ...built.grid, origin: undefined };
    expect(planWrites(analyse(noOrigin), noOrigin, 'id')).toEqual(atA1);
    for (const [rows, cols] of [
      [2, 1],
      [5, 0],
      [0, 3],
    ]) {
      const moved = shifted(built.grid, rows, cols);
      const p = planWrites(analyse(moved), moved, 'id');
      expect(p).toEqual(shiftPlan(atA1, rows, cols));
    }
  });

  it('leaves the row under the table free where its only cell lies right of the notes column', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      after: [[...new Array<string>(21).fill(''), 'x']],
    });
    // V7 is right of the notes column (U): the district line goes in row 7, nothing inserted.
    const p = planWrites(analyse(built), built.grid, 'id', { insertRows: false });
    expect(p.notes.col).toBe(21);
    expect(p.average).toMatchObject({ row: 7, insert: false });
    expect(p.average.held).toBeUndefined();
    const moved = shifted(built.grid, 1, 2);
    const q = planWrites(analyse(moved), moved, 'id', { insertRows: false });
    expect(q.average).toMatchObject({ row: 8, insert: false });
    expect(q.average.held).toBeUndefined();
  });

  it('writes the notes header beside the header when the range starts at B3', () => {
    const moved = shifted(recap(FLAWED, FRACTIONS).grid, 2, 1);
    const p = planWrites(analyse(moved), moved, 'id');
    // 20 columns from B: the table ends at U, the notes go in V (22), header at row 3.
    expect(p.notes.col).toBe(22);
    expect(p.notes.cells[0]).toEqual({ row: 3, col: 22, value: NOTES_HEADER });
    expect(p.average.row).toBe(9);
    expect(p.average.cells[0]).toEqual({ row: 9, col: 2, value: 'RATA-RATA KABUPATEN' });
  });
});

describe('the notes column', () => {
  it('steps over a column where staff wrote in a body row only, its header blank', () => {
    const built = recap(FLAWED, FRACTIONS);
    put(built, 4, 21, 'cek ulang');
    const a = analyse(built);
    expect(a.table.lastCol).toBe(20);
    expect(notesColumn(a, built.grid)).toBe(22);
    expect(planWrites(a, built.grid).notes.cells.every((c) => c.col === 22)).toBe(true);
  });

  it('steps over a taken column and then a merged one after it, and the reverse', () => {
    const built = recap(FLAWED, FRACTIONS);
    put(built, 5, 21, 'paraf');
    built.grid.merges!.push({ top: 3, left: 22, bottom: 4, right: 23 });
    put(built, 6, 24, 'ok');
    expect(notesColumn(analyse(built), built.grid)).toBe(25);
    const other = recap(FLAWED, FRACTIONS);
    other.grid.merges!.push({ top: 3, left: 21, bottom: 4, right: 22 });
    put(other, 5, 23, 'paraf');
    expect(notesColumn(analyse(other), other.grid)).toBe(24);
  });

  it('is passed over by cells right of the table under it or above it', () => {
    const built = recap(FLAWED, { ...FRACTIONS, title: ['REKAP SKM'], after: [[], []] });
    // Title row 1 (merged A1:T1), blank 2, header 3-4, records 5-8, blank 9-10: U2 and U10 are
    // outside the table's rows.
    put(built, 2, 21, 'versi 2');
    put(built, 10, 21, 'catatan bawah');
    expect(notesColumn(analyse(built), built.grid)).toBe(21);
  });

  it('is past every merged area right of the table, one reaching over another', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 3, left: 21, bottom: 3, right: 23 });
    built.grid.merges!.push({ top: 5, left: 22, bottom: 5, right: 22 });
    expect(notesColumn(analyse(built), built.grid)).toBe(24);
  });

  it('is none where every column to XFD is taken: each note reported, nothing written', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 4, left: 21, bottom: 4, right: 16384 });
    const a = analyse(built);
    expect(notesColumn(a, built.grid)).toBeNull();
    const p = planWrites(a, built.grid);
    expect(p.notes).toEqual({ col: 21, cells: [] });
    expect(p.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'no-free-column'],
      [3, 'no-free-column'],
      [5, 'no-free-column'],
    ]);
    expect(p.skipped[1].value).toMatch(/^\[Galat\] N3: /);
    // The district line and the sentences do not depend on the notes column.
    expect(p.average.cells.length).toBeGreaterThan(0);
    expect(p.sentences).toHaveLength(2);
  });

  it('is none at the sheet’s last column too: a table ending at XFD leaves no room', () => {
    const built = recap(FLAWED, FRACTIONS);
    const moved = shifted(built.grid, 0, 16384 - 20);
    const a = analyse(moved);
    expect(a.table.lastCol).toBe(16384);
    expect(notesColumn(a, moved)).toBeNull();
  });
});

describe('merged cells in our own notes column', () => {
  const columns: ColumnSpec[] = [...BANJAR_COLUMNS, { extra: NOTES_HEADER }];

  it('writes a note at the top of a note cell merged down over its record’s lines', () => {
    const built = recap(FLAWED, { ...FRACTIONS, columns });
    // The builder merges an extra column over each record's two lines: U3:U4 and U5:U6.
    const p = plan(built);
    expect(p.notes.col).toBe(21);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 3, 5]);
    expect(p.skipped).toEqual([]);
  });

  it('reports, and does not write, a note whose cell is merged across columns', () => {
    const built = recap(FLAWED, { ...FRACTIONS, columns });
    built.grid.merges = built.grid.merges!.filter((m) => !(m.left === 21 && m.top === 3));
    built.grid.merges.push({ top: 3, left: 21, bottom: 3, right: 22 });
    const p = plan(built);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 5]);
    expect(p.skipped).toEqual([
      expect.objectContaining({
        row: 3,
        col: 21,
        reason: 'merged',
        area: { top: 3, left: 21, bottom: 3, right: 22 },
      }),
    ]);
    expect(p.skipped[0].value).toMatch(/^\[Galat\] N3: /);
  });

  it('reports a note that would land inside a cell merged from the row above', () => {
    const built = recap(FLAWED, { ...FRACTIONS, columns });
    built.grid.merges = built.grid.merges!.filter((m) => !(m.left === 21 && m.top >= 3));
    built.grid.merges.push({ top: 4, left: 21, bottom: 5, right: 21 });
    const p = plan(built);
    expect(p.notes.cells.map((c) => c.row)).toEqual([1, 3]);
    expect(p.skipped.map((s) => [s.row, s.reason, s.area])).toEqual([
      [5, 'merged', { top: 4, left: 21, bottom: 5, right: 21 }],
    ]);
  });
});

describe('the label column of the district line and the sentences', () => {
  it('is the unit column where the table has no NO column', () => {
    const columns: ColumnSpec[] = [{ extra: 'Kode' }, ...BANJAR_COLUMNS.filter((c) => c !== 'no')];
    const p = plan(recap(FLAWED, { ...FRACTIONS, columns }));
    expect(p.average.cells[0]).toEqual({ row: 7, col: 2, value: 'RATA-RATA KABUPATEN' });
    expect(p.sentences.map((s) => [s.row, s.col])).toEqual([
      [9, 2],
      [10, 2],
    ]);
  });
});

describe('the sentences', () => {
  it('step below a merged area under an inserted district line', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      after: [['Catatan: data per 5 Desember 2025'], [], [], [], [], []],
    });
    // Grid rows 9-11 merged across the table: after the insert at 7 they are sheet rows 10-12.
    built.grid.merges!.push({ top: 9, left: 1, bottom: 11, right: 20 });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, insert: true });
    expect(p.sentences.map((s) => s.row)).toEqual([13, 14]);
  });

  it('replace the sentences already under the table, found below an inserted district line', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      after: [
        ['Catatan: data per 5 Desember 2025'],
        [],
        ['Unsur terendah pada tingkat kabupaten adalah Persyaratan dengan nilai rata-rata 80,00.'],
        [
          'Persyaratan merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (9 unit).',
        ],
      ],
    });
    // Row 7 (the note) is taken: the line is inserted there, the old sentences move from 9-10 to 10-11.
    built.grid.merges!.push({ top: 11, left: 1, bottom: 12, right: 1 });
    const p = plan(built);
    expect(p.average).toMatchObject({ row: 7, insert: true });
    expect(p.sentences.map((s) => s.row)).toEqual([10, 11]);
    expect(p.sentences[0].value).toContain('Waktu Penyelesaian dengan nilai rata-rata 79,10');
    // The merged area A11:A12 of the sheet as read lies below them once moved (A12:A13).
    expect(p.skipped).toEqual([]);
  });

  it('are reported, not written, where the rows holding them are merged over two rows', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      average: AVERAGE,
      after: [
        [],
        ['Unsur terendah pada tingkat kabupaten adalah Persyaratan dengan nilai rata-rata 80,00.'],
        [
          'Persyaratan merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (9 unit).',
        ],
      ],
    });
    built.grid.merges!.push({ top: 9, left: 1, bottom: 10, right: 1 });
    const p = plan(built);
    expect(p.sentences).toEqual([]);
    expect(p.skipped.map((s) => [s.row, s.col, s.reason])).toEqual([
      [9, 1, 'merged'],
      [10, 1, 'merged'],
    ]);
  });

  it('are written into rows merged across one row, at its first cell', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      average: AVERAGE,
      after: [
        [],
        ['Unsur terendah pada tingkat kabupaten adalah Persyaratan dengan nilai rata-rata 80,00.'],
        [
          'Persyaratan merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (9 unit).',
        ],
      ],
    });
    built.grid.merges!.push({ top: 9, left: 1, bottom: 9, right: 20 });
    const p = plan(built);
    expect(p.sentences.map((s) => s.row)).toEqual([9, 10]);
    expect(p.skipped).toEqual([]);
  });
});

describe('an existing district line read without number formats', () => {
  it('writes no format over its cells (nothing is known of them)', () => {
    const built = recap(FLAWED, { ...FRACTIONS, average: AVERAGE });
    const grid = { ...built.grid, formats: undefined };
    const p = planWrites(analyse(grid), grid, 'id');
    expect(p.average.exists).toBe(true);
    expect(p.average.cells.length).toBeGreaterThan(9);
    expect(p.average.cells.filter((c) => c.format !== undefined)).toEqual([]);
  });

  it('writes 0.00 only over the cells known to be General', () => {
    const built = recap(FLAWED, { ...FRACTIONS, average: AVERAGE });
    const formats = built.grid.formats!.map((r) => [...r]);
    formats[6][4] = 'General';
    formats[6][5] = '0.0';
    const grid = { ...built.grid, formats };
    const p = planWrites(analyse(grid), grid, 'id');
    const formatOf = (col: number) => p.average.cells.find((c) => c.col === col)?.format;
    expect([formatOf(5), formatOf(6), formatOf(7)]).toEqual(['0.00', undefined, '0.00']);
  });
});
