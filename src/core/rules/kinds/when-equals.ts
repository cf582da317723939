import type { RuleEntry, RuleScope } from './rule-kind';

/** The cell a conditional rule looks at, when its value is one of those named (工作室类型 is 巾帼工作室); else undefined. */
export function whenEquals(scope: RuleScope, when: string, equals: readonly string[]): (RuleEntry & { value: string }) | undefined {
  const entry = scope.slotsOf(when)[0];
  if (!entry || typeof entry.value !== 'string' || !equals.includes(entry.value)) return undefined;
  return entry as RuleEntry & { value: string };
}
