import { cellText, type DocTable } from './docx-model';

/** A table cell placed on the grid: vertical merges resolved into rowSpan, w:gridSpan into colSpan. */
export interface GridCell {
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
}

/** A table's cells on its grid, with its size and column widths (twentieths of a point; empty when unknown). */
export interface GridTable {
  cells: GridCell[];
  rowCount: number;
  width: number;
  columnWidths: number[];
}

/** The cells of a Word table on its grid, row by row; a cell continuing a vertical merge extends the one above. */
export function tableGrid(table: DocTable): GridTable {
  const cells: GridCell[] = [];
  let width = table.columnWidths.length;
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      if (cell.vMerge === 'continue') {
        const above = cells.filter((c) => c.col === col && c.row + c.rowSpan === r).pop();
        if (above) above.rowSpan += 1;
      } else cells.push({ row: r, col, colSpan: cell.gridSpan, rowSpan: 1, text: cellText(cell).trim() });
      col += cell.gridSpan;
    }
    width = Math.max(width, col);
  });
  return { cells, width, rowCount: table.rows.length, columnWidths: table.columnWidths };
}

/**
 * Whether a cell is to be filled in: empty, only underscores/blanks ("____"), or a space left for an opinion with its
 * seal and date printed at its foot ("（盖章）\n年 月 日" beside "推荐意见": what is written above the seal is the
 * input; the seal and the date are put on paper). "年 月 日" alone stays a label.
 */
export function isBlank(text: string): boolean {
  return /^[\s_\u3000]*$/.test(text) || SEAL_AND_DATE.test(text);
}

const SEAL_AND_DATE = /^[\s_\u3000]*[（(]\s*(盖章|公章|签章|签字|签名)\s*[）)][\s_\u3000]*(年[\s_\u3000]*月[\s_\u3000]*日)?[\s_\u3000]*$/;

/** A 序号 printed in a list's row: 1, 2, … 999. */
export function isSerial(text: string): boolean {
  return /^\d{1,3}$/.test(text);
}
