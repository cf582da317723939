import { parseCellAddress, type CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';

/** Excel's last row and column (zero-based), for whole columns ("B:B") and whole rows ("3:3"). */
const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

/** One side of an A1 range: a cell, a whole column ("B") or a whole row ("3"). */
function corner(text: string): { row?: number; col?: number } | undefined {
  const t = text.replace(/\$/g, '').trim().toUpperCase();
  try {
    if (/^[A-Z]{1,3}\d{1,7}$/.test(t)) return parseCellAddress(t);
    if (/^[A-Z]{1,3}$/.test(t)) return { col: parseCellAddress(`${t}1`).col };
    if (/^\d{1,7}$/.test(t)) return { row: Number(t) - 1 };
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The areas of a selection's address as Excel's selection-changed event gives it ("B3", "A1:C4", "B:B", "3:3", with
 * or without "$" and a sheet name; several areas separated by commas). Undefined when the address cannot be read:
 * the caller then re-reads the whole sheet.
 */
export function selectionAreas(address: string): CellRange[] | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const areas: CellRange[] = [];
  for (const part of local.split(',')) {
    const [a, b = a] = part.split(':') as [string, string?];
    const start = corner(a);
    const end = corner(b as string);
    // Both sides of one kind: cells ("A1:C4"), whole columns ("B:C") or whole rows ("3:5").
    if (!start || !end || (start.row === undefined) !== (end.row === undefined) || (start.col === undefined) !== (end.col === undefined))
      return undefined;
    const wholeColumns = start.row === undefined || end.row === undefined;
    const wholeRows = start.col === undefined || end.col === undefined;
    areas.push({
      top: wholeColumns ? 0 : Math.min(start.row ?? 0, end.row ?? 0),
      bottom: wholeColumns ? LAST_ROW : Math.max(start.row ?? 0, end.row ?? 0),
      left: wholeRows ? 0 : Math.min(start.col ?? 0, end.col ?? 0),
      right: wholeRows ? LAST_COLUMN : Math.max(start.col ?? 0, end.col ?? 0),
    });
  }
  return areas;
}

/** A sheet's used range as last read: where it starts, and its values. */
export interface CachedRead {
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
}

const cellsIn = (a: CellRange) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/**
 * The areas worth reading instead of the whole used range: each must lie inside the range last read (a value outside
 * it would grow the used range, and only a full read knows by how much), and together they must be well under its
 * size (else the full read costs no more). Undefined: read the whole used range.
 */
export function areasWithin(areas: readonly CellRange[], cached: CachedRead): CellRange[] | undefined {
  const rows = cached.values.length;
  const cols = cached.values[0]?.length ?? 0;
  const bounds = {
    top: cached.rowIndex,
    left: cached.columnIndex,
    bottom: cached.rowIndex + rows - 1,
    right: cached.columnIndex + cols - 1,
  };
  const inside = areas.every((a) => a.top >= bounds.top && a.bottom <= bounds.bottom && a.left >= bounds.left && a.right <= bounds.right);
  if (!inside || areas.length === 0) return undefined;
  const cells = areas.reduce((n, a) => n + cellsIn(a), 0);
  return cells * 4 <= rows * cols ? [...areas] : undefined;
}

/** Writes the values read for an area into the cached read; says whether any of them differs from what was there. */
export function patchCachedRead(cached: CachedRead, area: CellRange, values: readonly (readonly CellValue[])[]): boolean {
  let changed = false;
  for (let i = 0; i <= area.bottom - area.top; i++) {
    const row = cached.values[area.top - cached.rowIndex + i];
    if (!row) continue;
    for (let j = 0; j <= area.right - area.left; j++) {
      const value = values[i]?.[j] ?? '';
      const k = area.left - cached.columnIndex + j;
      if (row[k] !== value) {
        row[k] = value;
        changed = true;
      }
    }
  }
  return changed;
}
