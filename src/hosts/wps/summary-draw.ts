import { literalForTyping } from '../../core/cell-text';
import type { SummaryValue } from '../../core/merge/summaries';
import { TEXT_FORMAT, type SummaryCellStyle, type SummaryPlan } from '../../core/merge/summary-plan';
import { rangeAddress } from '../../core/a1';
import { excelValue } from '../office/summary-cells';
import { hexToBgr, withAlertsOff, XL } from './et-values';
import { step } from './summary-errors';
import { addressOf, heightRuns, numberFormatBlocks, rowsAddress, widthRuns } from './summary-ranges';
import type { EtApplicationSurface, EtCellValue, EtWorksheetSurface } from './wps-surface';

/**
 * One summary sheet drawn through ET from its plan, cell formats grouped by range: each function here is a handful
 * of calls whatever the number of rows, but for `writeRows`, one Value2 write per block of rows.
 */

/** XlHAlign's xlHAlignGeneral and the inside edges of XlBordersIndex (lib.et.d.ts), beside et-values.ts's. */
const H_GENERAL = 1;
const INSIDE_VERTICAL = 11;
const INSIDE_HORIZONTAL = 12;

const H_ALIGN: Record<SummaryCellStyle['horizontal'], number> = { General: H_GENERAL, Center: XL.hAlign.center, Left: XL.hAlign.left };
const V_ALIGN: Record<SummaryCellStyle['vertical'], number> = { Center: XL.vAlign.middle, Bottom: XL.vAlign.bottom };

/**
 * A summary value as written through Value2, which (as VBA's Range.Value) reads a string like typing: the same
 * protection as Office.js gets (hosts/office/summary-cells.ts excelValue: text prefixed with ' where it could be
 * taken for a number, a date or a formula; dates as serial numbers), with an empty cell written as null, the empty
 * value Value2 itself gives back for one (aiworkdeck read2D).
 */
export function etValue(value: SummaryValue, numberFormat: string): EtCellValue {
  const v = excelValue(value, numberFormat);
  return v === '' ? null : v;
}

/** The title: its cell as text, then its value. 4 calls. */
export function writeTitle(ws: EtWorksheetSurface, plan: SummaryPlan): void {
  step('写入标题', () => {
    const cell = ws.Range(rangeAddress({ top: plan.titleRow.row, left: 0, bottom: plan.titleRow.row, right: 0 }));
    cell.NumberFormat = plan.titleRow.numberFormat;
    cell.Value2 = [[literalForTyping(plan.titleRow.text)]];
  });
}

/** The header rows as text, in one write. 4 calls. */
export function writeHeader(ws: EtWorksheetSurface, plan: SummaryPlan): void {
  const [first] = plan.headerRows;
  if (!first) return;
  const last = plan.headerRows[plan.headerRows.length - 1] ?? first;
  step('写入表头', () => {
    const range = ws.Range(rowsAddress(first.row, last.row, plan.columns));
    range.NumberFormat = TEXT_FORMAT;
    range.Value2 = plan.headerRows.map((h) => h.values.map((v) => literalForTyping(v)));
  });
}

/** The body's number formats, one per rectangle sharing one (before the values: text stays text). 2 calls each. */
export function writeNumberFormats(ws: EtWorksheetSurface, plan: SummaryPlan): void {
  step('设置数字格式', () => {
    for (const block of numberFormatBlocks(plan)) ws.Range(addressOf(block.range)).NumberFormat = block.format;
  });
}

/** Rows `first`…`first + count - 1` of the body in one Value2 write. 2 calls. */
export function writeRows(ws: EtWorksheetSurface, plan: SummaryPlan, values: EtCellValue[][], first: number, count: number): void {
  step('写入数据', () => {
    const top = plan.bodyTop + first;
    ws.Range(rowsAddress(top, top + count - 1, plan.columns)).Value2 = values.slice(first, first + count);
  });
}

/** The body's values as Value2 takes them. */
export function bodyValues(plan: SummaryPlan): EtCellValue[][] {
  return plan.body.map((row, i) => row.map((v, j) => etValue(v, plan.bodyFormats[i]?.[j] ?? TEXT_FORMAT)));
}

/** The title merged across and the header groups merged over their columns, with DisplayAlerts off. 2 calls each, + 4. */
export function writeMerges(app: EtApplicationSurface, ws: EtWorksheetSurface, plan: SummaryPlan): void {
  const merges = [
    ...(plan.titleRow.merge
      ? [{ top: plan.titleRow.row, left: plan.titleRow.merge.left, bottom: plan.titleRow.row, right: plan.titleRow.merge.right }]
      : []),
    ...plan.headerMerges,
  ];
  if (merges.length === 0) return;
  step('合并单元格', () => withAlertsOff(app, () => merges.forEach((m) => ws.Range(addressOf(m)).Merge())));
}

/**
 * Each region's look: font, fill, alignment, wrapping. What a new sheet already has (no fill, not bold, General
 * and bottom alignment, no wrapping) is not set again. Up to 10 calls a region.
 */
export function writeStyles(ws: EtWorksheetSurface, plan: SummaryPlan): void {
  step('设置字体和对齐', () => {
    for (const region of plan.regions) {
      const { style } = region;
      const range = ws.Range(rowsAddress(region.top, region.bottom, plan.columns));
      const font = range.Font;
      font.Name = style.font.name;
      font.Size = style.font.size;
      if (style.font.bold) font.Bold = true;
      if (style.fill) range.Interior.Color = hexToBgr(style.fill);
      if (style.horizontal !== 'General') range.HorizontalAlignment = H_ALIGN[style.horizontal];
      if (style.vertical !== 'Bottom') range.VerticalAlignment = V_ALIGN[style.vertical];
      if (style.wrap) range.WrapText = true;
    }
  });
}

/** Thin lines around and between the cells of each box (no inside line where there is no inside). 26 calls a box. */
export function writeBoxes(ws: EtWorksheetSurface, plan: SummaryPlan): void {
  step('设置边框', () => {
    for (const box of plan.boxes) {
      const borders = ws.Range(addressOf(box)).Borders;
      const edges: number[] = [XL.edge.top, XL.edge.bottom, XL.edge.left, XL.edge.right];
      if (box.right > box.left) edges.push(INSIDE_VERTICAL);
      if (box.bottom > box.top) edges.push(INSIDE_HORIZONTAL);
      for (const edge of edges) {
        const line = borders.Item(edge);
        line.LineStyle = XL.lineStyle.continuous;
        line.Weight = XL.weight.thin;
        line.Color = hexToBgr(box.color);
      }
    }
  });
}

/** Column widths in characters (ET's ColumnWidth, as the plan keeps them) and row heights in points, by runs. */
export function writeSizes(ws: EtWorksheetSurface, plan: SummaryPlan): void {
  step('设置列宽和行高', () => {
    for (const run of widthRuns(plan))
      ws.Range(rangeAddress({ top: 0, left: run.first, bottom: 0, right: run.last })).ColumnWidth = run.size;
    for (const run of heightRuns(plan))
      ws.Range(rangeAddress({ top: run.first, left: 0, bottom: run.last, right: 0 })).RowHeight = run.size;
  });
}

/** The title and header rows kept in view: a window setting, so the sheet is shown first. 6 calls. */
export function writeFreeze(app: EtApplicationSurface, ws: EtWorksheetSurface, plan: SummaryPlan): void {
  if (plan.freeze.rows <= 0) return;
  step('冻结表头', () => {
    ws.Activate();
    const win = app.ActiveWindow;
    win.FreezePanes = false;
    win.SplitColumn = 0;
    win.SplitRow = plan.freeze.rows;
    win.FreezePanes = true;
  });
}
