import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { HighlightChange } from '../../core/rules/highlights';
import type { HostErrorKind, HostRead, LiveEvents, LivePort, SheetProbe } from '../live/live-port';
import type { ApiSupport } from './api-support';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ExcelRun } from './excel-surface';
import { paintInExcel } from './live-paint';
import { OfficeSheetEvents } from './live-watch';

/** Past the 5,000,000 cells Excel reads at once, some builds give null values instead of an error. */
const TOO_LARGE = '此工作表内容太多（超过 Excel 一次能读取的 500 万个单元格），无法检查。请删去表格以外的内容后再点“检查整个工作簿”。';

/**
 * Live checking's port to Excel through Office.js: each call one Excel.run — a read is one sync (the sheet's name,
 * its protection and its used range, or the areas asked for), a paint one sync (two more after AccessDenied), a
 * selection one sync; finding the forms two (live-watch.ts).
 */
export class OfficeLivePort implements LivePort {
  private readonly events: OfficeSheetEvents;

  constructor(
    private readonly run: ExcelRun,
    support: ApiSupport,
  ) {
    this.events = new OfficeSheetEvents(support);
  }

  discover(events: LiveEvents, isForm: (probe: SheetProbe) => boolean): Promise<SheetProbe[]> {
    return this.run((context) => this.events.discover(context, events, isForm));
  }

  read(sheetId: string, areas?: readonly CellRange[]): Promise<HostRead> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetId);
      ws.load('name');
      const protection = context.workbook.worksheets.getItem(sheetId).protection;
      protection.load('protected,options');
      const paintable = () => !protection.protected || protection.options.allowFormatCells === true;
      if (areas) {
        const ranges = areas.map((a) => {
          const range = ws.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
          range.load('values');
          return range;
        });
        await context.sync();
        return { name: ws.name, paintable: paintable(), areas: ranges.map((r) => r.values as CellValue[][]) };
      }
      const used = ws.getUsedRange();
      used.load('values,rowIndex,columnIndex');
      await context.sync();
      // Past the read limit some builds give null values instead of an error (office-js #4783; "Resource limits and
      // performance optimization for Office Add-ins").
      const values = Array.isArray(used.values) ? (used.values as CellValue[][]) : undefined;
      return {
        name: ws.name,
        paintable: paintable(),
        used: { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values },
        ...(values ? {} : { unreadable: TOO_LARGE }),
      };
    });
  }

  paint(sheetId: string, changes: readonly HighlightChange[]): Promise<void> {
    return this.run((context) => paintInExcel(context, sheetId, changes));
  }

  /**
   * Activates the sheet and selects the cell (one sync). Excel's onSelectionChanged for it, if any comes, is not taken
   * for the clerk's; the move is told once, here (OfficeSheetEvents).
   */
  async select(sheetId: string, cell: string): Promise<void> {
    this.events.expectOwnSelection(sheetId, cell);
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetId);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (err) {
      this.events.ownSelectionFailed();
      throw err;
    }
    this.events.ownSelection(sheetId, cell);
  }

  errorKind(err: unknown): HostErrorKind {
    switch (excelErrorCode(err)) {
      // The clerk is editing a cell: the error list's code, or the cell-edit article's ("Batch fails
      // (`InvalidOperation` error)", excel-add-ins-delay-in-cell-edit). A read or a paint of input cells has no other
      // cause for InvalidOperation, so both are waited out and tried again (a few times, then said).
      case 'InvalidOperationInCellEditMode':
      case 'InvalidOperation':
        return 'editing';
      case 'ItemNotFound':
        return 'gone';
      case 'AccessDenied':
        return 'refused';
      default:
        return 'other';
    }
  }

  describe(err: unknown): string {
    return describeExcelError(err);
  }
}
