import type { z } from 'zod';
import type { CellSchema, RowSchema, TableBandSchema } from '../form-schema';
import { boxOptions, fieldName, guessField, hasBoxes, type FieldInput } from './field-guess';
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
  first: number;
  last: number;
  numbered: boolean;
}

function rowCells(cells: readonly GridCell[], r: number): GridCell[] {
  return cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
}

/** A header row of labels over rows of blanks with the same columns (序号 may be printed): a list. */
function findLists(cells: readonly GridCell[], rowCount: number): ListFound[] {
  const lists: ListFound[] = [];
  for (let r = 0; r < rowCount - 1; r++) {
    const header = rowCells(cells, r);
    if (header.length < 2 || header.some((c) => isBlank(c.text) || hasBoxes(c.text) || c.rowSpan > 1)) continue;
    const shape = header.map((c) => `${c.col}/${c.colSpan}`).join(',');
    let last = r;
    let numbered = false;
    for (let k = r + 1; k < rowCount; k++) {
      const row = rowCells(cells, k);
      if (row.map((c) => `${c.col}/${c.colSpan}`).join(',') !== shape) break;
      if (!row.every((c, i) => isBlank(c.text) || (i === 0 && isSerial(c.text)))) break;
      if (row[0] && isSerial(row[0].text)) numbered = true;
      last = k;
    }
    if (last > r) {
      lists.push({ header: r, first: r + 1, last, numbered });
      r = last;
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
  for (let r = r0; r <= r1; r++) {
    const out: CellInput[] = [];
    let tall = false;
    for (const cell of rowCells(cells, r)) {
      const rowSpan = Math.min(cell.rowSpan, r1 - r + 1);
      const place = { col: cell.col, colSpan: cell.colSpan, rowSpan };
      if (hasBoxes(cell.text)) {
        out.push(...boxCells(cells, cell, place, ctx));
        continue;
      }
      if (!isBlank(cell.text)) {
        out.push({ kind: 'label', text: cell.text.replace(/\n+/g, ''), ...place });
        continue;
      }
      const left = rowLabel(cells, cell);
      const head = columnHeader(cells, cell, r0);
      let field: FieldInput;
      const sameRow = left && left.row === r ? left : undefined;
      // An item that asks for a number of its own (…的基层单位数) has no 是 box, only its count.
      const countOnly = sameRow && !/^是否/.test(fieldName(sameRow.text)) && /数$/.test(fieldName(sameRow.text));
      if (countOnly && head && /^是否?$/.test(fieldName(head.text))) {
        out.push({ kind: 'label', text: '', ...place });
        ctx.log.add(fieldName(sameRow.text), '“是”栏不填', '这一项问的是一个数，不是“是否”');
        continue;
      }
      if (sameRow && head && sameRow.row !== head.row) {
        const left = sameRow;
        // A grid: the row's item and the column's heading (是 → yes/no; 数量 → a number).
        const item = stripItem(left.text);
        const blanksUnder = rowCells(cells, r).filter((c) => isBlank(c.text) && columnHeader(cells, c, r0) === head);
        const words = [...left.text.matchAll(/[（(]([^（）()]*数)[）)]/g)].map((m) => m[1] as string);
        const word = words.length === blanksUnder.length ? words[blanksUnder.indexOf(cell)] : undefined;
        const headName = fieldName(head.text);
        if (headName === '是' || headName === '否' || headName === '是否') {
          field = { id: ctx.ids.take(), label: `${item}（是）`, type: 'yesNo' };
          ctx.log.add(field.label, '是/否', `“${left.text}”一行在“${head.text}”一栏下`);
        } else {
          const label = word ?? `${item}（${headName}）`;
          const g = guessField(word ?? headName);
          field = { ...g.field, id: ctx.ids.take(), label, required: false } as FieldInput;
          ctx.log.add(label, typeName(field.type), `${g.why}（“${left.text}”一行，“${head.text}”一栏）`);
        }
      } else {
        const source = sameRow ?? head ?? aboveLabel(cells, cell) ?? left;
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
      out.push({ kind: 'input', field, ...place });
    }
    rows.push({ ...(tall ? { height: 80 } : {}), cells: out });
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
  const name = left ? fieldName(left.text) : (options[0]?.option ?? '选项');
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

/** A list found in the table as the schema's list band. */
function listBand(cells: readonly GridCell[], list: ListFound, ctx: TableContext, title: string | undefined): TableInput {
  ctx.listCount.n += 1;
  const id = ctx.listCount.n === 1 ? 'list' : `list${ctx.listCount.n}`;
  const headerCells = rowCells(cells, list.header);
  const listIds = new FieldIds();
  let numbering: TableInput['numbering'];
  const inputs = headerCells.map((h) => {
    const g = guessField(h.text);
    const seq = fieldName(h.text) === '序号';
    const field = { ...g.field, id: listIds.take(seq ? 'seq' : undefined), label: fieldName(h.text) } as FieldInput;
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
    header: [
      {
        height: 36,
        cells: headerCells.map((h) => ({ kind: 'label' as const, text: h.text.replace(/\n+/g, ''), col: h.col, colSpan: h.colSpan })),
      },
    ],
    rowHeight: 28,
    cells: inputs,
    defaultRows: shown,
    maxRows,
    ...(numbering ? { numbering } : {}),
  };
}

/** A Word table as bands: rows of labels and inputs, and lists where a header row stands over blank rows. */
export function tableBands(cells: readonly GridCell[], rowCount: number, ctx: TableContext): BandInput[] {
  const lists = findLists(cells, rowCount);
  const bands: BandInput[] = [];
  let r = 0;
  for (const list of lists) {
    // A full-width line just above the header names the list (工作室其他成员情况).
    const above = rowCells(cells, list.header - 1);
    const title = above.length === 1 && !isBlank(above[0]?.text ?? '') ? fieldName(above[0]?.text ?? '') : undefined;
    if (list.header > r) bands.push({ kind: 'rows', rows: rowsBand(cells, r, list.header - 1, ctx) });
    bands.push(listBand(cells, list, ctx, title));
    r = list.last + 1;
  }
  if (r < rowCount) bands.push({ kind: 'rows', rows: rowsBand(cells, r, rowCount - 1, ctx) });
  return bands;
}
