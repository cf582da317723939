import type { FormDefinition } from './form-schema';

/**
 * The year that goes with a 届次, for a form whose notice gives both (科技节: 第七届 = 2017, one a year, so
 * 第八届 = 2018): the notice's year moved by as many editions. Undefined when the form has no 届次 and 年份, when
 * the text is not a whole number, or when the year would be out of the 年份's range.
 */
export function yearForEdition(form: FormDefinition, editionText: string): number | undefined {
  const edition = form.params.find((p) => p.id === 'edition');
  const year = form.params.find((p) => p.id === 'year');
  if (edition?.kind !== 'integer' || year?.kind !== 'integer') return undefined;
  const text = editionText.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  if (n < edition.min || n > edition.max) return undefined;
  const result = year.default + (n - edition.default);
  return result >= year.min && result <= year.max ? result : undefined;
}
