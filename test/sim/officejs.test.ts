/**
 * Microsoft's Office.js client (the library Excel on the web loads) driving the
 * simulated workbook through src/sim/officejs: the add-in's own functions,
 * real request bodies, real RichApi.Error objects.
 */
import { generateRecap } from '../../scripts/bench/generate';
import { utf8Length } from '../../src/sim/client';
import { cellKey, cloneWorkbook, sheetFromRows, workbookOf } from '../../src/sim/model';
import { installOfficeJs, type InstalledOfficeJs } from '../../src/sim/officejs';
import * as excel from '../../src/taskpane/excel';
import { workbookModelOf } from './grid-model';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function open(...args: Parameters<typeof installOfficeJs>): InstalledOfficeJs {
  const o = installOfficeJs(...args);
  uninstall = o.install();
  return o;
}

const cell = (o: InstalledOfficeJs, row: number, col: number) =>
  o.host.model.sheets[0].cells[cellKey(row, col)];

const twoSheets = () =>
  workbookOf(
    sheetFromRows('Data', [
      ['a', 1],
      ['b', 2],
    ]),
    sheetFromRows('Other', [['x']]),
  );

describe('the add-in through Microsoft\u2019s client', () => {
  test('validates, marks and unmarks a generated recap of 200 units', async () => {
    const g = generateRecap(200);
    const o = open(workbookModelOf(g.grid));
    const before = cloneWorkbook(o.host.model);
    const v = await excel.validate('id');
    if (!v.ok) throw new Error(v.message.en);
    const findings = v.value.analysis.findings.filter((f) => f.cell);
    expect(findings.length).toBeGreaterThan(0);

    const m = await excel.markFindings(v.value);
    if (!m.ok) throw new Error(m.message.en);
    const sheet = o.host.model.sheets[0];
    const filled = Object.values(sheet.cells).filter((c) => c.fill).length;
    expect(filled).toBe(m.value.marked);
    expect(m.value.marked).toBeGreaterThan(0);

    const u = await excel.undo('marks', v.value.sheet);
    if (!u.ok) throw new Error(u.message.en);
    expect(o.host.model.sheets[0].cells).toEqual(before.sheets[0].cells);
    expect(o.host.model.settings).toEqual({});
    expect(o.wire.requests).toBeGreaterThanOrEqual(4);
  });

  test('counts the bytes of the body the client really sends', async () => {
    const o = open(twoSheets());
    const sent = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('C1').format.fill.color = '#FFE699';
      await ctx.sync();
      return o.executor.lastRequest!;
    });
    expect(o.wire.log[0].requestBytes).toBe(utf8Length(JSON.stringify(sent)));
    // Office.js's own wrapping of one fill (object paths, instantiations, keep-reference): far over what
    // the simulation's short JSON counted.
    expect(o.wire.log[0].requestBytes).toBeGreaterThan(500);
    expect(sent.Actions.map((a) => a.ActionType)).toContain(4);
    expect(o.host.model.sheets[0].cells[cellKey(1, 3)].fill).toBe('#FFE699');
  });

  test('loads values through the wire and delivers them after sync only', async () => {
    open(twoSheets());
    const values = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B2');
      r.load('values,address');
      expect(() => r.values).toThrow(/load/);
      await ctx.sync();
      return { values: r.values, address: r.address };
    });
    expect(values).toEqual({
      values: [
        ['a', 1],
        ['b', 2],
      ],
      address: 'Data!A1:B2',
    });
  });

  test('a missing sheet fails as Excel fails: RichApi.Error ItemNotFound naming the statement', async () => {
    open(twoSheets());
    const err = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope').load('name');
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });
    expect((err as OfficeExtension.Error).debugInfo.statement).toMatch(/getItem/);
  });

  test('null objects and collections come back through the client', async () => {
    open(twoSheets());
    const r = await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      return { isNull: missing.isNullObject, names: sheets.items.map((s) => s.name) };
    });
    expect(r).toEqual({ isNull: true, names: ['Data', 'Other'] });
  });

  test('a request over the payload limit is refused with RequestPayloadSizeLimitExceeded', async () => {
    const o = open(twoSheets(), { payloadLimitBytes: 20_000 });
    const err = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('A1:A3000').values = Array.from({ length: 3000 }, (_, i) => [`text ${i}`]);
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(o.host.model.sheets[0].cells[cellKey(3, 1)]).toBeUndefined();
  });

  test('a range kept across syncs moves with the row inserted above it', async () => {
    const o = open(twoSheets());
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const b2 = s.getRange('B2');
      b2.load('address');
      await ctx.sync();
      s.getRange('1:1').insert(Excel.InsertShiftDirection.down);
      await ctx.sync();
      b2.load('address');
      await ctx.sync();
      expect(b2.address).toBe('Data!B3');
      b2.values = [[5]];
      await ctx.sync();
    });
    expect(o.host.model.sheets[0].cells[cellKey(3, 2)].value).toBe(5);
    // The run's end released the kept ranges.
    expect(o.executor.references.size).toBe(0);
  });

  test('a large array, which the library writes in slices of 1,500 cells, lands whole', async () => {
    const o = open(twoSheets());
    const sent = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('D1:E2000').values = Array.from({ length: 2000 }, (_, i) => [i, `r${i}`]);
      await ctx.sync();
      return o.executor.lastRequest!;
    });
    expect(sent.Actions.some((a) => a.Name === '_ValidateArraySize')).toBe(true);
    expect(o.wire.log[0].actions).toBeGreaterThan(10);
    expect(cell(o, 2000, 5)).toEqual({ value: 'r1999' });
  });

  test('the items of a loaded collection are used in the next sync', async () => {
    const o = open(twoSheets());
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      sheets.items[1].getRange('B1').values = [['y']];
      await ctx.sync();
    });
    expect(o.host.model.sheets[1].cells[cellKey(1, 2)]).toEqual({ value: 'y' });
  });
});

describe('fills beyond a solid colour (RangeFill, CellPropertiesFill: ExcelApi 1.9)', () => {
  test('pattern, pattern colour and tints are set, kept and read back; pattern None removes the fill', async () => {
    const o = open(twoSheets());
    const read = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const fill = s.getRange('A1').format.fill;
      fill.color = '#FFFFCC';
      fill.pattern = 'Grid';
      fill.patternColor = '#ff0000';
      s.getRange('B1').setCellProperties([
        [{ format: { fill: { color: '#4472C4', pattern: 'Solid', tintAndShade: -0.25 } } }],
      ]);
      s.getRange('A2').setCellProperties([
        [{ format: { fill: { color: '#00FF00', pattern: 'Solid' } } }],
      ]);
      s.getRange('A2').setCellProperties([[{ format: { fill: { pattern: 'None' } } }]]);
      const loaded = s.getRange('A1').format.fill;
      loaded.load('color,pattern,patternColor,tintAndShade,patternTintAndShade');
      const props = s.getRange('A1:B2').getCellProperties({
        format: {
          fill: {
            color: true,
            pattern: true,
            patternColor: true,
            tintAndShade: true,
            patternTintAndShade: true,
          },
        },
      });
      await ctx.sync();
      return {
        loaded: loaded.toJSON(),
        props: props.value.map((r) => r.map((p) => p.format?.fill)),
      };
    });
    expect(read.loaded).toEqual({
      color: '#FFFFCC',
      pattern: 'Grid',
      patternColor: '#FF0000',
      tintAndShade: 0,
      patternTintAndShade: 0,
    });
    expect(read.props[0][1]).toMatchObject({
      color: '#4472C4',
      pattern: 'Solid',
      tintAndShade: -0.25,
    });
    expect(read.props[1][0]).toMatchObject({ pattern: 'None' });
    expect(cell(o, 1, 1)).toMatchObject({
      fill: '#FFFFCC',
      fillStyle: { pattern: 'Grid', patternColor: '#FF0000' },
    });
    expect(cell(o, 1, 2)).toMatchObject({ fill: '#4472C4', fillStyle: { tintAndShade: -0.25 } });
    expect(cell(o, 2, 1)?.fill).toBeUndefined();
  });

  test('a tint outside -1..1 is refused with InvalidArgument', async () => {
    open(twoSheets());
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').format.fill.tintAndShade = 2;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
