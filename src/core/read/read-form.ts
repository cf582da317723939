import { cellText, type CellValue } from '../cell-value';
import type { FormDefinition } from '../form-schema';
import { planSheet } from '../layout';
import type { ParamOverrides } from '../params';
import type { SheetPlan } from '../sheet-plan';

/** A sheet's cell values from A1, row by row (rows may be ragged or short). */
export type Grid = readonly (readonly CellValue[] | undefined)[];

export interface FormReading {
  form: FormDefinition;
  /** The layout as found in the sheet: lists as long as the sheet has them. */
  plan: SheetPlan;
  values: ReadonlyMap<string, CellValue>;
}

const squash = (text: string) => text.replace(/[\s\u3000]/g, '');

export function gridAt(grid: Grid, row: number, col: number): CellValue {
  return grid[row]?.[col] ?? null;
}

/**
 * Finds how many rows each list has in a filled-in sheet (rows may have been inserted or deleted in a list),
 * by looking for the first label that follows the list, and reads every field's cell.
 */
export function readForm(form: FormDefinition, grid: Grid, params: ParamOverrides = {}): FormReading {
  const template = planSheet(form, { params });
  const tableRows: Record<string, number> = {};
  let shift = 0;
  for (const table of template.tables) {
    const firstRow = table.firstRow + shift;
    const after = table.firstRow + table.rowCount;
    const marker = template.cells.find((c) => c.row === after && c.role === 'label' && squash(String(c.value ?? '')) !== '');
    let count = table.rowCount;
    if (marker) {
      const wanted = squash(String(marker.value));
      for (let r = firstRow; r < grid.length; r++) {
        if (squash(cellText(gridAt(grid, r, marker.col))) === wanted) {
          count = r - firstRow;
          break;
        }
      }
    }
    tableRows[table.id] = count;
    shift += count - table.rowCount;
  }
  const plan = planSheet(form, { params, tableRows, anyRowCount: true });
  const values = new Map<string, CellValue>();
  for (const slot of plan.slots) values.set(slot.key, gridAt(grid, slot.row, slot.col));
  return { form, plan, values };
}
