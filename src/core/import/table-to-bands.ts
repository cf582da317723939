import type { z } from 'zod';
import type { CellSchema, RowSchema, TableBandSchema } from '../form-schema';
import { boxCellName, boxOptions, fieldName, guessField, hasBoxes, officeFiller, type FieldInput } from './field-guess';
import { isBlank, isSerial, type GridCell } from './grid';
import type { GuessLog } from './guess-log';

type CellInput = z.input<typeof CellSchema>;
type RowInput = z.input<typeof RowSchema>;
type TableInput = z.input<typeof TableBandSchema>;
export type BandInput = { kind: 'rows'; rows: RowInput[] } | TableInput;

/** Field ids for one form: readable ones for the usual fields, f1, f2… for the rest. */
export class FieldIds {
  private n = 0;
  private readonly used = new Set<string>();
  take(preferred?: string): string {
    if (preferred && !this.used.has(preferred)) {
      this.used.add(preferred);
      return preferred;
    }
    let id: string;
    do id = `f${++this.n}`;
    while (this.used.has(id));
    this.used.add(id);
    return id;
  }
}

interface ListFound {
  header: number;
  /** The header's last row: below header when it has two levels (慰问困难职工 over 人数 | 金额). */
  headerEnd: number;
  /** The header cells each list column stands under, left to right. */
  leaves: GridCell[];
  first: number;
  last: number;
  numbered: boolean;
}

function rowCells(cells: readonly GridCell[], r: number): GridCell[] {
  return cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
}

/** 合计, 总计, 小计 (spaces between the characters allowed): a row the template sums, not one the unit types. */
export function isTotalWord(text: string): boolean {
  return /^(合|总|小|共)\s*计[:：]?$/.test(text.replace(/[\s\u3000]+/g, ''));
}

/** A 填表说明 (or 说明, 注) printed as a row of the table: a note to read, nothing to fill. */
function isNoteText(text: string): boolean {
  return /^(填表说明|填报说明|填写说明|说明|备注说明|注)\s*[:：]/.test(text.trim());
}

/**
 * The columns a header of rows r..h stands over, left to right: one row of labels (序号 | 姓名 | 年龄), or two or
 * three levels where a group spans its columns (慰问困难职工 over 人数 | 金额) and a label of one level spans the
 * rows (序号). Undefined when rows r..h are no header.
 */
function headerLeaves(cells: readonly GridCell[], r: number, h: number): GridCell[] | undefined {
  const top = rowCells(cells, r);
  if (h === r) {
    if (top.length < 2 || top.some((c) => isBlank(c.text) || hasBoxes(c.text) || c.rowSpan > 1)) return undefined;
    return top;
  }
  const head = cells.filter((c) => c.row >= r && c.row <= h);
  // A line across the whole table above the header (工作室其他成员情况) names the list; it is no group.
  if (top.length < 2 || head.some((c) => c.row + c.rowSpan - 1 > h || isBlank(c.text) || hasBoxes(c.text))) return undefined;
  if (cells.some((c) => c.row < r && c.row + c.rowSpan > r)) return undefined;
  const leaves = head.filter((c) => c.row + c.rowSpan - 1 === h).sort((a, b) => a.col - b.col);
  if (leaves.length < 2 || leaves.some((c, i) => i > 0 && c.col !== (leaves[i - 1] as GridCell).col + (leaves[i - 1] as GridCell).colSpan))
    return undefined;
  // A group stands over two or more columns: otherwise the rows are labels over labels, not one header.
  const groups = head.filter((c) => !leaves.includes(c));
  if (groups.length === 0 || groups.some((g) => leaves.filter((l) => l.col >= g.col && l.col + l.colSpan <= g.col + g.colSpan).length < 2))
    return undefined;
  return leaves;
}

/** A header (one to three rows) of labels over rows of blanks with the same columns (序号 may be printed): a list. */
function findLists(cells: readonly GridCell[], rowCount: number): ListFound[] {
  const lists: ListFound[] = [];
  for (let r = 0; r < rowCount - 1; r++) {
    for (let h = r; h < Math.min(r + 3, rowCount - 1); h++) {
      const leaves = headerLeaves(cells, r, h);
      if (!leaves) continue;
      const shape = leaves.map((c) => `${c.col}/${c.colSpan}`).join(',');
      let last = h;
      let numbered = false;
      for (let k = h + 1; k < rowCount; k++) {
        const row = rowCells(cells, k);
        if (row.map((c) => `${c.col}/${c.colSpan}`).join(',') !== shape) break;
        if (!row.every((c, i) => isBlank(c.text) || (i === 0 && isSerial(c.text)))) break;
        if (row[0] && isSerial(row[0].text)) numbered = true;
        last = k;
      }
      if (last > h) {
        lists.push({ header: r, headerEnd: h, leaves, first: h + 1, last, numbered });
        r = last;
        break;
      }
    }
  }
  return lists;
}

export interface TableContext {
  ids: FieldIds;
  log: GuessLog;
  /** The notes say "表格不够可另附": lists may grow. */
  growable: boolean;
  listCount: { n: number };
}

/** A label left of `cell` in its row (cells spanning down into the row count), the nearest first. */
function rowLabel(cells: readonly GridCell[], cell: GridCell): GridCell | undefined {
  return cells
    .filter(
      (c) => c.row <= cell.row && c.row + c.rowSpan > cell.row && c.col + c.colSpan <= cell.col && !isBlank(c.text) && !hasBoxes(c.text),
    )
    .sort((a, b) => b.col - a.col)[0];
}

/** The label heading this cell's column: the first non-blank cell above it, when only blanks lie between. */
function columnHeader(cells: readonly GridCell[], cell: GridCell, top: number): GridCell | undefined {
  for (let r = cell.row - 1; r >= top; r--) {
    const above = cells.find((c) => c.row <= r && c.row + c.rowSpan > r && c.col <= cell.col && c.col + c.colSpan > cell.col);
    if (!above) continue;
    if (above.row + above.rowSpan - 1 !== r) return undefined;
    if (isBlank(above.text)) continue;
    return hasBoxes(above.text) ? undefined : above;
  }
  return undefined;
}

const stripItem = (text: string) =>
  fieldName(text)
    .replace(/^是否/, '')
    .replace(/[（(].*$/, '');

/** The cells of rows r0..r1 of the table (one band of rows) as the schema's rows. */
function rowsBand(cells: readonly GridCell[], r0: number, r1: number, ctx: TableContext): RowInput[] {
  const rows: RowInput[] = [];
  /** The quantities typed above, by column: what a 合计 row of the band sums. */
  const summedAbove = new Map<number, string[]>();
  /** The label left of each input in its row. */
  const labelOf = new Map<CellInput, GridCell>();
  for (let r = r0; r <= r1; r++) {
    const out: CellInput[] = [];
    let tall = false;
    let noteLines = 0;
    for (const cell of rowCells(cells, r)) {
      const rowSpan = Math.min(cell.rowSpan, r1 - r + 1);
      const place = { col: cell.col, colSpan: cell.colSpan, rowSpan };
      if (hasBoxes(cell.text)) {
        out.push(...boxCells(cells, cell, place, ctx));
        continue;
      }
      if (!isBlank(cell.text)) {
        // A 填表说明 row is a note, printed as one, line breaks kept.
        if (isNoteText(cell.text)) {
          out.push({ kind: 'label', text: cell.text, preset: 'note', style: { wrap: true, v: 'top' }, ...place });
          noteLines = Math.max(noteLines, cell.text.split('\n').length);
        } else out.push({ kind: 'label', text: cell.text.replace(/\n+/g, ''), ...place });
        continue;
      }
      const left = rowLabel(cells, cell);
      const head = columnHeader(cells, cell, r0);
      let field: FieldInput;
      /** The label this input stands right of, when it is no cell of a grid. */
      let besideLabel: GridCell | undefined;
      const sameRow = left && left.row === r ? left : undefined;
      // 合计 printed in the form: the template's sum over the rows above, not the unit's to type.
      if (left && isTotalWord(left.text)) {
        const sum = summedAbove.get(cell.col);
        out.push({ kind: 'label', text: '', ...place, ...(sum ? { sum } : {}) });
        if (left.col + left.colSpan === cell.col)
          ctx.log.add(`合计（第${r + 1}行）`, '合计行，模板求和', '表中印好的“合计”一行由模板对上方各行求和，不由填报单位填写');
        continue;
      }
      // An item that asks for a number of its own (…的基层单位数) has no 是 box, only its count.
      const countOnly = sameRow && !/^是否/.test(fieldName(sameRow.text)) && /数$/.test(fieldName(sameRow.text));
      if (countOnly && head && /^是否?$/.test(fieldName(head.text))) {
        out.push({ kind: 'label', text: '', ...place });
        ctx.log.add(fieldName(sameRow.text), '“是”栏不填', '这一项问的是一个数，不是“是否”');
        continue;
      }
      // Blanks right of one label without their merge (a sheet whose cells were not merged): one input, widened.
      const previous = out[out.length - 1];
      if (
        sameRow &&
        previous?.kind === 'input' &&
        labelOf.get(previous) === sameRow &&
        previous.col + (previous.colSpan ?? 1) === cell.col
      ) {
        previous.colSpan = (previous.colSpan ?? 1) + cell.colSpan;
        continue;
      }
      // A line to sign or date above ("（盖章）年 月 日") heads no column; nor is the office's cell one of a grid.
      const heading = head && !/年.*月.*日|盖章|签字|签名/.test(head.text) && !(sameRow && officeFiller(sameRow.text)) ? head : undefined;
      if (sameRow && heading && sameRow.row !== heading.row) {
        const head = heading;
        const left = sameRow;
        // A grid: the row's item and the column's heading (是 → yes/no; 数量 → a number).
        const item = stripItem(left.text);
        const blanksUnder = rowCells(cells, r).filter((c) => isBlank(c.text) && columnHeader(cells, c, r0) === head);
        const words = [...left.text.matchAll(/[（(]([^（）()]*数)[）)]/g)].map((m) => m[1] as string);
        const word = words.length === blanksUnder.length ? words[blanksUnder.indexOf(cell)] : undefined;
        const headName = fieldName(head.text);
        // Two levels over the column (慰问困难职工 over 人数): the field's name carries both.
        const headPath = [...groupsOver(cells, head), head].map((c) => fieldName(c.text)).join(' · ');
        if (headName === '是' || headName === '否' || headName === '是否') {
          field = { id: ctx.ids.take(), label: `${item}（是）`, type: 'yesNo' };
          ctx.log.add(field.label, '是/否', `“${left.text}”一行在“${head.text}”一栏下`);
        } else {
          const label = word ?? `${item}（${headPath}）`;
          const g = guessField(word ?? headName);
          field = { ...g.field, id: ctx.ids.take(), label, required: false } as FieldInput;
          ctx.log.add(label, typeName(field.type), `${g.why}（“${left.text}”一行，“${head.text}”一栏）`);
        }
      } else {
        const source = sameRow ?? heading ?? aboveLabel(cells, cell) ?? left;
        besideLabel = sameRow;
        if (source) {
          const g = guessField(source.text);
          field = { ...g.field, id: ctx.ids.take(), label: fieldName(source.text) } as FieldInput;
          ctx.log.add(field.label, typeName(field.type) + (field.required ? '' : '，选填'), g.why);
        } else {
          field = { id: ctx.ids.take(), label: `第${r + 1}行第${cell.col + 1}列`, type: 'longText' };
          ctx.log.undecided(field.label, '长文本', '空格旁边和上方都没有标签，无法确定它填什么，请核对');
        }
      }
      if (field.type === 'longText') tall = true;
      if (isSummed(field)) summedAbove.set(cell.col, [...(summedAbove.get(cell.col) ?? []), field.id]);
      const input: CellInput = { kind: 'input', field, ...place };
      if (besideLabel) labelOf.set(input, besideLabel);
      out.push(input);
    }
    const height = noteLines > 0 ? Math.min(300, 16 * noteLines + 8) : tall ? 80 : undefined;
    rows.push({ ...(height ? { height } : {}), cells: out });
  }
  return rows;
}

function aboveLabel(cells: readonly GridCell[], cell: GridCell): GridCell | undefined {
  return cells.find(
    (c) => c.row + c.rowSpan === cell.row && c.col <= cell.col && c.col + c.colSpan > cell.col && !isBlank(c.text) && !hasBoxes(c.text),
  );
}

/** A cell of tick boxes: one of several (choice), a single box (check), or boxes each with a count blank (__项). */
function boxCells(
  cells: readonly GridCell[],
  cell: GridCell,
  place: { col: number; colSpan: number; rowSpan: number },
  ctx: TableContext,
): CellInput[] {
  const options = boxOptions(cell.text);
  const left = rowLabel(cells, cell);
  const name = boxCellName(cell.text) ?? (left ? fieldName(left.text) : (options[0]?.option ?? '选项'));
  const counted = options.filter((o) => o.blankUnit !== undefined);
  if (counted.length === 1 && options.length === 1 && place.colSpan >= 4) {
    const o = counted[0] as { option: string; blankUnit: string };
    const check: FieldInput = { id: ctx.ids.take(), label: `${o.option}（勾选）`, type: 'check' };
    const count: FieldInput = {
      id: ctx.ids.take(),
      label: `${o.option}数`,
      type: 'integer',
      ...(o.blankUnit ? { unit: o.blankUnit } : {}),
    };
    ctx.log.add(o.option, '勾选 + 数量', `“□${o.option}__${o.blankUnit}”：方框为勾选，下划线为数量`);
    const c = place.col;
    return [
      { kind: 'input', field: check, col: c, rowSpan: place.rowSpan },
      { kind: 'label', text: o.option, col: c + 1, colSpan: place.colSpan - 3, rowSpan: place.rowSpan },
      { kind: 'input', field: count, col: c + place.colSpan - 2, rowSpan: place.rowSpan },
      { kind: 'label', text: o.blankUnit, col: c + place.colSpan - 1, rowSpan: place.rowSpan },
    ];
  }
  if (options.length >= 2) {
    const field: FieldInput = {
      id: ctx.ids.take(),
      label: name,
      type: 'choice',
      // an option is text in a dropdown list: no , or " (the list's separators) and no leading = + - @ (a formula)
      options: options.map((o) => o.option.replace(/[,"]/g, '').replace(/^[=+\-@]+/, '') || '（空）'),
      required: true,
    };
    ctx.log.undecided(name, `单选：${options.map((o) => o.option).join('/')}`, '方框选项 → 选其一（通知若允许多选，请改）');
    return [{ kind: 'input', field, ...place }];
  }
  const field: FieldInput = { id: ctx.ids.take(), label: options[0]?.option ?? name, type: 'check' };
  ctx.log.add(field.label, '勾选', '只有一个方框');
  return [{ kind: 'input', field, ...place }];
}

function typeName(type: FieldInput['type']): string {
  const names: Record<FieldInput['type'], string> = {
    text: '文本',
    longText: '长文本',
    integer: '整数',
    decimal: '数（可有小数）',
    yesNo: '是/否',
    check: '勾选',
    choice: '单选',
    date: '日期',
    phone: '电话',
    postcode: '邮政编码',
  };
  return names[type];
}

/**
 * The groups a header cell stands under, top first: the cells right above it that span its columns and more
 * (慰问困难职工 over 人数). A line across the whole table (the table's own title) is no group.
 */
function groupsOver(cells: readonly GridCell[], cell: GridCell): GridCell[] {
  const width = Math.max(...cells.map((c) => c.col + c.colSpan));
  const groups: GridCell[] = [];
  let under = cell;
  for (;;) {
    const group = cells.find(
      (c) =>
        c.row + c.rowSpan === under.row &&
        c.col <= under.col &&
        c.col + c.colSpan >= under.col + under.colSpan &&
        c.colSpan > under.colSpan &&
        !(c.col === 0 && c.colSpan >= width) &&
        !isBlank(c.text) &&
        !hasBoxes(c.text),
    );
    if (!group) return groups;
    groups.unshift(group);
    under = group;
  }
}

/** A list found in the table as the schema's list band. */
function listBand(cells: readonly GridCell[], list: ListFound, ctx: TableContext, title: string | undefined): TableInput {
  ctx.listCount.n += 1;
  const id = ctx.listCount.n === 1 ? 'list' : `list${ctx.listCount.n}`;
  const headerCells = cells.filter((c) => c.row >= list.header && c.row <= list.headerEnd);
  const listIds = new FieldIds();
  let numbering: TableInput['numbering'];
  const inputs = list.leaves.map((h) => {
    const g = guessField(h.text);
    const seq = fieldName(h.text) === '序号';
    const label = [...groupsOver(headerCells, h), h].map((c) => fieldName(c.text)).join(' · ');
    const field = { ...g.field, id: listIds.take(seq ? 'seq' : undefined), label } as FieldInput;
    if (seq) numbering = { fieldId: field.id, prefill: list.numbered };
    ctx.log.add(`${title ?? '名单'}.${field.label}`, typeName(field.type) + (field.required ? '' : '，选填'), g.why);
    return { kind: 'input' as const, col: h.col, colSpan: h.colSpan, field };
  });
  const shown = list.last - list.first + 1;
  const maxRows = ctx.growable ? 300 : shown;
  ctx.log.add(
    title ?? '名单',
    `名单，${shown} 行${ctx.growable ? '，可增加到 300 行' : '，行数固定'}`,
    ctx.growable ? '表头下有空行；注中说“表格不够可另附”' : '表头下有空行；通知没有说可以加行',
  );
  return {
    kind: 'table',
    id,
    label: title ?? '名单',
    header: Array.from({ length: list.headerEnd - list.header + 1 }, (_, i) => ({
      height: list.headerEnd > list.header ? 24 : 36,
      cells: rowCells(headerCells, list.header + i).map((h) => ({
        kind: 'label' as const,
        text: h.text.replace(/\n+/g, ''),
        col: h.col,
        colSpan: h.colSpan,
        ...(h.rowSpan > 1 ? { rowSpan: h.rowSpan } : {}),
      })),
    })),
    rowHeight: 28,
    cells: inputs,
    defaultRows: shown,
    maxRows,
    ...(numbering ? { numbering } : {}),
  };
}

/** A 合计 row printed under a list, its cells in the list's columns, all blank: kept as printed, nothing to fill. */
/** A quantity a 合计 adds up: a whole or decimal number that is not 序号, 年龄 or a share. */
function isSummed(field: FieldInput): boolean {
  return (field.type === 'integer' || field.type === 'decimal') && field.total !== false;
}

function totalRow(cells: readonly GridCell[], list: ListFound, band: TableInput, r: number): RowInput | undefined {
  const row = rowCells(cells, r);
  const first = row[0];
  if (!first || !isTotalWord(first.text) || row.slice(1).some((c) => !isBlank(c.text) || c.rowSpan > 1)) return undefined;
  const start = list.leaves[0]?.col ?? 0;
  if (first.col !== start) return undefined;
  // Each quantity column's cell sums the list's column; the others stay blank.
  const sumOf = (c: GridCell) => {
    const column = band.cells.find((i) => i.col === c.col && (i.colSpan ?? 1) === c.colSpan);
    return c !== first && column && isSummed(column.field) ? { sum: [`${band.id}.${column.field.id}`] } : {};
  };
  return {
    height: 28,
    cells: row.map((c) => ({ kind: 'label' as const, text: c.text.replace(/\s+/g, ''), col: c.col, colSpan: c.colSpan, ...sumOf(c) })),
  };
}

/** A Word table as bands: rows of labels and inputs, and lists where a header row stands over blank rows. */
export function tableBands(cells: readonly GridCell[], rowCount: number, ctx: TableContext): BandInput[] {
  const lists = findLists(cells, rowCount);
  // A 填表说明 row inside the table may say that the list can grow, as a note under it would.
  if (cells.some((c) => isNoteText(c.text) && /不够可另附|可另附|可续表|可加行/.test(c.text))) ctx.growable = true;
  const bands: BandInput[] = [];
  let r = 0;
  for (const list of lists) {
    // A full-width line just above the header names the list (工作室其他成员情况).
    const above = rowCells(cells, list.header - 1);
    const title = above.length === 1 && !isBlank(above[0]?.text ?? '') ? fieldName(above[0]?.text ?? '') : undefined;
    if (list.header > r) bands.push({ kind: 'rows', rows: rowsBand(cells, r, list.header - 1, ctx) });
    const band = listBand(cells, list, ctx, title);
    bands.push(band);
    r = list.last + 1;
    const total = totalRow(cells, list, band, r);
    if (total) {
      bands.push({ kind: 'rows', rows: [total] });
      ctx.log.add(`${title ?? '名单'}.合计`, '合计行，模板求和', '名单下印好的“合计”一行由模板对名单各行求和，不由填报单位填写');
      r += 1;
    }
  }
  if (r < rowCount) bands.push({ kind: 'rows', rows: rowsBand(cells, r, rowCount - 1, ctx) });
  return bands;
}
