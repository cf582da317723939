import { z } from 'zod';
import { cellText, countCharacters, isExcelError, toHalfWidth, type CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { ZH_CN, type CoreCode } from '../messages/zh-CN';
import type { ProblemParams } from '../messages/wording';
import { ABOUT_LENGTH_SLACK, CHECK_MARK, YES_NO_OPTIONS } from '../native-validation';
import { notApplicableMark, numberOf } from './count-text';
import { dateRangeOf, parseDate, parseMonth, parseTenDays, type DateRange } from './date-text';
import { phoneLength, phonesOf } from './phone-numbers';

export type { DateRange } from './date-text';
export type FieldValue = string | number | boolean | DateRange | null;

export interface FieldReading {
  value: FieldValue;
  warnings: string[];
}

export interface FieldContext {
  /** The form's year, for dates typed as month and day only. */
  year: number | undefined;
}

const ABOUT_LOW = 0.5;

function digitsOf(raw: CellValue): unknown {
  if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : String(raw);
  return toHalfWidth(cellText(raw)).replace(/[\s-]/g, '');
}

/** Words that make a count approximate: 约300、300左右、300多人、300余人、近300. */
const APPROX = /大约|约|左右|上下|以上|以下|不到|不足|超过|多|余|逾|近|[~≈+]/g;
const CN_DIGITS = new Map<string, number>([
  ...[...'〇一二三四五六七八九'].map((c, i) => [c, i] as const),
  ...[...'零壹贰叁肆伍陆柒捌玖'].map((c, i) => [c, i] as const),
  ['两', 2],
]);
const CN_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const CN_NUMERAL = /[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]/;
const COUNT_UNIT = /(人次|人|名|个|项|次|场|支|队|岁|年|家|位|件|篇|条|种)$/;

/** A number written in Chinese (十二、三百五十、一千二、两万五、1.2万), or undefined. */
export function chineseNumber(text: string): number | undefined {
  const scaled = /^(\d+(?:\.\d+)?)([十拾百佰千仟万亿])$/.exec(text);
  if (scaled) {
    const unit = CN_SMALL[scaled[2] as string] ?? CN_BIG[scaled[2] as string] ?? 1;
    const n = Number(scaled[1]) * unit;
    return Number.isInteger(n) ? n : undefined;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 1;
  let zero = false;
  for (const ch of text) {
    const d = /\d/.test(ch) ? Number(ch) : CN_DIGITS.get(ch);
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      if (d === 0) zero = true;
      else digit = d;
    } else if (CN_SMALL[ch] !== undefined) {
      const unit = CN_SMALL[ch] as number;
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      zero = false;
    } else if (CN_BIG[ch] !== undefined) {
      const unit = CN_BIG[ch] as number;
      total = (total + section + (digit ?? 0)) * unit;
      section = 0;
      digit = undefined;
      lastUnit = unit;
      zero = false;
    } else return undefined;
  }
  // 一千二 is 1200 and 两万五 is 25000, but 一千零二 is 1002.
  if (digit !== undefined) section += !zero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

/** What is wrong with one cell's value (or what to look at), before it is worded: a problem code and its params. */
export interface FieldNote {
  code: CoreCode;
  params: ProblemParams;
}

const note = (code: CoreCode, params: ProblemParams = {}): FieldNote => ({ code, params });

/**
 * zod carries a note through an issue's message slot, as JSON that checkFieldOnce reads back; it is never shown.
 * The words are made from the code afterwards (messages/), in the language asked for.
 */
const carried = (code: CoreCode, params: ProblemParams = {}): string => JSON.stringify(note(code, params));

function noteOfIssue(message: string | undefined): FieldNote {
  try {
    const found = JSON.parse(message ?? '') as Partial<FieldNote>;
    if (typeof found.code === 'string' && found.code in ZH_CN && typeof found.params === 'object' && found.params)
      return note(found.code, found.params);
  } catch {
    // a message zod wrote itself: no code of ours
  }
  return note('invalid');
}

/** Why a cell's text is not a count: approximate (约300), in Chinese numerals (十二人), or neither. */
export function notIntegerNote(input: unknown): FieldNote {
  if (typeof input !== 'string') return note('integer');
  const text = input.replace(/\s/g, '');
  const exact = text.replace(APPROX, '');
  const approximate = exact !== text && (/\d/.test(exact) || CN_NUMERAL.test(exact));
  const bare = exact.replace(COUNT_UNIT, '');
  const chinese = CN_NUMERAL.test(bare) && /^[\d.零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]+$/.test(bare);
  if (approximate && chinese) return note('integer.approximateChinese', { example: chineseNumber(bare) ?? 12 });
  if (approximate) return note('integer.approximate');
  if (chinese) return note('integer.chinese', { example: chineseNumber(bare) ?? 12 });
  return note('integer');
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
/** Marks that tick the option written after them, as people type or paste them; □ and ☐ are boxes left empty. */
export const TICKS = '☑☒■√✓✔✅';
export const BOXES = '□☐';

/**
 * The options a cell ticks when it is written as the notice prints them ("☑有 □无", "■工匠工作室 □技师工作室"):
 * those right after a tick; undefined when the cell has no boxes or ticks in front of any option.
 */
export function tickedOptions(text: string, options: readonly string[]): string[] | undefined {
  let boxed = false;
  const ticked: string[] = [];
  for (const option of options) {
    for (let at = text.indexOf(option); at >= 0; at = text.indexOf(option, at + 1)) {
      let before = at - 1;
      while (before >= 0 && /\s/.test(text[before] as string)) before--;
      if (before < 0) continue;
      const mark = text[before] as string;
      if (TICKS.includes(mark)) {
        boxed = true;
        ticked.push(option);
        break;
      }
      if (BOXES.includes(mark)) boxed = true;
    }
  }
  // An option that is part of a longer one (技师 in 高级技师) is ticked only if it is not the longer one's tick.
  const chosen = ticked.filter((o) => !ticked.some((p) => p !== o && p.includes(o) && p.endsWith(o)));
  return boxed ? chosen : undefined;
}

function optionOf(options: string[]) {
  return (raw: CellValue): unknown => {
    const text = toHalfWidth(cellText(raw));
    const ticked = tickedOptions(text, options);
    if (ticked) return ticked.length === 1 ? ticked[0] : ticked.length > 1 ? { several: ticked } : '';
    const t = text.replace(/^[□☐☑√✓✔■]\s*/, '');
    if (options.includes(t)) return t;
    const named = options.filter((o) => t.includes(o));
    if (named.length > 1) return { several: named };
    const starting = options.filter((o) => t.length > 0 && o.startsWith(t));
    return starting.length === 1 ? starting[0] : t;
  };
}

/** 1900 … 2099 as a number: a year (2016) or a year and month (2016.9), never an Excel date serial here. */
const isYearNumber = (raw: CellValue): boolean => typeof raw === 'number' && raw >= 1900 && raw < 2100;

/** A month field's value: a month, a day, or the month of a ten-day period with its year written (2016年9月上旬). */
function monthOf(raw: CellValue, year: number | undefined): string | null {
  const month = parseMonth(raw) ?? (isYearNumber(raw) ? undefined : parseDate(raw, year));
  if (month) return month;
  const tenDays = parseTenDays(raw, year);
  return tenDays?.yearWritten ? tenDays.start.slice(0, 7) : null;
}

/** Why a wrong phone number is wrong: its length for its kind when that is it, else what numbers look like. */
function phoneNote(part: string, whole: string): FieldNote {
  const shown = part === whole ? '' : part;
  const length = phoneLength(part);
  if (length?.kind === 'mobile') return note('phone.mobileLength', { part: shown, count: length.count });
  if (length?.kind === 'area')
    return note('phone.areaLength', { part: shown, area: length.area, count: length.count, min: length.min, max: length.max });
  return note('phone.format', { part: shown });
}

function textSchema(field: Field): z.ZodType<string> {
  const max = field.type === 'text' || field.type === 'longText' ? field.maxLength : undefined;
  const base = z.string();
  return max === undefined
    ? base
    : base.refine((s) => countCharacters(s) <= max, {
        error: (issue) => carried('maxLength', { max, count: countCharacters(String(issue.input)) }),
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
        .number({ error: (issue) => JSON.stringify(notIntegerNote(issue.input)) })
        .int({ error: carried('integer.fraction') })
        .min(field.min, { error: carried('integer.min', { min: field.min }) });
      if (field.max !== undefined) n = n.max(field.max, { error: carried('integer.max', { max: field.max }) });
      return z.preprocess(numberOf, n);
    }
    case 'yesNo':
      return z.preprocess(yesNoOf, z.enum(YES_NO_OPTIONS as [string, ...string[]], { error: carried('yesNo') }));
    case 'check':
      return z.preprocess(checkOf, z.enum([CHECK_MARK, ''], { error: carried('check') }));
    case 'choice':
      return z
        .preprocess(
          optionOf(field.options),
          z.union([z.enum(field.options as [string, ...string[]]), z.object({ several: z.array(z.string()) })], {
            error: carried('choice', { options: field.options.join('、') }),
          }),
        )
        .transform((v, ctx) => {
          if (typeof v === 'string') return v;
          ctx.addIssue({ code: 'custom', message: carried('choice.several', { chosen: v.several.join('、') }) });
          return z.NEVER;
        });
    case 'date':
      if (field.range) {
        return z
          .preprocess(dateRangeOf(context.year), z.object({ start: z.string(), end: z.string() }, { error: carried('date.range') }))
          .refine((r) => r.start <= r.end, { error: carried('date.rangeOrder') });
      }
      if (field.monthAllowed) {
        // A month first: "2016.9" typed into a General cell is the number 2016.9, not an Excel date serial.
        return z.preprocess((raw: CellValue) => monthOf(raw, context.year), z.string({ error: carried('date.orMonth') }));
      }
      // A day; a ten-day period (5月上旬) is read as the period it is, and fieldWarnings asks for the day.
      return z.custom<CellValue>().transform((raw, ctx): string | DateRange => {
        const day = parseDate(raw, context.year);
        if (day) return day;
        const tenDays = parseTenDays(raw, context.year);
        if (tenDays) return { start: tenDays.start, end: tenDays.end };
        ctx.addIssue({ code: 'custom', message: carried('date') });
        return z.NEVER;
      });
    case 'phone':
      return z
        .custom<CellValue>((raw) => typeof raw === 'string' || typeof raw === 'number', { error: carried('phone') })
        .transform((raw, ctx) => {
          const found = phonesOf(raw);
          if ('phones' in found) return found.phones.join('、');
          const n = phoneNote(found.wrong, toHalfWidth(cellText(raw)).trim());
          ctx.addIssue({ code: 'custom', message: carried(n.code, n.params) });
          return z.NEVER;
        });
    case 'postcode':
      return z.preprocess(digitsOf, z.string().regex(/^\d{6}$/, { error: carried('postcode.format') }));
  }
}

/** What a value read well still deserves a look at (a month that may be October, a text far from its length). */
export function fieldWarnings(field: Field, value: FieldValue, raw: CellValue): FieldNote[] {
  if (field.type === 'date' && field.monthAllowed && typeof raw === 'number' && /^\d{4}\.1$/.test(String(raw))) {
    return [note('date.monthAmbiguous', { value: String(raw), year: String(raw).slice(0, 4) })];
  }
  if (field.type === 'date' && !field.range && !field.monthAllowed && typeof value === 'object' && value !== null) {
    const { start, end } = value as DateRange;
    return [note('date.tenDays', { value: cellText(raw), start, end })];
  }
  if (field.type === 'longText' && field.aboutLength && typeof value === 'string') {
    const n = countCharacters(value);
    if (n < field.aboutLength * ABOUT_LOW) return [note('longText.short', { about: field.aboutLength, count: n })];
    if (n > field.aboutLength * ABOUT_LENGTH_SLACK) return [note('longText.long', { about: field.aboutLength, count: n })];
  }
  return [];
}

/** A note in Chinese, as the forms speak. */
const chinese = (n: FieldNote): string => ZH_CN[n.code](n.params);

/** A wrong value: its problem code and params, and the Chinese message (messages/ words it in other languages). */
export type InvalidField = { status: 'invalid'; message: string } & FieldNote;

/**
 * A blank cell; `notApplicable` is the mark a count holds instead of a number ("/", "—", "无"): blank to every rule,
 * and the rules that pair a count with a 是 or a tick (flagAndCount) tell it from a cell left empty.
 */
export type FieldCheck = { status: 'blank'; notApplicable?: string } | { status: 'ok'; reading: FieldReading } | InvalidField;

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
  if (isExcelError(raw)) return invalid(note('cell.error', { value: cellText(raw) }));
  if (cellText(raw) === '' || (field.type === 'check' && checkOf(raw) === '')) return { status: 'blank' };
  if (field.type === 'integer') {
    const mark = notApplicableMark(raw);
    if (mark !== undefined) return { status: 'blank', notApplicable: mark };
  }
  // "□有 □无": the boxes printed, none ticked.
  if (field.type === 'choice' && tickedOptions(toHalfWidth(cellText(raw)), field.options)?.length === 0) return { status: 'blank' };
  const parsed = fieldSchema(field, context).safeParse(raw);
  if (!parsed.success) return invalid(noteOfIssue(parsed.error.issues[0]?.message));
  return { status: 'ok', reading: { value: parsed.data, warnings: fieldWarnings(field, parsed.data, raw).map(chinese) } };
}

const invalid = (n: FieldNote): InvalidField => ({ status: 'invalid', message: chinese(n), ...n });
