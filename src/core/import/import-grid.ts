import { squashSpaces } from '../cell-value';
import { UserError } from '../errors';
import type { FormDefinition } from '../form-schema';
import { checkedDefinition } from './checked-definition';
import { sha256Hex, utf8Bytes } from '../sha256';
import { parseChineseNumeral } from '../templates';
import { isBlank, isSerial, type GridCell, type GridTable } from './grid';
import { GuessLog, type Guess } from './guess-log';
import { formFrom, HEADING, type Attachment } from './import-notice';
import type { NoticeFacts } from './notice-facts';
import type { SelectedGrid } from './selected-grid';

/** A form recognised from a block of cells, and the decisions a person should look at. */
export interface ImportedGridForm {
  form: FormDefinition;
  guesses: Guess[];
}

const squash = squashSpaces;

/** The selection's cells on its grid: a merged area is one cell with its top-left text; the cells it covers are gone. */
function gridCells(grid: SelectedGrid): GridCell[] {
  const covered = new Set<string>();
  const cells: GridCell[] = [];
  for (const m of grid.merges) {
    cells.push({ row: m.row, col: m.col, rowSpan: m.rowCount, colSpan: m.colCount, text: (grid.rows[m.row]?.[m.col] ?? '').trim() });
    for (let r = m.row; r < m.row + m.rowCount; r++) for (let c = m.col; c < m.col + m.colCount; c++) covered.add(`${r}/${c}`);
  }
  grid.rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (!covered.has(`${r}/${c}`)) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: text.trim() });
    }),
  );
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The columns of the form. Blank columns at the right of a selection are either the form's last inputs ("建议名称 |
 * ____") or cells selected past its edge. A row of labels filling every column up to the last text (a list's
 * header) shows the form's width: the blank columns past it are outside. Without such a row they are kept — an
 * input one column too wide is harmless, an input lost is not.
 */
function formWidth(cells: readonly GridCell[], selectionWidth: number): number {
  let used = 1;
  for (const c of cells) if (!isBlank(c.text) || c.colSpan > 1 || c.rowSpan > 1) used = Math.max(used, c.col + c.colSpan);
  const rows = new Map<number, GridCell[]>();
  for (const c of cells) if (c.col < used) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  const headed = [...rows.values()].some((row) => row.length >= 2 && row.every((c) => !isBlank(c.text)));
  return headed ? used : Math.max(used, selectionWidth);
}

/** Texts printed as lines around a table: 附件N, a 注 or numbered note, "key：" lines, titles (…表, …名单), sentences. */
const LINE_TEXT = /^附件\s*\d|^注|^\d+[.．、]\D|[：:]|(表|单|名单|情况|统计|汇总|登记)$|[。！]$|^关于|通知$/;

/**
 * A row printed as one line above or below the table (附件1, the title, "填报单位：…", 注): one merged cell across the
 * whole width; or one cell with text, the others blank and one row high, when the text reads as such a line
 * — "单位名称" or "备注" beside blank cells is a row of the table, its blanks to be filled in (which is all a
 * selection shows of it when Excel cannot give its merged areas).
 */
function lineOf(cells: readonly GridCell[], width: number): string | undefined {
  const filled = cells.filter((c) => !isBlank(c.text));
  if (filled.length !== 1) return undefined;
  const only = filled[0] as GridCell;
  if (only.rowSpan > 1) return undefined;
  if (only.col === 0 && only.colSpan >= width) return only.text;
  const alone = cells.every((c) => c === only || (isBlank(c.text) && c.rowSpan === 1));
  return alone && LINE_TEXT.test(squash(only.text)) ? only.text : undefined;
}

/**
 * Without the merged areas (Excel before ExcelApi 1.13), the blanks right of a label up to the next label are taken
 * as one merged cell to fill in, as they almost always are on a form ("单位名称 | ____ ____ ____"). A row with no
 * label but 序号 is a list's row and keeps its cells.
 */
function joinBlankRuns(cells: readonly GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  const byRow = new Map<number, GridCell[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (const row of byRow.values()) {
    const labelled = row.some((c) => !isBlank(c.text) && !isSerial(c.text));
    let run: GridCell | undefined;
    for (const c of row.sort((a, b) => a.col - b.col)) {
      const blank = isBlank(c.text) && c.colSpan === 1 && c.rowSpan === 1;
      if (labelled && blank && run && run.col + run.colSpan === c.col) run.colSpan += 1;
      else {
        run = labelled && blank ? { ...c } : undefined;
        out.push(run ?? c);
      }
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A row every cell of which holds text (at least two): a list's header, over its blank rows. */
function headerRow(cells: readonly GridCell[]): boolean {
  return cells.length >= 2 && cells.every((c) => !isBlank(c.text));
}

/** 届次 and 年份 from the title, as a notice's would be read; the year of `today` when the title has none. */
function titleFacts(title: string, today: string, log: GuessLog): NoticeFacts {
  const facts: NoticeFacts = {};
  const edition = /第([一二三四五六七八九十]{1,3})届/.exec(title);
  const n = edition ? parseChineseNumeral(edition[1] as string) : undefined;
  if (edition && n !== undefined) {
    facts.edition = n;
    log.add('届次', `${n}（${edition[0]}）`, '标题中的“第N届”；换届时改这个参数');
  }
  const year = /(\d{4})\s*年/.exec(title)?.[1];
  facts.year = Number(year ?? today.slice(0, 4));
  log.add('年份', String(facts.year), year ? '标题中的年份' : '标题中没有年份，取今年');
  return facts;
}

/**
 * A block of cells read as a notice's attachment (issue 13 §2): the lines above the table are 附件N, the title and
 * the unit line; the rows from the first with several cells to the last are the table; the lines below are the
 * contact line and notes. What could not be decided is logged. Also how an office's own .xlsx attachment of a
 * notice sent in several files is read (issue 21 §2). Pure.
 */
export function gridAttachment(grid: SelectedGrid, log: GuessLog): Attachment {
  const read = gridCells(grid);
  const width = formWidth(read, Math.max(0, ...grid.rows.map((r) => r.length)));
  const inWidth = read.filter((c) => c.col < width);
  const cells = grid.mergesKnown ? inWidth : joinBlankRuns(inWidth);
  const rowCount = grid.rows.length;
  const rows = Array.from({ length: rowCount }, (_, r) => cells.filter((c) => c.row === r));
  const empty = (r: number) => (rows[r] ?? []).every((c) => isBlank(c.text) && c.colSpan === 1 && c.rowSpan === 1);
  const line = (r: number) => lineOf(rows[r] ?? [], width);

  let first = 0;
  const lead: string[] = [];
  while (first < rowCount && (empty(first) || line(first) !== undefined)) {
    if (!empty(first)) lead.push(line(first) as string);
    first++;
  }
  let end = rowCount - 1;
  while (end >= first && empty(end)) end--;
  let last = end;
  const tail: string[] = [];
  while (last >= first && (empty(last) || line(last) !== undefined)) {
    if (!empty(last)) tail.unshift(line(last) as string);
    last--;
  }
  // Blank rows under a list's header (or under its numbered rows) are the list's rows to fill in, up to the notes —
  // or, with nothing below, to the end of the selection; blank rows under anything else are spacing, left out.
  const lastRow = rows[last] ?? [];
  const listAbove = headerRow(lastRow) || isSerial(lastRow[0]?.text ?? '');
  if (listAbove) while (last < (tail.length > 0 ? end : rowCount - 1) && empty(last + 1)) last++;
  if (first > last)
    throw new UserError(
      'no-table',
      '所选区域中没有表格：至少要有一行同时含栏目名和待填的空格（例如“姓名”和它右边的空格）。请选中整张表再试。',
    );

  const heading = lead.find((l) => HEADING.test(squash(l)));
  const rest = lead.filter((l) => l !== heading);
  // The title is the first line that is no "key：" line (填报单位：… is a field, not a name for the form).
  const titled = rest.length > 0 && !/[：:]/.test(rest[0] as string);
  const title = titled ? (rest[0] as string) : grid.sheetName;
  if (!titled) log.undecided('标题', grid.sheetName, '所选区域上方没有单独一行的标题，取工作表名；请改为表格的名称');
  const table: GridTable = {
    cells: cells.filter((c) => c.row >= first && c.row <= last).map((c) => ({ ...c, row: c.row - first })),
    rowCount: last - first + 1,
    width,
    // Excel gives points; the importer counts in twentieths of a point, as Word does.
    columnWidths: grid.columnWidths.length >= width ? grid.columnWidths.slice(0, width).map((pt) => Math.round(pt * 20)) : [],
  };
  if (!grid.mergesKnown)
    log.undecided('合并单元格', '未读取', '这个版本的 Excel 读不出合并区域（需要 ExcelApi 1.13）；跨列的栏目按单格识别，请核对');
  return {
    no: Number(heading ? HEADING.exec(squash(heading))?.[1] : 1),
    heading: heading ? squash(heading) : '',
    title,
    above: titled ? rest.slice(1) : rest,
    tables: [table],
    below: tail,
  };
}

/** A form from a block of cells someone typed or pasted into a sheet (issue 13 §2), read by gridAttachment. Pure. */
export function importGrid(grid: SelectedGrid, today: string): ImportedGridForm {
  const log = new GuessLog('所选区域');
  const attachment = gridAttachment(grid, log);
  const facts = titleFacts(squash(attachment.title), today, log);
  // The same table gives the same id (saving it again makes a new version of it, not a second form); two tables
  // with the same title, or none, differ by their cells' texts.
  const table = attachment.tables[0] as GridTable;
  const texts = table.cells.map((c) => squash(c.text)).filter((t) => t !== '');
  const id = `sheet-${sha256Hex(utf8Bytes([squash(attachment.title), ...texts].join('|'))).slice(0, 8)}`;
  const definition = formFrom(attachment, facts, [], { id, description: `从工作表“${grid.sheetName}”的区域 ${grid.address} 创建。` }, log);
  return { form: checkedDefinition(definition, `工作表“${grid.sheetName}”的所选区域`), guesses: log.guesses };
}
