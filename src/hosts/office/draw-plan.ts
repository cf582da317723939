import { rangeAddress, type CellRange } from '../../core/a1';
import { literalForTyping } from '../../core/cell-text';
import type { NativeRule, NativeValidation } from '../../core/native-validation';
import { planBlocks, type PlanBlocks } from '../../core/plan-blocks';
import { runsOf } from '../../core/rectangles';
import type { SheetPlan } from '../../core/sheet-plan';
import type { ResolvedStyle } from '../../core/styles';
import { columnWidthToPoints } from '../../core/units';
import { queuePageBasics } from './page-setup';
import { MARKER_COLUMN_WIDTH } from '../../core/layout';
import type { ApiSupport } from './api-support';
import type { EdgeName, InsideEdgeName, RangeFormatSurface, RangeSurface, WorksheetSurface } from './excel-surface';

/** Excel's vertical (stacked) text orientation. */
export const VERTICAL_TEXT = 180;
const BLACK = '#000000';
const EDGES: Record<ResolvedStyle['border'], EdgeName[]> = {
  box: ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'],
  bottom: ['EdgeBottom'],
  none: [],
};
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** The range of a rectangle of the sheet. */
const rangeOf = (ws: WorksheetSurface, r: CellRange): RangeSurface =>
  ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

function drawBorders(range: RangeSurface, edges: readonly (EdgeName | InsideEdgeName)[]): void {
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = BLACK;
  }
}

/**
 * Each format property set once per rectangle of cells sharing it (core/plan-blocks.ts), as ET's drawing does: cell by
 * cell, a 120-row list was some 25,000 operations in one request — past the 5 MB a request may carry in Excel on the
 * web, by Microsoft's counting ("Performance optimization using the Excel JavaScript API": calls, objects and values).
 * Number formats go first, so that what is written after into a text cell stays text.
 */
function formatBlocks(ws: WorksheetSurface, blocks: PlanBlocks): void {
  for (const { range, value } of blocks.numberFormats) {
    const rows = range.bottom - range.top + 1;
    const columns = range.right - range.left + 1;
    rangeOf(ws, range).numberFormat = Array.from({ length: rows }, () => new Array<string>(columns).fill(value));
  }
  const each = <T extends string | number | boolean>(
    pick: (s: ResolvedStyle) => T | undefined,
    set: (f: RangeFormatSurface, v: T) => void,
  ) => {
    for (const { range, value } of blocks.byStyle(pick)) set(rangeOf(ws, range).format, value);
  };
  each(
    (s) => s.font,
    (f, v) => (f.font.name = v),
  );
  each(
    (s) => s.size,
    (f, v) => (f.font.size = v),
  );
  each(
    (s) => s.bold,
    (f, v) => (f.font.bold = v),
  );
  each(
    (s) => H_ALIGN[s.h],
    (f, v) => (f.horizontalAlignment = v),
  );
  each(
    (s) => V_ALIGN[s.v],
    (f, v) => (f.verticalAlignment = v),
  );
  each(
    (s) => s.wrap,
    (f, v) => (f.wrapText = v),
  );
  each(
    (s) => (s.vertical ? VERTICAL_TEXT : undefined),
    (f, v) => (f.textOrientation = v),
  );
  each(
    (s) => s.locked,
    (f, v) => (f.protection.locked = v),
  );
  // Boxed blocks: their four edges and the lines inside (a merged area shows none inside itself); underlined cells,
  // their bottom edge.
  for (const box of blocks.boxes) {
    const inside: InsideEdgeName[] = [];
    if (box.bottom > box.top) inside.push('InsideHorizontal');
    if (box.right > box.left) inside.push('InsideVertical');
    drawBorders(rangeOf(ws, box), [...EDGES.box, ...inside]);
  }
  for (const run of blocks.underlined) drawBorders(rangeOf(ws, run), EDGES.bottom);
}

/**
 * The form's values and the marker in one write over the block; null for every other cell, which leaves it as it is
 * ("null input in 2-D Array": Microsoft, "Blank and null values in Excel add-ins"; '' would clear it).
 */
function blockValues(plan: SheetPlan, blocks: PlanBlocks): (string | number | null)[][] {
  const values = Array.from({ length: blocks.rows }, () => new Array<string | number | null>(blocks.columns).fill(null));
  for (const cell of plan.cells) {
    // A printed 合计: the plan's own formula (from addresses, never cell text), which Range.values takes as a formula
    // as typing would; any text goes in as text.
    const row = values[cell.row] as (string | number | null)[];
    if (cell.formula !== undefined) row[cell.col] = `=${cell.formula}`;
    else row[cell.col] = literalForTyping(cell.value);
  }
  (values[plan.marker.row] as (string | number | null)[])[plan.marker.col] = plan.marker.text;
  return values;
}

/** A number's bounds as Excel's validation operators: at least the minimum, or between the two. */
function atLeastOrBetween(rule: { min: number; max?: number }): Excel.BasicDataValidation {
  return rule.max === undefined
    ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
    : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
}

function ruleFor(rule: NativeRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.options.join(',') } };
    case 'whole':
      return { wholeNumber: atLeastOrBetween(rule) };
    case 'decimal':
      return { decimal: atLeastOrBetween(rule) };
    case 'textLength':
      if (rule.min === undefined) return { textLength: { formula1: rule.max as number, operator: 'LessThanOrEqualTo' } };
      if (rule.max === undefined) return { textLength: { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } };
      return { textLength: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'date':
      return { date: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
  }
}

function validate(range: RangeSurface, v: NativeValidation): void {
  const dv = range.dataValidation;
  if (v.rule) {
    dv.rule = ruleFor(v.rule);
    dv.ignoreBlanks = true;
    dv.errorAlert = { showAlert: true, style: v.errorStyle === 'stop' ? 'Stop' : 'Warning', title: v.errorTitle, message: v.error };
  }
  dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
}

/**
 * The form's own checks as Excel's conditional formats (conditional-formats.ts), so a wrong value shows red while the
 * clerk types, with no write of the add-in after the edit (live-paint.ts keeps the undo history that way).
 * Range.conditionalFormats is ExcelApi 1.6, below the manifest's minimum (1.7): no feature check. The formula is
 * given with its '=' in English (ConditionalFormatRule.formula; formulaLocal would be the user's language), relative
 * to the range's top-left cell like the file's <cfRule>. ConditionalFormatCollection.add puts each new format "at the
 * first/top priority", so the rules are added last to first: the plan's first rule (errors first) ends on top, in
 * the same order as the .xlsx template's priorities.
 */
function addConditionalFormats(ws: WorksheetSurface, plan: SheetPlan): void {
  for (const rule of [...plan.conditionalFormats].reverse()) {
    const { custom } = ws.getRange(rule.range).conditionalFormats.add('Custom');
    custom.rule.formula = `=${rule.formula}`;
    custom.format.fill.color = rule.fill;
  }
}

/** Queues every write that draws the plan on an empty worksheet; nothing is sent to Excel here. */
export function queueDrawing(ws: WorksheetSurface, plan: SheetPlan, support: ApiSupport): void {
  const blocks = planBlocks(plan);
  for (const [first, last, width] of runsOf(plan.columnWidths))
    ws.getRangeByIndexes(0, first, 1, last - first + 1).format.columnWidth = columnWidthToPoints(width);
  for (const [first, last, height] of runsOf(plan.rowHeights))
    ws.getRangeByIndexes(first, 0, last - first + 1, 1).format.rowHeight = height;
  formatBlocks(ws, blocks);
  rangeOf(ws, blocks.block).values = blockValues(plan, blocks);
  for (const area of plan.merges) rangeOf(ws, area).merge(false);
  if (support.validation) {
    for (const { range, validation } of plan.validationAreas) validate(rangeOf(ws, range), validation);
    ws.showGridlines = false;
  }
  addConditionalFormats(ws, plan);

  const marker = ws.getRangeByIndexes(plan.marker.row, plan.marker.col, 1, 1);
  marker.format.columnWidth = columnWidthToPoints(MARKER_COLUMN_WIDTH);
  marker.getEntireColumn().columnHidden = true;
  ws.names.add(plan.marker.name, `="${plan.marker.text.replace(/"/g, '""')}"`);

  if (support.pageLayout) {
    const { print } = plan;
    const layout = ws.pageLayout;
    queuePageBasics(layout, print);
    layout.setPrintArea(rangeAddress(print.area));
    if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.top + 1}:$${print.titleRows.bottom + 1}`);
  }

  const p = plan.protection;
  ws.protection.protect({
    allowFormatCells: p.allowFormatCells,
    allowFormatColumns: p.allowFormatColumns,
    allowFormatRows: p.allowFormatRows,
    allowInsertRows: p.allowInsertRows,
    selectionMode: 'Normal',
  });
}
