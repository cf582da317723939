import type { CellRange } from '../../core/a1';
import { localIsoDate, type CellValue } from '../../core/cell-value';
import type { Catalogue } from '../../core/notice-catalogue';
import { readForm } from '../../core/read/read-form';
import { checkForm, type CheckOptions } from '../../core/rules/check-form';
import { CATALOGUE } from '../../notices';
import type { ApiSupport } from './api-support';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ContextSurface, ExcelRun } from './excel-surface';
import { CheckQueue } from './check-queue';
import { LivePainter, type PaintPolicy } from './live-paint';
import { LiveStore, type LiveSheetProblems, type ValidationState } from './live-store';
import { SheetWatch, type FormSheet } from './live-watch';
import type { OwnWrites } from './own-writes';
import { SheetReads } from './sheet-reads';
import { gridFrom } from './sheet-grid';

export type { PaintPolicy } from './live-paint';
export type { LiveSheetProblems, ValidationState } from './live-store';

export interface LiveValidationOptions {
  today?: () => string;
  debounceMs?: number;
  retryMs?: number;
  maxRetries?: number;
  /** When cells are painted: only in checks the clerk asked for (the default, see PaintPolicy), or in every check. */
  paint?: PaintPolicy;
  /** The forms a marker may name (default: the program's own catalogue). */
  catalogue?: Catalogue;
}

/**
 * Keeps the problems of every form sheet of the workbook, re-checking a sheet whenever it changes (typing, paste,
 * fill, undo, co-authors) in at most two syncs, and paints problem cells without touching anything else. It joins
 * the watch (live-watch.ts: events, debounce; check-queue.ts; sheet-reads.ts: what was read), the painter
 * (live-paint.ts) and the pane's store (live-store.ts).
 */
export class LiveValidation {
  private readonly watch: SheetWatch;
  private readonly reads = new SheetReads();
  private readonly painter: LivePainter;
  private readonly store: LiveStore;
  private readonly queue: CheckQueue;
  private readonly retries = new Map<string, number>();
  private readonly today: () => string;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly maxRetries: number;
  /** How a required cell still empty is reported (CheckOptions.unfilled): the pane sets 'pending', and 'error' on 检查全部. */
  unfilled: CheckOptions['unfilled'] = 'error';

  constructor(
    private readonly run: ExcelRun,
    support: ApiSupport,
    ownWrites: OwnWrites,
    options: LiveValidationOptions = {},
  ) {
    this.today = options.today ?? (() => localIsoDate());
    this.debounceMs = options.debounceMs ?? 200;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetries = options.maxRetries ?? 30;
    this.painter = new LivePainter(options.paint ?? 'requested');
    this.watch = new SheetWatch(
      {
        check: (id, areas) => void this.checkSheet(id, false, areas),
        findAgain: () => this.findAndCheck(false),
        deleted: (id) => this.forget(id),
      },
      support,
      options.catalogue ?? CATALOGUE,
      this.debounceMs,
    );
    this.store = new LiveStore((id) => this.watch.sheets.get(id)?.position ?? Number.MAX_SAFE_INTEGER);
    this.queue = new CheckQueue((busy) => this.store.setBusy(busy));
    // An insert switches events off for its sync: an edit made meanwhile raised none. Re-read once it is over; the
    // selection may have moved unseen meanwhile, so the next selection change re-reads its sheet whole.
    ownWrites.onEnded(() => {
      this.watch.selected(undefined);
      this.recheck();
    });
  }

  get state(): ValidationState {
    return this.store.state;
  }

  subscribe(listener: (state: ValidationState) => void): () => void {
    return this.store.subscribe(listener);
  }

  /** Resolves when no check is waiting or running. */
  async idle(): Promise<void> {
    while (this.queue.busy || this.watch.waiting) {
      await this.queue.settled();
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
   * The forms markers may name from now on (an imported form saved in the workbook, issue 13 §3), and every form sheet
   * found and checked again with them: a sheet of a form the old catalogue did not know becomes checked, and one whose
   * definition changed is checked by the new one.
   */
  setCatalogue(catalogue: Catalogue): Promise<void> {
    this.watch.catalogue = catalogue;
    // What was read is checked again, not skipped as unchanged: the same cells may break other rules now.
    for (const id of this.watch.sheets.keys()) this.reads.forget(id);
    return this.findAndCheck(false);
  }

  /** Re-reads every known form sheet whole (one sync each; nothing more for a sheet whose inputs did not change). */
  recheck(): void {
    this.watch.recheck();
  }

  private async forget(worksheetId: string): Promise<void> {
    this.watch.forget(worksheetId);
    this.store.delete(worksheetId);
    this.painter.forget(worksheetId);
    this.reads.forget(worksheetId);
    this.store.emit();
  }

  /** 检查整个工作簿 (the clerk asks): finds every form sheet by its marker (two syncs), checks and paints each. */
  checkAll(): Promise<void> {
    return this.findAndCheck(true);
  }

  private findAndCheck(paint: boolean): Promise<void> {
    return this.queue.add(async () => {
      const sheets = this.watch.sheets;
      try {
        const found = await this.run((context) => this.watch.discover(context));
        for (const id of [...sheets.keys()]) if (!found.some((f) => f.sheetId === id)) void this.forget(id);
        for (const sheet of found) sheets.set(sheet.sheetId, sheet);
        this.store.notice = undefined;
      } catch (err) {
        this.fail(err, () => void this.findAndCheck(paint));
        return;
      }
      for (const sheet of [...sheets.values()]) void this.checkSheet(sheet.sheetId, paint);
    });
  }

  /**
   * Reads the sheet (one sync) — its used range, or only `areas` of it (see SheetWatch.onSelectionChanged) — and,
   * when painting is due (the clerk asked for it: see PaintPolicy), writes the highlights that changed (one more). A
   * paint asked for and not done (cell edit mode) is owed to the next check; a failed check is retried with a full
   * read.
   */
  checkSheet(worksheetId: string, paint = false, areas?: CellRange[]): Promise<void> {
    this.painter.owe(worksheetId, paint);
    return this.queue.add(async () => {
      const sheet = this.watch.sheets.get(worksheetId);
      if (!sheet) return;
      try {
        await this.run((context) => this.checkIn(context, sheet, this.painter.owed(worksheetId), areas));
        this.retries.delete(worksheetId);
        this.store.notice = undefined;
      } catch (err) {
        if (excelErrorCode(err) === 'ItemNotFound') {
          await this.forget(worksheetId);
          return;
        }
        this.fail(err, () => this.watch.schedule(worksheetId), worksheetId);
      }
    });
  }

  private async checkIn(context: ContextSurface, sheet: FormSheet, paint: boolean, areas?: CellRange[]): Promise<void> {
    const ws = context.workbook.worksheets.getItem(sheet.sheetId);
    const protection = this.painter.protectionOf(context, sheet.sheetId);
    const known = this.store.get(sheet.sheetId);
    const read = await this.reads.read(context, ws, sheet.sheetId, known !== undefined, areas);
    if (!paint && read.unchanged && known?.sheetName === read.name) return;

    if (!Array.isArray(read.values)) {
      // Past the 5,000,000 cells Excel reads at once, some builds give null values instead of an error (office-js
      // #4783; "Resource limits and performance optimization for Office Add-ins"): said, and the other sheets go on.
      sheet.sheetName = read.name;
      this.store.set({
        sheetId: sheet.sheetId,
        sheetName: read.name,
        formId: sheet.form.id,
        formTitle: sheet.form.sheetName,
        problems: [],
        highlightNote: '此工作表内容太多（超过 Excel 一次能读取的 500 万个单元格），无法检查。请删去表格以外的内容后再点“检查整个工作簿”。',
      });
      this.store.emit();
      return;
    }
    const grid = gridFrom(read.values as CellValue[][], read.rowIndex, read.columnIndex);
    const reading = readForm(sheet.form, grid, sheet.marker.params);
    const problems = checkForm(reading, { today: this.today(), unfilled: this.unfilled });
    sheet.sheetName = read.name;
    const list: LiveSheetProblems = {
      sheetId: sheet.sheetId,
      sheetName: read.name,
      formId: sheet.form.id,
      formTitle: reading.plan.title,
      problems,
      highlightNote: undefined,
    };
    this.store.set(list);
    await this.painter.paint({
      context,
      ws,
      sheetId: sheet.sheetId,
      plan: reading.plan,
      problems,
      list,
      protection,
      paint,
      emit: () => this.store.emit(),
    });
  }

  private fail(err: unknown, retry: () => void, worksheetId = '*'): void {
    if (excelErrorCode(err) === 'InvalidOperationInCellEditMode') {
      const tries = (this.retries.get(worksheetId) ?? 0) + 1;
      this.retries.set(worksheetId, tries);
      this.store.notice = { kind: 'info', text: '正在编辑单元格：结束编辑（按 Enter 或 Esc）后会自动重新检查。' };
      if (tries <= this.maxRetries) setTimeout(retry, this.retryMs);
    } else {
      this.store.notice = { kind: 'error', text: `检查未完成：${describeExcelError(err)}` };
    }
    this.store.emit();
  }

  /** Selects a problem's cell for the clerk (one sync). */
  async select(worksheetId: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(worksheetId);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
    // The clerk may pick a value there next: the area the next selection change leaves.
    this.watch.selected({ sheetId: worksheetId, address: cell });
  }
}
