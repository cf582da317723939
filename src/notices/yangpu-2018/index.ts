import { builtInForm } from '../built-in-form';
import type { FormDefinitionInput } from '../../core/form-schema';
import type { NoticeDefinition } from '../../core/notice-catalogue';
import { YANGPU_NOTICE } from './notice';
import { yangpuThemeActivity } from './yangpu-theme-activity';
import { yangpuVolunteerTeam } from './yangpu-volunteer-team';

/** The notice's forms as written (the schema's input), every version. */
export const yangpu2018Definitions: readonly FormDefinitionInput[] = [yangpuThemeActivity, yangpuVolunteerTeam];

export const yangpu2018: NoticeDefinition = {
  ...YANGPU_NOTICE,
  forms: yangpu2018Definitions.map(builtInForm),
  crossFormChecks: [],
};
