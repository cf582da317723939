import type { CellValue } from '../../src/core/cell-value';
import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { summaryTables } from '../../src/core/merge/summaries';
import { CATALOGUE } from '../../src/notices';
import { filledGrid } from '../support/filled-form';

/**
 * The derived sheets a form's definition asks for (issue 14 §3): totals per unit with a chart of them, and a
 * statistics form's items as rows, as the city office reads the 统计表.
 */
const TODAY = '2026-11-29';

function theme(unit: string, activities: [string, CellValue][]): Record<string, CellValue> {
  const values: Record<string, CellValue> = { unit, contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10' };
  activities.forEach(([name, people], i) =>
    Object.assign(values, {
      [`activities[${i}].seq`]: i + 1,
      [`activities[${i}].name`]: name,
      [`activities[${i}].form`]: '宣讲',
      [`activities[${i}].schedule`]: '6月',
      [`activities[${i}].content`]: '读书分享',
      [`activities[${i}].participants`]: people,
    }),
  );
  return values;
}

const returnOf = (file: string, form: string, values: Record<string, CellValue>): ReturnFile => ({
  file,
  modified: 1,
  sheets: [{ name: 'Sheet1', grid: filledGrid(form, values), nameValues: [] }],
});

it('adds up each unit’s list rows and charts the first sum, leaving out what is not a number', () => {
  const result = mergeReturns(
    [
      returnOf(
        'a.xlsx',
        'yangpu-theme-activity',
        theme('殷行街道总工会', [
          ['读书会', 40],
          ['宣讲会', '约60'],
        ]),
      ),
      returnOf('b.xlsx', 'yangpu-theme-activity', theme('大桥街道总工会', [['技能赛', 25]])),
    ],
    { today: TODAY, catalogue: CATALOGUE },
  );
  const table = summaryTables(result, CATALOGUE).find((t) => t.sheetName === '主题活动按单位合计');
  expect(table?.header).toEqual(['单位', '活动数', '参与人数合计']);
  expect(table?.rows).toEqual([
    ['殷行街道总工会', 2, 40],
    ['大桥街道总工会', 1, 25],
  ]);
  expect(table?.totals).toEqual(['合计（2）', 3, 65]);
  expect(table?.derived).toBe(true);
  expect(table?.charts).toEqual([{ title: '各单位主题活动参与人数', kind: 'bar', category: '单位', series: ['参与人数合计'] }]);
});

it('reads the 统计表 by item: units that answered 是 and each count summed, in the form’s order', () => {
  const stats = (unit: string, plan: CellValue, planCount: CellValue, contest: [CellValue, CellValue]) => ({
    unit,
    plan,
    planCount,
    contest: '是',
    contestTrades: contest[0],
    contestWorkers: contest[1],
  });
  const result = mergeReturns(
    [
      returnOf('a.xlsx', 'festival-stats', stats('黄浦区总工会', '是', 2, [3, 100])),
      returnOf('b.xlsx', 'festival-stats', stats('徐汇区总工会', '否', null, [2, 50])),
    ],
    { today: TODAY, catalogue: CATALOGUE },
  );
  const table = summaryTables(result, CATALOGUE).find((t) => t.sheetName === '活动情况统计（按项目）');
  expect(table?.header).toEqual(['序号', '内容', '填“是”的单位数', '数量合计', '数量指']);
  const rowsAbout = (words: string) => table!.rows.filter((r) => String(r[1]).includes(words));
  expect(rowsAbout('制定开展第七届上海职工科技节活动的计划')).toEqual([[1, '是否制定开展第七届上海职工科技节活动的计划', 1, 2, '数量']]);
  expect(rowsAbout('职工技能比赛').map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
    [13, 2, 5, '工种数'],
    [null, null, 150, '参加的职工数'],
  ]);
  expect(table?.charts?.[0]).toMatchObject({ kind: 'bar', category: '内容', series: ['填“是”的单位数'] });
});
