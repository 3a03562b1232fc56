/** The writes that follow from an analysis, as data (marks, notes, average line, sentences). */
import { NOTES_HEADER, planWrites, type CellWrite } from '../../src/engine/plan';
import { summarySheetName } from '../../src/engine/summary-sheet';
import {
  analyse,
  BASE,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  type Recap,
  FLAWED,
  FRACTIONS,
  AVERAGE,
  put,
} from './grid';

const plan = (built: Recap, lang: 'id' | 'en' = 'id') =>
  planWrites(analyse(built), built.grid, lang);
const cellAt = (cells: CellWrite[], row: number, col: number) =>
  cells.find((c) => c.row === row && c.col === col);

describe('marks', () => {
  it('marks each offending cell with its severity', () => {
    const p = plan(recap(FLAWED, FRACTIONS));
    expect(p.marks).toEqual([
      { row: 3, col: 14, severity: 'error' },
      { row: 5, col: 15, severity: 'warning' },
    ]);
  });

  it('does not mark an info', () => {
    const p = plan(recap([unit(1, 'DINAS A', tahunan({ ...BASE, ikm: '84,06' }))]));
    expect(p.marks).toEqual([]);
  });

  it('gives a cell with a warning and an error the error colour', () => {
    // P3: 200,5 Tahunan respondents differ from 120 + 80 (warning) and are not a whole number (error).
    const annual = tahunan({
      conv: [83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55],
      ikm: 85.03,
      category: 'B (Baik)',
      respondents: 200.5,
    });
    const built = recap([unit(1, 'DINAS A', annual, semester(1, BASE), semester(2, OTHER))]);
    const a = analyse(built);
    expect(a.findings.filter((f) => f.cell === 'P3').map((f) => f.severity)).toEqual([
      'warning',
      'error',
    ]);
    const p = planWrites(a, built.grid);
    expect(p.marks).toEqual([{ row: 3, col: 16, severity: 'error' }]);
  });
});

describe('the "Catatan Validasi" column', () => {
  it("is added after the last column, with each record's messages on its first row", () => {
    const p = plan(recap(FLAWED, FRACTIONS));
    expect(p.notes.col).toBe(21);
    expect(p.notes.cells).toEqual([
      { row: 1, col: 21, value: NOTES_HEADER },
      {
        row: 3,
        col: 21,
        value: '[Galat] N3: IKM tertulis 85,06, tetapi rata-rata sembilan unsur x 25 = 84,06.',
      },
      {
        row: 5,
        col: 21,
        value: '[Peringatan] O5: IKM terisi tetapi kategori kosong (seharusnya B (Baik)).',
      },
    ]);
  });

  it('speaks English with --lang en', () => {
    const p = plan(recap(FLAWED, FRACTIONS), 'en');
    expect(cellAt(p.notes.cells, 3, 21)?.value).toBe(
      '[Error] N3: The IKM reads 85.06, but the mean of the nine unsur x 25 = 84.06.',
    );
  });

  it('reuses an existing column and clears its stale notes', () => {
    const built = recap(
      [unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan({ ...OTHER, category: '' }))],
      {
        columns: [
          'no',
          'unit',
          'period',
          'services',
          'U1',
          'U2',
          'U3',
          'U4',
          'U5',
          'U6',
          'U7',
          'U8',
          'U9',
          'ikm',
          'category',
          'respondents',
          'priority',
          { extra: NOTES_HEADER },
        ],
      },
    );
    built.grid.values[2][17] = '[Galat] N3: catatan lama';
    const p = plan(built);
    expect(p.notes.col).toBe(18);
    expect(p.notes.cells).toEqual([
      { row: 1, col: 18, value: NOTES_HEADER },
      { row: 3, col: 18, value: '' },
      {
        row: 5,
        col: 18,
        value: '[Peringatan] O5: IKM terisi tetapi kategori kosong (seharusnya B (Baik)).',
      },
    ]);
  });
});

describe('the average line', () => {
  it('is added right after the last record when the table has none, rounded to 2 decimals', () => {
    const p = plan(recap(FLAWED, FRACTIONS));
    expect(p.average).toEqual({
      row: 7,
      exists: false,
      insert: false,
      cells: [
        { row: 7, col: 1, value: 'RATA-RATA KABUPATEN' },
        ...[83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55].map((value, i) => ({
          row: 7,
          col: 5 + i,
          value,
          format: '0.00',
        })),
        { row: 7, col: 14, value: 85.03, format: '0.00' },
        { row: 7, col: 15, value: 'B (Baik)' },
        // (80% + 100%) / 2, as a fraction in a "0%" column
        { row: 7, col: 20, value: 0.9, format: '0%' },
      ],
    });
  });

  it('writes the realisation in percent points in a column of percent points', () => {
    const p = plan(
      recap([
        unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 80 })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 100 })),
      ]),
    );
    expect(cellAt(p.average.cells, 7, 20)).toEqual({ row: 7, col: 20, value: 90, format: '0.00' });
  });

  it("reads the realisation's scale from the units, not from the district line it rewrites", () => {
    // Units at 0.8 and 1 (80% and 100%) under a stale district value of 2: the units decide,
    // so the line gets 90% now and again when the written sheet is checked a second time.
    const withAverage = (realisation: number) =>
      plan(
        recap(FLAWED, {
          average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80, realisation },
        }),
      );
    const first = cellAt(withAverage(2).average.cells, 7, 20);
    expect(first).toEqual({ row: 7, col: 20, value: 0.9, format: '0%' });
    expect(cellAt(withAverage(0.9).average.cells, 7, 20)).toEqual(first);
  });

  it('is inserted as a new row when the row after the table is not blank', () => {
    const p = plan(recap(FLAWED, { ...FRACTIONS, after: [['Catatan: data per 5 Desember 2025']] }));
    expect(p.average.row).toBe(7);
    expect(p.average.insert).toBe(true);
  });

  it('updates an existing line in place, keeping its formats and its blank category; a General cell gets 0.00', () => {
    const p = plan(
      recap(FLAWED, {
        ...FRACTIONS,
        average: AVERAGE,
      }),
    );
    expect(p.average.exists).toBe(true);
    expect(p.average.row).toBe(7);
    expect(p.average.cells).toEqual([
      ...[83.15, 86.05, 79.1, 90.2, 84.05, 86.1, 88, 84.05, 84.55].map((value, i) => ({
        row: 7,
        col: 5 + i,
        value,
        format: '0.00',
      })),
      { row: 7, col: 14, value: 85.03, format: '0.00' },
      { row: 7, col: 20, value: 0.9 },
    ]);
  });
});

describe('the two sentences', () => {
  it('go in the first two free rows, one blank row under the average line', () => {
    const p = plan(recap(FLAWED, FRACTIONS));
    expect(p.sentences).toEqual([
      {
        row: 9,
        col: 1,
        value:
          'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 79,10.',
      },
      {
        row: 10,
        col: 1,
        value:
          'Waktu Penyelesaian merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (2 unit).',
      },
    ]);
  });

  it('step below a row that is taken, counting an inserted average line', () => {
    const p = plan(recap(FLAWED, { ...FRACTIONS, after: [['Catatan: data per 5 Desember 2025']] }));
    // Average inserted at 7, the note moves to 8, a blank row 9, sentences at 10 and 11.
    expect(p.sentences.map((s) => s.row)).toEqual([10, 11]);
  });

  it('replace the sentences already under the table', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80 },
      after: [
        [],
        ['Catatan: lihat lampiran'],
        ['Unsur terendah pada tingkat kabupaten adalah Persyaratan dengan nilai rata-rata 80,00.'],
        [
          'Persyaratan merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (9 unit).',
        ],
      ],
    });
    const p = plan(built);
    expect(p.sentences.map((s) => s.row)).toEqual([10, 11]);
    expect(p.sentences[0].value).toContain('Waktu Penyelesaian dengan nilai rata-rata 79,10');
  });
});

describe('what staff wrote is never written over', () => {
  it('a column with anything in it, in any row of the table (header included), is not the notes column', () => {
    const built = recap(FLAWED, FRACTIONS);
    put(built, 4, 21, 'cek ulang');
    put(built, 1, 22, 'Paraf');
    const p = plan(built);
    expect(p.notes.col).toBe(23);
    expect(p.notes.cells.every((c) => c.col === 23)).toBe(true);
  });

  it('a column crossed by a merged area in the table is not the notes column either', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 3, left: 21, bottom: 6, right: 22 });
    expect(plan(built).notes.col).toBe(23);
  });

  it("in our own column, staff's text is kept: the note of that row is reported, not written", () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      columns: [
        'no',
        'unit',
        'period',
        'services',
        'U1',
        'U2',
        'U3',
        'U4',
        'U5',
        'U6',
        'U7',
        'U8',
        'U9',
        'ikm',
        'category',
        'respondents',
        'priority',
        'realisation',
        { extra: NOTES_HEADER },
      ],
    });
    built.grid.values[2][18] = 'sudah diverifikasi 12/1';
    const p = plan(built);
    expect(p.notes.col).toBe(19);
    expect(cellAt(p.notes.cells, 3, 19)).toBeUndefined();
    expect(p.skipped).toEqual([
      expect.objectContaining({ row: 3, col: 19, reason: 'not-our-note' }),
    ]);
  });

  it('the district line is held, not inserted, where inserting is not allowed (the copy)', () => {
    const built = recap(FLAWED, { ...FRACTIONS, after: [['Catatan: data per 5 Desember 2025']] });
    const p = planWrites(analyse(built), built.grid, 'id', { insertRows: false });
    expect(p.average).toEqual({ row: 7, exists: false, insert: false, cells: [], held: true });
    // The sentences go under the note, which stays where it is.
    expect(p.sentences.map((s) => s.row)).toEqual([9, 10]);
  });

  it('a row crossed by a merged area is taken: no line there, no sentence there', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 7, left: 1, bottom: 12, right: 20 });
    const p = planWrites(analyse(built), built.grid, 'id', { insertRows: false });
    expect(p.average.held).toBe(true);
    expect(p.sentences.map((s) => s.row)).toEqual([13, 14]);
  });

  it('a value of the district line that would land in a merged area is reported, not written', () => {
    const built = recap(FLAWED, {
      ...FRACTIONS,
      average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80 },
    });
    built.grid.merges!.push({ top: 7, left: 13, bottom: 7, right: 14 });
    const p = plan(built);
    expect(cellAt(p.average.cells, 7, 13)?.value).toBe(84.55);
    expect(cellAt(p.average.cells, 7, 14)).toBeUndefined();
    expect(p.skipped).toEqual([
      {
        row: 7,
        col: 14,
        value: 85.03,
        reason: 'merged',
        area: { top: 7, left: 13, bottom: 7, right: 14 },
      },
    ]);
  });

  it('a whole column merged right of the table blocks neither the line nor the sentences', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 1, left: 21, bottom: 1048576, right: 21 });
    const p = planWrites(analyse(built), built.grid, 'id', { insertRows: false });
    expect(p.notes.col).toBe(22);
    expect(p.average.held).toBeUndefined();
    expect(p.sentences.map((s) => s.row)).toEqual([9, 10]);
  });

  it('with the whole first column merged under the table, the sentences are reported, the search ends', () => {
    const built = recap(FLAWED, FRACTIONS);
    built.grid.merges!.push({ top: 8, left: 1, bottom: 1048576, right: 1 });
    const p = planWrites(analyse(built), built.grid, 'id', { insertRows: false });
    expect(p.sentences).toEqual([]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['no-free-row', 'no-free-row']);
  });
});

describe('the name of the summary sheet', () => {
  it('is "Ringkasan SKM" when free, and replaces our own earlier one', () => {
    expect(summarySheetName([{ name: 'Rekap', ours: false }])).toEqual({
      name: 'Ringkasan SKM',
      replaces: false,
    });
    expect(summarySheetName([{ name: 'Ringkasan SKM', ours: true }])).toEqual({
      name: 'Ringkasan SKM',
      replaces: true,
    });
  });

  it('is the first free "Ringkasan SKM (n)" when the name is taken by a sheet we did not write, whatever its case', () => {
    expect(
      summarySheetName([
        { name: 'ringkasan skm', ours: false },
        { name: 'Ringkasan SKM (2)', ours: false },
      ]),
    ).toEqual({ name: 'Ringkasan SKM (3)', replaces: false });
  });
});
