/**
 * A small spreadsheet calculator for the formulas of the processing sheet
 * (SUM, COUNT, IF, ROUND, + - * /, comparisons), so a test can calculate the
 * sheet as Excel would and compare with the engine. Independent of the engine.
 */
export type Value = number | string;

/** Cells by A1 address: a value, or a formula starting with "=". */
export type Cells = Map<string, Value>;

const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const letters = (n: number): string =>
  (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

export function calculate(cells: Cells): Map<string, Value> {
  const done = new Map<string, Value>();
  const value = (address: string): Value => {
    if (done.has(address)) return done.get(address)!;
    const raw = cells.get(address);
    const v =
      raw === undefined
        ? ''
        : typeof raw === 'string' && raw.startsWith('=')
          ? evaluate(raw.slice(1))
          : raw;
    done.set(address, v);
    return v;
  };

  function evaluate(text: string): Value {
    const tokens = text.match(
      /"[^"]*"|[A-Z]+\d+:[A-Z]+\d+|[A-Z]+\(|[A-Z]+\d+|\d+(?:\.\d+)?|>=|<=|<>|[-+*/(),=<>]/g,
    )!;
    let i = 0;
    const peek = () => tokens[i];
    const next = () => tokens[i++];
    const num = (v: Value) => (v === '' ? 0 : typeof v === 'number' ? v : NaN);
    const range = (r: string): Value[] => {
      const [a, b] = r.split(':').map((x) => /([A-Z]+)(\d+)/.exec(x)!);
      const out: Value[] = [];
      for (let c = col(a[1]); c <= col(b[1]); c++)
        for (let row = Number(a[2]); row <= Number(b[2]); row++)
          out.push(value(`${letters(c)}${row}`));
      return out;
    };
    const args = (): (Value | Value[])[] => {
      const out: (Value | Value[])[] = [];
      while (peek() !== ')') {
        out.push(/:/.test(peek()) ? range(next()) : comparison());
        if (peek() === ',') next();
      }
      next();
      return out;
    };
    const factor = (): Value => {
      const t = next();
      if (t === '(') {
        const v = comparison();
        next();
        return v;
      }
      if (t === '-') return -num(factor());
      if (t.startsWith('"')) return t.slice(1, -1);
      if (/^\d/.test(t)) return Number(t);
      if (/^[A-Z]+\d+$/.test(t)) return value(t);
      const fn = t.slice(0, -1);
      const a = args();
      const flat = a.flat();
      if (fn === 'SUM')
        return flat.filter((v) => typeof v === 'number').reduce((s, v) => s + (v as number), 0);
      if (fn === 'COUNT') return flat.filter((v) => typeof v === 'number').length;
      if (fn === 'IF') return truthy(a[0] as Value) ? (a[1] as Value) : (a[2] as Value);
      if (fn === 'ROUND') {
        const f = 10 ** num(a[1] as Value);
        const x = num(a[0] as Value);
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
      }
      throw new Error(`function ${fn} not known to the test calculator`);
    };
    const term = (): Value => {
      let v = factor();
      while (peek() === '*' || peek() === '/')
        v = next() === '*' ? num(v) * num(factor()) : num(v) / num(factor());
      return v;
    };
    const additive = (): Value => {
      let v = term();
      while (peek() === '+' || peek() === '-')
        v = next() === '+' ? num(v) + num(term()) : num(v) - num(term());
      return v;
    };
    const comparison = (): Value => {
      const a = additive();
      const op = peek();
      if (!['=', '<>', '<', '>', '<=', '>='].includes(op)) return a;
      next();
      const b = additive();
      const cmp =
        typeof a === 'string' || typeof b === 'string' ? String(a).localeCompare(String(b)) : a - b;
      const r = {
        '=': cmp === 0,
        '<>': cmp !== 0,
        '<': cmp < 0,
        '>': cmp > 0,
        '<=': cmp <= 0,
        '>=': cmp >= 0,
      }[op]!;
      return r ? 1 : 0;
    };
    return comparison();
  }

  const truthy = (v: Value) => (typeof v === 'number' ? v !== 0 : v !== '');
  for (const address of cells.keys()) value(address);
  return done;
}
