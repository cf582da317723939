import type { SheetPlan } from '../../core/sheet-plan';
import type { Problem } from '../../core/rules/check-form';
import { highlightChanges, inputAreas, wantedHighlights } from '../../core/rules/highlights';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ContextSurface, WorksheetSurface } from './excel-surface';
import type { LiveSheetProblems } from './live-store';

/**
 * Why live checking does not paint after every edit, and never lifts protection (sources: Microsoft, "Undo
 * capabilities in Excel add-ins" and Excel.RunOptions.mergeUndoGroup; office-js #3778, #3788):
 * - WorksheetProtection.protect/unprotect clear the person's undo stack on every platform (the page's table of
 *   APIs without undo support). Form sheets are therefore protected with allowFormatCells (ExcelApi 1.2), so that
 *   marking cells needs no unprotect; a sheet protected without it (inserted by an older version) is not painted,
 *   and its note says why — lifting the protection would cost the clerk's undo history, which is worse than a list.
 * - On Excel with undo support for add-ins (ExcelApi 1.20) every context.sync that writes is an undo record of its
 *   own: a paint after the clerk's edit would be what Ctrl+Z undoes first (the red goes, the wrong value stays).
 *   On earlier Excel, "most set operations of the Excel API disable undo/redo, by design" (#3788; a fill change:
 *   #3778): a paint would wipe the clerk's history. Either way a write made in answer to an edit costs the clerk's
 *   Ctrl+Z.
 * So a check made because the clerk edited (or picked, or undid) only reads, and lists; cells are painted only in
 * the checks the clerk asks for (检查整个工作簿, 检查全部), where an undo record of the add-in's own is expected.
 * The marks a later edit makes stale are named in the sheet's note. Highlights that follow every value as it
 * changes, Ctrl+Z included, are Excel's own conditional formats written into the form (issue 11 §4).
 */
export type PaintPolicy = 'requested' | 'every-check';

/** A sheet's protection, loaded in the sync that reads the sheet. */
export type LoadedProtection = WorksheetSurface['protection'];

/** What a check hands the painter: the sheet, its plan, its problems, and the list the pane shows for it. */
export interface PaintRequest {
  context: ContextSurface;
  ws: WorksheetSurface;
  sheetId: string;
  plan: SheetPlan;
  problems: readonly Problem[];
  /** Its highlightNote is set when the cells are not (or not freshly) painted. */
  list: LiveSheetProblems;
  protection: LoadedProtection;
  /** Whether this check paints (see LivePainter.owed). */
  paint: boolean;
  /** Tells the pane that the list changed. */
  emit: () => void;
}

const PROTECTED_NOTE = '此工作表的保护不允许设置单元格格式，因此不标出有问题的单元格；问题仍列在下面。重新插入此表可恢复标出。';

/** Whether Excel refused a paint because of the sheet's protection. */
function refusedForProtection(err: unknown): boolean {
  return excelErrorCode(err) === 'AccessDenied';
}

/**
 * Paints problem cells without touching anything else: remembers what it painted per sheet, and which sheets' next
 * check paints (see PaintPolicy); a paint refused with AccessDenied reads the protection again and paints once more.
 */
export class LivePainter {
  /** What this add-in has painted, per sheet (absent: unknown, e.g. after reopening). */
  private readonly painted = new Map<string, Map<string, string>>();
  /** Sheets whose next check paints. */
  private readonly paintOwed = new Set<string>();

  constructor(private readonly policy: PaintPolicy) {}

  /** A check of the sheet is coming: it paints if the clerk asked (`asked`) or the policy paints every check. */
  owe(sheetId: string, asked: boolean): void {
    if (asked || this.policy === 'every-check') this.paintOwed.add(sheetId);
  }

  /** Whether the sheet's next check paints (a paint asked for and not done, e.g. in cell edit mode, stays owed). */
  owed(sheetId: string): boolean {
    return this.paintOwed.has(sheetId);
  }

  /** The sheet is gone: what was painted on it is forgotten. */
  forget(sheetId: string): void {
    this.painted.delete(sheetId);
  }

  /** Loads the sheet's protection, to be read after the next sync (the one that reads the sheet). */
  protectionOf(context: ContextSurface, sheetId: string): LoadedProtection {
    const protection = context.workbook.worksheets.getItem(sheetId).protection;
    protection.load('protected,options');
    return protection;
  }

  /**
   * Writes the highlights that changed when the check paints (one sync, two more after AccessDenied), or notes the
   * marks an edit made stale. Throws what the check must wait out (cell edit mode) or handle (the sheet is gone).
   */
  async paint(request: PaintRequest): Promise<void> {
    const { context, ws, sheetId, list, protection, emit } = request;
    const wanted = wantedHighlights(request.problems);
    const painted = this.painted.get(sheetId);
    const changes = highlightChanges(inputAreas(request.plan), wanted, painted);
    if (!request.paint) {
      // Marks from an earlier 检查整个工作簿 that this edit made stale: said, not repainted (that would cost undo).
      if (painted && changes.length > 0) list.highlightNote = '表中标出的颜色是上次检查的结果，点“检查整个工作簿”可更新。';
      emit();
      return;
    }
    if (protection.protected && !protection.options.allowFormatCells) {
      // Protected without format-cells allowed (inserted by an older version, or by hand): lifting the protection
      // would clear the clerk's undo stack, so the cells are not marked.
      this.paintOwed.delete(sheetId);
      list.highlightNote = PROTECTED_NOTE;
      emit();
      return;
    }
    emit();
    if (changes.length === 0) {
      this.paintOwed.delete(sheetId);
      this.painted.set(sheetId, wanted);
      return;
    }
    const paintAll = async () => {
      // Format changes raise no onChanged (Excel add-in events: onFormatChanged is a separate event), and the sheet's
      // protection allows them: nothing to lift, nothing to ignore.
      for (const { area, fill } of changes) {
        const range = ws.getRangeByIndexes(area.row, area.col, area.rowSpan, area.colSpan);
        if (fill) range.format.fill.color = fill;
        else range.format.fill.clear();
      }
      await context.sync();
    };
    try {
      try {
        await paintAll();
      } catch (err) {
        // AccessDenied may only mean that the protection read a moment ago has changed since (a co-author protected or
        // unprotected the sheet in between: office-js #108; protection calls answer AccessDenied on a state that has
        // changed: #6784). Read it again, and paint once more if it now allows formatting.
        if (!refusedForProtection(err)) throw err;
        const again = this.protectionOf(context, sheetId);
        await context.sync();
        if (again.protected && !again.options.allowFormatCells) throw err;
        await paintAll();
      }
      this.painted.set(sheetId, wanted);
      this.paintOwed.delete(sheetId);
    } catch (err) {
      // What ran of the paint is unknown: the next paint repaints every input cell.
      this.painted.delete(sheetId);
      // Waited out like a failed read (cell edit mode; the paint stays owed), or the sheet is gone: the check
      // handles both.
      if (excelErrorCode(err) === 'InvalidOperationInCellEditMode' || excelErrorCode(err) === 'ItemNotFound') throw err;
      this.paintOwed.delete(sheetId);
      list.highlightNote = refusedForProtection(err)
        ? PROTECTED_NOTE
        : `无法标出有问题的单元格：${describeExcelError(err)}点“检查整个工作簿”可重新标出；问题仍列在下面。`;
      emit();
    }
  }
}
