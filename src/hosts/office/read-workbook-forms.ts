import type { CellValue } from '../../core/cell-value';
import type { SheetToCheck } from '../../core/check-sheets';
import { UserError } from '../../core/errors';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { describeExcelError, excelErrorCode } from './excel-errors';
import type { ContextSurface, RangeSurface, WorksheetSurface } from './excel-surface';
import type { ExcelBatch } from './live-validation';
import { gridFrom } from './sheet-grid';
import { summaryMarkerOf } from './summary-marker';

export const THIS_WORKBOOK = '本工作簿';

export interface ReadWorkbookOptions {
  /** The returns' time for "the later file wins" (all sheets of the workbook share it); now unless told. */
  modified?: number;
  /** Cells per read when the workbook is too large to read in one request (Excel on the web's 5 MB). */
  blockCells?: number;
}

interface Probe {
  ws: WorksheetSurface;
  used: RangeSurface;
}

const isSummary = (ws: WorksheetSurface) => summaryMarkerOf(ws.names.items.map((n) => n.value as unknown)) !== undefined;

/** The cells holding values (used range, values only: ExcelApi 1.2) of every sheet, with its names: one sync. */
async function readAll(context: ContextSurface, sheets: WorksheetSurface[]): Promise<SheetToCheck[]> {
  const probes: Probe[] = sheets.map((ws) => {
    ws.names.load('items/name,items/value');
    const used = ws.getUsedRange(true);
    used.load('values,rowIndex,columnIndex');
    return { ws, used };
  });
  await context.sync();
  return probes
    .filter(({ ws }) => !isSummary(ws))
    .map(({ ws, used }) => ({
      name: ws.name,
      grid: gridFrom(used.values as CellValue[][], used.rowIndex, used.columnIndex),
      nameValues: ws.names.items.map((n) => String(n.value ?? '')),
    }));
}

/**
 * The same, for a workbook whose values do not fit in one response: the sizes first, then each sheet in blocks
 * of rows, halving a block that still comes back too large.
 */
async function readInBlocks(context: ContextSurface, sheets: WorksheetSurface[], blockCells: number): Promise<SheetToCheck[]> {
  const probes: Probe[] = sheets.map((ws) => {
    ws.names.load('items/name,items/value');
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, used };
  });
  await context.sync();
  const out: SheetToCheck[] = [];
  let cells = blockCells;
  for (const { ws, used } of probes) {
    if (isSummary(ws)) continue;
    const grid: CellValue[][] = Array.from({ length: used.rowIndex }, () => []);
    const end = used.rowIndex + used.rowCount;
    let row = used.rowIndex;
    while (row < end) {
      const rows = Math.min(end - row, Math.max(1, Math.floor(cells / used.columnCount)));
      const block = ws.getRangeByIndexes(row, used.columnIndex, rows, used.columnCount);
      block.load('values');
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only for a workbook too large for one response, a block at a time
        await context.sync();
      } catch (err) {
        if (excelErrorCode(err) === 'ResponsePayloadSizeLimitExceeded' && rows > 1) {
          cells = Math.max(used.columnCount, Math.floor(cells / 2));
          continue;
        }
        throw err;
      }
      for (const values of block.values as CellValue[][]) grid.push([...Array<CellValue>(used.columnIndex).fill(null), ...values]);
      row += rows;
    }
    out.push({ name: ws.name, grid, nameValues: ws.names.items.map((n) => String(n.value ?? '')) });
  }
  return out;
}

/**
 * "合并本工作簿中的表": every sheet of the open workbook (except the add-in's own summaries) as one return, named
 * after the workbook. Two syncs whatever the number of sheets — the names, then every sheet's values and defined
 * names — unless the values exceed Excel on the web's 5 MB response, when the sheets are read in blocks.
 */
export async function readWorkbookReturns(run: ExcelBatch, options: ReadWorkbookOptions = {}): Promise<ReturnFile> {
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

async function readOnce(run: ExcelBatch, options: ReadWorkbookOptions): Promise<ReturnFile> {
  return run(async (context) => {
    const workbook = context.workbook;
    workbook.load('name');
    const sheets = workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    const file = workbook.name.trim() || THIS_WORKBOOK;
    let read: SheetToCheck[];
    try {
      read = await readAll(context, sheets.items);
    } catch (err) {
      if (excelErrorCode(err) !== 'ResponsePayloadSizeLimitExceeded') throw err;
      read = await readInBlocks(context, sheets.items, options.blockCells ?? 200_000);
    }
    return { file, modified: options.modified ?? Date.now(), sheets: read };
  });
}
