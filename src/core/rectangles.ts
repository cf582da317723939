/**
 * Grouping of per-cell facts into rectangles: Office.js and ET take one call per range, so a property shared by a
 * block of cells is set once for the block, never cell by cell (plan-blocks.ts).
 */
import type { CellRange } from './a1';

export interface Rectangle<T> {
  range: CellRange;
  value: T;
}

/**
 * Covers the cells that have a value with rectangles of one value each (greedy: the longest run along the row, then
 * as many rows below as repeat it exactly). `valueAt` gives undefined for cells left alone; values are compared by
 * `key`.
 */
export function rectanglesOf<T>(
  rows: number,
  columns: number,
  valueAt: (row: number, col: number) => T | undefined,
  key: (value: T) => string = String,
): Rectangle<T>[] {
  const done: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(columns).fill(false));
  const keyAt = (r: number, c: number): string | undefined => {
    const v = valueAt(r, c);
    return v === undefined ? undefined : key(v);
  };
  const out: Rectangle<T>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (done[r]?.[c]) continue;
      const value = valueAt(r, c);
      if (value === undefined) continue;
      const k = key(value);
      let right = c;
      while (right + 1 < columns && !done[r]?.[right + 1] && keyAt(r, right + 1) === k) right++;
      let bottom = r;
      const rowRepeats = (rr: number) => {
        for (let cc = c; cc <= right; cc++) if (done[rr]?.[cc] || keyAt(rr, cc) !== k) return false;
        return true;
      };
      while (bottom + 1 < rows && rowRepeats(bottom + 1)) bottom++;
      for (let rr = r; rr <= bottom; rr++) for (let cc = c; cc <= right; cc++) (done[rr] as boolean[])[cc] = true;
      out.push({ range: { top: r, left: c, bottom, right }, value });
    }
  }
  return out;
}

/** Runs of equal values in a list (column widths, row heights): [first, last, value]. */
export function runsOf<T>(values: readonly T[]): [number, number, T][] {
  const runs: [number, number, T][] = [];
  values.forEach((v, i) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === v && last[1] === i - 1) last[1] = i;
    else runs.push([i, i, v]);
  });
  return runs;
}
