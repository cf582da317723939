/**
 * Issue 19 §1/§5: 合并本工作簿中的表 tells the merge which of the open workbook's sheets are hidden or very hidden
 * (Worksheet.visibility, ExcelApi 1.1), read with the sheets' names: still two syncs in all.
 */
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { readWorkbookReturns } from '../../src/hosts/office/read-workbook-forms';
import { hostFor } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

forEachPlatform((platform) => {
  it('marks hidden and very hidden sheets, in the same two syncs', async () => {
    const host = hostFor(platform);
    const states = { 今年: 'Visible', 去年: 'Hidden', 定义: 'VeryHidden' } as const;
    for (const [name, visibility] of Object.entries(states)) {
      const sheet = host.state.addSheet(name);
      sheet.visibility = visibility;
      host.state.cell(sheet, 0, 0).value = `${name}的表`;
    }
    const before = host.syncCount;
    const file = await readWorkbookReturns(<T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch), { modified: 1 });
    expect(host.syncCount - before).toBe(2);
    if (!('sheets' in file)) throw new Error('unreadable');
    expect(file.sheets.filter((s) => s.name in states).map((s) => [s.name, s.hidden])).toEqual([
      ['今年', false],
      ['去年', true],
      ['定义', true],
    ]);
  });
});
