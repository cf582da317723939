/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read, office-addins/test-for-null-using-isNullObject -- each probe's reads are made by its Check, which runs only after the sync of its batch; and this file's syncs go through a counting wrapper (sync()) the rules cannot follow. */
/**
 * 自检 in Excel (issue 20 §6): every Excel call the add-in relies on, tried once on a scratch sheet of its own that is
 * removed afterwards, and a report of what worked (core/self-test-report.ts). It is how the first real Excel machines
 * tell us what the fake host (test/fake-excel) got wrong, so each probe makes the calls the add-in makes, in the way it
 * makes them (draw-plan.ts, write-summaries.ts, live-watch.ts, workbook-definitions.ts, roster-store.ts…), and reads
 * back what the add-in reads back.
 *
 * Syncs: one to learn the sheet names, one with every probe, one to see the change events come, five to see what this
 * Excel answers where reports disagree (observe), one to clean up — nine when all goes well. A batch that fails stops at the failing operation without undoing what ran before it
 * (Excel's batches are not transactions), and says nothing of which probe failed: then what it left is removed, and
 * each probe runs again in a sync of its own on a new scratch sheet, so that one failure is told apart from the
 * others and stops none of them.
 *
 * The clerk's sheets are never written: the probes work on the scratch sheet (a name no sheet has, chosen after
 * reading the names) and on a custom XML part in a namespace of this run's own (not the roster's). Only the sheet shown
 * before is shown again at the end. Nothing of the clerk's goes into the report: sheet names and the workbook's name
 * are read only to keep them out of the error texts (redactText).
 */
import { cellAddress } from '../../core/a1';
import { literalForTyping } from '../../core/cell-text';
import type { PageBasics } from '../../core/merge/summary-plan';
import { errorText, type Capability, type ProbeOutcome, type SelfTestReport } from '../../core/self-test-report';
import { listedProbes } from '../../core/self-test-probes';
import { uniqueSheetName } from '../../core/sheet-names';
import type { RequirementCheck } from './api-support';
import { excelErrorCode, retryWhileExcelBusy } from './excel-errors';
import type { ContextSurface, EventsSurface, ExcelRun, WorksheetSurface, WorksheetsSurface } from './excel-surface';
import { queuePageBasics } from './page-setup';
import type { RangeAreasSurface } from './roster-store';

/** What Office tells of itself (Office.context.diagnostics, Office.context.requirements) and the pane's browser. */
export interface OfficeEnvironment {
  /** Office.context.diagnostics.version, e.g. "16.0.17928.20114". */
  readonly version: string;
  /** Office.context.diagnostics.platform: PC, Mac, OfficeOnline, iOS… */
  readonly platform: string;
  readonly userAgent?: string;
  readonly isSetSupported: RequirementCheck;
}

export interface OfficeSelfTestOptions {
  /** How long to wait for the change and selection events after the probes' write (ms). */
  eventWaitMs?: number;
  /** Clean-up while the clerk is editing a cell: tries, and the pause between them (ms), as insertForm waits. */
  cleanUpTries?: number;
  retryMs?: number;
  /** The random part of the scratch sheet's name and of the custom XML namespace (tests give their own). */
  tag?: string;
  /** The clock, for the report's time and duration (tests give their own). */
  now?: () => Date;
}

/**
 * The requirement sets the add-in uses: the manifest's minimum (1.7) and those it detects at run time
 * (api-support.ts: 1.8, 1.9, 1.13), and 1.20 (undo support for add-ins' writes, which decides whether a write
 * clears the clerk's undo history: "Undo capabilities in Excel add-ins"). 1.18 tells volume-licensed Office 2021 and
 * 2024 (LTSC) from Microsoft 365: the requirement-set table has "Not supported" for them from 1.18 on.
 */
export const EXCEL_API_SETS = ['1.7', '1.8', '1.9', '1.13', '1.18', '1.20'] as const;

const SCRATCH_PREFIX = '自检临时表';
const PROBE_NAME = 'UnionForms_SelfTest';
const PROBE_NAMESPACE = 'urn:union-forms:self-test';
const PROBE_TEXT = '自检';
/** Rows of the scratch sheet each probe may use, from its own first row down. */
const ROWS_PER_PROBE = 4;
/** The request-size probe's request by Microsoft's counting (write-summaries.ts's default budget), and each cell's text. */
const REQUEST_PROBE_BYTES = 1_000_000;
const REQUEST_PROBE_TEXT = 'x'.repeat(200);

/** Where a probe works: the scratch sheet, its own rows of it, and what this Excel supports. */
interface ProbeSite {
  readonly context: ContextSurface;
  readonly ws: WorksheetSurface;
  readonly scratchName: string;
  /** The probe's first row (zero-based); it may use ROWS_PER_PROBE rows from there, columns A to J (requestSize: more). */
  readonly top: number;
  readonly has: (version: string) => boolean;
  readonly namespace: string;
}

/** After the probe's sync: throws if what was read back is wrong; may return a note for the report. */
type Check = () => string | void;

interface OfficeProbe {
  readonly id: string;
  readonly label: string;
  /** The ExcelApi version the probe's calls need; below it the add-in does not make them and the probe is not run. */
  readonly needs?: string;
  /** Queues the probe's calls (nothing reaches Excel before the sync); returns the check of what they gave. */
  queue(site: ProbeSite): Check | void;
}

class Mismatch extends Error {}

function expectEqual(what: string, got: unknown, wanted: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(wanted))
    throw new Mismatch(`${what}读回 ${JSON.stringify(got)}，应为 ${JSON.stringify(wanted)}`);
}

const PAGE: PageBasics = {
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
};

/** Each probe in the order the main batch queues them: visibility before the sheet is shown, selection late. */
const PROBES: readonly OfficeProbe[] = [
  {
    id: 'rename',
    label: '工作表改名',
    queue: ({ ws, scratchName }) => {
      // write-summaries.ts renames its sheets into place (Worksheet.name, ExcelApi 1.1).
      ws.name = `${scratchName}~`;
      ws.name = scratchName;
      ws.load('name');
      return () => expectEqual('工作表名', ws.name, scratchName);
    },
  },
  {
    id: 'visibility',
    label: '隐藏工作表（定义表用“深度隐藏”）',
    queue: ({ context, ws, scratchName }) => {
      // workbook-definitions.ts keeps its sheet VeryHidden (Worksheet.visibility, set: ExcelApi 1.2).
      ws.visibility = 'VeryHidden';
      const hidden = context.workbook.worksheets.getItem(scratchName);
      hidden.load('visibility');
      ws.visibility = 'Visible';
      ws.load('visibility');
      return () => {
        expectEqual('隐藏后的可见性', hidden.visibility, 'VeryHidden');
        expectEqual('恢复后的可见性', ws.visibility, 'Visible');
      };
    },
  },
  {
    id: 'values',
    label: '写入与读回值、数字格式、显示文字',
    queue: ({ ws, top }) => {
      const range = ws.getRangeByIndexes(top, 0, 2, 3);
      // Text cells as '@' first, then the values (draw-plan.ts, summary-cells.ts): "00123" stays text, a text that
      // looks like a formula or a date is written with Excel's text prefix and read back as the text.
      range.numberFormat = [
        ['@', 'General', 'General'],
        ['@', 'General', 'General'],
      ];
      range.values = [
        ['00123', 3.5, literalForTyping('=1+1')],
        [PROBE_TEXT, '', "'2018-5-20"],
      ];
      range.load('values,text,numberFormat,rowIndex,columnIndex,rowCount,columnCount,address');
      const used = range.getUsedRangeOrNullObject(true);
      used.load('rowCount,columnCount');
      ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
      ws.getUsedRangeOrNullObject(true).load('values');
      return () => {
        expectEqual('值', range.values, [
          ['00123', 3.5, '=1+1'],
          [PROBE_TEXT, '', '2018-5-20'],
        ]);
        expectEqual('位置', [range.rowIndex, range.columnIndex, range.rowCount, range.columnCount], [top, 0, 2, 3]);
        expectEqual('地址', range.address.replace(/^.*!/, ''), `A${top + 1}:C${top + 2}`);
        // read-selection-grid.ts reads what each cell shows (Range.text); the decimal sign is the system's.
        if (!/^3[.,]5$/.test(String(range.text[0]?.[1])))
          throw new Mismatch(`显示文字读回 ${JSON.stringify(range.text[0]?.[1])}，应为 "3.5"`);
        expectEqual('文字单元格的显示文字', range.text[0]?.[0], '00123');
        expectEqual('有值区域', [used.isNullObject, used.rowCount, used.columnCount], [false, 2, 3]);
      };
    },
  },
  {
    id: 'merge',
    label: '合并单元格',
    queue: ({ ws, top, has }) => {
      const area = ws.getRangeByIndexes(top, 0, 2, 3);
      area.merge(false);
      ws.getRangeByIndexes(top, 0, 1, 1).values = [[PROBE_TEXT]];
      if (!has('1.13')) return () => '读取合并区域需要 ExcelApi 1.13，未测';
      // read-selection-grid.ts reads merged areas (Range.getMergedAreasOrNullObject, ExcelApi 1.13).
      const merged = area.getMergedAreasOrNullObject();
      merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
      return () => {
        const areas = merged.isNullObject ? [] : merged.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount]);
        expectEqual('合并区域', areas, [[top, 0, 2, 3]]);
      };
    },
  },
  {
    id: 'formats',
    label: '字体、对齐、边框、填充、行高列宽、锁定、隐藏列',
    queue: ({ ws, top }) => {
      const range = ws.getRangeByIndexes(top, 0, 2, 2);
      const f = range.format;
      f.font.name = '宋体';
      f.font.size = 11;
      f.font.bold = true;
      f.font.color = '#000000';
      f.horizontalAlignment = 'Center';
      f.verticalAlignment = 'Center';
      f.wrapText = true;
      f.textOrientation = 180;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        const border = f.borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = 'Thin';
        border.color = '#000000';
      }
      f.fill.color = '#FFC7CE';
      ws.getRangeByIndexes(top, 1, 1, 1).format.fill.clear();
      f.protection.locked = false;
      ws.getRangeByIndexes(top, 0, 1, 1).format.rowHeight = 30;
      ws.getRangeByIndexes(top, 0, 1, 1).format.columnWidth = 60;
      // The marker's column is hidden (draw-plan.ts): a column of the scratch sheet far right.
      ws.getRangeByIndexes(top, 9, 1, 1).getEntireColumn().columnHidden = true;
      // read-selection-grid.ts reads each column's width in points (getColumn, format/columnWidth).
      const column = range.getColumn(0);
      column.load('format/columnWidth');
      return () => {
        const width = column.format.columnWidth;
        // Excel keeps widths in whole pixels of its standard font: a few points either way is the same column.
        if (typeof width !== 'number' || Math.abs(width - 60) > 3) throw new Mismatch(`列宽读回 ${JSON.stringify(width)}，应约为 60 磅`);
        return `列宽写入 60 磅，读回 ${width} 磅`;
      };
    },
  },
  {
    id: 'validation',
    label: '数据验证（下拉列表、整数、文字长度、日期，输入提示）',
    needs: '1.8',
    queue: ({ ws, top }) => {
      const rules: Excel.DataValidationRule[] = [
        { list: { inCellDropDown: true, source: '是,否' } },
        { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
        { textLength: { formula1: 0, formula2: 100, operator: 'Between' } },
        { date: { formula1: '2000-01-01', formula2: '2099-12-31', operator: 'Between' } },
      ];
      rules.forEach((rule, col) => {
        const dv = ws.getRangeByIndexes(top, col, 1, 1).dataValidation;
        dv.rule = rule;
        dv.ignoreBlanks = true;
        dv.errorAlert = { showAlert: true, style: col === 0 ? 'Stop' : 'Warning', title: PROBE_TEXT, message: PROBE_TEXT };
        dv.prompt = { showPrompt: true, title: PROBE_TEXT, message: PROBE_TEXT };
      });
    },
  },
  {
    id: 'gridlines',
    label: '隐藏网格线',
    needs: '1.8',
    queue: ({ ws }) => {
      ws.showGridlines = false;
    },
  },
  {
    id: 'conditionalFormats',
    label: '条件格式（自定义公式）',
    queue: ({ ws, top }) => {
      // draw-plan.ts: an English formula with its '=', relative to the range's top-left cell (ExcelApi 1.6).
      const range = ws.getRangeByIndexes(top, 0, 2, 2);
      const { custom } = range.conditionalFormats.add('Custom');
      custom.rule.formula = `=AND(${cellAddress(top, 0)}<>"",LEN(${cellAddress(top, 0)})>3)`;
      custom.format.fill.color = '#FFC7CE';
    },
  },
  {
    id: 'names',
    label: '工作表级名称（表格标记）',
    queue: ({ ws }) => {
      // draw-plan.ts and write-summaries.ts mark their sheets by a sheet-scoped name holding a text (ExcelApi 1.4).
      ws.names.add(PROBE_NAME, `="${PROBE_TEXT}"`);
      ws.names.load('items/name,items/value');
      return () => {
        const found = ws.names.items.find((n) => n.name === PROBE_NAME);
        if (!found) throw new Mismatch('读回的名称中没有刚加的名称');
        if (!String(found.value).includes(PROBE_TEXT)) throw new Mismatch(`名称的值读回 ${JSON.stringify(found.value)}`);
        return `值读回为 ${JSON.stringify(found.value)}`;
      };
    },
  },
  {
    id: 'pageLayout',
    label: '页面设置（A4、缩放到一页宽、页边距、打印区域、打印标题）',
    needs: '1.9',
    queue: ({ ws }) => {
      const layout = ws.pageLayout;
      queuePageBasics(layout, PAGE);
      layout.setPrintArea('A1:J20');
      layout.setPrintTitleRows('$1:$2');
      layout.setPrintTitleColumns('$A:$A');
    },
  },
  {
    id: 'freezePanes',
    label: '冻结表头行',
    queue: ({ ws }) => {
      ws.freezePanes.freezeRows(2);
    },
  },
  {
    id: 'protection',
    label: '保护与取消保护工作表',
    queue: ({ ws }) => {
      // draw-plan.ts protects a form with formatting allowed (live-paint.ts reads it); unprotect as
      // workbook-definitions.ts does.
      ws.protection.protect({
        allowFormatCells: true,
        allowFormatColumns: false,
        allowFormatRows: false,
        allowInsertRows: true,
        selectionMode: 'Normal',
      });
      ws.protection.load('protected,options');
      ws.protection.unprotect();
      return () => {
        expectEqual('保护状态', ws.protection.protected, true);
        expectEqual('允许设置格式', ws.protection.options.allowFormatCells, true);
      };
    },
  },
  {
    id: 'charts',
    label: '图表（条形图、两组数据、标题、图例、坐标轴顺序、位置）',
    queue: ({ ws, top, has }) => {
      const range = (row: number, col: number, rows: number, cols: number) => ws.getRangeByIndexes(top + row, col, rows, cols);
      range(0, 0, 3, 3).values = [
        ['甲', 1, 2],
        ['乙', 3, 4],
        ['丙', 5, 6],
      ];
      // write-summaries.ts queueChart, call for call.
      const chart = ws.charts.add('BarClustered', range(0, 1, 3, 1), 'Columns');
      chart.title.text = PROBE_TEXT;
      chart.legend.visible = true;
      chart.legend.position = 'Bottom';
      const first = chart.series.getItemAt(0);
      first.name = '一';
      first.setXAxisValues(range(0, 0, 3, 1));
      const second = chart.series.add('二');
      second.setValues(range(0, 2, 3, 1));
      second.setXAxisValues(range(0, 0, 3, 1));
      chart.axes.categoryAxis.reversePlotOrder = true;
      if (has('1.8')) chart.axes.categoryAxis.position = 'Maximum';
      chart.setPosition(range(0, 4, 1, 1), range(3, 8, 1, 1));
    },
  },
  {
    id: 'customXml',
    label: '工作簿中的自定义 XML（名单的存放处）',
    queue: ({ context, namespace }) => {
      // roster-store.ts keeps the roster in a custom XML part (ExcelApi 1.5); this one is in a namespace of its own.
      const parts = context.workbook.customXmlParts;
      const part = parts.add(`<selfTest xmlns="${namespace}"><t>${PROBE_TEXT}</t></selfTest>`);
      const xml = part.getXml();
      const found = parts.getByNamespace(namespace);
      found.load('items/id');
      part.delete();
      return () => {
        if (!xml.value.includes(`<t>${PROBE_TEXT}</t>`)) throw new Mismatch('读回的 XML 与写入的不同');
        expectEqual('按命名空间找到的部件数', found.items.length, 1);
      };
    },
  },
  {
    id: 'workbook',
    label: '读取工作簿名称与当前工作表',
    queue: ({ context, scratchName }) => {
      // read-workbook-forms.ts loads the workbook's name (ExcelApi 1.7); insert-form.ts the active sheet; the
      // definitions and the clean-up find sheets with getItemOrNullObject (ExcelApi 1.4). Nothing read is reported.
      context.workbook.load('name');
      context.workbook.worksheets.getActiveWorksheet().load('id');
      const scratch = context.workbook.worksheets.getItemOrNullObject(scratchName);
      const absent = context.workbook.worksheets.getItemOrNullObject(`${scratchName}?`);
      return () => {
        if (typeof context.workbook.name !== 'string') throw new Mismatch('工作簿名称不是文字');
        expectEqual('找到临时工作表', [scratch.isNullObject, absent.isNullObject], [false, true]);
      };
    },
  },
  {
    id: 'requestSize',
    label: `一次约 ${Math.round(REQUEST_PROBE_BYTES / 1000)} KB 的写入（按微软的计数：调用、对象、值）`,
    queue: ({ ws, top }) => {
      // The summary writer sizes its requests by Microsoft's counting (write-summaries.ts: 300 bytes a call, 300 an
      // object, the values' JSON) under 1 MB; Excel on the web refuses more than 5 MB. Here, one-cell ranges each
      // given a value, as the performance page's own example: if Excel on the web refuses this, the counting is
      // short and the report says so (RequestPayloadSizeLimitExceeded).
      const cells = Math.floor(REQUEST_PROBE_BYTES / (600 + REQUEST_PROBE_TEXT.length + 6));
      const columns = Math.ceil(cells / ROWS_PER_PROBE);
      for (let i = 0; i < cells; i++)
        ws.getRangeByIndexes(top + (i % ROWS_PER_PROBE), Math.floor(i / ROWS_PER_PROBE), 1, 1).values = [[REQUEST_PROBE_TEXT]];
      const last = ws.getRangeByIndexes(top + ((cells - 1) % ROWS_PER_PROBE), Math.floor((cells - 1) / ROWS_PER_PROBE), 1, 1);
      last.load('values');
      return () => {
        expectEqual('最后一格', last.values, [[REQUEST_PROBE_TEXT]]);
        return `${cells} 个单元格、${columns} 列，按微软的计数约 ${Math.round((cells * (600 + REQUEST_PROBE_TEXT.length + 6)) / 1000)} KB`;
      };
    },
  },
  {
    id: 'selection',
    label: '显示工作表、选中单元格、读取所选区域',
    queue: ({ context, ws, top, has }) => {
      // live-validation.ts select(): activate, then select; roster-store.ts reads the selection's used cells.
      ws.getRangeByIndexes(top, 1, 1, 1).values = [[PROBE_TEXT]];
      ws.activate();
      ws.getRangeByIndexes(top, 1, 1, 1).select();
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      const used = selected.getUsedRangeOrNullObject(true);
      used.load('values');
      let areas: RangeAreasSurface | undefined;
      if (has('1.9')) {
        areas = (context.workbook as typeof context.workbook & { getSelectedRanges(): RangeAreasSurface })
          .getSelectedRanges()
          .getUsedRangeAreasOrNullObject(true);
        areas.areas.load('items/values');
      }
      return () => {
        expectEqual('所选区域', selected.address.replace(/^.*!/, ''), cellAddress(top, 1));
        expectEqual('所选区域的值', used.values, [[PROBE_TEXT]]);
        if (areas)
          expectEqual(
            '所选各块的值',
            areas.areas.items.map((a) => a.values),
            [[[PROBE_TEXT]]],
          );
      };
    },
  },
];

/** The events live checking registers (live-watch.ts), and what reached this run's handlers from the scratch sheet. */
interface EventWatch {
  /** Handler results, removed at the clean-up (EventHandlerResult.remove, where Excel gives one). */
  readonly handlers: unknown[];
  readonly seen: { sheetChanged: number; sheetSelection: number; bookChanged: number; bookSelection: number };
  /** Set once the scratch sheet's id is known: events of other sheets (the clerk's) are not counted. */
  scratchId: string | undefined;
  workbookLevel: boolean;
}

type SelectionEvents = { readonly onSelectionChanged: EventsSurface<{ worksheetId: string; address?: string }> };

function registerEvents(context: ContextSurface, ws: WorksheetSurface, watch: EventWatch, has: (v: string) => boolean): void {
  const mine = (id: string) => watch.scratchId !== undefined && id === watch.scratchId;
  const count = (key: keyof EventWatch['seen']) => (e: { worksheetId: string }) => {
    if (mine(e.worksheetId)) watch.seen[key]++;
    return Promise.resolve();
  };
  // Runtime.enableEvents (ExcelApi 1.8): insert-form.ts and live-watch.ts turn events on; never off here.
  if (has('1.8')) context.runtime.enableEvents = true;
  const all = context.workbook.worksheets as WorksheetsSurface & SelectionEvents;
  watch.handlers.push(ws.onChanged.add(count('sheetChanged')));
  watch.handlers.push((ws as WorksheetSurface & SelectionEvents).onSelectionChanged.add(count('sheetSelection')));
  watch.handlers.push(all.onAdded.add(() => Promise.resolve()));
  watch.handlers.push(all.onDeleted.add(() => Promise.resolve()));
  if (has('1.9')) {
    watch.workbookLevel = true;
    watch.handlers.push(all.onChanged.add(count('bookChanged')));
    watch.handlers.push(all.onSelectionChanged.add(count('bookSelection')));
  }
}

function eventsNote(watch: EventWatch): string {
  const { seen } = watch;
  const got = (n: number) => (n > 0 ? '收到' : '未收到');
  const book = (n: number) => (watch.workbookLevel ? `，工作簿级${got(n)}` : '');
  return (
    `代码写入后 onChanged：工作表级${got(seen.sheetChanged)}${book(seen.bookChanged)}；` +
    `代码选中单元格后 onSelectionChanged：工作表级${got(seen.sheetSelection)}${book(seen.bookSelection)}`
  );
}

const EVENTS_LABEL = '事件（onChanged、onSelectionChanged、onAdded、onDeleted）与 enableEvents';

/** What Excel answers where reports disagree by platform or build: noted in the report (observe, below). */
const OBSERVED = [
  { id: 'selectSameCell', label: '代码再次选中已选中的单元格：是否触发 onSelectionChanged（office-js #4691）' },
  { id: 'protectionTwice', label: '再次保护已保护的表、对未保护的表取消保护（office-js #6784）' },
] as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function randomTag(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, '0');
}

function unsupported(needs: string): ProbeOutcome {
  return { status: 'unsupported', needs: `ExcelApi ${needs}` };
}

const failed = (err: unknown): ProbeOutcome => ({ status: 'failed', error: errorText(err) });

/** Runs the self-test in one Excel.run and gives the report; nothing a probe or the clean-up raised is thrown. */
export async function runOfficeSelfTest(
  run: ExcelRun,
  env: OfficeEnvironment,
  options: OfficeSelfTestOptions = {},
): Promise<SelfTestReport> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const has = (version: string) => env.isSetSupported('ExcelApi', version);
  const tag = options.tag ?? randomTag();
  const namespace = `${PROBE_NAMESPACE}:${tag}`;
  const keepOut: string[] = [];
  const outcomes = new Map<string, ProbeOutcome>();
  let syncs = 0;
  let scratchName = `${SCRATCH_PREFIX}-${tag}`;
  let scratchRemoved = true;
  const watch: EventWatch = {
    handlers: [],
    seen: { sheetChanged: 0, sheetSelection: 0, bookChanged: 0, bookSelection: 0 },
    scratchId: undefined,
    workbookLevel: false,
  };
  const runnable = PROBES.filter((p) => {
    if (p.needs && !has(p.needs)) outcomes.set(p.id, unsupported(p.needs));
    return !outcomes.has(p.id);
  });

  try {
    await run(async (context) => {
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const sheets = context.workbook.worksheets;

      // 1. The sheet names (to choose the scratch sheet's, and to keep them out of the report) and the sheet shown.
      sheets.load('items/name');
      const shown = sheets.getActiveWorksheet();
      shown.load('id');
      try {
        await sync();
      } catch (err) {
        outcomes.set('sheet', { status: 'failed', error: `未能读取工作簿，自检未运行：${errorText(err)}` });
        return;
      }
      const existing = sheets.items.map((s) => s.name);
      keepOut.push(...existing);
      const taken = [...existing, ...existing.map((n) => `${n}~`)];
      const shownId = shown.id;
      /** Every name a scratch sheet of this run may have had, for the clean-up. */
      const leftovers = new Set<string>();
      const site = (ws: WorksheetSurface, i: number): ProbeSite => ({
        context,
        ws,
        scratchName,
        top: 1 + i * ROWS_PER_PROBE,
        has,
        namespace,
      });
      const addScratch = (base: string): WorksheetSurface => {
        scratchName = uniqueSheetName(base, taken);
        leftovers.add(scratchName).add(`${scratchName}~`);
        const ws = sheets.add(scratchName);
        ws.load('id');
        return ws;
      };

      /** 2. Every probe in one batch. Gives the scratch sheet (its id loaded), or undefined when none could be made. */
      const probeAll = async (): Promise<WorksheetSurface | undefined> => {
        const checks = new Map<string, Check | void>();
        const ws = addScratch(scratchName);
        try {
          registerEvents(context, ws, watch, has);
        } catch (err) {
          outcomes.set('events', failed(err));
        }
        runnable.forEach((probe, i) => {
          try {
            checks.set(probe.id, probe.queue(site(ws, i)));
          } catch (err) {
            outcomes.set(probe.id, failed(err));
          }
        });
        try {
          await sync();
        } catch {
          return probeOneByOne();
        }
        outcomes.set('sheet', { status: 'ok' });
        for (const probe of runnable) if (!outcomes.has(probe.id)) outcomes.set(probe.id, checkOutcome(checks.get(probe.id)));
        return ws;
      };

      /**
       * 2'. The batch failed: which probe failed is not known, and what ran before it stays. What it left is removed,
       * and each probe runs in a sync of its own on a new scratch sheet.
       */
      const probeOneByOne = async (): Promise<WorksheetSurface | undefined> => {
        await removeScratch(context, sync, leftovers, namespace, options);
        const ws = addScratch(`${SCRATCH_PREFIX}-${tag}-2`);
        try {
          await sync();
        } catch (err) {
          outcomes.set('sheet', failed(err));
          const notRun: ProbeOutcome = { status: 'failed', error: '未运行：未能新建临时工作表' };
          for (const probe of runnable) if (!outcomes.has(probe.id)) outcomes.set(probe.id, notRun);
          if (!outcomes.has('events')) outcomes.set('events', notRun);
          return undefined;
        }
        outcomes.set('sheet', { status: 'ok' });
        if (!outcomes.has('events')) {
          try {
            registerEvents(context, ws, watch, has);
            await sync();
          } catch (err) {
            outcomes.set('events', failed(err));
          }
        }
        for (const [i, probe] of runnable.entries()) {
          if (outcomes.has(probe.id)) continue;
          let check: Check | void;
          try {
            check = probe.queue(site(ws, i));
          } catch (err) {
            outcomes.set(probe.id, failed(err));
            // What the probe queued before it threw is sent now, so that it cannot fail the next probe's sync.
            await sync().catch(() => undefined);
            continue;
          }
          try {
            await sync();
            outcomes.set(probe.id, checkOutcome(check));
          } catch (err) {
            outcomes.set(probe.id, failed(err));
          }
        }
        return ws;
      };

      /** 3. A write and a selection on the scratch sheet, then a moment for their events to come. */
      const watchEvents = async (ws: WorksheetSurface): Promise<void> => {
        watch.scratchId = ws.id;
        try {
          ws.getRangeByIndexes(0, 0, 1, 1).values = [[PROBE_TEXT]];
          ws.activate();
          ws.getRangeByIndexes(0, 1, 1, 1).select();
          await sync();
          const wait = options.eventWaitMs ?? 1500;
          const step = Math.max(1, Math.min(50, wait));
          for (let waited = 0; waited < wait; waited += step) {
            const { seen } = watch;
            const book = !watch.workbookLevel || (seen.bookChanged > 0 && seen.bookSelection > 0);
            if (seen.sheetChanged > 0 && seen.sheetSelection > 0 && book) break;
            await sleep(step);
          }
          outcomes.set('events', { status: 'ok', note: eventsNote(watch) });
        } catch (err) {
          outcomes.set('events', failed(err));
        }
      };

      /**
       * 4. The sheet shown before shown again, the scratch sheet deleted, the handlers removed: one sync when all went
       * well; else the careful way (find what is left of this run, then delete it). True once nothing is left.
       */
      const cleanUp = async (ws: WorksheetSurface | undefined): Promise<boolean> => {
        if (ws && outcomes.get('customXml')?.status !== 'failed') {
          try {
            for (const h of watch.handlers) (h as { remove?: () => void } | null)?.remove?.();
            sheets.getItem(shownId).activate();
            sheets.getItem(ws.id).delete();
            await sync();
            return true;
          } catch {
            // below, the careful way
          }
        }
        try {
          await removeScratch(context, sync, leftovers, namespace, options, shownId);
          return true;
        } catch (err) {
          outcomes.set('sheet', { status: 'failed', error: `未能删除临时工作表：${errorText(err)}` });
          return false;
        }
      };

      /**
       * 3'. What the fake models from reports, seen in this Excel, each in syncs of its own (a refusal stops a batch):
       * the add-in's select() of the cell already selected raises onSelectionChanged in Excel on the desktop and not
       * on the web (office-js #4691); protect() of a protected sheet and unprotect() of an unprotected one answer
       * AccessDenied since a regression (#6784, Windows 2605, Mac 16.110.1). What Excel answers is noted, not judged.
       */
      const observe = async (ws: WorksheetSurface): Promise<void> => {
        const answer = async (queue: () => void): Promise<string> => {
          queue();
          try {
            await sync();
            return '无错误';
          } catch (err) {
            return excelErrorCode(err) ?? errorText(err);
          }
        };
        const selections = () => watch.seen.sheetSelection + watch.seen.bookSelection;
        const seen = selections();
        const selected = await answer(() => ws.getRangeByIndexes(0, 1, 1, 1).select());
        await sleep(options.eventWaitMs ?? 1500);
        outcomes.set(
          'selectSameCell',
          selected === '无错误'
            ? { status: 'ok', note: selections() > seen ? '收到 onSelectionChanged' : '未收到 onSelectionChanged' }
            : { status: 'failed', error: selected },
        );
        const protect = () =>
          ws.protection.protect({ allowFormatCells: true, allowFormatColumns: false, allowFormatRows: false, allowInsertRows: true });
        const first = await answer(protect);
        const again = first === '无错误' ? await answer(protect) : '未运行';
        const lifted = await answer(() => ws.protection.unprotect());
        const liftedAgain = lifted === '无错误' ? await answer(() => ws.protection.unprotect()) : '未运行';
        outcomes.set(
          'protectionTwice',
          first === '无错误' && lifted === '无错误'
            ? { status: 'ok', note: `对已保护的表再保护：${again}；对未保护的表取消保护：${liftedAgain}` }
            : { status: 'failed', error: `保护：${first}；取消保护：${lifted}` },
        );
      };

      let ws: WorksheetSurface | undefined;
      try {
        ws = await probeAll();
        if (ws && !outcomes.has('events')) await watchEvents(ws);
        if (ws && outcomes.get('sheet')?.status === 'ok') await observe(ws);
      } catch (err) {
        // Only the clean-up of a failed batch can throw here: what is left is removed below.
        if (outcomes.get('sheet')?.status !== 'failed') outcomes.set('sheet', failed(err));
        ws = undefined;
      } finally {
        scratchRemoved = await cleanUp(ws);
      }
      if (scratchRemoved && outcomes.get('sheet')?.status === 'ok') outcomes.set('sheet', { status: 'ok', note: '已新建并删除临时工作表' });
      // Only to keep it out of the error texts: the workbook's name, as the workbook probe loaded it.
      try {
        keepOut.push(context.workbook.name);
      } catch {
        // not loaded (the probe did not run or failed): nothing to keep out
      }
    });
  } catch (err) {
    // Excel.run itself refused (no workbook open, say).
    if (!outcomes.has('sheet')) outcomes.set('sheet', failed(err));
  }

  const probes = listedProbes(
    [{ id: 'sheet', label: '新建与删除临时工作表' }, ...PROBES, { id: 'events', label: EVENTS_LABEL }, ...OBSERVED],
    outcomes,
    keepOut,
  );
  const capabilities: Capability[] = EXCEL_API_SETS.map((v) => ({ name: `ExcelApi ${v}`, present: has(v) }));
  return {
    host: 'Excel',
    version: env.version,
    platform: env.platform,
    ...(env.userAgent ? { userAgent: env.userAgent } : {}),
    capabilityHeading: 'API 集（Office.context.requirements）',
    capabilities,
    probes,
    roundTrips: { kind: '同步（context.sync）', count: syncs },
    scratchRemoved,
    scratchName,
    ranAt: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    durationMs: now().getTime() - started.getTime(),
  };
}

function checkOutcome(check: Check | void): ProbeOutcome {
  if (!check) return { status: 'ok' };
  try {
    const note = check();
    return note ? { status: 'ok', note } : { status: 'ok' };
  } catch (err) {
    return { status: 'failed', error: errorText(err) };
  }
}

/**
 * Removes what a run may have left, whichever of it exists: the scratch sheets by name, and the custom XML parts of
 * this run's namespace (two syncs: what is there, then the deletes), showing the sheet shown before first. Waits while
 * the clerk edits a cell, as insertForm's clean-up does.
 */
async function removeScratch(
  context: ContextSurface,
  sync: () => Promise<void>,
  names: ReadonlySet<string>,
  namespace: string,
  options: OfficeSelfTestOptions,
  shownId?: string,
): Promise<void> {
  await retryWhileExcelBusy(
    async () => {
      const sheets = context.workbook.worksheets;
      const found = [...names].map((n) => sheets.getItemOrNullObject(n));
      const shown = shownId === undefined ? undefined : sheets.getItemOrNullObject(shownId);
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      parts.load('items/id');
      await sync();
      if (shown && !shown.isNullObject) shown.activate();
      for (const ws of found) if (!ws.isNullObject) ws.delete();
      for (const part of parts.items) part.delete();
      await sync();
    },
    options.cleanUpTries ?? 30,
    options.retryMs ?? 1000,
  );
}
