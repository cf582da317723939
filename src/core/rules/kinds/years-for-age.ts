import { ruleKind } from './rule-kind';

/** Years of work that fit the age: no one starts work before `startAge`. */
export const yearsForAge = ruleKind({
  kind: 'yearsForAge',
  schema: ({ z, FieldRef, Severity }) =>
    z
      .object({ kind: z.literal('yearsForAge'), age: FieldRef, years: FieldRef, startAge: z.number().int().min(10), severity: Severity })
      .strict(),
  refs: (rule) => ({ fields: [rule.age, rule.years] }),
  check(rule, scope) {
    return scope.slotsOf(rule.age).flatMap((age) => {
      const years = scope.sibling(rule.years, age.slot);
      if (typeof age.value !== 'number' || typeof years?.value !== 'number') return [];
      if (years.value <= age.value - rule.startAge) return [];
      return [
        {
          entry: years,
          severity: rule.severity,
          code: 'rule.yearsForAge' as const,
          params: { years: years.value, age: age.value, startAge: rule.startAge },
        },
      ];
    });
  },
  messages: {
    'zh-CN': { 'rule.yearsForAge': (p) => `工作年限${p.years}年与年龄${p.age}岁不符（${p.startAge}岁前一般不参加工作），请核对。` },
    'en-US': {
      'rule.yearsForAge': (p) =>
        `${p.years} years of work do not fit the age of ${p.age} (work rarely starts before ${p.startAge}); please check.`,
    },
  },
});
