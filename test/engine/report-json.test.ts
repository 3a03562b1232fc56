/**
 * The checker's JSON report (docs/skm-rules.md §9) at the edges StrykerJS found unread in
 * src/engine/report.ts (issue 16): a recap without a RATA-RATA line, without any value, and the
 * report's language when none is asked for.
 */
import { jsonReport } from '../../src/engine/report';
import { analyse, BASE, recap, tahunan, unit } from './grid';

describe('the JSON report', () => {
  it('gives a null average row where the recap has no RATA-RATA line', () => {
    const a = analyse(recap([unit(1, 'DINAS A', tahunan(BASE))]));
    expect(a.table.average).toBeNull();
    expect(jsonReport('rekap.xlsx', a).table.averageRow).toBeNull();
  });

  it('gives null, never NaN, for district values no unit has', () => {
    const a = analyse(recap([unit(1, 'DINAS A', tahunan())]));
    const d = jsonReport('rekap.xlsx', a).district;
    expect(d.unsur.map((u) => u.value)).toEqual(Array(9).fill(null));
    expect([d.ikm, d.realisation]).toEqual([null, null]);
  });

  it('speaks Indonesian unless English is asked for', () => {
    const a = analyse(recap([unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06 }))]));
    expect(a.findings.length).toBeGreaterThan(0);
    const messages = (r: ReturnType<typeof jsonReport>) => r.findings.map((f) => f.message);
    expect(messages(jsonReport('rekap.xlsx', a))).toEqual(
      messages(jsonReport('rekap.xlsx', a, 'id')),
    );
    expect(messages(jsonReport('rekap.xlsx', a))).not.toEqual(
      messages(jsonReport('rekap.xlsx', a, 'en')),
    );
  });
});
