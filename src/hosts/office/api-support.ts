/** What the running Excel can do beyond the manifest's minimum (ExcelApi 1.7). */
export interface ApiSupport {
  /** ExcelApi 1.8: data validation, gridlines, switching the add-in's own events off. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (A4, fit to width, print area, repeated headers). */
  pageLayout: boolean;
}

export const MINIMUM_EXCEL_API = '1.7';

export type RequirementCheck = (set: string, version: string) => boolean;

export function detectApiSupport(isSetSupported: RequirementCheck): ApiSupport {
  return { validation: isSetSupported('ExcelApi', '1.8'), pageLayout: isSetSupported('ExcelApi', '1.9') };
}

/** Chinese lines for the pane: what this Excel leaves out. */
export function missingFeatures(support: ApiSupport): string[] {
  const missing: string[] = [];
  if (!support.validation) missing.push('此版本 Excel 不支持数据验证：插入的表格没有下拉列表和输入提示（需 Office 2021 及以后的版本或 Microsoft 365）。');
  if (!support.pageLayout) missing.push('此版本 Excel 不支持页面设置：请打印前手动设为 A4、调整为一页宽。');
  return missing;
}
