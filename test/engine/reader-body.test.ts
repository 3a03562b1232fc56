/**
 * The body of a recap table as units fill it in, beyond the Banjar layout: the realisation
 * column's scale when the units leave it blank or format it as a plain number, a realisation
 * typed as a word or as the text "1", a template with only its numbering row, a record whose
 * converted line was left on the NRR scale. Found by mutation testing of the reader's second half
 * (docs/testing.md); written as what a recap's keeper sees.
 */
import type { CellValue } from '../../src/engine/numbers';
import {
  BANJAR_COLUMNS,
  BASE,
  BLANK_ROW,
  OTHER,
  put,
  recap,
  semester,
  tahunan,
  unit,
  type Column,
  type RecordSpec,
  read,
  analyse,
} from './grid';

const noRealisation: RecordSpec = { ...BASE, realisation: undefined };

describe('the realisation column', () => {
  // The units' own realisation cells, the district line's: read as 85 % each time.
  test.each([
    ['units leave it blank, the district line holds 0,85', noRealisation, 0.85],
    ['units leave it blank, the district line holds 85 (not 8500 %)', noRealisation, 85],
    [
      'units type a word ("selesai"), the district line holds 85 (not 8500 %)',
      { ...BASE, realisation: 'selesai' },
      85,
    ],
  ] as const)('%s: read as 85 %%', (_, own, district) => {
    const t = read(
      recap([unit(1, 'DINAS A', tahunan(own))], {
        average: { unsur: BASE.conv, ikm: BASE.ikm, realisation: district },
      }).grid,
    );
    expect(t.average?.realisationPct).toBe(85);
  });

  test('a realisation over its target (1,2 in a cell formatted as percent) is 120 %', () => {
    const t = read(
      recap([unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 1.2 }))], {
        formats: { realisation: '0%' },
      }).grid,
    );
    expect(t.records[0].realisationPct).toBeCloseTo(120, 9);
  });

  test('no realisation anywhere, no district line: the column is taken as percent points', () => {
    const t = read(recap([unit(1, 'DINAS A', tahunan(noRealisation))]).grid);
    expect(t.realisationAsFraction).toBe(false);
  });

  test('a column formatted as a plain number ("0"), holding 75 and 80: percent points, not fractions', () => {
    const t = read(
      recap(
        [
          unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 75 })),
          unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 80 })),
        ],
        { formats: { realisation: '0' } },
      ).grid,
    );
    expect(t.realisationAsFraction).toBe(false);
    expect(t.records.map((r) => r.realisationPct)).toEqual([75, 80]);
  });

  test('a realisation typed as a word ("selesai") has no percentage', () => {
    const t = read(recap([unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 'selesai' }))]).grid);
    expect(t.records[0].realisationPct).toBeNull();
  });

  test('the text "1" among fractions is 100 %', () => {
    const values: CellValue[] = [0.75, '1'];
    const t = read(
      recap(
        values.map((v, i) => unit(i + 1, `DINAS ${i + 1}`, tahunan({ ...BASE, realisation: v }))),
      ).grid,
    );
    expect(t.records.map((r) => r.realisationPct)).toEqual([75, 100]);
  });
});

describe('where the body starts and what its rows are', () => {
  test('a template of the header and its numbering row only: no unit, no second table, the table one row long', () => {
    const { grid } = recap([]);
    const numbering: CellValue[] = Array.from({ length: 20 }, (_, i) => i + 1);
    const t = read({ ...grid, values: [...grid.values, numbering] });
    expect(t.firstRow).toBe(4);
    expect(t.units).toEqual([]);
    expect(t.otherTableRow).toBeUndefined();
  });

  test('a numbering row that numbers only its first five columns ("(1)" to "(5)", the rest left blank) is skipped too', () => {
    const { grid } = recap([]);
    const numbering: CellValue[] = ['(1)', '(2)', '(3)', '(4)', '(5)'];
    const t = read({ ...grid, values: [...grid.values, numbering] });
    expect([t.firstRow, t.units]).toEqual([4, []]);
  });

  test('a template of its two header rows only says no second table and ends at its first row', () => {
    const t = read(recap([]).grid);
    expect(t.otherTableRow).toBeUndefined();
    expect(t.lastRow).toBe(3);
  });

  test('a template that repeats the number on each line, not the name (nothing merged): one unit, one record', () => {
    const { grid } = recap(
      [unit(7, 'DINAS A', tahunan(BASE)), unit(8, 'DINAS B', tahunan(OTHER))],
      {
        merges: false,
      },
    );
    grid.values[3][0] = 7;
    grid.values[5][0] = 8;
    const t = read(grid);
    expect(t.units.map((u) => [u.no, u.name, u.records.length])).toEqual([
      [7, 'DINAS A', 1],
      [8, 'DINAS B', 1],
    ]);
    expect(t.records.map((r) => [r.nrr?.row, r.conv?.row])).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  test('a note of three words in the NO column above the first unit ("Data per Desember") is no unit', () => {
    const { grid } = recap(
      [unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))],
      { merges: false },
    );
    const note: CellValue[] = new Array(20).fill('');
    note[0] = 'Data per Desember';
    const t = read({
      ...grid,
      values: [...grid.values.slice(0, 2), note, ...grid.values.slice(2)],
      formats: undefined,
    });
    expect(t.unplacedRows).toEqual([3]);
    expect(t.units.map((u) => u.no)).toEqual([1, 2]);
  });

  test("a unit's second record with no period typed, after Semester I, is of no period, not a second Tahunan", () => {
    const t = read(recap([unit(1, 'DINAS A', semester(1, BASE), { ...OTHER, period: '' })]).grid);
    expect(t.records.map((r) => r.period?.label ?? null)).toEqual(['Semester I', null]);
  });

  test("a unit's only record with its period left blank is its year's (Tahunan), said as implied", () => {
    const t = read(recap([unit(1, 'DINAS A', { ...BASE, period: '' })]).grid);
    expect(t.records[0].period).toEqual({ kind: 'annual', index: 1, label: 'Tahunan' });
    expect(t.records[0].impliedAnnual).toBe(true);
  });

  test('a record whose converted line was left on the NRR scale: the first line is its NRR line', () => {
    const t = read(recap([unit(1, 'DINAS A', tahunan({ ...BASE, conv: OTHER.nrr }))]).grid);
    expect(t.records[0].nrr?.row).toBe(3);
    expect(t.records[0].conv?.row).toBe(4);
  });
});

/** Column of a role in the Banjar layout the builder writes (1-based). */
const at = (c: Column): number => BANJAR_COLUMNS.indexOf(c) + 1;

describe("a record's second line where nothing is merged", () => {
  // Semester I of DINAS A in rows 3 (NRR) and 4 (converted): what row 4 holds besides its scores.
  const first: RecordSpec = { ...semester(1, BASE), service: 'Perizinan' };
  const cases: [string, Partial<Record<Column, CellValue>>, number][] = [
    ['the period repeated', { period: 'Semester I' }, 1],
    ['the service repeated', { services: 'Perizinan' }, 1],
    ['the respondents and the IKM repeated', { respondents: 120, ikm: 84.06 }, 1],
    [
      'every cell of the record repeated',
      {
        period: 'Semester I',
        services: 'Perizinan',
        respondents: 120,
        ikm: 84.06,
        category: 'B (Baik)',
      },
      1,
    ],
    ['another period', { period: 'Semester II' }, 2],
    ['another service', { services: 'Pengaduan' }, 2],
    ['other respondents, the period repeated', { period: 'Semester I', respondents: 95 }, 2],
    ['another IKM', { ikm: 86 }, 2],
    ['another category', { category: 'A (Sangat Baik)' }, 2],
    ['another method', { method: 'Online' }, 2],
    ['other priorities', { priority: 'Biaya' }, 2],
    ['another follow-up', { rtl: 'Pelatihan petugas' }, 2],
    ['another realisation', { realisation: 0.5 }, 2],
  ];
  test.each(cases)('%s: %i record(s)', (_, cells, expected) => {
    const built = recap([unit(1, 'DINAS A', first)], { merges: false });
    for (const [c, v] of Object.entries(cells)) put(built, 4, at(c as Column), v);
    const t = read(built.grid);
    expect(t.records).toHaveLength(expected);
    if (expected === 1) expect([t.records[0].nrr?.row, t.records[0].conv?.row]).toEqual([3, 4]);
    else
      expect(t.records.map((r) => [r.firstRow, r.period?.label ?? null])).toEqual([
        [3, 'Semester I'],
        [4, cells.period === 'Semester I' ? 'Semester I' : (cells.period ?? null)],
      ]);
  });

  test('a second line of NRR scores again, nothing else typed: a second record', () => {
    const built = recap([unit(1, 'DINAS A', { ...first, conv: OTHER.nrr })], { merges: false });
    expect(read(built.grid).records.map((r) => r.firstRow)).toEqual([3, 4]);
  });

  test("a third line of scores under a record's two, nothing else typed: a second record", () => {
    const built = recap([unit(1, 'DINAS A', first)], { merges: false });
    OTHER.conv.forEach((v, i) => put(built, 5, at('U1') + i, v));
    expect(read(built.grid).records.map((r) => [r.firstRow, r.lastRow])).toEqual([
      [3, 4],
      [5, 5],
    ]);
  });

  test('the record cells repeated on a line left without scores: one record, its cells those of the first line', () => {
    const built = recap([unit(1, 'DINAS A', { ...first, conv: null })], { merges: false });
    for (const c of ['period', 'services', 'respondents'] as const)
      put(built, 4, at(c), built.grid.values[2][at(c) - 1]);
    const t = read(built.grid);
    expect(t.records).toHaveLength(1);
    expect([t.records[0].firstRow, t.records[0].lastRow]).toEqual([3, 4]);
    expect(t.records[0].category?.parsed).toBe('B (Baik)');
    expect(t.records[0].priority?.raw).toBe(BASE.priority);
  });

  test("a record's category and priorities are those of its first line where its second, inside the merged cells, types others", () => {
    const built = recap([
      unit(1, 'DINAS A', semester(1, BASE)),
      unit(2, 'DINAS B', tahunan(OTHER)),
    ]);
    built.grid.merges = built.grid.merges!.filter(
      (m) => m.left !== at('category') && m.left !== at('priority'),
    );
    put(built, 4, at('category'), 'A (Sangat Baik)');
    put(built, 4, at('priority'), 'Biaya');
    const t = read(built.grid);
    expect(t.records).toHaveLength(2);
    expect([t.records[0].category?.parsed, t.records[0].priority?.raw]).toEqual([
      'B (Baik)',
      BASE.priority,
    ]);
  });

  test("a unit's record whose first line has no scores yet, its second NRR scores, after another unit: one record", () => {
    const built = recap(
      [
        unit(1, 'DINAS A', tahunan(BASE)),
        unit(2, 'DINAS B', tahunan({ ...OTHER, nrr: null, conv: OTHER.nrr })),
      ],
      { merges: false },
    );
    const t = read(built.grid);
    expect(t.units.map((u) => u.records.length)).toEqual([1, 1]);
    expect(t.records[1].nrr?.row).toBe(6);
  });

  test('the period typed on both lines where the other record cells are merged: one record', () => {
    const built = recap([
      unit(1, 'DINAS A', semester(1, BASE)),
      unit(2, 'DINAS B', tahunan(OTHER)),
    ]);
    built.grid.merges = built.grid.merges!.filter((m) => m.left !== at('period'));
    put(built, 4, at('period'), 'Semester I');
    const t = read(built.grid);
    expect(t.records.map((r) => [r.unit.no, r.period?.label, r.firstRow, r.lastRow])).toEqual([
      [1, 'Semester I', 3, 4],
      [2, 'Tahunan', 5, 6],
    ]);
  });

  test("a unit's name run on into its record's second line (the name column not merged): one unit", () => {
    const built = recap([
      unit(1, 'UPT PUSKESMAS', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan(OTHER)),
    ]);
    built.grid.merges = built.grid.merges!.filter((m) => m.left !== at('unit'));
    put(built, 4, at('unit'), '(Rawat Inap)');
    const t = read(built.grid);
    expect(t.units.map((u) => [u.no, u.name, u.records.length])).toEqual([
      [1, 'UPT PUSKESMAS', 1],
      [2, 'DINAS B', 1],
    ]);
  });

  test("the unit's name repeated on its second record, without its number: one unit, two records", () => {
    const built = recap([unit(1, 'DINAS A', semester(1, BASE), semester(2, OTHER))], {
      merges: false,
    });
    put(built, 5, at('unit'), 'DINAS A');
    const t = read(built.grid);
    expect(t.units.map((u) => [u.no, u.name, u.records.length])).toEqual([[1, 'DINAS A', 2]]);
  });
});

describe('units numbered in text, and notes in the NO column', () => {
  const around = (middle: ReturnType<typeof unit>) =>
    recap([unit(1, 'DINAS A', tahunan(BASE)), middle, unit(3, 'DINAS C', tahunan(OTHER))], {
      merges: false,
    }).grid;

  test('a unit numbered "2a" not yet surveyed (its name only) is a unit; the units below it are read', () => {
    const t = read(around(unit('2a', 'UPT PUSKESMAS B', {})));
    expect(t.units.map((u) => u.no)).toEqual([1, '2a', 3]);
    expect(t.end).toBeUndefined();
  });

  test('a unit numbered "2a" with its period only, its name left blank, is a unit', () => {
    const t = read(around(unit('2a', '', { period: 'Tahunan' })));
    expect(t.units.map((u) => u.no)).toEqual([1, '2a', 3]);
  });

  test('a unit numbered "2a" with its scores only is a unit', () => {
    const t = read(around(unit('2a', '', { nrr: OTHER.nrr, conv: OTHER.conv })));
    expect(t.units.map((u) => u.no)).toEqual([1, '2a', 3]);
    expect(t.records[1].conv?.values[0]).toMatchObject({ value: OTHER.conv[0] });
  });

  test('a unit numbered "2a" with its service only is a unit', () => {
    const t = read(around(unit('2a', '', { service: 'Perizinan' })));
    expect(t.units.map((u) => u.no)).toEqual([1, '2a', 3]);
  });

  test('a one-word note alone in the NO column above the first unit is passed over', () => {
    const { grid } = recap([BLANK_ROW, unit(1, 'DINAS A', tahunan(BASE))], { merges: false });
    grid.values[2][0] = 'Sementara';
    const t = read(grid);
    expect(t.unplacedRows).toEqual([3]);
    expect(t.units.map((u) => u.no)).toEqual([1]);
  });

  test('a note beside the table, right of its last column, above the first unit is nothing passed over', () => {
    const built = recap([BLANK_ROW, unit(1, 'DINAS A', tahunan(BASE))]);
    put(built, 3, BANJAR_COLUMNS.length + 2, '*) data sementara');
    const t = read(built.grid);
    expect(t.unplacedRows).toEqual([]);
    expect(t.units.map((u) => u.no)).toEqual([1]);
  });

  test('a blank line between the header and the first unit is nothing passed over', () => {
    const t = read(recap([BLANK_ROW, unit(1, 'DINAS A', tahunan(BASE))]).grid);
    expect(t.unplacedRows).toEqual([]);
    expect(t.records.map((r) => r.firstRow)).toEqual([4]);
  });
});

describe('recaps with fewer columns', () => {
  const noNumber = BANJAR_COLUMNS.filter((c) => c !== 'no');

  test('without a NO column each named unit is its own, and a total line under them ends the table', () => {
    const t = read(
      recap([unit('', 'DINAS A', tahunan(BASE)), unit('', 'DINAS B', tahunan(OTHER))], {
        columns: noNumber,
        after: [['Jumlah']],
      }).grid,
    );
    expect(t.units.map((u) => [u.name, u.records.length])).toEqual([
      ['DINAS A', 1],
      ['DINAS B', 1],
    ]);
    expect(t.end).toEqual({ row: 7, kind: 'footer', text: 'Jumlah' });
  });

  test('without a period column each record is its year (Tahunan), said as implied', () => {
    const t = read(
      recap([unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))], {
        columns: BANJAR_COLUMNS.filter((c) => c !== 'period'),
      }).grid,
    );
    expect(t.records.map((r) => [r.period?.label, r.impliedAnnual])).toEqual([
      ['Tahunan', true],
      ['Tahunan', true],
    ]);
  });

  test("without a period column a unit's later line naming a service is a service sub-record, not a second Tahunan", () => {
    const built = recap(
      [
        unit(
          1,
          'RSUD',
          { ...BASE, service: 'Rawat Jalan' },
          {
            ...OTHER,
            service: 'Rawat Inap',
          },
        ),
        unit(2, 'DINAS B', tahunan(OTHER)),
      ],
      { columns: BANJAR_COLUMNS.filter((c) => c !== 'period') },
    );
    const t = read(built);
    expect(
      t.records.map((r) => [r.unit.no, r.period?.label ?? null, r.service, r.impliedAnnual]),
    ).toEqual([
      [1, 'Tahunan', null, true],
      [1, null, 'Rawat Inap', false],
      [2, 'Tahunan', null, true],
    ]);
    // The district line takes the unit's own (first) record; the service line stays out of it.
    expect(analyse(built).district.included.map((u) => u.values)).toEqual([BASE.conv, OTHER.conv]);
  });

  test('a period typed in words the reader does not know ("Bulan Juni") is no Tahunan', () => {
    const t = read(recap([unit(1, 'DINAS A', { ...BASE, period: 'Bulan Juni' })]).grid);
    expect(t.records[0].period).toBeNull();
    expect(t.records[0].impliedAnnual).toBe(false);
  });

  test('a remark in a last column of its own, on a line under the last unit, belongs to its record', () => {
    const built = recap([unit(1, 'DINAS A', tahunan(BASE))], {
      columns: [...BANJAR_COLUMNS, { extra: 'Keterangan' }],
      merges: false,
    });
    put(built, 5, BANJAR_COLUMNS.length + 1, 'menunggu hasil triwulan IV');
    const t = read(built.grid);
    expect([t.records[0].lastRow, t.lastRow]).toEqual([5, 5]);
  });

  test('an IKM typed as text with three decimals ("84.060") is 84,06, not a count of 84 060', () => {
    const t = read(recap([unit(1, 'DINAS A', tahunan({ ...BASE, ikm: '84.060' }))]).grid);
    expect(t.records[0].ikm?.parsed).toMatchObject({ kind: 'number', value: 84.06 });
  });
});
