/** The writes that follow from an analysis, as data (marks, notes, average line, sentences). */
import { NOTES_HEADER, planWrites, type CellWrite } from '../../src/engine/plan';
import {
  analyse,
  BASE,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  type Recap,
  type RecapOptions,
  type UnitSpec,
} from './grid';

const plan = (built: Recap, lang: 'id' | 'en' = 'id') =>
  planWrites(analyse(built), built.grid, lang);
const cellAt = (cells: CellWrite[], row: number, col: number) =>
  cells.find((c) => c.row === row && c.col === col);

/** Unit 1 with a wrong IKM (error at N3), unit 2 with no category (warning at O5). */
const FLAWED: UnitSpec[] = [
  unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
  unit(2, 'DINAS B', tahunan({ ...OTHER, category: '', realisation: 1 })),
];
const FRACTIONS: RecapOptions = { formats: { realisation: '0%' } };

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

  it('is inserted as a new row when the row after the table is not blank', () => {
    const p = plan(recap(FLAWED, { ...FRACTIONS, after: [['Catatan: data per 5 Desember 2025']] }));
    expect(p.average.row).toBe(7);
    expect(p.average.insert).toBe(true);
  });

  it('updates an existing line in place, keeping its formats and its blank category; a General cell gets 0.00', () => {
    const p = plan(
      recap(FLAWED, {
        ...FRACTIONS,
        average: { unsur: [80, 80, 80, 80, 80, 80, 80, 80, 80], ikm: 80, realisation: 0.5 },
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
