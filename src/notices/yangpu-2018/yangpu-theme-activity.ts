import type { FormDefinitionInput } from '../../core/form-schema';
import { attachmentLine, input, label, noticeParams, noticeRef, titleLine } from '../build';
import { contactLine, noteLine, unitLine } from './common';
import { YANGPU_NOTICE } from './notice';

const W = 6;

export const yangpuThemeActivity: FormDefinitionInput = {
  id: 'yangpu-theme-activity',
  version: 1,
  name: '“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表',
  sheetName: '主题活动申报表',
  description: '各行业、街镇、直属工会申报本系统的主题活动计划，一行一项活动。',
  notice: noticeRef(YANGPU_NOTICE, '附件1'),
  params: noticeParams(YANGPU_NOTICE, 'yangpu-theme-activity'),
  deadlineParam: 'deadline',
  unitFieldId: 'unit',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 11 }, { width: 22 }, { width: 14 }, { width: 16 }, { width: 44 }, { width: 12 }],
  bands: [
    {
      kind: 'rows',
      rows: [attachmentLine('附件1', W), titleLine('“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表', W), unitLine(3)],
    },
    {
      kind: 'table',
      id: 'activities',
      label: '主题活动',
      header: [
        {
          height: 36,
          cells: [
            label(0, '序号'),
            label(1, '活动名称'),
            label(2, '活动形式'),
            label(3, '时间安排'),
            label(4, '主要内容和形式（100字内）'),
            label(5, '参与人数'),
          ],
        },
      ],
      rowHeight: 60,
      cells: [
        input(0, { id: 'seq', label: '序号', type: 'integer', min: 1, total: false }, { style: { h: 'center' } }),
        input(1, { id: 'name', label: '活动名称', type: 'text', required: true }),
        input(2, { id: 'form', label: '活动形式', type: 'text', required: true }),
        input(3, { id: 'schedule', label: '时间安排', type: 'text', required: true }),
        input(4, { id: 'content', label: '主要内容和形式', type: 'longText', maxLength: 100, required: true }),
        input(5, { id: 'participants', label: '参与人数', type: 'integer', unit: '人', required: true }, { style: { h: 'center' } }),
      ],
      defaultRows: 10,
      maxRows: 300,
      numbering: { fieldId: 'seq', prefill: false },
    },
    { kind: 'rows', rows: [noteLine(W), contactLine(1)] },
  ],
  print: { orientation: 'landscape', repeatHeaderOf: 'activities' },
  merge: {
    sheetRecord: false,
    table: 'activities',
    summaryName: '主题活动汇总',
    unitTotals: { summaryName: '主题活动按单位合计', recordWord: '活动', fields: ['participants'], chartTitle: '各单位主题活动参与人数' },
  },
  rules: [{ kind: 'sequence', field: 'activities.seq', severity: 'warning' }],
};
