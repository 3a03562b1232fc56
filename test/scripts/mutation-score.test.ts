// The mutation scores of docs/testing.md (issue 16): equivalent mutants are left out of the second
// score only when their line, mutator and replacement are all the ones listed, and a listed one no
// report holds as a survivor is named.
import fs from 'fs';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { score } = require('../../scripts/mutation-score.js') as {
  score: (
    reports: string[],
    equivalents: Record<string, { code: string; mutator: string; replacement: string }[]>,
    staticReports?: string[],
  ) => { out: string[]; stale: string[] };
};

const source = ['if (a < b) return x;', 'return y + EPSILON;'].join('\n');
const mutant = (
  line: number,
  mutatorName: string,
  replacement: string,
  status: string,
  column = 1,
) => ({
  id: `${line}:${column}-${mutatorName}-${replacement}`,
  mutatorName,
  replacement,
  status,
  location: { start: { line, column }, end: { line, column: column + 9 } },
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function report(
  mutants: ReturnType<typeof mutant>[],
  text = source,
  name = 'engine-x.json',
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutation-score-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ files: { 'src/x.ts': { source: text, mutants } } }));
  return file;
}

const tableRow = (out: string[]) => out.find((l) => l.startsWith('| `src/x.ts`'))!;

describe('mutation scores with equivalent mutants listed', () => {
  const listed = {
    'src/x.ts': [
      { code: 'if (a < b) return x;', mutator: 'EqualityOperator', replacement: 'a <= b' },
      { code: 'return y + EPSILON;', mutator: 'ArithmeticOperator', replacement: 'y - EPSILON' },
    ],
  };

  it('leaves out of the second score only the survivor whose replacement is the one listed', () => {
    const file = report([
      mutant(1, 'EqualityOperator', 'a <= b', 'Survived'),
      // Same line and mutator, another replacement: a real gap, still counted.
      mutant(1, 'EqualityOperator', 'a >= b', 'Survived'),
      mutant(1, 'ConditionalExpression', 'true', 'Killed'),
      mutant(2, 'ArithmeticOperator', 'y - EPSILON', 'Timeout'),
    ]);
    const { out } = score([file], listed);
    // Killed 1, timed out 1, survived 2 (1 equivalent): 2 of 4, then 2 of 3.
    expect(tableRow(out)).toBe('| `src/x.ts` | 1 | 1 | 2 | 1 | 0 | 0 | 50.0 % | 66.7 % |');
  });

  it('names a listed mutant that no report holds as a survivor (a test kills it now)', () => {
    const file = report([
      mutant(1, 'EqualityOperator', 'a <= b', 'Survived'),
      mutant(2, 'ArithmeticOperator', 'y - EPSILON', 'Killed'),
    ]);
    const { stale } = score([file], listed);
    expect(stale).toEqual(['src/x.ts: ArithmeticOperator return y + EPSILON;']);
  });

  it('tells apart two mutants of one line with the same replacement by their column', () => {
    const file = report([
      // `a < b` -> true is equivalent here; the whole condition -> true is not.
      mutant(1, 'ConditionalExpression', 'true', 'Survived', 5),
      mutant(1, 'ConditionalExpression', 'true', 'Survived', 1),
    ]);
    const byColumn = {
      'src/x.ts': [
        {
          code: 'if (a < b) return x;',
          mutator: 'ConditionalExpression',
          replacement: 'true',
          column: 5,
        },
      ],
    };
    expect(tableRow(score([file], byColumn).out)).toBe(
      '| `src/x.ts` | 0 | 0 | 2 | 1 | 0 | 0 | 0.0 % | 0.0 % |',
    );
  });

  it('never counts a mutant no test reaches as equivalent', () => {
    const file = report([mutant(1, 'EqualityOperator', 'a <= b', 'NoCoverage')]);
    expect(tableRow(score([file], listed).out)).toBe(
      '| `src/x.ts` | 0 | 0 | 0 | 0 | 1 | 0 | 0.0 % | 0.0 % |',
    );
  });
});

describe('the static pass', () => {
  it("gives a module-level mutant the status of its run with every test, found by its line's text", () => {
    const file = report([
      mutant(1, 'EqualityOperator', 'a <= b', 'Survived'),
      mutant(2, 'ArithmeticOperator', 'y - EPSILON', 'Survived'),
      mutant(2, 'ArithmeticOperator', 'y * EPSILON', 'Ignored'),
    ]);
    // The static pass ran on a version with a line added above: the same mutants, one line lower.
    const again = report(
      [
        mutant(3, 'ArithmeticOperator', 'y - EPSILON', 'Killed'),
        mutant(3, 'ArithmeticOperator', 'y * EPSILON', 'Survived'),
        // Another replacement on the line: no counterpart, changes nothing.
        mutant(3, 'ArithmeticOperator', 'y / EPSILON', 'Killed'),
      ],
      '// added\n' + source,
    );
    const { out } = score([file], {}, [again]);
    // 1 killed, 2 survived (the ignored one now counted): 1 of 3.
    expect(tableRow(out)).toBe('| `src/x.ts` | 1 | 0 | 2 | 0 | 0 | 0 | 33.3 % | 33.3 % |');
    expect(out).toContain('\n2 module-level mutants scored from the static pass.');
  });

  it('leaves a mutant whose line changed since the static pass as its slice scored it', () => {
    const file = report([mutant(2, 'ArithmeticOperator', 'y - EPSILON', 'Survived')]);
    const again = report(
      [mutant(2, 'ArithmeticOperator', 'y - EPSILON', 'Killed')],
      'if (a < b) return x;\nreturn y + 2 * EPSILON;',
    );
    expect(tableRow(score([file], {}, [again]).out)).toBe(
      '| `src/x.ts` | 0 | 0 | 1 | 0 | 0 | 0 | 0.0 % | 0.0 % |',
    );
  });
});

describe('the score of a whole scope', () => {
  it('adds up every slice of a scope, each scope apart', () => {
    const a = report([mutant(1, 'EqualityOperator', 'a <= b', 'Killed')], source, 'engine-a.json');
    const b = report(
      [
        mutant(1, 'EqualityOperator', 'a <= b', 'Survived'),
        mutant(2, 'ArithmeticOperator', 'y - EPSILON', 'Timeout'),
        mutant(2, 'ArithmeticOperator', 'y * EPSILON', 'NoCoverage'),
      ],
      source,
      'engine-b.json',
    );
    const c = report([mutant(1, 'EqualityOperator', 'a <= b', 'Survived')], source, 'copy.json');
    const { out } = score([a, b, c], {});
    // engine: 1 killed, 1 timed out, 1 survived, 1 not covered: 2 of 4.
    expect(out).toContain('| **engine** | 1 | 1 | 1 | 0 | 1 | 0 | 50.0 % | 50.0 % |');
    expect(out).toContain('| **copy** | 0 | 0 | 1 | 0 | 0 | 0 | 0.0 % | 0.0 % |');
  });
});
