import { cellAddress, rangeAddress } from './a1';
import { UserError } from './errors';
import { formulaLimitWords, inlineList, inlineListFits, INLINE_LIST_MAX } from './formula-limits';
import type { SheetPlan } from './sheet-plan';

/**
 * What of a plan Excel would not take (formula-limits.ts): a conditional format or a computed cell past the formula
 * limits, a dropdown list typed inline past 255 characters. Excel "repairs" such a file by deleting the rule, and
 * Office.js or ET refuses it half-way through a drawing; LibreOffice takes it, so nothing else would tell. The core
 * keeps its plans within the limits (conditional-formats.ts, native-validation.ts): this is every drawer's own
 * guard, run before anything is drawn. One sentence per problem, in Chinese.
 */
export function planLimitProblems(plan: SheetPlan): string[] {
  const problems: string[] = [];
  for (const rule of plan.conditionalFormats) {
    const why = formulaLimitWords(rule.formula);
    if (why) problems.push(`${rule.range}的条件格式公式${why}`);
  }
  for (const cell of plan.cells) {
    const why = cell.formula === undefined ? undefined : formulaLimitWords(cell.formula);
    if (why) problems.push(`${cellAddress(cell.row, cell.col)}的公式${why}`);
  }
  for (const { range, validation } of plan.validationAreas) {
    if (validation.rule?.kind === 'list' && !inlineListFits(validation.rule.options))
      problems.push(
        `${rangeAddress(range)}的下拉列表长${inlineList(validation.rule.options).length}个字符（Excel 最多${INLINE_LIST_MAX}个）`,
      );
  }
  return problems;
}

/** Throws, before anything is drawn, when the plan holds what Excel would not take; `what` says what was not made. */
export function checkPlanWithinLimits(plan: SheetPlan, what = '没有写出文件'): void {
  const problems = planLimitProblems(plan);
  if (problems.length > 0)
    throw new UserError('formula-limit', `无法写出“${plan.sheetName}”：${problems.join('；')}，超出了 Excel 的限制。${what}。`);
}
