/** A Word document as the importer reads it: its paragraphs and tables in document order (issue 13 §1). */

/** One paragraph's text; w:sym characters already mapped (Wingdings □ → □), tabs as \t, line breaks as \n. */
export interface DocParagraph {
  kind: 'paragraph';
  text: string;
  /** The paragraph lies in a section whose page is turned landscape (w:sectPr/w:pgSz w:orient="landscape"). */
  landscape?: boolean;
}

/** One w:tc: how many grid columns it spans (w:gridSpan), whether it starts or continues a vertical merge (w:vMerge). */
export interface DocCell {
  paragraphs: string[];
  gridSpan: number;
  vMerge?: 'restart' | 'continue';
}

export interface DocTable {
  kind: 'table';
  rows: DocCell[][];
  /** Width of each grid column (w:tblGrid/w:gridCol), in twentieths of a point; empty when the file gives none. */
  columnWidths: number[];
  /** How many rows at the top Word repeats on every page the table runs over (w:trPr/w:tblHeader); 0 when none. */
  headerRows?: number;
  /** The table lies in a landscape section. */
  landscape?: boolean;
}

export type DocBlock = DocParagraph | DocTable;

/** A cell's text: its paragraphs joined by line breaks. */
export function cellText(cell: DocCell): string {
  return cell.paragraphs.join('\n');
}
