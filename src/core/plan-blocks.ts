import { cellAddress, type CellRange } from './a1';
import { rectanglesOf, type Rectangle } from './rectangles';
import type { PlannedCell, SheetPlan } from './sheet-plan';
import type { ResolvedStyle } from './styles';

/**
 * A plan's cells as the blocks a host draws them in: which planned cell covers each cell of the sheet, and the
 * rectangles of cells sharing a format property, boxed or underlined. Office.js and ET both take one call per range,
 * so a property shared by a block of cells is set once for the block, never cell by cell (hosts/office/draw-plan.ts,
 * hosts/wps/draw-prepare.ts).
 */
export interface PlanBlocks {
  /** The form and the marker column, from A1. */
  block: CellRange;
  rows: number;
  columns: number;
  /** The planned cell covering a sheet cell (a merged area's every cell), if any. */
  cellAt(row: number, col: number): PlannedCell | undefined;
  /** Rectangles of the covered cells sharing the picked property (undefined: left alone). */
  byStyle<T extends string | number | boolean>(pick: (style: ResolvedStyle) => T | undefined): Rectangle<T>[];
  /** The number formats, the marker cell's "@" with them. */
  numberFormats: Rectangle<string>[];
  /** Blocks of boxed cells: each drawn with its four edges and its inside lines, which put every boxed cell's sides
      on an outline or an inner line of a block (lines inside a merged area are not shown). */
  boxes: CellRange[];
  /** One-row runs of cells whose bottom edge is underlined (the last row of an underlined cell). */
  underlined: CellRange[];
  /** What cannot be drawn: cells outside the block or overlapping, non-finite numbers, a marker on the form. */
  problems: string[];
}

export function planBlocks(plan: SheetPlan): PlanBlocks {
  const problems: string[] = [];
  const block: CellRange = {
    top: 0,
    left: 0,
    bottom: Math.max(plan.area.bottom, plan.marker.row),
    right: Math.max(plan.area.right, plan.marker.col),
  };
  const rows = block.bottom + 1;
  const columns = block.right + 1;
  const owner: (number | undefined)[][] = Array.from({ length: rows }, () => new Array<number | undefined>(columns).fill(undefined));
  plan.cells.forEach((cell, i) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const row = owner[r];
        if (!row || c >= columns) {
          problems.push(`${cellAddress(r, c)}在表格范围之外`);
          continue;
        }
        if (row[c] !== undefined) problems.push(`${cellAddress(r, c)}被两个单元格占用`);
        row[c] = i;
      }
    }
    if (typeof cell.value === 'number' && !Number.isFinite(cell.value)) problems.push(`${cellAddress(cell.row, cell.col)}的数值无效`);
  });
  if (owner[plan.marker.row]?.[plan.marker.col] !== undefined) problems.push('标记单元格与表格重叠');
  const cellAt = (r: number, c: number): PlannedCell | undefined => {
    const i = owner[r]?.[c];
    return i === undefined ? undefined : plan.cells[i];
  };
  const isMarker = (r: number, c: number) => r === plan.marker.row && c === plan.marker.col;
  const byStyle = <T extends string | number | boolean>(pick: (s: ResolvedStyle) => T | undefined) =>
    rectanglesOf<T>(rows, columns, (r, c) => {
      const cell = cellAt(r, c);
      return cell === undefined ? undefined : pick(cell.style);
    });
  const boxes = rectanglesOf<true>(rows, columns, (r, c) => (cellAt(r, c)?.style.border === 'box' ? true : undefined)).map(
    ({ range }) => range,
  );
  const underlined = rectanglesOf<true>(rows, columns, (r, c) => {
    const cell = cellAt(r, c);
    return cell?.style.border === 'bottom' && r === cell.row + cell.rowSpan - 1 ? true : undefined;
  }).flatMap(({ range }) =>
    Array.from({ length: range.bottom - range.top + 1 }, (_, i) => ({ ...range, top: range.top + i, bottom: range.top + i })),
  );
  return {
    block,
    rows,
    columns,
    cellAt,
    byStyle,
    numberFormats: rectanglesOf<string>(rows, columns, (r, c) => (isMarker(r, c) ? '@' : cellAt(r, c)?.style.numFmt)),
    boxes,
    underlined,
    problems,
  };
}
