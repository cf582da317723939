import type { FormDefinition } from '../core/form-schema';
import { makeCatalogue, type Catalogue } from '../core/notice-catalogue';
import { festival2017 } from './festival-2017';
import { studio2020 } from './studio-2020';
import { yangpu2018 } from './yangpu-2018';

/** The notices this program knows, their forms checked against the schema when this module loads. */
export const CATALOGUE: Catalogue = makeCatalogue([festival2017, studio2020, yangpu2018]);

/** The newest version of each official form. */
export const FORMS: readonly FormDefinition[] = CATALOGUE.forms;

export const FORM_IDS: readonly string[] = FORMS.map((f) => f.id);

export function findForm(id: string, version?: number): FormDefinition | undefined {
  return CATALOGUE.findForm(id, version);
}

export function getForm(id: string, version?: number): FormDefinition {
  return CATALOGUE.getForm(id, version);
}
