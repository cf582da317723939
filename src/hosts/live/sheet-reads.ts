import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { LivePort } from './live-port';
import { areasWithin, patchCachedRead, type CachedRead } from './selection-areas';

/** A sheet as read for a check. */
export interface SheetRead {
  /** The sheet's name as it is now (the clerk may have renamed it). */
  name: string;
  /** Whether its problem cells may be painted (see LivePort.read). */
  paintable: boolean;
  /** The used range as it is now (the areas read patched into the last full read); undefined when unreadable. */
  cells: CachedRead | undefined;
  /** Why the host gave no values, when it gave none. */
  unreadable: string | undefined;
  /** Whether the values are the same as at the last read. */
  unchanged: boolean;
}

/** Whether a full read holds the same cells as the last. */
function sameCells(a: CachedRead, b: CachedRead): boolean {
  if (a.rowIndex !== b.rowIndex || a.columnIndex !== b.columnIndex || a.values.length !== b.values.length) return false;
  for (let r = 0; r < a.values.length; r++) {
    const x = a.values[r] as CellValue[];
    const y = b.values[r] as CellValue[];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (!Object.is(x[c], y[c])) return false;
  }
  return true;
}

/**
 * What each form sheet's used range held at its last check: a re-read that finds the same lets the check stop, and a
 * selection change re-reads only the area it left (see selection-areas.ts) and checks from this with that area
 * updated.
 */
export class SheetReads {
  private readonly lastRead = new Map<string, CachedRead>();

  constructor(private readonly port: LivePort) {}

  /**
   * Reads the sheet through the host (one call of the port): only `areas` of it when they are worth reading alone
   * and the sheet has been checked before (`checked`), else its whole used range.
   */
  async read(sheetId: string, checked: boolean, areas?: readonly CellRange[]): Promise<SheetRead> {
    const cached = this.lastRead.get(sheetId);
    const partial = areas && checked && cached ? areasWithin(areas, cached) : undefined;
    if (partial && cached) {
      // The area a selection left: read alone, the rest of the sheet as last read.
      const read = await this.port.read(sheetId, partial);
      let changed = false;
      partial.forEach((area, i) => {
        if (patchCachedRead(cached, area, read.areas?.[i] ?? [])) changed = true;
      });
      return { name: read.name, paintable: read.paintable, cells: cached, unreadable: undefined, unchanged: !changed };
    }
    // A full re-read (an edit, the pane's focus): unchanged when the used range is as last read.
    const read = await this.port.read(sheetId);
    const used = read.used;
    if (!used?.values) {
      this.lastRead.delete(sheetId);
      return { name: read.name, paintable: read.paintable, cells: undefined, unreadable: read.unreadable ?? '', unchanged: false };
    }
    const cells: CachedRead = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values };
    const unchanged = checked && cached !== undefined && sameCells(cached, cells);
    this.lastRead.set(sheetId, cells);
    return { name: read.name, paintable: read.paintable, cells, unreadable: undefined, unchanged };
  }

  forget(sheetId: string): void {
    this.lastRead.delete(sheetId);
  }
}
