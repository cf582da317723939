/**
 * 自检 in WPS 表格 (issue 20 §6): whether each member of ET's object model the add-in relies on (wps-surface.ts) is
 * there and does what the add-in expects, tried once on a scratch sheet of its own that is removed afterwards, and a
 * report (core/self-test-report.ts). The fake ET (test/fake-wps) models the worst case wherever no public source says
 * how WPS behaves (behaviours.ts); this report is how a real WPS tells us which case it is: SheetChange on a JS write,
 * expression-type conditional formats, a sheet's own names, PageSetup, Value2's shapes.
 *
 * ET's calls are synchronous and take effect at once, so each probe is one function in a try/catch of its own: one
 * that throws stops none of the others, and what it did stays on the scratch sheet until the clean-up removes the
 * sheet (in a `finally`). Besides the sheet, a probe leaves only what the clean-up also removes: a workbook name, a
 * PluginStorage key and two event listeners, each carrying this run's tag.
 *
 * Never touched: the clerk's sheets, the undo stack (Application.Undo is never called: it would undo the clerk's own
 * last edit), files (FileSystem only answers whether a path that cannot exist exists), FileDialog (shown, it would
 * wait for the clerk). Nothing of the clerk's goes into the report: sheet and workbook names are read only to choose a
 * free name and to keep them out of the error texts (redactText).
 */
import { errorText, type Capability, type ProbeOutcome, type SelfTestReport } from '../../core/self-test-report';
import { listedProbes } from '../../core/self-test-probes';
import { uniqueSheetName } from '../../core/sheet-names';
import { isoToSerial } from './draw-prepare';
import { XL, bgrToHex, hexToBgr, readValue2Grid, withAlertsOff, withScreenUpdatingOff } from './et-values';
import type { EtApplicationSurface, EtChartSurface, EtRangeSurface, EtWorksheetSurface } from './wps-surface';

export interface WpsEnvironment {
  /** navigator.userAgent: WPS's embedded Chromium says its version there (and WpsOfficeApp/…, where it does). */
  readonly userAgent?: string;
}

export interface WpsSelfTestOptions {
  /** How long to wait for SheetChange and SheetSelectionChange after the probe's write and selection (ms). */
  eventWaitMs?: number;
  /** The random part of the scratch sheet's and the probe name's (tests give their own). */
  tag?: string;
  now?: () => Date;
  /** Object-model calls made so far, where someone counts them (the fake ET does); shown in the report. */
  calls?: () => number;
}

const SCRATCH_PREFIX = '自检临时表';
const PROBE_TEXT = '自检';
const STORAGE_PREFIX = 'UnionForms_SelfTest_';
/** xlBarClustered (Kso.XlChartType), PlotBy xlColumns, xlCategory, xlMaximum: as chart-draw.ts passes them. */
const CHART = { barClustered: 57, byColumns: 2, category: 1, maximum: 2 } as const;
const PINK = '#FFC7CE';

/** The members whose presence the report lists, by path from Application (read, never called). */
export const ET_MEMBERS = [
  'Workbooks',
  'ActiveWorkbook',
  'ActiveSheet',
  'ActiveCell',
  'ActiveWindow',
  'Selection',
  'ApiEvent',
  'ApiEvent.AddApiEventListener',
  'ApiEvent.RemoveApiEventListener',
  'EnableEvents',
  'DisplayAlerts',
  'ScreenUpdating',
  'DebugTools',
  'DebugTools.UndoTransBegin',
  'DebugTools.UndoTransEnd',
  'FileDialog',
  'FileSystem',
  'FileSystem.ReadFileAsArrayBuffer',
  'FileSystem.Exists',
  'FileSystem.stat',
  'PluginStorage',
  'CreateTaskPane',
  'GetTaskPane',
  'Version',
  'Build',
  'OperatingSystem',
] as const;

/** Whether `path` (dot-separated from Application) gives something: read in a try, as an absent member may throw. */
function present(app: EtApplicationSurface, path: string): boolean {
  try {
    let value: unknown = app;
    for (const key of path.split('.')) {
      if (value === null || value === undefined) return false;
      value = (value as Record<string, unknown>)[key];
    }
    return value !== undefined && value !== null;
  } catch {
    return false;
  }
}

function read<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

class Mismatch extends Error {}

function expectEqual(what: string, got: unknown, wanted: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(wanted))
    throw new Mismatch(`${what}读回 ${JSON.stringify(got)}，应为 ${JSON.stringify(wanted)}`);
}

/** What the probes share: the application, the scratch sheet, this run's tag. */
interface Site {
  readonly app: EtApplicationSurface;
  readonly ws: EtWorksheetSurface;
  readonly tag: string;
  readonly scratchName: string;
  /** Names this run made at the workbook's level (to delete at the clean-up). */
  readonly workbookNames: string[];
  /** The chart the charts probe made, for the axis probe after it. */
  chart?: EtChartSurface;
}

interface WpsProbe {
  readonly id: string;
  readonly label: string;
  /** Throws when the member fails or reads back wrong; may return a note (what ET answered). */
  run(site: Site): string | void;
}

/** How Value2 came back for a shape the fake must guess (aiworkdeck read2D: "官方未成文"). */
function shapeOf(value: unknown): string {
  if (!Array.isArray(value)) return '单个值';
  return Array.isArray(value[0]) ? '二维数组' : '一维数组';
}

const PROBES: readonly WpsProbe[] = [
  {
    id: 'visibility',
    label: '隐藏工作表（Visible，深度隐藏）',
    run: ({ app, ws }) => {
      // Done while the scratch sheet is not the active one: roster-store.ts and workbook-definitions.ts hide theirs.
      ws.Visible = XL.sheet.veryHidden;
      const hidden = ws.Visible;
      ws.Visible = XL.sheet.visible;
      expectEqual('隐藏后的 Visible ', hidden, XL.sheet.veryHidden);
      expectEqual('恢复后的 Visible ', ws.Visible, XL.sheet.visible);
      ws.Activate();
      expectEqual('当前工作表', app.ActiveSheet.Name, ws.Name);
    },
  },
  {
    id: 'values',
    label: 'Value2 二维写入与读回、文字格式、错误值、各形状',
    run: ({ app, ws }) => {
      ws.Range('A2:A3').NumberFormat = '@';
      const block = ws.Range('A2:C3');
      // Big writes go with ScreenUpdating off (et-values.ts), as the drawing's one Value2 write does.
      withScreenUpdatingOff(app, () => {
        block.Value2 = [
          ['00123', 3.5, "'=1+1"],
          [PROBE_TEXT, null, "'2018-5-20"],
        ];
      });
      expectEqual('值', readValue2Grid(block.Value2, 2, 3), [
        ['00123', 3.5, '=1+1'],
        [PROBE_TEXT, null, '2018-5-20'],
      ]);
      expectEqual('显示文字', ws.Range('A2').Text, '00123');
      // An error value comes back as a CVErr number (aiworkdeck), read as its text by readValue2Grid.
      ws.Range('D2').Formula = '=1/0';
      const error = ws.Range('D2').Value2;
      // Not computed (calculation off): nothing to compare; any other answer must be the error's text once read.
      if (error !== null && error !== undefined && error !== '') expectEqual('错误值', readValue2Grid(error, 1, 1), [['#DIV/0!']]);
      const row = ws.Range('A2:C2').Value2;
      const column = ws.Range('A2:A3').Value2;
      const cell = ws.Range('A2').Value2;
      return `单格读回${shapeOf(cell)}，一行读回${shapeOf(row)}，一列读回${shapeOf(column)}；#DIV/0! 读回 ${JSON.stringify(error)}`;
    },
  },
  {
    id: 'merge',
    label: '合并单元格（Merge，关闭提示）',
    run: ({ app, ws }) => {
      const area = ws.Range('A6:C7');
      area.Value2 = [
        [PROBE_TEXT, null, null],
        [null, null, null],
      ];
      withAlertsOff(app, () => area.Merge());
      expectEqual('MergeCells ', area.MergeCells, true);
      expectEqual('合并区域', ws.Range('B7').MergeArea.Address(false, false), 'A6:C7');
    },
  },
  {
    id: 'formats',
    label: '字体、对齐、竖排、边框、填充（BGR）、锁定、行高列宽、隐藏列',
    run: ({ ws }) => {
      const range = ws.Range('A10:B11');
      range.Font.Name = '宋体';
      range.Font.Size = 11;
      range.Font.Bold = true;
      range.Font.Color = 0;
      range.HorizontalAlignment = XL.hAlign.center;
      range.VerticalAlignment = XL.vAlign.middle;
      range.WrapText = true;
      range.Orientation = XL.orientation.vertical;
      // The outer edges and the lines between the cells (draw-plan.ts boxes a block with its inside lines).
      for (const edge of [XL.edge.left, XL.edge.top, XL.edge.bottom, XL.edge.right, XL.edge.insideHorizontal, XL.edge.insideVertical]) {
        const border = range.Borders.Item(edge);
        border.LineStyle = XL.lineStyle.continuous;
        border.Weight = XL.weight.thin;
        border.Color = 0;
      }
      range.Interior.Color = hexToBgr(PINK);
      const fill = Number(range.Interior.Color);
      ws.Range('B10').Interior.ColorIndex = XL.colorIndexNone;
      range.Locked = false;
      ws.Range('A10').ColumnWidth = 12;
      ws.Range('A10').RowHeight = 30;
      ws.Range('J10').EntireColumn.Hidden = true;
      expectEqual('填充色', bgrToHex(fill), PINK);
      expectEqual('锁定', range.Locked, false);
      expectEqual('列宽', ws.Range('A10').ColumnWidth, 12);
    },
  },
  {
    id: 'validation',
    label: '数据验证（Validation.Add：下拉列表、整数、文字长度、日期，输入提示）',
    run: ({ ws }) => {
      const list = ws.Range('A14').Validation;
      list.Add(XL.validate.list, XL.alert.stop, XL.operator.between, '是,否');
      list.InCellDropdown = true;
      list.IgnoreBlank = true;
      list.ShowInput = true;
      list.InputTitle = PROBE_TEXT;
      list.InputMessage = PROBE_TEXT;
      list.ShowError = true;
      list.ErrorTitle = PROBE_TEXT;
      list.ErrorMessage = PROBE_TEXT;
      ws.Range('B14').Validation.Add(XL.validate.wholeNumber, XL.alert.warning, XL.operator.greaterEqual, '0');
      ws.Range('C14').Validation.Add(XL.validate.textLength, XL.alert.warning, XL.operator.between, '0', '100');
      // Dates as serial numbers, as draw-prepare.ts gives them.
      ws.Range('D14').Validation.Add(
        XL.validate.date,
        XL.alert.stop,
        XL.operator.between,
        String(isoToSerial('2000-01-01')),
        String(isoToSerial('2099-12-31')),
      );
      const back = ws.Range('A14').Validation;
      expectEqual('验证类型', back.Type, XL.validate.list);
      expectEqual('列表来源', back.Formula1, '是,否');
      expectEqual('输入提示', back.InputMessage, PROBE_TEXT);
    },
  },
  {
    id: 'conditionalFormats',
    label: '条件格式（FormatConditions.Add 公式型 xlExpression）',
    run: ({ ws }) => {
      // live checking's colours are expression rules; VBA reads their relative references from the active cell, so
      // the range's top-left cell is selected first (as the WPS drawing does).
      const range = ws.Range('A18:B19');
      ws.Range('A18').Select();
      const added = range.FormatConditions.Add(XL.condition.expression, undefined, '=AND(A18<>"",LEN(A18)>3)');
      added.Interior.Color = hexToBgr(PINK);
      // draw-plan.ts adds the rules last to first, each made the first applied.
      added.SetFirstPriority();
      const first = range.FormatConditions.Item(1);
      expectEqual('条件格式类型', first.Type, XL.condition.expression);
      return `公式读回 ${JSON.stringify(first.Formula1)}`;
    },
  },
  {
    id: 'workbookNames',
    label: '工作簿级名称（Names.Add）',
    run: ({ app, tag, workbookNames }) => {
      const name = `UnionForms_SelfTest_${tag}`;
      app.ActiveWorkbook.Names.Add(name, `="${PROBE_TEXT}"`);
      workbookNames.push(name);
      const back = app.ActiveWorkbook.Names.Item(name);
      if (!String(back.RefersTo).includes(PROBE_TEXT)) throw new Mismatch(`名称的值读回 ${JSON.stringify(back.RefersTo)}`);
      return `值读回 ${JSON.stringify(back.RefersTo)}`;
    },
  },
  {
    id: 'sheetNames',
    label: '工作表级名称（Worksheet.Names.Add，表格标记）',
    run: ({ ws, tag, workbookNames }) => {
      const name = `UnionForms_Sheet_${tag}`;
      // A host that makes it a workbook name instead (behaviours.ts 'workbook') would leave it: the clean-up looks.
      workbookNames.push(name);
      ws.Names.Add(name, `="${PROBE_TEXT}"`);
      const back = ws.Names.Item(name);
      const full = String(back.Name);
      if (!String(back.RefersTo).includes(PROBE_TEXT)) throw new Mismatch(`名称的值读回 ${JSON.stringify(back.RefersTo)}`);
      if (!full.includes('!'))
        throw new Mismatch(`名称读回 ${JSON.stringify(full.replace(ws.Name, '（临时表）'))}：不带工作表，按工作簿级名称处理`);
      return '名称带工作表前缀（工作表级）';
    },
  },
  {
    id: 'pageSetup',
    label: '页面设置（PageSetup：A4 横向、一页宽、页边距、打印区域、打印标题、页脚）',
    run: ({ ws }) => {
      const page = ws.PageSetup;
      page.PaperSize = XL.page.a4;
      page.Orientation = XL.page.landscape;
      page.Zoom = false;
      page.FitToPagesWide = 1;
      page.FitToPagesTall = false;
      page.CenterHorizontally = true;
      page.LeftMargin = 36;
      page.RightMargin = 36;
      page.TopMargin = 54;
      page.BottomMargin = 54;
      page.HeaderMargin = 21.6;
      page.FooterMargin = 21.6;
      page.PrintArea = '$A$1:$J$20';
      page.PrintTitleRows = '$1:$2';
      page.PrintTitleColumns = '$A:$A';
      page.LeftFooter = PROBE_TEXT;
      page.CenterFooter = '第 &P 页，共 &N 页';
      page.RightFooter = PROBE_TEXT;
      const back = [page.Orientation, page.FitToPagesWide, page.PrintTitleRows];
      if (JSON.stringify(back) !== JSON.stringify([XL.page.landscape, 1, '$1:$2']))
        throw new Mismatch(`写入后读回 ${JSON.stringify(back)}：设置未生效`);
    },
  },
  {
    id: 'window',
    label: '冻结表头行与隐藏网格线（ActiveWindow）',
    run: ({ app, ws }) => {
      ws.Activate();
      const win = app.ActiveWindow;
      win.FreezePanes = false;
      win.SplitColumn = 0;
      win.SplitRow = 2;
      win.FreezePanes = true;
      win.DisplayGridlines = false;
      expectEqual('冻结', win.FreezePanes, true);
      expectEqual('网格线', win.DisplayGridlines, false);
    },
  },
  {
    id: 'protection',
    label: '保护与取消保护工作表（允许设置格式）',
    run: ({ ws }) => {
      ws.Protect(undefined, true, true, undefined, false, true, false, false, false, true);
      const on = ws.ProtectContents;
      ws.Unprotect();
      expectEqual('保护状态', [on, ws.ProtectContents], [true, false]);
    },
  },
  {
    id: 'charts',
    label: '图表（ChartObjects().Add、SetSourceData、条形图、标题、图例）',
    run: (site) => {
      const { ws } = site;
      ws.Range('A22:C24').Value2 = [
        ['甲', 1, 2],
        ['乙', 3, 4],
        ['丙', 5, 6],
      ];
      const anchor = ws.Range('E22:H30');
      const object = ws.ChartObjects().Add(anchor.Left, anchor.Top, anchor.Width, anchor.Height);
      const chart = object.Chart;
      chart.SetSourceData(ws.Range('A22:C24'), CHART.byColumns);
      chart.ChartType = CHART.barClustered;
      chart.HasTitle = true;
      chart.ChartTitle.Text = PROBE_TEXT;
      chart.HasLegend = true;
      site.chart = chart;
      expectEqual('图表数', ws.ChartObjects().Count, 1);
      expectEqual('图表类型', chart.ChartType, CHART.barClustered);
    },
  },
  {
    id: 'chartAxes',
    label: '图表坐标轴（Axes().Item：条形按表中顺序排列）',
    run: ({ chart }) => {
      // chart-draw.ts draws the chart all the same where this throws (bars then in reverse order).
      if (!chart) throw new Mismatch('未运行：图表未建成');
      const axis = chart.Axes().Item(CHART.category);
      axis.ReversePlotOrder = true;
      axis.Crosses = CHART.maximum;
      expectEqual('坐标轴反转', axis.ReversePlotOrder, true);
    },
  },
  {
    id: 'selection',
    label: '选中单元格与读取所选区域（Select、Selection.Areas、ActiveCell）',
    run: ({ app, ws }) => {
      ws.Activate();
      ws.Range('B27:C28').Select();
      const areas = app.Selection.Areas;
      const first = areas.Item(1);
      expectEqual('所选区域', [areas.Count, first.Row, first.Column, first.Rows.Count, first.Columns.Count], [1, 27, 2, 2, 2]);
      expectEqual('活动单元格', [app.ActiveCell.Row, app.ActiveCell.Column], [27, 2]);
    },
  },
  {
    id: 'usedRange',
    label: '已用区域（UsedRange）与单元格定位（Cells.Item、Resize、Address）',
    run: ({ ws }) => {
      const used = ws.UsedRange;
      if (used.Row < 1 || used.Rows.Count < 1) throw new Mismatch('已用区域为空');
      const cell = ws.Cells.Item(2, 1).Resize(2, 3);
      expectEqual('地址', cell.Address(false, false), 'A2:C3');
    },
  },
  {
    id: 'undo',
    label: '撤销步骤（DebugTools.UndoTransBegin/End）',
    run: ({ app, ws }) => {
      const book = app.ActiveWorkbook;
      app.DebugTools.UndoTransBegin(book);
      try {
        ws.Range('E2').Value2 = PROBE_TEXT;
      } finally {
        app.DebugTools.UndoTransEnd(book, false, PROBE_TEXT);
      }
    },
  },
  {
    id: 'pluginStorage',
    label: '加载项存储（PluginStorage）',
    run: ({ app, tag }) => {
      const key = `${STORAGE_PREFIX}${tag}`;
      app.PluginStorage.setItem(key, PROBE_TEXT);
      const back = app.PluginStorage.getItem(key);
      app.PluginStorage.removeItem(key);
      expectEqual('存储的值', back, PROBE_TEXT);
    },
  },
  {
    id: 'fileSystem',
    label: '本地文件（FileSystem.Exists；不读取任何文件）',
    run: ({ app, tag }) => {
      const exists = app.FileSystem.Exists(`/union-forms-self-test-${tag}/none.xlsx`);
      expectEqual('不存在的路径 Exists ', exists, false);
      return present(app, 'FileSystem.ReadFileAsArrayBuffer') ? 'ReadFileAsArrayBuffer 存在' : 'ReadFileAsArrayBuffer 不存在';
    },
  },
];

/** SheetChange / SheetSelectionChange on the add-in's own write and selection, and whether EnableEvents silences them. */
interface EventWatch {
  change: number;
  selection: number;
  /** What SheetChange's Target was: a range with an address (as VBA's), or a sheet (as the typings say). */
  target: string | undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(done: () => boolean, ms: number): Promise<void> {
  const step = Math.max(1, Math.min(50, ms));
  for (let waited = 0; waited < ms && !done(); waited += step) await sleep(step);
}

function randomTag(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, '0');
}

/** Runs the self-test on the open workbook and gives the report; nothing a probe or the clean-up raised is thrown. */
export async function runWpsSelfTest(
  app: EtApplicationSurface,
  env: WpsEnvironment = {},
  options: WpsSelfTestOptions = {},
): Promise<SelfTestReport> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const callsBefore = options.calls?.();
  const tag = options.tag ?? randomTag();
  const keepOut: string[] = [];
  const outcomes = new Map<string, ProbeOutcome>();
  const failed = (err: unknown): ProbeOutcome => ({ status: 'failed', error: errorText(err) });
  const capabilities: Capability[] = ET_MEMBERS.map((m) => ({ name: m, present: present(app, m) }));
  const version = [read(() => String(app.Version)), read(() => app.Build)]
    .filter((v) => v !== undefined && v !== '' && v !== 0)
    .join(' build ');
  const platform = read(() => String(app.OperatingSystem)) ?? '未知';
  let scratchName = `${SCRATCH_PREFIX}-${tag}`;
  let scratchRemoved = true;
  const workbookNames: string[] = [];
  const watch: EventWatch = { change: 0, selection: 0, target: undefined };

  let ws: EtWorksheetSurface | undefined;
  let shown: EtWorksheetSurface | undefined;
  const listeners: { name: 'SheetChange' | 'SheetSelectionChange'; fn: (sheet: EtWorksheetSurface, target: EtRangeSurface) => void }[] = [];
  const alertsBefore = read(() => app.DisplayAlerts);
  const eventsBefore = read(() => app.EnableEvents);
  try {
    // The clerk's sheet names: to choose a free name, and to keep them out of the report. The sheet shown, to show
    // it again at the end.
    const book = app.ActiveWorkbook;
    const sheets = book.Worksheets;
    const existing: string[] = [];
    for (let i = 1; i <= sheets.Count; i++) existing.push(sheets.Item(i).Name);
    keepOut.push(...existing, ...[read(() => book.Name), read(() => book.FullName)].filter((n): n is string => typeof n === 'string'));
    shown = app.ActiveSheet;
    scratchName = uniqueSheetName(scratchName, existing);
    try {
      // Appended after the last sheet (aiworkdeck), then named; Add makes it the active sheet (VBA).
      ws = sheets.Add(null, sheets.Item(sheets.Count));
      ws.Name = scratchName;
      expectEqual('工作表名', ws.Name, scratchName);
      shown.Activate();
      outcomes.set('sheet', { status: 'ok' });
    } catch (err) {
      outcomes.set('sheet', failed(err));
    }
    const site: Site | undefined = ws && { app, ws, tag, scratchName, workbookNames };
    for (const probe of PROBES) {
      if (!site) {
        outcomes.set(probe.id, { status: 'failed', error: '未运行：未能新建临时工作表' });
        continue;
      }
      try {
        const note = probe.run(site);
        outcomes.set(probe.id, note ? { status: 'ok', note } : { status: 'ok' });
      } catch (err) {
        outcomes.set(probe.id, failed(err));
      }
    }
    if (site) await probeEvents(site, watch, listeners, outcomes, options.eventWaitMs ?? 1500);
    else outcomes.set('events', { status: 'failed', error: '未运行：未能新建临时工作表' });
  } catch (err) {
    // Reading the workbook itself failed: nothing was made.
    if (!outcomes.has('sheet')) outcomes.set('sheet', { status: 'failed', error: `未能读取工作簿，自检未运行：${errorText(err)}` });
  } finally {
    scratchRemoved = cleanUp(app, ws, shown, scratchName, workbookNames, listeners, outcomes);
    if (alertsBefore !== undefined) read(() => (app.DisplayAlerts = alertsBefore));
    if (eventsBefore !== undefined) read(() => (app.EnableEvents = eventsBefore));
  }
  if (scratchRemoved && outcomes.get('sheet')?.status === 'ok') outcomes.set('sheet', { status: 'ok', note: '已新建并删除临时工作表' });

  const probes = listedProbes(
    [
      { id: 'sheet', label: '新建、改名与删除临时工作表（Worksheets.Add、Name、Delete）' },
      ...PROBES,
      { id: 'events', label: EVENTS_LABEL },
    ],
    outcomes,
    keepOut,
  );
  const callsAfter = options.calls?.();
  return {
    host: 'WPS 表格',
    version: version || '未知',
    platform,
    ...(env.userAgent ? { userAgent: env.userAgent } : {}),
    capabilityHeading: '对象模型（Application 的成员）',
    capabilities,
    probes,
    ...(callsBefore !== undefined && callsAfter !== undefined
      ? { roundTrips: { kind: '对象模型调用', count: callsAfter - callsBefore } }
      : {}),
    scratchRemoved,
    scratchName,
    ranAt: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    durationMs: now().getTime() - started.getTime(),
  };
}

const EVENTS_LABEL = '事件（ApiEvent：SheetChange、SheetSelectionChange；EnableEvents）';

/**
 * Listens for SheetChange and SheetSelectionChange, writes a cell and selects one on the scratch sheet, and waits a
 * moment for each; then, with EnableEvents off, writes again to see whether that silences the listener (behaviours.ts:
 * no source says). Events of other sheets (the clerk's) are not counted.
 */
async function probeEvents(
  { app, ws, scratchName }: Site,
  watch: EventWatch,
  listeners: { name: 'SheetChange' | 'SheetSelectionChange'; fn: (sheet: EtWorksheetSurface, target: EtRangeSurface) => void }[],
  outcomes: Map<string, ProbeOutcome>,
  waitMs: number,
): Promise<void> {
  const ours = (sheet: EtWorksheetSurface) => read(() => sheet.Name) === scratchName;
  try {
    const onChange = (sheet: EtWorksheetSurface, target: EtRangeSurface) => {
      if (!ours(sheet)) return;
      watch.change++;
      watch.target ??= read(() => target.Address(false, false)) ? '区域' : '不是区域';
    };
    const onSelection = (sheet: EtWorksheetSurface) => {
      if (ours(sheet)) watch.selection++;
    };
    app.ApiEvent.AddApiEventListener('SheetChange', onChange);
    listeners.push({ name: 'SheetChange', fn: onChange });
    app.ApiEvent.AddApiEventListener('SheetSelectionChange', onSelection);
    listeners.push({ name: 'SheetSelectionChange', fn: onSelection });
    ws.Activate();
    ws.Range('A1').Value2 = PROBE_TEXT;
    ws.Range('B1').Select();
    await waitFor(() => watch.change > 0 && watch.selection > 0, waitMs);
    const changed = watch.change;
    let silenced = '未测';
    if (present(app, 'EnableEvents')) {
      app.EnableEvents = false;
      try {
        ws.Range('A1').Value2 = `${PROBE_TEXT}2`;
        await waitFor(() => watch.change > changed, Math.min(waitMs, 300));
      } finally {
        app.EnableEvents = true;
      }
      silenced = watch.change > changed ? '不能屏蔽' : '能屏蔽';
    }
    const got = (n: number) => (n > 0 ? '收到' : '未收到');
    outcomes.set('events', {
      status: 'ok',
      note:
        `代码写入后 SheetChange ${got(changed)}${watch.target ? `（Target ${watch.target}）` : ''}；` +
        `代码选中后 SheetSelectionChange ${got(watch.selection)}；EnableEvents = false ${silenced} SheetChange`,
    });
  } catch (err) {
    outcomes.set('events', { status: 'failed', error: errorText(err) });
  }
}

/**
 * Removes what the run made, each step in its own try: the listeners, the names made at the workbook's level, the
 * scratch sheet (DisplayAlerts off, or WPS would ask); then shows the sheet shown before. True once the scratch sheet
 * is known to be gone (looked up by name afterwards).
 */
function cleanUp(
  app: EtApplicationSurface,
  ws: EtWorksheetSurface | undefined,
  shown: EtWorksheetSurface | undefined,
  scratchName: string,
  workbookNames: readonly string[],
  listeners: readonly { name: 'SheetChange' | 'SheetSelectionChange'; fn: (sheet: EtWorksheetSurface, target: EtRangeSurface) => void }[],
  outcomes: Map<string, ProbeOutcome>,
): boolean {
  for (const { name, fn } of listeners) read(() => app.ApiEvent.RemoveApiEventListener(name, fn));
  for (const name of workbookNames) read(() => app.ActiveWorkbook.Names.Item(name).Delete());
  let removed = true;
  if (ws) {
    try {
      if (shown) read(() => shown.Activate());
      withAlertsOff(app, () => ws.Delete());
    } catch (err) {
      outcomes.set('sheet', { status: 'failed', error: `未能删除临时工作表：${errorText(err)}` });
    }
    const left = read(() => app.ActiveWorkbook.Worksheets.Item(scratchName));
    if (left) {
      removed = false;
      if (outcomes.get('sheet')?.status !== 'failed') outcomes.set('sheet', { status: 'failed', error: '未能删除临时工作表' });
    }
  }
  if (shown) read(() => shown.Activate());
  return removed;
}
