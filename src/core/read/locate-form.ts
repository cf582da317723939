import type { FormDefinition } from '../form-schema';
import type { SheetPlan } from '../sheet-plan';
import { cellText, type CellValue } from '../cell-value';
import { BOXES, TICKS } from '../rules/field-rules';
import { labelKey, shortLabelKey, type LabelIndex, type SheetCells } from './label-index';

/** Where a field was found in a sheet that does not follow the template cell for cell. */
export interface FoundCell {
  row: number;
  col: number;
  /** The value written after the label's colon in the label's own cell, when that is where the clerk put it. */
  inline?: string;
}

export interface LocatedTable {
  firstRow: number;
  rowCount: number;
  /** Column of each list field; undefined where its header was not found. */
  columns: Map<string, number | undefined>;
}

export interface LocatedForm {
  /** Single fields by id; undefined where the field could not be located with confidence. */
  singles: Map<string, FoundCell | undefined>;
  tables: Map<string, LocatedTable>;
}

interface TemplateLabel {
  row: number;
  col: number;
  colSpan: number;
  key: string;
}

interface Anchor {
  tcol: number;
  tspan: number;
  gcol: number;
  gright: number;
  inline: string | undefined;
}

interface TemplateInput {
  id: string;
  row: number;
  col: number;
  colSpan: number;
}

/**
 * The key by which a label places its row: long enough not to be an answer (是, 项) and without numbers that change
 * by year or are retyped differently ("工作室介绍（800字左右…）" places its row by 工作室介绍); undefined if none.
 */
function rowKey(key: string): string | undefined {
  const usable = (k: string) => k.length >= 2 && !/\d/.test(k);
  if (usable(key)) return key;
  const short = shortLabelKey(key);
  return usable(short) ? short : undefined;
}

/** Labels of a following part that end a list: the next few labelled rows of the template after it. */
const LIST_END_ROWS = 3;

const isBlank = (v: CellValue) => cellText(v) === '';
/** A mark in front of a printed box, ticked or not (the marks the field rules read: one list of them). */
const TICK_OR_BOX = new RegExp(`[${TICKS}${BOXES}]`);

/**
 * Finds every label of the form on its own in a sheet that was retyped or edited (rows inserted or left blank,
 * columns moved, cells merged or not as in the template), and from each label the cell that holds its value:
 * beside it, under it, or after its colon in the same cell. Rows are matched in the template's order, so a label
 * that appears twice (年龄 of the leader and of the members) is found where it belongs.
 */
export function locateForm(form: FormDefinition, template: SheetPlan, cells: SheetCells, index: LabelIndex): LocatedForm {
  const labelsByRow = new Map<number, TemplateLabel[]>();
  for (const c of template.cells) {
    if (c.role !== 'label' || typeof c.value !== 'string') continue;
    const key = labelKey(c.value);
    if (!key) continue;
    const list = labelsByRow.get(c.row) ?? [];
    list.push({ row: c.row, col: c.col, colSpan: c.colSpan, key });
    labelsByRow.set(c.row, list);
  }
  for (const list of labelsByRow.values()) list.sort((a, b) => a.col - b.col);

  const inputsByRow = new Map<number, TemplateInput[]>();
  for (const s of template.slots) {
    if (s.tableId !== undefined) continue;
    const list = inputsByRow.get(s.row) ?? [];
    list.push({ id: s.field.id, row: s.row, col: s.col, colSpan: s.colSpan });
    inputsByRow.set(s.row, list);
  }
  for (const list of inputsByRow.values()) list.sort((a, b) => a.col - b.col);

  const tableAtRow = new Map<number, (typeof template.tables)[number]>();
  for (const t of template.tables) tableAtRow.set(t.firstRow, t);

  const rowCount = template.rowHeights.length;
  const mapped = new Map<number, number>();
  const anchorsOf = new Map<number, Anchor[]>();
  const tables = new Map<string, LocatedTable>();
  let cursor = 0;

  const mapRow = (r: number) => {
    const keys = new Set((labelsByRow.get(r) ?? []).flatMap((l) => rowKey(l.key) ?? []));
    if (keys.size === 0) return;
    const score = new Map<number, number>();
    for (const key of keys) {
      const rows = new Set(
        index
          .find(key)
          .filter((h) => h.row >= cursor)
          .map((h) => h.row),
      );
      for (const row of rows) score.set(row, (score.get(row) ?? 0) + 1);
    }
    let best: [number, number] | undefined;
    for (const [row, n] of score) if (!best || n > best[1] || (n === best[1] && row < best[0])) best = [row, n];
    if (!best) return;
    mapped.set(r, best[0]);
    cursor = best[0] + 1;
  };

  for (let r = 0; r < rowCount; r++) {
    const table = tableAtRow.get(r);
    if (!table) {
      mapRow(r);
      continue;
    }
    let headerRow: number | undefined;
    for (let h = table.headerTop; h <= table.headerBottom; h++) {
      const g = mapped.get(h);
      if (g !== undefined) headerRow = Math.max(headerRow ?? g, g);
    }
    const firstRow = headerRow === undefined ? cursor : cells.bottomOf(headerRow, 0) + 1;
    const after = table.firstRow + table.rowCount;
    let end: number | undefined;
    let seen = 0;
    for (let later = after; later < rowCount && seen < LIST_END_ROWS; later++) {
      const keys = (labelsByRow.get(later) ?? []).flatMap((l) => rowKey(l.key) ?? []);
      if (keys.length === 0) continue;
      seen++;
      for (const key of keys)
        for (const hit of index.find(key)) if (hit.row >= firstRow && (end === undefined || hit.row < end)) end = hit.row;
    }
    if (end === undefined) end = Math.max(firstRow, lastFilledRow(cells) + 1);
    const columns = new Map<string, number | undefined>();
    for (const s of template.slots) {
      if (s.tableId !== table.id || s.index !== 0) continue;
      columns.set(s.field.id, headerColumn(s.col, table.headerTop, table.headerBottom));
    }
    tables.set(table.id, { firstRow, rowCount: end - firstRow, columns });
    cursor = end;
    r = after - 1;
  }

  /** The labels of a template row found in its sheet row; `ordered` keeps only those in the template's left-to-right order. */
  function anchors(r: number, ordered = true): Anchor[] {
    const cacheKey = ordered ? r : -1 - r;
    let found = anchorsOf.get(cacheKey);
    if (found) return found;
    found = [];
    const g = mapped.get(r);
    if (g !== undefined) {
      const used = new Map<string, number>();
      for (const label of labelsByRow.get(r) ?? []) {
        const nth = used.get(label.key) ?? 0;
        used.set(label.key, nth + 1);
        const hits = index
          .find(label.key)
          .filter((h) => h.row === g)
          .sort((a, b) => a.col - b.col);
        const hit = hits[nth];
        if (!hit) continue;
        const last = found[found.length - 1];
        if (ordered && last && hit.col <= last.gcol) continue;
        found.push({ tcol: label.col, tspan: label.colSpan, gcol: hit.col, gright: cells.rightOf(g, hit.col), inline: hit.inline });
      }
    }
    anchorsOf.set(cacheKey, found);
    return found;
  }

  /** A list column: under its header, the lowest header label over the column. */
  function headerColumn(col: number, top: number, bottom: number): number | undefined {
    for (let h = bottom; h >= top; h--) {
      const label = (labelsByRow.get(h) ?? []).find((l) => l.col <= col && col < l.col + l.colSpan);
      if (!label) continue;
      // a list's columns may have been put in another order
      const anchor = anchors(h, false).find((a) => a.tcol === label.col);
      if (anchor) return anchor.gcol + (col - label.col);
    }
    return undefined;
  }

  const singles = new Map<string, FoundCell | undefined>();
  for (const [r, inputs] of inputsByRow) {
    const g = mapped.get(r);
    const labelled = (labelsByRow.get(r) ?? []).length > 0;
    if (g !== undefined && anchors(r).length > 0) placeBeside(inputs, g, anchors(r), cells, singles);
    // A row whose labels are not found is not read from whatever stands there instead.
    else for (const input of inputs) singles.set(input.id, labelled ? undefined : placeUnder(input, r));
    for (const input of inputs) {
      const ticked = tickedInCell(input, r);
      if (ticked) singles.set(input.id, ticked);
    }
  }

  /**
   * A tick box and its count written as the notice prints them, in one cell beside the row's heading
   * ("☑发明专利 2 项 □实用新型__项"): when the field's own label is not a cell of its own, the field is read from the
   * text around that label — the tick in front of it, or the number after it.
   */
  function tickedInCell(input: TemplateInput, r: number): FoundCell | undefined {
    const labels = labelsByRow.get(r) ?? [];
    const after = labels.find((l) => l.col === input.col + input.colSpan);
    const before = labels.find((l) => l.col + l.colSpan === input.col);
    const label = [after, before].find((l) => l !== undefined && l.key.length >= 2);
    if (!label || anchors(r).some((a) => a.tcol === label.col)) return undefined;
    let near: number | undefined;
    for (let p = r; p >= 0 && near === undefined; p--) near = mapped.get(p);
    if (near === undefined) return undefined;
    for (let row = near; row <= near + 3 && row < cells.rowCount; row++) {
      const line = cells.grid[row] ?? [];
      for (let col = 0; col < line.length; col++) {
        const v = line[col];
        if (typeof v !== 'string' || !TICK_OR_BOX.test(v)) continue;
        const text = labelKey(v);
        const at = text.indexOf(label.key);
        if (at < 0) continue;
        if (label === after) {
          const mark = text[at - 1] ?? '';
          return { row, col, inline: mark !== '' && TICKS.includes(mark) ? '√' : '' };
        }
        const rest = text.slice(at + label.key.length).split(TICK_OR_BOX)[0] ?? '';
        return { row, col, inline: /\d+/.exec(rest)?.[0] ?? '' };
      }
    }
    return undefined;
  }

  /** A field in a row without labels of its own (a long text under its heading): under the label above it. */
  function placeUnder(input: TemplateInput, r: number): FoundCell | undefined {
    let above: number | undefined;
    for (let p = r - 1; p >= 0 && above === undefined; p--) if (mapped.has(p)) above = p;
    if (above === undefined) return undefined;
    let next: number | undefined;
    for (const [t, g] of mapped) if (t > r && (next === undefined || g < next)) next = g;
    const label = (labelsByRow.get(above) ?? []).find((l) => l.col <= input.col && input.col < l.col + l.colSpan);
    const anchor = label ? anchors(above).find((a) => a.tcol === label.col) : anchors(above)[0];
    const ref = label ?? (labelsByRow.get(above) ?? [])[0];
    if (!anchor || !ref) return undefined;
    const col = anchor.gcol + (input.col - ref.col);
    const gAbove = mapped.get(above) as number;
    const expected = gAbove + (r - above);
    if (!isBlank(cells.at(expected, col))) return { row: expected, col };
    const last = next === undefined ? Math.min(cells.rowCount, expected + 5) : next;
    const filled: number[] = [];
    for (let row = cells.bottomOf(gAbove, anchor.gcol) + 1; row < last; row++) if (!isBlank(cells.at(row, col))) filled.push(row);
    if (filled.length === 1) return { row: filled[0] as number, col };
    return filled.length === 0 ? { row: expected, col } : undefined;
  }

  return { singles, tables };
}

/**
 * The fields of one labelled row. Each field is placed from the label before it (or after it) as far as the template
 * puts it; where the clerk typed a value elsewhere between the same two labels, unclaimed values go, in order, to
 * fields left empty — but only when they are as many, so that no neighbour's value is ever taken.
 */
function placeBeside(
  inputs: TemplateInput[],
  g: number,
  anchors: Anchor[],
  cells: SheetCells,
  out: Map<string, FoundCell | undefined>,
): void {
  const segments = new Map<number, { from: number; to: number; inputs: { input: TemplateInput; col: number }[]; left?: Anchor }>();
  for (const input of inputs) {
    let leftAt = -1;
    anchors.forEach((a, i) => {
      if (a.tcol + a.tspan <= input.col) leftAt = i;
    });
    const left = anchors[leftAt];
    const right = anchors[leftAt + 1];
    const from = left ? left.gright + 1 : 0;
    const to = right ? right.gcol - 1 : Math.max(cells.rowLength(g) - 1, from + 8);
    let col: number;
    if (left) col = left.gright + 1 + (input.col - (left.tcol + left.tspan));
    else if (right) col = right.gcol - (right.tcol - input.col);
    else continue;
    let segment = segments.get(leftAt);
    if (!segment) segments.set(leftAt, (segment = { from, to, inputs: [], left }));
    segment.inputs.push({ input, col });
  }
  for (const segment of segments.values()) {
    const first = segment.inputs[0];
    if (first && segment.left?.inline) {
      // "申报单位：上海市教育工会" in one cell: the first field is in the label's cell; the others follow in order.
      out.set(first.input.id, { row: g, col: segment.left.gcol, inline: segment.left.inline });
      const rest = segment.inputs.slice(1);
      const filled = filledCells(segment, g, cells, new Set());
      if (filled.length === rest.length) rest.forEach((item, i) => out.set(item.input.id, { row: g, col: filled[i] as number }));
      else for (const item of rest) out.set(item.input.id, { row: g, col: item.col });
      continue;
    }
    const claimed = new Set<number>();
    const empty: { input: TemplateInput; col: number }[] = [];
    for (const item of segment.inputs) {
      const inside = item.col >= segment.from && item.col <= segment.to;
      if (inside && !isBlank(cells.at(g, item.col))) {
        claimed.add(item.col);
        // a value merged over this cell and the one before belongs to the one before
        if (!cells.covered(g, item.col) || !claimed.has(item.col - 1)) {
          out.set(item.input.id, { row: g, col: item.col });
          continue;
        }
      }
      empty.push(item);
      out.set(item.input.id, { row: g, col: inside ? item.col : Math.min(Math.max(item.col, segment.from), segment.to) });
    }
    if (empty.length === 0) continue;
    const unclaimed = filledCells(segment, g, cells, claimed);
    if (unclaimed.length === 0) continue;
    if (unclaimed.length === empty.length) {
      empty.forEach((item, i) => out.set(item.input.id, { row: g, col: unclaimed[i] as number }));
    } else {
      // More (or fewer) stray values than empty fields: which is which cannot be told.
      for (const item of empty) out.set(item.input.id, undefined);
    }
  }
}

/** The columns between two labels that hold a value, left to right, leaving out those already claimed. */
function filledCells(segment: { from: number; to: number }, g: number, cells: SheetCells, claimed: ReadonlySet<number>): number[] {
  const found: number[] = [];
  for (let c = segment.from; c <= Math.min(segment.to, segment.from + 40); c++) {
    if (claimed.has(c) || cells.covered(g, c)) continue;
    if (!isBlank(cells.raw(g, c))) found.push(c);
  }
  return found;
}

function lastFilledRow(cells: SheetCells): number {
  for (let r = cells.rowCount - 1; r >= 0; r--) {
    const row = cells.grid[r];
    if (row?.some((v) => !isBlank(v))) return r;
  }
  return -1;
}
