/**
 * A block of cells a clerk selected in a sheet (issue 13 §2: a form typed or pasted from Word into Excel), as a
 * host reads it: the text each cell shows, its merged areas, its column widths. The importer turns it into a form
 * the way it turns a Word table into one.
 */
export interface SelectedGrid {
  /** The sheet the cells were selected in (for the form's name when the grid has no title). */
  sheetName: string;
  /** The selection's address, as Excel gives it ("Sheet1!A1:F20"), for messages. */
  address: string;
  /** The text each cell shows, row by row (every row as long as the selection is wide). */
  rows: string[][];
  /** Merged areas inside the selection, relative to its top-left cell. */
  merges: GridMerge[];
  /** Whether the merges could be read (ExcelApi 1.13); without them, merged cells read as one text and blanks. */
  mergesKnown: boolean;
  /** Each column's width in points (Excel's Range.format.columnWidth); empty when not read. */
  columnWidths: number[];
}

export interface GridMerge {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}
