import { chartsBeside, planCharts, SIDE_CHART_WIDTH, type ChartPlan } from './chart-spec';
import { columnWidthToPoints, POINTS_PER_INCH } from '../units';
import type { SummaryTable, SummaryValue } from './summaries';

/**
 * How a summary sheet looks, decided once here and drawn as it is by every writer (the .xlsx file and Office.js):
 * where the title, header and rows go, each cell's number format, fonts, fills, borders, widths, frozen panes and
 * print settings. Writers only encode it; they make no choice of their own about the look.
 */

/** Excel number format codes, the same in SpreadsheetML and in Office.js. */
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const GENERAL_FORMAT = 'General';

export type SummaryColumnFormat = SummaryTable['formats'][number];

export interface SummaryFont {
  name: string;
  size: number;
  bold: boolean;
}

/** The look of one region of cells (title, header, data rows, totals row). Colours are "#RRGGBB". */
export interface SummaryCellStyle {
  font: SummaryFont;
  /** Solid background, or none. */
  fill: string | undefined;
  horizontal: 'General' | 'Center' | 'Left';
  vertical: 'Center' | 'Bottom';
  wrap: boolean;
}

/** A thin line of one colour around and between every cell of a rectangle. */
export interface SummaryBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
  color: string;
}

/** Rows and columns with one style; zero-based, inclusive. */
export interface SummaryRegion {
  top: number;
  bottom: number;
  style: SummaryCellStyle;
}

/** Footer text in Excel's header/footer codes (&P page, &N pages; a literal & is &&), left, centre, right. */
export interface SummaryFooter {
  left: string;
  center: string;
  right: string;
}

/** What every printed sheet's plan sets: paper, orientation, fit to pages, centring and margins. */
export interface PageBasics {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Pages wide (1) and tall (0: as many as it takes). */
  fitToWidth: number;
  fitToHeight: number;
  horizontalCentered: boolean;
  /** Inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface SummaryPrint extends PageBasics {
  /** Rows repeated at the top of every printed page (zero-based, inclusive): the header rows. */
  titleRows: { top: number; bottom: number };
  /** Columns repeated at the left of every page (the first, the unit), when the table is more than one page wide. */
  titleColumns: { left: number; right: number } | undefined;
  /** The print scale (percent) that fitting to `fitToWidth` pages comes to, as estimated from the widths. */
  scale: number;
  footer: SummaryFooter;
}

/** Cells merged into one (zero-based, inclusive). */
export interface SummaryMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SummaryPlan {
  sheetName: string;
  title: string;
  formId: string | null;
  /** Columns every row is padded to. */
  columns: number;
  /** Each column's width in characters. */
  columnWidths: number[];
  /**
   * Row 0: the title, in one cell merged across every column and centred; on a table printed more than one page
   * wide, left in its first cell, from where it reads on the first page (centred across pages it would be cut).
   */
  titleRow: { row: number; text: string; merge: { left: number; right: number } | undefined; numberFormat: string };
  /** The header rows, padded to `columns`, shown as text: the groups' row (when the table has groups), then the header. */
  headerRows: { row: number; values: string[] }[];
  /** Each group's cells over its columns, merged (groups of one column are not merged). */
  headerMerges: SummaryMerge[];
  /** Rows whose wrapped text needs more than one line, and their height in points; other rows keep Excel's default. */
  rowHeights: { row: number; height: number }[];
  /** The first row of data (then the totals row, if any). */
  bodyTop: number;
  /** Data rows then the totals row, padded to `columns`, and each cell's number format. */
  body: SummaryValue[][];
  bodyFormats: string[][];
  /** How many rows of `body` are data (the rest is the totals row). */
  dataRows: number;
  /** Title, header, data and totals regions, in drawing order; a later region's style wins. */
  regions: SummaryRegion[];
  boxes: SummaryBox[];
  /** Rows (title and header) and columns kept in view. No summary freezes columns yet. */
  freeze: { rows: number; columns: 0 };
  print: SummaryPrint;
  /** The table's charts, placed beside or below it (none unless the table carries some). */
  charts: ChartPlan[];
}

export interface SummaryPlanOptions {
  /** 制表单位 in the footer; left blank to be written in by hand when not known. */
  issuer?: string;
  /** 制表日期 in the footer, yyyy-mm-dd. */
  date?: string;
}

const FONT = '宋体';
const BLACK = '#000000';
const HEADER_FILL = '#F2F2F2';
/** Widest a table may be (in characters of column width) and still print on A4 portrait at a readable size. */
const PORTRAIT_WIDTH = 100;
const TITLE_ROWS = 1;
/** Column widths in characters: at least a short number, at most this for text, which wraps beyond it. */
const MIN_WIDTH = 5;
const MAX_TEXT_WIDTH = 30;
/**
 * A column of long texts (an introduction of several hundred characters) is widened, up to MAX_LONG_TEXT_WIDTH, until
 * its longest text takes no more than LONG_TEXT_LINES lines: a row stays shorter than a page and than Excel's tallest.
 */
const MAX_LONG_TEXT_WIDTH = 80;
const LONG_TEXT_LINES = 20;
/** A header wraps beyond this width rather than widen a column of short values. */
const MAX_HEADER_WIDTH = 8;
/** Points per line of 11-point text, and the padding of a cell of several lines. */
const LINE_HEIGHT = 14.25;
const ROW_PADDING = 3;
/** Excel's tallest row. */
const MAX_ROW_HEIGHT = 409;
/** The smallest print scale a table is fitted to: below it, the table is printed more pages wide, its unit column repeated. */
const MIN_SCALE = 0.6;
const MAX_PAGES_WIDE = 12;
const A4_INCHES = { short: 8.27, long: 11.69 };
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };

const font = (bold: boolean, size = 11): SummaryFont => ({ name: FONT, size, bold });
const grid = (bold: boolean, fill?: string): SummaryCellStyle => ({
  font: font(bold),
  fill,
  horizontal: 'General',
  vertical: 'Center',
  wrap: true,
});

export const SUMMARY_STYLES = {
  title: { font: font(true, 14), fill: undefined, horizontal: 'Center', vertical: 'Center', wrap: false },
  header: { ...grid(true, HEADER_FILL), horizontal: 'Center' },
  data: grid(false),
  totals: grid(true),
} as const satisfies Record<string, SummaryCellStyle>;

/** The number format of one cell: dates as yyyy-mm-dd wherever they are, else the column's. */
export function summaryNumberFormat(value: SummaryValue, format: SummaryColumnFormat): string {
  if (value instanceof Date) return DATE_FORMAT;
  return format === 'text' ? TEXT_FORMAT : format === 'date' ? DATE_FORMAT : GENERAL_FORMAT;
}

const pad = <T>(row: readonly T[], length: number, fill: T): T[] => [...row, ...Array<T>(Math.max(0, length - row.length)).fill(fill)];

/** Text for a header/footer section: & is Excel's code character, so a literal one is doubled. */
const footerText = (text: string) => text.replace(/&/g, '&&');

/** Width of text in characters of column width: a Chinese (full-width) character counts two. */
export function textWidth(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a surrogate pair is one character: wide when in the CJK planes (U+20000–U+3FFFD), which a high surrogate
    // D840–D8BF starts
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += c >= 0xd840 && c <= 0xd8bf ? 2 : 1;
      i++;
      continue;
    }
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    n += wide ? 2 : 1;
  }
  return n;
}

/** Text a value shows (a date as yyyy-mm-dd). */
function shownText(value: SummaryValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/** The widest line of a text, when it may be wrapped: its longest line as written. */
const widestLine = (text: string) => text.split('\n').reduce((n, line) => Math.max(n, textWidth(line)), 0);

/**
 * Each column's width in characters: wide enough for its values up to MAX_TEXT_WIDTH (longer text wraps), for its
 * header up to MAX_HEADER_WIDTH (a longer header wraps), for the numbers of its totals row (its words wrap), and
 * never less than MIN_WIDTH.
 */
function columnWidthsOf(
  header: readonly string[],
  data: readonly SummaryValue[][],
  totals: SummaryValue[] | undefined,
  columns: number,
): number[] {
  return Array.from({ length: columns }, (_, j) => {
    const total = totals?.[j];
    const rows = typeof total === 'number' ? [...data, totals as SummaryValue[]] : data;
    const values = rows.reduce((n, row) => Math.max(n, widestLine(shownText(row[j] ?? null))), 0);
    const longest = rows.reduce((n, row) => Math.max(n, textWidth(shownText(row[j] ?? null))), 0);
    const long = Math.min(MAX_LONG_TEXT_WIDTH, Math.ceil(longest / LONG_TEXT_LINES));
    const heading = widestLine(header[j] ?? '');
    const wanted = Math.max(Math.min(heading, MAX_HEADER_WIDTH), Math.min(values, Math.max(MAX_TEXT_WIDTH, long))) + 1;
    return Math.max(MIN_WIDTH, wanted);
  });
}

/** Lines a text takes in a cell of that width once wrapped. */
function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / room)), 0);
}

/** A row's height when some cell's text wraps onto more lines than one, else none. */
function heightOf(cells: { text: string; width: number }[]): number | undefined {
  const lines = cells.reduce((n, c) => Math.max(n, c.text ? linesIn(c.text, c.width) : 1), 1);
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING) : undefined;
}

/** The groups over the header, as spans from the first column; columns past the last group have none. */
function groupsOf(table: SummaryTable, columns: number): { title: string; left: number; right: number }[] {
  const out: { title: string; left: number; right: number }[] = [];
  let left = 0;
  for (const g of table.headerGroups ?? []) {
    const span = Math.max(1, Math.floor(g.span));
    if (left >= columns) break;
    out.push({ title: g.title, left, right: Math.min(columns, left + span) - 1 });
    left += span;
  }
  return out;
}

/**
 * Pages wide and the scale they come to: one page when the table fits at MIN_SCALE or more, else as many pages as
 * keep it at MIN_SCALE, the title columns (of `titleWidth` points) repeated on each.
 */
function fitWidth(tablePoints: number, pagePoints: number, titleWidth: number): { pages: number; scale: number } {
  const scaleFor = (pages: number) => Math.min(1, (pages * pagePoints) / (tablePoints + (pages - 1) * titleWidth));
  let pages = 1;
  while (scaleFor(pages) < MIN_SCALE && pages < MAX_PAGES_WIDE) pages++;
  return { pages, scale: Math.floor(scaleFor(pages) * 100) };
}

/** The plan of one summary sheet: pure data, the same for every writer. */
export function planSummary(table: SummaryTable, options: SummaryPlanOptions = {}): SummaryPlan {
  const data = table.rows;
  const rows = [...data, ...(table.totals ? [table.totals] : [])];
  const columns = rows.reduce((n, r) => Math.max(n, r.length), Math.max(1, table.header.length));
  const groups = groupsOf(table, columns).filter((g) => g.title !== '');
  const groupValues = Array<string>(columns).fill('');
  for (const g of groups) groupValues[g.left] = g.title;
  const headerRows = [
    ...(groups.length > 0 ? [{ row: TITLE_ROWS, values: groupValues }] : []),
    { row: TITLE_ROWS + (groups.length > 0 ? 1 : 0), values: pad(table.header, columns, '') },
  ];
  const headerMerges = groups
    .filter((g) => g.right > g.left)
    .map((g) => ({ top: TITLE_ROWS, left: g.left, bottom: TITLE_ROWS, right: g.right }));
  const bodyTop = TITLE_ROWS + headerRows.length;
  const body = rows.map((r) => pad<SummaryValue>(r, columns, null));
  const formatOf = (j: number): SummaryColumnFormat => table.formats[j] ?? 'text';
  const bodyFormats = body.map((r) => r.map((v, j) => summaryNumberFormat(v, formatOf(j))));
  const columnWidths = columnWidthsOf(table.header, data, table.totals, columns);
  const widthOf = (left: number, right: number) => columnWidths.slice(left, right + 1).reduce((a, b) => a + b, 0);
  const rowHeights: { row: number; height: number }[] = [];
  const groupHeight = heightOf(groups.map((g) => ({ text: g.title, width: widthOf(g.left, g.right) })));
  if (groups.length > 0 && groupHeight) rowHeights.push({ row: TITLE_ROWS, height: groupHeight });
  const lines: { row: number; texts: string[] }[] = [
    { row: bodyTop - 1, texts: (headerRows[headerRows.length - 1] as { values: string[] }).values },
    ...body.map((r, i) => ({ row: bodyTop + i, texts: r.map(shownText) })),
  ];
  for (const { row, texts } of lines) {
    const height = heightOf(texts.map((text, j) => ({ text, width: columnWidths[j] ?? MIN_WIDTH })));
    if (height) rowHeights.push({ row, height });
  }
  const last = bodyTop + body.length - 1;
  const regions: SummaryRegion[] = [
    { top: 0, bottom: 0, style: SUMMARY_STYLES.title }, // left-aligned below when the table prints several pages wide
    { top: TITLE_ROWS, bottom: bodyTop - 1, style: SUMMARY_STYLES.header },
  ];
  if (data.length > 0) regions.push({ top: bodyTop, bottom: bodyTop + data.length - 1, style: SUMMARY_STYLES.data });
  if (table.totals) regions.push({ top: last, bottom: last, style: SUMMARY_STYLES.totals });
  const layout = { columns, columnWidths, headerRow: bodyTop - 1, bodyTop, dataRows: data.length, bodyRows: body.length };
  const charts = planCharts(table, layout);
  // charts to the right of the table print on the same pages, so they count in its width
  const beside = charts.length > 0 && chartsBeside(layout) ? SIDE_CHART_WIDTH : 0;
  const wide = columnWidths.reduce((a, b) => a + b, 0) + beside > PORTRAIT_WIDTH;
  const paper = (wide ? A4_INCHES.long : A4_INCHES.short) - MARGINS.left - MARGINS.right;
  const tablePoints = columnWidths.reduce((n, w) => n + columnWidthToPoints(w), 0) + (beside ? columnWidthToPoints(beside) : 0);
  const titlePoints = columnWidthToPoints(columnWidths[0] ?? 0);
  const fit = fitWidth(tablePoints, paper * POINTS_PER_INCH, columns > 1 ? titlePoints : 0);
  const acrossPages = fit.pages > 1;
  if (acrossPages) regions[0] = { top: 0, bottom: 0, style: { ...SUMMARY_STYLES.title, horizontal: 'Left' } };
  return {
    sheetName: table.sheetName,
    title: table.title,
    formId: table.formId,
    columns,
    columnWidths,
    titleRow: {
      row: 0,
      text: table.title,
      merge: columns > 1 && !acrossPages ? { left: 0, right: columns - 1 } : undefined,
      numberFormat: TEXT_FORMAT,
    },
    headerRows,
    headerMerges,
    rowHeights,
    bodyTop,
    body,
    bodyFormats,
    dataRows: data.length,
    regions,
    boxes: [{ top: TITLE_ROWS, left: 0, bottom: last, right: columns - 1, color: BLACK }],
    freeze: { rows: bodyTop, columns: 0 },
    print: {
      paper: 'A4',
      orientation: wide ? 'landscape' : 'portrait',
      fitToWidth: fit.pages,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...MARGINS },
      titleRows: { top: TITLE_ROWS, bottom: bodyTop - 1 },
      titleColumns: acrossPages && columns > 1 ? { left: 0, right: 0 } : undefined,
      scale: fit.scale,
      footer: {
        left: footerText(`制表单位：${options.issuer ?? ''}`),
        center: '第 &P 页，共 &N 页',
        right: footerText(`制表日期：${options.date ?? ''}`),
      },
    },
    charts,
  };
}
