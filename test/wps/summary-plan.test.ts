/**
 * The summaries of one merge, written by the .xlsx writer (read back with ExcelJS) and by the WPS writer on the fake
 * ET, compared cell by cell: the same conformance as test/conformance/summary-plan.test.ts for the Office host. The
 * fake runs both ways where no source says what WPS does (behaviours.ts): worst case (PageSetup ignored, one-row
 * Value2 as 1-D) and kind case.
 */
import ExcelJS from 'exceljs';
import { rangeAddress } from '../../src/core/a1';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { planSummary, type SummaryPlan } from '../../src/core/merge/summary-plan';
import { bgrToHex } from '../../src/hosts/wps/et-values';
import { writeSummarySheets, type WpsSummaryWriteResult } from '../../src/hosts/wps/write-summaries';
import { writeSummaryWorkbook } from '../../src/hosts/xlsx/write-summaries';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';
import { chartedSummary, mergeSummaries, PLAN_OPTIONS } from '../support/sample-summaries';
import { EDGES, EDGE_NAMES, hundredths, seenInFile as seenInFileAs, type SeenCell, type SeenSheet } from '../support/seen-summary';

/** The file read in the terms of WPS's object model: widths in characters, the printed footer with the rest. */
const seenInFile = (ws: ExcelJS.Worksheet, rows: number, columns: number) =>
  seenInFileAs(ws, rows, columns, { widths: 'characters', footer: true });

const H_NAMES: Record<number, string> = { 1: 'general', [-4108]: 'center', [-4131]: 'left', [-4152]: 'right' };
const V_NAMES: Record<number, string> = { [-4107]: 'bottom', [-4108]: 'center', [-4160]: 'top' };
const THIN = 2;

function seenInWps(sheet: EtSheetState, rows: number, columns: number): SeenSheet {
  const cells: SeenCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: SeenCell[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      const v = cell?.value ?? null;
      row.push({
        value: v === '' ? null : (v as string | number | null),
        numberFormat: cell?.numberFormat ?? 'General',
        font: `${cell?.fontName ?? '宋体'}/${cell?.fontSize ?? 11}`,
        bold: cell?.bold ?? false,
        fill: cell?.fill === undefined ? null : bgrToHex(cell.fill),
        horizontal: H_NAMES[cell?.h ?? 1] ?? String(cell?.h),
        vertical: V_NAMES[cell?.v ?? -4107] ?? String(cell?.v),
        wrap: cell?.wrap ?? false,
        borders: EDGES.filter((e) => cell?.borders[e] && cell.borders[e]?.lineStyle === 1).map(
          (e) =>
            `${EDGE_NAMES[e]}:${cell?.borders[e]?.weight === THIN ? 'thin' : cell?.borders[e]?.weight}:${bgrToHex(cell?.borders[e]?.color ?? 0)}`,
        ),
      });
    }
    cells.push(row);
  }
  const p = sheet.pageSetup;
  const orientation = p.orientation === 2 ? 'landscape' : p.orientation === 1 ? 'portrait' : undefined;
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((area) => rangeAddress(area)),
    widths: Array.from({ length: columns }, (_, j) => sheet.columnWidths.get(j) ?? 0),
    heights: Object.fromEntries([...sheet.rowHeights].filter(([r]) => r < rows).map(([r, h]) => [r + 1, h])),
    frozen: sheet.freeze.frozen ? { rows: sheet.freeze.row, columns: sheet.freeze.column } : { rows: 0, columns: 0 },
    print: {
      paper: p.paperSize === 9 ? 'A4' : p.paperSize === undefined ? undefined : String(p.paperSize),
      orientation,
      fitToWidth: typeof p.fitToPagesWide === 'number' ? p.fitToPagesWide : undefined,
      fitToHeight: p.fitToPagesTall === false ? 0 : typeof p.fitToPagesTall === 'number' ? p.fitToPagesTall : undefined,
      centered: p.centerHorizontally,
      margins: [p.margins.left, p.margins.right, p.margins.top, p.margins.bottom, p.margins.header, p.margins.footer].map(hundredths),
      titleRows: p.printTitleRows ? p.printTitleRows.replace(/\$/g, '') : undefined,
      titleColumns: p.printTitleColumns ? p.printTitleColumns.replace(/\$/g, '') : undefined,
      footer: p.footers.center === '' ? undefined : `&L${p.footers.left}&C${p.footers.center}&R${p.footers.right}`,
    },
  };
}

/** A workbook open in WPS with the clerk's own sheet shown. */
function openWorkbook(behaviours: Partial<EtBehaviours>): FakeEt {
  const et = new FakeEt({ behaviours, sheets: ['我的数据'] });
  const own = et.sheet('我的数据') as EtSheetState;
  own.cells.set(cellKey(0, 0), { ...emptyCell(), value: '她自己的表' });
  return et;
}

let tables: SummaryTable[];
let plans: SummaryPlan[];
let file: ExcelJS.Workbook;

beforeAll(async () => {
  tables = [...mergeSummaries(), chartedSummary()];
  plans = tables.map((t) => planSummary(t, PLAN_OPTIONS));
  const bytes = await writeSummaryWorkbook(tables, PLAN_OPTIONS);
  file = new ExcelJS.Workbook();
  await file.xlsx.load(bytes as unknown as ArrayBuffer);
});

describe.each([
  ['worst case', WORST_CASE],
  ['kind case', KIND_CASE],
])('summaries written through WPS (fake ET, %s) and by the .xlsx writer', (_label, behaviours) => {
  let et: FakeEt;
  let calls: number;
  let result: WpsSummaryWriteResult;

  beforeAll(() => {
    et = openWorkbook(behaviours);
    const before = et.calls;
    result = writeSummarySheets(et.app, tables, { plan: PLAN_OPTIONS });
    calls = et.calls - before;
  });

  it('adds one sheet per table after the clerk’s, hers untouched, the first summary shown', () => {
    expect(et.workbook.sheets.map((s) => s.name)).toEqual(['我的数据', ...plans.map((p) => p.sheetName)]);
    expect(et.sheet('我的数据')?.cells.get(cellKey(0, 0))?.value).toBe('她自己的表');
    expect(et.workbook.activeSheet?.name).toBe(plans[0]?.sheetName);
    expect(et.displayAlerts).toBe(true);
    expect(et.screenUpdating).toBe(true);
    expect(et.prompts).toEqual([]);
  });

  it('is the same in both, cell by cell: values, number formats, fonts, fills, alignment, borders', () => {
    for (const plan of plans) {
      const rows = plan.bodyTop + plan.body.length;
      const fromFile = seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, rows, plan.columns);
      const fromWps = seenInWps(et.sheet(plan.sheetName) as EtSheetState, rows, plan.columns);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < plan.columns; c++)
          expect([plan.sheetName, r, c, fromWps.cells[r]?.[c]]).toEqual([plan.sheetName, r, c, fromFile.cells[r]?.[c]]);
    }
  });

  it('is the same in both: merges, column widths, row heights, frozen header', () => {
    for (const plan of plans) {
      const rows = plan.bodyTop + plan.body.length;
      const fromFile = seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, rows, plan.columns);
      const fromWps = seenInWps(et.sheet(plan.sheetName) as EtSheetState, rows, plan.columns);
      expect([plan.sheetName, fromWps.merges, fromWps.widths, fromWps.heights, fromWps.frozen]).toEqual([
        plan.sheetName,
        fromFile.merges,
        fromFile.widths,
        fromFile.heights,
        fromFile.frozen,
      ]);
    }
  });

  it('print settings: the same as the file where the host applies PageSetup, none written where it ignores it', () => {
    for (const plan of plans) {
      const rows = plan.bodyTop + plan.body.length;
      const fromWps = seenInWps(et.sheet(plan.sheetName) as EtSheetState, rows, plan.columns);
      const fromFile = seenInFile(file.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, rows, plan.columns);
      if (behaviours.pageSetup === 'applied') expect([plan.sheetName, fromWps.print]).toEqual([plan.sheetName, fromFile.print]);
      else expect(fromWps.print).toMatchObject({ paper: undefined, orientation: undefined, titleRows: undefined });
    }
  });

  it('marks each summary in a cell right of its title, shown as nothing', () => {
    for (const plan of plans) {
      const marker = et.sheet(plan.sheetName)?.cells.get(cellKey(0, plan.columns));
      expect(marker?.value).toBe(`UNIONFORMS-SUMMARY|${plan.formId ?? '-'}|${plan.sheetName}`);
      expect(marker?.numberFormat).toBe(';;;');
    }
  });

  it('draws the charts over their anchors, from the category and series columns under their header', () => {
    const sheet = et.sheet('各区统计') as EtSheetState;
    // row 1 title, row 2 header, rows 3–6 data, row 7 totals; the bar chart's two series are beside their category
    expect(sheet.charts.map((c) => [c.chartType, c.source, c.hasTitle, c.hasLegend])).toEqual([
      [57, '各区统计!A2:C6', true, true],
      [51, '各区统计!A2:A6,C2:C6', true, false],
    ]);
    const plan = plans[4] as SummaryPlan;
    const [first, second] = sheet.charts;
    // beside the table: the first chart's left edge is right of the table's columns and the gap column
    expect(first?.left).toBeGreaterThan(0);
    expect(second?.top).toBeGreaterThan((first?.top ?? 0) + (first?.height ?? 0));
    expect(plan.charts[0]?.anchor.left).toBe(plan.columns + 1);
  });

  it('puts the bars in the table’s order where the chart’s axes are there, and draws them all the same where not', () => {
    const [bar, column] = (et.sheet('各区统计') as EtSheetState).charts;
    if (behaviours.chartAxes === 'supported') {
      // categories reversed, the value axis crossing at their maximum (xlMaximum 2): the first row's bar on top
      expect(bar?.axes[1]).toEqual({ reversePlotOrder: true, crosses: 2 });
      expect(result.chartsReversed).toBe(0);
    } else {
      expect(bar?.axes[1]).toBeUndefined();
      expect(result.chartsReversed).toBe(1);
    }
    expect(column?.axes[1]).toBeUndefined();
    expect([bar?.title, column?.title]).toEqual(['参加人数与活动数', '活动数']);
  });

  it('takes calls by the sheet, not by the row: a table ten times longer costs one more Value2 write at most', () => {
    const rowsOf = (n: number): SummaryTable => ({
      ...(tables[2] as SummaryTable),
      rows: Array.from({ length: n }, (_, i) => [`文件${i}.xlsx`, '已合并', '', '表', 'x', `单位${i}`, '标记', 1, i % 3]),
    });
    const count = (n: number) => {
      const fresh = openWorkbook(behaviours);
      const before = fresh.calls;
      writeSummarySheets(fresh.app, [rowsOf(n)], { plan: PLAN_OPTIONS });
      return fresh.calls - before;
    };
    const small = count(100);
    const large = count(1_000);
    expect(large - small).toBeLessThanOrEqual(2);
    expect(calls).toBeGreaterThan(0);
  });
});
