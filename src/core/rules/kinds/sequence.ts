import { ruleKind, type RuleFinding } from './rule-kind';

/** A list's row numbers (序号) run 1, 2, 3 … over the rows filled in. */
export const sequence = ruleKind({
  kind: 'sequence',
  schema: ({ z, FieldRef, Severity }) => z.object({ kind: z.literal('sequence'), field: FieldRef, severity: Severity }).strict(),
  refs: (rule) => ({ fields: [rule.field] }),
  check(rule, scope) {
    return scope.slotsOf(rule.field).flatMap((entry, i): RuleFinding<'rule.sequence' | 'rule.sequence.blank'>[] => {
      if (entry.blank) return [{ entry, severity: rule.severity, code: 'rule.sequence.blank', params: { n: i + 1 }, empty: true }];
      if (entry.value !== undefined && entry.value !== i + 1)
        return [{ entry, severity: rule.severity, code: 'rule.sequence', params: { n: i + 1 } }];
      return [];
    });
  },
  messages: {
    'zh-CN': {
      'rule.sequence.blank': (p) => `请填写序号${p.n}。`,
      'rule.sequence': (p) => `序号应依次为1、2、3……，此行应为${p.n}。`,
    },
    'en-US': {
      'rule.sequence.blank': (p) => `Fill in the row number ${p.n}.`,
      'rule.sequence': (p) => `Row numbers run 1, 2, 3 …; this row should be ${p.n}.`,
    },
  },
});
