/** What the running Excel can do beyond the manifest's minimum (ExcelApi 1.7). */
export interface ApiSupport {
  /** ExcelApi 1.8: data validation, gridlines, switching the add-in's own events off. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (A4, fit to width, print area, repeated headers). */
  pageLayout: boolean;
  /** ExcelApi 1.9: one change event for the whole workbook (before it, one per sheet). */
  workbookEvents: boolean;
  /** ExcelApi 1.8: where one chart axis crosses the other (ChartAxis.position), for bars in the table's order. */
  chartAxisPosition: boolean;
  /** ExcelApi 1.13: the merged areas of a range (Range.getMergedAreasOrNullObject), read when importing a selection. */
  mergedAreas: boolean;
  /**
   * ExcelApi 1.20: an add-in's writes are undo records of their own and leave the clerk's before them (Microsoft,
   * "Undo capabilities in Excel add-ins"); before it "most set operations … disable undo/redo" (office-js #3788).
   */
  undoKeptByWrites: boolean;
}

export const MINIMUM_EXCEL_API = '1.7';

export type RequirementCheck = (set: string, version: string) => boolean;

export function detectApiSupport(isSetSupported: RequirementCheck): ApiSupport {
  const v18 = isSetSupported('ExcelApi', '1.8');
  const v19 = isSetSupported('ExcelApi', '1.9');
  return {
    validation: v18,
    chartAxisPosition: v18,
    pageLayout: v19,
    workbookEvents: v19,
    mergedAreas: isSetSupported('ExcelApi', '1.13'),
    undoKeptByWrites: isSetSupported('ExcelApi', '1.20'),
  };
}

export type MissingFeature = 'validation' | 'pageLayout';

/** What this Excel leaves out of an inserted form (the pane words it in the user's language). */
export function missingFeatures(support: ApiSupport): MissingFeature[] {
  const missing: MissingFeature[] = [];
  if (!support.validation) missing.push('validation');
  if (!support.pageLayout) missing.push('pageLayout');
  return missing;
}
