import { planSheet } from '../../src/core/layout';
import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { summaryTables } from '../../src/core/merge/summaries';
import { CATALOGUE, getForm } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { readWorkbookReturns } from '../../src/hosts/office/read-workbook-forms';
import { writeSummarySheets } from '../../src/hosts/office/write-summaries';
import type { FakeHostOptions } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { filledGrid, goodApplication, TODAY } from '../support/filled-form';
import { trimmed } from '../support/trimmed-grid';
import { forEachPlatform } from './for-each-platform';

async function workbookWithForms(platform: PlatformProfile, options: FakeHostOptions = {}, extraSheets = 0) {
  const host = hostFor(platform, options);
  host.state.workbookName = '闵行区汇总.xlsx';
  const notes = host.state.addSheet('说明');
  host.state.cell(notes, 0, 0).value = '这里不是表格';
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  const plan = planSheet(getForm('studio-application'));
  const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  const sheet = host.state.sheet(inserted.sheetName)!;
  const values = goodApplication();
  for (const [key, value] of Object.entries(values)) {
    const slot = plan.slots.find((s) => s.key === key)!;
    host.state.cell(sheet, slot.row, slot.col).value = value as string | number;
  }
  // A form retyped by hand: labels and values, no marker.
  const retyped = host.state.addSheet('手工录入');
  const other = { ...values, unit: '上海另一家机械有限公司', studioName: '李四职工创新工作室' };
  filledGrid('studio-application', other).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.startsWith('UNIONFORMS|')))
        host.state.cell(retyped, r, c).value = v as string;
    }),
  );
  for (let i = 0; i < extraSheets; i++) host.state.cell(host.state.addSheet(`空白${i}`), i, i).value = i;
  return { host, run, values, other, sheetName: inserted.sheetName };
}

forEachPlatform((platform) => {
  describe('合并本工作簿中的表: reading the open workbook’s forms', () => {
    it('reads every sheet in two syncs, whatever their number, named after the workbook', async () => {
      for (const extra of [0, 30]) {
        const { host, run } = await workbookWithForms(platform, {}, extra);
        const before = host.syncCount;
        const file = await readWorkbookReturns(run, { modified: 5 });
        expect(host.syncCount - before).toBe(2);
        expect(file).toMatchObject({ file: '闵行区汇总.xlsx', modified: 5 });
        expect('sheets' in file && file.sheets.length).toBe(3 + extra);
      }
    });

    it('gives the same sheets as a file reader would, so the merge takes the same records', async () => {
      const { run, values, other, sheetName } = await workbookWithForms(platform);
      const file = await readWorkbookReturns(run, { modified: 1 });
      if (!('sheets' in file)) throw new Error('unreadable');
      const form = file.sheets.find((s) => s.name === sheetName)!;
      expect(trimmed(form.grid)).toEqual(trimmed(filledGrid('studio-application', values)));
      expect(form.nameValues.some((v) => v.includes('UNIONFORMS|studio-application|'))).toBe(true);
      const retypedGrid = filledGrid('studio-application', other).map((row) =>
        row.map((v) => (typeof v === 'string' && v.startsWith('UNIONFORMS|') ? null : v)),
      );
      expect(trimmed(file.sheets.find((s) => s.name === '手工录入')!.grid)).toEqual(trimmed(retypedGrid));

      const fromFiles: ReturnFile = {
        file: file.file,
        modified: 1,
        sheets: [
          { name: '说明', grid: [['这里不是表格']], nameValues: [] },
          { name: sheetName, grid: filledGrid('studio-application', values), nameValues: form.nameValues },
          { name: '手工录入', grid: retypedGrid, nameValues: [] },
        ],
      };
      const viaOffice = mergeReturns([file], { catalogue: CATALOGUE, today: TODAY });
      const viaFile = mergeReturns([fromFiles], { catalogue: CATALOGUE, today: TODAY });
      expect(summaryTables(viaOffice, CATALOGUE)).toEqual(summaryTables(viaFile, CATALOGUE));
      expect(viaOffice.inputs[0]?.sheets.map((s) => [s.sheet, s.form, s.method, s.unit])).toEqual([
        ['说明', null, null, ''],
        [sheetName, 'studio-application', 'marker', '上海某某机械有限公司'],
        ['手工录入', 'studio-application', 'labels', '上海另一家机械有限公司'],
      ]);
    });

    it('leaves out the summaries the add-in wrote', async () => {
      const { host, run } = await workbookWithForms(platform);
      const file1 = await readWorkbookReturns(run);
      if (!('sheets' in file1)) throw new Error('unreadable');
      const merged = mergeReturns([file1], { catalogue: CATALOGUE, today: TODAY });
      await writeSummarySheets(run, summaryTables(merged, CATALOGUE));
      expect(host.state.sheets.length).toBeGreaterThan(3);
      const file2 = await readWorkbookReturns(run);
      if (!('sheets' in file2)) throw new Error('unreadable');
      expect(file2.sheets.map((s) => s.name)).toEqual(file1.sheets.map((s) => s.name));
    });

    it('a workbook whose values exceed one 5 MB response is read in blocks, to the same grids', async () => {
      const { run } = await workbookWithForms(platform);
      const whole = await readWorkbookReturns(run, { modified: 1 });
      const small = await workbookWithForms(platform, { responseLimitBytes: 8_000 });
      const before = small.host.syncCount;
      const blocks = await readWorkbookReturns(small.run, { modified: 1, blockCells: 5_000 });
      expect(small.host.syncCount - before).toBeGreaterThan(3);
      if (!('sheets' in blocks) || !('sheets' in whole)) throw new Error('unreadable');
      expect(blocks.sheets.map((s) => ({ ...s, grid: trimmed(s.grid) }))).toEqual(
        whole.sheets.map((s) => ({ ...s, grid: trimmed(s.grid) })),
      );
    });

    it('an unnamed workbook is 本工作簿; a failure is one Chinese sentence', async () => {
      const { host, run } = await workbookWithForms(platform);
      host.state.workbookName = '';
      expect((await readWorkbookReturns(run)).file).toBe('本工作簿');
      host.options.failAt = { sync: host.syncCount + 2, code: 'GeneralException' };
      await expect(readWorkbookReturns(run)).rejects.toThrow(/^无法读取本工作簿中的表：Excel 内部出错/);
    });
  });
});
