import { MergeClient } from '../../src/taskpane/merge/merge-client';
import { officeMergeHost } from '../../src/taskpane/office-merge-host';
import { FakeExcelHost } from '../fake-excel/host';
import { filledFile } from '../support/filled-file';
import { InProcessWorker, pickedFile } from '../support/in-process-worker';
import { volunteerReturn } from '../support/volunteer-return';

/**
 * The pane's 生成汇总表 sets the summaries up for print (issue 14 §3) where Excel has page layout (ExcelApi 1.9), and
 * writes them without print settings, but without failing, where it has not.
 */
const TODAY = '2026-11-29';

async function writeWith(apiVersion: string) {
  const excel = new FakeExcelHost({ apiVersion });
  excel.state.addSheet('Sheet1');
  const merge = officeMergeHost(
    (batch) => excel.run(batch),
    new MergeClient(() => new InProcessWorker()),
    () => TODAY,
    (set, version) => set === 'ExcelApi' && Number(version.split('.')[1]) <= Number(apiVersion.split('.')[1]),
  );
  const data = await filledFile('yangpu-volunteer-team', volunteerReturn('殷行街道总工会', '殷行志愿队'));
  const preview = await merge.readFiles([pickedFile('殷行.xlsx', data)], [], () => undefined, new AbortController().signal);
  await merge.write(preview, false, () => undefined);
  const summary = excel.state.sheets.find((s) => s.name === '志愿者服务队汇总');
  if (!summary) throw new Error(`no summary sheet among ${excel.state.sheets.map((s) => s.name).join(', ')}`);
  return summary.pageLayout;
}

it('sets A4, orientation and repeated header rows at ExcelApi 1.9', async () => {
  const layout = await writeWith('1.9');
  expect(layout.paperSize).toBe('A4');
  expect(['Landscape', 'Portrait']).toContain(layout.orientation);
  expect(layout.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
});

it('writes the summaries without print settings at ExcelApi 1.8', async () => {
  const layout = await writeWith('1.8');
  expect(layout.paperSize).toBeUndefined();
  expect(layout.printTitleRows).toBeUndefined();
});
