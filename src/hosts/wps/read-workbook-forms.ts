import { rangeAddress } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { SheetToCheck } from '../../core/check-sheets';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { gridFrom } from '../office/sheet-grid';
import { readValue2Grid } from './et-values';
import { step, wpsUserError } from './summary-errors';
import { summaryMarkerIn } from './summary-marker';
import { activeWorkbook, isHiddenSheet, readSheets, sheetNameValues } from './summary-sheets';
import type { EtApplicationSurface, EtWorksheetSurface } from './wps-surface';

export const THIS_WORKBOOK = '本工作簿';

/**
 * The open workbook as one return, as the Office host gives it (hosts/office/read-workbook-forms.ts): every sheet
 * but the add-in's own summaries, each a grid from A1 with its own defined names' values and whether it is hidden,
 * and a Chinese note for each sheet read only in part.
 */
export type WorkbookReturns = Extract<ReturnFile, { sheets: SheetToCheck[] }> & { notes: string[] };

export interface ReadWorkbookOptions {
  /** The returns' time for "the later file wins" (all sheets of the workbook share it); now unless told. */
  modified?: number;
  /** Of a sheet past MAX_READ_CELLS, how many cells of its top-left part are read. */
  partCells?: number;
}

/**
 * The most cells read from one sheet in one Value2 read. No source gives WPS a limit; the Office host's (Excel's
 * 5,000,000 cells a read) is kept, so that both hosts read the same part of an outsized sheet, and one read never
 * carries more than that across WPS's bridge.
 */
export const MAX_READ_CELLS = 5_000_000;
export const PART_COLUMNS = 100;
export const PART_CELLS = 1_000_000;

interface Used {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** A sheet's used range (1-based Row/Column in ET): 7 calls. An empty sheet's is A1 (aiworkdeck usedRangeIsEmpty). */
function usedOf(ws: EtWorksheetSurface): Used {
  const used = ws.UsedRange;
  return { top: used.Row - 1, left: used.Column - 1, rows: used.Rows.Count, columns: used.Columns.Count };
}

/** The whole used range, or for a sheet past MAX_READ_CELLS its top-left part, with a note saying so. */
function readGrid(ws: EtWorksheetSurface, name: string, partCells: number): { grid: CellValue[][]; note?: string } {
  const used = usedOf(ws);
  const area = (rows: number, columns: number) =>
    rangeAddress({ top: used.top, left: used.left, bottom: used.top + rows - 1, right: used.left + columns - 1 });
  if (used.rows * used.columns <= MAX_READ_CELLS) {
    const values = ws.Range(area(used.rows, used.columns)).Value2;
    return { grid: gridFrom(readValue2Grid(values, used.rows, used.columns), used.top, used.left) };
  }
  const columns = Math.min(used.columns, PART_COLUMNS);
  const rows = Math.min(used.rows, Math.max(1, Math.floor(partCells / columns)));
  const values = ws.Range(area(rows, columns)).Value2;
  const cells = Math.round((used.rows * used.columns) / 10_000);
  return {
    grid: gridFrom(readValue2Grid(values, rows, columns), used.top, used.left),
    note:
      `工作表“${name}”有内容的区域是 ${area(used.rows, used.columns)}（约 ${cells} 万个单元格），` +
      `超过了一次读取 500 万个单元格的上限，只读取了左上部分 ${area(rows, columns)}；` +
      '表格在这部分之内的已照常读取。请删去表格之外远处的内容后再合并，以免漏读。',
  };
}

/**
 * "合并本工作簿中的表": every sheet of the open workbook as one return, named after the workbook. Calls: the sheets'
 * names, the workbook's defined names (1 + 3 a name), then about 12 a sheet — its visibility, used range and one
 * Value2 read of it — whatever its size.
 */
export function readWorkbookReturns(app: EtApplicationSurface, options: ReadWorkbookOptions = {}): WorkbookReturns {
  try {
    const book = activeWorkbook(app);
    const file = step('读取工作簿名称', () => String(book.Name ?? '').trim()) || THIS_WORKBOOK;
    const sheets = readSheets(book);
    const names = sheetNameValues(book);
    const read: SheetToCheck[] = [];
    const notes: string[] = [];
    for (const { ws, name } of sheets) {
      const nameValues = names.get(name.toLowerCase()) ?? [];
      const { grid, note } = step(`读取工作表“${name}”`, () => readGrid(ws, name, options.partCells ?? PART_CELLS));
      // the add-in's own summaries are no return (their marker sits in the first row, or in a name Excel gave them)
      if (summaryMarkerIn(grid[0] ?? [], nameValues)) continue;
      const hidden = step(`读取工作表“${name}”`, () => isHiddenSheet(ws));
      read.push({ name, grid, nameValues, hidden });
      if (note) notes.push(note);
    }
    return { file, modified: options.modified ?? Date.now(), sheets: read, notes };
  } catch (err) {
    throw wpsUserError('无法读取本工作簿中的表', err);
  }
}
