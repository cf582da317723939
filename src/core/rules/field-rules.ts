import { cellText, countCharacters, isExcelError, toHalfWidth, type CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { ZH_CN, type CoreCode } from '../messages/zh-CN';
import type { ProblemParams } from '../messages/wording';
import { ABOUT_LENGTH_SLACK, CHECK_MARK, YES_NO_OPTIONS } from '../native-validation';
import { notApplicableMark, numberOf } from './count-text';
import { decimalPlaces, measureOf } from './measure-text';
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

function digitsOf(raw: CellValue): string {
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

/** A non-blank cell read against its field: the normalised value, or the first thing wrong with it. */
type Parsed = { ok: true; value: FieldValue } | { ok: false; note: FieldNote };

const ok = (value: FieldValue): Parsed => ({ ok: true, value });
const wrong = (n: FieldNote): Parsed => ({ ok: false, note: n });

/** A count: a finite number, a whole one a program can hold exactly, within the field's bounds (in that order). */
function parseInteger(field: Extract<Field, { type: 'integer' }>, raw: CellValue): Parsed {
  const n = numberOf(raw);
  if (typeof n !== 'number' || !Number.isFinite(n)) return wrong(notIntegerNote(n));
  if (!Number.isSafeInteger(n)) return wrong(note('integer.fraction'));
  if (n < field.min) return wrong(note('integer.min', { min: field.min }));
  if (field.max !== undefined && n > field.max) return wrong(note('integer.max', { max: field.max }));
  return ok(n);
}

/** A measure: a finite number within the field's bounds, with no more decimals than it allows (in that order). */
function parseDecimal(field: Extract<Field, { type: 'decimal' }>, raw: CellValue): Parsed {
  const n = measureOf(raw, field.unit);
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    // 约12.5, 十二: the count's own words say why; anything else asks for a number, decimals allowed.
    const why = notIntegerNote(n);
    return wrong(why.code === 'integer' ? note('decimal', { unit: field.unit ?? '' }) : why);
  }
  if (field.places !== undefined && decimalPlaces(n) > field.places) return wrong(note('decimal.places', { places: field.places }));
  if (n < field.min) return wrong(note('decimal.min', { min: field.min }));
  if (field.max !== undefined && n > field.max) return wrong(note('decimal.max', { max: field.max }));
  return ok(n);
}

function parseText(field: Extract<Field, { type: 'text' | 'longText' }>, raw: CellValue): Parsed {
  const text = cellText(raw);
  const count = countCharacters(text);
  return field.maxLength !== undefined && count > field.maxLength ? wrong(note('maxLength', { max: field.maxLength, count })) : ok(text);
}

function parseChoice(options: string[], raw: CellValue): Parsed {
  const chosen = optionOf(options)(raw);
  if (typeof chosen === 'string' && options.includes(chosen)) return ok(chosen);
  if (typeof chosen === 'object' && chosen !== null && 'several' in chosen) {
    return wrong(note('choice.several', { chosen: (chosen as { several: string[] }).several.join('、') }));
  }
  return wrong(note('choice', { options: options.join('、') }));
}

function parseDateField(field: Extract<Field, { type: 'date' }>, raw: CellValue, year: number | undefined): Parsed {
  if (field.range) {
    const range = dateRangeOf(year)(raw) as Partial<DateRange> | string;
    if (typeof range !== 'object' || typeof range.start !== 'string' || typeof range.end !== 'string') return wrong(note('date.range'));
    return range.start <= range.end ? ok({ start: range.start, end: range.end }) : wrong(note('date.rangeOrder'));
  }
  if (field.monthAllowed) {
    // A month first: "2016.9" typed into a General cell is the number 2016.9, not an Excel date serial.
    const month = monthOf(raw, year);
    return month === null ? wrong(note('date.orMonth')) : ok(month);
  }
  // A day; a ten-day period (5月上旬) is read as the period it is, and fieldWarnings asks for the day.
  const day = parseDate(raw, year);
  if (day) return ok(day);
  const tenDays = parseTenDays(raw, year);
  return tenDays ? ok({ start: tenDays.start, end: tenDays.end }) : wrong(note('date'));
}

function parsePhone(raw: CellValue): Parsed {
  if (typeof raw !== 'string' && typeof raw !== 'number') return wrong(note('phone'));
  const found = phonesOf(raw);
  if ('phones' in found) return ok(found.phones.join('、'));
  return wrong(phoneNote(found.wrong, toHalfWidth(cellText(raw)).trim()));
}

/**
 * Reads a non-blank cell value as its field asks: the normalised value, or what is wrong with it. Plain code, no
 * schema library: every cell the pane checks passes here, and the pane loads no more than it needs at start-up.
 */
function parseField(field: Field, raw: CellValue, context: FieldContext): Parsed {
  switch (field.type) {
    case 'text':
    case 'longText':
      return parseText(field, raw);
    case 'integer':
      return parseInteger(field, raw);
    case 'decimal':
      return parseDecimal(field, raw);
    case 'yesNo': {
      const v = yesNoOf(raw);
      return typeof v === 'string' && YES_NO_OPTIONS.includes(v) ? ok(v) : wrong(note('yesNo'));
    }
    case 'check': {
      const v = checkOf(raw);
      return v === CHECK_MARK || v === '' ? ok(v) : wrong(note('check'));
    }
    case 'choice':
      return parseChoice(field.options, raw);
    case 'date':
      return parseDateField(field, raw, context.year);
    case 'phone':
      return parsePhone(raw);
    case 'postcode': {
      const digits = digitsOf(raw);
      return /^\d{6}$/.test(digits) ? ok(digits) : wrong(note('postcode.format'));
    }
    default:
      // A field type this reader does not know (none passes the schema): a wrong value, never an exception.
      return wrong(note('invalid'));
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
  if (field.type === 'integer' || field.type === 'decimal') {
    const mark = notApplicableMark(raw);
    if (mark !== undefined) return { status: 'blank', notApplicable: mark };
  }
  // "□有 □无": the boxes printed, none ticked.
  if (field.type === 'choice' && tickedOptions(toHalfWidth(cellText(raw)), field.options)?.length === 0) return { status: 'blank' };
  const parsed = parseField(field, raw, context);
  if (!parsed.ok) return invalid(parsed.note);
  return { status: 'ok', reading: { value: parsed.value, warnings: fieldWarnings(field, parsed.value, raw).map(chinese) } };
}

const invalid = (n: FieldNote): InvalidField => ({ status: 'invalid', message: chinese(n), ...n });
