import type { z } from 'zod';
import type { Lang, ProblemParams, Wording } from '../../messages/wording';
import { flagAndCount } from './flag-and-count';
import { mentions } from './mentions';
import { minRows } from './min-rows';
import { notFuture } from './not-future';
import { oneOf } from './one-of';
import { reminder } from './reminder';
import { requiredUnlessThisYear } from './required-unless-this-year';
import type { RuleFinding, RuleRefs, RuleScope } from './rule-kind';
import { sequence } from './sequence';
import { unique } from './unique';
import { withinPeriod } from './within-period';
import { yearsForAge } from './years-for-age';

/** Every kind of rule across fields a form may use. A new kind is one module in this folder and one line here. */
export const RULE_KINDS = [
  oneOf,
  mentions,
  reminder,
  minRows,
  yearsForAge,
  flagAndCount,
  unique,
  sequence,
  notFuture,
  requiredUnlessThisYear,
  withinPeriod,
] as const;

export type Kinds = typeof RULE_KINDS;
/** Each kind's schema type, in the registry's order (rule-schema.ts builds them). */
export type SchemasOf<T extends readonly unknown[]> = {
  -readonly [I in keyof T]: T[I] extends { schema(parts: never): infer S } ? S : never;
};

/** A rule of any kind, as a form definition gives it (rule-schema.ts's RuleSchema checks it, told apart by `kind`). */
export type Rule = z.output<SchemasOf<Kinds>[number]>;
export type RuleKindName = Rule['kind'];
/** Every problem code a rule kind may report. */
export type RuleCode = Kinds[number] extends infer K ? (K extends { messages: { 'zh-CN': infer T } } ? keyof T & string : never) : never;

// Each kind as the dispatch sees it: its rule, whichever kind, is the one its `kind` names (checked by the schema).
type AnyKind = {
  kind: string;
  refs(rule: Rule): RuleRefs;
  check(rule: Rule, scope: RuleScope): RuleFinding[];
  messages: Readonly<Record<Lang, Readonly<Record<string, Wording>>>>;
};
const BY_NAME = new Map<string, AnyKind>(RULE_KINDS.map((k) => [k.kind, k as unknown as AnyKind]));

function kindOf(rule: Rule): AnyKind {
  const kind = BY_NAME.get(rule.kind);
  if (!kind) throw new Error(`unknown rule kind ${rule.kind}`);
  return kind;
}

/** The field ids, lists and params a rule names, for the form schema's reference checks. */
export function ruleRefs(rule: Rule): RuleRefs {
  return kindOf(rule).refs(rule);
}

/** What a rule finds wrong in a read, field-checked form. */
export function evaluateRule(rule: Rule, scope: RuleScope): RuleFinding<RuleCode>[] {
  return kindOf(rule).check(rule, scope) as RuleFinding<RuleCode>[];
}

const WORDINGS = new Map<string, Readonly<Record<Lang, Readonly<Record<string, Wording>>>>>(
  RULE_KINDS.flatMap((k) => Object.keys(k.messages['zh-CN']).map((code) => [code, k.messages] as const)),
);

/** Every problem code of every rule kind. */
export const RULE_CODES: readonly string[] = [...WORDINGS.keys()];

/** A rule kind's problem in the given language, or undefined when no kind reports that code. */
export function ruleWording(code: string, params: ProblemParams, lang: Lang): string | undefined {
  return WORDINGS.get(code)?.[lang][code]?.(params);
}
