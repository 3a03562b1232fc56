/**
 * The undo records of "Olah Data Responden" and "Masukkan ke Rekap" are read back from workbook
 * settings as untrusted data (src/taskpane/excel/olah-ledger.ts): anything but a record of the
 * right shape, for the right sheet, is no record, and never a thrown error.
 */
import { decodeRekapLedger, decodeSheetsLedger } from '../../src/taskpane/excel/olah-ledger';

const SHEETS = {
  sheets: [
    {
      sheet: 'Olah Dinas Kesehatan',
      source: 'Jawaban Dinkes',
      createdAt: '2026-11-30T08:00:00.000Z',
      written: {
        used: 'A1:P40',
        area: { top: 1, left: 1, bottom: 40, right: 16 },
        hash: '0a1b2c3d',
      },
    },
  ],
};

const REKAP = {
  sheet: 'Rekap SKM OPP 2025',
  unit: 'DINAS KESEHATAN',
  period: 'Tahunan',
  createdAt: '2026-11-30T08:05:00.000Z',
  cells: [
    { address: 'E3', before: '', after: 3.21 },
    { address: 'N3', before: 80, after: 84.06, beforeFormula: '=AVERAGE(E4:M4)' },
  ],
};

describe('the processing sheets written', () => {
  it('are read from the JSON text Excel keeps, or from the value itself', () => {
    expect(decodeSheetsLedger(JSON.stringify(SHEETS))).toEqual(SHEETS);
    expect(decodeSheetsLedger(SHEETS)).toEqual(SHEETS);
  });

  it('are no record when the text is cut short, another shape, or carries more than ours', () => {
    expect(decodeSheetsLedger(JSON.stringify(SHEETS).slice(0, 40))).toBeNull();
    expect(decodeSheetsLedger('')).toBeNull();
    expect(decodeSheetsLedger(null)).toBeNull();
    expect(decodeSheetsLedger({ sheets: [{ ...SHEETS.sheets[0], sheet: '' }] })).toBeNull();
    expect(decodeSheetsLedger({ ...SHEETS, extra: true })).toBeNull();
    const badHash = { ...SHEETS.sheets[0], written: { ...SHEETS.sheets[0].written, hash: 'zz' } };
    expect(decodeSheetsLedger({ sheets: [badHash] })).toBeNull();
  });
});

describe('the recap cells written', () => {
  it('are read for the sheet they were written on, and for no other', () => {
    expect(decodeRekapLedger(JSON.stringify(REKAP), REKAP.sheet)).toEqual(REKAP);
    expect(decodeRekapLedger(REKAP, REKAP.sheet)).toEqual(REKAP);
    expect(decodeRekapLedger(REKAP, 'Rekap SKM OPP 2024')).toBeNull();
  });

  it('are no record when the text is not JSON', () => {
    expect(decodeRekapLedger('{"sheet": "Rekap', REKAP.sheet)).toBeNull();
  });
});
