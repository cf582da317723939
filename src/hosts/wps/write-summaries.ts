import { localIsoDate } from '../../core/cell-value';
import { UserError } from '../../core/errors';
import type { SummaryTable } from '../../core/merge/summaries';
import { planSummary, type SummaryPlan, type SummaryPlanOptions } from '../../core/merge/summary-plan';
import { parkingSheetNames, summarySheetNames, type SummarySheetNames } from '../../core/merge/summary-sheet-names';
import { rangeAddress } from '../../core/a1';
import { drawChart } from './chart-draw';
import { withAlertsOff, withScreenUpdatingOff } from './et-values';
import { describeWpsError, step } from './summary-errors';
import {
  bodyValues,
  writeBoxes,
  writeFreeze,
  writeHeader,
  writeMerges,
  writeNumberFormats,
  writeRows,
  writeSizes,
  writeStyles,
  writeTitle,
} from './summary-draw';
import { SUMMARY_MARKER_FORMAT, summaryMarkerText } from './summary-marker';
import { writePrintSettings } from './summary-print';
import { activeWorkbook, previousSummariesIn, readSheets, sheetNameValues, type WpsPreviousSummary, type WpsSheet } from './summary-sheets';
import type { EtApplicationSurface, EtCellValue, EtSheetsSurface, EtWorksheetSurface } from './wps-surface';

/**
 * Summary tables and 合并报告 written as new sheets of the workbook open in WPS 表格, each drawn from its
 * SummaryPlan (core/merge/summary-plan.ts) as the Office host and the .xlsx writer draw it.
 *
 * WPS applies every call at once, with no batch to roll back (../shared/research/wps-addin.md §3), so everything
 * that can be checked is checked before the first write: the workbook, its sheets' names, the earlier summaries to
 * replace, the new names, every value. If a write fails half-way, the new sheets are deleted and the earlier
 * summaries get their names back; the clerk's sheets are never written to. An earlier summary is replaced only with
 * `replace` (the clerk agreed) and only when its marker still names it (summary-marker.ts).
 */

export interface WpsSummaryOptions {
  /** Replace the earlier summaries (findPreviousSummaries) — only after the clerk agreed. */
  replace?: boolean;
  /** After each write of rows: data and totals rows written so far, of all tables. */
  onProgress?: (doneRows: number, totalRows: number) => void;
  /** Cells per Value2 write of rows (a big table is written in blocks, for the progress bar): 20,000 unless told. */
  cellsPerWrite?: number;
  /** 制表单位 and 制表日期 for the plan's footer. */
  plan?: SummaryPlanOptions;
}

export interface WpsWrittenSummary {
  /** WPS has no sheet ids: a sheet is shown by its name. */
  id: string;
  name: string;
  title: string;
  formId: string | null;
  /** Rows under the header, the totals row included. */
  rows: number;
}

export interface WpsSummaryWriteResult {
  /** The new sheets, in the order of the tables given; the first is shown. */
  sheets: WpsWrittenSummary[];
  /** Names of the earlier summaries deleted (with `replace`). */
  replaced: string[];
  /** Value2 writes of rows. */
  rowWrites: number;
  /** Sheets whose print settings WPS refused (they are written without them). */
  withoutPrintSettings: string[];
  /** Charts whose bars could not be put in the table's order (the axis call refused). */
  chartsReversed: number;
}

export const DEFAULT_CELLS_PER_WRITE = 20_000;

interface Job {
  plan: SummaryPlan;
  finalName: string;
  /** The name it is drawn under: the final one, or a temporary one while an earlier summary holds it. */
  initialName: string;
  values: EtCellValue[][];
  ws?: EtWorksheetSurface;
}

interface Parked extends WpsPreviousSummary {
  parking: string;
  ws: EtWorksheetSurface;
  /** Renamed to its parking name, and not yet given its name back. */
  parked: boolean;
  deleted: boolean;
}

const lower = (name: string) => name.toLowerCase();

/** Names for the new sheets, and temporary ones where an earlier summary still holds the name. */
function planNames(plans: readonly SummaryPlan[], existing: readonly string[], old: readonly WpsPreviousSummary[]): Job[] {
  const names = summarySheetNames(
    plans.map((p) => p.sheetName),
    existing,
    old,
  );
  return plans.map((plan, i) => ({ plan, ...(names[i] as SummarySheetNames), values: bodyValues(plan) }));
}

function parkingNames(old: readonly WpsPreviousSummary[], sheets: readonly WpsSheet[], taken: string[]): Parked[] {
  const parking = parkingSheetNames(old, taken);
  return old.map((o, i) => {
    const ws = sheets.find((s) => lower(s.name) === lower(o.name))?.ws as EtWorksheetSurface;
    return { ...o, parking: parking[i] as string, ws, parked: false, deleted: false };
  });
}

/** Draws one sheet of its plan (everything but its marker and final name), its rows in blocks. */
function drawSheet(
  app: EtApplicationSurface,
  sheets: EtSheetsSurface,
  job: Job,
  rowsPerWrite: number,
  progress: (rows: number) => void,
  result: WpsSummaryWriteResult,
): void {
  const { plan } = job;
  // Add(Before, After) appends after the last sheet; without arguments it would go before the active one (aiworkdeck).
  const ws = step('新建工作表', () => sheets.Add(null, sheets.Item(sheets.Count)));
  job.ws = ws;
  step('命名工作表', () => {
    ws.Name = job.initialName;
  });
  writeTitle(ws, plan);
  writeHeader(ws, plan);
  writeNumberFormats(ws, plan);
  for (let first = 0; first < job.values.length; first += rowsPerWrite) {
    const count = Math.min(rowsPerWrite, job.values.length - first);
    writeRows(ws, plan, job.values, first, count);
    result.rowWrites++;
    progress(count);
  }
  writeMerges(app, ws, plan);
  writeStyles(ws, plan);
  writeBoxes(ws, plan);
  writeSizes(ws, plan);
  writeFreeze(app, ws, plan);
  try {
    writePrintSettings(ws, plan.print);
  } catch {
    result.withoutPrintSettings.push(job.finalName);
  }
  for (const chart of plan.charts) if (!drawChart(ws, chart).ordered) result.chartsReversed++;
}

/** The marker cell right of the title, naming the sheet's final name: written last, once the sheet is complete. */
function writeMarker(job: Job): void {
  const { plan } = job;
  step('标记汇总表', () => {
    const cell = (job.ws as EtWorksheetSurface).Range(rangeAddress({ top: 0, left: plan.columns, bottom: 0, right: plan.columns }));
    cell.NumberFormat = SUMMARY_MARKER_FORMAT;
    cell.Value2 = [[summaryMarkerText(job.finalName, plan.formId)]];
  });
}

interface Progress {
  jobs: Job[];
  parked: Parked[];
  /** Jobs given their final name and marker. */
  marked: number;
}

/**
 * The end, in this order: earlier summaries renamed aside, new sheets to their final names and marked, the first
 * new sheet shown, earlier summaries deleted.
 */
function finish(app: EtApplicationSurface, state: Progress): void {
  for (const p of state.parked)
    step('为原汇总表改名', () => {
      p.ws.Name = p.parking;
      p.parked = true;
    });
  for (const job of state.jobs) {
    if (job.initialName !== job.finalName)
      step('为汇总表改名', () => {
        (job.ws as EtWorksheetSurface).Name = job.finalName;
      });
    writeMarker(job);
    state.marked++;
  }
  step('显示汇总表', () => state.jobs[0]?.ws?.Activate());
  deleteParked(app, state.parked);
}

function deleteParked(app: EtApplicationSurface, parked: Parked[]): void {
  for (const p of parked)
    if (!p.deleted)
      step('删除原汇总表', () => {
        withAlertsOff(app, () => p.ws.Delete());
        p.deleted = true;
      });
}

/**
 * After a failed write: if every new sheet is complete and marked, the replacement is finished (the earlier
 * summaries deleted); otherwise the new sheets are deleted, the earlier summaries get their names back and the sheet
 * shown before is shown again. Returns the sheets left for the clerk to tidy when that fails too.
 */
function recover(
  app: EtApplicationSurface,
  state: Progress,
  activeName: string | undefined,
): { done: boolean; undone: boolean; left: string[] } {
  try {
    if (state.marked === state.jobs.length) {
      deleteParked(app, state.parked);
      step('显示汇总表', () => state.jobs[0]?.ws?.Activate());
      return { done: true, undone: false, left: [] };
    }
    withAlertsOff(app, () => {
      for (const job of state.jobs) if (job.ws) job.ws.Delete();
    });
    for (const p of state.parked)
      if (p.parked && !p.deleted) {
        p.ws.Name = p.name;
        p.parked = false;
      }
    if (activeName !== undefined) activeWorkbook(app).Worksheets.Item(activeName).Activate();
    return { done: false, undone: true, left: [] };
  } catch {
    const left = state.jobs.flatMap((j) => (j.ws ? (j.initialName === j.finalName ? [j.finalName] : [j.initialName, j.finalName]) : []));
    const parked = state.parked.filter((p) => p.parked && !p.deleted).map((p) => `“${p.parking}”（原“${p.name}”）`);
    return { done: false, undone: false, left: [...left.map((n) => `“${n}”`), ...parked] };
  }
}

/**
 * Writes summary tables as new sheets of the open workbook. The calls are a few hundred a sheet whatever its rows
 * (formats by range), plus one Value2 write per block of `cellsPerWrite` cells; ScreenUpdating is off throughout.
 * A Chinese UserError says what happened when it fails.
 */
export function writeSummarySheets(
  app: EtApplicationSurface,
  tables: readonly SummaryTable[],
  options: WpsSummaryOptions = {},
): WpsSummaryWriteResult {
  const plans = tables.map((table) => planSummary(table, { date: localIsoDate(), ...options.plan }));
  let jobs: Job[];
  let parked: Parked[];
  let activeName: string | undefined;
  let sheets: EtSheetsSurface;
  try {
    const book = activeWorkbook(app);
    const existing = readSheets(book);
    activeName = step('读取当前工作表', () => book.ActiveSheet?.Name);
    const old = options.replace ? previousSummariesIn(existing, sheetNameValues(book)) : [];
    jobs = planNames(
      plans,
      existing.map((s) => s.name),
      old,
    );
    const taken = [...existing.map((s) => s.name), ...jobs.flatMap((j) => [j.initialName, j.finalName])];
    parked = parkingNames(old, existing, taken);
    sheets = step('读取工作表', () => book.Worksheets);
  } catch (err) {
    throw err instanceof UserError ? err : new UserError('wps', `无法读取工作簿：${describeWpsError(err)}`);
  }
  const result: WpsSummaryWriteResult = { sheets: [], replaced: [], rowWrites: 0, withoutPrintSettings: [], chartsReversed: 0 };
  if (jobs.length === 0) return result;

  const totalRows = jobs.reduce((n, j) => n + j.values.length, 0);
  let doneRows = 0;
  const progress = (rows: number) => {
    doneRows += rows;
    options.onProgress?.(doneRows, totalRows);
  };
  const state: Progress = { jobs, parked, marked: 0 };
  try {
    withScreenUpdatingOff(app, () => {
      for (const job of jobs) {
        const rowsPerWrite = Math.max(1, Math.floor((options.cellsPerWrite ?? DEFAULT_CELLS_PER_WRITE) / Math.max(1, job.plan.columns)));
        drawSheet(app, sheets, job, rowsPerWrite, progress, result);
      }
      finish(app, state);
    });
  } catch (err) {
    const recovery = recover(app, state, activeName);
    if (!recovery.done) {
      const why = describeWpsError(err);
      if (recovery.undone) throw new UserError('wps', `写入汇总表失败，已撤销，工作簿和写入前一样：${why}`);
      throw new UserError(
        'wps',
        `写入汇总表失败，且未能撤销：${why}请检查并删除只写了一部分的工作表，或把原汇总表改回原名（${recovery.left.join('、')}）。`,
      );
    }
    if (doneRows < totalRows) options.onProgress?.(totalRows, totalRows);
  }
  result.sheets = jobs.map((job) => ({
    id: job.finalName,
    name: job.finalName,
    title: job.plan.title,
    formId: job.plan.formId,
    rows: job.values.length,
  }));
  result.replaced = parked.map((p) => p.name);
  return result;
}
