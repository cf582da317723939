/**
 * The summaries of a small merge, as summaryTables and reportTable give them, for the tests that compare what the
 * .xlsx writer and a host's writer draw from one SummaryPlan (test/conformance/summary-plan.test.ts for Office.js,
 * test/wps/summary-plan.test.ts for WPS). Built here rather than merged, so that those tests only depend on the plan.
 */
import type { SummaryTable } from '../../src/core/merge/summaries';

/** What the plan is given: the issuer has an ampersand, which a printed footer must double. */
export const PLAN_OPTIONS = { issuer: '杨浦区总工会 & 宣教部', date: '2026-11-21' };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A unit table with a date and a totals row, a wide list table, the report and a wide statistics table. */
export function mergeSummaries(): SummaryTable[] {
  const units: SummaryTable = {
    sheetName: '主题活动-单位',
    title: '杨浦区职工主题活动申报表（汇总）',
    formId: 'yangpu-theme-activity',
    header: ['单位', '联系人', '联系电话', '填表日期', '来源文件', '工作表', '问题数'],
    rows: [
      ['殷行街道总工会', '张琳', '021-25032216', day('2018-06-10'), '殷行街道.xlsx', '主题活动', 0],
      ['五角场街道总工会', '=HYPERLINK("http://x","点我")', '00123', '2018年6月', '五角场.xlsx', '主题活动', 1],
    ],
    totals: ['合计（2）', null, null, null, null, null, 1],
    formats: ['text', 'text', 'text', 'date', 'text', 'text', 'number'],
  };
  const list: SummaryTable = {
    sheetName: '主题活动-名单',
    title: '杨浦区职工主题活动申报表（名单汇总）',
    formId: 'yangpu-theme-activity',
    header: ['单位', '序号', '活动名称', '活动形式', '时间安排', '主要内容', '参加人数', '来源文件', '工作表', '问题数'],
    rows: [
      ['殷行街道总工会', 1, '劳模进社区', '宣讲', '6月', '劳模进社区的主要内容，'.repeat(6), 120, '殷行街道.xlsx', '主题活动', 0],
      ['殷行街道总工会', 2, '技能比武', '比赛', day('2018-06-20'), '技能比武的主要内容', 80, '殷行街道.xlsx', '主题活动', 0],
      ['五角场街道总工会', 1, '+职工讲堂', '讲座', '6月', '@讲堂', '二十', '五角场.xlsx', '主题活动', 1],
    ],
    totals: ['合计（3）', null, null, null, null, null, '200（另有1格不是数字，未计入，见合并报告）', null, null, 1],
    formats: ['text', 'number', 'text', 'text', 'text', 'text', 'number', 'text', 'text', 'number'],
  };
  const report: SummaryTable = {
    sheetName: '合并报告',
    title: '合并报告',
    formId: null,
    header: ['文件', '结果', '说明', '工作表', '表格', '单位', '识别方式', '记录数', '问题数'],
    rows: [
      ['殷行街道.xlsx', '已合并', '', '主题活动', 'yangpu-theme-activity', '殷行街道总工会', '标记', 1, 0],
      ['五角场.xlsx', '已合并（有问题）', '', '主题活动', 'yangpu-theme-activity', '五角场街道总工会', '标记', 1, 1],
    ],
    totals: undefined,
    formats: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'number', 'number'],
  };
  // a statistics table: two-level headers (an item's words over its short columns), wide enough for several pages
  const items = Array.from({ length: 30 }, (_, i) => `是否开展第${i + 1}项职工科技创新活动（含讲座、展览和技能比赛）`);
  const stats: SummaryTable = {
    sheetName: '活动情况统计汇总',
    title: '职工科技节活动情况统计表（汇总）',
    formId: 'festival-stats',
    header: ['单位', ...items.flatMap(() => ['是', '数量']), '填表日期', '来源文件'],
    headerGroups: [{ title: '', span: 1 }, ...items.map((title) => ({ title, span: 2 }))],
    rows: ['殷行街道总工会', '五角场街道总工会'].map((unit, u) => [
      unit,
      ...items.flatMap((_, i) => [(i + u) % 2 ? '是' : '否', i * u]),
      day('2017-05-20'),
      `${unit}.xlsx`,
    ]),
    totals: ['合计（2）', ...items.flatMap(() => ['“是”1个', 0]), null, null],
    formats: ['text', ...items.flatMap(() => ['text', 'number'] as const), 'date', 'text'],
  };
  return [units, list, report, stats];
}

/** A table with two charts over it: a bar chart of two series and a column chart of one. */
export function chartedSummary(): SummaryTable {
  return {
    sheetName: '各区统计',
    title: '各区参加人数统计',
    formId: null,
    header: ['单位', '参加人数', '活动数'],
    rows: ['黄浦区', '徐汇区', '长宁区', '静安区'].map((u, i) => [u, 40 + i * 25, 3 + i]),
    totals: ['合计', 310, 18],
    formats: ['text', 'number', 'number'],
    charts: [
      { title: '参加人数与活动数', kind: 'bar', category: '单位', series: ['参加人数', '活动数'] },
      { title: '活动数', kind: 'column', category: '单位', series: ['活动数'] },
    ],
  };
}
