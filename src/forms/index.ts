import { parseFormDefinition, type FormDefinition } from '../core/form-schema';
import { UserError } from '../core/errors';
import { festivalProject } from './festival-project';
import { festivalStats } from './festival-stats';
import { studioApplication } from './studio-application';
import { studioSummary } from './studio-summary';
import { yangpuThemeActivity } from './yangpu-theme-activity';
import { yangpuVolunteerTeam } from './yangpu-volunteer-team';

/** The official forms, each checked against the schema when this module loads. */
export const FORMS: readonly FormDefinition[] = [
  festivalProject,
  festivalStats,
  studioSummary,
  studioApplication,
  yangpuThemeActivity,
  yangpuVolunteerTeam,
].map(parseFormDefinition);

export const FORM_IDS: readonly string[] = FORMS.map((f) => f.id);

export function findForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}

export function getForm(id: string): FormDefinition {
  const form = findForm(id);
  if (!form) throw new UserError('unknown-form', `没有编号为“${id}”的表格。可用的表格：${FORM_IDS.join('、')}。`);
  return form;
}
