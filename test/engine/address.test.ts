/**
 * A1 addresses and areas as Excel gives them (used ranges, merged areas, whole rows and columns),
 * and the area a grid covers: where notes and lines are written depends on these.
 */
import { a1, areaAddress, MAX_COL, MAX_ROW, parseA1, parseArea } from '../../src/engine/address';
import { bounding, cellAt, gridArea } from '../../src/engine/grid';

describe('parseArea', () => {
  it('reads a plain area, with or without a sheet name', () => {
    expect(parseArea('B3:T40')).toEqual({ top: 3, left: 2, bottom: 40, right: 20 });
    expect(parseArea('Rekap SKM OPP 2025!B3:T40')).toEqual({
      top: 3,
      left: 2,
      bottom: 40,
      right: 20,
    });
    // A quoted sheet name holding "!" itself: the address is what follows the last "!".
    expect(parseArea("'Rekap!2025'!A1:C2")).toEqual({ top: 1, left: 1, bottom: 2, right: 3 });
  });

  it('reads lowercase letters and $ signs as Excel writes them in formulas', () => {
    expect(parseArea('$b$3:$t$40')).toEqual({ top: 3, left: 2, bottom: 40, right: 20 });
    expect(parseArea('aa10:$AB$12')).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
  });

  it('reads an area with spaces around its ends, as a hand-typed one has', () => {
    expect(parseArea(' B3 : T40 ')).toEqual({ top: 3, left: 2, bottom: 40, right: 20 });
    expect(parseArea('Rekap!A4 :A5')).toEqual({ top: 4, left: 1, bottom: 5, right: 1 });
  });

  it('reads a single cell as an area of one cell', () => {
    expect(parseArea('N3')).toEqual({ top: 3, left: 14, bottom: 3, right: 14 });
    expect(parseArea('Sheet1!$N$3')).toEqual({ top: 3, left: 14, bottom: 3, right: 14 });
  });

  it('puts a reversed area right (bottom-right corner given first)', () => {
    expect(parseArea('T40:B3')).toEqual({ top: 3, left: 2, bottom: 40, right: 20 });
    expect(parseArea('B40:T3')).toEqual({ top: 3, left: 2, bottom: 40, right: 20 });
  });

  it('reads whole rows and whole columns to the sheet edges', () => {
    expect(parseArea('Sheet1!1:335')).toEqual({ top: 1, left: 1, bottom: 335, right: MAX_COL });
    expect(parseArea('$5:$7')).toEqual({ top: 5, left: 1, bottom: 7, right: MAX_COL });
    expect(parseArea('A:T')).toEqual({ top: 1, left: 1, bottom: MAX_ROW, right: 20 });
    expect(parseArea('$C:$C')).toEqual({ top: 1, left: 3, bottom: MAX_ROW, right: 3 });
  });

  it('refuses what is no area rather than guessing one', () => {
    for (const bad of [
      '',
      '5', // a bare row number
      'B', // a bare column
      'A1:B2:C3',
      'A1:7', // a cell and a row
      '7:A1',
      'A1:C', // a cell and a column
      'C:A1',
      '1:B', // a row and a column
      'ABCD1', // four letters: beyond XFD
      'A1B2',
      'RATA-RATA',
      '#REF!',
      'Sheet1!',
      'A1:',
      ':', // two empty ends: no area, never the whole sheet
      'Sheet1!$:$',
    ])
      expect({ bad, area: parseArea(bad) }).toEqual({ bad, area: null });
  });
});

describe('parseA1 and a1', () => {
  it('reads a cell with or without $ and lowercase, and refuses garbage', () => {
    expect(parseA1('$N$3')).toEqual({ row: 3, col: 14 });
    expect(parseA1(' xfd1048576 ')).toEqual({ row: MAX_ROW, col: MAX_COL });
    expect(parseA1('N')).toBeNull();
    expect(parseA1('3')).toBeNull();
    expect(parseA1('N3:N4')).toBeNull();
  });

  it('writes columns past Z with two and three letters', () => {
    expect(a1(1, 26)).toBe('Z1');
    expect(a1(2, 27)).toBe('AA2');
    expect(a1(3, 52)).toBe('AZ3');
    expect(a1(4, 703)).toBe('AAA4');
    expect(a1(MAX_ROW, MAX_COL)).toBe('XFD1048576');
  });
});

describe('areaAddress', () => {
  it('names one cell by itself and an area by its two corners', () => {
    expect(areaAddress({ top: 3, left: 14, bottom: 3, right: 14 })).toBe('N3');
    expect(areaAddress({ top: 3, left: 14, bottom: 4, right: 14 })).toBe('N3:N4');
    expect(areaAddress({ top: 3, left: 1, bottom: 3, right: 20 })).toBe('A3:T3');
  });

  it('round-trips with parseArea', () => {
    for (const address of ['A1', 'B3:T40', 'AA10:AB12', 'XFD1048576'])
      expect(areaAddress(parseArea(address)!)).toBe(address);
  });
});

describe('gridArea', () => {
  it('is null for an empty grid', () => {
    expect(gridArea({ name: 'Kosong', values: [] })).toBeNull();
  });

  it('starts at A1 without an origin and spans the widest row', () => {
    const area = gridArea({ name: 'S', values: [['a'], ['b', 'c', 'd'], []] });
    expect(area).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });

  it('starts at the origin of a used range that does not begin at A1', () => {
    const area = gridArea({ name: 'S', origin: { row: 5, col: 3 }, values: [['a', 'b'], ['c']] });
    expect(area).toEqual({ top: 5, left: 3, bottom: 6, right: 4 });
    expect(areaAddress(area!)).toBe('C5:D6');
  });

  it('covers one column where every row is empty (never a zero-width area)', () => {
    expect(gridArea({ name: 'S', origin: { row: 2, col: 4 }, values: [[], []] })).toEqual({
      top: 2,
      left: 4,
      bottom: 3,
      right: 4,
    });
  });
});

describe('cellAt', () => {
  it('reads a cell by its sheet address, the grid starting at A1 or elsewhere', () => {
    expect(
      cellAt(
        {
          name: 'S',
          values: [
            ['a', 'b'],
            ['c', 'd'],
          ],
        },
        2,
        1,
      ),
    ).toBe('c');
    const used = {
      name: 'S',
      origin: { row: 5, col: 3 },
      values: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    };
    expect(cellAt(used, 5, 4)).toBe('b');
    expect(cellAt(used, 6, 3)).toBe('c');
    expect(cellAt(used, 4, 3)).toBeUndefined();
    expect(cellAt(used, 5, 2)).toBeUndefined();
  });
});

describe('bounding', () => {
  it('is the smallest area holding every area given, whatever their order', () => {
    const areas = [
      { top: 5, left: 4, bottom: 6, right: 4 },
      { top: 3, left: 6, bottom: 3, right: 9 },
      { top: 8, left: 2, bottom: 10, right: 3 },
    ];
    const expected = { top: 3, left: 2, bottom: 10, right: 9 };
    expect(bounding(areas)).toEqual(expected);
    expect(bounding([...areas].reverse())).toEqual(expected);
    expect(bounding([areas[1], areas[0], areas[2]])).toEqual(expected);
  });

  it('is the area itself for one area', () => {
    expect(bounding([{ top: 3, left: 14, bottom: 4, right: 14 }])).toEqual({
      top: 3,
      left: 14,
      bottom: 4,
      right: 14,
    });
  });
});
