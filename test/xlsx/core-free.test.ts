// Whether the sheet inflates on a second thread depends on the machine's other work, never on the
// checker's own threads (the spare inflating thread boots as the process starts).
import { othersRunnable } from '../../src/xlsx/zip-parts';

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
