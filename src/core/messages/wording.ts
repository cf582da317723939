/** The languages problems are told in: Chinese first (the forms and the clerks), then English. */
export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

/** What a problem says beyond its code: labels, counts, the value typed — never a whole sentence of one language. */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** One problem's sentence in one language, made from its params. */
export type Wording = (params: ProblemParams) => string;

/** Every wording of a set of codes, in every language (a rule kind's own, or the core's). */
export type Wordings<C extends string> = Readonly<Record<Lang, Readonly<Record<C, Wording>>>>;
