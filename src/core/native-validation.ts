import type { Field } from './form-schema';
import { inlineListFits } from './formula-limits';
import { GENERAL_FORMAT, TEXT_FORMAT } from './styles';

/** The part of a field's rule that Excel's own data validation can enforce while the add-in is not running. */
export type NativeRule =
  | { kind: 'list'; options: string[] }
  | { kind: 'whole'; min: number; max: number | undefined }
  | { kind: 'decimal'; min: number; max: number | undefined }
  | { kind: 'textLength'; min: number | undefined; max: number | undefined }
  | { kind: 'date'; min: string; max: string };

export interface NativeValidation {
  rule: NativeRule | undefined;
  errorStyle: 'stop' | 'warning';
  /** Excel limits: title 32 characters, prompt 255, error 225. */
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MAX = 255;
export const ERROR_MAX = 225;

export const YES_NO_OPTIONS = ['是', '否'];
export const CHECK_MARK = '√';
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2099-12-31';
/** A long text may run this much over its "about N characters" before the sheet warns. */
export const ABOUT_LENGTH_SLACK = 1.5;
/** Up to two numbers with area codes and extensions: 021-55885659-123、13912345678. */
export const PHONE_LENGTH = { min: 7, max: 40 };

function ruleAndText(field: Field): { rule: NativeRule | undefined; text: string; errorStyle: 'stop' | 'warning' } {
  switch (field.type) {
    case 'text':
      return field.maxLength
        ? { rule: { kind: 'textLength', min: undefined, max: field.maxLength }, text: `不超过${field.maxLength}字。`, errorStyle: 'stop' }
        : { rule: undefined, text: '请填写文字。', errorStyle: 'stop' };
    case 'longText':
      if (field.maxLength) {
        return {
          rule: { kind: 'textLength', min: undefined, max: field.maxLength },
          text: `不超过${field.maxLength}字。`,
          errorStyle: 'stop',
        };
      }
      if (field.aboutLength) {
        return {
          rule: { kind: 'textLength', min: undefined, max: Math.round(field.aboutLength * ABOUT_LENGTH_SLACK) },
          text: `${field.aboutLength}字左右。`,
          errorStyle: 'warning',
        };
      }
      return { rule: undefined, text: '请填写文字。', errorStyle: 'stop' };
    case 'integer': {
      const range = field.max === undefined ? `不小于${field.min}的整数` : `${field.min}到${field.max}之间的整数`;
      const unit = field.unit ? `（单位：${field.unit}）` : '';
      return { rule: { kind: 'whole', min: field.min, max: field.max }, text: `请填写${range}${unit}。`, errorStyle: 'stop' };
    }
    case 'decimal': {
      const range = field.max === undefined ? `不小于${field.min}的数` : `${field.min}到${field.max}之间的数`;
      const places = field.places === undefined ? '，可以有小数' : field.places === 0 ? '' : `，最多${field.places}位小数`;
      const unit = field.unit ? `（单位：${field.unit}）` : '';
      return { rule: { kind: 'decimal', min: field.min, max: field.max }, text: `请填写${range}${places}${unit}。`, errorStyle: 'stop' };
    }
    case 'yesNo':
      return { rule: { kind: 'list', options: YES_NO_OPTIONS }, text: '请从下拉列表选择“是”或“否”。', errorStyle: 'stop' };
    case 'check':
      return { rule: { kind: 'list', options: [CHECK_MARK] }, text: '勾选请选“√”，不勾选请留空。', errorStyle: 'stop' };
    case 'choice':
      // Typed inline, a list holds at most 255 characters (formula-limits.ts): a longer one is no dropdown, the
      // options are in the template's 填表说明 (limit-notes.ts), and the add-in checks the value.
      if (!inlineListFits(field.options)) {
        return { rule: undefined, text: `请填写以下之一：${field.options.join('；')}。`, errorStyle: 'stop' };
      }
      return {
        rule: { kind: 'list', options: field.options },
        text: `请从下拉列表选择：${field.options.join('、')}。`,
        errorStyle: 'stop',
      };
    case 'date':
      if (field.range) return { rule: undefined, text: '请填写日期或起止日期，如 2017-5-22 或 2017-5-22至2017-6-2。', errorStyle: 'stop' };
      // Excel's date rule would refuse "2016.9" and turn "2016年9月" into the 1st of the month.
      if (field.monthAllowed) return { rule: undefined, text: '请填写日期或年月，如 2016-9-12 或 2016年9月。', errorStyle: 'stop' };
      return { rule: { kind: 'date', min: DATE_MIN, max: DATE_MAX }, text: '请填写日期，如 2017-5-12。', errorStyle: 'stop' };
    case 'phone':
      return {
        rule: { kind: 'textLength', min: PHONE_LENGTH.min, max: PHONE_LENGTH.max },
        text: '请填写手机号或固定电话，如 13812345678、021-55885659 或 55885659-123；两个号码用“、”隔开。',
        errorStyle: 'stop',
      };
    case 'postcode':
      return { rule: { kind: 'textLength', min: 6, max: 6 }, text: '请填写6位邮政编码，如 200063。', errorStyle: 'stop' };
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function nativeValidationFor(field: Field): NativeValidation {
  const { rule, text, errorStyle } = ruleAndText(field);
  const prompt = `${field.required ? '必填。' : ''}${text}${field.hint ? field.hint : ''}`;
  return {
    rule,
    errorStyle,
    promptTitle: clip(field.label, PROMPT_TITLE_MAX),
    prompt: clip(prompt, PROMPT_MAX),
    errorTitle: clip(`${field.label}填写有误`, PROMPT_TITLE_MAX),
    error: clip(text, ERROR_MAX),
  };
}

/** How a field's cell is formatted: phone numbers and postcodes as text so leading zeros stay. */
export function numberFormatFor(field: Field): string {
  switch (field.type) {
    case 'phone':
    case 'postcode':
    case 'text':
    case 'longText':
      return TEXT_FORMAT;
    case 'integer':
      return '0';
    case 'decimal':
      // A fixed number of places shows 12.50 as the form asks; without one, as typed.
      return field.places ? `0.${'0'.repeat(field.places)}` : field.places === 0 ? '0' : GENERAL_FORMAT;
    case 'date':
      return field.range || field.monthAllowed ? TEXT_FORMAT : 'yyyy"年"m"月"d"日"';
    default:
      return GENERAL_FORMAT;
  }
}
