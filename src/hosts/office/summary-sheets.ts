import { UserError } from '../../core/errors';
import { describeExcelError } from './excel-errors';
import type { ContextSurface, ExcelRun, WorksheetSurface } from './excel-surface';
import { isReplaceableSummary, summaryMarkerOf } from './summary-marker';

export interface SheetRef {
  id: string;
  name: string;
}

/** An earlier summary sheet written by the add-in, which a new merge may replace once the clerk agrees. */
export interface PreviousSummary extends SheetRef {
  formId: string | null;
}

export interface SheetNames extends SheetRef {
  /** The values of the sheet's own defined names (where the markers are). */
  nameValues: unknown[];
}

/** The given (loaded) sheets' ids, names and defined names' values: one sync. */
export async function namesOf(context: ContextSurface, items: readonly WorksheetSurface[]): Promise<SheetNames[]> {
  for (const ws of items) ws.names.load('items/name,items/value');
  await context.sync();
  return items.map((ws) => ({ id: ws.id, name: ws.name, nameValues: ws.names.items.map((n) => n.value as unknown) }));
}

/** Every sheet's id, name and defined names' values, in tab order: two syncs. */
export async function readSheetNames(context: ContextSurface): Promise<SheetNames[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  return namesOf(context, sheets.items);
}

/** The sheets a replacing merge would delete: only summaries the add-in wrote, still under the name it gave them. */
export function previousSummaries(sheets: readonly SheetNames[]): PreviousSummary[] {
  return sheets
    .filter((s) => isReplaceableSummary(s.name, s.nameValues))
    .map((s) => ({ id: s.id, name: s.name, formId: summaryMarkerOf(s.nameValues)?.formId ?? null }));
}

/** The earlier summary sheets of this workbook (two syncs), for the pane to ask before replacing them. */
export async function findPreviousSummaries(run: ExcelRun): Promise<PreviousSummary[]> {
  try {
    return await run(async (context) => previousSummaries(await readSheetNames(context)));
  } catch (err) {
    throw new UserError('excel', `无法读取工作簿：${describeExcelError(err)}`);
  }
}

/** Shows a sheet (a summary the pane links to): one sync. */
export async function activateSheet(run: ExcelRun, sheetId: string): Promise<void> {
  try {
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheetId).activate();
      await context.sync();
    });
  } catch (err) {
    throw new UserError('excel', `无法打开工作表：${describeExcelError(err)}`);
  }
}
