/** Text that a spreadsheet would read as a formula (or a DDE call) when typed or written as a value. */
const FORMULA_LIKE = /^[=+\-@\t\r\n]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_LIKE.test(text);
}

/**
 * The value to write through an API that parses what it is given like typing (Office.js `values`): text that
 * could be taken for a formula gets Excel's text prefix (a leading apostrophe, which Excel does not display).
 */
export function literalForTyping(value: string | number | null): string | number | null {
  return typeof value === 'string' && looksLikeFormula(value) ? `'${value}` : value;
}
