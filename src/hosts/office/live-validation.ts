import { localIsoDate, type CellValue } from '../../core/cell-value';
import type { FormDefinition } from '../../core/form-schema';
import { MARKER_SCAN_COLUMNS, sheetMarker, type FormMarker } from '../../core/marker';
import { readForm } from '../../core/read/read-form';
import { checkForm, type Problem } from '../../core/rules/check-form';
import { highlightChanges, inputAreas, wantedHighlights } from '../../core/rules/highlights';
import { findForm } from '../../forms';
import type { ApiSupport } from './api-support';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ContextSurface, WorksheetSurface } from './excel-surface';
import type { OwnWrites } from './own-writes';
import { gridFrom } from './sheet-grid';

export type ExcelBatch = <T>(batch: (context: ContextSurface) => Promise<T>) => Promise<T>;

/** Whether Excel refused a paint because of the sheet's protection (a password this add-in does not have). */
function refusedForProtection(err: unknown): boolean {
  const location = (err as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return excelErrorCode(err) === 'AccessDenied' || (typeof location === 'string' && /unprotect/i.test(location));
}

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
  /** Protection this add-in lifted for painting and could not put back yet, per sheet: restored by the next check. */
  private readonly owedProtection = new Map<string, Excel.WorksheetProtectionOptions>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private notice: ValidationState['notice'];
  private readonly today: () => string;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly maxRetries: number;

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
    await this.checkAll();
  }

  private async onChanged(worksheetId: string): Promise<void> {
    if (this.ownWrites.isOwn(worksheetId) || !this.sheets.has(worksheetId)) return;
    this.schedule(worksheetId);
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
    this.owedProtection.delete(worksheetId);
    this.emit();
  }

  /** Finds every form sheet by its marker (two syncs), then checks each. */
  checkAll(): Promise<void> {
    return this.enqueue(async () => {
      try {
        const found = await this.run((context) => this.discover(context));
        for (const id of [...this.sheets.keys()]) if (!found.some((f) => f.sheetId === id)) void this.forget(id);
        for (const sheet of found) this.sheets.set(sheet.sheetId, sheet);
        this.notice = undefined;
      } catch (err) {
        this.fail(err, () => void this.checkAll());
        return;
      }
      for (const sheet of [...this.sheets.values()]) void this.checkSheet(sheet.sheetId);
    });
  }

  private async discover(context: ContextSurface): Promise<FormSheet[]> {
    const all = context.workbook.worksheets;
    const addingHandlers = !this.workbookHandlers;
    if (addingHandlers) {
      if (this.support.workbookEvents) all.onChanged.add((e) => this.onChanged(e.worksheetId));
      all.onAdded.add(() => this.checkAll());
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
      }
    }
    if (registering.length > 0) {
      await context.sync();
      for (const id of registering) this.registered.add(id);
    }
    return found;
  }

  /** Reads the sheet and writes the highlights that changed: two syncs at most. */
  checkSheet(worksheetId: string): Promise<void> {
    return this.enqueue(async () => {
      const sheet = this.sheets.get(worksheetId);
      if (!sheet) return;
      try {
        await this.run((context) => this.checkIn(context, sheet));
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

  private async checkIn(context: ContextSurface, sheet: FormSheet): Promise<void> {
    const ws = context.workbook.worksheets.getItem(sheet.sheetId);
    const used = ws.getUsedRange();
    used.load('values,rowIndex,columnIndex');
    const protection = context.workbook.worksheets.getItem(sheet.sheetId).protection;
    protection.load('protected,options');
    ws.load('name');
    await context.sync();

    const grid = gridFrom(used.values as CellValue[][], used.rowIndex, used.columnIndex);
    const reading = readForm(sheet.form, grid, sheet.marker.params);
    const problems = checkForm(reading, { today: this.today() });
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
    this.emit();

    const wanted = wantedHighlights(problems);
    const changes = highlightChanges(inputAreas(reading.plan), wanted, this.painted.get(sheet.sheetId));
    // Protection to put on after painting: the sheet's own, or what an earlier failed paint left lifted.
    if (protection.protected) this.owedProtection.delete(sheet.sheetId);
    const owed = this.owedProtection.get(sheet.sheetId);
    const restore = protection.protected ? protection.options : owed;
    if (changes.length === 0 && owed === undefined) return;
    const done = this.ownWrites.begin();
    try {
      this.queuePaint(ws, changes, protection.protected, restore);
      await context.sync();
      this.painted.set(sheet.sheetId, wanted);
      this.owedProtection.delete(sheet.sheetId);
    } catch (err) {
      // What ran of the paint is unknown: the next check repaints every input cell, and puts protection back.
      this.painted.delete(sheet.sheetId);
      const restoreError = restore ? await this.reprotect(context, sheet.sheetId, restore) : undefined;
      // Waited out like a failed read (cell edit mode), or the sheet is gone: checkSheet handles both.
      if (excelErrorCode(err) === 'InvalidOperationInCellEditMode' || excelErrorCode(err) === 'ItemNotFound') throw err;
      if (excelErrorCode(restoreError) === 'InvalidOperationInCellEditMode') throw restoreError;
      report.highlightNote =
        protection.protected && refusedForProtection(err)
          ? '此工作表设有密码保护，无法标出有问题的单元格；问题仍列在下面。'
          : `无法标出有问题的单元格：${describeExcelError(err)}点“检查整个工作簿”可重新标出；问题仍列在下面。`;
      this.emit();
    } finally {
      done();
    }
  }

  private queuePaint(
    ws: WorksheetSurface,
    changes: ReturnType<typeof highlightChanges>,
    unprotectFirst: boolean,
    protectAfter: Excel.WorksheetProtectionOptions | undefined,
  ): void {
    if (unprotectFirst) ws.protection.unprotect();
    for (const { area, fill } of changes) {
      const range = ws.getRangeByIndexes(area.row, area.col, area.rowSpan, area.colSpan);
      if (fill) range.format.fill.color = fill;
      else range.format.fill.clear();
    }
    if (protectAfter) ws.protection.protect(protectAfter);
  }

  /**
   * After a failed paint the sheet may have been left unprotected: protects it again if so. Returns the error if
   * that could not be done; the protection is then owed, and put back by the sheet's next check.
   */
  private async reprotect(context: ContextSurface, sheetId: string, options: Excel.WorksheetProtectionOptions): Promise<unknown> {
    this.owedProtection.set(sheetId, options);
    try {
      const protection = context.workbook.worksheets.getItem(sheetId).protection;
      protection.load('protected');
      await context.sync();
      if (!protection.protected) {
        protection.protect(options);
        await context.sync();
      }
      this.owedProtection.delete(sheetId);
      return undefined;
    } catch (err) {
      return err;
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
