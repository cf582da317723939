/** The clerk's workbook the merge fault tests start from, set up once and forked for every run. */
import { planSheet } from '../../src/core/layout';
import { mergeReturns } from '../../src/core/merge/merge-returns';
import { reportTable, summaryTables, type SummaryTable } from '../../src/core/merge/summaries';
import { CATALOGUE, getForm } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { readWorkbookReturns } from '../../src/hosts/office/read-workbook-forms';
import { saveRoster } from '../../src/hosts/office/roster-store';
import { writeSummarySheets, type WriteSummaryOptions } from '../../src/hosts/office/write-summaries';
import { FakeExcelHost } from '../fake-excel/host';
import { goodApplication, TODAY } from '../support/filled-form';
import { runOn } from './faults';

/** The two filled-in forms' sheets. */
export const FORMS = ['工作室申请表', '工作室申请表 (2)'];

/** A sheet of the clerk's own (shown, with a fill), notes, and two filled-in 申请表 of two units. */
export async function clerksWorkbook(): Promise<FakeExcelHost> {
  const host = new FakeExcelHost();
  host.state.workbookName = '闵行区汇总.xlsx';
  const mine = host.state.addSheet('我的数据');
  host.state.cell(mine, 0, 0).value = '张三';
  host.state.cell(mine, 3, 1).value = 42;
  host.state.cell(mine, 3, 1).fill = '#FFFF00';
  const notes = host.state.addSheet('备注');
  host.state.cell(notes, 0, 0).value = '这里不是表格';
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const plan = planSheet(getForm('studio-application'));
  for (const [i, unit] of ['上海某某机械有限公司', '上海另一家机械有限公司'].entries()) {
    const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
    const sheet = host.state.sheet(inserted.sheetName)!;
    const values = { ...goodApplication(), unit, studioName: `第${i + 1}职工创新工作室` };
    for (const [key, value] of Object.entries(values)) {
      const slot = plan.slots.find((s) => s.key === key)!;
      host.state.cell(sheet, slot.row, slot.col).value = value as string | number;
    }
  }
  host.state.activeSheetId = mine.id;
  return host;
}

/**
 * Small requests, so that the writing takes several syncs, each of which can fail (about ten: the writer counts each
 * call and object as Microsoft does since issue 22, twice what it allowed an operation before).
 */
export const WRITE: WriteSummaryOptions = { maxRequestBytes: 24_000, retryMs: 1 };

export interface Templates {
  /** The clerk's workbook. */
  base: FakeExcelHost;
  /** The same after a first merge (summaries to replace), the clerk's sheet shown again. */
  merged: FakeExcelHost;
  /** The same with a roster saved. */
  rostered: FakeExcelHost;
  /** What the pane writes after reading `base`: the summaries and 合并报告. */
  tables: SummaryTable[];
}

export async function templates(): Promise<Templates> {
  const base = await clerksWorkbook();
  const file = await readWorkbookReturns(runOn(base.fork()), { modified: 1 });
  const result = mergeReturns([file], { catalogue: CATALOGUE, today: TODAY });
  const tables = [...summaryTables(result, CATALOGUE), reportTable(result, CATALOGUE)];
  const merged = base.fork();
  await writeSummarySheets(runOn(merged), tables, WRITE);
  merged.state.activeSheetId = merged.state.sheet('我的数据')!.id;
  const rostered = base.fork();
  await saveRoster(runOn(rostered), ['旧名单单位']);
  return { base, merged, rostered, tables };
}
