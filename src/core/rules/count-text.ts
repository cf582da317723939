import { cellText, toHalfWidth, type CellValue } from '../cell-value';

/**
 * How a count (a whole-number field) is read from what a clerk typed: "1 200" and "1,200" (digits grouped in
 * threes), "12人", Chinese numerals (to say what was meant), and the marks that say "not applicable" ("/", "—", "无").
 */

const UNITS = /^([+-]?\d+(?:\.\d+)?)\s*(人|名|个|项|次|场|支|队|岁|年|家|位|件|篇|条|种)?$/;

/**
 * Digits grouped by threes at the start of a text: "1,200", "1 200" (GB/T 15835 groups by a space, ordinary, no-break,
 * thin or full-width), "12 345 678"; one separator throughout, and nothing but a group of three after each.
 * "1 2", "12 3456" and "3,5" are no grouping.
 */
const GROUPED = /^([+-]?\d{1,3})([, \u00a0\u2007\u2009\u202f])(\d{3}(?:\2\d{3})*)(?!\d)/;

/** The text with its digit grouping taken out ("1 200人" → "1200人"); unchanged when it has none. */
export function ungroupDigits(text: string): string {
  const m = GROUPED.exec(text);
  if (!m) return text;
  const separator = m[2] as string;
  return `${m[1]}${(m[3] as string).split(separator).join('')}${text.slice(m[0].length)}`;
}

/**
 * What clerks type in a count that does not apply (活动未举办): a slash or dash, once or repeated ("/", "／", "—",
 * "——", "-", "－"), or 无 / 没有 / 不适用. Read as blank; the rules across fields decide whether blank is right.
 */
const NOT_APPLICABLE = /^(?:[/\\\-\u2010-\u2015\u2500]+|无|没有|不适用)$/;

/** The not-applicable mark a count cell holds ("/", "—", "无"), or undefined. "0" is a count, not a mark. */
export function notApplicableMark(raw: CellValue): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = toHalfWidth(cellText(raw)).replace(/\s/g, '');
  return NOT_APPLICABLE.test(text) ? text : undefined;
}

/** The number in a cell, or the cell's text when it holds none (so the message can say why). */
export function numberOf(raw: CellValue): unknown {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean' || raw instanceof Date) return Number.NaN;
  const text = ungroupDigits(toHalfWidth(cellText(raw)));
  const withUnit = UNITS.exec(text);
  if (withUnit) return Number(withUnit[1]);
  // Only decimal digits are a count: not "1e3", "0x10" or "Infinity", which Number() would take.
  return text === '' ? Number.NaN : text;
}
