import { RULE_CODES, ruleWording, type RuleCode } from '../rules/kinds';
import { EN_US } from './en-US';
import { ZH_CN, type CoreCode } from './zh-CN';
import type { Lang, ProblemParams, Wording } from './wording';

export { isLang, LANGS, type Lang, type ProblemParams } from './wording';

/** How a problem's severity is named, per language (the Chinese words are check-form.ts's SEVERITY_WORDS). */
export const SEVERITY_NAMES: Readonly<Record<Lang, Readonly<Record<'error' | 'warning' | 'info', string>>>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'note' },
};

/** Every code a problem may carry: the core's (a field, the form, the reader) and the rule kinds'. */
export type ProblemCode = CoreCode | RuleCode;

const CORE: Readonly<Record<Lang, Readonly<Record<CoreCode, Wording>>>> = { 'zh-CN': ZH_CN, 'en-US': EN_US };

/** Every problem code there is, core and rule kinds. */
export const PROBLEM_CODES: readonly string[] = [...Object.keys(ZH_CN), ...RULE_CODES];

/** A problem's sentence in a language, from its code and params (Chinese by default, as the forms speak). */
export function problemMessage(code: ProblemCode, params: ProblemParams, lang: Lang = 'zh-CN'): string {
  const core = (CORE[lang] as Readonly<Record<string, Wording>>)[code];
  const text = core ? core(params) : ruleWording(code, params, lang);
  if (text === undefined) throw new Error(`no wording for problem code ${code}`);
  return text;
}

/** A problem's message in a language. */
export function formatProblem(problem: { code: ProblemCode; params: ProblemParams }, lang: Lang): string {
  return problemMessage(problem.code, problem.params, lang);
}

/** The same problem, its message in the given language (the core's problems carry Chinese). */
export function problemIn<P extends { code: ProblemCode; params: ProblemParams; message: string }>(problem: P, lang: Lang): P {
  return lang === 'zh-CN' ? problem : { ...problem, message: formatProblem(problem, lang) };
}
