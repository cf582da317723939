/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS objects here (getCell of an .xlsx read back), not Office.js proxies */
/**
 * What a person sees of a summary sheet, in the same terms whichever writer drew it, and that view read from an
 * .xlsx file with ExcelJS. Each host's test reads its fake host's state into the same terms and compares.
 */
import ExcelJS from 'exceljs';
import { columnWidthToPoints, POINTS_PER_INCH } from '../../src/core/units';
import { excelSerial } from '../../src/hosts/office/summary-cells';

/** What a person sees in one cell. */
export interface SeenCell {
  value: string | number | null;
  numberFormat: string;
  font: string;
  bold: boolean;
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  borders: string[];
}

export interface SeenSheet {
  name: string;
  cells: SeenCell[][];
  merges: string[];
  /** Points or characters, as the file is read (SeenFileOptions). */
  widths: number[];
  /** Rows of a height of their own (one-based row → points). */
  heights: Record<number, number>;
  frozen: { rows: number; columns: number };
  print: {
    paper: string | undefined;
    orientation: string | undefined;
    fitToWidth: number | undefined;
    fitToHeight: number | undefined;
    centered: boolean;
    /** Points. */
    margins: number[];
    titleRows: string | undefined;
    titleColumns: string | undefined;
    /** Only where the view is read with the footer (SeenFileOptions). */
    footer?: string | undefined;
  };
}

export interface SeenFileOptions {
  /** Excel's object model gives widths in points; WPS's ColumnWidth in characters, as the file keeps them. */
  widths: 'points' | 'characters';
  /** Whether the printed footer is part of the view (a host's fake that keeps none cannot be compared on it). */
  footer: boolean;
}

export const EDGE_NAMES = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' } as const;
export const EDGES = Object.keys(EDGE_NAMES) as (keyof typeof EDGE_NAMES)[];

/** Rounded to hundredths, as both hosts' points compare. */
export const hundredths = (n: number | undefined) => Math.round((n ?? 0) * 100) / 100;

export function seenInFile(ws: ExcelJS.Worksheet, rows: number, columns: number, options: SeenFileOptions): SeenSheet {
  const cells: SeenCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: SeenCell[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getRow(r).getCell(c);
      // ExcelJS gives the cells of a merged area the value of its first cell, which alone holds one
      const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
      const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
      row.push({
        value: v instanceof Date ? excelSerial(v) : v === null || v === undefined || v === '' ? null : (v as string | number),
        numberFormat: cell.numFmt || 'General',
        font: `${cell.font?.name}/${cell.font?.size}`,
        bold: cell.font?.bold === true,
        fill: fill ? `#${fill.slice(2)}` : null,
        horizontal: cell.alignment?.horizontal ?? 'general',
        // ExcelJS names SpreadsheetML's vertical="center" 'middle'
        vertical: cell.alignment?.vertical === 'middle' ? 'center' : (cell.alignment?.vertical ?? 'bottom'),
        wrap: cell.alignment?.wrapText === true,
        borders: EDGES.filter((e) => cell.border?.[e]?.style).map(
          (e) => `${EDGE_NAMES[e]}:${cell.border[e]?.style}:#${cell.border[e]?.color?.argb?.slice(2)}`,
        ),
      });
    }
    cells.push(row);
  }
  const view = ws.views[0] as { xSplit?: number; ySplit?: number } | undefined;
  const setup = ws.pageSetup;
  const m = setup.margins;
  const width = (characters: number) => (options.widths === 'points' ? columnWidthToPoints(characters) : characters);
  return {
    name: ws.name,
    cells,
    merges: (ws.model as unknown as { merges: string[] }).merges,
    widths: Array.from({ length: columns }, (_, j) => width(ws.getColumn(j + 1).width ?? 0)),
    heights: Object.fromEntries(
      Array.from({ length: rows }, (_, r) => [r + 1, ws.getRow(r + 1).height] as const).filter(([, h]) => h !== undefined),
    ),
    frozen: { rows: view?.ySplit ?? 0, columns: view?.xSplit ?? 0 },
    print: {
      paper: setup.paperSize === 9 ? 'A4' : String(setup.paperSize),
      orientation: setup.orientation,
      fitToWidth: setup.fitToWidth,
      fitToHeight: setup.fitToHeight,
      centered: setup.horizontalCentered === true,
      margins: [m?.left, m?.right, m?.top, m?.bottom, m?.header, m?.footer].map((inches) => hundredths((inches ?? 0) * POINTS_PER_INCH)),
      titleRows: setup.printTitlesRow?.replace(/\$/g, ''),
      titleColumns: setup.printTitlesColumn?.replace(/\$/g, ''),
      ...(options.footer ? { footer: ws.headerFooter.oddFooter } : {}),
    },
  };
}
