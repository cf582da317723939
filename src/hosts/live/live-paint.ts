import type { Problem } from '../../core/rules/check-form';
import { highlightChanges, inputAreas, wantedHighlights, type InputArea } from '../../core/rules/highlights';
import type { SheetPlan } from '../../core/sheet-plan';
import type { LivePort } from './live-port';
import type { LiveSheetProblems } from './live-store';

/**
 * Why live checking does not paint after every edit, and never lifts protection (Excel sources: Microsoft, "Undo
 * capabilities in Excel add-ins" and Excel.RunOptions.mergeUndoGroup; office-js #3778, #3788; for WPS no source says
 * what a JS write does to the clerk's undo, so the worst is assumed — it clears it):
 * - Lifting a sheet's protection clears the person's undo stack (Excel: the page's table of APIs without undo
 *   support). Form sheets are therefore protected with formatting allowed, so that marking cells needs no unprotect;
 *   a sheet protected without it (inserted by an older version) is not painted, and its note says why.
 * - A write made in answer to an edit costs the clerk's Ctrl+Z: on Excel with undo support for add-ins (ExcelApi
 *   1.20) each write is an undo record of its own, what Ctrl+Z undoes first (the red goes, the wrong value stays); on
 *   earlier Excel "most set operations of the Excel API disable undo/redo, by design" (#3788; a fill change: #3778).
 * So a check made because the clerk edited (or picked, or undid) only reads, and lists; cells are painted only in
 * the checks the clerk asks for (检查整个工作簿, 检查全部), where an undo record of the add-in's own is expected.
 * The marks a later edit makes stale are named in the sheet's note. Highlights that follow every value as it
 * changes, Ctrl+Z included, are the host's own conditional formats written into the form (issue 11 §4).
 */
export type PaintPolicy = 'requested' | 'every-check';

/** What a check hands the painter: the sheet, its plan, its problems, and the list the pane shows for it. */
export interface PaintRequest {
  sheetId: string;
  plan: SheetPlan;
  problems: readonly Problem[];
  /** Its highlightNote is set when the cells are not (or not freshly) painted. */
  list: LiveSheetProblems;
  /** Whether the sheet's protection lets cells be painted (read with the sheet). */
  paintable: boolean;
  /** Whether this check paints (see LivePainter.owed). */
  paint: boolean;
  /** Tells the pane that the list changed. */
  emit: () => void;
}

export const PROTECTED_NOTE = '此工作表的保护不允许设置单元格格式，因此不标出有问题的单元格；问题仍列在下面。重新插入此表可恢复标出。';
const STALE_NOTE = '表中标出的颜色是上次检查的结果，点“检查整个工作簿”可更新。';

/** Every input area of a located layout, made once per layout (a 5,000-row list has 35,000). */
const areasOfPlan = new WeakMap<SheetPlan, Map<string, InputArea>>();
function areasOf(plan: SheetPlan): Map<string, InputArea> {
  let areas = areasOfPlan.get(plan);
  if (!areas) areasOfPlan.set(plan, (areas = inputAreas(plan)));
  return areas;
}

/** Whether two highlight maps are the same. */
function sameMarks(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * Paints problem cells through the host without touching anything else: remembers what it painted per sheet, and
 * which sheets' next check paints (see PaintPolicy).
 */
export class LivePainter {
  /** What this add-in has painted, per sheet (absent: unknown, e.g. after reopening). */
  private readonly painted = new Map<string, Map<string, string>>();
  /** Sheets whose next check paints. */
  private readonly paintOwed = new Set<string>();

  constructor(
    private readonly port: LivePort,
    private readonly policy: PaintPolicy,
  ) {}

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

  /**
   * Writes the highlights that changed when the check paints (one call of the port), or notes the marks an edit made
   * stale. Throws what the check must wait out (cell edit mode) or handle (the sheet is gone).
   */
  async paint(request: PaintRequest): Promise<void> {
    const { sheetId, list, emit } = request;
    const wanted = wantedHighlights(request.problems);
    const painted = this.painted.get(sheetId);
    if (!request.paint) {
      // Marks from an earlier 检查整个工作簿 that this edit made stale: said, not repainted (that would cost undo).
      if (painted && !sameMarks(painted, wanted) && highlightChanges(areasOf(request.plan), wanted, painted).length > 0)
        list.highlightNote = STALE_NOTE;
      emit();
      return;
    }
    if (!request.paintable) {
      // Protected without format cells allowed (inserted by an older version, or by hand): lifting the protection
      // would clear the clerk's undo stack, so the cells are not marked.
      this.paintOwed.delete(sheetId);
      list.highlightNote = PROTECTED_NOTE;
      emit();
      return;
    }
    emit();
    const changes = highlightChanges(areasOf(request.plan), wanted, painted);
    if (changes.length === 0) {
      this.paintOwed.delete(sheetId);
      this.painted.set(sheetId, wanted);
      return;
    }
    try {
      await this.port.paint(sheetId, changes);
      this.painted.set(sheetId, wanted);
      this.paintOwed.delete(sheetId);
    } catch (err) {
      // What ran of the paint is unknown: the next paint repaints every input cell.
      this.painted.delete(sheetId);
      // Waited out like a failed read (cell edit mode; the paint stays owed), or the sheet is gone: the check
      // handles both.
      const kind = this.port.errorKind(err);
      if (kind === 'editing' || kind === 'gone') throw err;
      this.paintOwed.delete(sheetId);
      list.highlightNote =
        kind === 'refused'
          ? PROTECTED_NOTE
          : `无法标出有问题的单元格：${this.port.describe(err)}点“检查整个工作簿”可重新标出；问题仍列在下面。`;
      emit();
    }
  }
}
