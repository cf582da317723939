import type { FormDefinitionInput } from '../core/form-schema';

/** Both workshop forms belong to 关于开展2020年度上海市工匠（技师、职工、巾帼）创新工作室创建命名工作的通知 (seed 002). */
export function studioParams(): FormDefinitionInput['params'] {
  return [
    { id: 'year', label: '年度', kind: 'integer', default: 2020, min: 2000, max: 2099 },
    { id: 'deadline', label: '报送截止日期', kind: 'monthDay', default: '11-13' },
  ];
}

export function studioNotice(attachment: string): FormDefinitionInput['notice'] {
  return {
    title: '关于开展{year}年度上海市工匠（技师、职工、巾帼）创新工作室创建命名工作的通知',
    docNo: '沪工技中〔2020〕7号',
    attachment,
    seed: '002',
  };
}

/** The notice's four kinds of workshop, as its 申报类型 boxes name them. */
export const STUDIO_TYPES = ['工匠工作室', '技师工作室', '职工工作室', '巾帼工作室'];
