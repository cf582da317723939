import { z } from 'zod';
import { cellText, countCharacters, isExcelError, toHalfWidth, type CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { ZH_CN, type CoreCode } from '../messages/zh-CN';
import type { ProblemParams } from '../messages/wording';
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

/** The number in a cell, or the cell's text when it holds none (so the message can say why). */
function numberOf(raw: CellValue): unknown {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean' || raw instanceof Date) return Number.NaN;
  const text = toHalfWidth(cellText(raw)).replace(/,/g, '');
  const withUnit = UNITS.exec(text);
  if (withUnit) return Number(withUnit[1]);
  if (text === '') return Number.NaN;
  const n = Number(text);
  return Number.isNaN(n) ? text : n;
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

/**
 * A month as people write it when the notice asks no day (组建时间): 2016年9月, 2016.9, 2016-09, 2016/9, as YYYY-MM.
 * A number such as 2016.9 is what Excel keeps of "2016.9" typed into a General cell.
 */
export function parseMonth(raw: CellValue): string | undefined {
  let y: number;
  let m: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || Number.isInteger(raw) || raw < 1900 || raw >= 2100) return undefined;
    const [whole, fraction = ''] = String(raw).split('.');
    if (fraction.length > 2) return undefined;
    y = Number(whole);
    m = Number(fraction);
  } else if (typeof raw === 'string') {
    const t = toHalfWidth(cellText(raw)).replace(/\s/g, '');
    const found = /^(\d{4})(?:年(\d{1,2})月份?|[-/.](\d{1,2})月?)$/.exec(t);
    if (!found) return undefined;
    y = Number(found[1]);
    m = Number(found[2] ?? found[3]);
  } else return undefined;
  if (m < 1 || m > 12 || y < 1900) return undefined;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** 1900 … 2099 as a number: a year (2016) or a year and month (2016.9), never an Excel date serial here. */
const isYearNumber = (raw: CellValue): boolean => typeof raw === 'number' && raw >= 1900 && raw < 2100;

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

/** One phone number, normalised (13812345678, 02155885659-123), or undefined when it is not one. */
function onePhone(text: string): string | undefined {
  const t = text.replace(/\s/g, '');
  // a number written in groups (138-1234-5678, 021-5588-5659) before any reading of "-5678" as an extension
  const grouped = t.replace(/[()（）-]/g, '').replace(/^\+?86/, '');
  if (MOBILE.test(grouped) || LANDLINE.test(grouped)) return grouped;
  const m = /^(.+?)(?:(?:转|ext\.?|x|分机)(\d{1,6})|-(\d{1,6}))?$/i.exec(t);
  const main = (m?.[1] ?? t).replace(/[()（）-]/g, '').replace(/^\+?86/, '');
  const ext = m?.[2] ?? m?.[3] ?? '';
  if (MOBILE.test(main) && !ext) return main;
  if (LANDLINE.test(main) || OTHER_AREA.test(main)) return ext ? `${main}-${ext}` : main;
  return undefined;
}

/** Words split by spaces into consecutive numbers, each valid ("021 55885659 138 1234 5678"), or undefined. */
function phonesBySpaces(words: string[]): string[] | undefined {
  for (let cut = words.length; cut > 0; cut--) {
    const head = onePhone(words.slice(0, cut).join(''));
    if (!head) continue;
    if (cut === words.length) return [head];
    const rest = phonesBySpaces(words.slice(cut));
    if (rest) return [head, ...rest];
  }
  return undefined;
}

/** Between two numbers in one cell: 、 / ; ； , ， | or 或. */
const PHONE_SEPARATORS = /[、/;,|]|或/;

/**
 * The phone numbers in a cell, each checked: one number, or several separated by a space, 、 / ； , or 或
 * (65012345、13812345678), kept in order and joined by 、; with the part that is wrong when one is.
 */
function phonesOf(raw: CellValue): { phones: string[] } | { wrong: string } {
  if (typeof raw === 'number') {
    const one = Number.isInteger(raw) ? onePhone(String(raw)) : undefined;
    return one ? { phones: [one] } : { wrong: cellText(raw) };
  }
  const t = toHalfWidth(cellText(raw)).trim();
  const whole = onePhone(t);
  if (whole) return { phones: [whole] };
  const parts = t
    .split(PHONE_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const phones: string[] = [];
  for (const part of parts) {
    const found = phonesBySpaces(part.split(/\s+/));
    if (!found) return { wrong: part };
    phones.push(...found);
  }
  return phones.length > 0 ? { phones } : { wrong: t };
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
        return z.preprocess(
          (raw: CellValue) => parseMonth(raw) ?? (isYearNumber(raw) ? null : parseDate(raw, context.year)) ?? null,
          z.string({ error: carried('date.orMonth') }),
        );
      }
      return z.preprocess((raw: CellValue) => parseDate(raw, context.year) ?? cellText(raw), z.iso.date({ error: carried('date') }));
    case 'phone':
      return z
        .custom<CellValue>((raw) => typeof raw === 'string' || typeof raw === 'number', { error: carried('phone') })
        .transform((raw, ctx) => {
          const found = phonesOf(raw);
          if ('phones' in found) return found.phones.join('、');
          const whole = toHalfWidth(cellText(raw)).trim();
          ctx.addIssue({ code: 'custom', message: carried('phone.format', { part: found.wrong === whole ? '' : found.wrong }) });
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

export type FieldCheck = { status: 'blank' } | { status: 'ok'; reading: FieldReading } | InvalidField;

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
  // "□有 □无": the boxes printed, none ticked.
  if (field.type === 'choice' && tickedOptions(toHalfWidth(cellText(raw)), field.options)?.length === 0) return { status: 'blank' };
  const parsed = fieldSchema(field, context).safeParse(raw);
  if (!parsed.success) return invalid(noteOfIssue(parsed.error.issues[0]?.message));
  return { status: 'ok', reading: { value: parsed.data, warnings: fieldWarnings(field, parsed.data, raw).map(chinese) } };
}

const invalid = (n: FieldNote): InvalidField => ({ status: 'invalid', message: chinese(n), ...n });
