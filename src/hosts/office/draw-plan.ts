import { rangeAddress } from '../../core/a1';
import { literalForTyping } from '../../core/cell-text';
import type { NativeRule, NativeValidation } from '../../core/native-validation';
import type { PlannedCell, SheetPlan } from '../../core/sheet-plan';
import type { ResolvedStyle } from '../../core/styles';
import { columnWidthToPoints } from '../../core/units';
import { queuePageBasics } from './page-setup';
import { MARKER_COLUMN_WIDTH } from '../../core/layout';
import type { ApiSupport } from './api-support';
import type { EdgeName, RangeSurface, WorksheetSurface } from './excel-surface';

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

function formatCell(range: RangeSurface, cell: PlannedCell): void {
  const { style } = cell;
  const f = range.format;
  f.font.name = style.font;
  f.font.size = style.size;
  f.font.bold = style.bold;
  f.horizontalAlignment = H_ALIGN[style.h];
  f.verticalAlignment = V_ALIGN[style.v];
  f.wrapText = style.wrap;
  if (style.vertical) f.textOrientation = VERTICAL_TEXT;
  for (const edge of EDGES[style.border]) {
    const border = f.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = BLACK;
  }
  f.protection.locked = style.locked;
  range.numberFormat = Array.from({ length: cell.rowSpan }, () => Array.from({ length: cell.colSpan }, () => style.numFmt));
}

function ruleFor(rule: NativeRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.options.join(',') } };
    case 'whole':
      return {
        wholeNumber:
          rule.max === undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: rule.min, formula2: rule.max, operator: 'Between' },
      };
    case 'decimal':
      return {
        decimal:
          rule.max === undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: rule.min, formula2: rule.max, operator: 'Between' },
      };
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
  plan.columnWidths.forEach((width, col) => {
    ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnWidthToPoints(width);
  });
  plan.rowHeights.forEach((height, row) => {
    ws.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = height;
  });
  for (const cell of plan.cells) {
    const area = ws.getRangeByIndexes(cell.row, cell.col, cell.rowSpan, cell.colSpan);
    if (cell.rowSpan > 1 || cell.colSpan > 1) area.merge(false);
    formatCell(area, cell);
    // A printed 合计: the plan's own formula (from addresses, never cell text), which Range.values takes as a formula
    // as typing would; any text goes in as text.
    if (cell.formula !== undefined) ws.getRangeByIndexes(cell.row, cell.col, 1, 1).values = [[`=${cell.formula}`]];
    else if (cell.value !== null) ws.getRangeByIndexes(cell.row, cell.col, 1, 1).values = [[literalForTyping(cell.value)]];
  }
  if (support.validation) {
    for (const { row, col, validation } of plan.validations) validate(ws.getRangeByIndexes(row, col, 1, 1), validation);
    ws.showGridlines = false;
  }
  addConditionalFormats(ws, plan);

  const marker = ws.getRangeByIndexes(plan.marker.row, plan.marker.col, 1, 1);
  marker.numberFormat = [['@']];
  marker.values = [[plan.marker.text]];
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
