import { builtInForm } from '../built-in-form';
import type { FormDefinitionInput } from '../../core/form-schema';
import type { NoticeDefinition } from '../../core/notice-catalogue';
import { festivalProject } from './festival-project';
import { festivalStats } from './festival-stats';
import { FESTIVAL_NOTICE } from './notice';

/** The notice's forms as written (the schema's input), every version. */
export const festival2017Definitions: readonly FormDefinitionInput[] = [festivalProject, festivalStats];

export const festival2017: NoticeDefinition = {
  ...FESTIVAL_NOTICE,
  forms: festival2017Definitions.map(builtInForm),
  crossFormChecks: [],
};
