import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { HighlightChange } from '../../core/rules/highlights';

/**
 * What live checking asks of a host (Excel through Office.js, WPS 表格 through its object model). Everything else —
 * which sheets are forms, what to re-read and when, one read at a time, retries, the problem lists, what to paint —
 * is shared (live-checking.ts), so that each host's adapter only reads, paints, selects and tells of events.
 */
export interface LivePort {
  /**
   * Registers for the workbook's events where not registered yet (told to `events` from then on) and lists every
   * sheet with what its marker may be read from. `isForm` says which probes are form sheets, for a host that
   * registers per sheet.
   */
  discover(events: LiveEvents, isForm: (probe: SheetProbe) => boolean): Promise<SheetProbe[]>;
  /** A sheet's whole used range, or only `areas` of it (each inside the used range last read). */
  read(sheetId: string, areas?: readonly CellRange[]): Promise<HostRead>;
  /** Sets or clears the fill of the given input areas. Throws what the host refused (see errorKind). */
  paint(sheetId: string, changes: readonly HighlightChange[]): Promise<void>;
  /** Activates the sheet and selects the cell (a click in the problem list). */
  select(sheetId: string, cell: string): Promise<void>;
  /** What a thrown error means to live checking. */
  errorKind(err: unknown): HostErrorKind;
  /** The error in a Chinese sentence for the clerk (never the host's raw text alone). */
  describe(err: unknown): string;
}

/**
 * - `editing`: the clerk is editing a cell and the host refuses calls meanwhile: waited out and tried again;
 * - `gone`: the sheet no longer exists;
 * - `refused`: the sheet's protection refused the paint;
 * - `other`: anything else, said in the pane.
 */
export type HostErrorKind = 'editing' | 'gone' | 'refused' | 'other';

/** A sheet as listed, with what its marker is read from (core/marker.ts sheetMarker). */
export interface SheetProbe {
  sheetId: string;
  name: string;
  /** The values of the sheet's own defined names. */
  names: readonly unknown[];
  /** The first row's first MARKER_SCAN_COLUMNS cells. */
  firstRow: readonly unknown[] | undefined;
}

/** What the host tells live checking. */
export interface LiveEvents {
  /**
   * Cells of the sheet changed (typing, paste, fill, undo, a co-author). `address`: the changed cells, when the host
   * says which and no cells moved (not an insert or delete of rows, columns or cells); else undefined.
   */
  changed(sheetId: string, address?: string): void;
  /** The selection moved to `address` of the sheet (undefined when the host did not say where). */
  selectionChanged(sheetId: string, address: string | undefined): void;
  /** A sheet was added (resolves when the form sheets have been found again). */
  added(): Promise<void>;
  /** A sheet was deleted. */
  deleted(sheetId: string): Promise<void>;
}

/** A sheet as read for a check. */
export interface HostRead {
  /** The sheet's name now (the clerk may have renamed it). */
  name: string;
  /** Whether problem cells may be painted without lifting the sheet's protection. */
  paintable: boolean;
  /** The whole used range: where it starts and its values; `values` undefined when the host gave none. */
  used?: { rowIndex: number; columnIndex: number; values: CellValue[][] | undefined };
  /** Why the host gave no values (a Chinese sentence), with `used.values` undefined. */
  unreadable?: string;
  /** Or the areas asked for, their values in the same order. */
  areas?: CellValue[][][];
}
