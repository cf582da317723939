/**
 * Everything ET will be told to draw a SheetPlan, worked out and checked before the first call: WPS applies each
 * call at once and has no batch to roll back, so a plan it would refuse half-way is refused here, with nothing
 * written.
 */
import { cellAddress, rangeAddress, type CellRange } from '../../core/a1';
import { looksLikeFormula } from '../../core/cell-text';
import { UserError } from '../../core/errors';
import { MARKER_COLUMN_WIDTH } from '../../core/layout';
import { planLimitProblems } from '../../core/plan-limits';
import { ERROR_MAX, PROMPT_MAX, PROMPT_TITLE_MAX, type NativeRule, type NativeValidation } from '../../core/native-validation';
import type { SheetPlan } from '../../core/sheet-plan';
import type { ResolvedStyle } from '../../core/styles';
import { marginsInPoints, type PageMargins } from '../../core/margin-points';
import { runsOf, type Rectangle } from '../../core/rectangles';
import { planBlocks } from '../../core/plan-blocks';
import { hexToBgr, XL } from './et-values';
import type { EtCellValue } from './wps-surface';

/** ET's sheet: 1,048,576 rows by 16,384 columns (XFD), as Excel's. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** A Range property set block by block; `value` is what is assigned. */
export type FormatProperty =
  'FontName' | 'FontSize' | 'Bold' | 'HorizontalAlignment' | 'VerticalAlignment' | 'WrapText' | 'Orientation' | 'Locked' | 'NumberFormat';

export interface PreparedValidation {
  range: string;
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2: string | undefined;
  dropdown: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

export interface PreparedCondition {
  range: string;
  /** The range's top-left cell: selected before the format is added (its relative references are read from there). */
  topLeft: string;
  formula: string;
  /** BGR. */
  fill: number;
}

export interface PreparedDrawing {
  /** The block the values are written to in one Value2 write: the form and the marker column. */
  block: CellRange;
  values: EtCellValue[][];
  formats: { property: FormatProperty; rectangles: Rectangle<string | number | boolean>[] }[];
  /** Blocks of boxed cells (edges and inside lines), and one-row runs of underlined cells (bottom edge). */
  borders: { boxes: CellRange[]; underlined: CellRange[] };
  merges: string[];
  validations: PreparedValidation[];
  /** In the order to add them: each is made the first applied, so the plan's first rule ends on top. */
  conditions: PreparedCondition[];
  columnWidths: { columns: string; width: number }[];
  rowHeights: { rows: string; height: number }[];
  marker: { address: string; text: string; name: string; refersTo: string; width: number };
  print: {
    orientation: number;
    paperSize: number;
    fitToPagesWide: number;
    /** False: as many pages tall as it takes (VBA's FitToPagesTall = False). */
    fitToPagesTall: number | false;
    centerHorizontally: boolean;
    margins: PageMargins;
    printArea: string;
    printTitleRows: string | undefined;
  };
  protection: SheetPlan['protection'];
}

const H_ALIGN: Record<ResolvedStyle['h'], number> = { left: XL.hAlign.left, center: XL.hAlign.center, right: XL.hAlign.right };
const V_ALIGN: Record<ResolvedStyle['v'], number> = { top: XL.vAlign.top, middle: XL.vAlign.middle, bottom: XL.vAlign.bottom };

/**
 * The value to write through Value2, which ET parses like typing (VBA's Range.Value): text a spreadsheet would take
 * for a formula, a number or a date gets the text prefix (a leading apostrophe, not kept), so a label stays the
 * text it is and no cell text ever becomes a formula.
 */
export function literalForEt(value: string | number | null, textFormat: boolean): EtCellValue {
  if (typeof value !== 'string') return value;
  if (looksLikeFormula(value) || value.startsWith("'")) return `'${value}`;
  if (textFormat) return value;
  const t = value.trim();
  const numberLike = t !== '' && Number.isFinite(Number(t));
  const dateLike = /^\d{1,4}\s*[-/.年]\s*\d{1,2}/.test(t) || /^\d{1,2}\s*[:：]\s*\d/.test(t) || /^[+-]?\d+%$/.test(t);
  return numberLike || dateLike ? `'${value}` : value;
}

/** A day as Excel's serial number (days since 1899-12-30), the locale-free way to give a date rule its bounds. */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

type RuleArguments = Pick<PreparedValidation, 'type' | 'operator' | 'formula1' | 'formula2' | 'dropdown'>;

/** A validation of `type` by its bounds: at most the maximum, at least the minimum, or between both. */
function bounded(type: number, min: number | undefined, max: number | undefined): RuleArguments {
  if (min === undefined) return { type, operator: XL.operator.lessEqual, formula1: String(max), formula2: undefined, dropdown: false };
  if (max === undefined) return { type, operator: XL.operator.greaterEqual, formula1: String(min), formula2: undefined, dropdown: false };
  return { type, operator: XL.operator.between, formula1: String(min), formula2: String(max), dropdown: false };
}

function ruleArguments(rule: NativeRule | undefined): RuleArguments {
  if (!rule) return { type: 0, operator: XL.operator.between, formula1: '', formula2: undefined, dropdown: false };
  switch (rule.kind) {
    case 'list':
      return {
        type: XL.validate.list,
        operator: XL.operator.between,
        formula1: rule.options.join(','),
        formula2: undefined,
        dropdown: true,
      };
    case 'whole':
      return bounded(XL.validate.wholeNumber, rule.min, rule.max);
    case 'decimal':
      return bounded(XL.validate.decimal, rule.min, rule.max);
    case 'textLength':
      return bounded(XL.validate.textLength, rule.min, rule.max);
    case 'date':
      return {
        type: XL.validate.date,
        operator: XL.operator.between,
        formula1: String(isoToSerial(rule.min)),
        formula2: String(isoToSerial(rule.max)),
        dropdown: false,
      };
  }
}

function validationProblems(v: NativeValidation, where: string): string[] {
  const problems: string[] = [];
  if (v.promptTitle.length > PROMPT_TITLE_MAX || v.errorTitle.length > PROMPT_TITLE_MAX)
    problems.push(`${where}的提示标题超过${PROMPT_TITLE_MAX}个字`);
  if (v.prompt.length > PROMPT_MAX) problems.push(`${where}的输入提示超过${PROMPT_MAX}个字`);
  if (v.error.length > ERROR_MAX) problems.push(`${where}的出错提示超过${ERROR_MAX}个字`);
  if (v.rule?.kind === 'list') {
    if (v.rule.options.some((o) => o.includes(',') || o === '')) problems.push(`${where}的下拉选项含有逗号或空项`);
  }
  return problems;
}

const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Works out and checks the whole drawing; throws a UserError naming every problem, having called nothing. */
export function prepareDrawing(plan: SheetPlan): PreparedDrawing {
  // Excel's formula limits first (the file is saved as .xlsx): the core's guard for every drawer
  const problems: string[] = planLimitProblems(plan);
  const blocks = planBlocks(plan);
  problems.push(...blocks.problems);
  const { block, rows, columns } = blocks;
  if (block.bottom >= MAX_ROWS || block.right >= MAX_COLUMNS) problems.push('表格超出了工作表的行列范围');

  const values: EtCellValue[][] = Array.from({ length: rows }, () => new Array<EtCellValue>(columns).fill(null));
  for (const cell of plan.cells) {
    // A printed 合计: the plan's own formula (from addresses, never cell text); any text goes in as text.
    (values[cell.row] as EtCellValue[])[cell.col] =
      cell.formula !== undefined ? `=${cell.formula}` : literalForEt(cell.value, cell.style.numFmt === '@');
  }
  (values[plan.marker.row] as EtCellValue[])[plan.marker.col] = plan.marker.text;

  const { byStyle } = blocks;
  const formats: PreparedDrawing['formats'] = [
    { property: 'FontName', rectangles: byStyle((s) => s.font) },
    { property: 'FontSize', rectangles: byStyle((s) => s.size) },
    { property: 'Bold', rectangles: byStyle((s) => s.bold) },
    { property: 'HorizontalAlignment', rectangles: byStyle((s) => H_ALIGN[s.h]) },
    { property: 'VerticalAlignment', rectangles: byStyle((s) => V_ALIGN[s.v]) },
    { property: 'WrapText', rectangles: byStyle((s) => s.wrap) },
    { property: 'Orientation', rectangles: byStyle((s) => (s.vertical ? XL.orientation.vertical : XL.orientation.horizontal)) },
    { property: 'Locked', rectangles: byStyle((s) => s.locked) },
    {
      property: 'NumberFormat',
      rectangles: blocks.numberFormats,
    },
  ];

  // Boxed areas, each drawn with its four edges and its inside lines; underlined areas, their bottom edge row by row.
  const borders = { boxes: blocks.boxes, underlined: blocks.underlined };

  plan.merges.forEach((m, i) => {
    if (plan.merges.some((o, j) => j < i && overlaps(m, o))) problems.push(`合并区域${rangeAddress(m)}与其他合并区域重叠`);
  });

  const validations: PreparedValidation[] = plan.validationAreas.map(({ range, validation }) => {
    problems.push(...validationProblems(validation, rangeAddress(range)));
    return {
      range: rangeAddress(range),
      ...ruleArguments(validation.rule),
      alertStyle: validation.errorStyle === 'stop' ? XL.alert.stop : XL.alert.warning,
      inputTitle: validation.promptTitle,
      inputMessage: validation.prompt,
      errorTitle: validation.errorTitle,
      errorMessage: validation.error,
    };
  });

  const conditions: PreparedCondition[] = [];
  for (const rule of [...plan.conditionalFormats].reverse()) {
    let fill = 0;
    try {
      fill = hexToBgr(rule.fill);
    } catch {
      problems.push(`条件格式的颜色${rule.fill}无效`);
    }
    const topLeft = rule.range.split(':')[0] as string;
    conditions.push({ range: rule.range, topLeft, formula: `=${rule.formula}`, fill });
  }

  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(plan.marker.name)) problems.push(`名称${plan.marker.name}无效`);

  if (problems.length > 0)
    throw new UserError('wps', `无法插入“${plan.sheetName}”：${[...new Set(problems)].join('；')}。没有写入任何内容。`);

  const { print } = plan;
  return {
    block,
    values,
    formats,
    borders,
    merges: plan.merges.map(rangeAddress),
    validations,
    conditions,
    columnWidths: runsOf(plan.columnWidths).map(([first, last, width]) => ({
      columns: rangeAddress({ top: 0, bottom: 0, left: first, right: last }),
      width,
    })),
    rowHeights: runsOf(plan.rowHeights).map(([first, last, height]) => ({
      rows: rangeAddress({ top: first, bottom: last, left: 0, right: 0 }),
      height,
    })),
    marker: {
      address: cellAddress(plan.marker.row, plan.marker.col),
      text: plan.marker.text,
      name: plan.marker.name,
      refersTo: `="${plan.marker.text.replace(/"/g, '""')}"`,
      width: MARKER_COLUMN_WIDTH,
    },
    print: {
      orientation: print.orientation === 'landscape' ? XL.page.landscape : XL.page.portrait,
      paperSize: XL.page.a4,
      fitToPagesWide: print.fitToWidth,
      fitToPagesTall: print.fitToHeight === 0 ? false : print.fitToHeight,
      centerHorizontally: print.horizontalCentered,
      margins: marginsInPoints(print.margins),
      printArea: rangeAddress(print.area).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2'),
      printTitleRows: print.titleRows ? `$${print.titleRows.top + 1}:$${print.titleRows.bottom + 1}` : undefined,
    },
    protection: plan.protection,
  };
}
