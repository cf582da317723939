import type { DateRange } from '../field-rules';
import { ruleKind } from './rule-kind';

/** A date (or a period's start) that cannot be later than today. */
export const notFuture = ruleKind({
  kind: 'notFuture',
  schema: ({ z, FieldRef, Severity }) => z.object({ kind: z.literal('notFuture'), field: FieldRef, severity: Severity }).strict(),
  refs: (rule) => ({ fields: [rule.field] }),
  check(rule, scope) {
    return scope.slotsOf(rule.field).flatMap((entry) => {
      const date = typeof entry.value === 'string' ? entry.value : (entry.value as DateRange | undefined)?.start;
      if (!date || date <= scope.today) return [];
      return [{ entry, severity: rule.severity, code: 'rule.notFuture' as const, params: { label: entry.slot.field.label, date } }];
    });
  },
  messages: {
    'zh-CN': { 'rule.notFuture': (p) => `${p.label}${p.date}晚于今天，请核对。` },
    'en-US': { 'rule.notFuture': (p) => `${p.label} ${p.date} is later than today; please check.` },
  },
});
