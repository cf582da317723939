/**
 * The summaries of one merge, written by the .xlsx writer (read back with ExcelJS) and by the Office.js writer on
 * the fake host, compared cell by cell with each other and with the SummaryPlan both draw from.
 */
import ExcelJS from 'exceljs';
import { rangeAddress } from '../../src/core/a1';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { planSummary, type SummaryPlan } from '../../src/core/merge/summary-plan';
import { columnWidthToPoints } from '../../src/core/units';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { writeSummarySheets } from '../../src/hosts/office/write-summaries';
import { writeSummaryWorkbook } from '../../src/hosts/xlsx/write-summaries';
import { FakeExcelHost, type FakeHostOptions } from '../fake-excel/host';
import type { SheetState } from '../fake-excel/state';
import { mergeSummaries, PLAN_OPTIONS } from '../support/sample-summaries';
import { EDGE_NAMES, hundredths, seenInFile as seenInFileAs, type SeenCell, type SeenSheet } from '../support/seen-summary';

/** The file read in the terms of Excel's object model: widths in points; the fake keeps no footer. */
const seenInFile = (ws: ExcelJS.Worksheet, rows: number, columns: number) =>
  seenInFileAs(ws, rows, columns, { widths: 'points', footer: false });

/** A workbook open in Excel, with the clerk's own sheet shown. */
function openWorkbook(options: FakeHostOptions = {}): FakeExcelHost {
  const excel = new FakeExcelHost(options);
  excel.state.activeSheetId = excel.state.addSheet('Sheet1').id;
  return excel;
}

function seenInExcel(sheet: SheetState, rows: number, columns: number): SeenSheet {
  const cells: SeenCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: SeenCell[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = sheet.cells.get(`${r}:${c}`);
      const v = cell?.value ?? null;
      row.push({
        value: v === '' ? null : (v as string | number | null),
        numberFormat: cell?.numberFormat ?? 'General',
        font: `${cell?.fontName ?? 'Calibri'}/${cell?.fontSize ?? 11}`,
        bold: cell?.bold ?? false,
        fill: cell?.fill ?? null,
        horizontal: (cell?.h ?? 'General').toLowerCase(),
        vertical: (cell?.v ?? 'Bottom').toLowerCase(),
        wrap: cell?.wrap ?? false,
        borders: Object.values(EDGE_NAMES)
          .filter((e) => cell?.borders[e] && cell.borders[e]?.style !== 'None')
          .map((e) => `${e}:${cell?.borders[e]?.weight.toLowerCase()}:${cell?.borders[e]?.color.toUpperCase()}`),
      });
    }
    cells.push(row);
  }
  const layout = sheet.pageLayout;
  const m = layout.margins;
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((area) => rangeAddress(area)),
    widths: Array.from({ length: columns }, (_, j) => sheet.columnWidths.get(j) ?? 0),
    heights: Object.fromEntries([...sheet.rowHeights].filter(([r]) => r < rows).map(([r, h]) => [r + 1, h])),
    frozen: { rows: sheet.frozenRows, columns: 0 },
    print: {
      paper: layout.paperSize,
      orientation: layout.orientation?.toLowerCase(),
      fitToWidth: layout.zoom?.horizontalFitToPages,
      fitToHeight: layout.zoom?.verticalFitToPages,
      centered: layout.centerHorizontally,
      margins: [m.left, m.right, m.top, m.bottom, m.header, m.footer].map(hundredths),
      titleRows: layout.printTitleRows?.replace(/\$/g, ''),
      titleColumns: layout.printTitleColumns?.replace(/\$/g, ''),
    },
  };
}

let tables: SummaryTable[];
let plans: SummaryPlan[];
let file: ExcelJS.Workbook;
let fileBytes: Uint8Array;
let host: FakeExcelHost;
let syncs: number;
let chunks: number;

beforeAll(async () => {
  tables = mergeSummaries();
  plans = tables.map((t) => planSummary(t, PLAN_OPTIONS));

  fileBytes = await writeSummaryWorkbook(tables, PLAN_OPTIONS);
  file = new ExcelJS.Workbook();
  await file.xlsx.load(fileBytes as unknown as ArrayBuffer);

  host = openWorkbook();
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  const before = host.syncCount;
  const written = await writeSummarySheets(run, tables, { support: { pageLayout: true }, plan: PLAN_OPTIONS });
  syncs = host.syncCount - before;
  chunks = written.chunks;
});

describe('a summary drawn from its plan by the .xlsx writer and by the Office.js writer', () => {
  it('has several sheets to compare: record tables with totals and dates, and the report', () => {
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(plans.some((p) => p.dataRows < p.body.length)).toBe(true);
    expect(plans.some((p) => p.bodyFormats.some((row) => row.includes('yyyy-mm-dd')))).toBe(true);
    expect(file.worksheets.map((ws) => ws.name)).toEqual(plans.map((p) => p.sheetName));
  });

  it('is the same in both, cell by cell: values, number formats, fonts, fills, alignment, borders', () => {
    for (const plan of plans) {
      const rows = plan.bodyTop + plan.body.length;
      const fromFile = seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, rows, plan.columns);
      const fromExcel = seenInExcel(host.state.sheet(plan.sheetName) as SheetState, rows, plan.columns);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < plan.columns; c++)
          expect([plan.sheetName, r, c, fromExcel.cells[r]?.[c]]).toEqual([plan.sheetName, r, c, fromFile.cells[r]?.[c]]);
      // one row beyond the plan is untouched in both
      expect(seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, rows + 1, 1).cells[rows]?.[0]?.borders).toEqual([]);
    }
  });

  it('is the same in both: merged title, column widths, frozen panes, print settings', () => {
    for (const plan of plans) {
      const rows = plan.bodyTop + plan.body.length;
      // the cells are compared by the test above; here the sheet's own settings
      const withoutCells = ({ cells, ...rest }: ReturnType<typeof seenInFile>) => (cells ? rest : rest);
      const fromFile = withoutCells(seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, rows, plan.columns));
      const fromExcel = withoutCells(seenInExcel(host.state.sheet(plan.sheetName) as SheetState, rows, plan.columns));
      expect(fromExcel).toEqual(fromFile);
    }
  });

  it('draws what the plan says: title merged across, bold shaded header, boxed body, A4, header rows on every page', () => {
    for (const plan of plans) {
      const rows = plan.bodyTop + plan.body.length;
      const seen = seenInExcel(host.state.sheet(plan.sheetName) as SheetState, rows, plan.columns);
      expect(seen.merges).toEqual([
        ...(plan.titleRow.merge ? [rangeAddress({ top: 0, left: 0, bottom: 0, right: plan.titleRow.merge.right })] : []),
        ...plan.headerMerges.map(rangeAddress),
      ]);
      expect(seen.cells[0]?.[0]).toMatchObject({
        value: plan.title,
        bold: true,
        font: '宋体/14',
        horizontal: plan.titleRow.merge ? 'center' : 'left',
      });
      expect(seen.cells[1]?.every((c) => c.bold && c.fill === '#F2F2F2' && c.borders.length === 4)).toBe(true);
      expect(seen.cells[plan.bodyTop]?.every((c) => !c.bold && c.fill === null && c.borders.length === 4 && c.wrap)).toBe(
        plan.dataRows > 0,
      );
      expect(seen.widths).toEqual(plan.columnWidths.map(columnWidthToPoints));
      expect(seen.frozen).toEqual({ rows: plan.bodyTop, columns: 0 });
      expect(seen.print).toMatchObject({
        paper: 'A4',
        orientation: plan.print.orientation,
        fitToWidth: plan.print.fitToWidth,
        fitToHeight: 0,
        titleRows: `2:${plan.bodyTop}`,
      });
      expect(seen.heights).toEqual(Object.fromEntries(plan.rowHeights.map((h) => [h.row + 1, h.height])));
    }
    const wide = plans.find((p) => p.columnWidths.reduce((a, b) => a + b, 0) > 100);
    const narrow = planSummary({
      ...(tables[0] as SummaryTable),
      header: ['单位', '问题数'],
      rows: [['殷行街道总工会', 0]],
      totals: undefined,
    });
    expect(wide?.print.orientation).toBe('landscape');
    expect(narrow?.print.orientation).toBe('portrait');
  });

  it('draws header groups as a merged row over the short column titles, both repeated on every printed page', () => {
    const plan = plans[3] as SummaryPlan;
    const seen = seenInExcel(host.state.sheet(plan.sheetName) as SheetState, plan.bodyTop + plan.body.length, plan.columns);
    expect(plan.bodyTop).toBe(3);
    expect(seen.cells[1]?.slice(0, 4).map((c) => c.value)).toEqual([
      null,
      '是否开展第1项职工科技创新活动（含讲座、展览和技能比赛）',
      null,
      '是否开展第2项职工科技创新活动（含讲座、展览和技能比赛）',
    ]);
    expect(seen.cells[2]?.slice(0, 5).map((c) => c.value)).toEqual(['单位', '是', '数量', '是', '数量']);
    expect(seen.cells[1]?.every((c) => c.bold && c.fill === '#F2F2F2' && c.borders.length === 4)).toBe(true);
    expect(seen.merges).toContain('B2:C2');
    expect(seen.merges).toContain('BH2:BI2');
    expect(seen.merges).not.toContain('A2:A2');
    // the item's words wrap over their two narrow columns: the groups' row is as tall as the wrapped text
    expect(seen.heights[2]).toBeGreaterThan(3 * 14);
    expect(seen.print).toMatchObject({ titleRows: '2:3' });
    const fromFile = seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, plan.bodyTop, plan.columns);
    expect(fromFile.print.titleRows).toBe('2:3');
  });

  it('keeps a wide table legible: narrow columns, more than one page wide with the unit column repeated, never below 60%', () => {
    const stats = plans[3] as SummaryPlan;
    expect(stats.columnWidths[1]).toBeLessThanOrEqual(6);
    expect(stats.print.fitToWidth).toBeGreaterThan(1);
    expect(stats.print.scale).toBeGreaterThanOrEqual(60);
    expect(stats.print.titleColumns).toEqual({ left: 0, right: 0 });
    const seen = seenInExcel(host.state.sheet(stats.sheetName) as SheetState, stats.bodyTop, stats.columns);
    expect(seen.print.titleColumns).toBe('A:A');
    // its title is not centred across pages (it would be cut between them) but read from the first
    expect(stats.titleRow.merge).toBeUndefined();
    expect(seen.cells[0]?.[0]).toMatchObject({ value: stats.title, horizontal: 'left' });
    expect((plans[0] as SummaryPlan).titleRow.merge).toEqual({ left: 0, right: 6 });
    const fromFile = seenInFile(file.getWorksheet(stats.sheetName) as ExcelJS.Worksheet, stats.bodyTop, stats.columns);
    expect(fromFile.print.titleColumns).toBe('A:A');
    // a table that fits one page wide repeats no column
    const units = plans[0] as SummaryPlan;
    expect(units.print).toMatchObject({ fitToWidth: 1, titleColumns: undefined });
    // long text is capped and wrapped, its row as tall as its lines
    const list = plans[1] as SummaryPlan;
    const content = list.body[0]?.indexOf('劳模进社区的主要内容，'.repeat(6)) as number;
    expect(list.columnWidths[content]).toBe(31);
    expect(list.rowHeights.find((h) => h.row === list.bodyTop)?.height).toBe(5 * 14.25 + 3);
  });

  it('puts 制表单位, the page number and 制表日期 in the printed footer of the file', () => {
    const ws = file.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.headerFooter.oddFooter).toBe('&L制表单位：杨浦区总工会 && 宣教部&C第 &P 页，共 &N 页&R制表日期：2026-11-21');
  });

  it('the Office.js write takes one read and one request of rows for a workbook this size', () => {
    expect(chunks).toBe(1);
    expect(syncs).toBe(1 + chunks);
  });

  it('at ExcelApi 1.8, without page layout, writes the same cells and leaves print settings alone', async () => {
    const old = openWorkbook({ apiVersion: '1.8' });
    await writeSummarySheets((batch) => old.run(batch), tables, { plan: PLAN_OPTIONS });
    const plan = plans[0] as SummaryPlan;
    const rows = plan.bodyTop + plan.body.length;
    const seen = seenInExcel(old.state.sheet(plan.sheetName) as SheetState, rows, plan.columns);
    expect(seen.cells).toEqual(seenInExcel(host.state.sheet(plan.sheetName) as SheetState, rows, plan.columns).cells);
    expect(seen.print).toMatchObject({ paper: undefined, orientation: undefined, titleRows: undefined });
  });
});
