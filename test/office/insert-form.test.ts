import { UserError } from '../../src/core/errors';
import { planSheet } from '../../src/core/layout';
import { parseMarker } from '../../src/core/marker';
import { FORMS, getForm } from '../../src/notices';
import { detectApiSupport, missingFeatures } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { NEWEST_API } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import type { ChangeEvent } from '../fake-excel/state';
import { forEachPlatform } from './for-each-platform';

function setUp(platform: PlatformProfile, apiVersion = NEWEST_API, failAt?: { sync: number; afterOps?: number; code?: string }) {
  const host = hostFor(platform, { apiVersion, failAt });
  const user = host.state.addSheet('我的数据');
  host.state.cell(user, 0, 0).value = '张三';
  host.state.cell(user, 4, 2).value = 42;
  const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
  return {
    host,
    support,
    insert: (formId: string) => host.run((ctx) => insertForm(ctx, planSheet(getForm(formId)), support, new OwnWrites())),
  };
}

forEachPlatform((platform) => {
  describe('inserting a form through Office.js', () => {
    it.each(FORMS.map((f) => [f.id]))('%s takes at most 2 syncs and becomes the active sheet', async (id) => {
      const { host, insert } = setUp(platform);
      const before = host.syncCount;
      const inserted = await insert(id);
      expect(host.syncCount - before).toBeLessThanOrEqual(2);
      expect(host.state.activeSheetId).toBe(inserted.sheetId);
      expect(parseMarker(host.state.sheet(inserted.sheetName)?.names.get('UnionForms_Form'))?.formId).toBe(id);
    });

    it('never overwrites: a second insert gets a new name, and the user’s sheet is untouched', async () => {
      const { host, insert } = setUp(platform);
      const userBefore = JSON.stringify([...host.state.sheet('我的数据')!.cells.entries()]);
      const first = await insert('studio-application');
      const second = await insert('studio-application');
      expect([first.sheetName, second.sheetName]).toEqual(['工作室申请表', '工作室申请表 (2)']);
      expect(host.state.sheets.map((s) => s.name)).toEqual(['我的数据', '工作室申请表', '工作室申请表 (2)']);
      expect(JSON.stringify([...host.state.sheet('我的数据')!.cells.entries()])).toBe(userBefore);
    });

    it('at ExcelApi 1.7 draws the form and says what is left out', async () => {
      const { host, support, insert } = setUp(platform, '1.7');
      const inserted = await insert('festival-stats');
      const sheet = host.state.sheet(inserted.sheetName)!;
      expect(sheet.validations.size).toBe(0);
      expect(sheet.pageLayout.paperSize).toBeUndefined();
      expect(sheet.protection.protected).toBe(true);
      expect(missingFeatures(support)).toEqual(['validation', 'pageLayout']);
      expect(missingFeatures(setUp(platform).support)).toEqual([]);
    });

    it.each([0, 1, 57, 400, 900])('never leaves a half-drawn sheet: the drawing sync fails after %i operations', async (afterOps) => {
      const { host, insert } = setUp(platform, NEWEST_API, { sync: 2, afterOps, code: 'GeneralException' });
      const before = host.state.clone();
      const error = await insert('studio-application').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/^插入“工作室申请表”失败，已撤销：Excel 内部出错/);
      expect(host.state.clone()).toEqual(before);
    });

    it('reports a workbook it cannot read (cell edit mode) without changing anything', async () => {
      const host = hostFor(platform, { cellEditMode: true });
      host.state.addSheet('Sheet1');
      const before = host.state.clone();
      const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
      await expect(host.run((ctx) => insertForm(ctx, planSheet(getForm('festival-project')), support, new OwnWrites()))).rejects.toThrow(
        /请先按 Enter 或 Esc 结束编辑/,
      );
      expect(host.state.clone()).toEqual(before);
    });

    it('the clerk starts editing a cell during the drawing, with either documented code: undone once the edit ends, said in Chinese', async () => {
      for (const cellEditCode of ['InvalidOperationInCellEditMode', 'InvalidOperation'] as const) {
        // Syncs: 1 names, 2 drawing; the edit lasts from the drawing to the clean-up's second try.
        const host = hostFor(platform, { cellEditCode, beforeSync: (n) => (host.options.cellEditMode = n === 2 || n === 3) });
        host.state.addSheet('我的数据');
        const before = host.state.clone();
        const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
        const error = await host
          .run((ctx) => insertForm(ctx, planSheet(getForm('studio-application')), support, new OwnWrites(), { retryMs: 1 }))
          .then(
            () => undefined,
            (e: unknown) => e as Error,
          );
        expect([cellEditCode, error?.message]).toEqual([
          cellEditCode,
          expect.stringMatching(/^插入“工作室申请表”失败，已撤销：.*请先按 Enter 或 Esc 结束编辑/),
        ]);
        expect(host.state.clone()).toEqual(before);
      }
    });

    it('another workbook comes to the front during the drawing: refused on Windows and Mac, undone, said in Chinese', async () => {
      for (const workbookSwitchCode of ['documented', 'InactiveWorkbook'] as const) {
        // Syncs: 1 names, 2 drawing (the other workbook in front), 3 the clean-up's first try (still), 4 back.
        const host = hostFor(platform, { workbookSwitchCode, beforeSync: (n) => host.userSwitchWorkbook(n === 2 || n === 3) });
        const user = host.state.addSheet('我的数据');
        host.state.activeSheetId = user.id;
        const before = { sheets: host.state.clone(), active: host.state.activeSheetId };
        const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
        const outcome = await host
          .run((ctx) => insertForm(ctx, planSheet(getForm('studio-application')), support, new OwnWrites(), { retryMs: 1 }))
          .then(
            (inserted) => inserted.sheetName,
            (e: unknown) => e as Error,
          );
        if (platform.name === 'web') {
          expect(outcome).toBe('工作室申请表');
          continue;
        }
        expect(outcome).toBeInstanceOf(UserError);
        expect((outcome as Error).message).toMatch(
          workbookSwitchCode === 'InactiveWorkbook'
            ? /^插入“工作室申请表”失败，已撤销：.*请切换回本工作簿/
            : /^插入“工作室申请表”失败，已撤销：Excel 内部出错/,
        );
        expect({ sheets: host.state.clone(), active: host.state.activeSheetId }).toEqual(before);
      }
    });

    it('its own writes do not reach the change handling: no events where Excel can switch them off', async () => {
      const { host, insert } = setUp(platform);
      const events: ChangeEvent[] = [];
      host.state.changeListeners.push((e) => events.push(e));
      await insert('yangpu-volunteer-team');
      await new Promise((r) => setTimeout(r, 0));
      expect(events).toEqual([]);
    });

    it('on ExcelApi 1.7 its own writes raise events; nothing is dropped, and live checking is told when the writes end', async () => {
      const { host, support } = setUp(platform, '1.7');
      const own = new OwnWrites();
      let ended = 0;
      own.onEnded(() => ended++);
      const events: ChangeEvent[] = [];
      host.state.changeListeners.push((e) => events.push(e));
      await host.run((ctx) => insertForm(ctx, planSheet(getForm('yangpu-volunteer-team')), support, own));
      await new Promise((r) => setTimeout(r, 0));
      expect(events.length).toBeGreaterThan(0);
      expect([own.writing, ended]).toEqual([false, 1]);
    });
  });
});
