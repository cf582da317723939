import { cellText, squashSpaces, type CellValue } from '../cell-value';
import type { FormDefinition } from '../form-schema';
import { planSheet } from '../layout';
import { resolveParams, type ParamOverrides } from '../params';
import type { SheetPlan } from '../sheet-plan';

/** A sheet's cell values from A1, row by row (rows may be ragged or short). */
export type Grid = readonly (readonly CellValue[] | undefined)[];

export interface FormReading {
  form: FormDefinition;
  /** Where the fields are in this sheet (lists as long as the sheet has them); slots only, nothing to draw. */
  plan: SheetPlan;
  /** The value of each of plan.slots, in the same order. */
  values: readonly CellValue[];
}

export function valueOf(reading: FormReading, key: string): CellValue {
  const i = reading.plan.slots.findIndex((s) => s.key === key);
  return i < 0 ? undefined : reading.values[i];
}

export function gridAt(grid: Grid, row: number, col: number): CellValue {
  return grid[row]?.[col] ?? null;
}

/**
 * Finds how many rows each list has in a filled-in sheet (rows may have been inserted or deleted in a list),
 * by looking for the first label that follows the list, and reads every field's cell.
 */
export function readForm(form: FormDefinition, grid: Grid, markerParams: ParamOverrides = {}): FormReading {
  const params = usableParams(form, markerParams);
  const template = located(form, params, undefined);
  const tableRows: Record<string, number> = {};
  let shift = 0;
  for (const table of template.tables) {
    const firstRow = table.firstRow + shift;
    const after = table.firstRow + table.rowCount;
    const marker = template.cells.find((c) => c.row === after && c.role === 'label' && squashSpaces(String(c.value ?? '')) !== '');
    let count = table.rowCount;
    if (marker) {
      const wanted = squashSpaces(String(marker.value));
      for (let r = firstRow; r < grid.length; r++) {
        if (squashSpaces(cellText(gridAt(grid, r, marker.col))) === wanted) {
          count = r - firstRow;
          break;
        }
      }
    }
    tableRows[table.id] = count;
    shift += count - table.rowCount;
  }
  const plan = located(form, params, tableRows);
  return { form, plan, values: plan.slots.map((slot) => gridAt(grid, slot.row, slot.col)) };
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
