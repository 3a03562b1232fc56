/**
 * The district line (src/engine/district.ts) and the facts about a record it reads
 * (src/engine/records.ts), at the edges StrykerJS found unguarded (issue 16).
 */
import { levelOf } from '../../src/engine/district';
import type { CellValue } from '../../src/engine/numbers';
import type { SkmRecord } from '../../src/engine/model';
import { periodLabel } from '../../src/engine/records';
import { UNSUR_CODES } from '../../src/engine/unsur';
import { analyse, BASE, layanan, OTHER, recap, semester, tahunan, triwulan, unit } from './grid';

const blank = new Array<CellValue>(9).fill('');
/** The label as printed, whatever the sheet's own wording of the period ("TW 3", "Smt. 2"). */
const periodOf = (period: Omit<NonNullable<SkmRecord['period']>, 'label'> | null) =>
  periodLabel({ period: period && { ...period, label: 'as typed' } } as SkmRecord);

describe('the period of a record as printed', () => {
  it('is Tahunan, Semester I-II or Triwulan I-IV', () => {
    expect(periodOf({ kind: 'annual', index: 0 })).toBe('Tahunan');
    expect(periodOf({ kind: 'semester', index: 1 })).toBe('Semester I');
    expect(periodOf({ kind: 'semester', index: 2 })).toBe('Semester II');
    expect([1, 2, 3, 4].map((index) => periodOf({ kind: 'quarter', index }))).toEqual([
      'Triwulan I',
      'Triwulan II',
      'Triwulan III',
      'Triwulan IV',
    ]);
    expect(periodOf(null)).toBeNull();
  });
});

describe('which units the district line takes, and from which records', () => {
  it('takes a unit whose record holds only its converted values', () => {
    const a = analyse(recap([unit(1, 'DINAS A', tahunan({ nrr: blank, conv: BASE.conv }))]));
    expect(a.district.included).toHaveLength(1);
    expect(a.findings.filter((f) => f.code === 'no-data')).toEqual([]);
  });

  it('takes the mean of the periods where the Tahunan record has its IKM only', () => {
    const a = analyse(
      recap([
        unit(
          1,
          'DINAS A',
          tahunan({ nrr: blank, conv: blank, ikm: 85 }),
          semester(1, BASE),
          semester(2, OTHER),
        ),
      ]),
    );
    expect(a.district.included).toHaveLength(1);
    expect(a.district.included[0].source).toBe('periods');
    expect(a.district.unsur[0].value).toBeCloseTo((BASE.conv[0] + OTHER.conv[0]) / 2, 9);
  });

  it('says a unit with a service record and a period without unsur has no unsur, not only services', () => {
    const a = analyse(
      recap([
        unit(1, 'DINAS A', tahunan(BASE)),
        unit(
          2,
          'DINAS B',
          layanan('Layanan KTP', { nrr: blank, conv: blank, ikm: 80 }),
          tahunan({ nrr: blank, conv: blank, ikm: 80 }),
        ),
      ]),
    );
    expect(a.district.excluded.map((e) => e.reason)).toEqual(['no-unsur']);
  });

  it("takes a unit's realisation from its periods, the blank ones left out, where its Tahunan has none", () => {
    const a = analyse(
      recap(
        [
          unit(
            1,
            'DINAS A',
            tahunan(BASE),
            triwulan(1, { ...BASE, realisation: 0.8 }),
            triwulan(2, { ...BASE, realisation: '' }),
            triwulan(3, { ...BASE, realisation: 0.9 }),
            triwulan(4, BASE),
            // A service's own realisation is no period's.
            layanan('Layanan KTP', { ...BASE, realisation: 0.5 }),
          ),
        ],
        { formats: { realisation: '0%' } },
      ),
    );
    expect(a.district.realisation).toBeCloseTo(85, 9);
  });

  it('says a unit whose record holds nothing has no data, not only no unsur', () => {
    const a = analyse(
      recap([
        unit(1, 'DINAS A', tahunan(BASE)),
        unit(2, 'DINAS B', tahunan({ nrr: blank, conv: blank })),
      ]),
    );
    expect(a.district.excluded.map((e) => [e.unit.name, e.reason])).toEqual([
      ['DINAS B', 'no-data'],
    ]);
  });

  it('counts a record whose only line mixes the two scales as holding data', () => {
    const mixed = [80, ...BASE.nrr.slice(1)];
    const a = analyse(
      recap([
        unit(1, 'DINAS A', tahunan(BASE)),
        unit(2, 'DINAS B', tahunan({ nrr: mixed, onlyGivenLines: true })),
      ]),
    );
    expect(a.district.excluded.map((e) => [e.unit.name, e.reason])).toEqual([
      ['DINAS B', 'no-unsur'],
    ]);
    expect(a.findings.filter((f) => f.unit === 'DINAS B').map((f) => f.code)).not.toContain(
      'no-data',
    );
  });

  it('keeps the nine unsur, by code and name, when no unit has values', () => {
    const a = analyse(recap([unit(1, 'DINAS A', tahunan({ nrr: blank, conv: blank, ikm: 80 }))]));
    expect(a.district.unsur.map((u) => u.code)).toEqual(UNSUR_CODES);
    expect(a.district.unsur.every((u) => Number.isNaN(u.value) && u.name.length > 0)).toBe(true);
  });
});

describe('the words of the district line', () => {
  it('names the level its RATA-RATA line names', () => {
    expect(levelOf('RATA-RATA PROVINSI')).toBe('provinsi');
    expect(levelOf('Rata-rata Nasional')).toBe('nasional');
    expect(levelOf('RATA-RATA KOTA')).toBe('kota');
    expect(levelOf(null)).toBe('kabupaten');
  });

  it('names the most prioritised unsur in English in the English sentence', () => {
    const a = analyse(
      recap([unit(1, 'DINAS A', tahunan({ ...BASE, priority: 'Waktu penyelesaian' }))]),
    );
    expect(a.district.sentences.mostPrioritised?.en).toContain('Completion time');
  });
});
