import { cellAddress, columnLetters, rangeAddress } from './a1';
import type { Field, FormDefinition, Rule } from './form-schema';
import { ABOUT_LENGTH_SLACK, CHECK_MARK, YES_NO_OPTIONS } from './native-validation';
import { BOXES, TICKS } from './rules/field-rules';
import { MEASURE_UNITS } from './rules/measure-text';
import { HIGHLIGHT } from './rules/highlights';
import type { FieldSlot, SheetPlan } from './sheet-plan';
import { withinFormulaLimits } from './formula-limits';

/**
 * The form's checks that a spreadsheet formula can say, written into the sheet as conditional formatting, so that
 * a wrong value shows red (a doubtful one yellow) in Excel 2016/2019, WPS and LibreOffice without the add-in.
 *
 * How the formulas are read (and why they are spelt as they are here):
 * - A formula rule's references are relative to the top-left cell of the range it applies to, exactly as a
 *   formula typed in that cell and filled over the range (Microsoft, ExcelScript.ConditionalFormatRule example:
 *   the formula is built on `selectedRange.getCell(0, 0).getAddress()`; Apache POI #63264, "Conditional Format
 *   rule evaluation calculates relative references incorrectly", fixed by taking offsets from the top-left-most
 *   region). So a list column's formula names the column's first row relatively (E5), other fields absolutely
 *   ($B$3), and a sibling in the same list row with an absolute column and a relative row ($C5).
 * - In the file, the rule is a <cfRule type="expression"> inside <conditionalFormatting sqref="…"> (ECMA-376, 1st ed.
 *   Part 4 §3.3.1.9–10), its <formula> in English function names with ',' between arguments and without the
 *   leading '=' (what ExcelJS writes from `formulae`; LibreOffice reads it so: test/libreoffice/
 *   conditional-formats-render.test.ts). Every check is wrapped in IFERROR(…, TRUE) so that a value that cannot be
 *   read as due is wrong rather than leaving the rule in error (and unapplied).
 * - Nothing here is taken from the cells' text: only the definition's own numbers and options, each string
 *   escaped by doubling its quotes.
 *
 * Blank cells are never coloured (a required cell still empty is 未填, not an error — issue 11 §5). Rules about
 * blanks (required, minRows, reminder, requiredUnlessThisYear), date ranges ("2017-5-22至2017-6-2"), sequence
 * numbers and withinPeriod are left to the add-in.
 */
export interface ConditionalFormatRule {
  /** The cells it applies to, in A1 (a list column: its first to its last row). */
  range: string;
  /** English Excel syntax, without '=', relative to the range's top-left cell. */
  formula: string;
  /** Fill when the formula is TRUE: the add-in's own highlight colours. */
  fill: string;
  severity: 'error' | 'warning';
  /** The field whose cells it colours: `unit`, or `members.age` for a list column. */
  field: string;
  /** What it checks: the field's type check (`integer`, `maxLength`, `choice`…) or a cross-field rule's kind. */
  source: string;
}

/** Below this share of "about N characters" the add-in warns that the text is short (field-rules.ts, ABOUT_LOW). */
const ABOUT_LOW = 0.5;
/** Units the add-in reads after a count: "12人" (field-rules.ts, UNITS). */
const COUNT_UNITS = '人名个项次场支队岁年家位件篇条种';
const DIGITS = '0123456789';
/** What may stand between and around phone numbers: 021-55885659、13812345678 (field-rules.ts, onePhone). */
const PHONE_MARKS = ['-', ' ', '(', ')', '（', '）', '、', '/', ';', '；', ',', '，', '|', '转', '或', '+'];
/** Dates the add-in reads as a number: Excel's serials from 1900-01-01 to 9999-12-31 (field-rules.ts, parseDate). */
const LAST_SERIAL = 2958465;
const MIN_PHONE_DIGITS = 7;
/** How the add-in reads 是 and 否 (field-rules.ts, YES and NO; compared without case, after full-width to half-width). */
const YES_WORDS = ['是', '√', '✓', '✔', '☑', '有', 'y', 'yes', '1', 'true'];
const NO_WORDS = ['否', '×', '✗', '✘', '无', 'n', 'no', '0', 'false'];
/** A check cell reads these as ticked and as left empty, besides YES_WORDS and NO_WORDS (field-rules.ts, checkOf). */
const CHECK_TICKED = ['x', '■'];
const CHECK_EMPTY = [...BOXES];
/** Full-width characters the add-in reads as their half-width forms in numbers, dates and phones (toHalfWidth). */
const FULL_WIDTH = [...'０１２３４５６７８９－／．，（）＋'];

/** A string constant in a formula: quotes doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const substituteAll = (expr: string, chars: readonly string[], by = ''): string =>
  chars.reduce((e, ch) => `SUBSTITUTE(${e},${formulaString(ch)},${formulaString(by)})`, expr);

/** TRUE when the text has characters only from DIGITS (an empty text too). */
const onlyDigits = (text: string): string => `LEN(${substituteAll(text, [...DIGITS])})=0`;

const anyEquals = (expr: string, values: readonly string[]): string =>
  values.length === 1
    ? `${expr}=${formulaString(values[0] as string)}`
    : `OR(${values.map((v) => `${expr}=${formulaString(v)}`).join(',')})`;

const filled = (x: string): string => `LEN(TRIM(${x}))>0`;

/** The cell's text trimmed, with full-width digits and marks as half-width ones (cell-value.ts, toHalfWidth). */
const half = (x: string): string =>
  FULL_WIDTH.reduce(
    (e, ch) => `SUBSTITUTE(${e},${formulaString(ch)},${formulaString(String.fromCharCode(ch.charCodeAt(0) - 0xfee0))})`,
    `TRIM(${x})`,
  );

/** An array constant of strings: {"a","b"}. */
const arrayOf = (values: readonly string[]): string => `{${values.map(formulaString).join(',')}}`;

/** How many of `values` the text holds (FIND, case-sensitive). */
const countFound = (values: readonly string[], text: string): string => `SUMPRODUCT(--ISNUMBER(FIND(${arrayOf(values)},${text})))`;

/** The text without spaces, each tick mark written ☑ and each box □, to find "☑option" (field-rules.ts, tickedOptions). */
const ticksNormalised = (x: string): string =>
  substituteAll(
    substituteAll(
      substituteAll(`TRIM(${x})`, [' ', '\u3000']),
      [...TICKS].filter((t) => t !== '☑'),
      '☑',
    ),
    CHECK_EMPTY.filter((b) => b !== '□'),
    '□',
  );

/**
 * TRUE when the cell names `option` of a choice as the add-in reads it (field-rules.ts, optionOf): with ticks and
 * boxes ("☑有 □无"), the one ticked option; else the option itself, or a beginning that only it has ("巾帼"), not
 * naming two options. `short`: the same test spelt for a long list of options (choiceIsShort).
 */
function choiceIs(x: string, options: readonly string[], chosen: readonly string[], short = false): string {
  if (short) return choiceIsShort(x, options, chosen);
  const s = ticksNormalised(x);
  const ticked = options.map((o) => `☑${o}`);
  const boxed = `${countFound([...ticked, ...options.map((o) => `□${o}`)], s)}>0`;
  const t = choiceText(x);
  const starting = `SUMPRODUCT(--(LEFT(${arrayOf(options)},LEN(${t}))=${t}))`;
  const plain = `OR(${anyEquals(t, chosen)},AND(${countFound(options, t)}<=1,${starting}=1,OR(${chosen
    .map((o) => `LEFT(${formulaString(o)},LEN(${t}))=${t}`)
    .join(',')})))`;
  return `IF(${boxed},AND(${countFound(ticked, s)}=1,${countFound(
    chosen.map((o) => `☑${o}`),
    s,
  )}=1),${plain})`;
}

/** The cell's text trimmed, without a tick or box before it ("□有" → 有), as a choice is compared. */
const choiceText = (x: string): string => {
  const t0 = `TRIM(${x})`;
  return `IF(ISNUMBER(FIND(LEFT(${t0}),${formulaString('□☐☑√✓✔■')})),TRIM(MID(${t0},2,999)),${t0})`;
};

/** How many of `list` (an array constant) with `prefix` before each the text holds (FIND, case-sensitive). */
const countPrefixed = (prefix: string, list: string, text: string): string =>
  `SUMPRODUCT(--ISNUMBER(FIND(${formulaString(prefix)}&${list},${text})))`;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * choiceIs spelt for a long list (所属行业 with 40 options: 15,782 characters the long way, 4,800 short): each list
 * written once per use as an array constant, "☑"&{…} and "□"&{…} in place of a list per mark, OR over an array in
 * place of one comparison per option, and — where the chosen options are all of them — the tests that starting=1
 * already makes true left out. The same values are TRUE (test/xlsx/long-checks-libreoffice.test.ts compares
 * LibreOffice's reading with the add-in's).
 */
function choiceIsShort(x: string, options: readonly string[], chosen: readonly string[]): string {
  const s = ticksNormalised(x);
  const all = sameList(options, chosen);
  const o = arrayOf(options);
  const c = all ? o : arrayOf(chosen);
  const t = choiceText(x);
  const boxed = `${countPrefixed('☑', o, s)}+${countPrefixed('□', o, s)}>0`;
  const ticked = `AND(${countPrefixed('☑', o, s)}=1${all ? '' : `,${countPrefixed('☑', c, s)}=1`})`;
  const starting = `SUMPRODUCT(--(LEFT(${o},LEN(${t}))=${t}))`;
  const plain = `OR(OR(${t}=${c}),AND(${countFound(options, t)}<=1,${starting}=1${all ? '' : `,SUMPRODUCT(--(LEFT(${c},LEN(${t}))=${t}))>0`}))`;
  return `IF(${boxed},${ticked},${plain})`;
}

/** A choice cell with boxes printed and none ticked ("□有 □无"): blank to the add-in. */
const choiceBoxedEmpty = (x: string, options: readonly string[], short = false): string => {
  const s = ticksNormalised(x);
  if (short) return `AND(${countPrefixed('□', arrayOf(options), s)}>0,${countPrefixed('☑', arrayOf(options), s)}=0)`;
  return `AND(${countFound(
    options.map((o) => `□${o}`),
    s,
  )}>0,${countFound(
    options.map((o) => `☑${o}`),
    s,
  )}=0)`;
};

/** Characters as the add-in counts them (countCharacters): without spaces, full-width spaces and line breaks. */
const counted = (x: string): string => `LEN(${substituteAll(`SUBSTITUTE(SUBSTITUTE(${x},CHAR(10),""),CHAR(13),"")`, [' ', '\u3000'])})`;

/** A value wrong for its field: an error value, or filled in and failing `bad` (or `bad` failing to evaluate). */
const wrongIf = (x: string, bad: string): string => `IF(ISERROR(${x}),TRUE,AND(${filled(x)},IFERROR(${bad},TRUE)))`;

/** A date typed as text in the ways the add-in reads it (2017-5-12, 2017/5/12, 2017.5.12, 2017年5月12日) as ISO-like text. */
const dateText = (x: string): string =>
  substituteAll(substituteAll(substituteAll(substituteAll(half(x), [' ']), ['年', '月', '.', '/'], '-'), ['日']), ['份']);

/** Chinese numerals as the add-in reads them in a date (date-text.ts, arabicDate): 〇 to 九, 十, 廿, 卅. */
const CN_ZEROS = ['〇', '○', '零', 'O', 'o'];
const CN_ONE_TO_NINE = [...'一二三四五六七八九'];

/**
 * A date's text (dateText) with its Chinese numerals as digits: 二〇一七-五-十二 → 2017-5-12. Parts are put between
 * spaces so that 十 can be told by what is beside it: alone 10, before a digit 1, after one 0, between two nothing;
 * TRIM takes the outer spaces off. Unchanged for a date in digits. More lenient than the add-in (which reads
 * numerals only where 年, 月 or 日 is written), never less.
 */
function arabicDateText(s: string): string {
  const spaced = `" "&${substituteAll(s, ['-'], ' ')}&" "`;
  const digits = CN_ONE_TO_NINE.reduce(
    (e, ch, i) => `SUBSTITUTE(${e},${formulaString(ch)},"${i + 1}")`,
    substituteAll(substituteAll(spaced, CN_ZEROS, '0'), ['廿'], '2十'),
  );
  const tens = [
    [' 十 ', ' 10 '],
    [' 十', ' 1'],
    ['十 ', '0 '],
    ['十', ''],
  ].reduce(
    (e, [from, to]) => `SUBSTITUTE(${e},${formulaString(from as string)},${formulaString(to as string)})`,
    substituteAll(digits, ['卅'], '3十'),
  );
  return `SUBSTITUTE(TRIM(${tens})," ","-")`;
}

/** A ten-day period (5-上旬, from 5月上旬) as its first day (5-1), as the add-in reads it where a day is asked (parseTenDays). */
const tenDaysAsDay = (c: string): string => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${c},"-上旬","-1"),"-中旬","-11"),"-下旬","-21")`;

/** A ten-day period as its month (2016-9-, from 2016年9月上旬), as the add-in reads it where a month is asked. */
const tenDaysAsMonth = (c: string): string => substituteAll(c, ['上旬', '中旬', '下旬']);

/** Slashes and dashes the add-in reads as "not applicable" in a count (count-text.ts, NOT_APPLICABLE), full-width too. */
const NOT_APPLICABLE_MARKS = ['/', '／', '\\', '＼', '-', '－', '‐', '‑', '‒', '–', '—', '―', '─'];
const NOT_APPLICABLE_WORDS = ['无', '没有', '不适用'];

/** TRUE when a count holds a not-applicable mark ("/", "——", "无"): blank to the add-in. */
const notApplicable = (x: string): string =>
  `OR(AND(${filled(x)},LEN(${substituteAll(`TRIM(${x})`, [...NOT_APPLICABLE_MARKS, ' '])})=0),${anyEquals(`TRIM(${x})`, NOT_APPLICABLE_WORDS)})`;

/** Spaces that group digits in a count ("1 200"), besides the ordinary one that TRIM keeps. */
const GROUP_SPACES = ['\u00a0', '\u2007', '\u2009', '\u202f', '\u3000', ' '];

/**
 * The count in a cell as the add-in reads it ("12人", "１２", "1,200", "1 200"): a number, or an error (count-text.ts,
 * numberOf). Commas and spaces are dropped wherever they are: more lenient than the add-in (which takes only groups
 * of three), never less. With full-width digits read, the units are dropped wherever they are too, to keep the
 * formula short enough to name it four times (unitsRead then says whether they were where the add-in reads them);
 * without, only a unit at the end is.
 */
function countOf(x: string, fullWidth = true): string {
  if (fullWidth) return `IF(ISNUMBER(${x}),${x},--${substituteAll(half(x), [',', ...GROUP_SPACES, ...COUNT_UNITS])})`;
  const t = substituteAll(`TRIM(${x})`, [',', ...GROUP_SPACES]);
  const bare = `IF(ISNUMBER(FIND(RIGHT(${t}),${formulaString(COUNT_UNITS)})),TRIM(LEFT(${t},LEN(${t})-1)),${t})`;
  return `IF(ISNUMBER(${x}),${x},--${bare})`;
}

/**
 * TRUE when a count's units are as the add-in reads them: none, or one at the end ("12人", not "3人次"). countOf drops
 * units wherever they are; this says where they were, on the cell's own text (a short formula).
 */
function unitsRead(x: string): string {
  const t = `TRIM(${x})`;
  const without = substituteAll(t, [...COUNT_UNITS]);
  return `OR(LEN(${t})=LEN(${without}),AND(LEN(${t})-LEN(${without})=1,ISNUMBER(FIND(RIGHT(${t}),${formulaString(COUNT_UNITS)}))))`;
}

/** TRUE when a count is a whole number within the field's bounds. */
const countWithin = (n: string, min: number, max: number | undefined): string =>
  `AND(${[`${n}=INT(${n})`, `${n}>=${min}`, ...(max === undefined ? [] : [`${n}<=${max}`])].join(',')})`;

/**
 * A measure in a cell as the add-in reads it ("12.5", "1,200.5", "12.5平方米", full-width digits): a number, or an
 * error (measure-text.ts, measureOf). Commas, spaces and units are dropped wherever they are: more lenient, never less.
 */
const measureOf = (x: string, unit: string | undefined): string =>
  `IF(ISNUMBER(${x}),${x},--${substituteAll(half(x), [',', ...GROUP_SPACES, ...(unit ? [unit] : []), ...MEASURE_UNITS])})`;

/** TRUE when a measure is within the field's bounds and has no more decimals than it allows. */
const measureWithin = (n: string, field: Extract<Field, { type: 'decimal' }>): string =>
  `AND(${[
    ...(field.places === undefined ? [] : [`${n}=ROUND(${n},${field.places})`]),
    `${n}>=${field.min}`,
    ...(field.max === undefined ? [] : [`${n}<=${field.max}`]),
  ].join(',')})`;

interface FieldFormula {
  source: string;
  severity: 'error' | 'warning';
  formula: string;
}

/**
 * The checks of one field's own value, with X its cell. `short`: spelt shorter where a spelling grows with the
 * definition (a choice's options), for a check the usual spelling takes past Excel's limits (formula-limits.ts).
 */
export function fieldFormulas(field: Field, x: string, year?: number, short = false): FieldFormula[] {
  const error = (source: string, bad: string): FieldFormula => ({ source, severity: 'error', formula: wrongIf(x, bad) });
  switch (field.type) {
    case 'text':
      return field.maxLength ? [error('maxLength', `${counted(x)}>${field.maxLength}`)] : [];
    case 'longText': {
      if (field.maxLength) return [error('maxLength', `${counted(x)}>${field.maxLength}`)];
      if (!field.aboutLength) return [];
      const high = field.aboutLength * ABOUT_LENGTH_SLACK;
      const low = field.aboutLength * ABOUT_LOW;
      return [
        {
          source: 'aboutLength',
          severity: 'warning',
          formula: `AND(${filled(x)},NOT(ISERROR(${x})),IFERROR(OR(${counted(x)}>${high},${counted(x)}<${low}),FALSE))`,
        },
      ];
    }
    case 'integer':
      // IF, not AND: AND of FALSE and an error value is an error value, which wrongIf takes for wrong.
      return [error('integer', `IF(${notApplicable(x)},FALSE,NOT(AND(${unitsRead(x)},${countWithin(countOf(x), field.min, field.max)})))`)];
    case 'decimal':
      return [error('decimal', `IF(${notApplicable(x)},FALSE,NOT(${measureWithin(measureOf(x, field.unit), field)}))`)];
    case 'yesNo':
      return [error('yesNo', `NOT(OR(${half(x)}=${arrayOf([...YES_NO_OPTIONS, ...YES_WORDS, ...NO_WORDS])}))`)];
    case 'check':
      return [error('check', `NOT(OR(${half(x)}=${arrayOf([CHECK_MARK, ...YES_WORDS, ...NO_WORDS, ...CHECK_TICKED, ...CHECK_EMPTY])}))`)];
    case 'choice':
      return [
        error('choice', `AND(NOT(${choiceBoxedEmpty(x, field.options, short)}),NOT(${choiceIs(x, field.options, field.options, short)}))`),
      ];
    case 'date': {
      if (field.range) return [];
      const s = dateText(x);
      // In Chinese numerals too; a ten-day period as its first day where a day is asked, as its month where a month is.
      const c = field.monthAllowed ? tenDaysAsMonth(arabicDateText(s)) : tenDaysAsDay(arabicDateText(s));
      const asDate = (text: string) => `ISNUMBER(DATEVALUE(${text}))`;
      // 1900 … 2099 in a month field is a year (2016) or a year and month (2016.9), never a serial (field-rules.ts).
      const yearNumber = `AND(${x}>=1900,${x}<2100)`;
      const serial = `AND(ISNUMBER(${x}),${x}>=1,${x}<=${LAST_SERIAL}${field.monthAllowed ? `,NOT(${yearNumber})` : ''})`;
      // 2016年9月 / 2016-09: the month's first day; 2016.9 typed in a General cell is the number 2016.9 (month 1 … 12).
      const fraction = `MID(${x}&"",FIND(".",${x}&"")+1,9)`;
      const monthNumber = `IFERROR(AND(ISNUMBER(${x}),${yearNumber},${x}<>INT(${x}),LEN(${fraction})<=2,--${fraction}>=1,--${fraction}<=12),FALSE)`;
      const month = field.monthAllowed ? [monthNumber, asDate(`${c}&"1"`), asDate(`${c}&"-1"`)] : [];
      // 5月12日, 5.12: a day of the form's year.
      const monthDay = year === undefined ? [] : [asDate(`"${year}-"&${c}`)];
      // 20170512.
      const compact = `AND(LEN(${s})=8,ISNUMBER(--${s}),${asDate(`MID(${s},1,4)&"-"&MID(${s},5,2)&"-"&MID(${s},7,2)`)})`;
      const formulas = [error('date', `NOT(OR(${[serial, asDate(c), compact, ...monthDay, ...month].join(',')}))`)];
      if (!field.monthAllowed) {
        // 5月上旬 where a day is asked: read as the period, with a warning (field-rules.ts, date.tenDays).
        const tenDays = `AND(NOT(ISERROR(${x})),ISNUMBER(FIND("旬",${x})),IFERROR(OR(${[asDate(c), ...monthDay].join(',')}),FALSE))`;
        return [...formulas, { source: 'tenDays', severity: 'warning', formula: tenDays }];
      }
      // "2016.10" typed in a General cell is kept as 2016.1: the add-in warns that it reads January (field-rules.ts).
      const january = `IFERROR(AND(ISNUMBER(${x}),${x}>=1000,${x}<10000,LEN(${x}&"")=6,RIGHT(${x}&"",2)=".1"),FALSE)`;
      return [...formulas, { source: 'monthJanuary', severity: 'warning', formula: january }];
    }
    case 'phone': {
      const t = half(x);
      const digitsOnly = substituteAll(t, PHONE_MARKS);
      const digitCount = `(LEN(${t})-LEN(${substituteAll(t, [...DIGITS])}))`;
      // One number written "area code-number" (021-6518123): 8 digits after 010 or 02X, 7 or 8 after a 4-digit code
      // (phone-numbers.ts). Lists, groups, extensions and full-width digits are left to the add-in.
      const n = `TRIM(${x})`;
      const dash = `FIND("-",${n})`;
      const after = `LEN(${n})-${dash}`;
      const oneDash = `AND(LEN(${n})-LEN(SUBSTITUTE(${n},"-",""))=1,${onlyDigits(`SUBSTITUTE(${n},"-","")`)},LEFT(${n})="0")`;
      const area3 = `AND(${dash}=4,OR(LEFT(${n},3)="010",LEFT(${n},2)="02"),${after}<>8)`;
      const area4 = `AND(${dash}=5,ISNUMBER(FIND(MID(${n},2,1),"3456789")),OR(${after}<7,${after}>8))`;
      const areaLength = `IFERROR(AND(${oneDash},OR(${area3},${area4})),FALSE)`;
      return [error('phone', `OR(NOT(AND(${onlyDigits(digitsOnly)},${digitCount}>=${MIN_PHONE_DIGITS})),${areaLength})`)];
    }
    case 'postcode': {
      const s = substituteAll(half(x), [' ', '-']);
      return [error('postcode', `NOT(AND(LEN(${s})=6,${onlyDigits(s)}))`)];
    }
  }
}

/** Where a field's cells are: one slot, or a list column from its first to its last row. */
interface Place {
  ref: string;
  field: Field;
  tableId: string | undefined;
  row: number;
  col: number;
  bottom: number;
}

function placesOf(plan: Pick<SheetPlan, 'slots'>): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const slot of plan.slots as FieldSlot[]) {
    const ref = slot.tableId === undefined ? slot.field.id : `${slot.tableId}.${slot.field.id}`;
    const place = places.get(ref);
    if (!place) places.set(ref, { ref, field: slot.field, tableId: slot.tableId, row: slot.row, col: slot.col, bottom: slot.row });
    else {
      place.row = Math.min(place.row, slot.row);
      place.bottom = Math.max(place.bottom, slot.row);
    }
  }
  return places;
}

const rangeOf = (p: Place): string => rangeAddress({ top: p.row, left: p.col, bottom: p.bottom, right: p.col });
const relative = (p: Place): string => cellAddress(p.row, p.col);

/**
 * How `other` is named in a formula on `target`'s range: absolutely for a single field, with an absolute column and
 * a relative row for a field of the same list row; undefined when no formula can name it (another list's column,
 * or a list column seen from a single field: the add-in checks the first row started, which a formula cannot find).
 */
function referenceFrom(target: Place, other: Place): string | undefined {
  const col = columnLetters(other.col);
  if (other.tableId === undefined) return `$${col}$${other.row + 1}`;
  if (other.tableId === target.tableId) return `$${col}${target.row + 1}`;
  return undefined;
}

const SEVERITY_FIRST = { error: 0, warning: 1 } as const;

/** A check Excel cannot take even spelt short: left to the add-in, and said in the template's 填表说明. */
export interface CheckLeftOut {
  /** The field whose cells it would colour: `unit`, or `members.age` for a list column. */
  field: string;
  /** The field's label, for the note. */
  label: string;
  source: string;
  severity: 'error' | 'warning';
}

/** Every conditional-format rule of a planned form, errors first (the first true rule's fill shows). */
export function conditionalFormatsFor(form: FormDefinition, plan: SheetPlan): ConditionalFormatRule[] {
  return conditionalFormatsWithinLimits(form, plan).rules;
}

/**
 * The form's conditional formats as Excel takes them (formula-limits.ts: 8,192 characters, 64 levels of nested
 * functions, text constants of 255): each check in its usual spelling; one past a limit spelt short (a long list of
 * options); one past a limit even so is left out, and listed for the template's 填表说明 — the add-in still checks it.
 */
export function conditionalFormatsWithinLimits(
  form: FormDefinition,
  plan: Pick<SheetPlan, 'slots' | 'params'>,
): { rules: ConditionalFormatRule[]; leftOut: CheckLeftOut[] } {
  const usual = conditionalFormatChecks(form, plan, false);
  let shortly: (ConditionalFormatRule & { label: string })[] | undefined;
  const rules: ConditionalFormatRule[] = [];
  const leftOut: CheckLeftOut[] = [];
  usual.forEach((rule, i) => {
    let r = rule;
    // Spelt short only when needed: the built-in forms' formulas stay as the agreement tests compared them.
    if (!withinFormulaLimits(r.formula)) r = (shortly ??= conditionalFormatChecks(form, plan, true))[i] ?? r;
    const { label, ...drawn } = r;
    if (withinFormulaLimits(r.formula)) rules.push(drawn);
    else leftOut.push({ field: r.field, label, source: r.source, severity: r.severity });
  });
  return { rules: rules.sort((a, b) => SEVERITY_FIRST[a.severity] - SEVERITY_FIRST[b.severity]), leftOut };
}

/**
 * Every check a formula can say, in plan order, spelt the usual way or `short`, whatever Excel's limits: what
 * conditionalFormatsWithinLimits chooses from (and the figures printer measures, test/core/formula-limit-figures.ts).
 */
export function conditionalFormatChecks(
  form: FormDefinition,
  plan: Pick<SheetPlan, 'slots' | 'params'>,
  short: boolean,
): (ConditionalFormatRule & { label: string })[] {
  const places = placesOf(plan);
  const year = typeof plan.params.year === 'number' ? plan.params.year : undefined;
  const checks: [Place, FieldFormula][] = [
    ...[...places.values()].flatMap((place) =>
      fieldFormulas(place.field, relative(place), year, short).map((f): [Place, FieldFormula] => [place, f]),
    ),
    ...form.rules.flatMap((rule) => ruleFormulas(rule, places, year, short)),
  ];
  return checks.map(([place, f]) => ({
    range: rangeOf(place),
    formula: f.formula,
    fill: HIGHLIGHT[f.severity],
    severity: f.severity,
    field: place.ref,
    source: f.source,
    label: place.field.label,
  }));
}

function ruleFormulas(rule: Rule, places: Map<string, Place>, year: number | undefined, short: boolean): [Place, FieldFormula][] {
  const severe = (severity: string): 'error' | 'warning' | undefined =>
    severity === 'error' || severity === 'warning' ? severity : undefined;
  switch (rule.kind) {
    case 'oneOf':
    case 'mentions': {
      const target = places.get(rule.field);
      const when = places.get(rule.when);
      const severity = severe(rule.severity);
      if (!target || !when || !severity) return [];
      const w = referenceFrom(target, when);
      if (!w) return [];
      const x = relative(target);
      const fine =
        rule.kind === 'mentions'
          ? `OR(${rule.words.map((word) => `ISNUMBER(FIND(${formulaString(word)},${x}))`).join(',')})`
          : target.field.type === 'choice'
            ? choiceIs(x, target.field.options, rule.allowed, short)
            : anyEquals(`TRIM(${x})`, rule.allowed);
      const whenIs =
        when.field.type === 'choice' ? choiceIs(w, when.field.options, rule.equals, short) : anyEquals(`TRIM(${w})`, rule.equals);
      const formula = `AND(NOT(ISERROR(${x})),${filled(x)},IFERROR(AND(${whenIs},NOT(${fine})),FALSE))`;
      return [[target, { source: rule.kind, severity, formula }]];
    }
    case 'flagAndCount': {
      const flag = places.get(rule.flag);
      const severity = severe(rule.countWithoutFlag);
      if (!flag) return [];
      return rule.counts.flatMap((ref): [Place, FieldFormula][] => {
        const count = places.get(ref);
        const f = count && referenceFrom(count, flag);
        if (!count || !f) return [];
        const x = relative(count);
        // On as the add-in reads the flag (是 or √): 有, ☑, y… too; x and ■ tick a check box only.
        const on = `OR(${half(f)}=${arrayOf(flag.field.type === 'check' ? [...YES_WORDS, CHECK_MARK, ...CHECK_TICKED] : [...YES_WORDS, '是'])})`;
        // "/" or 无 in the count: right when the flag is off, an error when it is on (flag-and-count.ts).
        const marked = `AND(NOT(ISERROR(${x})),IFERROR(AND(${notApplicable(x)},${on}),FALSE))`;
        const withoutFlag = `AND(NOT(ISERROR(${x})),${filled(x)},NOT(IFERROR(${on},FALSE)),NOT(${notApplicable(x)}))`;
        return [
          [count, { source: 'flagAndCount', severity: 'error', formula: marked }],
          ...(severity ? [[count, { source: 'flagAndCount', severity, formula: withoutFlag }] as [Place, FieldFormula]] : []),
        ];
      });
    }
    case 'yearsForAge': {
      const years = places.get(rule.years);
      const age = places.get(rule.age);
      const severity = severe(rule.severity);
      const a = years && age && referenceFrom(years, age);
      if (!years || !age || !a || !severity) return [];
      const y = relative(years);
      // Both as the add-in reads them ("45岁"), and only when each is a valid count of its field; full-width digits
      // are not read here, which would take the formula past Excel's 8192 characters.
      const [ya, yy] = [countOf(a, false), countOf(y, false)];
      const valid = (n: string, f: Field) => (f.type === 'integer' ? countWithin(n, f.min, f.max) : `ISNUMBER(${n})`);
      const formula = `IFERROR(AND(${valid(ya, age.field)},${valid(yy, years.field)},${yy}>${ya}-${rule.startAge}),FALSE)`;
      return [[years, { source: 'yearsForAge', severity, formula }]];
    }
    case 'unique': {
      const column = places.get(rule.field);
      const severity = severe(rule.severity);
      if (!column || column.tableId === undefined || !severity) return [];
      const x = relative(column);
      const first = `$${columnLetters(column.col)}$${column.row + 1}`;
      // The same name as a row above, compared as the add-in compares them: case and all, spaces left out.
      const squash = (e: string) => substituteAll(e, [' ', '\u3000']);
      const formula = `AND(NOT(ISERROR(${x})),${filled(x)},IFERROR(SUMPRODUCT(--EXACT(${squash(`${first}:${x}`)},${squash(x)}))>1,FALSE))`;
      return [[column, { source: 'unique', severity, formula }]];
    }
    case 'notFuture': {
      const place = places.get(rule.field);
      const severity = severe(rule.severity);
      if (!place || !severity || place.field.type !== 'date' || place.field.range) return [];
      const x = relative(place);
      // A number of the form 2016.9 (a year and month, monthAllowed) is far in the past as a serial: never future.
      // A date typed as text ("2099年1月", "2099-1-5", "1月5日"): the day, or the month's first day, after today.
      // In Chinese numerals too; a ten-day period from its first day, or its month where a month is asked.
      const c = place.field.monthAllowed ? tenDaysAsMonth(arabicDateText(dateText(x))) : tenDaysAsDay(arabicDateText(dateText(x)));
      const texts = [c, `${c}&"1"`, `${c}&"-1"`, ...(year === undefined ? [] : [`"${year}-"&${c}`])];
      const later = texts.map((t) => `IFERROR(DATEVALUE(${t})>TODAY(),FALSE)`);
      const formula = `IFERROR(IF(ISNUMBER(${x}),${x}>TODAY(),OR(${later.join(',')})),FALSE)`;
      return [[place, { source: 'notFuture', severity, formula }]];
    }
    default:
      return [];
  }
}
