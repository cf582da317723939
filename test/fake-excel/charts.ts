import { rangeAddress } from '../../src/core/a1';
import type { ChartSeriesSurface, ChartsSurface, ChartSurface, RangeSurface } from '../../src/hosts/office/excel-surface';
import { FakeExcelError, notLoaded } from './errors';
import type { FakeRange, FakeRequestContext, FakeWorksheet } from './host';
import type { SheetState } from './state';

/**
 * A minimal chart collection on the fake's worksheets: what the summary writer uses, recorded so tests can read it.
 * Modelled on the ChartCollection.add page (learn.microsoft.com/javascript/api/excel/excel.chartcollection, "add(type,
 * sourceData, seriesBy)": ExcelApi 1.1) and the Chart and ChartSeries pages (setPosition 1.1; series.add, setValues,
 * setXAxisValues 1.7). Those pages document no error for add, so none is modelled beyond the sheet having to exist
 * and the source being on the chart's own sheet (the only use here). seriesBy 'Auto' differs by platform
 * (Excel.ChartSeriesBy: "In Excel on desktop, the "auto" option will inspect the source data shape to automatically
 * guess whether the data is by rows or columns. In Excel on the web, "auto" will simply default to "columns"."); the
 * desktop's guess is not described, so the fake refuses 'Auto' and the add-in says Columns (write-summaries.ts).
 */
export interface FakeSeriesState {
  name: string;
  /** Addresses on the chart's sheet, e.g. B3:B8. */
  values: string | undefined;
  xValues: string | undefined;
}

export interface FakeChartState {
  type: string;
  source: string;
  seriesBy: string;
  title: string | undefined;
  legendVisible: boolean | undefined;
  legendPosition: string | undefined;
  /** setPosition's cells, as addresses. */
  position: { start: string; end: string | undefined } | undefined;
  series: FakeSeriesState[];
  /** The category axis as set: ChartAxis.reversePlotOrder and ChartAxis.position; undefined until set. */
  categoryAxis: { reversePlotOrder: boolean | undefined; position: string | undefined };
}

const charts = new WeakMap<SheetState, FakeChartState[]>();

/** The charts on a sheet, in the order they were added. */
export function chartsOf(sheet: SheetState): FakeChartState[] {
  let list = charts.get(sheet);
  if (!list) charts.set(sheet, (list = []));
  return list;
}

/** A range handed to a chart: one of this fake's, on the chart's sheet. */
function addressOn(ws: FakeWorksheet, range: RangeSurface | string): string {
  if (typeof range === 'string') return range;
  const fake = range as FakeRange;
  if (fake.ws.sheet() !== ws.sheet())
    throw new FakeExcelError('InvalidArgument', 'The fake host charts ranges of the chart’s own sheet only.');
  return rangeAddress(fake.rect);
}

export class FakeCharts implements ChartsSurface {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  add(type: 'BarClustered' | 'ColumnClustered', sourceData: RangeSurface, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): ChartSurface {
    this.ctx.host.requireSet('ChartCollection.add', '1.1');
    if (seriesBy === 'Auto')
      throw new Error('The fake host does not guess series (seriesBy Auto: the desktop guess is not described): say Columns or Rows.');
    const chart = new FakeChart(this.ctx, this.ws);
    this.ctx.enqueue('charts.add', [type, seriesBy], () => {
      const source = (sourceData as FakeRange).rect;
      const lines =
        seriesBy === 'Columns'
          ? Array.from({ length: source.right - source.left + 1 }, (_, j) => ({ ...source, left: source.left + j, right: source.left + j }))
          : Array.from({ length: source.bottom - source.top + 1 }, (_, i) => ({ ...source, top: source.top + i, bottom: source.top + i }));
      const state: FakeChartState = {
        type,
        source: addressOn(this.ws, sourceData),
        seriesBy,
        title: undefined,
        legendVisible: undefined,
        legendPosition: undefined,
        position: undefined,
        series: lines.map((line, i) => ({ name: `Series${i + 1}`, values: rangeAddress(line), xValues: undefined })),
        categoryAxis: { reversePlotOrder: undefined, position: undefined },
      };
      chartsOf(this.ws.sheet()).push(state);
      chart.state = state;
    });
    return chart;
  }
}

class FakeChart implements ChartSurface {
  state: FakeChartState | undefined;
  readonly title: ChartSurface['title'];
  readonly legend: ChartSurface['legend'];
  readonly series: ChartSurface['series'];
  readonly axes: ChartSurface['axes'];

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    // An object of the request (host.ts, REQUEST_OBJECT_BYTES), as a series is.
    ctx.noteObject();
    const set = (what: string, value: unknown, apply: (s: FakeChartState) => void) =>
      ctx.enqueue(`chart.${what}`, value, () => apply(this.chart()));
    this.title = {
      get text(): string {
        throw notLoaded('title');
      },
      set text(text: string) {
        set('title.text', text, (s) => (s.title = text));
      },
      get visible(): boolean {
        throw notLoaded('title');
      },
      set visible(_on: boolean) {
        set('title.visible', _on, () => undefined);
      },
    };
    this.legend = {
      get visible(): boolean {
        throw notLoaded('legend');
      },
      set visible(on: boolean) {
        set('legend.visible', on, (s) => (s.legendVisible = on));
      },
      get position(): Excel.ChartLegend['position'] {
        throw notLoaded('legend');
      },
      set position(where: Excel.ChartLegend['position']) {
        set('legend.position', where, (s) => (s.legendPosition = where));
      },
    };
    // Chart.axes and ChartAxes.categoryAxis: ExcelApi 1.1; ChartAxis.reversePlotOrder: 1.7; ChartAxis.position: 1.8
    // ("Specifies the specified axis position where the other axis crosses", Excel.ChartAxisPosition) — the ChartAxis
    // reference page. Setting them on a chart that exists raises no documented error.
    const categoryAxis = {
      get reversePlotOrder(): boolean {
        throw notLoaded('reversePlotOrder');
      },
      set reversePlotOrder(on: boolean) {
        ctx.host.requireSet('ChartAxis.reversePlotOrder', '1.7');
        set('axes.categoryAxis.reversePlotOrder', on, (s) => (s.categoryAxis.reversePlotOrder = on));
      },
      get position(): Excel.ChartAxis['position'] {
        throw notLoaded('position');
      },
      set position(where: Excel.ChartAxis['position']) {
        ctx.host.requireSet('ChartAxis.position', '1.8');
        set('axes.categoryAxis.position', where, (s) => (s.categoryAxis.position = where));
      },
    };
    this.axes = { categoryAxis };
    this.series = {
      getItemAt: (index: number) => {
        const series = new FakeSeries(ctx, ws, () => {
          const found = this.chart().series[index];
          if (!found) throw new FakeExcelError('ItemNotFound', 'The requested resource doesn’t exist.');
          return found;
        });
        return series;
      },
      add: (name?: string, index?: number) => {
        ctx.host.requireSet('ChartSeriesCollection.add', '1.7');
        let added: FakeSeriesState | undefined;
        ctx.enqueue('chart.series.add', [name, index], () => {
          added = { name: name ?? `Series${this.chart().series.length + 1}`, values: undefined, xValues: undefined };
          this.chart().series.splice(index ?? this.chart().series.length, 0, added);
        });
        return new FakeSeries(ctx, ws, () => added as FakeSeriesState);
      },
    };
  }

  chart(): FakeChartState {
    if (!this.state) throw new FakeExcelError('ItemNotFound', 'The requested resource doesn’t exist.');
    return this.state;
  }

  setPosition(startCell: RangeSurface | string, endCell?: RangeSurface | string): void {
    this.ctx.enqueue('chart.setPosition', null, () => {
      this.chart().position = {
        start: addressOn(this.ws, startCell),
        end: endCell === undefined ? undefined : addressOn(this.ws, endCell),
      };
    });
  }
}

class FakeSeries implements ChartSeriesSurface {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    private readonly state: () => FakeSeriesState,
  ) {
    ctx.noteObject();
  }

  get name(): string {
    throw notLoaded('name');
  }
  set name(name: string) {
    this.ctx.enqueue('series.name', name, () => (this.state().name = name));
  }
  setValues(sourceData: RangeSurface): void {
    this.ctx.host.requireSet('ChartSeries.setValues', '1.7');
    this.ctx.enqueue('series.setValues', null, () => (this.state().values = addressOn(this.ws, sourceData)));
  }
  setXAxisValues(sourceData: RangeSurface): void {
    this.ctx.host.requireSet('ChartSeries.setXAxisValues', '1.7');
    this.ctx.enqueue('series.setXAxisValues', null, () => (this.state().xValues = addressOn(this.ws, sourceData)));
  }
}
