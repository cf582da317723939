import { parseFormDefinition } from '../../core/form-schema';
import type { NoticeDefinition } from '../../core/notice-catalogue';
import { YANGPU_NOTICE } from './notice';
import { yangpuThemeActivity } from './yangpu-theme-activity';
import { yangpuVolunteerTeam } from './yangpu-volunteer-team';

export const yangpu2018: NoticeDefinition = {
  ...YANGPU_NOTICE,
  forms: [yangpuThemeActivity, yangpuVolunteerTeam].map(parseFormDefinition),
  crossFormChecks: [],
};
