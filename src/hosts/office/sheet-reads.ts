import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { ContextSurface, WorksheetSurface } from './excel-surface';
import { areasWithin, patchCachedRead, type CachedRead } from './selection-areas';

/**
 * The used range as last read: its text, for the comparison of a full re-read (made again from `cells` when an area
 * was patched in), and its cells (absent when the read gave no values, past Excel's read limit).
 */
interface LastRead {
  text: string | undefined;
  cells: CachedRead | undefined;
}

/** A sheet as read for a check; `values` is not an array when Excel gave none (past its read limit). */
export interface SheetRead {
  /** The sheet's name as it is now (the clerk may have renamed it). */
  name: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown;
  /** Whether the values are the same as at the last read. */
  unchanged: boolean;
}

/**
 * What each form sheet's used range held at its last check: a re-read that finds the same lets the check stop, and a
 * selection change re-reads only the area it left (see selection-areas.ts) and checks from this with that area
 * updated.
 */
export class SheetReads {
  private readonly lastRead = new Map<string, LastRead>();

  /**
   * Reads the sheet in one sync (with whatever else the caller loaded): only `areas` of it when they are worth
   * reading alone and the sheet has been checked before (`checked`), else its whole used range; and the sheet's name.
   */
  async read(context: ContextSurface, ws: WorksheetSurface, sheetId: string, checked: boolean, areas?: CellRange[]): Promise<SheetRead> {
    ws.load('name');
    const cached = this.lastRead.get(sheetId);
    const cells = cached?.cells;
    const partial = areas && checked && cells ? areasWithin(areas, cells) : undefined;
    if (partial && cached && cells) {
      // The area a selection left: read alone, the rest of the sheet as last read.
      const ranges = partial.map((a) => {
        const range = ws.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
        range.load('values');
        return { area: a, range };
      });
      await context.sync();
      let changed = false;
      for (const { area, range } of ranges) if (patchCachedRead(cells, area, range.values as CellValue[][])) changed = true;
      if (changed) cached.text = undefined;
      return { name: ws.name, ...cells, unchanged: !changed };
    }
    const used = ws.getUsedRange();
    used.load('values,rowIndex,columnIndex');
    await context.sync();
    // A full re-read (an edit, the pane's focus): unchanged when the used range is as last read.
    const text = JSON.stringify([used.rowIndex, used.columnIndex, used.values]);
    if (cached?.cells && cached.text === undefined)
      cached.text = JSON.stringify([cached.cells.rowIndex, cached.cells.columnIndex, cached.cells.values]);
    const unchanged = checked && cached?.text === text;
    const values = Array.isArray(used.values) ? (used.values as CellValue[][]) : undefined;
    this.lastRead.set(sheetId, { text, cells: values && { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values } });
    return { name: ws.name, rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values, unchanged };
  }

  forget(sheetId: string): void {
    this.lastRead.delete(sheetId);
  }
}
