/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS objects and the fake ET's plain state here, not Office.js proxies */
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
import { excelSerial } from '../../src/hosts/office/summary-cells';
import { bgrToHex } from '../../src/hosts/wps/et-values';
import { writeSummarySheets, type WpsSummaryWriteResult } from '../../src/hosts/wps/write-summaries';
import { writeSummaryWorkbook } from '../../src/hosts/xlsx/write-summaries';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';

const PLAN_OPTIONS = { issuer: '杨浦区总工会 & 宣教部', date: '2026-11-21' };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The summaries of a small merge (written here, not merged, so that only the plan is under test). */
function mergeSummaries(): SummaryTable[] {
  const units: SummaryTable = {
    sheetName: '主题活动-单位',
    title: '杨浦区职工主题活动申报表（汇总）',
    formId: 'yangpu-theme-activity',
    header: ['单位', '联系人', '联系电话', '填表日期', '来源文件', '工作表', '问题数'],
    rows: [
      ['殷行街道总工会', '张琳', '021-25032216', day('2018-06-10'), '殷行街道.xlsx', '主题活动', 0],
      ['五角场街道总工会', '=HYPERLINK("http://x","点我")', '00123', '2018年6月', '五角场.xlsx', '主题活动', 1],
    ],
    totals: ['合计（2）', null, null, null, null, null, 1],
    formats: ['text', 'text', 'text', 'date', 'text', 'text', 'number'],
  };
  const list: SummaryTable = {
    sheetName: '主题活动-名单',
    title: '杨浦区职工主题活动申报表（名单汇总）',
    formId: 'yangpu-theme-activity',
    header: ['单位', '序号', '活动名称', '活动形式', '时间安排', '主要内容', '参加人数', '来源文件', '工作表', '问题数'],
    rows: [
      ['殷行街道总工会', 1, '劳模进社区', '宣讲', '6月', '劳模进社区的主要内容，'.repeat(6), 120, '殷行街道.xlsx', '主题活动', 0],
      ['殷行街道总工会', 2, '技能比武', '比赛', day('2018-06-20'), '技能比武的主要内容', 80, '殷行街道.xlsx', '主题活动', 0],
      ['五角场街道总工会', 1, '+职工讲堂', '讲座', '6月', '@讲堂', '二十', '五角场.xlsx', '主题活动', 1],
    ],
    totals: ['合计（3）', null, null, null, null, null, '200（另有1格不是数字，未计入，见合并报告）', null, null, 1],
    formats: ['text', 'number', 'text', 'text', 'text', 'text', 'number', 'text', 'text', 'number'],
  };
  const report: SummaryTable = {
    sheetName: '合并报告',
    title: '合并报告',
    formId: null,
    header: ['文件', '结果', '说明', '工作表', '表格', '单位', '识别方式', '记录数', '问题数'],
    rows: [
      ['殷行街道.xlsx', '已合并', '', '主题活动', 'yangpu-theme-activity', '殷行街道总工会', '标记', 1, 0],
      ['五角场.xlsx', '已合并（有问题）', '', '主题活动', 'yangpu-theme-activity', '五角场街道总工会', '标记', 1, 1],
    ],
    totals: undefined,
    formats: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'number', 'number'],
  };
  const items = Array.from({ length: 30 }, (_, i) => `是否开展第${i + 1}项职工科技创新活动（含讲座、展览和技能比赛）`);
  const stats: SummaryTable = {
    sheetName: '活动情况统计汇总',
    title: '职工科技节活动情况统计表（汇总）',
    formId: 'festival-stats',
    header: ['单位', ...items.flatMap(() => ['是', '数量']), '填表日期', '来源文件'],
    headerGroups: [{ title: '', span: 1 }, ...items.map((title) => ({ title, span: 2 }))],
    rows: ['殷行街道总工会', '五角场街道总工会'].map((unit, u) => [
      unit,
      ...items.flatMap((_, i) => [(i + u) % 2 ? '是' : '否', i * u]),
      day('2017-05-20'),
      `${unit}.xlsx`,
    ]),
    totals: ['合计（2）', ...items.flatMap(() => ['“是”1个', 0]), null, null],
    formats: ['text', ...items.flatMap(() => ['text', 'number'] as const), 'date', 'text'],
  };
  const charted: SummaryTable = {
    sheetName: '各区统计',
    title: '各区参加人数统计',
    formId: null,
    header: ['单位', '参加人数', '活动数'],
    rows: ['黄浦区', '徐汇区', '长宁区', '静安区'].map((u, i) => [u, 40 + i * 25, 3 + i]),
    totals: ['合计', 310, 18],
    formats: ['text', 'number', 'number'],
    charts: [
      { title: '参加人数与活动数', kind: 'bar', category: '单位', series: ['参加人数', '活动数'] },
      { title: '活动数', kind: 'column', category: '单位', series: ['活动数'] },
    ],
  };
  return [units, list, report, stats, charted];
}

/** What a person sees in one cell, in the same terms for both writers. */
interface SeenCell {
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

interface SeenSheet {
  name: string;
  cells: SeenCell[][];
  merges: string[];
  /** Characters, as both keep them. */
  widths: number[];
  /** Rows of a height of their own (one-based row → points). */
  heights: Record<number, number>;
  frozen: number;
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
    footer: string | undefined;
  };
}

const EDGES = ['top', 'bottom', 'left', 'right'] as const;
const EDGE_NAMES = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' } as const;
const round = (n: number | undefined) => Math.round((n ?? 0) * 100) / 100;

function seenInFile(ws: ExcelJS.Worksheet, rows: number, columns: number): SeenSheet {
  const cells: SeenCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: SeenCell[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getRow(r).getCell(c);
      const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
      const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
      row.push({
        value: v instanceof Date ? excelSerial(v) : v === null || v === undefined || v === '' ? null : (v as string | number),
        numberFormat: cell.numFmt || 'General',
        font: `${cell.font?.name}/${cell.font?.size}`,
        bold: cell.font?.bold === true,
        fill: fill ? `#${fill.slice(2)}` : null,
        horizontal: cell.alignment?.horizontal ?? 'general',
        vertical: cell.alignment?.vertical === 'middle' ? 'center' : (cell.alignment?.vertical ?? 'bottom'),
        wrap: cell.alignment?.wrapText === true,
        borders: EDGES.filter((e) => cell.border?.[e]?.style).map(
          (e) => `${EDGE_NAMES[e]}:${cell.border[e]?.style}:#${cell.border[e]?.color?.argb?.slice(2)}`,
        ),
      });
    }
    cells.push(row);
  }
  const view = ws.views[0] as { ySplit?: number } | undefined;
  const setup = ws.pageSetup;
  const m = setup.margins;
  return {
    name: ws.name,
    cells,
    merges: (ws.model as unknown as { merges: string[] }).merges,
    widths: Array.from({ length: columns }, (_, j) => ws.getColumn(j + 1).width ?? 0),
    heights: Object.fromEntries(
      Array.from({ length: rows }, (_, r) => [r + 1, ws.getRow(r + 1).height] as const).filter(([, h]) => h !== undefined),
    ),
    frozen: view?.ySplit ?? 0,
    print: {
      paper: setup.paperSize === 9 ? 'A4' : String(setup.paperSize),
      orientation: setup.orientation,
      fitToWidth: setup.fitToWidth,
      fitToHeight: setup.fitToHeight,
      centered: setup.horizontalCentered === true,
      margins: [m?.left, m?.right, m?.top, m?.bottom, m?.header, m?.footer].map((inches) => round((inches ?? 0) * 72)),
      titleRows: setup.printTitlesRow?.replace(/\$/g, ''),
      titleColumns: setup.printTitlesColumn?.replace(/\$/g, ''),
      footer: ws.headerFooter.oddFooter,
    },
  };
}

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
    frozen: sheet.freeze.frozen ? sheet.freeze.row : 0,
    print: {
      paper: p.paperSize === 9 ? 'A4' : p.paperSize === undefined ? undefined : String(p.paperSize),
      orientation,
      fitToWidth: typeof p.fitToPagesWide === 'number' ? p.fitToPagesWide : undefined,
      fitToHeight: p.fitToPagesTall === false ? 0 : typeof p.fitToPagesTall === 'number' ? p.fitToPagesTall : undefined,
      centered: p.centerHorizontally,
      margins: [p.margins.left, p.margins.right, p.margins.top, p.margins.bottom, p.margins.header, p.margins.footer].map(round),
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
  tables = mergeSummaries();
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
