/**
 * What the simulated host learnt from Excel (src/sim/behaviours.ts), each
 * through Microsoft's client and each shown to depend on its switch: the same
 * steps with the behaviour off give the simulation's old, kinder answer.
 */
import type { ExcelBehaviours } from '../../src/sim/behaviours';
import { serialDate } from '../../src/sim/typed-input';
import { cellKey, sheetFromRows, workbookOf, type WorkbookModel } from '../../src/sim/model';
import {
  installOfficeJs,
  type InstalledOfficeJs,
  type OfficeJsOptions,
} from '../../src/sim/officejs';
import { HOST_PROFILES, manifestAdmits } from '../../src/sim/profiles';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const data = (): WorkbookModel =>
  workbookOf(
    sheetFromRows('Data', [
      ['a', 1],
      ['b', 2],
    ]),
    sheetFromRows('Other', [['x']]),
  );

function open(model: WorkbookModel = data(), options: OfficeJsOptions = {}): InstalledOfficeJs {
  uninstall?.();
  const o = installOfficeJs(model, options);
  uninstall = o.install();
  return o;
}

const without = (b: keyof ExcelBehaviours, value: false | null): OfficeJsOptions => ({
  behaviours: { [b]: value } as Partial<ExcelBehaviours>,
});

const failure = (p: Promise<unknown>) => p.then(() => null).catch((e: OfficeExtension.Error) => e);

const cell = (o: InstalledOfficeJs, sheet: number, row: number, col: number) =>
  o.host.model.sheets[sheet].cells[cellKey(row, col)];

describe('settings size limit', () => {
  const addBig = () =>
    Excel.run(async (ctx) => {
      ctx.workbook.settings.add('big', 'x'.repeat(2_200_000));
      await ctx.sync();
    });

  test('a setting that takes the settings past 2 MB is refused with InvalidArgument, the old value kept', async () => {
    const o = open();
    o.host.model.settings.big = '"small"';
    const err = await failure(addBig());
    expect(err).toMatchObject({ code: 'InvalidArgument' });
    expect(o.host.model.settings.big).toBe('"small"');
  });

  test('without the limit it is kept', async () => {
    const o = open(data(), without('settingsLimitBytes', null));
    await addBig();
    expect(String(o.host.model.settings.big).length).toBeGreaterThan(2_000_000);
  });
});

describe('custom functions calculate asynchronously', () => {
  const fns = { 'TEST.DOUBLE': (x: unknown) => Number(x) * 2 };
  const writeAndRead = () =>
    Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('C1').formulas = [['=TEST.DOUBLE(B1)']];
      await ctx.sync();
      const r = s.getRange('C1');
      r.load('values');
      await ctx.sync();
      return r.values[0][0];
    });

  test('#BUSY! right after the write, the value once the function has run', async () => {
    const o = open(data(), { customFunctions: fns, customFunctionDelayMs: 5 });
    expect(await writeAndRead()).toBe('#BUSY!');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cell(o, 0, 1, 3).value).toBe(2);
  });

  test('calculated at once when switched off', async () => {
    open(data(), { customFunctions: fns, ...without('asyncCustomFunctions', false) });
    expect(await writeAndRead()).toBe(2);
  });
});

describe('volatile functions', () => {
  const readTwiceAroundAnEdit = () =>
    Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange('D1').formulas = [['=NOW()']];
      const r = s.getRange('D1');
      r.load('values');
      await ctx.sync();
      const first = r.values[0][0];
      s.getRange('E1').values = [['edit']];
      r.load('values');
      await ctx.sync();
      return [first, r.values[0][0]];
    });

  test('NOW() takes a new value at every calculation', async () => {
    const [a, b] = await (open(), readTwiceAroundAnEdit());
    expect(typeof a).toBe('number');
    expect(b).not.toBe(a);
  });

  test('switched off, it is a formula the simulation cannot calculate', async () => {
    const [a] = await (open(data(), without('volatileFunctions', false)), readTwiceAroundAnEdit());
    expect(a).toBe('#NAME?');
  });
});

describe('used range and whole rows', () => {
  const usedAfterBolding = (address: string) =>
    Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.getRange(address).format.font.bold = true;
      const used = s.getUsedRange();
      used.load('address');
      await ctx.sync();
      return used.address;
    });

  test('a cell with only a font counts in the used range', async () => {
    open();
    expect(await usedAfterBolding('D10')).toBe('Data!A1:D10');
  });

  test('rows formatted whole give a whole-row address, "Data!1:335"', async () => {
    open();
    expect(await usedAfterBolding('1:335')).toBe('Data!1:335');
  });

  test('switched off, formatting leaves the used range as it was', async () => {
    open(data(), without('formattedCellsInUsedRange', false));
    expect(await usedAfterBolding('1:335')).toBe('Data!A1:B2');
  });

  test('whole columns are read and written back as "A:T"', async () => {
    open();
    const address = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A:T');
      r.load('address');
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe('Data!A:T');
  });
});

describe('merged areas', () => {
  const mergedIn = (address: string) =>
    Excel.run(async (ctx) => {
      const m = ctx.workbook.worksheets
        .getItem('Data')
        .getRange(address)
        .getMergedAreasOrNullObject();
      m.load('address');
      await ctx.sync();
      return m.isNullObject ? null : m.address;
    });
  const merged = () => {
    const wb = data();
    wb.sheets[0].merges.push({ top: 1, left: 1, bottom: 2, right: 1 });
    return wb;
  };

  test('only areas whose top-left cell lies in the range are listed (office-js #3611)', async () => {
    open(merged());
    expect(await mergedIn('A2:C3')).toBeNull();
    expect(await mergedIn('A1:C1')).toBe('Data!A1:A2');
  });

  test('switched off, every area the range meets is listed', async () => {
    open(merged(), without('mergedAreasByTopLeft', false));
    expect(await mergedIn('A2:C3')).toBe('Data!A1:A2');
  });
});

describe('requirement sets per Excel build', () => {
  test('Version 2002 on Windows lacks ExcelApi 1.13: isSetSupported says so and the call fails with ApiNotFound', async () => {
    open(data(), { profile: 'windows-2002' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.11')).toBe(true);
    const err = await failure(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1').getMergedAreasOrNullObject();
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: 'ApiNotFound' });
  });

  test('on the web the same call runs', async () => {
    open(data(), { profile: 'web' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').getMergedAreasOrNullObject();
      await ctx.sync();
    });
  });

  test('a manifest declaring ExcelApi 1.13 is not loaded by a build without it', () => {
    const manifest =
      '<Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.13"/><Set Name="SharedRuntime" MinVersion="1.1"/></Sets></Requirements>';
    expect(manifestAdmits(manifest, HOST_PROFILES['windows-2002'].requirementSets)).toEqual({
      loads: false,
      missing: ['ExcelApi 1.13'],
    });
    expect(manifestAdmits(manifest, HOST_PROFILES.web.requirementSets).loads).toBe(true);
  });
});

describe('cell-edit mode', () => {
  const write = (options?: Excel.RunOptions) => {
    const batch = async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C1').values = [['x']];
      await ctx.sync();
    };
    return options ? Excel.run(options, batch) : Excel.run(batch);
  };

  test('while a cell is being edited a request fails with InvalidOperationInCellEditMode', async () => {
    const o = open();
    o.executor.cellEdit.begin();
    expect(await failure(write())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(cell(o, 0, 1, 3)).toBeUndefined();
  });

  test('with delayForCellEdit it waits for the edit to end, then runs', async () => {
    const o = open();
    o.executor.cellEdit.begin();
    const pending = write({ delayForCellEdit: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cell(o, 0, 1, 3)).toBeUndefined();
    o.executor.cellEdit.end();
    await pending;
    expect(cell(o, 0, 1, 3).value).toBe('x');
  });
});

describe('read-only and view-only workbooks', () => {
  const attempt = () =>
    failure(
      Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.getRange('C1').values = [['x']];
        await ctx.sync();
      }),
    );
  const protectedNow = () =>
    Excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Data').protection;
      p.load('protected');
      await ctx.sync();
      return p.protected;
    });

  test('a read-only workbook refuses writes with AccessDenied; the sheet is not protected and the mode says why', async () => {
    open(data(), { documentMode: 'readOnly' });
    const err = await attempt();
    expect(err).toMatchObject({ code: 'AccessDenied' });
    expect(err!.message).toMatch(/read-only/);
    expect(await protectedNow()).toBe(false);
    expect(Office.context.document.mode).toBe('readOnly');
  });

  test('view-only says so, a protected sheet says it is protected', async () => {
    open(data(), { documentMode: 'viewOnly' });
    expect((await attempt())!.message).toMatch(/viewing/);
    const wb = data();
    wb.sheets[0].protected = true;
    open(wb);
    const err = await attempt();
    expect(err).toMatchObject({ code: 'AccessDenied' });
    expect(err!.message).toMatch(/protected sheet/);
    expect(await protectedNow()).toBe(true);
    expect(Office.context.document.mode).toBe('readWrite');
  });
});

describe('RangeExceedsLimit', () => {
  const readColumns = () =>
    failure(
      Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Data').getRange('A:E');
        r.load('values');
        await ctx.sync();
      }),
    );

  test('reading the values of more than 5,000,000 cells fails with RangeExceedsLimit', async () => {
    open();
    expect(await readColumns()).toMatchObject({ code: 'RangeExceedsLimit' });
  });

  test('switched off, only the response size stops it', async () => {
    open(data(), without('cellLimit', null));
    expect(await readColumns()).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

describe('formula references follow inserted and deleted rows', () => {
  const withFormulas = () => {
    const wb = data();
    wb.sheets[0].cells[cellKey(1, 3)] = { value: 3, formula: '=SUM(B1:B2)' };
    wb.sheets[0].cells[cellKey(1, 4)] = { value: 'B2', formula: '="B2"' };
    wb.sheets[1].cells[cellKey(2, 1)] = { value: 4, formula: "=Data!B2*2+'Data'!$B$1" };
    return wb;
  };
  const structure = (address: string, op: 'insert' | 'delete') =>
    Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange(address);
      if (op === 'insert') r.insert(Excel.InsertShiftDirection.down);
      else r.delete(Excel.DeleteShiftDirection.up);
      await ctx.sync();
    });

  test('on the same sheet and on others, text in quotes left alone', async () => {
    const o = open(withFormulas());
    await structure('1:1', 'insert');
    expect(cell(o, 0, 2, 3).formula).toBe('=SUM(B2:B3)');
    expect(cell(o, 0, 2, 4).formula).toBe('="B2"');
    expect(cell(o, 1, 2, 1).formula).toBe("=Data!B3*2+'Data'!$B$2");
  });

  test('a reference to deleted cells becomes #REF!', async () => {
    const o = open(withFormulas());
    await structure('2:2', 'delete');
    expect(cell(o, 1, 2, 1).formula).toBe("=#REF!*2+'Data'!$B$1");
    expect(cell(o, 0, 1, 3).formula).toBe('=SUM(B1:B1)');
  });

  test('switched off, formulas keep their old references', async () => {
    const o = open(withFormulas(), without('shiftFormulaReferences', false));
    await structure('1:1', 'insert');
    expect(cell(o, 0, 2, 3).formula).toBe('=SUM(B1:B2)');
  });
});

describe('typed text read in the host locale', () => {
  const write = (texts: string[]) =>
    Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      const r = s.getRange('A5').getResizedRange(0, texts.length - 1);
      r.values = [texts];
      r.load('values,numberFormat');
      await ctx.sync();
      return { values: r.values[0], formats: r.numberFormat[0] };
    });

  test('Indonesian: dates day first, month names, rupiah, decimal commas, groups, fractions, times', async () => {
    open(data(), { inputLocale: 'id-ID' });
    const r = await write([
      '1/2',
      'Jan-25',
      'Rp 1.000',
      '3,46',
      '1.686',
      '1 1/2',
      '12:30',
      'Dinas A',
    ]);
    expect(r.values).toEqual([
      serialDate(2025, 2, 1),
      serialDate(2025, 1, 25),
      1000,
      3.46,
      1686,
      1.5,
      0.5208333333333334,
      'Dinas A',
    ]);
    expect(r.formats).toEqual([
      'd-mmm',
      'd-mmm',
      '[$Rp-421]#,##0',
      'General',
      '#,##0',
      '# ?/?',
      'h:mm',
      'General',
    ]);
  });

  test('English (United States): "1/2" is the 2nd of January, "Jan-32" a month', async () => {
    open(data(), { inputLocale: 'en-US' });
    const r = await write(['1/2', 'Jan-32', '$1,000', '3,46']);
    expect(r.values).toEqual([serialDate(2025, 1, 2), serialDate(1932, 1, 1), 1000, '3,46']);
  });

  test('switched off, such text stays text', async () => {
    open(data(), { inputLocale: 'id-ID', ...without('localeInput', false) });
    const r = await write(['1/2', 'Rp 1.000']);
    expect(r.values).toEqual(['1/2', 'Rp 1.000']);
  });
});
