import { squashSpaces } from '../cell-value';
import { cellText, type DocCell, type DocTable } from './docx-model';
import { isBlank, isSerial } from './grid';

/**
 * A list that runs over pages is one list (issue 21 §3): the header typed again where a page begins, inside the
 * table or at the top of a second table after a page break or under a "续表" title, is not a row to fill.
 */

type Row = DocCell[];

const rowWidth = (row: Row) => row.reduce((n, c) => n + c.gridSpan, 0);
const tableWidth = (t: DocTable) => Math.max(0, ...t.rows.map(rowWidth));
/** A row's cells as printed (texts and spans), to tell a header typed again from the first. */
const rowKey = (row: Row) => row.map((c) => `${c.gridSpan}:${c.vMerge === 'continue' ? '^' : squashSpaces(cellText(c))}`).join('|');

/** A row of a blank list: every cell empty, but a 序号 printed in the first. */
function isDataRow(row: Row): boolean {
  return (
    row.length > 0 && row.every((c, i) => c.vMerge === 'continue' || isBlank(cellText(c)) || (i === 0 && isSerial(cellText(c).trim())))
  );
}

/** A header row: some text, and no cell to fill (a blank is only the lower part of a heading merged down). */
function isLabelRow(row: Row): boolean {
  return row.some((c) => !isBlank(cellText(c))) && row.every((c) => c.vMerge === 'continue' || !isBlank(cellText(c)));
}

/** Where a table's list header is: the rows Word repeats on each page, else the label rows right above the first blank row. */
function headerOf(t: DocTable): { start: number; count: number } | undefined {
  if ((t.headerRows ?? 0) > 0) return { start: 0, count: t.headerRows as number };
  const first = t.rows.findIndex((row, r) => r > 0 && isDataRow(row) && isLabelRow(t.rows[r - 1] as Row));
  if (first < 0) return undefined;
  let start = first - 1;
  while (
    start > 0 &&
    first - start < 3 &&
    isLabelRow(t.rows[start - 1] as Row) &&
    rowWidth(t.rows[start - 1] as Row) === rowWidth(t.rows[first] as Row)
  )
    start -= 1;
  return { start, count: first - start };
}

function sameRows(rows: readonly Row[], at: number, header: readonly Row[]): boolean {
  return header.every((h, i) => {
    const row = rows[at + i];
    return row !== undefined && rowKey(row) === rowKey(h);
  });
}

/** The table without the copies of its header typed again further down, after rows of the list. */
export function withoutRepeatedHeaders(t: DocTable): DocTable {
  const h = headerOf(t);
  if (!h) return t;
  const header = t.rows.slice(h.start, h.start + h.count);
  const rows: Row[] = t.rows.slice(0, h.start + h.count);
  for (let r = h.start + h.count; r < t.rows.length;) {
    const previous = rows[rows.length - 1];
    if (previous && isDataRow(previous) && sameRows(t.rows, r, header)) {
      r += h.count;
      continue;
    }
    rows.push(t.rows[r] as Row);
    r += 1;
  }
  return rows.length === t.rows.length ? t : { ...t, rows };
}

/**
 * `next` joined to `prev` when it continues it: it starts with `prev`'s header typed again (or marked to repeat it),
 * or it is under a 续表 title, or — nothing printed between them — it holds only more blank rows of the same width.
 * Undefined when it is a table of its own.
 */
export function continuedTable(prev: DocTable, next: DocTable, underContinuationTitle: boolean): DocTable | undefined {
  if (next.rows.length === 0 || tableWidth(prev) !== tableWidth(next)) return undefined;
  const h = headerOf(prev);
  const header = h ? prev.rows.slice(h.start, h.start + h.count) : [];
  const join = (skip: number): DocTable =>
    withoutRepeatedHeaders({
      ...prev,
      rows: [...prev.rows, ...next.rows.slice(skip)],
      ...(prev.landscape || next.landscape ? { landscape: true } : {}),
    });
  if (header.length > 0 && sameRows(next.rows, 0, header)) return join(header.length);
  const marked = next.headerRows ?? 0;
  if (marked > 0) {
    const copy = next.rows.slice(0, marked);
    const inPrev = prev.rows.some((_, r) => sameRows(prev.rows, r, copy));
    if (inPrev) return join(marked);
  }
  if (underContinuationTitle) return join(0);
  const lastOfPrev = prev.rows[prev.rows.length - 1];
  if (h && lastOfPrev && isDataRow(lastOfPrev) && next.rows.every(isDataRow)) return join(0);
  return undefined;
}
