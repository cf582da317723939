import type { CellValue } from '../cell-value';
import type { FormDefinition } from '../form-schema';
import type { ParamOverrides } from '../params';
import type { SheetPlan } from '../sheet-plan';
import { SheetCells, type Grid } from './label-index';
import { readForm, templateLayout, type FormReading } from './read-form';
import { findStatedTotals, type StatedTotal } from './stated-totals';

/** What a reading made here keeps for the next: its values before totals were taken out, and its total rows. */
interface Kept {
  raw: readonly CellValue[];
  /** Each 合计 row by the position of its first slot (the order findStatedTotals lists them in). */
  totals: ReadonlyMap<number, { total: StatedTotal; ats: readonly number[] }>;
}

const kept = new WeakMap<FormReading, Kept>();

/** A plan's list rows: the slot positions of each, in slot order, by the position of the row's first slot. */
const rowsOfPlan = new WeakMap<SheetPlan, { rows: Map<number, number[]>; rowOf: Map<number, number> }>();

function listRows(plan: SheetPlan): { rows: Map<number, number[]>; rowOf: Map<number, number> } {
  let found = rowsOfPlan.get(plan);
  if (found) return found;
  const byKey = new Map<string, number[]>();
  const rows = new Map<number, number[]>();
  const rowOf = new Map<number, number>();
  plan.slots.forEach((slot, at) => {
    if (slot.tableId === undefined || slot.index === undefined) return;
    const key = `${slot.tableId}\u0000${slot.index}`;
    let ats = byKey.get(key);
    if (!ats) {
      byKey.set(key, (ats = []));
      rows.set(at, ats);
    }
    ats.push(at);
    rowOf.set(at, ats[0] as number);
  });
  found = { rows, rowOf };
  rowsOfPlan.set(plan, found);
  return found;
}

/** The 合计 rows among `rowStarts` (rows by their first slot), found by findStatedTotals row by row. */
function totalsIn(
  plan: SheetPlan,
  raw: readonly CellValue[],
  rowStarts: Iterable<number>,
  into: Map<number, { total: StatedTotal; ats: readonly number[] }>,
): void {
  const { rows } = listRows(plan);
  for (const start of rowStarts) {
    const ats = rows.get(start) as number[];
    const { totals } = findStatedTotals(
      ats.map((at) => plan.slots[at] as SheetPlan['slots'][number]),
      ats.map((at) => raw[at] as CellValue),
    );
    const total = totals[0];
    if (total) into.set(start, { total, ats });
    else into.delete(start);
  }
}

/**
 * readForm again after a change, doing again only what the change can have changed: equal to
 * `readForm(form, grid, markerParams)` (test/rules/live-recheck.test.ts compares them over random edits). When the
 * sheet still follows the template with its lists as long as at `previous` (the same located plan), only the slots'
 * cells are looked at again and only the list rows whose cells changed are asked whether they are 合计 rows (the
 * question is one of the row alone); any other sheet is read whole by readForm.
 */
export function rereadForm(form: FormDefinition, grid: Grid, markerParams: ParamOverrides = {}, previous?: FormReading): FormReading {
  const plan = templateLayout(form, grid, markerParams);
  if (!plan) return readForm(form, grid, markerParams);
  const cells = new SheetCells(grid);
  const raw = plan.slots.map((slot) => cells.at(slot.row, slot.col));
  const before = previous && previous.plan === plan && previous.form === form ? kept.get(previous) : undefined;
  const totals = new Map(before?.totals ?? []);
  if (before) {
    const { rowOf } = listRows(plan);
    const changedRows = new Set<number>();
    for (let at = 0; at < raw.length; at++) {
      if (Object.is(raw[at], before.raw[at])) continue;
      const start = rowOf.get(at);
      if (start !== undefined) changedRows.add(start);
    }
    totalsIn(plan, raw, changedRows, totals);
  } else totalsIn(plan, raw, listRows(plan).rows.keys(), totals);
  const ordered = [...totals].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  let values: readonly CellValue[] = raw;
  if (ordered.length > 0) {
    const nulled = [...raw];
    for (const { ats } of ordered) for (const at of ats) nulled[at] = null;
    values = nulled;
  }
  const reading: FormReading = { form, plan, values, doubts: [], layout: 'template', statedTotals: ordered.map((t) => t.total) };
  kept.set(reading, { raw, totals });
  return reading;
}
