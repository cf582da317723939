import type { z } from 'zod';
import type { FieldSchema } from '../form-schema';

export type FieldInput = z.input<typeof FieldSchema>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A field without its id, and why its type was chosen. */
export interface FieldGuess {
  field: WithoutId<FieldInput>;
  why: string;
}

/** Remarks in brackets that are instructions, not part of the field's name: （100字内）（新组队可不填）（勾选）（请在□内打√）. */
const REMARK = /[（(][^（）()]*(字|可不填|可附页|附后|勾选|可另附|打\s*[“"]?[√✓]|由[^（）()]*填|盖章|签章|签字)[^（）()]*[）)]/g;

/**
 * An instruction about the boxes, not an option: "（请在□内打√）", "请在相应□内打“√”", "（在□中勾选）". Its □ is no box to
 * tick and its words no option.
 */
const BOX_INSTRUCTION =
  /[（(][^（）()]*[□☐][^（）()]*[）)]|请?在(相应|对应)?的?[□☐][内中里]?(打|画|划)?\s*[“"]?[√✓]?[”"]?|(打|画|划)\s*[“"]?[√✓][”"]?/g;

/** The text without its instructions about the boxes; empty brackets after an option ("是（ ）否（ ）", full-width spaces inside) as boxes. */
export function withoutBoxInstructions(text: string): string {
  return text.replace(BOX_INSTRUCTION, '').replace(/([^\s\u3000（(])[\s\u3000]*[（(][\s\u3000]*[）)]/g, '$1□');
}

/** A label as a field's name: no line breaks, spaces or instruction remarks, no trailing colon. */
export function fieldName(label: string): string {
  return (
    label
      .replace(/\s+/g, '')
      .replace(REMARK, '')
      .replace(/[:：]+$/, '') || label.replace(/\s+/g, '')
  );
}

/** Who fills a cell for the receiving office ("由考核组填写", 编号, 审核意见, 受理日期), or undefined for the unit's own. */
export function officeFiller(rawLabel: string): string | undefined {
  const label = rawLabel.replace(/\s+/g, '');
  const by = /由([^，。；、（）()：:]{1,12}?)填写?/.exec(label);
  // "由申报人填写", "由本单位填写": the unit's own hand.
  if (by) return /本人|申报|填报|本单位|各单位|申请|所在单位/.test(by[1] as string) ? undefined : (by[1] as string);
  if (/(审核|审批|评审|审定|复核)(意见|结果)|受理(日期|时间|编号|号|人)|^(编号|受理号|盖章|签章)[:：]?$/.test(label)) return '受理单位';
  return undefined;
}

/** Units after a label that make it a whole number: 人数（人）, 现有藏书（册）, 年度借阅人次. */
const WHOLE_UNIT = /[（(](人|个|项|册|次|人次|家|名|场|篇|件|支|队|本|所|户|位|座|间|台|套|场次)[）)]$|人次$/;
/** Units after a label that make it a number with decimals: 书屋面积（平方米）, 金额（万元）, 占比（%）, 开放时间（小时）. */
const DECIMAL_UNIT = /[（(](平方米|㎡|万元|千元|元|%|％|‰|小时|公里|千米|米|吨|天|亩|公顷)[）)]$/;

/** The field a label asks for, from the notice's own words (issue 13 §1). */
export function guessField(rawLabel: string): FieldGuess {
  const label = rawLabel.replace(/\s+/g, '');
  const name = fieldName(label);
  // 备注 is for what the unit wishes to add: never required.
  const optional = /可不填|可附页|选填/.exec(label) ?? /^备注$/.exec(name);
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
  const office = officeFiller(label);
  if (office)
    return {
      field: { label: name, required: false, type: 'text', hint: `由${office}填写，填报单位不填。` },
      why: `由${office}填写 → 留在表上，不必填，不检查，不汇总`,
    };
  // A column ticked or answered row by row: 持证上岗（√）, 是否工会会员.
  if (/[（(]\s*[√✓]\s*[）)]|[（(]\s*打\s*[√✓]/.test(label))
    return { field: { ...base, label: name.replace(/[（(]\s*[√✓]\s*[）)]/, ''), type: 'check' }, why: '标签带“（√）” → 勾选' };
  if (/^是否/.test(name)) return { field: { ...base, type: 'yesNo' }, why: '“是否…” → 是/否' };
  if (/电话|联系方式|手机/.test(name)) return { field: { ...base, type: 'phone' }, why: `标签含“电话/联系方式” → 电话${note}` };
  if (/邮编|邮政编码/.test(name)) return { field: { ...base, type: 'postcode' }, why: `标签含“邮编” → 邮政编码${note}` };
  if (/性别/.test(name))
    return { field: { ...base, type: 'choice', options: ['男', '女'], source: 'common' }, why: '“性别” → 男/女 二选一' };
  if (/^序号$/.test(name)) return { field: { ...base, type: 'integer', min: 1, total: false }, why: '“序号” → 整数，不合计' };
  if (/年龄|年限|工龄/.test(name))
    return { field: { ...base, type: 'integer', total: false }, why: `标签含“${/年龄|年限|工龄/.exec(name)?.[0]}” → 整数，不合计${note}` };
  const decimal = DECIMAL_UNIT.exec(name);
  if (decimal) {
    const unit = (decimal[1] as string).replace('％', '%');
    // A share is no quantity: 占比 adds up to nothing.
    const total = !/%|‰/.test(unit);
    return {
      field: { ...base, type: 'decimal', unit, ...(total ? {} : { total: false }) },
      why: `单位“${unit}” → 数（可有小数）${total ? '' : '，不合计'}${note}`,
    };
  }
  const whole = WHOLE_UNIT.exec(name);
  if (whole) {
    const unit = whole[1] ?? '人次';
    return { field: { ...base, type: 'integer', unit }, why: `单位“${unit}” → 整数${note}` };
  }
  const count = /(人数|数量|个数|[^号]数)$/.exec(name) ?? /^(数量|人数)/.exec(name);
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

/** A box as forms print it, empty or ticked: □ ☐ ☑ ☒ ■, and √ ✓ where a box was ticked before sending. */
const BOX = /[□☐☑☒■√✓]/;

/**
 * Tick-box options in a cell's text: "□有 □无" → [有, 无], the box after the word too ("是□ 否□"), ticked boxes
 * ("■是 □否", "√是 □否"); "□发明专利__项" keeps its blank (count) apart. An instruction ("（请在□内打√）") is no option.
 */
export function boxOptions(text: string): { option: string; blankUnit?: string }[] {
  const { body } = boxParts(text);
  // "是□ 否□": every box closes its option; "□国有 □民营": every box opens one.
  const after = body !== '' && !BOX.test(body[0] as string) && BOX.test(body[body.length - 1] as string);
  const split = body.split(new RegExp(BOX.source, 'g'));
  const parts = after ? split.slice(0, -1) : split.slice(1);
  return parts
    .map((p) => p.replace(/[\s\u3000]+/g, ''))
    .filter((p) => p !== '')
    .map((p) => {
      const blank = /^(.*?)_{2,}(.*)$/.exec(p);
      return blank ? { option: blank[1] as string, blankUnit: blank[2] as string } : { option: p };
    });
}

/** Whether a cell offers boxes to tick (its instructions about boxes aside); √ alone is a tick, not a box. */
export function hasBoxes(text: string): boolean {
  return /[□☐☑☒■]/.test(withoutBoxInstructions(text));
}

/** A box cell's name before a colon ("申报类别：□技师 □职工", "性质：是□ 否□") and its boxes after it. */
function boxParts(text: string): { name: string | undefined; body: string } {
  const t = withoutBoxInstructions(text)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  const first = t.search(BOX);
  const colon = first < 0 ? -1 : Math.max(t.lastIndexOf('：', first), t.lastIndexOf(':', first));
  if (colon < 0) return { name: undefined, body: t };
  const name = fieldName(t.slice(0, colon));
  return { name: name === '' ? undefined : name, body: t.slice(colon + 1).trim() };
}

/** The words before a cell's boxes and a colon ("申报类别：□技师 □职工" → 申报类别), or undefined ("□有 □无", "是□ 否□"). */
export function boxCellName(text: string): string | undefined {
  return boxParts(text).name;
}
