import { rangeAddress, type CellRange } from '../../core/a1';
import type { SummaryPlan } from '../../core/merge/summary-plan';

/**
 * A summary plan's cell-by-cell settings gathered into as few rectangles as possible, because every property set
 * through WPS is a call of its own across processes (~0.2 ms, aiworkdeck wpsEtHandlers.js header): one number
 * format per rectangle of cells sharing it, one width per run of equal columns, one height per run of equal rows.
 * Pure: no WPS here.
 */

export interface FormatBlock {
  range: CellRange;
  format: string;
}

/**
 * The body's number formats as rectangles: in each column, the runs of rows sharing a format; then a run side by
 * side with the same run of the next column joins it. A column of one format is one block; a table whose columns
 * all share a format is one block (the totals row and dates in text columns make a few more).
 */
export function numberFormatBlocks(plan: Pick<SummaryPlan, 'bodyTop' | 'bodyFormats' | 'columns'>): FormatBlock[] {
  const runs: FormatBlock[] = [];
  for (let c = 0; c < plan.columns; c++) {
    let start = 0;
    for (let r = 1; r <= plan.bodyFormats.length; r++) {
      const format = plan.bodyFormats[start]?.[c];
      if (r < plan.bodyFormats.length && plan.bodyFormats[r]?.[c] === format) continue;
      if (format !== undefined)
        runs.push({ range: { top: plan.bodyTop + start, left: c, bottom: plan.bodyTop + r - 1, right: c }, format });
      start = r;
    }
  }
  // join each run to an open block of the column before it with the same rows and format
  const blocks: FormatBlock[] = [];
  const open = new Map<string, FormatBlock>();
  for (const run of runs) {
    const key = `${run.range.top}:${run.range.bottom}:${run.format}`;
    const block = open.get(key);
    if (block && block.range.right === run.range.left - 1) {
      block.range.right = run.range.right;
      continue;
    }
    const fresh = { range: { ...run.range }, format: run.format };
    blocks.push(fresh);
    open.set(key, fresh);
  }
  return blocks;
}

export interface Run {
  first: number;
  last: number;
  size: number;
}

/** Adjacent indices of one size, as runs (columns of one width, rows of one height). */
export function runsOf(sizes: readonly { index: number; size: number }[]): Run[] {
  const runs: Run[] = [];
  for (const { index, size } of sizes) {
    const last = runs[runs.length - 1];
    if (last && last.last === index - 1 && last.size === size) last.last = index;
    else runs.push({ first: index, last: index, size });
  }
  return runs;
}

/** The plan's column widths (characters, as ET's ColumnWidth takes them) as runs of equal width. */
export function widthRuns(plan: Pick<SummaryPlan, 'columnWidths'>): Run[] {
  return runsOf(plan.columnWidths.map((size, index) => ({ index, size })));
}

/** The plan's row heights (points, as ET's RowHeight takes them) as runs of equal height. */
export function heightRuns(plan: Pick<SummaryPlan, 'rowHeights'>): Run[] {
  return runsOf(plan.rowHeights.map(({ row, height }) => ({ index: row, size: height })));
}

/** A1 address of a zero-based rectangle ("B3:D9", or "B3" for one cell). */
export function addressOf(range: CellRange): string {
  return rangeAddress(range);
}

/** Rows `first`..`last` (zero-based) of the first `columns` columns. */
export function rowsAddress(first: number, last: number, columns: number): string {
  return rangeAddress({ top: first, left: 0, bottom: last, right: Math.max(0, columns - 1) });
}

/** Print titles as ET's PageSetup spells them: "$2:$3" for rows, "$A:$A" for columns. */
export function printTitleRows(top: number, bottom: number): string {
  return `$${top + 1}:$${bottom + 1}`;
}
