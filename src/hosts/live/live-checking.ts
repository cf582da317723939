import type { CellRange } from '../../core/a1';
import { localIsoDate } from '../../core/cell-value';
import type { Catalogue } from '../../core/notice-catalogue';
import { readForm, type FormReading } from '../../core/read/read-form';
import { rereadForm } from '../../core/read/reread-form';
import { checkForm, type CheckOptions, type Problem } from '../../core/rules/check-form';
import { FormRecheck } from '../../core/rules/recheck-form';
import { CheckQueue } from './check-queue';
import { LivePainter, type PaintPolicy } from './live-paint';
import type { LivePort } from './live-port';
import { LiveStore, type LiveSheetProblems, type ValidationState } from './live-store';
import { SheetWatch, type FormSheet } from './live-watch';
import { gridFrom } from './sheet-grid';
import { SheetReads } from './sheet-reads';

export type { PaintPolicy } from './live-paint';
export type { LiveSheetProblems, ValidationState } from './live-store';

export interface LiveCheckingOptions {
  /** The forms a marker may name: handed in by the pane (the program's catalogue and the workbook's own forms). */
  catalogue: Catalogue;
  today?: () => string;
  debounceMs?: number;
  retryMs?: number;
  maxRetries?: number;
  /** When cells are painted: only in checks the clerk asked for (the default, see PaintPolicy), or in every check. */
  paint?: PaintPolicy;
  /**
   * Whether a change is checked by doing again only what it can have changed (the default): only the changed cells
   * read again where the host names them, and only what they can have changed checked again
   * (core/rules/recheck-form.ts); or, as before issue 20, the whole used range read and the whole form checked again
   * on every change (the bench measures both).
   */
  incremental?: boolean;
  /** Told how long each read through the host and each check of what was read took (npm run bench). */
  measure?: (phase: 'read' | 'check', ms: number) => void;
}

/** One form sheet's last reading and its checker, for checking again only what a change changed. */
interface SheetCheck {
  reading: FormReading | undefined;
  recheck: FormRecheck;
}

/**
 * Keeps the problems of every form sheet of the workbook, whatever the host: re-checks a sheet whenever it changes
 * (typing, paste, fill, undo, co-authors) and paints problem cells without touching anything else. It joins the
 * watch (live-watch.ts: which sheets are forms, events, debounce), the reads (sheet-reads.ts: what was read, one read
 * of the port per check), the queue (check-queue.ts: one host call at a time), the painter (live-paint.ts) and the
 * pane's store (live-store.ts). The host is reached only through its LivePort.
 */
export class LiveChecking {
  private readonly watch: SheetWatch;
  private readonly reads: SheetReads;
  private readonly painter: LivePainter;
  private readonly store: LiveStore;
  private readonly queue: CheckQueue;
  private readonly retries = new Map<string, number>();
  private readonly checks = new Map<string, SheetCheck>();
  private readonly today: () => string;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly maxRetries: number;
  private readonly incremental: boolean;
  private readonly measure: LiveCheckingOptions['measure'];
  /** How a required cell still empty is reported (CheckOptions.unfilled): the pane sets 'pending', and 'error' on 检查全部. */
  unfilled: CheckOptions['unfilled'] = 'error';

  constructor(
    private readonly port: LivePort,
    options: LiveCheckingOptions,
  ) {
    this.today = options.today ?? (() => localIsoDate());
    this.debounceMs = options.debounceMs ?? 200;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetries = options.maxRetries ?? 30;
    this.incremental = options.incremental ?? true;
    this.measure = options.measure;
    this.reads = new SheetReads(port);
    this.painter = new LivePainter(port, options.paint ?? 'requested');
    this.watch = new SheetWatch(
      {
        check: (id, areas) => void this.checkSheet(id, false, areas),
        findAgain: () => this.findAndCheck(false),
        deleted: (id) => this.forget(id),
      },
      options.catalogue,
      this.debounceMs,
    );
    this.watch.readChangedAreas = this.incremental;
    this.store = new LiveStore((id) => this.watch.sheets.get(id)?.position ?? Number.MAX_SAFE_INTEGER);
    this.queue = new CheckQueue((busy) => this.store.setBusy(busy));
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
    for (const id of this.watch.sheets.keys()) {
      this.reads.forget(id);
      this.checks.delete(id);
    }
    return this.findAndCheck(false);
  }

  /** Re-reads every known form sheet whole (one read each; nothing more for a sheet whose inputs did not change). */
  recheck(): void {
    this.watch.recheck();
  }

  /**
   * The host's own writes have ended (an insert, with events off meanwhile): an edit made meanwhile raised no event,
   * so every form is re-read; the selection may have moved unseen, so the next selection event re-reads its sheet whole.
   */
  afterOwnWrites(): void {
    this.watch.selected(undefined);
    this.recheck();
  }

  private async forget(sheetId: string): Promise<void> {
    this.watch.forget(sheetId);
    this.store.delete(sheetId);
    this.painter.forget(sheetId);
    this.reads.forget(sheetId);
    this.checks.delete(sheetId);
    this.store.emit();
  }

  /** 检查整个工作簿 (the clerk asks): finds every form sheet by its marker, checks and paints each. */
  checkAll(): Promise<void> {
    return this.findAndCheck(true);
  }

  private findAndCheck(paint: boolean): Promise<void> {
    return this.queue.add(async () => {
      const sheets = this.watch.sheets;
      try {
        const probes = await this.port.discover(this.watch, (probe) => this.watch.formSheet(probe, 0) !== undefined);
        const found = probes.flatMap((probe, position) => this.watch.formSheet(probe, position) ?? []);
        for (const id of [...sheets.keys()]) if (!found.some((f) => f.sheetId === id)) void this.forget(id);
        for (const sheet of found) {
          const known = sheets.get(sheet.sheetId);
          // Another form or version under the same sheet: its last reading is of no use.
          if (known && known.form !== sheet.form) this.checks.delete(sheet.sheetId);
          sheets.set(sheet.sheetId, sheet);
        }
        this.store.notice = undefined;
      } catch (err) {
        this.fail(err, () => void this.findAndCheck(paint));
        return;
      }
      for (const sheet of [...sheets.values()]) void this.checkSheet(sheet.sheetId, paint);
    });
  }

  /**
   * Reads the sheet (one read of the port) — its used range, or only `areas` of it (see SheetWatch.selectionChanged)
   * — and, when painting is due (the clerk asked for it: see PaintPolicy), writes the highlights that changed (one
   * paint). A paint asked for and not done (cell edit mode) is owed to the next check; a failed check is retried
   * with a full read.
   */
  checkSheet(sheetId: string, paint = false, areas?: CellRange[]): Promise<void> {
    this.painter.owe(sheetId, paint);
    return this.queue.add(async () => {
      const sheet = this.watch.sheets.get(sheetId);
      if (!sheet) return;
      try {
        await this.checkIn(sheet, this.painter.owed(sheetId), areas);
        this.retries.delete(sheetId);
        this.store.notice = undefined;
      } catch (err) {
        if (this.port.errorKind(err) === 'gone') {
          await this.forget(sheetId);
          return;
        }
        this.fail(err, () => this.watch.schedule(sheetId), sheetId);
      }
    });
  }

  private async checkIn(sheet: FormSheet, paint: boolean, areas?: CellRange[]): Promise<void> {
    const known = this.store.get(sheet.sheetId);
    const started = performance.now();
    const read = await this.reads.read(sheet.sheetId, known !== undefined, areas);
    this.measure?.('read', performance.now() - started);
    if (!paint && read.unchanged && known?.sheetName === read.name) return;
    sheet.sheetName = read.name;
    if (!read.cells) {
      // The host gave no values (Excel past the 5,000,000 cells it reads at once): said, and the other sheets go on.
      this.checks.delete(sheet.sheetId);
      this.store.set({
        sheetId: sheet.sheetId,
        sheetName: read.name,
        formId: sheet.form.id,
        formTitle: sheet.form.sheetName,
        problems: [],
        highlightNote: read.unreadable,
      });
      this.store.emit();
      return;
    }
    const checking = performance.now();
    const { reading, problems } = this.readAndCheck(sheet, read.cells);
    this.measure?.('check', performance.now() - checking);
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
      sheetId: sheet.sheetId,
      plan: reading.plan,
      problems,
      list,
      paintable: read.paintable,
      paint,
      emit: () => this.store.emit(),
    });
  }

  /** The form read from the cells and checked: again only where they changed since the last check (see incremental). */
  private readAndCheck(sheet: FormSheet, cells: NonNullable<Awaited<ReturnType<SheetReads['read']>>['cells']>) {
    const grid = gridFrom(cells.values, cells.rowIndex, cells.columnIndex);
    const options: CheckOptions = { today: this.today(), unfilled: this.unfilled };
    if (!this.incremental) {
      const reading = readForm(sheet.form, grid, sheet.marker.params);
      return { reading, problems: checkForm(reading, options) };
    }
    let kept = this.checks.get(sheet.sheetId);
    if (!kept) this.checks.set(sheet.sheetId, (kept = { reading: undefined, recheck: new FormRecheck() }));
    const reading = rereadForm(sheet.form, grid, sheet.marker.params, kept.reading);
    kept.reading = reading;
    const problems: Problem[] = kept.recheck.check(reading, options);
    return { reading, problems };
  }

  private fail(err: unknown, retry: () => void, sheetId = '*'): void {
    if (this.port.errorKind(err) === 'editing') {
      const tries = (this.retries.get(sheetId) ?? 0) + 1;
      this.retries.set(sheetId, tries);
      this.store.notice = { kind: 'info', text: '正在编辑单元格：结束编辑（按 Enter 或 Esc）后会自动重新检查。' };
      if (tries <= this.maxRetries) setTimeout(retry, this.retryMs);
    } else {
      this.store.notice = { kind: 'error', text: `检查未完成：${this.port.describe(err)}` };
    }
    this.store.emit();
  }

  /** Selects a problem's cell for the clerk. */
  async select(sheetId: string, cell: string): Promise<void> {
    await this.port.select(sheetId, cell);
    // The clerk may pick a value there next: the area the next selection change leaves.
    this.watch.selected({ sheetId, address: cell });
  }
}
