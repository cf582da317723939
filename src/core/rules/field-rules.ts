import { z } from 'zod';
import { cellText, countCharacters, isExcelError, toHalfWidth, type CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { ABOUT_LENGTH_SLACK, CHECK_MARK, YES_NO_OPTIONS } from '../native-validation';

/** A date as ISO text (YYYY-MM-DD); a range as two of them. */
export type DateRange = { start: string; end: string };
export type FieldValue = string | number | boolean | DateRange | null;

export interface FieldReading {
  value: FieldValue;
  warnings: string[];
}

export interface FieldContext {
  /** The form's year, for dates typed as month and day only. */
  year: number | undefined;
}

const UNITS = /^(\d+)\s*(人|名|个|项|次|场|支|队|岁|年|家|位|件|篇|条|种)?$/;
const ABOUT_LOW = 0.5;

function digitsOf(raw: CellValue): unknown {
  if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : String(raw);
  return toHalfWidth(cellText(raw)).replace(/[\s-]/g, '');
}

function numberOf(raw: CellValue): unknown {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean' || raw instanceof Date) return Number.NaN;
  const text = toHalfWidth(cellText(raw)).replace(/,/g, '');
  const withUnit = UNITS.exec(text);
  if (withUnit) return Number(withUnit[1]);
  return text === '' ? Number.NaN : Number(text);
}

const YES = new Set(['是', '√', '✓', '✔', '☑', '有', 'y', 'yes', '1', 'true']);
const NO = new Set(['否', '×', '✗', '✘', '无', 'n', 'no', '0', 'false']);

function yesNoOf(raw: CellValue): unknown {
  const t = toHalfWidth(cellText(raw)).toLowerCase();
  if (YES.has(t)) return '是';
  if (NO.has(t)) return '否';
  return t;
}

function checkOf(raw: CellValue): unknown {
  const t = toHalfWidth(cellText(raw)).toLowerCase();
  if (YES.has(t) || t === 'x' || t === '■') return CHECK_MARK;
  if (NO.has(t) || t === '□' || t === '☐') return '';
  return t;
}

/** The option meant: exact, or the only option that begins with what was typed ("巾帼" → 巾帼工作室). */
function optionOf(options: string[]) {
  return (raw: CellValue): unknown => {
    const t = toHalfWidth(cellText(raw)).replace(/^[□☐☑√✓■]\s*/, '');
    if (options.includes(t)) return t;
    const named = options.filter((o) => t.includes(o));
    if (named.length > 1) return { several: named };
    const starting = options.filter((o) => t.length > 0 && o.startsWith(t));
    return starting.length === 1 ? starting[0] : t;
  };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const iso = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
};

/** One date as people write it: a Date, an Excel serial number, 2017-5-12, 2017/5/12, 2017.5.12, 2017年5月12日, 5月12日. */
export function parseDate(raw: CellValue, year: number | undefined): string | undefined {
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? undefined : iso(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw > 2958465) return undefined;
    const d = new Date(EXCEL_EPOCH + Math.floor(raw) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const t = toHalfWidth(cellText(raw)).replace(/\s/g, '');
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const monthDay = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (monthDay && year !== undefined) return iso(year, Number(monthDay[1]), Number(monthDay[2]));
  return undefined;
}

function dateRangeOf(year: number | undefined) {
  const pair = (a: string, b: string): DateRange | undefined => {
    const start = parseDate(a, year);
    const end = start ? parseDate(b, Number(start.slice(0, 4))) : undefined;
    return start && end ? { start, end } : undefined;
  };
  return (raw: CellValue): unknown => {
    const single = parseDate(raw, year);
    if (single) return { start: single, end: single };
    const t = toHalfWidth(cellText(raw)).replace(/\s/g, '');
    const words = t.split(/至|到|~|～|—|–|－/);
    if (words.length === 2) return pair(words[0] as string, words[1] as string) ?? t;
    for (let i = t.indexOf('-'); i > 0; i = t.indexOf('-', i + 1)) {
      const found = pair(t.slice(0, i), t.slice(i + 1));
      if (found) return found;
    }
    return t;
  };
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(?0?21\)?)?[2-9]\d{7}$/;
const OTHER_AREA = /^0[1-9]\d{1,2}[2-9]\d{6,7}$/;

function phoneOf(raw: CellValue): unknown {
  if (typeof raw === 'number') return Number.isInteger(raw) ? { main: String(raw), ext: '' } : String(raw);
  const t = toHalfWidth(cellText(raw)).replace(/\s/g, '');
  const m = /^(.+?)(?:(?:转|ext\.?|x|分机)(\d{1,6})|-(\d{1,6}))?$/i.exec(t);
  const main = (m?.[1] ?? t).replace(/[()（）-]/g, '').replace(/^\+?86/, '');
  return { main, ext: m?.[2] ?? m?.[3] ?? '' };
}

function textSchema(field: Field): z.ZodType<string> {
  const max = field.type === 'text' || field.type === 'longText' ? field.maxLength : undefined;
  const base = z.string();
  return max === undefined
    ? base
    : base.refine((s) => countCharacters(s) <= max, {
        error: (issue) => `不超过${max}字，现有${countCharacters(String(issue.input))}字，请删减。`,
      });
}

const schemas = new WeakMap<Field, Map<number | undefined, z.ZodType<FieldValue>>>();

/** The field's schema, built once per field and year (building one costs far more than using it). */
export function fieldSchema(field: Field, context: FieldContext): z.ZodType<FieldValue> {
  let byYear = schemas.get(field);
  if (!byYear) schemas.set(field, (byYear = new Map()));
  let schema = byYear.get(context.year);
  if (!schema) byYear.set(context.year, (schema = buildFieldSchema(field, context)));
  return schema;
}

/** The zod schema of one field: it takes a non-blank cell value and gives the normalised value or says what is wrong. */
function buildFieldSchema(field: Field, context: FieldContext): z.ZodType<FieldValue> {
  switch (field.type) {
    case 'text':
    case 'longText':
      return z.preprocess((raw: CellValue) => cellText(raw), textSchema(field));
    case 'integer': {
      let n = z
        .number({ error: '请填写整数（可以带“人”“个”等单位，如“12人”）。' })
        .int({ error: '应为整数，不能有小数。' })
        .min(field.min, { error: `不能小于${field.min}。` });
      if (field.max !== undefined) n = n.max(field.max, { error: `不能大于${field.max}。` });
      return z.preprocess(numberOf, n);
    }
    case 'yesNo':
      return z.preprocess(yesNoOf, z.enum(YES_NO_OPTIONS as [string, ...string[]], { error: '请填写“是”或“否”。' }));
    case 'check':
      return z.preprocess(checkOf, z.enum([CHECK_MARK, ''], { error: '勾选请填“√”，不选请留空。' }));
    case 'choice':
      return z
        .preprocess(
          optionOf(field.options),
          z.union([z.enum(field.options as [string, ...string[]]), z.object({ several: z.array(z.string()) })], {
            error: `请从以下选项中选择一项：${field.options.join('、')}。`,
          }),
        )
        .transform((v, ctx) => {
          if (typeof v === 'string') return v;
          ctx.addIssue({ code: 'custom', message: `只能选择一项，现填了：${v.several.join('、')}。` });
          return z.NEVER;
        });
    case 'date':
      if (field.range) {
        return z
          .preprocess(
            dateRangeOf(context.year),
            z.object({ start: z.string(), end: z.string() }, { error: '请填写日期或起止日期，如 2017-5-22 或 2017-5-22至2017-6-2。' }),
          )
          .refine((r) => r.start <= r.end, { error: '开始日期晚于结束日期。' });
      }
      return z.preprocess(
        (raw: CellValue) => parseDate(raw, context.year) ?? cellText(raw),
        z.iso.date({ error: '请填写日期，如 2017-5-12 或 2017年5月12日。' }),
      );
    case 'phone':
      return z.preprocess(phoneOf, z.object({ main: z.string(), ext: z.string() }, { error: '请填写电话号码。' })).transform((p, ctx) => {
        if (MOBILE.test(p.main) && !p.ext) return p.main;
        if (LANDLINE.test(p.main) || OTHER_AREA.test(p.main)) return p.ext ? `${p.main}-${p.ext}` : p.main;
        ctx.addIssue({
          code: 'custom',
          message: '电话号码有误：手机号为11位（1开头），上海固定电话为8位（可加021和分机号，如 021-55885659-123）。',
        });
        return z.NEVER;
      });
    case 'postcode':
      return z.preprocess(digitsOf, z.string().regex(/^\d{6}$/, { error: '邮政编码应为6位数字，如 200063。' }));
  }
}

function warningsFor(field: Field, value: FieldValue): string[] {
  if (field.type === 'longText' && field.aboutLength && typeof value === 'string') {
    const n = countCharacters(value);
    if (n < field.aboutLength * ABOUT_LOW) return [`要求${field.aboutLength}字左右，现只有${n}字，请补充。`];
    if (n > field.aboutLength * ABOUT_LENGTH_SLACK) return [`要求${field.aboutLength}字左右，现有${n}字，请精简。`];
  }
  return [];
}

export type FieldCheck = { status: 'blank' } | { status: 'ok'; reading: FieldReading } | { status: 'invalid'; message: string };

const REMEMBERED = 50_000;
const remembered = new WeakMap<Field, Map<number | undefined, Map<CellValue, FieldCheck>>>();

/**
 * Checks one cell against its field; never throws, whatever the cell holds. The answer depends only on the
 * field, the year and the value, so it is remembered for plain values: re-checking a long list after one edit
 * looks up what has not changed.
 */
export function checkField(field: Field, raw: CellValue, context: FieldContext): FieldCheck {
  if (raw instanceof Date) return checkFieldOnce(field, raw, context);
  let byYear = remembered.get(field);
  if (!byYear) remembered.set(field, (byYear = new Map()));
  let memo = byYear.get(context.year);
  if (!memo) byYear.set(context.year, (memo = new Map()));
  let result = memo.get(raw);
  if (!result) {
    if (memo.size >= REMEMBERED) memo.clear();
    memo.set(raw, (result = checkFieldOnce(field, raw, context)));
  }
  return result;
}

function checkFieldOnce(field: Field, raw: CellValue, context: FieldContext): FieldCheck {
  if (isExcelError(raw)) return { status: 'invalid', message: `单元格显示错误值 ${cellText(raw)}，请改为实际内容。` };
  if (cellText(raw) === '' || (field.type === 'check' && checkOf(raw) === '')) return { status: 'blank' };
  const parsed = fieldSchema(field, context).safeParse(raw);
  if (!parsed.success) return { status: 'invalid', message: parsed.error.issues[0]?.message ?? '填写有误。' };
  return { status: 'ok', reading: { value: parsed.data, warnings: warningsFor(field, parsed.data) } };
}
