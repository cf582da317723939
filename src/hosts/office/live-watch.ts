import { MARKER_SCAN_COLUMNS } from '../../core/marker';
import type { LiveEvents, SheetProbe } from '../live/live-port';
import type { ApiSupport } from './api-support';
import type { ContextSurface, EventsSurface, WorksheetSurface, WorksheetsSurface } from './excel-surface';

/**
 * Selection events (Worksheet 1.7, WorksheetCollection 1.9), which Excel's objects have and live checking uses; their
 * arguments give the new selection's address (WorksheetSelectionChangedEventArgs.address, ExcelApi 1.7).
 */
interface SelectionEvents {
  readonly onSelectionChanged: EventsSurface<{ worksheetId: string; address?: string }>;
}

/**
 * The cells a change edited in place (WorksheetChangedEventArgs.address, ExcelApi 1.7), when its changeType says no
 * cells moved ("RangeEdited"); an insert or delete of rows, columns or cells shifts what lies beyond it, so its sheet
 * is read whole.
 */
function editedAddress(e: Excel.WorksheetChangedEventArgs): string | undefined {
  return e.changeType === 'RangeEdited' ? e.address : undefined;
}

/** A1 address without $ and in capitals, to compare an event's address with one the add-in selected. */
const plainAddress = (address: string) => address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();

/**
 * Excel's side of watching the workbook: registers for its change and selection events (workbook-wide where Excel
 * has them, else per form sheet) and lists the sheets with their markers. What the events mean is shared
 * (hosts/live/live-watch.ts).
 *
 * The add-in's own Range.select() (a click in the problem list) raises onSelectionChanged in Excel on the desktop,
 * even on the cell already selected, but on the web only when the selection moves (office-js #4691; #1329), and an
 * event may come late (#1502) or not at all (#533). Taken for the clerk's, such an echo would move the watch's idea of
 * where the clerk is, and the next re-read after a dropdown pick would read the wrong cells. So the port says itself,
 * once and on every platform, that the selection moved to the cell it selected (ownSelection) — which re-reads the
 * area the clerk left, where a pick raises no change event — and drops Excel's echo of it: the next selection event
 * naming that cell of that sheet. Any other selection event ends the wait for the echo (the clerk moved on; the web
 * sends none for a cell already selected, and events come in order).
 */
export class OfficeSheetEvents {
  /** Sheets whose own handlers are registered (Excel without the workbook-wide events). */
  private readonly registered = new Set<string>();
  /** Whether the workbook's handlers are known to be registered (a failed registration is tried again). */
  private workbookHandlers = false;
  /** What events are told to (the last discover's). */
  private events: LiveEvents | undefined;
  /** The cell the add-in selected, whose echo from Excel is still to come (see the class comment). */
  private echo: { sheetId: string; address: string } | undefined;

  /** The add-in is about to select `cell` of the sheet: Excel's onSelectionChanged for it is not the clerk's. */
  expectOwnSelection(sheetId: string, cell: string): void {
    this.echo = { sheetId, address: plainAddress(cell) };
  }

  /** The add-in's select did not happen (its sync failed): no echo is to come. */
  ownSelectionFailed(): void {
    this.echo = undefined;
  }

  /** The add-in selected `cell`: told once, as a selection change, whatever Excel sends. */
  ownSelection(sheetId: string, cell: string): void {
    this.events?.selectionChanged(sheetId, cell);
  }

  /** A selection event from Excel: passed on unless it is the echo of the add-in's own select. */
  private selectionEvent(events: LiveEvents, sheetId: string, address: string | undefined): void {
    const echo = this.echo;
    this.echo = undefined;
    if (echo && address !== undefined && echo.sheetId === sheetId && echo.address === plainAddress(address)) return;
    events.selectionChanged(sheetId, address);
  }

  constructor(private readonly support: ApiSupport) {}

  /**
   * Registers the handlers not registered yet and lists every sheet with its marker probes (two syncs, one more when
   * form sheets' own handlers are added).
   */
  async discover(context: ContextSurface, events: LiveEvents, isForm: (probe: SheetProbe) => boolean): Promise<SheetProbe[]> {
    const all = context.workbook.worksheets as WorksheetsSurface & SelectionEvents;
    this.events = events;
    // Events may have been left off by a failed insert (Runtime.enableEvents stays as last set): finding the forms
    // turns them on again, so 检查整个工作簿 restarts live checking. No extra sync; not a workbook change.
    if (this.support.validation) context.runtime.enableEvents = true;
    const addingHandlers = !this.workbookHandlers;
    if (addingHandlers) {
      if (this.support.workbookEvents) {
        all.onChanged.add(async (e) => events.changed(e.worksheetId, editedAddress(e)));
        all.onSelectionChanged.add(async (e) => this.selectionEvent(events, e.worksheetId, e.address));
      }
      all.onAdded.add(() => events.added());
      all.onDeleted.add((e) => events.deleted(e.worksheetId));
    }
    all.load('items/name,items/id');
    await context.sync();
    if (addingHandlers) this.workbookHandlers = true;
    const loaded = all.items.map((ws) => {
      ws.names.load('items/name,items/value');
      const firstRow = ws.getRangeByIndexes(0, 0, 1, MARKER_SCAN_COLUMNS);
      firstRow.load('values');
      return { ws, firstRow };
    });
    await context.sync();
    const probes: SheetProbe[] = [];
    const registering: string[] = [];
    for (const { ws, firstRow } of loaded) {
      const probe: SheetProbe = {
        sheetId: ws.id,
        name: ws.name,
        names: ws.names.items.map((n) => n.value as unknown),
        firstRow: firstRow.values[0] as unknown[] | undefined,
      };
      probes.push(probe);
      if (!this.support.workbookEvents && !this.registered.has(ws.id) && isForm(probe)) {
        registering.push(ws.id);
        ws.onChanged.add(async (e) => events.changed(e.worksheetId, editedAddress(e)));
        (ws as WorksheetSurface & SelectionEvents).onSelectionChanged.add(async (e) =>
          this.selectionEvent(events, e.worksheetId, e.address),
        );
      }
    }
    if (registering.length > 0) {
      await context.sync();
      for (const id of registering) this.registered.add(id);
    }
    return probes;
  }
}
