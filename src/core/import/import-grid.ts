import { UserError } from '../errors';
import { parseFormDefinition, type FormDefinition } from '../form-schema';
import { sha256Hex, utf8Bytes } from '../sha256';
import { parseChineseNumeral } from '../templates';
import { isBlank, type GridCell, type GridTable } from './grid';
import { GuessLog, type Guess } from './guess-log';
import { formFrom, type Attachment } from './import-notice';
import type { NoticeFacts } from './notice-facts';
import type { SelectedGrid } from './selected-grid';

/** A form recognised from a block of cells, and the decisions a person should look at. */
export interface ImportedGridForm {
  form: FormDefinition;
  guesses: Guess[];
}

const HEADING = /^附件\s*(\d+)\s*[:：]?$/;
const squash = (t: string) => t.replace(/\s+/g, '');

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

/** The columns in use: up to the last one holding text or a merged area (a selection is often wider than its form). */
function usedWidth(cells: readonly GridCell[]): number {
  let width = 1;
  for (const c of cells) if (!isBlank(c.text) || c.colSpan > 1 || c.rowSpan > 1) width = Math.max(width, c.col + c.colSpan);
  return width;
}

/**
 * A row printed as one line above or below the table (附件1, the title, "填报单位：…", 注): one cell with text, the
 * others blank and not merged with anything — or one merged cell across the whole width.
 */
function lineOf(cells: readonly GridCell[], width: number): string | undefined {
  const filled = cells.filter((c) => !isBlank(c.text));
  if (filled.length !== 1) return undefined;
  const only = filled[0] as GridCell;
  // "1", "2"… alone in a row: a list's row with only its 序号 printed.
  if (only.rowSpan > 1 || /^\d{1,3}$/.test(only.text)) return undefined;
  const alone = cells.every((c) => c === only || (c.colSpan === 1 && c.rowSpan === 1));
  const across = only.col === 0 && only.colSpan >= width;
  return alone || across ? only.text : undefined;
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
 * A form from a block of cells someone typed or pasted into a sheet (issue 13 §2): the lines above the table are
 * 附件N, the title and the unit line; the rows from the first with several cells to the last are the table; the
 * lines below are the contact line and notes. The same recognition as a Word table's follows. Pure.
 */
export function importGrid(grid: SelectedGrid, today: string): ImportedGridForm {
  const all = gridCells(grid);
  const width = usedWidth(all);
  const cells = all.filter((c) => c.col < width);
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
  // Blank rows under the table, before its notes, are the rows of a list to fill in ("序号 姓名 …" over blanks).
  while (last < end && empty(last + 1)) last++;
  // With no line below, blank rows selected under a header row are its list's rows too.
  const header = (rows[last] ?? []).filter((c) => !isBlank(c.text));
  if (tail.length === 0 && header.length >= 2 && header.length === (rows[last] ?? []).length)
    while (last < rowCount - 1 && empty(last + 1)) last++;
  if (first > last)
    throw new UserError(
      'no-table',
      '所选区域中没有表格：至少要有一行同时含栏目名和待填的空格（例如“姓名”和它右边的空格）。请选中整张表再试。',
    );

  const heading = lead.find((l) => HEADING.test(squash(l)));
  const rest = lead.filter((l) => l !== heading);
  const log = new GuessLog('所选区域');
  const title = rest[0] ?? grid.sheetName;
  if (rest.length === 0) log.add('标题', grid.sheetName, '所选区域上方没有单独一行的标题，取工作表名');
  const table: GridTable = {
    cells: cells.filter((c) => c.row >= first && c.row <= last).map((c) => ({ ...c, row: c.row - first })),
    rowCount: last - first + 1,
    width,
    // Excel gives points; the importer counts in twentieths of a point, as Word does.
    columnWidths: grid.columnWidths.length >= width ? grid.columnWidths.slice(0, width).map((pt) => Math.round(pt * 20)) : [],
  };
  const attachment: Attachment = {
    no: Number(heading ? HEADING.exec(squash(heading))?.[1] : 1),
    heading: heading ? squash(heading) : '',
    title,
    above: rest.slice(1),
    tables: [table],
    below: tail,
  };
  const facts = titleFacts(squash(title), today, log);
  if (!grid.mergesKnown)
    log.undecided('合并单元格', '未读取', '这个版本的 Excel 读不出合并区域（需要 ExcelApi 1.13）；跨列的栏目按单格识别，请核对');
  // The same selection gives the same id: saving it again replaces the definition rather than adding a second one.
  const id = `sheet-${sha256Hex(utf8Bytes(squash(title))).slice(0, 8)}`;
  const definition = formFrom(attachment, facts, [], { id, description: `从工作表“${grid.sheetName}”的区域 ${grid.address} 创建。` }, log);
  return { form: parseFormDefinition(definition), guesses: log.guesses };
}
