import type { ProblemParams } from '../../messages/wording';
import { ruleKind, type RuleFinding } from './rule-kind';

/** How the flag is set, in Chinese: ticked (a check field) or answered 是 (a yes/no field). */
const markWords = (p: ProblemParams) => (p.mark === 'check' ? '勾选' : '填“是”');
const markEnglish = (p: ProblemParams) => (p.mark === 'check' ? 'tick' : 'answer “是” to');
/** How the flag is turned off: untick it, or answer 否. */
const unmarkWords = (p: ProblemParams) => (p.mark === 'check' ? '取消勾选' : '改填“否”');
const unmarkEnglish = (p: ProblemParams) => (p.mark === 'check' ? 'untick' : 'answer “否” to');

/** A yes/no or tick and the counts that go with it (有发明专利 and 件数): a count needs the flag, the flag asks a count. */
export const flagAndCount = ruleKind({
  kind: 'flagAndCount',
  schema: ({ z, FieldRef, Severity }) =>
    z
      .object({
        kind: z.literal('flagAndCount'),
        flag: FieldRef,
        counts: z.array(FieldRef).min(1),
        countAsked: z.boolean(),
        countWithoutFlag: Severity,
        flagWithoutCount: Severity,
      })
      .strict(),
  refs: (rule) => ({ fields: [rule.flag, ...rule.counts] }),
  check(rule, scope) {
    const flag = scope.slotsOf(rule.flag)[0];
    if (!flag) return [];
    const on = flag.value === '是' || flag.value === '√';
    const mark = flag.slot.field.type === 'check' ? 'check' : 'yesNo';
    const counts = rule.counts.map((ref) => scope.slotsOf(ref)[0]).filter((c): c is NonNullable<typeof c> => c !== undefined);
    type Code = 'rule.flagAndCount.countWithoutFlag' | 'rule.flagAndCount.countMissing' | 'rule.flagAndCount.countNotApplicable';
    const found: RuleFinding<Code>[] = [];
    for (const count of counts) {
      // "/", "—" or 无 in the count: right when the flag is off (the activity was not held), a contradiction when on.
      if (on && count.notApplicable !== undefined) {
        found.push({
          entry: count,
          severity: 'error',
          code: 'rule.flagAndCount.countNotApplicable',
          params: { count: count.slot.field.label, flag: flag.slot.field.label.replace(/（.*）$/, ''), mark, typed: count.notApplicable },
        });
        continue;
      }
      if (on || count.blank) continue;
      found.push({
        entry: count,
        severity: rule.countWithoutFlag,
        code: 'rule.flagAndCount.countWithoutFlag',
        params: { count: count.slot.field.label, flag: flag.slot.field.label.replace(/（.*）$/, ''), mark },
      });
    }
    const first = counts[0];
    if (on && rule.countAsked && first && counts.every((c) => c.blank && c.notApplicable === undefined)) {
      found.push({
        entry: first,
        severity: rule.flagWithoutCount,
        code: 'rule.flagAndCount.countMissing',
        params: { count: first.slot.field.label, mark },
        empty: true,
      });
    }
    return found;
  },
  messages: {
    'zh-CN': {
      'rule.flagAndCount.countWithoutFlag': (p) => `已填${p.count}，但“${p.flag}”未${markWords(p)}：请${markWords(p)}，或清空此数。`,
      'rule.flagAndCount.countMissing': (p) => `已${markWords(p)}，请填写${p.count}。`,
      'rule.flagAndCount.countNotApplicable': (p) =>
        `“${p.flag}”已${markWords(p)}，${p.count}却填了“${p.typed}”：请填写${p.count}，或将“${p.flag}”${unmarkWords(p)}。`,
    },
    'en-US': {
      'rule.flagAndCount.countWithoutFlag': (p) =>
        `${p.count} is filled in, but “${p.flag}” is not marked: ${markEnglish(p)} “${p.flag}”, or clear this number.`,
      'rule.flagAndCount.countMissing': (p) => `Marked, so fill in ${p.count}.`,
      'rule.flagAndCount.countNotApplicable': (p) =>
        `“${p.flag}” is marked, yet ${p.count} says “${p.typed}”: fill in ${p.count}, or ${unmarkEnglish(p)} “${p.flag}”.`,
    },
  },
});
