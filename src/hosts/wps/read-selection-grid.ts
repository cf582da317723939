import { parseRangeAddress, rangeAddress, type CellRange } from '../../core/a1';
import { UserError } from '../../core/errors';
import type { GridMerge, SelectedGrid } from '../../core/import/selected-grid';
import { MAX_SELECTION_CELLS, MAX_SELECTION_COLUMNS, PICK_ONE_AREA } from '../office/read-selection-grid';
import { readValue2Grid } from './et-values';
import { step, wpsUserError } from './summary-errors';
import type { EtApplicationSurface, EtAreasSurface, EtRangeSurface, EtWorksheetSurface } from './wps-surface';

export const PICK_CELLS =
  '请先选中表格所在的单元格（从表格的标题到最后一行），再点此按钮：现在选中的不是单元格（例如一张图表或一个图形）。';

/** "Sheet1!A1:F20" as Excel writes it: a sheet name other than letters, digits, _ and CJK is quoted, ' doubled. */
function addressOn(sheetName: string, area: CellRange): string {
  const plain = /^[A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(sheetName);
  return `${plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`}!${rangeAddress(area)}`;
}

/**
 * A cell's value as Excel's Range.text shows it for a cell formatted General: text as typed (not trimmed), numbers
 * in JavaScript's shortest form, TRUE/FALSE, errors as their #… text (fromEtCell), empty as ''.
 */
function shownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A merged area relative to the selection, clipped to it; none if less than two cells are left. */
function relativeMerge(area: CellRange, selection: CellRange): GridMerge | undefined {
  const top = Math.max(area.top, selection.top);
  const left = Math.max(area.left, selection.left);
  const bottom = Math.min(area.bottom, selection.bottom);
  const right = Math.min(area.right, selection.right);
  if (bottom < top || right < left || (bottom === top && right === left)) return undefined;
  return { row: top - selection.top, col: left - selection.left, rowCount: bottom - top + 1, colCount: right - left + 1 };
}

/**
 * The merged areas that touch the selection, each once. ET has no call that lists a range's merged areas, so:
 * MergeCells of the whole selection (false: none — VBA's Range.MergeCells, null when mixed), then of each row
 * (a row without merges costs one Range and one MergeCells), and in a row with merges the MergeArea of each cell not
 * yet covered by an area found, as its address (one string for position and size), skipping to the area's right.
 * A cell's MergeArea is the whole area even when it starts above or left of the selection (VBA), so it is clipped.
 */
function readMerges(ws: EtWorksheetSurface, selectionRange: EtRangeSurface, selection: CellRange): GridMerge[] {
  if (selectionRange.MergeCells === false) return [];
  const covered = new Set<string>();
  const merges: GridMerge[] = [];
  for (let r = selection.top; r <= selection.bottom; r++) {
    if (ws.Range(rangeAddress({ top: r, bottom: r, left: selection.left, right: selection.right })).MergeCells === false) continue;
    for (let c = selection.left; c <= selection.right; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const area = parseRangeAddress(ws.Range(rangeAddress({ top: r, bottom: r, left: c, right: c })).MergeArea.Address(false, false));
      if (area.top === area.bottom && area.left === area.right) continue;
      for (let rr = area.top; rr <= area.bottom; rr++) for (let cc = area.left; cc <= area.right; cc++) covered.add(`${rr},${cc}`);
      const merge = relativeMerge(area, selection);
      if (merge) merges.push(merge);
      c = Math.max(c, area.right);
    }
  }
  return merges;
}

/**
 * The block of cells the clerk selected in WPS 表格, as SelectedGrid — what the Office reader
 * (hosts/office/read-selection-grid.ts) gives in Excel: each cell's text, each column's width in points, the merged
 * areas relative to the selection and clipped to it (always known: mergesKnown is true).
 *
 * The text: Kingsoft's typings declare `Range.Text` as `string | null`, one string for the whole range (VBA's
 * Range.Text: null when the cells differ), and aiworkdeck reads error texts a cell at a time (SpecialCells + .Text):
 * no source gives a range's shown texts in one call. Value2 is read instead, the whole block in one call, and each
 * value written as Excel shows it in a General cell (shownText). A number formatted otherwise (a date, 0.00, a
 * percentage) reads as its value, where Excel's reader gives the formatted text; a form's labels are text.
 *
 * Calls: Selection, Areas and Areas.Count, then the block's position and size (6), then, after the size is checked
 * (a whole column or sheet is refused in Chinese before its values are read), its sheet, Value2 once, each
 * column's Width (2 a column: ColumnWidth is in characters of the standard font, Width in points), and the merges
 * (readMerges). test/wps/read-selection.test.ts counts them.
 *
 * Where no source says what ET's Selection is with a chart or shape selected, nothing is assumed: without a readable
 * `Areas` the clerk is told to select cells. A selection of several blocks (Ctrl) is refused, as in Excel.
 */
export function readSelectionGridWps(app: EtApplicationSurface): SelectedGrid {
  let selectionRange: EtRangeSurface;
  let areas: EtAreasSurface;
  let areaCount: number;
  try {
    selectionRange = app.Selection;
    areas = selectionRange.Areas;
    areaCount = areas.Count;
  } catch {
    throw new UserError('wps', PICK_CELLS);
  }
  if (typeof areaCount !== 'number' || areaCount < 1) throw new UserError('wps', PICK_CELLS);
  if (areaCount > 1) throw new UserError('wps', PICK_ONE_AREA);
  try {
    const selection = step('读取选中的单元格', () => {
      const top = selectionRange.Row - 1;
      const left = selectionRange.Column - 1;
      return { top, left, bottom: top + selectionRange.Rows.Count - 1, right: left + selectionRange.Columns.Count - 1 };
    });
    const rowCount = selection.bottom - selection.top + 1;
    const columnCount = selection.right - selection.left + 1;
    if (columnCount > MAX_SELECTION_COLUMNS || rowCount * columnCount > MAX_SELECTION_CELLS)
      throw new UserError(
        'wps',
        `选中的区域太大（${rowCount} 行 × ${columnCount} 列），一张表格不会这么大。` +
          `请只选中表格所在的单元格（不超过 ${MAX_SELECTION_COLUMNS} 列、${MAX_SELECTION_CELLS} 个单元格），再点此按钮。`,
      );
    const ws = step('读取选中的单元格', () => selectionRange.Worksheet);
    const sheetName = step('读取工作表名称', () => ws.Name);
    const values = step('读取选中的单元格', () => readValue2Grid(selectionRange.Value2, rowCount, columnCount));
    const columnWidths = step('读取列宽', () =>
      Array.from({ length: columnCount }, (_, i) => {
        const c = selection.left + i;
        return ws.Range(rangeAddress({ top: selection.top, bottom: selection.top, left: c, right: c })).Width;
      }),
    );
    const merges = step('读取合并单元格', () => readMerges(ws, selectionRange, selection));
    return {
      sheetName,
      address: addressOn(sheetName, selection),
      rows: values.map((row) => row.map(shownText)),
      merges,
      mergesKnown: true,
      columnWidths,
    };
  } catch (err) {
    throw wpsUserError('无法读取选中的单元格', err);
  }
}
