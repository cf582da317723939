import { cellText } from '../../cell-value';
import { ruleKind, type RuleFinding } from './rule-kind';

/** A list column whose values may each appear once (工作室名称); spaces and full-width forms do not make two names differ. */
export const unique = ruleKind({
  kind: 'unique',
  schema: ({ z, FieldRef, Severity }) => z.object({ kind: z.literal('unique'), field: FieldRef, severity: Severity }).strict(),
  refs: (rule) => ({ fields: [rule.field] }),
  check(rule, scope) {
    const seen = new Map<string, number>();
    const found: RuleFinding<'rule.unique'>[] = [];
    for (const entry of scope.slotsOf(rule.field)) {
      if (entry.value === undefined) continue;
      const name = cellText(String(entry.value)).replace(/\s/g, '');
      const earlier = seen.get(name);
      if (earlier === undefined) seen.set(name, entry.slot.index ?? 0);
      else
        found.push({
          entry,
          severity: rule.severity,
          code: 'rule.unique',
          params: { value: String(entry.value), row: earlier + 1, label: entry.slot.field.label },
        });
    }
    return found;
  },
  messages: {
    'zh-CN': { 'rule.unique': (p) => `“${p.value}”与第${p.row}行重复，同一${p.label}只能填报一次。` },
    'en-US': { 'rule.unique': (p) => `“${p.value}” repeats row ${p.row}: each ${p.label} may be entered only once.` },
  },
});
