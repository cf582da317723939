import { rangeAddress } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { SheetToCheck } from '../../core/check-sheets';
import { UserError } from '../../core/errors';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ContextSurface, ExcelRun, RangeSurface, WorksheetSurface } from './excel-surface';
import { gridFrom } from './sheet-grid';
import { summaryMarkerOf } from './summary-marker';

export const THIS_WORKBOOK = '本工作簿';

/**
 * The open workbook as one return, and a Chinese note for each sheet that could not be read whole (past Excel's
 * 5,000,000-cell limit): the other sheets are read all the same, and the note is for the clerk to see.
 */
export type WorkbookReturns = Extract<ReturnFile, { sheets: SheetToCheck[] }> & { notes: string[] };

export interface ReadWorkbookOptions {
  /** The returns' time for "the later file wins" (all sheets of the workbook share it); now unless told. */
  modified?: number;
  /** Cells per read when the workbook is too large to read in one request (Excel on the web's 5 MB). */
  blockCells?: number;
  /** Of a sheet past the 5,000,000-cell limit, how many cells of its top-left part are read (PART_CELLS). */
  partCells?: number;
}

/**
 * The most cells one read of a range may cover, on every platform ("Resource limits and performance optimization
 * for Office Add-ins", Excel add-ins: "A range is limited to 5,000,000 cells for read operations"). Beyond it Excel
 * throws `RangeExceedsLimit` (error list: "Excel JavaScript API error handling") or, on some builds, returns null
 * `values` without an error (office-js #4783; performance.md: "In some cases, Range.values returns null").
 */
export const MAX_READ_CELLS = 5_000_000;
/** Of a sheet too big to read, the top-left part read anyway, where a form is: at most this many columns… */
export const PART_COLUMNS = 100;
/** …and this many cells in all. */
export const PART_CELLS = 1_000_000;

/** The cells of one sheet to read, and why only part of them when the sheet is too big. */
interface Part {
  ws: WorksheetSurface;
  top: number;
  left: number;
  rows: number;
  columns: number;
  note?: string;
}

interface Read {
  sheets: SheetToCheck[];
  /** One Chinese sentence per sheet that could not be read whole. */
  notes: string[];
}

const isSummary = (ws: WorksheetSurface) => summaryMarkerOf(ws.names.items.map((n) => n.value as unknown)) !== undefined;
const nameValuesOf = (ws: WorksheetSurface) => ws.names.items.map((n) => String(n.value ?? ''));
/** Hidden or very hidden ("Worksheet.visibility", loaded with the sheets' names: ExcelApi 1.1). */
const isHidden = (ws: WorksheetSurface) => ws.visibility !== 'Visible';

/** The whole used range, or for a sheet past the 5,000,000-cell limit its top-left part, with a note saying so. */
function partOf(ws: WorksheetSurface, used: RangeSurface, partCells: number): Part {
  const whole = { ws, top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
  if (used.rowCount * used.columnCount <= MAX_READ_CELLS) return whole;
  const columns = Math.min(used.columnCount, PART_COLUMNS);
  const rows = Math.min(used.rowCount, Math.max(1, Math.floor(partCells / columns)));
  const area = (top: number, left: number, r: number, c: number) => rangeAddress({ top, left, bottom: top + r - 1, right: left + c - 1 });
  const cells = Math.round((used.rowCount * used.columnCount) / 10_000);
  return {
    ...whole,
    rows,
    columns,
    note:
      `工作表“${ws.name}”有内容的区域是 ${area(whole.top, whole.left, whole.rows, whole.columns)}（约 ${cells} 万个单元格），` +
      `超过了 Excel 一次读取 500 万个单元格的上限，只读取了左上部分 ${area(whole.top, whole.left, rows, columns)}；` +
      '表格在这部分之内的已照常读取。请删去表格之外远处的内容后再合并，以免漏读。',
  };
}

/** A part's values placed at their true rows and columns; null values (a read Excel refused) give an empty grid. */
function gridOfPart(part: Part, values: unknown): CellValue[][] {
  return Array.isArray(values) ? gridFrom(values as CellValue[][], part.top, part.left) : [];
}

/**
 * The cells holding values (used range, values only: ExcelApi 1.2) of every sheet, with its names: one sync. A
 * sheet whose values come back null (past the cell limit, office-js #4783) is read again, its top-left part only,
 * in one more sync; the other sheets are kept as read.
 */
async function readAll(context: ContextSurface, sheets: WorksheetSurface[], partCells: number): Promise<Read> {
  const probes = sheets.map((ws) => {
    ws.names.load('items/name,items/value');
    const used = ws.getUsedRange(true);
    used.load('values,rowIndex,columnIndex,rowCount,columnCount');
    return { ws, used };
  });
  await context.sync();
  const kept = probes.filter(({ ws }) => !isSummary(ws));
  const refused = kept.filter(({ used }) => !Array.isArray(used.values)).map(({ ws, used }) => partOf(ws, used, partCells));
  const again = refused.length > 0 ? await readParts(context, refused) : new Map<WorksheetSurface, CellValue[][]>();
  return {
    sheets: kept.map(({ ws, used }) => ({
      name: ws.name,
      grid: again.get(ws) ?? gridFrom(used.values as CellValue[][], used.rowIndex, used.columnIndex),
      nameValues: nameValuesOf(ws),
      hidden: isHidden(ws),
    })),
    notes: refused.flatMap((p) => (p.note ? [p.note] : [])),
  };
}

/** The given parts' values, in one sync. */
async function readParts(context: ContextSurface, parts: Part[]): Promise<Map<WorksheetSurface, CellValue[][]>> {
  const ranges = parts.map((part) => {
    const range = part.ws.getRangeByIndexes(part.top, part.left, part.rows, part.columns);
    range.load('values');
    return { part, range };
  });
  await context.sync();
  return new Map(ranges.map(({ part, range }) => [part.ws, gridOfPart(part, range.values)]));
}

/**
 * For a workbook that cannot be read in one request (past Excel on the web's 5 MB response, or a sheet past the
 * 5,000,000-cell limit): the sizes first, then every sheet's values (a big sheet's top-left part) in one sync, or,
 * if that response is still too large, each sheet in blocks of rows, halving a block that still comes back too large.
 */
async function readSized(context: ContextSurface, sheets: WorksheetSurface[], blockCells: number, partCells: number): Promise<Read> {
  const probes = sheets.map((ws) => {
    ws.names.load('items/name,items/value');
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, used };
  });
  await context.sync();
  const parts = probes.filter(({ ws }) => !isSummary(ws)).map(({ ws, used }) => partOf(ws, used, partCells));
  let grids: Map<WorksheetSurface, CellValue[][]>;
  try {
    grids = await readParts(context, parts);
  } catch (err) {
    if (excelErrorCode(err) !== 'ResponsePayloadSizeLimitExceeded') throw err;
    grids = await readInBlocks(context, parts, blockCells);
  }
  return {
    sheets: parts.map((part) => ({
      name: part.ws.name,
      grid: grids.get(part.ws) ?? [],
      nameValues: nameValuesOf(part.ws),
      hidden: isHidden(part.ws),
    })),
    notes: parts.flatMap((p) => (p.note ? [p.note] : [])),
  };
}

async function readInBlocks(context: ContextSurface, parts: Part[], blockCells: number): Promise<Map<WorksheetSurface, CellValue[][]>> {
  const out = new Map<WorksheetSurface, CellValue[][]>();
  let cells = blockCells;
  for (const part of parts) {
    const grid: CellValue[][] = Array.from({ length: part.top }, () => []);
    const end = part.top + part.rows;
    let row = part.top;
    while (row < end) {
      const rows = Math.min(end - row, Math.max(1, Math.floor(cells / part.columns)));
      const block = part.ws.getRangeByIndexes(row, part.left, rows, part.columns);
      block.load('values');
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only for a workbook too large for one response, a block at a time
        await context.sync();
      } catch (err) {
        if (excelErrorCode(err) === 'ResponsePayloadSizeLimitExceeded' && rows > 1) {
          cells = Math.max(part.columns, Math.floor(cells / 2));
          continue;
        }
        throw err;
      }
      const values = Array.isArray(block.values) ? (block.values as CellValue[][]) : [];
      for (const v of values) grid.push([...Array<CellValue>(part.left).fill(null), ...v]);
      row += rows;
    }
    out.set(part.ws, grid);
  }
  return out;
}

/**
 * "合并本工作簿中的表": every sheet of the open workbook (except the add-in's own summaries) as one return, named
 * after the workbook. Two syncs whatever the number of sheets — the names and visibility, then every sheet's values
 * and defined names — unless the values exceed Excel on the web's 5 MB response, when the sheets are read in blocks.
 */
export async function readWorkbookReturns(run: ExcelRun, options: ReadWorkbookOptions = {}): Promise<WorkbookReturns> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(run, options);
    } catch (err) {
      // A sheet deleted while the workbook was read: read the sheets as they are now, once more.
      if (excelErrorCode(err) === 'ItemNotFound' && attempt === 1) continue;
      throw new UserError('excel', `无法读取本工作簿中的表：${describeExcelError(err)}`);
    }
  }
}

async function readOnce(run: ExcelRun, options: ReadWorkbookOptions): Promise<WorkbookReturns> {
  return run(async (context) => {
    const workbook = context.workbook;
    workbook.load('name');
    const sheets = workbook.worksheets;
    sheets.load('items/name,items/id,items/visibility');
    await context.sync();
    const file = workbook.name.trim() || THIS_WORKBOOK;
    let read: Read;
    try {
      read = await readAll(context, sheets.items, options.partCells ?? PART_CELLS);
    } catch (err) {
      const code = excelErrorCode(err);
      if (code !== 'ResponsePayloadSizeLimitExceeded' && code !== 'RangeExceedsLimit') throw err;
      read = await readSized(context, sheets.items, options.blockCells ?? 200_000, options.partCells ?? PART_CELLS);
    }
    return { file, modified: options.modified ?? Date.now(), sheets: read.sheets, notes: read.notes };
  });
}
