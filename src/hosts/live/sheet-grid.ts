import type { CellValue } from '../../core/cell-value';

/** A range's values placed at their true rows and columns, so that the grid starts at A1. */
export function gridFrom(values: readonly (readonly CellValue[])[], rowIndex: number, columnIndex: number): CellValue[][] {
  const grid: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  const before = Array<CellValue>(columnIndex).fill(null);
  for (const row of values) grid.push(columnIndex === 0 ? [...row] : [...before, ...row]);
  return grid;
}
