import { parseFormDefinition } from '../../core/form-schema';
import type { NoticeDefinition } from '../../core/notice-catalogue';
import { festivalProject } from './festival-project';
import { festivalStats } from './festival-stats';
import { FESTIVAL_NOTICE } from './notice';

export const festival2017: NoticeDefinition = {
  ...FESTIVAL_NOTICE,
  forms: [festivalProject, festivalStats].map(parseFormDefinition),
  crossFormChecks: [],
};
