import type { CellRange } from '../../core/a1';
import type { FormDefinition } from '../../core/form-schema';
import { sheetMarker, type FormMarker } from '../../core/marker';
import type { Catalogue } from '../../core/notice-catalogue';
import type { LiveEvents, SheetProbe } from './live-port';
import { selectionAreas } from './selection-areas';

/** What a sheet's next check reads: the whole used range, or only the areas a selection left (see selectionChanged). */
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
 * Watches the workbook's form sheets, whatever the host: tells form sheets by their markers and the catalogue handed
 * in, takes the host's events (LiveEvents) and schedules each sheet's check after a quiet moment (debounce), with
 * what it is to read.
 */
export class SheetWatch implements LiveEvents {
  /** The form sheets found, by sheet id. */
  readonly sheets = new Map<string, FormSheet>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The selection as the last selection event gave it (or as the add-in set it); unknown at first. */
  private lastSelection: { sheetId: string; address: string } | undefined;
  /** What each sheet's scheduled check is to read. */
  private readonly pendingReads = new Map<string, PendingRead>();
  /** Whether a change whose cells the host names reads only those (else the whole used range, as before issue 20). */
  readChangedAreas = true;

  constructor(
    private readonly calls: WatchCalls,
    /** The forms a marker may name: the program's own and those the workbook imported (replaced on a save). */
    public catalogue: Catalogue,
    private readonly debounceMs: number,
  ) {}

  /** Whether a check is scheduled and not started yet. */
  get waiting(): boolean {
    return this.timers.size > 0;
  }

  /** The form sheet a listed sheet is, by its marker and the catalogue; undefined for any other sheet. */
  formSheet(probe: SheetProbe, position: number): FormSheet | undefined {
    const marker = sheetMarker(probe.names, probe.firstRow);
    const form = marker ? this.catalogue.findForm(marker.formId, marker.version) : undefined;
    if (!marker || !form) return undefined;
    return { position, sheetId: probe.sheetId, sheetName: probe.name, form, marker };
  }

  /**
   * Every change event of a form sheet is checked, whenever it arrives: before, during or after a write of the
   * add-in's own. Nothing is dropped; a check only reads. When the host says which cells changed (`address`: typing,
   * a paste, a fill — not rows or cells inserted or deleted, which the host's port does not pass on), only that area
   * is read again and patched into the last full read, as for a selection change; an area outside the used range
   * last read, or not worth reading alone, is read whole (sheet-reads.ts).
   */
  changed(sheetId: string, address?: string): void {
    if (!this.sheets.has(sheetId)) return;
    this.schedule(sheetId, (this.readChangedAreas && address && selectionAreas(address)) || 'all');
  }

  /**
   * A pick from a data-validation dropdown may raise no change event (Excel: office-js #4066, #3888, #420; WPS: no
   * source says that SheetChange fires on one). A pick changes the cell the clerk is on, inside the selection; the
   * clerk's next step moves the selection, which raises a selection event with the new address. So the area the
   * selection left is re-read — a few cells — and, if it changed, the sheet is checked from its last full read with
   * that area updated. When the area left is unknown (the first selection event, or after an insert) or not worth
   * reading on its own, the sheet of the event is re-read whole. The pane calls recheck() when it gets the focus: the
   * clerk may have done anything meanwhile, so that re-reads every form whole.
   */
  selectionChanged(sheetId: string, address: string | undefined): void {
    const left = this.lastSelection;
    this.lastSelection = address ? { sheetId, address } : undefined;
    if (!left) {
      if (this.sheets.has(sheetId)) this.schedule(sheetId);
      return;
    }
    if (this.sheets.has(left.sheetId)) this.schedule(left.sheetId, selectionAreas(left.address) ?? 'all');
  }

  added(): Promise<void> {
    return this.calls.findAgain();
  }

  deleted(sheetId: string): Promise<void> {
    return this.calls.deleted(sheetId);
  }

  /** Schedules a whole re-read of every known form sheet. */
  recheck(): void {
    for (const id of this.sheets.keys()) this.schedule(id);
  }

  /** Schedules a check of the sheet after the debounce, reading what every event since asked for. */
  schedule(sheetId: string, read: PendingRead = 'all'): void {
    const earlier = this.timers.get(sheetId);
    if (earlier) clearTimeout(earlier);
    const pending = this.pendingReads.get(sheetId);
    const merged = pending === 'all' || read === 'all' ? 'all' : [...(pending ?? []), ...read];
    this.pendingReads.set(sheetId, merged !== 'all' && merged.length > MAX_PENDING_AREAS ? 'all' : merged);
    this.timers.set(
      sheetId,
      setTimeout(() => {
        this.timers.delete(sheetId);
        const what = this.pendingReads.get(sheetId);
        this.pendingReads.delete(sheetId);
        this.calls.check(sheetId, what === 'all' ? undefined : what);
      }, this.debounceMs),
    );
  }

  /** The add-in set the selection (or may have missed its changes, when undefined): the next change leaves this. */
  selected(selection: { sheetId: string; address: string } | undefined): void {
    this.lastSelection = selection;
  }

  /** The sheet is gone: it is no longer watched. */
  forget(sheetId: string): void {
    this.sheets.delete(sheetId);
    this.pendingReads.delete(sheetId);
    if (this.lastSelection?.sheetId === sheetId) this.lastSelection = undefined;
  }
}
