/** The record check on loose cells behind =SKM.PERIKSA: the checker's own rules and tolerances. */
import { checkRecordCells, checkRecordFindings } from '../../src/engine/standalone';
import { BASE, withValues } from './grid';

const lines = (nrr: readonly unknown[], conv: readonly unknown[]) => [
  nrr as (string | number)[],
  conv as (string | number)[],
];

describe('checkRecordCells', () => {
  it('says OK for a consistent record', () => {
    expect(
      checkRecordCells({ lines: lines(BASE.nrr, BASE.conv), ikm: 84.06, category: 'B (Baik)' }),
    ).toEqual({ ok: true, problems: [] });
  });

  it('takes the lines in either order', () => {
    expect(
      checkRecordCells({ lines: lines(BASE.conv, BASE.nrr), ikm: 84.06, category: 'B (Baik)' }).ok,
    ).toBe(true);
  });

  it('checks a single converted line against the IKM', () => {
    expect(checkRecordCells({ lines: [[...BASE.conv]], ikm: 84.06 }).ok).toBe(true);
    expect(checkRecordCells({ lines: [[...BASE.conv]], ikm: 84.5 })).toEqual({
      ok: false,
      problems: ['IKM tertulis 84,50, tetapi rata-rata sembilan unsur x 25 = 84,06.'],
    });
  });

  it("applies the checker's tolerance: 84,05 against 84,0556 is OK, 84,08 is not", () => {
    expect(checkRecordCells({ lines: lines(BASE.nrr, BASE.conv), ikm: 84.05 }).ok).toBe(true);
    expect(checkRecordCells({ lines: lines(BASE.nrr, BASE.conv), ikm: 84.08 }).ok).toBe(false);
  });

  it('names a converted value that is not NRR x 25, and a swap', () => {
    const conv = withValues(BASE.conv, { U8: BASE.conv[8], U9: BASE.conv[7] });
    const r = checkRecordCells({ lines: lines(BASE.nrr, conv), ikm: 84.06 }, 'en');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      'Converted value of Handling of complaints, suggestions and feedback is 82.10, but NRR 3.364 x 25 = 84.10. The converted values of Handling of complaints, suggestions and feedback and Facilities and infrastructure look swapped.',
      'Converted value of Facilities and infrastructure is 84.10, but NRR 3.284 x 25 = 82.10. The converted values of Facilities and infrastructure and Handling of complaints, suggestions and feedback look swapped.',
    ]);
  });

  it('names weight 0.111 as the cause of a low IKM', () => {
    const r = checkRecordCells({ lines: lines(BASE.nrr, BASE.conv), ikm: 83.97 });
    expect(r.problems).toEqual([
      'IKM tertulis 83,97, tetapi rata-rata sembilan unsur x 25 = 84,06. Kemungkinan IKM dihitung dengan bobot 0,111, bukan 1/9.',
    ]);
  });

  it('reads numbers typed as text with a decimal comma without complaint', () => {
    const asText = BASE.nrr.map((v) => String(v).replace('.', ','));
    expect(
      checkRecordCells({ lines: [asText, [...BASE.conv]], ikm: '84,06', category: 'B (baik)' }),
    ).toEqual({ ok: true, problems: [] });
  });

  it('flags an error value, a blank IKM and a wrong category', () => {
    expect(
      checkRecordFindings({
        lines: lines(withValues(BASE.nrr, { U4: '#DIV/0!' }), BASE.conv),
        ikm: 84.06,
      }).map((f) => f.code),
    ).toEqual(['not-a-number']);
    expect(
      checkRecordFindings({ lines: lines(BASE.nrr, BASE.conv), ikm: '' }).map((f) => [
        f.code,
        f.expected,
      ]),
    ).toEqual([['ikm-missing', expect.closeTo(756.5 / 9, 9)]]);
    expect(
      checkRecordFindings({
        lines: lines(BASE.nrr, BASE.conv),
        ikm: 84.06,
        category: 'A (Sangat Baik)',
      }).map((f) => f.code),
    ).toEqual(['category-mismatch']);
  });

  it('flags an IKM on the 1-4 scale', () => {
    const [f] = checkRecordFindings({ lines: lines(BASE.nrr, BASE.conv), ikm: 3.36 });
    expect([f.code, f.cause]).toEqual(['ikm-out-of-range', 'nrr-scale']);
  });

  it('leaves out what concerns more than the record (respondents, priorities, text-number)', () => {
    const asText = BASE.conv.map((v) => String(v).replace('.', ','));
    expect(checkRecordFindings({ lines: [asText], ikm: 84.06 })).toEqual([]);
  });

  it('does not ask for a category it was not given', () => {
    expect(checkRecordFindings({ lines: lines(BASE.nrr, BASE.conv), ikm: 84.06 })).toEqual([]);
  });
});

describe('loose cells as staff leave them', () => {
  const ok = { lines: lines(BASE.nrr, BASE.conv), ikm: 84.06, category: 'B (Baik)' };
  const codes = (input: Parameters<typeof checkRecordFindings>[0]) =>
    checkRecordFindings(input).map((f) => `${f.code}@${f.cell}`);

  it('reads an IKM or a category of spaces as missing, and trims the spaces around them', () => {
    expect(codes({ ...ok, ikm: '   ' })).toEqual(['ikm-missing@J1']);
    expect(codes({ ...ok, category: '  ' })).toEqual([]);
    expect(checkRecordCells({ ...ok, ikm: ' 84,06 ', category: ' B (Baik) ' }).ok).toBe(true);
  });

  it('names a line that mixes both scales as a value line, wherever it stands', () => {
    const mixed = withValues(BASE.nrr, { U1: 80.3 });
    for (const input of [
      { lines: [[...mixed]], ikm: 84.06 },
      { lines: [[...mixed], [...BASE.conv]], ikm: 84.06 },
      { lines: [[...BASE.conv], [...mixed]], ikm: 84.06 },
    ]) {
      const f = checkRecordFindings(input).filter((x) => x.code === 'mixed-scale');
      expect(f).toHaveLength(1);
      expect(checkRecordCells(input).problems).toContain(
        'Baris nilai mencampur nilai skala 1-4 (NRR) dan 25-100 (konversi).',
      );
    }
  });

  it('checks a second NRR line as an extra line, and compares the converted line with the first', () => {
    const second = withValues(BASE.nrr, { U9: 4.4 });
    expect(codes({ ...ok, lines: [[...BASE.nrr], [...BASE.conv], [...second]] })).toEqual([
      'nrr-out-of-range@I3',
    ]);
    // A blank third line adds nothing.
    expect(codes({ ...ok, lines: [[...BASE.nrr], [...BASE.conv], new Array(9).fill('')] })).toEqual(
      [],
    );
  });
});
