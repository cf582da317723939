import { cellText, toHalfWidth, type CellValue } from '../cell-value';
import { ungroupDigits } from './count-text';

/**
 * How a measure (a decimal field: 面积, 金额, 比例, 时长) is read from what a clerk typed: "12.5", "1,200.5", "12.5平方米",
 * "35%" where the field is in %, full-width digits. Only decimal digits with one point are a number: not "1e3",
 * "0x10" or "Infinity", which Number() would take.
 */

/** Units clerks write after a measure, the field's own unit aside; the longest first so that 平方米 is not read as 米. */
export const MEASURE_UNITS = [
  '平方米',
  '平方公里',
  '万元',
  '千元',
  '百元',
  '元',
  '小时',
  '个小时',
  '分钟',
  '公里',
  '千米',
  '米',
  '吨',
  '天',
  '㎡',
  'm²',
  'm2',
  '%',
  '‰',
].sort((a, b) => b.length - a.length);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The measure in a cell, or the cell's text when it holds none (so the message can say why). */
export function measureOf(raw: CellValue, unit: string | undefined): unknown {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean' || raw instanceof Date) return Number.NaN;
  const text = ungroupDigits(toHalfWidth(cellText(raw)).trim());
  if (text === '') return Number.NaN;
  const units = unit ? [toHalfWidth(unit), ...MEASURE_UNITS] : MEASURE_UNITS;
  const end = units.find((u) => u !== '' && text.endsWith(u));
  const bare = (end ? text.slice(0, -end.length) : text).trim();
  return NUMBER.test(bare) ? Number(bare) : text;
}

/** Digits after the decimal point of a number as people write it (12.50 → 1, 1e-7 → 7). */
export function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const [digits, exponent] = String(n).split('e') as [string, string | undefined];
  const fraction = digits.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}
