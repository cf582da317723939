import type { SummaryTable } from '../../src/core/merge/summaries';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { writeSummarySheets } from '../../src/hosts/office/write-summaries';
import { chartsOf } from '../fake-excel/charts';
import { FakeExcelHost } from '../fake-excel/host';

function table(withCharts: boolean): SummaryTable {
  const rows = ['黄浦区', '徐汇区', '长宁区', '静安区'].map((u, i) => [u, 40 + i * 25, 3 + i]);
  return {
    sheetName: '各区统计',
    title: '各区参加人数统计',
    formId: null,
    header: ['单位', '参加人数', '活动数'],
    rows,
    totals: ['合计', 310, 18],
    formats: ['text', 'number', 'number'],
    derived: true,
    ...(withCharts
      ? {
          charts: [
            { title: '参加人数与活动数', kind: 'bar' as const, category: '单位', series: ['参加人数', '活动数'] },
            { title: '活动数', kind: 'column' as const, category: '单位', series: ['活动数'] },
          ],
        }
      : {}),
  };
}

async function write(withCharts: boolean, chartAxisPosition = false) {
  const host = new FakeExcelHost();
  host.state.activeSheetId = host.state.addSheet('我的数据').id;
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  const before = host.syncCount;
  const result = await writeSummarySheets(run, [table(withCharts)], { support: { pageLayout: false, chartAxisPosition } });
  return { host, result, syncs: host.syncCount - before };
}

describe('summary charts through Office.js', () => {
  it('adds each chart over the data rows (not the totals), named, with its categories, placed beside the table', async () => {
    const { host } = await write(true);
    const charts = chartsOf(host.state.sheet('各区统计')!);
    // row 1 title, row 2 header, rows 3–6 data, row 7 totals
    expect(charts).toEqual([
      {
        type: 'BarClustered',
        source: 'B3:B6',
        seriesBy: 'Columns',
        title: '参加人数与活动数',
        legendVisible: true,
        legendPosition: 'Bottom',
        position: { start: 'E2', end: expect.stringMatching(/^L\d+$/) },
        series: [
          { name: '参加人数', values: 'B3:B6', xValues: 'A3:A6' },
          { name: '活动数', values: 'C3:C6', xValues: 'A3:A6' },
        ],
        // the bars in the table's order, first at the top; where the value axis crosses needs ExcelApi 1.8
        categoryAxis: { reversePlotOrder: true, position: undefined },
      },
      expect.objectContaining({
        type: 'ColumnClustered',
        source: 'C3:C6',
        title: '活动数',
        legendVisible: false,
        series: [{ name: '活动数', values: 'C3:C6', xValues: 'A3:A6' }],
      }),
    ]);
    const [first, second] = charts;
    const rowOf = (a: string) => Number(/\d+$/.exec(a)![0]);
    expect(rowOf(second!.position!.start)).toBe(rowOf(first!.position!.end!) + 2);
  });

  it('keeps the value axis of the reversed bars at the bottom where ExcelApi 1.8 is there; column charts are left as they are', async () => {
    const { host } = await write(true, true);
    const charts = chartsOf(host.state.sheet('各区统计')!);
    expect(charts.map((c) => [c.type, c.categoryAxis])).toEqual([
      ['BarClustered', { reversePlotOrder: true, position: 'Maximum' }],
      ['ColumnClustered', { reversePlotOrder: undefined, position: undefined }],
    ]);
  });

  it('takes no extra sync: the same read and one request of rows as without charts', async () => {
    const plain = await write(false);
    const charted = await write(true);
    expect(chartsOf(plain.host.state.sheet('各区统计')!)).toEqual([]);
    expect(charted.syncs).toBe(2);
    expect(charted.syncs).toBe(plain.syncs);
    expect(charted.result.chunks).toBe(1);
  });
});
