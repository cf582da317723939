import { ruleKind } from './rule-kind';

/** A field required unless the date beside it falls in the form's year (服务成效 of a team formed this year). */
export const requiredUnlessThisYear = ruleKind({
  kind: 'requiredUnlessThisYear',
  schema: ({ z, FieldRef, Severity }) =>
    z
      .object({
        kind: z.literal('requiredUnlessThisYear'),
        field: FieldRef,
        dateField: FieldRef,
        severity: Severity,
        message: z.string().min(1),
      })
      .strict(),
  refs: (rule) => ({ fields: [rule.field, rule.dateField] }),
  check(rule, scope) {
    return scope.slotsOf(rule.field).flatMap((entry) => {
      if (!entry.blank) return [];
      const date = scope.sibling(rule.dateField, entry.slot)?.value;
      const formedThisYear = typeof date === 'string' && scope.year !== undefined && Number(date.slice(0, 4)) === scope.year;
      if (formedThisYear) return [];
      const params = { message: rule.message, label: entry.slot.field.label, year: scope.year ?? '' };
      return [{ entry, severity: rule.severity, code: 'rule.requiredUnlessThisYear' as const, params, empty: true }];
    });
  },
  messages: {
    'zh-CN': { 'rule.requiredUnlessThisYear': (p) => `${p.message}` },
    'en-US': { 'rule.requiredUnlessThisYear': (p) => `Fill in ${p.label}: it may be left empty only in a row dated ${p.year}.` },
  },
});
