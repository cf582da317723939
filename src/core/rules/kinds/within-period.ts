import { parseMonthDay } from '../../templates';
import type { DateRange } from '../field-rules';
import { ruleKind } from './rule-kind';

/** A date or period inside the activity's period, given as two month-day params of the form's year. */
export const withinPeriod = ruleKind({
  kind: 'withinPeriod',
  schema: ({ z, FieldRef, Identifier, Severity }) =>
    z
      .object({ kind: z.literal('withinPeriod'), field: FieldRef, startParam: Identifier, endParam: Identifier, severity: Severity })
      .strict(),
  refs: (rule) => ({ fields: [rule.field], monthDayParams: [rule.startParam, rule.endParam] }),
  check(rule, scope) {
    const year = scope.year;
    if (year === undefined) return [];
    const at = (id: string) => {
      const { month, day } = parseMonthDay(String(scope.params[id]));
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    const [start, end] = [at(rule.startParam), at(rule.endParam)];
    return scope.slotsOf(rule.field).flatMap((entry) => {
      const range = entry.value as DateRange | undefined;
      if (!range || typeof range !== 'object' || (range.start >= start && range.end <= end)) return [];
      return [
        { entry, severity: rule.severity, code: 'rule.withinPeriod' as const, params: { label: entry.slot.field.label, start, end } },
      ];
    });
  },
  messages: {
    'zh-CN': { 'rule.withinPeriod': (p) => `${p.label}不在活动期间（${p.start}至${p.end}）内，请核对。` },
    'en-US': { 'rule.withinPeriod': (p) => `${p.label} is outside the activity’s period (${p.start} to ${p.end}); please check.` },
  },
});
