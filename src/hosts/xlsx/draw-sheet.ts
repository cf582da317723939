import type ExcelJS from 'exceljs';
import { cellAddress, rangeAddress } from '../../core/a1';
import { MARKER_COLUMN_WIDTH } from '../../core/layout';
import { checkPlanWithinLimits } from '../../core/plan-limits';
import type { NativeRule, NativeValidation } from '../../core/native-validation';
import type { PlannedCell, SheetPlan } from '../../core/sheet-plan';
import type { ResolvedStyle } from '../../core/styles';
import { BOX, CJK_CHARSET, THIN } from './cell-style';

const A4 = 9;

function borderOf(style: ResolvedStyle): Partial<ExcelJS.Borders> {
  switch (style.border) {
    case 'box':
      return BOX;
    case 'bottom':
      return { bottom: THIN };
    case 'none':
      return {};
  }
}

function excelStyle(style: ResolvedStyle): Partial<ExcelJS.Style> {
  return {
    font: { name: style.font, size: style.size, bold: style.bold, charset: CJK_CHARSET },
    alignment: {
      horizontal: style.h,
      vertical: style.v,
      wrapText: style.wrap,
      ...(style.vertical ? { textRotation: 'vertical' as const } : {}),
    },
    border: borderOf(style),
    numFmt: style.numFmt,
    protection: { locked: style.locked },
  };
}

function dataValidation(v: NativeValidation): ExcelJS.DataValidation | undefined {
  const rule: NativeRule | undefined = v.rule;
  if (!rule) return undefined;
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  switch (rule.kind) {
    case 'list':
      return { type: 'list', formulae: [`"${rule.options.join(',')}"`], ...messages };
    case 'whole':
      return rule.max === undefined
        ? { type: 'whole', operator: 'greaterThanOrEqual', formulae: [rule.min], ...messages }
        : { type: 'whole', operator: 'between', formulae: [rule.min, rule.max], ...messages };
    case 'decimal':
      return rule.max === undefined
        ? { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.min], ...messages }
        : { type: 'decimal', operator: 'between', formulae: [rule.min, rule.max], ...messages };
    case 'textLength':
      if (rule.min === undefined) return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max], ...messages };
      if (rule.max === undefined) return { type: 'textLength', operator: 'greaterThanOrEqual', formulae: [rule.min], ...messages };
      return { type: 'textLength', operator: 'between', formulae: [rule.min, rule.max], ...messages };
    case 'date':
      return { type: 'date', operator: 'between', formulae: [rule.min, rule.max], ...messages };
  }
}

function inputMessageOnly(v: NativeValidation): ExcelJS.DataValidation {
  return { type: 'any', showInputMessage: true, promptTitle: v.promptTitle, prompt: v.prompt } as unknown as ExcelJS.DataValidation;
}

function drawCell(ws: ExcelJS.Worksheet, cell: PlannedCell): void {
  const anchor = ws.getCell(cell.row + 1, cell.col + 1);
  anchor.style = excelStyle(cell.style);
  if (cell.formula !== undefined) anchor.value = { formula: cell.formula, date1904: false };
  else if (cell.value !== null) anchor.value = cell.value;
  if (cell.rowSpan > 1 || cell.colSpan > 1) {
    ws.mergeCells(cell.row + 1, cell.col + 1, cell.row + cell.rowSpan, cell.col + cell.colSpan);
  }
}

/** Draws a planned form into an empty worksheet of an ExcelJS workbook. */
export function drawSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  // the core's guard, before anything is drawn: Excel would delete a rule past its limits when it opens the file
  checkPlanWithinLimits(plan);
  plan.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  plan.rowHeights.forEach((height, i) => {
    ws.getRow(i + 1).height = height;
  });
  for (const cell of plan.cells) drawCell(ws, cell);

  // One rule per area, each named as a range (even one cell: "B3:B3"). Given cells one by one, ExcelJS squeezes
  // them into rectangles itself, visiting them sorted as text (A10 before A5) and growing each rectangle over cells
  // already taken: A10:A14 and A5:A14, 65 cells under two rules in the 杨浦 forms.
  for (const { range, validation } of plan.validationAreas) {
    const ref = `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
    validationsOf(ws).add(ref, dataValidation(validation) ?? inputMessageOnly(validation));
  }
  drawConditionalFormats(ws, plan);

  const markerColumn = ws.getColumn(plan.marker.col + 1);
  markerColumn.width = MARKER_COLUMN_WIDTH;
  markerColumn.hidden = true;
  const marker = ws.getCell(plan.marker.row + 1, plan.marker.col + 1);
  marker.value = plan.marker.text;
  marker.numFmt = '@';
  marker.protection = { locked: true };

  const { print } = plan;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    horizontalCentered: print.horizontalCentered,
    margins: print.margins,
    printArea: rangeAddress(print.area),
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.top + 1}:${print.titleRows.bottom + 1}` } : {}),
  };
  ws.views = [{ state: 'normal', showGridLines: false, activeCell: firstInputAddress(plan) }];
}

/** ExcelJS's per-sheet rule list (lib/doc/data-validations.js), which its type declarations leave out. */
function validationsOf(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Fill colour as ExcelJS wants it: ARGB without '#'. */
const argb = (hex: string): string => `FF${hex.replace(/^#/, '').toUpperCase()}`;

/** The form's own checks as conditional formatting: a wrong value is red without the add-in (conditional-formats.ts). */
function drawConditionalFormats(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.conditionalFormats.forEach((rule, i) => {
    const color = { argb: argb(rule.fill) };
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [rule.formula],
          // A differential fill's colour is its bgColor for Excel; fgColor too, for readers that take that one.
          style: { fill: { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color } },
        },
      ],
    });
  });
}

function firstInputAddress(plan: SheetPlan): string {
  const first = plan.slots[0];
  return first ? cellAddress(first.row, first.col) : 'A1';
}

export async function protectSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): Promise<void> {
  const p = plan.protection;
  await ws.protect(p.password, {
    selectLockedCells: p.allowSelectLocked,
    selectUnlockedCells: p.allowSelectUnlocked,
    formatCells: p.allowFormatCells,
    formatColumns: p.allowFormatColumns,
    formatRows: p.allowFormatRows,
    insertRows: p.allowInsertRows,
  });
}
