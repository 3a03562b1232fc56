/**
 * The simulation's modules import one another without cycles, type imports
 * included (issue 14): each object family sits above the request machinery,
 * and families that create one another do it through late-bound constructors.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

const SIM = path.join(__dirname, '../../src/sim');

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return modules(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function importsOf(file: string, root: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) =>
      fs.existsSync(f),
    );
    if (hit && hit.startsWith(root)) out.push(hit);
  }
  return out;
}

function findCycle(root: string): string[] | null {
  const files = modules(root);
  const graph = new Map(files.map((f) => [f, importsOf(f, root)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const c = visit(g);
      if (c) return c;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const c = visit(f);
    if (c) return c;
  }
  return null;
}

test('src/sim has no import cycle', () => {
  const cycle = findCycle(SIM);
  expect(cycle?.map((f) => path.relative(SIM, f)) ?? null).toBeNull();
});

test('the cycle finder finds one made of a type import', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-'));
  try {
    fs.writeFileSync(path.join(tmp, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    fs.writeFileSync(
      path.join(tmp, 'b.ts'),
      "import type { a } from './a';\nexport type B = typeof a;\n",
    );
    fs.writeFileSync(path.join(tmp, 'c.ts'), "import { a } from './a';\nexport const c = a;\n");
    expect(findCycle(tmp)?.map((f) => path.basename(f))).toEqual(['a.ts', 'b.ts', 'a.ts']);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
