import { UserError } from '../../core/errors';
import type { GridMerge, SelectedGrid } from '../../core/import/selected-grid';
import type { ApiSupport } from './api-support';
import { describeExcelError, excelErrorCode, NOT_THE_SELECTION } from './excel-errors';
import type { ContextSurface, MergedAreasSurface } from './excel-surface';

/** A form is never this big: a selection past it is refused before its text is read. */
export const MAX_SELECTION_CELLS = 20_000;
export const MAX_SELECTION_COLUMNS = 200;

export const PICK_ONE_AREA = '请只选中一块连续的区域（从表格的标题到最后一行），再点此按钮：按住 Ctrl 选中的几块区域不能作为一张表格导入。';

/** The sheet named in an address as Excel gives it: "Sheet1!A1:B4", "'My ''x'' sheet'!A1". */
export function sheetOfAddress(address: string): string {
  if (address.startsWith("'")) {
    const end = address.lastIndexOf("'!");
    return end > 0 ? address.slice(1, end).replace(/''/g, "'") : '';
  }
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(0, bang) : '';
}

interface Box {
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
}

/** A merged area relative to the selection's top-left cell, clipped to it; none if less than two cells are left. */
function relativeMerge(area: Box, selection: Box): GridMerge | undefined {
  const top = Math.max(area.top, selection.top);
  const left = Math.max(area.left, selection.left);
  const bottom = Math.min(area.top + area.rowCount, selection.top + selection.rowCount) - 1;
  const right = Math.min(area.left + area.columnCount, selection.left + selection.columnCount) - 1;
  if (bottom < top || right < left || (bottom === top && right === left)) return undefined;
  return { row: top - selection.top, col: left - selection.left, rowCount: bottom - top + 1, colCount: right - left + 1 };
}

/**
 * The block of cells the clerk selected, as SelectedGrid: the text each cell shows (Range.text, ExcelApi 1.1), each
 * column's width in points (format.columnWidth of each column, all in one batch) and, where ExcelApi 1.13 is
 * supported, the merged areas (Range.getMergedAreasOrNullObject), relative to the selection and clipped to it.
 * Without 1.13 mergesKnown is false. Excel gives only the merged areas whose top-left cell is in the range
 * (office-js #3611): one that starts above or left of the selection is not seen.
 *
 * Two syncs: the selection's size first, so that a selection bigger than a form ever is (a whole column, a whole
 * sheet) is refused in Chinese without its text being read; then its text, widths and merges. A selection of several
 * areas is refused in Chinese: getSelectedRange "will throw an error" then ("Workbook.getSelectedRange" reference).
 */
export async function readSelectionGrid(context: ContextSurface, support: ApiSupport): Promise<SelectedGrid> {
  const range = context.workbook.getSelectedRange();
  range.load('address,rowIndex,columnIndex,rowCount,columnCount');
  try {
    await context.sync();
  } catch (err) {
    const code = excelErrorCode(err);
    if (NOT_THE_SELECTION.has(code ?? '')) throw new UserError('excel', `无法读取选中的单元格：${describeExcelError(err)}`);
    // The reason most likely: a selection of several areas; Excel's own words are kept.
    throw new UserError('excel', `${PICK_ONE_AREA}（${describeExcelError(err)}）`);
  }
  const selection: Box = { top: range.rowIndex, left: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  if (selection.columnCount > MAX_SELECTION_COLUMNS || selection.rowCount * selection.columnCount > MAX_SELECTION_CELLS)
    throw new UserError(
      'excel',
      `选中的区域太大（${selection.rowCount} 行 × ${selection.columnCount} 列），一张表格不会这么大。` +
        `请只选中表格所在的单元格（不超过 ${MAX_SELECTION_COLUMNS} 列、${MAX_SELECTION_CELLS} 个单元格），再点此按钮。`,
    );

  range.load('text');
  const columns = Array.from({ length: selection.columnCount }, (_, i) => {
    const column = range.getColumn(i);
    column.load('format/columnWidth');
    return column;
  });
  let merged: MergedAreasSurface | undefined;
  if (support.mergedAreas) {
    merged = range.getMergedAreasOrNullObject();
    merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
  }
  try {
    await context.sync();
  } catch (err) {
    throw new UserError('excel', `无法读取选中的单元格：${describeExcelError(err)}`);
  }

  const merges: GridMerge[] = [];
  if (merged && !merged.isNullObject) {
    for (const area of merged.areas.items) {
      const merge = relativeMerge(
        { top: area.rowIndex, left: area.columnIndex, rowCount: area.rowCount, columnCount: area.columnCount },
        selection,
      );
      if (merge) merges.push(merge);
    }
  }
  return {
    sheetName: sheetOfAddress(range.address),
    address: range.address,
    rows: range.text.map((row) => row.map((cell) => String(cell ?? ''))),
    merges,
    mergesKnown: merged !== undefined,
    columnWidths: columns.map((column) => column.format.columnWidth),
  };
}
