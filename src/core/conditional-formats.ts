import { cellAddress, columnLetters, rangeAddress } from './a1';
import type { Field, FormDefinition, Rule } from './form-schema';
import { ABOUT_LENGTH_SLACK, CHECK_MARK, YES_NO_OPTIONS } from './native-validation';
import { HIGHLIGHT } from './rules/highlights';
import type { FieldSlot, SheetPlan } from './sheet-plan';

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

/** Characters as the add-in counts them (countCharacters): without spaces, full-width spaces and line breaks. */
const counted = (x: string): string => `LEN(${substituteAll(`SUBSTITUTE(SUBSTITUTE(${x},CHAR(10),""),CHAR(13),"")`, [' ', '\u3000'])})`;

/** A value wrong for its field: an error value, or filled in and failing `bad` (or `bad` failing to evaluate). */
const wrongIf = (x: string, bad: string): string => `IF(ISERROR(${x}),TRUE,AND(${filled(x)},IFERROR(${bad},TRUE)))`;

/** A date typed as text in the ways the add-in reads it (2017-5-12, 2017/5/12, 2017.5.12, 2017年5月12日) as ISO-like text. */
const dateText = (x: string): string =>
  substituteAll(substituteAll(substituteAll(`TRIM(${x})`, ['年', '月', '.', '/'], '-'), ['日']), ['份']);

interface FieldFormula {
  source: string;
  severity: 'error' | 'warning';
  formula: string;
}

/** The checks of one field's own value, with X its cell. */
export function fieldFormulas(field: Field, x: string): FieldFormula[] {
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
    case 'integer': {
      const t = `SUBSTITUTE(TRIM(${x}),",","")`;
      const bare = `IF(ISNUMBER(FIND(RIGHT(${t}),${formulaString(COUNT_UNITS)})),LEFT(${t},LEN(${t})-1),${t})`;
      const n = `IF(ISNUMBER(${x}),${x},--${bare})`;
      const within = [`${n}=INT(${n})`, `${n}>=${field.min}`, ...(field.max === undefined ? [] : [`${n}<=${field.max}`])];
      return [error('integer', `NOT(AND(${within.join(',')}))`)];
    }
    case 'yesNo':
      return [error('yesNo', `NOT(${anyEquals(`TRIM(${x})`, YES_NO_OPTIONS)})`)];
    case 'check':
      return [error('check', `NOT(${anyEquals(`TRIM(${x})`, [CHECK_MARK])})`)];
    case 'choice':
      return [error('choice', `NOT(${anyEquals(`TRIM(${x})`, field.options)})`)];
    case 'date': {
      if (field.range) return [];
      const s = dateText(x);
      const asDate = (text: string) => `ISNUMBER(DATEVALUE(${text}))`;
      const serial = `AND(ISNUMBER(${x}),${x}>=1,${x}<=${LAST_SERIAL})`;
      // 2016年9月 / 2016.9 / 2016-09: the month's first day; 2016.9 typed in a General cell is the number 2016.9.
      const month = field.monthAllowed ? [asDate(`${s}&"1"`), asDate(`${s}&"-1"`)] : [];
      return [error('date', `NOT(OR(${[serial, asDate(s), ...month].join(',')}))`)];
    }
    case 'phone': {
      const t = `TRIM(${x})`;
      const digitsOnly = substituteAll(t, PHONE_MARKS);
      const digitCount = `(LEN(${t})-LEN(${substituteAll(t, [...DIGITS])}))`;
      return [error('phone', `NOT(AND(${onlyDigits(digitsOnly)},${digitCount}>=${MIN_PHONE_DIGITS}))`)];
    }
    case 'postcode': {
      const s = substituteAll(`TRIM(${x})`, [' ', '-']);
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

function placesOf(plan: SheetPlan): Map<string, Place> {
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

/** Every conditional-format rule of a planned form, errors first (the first true rule's fill shows). */
export function conditionalFormatsFor(form: FormDefinition, plan: SheetPlan): ConditionalFormatRule[] {
  const places = placesOf(plan);
  const rules: ConditionalFormatRule[] = [];
  const add = (place: Place, f: FieldFormula) =>
    rules.push({
      range: rangeOf(place),
      formula: f.formula,
      fill: HIGHLIGHT[f.severity],
      severity: f.severity,
      field: place.ref,
      source: f.source,
    });

  for (const place of places.values()) for (const f of fieldFormulas(place.field, relative(place))) add(place, f);
  for (const rule of form.rules) for (const [place, f] of ruleFormulas(rule, places)) add(place, f);
  return rules.sort((a, b) => SEVERITY_FIRST[a.severity] - SEVERITY_FIRST[b.severity]);
}

function ruleFormulas(rule: Rule, places: Map<string, Place>): [Place, FieldFormula][] {
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
        rule.kind === 'oneOf'
          ? anyEquals(`TRIM(${x})`, rule.allowed)
          : `OR(${rule.words.map((word) => `ISNUMBER(FIND(${formulaString(word)},${x}))`).join(',')})`;
      const formula = `AND(NOT(ISERROR(${x})),${filled(x)},IFERROR(AND(${anyEquals(`TRIM(${w})`, rule.equals)},NOT(${fine})),FALSE))`;
      return [[target, { source: rule.kind, severity, formula }]];
    }
    case 'flagAndCount': {
      const flag = places.get(rule.flag);
      const severity = severe(rule.countWithoutFlag);
      if (!flag || !severity) return [];
      return rule.counts.flatMap((ref): [Place, FieldFormula][] => {
        const count = places.get(ref);
        const f = count && referenceFrom(count, flag);
        if (!count || !f) return [];
        const x = relative(count);
        const on = anyEquals(`TRIM(${f})`, ['是', CHECK_MARK]);
        const formula = `AND(NOT(ISERROR(${x})),${filled(x)},NOT(IFERROR(${on},FALSE)))`;
        return [[count, { source: 'flagAndCount', severity, formula }]];
      });
    }
    case 'yearsForAge': {
      const years = places.get(rule.years);
      const age = places.get(rule.age);
      const severity = severe(rule.severity);
      const a = years && age && referenceFrom(years, age);
      if (!years || !a || !severity) return [];
      const y = relative(years);
      const formula = `IFERROR(AND(ISNUMBER(${a}),ISNUMBER(${y}),${y}>${a}-${rule.startAge}),FALSE)`;
      return [[years, { source: 'yearsForAge', severity, formula }]];
    }
    case 'unique': {
      const column = places.get(rule.field);
      const severity = severe(rule.severity);
      if (!column || column.tableId === undefined || !severity) return [];
      const x = relative(column);
      const first = `$${columnLetters(column.col)}$${column.row + 1}`;
      // COUNTIF reads * ? ~ in its criterion as wildcards: each is escaped with ~.
      const criterion = substituteAll(substituteAll(substituteAll(`TRIM(${x})`, ['~'], '~~'), ['*'], '~*'), ['?'], '~?');
      const formula = `AND(NOT(ISERROR(${x})),${filled(x)},IFERROR(COUNTIF(${first}:${x},${criterion})>1,FALSE))`;
      return [[column, { source: 'unique', severity, formula }]];
    }
    case 'notFuture': {
      const place = places.get(rule.field);
      const severity = severe(rule.severity);
      if (!place || !severity || place.field.type !== 'date' || place.field.range) return [];
      const x = relative(place);
      // A number of the form 2016.9 is a year and month (monthAllowed), far in the past as a serial: never future.
      return [[place, { source: 'notFuture', severity, formula: `IFERROR(AND(ISNUMBER(${x}),${x}>TODAY()),FALSE)` }]];
    }
    default:
      return [];
  }
}
