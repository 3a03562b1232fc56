/**
 * Excel's own worksheet functions in the simulated host, as far as the
 * add-in writes them (the processing sheet of "Olah Data Responden"): SUM,
 * COUNT, IF, ROUND, + - * / & and
 * comparisons over numbers, text, cell references and ranges (on this sheet
 * or another). Only formulas the simulator could not give a value when they
 * were written ("#NAME?") are taken on, and from then on recalculated after
 * every change, so that a corrected answer moves its sums as in Excel; the
 * cached results of a loaded file are left as the file has them.
 */
import { parseAddress } from './a1';
import {
  cellKey,
  parseCellKey,
  type CellModel,
  type CellScalar,
  type WorkbookModel,
} from './model';

const FUNCTIONS = new Set(['SUM', 'COUNT', 'IF', 'ROUND']);
const ERROR = /^#(DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!)$/;

type Value = CellScalar | CellScalar[];

class FormulaError extends Error {}

const TOKEN =
  /\s*("(?:[^"]|"")*"|'(?:[^']|'')+'![$A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|[A-Za-z_][A-Za-z0-9_.]*![$A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|[A-Za-z_][A-Za-z0-9_.]*\(|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|TRUE|FALSE|>=|<=|<>|[-+*/(),=<>&^%])/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new FormulaError('#NAME?');
    out.push(m[1]);
    at = TOKEN.lastIndex;
  }
  return out;
}

/** True when every function a formula calls is one this module calculates. */
export function isStandardFormula(formula: string): boolean {
  if (!formula.startsWith('=')) return false;
  let tokens: string[];
  try {
    tokens = tokenize(formula.slice(1));
  } catch {
    return false;
  }
  return tokens.every(
    (t) => !t.endsWith('(') || t === '(' || FUNCTIONS.has(t.slice(0, -1).toUpperCase()),
  );
}

/** Calculates the standard formulas of the workbook that it has taken on; `owned` remembers them across calls. */
export function recalculateStandard(model: WorkbookModel, owned: Set<string>): void {
  const done = new Map<string, CellScalar>();
  const visiting = new Set<string>();
  const id = (sheet: string, key: string) => `${sheet}\u0000${key}`;
  const targets: { sheet: string; key: string; cell: CellModel }[] = [];
  for (const sheet of model.sheets)
    for (const [key, cell] of Object.entries(sheet.cells)) {
      const f = cell.formula;
      if (f === undefined || !isStandardFormula(f)) continue;
      const k = id(sheet.name, `${key}\u0000${f}`);
      if (cell.value === '#NAME?' || owned.has(k)) {
        owned.add(k);
        targets.push({ sheet: sheet.name, key, cell });
      }
    }
  if (targets.length === 0) return;
  const mine = new Set(targets.map((t) => id(t.sheet, t.key)));

  const valueAt = (sheetName: string, row: number, col: number): CellScalar => {
    const key = cellKey(row, col);
    const k = id(sheetName, key);
    if (done.has(k)) return done.get(k)!;
    const sheet = model.sheets.find((s) => s.name === sheetName);
    const cell = sheet?.cells[key];
    if (!cell) return '';
    if (!mine.has(k) || cell.formula === undefined) return cell.value;
    if (visiting.has(k)) return 0; // Excel warns of a circular reference and shows 0.
    visiting.add(k);
    const v = evaluate(sheetName, cell.formula);
    visiting.delete(k);
    done.set(k, v);
    return v;
  };

  function evaluate(sheetName: string, formula: string): CellScalar {
    try {
      const v = new Parser(tokenize(formula.slice(1)), sheetName, valueAt, model).formula();
      const s = Array.isArray(v) ? (v[0] ?? 0) : v;
      return typeof s === 'number' && !Number.isFinite(s) ? '#NUM!' : s;
    } catch (err) {
      return err instanceof FormulaError ? err.message : '#VALUE!';
    }
  }

  for (const t of targets) {
    const { row, col } = parseCellKey(t.key);
    t.cell.value = valueAt(t.sheet, row, col);
  }
}

type ValueAt = (sheet: string, row: number, col: number) => CellScalar;

const isError = (v: CellScalar) => typeof v === 'string' && ERROR.test(v);

function num(v: CellScalar): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  if (isError(v)) throw new FormulaError(v);
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!');
  return n;
}

function text(v: CellScalar): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isError(v as string)) throw new FormulaError(v as string);
  return String(v);
}

function truthy(v: CellScalar): boolean {
  if (typeof v === 'boolean') return v;
  return num(v) !== 0;
}

/** Excel's ROUND: half away from zero, on the decimal the number is written with. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * r) / f;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: string[],
    private readonly sheet: string,
    private readonly valueAt: ValueAt,
    private readonly model: WorkbookModel,
  ) {}

  formula(): Value {
    const v = this.comparison();
    if (this.i < this.tokens.length) throw new FormulaError('#NAME?');
    return v;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private next(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new FormulaError('#NAME?');
    return t;
  }

  private scalar(v: Value): CellScalar {
    if (!Array.isArray(v)) return v;
    if (v.length === 1) return v[0];
    throw new FormulaError('#VALUE!');
  }

  private comparison(): Value {
    const a = this.concat();
    const op = this.peek();
    if (!op || !['=', '<>', '<', '>', '<=', '>='].includes(op)) return a;
    this.next();
    const b = this.concat();
    const x = this.scalar(a);
    const y = this.scalar(b);
    if (isError(x as string)) throw new FormulaError(x as string);
    if (isError(y as string)) throw new FormulaError(y as string);
    // Excel: numbers < text < booleans; text compared without case; a blank is 0 or "".
    const rank = (v: CellScalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    const bx = x === '' && typeof y === 'number' ? 0 : x;
    const by = y === '' && typeof x === 'number' ? 0 : y;
    let cmp = rank(bx) - rank(by);
    if (cmp === 0)
      cmp =
        typeof bx === 'number' && typeof by === 'number'
          ? bx - by
          : String(bx).toLowerCase().localeCompare(String(by).toLowerCase());
    return {
      '=': cmp === 0,
      '<>': cmp !== 0,
      '<': cmp < 0,
      '>': cmp > 0,
      '<=': cmp <= 0,
      '>=': cmp >= 0,
    }[op]!;
  }

  private concat(): Value {
    let v = this.additive();
    while (this.peek() === '&') {
      this.next();
      v = text(this.scalar(v)) + text(this.scalar(this.additive()));
    }
    return v;
  }

  private additive(): Value {
    let v = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.next();
      const a = num(this.scalar(v));
      const b = num(this.scalar(this.term()));
      v = op === '+' ? a + b : a - b;
    }
    return v;
  }

  private term(): Value {
    let v = this.power();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.next();
      const a = num(this.scalar(v));
      const b = num(this.scalar(this.power()));
      if (op === '/' && b === 0) throw new FormulaError('#DIV/0!');
      v = op === '*' ? a * b : a / b;
    }
    return v;
  }

  private power(): Value {
    let v = this.unary();
    while (this.peek() === '^') {
      this.next();
      v = num(this.scalar(v)) ** num(this.scalar(this.unary()));
    }
    return v;
  }

  private unary(): Value {
    if (this.peek() === '-') {
      this.next();
      return -num(this.scalar(this.unary()));
    }
    if (this.peek() === '+') {
      this.next();
      return this.unary();
    }
    const v = this.factor();
    if (this.peek() === '%') {
      this.next();
      return num(this.scalar(v)) / 100;
    }
    return v;
  }

  private factor(): Value {
    const t = this.next();
    if (t === '(') {
      const v = this.comparison();
      if (this.next() !== ')') throw new FormulaError('#NAME?');
      return v;
    }
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(t)) return Number(t);
    if (t === 'TRUE' || t === 'FALSE') return t === 'TRUE';
    if (t.endsWith('(')) return this.call(t.slice(0, -1).toUpperCase());
    return this.reference(t);
  }

  private reference(t: string): CellScalar[] {
    const p = parseAddress(t.replace(/\$/g, ''));
    if (!p) throw new FormulaError('#NAME?');
    const sheet = p.sheet ?? this.sheet;
    if (!this.model.sheets.some((s) => s.name === sheet)) throw new FormulaError('#REF!');
    const out: CellScalar[] = [];
    for (let r = p.area.top; r <= p.area.bottom; r++)
      for (let c = p.area.left; c <= p.area.right; c++) out.push(this.valueAt(sheet, r, c));
    return out;
  }

  private args(): Value[] {
    const out: Value[] = [];
    if (this.peek() === ')') {
      this.next();
      return out;
    }
    for (;;) {
      out.push(this.comparison());
      const t = this.next();
      if (t === ')') return out;
      if (t !== ',') throw new FormulaError('#NAME?');
    }
  }

  private call(fn: string): Value {
    if (fn === 'IF') return this.callIf();
    const a = this.args();
    // Ranges give their numbers only; numbers typed as arguments count as numbers.
    const numbers = () =>
      a.flatMap((v) =>
        Array.isArray(v)
          ? v.filter((x) => {
              if (isError(x as string)) throw new FormulaError(x as string);
              return typeof x === 'number';
            })
          : [num(v)],
      ) as number[];
    switch (fn) {
      case 'SUM':
        return numbers().reduce((s, x) => s + x, 0);
      case 'COUNT':
        return a.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((x) => typeof x === 'number')
          .length;
      case 'ROUND':
        return round(num(this.scalar(a[0] ?? 0)), num(this.scalar(a[1] ?? 0)));
      default:
        throw new FormulaError('#NAME?');
    }
  }

  /** IF calculates only the branch it takes, as Excel does (the other may divide by zero). */
  private callIf(): Value {
    const cond = truthy(this.scalar(this.comparison()));
    let result: Value = false;
    let branch = 0;
    for (;;) {
      const t = this.next();
      if (t === ')') return branch === 0 ? cond : result;
      if (t !== ',') throw new FormulaError('#NAME?');
      branch++;
      const start = this.i;
      if ((branch === 1 && cond) || (branch === 2 && !cond)) result = this.comparison();
      else this.skip();
      if (this.i === start) result = branch === 1 && cond ? 0 : result;
      if (branch === 1 && !cond) result = false;
    }
  }

  /** Passes over one argument without calculating it. */
  private skip(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (depth === 0 && (t === ',' || t === ')')) return;
      if (t === '(' || t.endsWith('(')) depth++;
      if (t === ')') depth--;
      this.i++;
    }
  }
}
