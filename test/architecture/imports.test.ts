/**
 * The module graph of src stays a layered graph: no import cycles (type-only imports included,
 * since a cycle of types is still two concepts that cannot be read apart), no file over 800 lines,
 * and the engine never imports a shell (Office.js adapter, exceljs, CLI, React).
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports and re-exports of a file, resolved to files of src. */
function importsOf(file: string, known: Set<string>): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const st of sf.statements) {
    const spec =
      (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) &&
      st.moduleSpecifier &&
      ts.isStringLiteral(st.moduleSpecifier)
        ? st.moduleSpecifier.text
        : undefined;
    if (!spec || !spec.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec);
    const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) =>
      known.has(c),
    );
    if (hit) out.push(hit);
  }
  return out;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const files = sourceFiles(SRC);
const known = new Set(files);
const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
const rel = (f: string) => path.relative(SRC, f);

describe('the modules of src', () => {
  it('import one another without cycles', () => {
    expect(cycles(graph).map((c) => c.map(rel).sort())).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g).map((c) => c.sort())).toEqual([['a', 'b', 'c']]);
  });

  it('are each short enough to hold in one head (at most 800 lines)', () => {
    const long = files
      .map(
        (f) => [rel(f), fs.readFileSync(f, 'utf8').replace(/\n$/, '').split('\n').length] as const,
      )
      .filter(([, n]) => n > 800);
    expect(long).toEqual([]);
  });

  it('keep the engine free of shells: it imports nothing outside src/engine but pure libraries', () => {
    const outward = files
      .filter((f) => rel(f).startsWith(`engine${path.sep}`))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((t) => !rel(t).startsWith(`engine${path.sep}`))
          .map((t) => `${rel(f)} -> ${rel(t)}`),
      );
    expect(outward).toEqual([]);
    for (const f of files.filter((x) => rel(x).startsWith(`engine${path.sep}`))) {
      const text = fs.readFileSync(f, 'utf8');
      expect([rel(f), /from '(exceljs|react|fs|path)'/.test(text)]).toEqual([rel(f), false]);
    }
  });
});
