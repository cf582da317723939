/**
 * The part of the Excel JavaScript API that the add-in uses, spelled with @types/office-js's own member types.
 * Excel's real objects satisfy these interfaces (checked at the bottom of this file), and so does the strict
 * fake host in test/fake-excel, which implements exactly this surface.
 */
export type EdgeName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
/** The lines between the cells of a range (Excel stores them as the cells' own edges). */
export type InsideEdgeName = 'InsideHorizontal' | 'InsideVertical';

export interface BorderSurface {
  style: Excel.RangeBorder['style'];
  weight: Excel.RangeBorder['weight'];
  color: string;
}

export interface RangeFormatSurface {
  columnWidth: number;
  rowHeight: number;
  horizontalAlignment: Excel.RangeFormat['horizontalAlignment'];
  verticalAlignment: Excel.RangeFormat['verticalAlignment'];
  wrapText: boolean;
  textOrientation: number;
  font: { name: string; size: number; bold: boolean; color: string };
  borders: { getItem(index: EdgeName | InsideEdgeName): BorderSurface };
  protection: { locked: boolean };
  fill: { color: string; clear(): void };
}

export interface DataValidationSurface {
  rule: Excel.DataValidationRule;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

/**
 * A formula ("custom") conditional format (ExcelApi 1.6; Microsoft, "Apply conditional formatting to Excel ranges").
 * rule.formula is English Excel syntax starting with '=' (every example on the ConditionalFormatRule and
 * ConditionalFormat pages: '=IF(B8>INDIRECT("RC[-1]",0),TRUE)'; formulaLocal is the user's-language variant, so
 * `formula` is the locale-independent one), its relative references read from the range's top-left cell, as the
 * ExcelScript.ConditionalFormatRule example builds them. fill.color is "#RRGGBB" or an HTML colour name
 * (ConditionalRangeFill.color).
 */
export interface CustomConditionalFormatSurface {
  readonly rule: { formula: string };
  readonly format: { readonly fill: { color: string } };
}

export interface ConditionalFormatsSurface {
  /**
   * "Adds a new conditional format to the collection at the first/top priority" (ConditionalFormatCollection.add):
   * the format added last is applied first.
   */
  add(type: 'Custom'): { readonly custom: CustomConditionalFormatSurface };
}

export interface RangeSurface {
  values: any[][];
  numberFormat: any[][];
  columnHidden: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  /** ExcelApi 1.1. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** The range's A1 reference with its sheet, as "Sheet1!A1:B4" (ExcelApi 1.1). */
  readonly address: string;
  /**
   * What each cell shows (ExcelApi 1.1): "Text values of the specified range. The text value will not depend on the
   * cell width" (Range.text reference).
   */
  readonly text: string[][];
  format: RangeFormatSurface;
  dataValidation: DataValidationSurface;
  /** ExcelApi 1.6: below the manifest's minimum (1.7), so never feature-checked. */
  readonly conditionalFormats: ConditionalFormatsSurface;
  /** For a range from a `…OrNullObject` method: known after the next sync. */
  readonly isNullObject: boolean;
  merge(across?: boolean): void;
  getEntireColumn(): RangeSurface;
  /** The range's column at this index, counted from its left (ExcelApi 1.1). */
  getColumn(column: number): RangeSurface;
  /**
   * The merged areas in the range (ExcelApi 1.13: "Range.getMergedAreasOrNullObject" reference), a null object when
   * it has none; it "will fail to return the result" past 512 of them. Only the areas whose top-left cell is in the
   * range are returned (office-js #3611).
   */
  getMergedAreasOrNullObject(): MergedAreasSurface;
  /** The part of the range holding values (ExcelApi 1.4), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeSurface;
  load(propertyNames?: string | string[]): unknown;
  select(): void;
}

/** The merged areas of a range, as Range.getMergedAreasOrNullObject gives them (an Excel.RangeAreas). */
export interface MergedAreasSurface {
  readonly isNullObject: boolean;
  readonly areas: { readonly items: RangeSurface[]; load(propertyNames?: string | string[]): unknown };
}

/** Office.js event registration: handlers are added in a batch and live on after it. */
export interface EventsSurface<Args> {
  add(handler: (args: Args) => Promise<any>): unknown;
}

export interface NamedItemSurface {
  readonly name: string;
  readonly value: any;
}

export interface PageLayoutSurface {
  paperSize: Excel.PageLayout['paperSize'];
  orientation: Excel.PageLayout['orientation'];
  zoom: Excel.PageLayoutZoomOptions;
  centerHorizontally: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
  setPrintTitleColumns(printTitleColumns: string): void;
}

/** A series of a chart (ExcelApi 1.1; setValues and setXAxisValues ExcelApi 1.7). */
export interface ChartSeriesSurface {
  name: string;
  setValues(sourceData: RangeSurface): void;
  setXAxisValues(sourceData: RangeSurface): void;
}

/** A chart on a sheet (ExcelApi 1.1): its title, legend, position and series. */
export interface ChartSurface {
  readonly title: { text: string; visible: boolean };
  readonly legend: { visible: boolean; position: Excel.ChartLegend['position'] };
  readonly series: {
    getItemAt(index: number): ChartSeriesSurface;
    /** ExcelApi 1.7. */
    add(name?: string, index?: number): ChartSeriesSurface;
  };
  setPosition(startCell: RangeSurface | string, endCell?: RangeSurface | string): void;
  /** Chart.axes (ExcelApi 1.1): the category axis; reversePlotOrder ExcelApi 1.7, position ExcelApi 1.8. */
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean; position: Excel.ChartAxis['position'] } };
}

export interface ChartsSurface {
  /** ExcelApi 1.1. */
  add(type: 'BarClustered' | 'ColumnClustered', sourceData: RangeSurface, seriesBy?: 'Auto' | 'Columns' | 'Rows'): ChartSurface;
}

export interface WorksheetSurface {
  /** Writable: renaming a sheet (ExcelApi 1.1). */
  name: string;
  readonly id: string;
  readonly isNullObject: boolean;
  showGridlines: boolean;
  /**
   * "Visible", "Hidden" or "VeryHidden" (Excel.SheetVisibility; ExcelApi 1.1 to read, 1.2 to set: the
   * "Worksheet.visibility" reference). A very hidden sheet is not offered by Excel's Unhide; only code shows it again.
   */
  visibility: Excel.Worksheet['visibility'];
  names: {
    readonly items: NamedItemSurface[];
    add(name: string, reference: string, comment?: string): unknown;
    load(propertyNames?: string | string[]): unknown;
  };
  protection: {
    readonly protected: boolean;
    readonly options: Excel.WorksheetProtectionOptions;
    protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
    unprotect(password?: string): void;
    load(propertyNames?: string | string[]): unknown;
  };
  pageLayout: PageLayoutSurface;
  /** ExcelApi 1.1. */
  readonly charts: ChartsSurface;
  /** ExcelApi 1.7. */
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly onChanged: EventsSurface<Excel.WorksheetChangedEventArgs>;
  load(propertyNames?: string | string[]): unknown;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeSurface;
  getRange(address?: string): RangeSurface;
  getUsedRange(valuesOnly?: boolean): RangeSurface;
  /** The used range, or a null object on a sheet with none (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeSurface;
  activate(): void;
  delete(): void;
}

export interface WorksheetsSurface {
  readonly items: WorksheetSurface[];
  readonly onChanged: EventsSurface<Excel.WorksheetChangedEventArgs>;
  readonly onAdded: EventsSurface<Excel.WorksheetAddedEventArgs>;
  readonly onDeleted: EventsSurface<Excel.WorksheetDeletedEventArgs>;
  load(propertyNames?: string | string[]): unknown;
  add(name?: string): WorksheetSurface;
  getItem(key: string): WorksheetSurface;
  getItemOrNullObject(key: string): WorksheetSurface;
  getActiveWorksheet(): WorksheetSurface;
}

/** A custom XML part of the workbook (ExcelApi 1.5): stored in the file, beside the sheets. */
export interface CustomXmlPartSurface {
  readonly id: string;
  delete(): void;
  getXml(): { readonly value: string };
}

export interface CustomXmlPartsSurface {
  add(xml: string): CustomXmlPartSurface;
  getByNamespace(namespaceUri: string): {
    readonly items: CustomXmlPartSurface[];
    load(propertyNames?: string | string[]): unknown;
  };
}

export interface WorkbookSurface {
  worksheets: WorksheetsSurface;
  /** The workbook's file name (ExcelApi 1.7). */
  readonly name: string;
  readonly customXmlParts: CustomXmlPartsSurface;
  getSelectedRange(): RangeSurface;
  load(propertyNames?: string | string[]): unknown;
}

export interface ContextSurface {
  workbook: WorkbookSurface;
  runtime: { enableEvents: boolean };
  sync(): Promise<unknown>;
}

/** Runs a batch of Excel work in a request context of its own, as Excel.run does; the add-in's one way into Excel. */
export type ExcelRun = <T>(batch: (context: ContextSurface) => Promise<T>) => Promise<T>;

type Fits<Real extends Surface, Surface> = Real;
export type RealExcelFitsTheSurface = [
  Fits<Excel.RequestContext, ContextSurface>,
  Fits<Excel.Worksheet, WorksheetSurface>,
  Fits<Excel.Range, RangeSurface>,
  Fits<Excel.RangeAreas, MergedAreasSurface>,
  Fits<Excel.ConditionalFormatCollection, ConditionalFormatsSurface>,
  Fits<Excel.CustomConditionalFormat, CustomConditionalFormatSurface>,
  Fits<Excel.PageLayout, PageLayoutSurface>,
  Fits<Excel.Chart, ChartSurface>,
  Fits<Excel.ChartSeries, ChartSeriesSurface>,
  Fits<Excel.Workbook, WorkbookSurface>,
  Fits<Excel.CustomXmlPartCollection, CustomXmlPartsSurface>,
];
