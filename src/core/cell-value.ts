/** A cell's value as any host reads it: Office.js gives serial numbers for dates, file readers may give Dates. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A date as YYYY-MM-DD in the machine's own time zone (the clerk's "today"). */
export function localIsoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Excel error values as hosts report them. */
const EXCEL_ERRORS = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isExcelError(value: CellValue): boolean {
  return typeof value === 'string' && EXCEL_ERRORS.test(value.trim());
}

/** Full-width digits, letters and punctuation to their ASCII forms; ideographic spaces to spaces. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The text a person sees in a cell, trimmed; numbers without a trailing .0. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Text without any spaces (full-width ones too) or line breaks: how names and labels are compared. */
export function squashSpaces(text: string): string {
  return text.replace(/\s/g, '');
}

export function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

/** Characters as a reader counts them for "100字内": every code point except spaces and line breaks. */
export function countCharacters(text: string): number {
  return [...squashSpaces(text)].length;
}
