import type { FormDefinitionInput } from '../../core/form-schema';
import { attachmentLine, noticeParams, noticeRef, FILL_DATE_HINT, input, label, titleLine } from '../build';
import { DEADLINE_NOTE, DEADLINE_NOTE_ADAPTED } from './common';
import { FESTIVAL_NOTICE } from './notice';

const W = 4;

export const festivalProject: FormDefinitionInput = {
  id: 'festival-project',
  version: 1,
  name: '第{edition:cn}届上海职工科技节活动项目申报表',
  sheetName: '活动项目申报表',
  description: '区局（产业）工会报送本单位的主要活动项目，一项活动项目填写一份，供编写《活动概览》。',
  notice: noticeRef(FESTIVAL_NOTICE, '附件1'),
  params: noticeParams(FESTIVAL_NOTICE, 'festival-project'),
  deadlineParam: 'deadline',
  unitFieldId: 'unit',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 16 }, { width: 26 }, { width: 12 }, { width: 26 }],
  bands: [
    {
      kind: 'rows',
      rows: [
        attachmentLine('附件1', W),
        titleLine('第{edition:cn}届上海职工科技节活动项目申报表', W),
        {
          height: 26,
          cells: [
            label(0, '申报单位:', { preset: 'plain' }),
            input(1, { id: 'unit', label: '申报单位', type: 'text', required: true }, { colSpan: 2, style: { border: 'bottom' } }),
            input(
              3,
              { id: 'fillDate', label: '填报日期（月日）', type: 'date', remindIfBlank: true, hint: FILL_DATE_HINT },
              { style: { border: 'bottom', h: 'right' } },
            ),
          ],
        },
        {
          height: 30,
          cells: [
            label(0, '活动项目名称'),
            input(1, { id: 'projectName', label: '活动项目名称', type: 'text', required: true }, { colSpan: 3 }),
          ],
        },
        {
          height: 30,
          cells: [label(0, '主办单位'), input(1, { id: 'host', label: '主办单位', type: 'text', required: true }, { colSpan: 3 })],
        },
        { height: 30, cells: [label(0, '承办单位'), input(1, { id: 'organizer', label: '承办单位', type: 'text' }, { colSpan: 3 })] },
        { height: 30, cells: [label(0, '协办单位'), input(1, { id: 'coOrganizer', label: '协办单位', type: 'text' }, { colSpan: 3 })] },
        {
          height: 30,
          cells: [
            label(0, '举办时间'),
            input(1, { id: 'time', label: '举办时间', type: 'date', range: true, required: true }),
            label(2, '举办地点'),
            input(3, { id: 'place', label: '举办地点', type: 'text', required: true }),
          ],
        },
        {
          height: 30,
          cells: [
            label(0, '参加对象'),
            input(1, { id: 'audience', label: '参加对象', type: 'text', required: true }),
            label(2, '参加人数'),
            input(3, { id: 'participants', label: '参加人数', type: 'integer', min: 1, unit: '人', required: true }),
          ],
        },
        {
          height: 30,
          cells: [
            label(0, '联系人姓名'),
            input(1, { id: 'contactName', label: '联系人姓名', type: 'text', required: true }),
            label(2, '联系电话'),
            input(3, { id: 'contactPhone', label: '联系电话', type: 'phone', required: true }),
          ],
        },
        {
          height: 240,
          cells: [
            label(0, '主要活动项目简介'),
            input(1, { id: 'summary', label: '主要活动项目简介', type: 'longText', required: true }, { colSpan: 3, style: { v: 'top' } }),
          ],
        },
        { height: 20, cells: [label(0, '注: 1. 一项活动项目填写一份申报表', { colSpan: W, preset: 'note' })] },
        {
          height: 20,
          cells: [label(0, DEADLINE_NOTE, { colSpan: W, preset: 'note', adapted: DEADLINE_NOTE_ADAPTED, style: { h: 'left' } })],
        },
      ],
    },
  ],
  print: { orientation: 'portrait' },
  merge: {
    sheetRecord: true,
    summaryName: '活动项目概览',
    sameReturnBy: ['projectName'],
    unitTotals: { summaryName: '活动项目按单位合计', recordWord: '项目', fields: ['participants'], chartTitle: '各单位活动项目参加人数' },
  },
  rules: [{ kind: 'withinPeriod', field: 'time', startParam: 'periodStart', endParam: 'periodEnd', severity: 'warning' }],
};
