import type { z } from 'zod';

/** Each code of a schema objection, said in Chinese. */
const WHY: Readonly<Record<string, string>> = {
  invalid_type: '类型不对',
  too_small: '太小或太短',
  too_big: '太大或太长',
  invalid_format: '格式不对',
  invalid_value: '不是允许的取值',
  unrecognized_keys: '有不认识的项',
  invalid_union: '不符合任何一种写法',
  invalid_key: '键不对',
  invalid_element: '元素不对',
  not_multiple_of: '不是规定的倍数',
  custom: '不符合要求',
};

/** "bands.1.rows.0.cells.2.field.type" for a path of the definition; "（整个定义）" for the whole of it. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '（整个定义）' : path.map(String).join('.');
}

/** The schema's objections in Chinese: each names the field (its path in the definition) and why. */
export function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `：${issue.keys.join('、')}` : '';
    return `“${fieldPath(issue.path)}”${WHY[issue.code] ?? '不符合要求'}${keys}（${issue.message}）`;
  });
}
