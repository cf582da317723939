/**
 * Excel's limits on a formula, in one place, for every writer (the .xlsx templates, Office.js, WPS) and the fakes:
 * a formula past them is one Excel refuses to take, or "repairs" away when it opens the file.
 *
 * Microsoft, "Excel specifications and limits" (support.microsoft.com, article 1672b34d-7043-467e-8e27-269d656771c3),
 * calculation specifications: "Length of formula contents | 8,192 characters"; "Nested levels of functions | 64".
 * For the file: MS-OI29500 §2.1.1085 (ST_Formula): "Excel restricts the contents of this simple type to be at most
 * 8192 characters". A list typed into data validation (not a reference to cells) holds at most 255 characters, the
 * limit of a text constant in a formula ("Text values in formulas are limited to 255 characters", Excel's own message),
 * which the file's <formula1>"a,b,c"</formula1> is.
 */
export const FORMULA_MAX_LENGTH = 8192;
export const FUNCTION_NESTING_MAX = 64;
export const TEXT_CONSTANT_MAX = 255;
export const INLINE_LIST_MAX = 255;

export interface FormulaMeasure {
  /** Characters of the formula as written, without a leading '='. */
  length: number;
  /** The most function calls open at once: IF(A1,1,2) is 1, IF(ISERROR(A1),1,2) is 2. Brackets alone do not count. */
  nesting: number;
  /** The longest text constant, its doubled quotes counted once. */
  longestText: number;
}

/**
 * Measures a formula in English syntax. Text constants ("…", quotes doubled), sheet names ('…') and array constants
 * ({…}) are read over, so that a bracket or a quote inside them is not taken for syntax.
 */
export function measureFormula(formula: string): FormulaMeasure {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  /** For each open bracket: whether it opened a function's arguments. */
  const open: boolean[] = [];
  let calls = 0;
  let nesting = 0;
  let longestText = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' || ch === "'") {
      let length = 0;
      i++;
      while (i < text.length) {
        if (text[i] === ch && text[i + 1] === ch) i += 2;
        else if (text[i] === ch) break;
        else i++;
        length++;
      }
      i++;
      if (ch === '"') longestText = Math.max(longestText, length);
      continue;
    }
    if (ch === '(') {
      // A function's name (letters, digits, '.', '_') stands right before its bracket.
      const called = i > 0 && /[A-Za-z0-9._]/.test(text[i - 1] as string);
      open.push(called);
      if (called) nesting = Math.max(nesting, ++calls);
    } else if (ch === ')') {
      if (open.pop()) calls--;
    }
    i++;
  }
  return { length: text.length, nesting, longestText };
}

export type FormulaLimit = 'length' | 'nesting' | 'text';

/** The limits a formula goes past, none when Excel takes it. */
export function limitsPassed(formula: string): FormulaLimit[] {
  const m = measureFormula(formula);
  const passed: FormulaLimit[] = [];
  if (m.length > FORMULA_MAX_LENGTH) passed.push('length');
  if (m.nesting > FUNCTION_NESTING_MAX) passed.push('nesting');
  if (m.longestText > TEXT_CONSTANT_MAX) passed.push('text');
  return passed;
}

export const withinFormulaLimits = (formula: string): boolean => limitsPassed(formula).length === 0;

/** A validation list as typed: its options joined by commas, as every writer gives it. */
export const inlineList = (options: readonly string[]): string => options.join(',');

export const inlineListFits = (options: readonly string[]): boolean => inlineList(options).length <= INLINE_LIST_MAX;

/** Why a formula cannot be written, in English, as a fake host's error message says it. */
export function formulaLimitMessage(formula: string): string | undefined {
  const m = measureFormula(formula);
  const passed = limitsPassed(formula);
  if (passed.length === 0) return undefined;
  const said: Record<FormulaLimit, string> = {
    length: `${m.length} characters (Excel takes ${FORMULA_MAX_LENGTH})`,
    nesting: `${m.nesting} levels of nested functions (Excel takes ${FUNCTION_NESTING_MAX})`,
    text: `a text constant of ${m.longestText} characters (Excel takes ${TEXT_CONSTANT_MAX})`,
  };
  return `formula past Excel's limits: ${passed.map((p) => said[p]).join(', ')}`;
}

/** Why a formula cannot be written, in Chinese, for a writer's refusal: "长9000个字符（Excel 最多8192个）". */
export function formulaLimitWords(formula: string): string | undefined {
  const m = measureFormula(formula);
  const passed = limitsPassed(formula);
  if (passed.length === 0) return undefined;
  const said: Record<FormulaLimit, string> = {
    length: `长${m.length}个字符（Excel 最多${FORMULA_MAX_LENGTH}个）`,
    nesting: `函数嵌套${m.nesting}层（Excel 最多${FUNCTION_NESTING_MAX}层）`,
    text: `含有${m.longestText}个字符的文字（Excel 最多${TEXT_CONSTANT_MAX}个）`,
  };
  return passed.map((p) => said[p]).join('、');
}
