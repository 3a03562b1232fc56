/**
 * The undo ledger as data: its compact stored form, the zod check of what is
 * read back from a workbook, where it is kept, and text that stays text.
 */
import { parseArea } from '../../src/engine/address';
import { isSizeError } from '../../src/taskpane/excel/common';
import { isLedgerSheet, ledgerSheetName, planLedger } from '../../src/taskpane/excel/ledger-store';
import { isMovingFormula } from '../../src/taskpane/excel/verify';
import {
  asText,
  compactAddresses,
  compactRows,
  countRows,
  decodeLedger,
  encodeLedger,
  expandAddresses,
  expandRows,
  formulaTemplate,
  fillOf,
  fillProps,
  isMark,
  ledgerKey,
  sameValue,
  type Ledger,
  type LedgerCell,
} from '../../src/taskpane/ledger';

const SHEET = 'Rekap SKM OPP 2025';

const marks: Ledger = {
  version: 2,
  kind: 'marks',
  sheet: SHEET,
  createdAt: '2026-01-05T08:00:00.000Z',
  fills: [
    { address: 'N8', before: null, after: '#F4B6B6' },
    { address: 'N9', before: null, after: '#F4B6B6' },
    { address: 'N10', before: null, after: '#F4B6B6' },
    { address: 'O12', before: { color: '#FFFF00' }, after: '#FFF2B3' },
    {
      address: 'E4',
      before: { color: '#DDEBF7', pattern: 'Gray25', patternColor: '#000000' },
      after: '#F4B6B6',
    },
  ],
  cells: [
    { address: 'U4', before: '', after: 'Catatan Validasi' },
    { address: 'U8', before: '=HYPERLINK("x")', after: 'IKM tidak sesuai', beforeFormula: '=A1' },
  ],
  insertedRow: null,
};

/** A "Kolom Rumus" ledger of a generated national recap: three formulas per unit. */
function formulaLedger(units: number): Ledger {
  const cells = [];
  for (let u = 0; u < units; u++) {
    const row = 6 + 4 * u;
    cells.push(
      { address: `V${row}`, before: '', after: `=SKM.IKM(E${row}:M${row + 3})` },
      { address: `W${row}`, before: '', after: `=SKM.KATEGORI(V${row})` },
      {
        address: `X${row}`,
        before: '',
        after: `=SKM.PERIKSA(E${row}:M${row + 3}, N${row}, O${row})`,
      },
    );
  }
  return { ...marks, kind: 'formulas', fills: [], cells };
}

describe('the stored form', () => {
  it('writes runs down a column as one range, and reads them back cell by cell', () => {
    expect(compactAddresses(['N8', 'N9', 'N10', 'P9', 'N12'])).toBe('N8:N10,N12,P9');
    expect(expandAddresses('N8:N10,N12,P9')).toEqual(['N8', 'N9', 'N10', 'N12', 'P9']);
    expect(expandAddresses('N8:P9')).toBeNull();
  });

  it('round-trips a ledger, exact fills (pattern and pattern colour) included', () => {
    const stored = JSON.stringify(encodeLedger(marks));
    const back = decodeLedger(stored, 'marks', SHEET);
    expect(back.ok && back.ledger.fills).toEqual(
      expect.arrayContaining(marks.fills.map((f) => expect.objectContaining(f))),
    );
    expect(back.ok && back.ledger.cells).toEqual(marks.cells);
    // Grouped: three red fills over blank cells are one entry.
    expect(encodeLedger(marks).fills).toHaveLength(3);
  });

  it('still reads a ledger of version 1, kept by the add-in before', () => {
    const v1 = {
      version: 1,
      kind: 'marks',
      sheet: SHEET,
      createdAt: '2025-12-01T00:00:00.000Z',
      fills: [{ address: 'N8', before: '#ffff00', after: '#F4B6B6' }],
      cells: [{ address: 'U8', before: '', after: 'x' }],
      insertedRow: null,
    };
    const back = decodeLedger(JSON.stringify(v1), 'marks', SHEET);
    expect(back).toEqual({
      ok: true,
      ledger: expect.objectContaining({
        fills: [{ address: 'N8', before: { color: '#FFFF00' }, after: '#F4B6B6' }],
      }),
    });
  });
});

describe('formulas that follow their row', () => {
  it('keep a national "Kolom Rumus" ledger in a few runs, and give back every cell exactly', () => {
    const ledger = formulaLedger(20_000);
    const stored = encodeLedger(ledger);
    expect(stored.cells).toEqual([]);
    expect(stored.formulaRuns).toHaveLength(3);
    expect(stored.formulaRuns?.[0]).toEqual({
      column: 'V',
      rows: `6-${6 + 4 * 19_999}/4`,
      after: ['=SKM.IKM(E', 0, ':M', 3, ')'],
    });
    const text = JSON.stringify(stored);
    expect(text.length).toBeLessThan(1_000);
    const back = decodeLedger(text, 'formulas', SHEET);
    expect(back.ok && [...back.ledger.cells].sort(byAddress)).toEqual(
      [...ledger.cells].sort(byAddress),
    );
  });

  it('keep apart what does not follow the row: a cell written over a value, absolute rows, quoted text, a lone formula', () => {
    const cells = [
      { address: 'V6', before: '', after: '=SUM(E6:M6)' },
      { address: 'V7', before: '', after: '=SUM(E7:M7)' },
      { address: 'V8', before: 81.5, after: '=SUM(E8:M8)' },
      { address: 'W6', before: '', after: '=E$6+E6' },
      { address: 'W7', before: '', after: '=E$6+E7' },
      { address: 'X6', before: '', after: '=IF(E6>0,"A6",LOG10(E6))' },
      { address: 'X7', before: '', after: '=IF(E7>0,"A6",LOG10(E7))' },
      { address: 'Y9', before: '', after: '=E9' },
      { address: 'Z6', before: '', after: 'SKM.IKM' },
    ];
    const ledger: Ledger = { ...marks, kind: 'formulas', fills: [], cells };
    const stored = encodeLedger(ledger);
    expect(stored.formulaRuns).toEqual([
      { column: 'V', rows: '6,7', after: ['=SUM(E', 0, ':M', 0, ')'] },
      { column: 'W', rows: '6,7', after: ['=E$6+E', 0, ''] },
      { column: 'X', rows: '6,7', after: ['=IF(E', 0, '>0,"A6",LOG10(E', 0, '))'] },
    ]);
    expect(stored.cells.map((c) => c.address)).toEqual(['V8', 'Z6', 'Y9']);
    const back = decodeLedger(JSON.stringify(stored), 'formulas', SHEET);
    expect(back.ok && [...back.ledger.cells].sort(byAddress)).toEqual([...cells].sort(byAddress));
  });

  it('write rows as arithmetic runs and read them back', () => {
    expect(compactRows([10, 6, 8, 20010, 12])).toBe('6-12/2,20010');
    expect(compactRows([5, 6])).toBe('5,6');
    expect(expandRows('6-12/2,20010')).toEqual([6, 8, 10, 12, 20010]);
    expect(expandRows('6-12/0')).toBeNull();
    expect(expandRows('12-6/2')).toBeNull();
    expect(expandRows('1-1048577/1')).toBeNull();
    expect(countRows('6-12/2,20010,1-1048576/1')).toBe(5 + 1_048_576);
    expect(formulaTemplate('=SKM.PERIKSA(E6:M9, N6, O6)', 6)).toEqual([
      '=SKM.PERIKSA(E',
      0,
      ':M',
      3,
      ', N',
      0,
      ', O',
      0,
      ')',
    ]);
  });

  it('refuse a run that would list more cells than any recap has', () => {
    const bomb = {
      ...encodeLedger(formulaLedger(2)),
      formulaRuns: Array.from({ length: 6 }, () => ({
        column: 'V',
        rows: '1-1048576/1',
        after: ['=A', 0, ''],
      })),
    };
    const back = decodeLedger(JSON.stringify(bomb), 'formulas', SHEET);
    expect(!back.ok && back.problem).toMatch(/too many cells \(6291456\)/);
  });
});

const byAddress = (a: { address: string }, b: { address: string }) =>
  a.address.localeCompare(b.address);

describe('a ledger read back is not trusted', () => {
  const good = encodeLedger(marks);
  const cases: [string, unknown, RegExp][] = [
    ['text that is not JSON', '{"version":2,', /not JSON/],
    ['a version from the future', { ...good, version: 7 }, /version 7/],
    ['no version at all', { kind: 'marks' }, /./],
    [
      'an address that is no cell',
      { ...good, cells: [{ address: 'ZZZZ1', after: 'x' }] },
      /cells\.0\.address/,
    ],
    [
      'a colour that is no colour',
      { ...good, fills: [{ cells: 'N8', before: null, after: 'red' }] },
      /fills\.0\.after/,
    ],
    [
      'a fill list that is no address list',
      { ...good, fills: [{ cells: 'N8:P9', before: null, after: '#F4B6B6' }] },
      /no address list/,
    ],
    ['an unknown field', { ...good, script: 'x' }, /script|unrecognized/i],
    ['another kind', { ...good, kind: 'average' }, /kind average/],
    ['another sheet', { ...good, sheet: 'Lain' }, /sheet "Lain"/],
    ['an inserted row of zero', { ...good, insertedRow: 0 }, /insertedRow/],
    ['null', null, /./],
    ['a number', 42, /./],
  ];
  it.each(cases)('reports %s with what is wrong', (_name, raw, problem) => {
    const back = decodeLedger(typeof raw === 'string' ? raw : JSON.stringify(raw), 'marks', SHEET);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.problem).toMatch(problem);
  });
});

describe('where a ledger is kept', () => {
  it('keeps a small ledger in one setting', () => {
    const plan = planLedger(marks, 0);
    expect(plan).toMatchObject({ ok: true, parts: [] });
    expect(plan.ok && plan.inline !== null && plan.inline.length).toBeLessThan(60_000);
  });

  it('keeps a ledger of 60,000 cells written over values on a very hidden sheet: settings stay under 1 MB', () => {
    const formulas = formulaLedger(20_000);
    // Cells that held values before cannot be kept as runs: each is listed.
    const ledger = { ...formulas, cells: formulas.cells.map((c, i) => ({ ...c, before: i })) };
    const plan = planLedger(ledger, 0);
    if (!plan.ok) throw new Error('refused');
    expect(plan.inline).toBeNull();
    expect(plan.bytes).toBeGreaterThan(2_000_000);
    expect(plan.parts.join('')).toBe(JSON.stringify(encodeLedger(ledger)));
    expect(plan.parts.every((p) => p.length <= 20_000)).toBe(true);
    // What the setting then holds: a pointer to the sheet.
    const pointer = JSON.stringify({
      store: 'sheet',
      sheet: ledgerSheetName('formulas', SHEET),
      parts: plan.parts.length,
      bytes: plan.bytes,
    });
    expect(pointer.length).toBeLessThan(200);
    // Even with every kind on fifteen sheets, settings hold at most 15 ledgers of 60 KB and pointers.
    expect(15 * 60_000 + 3 * 30 * 200).toBeLessThan(1_000_000);
  });

  it('sends a small ledger to a sheet too once fifteen settings are taken', () => {
    const plan = planLedger(marks, 15);
    expect(plan.ok && plan.inline).toBeNull();
  });

  it("names ledger sheets so that they cannot be a user's sheet name by chance, and tells them apart", () => {
    const name = ledgerSheetName('marks', SHEET);
    expect(name).toMatch(/^SKM Rekap m [0-9a-f]{8}$/);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(isLedgerSheet(name)).toBe(true);
    expect(isLedgerSheet('SKM Rekap 2025')).toBe(false);
    expect(ledgerSheetName('marks', 'A')).not.toBe(ledgerSheetName('marks', 'B'));
  });
});

describe('text that stays text', () => {
  it.each([
    '12:30',
    'Jan 5',
    '1/2',
    '$5',
    'Rp 5.000',
    '=SUM(A1)',
    '5%',
    'TRUE',
    '1.',
    'teks biasa',
  ])('writes %s with the text prefix', (text) => {
    expect(asText(text)).toBe(`'${text}`);
  });
  it('writes text into a Text (@) cell as it is, numbers and blanks as they are', () => {
    expect(asText('12:30', '@')).toBe('12:30');
    expect(asText(85.5)).toBe(85.5);
    expect(asText('')).toBe('');
  });
});

describe('fills as getCellProperties gives them', () => {
  it('treats pattern None as no fill and keeps pattern, pattern colour and tint', () => {
    expect(fillOf({ color: '#FFFFFF', pattern: 'None' })).toBeNull();
    expect(fillOf({ color: '#ffff00', pattern: 'Solid' })).toEqual({ color: '#FFFF00' });
    expect(
      fillOf({ color: '#DDEBF7', pattern: 'Gray25', patternColor: '#000000', tintAndShade: -0.25 }),
    ).toEqual({
      color: '#DDEBF7',
      pattern: 'Gray25',
      patternColor: '#000000',
      tintAndShade: -0.25,
    });
  });
});

describe('what undo compares and writes back', () => {
  it('reads a fill without a colour, or with one that is not text, as no fill', () => {
    expect(fillOf(null)).toBeNull();
    expect(fillOf(undefined)).toBeNull();
    expect(fillOf({ color: '', pattern: 'Solid' })).toBeNull();
    expect(fillOf({ color: 0xffff00, pattern: 'Solid' })).toBeNull();
    // No pattern reported: a solid colour, as Excel on older builds answers.
    expect(fillOf({ color: '#00ff00' })).toEqual({ color: '#00FF00' });
  });

  it('keeps a tint only where there is one, and a pattern colour only with a pattern', () => {
    expect(fillOf({ color: '#FFFF00', pattern: 'Solid', tintAndShade: 0 })).toEqual({
      color: '#FFFF00',
    });
    expect(fillOf({ color: '#FFFF00', pattern: 'Solid', tintAndShade: '0.4' })).toEqual({
      color: '#FFFF00',
    });
    expect(fillOf({ color: '#FFFF00', pattern: 'Solid', patternColor: '#FF0000' })).toEqual({
      color: '#FFFF00',
    });
    expect(
      fillOf({
        color: '#FFFF00',
        pattern: 'Grid',
        patternColor: '#ff0000',
        patternTintAndShade: 0.5,
      }),
    ).toEqual({
      color: '#FFFF00',
      pattern: 'Grid',
      patternColor: '#FF0000',
      patternTintAndShade: 0.5,
    });
    expect(
      fillOf({ color: '#FFFF00', pattern: 'Grid', patternColor: '', patternTintAndShade: 0 }),
    ).toEqual({ color: '#FFFF00', pattern: 'Grid' });
    expect(fillOf({ color: '#FFFF00', pattern: 'Grid', patternTintAndShade: '1' })).toEqual({
      color: '#FFFF00',
      pattern: 'Grid',
    });
  });

  it('writes a fill back exactly, and no fill as pattern None', () => {
    expect(fillProps(null)).toEqual({ format: { fill: { pattern: 'None' } } });
    expect(fillProps({ color: '#FFFF00' })).toEqual({
      format: { fill: { color: '#FFFF00', pattern: 'Solid' } },
    });
    expect(fillProps({ color: '#FFFF00', pattern: 'Grid', patternColor: '#FF0000' })).toEqual({
      format: { fill: { color: '#FFFF00', pattern: 'Grid', patternColor: '#FF0000' } },
    });
  });

  it('takes a cell for a mark only where it holds the solid colour written', () => {
    expect(isMark({ color: '#F4B6B6' }, '#f4b6b6')).toBe(true);
    expect(isMark({ color: '#F4B6B6', pattern: 'Grid' }, '#F4B6B6')).toBe(false);
    expect(isMark({ color: '#FFF2B3' }, '#F4B6B6')).toBe(false);
    expect(isMark(null, '#F4B6B6')).toBe(false);
  });

  it('compares values as Excel gives them back: blanks alike, numbers to binary noise', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(undefined as unknown as null, '')).toBe(true);
    expect(sameValue('', 0)).toBe(false);
    expect(sameValue(null, 'x')).toBe(false);
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(85.1, 85.1001)).toBe(false);
    expect(sameValue(1e12, 1e12 + 1e-4)).toBe(true);
    expect(sameValue(1e12, 1e12 + 2000)).toBe(false);
    expect(sameValue(-3, 3)).toBe(false);
    expect(sameValue('85', 85)).toBe(false);
    expect(sameValue('Baik', 'Baik')).toBe(true);
    expect(sameValue(true, true)).toBe(true);
  });

  it('keys a ledger by its kind and sheet', () => {
    expect(ledgerKey('marks', 'Rekap 2025')).toBe('skmRekap.marks.Rekap 2025');
    expect(ledgerKey('formulas', 'Rekap 2025')).not.toBe(ledgerKey('marks', 'Rekap 2025'));
  });
});

describe('the stored form, at its edges', () => {
  it('lists columns left to right and rows top to bottom, skipping what is no cell', () => {
    expect(compactAddresses(['P9', 'N12', 'N10', 'AA3', 'N11', 'B2', 'x'])).toBe(
      'B2,N10:N12,P9,AA3',
    );
    expect(expandAddresses('')).toEqual([]);
    expect(expandAddresses('A1:A1048578')).toBeNull();
    expect(expandAddresses('A2:A1048577')).toHaveLength(1_048_576);
  });

  it('writes rows as runs only from three rows on, and reads a run exactly', () => {
    expect(compactRows([])).toBe('');
    expect(compactRows([7])).toBe('7');
    expect(compactRows([1, 2, 3])).toBe('1-3/1');
    expect(compactRows([1, 2, 3, 5])).toBe('1-3/1,5');
    expect(compactRows([1, 3, 4, 5])).toBe('1,3-5/1');
    expect(compactRows([2, 4, 7, 10, 13])).toBe('2,4-13/3');
    for (const rows of [[5], [1, 2, 3], [2, 4, 7, 10, 13], [1, 3, 4, 5, 9, 10]])
      expect(expandRows(compactRows(rows))).toEqual(rows);
    expect(expandRows('x6')).toBeNull();
    expect(expandRows('6-9/1x')).toBeNull();
    expect(expandRows('6-9/1,')).toBeNull();
    expect(expandRows('6-9/a')).toBeNull();
    expect(countRows('6-9/a')).toBeNull();
  });

  it('keeps in a run only cells that were blank, with no formula or format before, and formulas of their own row', () => {
    const base = { before: '' as const, after: '=E6' };
    const ledger = (cells: LedgerCell[]): Ledger => ({
      ...marks,
      kind: 'formulas',
      fills: [],
      cells,
    });
    const runOf = (variant: Partial<LedgerCell>) =>
      encodeLedger(
        ledger([
          { address: 'V6', ...base, ...variant },
          {
            address: 'V7',
            ...base,
            after: '=E7',
            ...variant,
            ...(variant.after ? { after: variant.after } : {}),
          },
        ]),
      ).formulaRuns ?? [];
    expect(runOf({})).toHaveLength(1);
    expect(runOf({ before: null })).toHaveLength(1);
    expect(runOf({ before: undefined as unknown as null })).toHaveLength(1);
    expect(runOf({ before: 0 })).toEqual([]);
    expect(runOf({ beforeFormula: '=A1' })).toEqual([]);
    expect(runOf({ beforeFormat: '0.00' })).toEqual([]);
    expect(runOf({ after: 'SKM.IKM' })).toEqual([]);
    expect(runOf({ after: 5 })).toEqual([]);
    const odd = encodeLedger(
      ledger([
        { address: '$V6', before: '', after: '=E6' },
        { address: '$V7', before: '', after: '=E7' },
        { address: 'V6:V7', before: '', after: '=E6' },
      ]),
    );
    expect(odd.formulaRuns).toBeUndefined();
    expect(odd.cells).toHaveLength(3);
    // A formula whose template would not give it back is kept as it is ("1E5" reads as a reference).
    const sci = encodeLedger(
      ledger([
        { address: 'V6', before: '', after: '=1E5+E6' },
        { address: 'V7', before: '', after: '=1E5+E7' },
      ]),
    );
    const back = decodeLedger(JSON.stringify(sci), 'formulas', SHEET);
    expect(back.ok && back.ledger.cells.map((c) => c.after).sort()).toEqual(['=1E5+E6', '=1E5+E7']);
  });

  it('has no runs field where no formula follows its row, and reads a version 2 ledger as before', () => {
    const stored = encodeLedger(marks);
    expect('formulaRuns' in stored).toBe(false);
    expect(stored.version).toBe(3);
    const v2 = { ...stored, version: 2 };
    expect(decodeLedger(JSON.stringify(v2), 'marks', SHEET).ok).toBe(true);
    // Runs are a version 3 field: a version 2 ledger that has them is not one this add-in wrote.
    const withRuns = { ...encodeLedger(formulaLedger(3)), version: 2 };
    const refused = decodeLedger(JSON.stringify(withRuns), 'formulas', SHEET);
    expect(!refused.ok && refused.problem).toMatch(/formulaRuns|unrecognized/i);
  });

  it('names what is wrong: the field, a bad row list, a version 1 ledger that does not pass', () => {
    const bad = {
      ...encodeLedger(formulaLedger(3)),
      formulaRuns: [{ column: 'V', rows: '6-x', after: ['=A'] }],
    };
    expect(decodeLedger(JSON.stringify(bad), 'formulas', SHEET)).toEqual({
      ok: false,
      problem: 'formulaRuns: "6-x" is no row list',
    });
    const v1 = {
      version: 1,
      kind: 'marks',
      sheet: SHEET,
      createdAt: 'x',
      fills: 'none',
      cells: [],
      insertedRow: null,
    };
    const back = decodeLedger(JSON.stringify(v1), 'marks', SHEET);
    expect(!back.ok && back.problem).toMatch(/^fills: /);
    const v1Blank = { ...v1, fills: [{ address: 'N8', before: null, after: '#F4B6B6' }] };
    const ok = decodeLedger(JSON.stringify(v1Blank), 'marks', SHEET);
    expect(ok.ok && ok.ledger.fills).toEqual([{ address: 'N8', before: null, after: '#F4B6B6' }]);
    // A problem of the whole object has no path in front.
    const notObject = decodeLedger('"text"', 'marks', SHEET);
    expect(!notObject.ok && notObject.problem).not.toMatch(/^: /);
    // Exactly as many cells as allowed is still a ledger.
    const full = {
      ...encodeLedger(formulaLedger(1)),
      formulaRuns: [{ column: 'V', rows: '1-1000000/1', after: ['=A', 0, ''] }],
    };
    expect(decodeLedger(JSON.stringify(full), 'formulas', SHEET).ok).toBe(true);
  });
});

describe('formulas whose result moves by itself', () => {
  it.each([
    '=NOW()',
    '=TODAY()-A1',
    '=RAND()*2',
    '=SKM.IKM(E6:M6)',
    '=OFFSET(A1,1,0)',
    '=contoso.add(1, 2)',
  ])('%s is one', (f) => expect(isMovingFormula(f)).toBe(true));
  it.each(['=A1+1', '=AVERAGE(N3:N8)', '="NOW()"', '=SUM(SKM)', 'NOW()'])('%s is not', (f) =>
    expect(isMovingFormula(f)).toBe(false),
  );
});

describe("Excel's refusals for size", () => {
  it('include RangeExceedsLimit (an area of too many cells) with the payload limits', () => {
    const err = (code: string) => Object.assign(new Error('x'), { code });
    expect(isSizeError(err('RangeExceedsLimit'))).toBe(true);
    expect(isSizeError(err('ResponsePayloadSizeLimitExceeded'))).toBe(true);
    expect(isSizeError(err('RequestPayloadSizeLimitExceeded'))).toBe(true);
    expect(isSizeError(err('AccessDenied'))).toBe(false);
  });
});

describe('addresses Excel gives', () => {
  it('reads whole rows and whole columns, with or without a sheet', () => {
    expect(parseArea('Sheet1!1:335')).toEqual({ top: 1, left: 1, bottom: 335, right: 16_384 });
    expect(parseArea("'Rekap SKM'!A:T")).toEqual({ top: 1, left: 1, bottom: 1_048_576, right: 20 });
    expect(parseArea('$B$3:$D$9')).toEqual({ top: 3, left: 2, bottom: 9, right: 4 });
    expect(parseArea('5')).toBeNull();
    expect(parseArea('A1:5')).toBeNull();
    expect(parseArea('A1:B2:C3')).toBeNull();
  });
});
