import { UserError } from './errors';
import type { FormDefinition, Param } from './form-schema';
import { parseMonthDay, type ParamValues } from './templates';

export type ParamOverrides = Readonly<Record<string, string | number | undefined>>;

function describe(param: Param): string {
  return param.kind === 'integer' ? `${param.min}到${param.max}之间的整数` : '“月-日”，例如05-12';
}

function coerce(param: Param, raw: string | number): number | string {
  if (param.kind === 'integer') {
    const text = String(raw).trim();
    const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(n) || n < param.min || n > param.max) {
      throw new UserError('bad-param', `${param.label}“${raw}”无效：应为${describe(param)}。`);
    }
    return n;
  }
  const text = String(raw).trim();
  const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const value = m ? `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : '';
  const valid = m !== null && isRealMonthDay(value);
  if (!valid) throw new UserError('bad-param', `${param.label}“${raw}”无效：应为${describe(param)}。`);
  return value;
}

function isRealMonthDay(value: string): boolean {
  const { month, day } = parseMonthDay(value);
  const date = new Date(Date.UTC(2000, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The form's parameters with defaults from the notice, replaced by the overrides that the form declares.
 * An override for a parameter the form does not have is an error unless `ignoreUnknown` (used for a pack of forms).
 */
export function resolveParams(form: FormDefinition, overrides: ParamOverrides = {}, ignoreUnknown = false): ParamValues {
  const values: Record<string, number | string> = {};
  for (const param of form.params) values[param.id] = param.default;
  for (const [id, raw] of Object.entries(overrides)) {
    if (raw === undefined) continue;
    const param = form.params.find((p) => p.id === id);
    if (!param) {
      if (ignoreUnknown) continue;
      throw new UserError('unknown-param', `表格“${form.sheetName}”（${form.id}）没有 ${id} 参数。`);
    }
    values[id] = coerce(param, raw);
  }
  return values;
}

/** The return deadline as a date (UTC midnight), or undefined when the form states none. */
export function deadlineOf(form: FormDefinition, params: ParamValues): Date | undefined {
  if (!form.deadlineParam) return undefined;
  const { month, day } = parseMonthDay(String(params[form.deadlineParam]));
  return new Date(Date.UTC(Number(params.year), month - 1, day));
}
