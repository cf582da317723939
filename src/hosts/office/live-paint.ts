import type { HighlightChange } from '../../core/rules/highlights';
import { excelErrorCode } from './excel-errors';
import type { ContextSurface } from './excel-surface';

/**
 * Sets or clears the fill of input areas through Office.js (one sync). Form sheets are protected with
 * allowFormatCells (ExcelApi 1.2), so nothing is lifted (see hosts/live/live-paint.ts for why), and format changes
 * raise no onChanged (onFormatChanged is a separate event): nothing to ignore. AccessDenied may only mean that the
 * protection read a moment ago has changed since (a co-author protected or unprotected the sheet in between:
 * office-js #108; protection calls answer AccessDenied on a state that has changed: #6784): the protection is read
 * again (one sync) and the paint made once more if it now allows formatting.
 */
export async function paintInExcel(context: ContextSurface, sheetId: string, changes: readonly HighlightChange[]): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetId);
  const paintAll = async () => {
    for (const { area, fill } of changes) {
      const range = ws.getRangeByIndexes(area.row, area.col, area.rowSpan, area.colSpan);
      if (fill) range.format.fill.color = fill;
      else range.format.fill.clear();
    }
    await context.sync();
  };
  try {
    await paintAll();
  } catch (err) {
    if (excelErrorCode(err) !== 'AccessDenied') throw err;
    const again = context.workbook.worksheets.getItem(sheetId).protection;
    again.load('protected,options');
    await context.sync();
    if (again.protected && !again.options.allowFormatCells) throw err;
    await paintAll();
  }
}
