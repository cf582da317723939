import type { NoticeData } from '../build';

/** 关于广泛开展“弘扬劳模精神，建功‘创新杨浦’”主题活动的通知 (seed 004): 附件1 主题活动汇总, 附件2 志愿服务队. */
export const YANGPU_NOTICE: NoticeData = {
  id: 'yangpu-2018',
  docNo: '杨工〔2018〕14号',
  title: '关于广泛开展“弘扬劳模精神，建功‘创新杨浦’”主题活动的通知',
  issuer: '上海市杨浦区总工会',
  seed: '004',
  params: [{ id: 'year', label: '年份', kind: 'integer', default: 2018, min: 2000, max: 2099 }],
  deadlines: { 'yangpu-theme-activity': '06-15', 'yangpu-volunteer-team': '06-15' },
  quotas: [],
  shares: [],
};
