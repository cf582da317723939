/**
 * `node -r ./test/hostile/register-ts.js test/core/formula-limit-figures.ts`: for every built-in form, a 40-option
 * choice and a long 字数 rule, against Excel's limits: the longest conditional-format formula and the deepest nesting
 * of functions before (every check in its usual spelling, as the templates were written before issue 22) and after
 * (as planned now: spelt short or left out where past the limits), the longest validation list typed inline before
 * and after, and the checks left to the add-in with a 填表说明.
 */
import { conditionalFormatChecks } from '../../src/core/conditional-formats';
import { FORMULA_MAX_LENGTH, FUNCTION_NESTING_MAX, INLINE_LIST_MAX, measureFormula } from '../../src/core/formula-limits';
import type { FormDefinition } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { LIMIT_NOTE_HEAD } from '../../src/core/limit-notes';
import { FORMS } from '../../src/notices';
import { fortyOptionForm, longTextForm } from '../support/long-checks';

interface Formula {
  formula: string;
  field: string;
  source: string;
}

function extremes(rules: readonly Formula[]): string {
  let longest = { length: 0, where: '' };
  let deepest = { nesting: 0, where: '' };
  for (const rule of rules) {
    const m = measureFormula(rule.formula);
    const where = `${rule.field}/${rule.source}`;
    if (m.length > longest.length) longest = { length: m.length, where };
    if (m.nesting > deepest.nesting) deepest = { nesting: m.nesting, where };
  }
  return `${String(longest.length).padStart(6)} chars (${longest.where}), ${String(deepest.nesting).padStart(2)} levels (${deepest.where})`;
}

function figures(name: string, form: FormDefinition, show?: string): string[] {
  const plan = planSheet(form);
  const before = conditionalFormatChecks(form, plan, false);
  const choices = plan.slots.flatMap((s) => (s.field.type === 'choice' ? [s.field.options.join(',').length] : []));
  const inlineAfter = Math.max(
    0,
    ...plan.validationAreas.map(({ validation: v }) => (v.rule?.kind === 'list' ? v.rule.options.join(',').length : 0)),
  );
  const inlineBefore = Math.max(inlineAfter, ...choices);
  const notes = plan.cells.filter((c) => typeof c.value === 'string' && c.value.startsWith(LIMIT_NOTE_HEAD));
  // The checks the limits changed: spelt short, or left out.
  const afterFormulas = new Set(plan.conditionalFormats.map((r) => `${r.field}/${r.source}/${r.formula}`));
  const afterByCheck = new Map(plan.conditionalFormats.map((r) => [`${r.field}/${r.source}/${r.severity}`, r.formula]));
  const changed = before.flatMap((r) => {
    if (afterFormulas.has(`${r.field}/${r.source}/${r.formula}`)) return [];
    const now = afterByCheck.get(`${r.field}/${r.source}/${r.severity}`);
    const was = measureFormula(r.formula);
    const is = now === undefined ? 'left to the add-in' : `${measureFormula(now).length} chars, ${measureFormula(now).nesting} levels`;
    return [`  ${r.field}/${r.source}: ${was.length} chars, ${was.nesting} levels → ${is}`];
  });
  const shown = plan.conditionalFormats
    .filter((r) => r.field === show)
    .map((r) => `  ${r.field}/${r.source}: ${measureFormula(r.formula).length} chars, ${measureFormula(r.formula).nesting} levels`);
  return [
    `${name}`,
    ...changed,
    ...shown,
    `  before: ${String(before.length).padStart(3)} rules, longest ${extremes(before)}; inline list ${inlineBefore}`,
    `  after:  ${String(plan.conditionalFormats.length).padStart(3)} rules, longest ${extremes(plan.conditionalFormats)}; inline list ${inlineAfter}; 填表说明 rows ${notes.length}`,
  ];
}

console.log(
  `Excel's limits: ${FORMULA_MAX_LENGTH} characters, ${FUNCTION_NESTING_MAX} levels of nested functions, a list typed inline ${INLINE_LIST_MAX} characters`,
);
for (const form of FORMS) console.log(figures(form.id, form).join('\n'));
console.log(figures('40-option 所属行业 (申请表)', fortyOptionForm()).join('\n'));
console.log(figures('字数 ≤ 3000 工作室介绍 (申请表)', longTextForm(3000).form, 'introduction').join('\n'));
