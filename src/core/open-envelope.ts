import { unsealEnvelope, type OpenedEnvelope } from './definition-envelope';
import { FormDefinitionSchema } from './form-schema';
import { schemaProblems } from './schema-problems';

/**
 * Opens an envelope read from an untrusted file: the envelope's own checks (definition-envelope.ts: size, JSON,
 * format and version, checksum), then the form schema — each refusal one Chinese sentence. Nothing in it is run or
 * evaluated: it is parsed as JSON and checked as data. This module holds the schema library: hosts load it when a
 * workbook carries a definition (definition-rows.ts), not at start-up.
 */
export function openEnvelope(text: string): OpenedEnvelope {
  const unsealed = unsealEnvelope(text);
  if (!unsealed.ok) return unsealed;
  const { notice, form } = unsealed;
  const result = FormDefinitionSchema.safeParse(form);
  if (!result.success) {
    const id = form && typeof form === 'object' && 'id' in form ? `“${String((form as { id: unknown }).id)}”` : '';
    return { ok: false, problem: `表格定义${id}不符合规范，未使用：${schemaProblems(result.error).join('；')}。` };
  }
  return { ok: true, notice, form: result.data };
}
