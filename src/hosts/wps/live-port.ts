import { rangeAddress, type CellRange } from '../../core/a1';
import { MARKER_SCAN_COLUMNS } from '../../core/marker';
import type { HighlightChange } from '../../core/rules/highlights';
import type { HostErrorKind, HostRead, LiveEvents, LivePort, SheetProbe } from '../live/live-port';
import { rectanglesOf } from '../../core/rectangles';
import { hexToBgr, readValue2Grid, XL } from './et-values';
import { describeWpsError, step } from './summary-errors';
import { activeWorkbook, readSheets, selectCell, sheetNameValues } from './summary-sheets';
import type { EtApplicationSurface, EtRangeSurface, EtWorksheetSurface } from './wps-surface';

/** The most cells one check reads at once: the Office host's limit (Excel reads 5,000,000 cells a read), kept alike. */
const MAX_READ_CELLS = 5_000_000;
const TOO_LARGE = '此工作表内容太多（超过 500 万个单元格），无法检查。请删去表格以外的内容后再点“检查整个工作簿”。';

/** The sheet a check asked for is not in the workbook any more (deleted or renamed). */
class SheetGone extends Error {}
/** WPS refused a paint on a protected sheet. */
class PaintRefused extends Error {
  constructor(readonly cause: unknown) {
    super('WPS refused to paint a protected sheet');
  }
}

/**
 * Live checking's port to WPS 表格 (ET), whose object model is synchronous and cross-process (about 0.2 ms a call,
 * aiworkdeck's measurement; ../shared/research/wps-addin.md): a form is read as one 2-D Value2 of its used range (12
 * calls), the cells a SheetChange names or a selection left as one Value2 each (2 calls), problem cells painted a
 * rectangle of one fill at a time (3 calls each), a cell selected by selectCell (summary-sheets.ts). WPS has no sheet
 * ids: a sheet is known by its name (a renamed sheet is found again under its new name by the next discovery).
 *
 * Events, through Application.ApiEvent (addon.et.d.ts; the official "表格事件" page):
 * - SheetChange(Sh, Target): cells changed. No source says that it fires on a dropdown pick or a paste (the fake's
 *   worst case: it does not), so live checking also re-reads the area a selection left on SheetSelectionChange
 *   (hosts/live/live-watch.ts) and every form when the pane gets the focus.
 * - SheetSelectionChange(Sh, Target): the selection moved; Target.Address(false, false) is where to.
 * - SheetBeforeDelete(Sh): a sheet goes.
 * - No event tells of a sheet added (an insert, a copy): an event from a sheet not seen at the last discovery finds the
 *   form sheets again (once per burst of events).
 * Own writes: only paints write, and painting changes formats, never values. VBA fires Worksheet.Change for a macro's
 * writes and for WPS no source says (the fake's worst case: they fire), so a SheetChange raised while a paint runs
 * is taken as the paint's own and dropped; one arriving after it costs at most a read that finds nothing changed.
 */
export class WpsLivePort implements LivePort {
  /** Whether the listeners are registered (once: ApiEvent listeners live as long as the pane). */
  private registered = false;
  /** The names (lower case) of every sheet at the last discovery. */
  private readonly known = new Set<string>();
  private painting = 0;
  private findingAgain = false;

  constructor(private readonly app: EtApplicationSurface) {}

  async discover(events: LiveEvents): Promise<SheetProbe[]> {
    if (!this.registered) {
      this.listen(events);
      this.registered = true;
    }
    const book = activeWorkbook(this.app);
    const sheets = readSheets(book);
    const names = sheetNameValues(book);
    const firstRow = rangeAddress({ top: 0, left: 0, bottom: 0, right: MARKER_SCAN_COLUMNS - 1 });
    this.known.clear();
    return step('读取表格标记', () =>
      sheets.map(({ ws, name }): SheetProbe => {
        this.known.add(name.toLowerCase());
        return {
          sheetId: name,
          name,
          names: names.get(name.toLowerCase()) ?? [],
          firstRow: readValue2Grid(ws.Range(firstRow).Value2, 1, MARKER_SCAN_COLUMNS)[0],
        };
      }),
    );
  }

  private listen(events: LiveEvents): void {
    const api = this.app.ApiEvent;
    const seen = (sheet: EtWorksheetSurface): string | undefined => {
      const name = String(sheet.Name);
      if (this.known.has(name.toLowerCase())) return name;
      this.findAgain(events);
      return undefined;
    };
    api.AddApiEventListener('SheetChange', (sheet: EtWorksheetSurface, target: EtRangeSurface) => {
      if (this.painting > 0) return;
      const name = seen(sheet);
      // Target is the changed range (VBA's SheetChange; the events page: "Target 更改的区域"); rows inserted or
      // deleted come as whole rows, which reach past the used range and so are read whole (hosts/live/sheet-reads.ts).
      if (name !== undefined) events.changed(name, String(target.Address(false, false)));
    });
    api.AddApiEventListener('SheetSelectionChange', (sheet: EtWorksheetSurface, target: EtRangeSurface) => {
      const name = seen(sheet);
      if (name !== undefined) events.selectionChanged(name, String(target.Address(false, false)));
    });
    api.AddApiEventListener('SheetBeforeDelete', (sheet: EtWorksheetSurface) => {
      void events.deleted(String(sheet.Name));
    });
  }

  /** A sheet not seen before raised an event: the form sheets are found again once the burst of events is over. */
  private findAgain(events: LiveEvents): void {
    if (this.findingAgain) return;
    this.findingAgain = true;
    setTimeout(() => {
      this.findingAgain = false;
      void events.added();
    }, 0);
  }

  /** The sheet by its name: 3 calls. */
  private sheet(name: string): EtWorksheetSurface {
    const book = activeWorkbook(this.app);
    try {
      return book.Worksheets.Item(name);
    } catch {
      throw new SheetGone(name);
    }
  }

  async read(sheetId: string, areas?: readonly CellRange[]): Promise<HostRead> {
    const ws = this.sheet(sheetId);
    return step('读取工作表', () => {
      const name = String(ws.Name);
      // Protected form sheets allow formatting cells (draw-plan.ts protects them so); where a sheet does not, the
      // paint is refused and said (errorKind 'refused'): nothing is unprotected.
      const paintable = true;
      if (areas) {
        const values = areas.map((a) => readValue2Grid(ws.Range(rangeAddress(a)).Value2, a.bottom - a.top + 1, a.right - a.left + 1));
        return { name, paintable, areas: values };
      }
      const used = ws.UsedRange;
      const [top, left] = [used.Row - 1, used.Column - 1];
      const [rows, columns] = [used.Rows.Count, used.Columns.Count];
      if (rows * columns > MAX_READ_CELLS)
        return { name, paintable, used: { rowIndex: top, columnIndex: left, values: undefined }, unreadable: TOO_LARGE };
      return { name, paintable, used: { rowIndex: top, columnIndex: left, values: readValue2Grid(used.Value2, rows, columns) } };
    });
  }

  async paint(sheetId: string, changes: readonly HighlightChange[]): Promise<void> {
    if (changes.length === 0) return;
    const ws = this.sheet(sheetId);
    // The fill of every cell to paint, and the block they lie in: painted a rectangle of one fill at a time.
    const fills = new Map<string, string>();
    const bounds = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    for (const { area, fill } of changes) {
      for (let r = area.row; r < area.row + area.rowSpan; r++)
        for (let c = area.col; c < area.col + area.colSpan; c++) fills.set(`${r}:${c}`, fill ?? '');
      bounds.top = Math.min(bounds.top, area.row);
      bounds.left = Math.min(bounds.left, area.col);
      bounds.bottom = Math.max(bounds.bottom, area.row + area.rowSpan - 1);
      bounds.right = Math.max(bounds.right, area.col + area.colSpan - 1);
    }
    const blocks = rectanglesOf(bounds.bottom - bounds.top + 1, bounds.right - bounds.left + 1, (r, c) =>
      fills.get(`${r + bounds.top}:${c + bounds.left}`),
    );
    this.painting++;
    try {
      for (const { range, value } of blocks) {
        const at = {
          top: range.top + bounds.top,
          left: range.left + bounds.left,
          bottom: range.bottom + bounds.top,
          right: range.right + bounds.left,
        };
        const interior = ws.Range(rangeAddress(at)).Interior;
        if (value) interior.Color = hexToBgr(value);
        else interior.ColorIndex = XL.colorIndexNone;
      }
    } catch (err) {
      let guarded = false;
      try {
        guarded = ws.ProtectContents === true;
      } catch {
        // the sheet is gone or WPS is busy: said as the paint's failure
      }
      throw guarded ? new PaintRefused(err) : err;
    } finally {
      this.painting--;
    }
  }

  async select(sheetId: string, cell: string): Promise<void> {
    selectCell(this.app, sheetId, cell);
  }

  errorKind(err: unknown): HostErrorKind {
    if (err instanceof SheetGone) return 'gone';
    if (err instanceof PaintRefused) return 'refused';
    // WPS's bridge gives no error codes (summary-errors.ts): an edit in progress is not told apart from other refusals.
    return 'other';
  }

  describe(err: unknown): string {
    return describeWpsError(err instanceof PaintRefused ? err.cause : err);
  }
}
