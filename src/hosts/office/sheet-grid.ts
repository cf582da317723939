import type { CellValue } from '../../core/cell-value';

/** A range's values placed at their true rows and columns, so that the grid starts at A1. */
export function gridFrom(values: CellValue[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const grid: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) grid.push([...Array<CellValue>(columnIndex).fill(null), ...row]);
  return grid;
}
