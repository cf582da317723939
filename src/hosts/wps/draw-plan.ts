/**
 * Draws a prepared SheetPlan (draw-prepare.ts) on a new, empty, active ET worksheet: widths and heights by runs,
 * formats by rectangles, merges, all values in one 2-D Value2 write, boxed borders by blocks with their inside lines
 * (underlines by runs), validation by field, conditional formats, the marker, page setup, protection last.
 *
 * Three parts no source says WPS supports are tried and left out where the host refuses them, the form being whole
 * without them (the marker cell stays; the add-in checks what the formats would show; print settings are a nicety):
 * the marker as a sheet's own name, expression-type conditional formats, and PageSetup. What was left out is returned.
 */
import { rangeAddress as addressOf } from '../../core/a1';
import type { EtBorderSurface, EtRangeSurface, EtWorksheetSurface } from './wps-surface';
import { XL } from './et-values';
import { writeMargins } from './page-margins';
import { step } from './summary-errors';
import { type FormatProperty, type PreparedDrawing, type PreparedValidation } from './draw-prepare';

/** Parts of a form a host may refuse; listed when left out. */
export type OptionalPart = 'markerName' | 'conditionalFormats' | 'pageSetup';

export interface DrawResult {
  /** Parts the host refused, left out. */
  skipped: OptionalPart[];
  /** Conditional formats the host refused, of the plan's. */
  refusedConditions: number;
}

function setFormat(range: EtRangeSurface, property: FormatProperty, value: string | number | boolean): void {
  switch (property) {
    case 'FontName':
      range.Font.Name = value as string;
      return;
    case 'FontSize':
      range.Font.Size = value as number;
      return;
    case 'Bold':
      range.Font.Bold = value as boolean;
      return;
    case 'HorizontalAlignment':
      range.HorizontalAlignment = value as number;
      return;
    case 'VerticalAlignment':
      range.VerticalAlignment = value as number;
      return;
    case 'WrapText':
      range.WrapText = value as boolean;
      return;
    case 'Orientation':
      range.Orientation = value as number;
      return;
    case 'Locked':
      range.Locked = value as boolean;
      return;
    case 'NumberFormat':
      range.NumberFormat = value as string;
      return;
  }
}

function thinBlack(border: EtBorderSurface): void {
  border.LineStyle = XL.lineStyle.continuous;
  border.Weight = XL.weight.thin;
  border.Color = 0; // Black, BGR.
}

function addValidation(ws: EtWorksheetSurface, v: PreparedValidation): void {
  const validation = ws.Range(v.range).Validation;
  if (v.formula2 === undefined) validation.Add(v.type, v.alertStyle, v.operator, v.formula1);
  else validation.Add(v.type, v.alertStyle, v.operator, v.formula1, v.formula2);
  validation.IgnoreBlank = true;
  if (v.dropdown) validation.InCellDropdown = true;
  validation.ShowInput = true;
  validation.InputTitle = v.inputTitle;
  validation.InputMessage = v.inputMessage;
  if (v.type !== 0) {
    validation.ShowError = true;
    validation.ErrorTitle = v.errorTitle;
    validation.ErrorMessage = v.errorMessage;
  }
}

/**
 * Adds the conditional formats, each made the first applied so the plan's first rule ends on top whatever place
 * ET gives a new one. Relative references in a format's formula are read from the active cell in Excel's VBA (no
 * source for WPS), so the range's top-left cell is selected first: right either way. A format the host refuses is
 * left out; if it refuses the first, it is taken to refuse them all.
 */
function addConditions(ws: EtWorksheetSurface, drawing: PreparedDrawing, result: DrawResult): void {
  let added = 0;
  let selected: string | undefined;
  for (const condition of drawing.conditions) {
    try {
      if (condition.topLeft !== selected) {
        ws.Range(condition.topLeft).Select();
        selected = condition.topLeft;
      }
      const format = ws.Range(condition.range).FormatConditions.Add(XL.condition.expression, undefined, condition.formula);
      format.Interior.Color = condition.fill;
      format.SetFirstPriority();
      added++;
    } catch {
      result.refusedConditions++;
      if (added === 0) {
        result.refusedConditions = drawing.conditions.length;
        result.skipped.push('conditionalFormats');
        return;
      }
    }
  }
}

/** The marker as the sheet's own name; a host that makes it a workbook name instead (no "Sheet!" prefix) gets it removed. */
function addMarkerName(ws: EtWorksheetSurface, drawing: PreparedDrawing, result: DrawResult): void {
  try {
    const name = ws.Names.Add(drawing.marker.name, drawing.marker.refersTo, false);
    if (!name.Name.includes('!')) {
      name.Delete();
      result.skipped.push('markerName');
    }
  } catch {
    result.skipped.push('markerName');
  }
}

/** Page setup, read back once: a host that ignores it (no source says either way) is reported, not trusted. */
function setUpPage(ws: EtWorksheetSurface, drawing: PreparedDrawing, result: DrawResult): void {
  const { print } = drawing;
  try {
    const page = ws.PageSetup;
    page.PaperSize = print.paperSize;
    page.Orientation = print.orientation;
    // FitToPages… apply only with Zoom = False (VBA PageSetup.Zoom).
    page.Zoom = false;
    page.FitToPagesWide = print.fitToPagesWide;
    page.FitToPagesTall = print.fitToPagesTall;
    page.CenterHorizontally = print.centerHorizontally;
    writeMargins(page, print.margins);
    page.PrintArea = print.printArea;
    if (print.printTitleRows) page.PrintTitleRows = print.printTitleRows;
    // Read back what differs from a new sheet's defaults: a host that drops the writes keeps fit-to-pages off.
    if (page.FitToPagesWide !== print.fitToPagesWide || page.PaperSize !== print.paperSize) result.skipped.push('pageSetup');
  } catch {
    result.skipped.push('pageSetup');
  }
}

/** Draws everything; throws on the first refused call of a required part (the caller removes the sheet). */
export function drawPrepared(ws: EtWorksheetSurface, drawing: PreparedDrawing, gridlinesOff: () => void): DrawResult {
  const result: DrawResult = { skipped: [], refusedConditions: 0 };
  step('设置列宽和行高', () => {
    for (const { columns, width } of drawing.columnWidths) ws.Range(columns).ColumnWidth = width;
    for (const { rows, height } of drawing.rowHeights) ws.Range(rows).RowHeight = height;
  });
  step('设置字体、对齐和数字格式', () => {
    for (const { property, rectangles } of drawing.formats) {
      for (const { range, value } of rectangles) setFormat(ws.Range(addressOf(range)), property, value);
    }
  });
  // Merged before the values go in, so no merge ever drops a value (the cells inside a merge are written empty).
  step('合并单元格', () => {
    for (const merge of drawing.merges) ws.Range(merge).Merge();
  });
  step('写入表格内容', () => {
    ws.Range(addressOf(drawing.block)).Value2 = drawing.values;
  });
  step('画边框', () => {
    for (const box of drawing.borders.boxes) {
      const borders = ws.Range(addressOf(box)).Borders;
      const lines: number[] = [XL.edge.top, XL.edge.bottom, XL.edge.left, XL.edge.right];
      if (box.bottom > box.top) lines.push(XL.edge.insideHorizontal);
      if (box.right > box.left) lines.push(XL.edge.insideVertical);
      for (const index of lines) thinBlack(borders.Item(index));
    }
    for (const run of drawing.borders.underlined) thinBlack(ws.Range(addressOf(run)).Borders.Item(XL.edge.bottom));
  });
  step('设置数据有效性和输入提示', () => {
    for (const v of drawing.validations) addValidation(ws, v);
  });
  step('隐藏网格线', gridlinesOff);
  addConditions(ws, drawing, result);
  step('写入表格标记', () => {
    ws.Range('A1').Select();
    const marker = ws.Range(drawing.marker.address);
    marker.ColumnWidth = drawing.marker.width;
    marker.EntireColumn.Hidden = true;
  });
  addMarkerName(ws, drawing, result);
  setUpPage(ws, drawing, result);

  const p = drawing.protection;
  // Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells,
  // AllowFormattingColumns, AllowFormattingRows, AllowInsertingColumns, AllowInsertingRows) (typings).
  step('保护工作表', () =>
    ws.Protect(p.password, true, true, false, false, p.allowFormatCells, p.allowFormatColumns, p.allowFormatRows, false, p.allowInsertRows),
  );
  return result;
}
