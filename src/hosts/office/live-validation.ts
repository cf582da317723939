import { localIsoDate, type CellValue } from '../../core/cell-value';
import type { FormDefinition } from '../../core/form-schema';
import { MARKER_SCAN_COLUMNS, sheetMarker, type FormMarker } from '../../core/marker';
import { readForm } from '../../core/read/read-form';
import { checkForm, type CheckOptions, type Problem } from '../../core/rules/check-form';
import { highlightChanges, inputAreas, wantedHighlights } from '../../core/rules/highlights';
import { findForm } from '../../forms';
import type { ApiSupport } from './api-support';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ContextSurface, EventsSurface, WorksheetSurface, WorksheetsSurface } from './excel-surface';
import type { OwnWrites } from './own-writes';
import { gridFrom } from './sheet-grid';

/** Selection events (Worksheet 1.7, WorksheetCollection 1.9), which Excel's objects have and live checking uses. */
interface SelectionEvents {
  readonly onSelectionChanged: EventsSurface<{ worksheetId: string }>;
}

export type ExcelBatch = <T>(batch: (context: ContextSurface) => Promise<T>) => Promise<T>;

/** Whether Excel refused a paint because of the sheet's protection. */
function refusedForProtection(err: unknown): boolean {
  return excelErrorCode(err) === 'AccessDenied';
}

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

export interface SheetReport {
  sheetId: string;
  sheetName: string;
  formId: string;
  formTitle: string;
  problems: Problem[];
  /** Why the cells could not be highlighted (a password-protected sheet); the list still holds. */
  highlightNote: string | undefined;
}

export interface ValidationState {
  sheets: SheetReport[];
  busy: boolean;
  /** A passing condition worth telling the clerk (cell edit mode), or a failure. */
  notice: { kind: 'info' | 'error'; text: string } | undefined;
}

interface FormSheet {
  /** The sheet's place among the workbook's sheets, for listing in the same order as the tabs. */
  position: number;
  sheetId: string;
  sheetName: string;
  form: FormDefinition;
  marker: FormMarker;
}

export interface LiveValidationOptions {
  today?: () => string;
  debounceMs?: number;
  retryMs?: number;
  maxRetries?: number;
  /** When cells are painted: only in checks the clerk asked for (the default, see PaintPolicy), or in every check. */
  paint?: PaintPolicy;
}

/**
 * Keeps the problems of every form sheet of the workbook, re-checking a sheet whenever it changes (typing, paste,
 * fill, undo, co-authors) in at most two syncs, and paints problem cells without touching anything else.
 */
export class LiveValidation {
  private readonly sheets = new Map<string, FormSheet>();
  private readonly reports = new Map<string, SheetReport>();
  /** What this add-in has painted, per sheet (absent: unknown, e.g. after reopening). */
  private readonly painted = new Map<string, Map<string, string>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly retries = new Map<string, number>();
  private readonly listeners = new Set<(state: ValidationState) => void>();
  private readonly registered = new Set<string>();
  /** Whether the workbook's handlers are known to be registered (a failed registration is tried again). */
  private workbookHandlers = false;
  /** What each sheet's inputs held at its last check: a re-read that finds the same skips the check. */
  private readonly lastRead = new Map<string, string>();
  /** Sheets whose selection-change handler is registered (Excel before 1.9 has no collection-wide one). */
  private readonly selectionRegistered = new Set<string>();
  private readonly paintPolicy: PaintPolicy;
  /** Sheets whose next check paints. */
  private readonly paintOwed = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private notice: ValidationState['notice'];
  private readonly today: () => string;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly maxRetries: number;
  /** How a required cell still empty is reported (CheckOptions.unfilled): the pane sets 'pending', and 'error' on 检查全部. */
  unfilled: CheckOptions['unfilled'] = 'error';

  constructor(
    private readonly run: ExcelBatch,
    private readonly support: ApiSupport,
    private readonly ownWrites: OwnWrites,
    options: LiveValidationOptions = {},
  ) {
    this.today = options.today ?? (() => localIsoDate());
    this.debounceMs = options.debounceMs ?? 200;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetries = options.maxRetries ?? 30;
    this.paintPolicy = options.paint ?? 'requested';
    // An insert switches events off for its sync: an edit made meanwhile raised none. Re-read once it is over.
    ownWrites.onEnded(() => this.recheck());
  }

  get state(): ValidationState {
    const position = (id: string) => this.sheets.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
    const sheets = [...this.reports.values()].sort((a, b) => position(a.sheetId) - position(b.sheetId));
    return { sheets, busy: this.pending > 0, notice: this.notice };
  }

  subscribe(listener: (state: ValidationState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const state = this.state;
    for (const l of this.listeners) l(state);
  }

  /** Runs Excel work one batch at a time, in order. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    this.emit();
    const next = this.queue.then(work, work);
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next.finally(() => {
      this.pending--;
      this.emit();
    });
  }

  /** Resolves when no check is waiting or running. */
  async idle(): Promise<void> {
    while (this.pending > 0 || this.timers.size > 0) {
      await this.queue;
      await new Promise((r) => setTimeout(r, Math.max(this.debounceMs, 1)));
    }
  }

  /**
   * Registers for changes and finds and checks every form sheet. A failure is shown in the state, like any check's,
   * and the registration is tried again by the next check (检查整个工作簿).
   */
  async start(): Promise<void> {
    await this.findAndCheck(false);
  }

  /**
   * Every change event of a form sheet is checked, whenever it arrives: before, during or after a sync of the
   * add-in's own (see OwnWrites). Nothing is dropped; a check only reads.
   */
  private async onChanged(worksheetId: string): Promise<void> {
    if (!this.sheets.has(worksheetId)) return;
    this.schedule(worksheetId);
  }

  /**
   * A pick from a data-validation dropdown raises no onChanged in Excel on the web (office-js #4066, labelled product
   * bug; also #3888) and did not on Windows either (#420). The clerk's next step moves the selection, which raises
   * onSelectionChanged (Worksheet 1.7, WorksheetCollection 1.9): the sheet is re-read then — one sync, and nothing
   * more when its inputs are as last read. The pane calls recheck() when it gets the focus, for the same reason.
   */
  private async onSelectionChanged(worksheetId: string): Promise<void> {
    if (!this.sheets.has(worksheetId)) return;
    this.schedule(worksheetId);
  }

  /** Re-reads every known form sheet (one sync each; nothing more for a sheet whose inputs did not change). */
  recheck(): void {
    for (const id of this.sheets.keys()) this.schedule(id);
  }

  private schedule(worksheetId: string): void {
    const earlier = this.timers.get(worksheetId);
    if (earlier) clearTimeout(earlier);
    this.timers.set(
      worksheetId,
      setTimeout(() => {
        this.timers.delete(worksheetId);
        void this.checkSheet(worksheetId);
      }, this.debounceMs),
    );
  }

  private async forget(worksheetId: string): Promise<void> {
    this.sheets.delete(worksheetId);
    this.reports.delete(worksheetId);
    this.painted.delete(worksheetId);
    this.lastRead.delete(worksheetId);
    this.emit();
  }

  /** 检查整个工作簿 (the clerk asks): finds every form sheet by its marker (two syncs), checks and paints each. */
  checkAll(): Promise<void> {
    return this.findAndCheck(true);
  }

  private findAndCheck(paint: boolean): Promise<void> {
    return this.enqueue(async () => {
      try {
        const found = await this.run((context) => this.discover(context));
        for (const id of [...this.sheets.keys()]) if (!found.some((f) => f.sheetId === id)) void this.forget(id);
        for (const sheet of found) this.sheets.set(sheet.sheetId, sheet);
        this.notice = undefined;
      } catch (err) {
        this.fail(err, () => void this.findAndCheck(paint));
        return;
      }
      for (const sheet of [...this.sheets.values()]) void this.checkSheet(sheet.sheetId, paint);
    });
  }

  private async discover(context: ContextSurface): Promise<FormSheet[]> {
    const all = context.workbook.worksheets as WorksheetsSurface & SelectionEvents;
    // Events may have been left off by a failed insert (Runtime.enableEvents stays as last set): finding the forms
    // turns them on again, so 检查整个工作簿 restarts live checking. No extra sync; not a workbook change.
    if (this.support.validation) context.runtime.enableEvents = true;
    const addingHandlers = !this.workbookHandlers;
    if (addingHandlers) {
      if (this.support.workbookEvents) {
        all.onChanged.add((e) => this.onChanged(e.worksheetId));
        all.onSelectionChanged.add((e) => this.onSelectionChanged(e.worksheetId));
      }
      all.onAdded.add(() => this.findAndCheck(false));
      all.onDeleted.add((e) => this.forget(e.worksheetId));
    }
    all.load('items/name,items/id');
    await context.sync();
    if (addingHandlers) this.workbookHandlers = true;
    const probes = all.items.map((ws) => {
      ws.names.load('items/name,items/value');
      const firstRow = ws.getRangeByIndexes(0, 0, 1, MARKER_SCAN_COLUMNS);
      firstRow.load('values');
      return { ws, firstRow };
    });
    await context.sync();
    const found: FormSheet[] = [];
    const registering: string[] = [];
    for (const [position, { ws, firstRow }] of probes.entries()) {
      const marker = sheetMarker(
        ws.names.items.map((n) => n.value),
        firstRow.values[0] as unknown[] | undefined,
      );
      const form = marker ? findForm(marker.formId) : undefined;
      if (!marker || !form) continue;
      found.push({ position, sheetId: ws.id, sheetName: ws.name, form, marker });
      if (!this.support.workbookEvents && !this.registered.has(ws.id)) {
        registering.push(ws.id);
        ws.onChanged.add((e) => this.onChanged(e.worksheetId));
        (ws as WorksheetSurface & SelectionEvents).onSelectionChanged.add((e) => this.onSelectionChanged(e.worksheetId));
      }
    }
    if (registering.length > 0) {
      await context.sync();
      for (const id of registering) this.registered.add(id);
    }
    return found;
  }

  /**
   * Reads the sheet (one sync) and, when painting is due (the clerk asked for it: see PaintPolicy), writes the
   * highlights that changed (one more). A paint asked for and not done (cell edit mode) is owed to the next check.
   */
  checkSheet(worksheetId: string, paint = false): Promise<void> {
    if (paint || this.paintPolicy === 'every-check') this.paintOwed.add(worksheetId);
    return this.enqueue(async () => {
      const sheet = this.sheets.get(worksheetId);
      if (!sheet) return;
      try {
        await this.run((context) => this.checkIn(context, sheet, this.paintOwed.has(worksheetId)));
        this.retries.delete(worksheetId);
        this.notice = undefined;
      } catch (err) {
        if (excelErrorCode(err) === 'ItemNotFound') {
          await this.forget(worksheetId);
          return;
        }
        this.fail(err, () => this.schedule(worksheetId), worksheetId);
      }
    });
  }

  private async checkIn(context: ContextSurface, sheet: FormSheet, paint: boolean): Promise<void> {
    const ws = context.workbook.worksheets.getItem(sheet.sheetId);
    const used = ws.getUsedRange();
    used.load('values,rowIndex,columnIndex');
    const protection = context.workbook.worksheets.getItem(sheet.sheetId).protection;
    protection.load('protected,options');
    ws.load('name');
    await context.sync();

    // The light re-read (a selection change, the pane's focus): nothing more when the inputs are as last read.
    const read = JSON.stringify([used.rowIndex, used.columnIndex, used.values]);
    const known = this.reports.get(sheet.sheetId);
    if (!paint && known && this.lastRead.get(sheet.sheetId) === read && known.sheetName === ws.name) return;
    this.lastRead.set(sheet.sheetId, read);

    if (!Array.isArray(used.values)) {
      // Past the 5,000,000 cells Excel reads at once, some builds give null values instead of an error (office-js
      // #4783; "Resource limits and performance optimization for Office Add-ins"): said, and the other sheets go on.
      sheet.sheetName = ws.name;
      this.reports.set(sheet.sheetId, {
        sheetId: sheet.sheetId,
        sheetName: ws.name,
        formId: sheet.form.id,
        formTitle: sheet.form.sheetName,
        problems: [],
        highlightNote: '此工作表内容太多（超过 Excel 一次能读取的 500 万个单元格），无法检查。请删去表格以外的内容后再点“检查整个工作簿”。',
      });
      this.emit();
      return;
    }
    const grid = gridFrom(used.values as CellValue[][], used.rowIndex, used.columnIndex);
    const reading = readForm(sheet.form, grid, sheet.marker.params);
    const problems = checkForm(reading, { today: this.today(), unfilled: this.unfilled });
    sheet.sheetName = ws.name;
    const report: SheetReport = {
      sheetId: sheet.sheetId,
      sheetName: ws.name,
      formId: sheet.form.id,
      formTitle: reading.plan.title,
      problems,
      highlightNote: undefined,
    };
    this.reports.set(sheet.sheetId, report);

    const wanted = wantedHighlights(problems);
    const painted = this.painted.get(sheet.sheetId);
    const changes = highlightChanges(inputAreas(reading.plan), wanted, painted);
    if (!paint) {
      // Marks from an earlier 检查整个工作簿 that this edit made stale: said, not repainted (that would cost undo).
      if (painted && changes.length > 0) report.highlightNote = '表中标出的颜色是上次检查的结果，点“检查整个工作簿”可更新。';
      this.emit();
      return;
    }
    if (protection.protected && !protection.options.allowFormatCells) {
      // Protected without format-cells allowed (inserted by an older version, or by hand): lifting the protection
      // would clear the clerk's undo stack, so the cells are not marked.
      this.paintOwed.delete(sheet.sheetId);
      report.highlightNote = '此工作表的保护不允许设置单元格格式，因此不标出有问题的单元格；问题仍列在下面。重新插入此表可恢复标出。';
      this.emit();
      return;
    }
    this.emit();
    if (changes.length === 0) {
      this.paintOwed.delete(sheet.sheetId);
      this.painted.set(sheet.sheetId, wanted);
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
        const again = context.workbook.worksheets.getItem(sheet.sheetId).protection;
        again.load('protected,options');
        await context.sync();
        if (again.protected && !again.options.allowFormatCells) throw err;
        await paintAll();
      }
      this.painted.set(sheet.sheetId, wanted);
      this.paintOwed.delete(sheet.sheetId);
    } catch (err) {
      // What ran of the paint is unknown: the next paint repaints every input cell.
      this.painted.delete(sheet.sheetId);
      // Waited out like a failed read (cell edit mode; the paint stays owed), or the sheet is gone: checkSheet
      // handles both.
      if (excelErrorCode(err) === 'InvalidOperationInCellEditMode' || excelErrorCode(err) === 'ItemNotFound') throw err;
      this.paintOwed.delete(sheet.sheetId);
      report.highlightNote = refusedForProtection(err)
        ? '此工作表的保护不允许设置单元格格式，因此不标出有问题的单元格；问题仍列在下面。重新插入此表可恢复标出。'
        : `无法标出有问题的单元格：${describeExcelError(err)}点“检查整个工作簿”可重新标出；问题仍列在下面。`;
      this.emit();
    }
  }

  private fail(err: unknown, retry: () => void, worksheetId = '*'): void {
    if (excelErrorCode(err) === 'InvalidOperationInCellEditMode') {
      const tries = (this.retries.get(worksheetId) ?? 0) + 1;
      this.retries.set(worksheetId, tries);
      this.notice = { kind: 'info', text: '正在编辑单元格：结束编辑（按 Enter 或 Esc）后会自动重新检查。' };
      if (tries <= this.maxRetries) setTimeout(retry, this.retryMs);
    } else {
      this.notice = { kind: 'error', text: `检查未完成：${describeExcelError(err)}` };
    }
    this.emit();
  }

  /** Selects a problem's cell for the clerk (one sync). */
  async select(worksheetId: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(worksheetId);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }
}
