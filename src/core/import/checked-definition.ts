import { schemaProblems } from '../schema-problems';
import { UserError } from '../errors';
import { FormDefinitionSchema, type FormDefinition, type FormDefinitionInput } from '../form-schema';

/**
 * An imported definition checked by the same schema as every form; one the importer made wrong (a text it did not
 * foresee) is refused with a Chinese UserError naming the form and each objection, never an English crash.
 */
export function checkedDefinition(input: FormDefinitionInput, where: string): FormDefinition {
  const result = FormDefinitionSchema.safeParse(input);
  if (result.success) return result.data;
  throw new UserError(
    'import',
    `${where}识别出的表格不符合规范，未能导入：${schemaProblems(result.error).join('；')}。请核对原文，或把原文交给技术人员。`,
  );
}
