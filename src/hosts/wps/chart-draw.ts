import { rangeAddress, type CellRange } from '../../core/a1';
import type { ChartPlan } from '../../core/merge/chart-spec';
import { step } from './summary-errors';
import type { EtWorksheetSurface } from './wps-surface';

/**
 * A summary's chart drawn through ET the way public WPS add-ins do it (aiworkdeck wpsEtHandlers.js excel_add_chart;
 * pi-for-excel made one from a JS pane): `ChartObjects().Add(left, top, width, height)` in points over the plan's
 * anchor cells, `SetSourceData` on the chart's cells, `ChartType`, then `HasTitle` before the title's text.
 *
 * The source is the series' columns under their header, the category column first (PlotBy xlColumns): the header
 * row names the series and the text column gives the categories, as Excel's and ET's source-data reading does for a
 * block whose first column is text. Columns apart from one another are given as one multi-area address
 * ("A3:A9,F3:F9"), as a VBA range may be.
 */

/** Kso.XlChartType: xlBarClustered 57, xlColumnClustered 51 (lib.kso.d.ts); PlotBy xlColumns 2; xlCategory 1; xlMaximum 2. */
export const CHART_TYPE = { bar: 57, column: 51 } as const;
const XL_COLUMNS = 2;
const XL_CATEGORY = 1;
const XL_MAXIMUM = 2;

/** The chart's cells: the category column then each series' column, from the header row to the last data row. */
export function chartSourceAddress(chart: ChartPlan): string {
  const top = Math.min(...chart.series.map((s) => s.nameCell.top));
  const bottom = chart.categories.bottom;
  const columns = [chart.categories.left, ...chart.series.map((s) => s.values.left)];
  const areas: CellRange[] = [];
  for (const c of columns) {
    const last = areas[areas.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else areas.push({ top, left: c, bottom, right: c });
  }
  return areas.map(rangeAddress).join(',');
}

export interface DrawnChart {
  /** Whether the bars were put in the table's order (the axis call worked). */
  ordered: boolean;
}

/** Draws one chart of the plan on its summary sheet. About 20 calls. */
export function drawChart(ws: EtWorksheetSurface, chart: ChartPlan): DrawnChart {
  return step('插入图表', () => {
    const anchor = ws.Range(rangeAddress(chart.anchor));
    const [left, top, width, height] = [anchor.Left, anchor.Top, anchor.Width, anchor.Height];
    const object = ws.ChartObjects().Add(left, top, width, height);
    const drawn = object.Chart;
    drawn.SetSourceData(ws.Range(chartSourceAddress(chart)), XL_COLUMNS);
    drawn.ChartType = CHART_TYPE[chart.kind];
    drawn.HasTitle = true;
    drawn.ChartTitle.Text = chart.title;
    drawn.HasLegend = chart.legend;
    let ordered = !chart.reverseCategories;
    if (chart.reverseCategories) {
      // Bars read top to bottom in the table's order, the value axis kept at the bottom (as the Office host does
      // with reversePlotOrder and position "Maximum"). No source says the JS bridge has it: a refusal leaves the
      // chart as drawn, bars in reverse order.
      try {
        const axis = drawn.Axes().Item(XL_CATEGORY);
        axis.ReversePlotOrder = true;
        axis.Crosses = XL_MAXIMUM;
        ordered = true;
      } catch {
        ordered = false;
      }
    }
    return { ordered };
  });
}
