import type { FormDefinitionInput } from '../../core/form-schema';
import { attachmentLine, input, label, noticeParams, noticeRef, titleLine } from '../build';
import { STUDIO_TYPES } from './common';
import { STUDIO_NOTICE } from './notice';

const W = 5;

function countRow(id: string, kind: string) {
  return {
    height: 26,
    cells: [
      label(0, `本地区、本系统${kind}创新工作室创建数`, { colSpan: 4, style: { h: 'left' } }),
      input(4, { id, label: `${kind}创新工作室创建数`, type: 'integer', unit: '个', required: true }, { style: { h: 'center' } }),
    ],
  };
}

export const studioSummary: FormDefinitionInput = {
  id: 'studio-summary',
  version: 1,
  name: '{year}年度上海市工匠（技师、职工、巾帼）创新工作室推荐申报汇总表',
  sheetName: '推荐申报汇总表',
  description: '区局（产业）工会汇总本系统推荐申报的创新工作室，连同创建活动开展情况报市职工技协。',
  notice: noticeRef(STUDIO_NOTICE, '附件1'),
  params: noticeParams(STUDIO_NOTICE, 'studio-summary'),
  deadlineParam: 'deadline',
  unitFieldId: 'unionName',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 7 }, { width: 14 }, { width: 26 }, { width: 26 }, { width: 14 }],
  bands: [
    {
      kind: 'rows',
      rows: [
        attachmentLine('附件1:', W),
        titleLine('{year}年度上海市工匠（技师、职工、巾帼）创新工作室推荐申报汇总表', W, 48),
        {
          height: 30,
          cells: [
            label(0, '区局（产业）工会名称', { colSpan: 2 }),
            input(2, { id: 'unionName', label: '区局（产业）工会名称', type: 'text', required: true }, { colSpan: 3 }),
          ],
        },
        {
          height: 30,
          cells: [
            label(0, '申报人', { colSpan: 2 }),
            input(2, { id: 'applicant', label: '申报人', type: 'text', required: true }),
            label(3, '联系方式'),
            input(4, { id: 'applicantPhone', label: '联系方式', type: 'phone', required: true }),
          ],
        },
        {
          height: 30,
          cells: [
            label(0, '开展本行业、本系统工作室创建活动（方案可附后）', { colSpan: 4, style: { h: 'left' } }),
            input(
              4,
              { id: 'hasCampaign', label: '开展工作室创建活动', type: 'choice', options: ['有', '无'], required: true },
              { style: { h: 'center' } },
            ),
          ],
        },
        countRow('craftsmanStudios', '工匠'),
        countRow('technicianStudios', '技师'),
        countRow('workerStudios', '职工'),
        countRow('womenStudios', '巾帼'),
        {
          height: 30,
          cells: [label(0, '{year}年度上海市工匠（技师、职工、巾帼）创新工作室申报汇总情况', { colSpan: W, style: { bold: true } })],
        },
      ],
    },
    {
      kind: 'table',
      id: 'studios',
      label: '创新工作室申报汇总情况',
      header: [
        {
          height: 26,
          cells: [label(0, '序号'), label(1, '工作室类型'), label(2, '工作室名称'), label(3, '申报单位'), label(4, '领衔人')],
        },
      ],
      rowHeight: 26,
      cells: [
        input(0, { id: 'seq', label: '序号', type: 'integer', min: 1, total: false }, { style: { h: 'center' } }),
        input(
          1,
          { id: 'studioType', label: '工作室类型', type: 'choice', options: STUDIO_TYPES, required: true },
          { style: { h: 'center' } },
        ),
        input(2, { id: 'studioName', label: '工作室名称', type: 'text', required: true }),
        input(3, { id: 'unit', label: '申报单位', type: 'text', required: true }),
        input(4, { id: 'leader', label: '领衔人', type: 'text', required: true }, { style: { h: 'center' } }),
      ],
      defaultRows: 10,
      maxRows: 300,
      numbering: { fieldId: 'seq', prefill: true },
    },
    {
      kind: 'rows',
      rows: [
        {
          height: 70,
          cells: [
            label(0, '区局（产业）工会申报意见', { colSpan: 2, rowSpan: 2 }),
            input(
              2,
              { id: 'opinion', label: '区局（产业）工会申报意见', type: 'longText', required: true },
              { colSpan: 3, style: { v: 'top' } },
            ),
          ],
        },
        { height: 30, cells: [label(2, '盖章：        年    月    日', { colSpan: 3, style: { h: 'right' } })] },
      ],
    },
  ],
  print: { orientation: 'portrait', repeatHeaderOf: 'studios' },
  merge: { sheetRecord: true, table: 'studios', summaryName: '创新工作室推荐汇总' },
  rules: [
    { kind: 'unique', field: 'studios.studioName', severity: 'error' },
    { kind: 'sequence', field: 'studios.seq', severity: 'warning' },
  ],
};
