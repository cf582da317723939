import type { FormDefinition, FormDefinitionInput } from '../core/form-schema';
import { makeCatalogue, type Catalogue } from '../core/notice-catalogue';
import { festival2017, festival2017Definitions } from './festival-2017';
import { studio2020, studio2020Definitions } from './studio-2020';
import { yangpu2018, yangpu2018Definitions } from './yangpu-2018';

/** The notices this program knows, their forms typed data, checked against the schema by the tests (built-in-form.ts). */
export const CATALOGUE: Catalogue = makeCatalogue([festival2017, studio2020, yangpu2018]);

/** Every built-in form as written, before the schema's defaults (the tests parse each with the schema). */
export const BUILT_IN_DEFINITIONS: readonly FormDefinitionInput[] = [
  ...festival2017Definitions,
  ...studio2020Definitions,
  ...yangpu2018Definitions,
];

/** The newest version of each official form. */
export const FORMS: readonly FormDefinition[] = CATALOGUE.forms;

export const FORM_IDS: readonly string[] = FORMS.map((f) => f.id);

export function findForm(id: string, version?: number): FormDefinition | undefined {
  return CATALOGUE.findForm(id, version);
}

export function getForm(id: string, version?: number): FormDefinition {
  return CATALOGUE.getForm(id, version);
}
