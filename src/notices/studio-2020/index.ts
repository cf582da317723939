import { builtInForm } from '../built-in-form';
import type { FormDefinitionInput } from '../../core/form-schema';
import type { NoticeDefinition } from '../../core/notice-catalogue';
import { STUDIO_NOTICE } from './notice';
import { studioApplication } from './studio-application';
import { studioCrossCheck } from './studio-checks';
import { studioSummary } from './studio-summary';

/** The notice's forms as written (the schema's input), every version. */
export const studio2020Definitions: readonly FormDefinitionInput[] = [studioSummary, studioApplication];

export const studio2020: NoticeDefinition = {
  ...STUDIO_NOTICE,
  forms: studio2020Definitions.map(builtInForm),
  crossFormChecks: [studioCrossCheck],
};
