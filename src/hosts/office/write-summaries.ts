import { literalForTyping } from '../../core/cell-text';
import { localIsoDate } from '../../core/cell-value';
import { UserError } from '../../core/errors';
import type { SummaryTable } from '../../core/merge/summaries';
import { planSummary, TEXT_FORMAT, type SummaryCellStyle, type SummaryPlan, type SummaryPlanOptions } from '../../core/merge/summary-plan';
import { parkingSheetNames, summarySheetNames, type SummarySheetNames } from '../../core/merge/summary-sheet-names';
import { columnWidthToPoints } from '../../core/units';
import { queuePageBasics } from './page-setup';
import type { ApiSupport } from './api-support';
import { describeExcelError, retryWhileExcelBusy } from './excel-errors';
import type { ContextSurface, ExcelRun, RangeSurface, WorksheetSurface } from './excel-surface';
import { columnLetters, type CellRange } from '../../core/a1';
import type { ChartPlan } from '../../core/merge/chart-spec';
import { excelValue, jsonBytes, type ExcelCellValue } from './summary-cells';
import { SUMMARY_MARKER_NAME, summaryMarkerFormula } from './summary-marker';
import { namesOf, previousSummaries, type PreviousSummary, type SheetRef } from './summary-sheets';

export interface WriteSummaryOptions {
  /**
   * Replace the earlier summaries (the sheets `findPreviousSummaries` lists) — only after the clerk agreed. They
   * are deleted in the last sync, after every new sheet is complete; if any write fails they stay as they were.
   * Without it, the new sheets get names no sheet has (活动项目概览 (2)).
   */
  replace?: boolean;
  /** After each sync that wrote rows: data and totals rows written so far, of all tables. */
  onProgress?: (doneRows: number, totalRows: number) => void;
  /**
   * Largest request to build, as estimated by Microsoft's counting (see OP_BYTES), in bytes: about a fifth of Excel
   * on the web's 5 MB unless told, a margin for how the bytes are counted exactly, which no page says.
   */
  maxRequestBytes?: number;
  /** Pause before trying the clean-up again while Excel is in cell edit mode. */
  retryMs?: number;
  /** Tries of the clean-up while Excel is in cell edit mode (the clerk typing a cell): 30 unless told. */
  cleanUpTries?: number;
  /**
   * What this Excel supports beyond ExcelApi 1.7: the print settings of the plan are written only with page layout
   * (ExcelApi 1.9). Without it, none are.
   */
  support?: Pick<ApiSupport, 'pageLayout'> & Partial<Pick<ApiSupport, 'chartAxisPosition'>>;
  /** 制表单位 and 制表日期 for the plan's footer. */
  plan?: SummaryPlanOptions;
}

export interface WrittenSummary extends SheetRef {
  title: string;
  formId: string | null;
  /** Rows under the header, the totals row included. */
  rows: number;
}

export interface SummaryWriteResult {
  /** The new sheets, in the order of the tables given; the first is active. */
  sheets: WrittenSummary[];
  /** Names of the earlier summaries deleted (with `replace`). */
  replaced: string[];
  /** Requests that carried rows (the syncs are these, plus one read, or two with `replace`). */
  chunks: number;
  /** The largest request built, as estimated (bytes). */
  largestRequestBytes: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
/**
 * A request's size as Microsoft counts it ("Payload size limit best practices", learn.microsoft.com/office/dev/
 * add-ins/excel/performance: "The payload size of a request combines: The number of API calls. The number of
 * objects, such as `Range` objects. The length of the value to set or get."), with the bytes per call and per object
 * that make the page's own example come out as it says (10,000 one-cell ranges each given a value in one sync "would
 * likely exceed the 5MB payload size limit"; two syncs of 5,000 do not): 300 each. Each operation queued here makes
 * one call and gets at most one object (a range, a border, a chart series), so it is allowed both; the values and
 * number formats are counted as their JSON.
 */
const CALL_BYTES = 300;
const OBJECT_BYTES = 300;
const OP_BYTES = CALL_BYTES + OBJECT_BYTES;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

interface Job {
  plan: SummaryPlan;
  finalName: string;
  /** The name it is written under: the final one, or a temporary one while an earlier summary holds it. */
  initialName: string;
  /** Data rows then the totals row, as Excel gets them, and their estimated bytes. */
  values: ExcelCellValue[][];
  rowBytes: number[];
  setupBytes: number;
  ws?: WorksheetSurface;
}

interface Block {
  job: Job;
  first: number;
  count: number;
}

interface Chunk {
  setups: Job[];
  blocks: Block[];
  bytes: number;
}

interface OldSummary extends PreviousSummary {
  parking: string;
}

const lower = (name: string) => name.toLowerCase();

/** Operations a sheet's set-up queues besides one per column (its width): see queueSetup. */
function setupOperations(plan: SummaryPlan, pageLayout: boolean): number {
  const styles = plan.regions.reduce((n, r) => n + 6 + (r.style.fill ? 1 : 0), 0);
  const boxes = plan.boxes.length * EDGES.length * 3;
  const charts = plan.charts.reduce((n, c) => n + 6 + 4 * c.series.length + (c.reverseCategories ? 2 : 0), 0);
  const layout = plan.headerMerges.length + heightRuns(plan).length;
  return 4 + 2 + 2 * plan.headerRows.length + 1 + styles + boxes + 1 + (pageLayout ? 13 : 0) + charts + layout;
}

function jobFor(plan: SummaryPlan, finalName: string, initialName: string, pageLayout: boolean): Job {
  const values = plan.body.map((row, i) => row.map((v, j) => excelValue(v, plan.bodyFormats[i]?.[j] ?? TEXT_FORMAT)));
  const rowBytes = values.map((row, i) => row.reduce<number>((n, v, j) => n + jsonBytes(v) + jsonBytes(plan.bodyFormats[i]?.[j] ?? ''), 2));
  const headerBytes = plan.headerRows.reduce((n, h) => n + h.values.reduce((m, v) => m + 2 * jsonBytes(v), 0), jsonBytes(plan.title));
  const operations = setupOperations(plan, pageLayout) + plan.columns;
  return { plan, finalName, initialName, values, rowBytes, setupBytes: headerBytes + operations * OP_BYTES };
}

/** Splits the writing into requests under the budget: each sheet's set-up goes with its first rows. */
function planChunks(jobs: readonly Job[], budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk: Chunk = { setups: [], blocks: [], bytes: 0 };
  const fits = (bytes: number) => chunk.bytes + bytes <= budget || (chunk.setups.length === 0 && chunk.blocks.length === 0);
  const close = () => {
    chunks.push(chunk);
    chunk = { setups: [], blocks: [], bytes: 0 };
  };
  for (const job of jobs) {
    if (!fits(job.setupBytes)) close();
    chunk.setups.push(job);
    chunk.bytes += job.setupBytes;
    job.rowBytes.forEach((bytes, row) => {
      // A block is one range of rows: its own two operations (number formats, values) cost OP_BYTES each.
      let block = chunk.blocks[chunk.blocks.length - 1];
      if (block?.job !== job || !fits(bytes)) {
        if (!fits(bytes + 2 * OP_BYTES)) close();
        block = { job, first: row, count: 0 };
        chunk.blocks.push(block);
        chunk.bytes += 2 * OP_BYTES;
      }
      block.count++;
      chunk.bytes += bytes;
    });
  }
  if (chunk.setups.length > 0 || chunk.blocks.length > 0) chunks.push(chunk);
  return chunks;
}

function queueStyle(range: RangeSurface, style: SummaryCellStyle): void {
  const { format } = range;
  format.font.name = style.font.name;
  format.font.size = style.font.size;
  format.font.bold = style.font.bold;
  if (style.fill) format.fill.color = style.fill;
  format.horizontalAlignment = style.horizontal;
  format.verticalAlignment = style.vertical;
  format.wrapText = style.wrap;
}

/**
 * Print settings (ExcelApi 1.9, as setPrintTitleColumns: learn.microsoft.com/javascript/api/excel/excel.pagelayout).
 * The footer is not drawn here: the surface has no headersFooters yet.
 */
function queuePrint(ws: WorksheetSurface, plan: SummaryPlan): void {
  const { print } = plan;
  const layout = ws.pageLayout;
  queuePageBasics(layout, print);
  layout.setPrintTitleRows(`$${print.titleRows.top + 1}:$${print.titleRows.bottom + 1}`);
  if (print.titleColumns)
    layout.setPrintTitleColumns(`$${columnLetters(print.titleColumns.left)}:$${columnLetters(print.titleColumns.right)}`);
}

/**
 * Queues a chart of the plan (ExcelApi 1.1, series by range 1.7): made from its first series' data cells, then every
 * series named and given the category cells, and placed over the plan's cells. The plan's target (a constant, not
 * cells) is not drawn here: Office.js sets series values only from a range.
 */
function queueChart(ws: WorksheetSurface, chart: ChartPlan, axisPosition: boolean): void {
  const range = (r: CellRange) => ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  const [first, ...rest] = chart.series;
  if (!first) return;
  const added = ws.charts.add(chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered', range(first.values), 'Columns');
  added.title.text = chart.title;
  added.legend.visible = chart.series.length > 1;
  if (chart.series.length > 1) added.legend.position = 'Bottom';
  const series = added.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(range(chart.categories));
  for (const s of rest) {
    const more = added.series.add(s.name);
    more.setValues(range(s.values));
    more.setXAxisValues(range(chart.categories));
  }
  if (chart.reverseCategories) {
    // Bars in the table's order, first at the top (ChartAxis.reversePlotOrder, ExcelApi 1.7); the value axis then
    // crosses the categories at their maximum, the bottom (ChartAxis.position "Maximum", ExcelApi 1.8: "the
    // specified axis position where the other axis crosses"). Before 1.8 the value axis shows at the top.
    added.axes.categoryAxis.reversePlotOrder = true;
    if (axisPosition) added.axes.categoryAxis.position = 'Maximum';
  }
  const { top, left, bottom, right } = chart.anchor;
  added.setPosition(range({ top, left, bottom: top, right: left }), range({ top: bottom, left: right, bottom, right }));
}

/** The plan's row heights as runs of adjacent rows of one height: one operation each. */
function heightRuns(plan: SummaryPlan): { top: number; count: number; height: number }[] {
  const runs: { top: number; count: number; height: number }[] = [];
  for (const { row, height } of plan.rowHeights) {
    const last = runs[runs.length - 1];
    if (last && last.top + last.count === row && last.height === height) last.count++;
    else runs.push({ top: row, count: 1, height });
  }
  return runs;
}

/** Queues a sheet's title, header, styles, borders, widths, frozen rows and print settings (not its rows, not its marker). */
function queueSetup(context: ContextSurface, job: Job, pageLayout: boolean, axisPosition: boolean): WorksheetSurface {
  const { plan } = job;
  const { columns, titleRow } = plan;
  const ws = context.workbook.worksheets.add(job.initialName);
  ws.load('id');
  const title = ws.getRangeByIndexes(titleRow.row, 0, 1, 1);
  title.numberFormat = [[titleRow.numberFormat]];
  title.values = [[literalForTyping(titleRow.text) as string]];
  if (titleRow.merge)
    ws.getRangeByIndexes(titleRow.row, titleRow.merge.left, 1, titleRow.merge.right - titleRow.merge.left + 1).merge(false);
  for (const header of plan.headerRows) {
    const range = ws.getRangeByIndexes(header.row, 0, 1, columns);
    range.numberFormat = [Array<string>(columns).fill(TEXT_FORMAT)];
    range.values = [header.values.map((h) => literalForTyping(h) as string)];
  }
  for (const m of plan.headerMerges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  for (const run of heightRuns(plan)) ws.getRangeByIndexes(run.top, 0, run.count, 1).format.rowHeight = run.height;
  for (const region of plan.regions) queueStyle(ws.getRangeByIndexes(region.top, 0, region.bottom - region.top + 1, columns), region.style);
  for (const box of plan.boxes) {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const range = ws.getRangeByIndexes(box.top, box.left, rows, cols);
    for (const edge of EDGES) {
      // Excel refuses inside lines where there is no inside
      if ((edge === 'InsideHorizontal' && rows < 2) || (edge === 'InsideVertical' && cols < 2)) continue;
      const border = range.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = box.color;
    }
  }
  plan.columnWidths.forEach((width, j) => {
    ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = columnWidthToPoints(width);
  });
  ws.freezePanes.freezeRows(plan.freeze.rows);
  if (pageLayout) queuePrint(ws, plan);
  for (const chart of plan.charts) queueChart(ws, chart, axisPosition);
  return ws;
}

function queueBlock(ws: WorksheetSurface, block: Block): void {
  const { job, first, count } = block;
  const range = ws.getRangeByIndexes(job.plan.bodyTop + first, 0, count, job.plan.columns);
  range.numberFormat = job.plan.bodyFormats.slice(first, first + count);
  range.values = job.values.slice(first, first + count);
}

/**
 * The end of the last request, in this order: earlier summaries renamed aside, new sheets to their final names,
 * the markers, the first new sheet shown, earlier summaries deleted. A sheet carries its marker only once all of
 * this call's writes before it have run, which is what the clean-up after a failure goes by.
 */
function queueFinish(context: ContextSurface, jobs: readonly Job[], old: readonly OldSummary[]): void {
  const sheets = context.workbook.worksheets;
  for (const o of old) sheets.getItem(o.id).name = o.parking;
  for (const job of jobs) if (job.initialName !== job.finalName) (job.ws as WorksheetSurface).name = job.finalName;
  for (const job of jobs) (job.ws as WorksheetSurface).names.add(SUMMARY_MARKER_NAME, summaryMarkerFormula(job.finalName, job.plan.formId));
  jobs[0]?.ws?.activate();
  for (const o of old) sheets.getItem(o.id).delete();
}

interface Plan {
  jobs: Job[];
  old: OldSummary[];
  /** Ids of the sheets there were before this call. */
  before: Set<string>;
  activeId: string | undefined;
}

/** Names for the new sheets (and temporary ones where an earlier summary still holds the name), and for parking those. */
function planNames(
  plans: readonly SummaryPlan[],
  existing: readonly SheetRef[],
  old: readonly PreviousSummary[],
  pageLayout: boolean,
): Job[] {
  const names = summarySheetNames(
    plans.map((p) => p.sheetName),
    existing.map((s) => s.name),
    old,
  );
  return plans.map((plan, i) => {
    const { finalName, initialName } = names[i] as SummarySheetNames;
    return jobFor(plan, finalName, initialName, pageLayout);
  });
}

function parkingNames(old: readonly PreviousSummary[], taken: string[]): OldSummary[] {
  const parking = parkingSheetNames(old, taken);
  return old.map((o, i) => ({ ...o, parking: parking[i] as string }));
}

type Recovery =
  { kind: 'completed'; ids: Map<string, string> } | { kind: 'undone' } | { kind: 'failed'; leftovers: string[]; parked: string[] };

/**
 * After a failed request: if every new sheet is complete (it carries its marker), finish the replacement;
 * otherwise delete the new sheets, give the earlier summaries back their names and show the sheet shown before.
 */
async function recoverOnce(context: ContextSurface, plan: Plan): Promise<Recovery> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  const newNames = new Set(plan.jobs.flatMap((j) => [lower(j.initialName), lower(j.finalName)]));
  const ours = sheets.items.filter((s) => !plan.before.has(s.id) && newNames.has(lower(s.name)));
  const present = new Map(sheets.items.map((s) => [s.id, s.name]));
  for (const ws of ours) ws.names.load('items/name,items/value');
  await context.sync();
  const marked = (ws: WorksheetSurface) => ws.names.items.some((n) => n.name === SUMMARY_MARKER_NAME);
  const complete = plan.jobs.every((job) => ours.some((ws) => lower(ws.name) === lower(job.finalName) && marked(ws)));
  const oldPresent = plan.old.filter((o) => present.has(o.id));
  if (complete) {
    for (const o of oldPresent) sheets.getItem(o.id).delete();
    const first = ours.find((ws) => lower(ws.name) === lower(plan.jobs[0]?.finalName ?? ''));
    first?.activate();
    await context.sync();
    return { kind: 'completed', ids: new Map(ours.map((ws) => [lower(ws.name), ws.id])) };
  }
  for (const ws of ours) ws.delete();
  for (const o of oldPresent) if (present.get(o.id) !== o.name) sheets.getItem(o.id).name = o.name;
  if (plan.activeId && present.has(plan.activeId)) sheets.getItem(plan.activeId).activate();
  await context.sync();
  return { kind: 'undone' };
}

async function recover(context: ContextSurface, plan: Plan, retryMs: number, tries: number): Promise<Recovery> {
  try {
    return await retryWhileExcelBusy(() => recoverOnce(context, plan), tries, retryMs);
  } catch {
    return {
      kind: 'failed',
      leftovers: plan.jobs.flatMap((j) => (j.initialName === j.finalName ? [j.finalName] : [j.initialName, j.finalName])),
      parked: plan.old.map((o) => `“${o.parking}”（原“${o.name}”）`),
    };
  }
}

function failureMessage(err: unknown, recovery: Recovery): string {
  const why = describeExcelError(err);
  if (recovery.kind !== 'failed') return `写入汇总表失败，已撤销，工作簿和写入前一样：${why}`;
  const parked = recovery.parked.length > 0 ? `原来的汇总表可能已改名为${recovery.parked.join('、')}，请改回原名。` : '';
  return `写入汇总表失败，且未能撤销：${why}请检查并删除只写了一部分的工作表（${recovery.leftovers.map((n) => `“${n}”`).join('、')}）。${parked}`;
}

/**
 * Writes summary tables as new sheets of the open workbook, each drawn from its SummaryPlan (title, header, styles,
 * borders, widths, frozen rows; print settings with page layout support): values as values (text never becomes a
 * formula, dates are serial numbers); each sheet marked as a summary (`UnionForms_Summary`).
 *
 * Syncs: one read (two with `replace`), then one per request of rows, each estimated under `maxRequestBytes`;
 * the renames, markers and deletions ride on the last of them. If any sync fails the workbook is put back as it
 * was (or, when the failure came after every new sheet was complete, the replacement is finished) and a Chinese
 * UserError says what happened.
 */
export async function writeSummarySheets(
  run: ExcelRun,
  tables: readonly SummaryTable[],
  options: WriteSummaryOptions = {},
): Promise<SummaryWriteResult> {
  const budget = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const pageLayout = options.support?.pageLayout ?? false;
  const axisPosition = options.support?.chartAxisPosition ?? false;
  const plans = tables.map((table) => planSummary(table, { date: localIsoDate(), ...options.plan }));
  return run(async (context) => {
    let plan: Plan;
    try {
      const sheets = context.workbook.worksheets;
      const active = sheets.getActiveWorksheet();
      active.load('id');
      sheets.load('items/name,items/id');
      await context.sync();
      let existing: SheetRef[] = sheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
      let old: PreviousSummary[] = [];
      if (options.replace) {
        const named = await namesOf(context, sheets.items);
        existing = named;
        old = previousSummaries(named);
      }
      const jobs = planNames(plans, existing, old, pageLayout);
      const taken = [...existing.map((s) => s.name), ...jobs.flatMap((j) => [j.initialName, j.finalName])];
      plan = { jobs, old: parkingNames(old, taken), before: new Set(existing.map((s) => s.id)), activeId: active.id };
    } catch (err) {
      throw new UserError('excel', `无法读取工作簿：${describeExcelError(err)}`);
    }

    const { jobs } = plan;
    if (jobs.length === 0) return { sheets: [], replaced: [], chunks: 0, largestRequestBytes: 0 };
    const chunks = planChunks(jobs, budget);
    (chunks[chunks.length - 1] as Chunk).bytes += (2 * plan.old.length + 2 * jobs.length + 1) * OP_BYTES;
    const totalRows = jobs.reduce((n, j) => n + j.values.length, 0);
    let doneRows = 0;
    let ids = new Map<string, string>();
    try {
      for (const [i, chunk] of chunks.entries()) {
        for (const job of chunk.setups) job.ws = queueSetup(context, job, pageLayout, axisPosition);
        for (const block of chunk.blocks) queueBlock(block.job.ws as WorksheetSurface, block);
        if (i === chunks.length - 1) queueFinish(context, jobs, plan.old);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request of rows under the size budget, by design
        await context.sync();
        doneRows += chunk.blocks.reduce((n, b) => n + b.count, 0);
        options.onProgress?.(doneRows, totalRows);
      }
      for (const job of jobs) ids.set(lower(job.finalName), (job.ws as WorksheetSurface).id);
    } catch (err) {
      const recovery = await recover(context, plan, options.retryMs ?? 1000, options.cleanUpTries ?? 30);
      if (recovery.kind !== 'completed') throw new UserError('excel', failureMessage(err, recovery));
      ids = recovery.ids;
      options.onProgress?.(totalRows, totalRows);
    }
    return {
      sheets: jobs.map((job) => ({
        id: ids.get(lower(job.finalName)) ?? '',
        name: job.finalName,
        title: job.plan.title,
        formId: job.plan.formId,
        rows: job.values.length,
      })),
      replaced: plan.old.map((o) => o.name),
      chunks: chunks.length,
      largestRequestBytes: chunks.reduce((n, c) => Math.max(n, c.bytes), 0),
    };
  });
}
