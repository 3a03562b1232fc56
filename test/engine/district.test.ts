/** The district line RATA-RATA KABUPATEN and its two findings (docs/skm-rules.md §7). */
import { say } from '../../src/engine/messages';
import { UNSUR_CODES } from '../../src/engine/unsur';
import {
  analyse,
  BASE,
  layanan,
  OTHER,
  recap,
  semester,
  tahunan,
  unit,
  withValues,
  type RecapOptions,
  type UnitSpec,
} from './grid';

const district = (units: UnitSpec[], options?: RecapOptions) =>
  analyse(recap(units, options)).district;
const values = (d: ReturnType<typeof district>) => d.unsur.map((u) => u.value);
const meanOf = (...lines: (readonly number[])[]) =>
  UNSUR_CODES.map((_, i) => lines.reduce((s, l) => s + l[i], 0) / lines.length);

describe('the district value of each unsur', () => {
  it('is the unweighted mean over units of their Tahunan converted values', () => {
    const d = district([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ ...OTHER, respondents: 5000 })),
    ]);
    values(d).forEach((v, i) => expect(v).toBeCloseTo(meanOf(BASE.conv, OTHER.conv)[i], 9));
    expect(d.unsur.map((u) => u.code)).toEqual([...UNSUR_CODES]);
    expect(d.unsur[2].name).toBe('Waktu Penyelesaian');
  });

  it('takes NRR x 25 where a unit gives only the NRR line', () => {
    const d = district([unit(1, 'DINAS A', tahunan({ ...BASE, conv: null }))]);
    values(d).forEach((v, i) => expect(v).toBeCloseTo(BASE.nrr[i] * 25, 9));
  });

  it('takes the mean of the period records of a unit without a Tahunan record', () => {
    const d = district([
      unit(1, 'DINAS A', semester(1, BASE), semester(2, OTHER)),
      unit(2, 'DINAS B', tahunan(OTHER)),
    ]);
    const unitA = meanOf(BASE.conv, OTHER.conv);
    values(d).forEach((v, i) => expect(v).toBeCloseTo((unitA[i] + OTHER.conv[i]) / 2, 9));
    expect(d.included.map((a) => [a.unit.no, a.source])).toEqual([
      [1, 'periods'],
      [2, 'annual'],
    ]);
  });

  it('takes the Tahunan record, not the periods, where a unit has both', () => {
    const annual = withValues(BASE.conv, { U1: 90 }) as number[];
    const d = district([
      unit(
        1,
        'DINAS A',
        tahunan({ ...BASE, nrr: null, conv: annual, ikm: 85.13 }),
        semester(1, OTHER),
        semester(2, OTHER),
      ),
    ]);
    expect(values(d)[0]).toBe(90);
  });

  it('leaves out, and reports, service sub-records, units with no data and units with an IKM only', () => {
    const d = district([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(13, 'DINAS PERHUBUNGAN (DISHUB)', layanan('3. Layanan Izin Parkir', OTHER)),
      unit(28, 'KECAMATAN MARTAPURA', tahunan()),
      unit(30, 'KECAMATAN X', tahunan({ ikm: 90, category: 'A (Sangat Baik)', respondents: 10 })),
    ]);
    expect(d.included.map((a) => a.unit.no)).toEqual([1]);
    expect(d.excluded.map((e) => [e.unit.no, e.reason])).toEqual([
      [13, 'service-only'],
      [28, 'no-data'],
      [30, 'no-unsur'],
    ]);
    values(d).forEach((v, i) => expect(v).toBeCloseTo(BASE.conv[i], 9));
  });
});

describe('the district IKM and category', () => {
  it('is the mean of the nine district values, with its band', () => {
    const d = district([unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))]);
    expect(d.ikm).toBeCloseTo((756.5 / 9 + 86) / 2, 9);
    expect(d.category).toBe('B (Baik)');
  });

  it('is absent when no unit has values', () => {
    const d = district([unit(28, 'KECAMATAN MARTAPURA', tahunan())]);
    expect(d.ikm).toBeNull();
    expect(d.category).toBeNull();
    expect(d.lowest).toEqual([]);
    expect(d.sentences.lowest).toBeNull();
  });
});

describe('the district realisation', () => {
  it("is the mean of the units' Tahunan realisation, else of their period records' mean, leaving out units with neither", () => {
    const d = district(
      [
        unit(
          1,
          'DINAS A',
          tahunan({ ...BASE, realisation: 1 }),
          semester(1, { ...OTHER, realisation: 0 }),
          semester(2, { ...OTHER, realisation: 0 }),
        ),
        unit(
          2,
          'DINAS B',
          semester(1, { ...BASE, realisation: 0.5 }),
          semester(2, { ...OTHER, realisation: 0.7 }),
        ),
        unit(3, 'DINAS C', tahunan(OTHER)),
      ],
      { formats: { realisation: '0%' } },
    );
    // (100 + (50 + 70) / 2) / 2
    expect(d.realisation).toBeCloseTo(80, 9);
  });

  it('falls back to the periods when the Tahunan record has no realisation', () => {
    const d = district([
      unit(
        86,
        'UPTD INSTALASI FARMASI',
        tahunan(OTHER),
        semester(1, { ...OTHER, realisation: 40 }),
        semester(2, { ...OTHER, realisation: 60 }),
      ),
    ]);
    expect(d.realisation).toBeCloseTo(50, 9);
  });

  it('is absent when no unit gives one', () => {
    expect(district([unit(1, 'DINAS A', tahunan(BASE))]).realisation).toBeNull();
  });
});

describe('the lowest unsur', () => {
  it('is the unsur with the lowest district value, said in a sentence with the Indonesian number form', () => {
    const d = district([unit(1, 'DINAS A', tahunan(BASE)), unit(2, 'DINAS B', tahunan(OTHER))]);
    expect(d.lowest).toEqual([
      { code: 'U3', name: 'Waktu Penyelesaian', value: expect.closeTo(79.1, 9) },
    ]);
    expect(say(d.sentences.lowest!, 'id')).toBe(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dengan nilai rata-rata 79,10.',
    );
    expect(say(d.sentences.lowest!, 'en')).toBe(
      'The lowest unsur at district level is Completion time with a mean value of 79.10.',
    );
  });

  it('names all of them on a tie', () => {
    const conv = [80, 85, 77, 90, 77, 86, 88, 84, 82];
    const nrr = conv.map((v) => v / 25);
    const d = district([
      unit(1, 'DINAS A', tahunan({ nrr, conv, ikm: 83.22, category: 'B (Baik)', respondents: 10 })),
    ]);
    expect(d.lowest.map((u) => u.code)).toEqual(['U3', 'U5']);
    expect(say(d.sentences.lowest!, 'id')).toBe(
      'Unsur terendah pada tingkat kabupaten adalah Waktu Penyelesaian dan Produk Spesifikasi Jenis Pelayanan dengan nilai rata-rata 77,00.',
    );
  });

  it('says kota for a RATA-RATA KOTA line', () => {
    const d = district([unit(1, 'DINAS A', tahunan(BASE))], {
      average: { label: 'RATA-RATA KOTA' },
    });
    expect(d.level).toBe('kota');
    expect(say(d.sentences.lowest!, 'id')).toContain('pada tingkat kota adalah');
  });
});

describe('the most prioritised unsur', () => {
  it("is the unsur named in the most units' Unsur Perbaikan, a unit counting once", () => {
    const d = district([
      // Unit 1 names Waktu in three records: it counts once.
      unit(
        1,
        'DINAS A',
        tahunan({ ...OTHER, priority: 'Waktu pelayanan' }),
        semester(1, { ...OTHER, priority: '1. Waktu penyelesaian' }),
        semester(2, OTHER),
      ),
      unit(
        2,
        'DINAS B',
        tahunan({ ...BASE, priority: '1. Sarana dan prasarana\n2. Waktu penyelesaian' }),
      ),
      unit(3, 'DINAS C', tahunan({ ...BASE, priority: '1. Sarana dan prasarana\n2. Persyaratan' })),
      unit(4, 'DINAS D', tahunan({ ...BASE, priority: 'Sarana dan prasarana' })),
    ]);
    expect(d.mostPrioritised).toEqual([{ code: 'U9', name: 'Sarana dan Prasarana', units: 3 }]);
    expect(say(d.sentences.mostPrioritised!, 'id')).toBe(
      'Sarana dan Prasarana merupakan unsur yang paling banyak dimasukkan pada Unsur Prioritas Perbaikan (3 unit).',
    );
  });

  it('names all of them on a tie', () => {
    const d = district([
      unit(1, 'DINAS A', tahunan({ ...BASE, priority: 'Waktu penyelesaian' })),
      unit(2, 'DINAS B', tahunan({ ...BASE, priority: 'Persyaratan' })),
    ]);
    expect(d.mostPrioritised.map((u) => [u.code, u.units])).toEqual([
      ['U1', 1],
      ['U3', 1],
    ]);
  });

  it('is absent when no unit names one', () => {
    const d = district([unit(1, 'DINAS A', tahunan({ ...BASE, priority: '' }))]);
    expect(d.mostPrioritised).toEqual([]);
    expect(d.sentences.mostPrioritised).toBeNull();
  });
});
