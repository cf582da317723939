import { parseFormDefinition } from '../../core/form-schema';
import type { NoticeDefinition } from '../../core/notice-catalogue';
import { STUDIO_NOTICE } from './notice';
import { studioApplication } from './studio-application';
import { studioCrossCheck } from './studio-checks';
import { studioSummary } from './studio-summary';

export const studio2020: NoticeDefinition = {
  ...STUDIO_NOTICE,
  forms: [studioSummary, studioApplication].map(parseFormDefinition),
  crossFormChecks: [studioCrossCheck],
};
