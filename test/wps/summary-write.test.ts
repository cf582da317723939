/**
 * Writing summaries in WPS: earlier summaries replaced only when the clerk agreed and only while their marker still
 * names them; a failure half-way undone (WPS has no batch to roll back); the calls a write takes.
 */
import type { SummaryTable } from '../../src/core/merge/summaries';
import { findPreviousSummaries } from '../../src/hosts/wps/summary-sheets';
import { writeSummarySheets } from '../../src/hosts/wps/write-summaries';
import { KIND_CASE, WORST_CASE } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';

function units(version: string): SummaryTable {
  return {
    sheetName: '主题活动-单位',
    title: `主题活动申报表（汇总）${version}`,
    formId: 'yangpu-theme-activity',
    header: ['单位', '联系人', '问题数'],
    rows: [
      ['殷行街道总工会', '张琳', 0],
      ['五角场街道总工会', '李强', 1],
    ],
    totals: ['合计（2）', null, 1],
    formats: ['text', 'text', 'number'],
  };
}

function report(version: string): SummaryTable {
  return {
    sheetName: '合并报告',
    title: `合并报告${version}`,
    formId: null,
    header: ['文件', '结果'],
    rows: [['殷行街道.xlsx', '已合并']],
    totals: undefined,
    formats: ['text', 'text'],
  };
}

function workbook(): FakeEt {
  const et = new FakeEt({ sheets: ['我的数据'] });
  (et.sheet('我的数据') as EtSheetState).cells.set(cellKey(0, 0), { ...emptyCell(), value: '她自己的表' });
  return et;
}

const titleOf = (et: FakeEt, name: string) => et.sheet(name)?.cells.get(cellKey(0, 0))?.value;
const names = (et: FakeEt) => et.workbook.sheets.map((s) => s.name);

describe('earlier summaries in WPS', () => {
  it('are replaced only with the clerk’s yes, and only those whose marker still names them', () => {
    const et = workbook();
    writeSummarySheets(et.app, [units('一'), report('一')]);
    expect(names(et)).toEqual(['我的数据', '主题活动-单位', '合并报告']);
    // the clerk renames the report (it is hers now) and keeps a copy of the units summary under another name
    (et.sheet('合并报告') as EtSheetState).name = '三月的报告';
    const original = et.sheet('主题活动-单位') as EtSheetState;
    const copy = { ...original, name: '主题活动-单位 (2)', cells: new Map([...original.cells].map(([k, c]) => [k, { ...c }])) };
    et.workbook.sheets.push(copy);
    // and makes a sheet of her own named like a summary, without a marker
    et.workbook.sheets.push({
      ...copy,
      name: '合并报告',
      cells: new Map([[cellKey(0, 0), { ...emptyCell(), value: '我自己的合并报告' }]]),
    });
    expect(findPreviousSummaries(et.app)).toEqual([{ name: '主题活动-单位', formId: 'yangpu-theme-activity' }]);

    // without the clerk's yes, new names beside the old sheets
    writeSummarySheets(et.app, [units('二'), report('二')]);
    expect(names(et)).toEqual([
      '我的数据',
      '主题活动-单位',
      '三月的报告',
      '主题活动-单位 (2)',
      '合并报告',
      '主题活动-单位 (3)',
      '合并报告 (2)',
    ]);
    expect(titleOf(et, '主题活动-单位')).toBe('主题活动申报表（汇总）一');

    // with it, only the summary still under its own name is replaced, in its place by name
    const result = writeSummarySheets(et.app, [units('三'), report('三')], { replace: true });
    expect(result.replaced).toEqual(['主题活动-单位', '主题活动-单位 (3)', '合并报告 (2)']);
    expect(result.sheets.map((s) => s.name)).toEqual(['主题活动-单位', '合并报告 (2)']);
    expect(titleOf(et, '主题活动-单位')).toBe('主题活动申报表（汇总）三');
    expect(titleOf(et, '三月的报告')).toBe('合并报告一');
    expect(titleOf(et, '主题活动-单位 (2)')).toBe('主题活动申报表（汇总）一');
    expect(titleOf(et, '合并报告')).toBe('我自己的合并报告');
    expect(titleOf(et, '我的数据')).toBe('她自己的表');
    expect(et.workbook.activeSheet?.name).toBe('主题活动-单位');
    expect(et.prompts).toEqual([]);
  });
});

describe('a write WPS refuses half-way', () => {
  it('is undone: the new sheets deleted, the sheet shown before shown again, the settings put back', () => {
    const et = workbook();
    const before = names(et);
    et.failOn('Range.Merge()', 2);
    expect(() => writeSummarySheets(et.app, [units('一'), report('一')])).toThrow(
      /^写入汇总表失败，已撤销，工作簿和写入前一样：WPS 表格没有完成“合并单元格”这一步。/,
    );
    expect(names(et)).toEqual(before);
    expect(titleOf(et, '我的数据')).toBe('她自己的表');
    expect(et.workbook.activeSheet?.name).toBe('我的数据');
    expect([et.displayAlerts, et.screenUpdating, et.prompts]).toEqual([true, true, []]);
  });

  it('gives the earlier summaries their names back when the renaming at the end is refused', () => {
    const et = workbook();
    writeSummarySheets(et.app, [units('一')]);
    const renames = () => [...et.counter.byMember].find(([m]) => m === 'Worksheet.Name=')?.[1] ?? 0;
    const done = renames();
    // the new sheet's own name, the earlier summary parked, then the new one to its final name: refused
    et.failOn('Worksheet.Name=', 3);
    expect(() => writeSummarySheets(et.app, [units('二')], { replace: true })).toThrow(/^写入汇总表失败，已撤销/);
    expect(names(et)).toEqual(['我的数据', '主题活动-单位']);
    expect(titleOf(et, '主题活动-单位')).toBe('主题活动申报表（汇总）一');
    expect(renames()).toBeGreaterThan(done);
  });

  it('is finished when every new sheet was complete: an earlier summary whose deletion was refused is deleted again', () => {
    const et = workbook();
    writeSummarySheets(et.app, [units('一')]);
    et.failOn('Worksheet.Delete()');
    const result = writeSummarySheets(et.app, [units('二')], { replace: true });
    expect(result.sheets.map((s) => s.name)).toEqual(['主题活动-单位']);
    expect(names(et)).toEqual(['我的数据', '主题活动-单位']);
    expect(titleOf(et, '主题活动-单位')).toBe('主题活动申报表（汇总）二');
  });

  it('where the host refuses PageSetup, the summaries are written without print settings and the pane is told which', () => {
    const et = new FakeEt({ behaviours: { pageSetup: 'refused' }, sheets: ['我的数据'] });
    const result = writeSummarySheets(et.app, [units('一'), report('一')]);
    expect(result.withoutPrintSettings).toEqual(['主题活动-单位', '合并报告']);
    expect(names(et)).toEqual(['我的数据', '主题活动-单位', '合并报告']);
    expect(titleOf(et, '合并报告')).toBe('合并报告一');
    expect(et.sheet('合并报告')?.cells.get(cellKey(0, 2))?.value).toBe('UNIONFORMS-SUMMARY|-|合并报告');
  });

  it('without an open workbook, says so before writing anything', () => {
    const et = workbook();
    const app = new Proxy(et.app, { get: (t, p) => (p === 'ActiveWorkbook' ? null : Reflect.get(t, p)) });
    expect(() => writeSummarySheets(app, [units('一')])).toThrow(/^没有打开的工作簿/);
  });
});

describe.each([
  ['worst case', WORST_CASE],
  ['kind case', KIND_CASE],
])('calls of a summary write (fake ET, %s)', (_label, behaviours) => {
  it('are the same for 20 rows and for 2,000 but for the Value2 writes of rows, and reported per block', () => {
    const rowsOf = (n: number): SummaryTable => ({
      ...units(''),
      rows: Array.from({ length: n }, (_, i) => [`单位${i}`, `联系人${i}`, i % 4]),
      totals: ['合计', null, n],
    });
    const count = (n: number, cellsPerWrite?: number) => {
      const et = new FakeEt({ behaviours, sheets: ['我的数据'] });
      const progress: number[] = [];
      const before = et.calls;
      const result = writeSummarySheets(et.app, [rowsOf(n)], { cellsPerWrite, onProgress: (done) => progress.push(done) });
      const valueWrites = et.counter.byMember.get('Range.Value2=') ?? 0;
      return { calls: et.calls - before, rowWrites: result.rowWrites, valueWrites, progress };
    };
    const small = count(20);
    const large = count(2_000);
    expect([small.rowWrites, large.rowWrites]).toEqual([1, 1]);
    expect(large.calls).toBe(small.calls);
    // a sheet of three columns: the workbook read, the sheet added, formats by range, print settings: ~120 calls
    expect(small.calls).toBeLessThanOrEqual(150);
    // title, header, rows, marker: four Value2 writes a sheet
    expect(small.valueWrites).toBe(4);
    const blocks = count(2_000, 3_000);
    expect(blocks.rowWrites).toBe(Math.ceil(2_001 / 1_000));
    expect(blocks.calls - large.calls).toBe(2 * (blocks.rowWrites - 1));
    expect(blocks.progress).toEqual([1_000, 2_000, 2_001]);
  });
});
