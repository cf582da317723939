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

/**
 * Excel's side of watching the workbook: registers for its change and selection events (workbook-wide where Excel
 * has them, else per form sheet) and lists the sheets with their markers. What the events mean is shared
 * (hosts/live/live-watch.ts).
 */
export class OfficeSheetEvents {
  /** Sheets whose own handlers are registered (Excel without the workbook-wide events). */
  private readonly registered = new Set<string>();
  /** Whether the workbook's handlers are known to be registered (a failed registration is tried again). */
  private workbookHandlers = false;

  constructor(private readonly support: ApiSupport) {}

  /**
   * Registers the handlers not registered yet and lists every sheet with its marker probes (two syncs, one more when
   * form sheets' own handlers are added).
   */
  async discover(context: ContextSurface, events: LiveEvents, isForm: (probe: SheetProbe) => boolean): Promise<SheetProbe[]> {
    const all = context.workbook.worksheets as WorksheetsSurface & SelectionEvents;
    // Events may have been left off by a failed insert (Runtime.enableEvents stays as last set): finding the forms
    // turns them on again, so 检查整个工作簿 restarts live checking. No extra sync; not a workbook change.
    if (this.support.validation) context.runtime.enableEvents = true;
    const addingHandlers = !this.workbookHandlers;
    if (addingHandlers) {
      if (this.support.workbookEvents) {
        all.onChanged.add(async (e) => events.changed(e.worksheetId, editedAddress(e)));
        all.onSelectionChanged.add(async (e) => events.selectionChanged(e.worksheetId, e.address));
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
        (ws as WorksheetSurface & SelectionEvents).onSelectionChanged.add(async (e) => events.selectionChanged(e.worksheetId, e.address));
      }
    }
    if (registering.length > 0) {
      await context.sync();
      for (const id of registering) this.registered.add(id);
    }
    return probes;
  }
}
