// Whether the sheet inflates on a second thread depends on the machine's other work, never on the
// checker's own threads (the spare inflating thread boots as the process starts).
import { othersRunnable, secondCoreFree } from '../../src/xlsx/zip-parts';

describe("the machine's other work, seen from /proc/loadavg", () => {
  it("leaves this process's own runnable threads out of the count", () => {
    // The main thread and the booting spare thread runnable, nothing else on the machine.
    expect(othersRunnable('2.31 2.18 2.45 2/132 7774\n', ['R', 'S', 'S', 'R', 'S'])).toBe(0);
    // One other process busy besides them.
    expect(othersRunnable('2.31 2.18 2.45 3/132 7774\n', ['R', 'S', 'R'])).toBe(1);
  });

  it('counts sleeping, stopped and waiting threads of its own as not running', () => {
    expect(othersRunnable('0.50 0.40 0.30 4/99 1\n', ['R', 'S', 'D', 'T', 'Z'])).toBe(3);
  });

  it('never goes below zero when the two readings were taken at different moments', () => {
    expect(othersRunnable('0.00 0.00 0.00 1/80 5\n', ['R', 'R', 'R'])).toBe(0);
  });

  it('gives no count for a line it cannot read', () => {
    expect(othersRunnable('', ['R'])).toBeNull();
    expect(othersRunnable('garbled', [])).toBeNull();
  });
});

describe('whether a second core is free, from several counts a moment apart', () => {
  /** The counts given in turn, and how many were asked for and how long was waited between. */
  const counts = (...seq: (number | null | Error)[]) => {
    const asked = { n: 0, waited: [] as number[] };
    const count = () => {
      const c = seq[Math.min(asked.n++, seq.length - 1)];
      if (c instanceof Error) throw c;
      return c;
    };
    return { asked, count, wait: (ms: number) => asked.waited.push(ms) };
  };

  it('uses the second core when the first count finds nothing else running, without waiting', () => {
    const c = counts(0);
    expect(secondCoreFree(2, c.count, c.wait)).toBe(true);
    expect(c.asked.n).toBe(1);
    expect(c.asked.waited).toEqual([]);
  });

  it('is not put off by a task that runs only for a moment (a kernel thread)', () => {
    const c = counts(1, 0);
    expect(secondCoreFree(2, c.count, c.wait)).toBe(true);
    expect(c.asked.n).toBe(2);
    expect(c.asked.waited).toHaveLength(1);
    expect(c.asked.waited[0]).toBeGreaterThan(0);
  });

  it('leaves the core to a process that keeps it busy in every count', () => {
    const c = counts(1);
    expect(secondCoreFree(2, c.count, c.wait)).toBe(false);
    expect(c.asked.n).toBeGreaterThanOrEqual(3);
    expect(c.asked.waited).toHaveLength(c.asked.n - 1);
  });

  it('counts against the cores there are: four cores leave room for two others', () => {
    expect(secondCoreFree(4, counts(2).count, () => {})).toBe(true);
    expect(secondCoreFree(4, counts(3).count, () => {})).toBe(false);
  });

  it('never uses a second thread on one core, and does on a machine whose load cannot be read', () => {
    const one = counts(0);
    expect(secondCoreFree(1, one.count, one.wait)).toBe(false);
    expect(secondCoreFree(2, counts(null).count, () => {})).toBe(true);
    expect(secondCoreFree(2, counts(new Error('ENOENT /proc/loadavg')).count, () => {})).toBe(true);
  });
});
