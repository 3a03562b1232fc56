/**
 * Charts in the simulated host, as far as the add-in draws them: add a chart
 * from a range, set its title, legend, position and the fill of one point.
 * Charts live in SheetModel.charts as plain data; nothing is drawn.
 */
import { qualifiedAddress, parseAddress } from './a1';
import { ErrorCodes, Messages, simError } from './errors';
import { SimClientObject, type ContextCore, type Exec } from './client';
import type { ChartModel, SheetModel } from './model';
import { normaliseColor } from './color';
import type { RangeLike, WorksheetLike } from './objects/shared';

export const ChartType = {
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  barClustered: 'BarClustered',
  barStacked: 'BarStacked',
  line: 'Line',
  lineMarkers: 'LineMarkers',
  pie: 'Pie',
  doughnut: 'Doughnut',
  area: 'Area',
  xyscatter: 'XYScatter',
  radar: 'Radar',
} as const;

export const ChartSeriesBy = { auto: 'Auto', columns: 'Columns', rows: 'Rows' } as const;

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

function guard(sheet: SheetModel, location: string): void {
  if (sheet.protected) throw simError(ErrorCodes.accessDenied, Messages.protectedSheet(), location);
}

function rangeAddress(
  exec: Exec,
  sheet: SheetModel,
  r: RangeLike | string,
  location: string,
): string {
  if (typeof r === 'string') {
    const p = parseAddress(r);
    if (!p) throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
    return qualifiedAddress(p.sheet ?? sheet.name, p.area);
  }
  const t = r._resolve(exec);
  if (!t) throw simError(ErrorCodes.invalidArgument, Messages.invalidArgument(), location);
  return qualifiedAddress(t.sheet.name, t.area);
}

/** A part of a chart (title, legend, a point's fill): resolves through its chart. */
abstract class SimChartPart extends SimClientObject {
  constructor(
    ctx: ContextCore,
    readonly _chart: SimChart,
    path: string,
  ) {
    super(ctx, _chart, path);
  }

  _resolve(exec: Exec): ChartTarget | null {
    return this._chart._resolve(exec);
  }

  _change(prop: string, value: unknown, apply: (c: ChartModel) => void): void {
    this._fields[prop] = value;
    this._queue({
      wire: { set: prop, value },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guard(t.sheet, `${this._typeName}.${prop}`);
        apply(t.chart);
      },
      label: () => `${this._path}.${prop} = ${JSON.stringify(value)}`,
    });
  }
}

export class SimChartTitle extends SimChartPart {
  readonly _typeName = 'ChartTitle';
  readonly _scalarNames: readonly string[] = ['text', 'visible'];

  _read(exec: Exec, prop: string): unknown {
    const c = this._resolve(exec)!.chart;
    return prop === 'text'
      ? (c.title ?? '')
      : prop === 'visible'
        ? c.title !== undefined
        : undefined;
  }

  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._change('text', v, (c) => {
      c.title = v;
    });
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._change('visible', v, (c) => {
      if (!v) delete c.title;
    });
  }
}

export class SimChartLegend extends SimChartPart {
  readonly _typeName = 'ChartLegend';
  readonly _scalarNames: readonly string[] = ['visible'];

  _read(exec: Exec, prop: string): unknown {
    return prop === 'visible' ? this._resolve(exec)!.chart.legendVisible !== false : undefined;
  }

  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._change('visible', v, (c) => {
      c.legendVisible = v;
    });
  }
}

export class SimChartFill extends SimChartPart {
  readonly _typeName = 'ChartFill';
  readonly _scalarNames: readonly string[] = [];

  constructor(
    ctx: ContextCore,
    chart: SimChart,
    path: string,
    private readonly _series: number,
    private readonly _point: number,
  ) {
    super(ctx, chart, path);
  }

  _read(): unknown {
    return undefined;
  }

  setSolidColor(color: string): void {
    this._change('solidColor', color, (c) => {
      const fill = normaliseColor(color, 'ChartFill.setSolidColor');
      c.pointFills = [
        ...(c.pointFills ?? []).filter((p) => p.series !== this._series || p.point !== this._point),
        { series: this._series, point: this._point, color: fill },
      ];
    });
  }

  clear(): void {
    this._change('clear', true, (c) => {
      c.pointFills = (c.pointFills ?? []).filter(
        (p) => p.series !== this._series || p.point !== this._point,
      );
    });
  }
}

/** series.getItemAt(i).points.getItemAt(j).format.fill: only the fill of a point is kept. */
function pointAccess(ctx: ContextCore, chart: SimChart, series: number) {
  const base = `${chart._path}.series.getItemAt(${series})`;
  return {
    points: {
      getItemAt: (point: number) => ({
        format: {
          fill: new SimChartFill(
            ctx,
            chart,
            `${base}.points.getItemAt(${point}).format.fill`,
            series,
            point,
          ),
        },
      }),
    },
  };
}

export class SimChart extends SimClientObject {
  readonly _typeName = 'Chart';
  readonly _scalarNames: readonly string[] = ['name', 'chartType'];
  _target: ChartTarget | null | undefined = undefined;
  readonly title: SimChartTitle;
  readonly legend: SimChartLegend;
  readonly series: { getItemAt(index: number): ReturnType<typeof pointAccess> };

  constructor(
    ctx: ContextCore,
    parent: SimClientObject,
    path: string,
    private readonly _locate: (exec: Exec) => ChartTarget | null,
  ) {
    super(ctx, parent, path);
    this.title = new SimChartTitle(ctx, this, `${path}.title`);
    this.legend = new SimChartLegend(ctx, this, `${path}.legend`);
    this.series = { getItemAt: (i: number) => pointAccess(ctx, this, i) };
  }

  _resolve(exec: Exec): ChartTarget | null {
    if (this._target === undefined) this._target = this._locate(exec);
    return this._target;
  }

  _nav(name: string): SimClientObject | undefined {
    if (name === 'title') return this.title;
    if (name === 'legend') return this.legend;
    return undefined;
  }

  _read(exec: Exec, prop: string): unknown {
    const c = this._resolve(exec)!.chart;
    return prop === 'name' ? c.name : prop === 'chartType' ? c.type : undefined;
  }

  get name(): string {
    return this._get('name');
  }

  get chartType(): string {
    return this._get('chartType');
  }

  /** Anchors the chart at a cell (or over a range), as Chart.setPosition does. */
  setPosition(startCell: RangeLike | string, endCell?: RangeLike | string): void {
    this._queue({
      wire: {
        method: 'setPosition',
        start: typeof startCell === 'string' ? startCell : startCell._path,
        end: endCell === undefined ? null : typeof endCell === 'string' ? endCell : endCell._path,
      },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guard(t.sheet, 'Chart.setPosition');
        t.chart.position = {
          start: rangeAddress(exec, t.sheet, startCell, 'Chart.setPosition'),
          end:
            endCell === undefined
              ? undefined
              : rangeAddress(exec, t.sheet, endCell, 'Chart.setPosition'),
        };
      },
      label: () => `${this._path}.setPosition(...)`,
    });
  }

  delete(): void {
    this._queue({
      wire: { method: 'delete' },
      run: (exec) => {
        const t = this._resolve(exec);
        if (!t) return;
        guard(t.sheet, 'Chart.delete');
        t.sheet.charts = (t.sheet.charts ?? []).filter((c) => c !== t.chart);
      },
      label: () => `${this._path}.delete()`,
    });
  }
}

export class SimChartCollection extends SimClientObject {
  readonly _typeName = 'ChartCollection';
  readonly _scalarNames: readonly string[] = ['count'];
  _items: SimChart[] | undefined;

  constructor(
    ctx: ContextCore,
    readonly _sheet: WorksheetLike,
  ) {
    super(ctx, _sheet, `${_sheet._path}.charts`);
  }

  _resolve(exec: Exec): SheetModel | null {
    return this._sheet._resolve(exec);
  }

  _read(exec: Exec, prop: string): unknown {
    return prop === 'count' ? (this._resolve(exec)!.charts ?? []).length : undefined;
  }

  get count(): number {
    return this._get('count');
  }

  add(
    type: string,
    sourceData: RangeLike | string,
    seriesBy: string = ChartSeriesBy.auto,
  ): SimChart {
    let created: ChartTarget | null = null;
    const chart = new SimChart(
      this.context,
      this,
      `${this._path}.add(${JSON.stringify(type)})`,
      () => created,
    );
    this._queue({
      wire: { method: 'add', type, seriesBy },
      run: (exec) => {
        const sheet = this._resolve(exec);
        if (!sheet) return;
        guard(sheet, 'ChartCollection.add');
        if (typeof type !== 'string' || type === '')
          throw simError(
            ErrorCodes.invalidArgument,
            Messages.invalidArgument(),
            'ChartCollection.add',
          );
        const charts = (sheet.charts ??= []);
        let n = charts.length + 1;
        while (charts.some((c) => c.name === `Chart ${n}`)) n++;
        const model: ChartModel = {
          name: `Chart ${n}`,
          type,
          source: rangeAddress(exec, sheet, sourceData, 'ChartCollection.add'),
          seriesBy,
        };
        charts.push(model);
        created = { sheet, chart: model };
      },
      label: () => `${this._sheet._describe()}.charts.add(${type})`,
    });
    return chart;
  }

  getItemAt(index: number): SimChart {
    return new SimChart(this.context, this, `${this._path}.getItemAt(${index})`, (exec) => {
      const sheet = this._resolve(exec);
      if (!sheet) return null;
      const chart = (sheet.charts ?? [])[index];
      if (!chart)
        throw simError(
          ErrorCodes.itemNotFound,
          Messages.itemNotFound(),
          'ChartCollection.getItemAt',
        );
      return { sheet, chart };
    });
  }
}
