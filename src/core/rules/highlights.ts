import { cellAddress } from '../a1';
import type { SheetPlan } from '../sheet-plan';
import type { Problem, Severity } from './check-form';

/** Fill colours for problem cells: Excel's own "bad" red and "neutral" yellow. Forms themselves have no fill. */
export const HIGHLIGHT: Record<Exclude<Severity, 'info'>, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

export interface InputArea {
  anchor: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Every input area of the located form, by the address of its top-left cell. */
export function inputAreas(plan: SheetPlan): Map<string, InputArea> {
  const areas = new Map<string, InputArea>();
  for (const s of plan.slots) {
    const anchor = cellAddress(s.row, s.col);
    areas.set(anchor, { anchor, row: s.row, col: s.col, rowSpan: s.rowSpan, colSpan: s.colSpan });
  }
  return areas;
}

/**
 * The fill each problem cell should have; the worst problem of a cell decides. Reminders (info) are not painted,
 * nor is a required cell still empty while the form is being filled in (未填): only wrong values are red at once.
 */
export function wantedHighlights(problems: readonly Problem[]): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const p of problems) {
    if (p.severity === 'info' || p.unfilled) continue;
    if (p.severity === 'error' || !wanted.has(p.cell)) wanted.set(p.cell, HIGHLIGHT[p.severity]);
  }
  return wanted;
}

export interface HighlightChange {
  area: InputArea;
  /** The fill to set, or undefined to return the cell to the form's own (no) fill. */
  fill: string | undefined;
}

/**
 * The fills to write so that exactly the problem cells are highlighted. `current` is what this add-in painted
 * before; undefined when unknown (a reopened workbook), in which case every clean input area is cleared once.
 */
export function highlightChanges(
  areas: Map<string, InputArea>,
  wanted: Map<string, string>,
  current: ReadonlyMap<string, string> | undefined,
): HighlightChange[] {
  const changes: HighlightChange[] = [];
  for (const [anchor, area] of areas) {
    const want = wanted.get(anchor);
    const have = current?.get(anchor);
    if (want !== undefined && want !== have) changes.push({ area, fill: want });
    else if (want === undefined && (current === undefined || have !== undefined)) changes.push({ area, fill: undefined });
  }
  return changes;
}
