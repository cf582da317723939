import { literalForTyping } from '../../core/cell-text';
import type { SummaryValue } from '../../core/merge/summaries';
import { TEXT_FORMAT } from '../../core/merge/summary-plan';

/** What Office.js is given for one cell: `values` parses strings like typing, so text is protected here. */
export type ExcelCellValue = string | number;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel's serial number of a date (days since 1899-12-30, as Excel counts from 1900-03-01 on), read in UTC. */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / DAY_MS;
}

/**
 * A summary value as Office.js should receive it. Numbers stay numbers and dates become serial numbers. Text in a
 * cell shown as text (number format @) is written as it is, except text Excel could take for a formula, which gets
 * the text prefix '; text in any other cell always gets the prefix, so that Excel never turns "00123" into 123 or
 * "2018-5-20" into a date there. Excel does not show the prefix.
 */
export function excelValue(value: SummaryValue, numberFormat: string): ExcelCellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : excelSerial(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value === '') return '';
  if (numberFormat === TEXT_FORMAT) return literalForTyping(value) as string;
  return `'${value}`;
}

/**
 * An upper estimate of the bytes a value adds to a request: its JSON, with every character outside ASCII
 * counted as a six-byte \uXXXX escape (more than its three UTF-8 bytes), plus a separator.
 */
export function jsonBytes(value: ExcelCellValue | null): number {
  if (value === null) return 5;
  if (typeof value === 'number') return String(value).length + 1;
  let n = 3;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    n += c >= 0x20 && c < 0x7f ? (c === 0x22 || c === 0x5c ? 2 : 1) : 6;
  }
  return n;
}
