import { columnLetters, type CellRange } from '../a1';
import type { SummaryTable, SummaryValue } from './summaries';

/**
 * A chart a summary table may carry: bars or columns of some of its number columns, one bar per data row (the totals
 * row is never charted), labelled by one of its columns. Columns are named by their header text, so the core names
 * no particular form here; whoever builds the table chooses.
 */
export interface SummaryChart {
  title: string;
  /** 'bar': horizontal bars (long labels read well); 'column': upright columns. */
  kind: 'bar' | 'column';
  /** Header text of the column that labels the bars. */
  category: string;
  /** Header texts of the number columns drawn, one series each. */
  series: string[];
  /** A constant drawn across every category as a line (a quota, 50%). */
  target?: { label: string; value: number };
}

/** Where a table's rows sit on its sheet (from the summary plan) and how wide its columns are. */
export interface ChartLayout {
  columns: number;
  /** Each column's width in characters. */
  columnWidths: readonly number[];
  /** The header row holding the series' names (zero-based). */
  headerRow: number;
  /** The first data row (zero-based). */
  bodyTop: number;
  /** Data rows, the totals row not counted. */
  dataRows: number;
  /** Data rows plus the totals row, if any. */
  bodyRows: number;
}

export interface ChartSeriesPlan {
  name: string;
  /** The header cell holding the name. */
  nameCell: CellRange;
  /** The data cells of the column (one column wide). */
  values: CellRange;
  /** The values as the sheet holds them, for writers that store a cache: a number, or null for anything else. */
  numbers: (number | null)[];
}

/** One chart of a summary sheet, placed: every range zero-based, inclusive, on the summary's own sheet. */
export interface ChartPlan {
  title: string;
  kind: 'bar' | 'column';
  /** The data cells of the category column. */
  categories: CellRange;
  /** The categories as shown, for writers that store a cache. */
  categoryTexts: string[];
  series: ChartSeriesPlan[];
  target: { label: string; value: number } | undefined;
  /** A legend only when there is more than one thing to tell apart. */
  legend: boolean;
  /**
   * The categories top to bottom in the table's order. A bar chart plots its first category nearest the value axis,
   * at the bottom (Excel's "Categories in reverse order" is off by default); reversed, with the value axis kept at the
   * bottom, the bars read in the table's order. Column charts already read left to right.
   */
  reverseCategories: boolean;
  /** The cells the chart covers: from the top-left of `top`/`left` to the bottom-right of `bottom`/`right`. */
  anchor: CellRange;
}

/** Width in characters of a column the summary leaves at its default (Excel's 8.43). */
export const DEFAULT_COLUMN_CHARS = 8.43;
/** Columns of default width a chart to the right of its table spans, with one empty column between. */
const SIDE_CHART_COLUMNS = 8;
/** A table at most this wide (in characters) gets its charts to its right; a wider one, below it. */
const SIDE_BY_SIDE_WIDTH = 60;
/** Widest a chart below its table reaches, in characters of the table's column widths. */
const BELOW_CHART_WIDTH = 70;
const MIN_ROWS = 16;
const MAX_ROWS = 40;

/** Whether this layout puts charts to the right of the table (else below it). */
export function chartsBeside(layout: ChartLayout): boolean {
  return layout.columnWidths.reduce((a, b) => a + b, 0) <= SIDE_BY_SIDE_WIDTH;
}

/** Characters of width a chart to the right adds to the printed sheet (the gap column included). */
export const SIDE_CHART_WIDTH = (SIDE_CHART_COLUMNS + 1) * DEFAULT_COLUMN_CHARS;

function columnOf(table: SummaryTable, header: string, what: string): number {
  const j = table.header.indexOf(header);
  if (j < 0) throw new Error(`Chart “${what}”: the table “${table.sheetName}” has no column “${header}”.`);
  return j;
}

/** Rows a chart is tall: horizontal bars get room for their labels. */
function chartRows(chart: SummaryChart, dataRows: number): number {
  const wanted = chart.kind === 'bar' ? Math.ceil(dataRows * 1.3 * Math.max(1, chart.series.length * 0.6)) + 6 : MIN_ROWS;
  return Math.min(MAX_ROWS, Math.max(MIN_ROWS, wanted));
}

const shown = (value: SummaryValue | undefined): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/**
 * Where a chart's data is on the sheet (the ranges the summary plan lays the table out in) and where the chart goes:
 * `top` is the first row the chart may use (charts of one table go one under the other). Undefined when the table
 * has no data rows: there is nothing to draw.
 */
export function planChart(table: SummaryTable, chart: SummaryChart, layout: ChartLayout, top?: number): ChartPlan | undefined {
  const c = columnOf(table, chart.category, chart.title);
  const columns = chart.series.map((s) => columnOf(table, s, chart.title));
  if (columns.length === 0) throw new Error(`Chart “${chart.title}” has no series.`);
  if (layout.dataRows === 0) return undefined;
  const first = layout.bodyTop;
  const last = layout.bodyTop + layout.dataRows - 1;
  const data = table.rows.slice(0, layout.dataRows);
  const beside = chartsBeside(layout);
  const rows = chartRows(chart, layout.dataRows);
  let anchor: CellRange;
  if (beside) {
    const left = layout.columns + 1;
    const from = top ?? layout.headerRow;
    anchor = { top: from, left, bottom: from + rows - 1, right: left + SIDE_CHART_COLUMNS - 1 };
  } else {
    let right = 0;
    for (let width = layout.columnWidths[0] ?? 0; right < layout.columns - 1 && width < BELOW_CHART_WIDTH;)
      width += layout.columnWidths[++right] ?? 0;
    const from = top ?? layout.bodyTop + layout.bodyRows + 1;
    anchor = { top: from, left: 0, bottom: from + rows - 1, right };
  }
  return {
    title: chart.title,
    kind: chart.kind,
    reverseCategories: chart.kind === 'bar',
    categories: { top: first, left: c, bottom: last, right: c },
    categoryTexts: data.map((row) => shown(row[c])),
    series: chart.series.map((name, i) => {
      const j = columns[i] as number;
      return {
        name,
        nameCell: { top: layout.headerRow, left: j, bottom: layout.headerRow, right: j },
        values: { top: first, left: j, bottom: last, right: j },
        numbers: data.map((row) => {
          const v = row[j];
          return typeof v === 'number' && Number.isFinite(v) ? v : null;
        }),
      };
    }),
    target: chart.target ? { ...chart.target } : undefined,
    legend: chart.series.length + (chart.target ? 1 : 0) > 1,
    anchor,
  };
}

/** All the charts of a table, placed one under the other. */
export function planCharts(table: SummaryTable, layout: ChartLayout): ChartPlan[] {
  const plans: ChartPlan[] = [];
  let top: number | undefined;
  for (const chart of table.charts ?? []) {
    const plan = planChart(table, chart, layout, top);
    if (!plan) continue;
    plans.push(plan);
    top = plan.anchor.bottom + 2;
  }
  return plans;
}

/**
 * A range as an absolute reference on a named sheet, as chart formulas spell it: 'Sheet name'!$A$3:$A$12. The name
 * is always quoted (an apostrophe in it doubled), so no sheet name can end the reference early.
 */
export function sheetReference(sheetName: string, range: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const start = cell(range.top, range.left);
  const end = cell(range.bottom, range.right);
  return `'${sheetName.replace(/'/g, "''")}'!${start === end ? start : `${start}:${end}`}`;
}
