import type { z } from 'zod';
import type { FieldSchema } from '../form-schema';

export type FieldInput = z.input<typeof FieldSchema>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A field without its id, and why its type was chosen. */
export interface FieldGuess {
  field: WithoutId<FieldInput>;
  why: string;
}

/** Remarks in brackets that are instructions, not part of the field's name: （100字内）（新组队可不填）（勾选）. */
const REMARK = /[（(][^（）()]*(字|可不填|可附页|附后|勾选|可另附)[^（）()]*[）)]/g;

/** A label as a field's name: no line breaks, spaces or instruction remarks, no trailing colon. */
export function fieldName(label: string): string {
  return (
    label
      .replace(/\s+/g, '')
      .replace(REMARK, '')
      .replace(/[:：]+$/, '') || label.replace(/\s+/g, '')
  );
}

/** The field a label asks for, from the notice's own words (issue 13 §1). */
export function guessField(rawLabel: string): FieldGuess {
  const label = rawLabel.replace(/\s+/g, '');
  const name = fieldName(label);
  const optional = /可不填|可附页|选填/.exec(label);
  const required = !optional;
  const base = { label: name, required };
  const note = optional ? `；“${optional[0]}” → 选填` : '';
  const max = /[（(][^）)]*?(\d+)\s*字(以内|内)/.exec(label);
  if (max)
    return { field: { ...base, type: 'longText', maxLength: Number(max[1]) }, why: `“${max[0]}）” → 长文本，限 ${max[1]} 字${note}` };
  const about = /[（(][^）)]*?(\d+)\s*字左右/.exec(label);
  if (about)
    return {
      field: { ...base, type: 'longText', aboutLength: Number(about[1]) },
      why: `“${about[1]}字左右” → 长文本，约 ${about[1]} 字${note}`,
    };
  if (/电话|联系方式|手机/.test(name)) return { field: { ...base, type: 'phone' }, why: `标签含“电话/联系方式” → 电话${note}` };
  if (/邮编|邮政编码/.test(name)) return { field: { ...base, type: 'postcode' }, why: `标签含“邮编” → 邮政编码${note}` };
  if (/性别/.test(name))
    return { field: { ...base, type: 'choice', options: ['男', '女'], source: 'common' }, why: '“性别” → 男/女 二选一' };
  if (/^序号$/.test(name)) return { field: { ...base, type: 'integer', min: 1, total: false }, why: '“序号” → 整数，不合计' };
  if (/年龄|年限|工龄/.test(name))
    return { field: { ...base, type: 'integer', total: false }, why: `标签含“${/年龄|年限|工龄/.exec(name)?.[0]}” → 整数，不合计${note}` };
  const count = /(人数|数量|个数|[^号]数|（万元）|\(万元\)|（%）|\(%\))$/.exec(name) ?? /^(数量|人数)/.exec(name);
  if (count) return { field: { ...base, type: 'integer' }, why: `标签以“${count[0]}”结尾 → 整数${note}` };
  if (/时间安排/.test(name)) return { field: { ...base, type: 'text' }, why: '“时间安排”是安排的说明，不是一个日期 → 文本' };
  const date = /(日期|时间|年月日|年月)$/.exec(name);
  if (date) {
    const monthAllowed = /年月$/.test(name) || /组建|成立/.test(name);
    return {
      field: { ...base, type: 'date', monthAllowed },
      why: `标签以“${date[0]}”结尾 → 日期${monthAllowed ? '（可只填年月）' : ''}${note}`,
    };
  }
  if (/简介|介绍|情况说明|荣誉|意见|事迹|特色活动/.test(name))
    return {
      field: { ...base, type: 'longText' },
      why: `标签含“${/简介|介绍|情况说明|荣誉|意见|事迹|特色活动/.exec(name)?.[0]}” → 长文本${note}`,
    };
  if (/姓名/.test(name)) return { field: { ...base, type: 'text' }, why: '“姓名” → 文本（人名）' };
  return { field: { ...base, type: 'text' }, why: `没有类型线索 → 文本${note}` };
}

/** Tick-box options in a cell's text: "□有 □无" → [有, 无]; "□发明专利__项" keeps its blank (count) apart. */
export function boxOptions(text: string): { option: string; blankUnit?: string }[] {
  const parts = text.split(/[□☐☑☒■]/).slice(1);
  return parts
    .map((p) => p.replace(/[\s\u3000]+/g, ''))
    .filter((p) => p !== '')
    .map((p) => {
      const blank = /^(.*?)_{2,}(.*)$/.exec(p);
      return blank ? { option: blank[1] as string, blankUnit: blank[2] as string } : { option: p };
    });
}

export function hasBoxes(text: string): boolean {
  return /[□☐☑☒]/.test(text);
}
