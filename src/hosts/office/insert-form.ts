import { UserError } from '../../core/errors';
import { uniqueSheetName } from '../../core/sheet-names';
import type { SheetPlan } from '../../core/sheet-plan';
import type { ApiSupport } from './api-support';
import { queueDrawing } from './draw-plan';
import type { ContextSurface } from './excel-surface';
import { describeExcelError } from './excel-errors';
import type { OwnWrites } from './own-writes';

export interface InsertedForm {
  sheetName: string;
  sheetId: string;
}

/**
 * Inserts a planned form as a new, active worksheet in two syncs: one to learn the existing sheet names, one to
 * draw everything. Nothing existing is touched; if drawing fails, the new sheet is removed again.
 */
export async function insertForm(
  context: ContextSurface,
  plan: SheetPlan,
  support: ApiSupport,
  ownWrites: OwnWrites,
): Promise<InsertedForm> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
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
      await removeHalfDrawnSheet(context, sheetName, support);
      throw new UserError('excel', `插入“${sheetName}”失败，已撤销：${describeExcelError(err)}`);
    }
    if (!support.validation) ownWrites.claimSheet(ws.id);
    return { sheetName, sheetId: ws.id };
  } finally {
    done();
  }
}

/** Runs only when drawing failed: turns events back on and deletes the new sheet if it exists. */
async function removeHalfDrawnSheet(context: ContextSurface, sheetName: string, support: ApiSupport): Promise<void> {
  try {
    if (support.validation) context.runtime.enableEvents = true;
    const leftover = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (!leftover.isNullObject) {
      leftover.delete();
      await context.sync();
    }
  } catch {
    // The drawing error is the one to report; a failed clean-up leaves a sheet without its marker name.
  }
}
