import type ExcelJS from 'exceljs';

/** GB2312, so that Excel and WPS pick the CJK face of 宋体 on every machine. */
export const CJK_CHARSET = 134;
export const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
