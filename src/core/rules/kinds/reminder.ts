import { ruleKind } from './rule-kind';
import { whenEquals } from './when-equals';

/** A reminder shown when a field has one of some values (巾帼工作室: women over half the team). */
export const reminder = ruleKind({
  kind: 'reminder',
  schema: ({ z, FieldRef, Severity }) =>
    z
      .object({
        kind: z.literal('reminder'),
        when: FieldRef,
        equals: z.array(z.string()).min(1),
        severity: Severity,
        message: z.string().min(1),
      })
      .strict(),
  refs: (rule) => ({ fields: [rule.when] }),
  check(rule, scope) {
    const when = whenEquals(scope, rule.when, rule.equals);
    if (!when) return [];
    return [{ entry: when, severity: rule.severity, code: 'rule.reminder', params: { message: rule.message, value: when.value } }];
  },
  messages: {
    'zh-CN': { 'rule.reminder': (p) => `${p.message}` },
    // The notice's own reminder has no English text: it is quoted as the form gives it.
    'en-US': { 'rule.reminder': (p) => `Note for “${p.value}” (from the notice): ${p.message}` },
  },
});
