import path from 'path';
import ExcelJS from 'exceljs';
import { createExcelHost } from '../../src/sim/host';
import { loadXlsxBuffer, loadXlsxFile, saveXlsxBuffer } from '../../src/sim/load-xlsx';
import type { WorkbookModel } from '../../src/sim/model';

const BANJAR = path.join(__dirname, '../../samples/rekap-skm-banjar-2025.xlsx');
const SHEET = 'Rekap SKM OPP 2025';

describe('the Banjar recap in the simulated host', () => {
  let model: WorkbookModel;
  beforeAll(async () => {
    model = await loadXlsxFile(BANJAR);
  });

  it('has the recap sheet, active, with its used range and merged header', async () => {
    const host = createExcelHost(model);
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      const used = ws.getUsedRange().load('address,rowCount,columnCount');
      const merged = used.getMergedAreasOrNullObject();
      merged.areas.load('items/address');
      await ctx.sync();
      expect(ws.name).toBe(SHEET);
      expect(used.address).toBe(`'${SHEET}'!A1:T335`);
      expect([used.rowCount, used.columnCount]).toEqual([335, 20]);
      const addresses = merged.areas.items.map((a) => a.address);
      expect(addresses).toEqual(expect.arrayContaining([`'${SHEET}'!A4:A5`, `'${SHEET}'!E4:M4`]));
    });
  });

  it('gives values as Excel does: merged header once, the text "89,02" in N92', async () => {
    const host = createExcelHost(model);
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      const header = ws.getRange('A4:A5').load('values');
      const unsur = ws.getRange('E4:F4').load('values');
      const n92 = ws.getRange('N92').load('values,text,valueTypes');
      const t6 = ws.getRange('T6').load('values,text,numberFormat');
      await ctx.sync();
      expect(header.values).toEqual([['NO'], ['']]);
      expect(unsur.values[0][1]).toBe('');
      expect([n92.values, n92.text, n92.valueTypes]).toEqual([
        [['89,02']],
        [['89,02']],
        [['String']],
      ]);
      expect([t6.values, t6.text, t6.numberFormat]).toEqual([[[0.75]], [['75%']], [['0%']]]);
    });
  });

  it('keeps solid fills as #RRGGBB', () => {
    const fills = new Set(
      Object.values(model.sheets[0].cells)
        .map((c) => c.fill)
        .filter(Boolean),
    );
    expect(fills).toEqual(new Set(['#D9E1F2']));
  });

  it('survives a save and reload through exceljs', async () => {
    const again = await loadXlsxBuffer(await saveXlsxBuffer(model));
    expect(again.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    expect(again.sheets[0].cells).toEqual(model.sheets[0].cells);
    expect(again.sheets[0].merges).toHaveLength(model.sheets[0].merges.length);
  });
});

describe('reading cell contents from exceljs', () => {
  it('keeps formulas with their cached result, errors, rich text and dates as Excel gives them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = { formula: 'SUM(B1:B2)', result: 7 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = {
      formula: '1/0',
      result: { error: '#DIV/0!' },
    } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = {
      richText: [{ text: 'Dinas ' }, { text: 'A', font: { bold: true } }],
    };
    ws.getCell('A4').value = new Date(Date.UTC(2025, 0, 31));
    ws.getCell('A5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('A6').numFmt = '0.00';
    const model = await loadXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const cells = model.sheets[0].cells;
    expect(cells['1,1']).toEqual({ value: 7, formula: '=SUM(B1:B2)' });
    expect(cells['2,1']).toEqual({ value: '#DIV/0!', formula: '=1/0' });
    expect(cells['3,1']).toEqual({ value: 'Dinas A' });
    expect(cells['4,1'].value).toBe(45688);
    expect(cells['5,1']).toEqual({ value: '#N/A' });
  });
});

describe('merged areas through the simulated host', () => {
  // This file loads src/sim/load-xlsx and not the checker's reader: the preview opens workbooks the same way.
  it("uses the linear merge check, not exceljs's quadratic one", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const proto = require('exceljs/lib/doc/worksheet').prototype as {
      _mergeCellsInternal: { name: string };
    };
    expect(proto._mergeCellsInternal.name).toBe('mergeCellsIndexed');
  });

  it('round-trips thousands of merged areas and still refuses overlapping ones', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    for (let r = 1; r <= 6000; r += 2) {
      ws.getCell(r, 1).value = r;
      ws.mergeCells(r, 1, r + 1, 1);
      ws.mergeCells(r, 14, r + 1, 14);
    }
    expect(() => ws.mergeCells(2, 1, 3, 1)).toThrow('Cannot merge already merged cells');
    const model = await loadXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(model.sheets[0].merges).toHaveLength(6000);
    expect(model.sheets[0].merges).toContainEqual({ top: 5999, left: 14, bottom: 6000, right: 14 });
    const again = await loadXlsxBuffer(await saveXlsxBuffer(model));
    expect(again.sheets[0].merges).toHaveLength(6000);
  });
});
