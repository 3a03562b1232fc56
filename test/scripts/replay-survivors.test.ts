// Survivors put back by hand on the current source (scripts/replay-survivors.js, issue 16): the
// mutant lands where its line stands now, or is reported lost, never spliced into another line.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mutantAt } = require('../../scripts/replay-survivors.js') as {
  mutantAt: (
    current: string,
    reportSource: string,
    mutant: {
      replacement: string;
      location: { start: { line: number; column: number }; end: { line: number; column: number } };
    },
  ) => string | null;
};

const at = (line: number, from: number, to: number, replacement: string, endLine = line) => ({
  replacement,
  location: { start: { line, column: from }, end: { line: endLine, column: to } },
});

const source = ['const a = 1;', 'if (a < b) return x;', 'return y + 1;'].join('\n');

describe('a survivor put back on the current source', () => {
  it('replaces exactly the range the report names, on the same source', () => {
    // "a < b" is columns 5 to 9 of line 2 (1-based, end exclusive).
    expect(mutantAt(source, source, at(2, 5, 10, 'a <= b'))).toBe(
      ['const a = 1;', 'if (a <= b) return x;', 'return y + 1;'].join('\n'),
    );
    expect(mutantAt(source, source, at(1, 1, 11, '', 2))).toBe(
      [' return x;', 'return y + 1;'].join('\n'),
    );
  });

  it('follows its line where lines were added above it', () => {
    const now = ['// a comment', '', source].join('\n');
    expect(mutantAt(now, source, at(3, 8, 13, 'y - 1'))).toBe(
      ['// a comment', '', 'const a = 1;', 'if (a < b) return x;', 'return y - 1;'].join('\n'),
    );
  });

  it('is lost where its line changed, stands twice, or it spans lines of a changed file', () => {
    const changed = source.replace('a < b', 'a < c');
    expect(mutantAt(changed, source, at(2, 5, 10, 'a <= b'))).toBeNull();
    const twice = [source, 'if (a < b) return x;'].join('\n');
    expect(mutantAt(twice, source, at(2, 5, 10, 'a <= b'))).toBeNull();
    expect(mutantAt(`// new\n${source}`, source, at(1, 1, 13, '', 2))).toBeNull();
  });
});
