import { literalForTyping } from '../../core/cell-text';
import { UserError } from '../../core/errors';
import { summaryColumnWidths, type SummaryTable, type SummaryValue } from '../../core/merge/summaries';
import { uniqueSheetName } from '../../core/sheet-names';
import { columnWidthToPoints } from '../../core/units';
import { describeExcelError, retryInCellEditMode } from './excel-errors';
import type { ContextSurface, WorksheetSurface } from './excel-surface';
import type { ExcelBatch } from './live-validation';
import { excelNumberFormat, excelValue, jsonBytes, TEXT_FORMAT, type ColumnFormat, type ExcelCellValue } from './summary-cells';
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
  /** Largest request to build, as estimated (bytes); a fifth of Excel on the web's 5 MB unless told. */
  maxRequestBytes?: number;
  /** Pause before trying the clean-up again while Excel is in cell edit mode. */
  retryMs?: number;
  /** Tries of the clean-up while Excel is in cell edit mode (the clerk typing a cell): 30 unless told. */
  cleanUpTries?: number;
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
/** A generous allowance for one operation's own framing in a request (object path, method, property). */
const OP_BYTES = 300;
const FONT = '宋体';
const TITLE_ROWS = 2;
const BLACK = '#000000';

interface Job {
  table: SummaryTable;
  finalName: string;
  /** The name it is written under: the final one, or a temporary one while an earlier summary holds it. */
  initialName: string;
  columns: number;
  /** Data rows then the totals row, as Excel gets them, with their number formats and estimated bytes. */
  values: ExcelCellValue[][];
  formats: string[][];
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

/** Characters Excel refuses in a sheet name become _, and a name cannot start or end with an apostrophe. */
const safeSheetName = (name: string) =>
  name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim() || '汇总';
const pad = <T>(row: readonly T[], length: number, fill: T): T[] => [...row, ...Array<T>(Math.max(0, length - row.length)).fill(fill)];
const lower = (name: string) => name.toLowerCase();

function jobFor(table: SummaryTable, finalName: string, initialName: string): Job {
  const body = [...table.rows, ...(table.totals ? [table.totals] : [])];
  const columns = body.reduce((n, r) => Math.max(n, r.length), Math.max(1, table.header.length));
  const formatOf = (j: number): ColumnFormat => table.formats[j] ?? 'text';
  const values = body.map((row) => pad<SummaryValue>(row, columns, null).map((v, j) => excelValue(v, formatOf(j))));
  const formats = body.map((row) => pad<SummaryValue>(row, columns, null).map((v, j) => excelNumberFormat(v, formatOf(j))));
  const rowBytes = values.map((row, i) => row.reduce<number>((n, v, j) => n + jsonBytes(v) + jsonBytes(formats[i]?.[j] ?? ''), 2));
  const headerBytes = table.header.reduce((n, h) => n + 2 * jsonBytes(h), jsonBytes(table.title));
  return { table, finalName, initialName, columns, values, formats, rowBytes, setupBytes: headerBytes + (40 + columns) * OP_BYTES };
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

/** Queues a sheet's title, header, formats and widths (not its rows, not its marker). */
function queueSetup(context: ContextSurface, job: Job): WorksheetSurface {
  const { table, columns } = job;
  const ws = context.workbook.worksheets.add(job.initialName);
  ws.load('id');
  const lastRow = TITLE_ROWS - 1 + job.values.length;
  const all = ws.getRangeByIndexes(0, 0, lastRow + 1, columns);
  all.format.font.name = FONT;
  all.format.font.size = 11;
  const title = ws.getRangeByIndexes(0, 0, 1, 1);
  title.numberFormat = [[TEXT_FORMAT]];
  title.values = [[literalForTyping(table.title) as string]];
  title.format.font.size = 14;
  title.format.font.bold = true;
  const header = ws.getRangeByIndexes(1, 0, 1, columns);
  header.numberFormat = [Array<string>(columns).fill(TEXT_FORMAT)];
  header.values = [pad(table.header, columns, '').map((h) => literalForTyping(h) as string)];
  header.format.font.bold = true;
  const grid = ws.getRangeByIndexes(1, 0, lastRow, columns);
  grid.format.verticalAlignment = 'Center';
  grid.format.wrapText = true;
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
    if ((edge === 'InsideHorizontal' && lastRow < 2) || (edge === 'InsideVertical' && columns < 2)) continue;
    const border = grid.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = BLACK;
  }
  if (table.totals) ws.getRangeByIndexes(lastRow, 0, 1, columns).format.font.bold = true;
  summaryColumnWidths(table, columns).forEach((width, j) => {
    ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = columnWidthToPoints(width);
  });
  ws.freezePanes.freezeRows(TITLE_ROWS);
  return ws;
}

function queueBlock(ws: WorksheetSurface, block: Block): void {
  const { job, first, count } = block;
  const range = ws.getRangeByIndexes(TITLE_ROWS + first, 0, count, job.columns);
  range.numberFormat = job.formats.slice(first, first + count);
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
  for (const job of jobs)
    (job.ws as WorksheetSurface).names.add(SUMMARY_MARKER_NAME, summaryMarkerFormula(job.finalName, job.table.formId));
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
function planNames(tables: readonly SummaryTable[], existing: readonly SheetRef[], old: readonly PreviousSummary[]): Job[] {
  const oldNames = new Set(old.map((o) => lower(o.name)));
  const taken = existing.filter((s) => !oldNames.has(lower(s.name))).map((s) => s.name);
  const finals = tables.map((t) => {
    const name = uniqueSheetName(safeSheetName(t.sheetName), taken);
    taken.push(name);
    return name;
  });
  const all = [...existing.map((s) => s.name), ...finals];
  return tables.map((table, i) => {
    const finalName = finals[i] as string;
    let initialName = finalName;
    if (oldNames.has(lower(finalName))) {
      initialName = uniqueSheetName(`新${finalName}`, all);
      all.push(initialName);
    }
    return jobFor(table, finalName, initialName);
  });
}

function parkingNames(old: readonly PreviousSummary[], taken: string[]): OldSummary[] {
  return old.map((o) => {
    const parking = uniqueSheetName(`旧${o.name}`, taken);
    taken.push(parking);
    return { ...o, parking };
  });
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
    return await retryInCellEditMode(() => recoverOnce(context, plan), tries, retryMs);
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
 * Writes summary tables as new sheets of the open workbook: values as values (text never becomes a formula,
 * dates are serial numbers shown as yyyy-mm-dd), title in row 1, header in row 2 (both frozen), bold header and
 * totals, borders, column widths; each sheet marked as a summary (`UnionForms_Summary`).
 *
 * Syncs: one read (two with `replace`), then one per request of rows, each estimated under `maxRequestBytes`;
 * the renames, markers and deletions ride on the last of them. If any sync fails the workbook is put back as it
 * was (or, when the failure came after every new sheet was complete, the replacement is finished) and a Chinese
 * UserError says what happened.
 */
export async function writeSummarySheets(
  run: ExcelBatch,
  tables: readonly SummaryTable[],
  options: WriteSummaryOptions = {},
): Promise<SummaryWriteResult> {
  const budget = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
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
      const jobs = planNames(tables, existing, old);
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
        for (const job of chunk.setups) job.ws = queueSetup(context, job);
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
        title: job.table.title,
        formId: job.table.formId,
        rows: job.values.length,
      })),
      replaced: plan.old.map((o) => o.name),
      chunks: chunks.length,
      largestRequestBytes: chunks.reduce((n, c) => Math.max(n, c.bytes), 0),
    };
  });
}
