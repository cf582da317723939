import type { NoticeData } from '../build';
import { NON_PUBLIC_UNIT_TYPES } from './unit-types';

/**
 * 关于开展2020年度上海市工匠（技师、职工、巾帼）创新工作室创建命名工作的通知 (seed 002): its forms are 附件1
 * 推荐申报汇总表 and 附件2 申请表.
 */
export const STUDIO_NOTICE: NoticeData = {
  id: 'studio-2020',
  docNo: '沪工技中〔2020〕7号',
  title: '关于开展{year}年度上海市工匠（技师、职工、巾帼）创新工作室创建命名工作的通知',
  issuer: '上海市职工技协服务中心',
  seed: '002',
  params: [{ id: 'year', label: '年度', kind: 'integer', default: 2020, min: 2000, max: 2099 }],
  deadlines: { 'studio-summary': '11-13', 'studio-application': '11-13' },
  // 三、命名资助: 25 工匠创新工作室, and 100 技师、职工、巾帼创新工作室 together.
  quotas: [
    { options: ['工匠工作室'], quota: 25, label: '工匠工作室' },
    { options: ['技师工作室', '职工工作室', '巾帼工作室'], quota: 100, label: '技师、职工、巾帼工作室合计' },
  ],
  // 二、命名程序: 区推荐单位数非公企业应不少于50%.
  shares: [{ id: 'nonPublicUnits', options: NON_PUBLIC_UNIT_TYPES, min: 0.5 }],
};
