import type { CellRange } from '../../core/a1';
import type { FormDefinition } from '../../core/form-schema';
import { MARKER_SCAN_COLUMNS, sheetMarker, type FormMarker } from '../../core/marker';
import type { Catalogue } from '../../core/notice-catalogue';
import type { ApiSupport } from './api-support';
import type { ContextSurface, EventsSurface, WorksheetSurface, WorksheetsSurface } from './excel-surface';
import { selectionAreas } from './selection-areas';

/**
 * Selection events (Worksheet 1.7, WorksheetCollection 1.9), which Excel's objects have and live checking uses; their
 * arguments give the new selection's address (WorksheetSelectionChangedEventArgs.address, ExcelApi 1.7).
 */
interface SelectionEvents {
  readonly onSelectionChanged: EventsSurface<{ worksheetId: string; address?: string }>;
}

/** What a sheet's next check reads: the whole used range, or only the areas a selection left (see onSelectionChanged). */
type PendingRead = 'all' | CellRange[];

/** More areas than this waiting for one sheet (arrow keys held down) are read as the whole used range. */
const MAX_PENDING_AREAS = 32;

/** A form sheet of the workbook, found by its marker. */
export interface FormSheet {
  /** The sheet's place among the workbook's sheets, for listing in the same order as the tabs. */
  position: number;
  sheetId: string;
  sheetName: string;
  form: FormDefinition;
  marker: FormMarker;
}

/** What the watch asks of live checking when the workbook changes. */
export interface WatchCalls {
  /** Check the sheet: its whole used range, or only `areas` of it. */
  check(sheetId: string, areas: CellRange[] | undefined): void;
  /** A sheet was added: find the form sheets again. */
  findAgain(): Promise<void>;
  /** A sheet was deleted. */
  deleted(sheetId: string): Promise<void>;
}

/**
 * Watches the workbook's form sheets: finds them by their markers, registers for their change and selection events
 * (workbook-wide where Excel has them, else per sheet), and schedules each sheet's check after a quiet moment
 * (debounce), with what it is to read.
 */
export class SheetWatch {
  /** The form sheets found, by sheet id. */
  readonly sheets = new Map<string, FormSheet>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Sheets whose own handlers are registered (Excel without the workbook-wide events). */
  private readonly registered = new Set<string>();
  /** Whether the workbook's handlers are known to be registered (a failed registration is tried again). */
  private workbookHandlers = false;
  /** The selection as the last selection-changed event gave it (or as the add-in set it); unknown at first. */
  private lastSelection: { sheetId: string; address: string } | undefined;
  /** What each sheet's scheduled check is to read. */
  private readonly pendingReads = new Map<string, PendingRead>();

  constructor(
    private readonly calls: WatchCalls,
    private readonly support: ApiSupport,
    /** The forms a marker may name: the program's own and those the workbook imported (replaced on a save). */
    public catalogue: Catalogue,
    private readonly debounceMs: number,
  ) {}

  /** Whether a check is scheduled and not started yet. */
  get waiting(): boolean {
    return this.timers.size > 0;
  }

  /**
   * Registers the handlers not registered yet and finds every form sheet by its marker (two syncs, one more when
   * sheets' own handlers are added).
   */
  async discover(context: ContextSurface): Promise<FormSheet[]> {
    const all = context.workbook.worksheets as WorksheetsSurface & SelectionEvents;
    // Events may have been left off by a failed insert (Runtime.enableEvents stays as last set): finding the forms
    // turns them on again, so 检查整个工作簿 restarts live checking. No extra sync; not a workbook change.
    if (this.support.validation) context.runtime.enableEvents = true;
    const addingHandlers = !this.workbookHandlers;
    if (addingHandlers) {
      if (this.support.workbookEvents) {
        all.onChanged.add((e) => this.onChanged(e.worksheetId));
        all.onSelectionChanged.add((e) => this.onSelectionChanged(e.worksheetId, e.address));
      }
      all.onAdded.add(() => this.calls.findAgain());
      all.onDeleted.add((e) => this.calls.deleted(e.worksheetId));
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
      const form = marker ? this.catalogue.findForm(marker.formId, marker.version) : undefined;
      if (!marker || !form) continue;
      found.push({ position, sheetId: ws.id, sheetName: ws.name, form, marker });
      if (!this.support.workbookEvents && !this.registered.has(ws.id)) {
        registering.push(ws.id);
        ws.onChanged.add((e) => this.onChanged(e.worksheetId));
        (ws as WorksheetSurface & SelectionEvents).onSelectionChanged.add((e) => this.onSelectionChanged(e.worksheetId, e.address));
      }
    }
    if (registering.length > 0) {
      await context.sync();
      for (const id of registering) this.registered.add(id);
    }
    return found;
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
   * bug; also #3888) and did not on Windows either (#420). A pick changes the cell the clerk is on, inside the
   * selection; the clerk's next step moves the selection, which raises onSelectionChanged (Worksheet 1.7,
   * WorksheetCollection 1.9) with the new address. So the area the selection left is re-read — one sync, a few cells
   * — and, if it changed, the sheet is checked from its last full read with that area updated. Every other change
   * raises onChanged, which re-reads the whole used range. When the area left is unknown (the first selection change,
   * or after an insert) or not worth reading on its own, the sheet of the event is re-read whole. The pane calls
   * recheck() when it gets the focus: the clerk may have done anything meanwhile, so that re-reads every form whole.
   */
  private async onSelectionChanged(worksheetId: string, address: string | undefined): Promise<void> {
    const left = this.lastSelection;
    this.lastSelection = address ? { sheetId: worksheetId, address } : undefined;
    if (!left) {
      if (this.sheets.has(worksheetId)) this.schedule(worksheetId);
      return;
    }
    if (this.sheets.has(left.sheetId)) this.schedule(left.sheetId, selectionAreas(left.address) ?? 'all');
  }

  /** Schedules a whole re-read of every known form sheet. */
  recheck(): void {
    for (const id of this.sheets.keys()) this.schedule(id);
  }

  /** Schedules a check of the sheet after the debounce, reading what every event since asked for. */
  schedule(worksheetId: string, read: PendingRead = 'all'): void {
    const earlier = this.timers.get(worksheetId);
    if (earlier) clearTimeout(earlier);
    const pending = this.pendingReads.get(worksheetId);
    const merged = pending === 'all' || read === 'all' ? 'all' : [...(pending ?? []), ...read];
    this.pendingReads.set(worksheetId, merged !== 'all' && merged.length > MAX_PENDING_AREAS ? 'all' : merged);
    this.timers.set(
      worksheetId,
      setTimeout(() => {
        this.timers.delete(worksheetId);
        const what = this.pendingReads.get(worksheetId);
        this.pendingReads.delete(worksheetId);
        this.calls.check(worksheetId, what === 'all' ? undefined : what);
      }, this.debounceMs),
    );
  }

  /** The add-in set the selection (or may have missed its changes, when undefined): the next change leaves this. */
  selected(selection: { sheetId: string; address: string } | undefined): void {
    this.lastSelection = selection;
  }

  /** The sheet is gone: it is no longer watched. */
  forget(worksheetId: string): void {
    this.sheets.delete(worksheetId);
    this.pendingReads.delete(worksheetId);
    if (this.lastSelection?.sheetId === worksheetId) this.lastSelection = undefined;
  }
}
