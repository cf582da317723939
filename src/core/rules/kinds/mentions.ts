import { ruleKind } from './rule-kind';
import { whenEquals } from './when-equals';

/** When one field has one of some values, another must mention one of some words (工匠工作室 → 曾获荣誉 names 上海工匠). */
export const mentions = ruleKind({
  kind: 'mentions',
  schema: ({ z, FieldRef, Severity }) =>
    z
      .object({
        kind: z.literal('mentions'),
        when: FieldRef,
        equals: z.array(z.string()).min(1),
        field: FieldRef,
        words: z.array(z.string()).min(1),
        severity: Severity,
        message: z.string().min(1),
      })
      .strict(),
  refs: (rule) => ({ fields: [rule.when, rule.field] }),
  check(rule, scope) {
    const when = whenEquals(scope, rule.when, rule.equals);
    const target = when && scope.slotsOf(rule.field)[0];
    if (!when || !target || target.value === undefined) return [];
    const text = String(target.value);
    if (rule.words.some((w) => text.includes(w))) return [];
    return [
      {
        entry: target,
        severity: rule.severity,
        code: 'rule.mentions',
        params: { message: rule.message, when: when.slot.field.label, value: when.value, words: rule.words.join('、') },
      },
    ];
  },
  messages: {
    'zh-CN': { 'rule.mentions': (p) => `${p.message}` },
    'en-US': { 'rule.mentions': (p) => `When ${p.when} is “${p.value}”, this should mention: ${p.words}.` },
  },
});
