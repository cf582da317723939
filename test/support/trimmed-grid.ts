import type { CellValue } from '../../src/core/cell-value';

/** Blank cells as null and no trailing blanks, so that grids from different readers compare. */
export function trimmed(grid: readonly CellValue[][]): CellValue[][] {
  const rows = grid.map((row) => {
    const r = row.map((v) => (v === '' || v === undefined ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}
