import { UserError } from '../../core/errors';
import { checkPlanWithinLimits } from '../../core/plan-limits';
import { uniqueSheetName } from '../../core/sheet-names';
import type { SheetPlan } from '../../core/sheet-plan';
import type { ApiSupport } from './api-support';
import { queueDrawing } from './draw-plan';
import type { ContextSurface } from './excel-surface';
import { describeExcelError, excelErrorCode, retryWhileExcelBusy } from './excel-errors';
import type { OwnWrites } from './own-writes';

export interface InsertedForm {
  sheetName: string;
  sheetId: string;
}

export interface InsertOptions {
  /** Pause before trying the clean-up after a failed drawing again while Excel is in cell edit mode (ms). */
  retryMs?: number;
  /** Tries of that clean-up while Excel is in cell edit mode. */
  cleanUpTries?: number;
}

/**
 * Inserts a planned form as a new, active worksheet in two syncs: one to learn the existing sheet names (and the
 * sheet shown), one to draw everything. Nothing existing is touched; if drawing fails, the new sheet is removed
 * again and the sheet shown before is shown again.
 */
export async function insertForm(
  context: ContextSurface,
  plan: SheetPlan,
  support: ApiSupport,
  ownWrites: OwnWrites,
  options: InsertOptions = {},
): Promise<InsertedForm> {
  // Excel's formula limits, before the first call: past them the drawing would fail half-way (the core's guard)
  checkPlanWithinLimits(plan, '工作簿没有改动');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const shown = sheets.getActiveWorksheet();
  shown.load('id');
  try {
    await context.sync();
  } catch (err) {
    throw new UserError('excel', `无法读取工作簿：${describeExcelError(err)}`);
  }
  const sheetName = uniqueSheetName(
    plan.sheetName,
    sheets.items.map((s) => s.name),
  );

  const done = ownWrites.begin();
  try {
    if (support.validation) context.runtime.enableEvents = false;
    const ws = sheets.add(sheetName);
    try {
      queueDrawing(ws, plan, support);
      ws.activate();
      ws.load('id');
      if (support.validation) context.runtime.enableEvents = true;
      await context.sync();
    } catch (err) {
      const cleanUpError = await removeHalfDrawnSheet(context, sheetName, shown.id, support, options);
      // The clean-up turns events back on first; if it failed, that may not have run: try once more on its own, so
      // that live checking is never left deaf (enableEvents stays as last set, for the rest of the session).
      const eventsError = cleanUpError === undefined ? undefined : await turnEventsBackOn(context, support, options);
      throw new UserError('excel', insertFailure(sheetName, err, cleanUpError, eventsError));
    }
    return { sheetName, sheetId: ws.id };
  } finally {
    done();
  }
}

/**
 * Runtime.enableEvents (ExcelApi 1.8) is a setting of the add-in's runtime that stays as last set and silences every
 * event the add-in would receive, the clerk's edits included ("Enable and disable events", Excel add-in events
 * documentation). Returns the error if it could not be turned back on.
 */
async function turnEventsBackOn(context: ContextSurface, support: ApiSupport, options: InsertOptions): Promise<unknown> {
  if (!support.validation) return undefined;
  try {
    await retryWhileExcelBusy(
      async () => {
        context.runtime.enableEvents = true;
        await context.sync();
      },
      options.cleanUpTries ?? 30,
      options.retryMs ?? 1000,
    );
    return undefined;
  } catch (err) {
    return err;
  }
}

function insertFailure(sheetName: string, err: unknown, cleanUpError: unknown, eventsError: unknown = undefined): string {
  const stopped = eventsError === undefined ? '' : '实时检查已暂停（未能重新打开 Excel 的事件）：点“检查整个工作簿”可恢复实时检查。';
  return insertFailureWhy(sheetName, err, cleanUpError) + stopped;
}

function insertFailureWhy(sheetName: string, err: unknown, cleanUpError: unknown): string {
  const why =
    excelErrorCode(err) === 'RequestPayloadSizeLimitExceeded'
      ? '表格太大，一次写入超过了 Excel 网页版 5 MB 的限制。请减少列表的行数后再插入。'
      : describeExcelError(err);
  if (cleanUpError === undefined) return `插入“${sheetName}”失败，已撤销：${why}`;
  return `插入“${sheetName}”失败，且未能撤销：${why}撤销时：${describeExcelError(cleanUpError)}如果工作簿中有只画了一部分的工作表“${sheetName}”，请删除它。`;
}

/**
 * Runs only when drawing failed: turns events back on, deletes the new sheet if it exists and shows the sheet
 * shown before. Excel refuses all of it while a cell is being edited, so it waits for the edit to end. Returns
 * undefined once the workbook is known to be as before, else the error that kept it from knowing.
 */
async function removeHalfDrawnSheet(
  context: ContextSurface,
  sheetName: string,
  shownId: string,
  support: ApiSupport,
  options: InsertOptions,
): Promise<unknown> {
  try {
    await retryWhileExcelBusy(() => removeOnce(context, sheetName, shownId, support), options.cleanUpTries ?? 30, options.retryMs ?? 1000);
    return undefined;
  } catch (err) {
    return err;
  }
}

async function removeOnce(context: ContextSurface, sheetName: string, shownId: string, support: ApiSupport): Promise<void> {
  if (support.validation) context.runtime.enableEvents = true;
  const sheets = context.workbook.worksheets;
  const leftover = sheets.getItemOrNullObject(sheetName);
  const shown = sheets.getItemOrNullObject(shownId);
  await context.sync();
  if (leftover.isNullObject) return;
  leftover.delete();
  if (!shown.isNullObject) shown.activate();
  await context.sync();
}
