/**
 * `node -r ./test/hostile/register-ts.js test/core/formula-limit-figures.ts`: for every built-in form, a 40-option
 * choice and a long 字数 rule, the longest conditional-format formula, the deepest nesting of functions and the
 * longest validation list typed inline, as planned (what the writers write) — against Excel's limits.
 */
import { FORMULA_MAX_LENGTH, FUNCTION_NESTING_MAX, INLINE_LIST_MAX, measureFormula } from '../../src/core/formula-limits';
import type { FormDefinition } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { FORMS } from '../../src/notices';
import { fortyOptionForm, longTextForm } from '../support/long-checks';

function figures(name: string, form: FormDefinition): string {
  const plan = planSheet(form);
  let longest = { length: 0, where: '' };
  let deepest = { nesting: 0, where: '' };
  for (const rule of plan.conditionalFormats) {
    const m = measureFormula(rule.formula);
    const where = `${rule.field}/${rule.source}`;
    if (m.length > longest.length) longest = { length: m.length, where };
    if (m.nesting > deepest.nesting) deepest = { nesting: m.nesting, where };
  }
  let list = 0;
  for (const { validation } of plan.validationAreas) {
    if (validation.rule?.kind === 'list') list = Math.max(list, validation.rule.options.join(',').length);
  }
  const notes = plan.cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('填表说明')).length;
  return [
    name.padEnd(28),
    `${String(plan.conditionalFormats.length).padStart(3)} rules`,
    `longest ${String(longest.length).padStart(6)} (${longest.where})`,
    `deepest ${String(deepest.nesting).padStart(3)} (${deepest.where})`,
    `inline list ${String(list).padStart(4)}`,
    `notes ${notes}`,
  ].join('  ');
}

console.log(
  `Excel's limits: formula ${FORMULA_MAX_LENGTH} characters, ${FUNCTION_NESTING_MAX} levels of nested functions, inline list ${INLINE_LIST_MAX} characters`,
);
for (const form of FORMS) console.log(figures(form.id, form));
console.log(figures('40-option 所属行业', fortyOptionForm()));
console.log(figures('字数 ≤ 3000 工作室介绍', longTextForm(3000).form));
