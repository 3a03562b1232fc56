// The static pass of mutation testing (issue 16) mutates only the code a module runs while it
// loads: its tables and word lists, not its functions.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticRanges } = require('../../scripts/static-ranges.js') as {
  staticRanges: (file: string, text: string) => [number, number][];
};

describe('module-level code for the static pass', () => {
  it('names the lines of top-level tables and sets, and none of functions or their bodies', () => {
    const text = [
      "import { x } from './x';", // 1
      'const MONTHS = {', // 2
      '  jan: 1,', // 3
      '};', // 4
      'export const NAMES = new Set(["a", "b"]);', // 5
      'const double = (n: number) => n * 2;', // 6
      'const half = function (n: number) { return n / 2; };', // 7
      'export function f() {', // 8
      "  const inner = ['no'];", // 9
      '  return inner;', // 10
      '}', // 11
      'let later: string;', // 12
      "export const LIMIT = 10, LABEL = 'x';", // 13
    ].join('\n');
    expect(staticRanges('x.ts', text)).toEqual([
      [2, 4],
      [5, 5],
      [13, 13],
      [13, 13],
    ]);
  });
});
