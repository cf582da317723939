import { planChart, sheetReference, type ChartLayout, type SummaryChart } from '../../src/core/merge/chart-spec';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { planSummary } from '../../src/core/merge/summary-plan';

function table(rows: number, extraColumns = 0): SummaryTable {
  const extra = Array.from({ length: extraColumns }, (_, k) => `说明${k}`);
  return {
    sheetName: '统计',
    title: '各单位统计',
    formId: null,
    header: ['序号', '单位', '参加人数', ...extra, '活动数'],
    rows: Array.from({ length: rows }, (_, i) => [
      i + 1,
      `单位${i}`,
      i * 10,
      ...extra.map(() => '很长的一段说明文字很长的一段说明文字'),
      i === 2 ? '约3' : i,
    ]),
    totals: ['合计', null, 999, ...extra.map(() => null), 999],
    formats: ['number', 'text', 'number', ...extra.map(() => 'text' as const), 'number'],
    derived: true,
  };
}

const CHART: SummaryChart = { title: '参加人数', kind: 'bar', category: '单位', series: ['参加人数', '活动数'] };

describe('planChart', () => {
  it('charts the data rows of the named columns, never the totals row, beside a narrow table', () => {
    const t = { ...table(5), charts: [CHART] };
    const plan = planSummary(t);
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts[0]!;
    // row 0 title, row 1 header, rows 2–6 data, row 7 totals
    expect(chart.categories).toEqual({ top: 2, left: 1, bottom: 6, right: 1 });
    expect(chart.series.map((s) => [s.name, s.nameCell, s.values])).toEqual([
      ['参加人数', { top: 1, left: 2, bottom: 1, right: 2 }, { top: 2, left: 2, bottom: 6, right: 2 }],
      ['活动数', { top: 1, left: 3, bottom: 1, right: 3 }, { top: 2, left: 3, bottom: 6, right: 3 }],
    ]);
    expect(chart.categoryTexts).toEqual(['单位0', '单位1', '单位2', '单位3', '单位4']);
    expect(chart.series[1]!.numbers).toEqual([0, 1, null, 3, 4]);
    expect(chart.legend).toBe(true);
    // to the right of the 4 columns, one column apart, from the header row down
    expect(chart.anchor.left).toBe(5);
    expect(chart.anchor.top).toBe(1);
    expect(chart.anchor.bottom - chart.anchor.top + 1).toBeGreaterThanOrEqual(16);
  });

  it('puts the charts of a wide table below it, after the totals row, one under the other', () => {
    const t = { ...table(5, 3), charts: [CHART, { ...CHART, title: '第二张', kind: 'column' as const, series: ['活动数'] }] };
    const plan = planSummary(t);
    const [first, second] = plan.charts;
    expect(first!.anchor.left).toBe(0);
    expect(first!.anchor.top).toBe(9); // totals on row 7, one empty row
    expect(second!.anchor.top).toBe(first!.anchor.bottom + 2);
    expect(second!.legend).toBe(false);
  });

  it('counts a chart beside the table in the printed width', () => {
    const t = table(5);
    expect(planSummary(t).print.orientation).toBe('portrait');
    expect(planSummary({ ...t, charts: [CHART] }).print.orientation).toBe('landscape');
  });

  it('draws nothing for a table without data rows, and refuses a column the table does not have', () => {
    const layout: ChartLayout = { columns: 4, columnWidths: [8, 8, 8, 8], headerRow: 1, bodyTop: 2, dataRows: 0, bodyRows: 1 };
    expect(planChart(table(0), CHART, layout)).toBeUndefined();
    expect(() => planChart(table(3), { ...CHART, series: ['不存在'] }, { ...layout, dataRows: 3, bodyRows: 4 })).toThrow(/不存在/);
  });

  it('spells a reference with the sheet name quoted, apostrophes doubled', () => {
    expect(sheetReference("O'Brien 表", { top: 2, left: 0, bottom: 11, right: 0 })).toBe("'O''Brien 表'!$A$3:$A$12");
    expect(sheetReference('统计', { top: 1, left: 27, bottom: 1, right: 27 })).toBe("'统计'!$AB$2");
  });
});
