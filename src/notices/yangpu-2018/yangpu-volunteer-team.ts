import type { FormDefinitionInput } from '../../core/form-schema';
import { attachmentLine, input, label, noticeParams, noticeRef, titleLine } from '../build';
import { contactLine, noteLine, unitLine } from './common';
import { YANGPU_NOTICE } from './notice';

const W = 7;

export const yangpuVolunteerTeam: FormDefinitionInput = {
  id: 'yangpu-volunteer-team',
  version: 1,
  name: '杨浦职工志愿者服务队登记表',
  sheetName: '志愿者服务队登记表',
  description: '各行业、街镇、直属工会登记本系统的职工志愿者服务队，一行一支服务队。',
  notice: noticeRef(YANGPU_NOTICE, '附件2'),
  params: noticeParams(YANGPU_NOTICE, 'yangpu-volunteer-team'),
  deadlineParam: 'deadline',
  unitFieldId: 'unit',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 11 }, { width: 22 }, { width: 16 }, { width: 10 }, { width: 14 }, { width: 28 }, { width: 36 }],
  bands: [
    {
      kind: 'rows',
      rows: [attachmentLine('附件2', W), titleLine('杨浦职工志愿者服务队登记表', W), unitLine(3)],
    },
    {
      kind: 'table',
      id: 'teams',
      label: '职工志愿者服务队',
      header: [
        {
          height: 48,
          cells: [
            label(0, '序号'),
            label(1, '登记服务队名称'),
            label(2, '负责人姓名及职务'),
            label(3, '服务队人数'),
            label(4, '服务队组建时间'),
            label(5, '服务内容（50字内）'),
            label(6, '服务成效简介（100字内，新组队可不填）'),
          ],
        },
      ],
      rowHeight: 60,
      cells: [
        input(0, { id: 'seq', label: '序号', type: 'integer', min: 1, total: false }, { style: { h: 'center' } }),
        input(1, { id: 'name', label: '登记服务队名称', type: 'text', required: true }),
        input(2, { id: 'leader', label: '负责人姓名及职务', type: 'text', required: true }),
        input(3, { id: 'size', label: '服务队人数', type: 'integer', min: 1, unit: '人', required: true }, { style: { h: 'center' } }),
        input(4, { id: 'formedOn', label: '服务队组建时间', type: 'date', monthAllowed: true, required: true }, { style: { h: 'center' } }),
        input(5, { id: 'service', label: '服务内容', type: 'longText', maxLength: 50, required: true }),
        input(6, { id: 'results', label: '服务成效简介', type: 'longText', maxLength: 100, hint: '新组队可不填。' }),
      ],
      defaultRows: 10,
      maxRows: 300,
      numbering: { fieldId: 'seq', prefill: false },
    },
    { kind: 'rows', rows: [noteLine(W), contactLine(2)] },
  ],
  print: { orientation: 'landscape', repeatHeaderOf: 'teams' },
  merge: {
    sheetRecord: false,
    table: 'teams',
    summaryName: '志愿者服务队汇总',
    unitTotals: { summaryName: '志愿者服务队按单位合计', recordWord: '服务队', fields: ['size'], chartTitle: '各单位志愿者服务队人数' },
  },
  rules: [
    { kind: 'sequence', field: 'teams.seq', severity: 'warning' },
    { kind: 'notFuture', field: 'teams.formedOn', severity: 'error' },
    {
      kind: 'requiredUnlessThisYear',
      field: 'teams.results',
      dateField: 'teams.formedOn',
      severity: 'error',
      message: '只有今年新组建的服务队可以不填服务成效简介，请补充。',
    },
  ],
};
