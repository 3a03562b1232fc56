import { createExcelHost } from '../../src/sim/host';
import {
  cloneWorkbook,
  createWorkbook,
  sheetFromRows,
  workbookOf,
  type WorkbookModel,
} from '../../src/sim/model';

/** A small recap: a two-row header with merged cells, three units, a fill on row 6. */
function recap(): WorkbookModel {
  return workbookOf(
    sheetFromRows(
      'Rekap SKM',
      [
        ['REKAP'],
        [],
        [],
        ['NO', 'Unit', 'Unsur', null, 'IKM'],
        [null, null, 'U1', 'U2', null],
        [1, 'Dinas A', 3.2, 3.4, 82.5],
        [2, 'Dinas B', 3.1, 3.3, 80.1],
        [3, 'Dinas C', 3.5, 3.6, 88.02],
      ],
      {
        merges: ['A4:A5', 'B4:B5', 'C4:D4', 'E4:E5'],
        fills: { 'A6:E6': '#F4B6B6' },
        formats: { 'E6:E8': '0.00' },
      },
    ),
    sheetFromRows('Lampiran', [['x']]),
  );
}

describe('load before read', () => {
  it('throws PropertyNotLoaded before load and before sync, and reads after sync', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A6:B6');
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load('values');
      let error: unknown;
      try {
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'PropertyNotLoaded', name: 'RichApi.Error' });
      await ctx.sync();
      expect(range.values).toEqual([[1, 'Dinas A']]);
      expect(() => range.text).toThrow(/'text' is not available/);
    });
  });

  it('accepts every form of load()', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('E6');
      r.load(['values', 'address']);
      r.load({ select: 'numberFormat' });
      r.load({ text: true, format: { fill: { color: true } } });
      await ctx.sync();
      expect([r.values, r.address, r.numberFormat, r.text, r.format.fill.color]).toEqual([
        [[82.5]],
        "'Rekap SKM'!E6",
        [['0.00']],
        [['82.50']],
        '#F4B6B6',
      ]);
    });
  });

  it('refuses to load a property the simulator does not know, naming it', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A1');
      expect(() => r.load('hyperlink')).toThrow(/Range.hyperlink is not simulated/);
    });
  });

  it('applies queued operations in order: a load after a write sees the write', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('B6');
      r.load('values');
      r.values = [['Dinas Baru']];
      const after = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('B6').load('values');
      await ctx.sync();
      expect(after.values).toEqual([['Dinas Baru']]);
      // The first load ran before the write, and its result replaces the local value, as in Office.js.
      expect(r.values).toEqual([['Dinas A']]);
    });
  });
});

describe('null objects and missing items', () => {
  it('gives isNullObject after sync for a missing sheet', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Tidak Ada');
      const present = ctx.workbook.worksheets.getItemOrNullObject('lampiran');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('rejects the sync with ItemNotFound for getItem of a missing sheet', async () => {
    const host = createExcelHost(recap());
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Tidak Ada').getRange('A1').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('merged cells', () => {
  it('keeps the value in the top-left cell only', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A4:E5').load('values');
      await ctx.sync();
      expect(r.values).toEqual([
        ['NO', 'Unit', 'Unsur', '', 'IKM'],
        ['', '', 'U1', 'U2', ''],
      ]);
    });
  });

  it('lists merged areas, and gives a null object where there are none', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      const merged = ws.getRange('A1:E8').getMergedAreasOrNullObject();
      merged.load('address,areaCount');
      merged.areas.load('items/address');
      const none = ws.getRange('A6:E8').getMergedAreasOrNullObject();
      await ctx.sync();
      expect(merged.isNullObject).toBe(false);
      expect(merged.areaCount).toBe(4);
      expect(merged.address).toBe(
        "'Rekap SKM'!A4:A5,'Rekap SKM'!B4:B5,'Rekap SKM'!C4:D4,'Rekap SKM'!E4:E5",
      );
      expect(merged.areas.items.map((a) => a.address)).toEqual([
        "'Rekap SKM'!A4:A5",
        "'Rekap SKM'!B4:B5",
        "'Rekap SKM'!C4:D4",
        "'Rekap SKM'!E4:E5",
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it('loads merged areas through a navigation path', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const merged = ctx.workbook.worksheets
        .getItem('Rekap SKM')
        .getRange('C4')
        .getMergedAreasOrNullObject();
      merged.load('areaCount, areas/items/address');
      await ctx.sync();
      expect([merged.areaCount, merged.areas.items.map((a) => a.address)]).toEqual([
        1,
        ["'Rekap SKM'!C4:D4"],
      ]);
    });
  });

  it('ignores a value written into the hidden part of a merged area', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A4:A5');
      r.values = [['No.'], ['ignored']];
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['No.'], ['']]);
    });
  });
});

describe('used range and addresses', () => {
  it('quotes a sheet name with spaces as Excel does', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Rekap SKM').getUsedRange().load('address');
      const other = ctx.workbook.worksheets
        .getItem('Lampiran')
        .getUsedRange(true)
        .load('address,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      expect(used.address).toBe("'Rekap SKM'!A1:E8");
      expect(other.address).toBe('Lampiran!A1');
      expect([other.rowIndex, other.columnIndex, other.rowCount, other.columnCount]).toEqual([
        0, 0, 1, 1,
      ]);
    });
  });

  it('gives A1 for an empty sheet, or a null object with getUsedRangeOrNullObject', async () => {
    const host = createExcelHost(createWorkbook(['Kosong']));
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kosong');
      const used = ws.getUsedRange().load('address');
      const orNull = ws.getUsedRangeOrNullObject();
      await ctx.sync();
      expect(used.address).toBe('Kosong!A1');
      expect(orNull.isNullObject).toBe(true);
    });
  });

  it('uses 0-based indexes in getRangeByIndexes and getCell, and prints whole rows as Excel does', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      const byIndexes = ws.getRangeByIndexes(5, 0, 3, 5).load('address');
      const cell = byIndexes.getCell(1, 1).load('address,values');
      const row = ws.getRange('7:7').load('address');
      const resized = ws.getRange('A6').getResizedRange(2, 4).getOffsetRange(0, 1).load('address');
      await ctx.sync();
      expect(byIndexes.address).toBe("'Rekap SKM'!A6:E8");
      expect([cell.address, cell.values]).toEqual(["'Rekap SKM'!B7", [['Dinas B']]]);
      expect(row.address).toBe("'Rekap SKM'!7:7");
      expect(resized.address).toBe("'Rekap SKM'!B6:F8");
    });
  });
});

describe('insert and delete', () => {
  it('shifts cells, fills and merges down, and grows a merged area the insertion crosses', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      const dinasC = ws.getRange('A8:E8').load('address');
      await ctx.sync();
      const inserted = ws.getRange('5:5').insert(host.Excel.InsertShiftDirection.down);
      inserted.load('address');
      dinasC.load('address,values');
      await ctx.sync();
      expect(inserted.address).toBe("'Rekap SKM'!5:5");
      // The tracked range moved with its cells.
      expect(dinasC.address).toBe("'Rekap SKM'!A9:E9");
      expect(dinasC.values[0].slice(0, 2)).toEqual([3, 'Dinas C']);
    });
    const sheet = host.model.sheets[0];
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 4, left: 1, bottom: 6, right: 1 },
        { top: 4, left: 3, bottom: 4, right: 4 },
      ]),
    );
    expect(sheet.cells['7,2']).toEqual({ value: 'Dinas A', fill: '#F4B6B6' });
  });

  it('gives inserted cells the format of the row above', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      ws.getRange('A7:E7').insert('Down');
      const fresh = ws.getRange('A7:E7');
      fresh.load('values');
      const props = fresh.getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
      expect(fresh.values).toEqual([['', '', '', '', '']]);
      expect(
        props.value[0].map((p) => (p as { format: { fill: { color: string } } }).format.fill.color),
      ).toEqual(Array(5).fill('#F4B6B6'));
    });
  });

  it('deletes rows upward, removing merged areas inside them', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      ws.getRange('4:5').delete(host.Excel.DeleteShiftDirection.up);
      const r = ws.getRange('A4:B4').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[1, 'Dinas A']]);
    });
    expect(host.model.sheets[0].merges).toEqual([]);
  });

  it('refuses to shift part of a merged area', async () => {
    const host = createExcelHost(recap());
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Rekap SKM').getRange('D4').insert('Down');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('writing values', () => {
  it('turns "=..." into a formula and keeps "\'=..." as text', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('G1:G6');
      r.values = [
        ['=AVERAGE(E6:E8)'],
        ["'=AVERAGE(E6:E8)"],
        ['=5'],
        ['12.5'],
        ["'0012"],
        ['- catatan'],
      ];
      r.load('values,formulas');
      await ctx.sync();
      expect(r.values).toEqual([
        ['#NAME?'],
        ['=AVERAGE(E6:E8)'],
        [5],
        [12.5],
        ['0012'],
        ['#NAME?'],
      ]);
      expect(r.formulas).toEqual([
        ['=AVERAGE(E6:E8)'],
        ['=AVERAGE(E6:E8)'],
        ['=5'],
        [12.5],
        ['0012'],
        ['=- catatan'],
      ]);
    });
    expect(host.model.sheets[0].cells['1,7']).toEqual({
      value: '#NAME?',
      formula: '=AVERAGE(E6:E8)',
    });
    expect(host.model.sheets[0].cells['2,7']).toEqual({ value: '=AVERAGE(E6:E8)' });
  });

  it('skips null entries, sets every cell from a scalar and rejects a wrong shape', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      ws.getRange('A6:B6').values = [[null, 'Baru'] as unknown as string[]];
      ws.getRange('H1:H3').values = 'x' as unknown as string[][];
      const a = ws.getRange('A6:B6').load('values');
      const h = ws.getRange('H1:H3').load('values');
      await ctx.sync();
      expect(a.values).toEqual([[1, 'Baru']]);
      expect(h.values).toEqual([['x'], ['x'], ['x']]);
    });
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('formats text by number format', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('J1:J4');
      r.values = [[0.8312], [88.015], [2 / 3], [true]];
      r.numberFormat = [['0%'], ['0.00'], ['General'], ['General']];
      r.load('text');
      await ctx.sync();
      expect(r.text).toEqual([['83%'], ['88.02'], ['0.666666667'], ['TRUE']]);
    });
  });

  it('refuses writes to a protected sheet', async () => {
    const model = recap();
    model.sheets[0].protected = true;
    const host = createExcelHost(model);
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('payload limit', () => {
  it('rejects a write whose request exceeds 5 MB, changing nothing', async () => {
    const host = createExcelHost(recap());
    const rows = Array.from({ length: 6000 }, (_, i) => [`catatan ${i} `.padEnd(1000, 'x')]);
    let error: unknown;
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Rekap SKM').getRange('K1:K6000').values = rows;
      try {
        await ctx.sync();
      } catch (e) {
        error = e;
      }
    });
    expect(error).toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
      message: expect.stringMatching(/^The request payload size has exceeded the limit/),
    });
    expect(host.stats.maxRequestBytes).toBeGreaterThan(5_000_000);
    expect(host.model.sheets[0].cells['1,11']).toBeUndefined();
  });

  it('accepts the same data written in chunks below the limit', async () => {
    const host = createExcelHost(recap());
    const rows = Array.from({ length: 6000 }, (_, i) => [`catatan ${i} `.padEnd(1000, 'x')]);
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      for (let start = 0; start < rows.length; start += 2000) {
        ws.getRangeByIndexes(start, 10, 2000, 1).values = rows.slice(start, start + 2000);
        await ctx.sync();
      }
    });
    expect(host.stats.syncCount).toBe(3);
    expect(host.stats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(host.model.sheets[0].cells['6000,11'].value).toMatch(/^catatan 5999/);
  });

  it('rejects a load whose response exceeds the limit', async () => {
    const host = createExcelHost(recap(), { payloadLimitBytes: 10_000 });
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A1:Z200').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(host.stats.operations.at(-1)).toMatch(/^sync #1 failed/);
  });
});

describe('cell properties', () => {
  it('reads fills per cell, white where there is none', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const props = ctx.workbook.worksheets
        .getItem('Rekap SKM')
        .getRange('E6:E7')
        .getCellProperties({ address: true, format: { fill: { color: true } } });
      expect(() => props.value).toThrow(/has not been loaded yet/);
      await ctx.sync();
      expect(props.value).toEqual([
        [{ address: "'Rekap SKM'!E6", format: { fill: { color: '#F4B6B6' } } }],
        [{ address: "'Rekap SKM'!E7", format: { fill: { color: '#FFFFFF' } } }],
      ]);
    });
  });

  it('sets fills per cell, skipping null entries, and refuses an ARGB colour', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('B7:C7');
      r.setCellProperties([[{ format: { fill: { color: '#ffe699' } } }, null]]);
      r.format.fill.load('color');
      const c = ctx.workbook.worksheets
        .getItem('Rekap SKM')
        .getRange('B7')
        .format.fill.load('color');
      await ctx.sync();
      expect(c.color).toBe('#FFE699');
      expect(r.format.fill.color).toBeNull();
    });
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Rekap SKM').getRange('B7').format.fill.color = 'FFF4B6B6';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('clears fills', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A6:E6');
      r.format.fill.clear();
      r.format.fill.load('color');
      await ctx.sync();
      expect(r.format.fill.color).toBe('#FFFFFF');
    });
  });
});

describe('settings', () => {
  it('survive a JSON round trip of the model, as Excel keeps them in the file', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      ctx.workbook.settings.add('skm.lastCheck', { sheet: 'Rekap SKM', findings: 3 });
      await ctx.sync();
    });
    const reopened = createExcelHost(cloneWorkbook(host.model));
    await reopened.Excel.run(async (ctx) => {
      const s = ctx.workbook.settings.getItemOrNullObject('skm.lastCheck');
      s.load('value');
      const missing = ctx.workbook.settings.getItemOrNullObject('skm.none');
      await ctx.sync();
      expect(s.value).toEqual({ sheet: 'Rekap SKM', findings: 3 });
      expect(missing.isNullObject).toBe(true);
      s.delete();
      await ctx.sync();
    });
    expect(reopened.model.settings).toEqual({});
  });

  it('fails getItem for a missing key', async () => {
    const host = createExcelHost(recap());
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.settings.getItem('skm.none').load('value');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('worksheets and selection', () => {
  it('lists sheets, adds one and activates it', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add('Ringkasan');
      added.activate();
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Rekap SKM', 'Lampiran', 'Ringkasan']);
    });
    expect(host.model.activeSheet).toBe('Ringkasan');
    await expect(
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('ringkasan');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('records select() as the selection and active cell', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Rekap SKM').getRange('C6:D7').select();
      await ctx.sync();
      const sel = ctx.workbook.getSelectedRange().load('address');
      const cell = ctx.workbook.getActiveCell().load('address');
      await ctx.sync();
      expect([sel.address, cell.address]).toEqual(["'Rekap SKM'!C6:D7", "'Rekap SKM'!C6"]);
    });
    expect(host.model.selection).toEqual({ sheet: 'Rekap SKM', address: 'C6:D7' });
  });

  it('reports sheet visibility and protection', async () => {
    const model = recap();
    model.sheets[1].visibility = 'Hidden';
    model.sheets[1].protected = true;
    const host = createExcelHost(model);
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Lampiran');
      ws.load('name,visibility,position');
      ws.protection.load('protected');
      await ctx.sync();
      expect([ws.name, ws.visibility, ws.position, ws.protection.protected]).toEqual([
        'Lampiran',
        'Hidden',
        1,
        true,
      ]);
    });
  });
});

describe('request context', () => {
  it('counts round trips only, logs operations, and resets', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(host.stats.syncCount).toBe(1);
    expect(host.stats.operations).toEqual([
      "Range('Rekap SKM'!A1).load(values)",
      expect.stringMatching(/^sync #1: 1 ops, request \d+ B, response \d+ B$/),
    ]);
    host.stats.reset();
    expect([host.stats.syncCount, host.stats.operations]).toEqual([0, []]);
  });

  it('applies operations before a failing one and delivers no loads', async () => {
    const host = createExcelHost(recap());
    const r = await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      ws.getRange('B6').values = [['Ditulis']];
      const loaded = ws.getRange('B7').load('values');
      ctx.workbook.worksheets.getItem('Tidak Ada').getRange('A1').values = [['x']];
      ws.getRange('B8').values = [['Tidak ditulis']];
      await ctx.sync().catch(() => undefined);
      return loaded;
    });
    expect(host.model.sheets[0].cells['6,2'].value).toBe('Ditulis');
    expect(host.model.sheets[0].cells['8,2'].value).toBe('Dinas C');
    expect(() => r.values).toThrow(/not available/);
  });

  it('invalidates objects once their Excel.run has ended', async () => {
    const host = createExcelHost(recap());
    const kept = await host.Excel.run(async (ctx) =>
      ctx.workbook.worksheets.getItem('Rekap SKM').getRange('A1'),
    );
    expect(() => kept.load('values')).toThrow(
      expect.objectContaining({ code: 'InvalidObjectPath' }),
    );
  });

  it('requires the batch to return a promise', async () => {
    const host = createExcelHost(recap());
    await expect(host.Excel.run((() => undefined) as never)).rejects.toMatchObject({
      code: 'RunMustReturnPromise',
    });
  });

  it('sees an edit made by someone else between two syncs', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Rekap SKM').getRange('E6').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[82.5]]);
      host.editCell('Rekap SKM', 'E6', '79.5');
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[79.5]]);
    });
  });

  it('works with a RequestContext made by hand', async () => {
    const host = createExcelHost(recap());
    const ctx = new host.Excel.RequestContext();
    const ws = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    await ctx.sync();
    expect(ws.name).toBe('Rekap SKM');
  });
});

describe('charts', () => {
  it('keeps a chart with its title, legend, position and a highlighted point', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Lampiran');
      const chart = ws.charts.add(
        host.Excel.ChartType.barClustered,
        ws.getRange('A1:B5'),
        host.Excel.ChartSeriesBy.columns,
      );
      chart.title.text = 'IKM per unit';
      chart.legend.visible = false;
      chart.setPosition('D2');
      chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor('#C00000');
      await ctx.sync();
    });
    expect(host.model.sheets[1].charts).toEqual([
      {
        name: 'Chart 1',
        type: 'BarClustered',
        source: 'Lampiran!A1:B5',
        seriesBy: 'Columns',
        title: 'IKM per unit',
        legendVisible: false,
        position: { start: 'Lampiran!D2', end: undefined },
        pointFills: [{ series: 0, point: 2, color: '#C00000' }],
      },
    ]);
  });
});

describe('more range operations', () => {
  it('intersects, clears contents and reaches its worksheet', async () => {
    const host = createExcelHost(recap());
    await host.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
      const both = ws.getRange('B6:E8').getIntersection('D7:F9').load('address');
      ws.getRange('B8:C8').clear(host.Excel.ClearApplyTo.contents);
      const cleared = ws.getRange('A8:C8').load('values');
      const sheetName = ws.getRange('A1').worksheet.load('name');
      await ctx.sync();
      expect(both.address).toBe("'Rekap SKM'!D7:E8");
      expect(cleared.values).toEqual([[3, '', '']]);
      expect(sheetName.name).toBe('Rekap SKM');
    });
  });

  it('outside Excel.run, a range used in one sync is invalid in the next unless tracked, as in Office.js', async () => {
    const host = createExcelHost(recap());
    const ctx = new host.Excel.RequestContext();
    const ws = ctx.workbook.worksheets.getItem('Rekap SKM');
    const once = ws.getRange('A1').load('values');
    const kept = ws.getRange('B1').load('values');
    kept.track();
    await ctx.sync();
    expect(() => once.load('values')).toThrow(
      expect.objectContaining({ code: 'InvalidObjectPath' }),
    );
    kept.values = [['ok']];
    await ctx.sync();
    expect(host.model.sheets[0].cells['1,2'].value).toBe('ok');
  });
});

describe('Office', () => {
  it('is ready in Excel on the web, speaks Indonesian by default and supports ExcelApi up to 1.17', async () => {
    const host = createExcelHost(recap());
    await expect(host.Office.onReady()).resolves.toEqual({
      host: 'Excel',
      platform: 'OfficeOnline',
    });
    expect(host.Office.context.displayLanguage).toBe('id-ID');
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(host.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(
      createExcelHost(recap(), { displayLanguage: 'en-US' }).Office.context.displayLanguage,
    ).toBe('en-US');
  });

  it('records associated actions and showAsTaskpane, and installs globals', async () => {
    const host = createExcelHost(recap());
    const uninstall = host.install();
    try {
      const g = globalThis as unknown as { Office: typeof host.Office; Excel: typeof host.Excel };
      g.Office.actions.associate('ShowTaskpane', () => undefined);
      await g.Office.addin.showAsTaskpane();
      expect([...host.office.actions.keys()]).toEqual(['ShowTaskpane']);
      expect(host.office.taskpaneShown).toBe(1);
      expect(g.Excel).toBe(host.Excel);
    } finally {
      uninstall();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });
});
