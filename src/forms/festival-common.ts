import type { FormDefinitionInput } from '../core/form-schema';

/** Both festival forms belong to the notice 关于举办第七届上海职工科技节的通知 (seed 000). */
export function festivalParams(deadline: string): FormDefinitionInput['params'] {
  return [
    { id: 'edition', label: '届次', kind: 'integer', default: 7, min: 1, max: 99 },
    { id: 'year', label: '年份', kind: 'integer', default: 2017, min: 2000, max: 2099 },
    { id: 'deadline', label: '报送截止日期', kind: 'monthDay', default: deadline },
    { id: 'periodStart', label: '科技节开始日期', kind: 'monthDay', default: '05-22' },
    { id: 'periodEnd', label: '科技节结束日期', kind: 'monthDay', default: '06-02' },
  ];
}

export function festivalNotice(attachment: string): FormDefinitionInput['notice'] {
  return {
    title: '关于举办第{edition:cn}届上海职工科技节的通知',
    docNo: '沪工总基〔2017〕153号',
    attachment,
    seed: '000',
  };
}

export const DEADLINE_NOTE = '2. 请于{deadline:ymd}前报送第{edition:cn}届上海职工科技节组委会办公室';
export const DEADLINE_NOTE_ADAPTED = '通知原文为“请于 5 月 12 日前”，加上年份，换届时只需改参数';
