import type { CellRange } from '../a1';
import type { CellValue } from '../cell-value';
import type { FormDefinition } from '../form-schema';
import { planSheet } from '../layout';
import { resolveParams, type ParamOverrides } from '../params';
import type { FieldSlot, SheetPlan } from '../sheet-plan';
import { labelKey, LabelIndex, SheetCells, type Grid } from './label-index';
import { locateForm, type LocatedForm } from './locate-form';
import { findStatedTotals, type StatedTotal } from './stated-totals';

export type { Grid } from './label-index';

/** A field that could not be located with confidence: left unread rather than read from a neighbour. */
export interface FieldDoubt {
  key: string;
  label: string;
}

export interface FormReading {
  form: FormDefinition;
  /** Where the fields are in this sheet (lists as long as the sheet has them); slots only, nothing to draw. */
  plan: SheetPlan;
  /** The value of each of plan.slots, in the same order. */
  values: readonly CellValue[];
  /** Fields whose cell could not be told in a sheet that does not follow the template (retyped, edited). */
  doubts: readonly FieldDoubt[];
  /** How the fields were found: at the template's places, or label by label. */
  layout: 'template' | 'labels';
  /** Rows a clerk added to total a list (合计、小计): read as blank list rows, their stated numbers kept here. */
  statedTotals: readonly StatedTotal[];
}

/** The value read for a slot, by its key (`members[13].name`); undefined for a key the plan has no slot for. */
export function slotValue(reading: FormReading, key: string): CellValue {
  const i = reading.plan.slots.findIndex((s) => s.key === key);
  return i < 0 ? undefined : reading.values[i];
}

export function gridAt(grid: Grid, row: number, col: number): CellValue {
  return grid[row]?.[col] ?? null;
}

/**
 * Reads every field of a filled-in form. A sheet that follows the template (its labels where the template puts
 * them, lists grown or shrunk) is read at the template's places; any other — retyped by hand, rows inserted or
 * left blank, columns moved — is read label by label (see locateForm). A cell merged over several list rows
 * gives its value to each of them.
 */
export function readForm(
  form: FormDefinition,
  grid: Grid,
  markerParams: ParamOverrides = {},
  merges: readonly CellRange[] = [],
): FormReading {
  return withoutTotals(readCells(form, grid, markerParams, merges));
}

/** A clerk's 合计 row is no record: its cells are read as blank, and what it states is kept for the checker. */
function withoutTotals(reading: Omit<FormReading, 'statedTotals'>): FormReading {
  const { totals, totalSlots } = findStatedTotals(reading.plan.slots, reading.values);
  if (totals.length === 0) return { ...reading, statedTotals: [] };
  return { ...reading, values: reading.values.map((v, at) => (totalSlots.has(at) ? null : v)), statedTotals: totals };
}

function readCells(
  form: FormDefinition,
  grid: Grid,
  markerParams: ParamOverrides,
  merges: readonly CellRange[],
): Omit<FormReading, 'statedTotals'> {
  const params = usableParams(form, markerParams);
  const template = located(form, params, undefined);
  const cells = new SheetCells(grid, merges);
  const tableRows = templateListLengths(template, grid);
  if (followsTemplate(template, grid, tableRows)) {
    const plan = located(form, params, tableRows);
    return { form, plan, values: plan.slots.map((slot) => cells.at(slot.row, slot.col)), doubts: [], layout: 'template' };
  }
  const index = new LabelIndex(grid);
  const found = locateForm(form, template, cells, index);
  if (found.tables.size === 0 && [...found.singles.values()].every((f) => f === undefined)) {
    // Not one label found: read at the template's places (a marked sheet whose labels were all overwritten).
    const plan = located(form, params, tableRows);
    return { form, plan, values: plan.slots.map((slot) => cells.at(slot.row, slot.col)), doubts: [], layout: 'template' };
  }
  return placed(form, params, found, cells);
}

/**
 * Where the fields are when the sheet follows the template (its lists at the lengths found): the plan readForm reads
 * it by, the same object while those lengths stay the same; undefined when readForm would read it label by label.
 * A live re-check (reread-form.ts) reads again only the cells that changed when this plan has not changed.
 */
export function templateLayout(form: FormDefinition, grid: Grid, markerParams: ParamOverrides = {}): SheetPlan | undefined {
  const params = usableParams(form, markerParams);
  const template = located(form, params, undefined);
  const tableRows = templateListLengths(template, grid);
  return followsTemplate(template, grid, tableRows) ? located(form, params, tableRows) : undefined;
}

/** List lengths in a sheet laid out as the template: each list ends where the label that follows it stands. */
function templateListLengths(template: SheetPlan, grid: Grid): Record<string, number> {
  const tableRows: Record<string, number> = {};
  let shift = 0;
  for (const table of template.tables) {
    const firstRow = table.firstRow + shift;
    const after = table.firstRow + table.rowCount;
    const marker = template.cells.find((c) => c.row === after && c.role === 'label' && labelKey(String(c.value ?? '')) !== '');
    let count = table.rowCount;
    if (marker) {
      const wanted = labelKey(String(marker.value));
      for (let r = firstRow; r < grid.length; r++) {
        const v = gridAt(grid, r, marker.col);
        if (typeof v === 'string' && labelKey(v) === wanted) {
          count = r - firstRow;
          break;
        }
      }
    }
    tableRows[table.id] = count;
    shift += count - table.rowCount;
  }
  return tableRows;
}

const withoutDigits = (key: string) => key.replace(/\d+/g, '');

/** Whether every label that names a field stands where the template puts it (lists at their found lengths). */
function followsTemplate(template: SheetPlan, grid: Grid, tableRows: Record<string, number>): boolean {
  for (const c of template.cells) {
    if (c.role !== 'label' || typeof c.value !== 'string') continue;
    // Numbers in labels vary with the 届次 and year (titles, notes) and 序号 cells are numbers: compared without them,
    // so that two headings told apart by words ("服务内容（50字内）", "服务成效简介（100字内…）") still are.
    const key = withoutDigits(labelKey(c.value));
    if (!key) continue;
    let row = c.row;
    for (const t of template.tables) if (c.row >= t.firstRow + t.rowCount) row += (tableRows[t.id] ?? t.rowCount) - t.rowCount;
    const v = gridAt(grid, row, c.col);
    if (typeof v !== 'string' || withoutDigits(labelKey(v)) !== key) return false;
  }
  return true;
}

/** The reading of a sheet whose fields were found label by label. */
function placed(form: FormDefinition, params: ParamOverrides, found: LocatedForm, cells: SheetCells): Omit<FormReading, 'statedTotals'> {
  const tableRows: Record<string, number> = {};
  for (const [id, t] of found.tables) tableRows[id] = t.rowCount;
  const base = located(form, params, tableRows);
  const slots: FieldSlot[] = [];
  const values: CellValue[] = [];
  const doubts: FieldDoubt[] = [];
  const doubted = new Set<string>();
  for (const slot of base.slots) {
    let row = slot.row;
    let col = slot.col;
    let value: CellValue = null;
    if (slot.tableId === undefined) {
      const at = found.singles.get(slot.field.id);
      if (at) {
        row = at.row;
        col = at.col;
        value = at.inline ?? cells.at(row, col);
      } else doubts.push({ key: slot.key, label: slot.field.label });
    } else {
      const table = found.tables.get(slot.tableId);
      const column = table?.columns.get(slot.field.id);
      if (table && column !== undefined) {
        row = table.firstRow + (slot.index ?? 0);
        col = column;
        value = cells.at(row, col);
      } else if (!doubted.has(`${slot.tableId}.${slot.field.id}`)) {
        doubted.add(`${slot.tableId}.${slot.field.id}`);
        doubts.push({ key: slot.key, label: slot.field.label });
      }
    }
    slots.push(movedSlot(slot, row, col));
    values.push(value);
  }
  const tables = base.tables.map((t) => ({ ...t, firstRow: found.tables.get(t.id)?.firstRow ?? t.firstRow }));
  return { form, plan: { ...base, slots, tables }, values, doubts, layout: 'labels' };
}

function movedSlot(slot: FieldSlot, row: number, col: number): FieldSlot {
  if (slot.row === row && slot.col === col) return slot;
  return {
    key: slot.key,
    field: slot.field,
    row,
    col,
    rowSpan: slot.rowSpan,
    colSpan: slot.colSpan,
    tableId: slot.tableId,
    index: slot.index,
  };
}

/**
 * The parameters of a returned sheet's marker (or title) that the form declares and that are valid; any other is
 * left to the notice's default. A marker is text in the file: edited by hand or by a hostile tool it may name
 * parameters the form has not (`__proto__=1`) or values it refuses (`year=abc`), which must not stop a merge.
 */
function usableParams(form: FormDefinition, params: ParamOverrides): ParamOverrides {
  const usable: Record<string, string | number> = {};
  for (const param of form.params) {
    const value = Object.prototype.hasOwnProperty.call(params, param.id) ? params[param.id] : undefined;
    if (value === undefined) continue;
    try {
      resolveParams(form, { [param.id]: value });
      usable[param.id] = value;
    } catch {
      // the notice's default
    }
  }
  return usable;
}

const LOCATED_KEPT = 8;
const locatedCache = new WeakMap<FormDefinition, Map<string, SheetPlan>>();

/** Re-checking a sheet mostly finds its lists as long as last time: the located layout is kept for reuse. */
function located(form: FormDefinition, params: ParamOverrides, tableRows: Record<string, number> | undefined): SheetPlan {
  const key = JSON.stringify([params, tableRows ?? 'template']);
  let kept = locatedCache.get(form);
  if (!kept) locatedCache.set(form, (kept = new Map()));
  let plan = kept.get(key);
  if (!plan) {
    plan = tableRows ? planSheet(form, { params, tableRows, anyRowCount: true, slotsOnly: true }) : planSheet(form, { params });
    if (kept.size >= LOCATED_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(key, plan);
  }
  return plan;
}
