/**
 * 合并本工作簿中的表 in WPS: the open workbook's sheets read through ET (one Value2 read a sheet) into the same
 * return the Office host gives, so that the merge takes the same records as from a file.
 */
import type { CellValue } from '../../src/core/cell-value';
import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { summaryTables } from '../../src/core/merge/summaries';
import { CATALOGUE } from '../../src/notices';
import { cvErrCode } from '../../src/hosts/wps/et-values';
import { readWorkbookReturns } from '../../src/hosts/wps/read-workbook-forms';
import { writeSummarySheets } from '../../src/hosts/wps/write-summaries';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';
import { filledGrid, goodApplication, TODAY } from '../support/filled-form';
import { trimmed } from '../support/trimmed-grid';

/** The clerk's cells put straight into the fake's workbook (not through the adapter under test). */
function put(sheet: EtSheetState, grid: readonly (readonly CellValue[])[], top = 0, left = 0): void {
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      sheet.cells.set(cellKey(top + r, left + c), { ...emptyCell(), value: value as string | number | boolean });
    }),
  );
}

function workbookWithForms(behaviours: Partial<EtBehaviours>, extraSheets = 0) {
  const values = goodApplication();
  const other = { ...values, unit: '上海另一家机械有限公司', studioName: '李四职工创新工作室' };
  const names = ['说明', '申请表', '手工录入', ...Array.from({ length: extraSheets }, (_, i) => `空白${i}`)];
  const et = new FakeEt({ behaviours, sheets: names });
  et.workbook.name = '闵行区汇总.xlsx';
  put(et.sheet('说明') as EtSheetState, [['这里不是表格']]);
  put(et.sheet('申请表') as EtSheetState, filledGrid('studio-application', values));
  // a form retyped by hand: labels and values, no marker
  const retyped = filledGrid('studio-application', other).map((row) =>
    row.map((v) => (typeof v === 'string' && v.startsWith('UNIONFORMS|') ? null : v)),
  );
  put(et.sheet('手工录入') as EtSheetState, retyped);
  for (let i = 0; i < extraSheets; i++) put(et.sheet(`空白${i}`) as EtSheetState, [[i]], i, i);
  return { et, values, retyped };
}

describe.each([
  ['worst case', WORST_CASE],
  ['kind case', KIND_CASE],
])('合并本工作簿中的表 through WPS (fake ET, %s)', (_label, behaviours) => {
  it('gives the same sheets as a file reader would, so the merge takes the same records', () => {
    const { et, values, retyped } = workbookWithForms(behaviours);
    const file = readWorkbookReturns(et.app, { modified: 1 });
    expect(file).toMatchObject({ file: '闵行区汇总.xlsx', modified: 1, notes: [] });
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['说明', false],
      ['申请表', false],
      ['手工录入', false],
    ]);
    expect(trimmed(file.sheets[1]?.grid ?? [])).toEqual(trimmed(filledGrid('studio-application', values)));
    expect(trimmed(file.sheets[2]?.grid ?? [])).toEqual(trimmed(retyped));

    const fromFiles: ReturnFile = {
      file: file.file,
      modified: 1,
      sheets: [
        { name: '说明', grid: [['这里不是表格']], nameValues: [] },
        { name: '申请表', grid: filledGrid('studio-application', values), nameValues: [] },
        { name: '手工录入', grid: retyped, nameValues: [] },
      ],
    };
    const viaWps = mergeReturns([file], { catalogue: CATALOGUE, today: TODAY });
    const viaFile = mergeReturns([fromFiles], { catalogue: CATALOGUE, today: TODAY });
    expect(summaryTables(viaWps, CATALOGUE)).toEqual(summaryTables(viaFile, CATALOGUE));
    expect(viaWps.inputs[0]?.sheets.map((s) => [s.sheet, s.form, s.method, s.unit])).toEqual([
      ['说明', null, null, ''],
      ['申请表', 'studio-application', 'marker', '上海某某机械有限公司'],
      ['手工录入', 'studio-application', 'labels', '上海另一家机械有限公司'],
    ]);
  });

  it('reads each sheet in the same few calls whatever its size or the number of sheets', () => {
    const small = workbookWithForms(behaviours);
    const before = small.et.calls;
    readWorkbookReturns(small.et.app);
    const calls = small.et.calls - before;
    const more = workbookWithForms(behaviours, 30);
    const start = more.et.calls;
    readWorkbookReturns(more.et.app);
    const perSheet = (more.et.calls - start - calls) / 30;
    // the sheets' names, the workbook's names, then a fixed number a sheet: no call per cell or per row
    expect(Number.isInteger(perSheet)).toBe(true);
    expect(perSheet).toBeLessThanOrEqual(15);
    const big = workbookWithForms(behaviours);
    put(
      big.et.sheet('说明') as EtSheetState,
      Array.from({ length: 2_000 }, (_, i) => [`第${i}行`, i]),
      5,
    );
    const bigStart = big.et.calls;
    readWorkbookReturns(big.et.app);
    expect(big.et.calls - bigStart).toBe(calls);
  });

  it('flags hidden and very hidden sheets, reads error values as their texts and a one-row sheet whole', () => {
    const et = new FakeEt({ behaviours, sheets: ['今年', '去年', '定义', '一行'] });
    put(et.sheet('今年') as EtSheetState, [['今年的表', cvErrCode('#DIV/0!') as number]]);
    (et.sheet('去年') as EtSheetState).visible = 0;
    put(et.sheet('去年') as EtSheetState, [['去年的表']]);
    (et.sheet('定义') as EtSheetState).visible = 2;
    put(et.sheet('定义') as EtSheetState, [['定义']]);
    put(et.sheet('一行') as EtSheetState, [['单位', '人数', 3]], 2, 1);
    const file = readWorkbookReturns(et.app, { modified: 1 });
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['今年', false],
      ['去年', true],
      ['定义', true],
      ['一行', false],
    ]);
    expect(trimmed(file.sheets[0]?.grid ?? [])).toEqual([['今年的表', '#DIV/0!']]);
    expect(trimmed(file.sheets[3]?.grid ?? [])).toEqual([[], [], [null, '单位', '人数', 3]]);
  });

  it('leaves out the summaries the add-in wrote, and an unnamed workbook is 本工作簿', () => {
    const { et } = workbookWithForms(behaviours);
    const first = readWorkbookReturns(et.app);
    const merged = mergeReturns([first], { catalogue: CATALOGUE, today: TODAY });
    writeSummarySheets(et.app, summaryTables(merged, CATALOGUE));
    expect(et.workbook.sheets.length).toBeGreaterThan(3);
    et.workbook.name = '';
    const again = readWorkbookReturns(et.app);
    expect(again.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    expect(again.file).toBe('本工作簿');
  });

  it('a refused read is one Chinese sentence, with no text of the host’s', () => {
    const { et } = workbookWithForms(behaviours);
    et.failOn('Range.Value2', 2);
    expect(() => readWorkbookReturns(et.app)).toThrow(/^无法读取本工作簿中的表：WPS 表格没有完成“读取工作表“申请表””这一步。/);
    expect(() => readWorkbookReturns(et.app)).not.toThrow();
  });
});
