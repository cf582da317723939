import type { CoreCode } from './zh-CN';
import type { Wording } from './wording';

/** The core's problem codes in English, for the English pane and `--lang en-US`. Labels stay as the form prints them. */
export const EN_US: Readonly<Record<CoreCode, Wording>> = {
  'cell.error': (p) => `The cell shows the error value ${p.value}; put the actual content in.`,
  invalid: () => 'This entry is not valid.',
  maxLength: (p) => `At most ${p.max} characters; there are ${p.count}. Please shorten it.`,
  integer: () => 'Enter a whole number (a unit may follow, as in “12人”).',
  'integer.approximate': () => 'Enter an exact number (no “约”, “左右” or “多”).',
  'integer.chinese': (p) => `Write the number in Arabic digits, as in “${p.example}”.`,
  'integer.approximateChinese': (p) => `Enter an exact number (no “约”, “左右” or “多”) in Arabic digits, as in “${p.example}”.`,
  'integer.fraction': () => 'Must be a whole number, without decimals.',
  'integer.min': (p) => `Must not be less than ${p.min}.`,
  'integer.max': (p) => `Must not be more than ${p.max}.`,
  decimal: (p) => `Enter a number; decimals are allowed (a unit may follow, as in “12.5${p.unit}”).`,
  'decimal.places': (p) => `At most ${p.places} digits after the decimal point.`,
  'decimal.min': (p) => `Must not be less than ${p.min}.`,
  'decimal.max': (p) => `Must not be more than ${p.max}.`,
  yesNo: () => 'Enter “是” (yes) or “否” (no).',
  check: () => 'Enter “√” to tick; leave the cell empty otherwise.',
  choice: (p) => `Choose one of: ${p.options}.`,
  'choice.several': (p) => `Choose only one; this cell names: ${p.chosen}.`,
  date: () => 'Enter a date, such as 2017-5-12 or 2017年5月12日.',
  'date.orMonth': () => 'Enter a date or a month, such as 2016-9-12 or 2016年9月.',
  'date.range': () => 'Enter a date or a period, such as 2017-5-22 or 2017-5-22至2017-6-2.',
  'date.rangeOrder': () => 'The start date is after the end date.',
  phone: () => 'Enter a phone number.',
  'phone.format': (p) =>
    `${p.part ? `“${p.part}”: ` : ''}wrong phone number: a mobile number has 11 digits (starting with 1), a Shanghai landline 8 (021 and an extension may be added, as in 021-55885659-123).`,
  'phone.mobileLength': (p) =>
    `${p.part ? `“${p.part}”: ` : ''}wrong phone number: a mobile number has 11 digits; this one has ${p.count}.`,
  'phone.areaLength': (p) =>
    `${p.part ? `“${p.part}”: ` : ''}wrong phone number: after the area code ${p.area} come ${p.min === p.max ? p.min : `${p.min} or ${p.max}`} digits; here there are ${p.count}.`,
  'postcode.format': () => 'A postcode has 6 digits, such as 200063.',
  'date.monthAmbiguous': (p) =>
    `“${p.value}” is read as January ${p.year}; if October is meant, write “${p.year}年10月” (Excel stores ${p.year}.10 as ${p.year}.1).`,
  'date.tenDays': (p) => `“${p.value}” is read as the ten days ${p.start} to ${p.end}; a day is asked for here, please check.`,
  'longText.short': (p) => `About ${p.about} characters are asked for; there are only ${p.count}. Please add more.`,
  'longText.long': (p) => `About ${p.about} characters are asked for; there are ${p.count}. Please shorten it.`,
  required: (p) => `Required: fill in ${p.label}.`,
  'required.row': (p) => `This row is started: fill in ${p.label} too.`,
  'blank.reminder': (p) => `${p.name} is empty; please fill it in${p.hint ? ` (${p.hint})` : ''}.`,
  'form.untouched': () => 'The form has not been filled in yet.',
  'read.statedTotal': (p) =>
    `The unit's own ${p.label === '小计' ? 'subtotal' : 'total'} says ${p.stated}, the rows add up to ${p.sum} (${p.what || 'rows'}); the total row is not summed. Please check.`,
  'unit.fromFile': (p) => `The unit was left blank; merged as “${p.unit}” from ${p.sourceEn}. Please fill it in.`,
  'read.notFound': (p) =>
    `Cannot find where “${p.label}” is filled in (the form’s headings were changed), so it was not read; please compare with the original form.`,
};
