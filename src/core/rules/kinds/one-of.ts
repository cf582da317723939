import { ruleKind } from './rule-kind';
import { whenEquals } from './when-equals';

/** When one field has one of some values, another must be one of the allowed (巾帼工作室 → 领衔人性别 女). */
export const oneOf = ruleKind({
  kind: 'oneOf',
  schema: ({ z, FieldRef, Severity }) =>
    z
      .object({
        kind: z.literal('oneOf'),
        when: FieldRef,
        equals: z.array(z.string()).min(1),
        field: FieldRef,
        allowed: z.array(z.string()).min(1),
        severity: Severity,
        message: z.string().min(1),
      })
      .strict(),
  refs: (rule) => ({ fields: [rule.when, rule.field] }),
  check(rule, scope) {
    const when = whenEquals(scope, rule.when, rule.equals);
    const target = when && scope.slotsOf(rule.field)[0];
    if (!when || !target || target.value === undefined || rule.allowed.includes(String(target.value))) return [];
    return [
      {
        entry: target,
        severity: rule.severity,
        code: 'rule.oneOf',
        params: { message: rule.message, when: when.slot.field.label, value: when.value, allowed: rule.allowed.join('、') },
      },
    ];
  },
  messages: {
    'zh-CN': { 'rule.oneOf': (p) => `${p.message}` },
    'en-US': { 'rule.oneOf': (p) => `When ${p.when} is “${p.value}”, this must be one of: ${p.allowed}.` },
  },
});
