import type { NoticeData } from '../build';

/** 关于举办第七届上海职工科技节的通知 (seed 000): its forms are 附件1 活动项目申报表 and 附件2 活动情况统计表. */
export const FESTIVAL_NOTICE: NoticeData = {
  id: 'festival-2017',
  docNo: '沪工总基〔2017〕153号',
  title: '关于举办第{edition:cn}届上海职工科技节的通知',
  issuer:
    '上海市总工会、上海市发展和改革委员会、上海市科学技术委员会、上海市教育委员会、上海市人力资源和社会保障局、上海市知识产权局、共青团上海市委员会、上海市科学技术协会',
  seed: '000',
  params: [
    { id: 'edition', label: '届次', kind: 'integer', default: 7, min: 1, max: 99 },
    { id: 'year', label: '年份', kind: 'integer', default: 2017, min: 2000, max: 2099 },
    { id: 'periodStart', label: '科技节开始日期', kind: 'monthDay', default: '05-22' },
    { id: 'periodEnd', label: '科技节结束日期', kind: 'monthDay', default: '06-02' },
  ],
  deadlines: { 'festival-project': '05-12', 'festival-stats': '06-01' },
  quotas: [],
  shares: [],
  // 第七届 in 2017, one a year.
  yearFromEdition: { base: 2010 },
};
