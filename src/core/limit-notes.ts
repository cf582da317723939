import type { CheckLeftOut } from './conditional-formats';
import type { Field } from './form-schema';
import { inlineListFits } from './formula-limits';

/** Opens the note row a template gets when some of its checks are past Excel's limits. */
export const LIMIT_NOTE_HEAD = '填表说明：';

/**
 * The template's 填表说明 for what Excel's limits (formula-limits.ts) keep out of it: a choice whose options are too
 * many for a dropdown (they are listed here instead), and a field whose check no conditional format can hold (its
 * wrong values are not coloured). The add-in checks both as it checks everything. Undefined when nothing is left out,
 * as for every built-in form.
 */
export function limitNote(fields: readonly Field[], leftOut: readonly CheckLeftOut[]): string | undefined {
  const sentences: string[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.id) || field.type !== 'choice' || inlineListFits(field.options)) continue;
    seen.add(field.id);
    sentences.push(`“${field.label}”选项较多，本表不设下拉列表，请填写其中之一：${field.options.join('；')}。`);
  }
  const labels = [...new Set(leftOut.map((c) => c.label))];
  if (labels.length > 0) {
    sentences.push(`${labels.map((l) => `“${l}”`).join('、')}填写有误时，本表不能用颜色标出，请用工会表格助手检查。`);
  }
  if (sentences.length === 0) return undefined;
  return LIMIT_NOTE_HEAD + (sentences.length === 1 ? sentences[0] : sentences.map((s, i) => `${i + 1}. ${s}`).join(' '));
}
