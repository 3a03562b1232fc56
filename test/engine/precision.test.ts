// The precision each unsur value of a record carries (docs/skm-rules.md §5): what the checks'
// tolerances are made of.
import type { Line } from '../../src/engine/model';
import { parseNumber } from '../../src/engine/numbers';
import { effectiveValues, lineDecimals } from '../../src/engine/precision';

const line = (row: number, cells: (string | number)[], scale: Line['scale']): Line => ({
  row,
  values: cells.map((c) => parseNumber(c)),
  scale,
});

describe("a record's values on 25-100 and the half-unit each carries", () => {
  it('gives a converted value equal to 25 x its NRR the NRR precision, any other its own', () => {
    // NRR typed with 2 decimals (half-unit 0.005, x25 = 0.125); converted values with 1 (0.05).
    const nrr = line(
      5,
      ['3,20', '3,40', '3,00', '3,12', '3,50', '3,60', '3,70', '3,80', '3,90'],
      'nrr',
    );
    const conv = line(
      6,
      ['80,0', '85,0', '75,1', '78,0', '87,5', '90,0', '92,5', '95,0', '97,4'],
      'conv',
    );
    const eff = effectiveValues({ nrr, conv })!;
    expect(eff.source).toBe('conv');
    expect(eff.values).toEqual([80, 85, 75.1, 78, 87.5, 90, 92.5, 95, 97.4]);
    expect(eff.half).toEqual([0.125, 0.125, 0.05, 0.125, 0.125, 0.125, 0.125, 0.125, 0.05]);
  });

  it('gives every value one precision where all or none equal 25 x the NRR', () => {
    const nrr = line(5, ['3,2', '3,4', '3,0', '3,1', '3,5', '3,6', '3,7', '3,8', '3,9'], 'nrr');
    const same = line(6, [80, 85, 75, 77.5, 87.5, 90, 92.5, 95, 97.5], 'conv');
    expect(effectiveValues({ nrr, conv: same })!.half).toEqual(new Array(9).fill(1.25));
    const other = line(
      6,
      ['81,00', '86,00', '76,00', '78,00', '88,00', '91,00', '93,00', '96,00', '98,00'],
      'conv',
    );
    expect(effectiveValues({ nrr, conv: other })!.half).toEqual(new Array(9).fill(0.005));
    // Without a usable converted line: the NRR x 25, each with 25 x the NRR's half-unit.
    const eff = effectiveValues({ nrr, conv: null })!;
    expect(eff.source).toBe('nrr');
    expect(eff.values.map((v) => Math.round(v * 1000) / 1000)).toEqual([
      80, 85, 75, 77.5, 87.5, 90, 92.5, 95, 97.5,
    ]);
    expect(eff.half).toEqual(new Array(9).fill(1.25));
  });

  it("never lets one record's half-units change another's", () => {
    const nrr = line(5, ['3,2', '3,4', '3,0', '3,1', '3,5', '3,6', '3,7', '3,8', '3,9'], 'nrr');
    const a = effectiveValues({ nrr, conv: null })!;
    const b = effectiveValues({
      nrr: line(
        7,
        nrr.values.map(() => '3,3'),
        'nrr',
      ),
      conv: null,
    })!;
    expect(() => (a.half as number[]).fill(0)).toThrow(TypeError);
    expect(b.half).toEqual(new Array(9).fill(1.25));
  });
});

describe('which line a record is judged on', () => {
  const nrrCells = ['3,2', '3,4', '3,0', '3,1', '3,5', '3,6', '3,7', '3,8', '3,9'];

  it('never takes a second NRR line typed where the converted one belongs for converted values', () => {
    // Both lines on the NRR scale: the reader makes the second the "converted" line by position.
    const nrr = line(5, nrrCells, 'nrr');
    const second = line(6, nrrCells, 'nrr');
    const eff = effectiveValues({ nrr, conv: second })!;
    expect(eff.source).toBe('nrr');
    expect(eff.line).toBe(nrr);
    expect(eff.values.map((v) => Math.round(v * 1000) / 1000)).toEqual([
      80, 85, 75, 77.5, 87.5, 90, 92.5, 95, 97.5,
    ]);
  });

  it('never takes a converted line typed where the NRR one belongs as NRR', () => {
    const conv = line(5, [80, 85, 75, 77.5, 87.5, 90, 92.5, 95, 97.5], 'conv');
    const incomplete = line(
      6,
      ['80', '', '75', '77,5', '87,5', '90', '92,5', '95', '97,5'],
      'conv',
    );
    // The converted line is incomplete and the complete one is on the wrong scale for an NRR line.
    expect(effectiveValues({ nrr: conv, conv: incomplete })).toBeNull();
  });

  it('has no values for a record without a complete line', () => {
    const gap = line(5, ['3,2', '', '3,0', '3,1', '3,5', '3,6', '3,7', '3,8', '3,9'], 'nrr');
    expect(effectiveValues({ nrr: gap, conv: null })).toBeNull();
    expect(effectiveValues({ nrr: null, conv: null })).toBeNull();
  });
});

describe("a line's decimals", () => {
  it('come from its numbers only: a text or a blank cell beside them never changes them', () => {
    const cells = (xs: string[]) => xs.map((x) => parseNumber(x));
    expect(lineDecimals(cells(['3,379', 'tiga', '3,4']))).toBe(3);
    expect(lineDecimals(cells(['3,4', '3,379', '-']))).toBe(3);
    expect(lineDecimals(cells(['', '3,40']))).toBe(2);
    expect(lineDecimals(cells(['tiga', '']))).toBe(0);
  });
});
