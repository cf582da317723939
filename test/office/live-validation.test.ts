import { CATALOGUE } from '../../src/notices';
import { cellAddress } from '../../src/core/a1';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation, type PaintPolicy } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { NEWEST_API } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import type { SheetState } from '../fake-excel/state';
import { GOOD, SUMMARY, at } from '../support/studio-summary-sheet';
import { forEachPlatform } from './for-each-platform';

/** These tests exercise the painting itself, so they paint in every check (the pane paints only on request). */
async function setUp(platform: PlatformProfile, apiVersion = NEWEST_API, paint: PaintPolicy = 'every-check') {
  const host = hostFor(platform, { apiVersion });
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const own = new OwnWrites(undefined, 0);
  await host.run((ctx) => insertForm(ctx, SUMMARY, support, own));
  const live = new LiveValidation((batch) => host.run(batch), support, own, {
    catalogue: CATALOGUE,
    today: () => '2026-11-21',
    debounceMs: 5,
    retryMs: 5,
    paint,
  });
  await live.start();
  await live.idle();
  const sheet = host.state.sheet('推荐申报汇总表') as SheetState;
  const fillAt = (address: string) => {
    const { row, col } = SUMMARY.slots.find((s) => cellAddress(s.row, s.col) === address) ?? { row: -1, col: -1 };
    return sheet.cells.get(`${row}:${col}`)?.fill;
  };
  const settle = async () => {
    await host.state.settle();
    await live.idle();
  };
  const problems = () => live.state.sheets.flatMap((s) => s.problems.map((p) => `${p.cell} ${p.severity} ${p.label}`));
  return { host, live, sheet, fillAt, settle, problems, own };
}

forEachPlatform((platform) => {
  describe('live validation in Excel (fake host)', () => {
    it('finds the inserted form by its marker; a blank form is only a reminder, nothing painted', async () => {
      const { live, sheet } = await setUp(platform);
      expect(live.state.sheets).toEqual([
        expect.objectContaining({
          sheetName: '推荐申报汇总表',
          formId: 'studio-summary',
          problems: [expect.objectContaining({ severity: 'info', message: '表格尚未填写。' })],
        }),
      ]);
      expect([...sheet.cells.values()].filter((c) => c.fill !== undefined)).toEqual([]);
    });

    it('typing a bad phone number highlights and lists it; fixing it clears both, in at most 2 syncs per change', async () => {
      const { host, live, fillAt, settle, problems } = await setUp(platform);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: '5588' });
      await settle();
      expect(problems()).toEqual([`${at('applicantPhone')} error 联系方式`]);
      expect(fillAt(at('applicantPhone'))).toBe(HIGHLIGHT.error);

      const before = host.syncCount;
      host.userEdit('推荐申报汇总表', { [at('applicantPhone')]: '021-55885592' });
      await settle();
      expect(host.syncCount - before).toBeLessThanOrEqual(2);
      expect(problems()).toEqual([]);
      expect(fillAt(at('applicantPhone'))).toBeUndefined();
      expect(live.state.busy).toBe(false);
    });

    it('a multi-cell paste and a co-author’s change are checked like typing', async () => {
      const { host, fillAt, settle, problems } = await setUp(platform);
      host.userEdit('推荐申报汇总表', GOOD);
      await settle();
      expect(problems()).toEqual([]);
      host.userEdit('推荐申报汇总表', {
        [at('studios[1].studioType')]: '职工工作室',
        [at('studios[1].studioName')]: '甲工作室',
        [at('studios[1].unit')]: '另一公司',
        [at('studios[1].leader')]: '李四',
      });
      await settle();
      expect(problems()).toEqual([`${at('studios[1].studioName')} error 工作室名称`]);
      host.userEdit('推荐申报汇总表', { [at('studios[1].studioName')]: '乙工作室' }, 'Remote');
      await settle();
      expect(problems()).toEqual([]);
      expect(fillAt(at('studios[1].studioName'))).toBeUndefined();
    });

    it('never changes a value, never touches cells outside the form’s inputs, and its paint starts no new round', async () => {
      const { host, sheet, settle } = await setUp(platform);
      const nativeRules = JSON.stringify([...sheet.validations]);
      expect(sheet.validations.size).toBe(SUMMARY.validations.length);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('craftsmanStudios')]: '三个', [at('applicantPhone')]: '123' });
      const valuesBefore = JSON.stringify([...sheet.cells].map(([k, c]) => [k, c.value, c.formula]));
      const formatsBefore = JSON.stringify([...sheet.cells].map(([k, c]) => [k, { ...c, value: undefined, fill: undefined }]));
      await settle();
      expect(JSON.stringify([...sheet.cells].map(([k, c]) => [k, c.value, c.formula]))).toBe(valuesBefore);
      expect(JSON.stringify([...sheet.cells].map(([k, c]) => [k, { ...c, value: undefined, fill: undefined }]))).toBe(formatsBefore);
      const inputs = new Set(SUMMARY.slots.map((s) => `${s.row}:${s.col}`));
      expect([...sheet.cells].filter(([k, c]) => c.fill !== undefined && !inputs.has(k)).map(([k]) => k)).toEqual([]);
      expect(sheet.protection.protected).toBe(true);
      expect(JSON.stringify([...sheet.validations])).toBe(nativeRules);
      const syncs = host.syncCount;
      await settle();
      expect(host.syncCount).toBe(syncs);
    });

    it('a warning is painted yellow, an error red, a reminder not at all', async () => {
      const { host, fillAt, settle } = await setUp(platform);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('studios[0].seq')]: 7, [at('applicant')]: null });
      await settle();
      expect(fillAt(at('studios[0].seq'))).toBe(HIGHLIGHT.warning);
      expect(fillAt(at('applicant'))).toBe(HIGHLIGHT.error);
    });

    it('a deleted form sheet leaves the list; a copied one is found and checked too', async () => {
      const { host, live, settle } = await setUp(platform);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: 'x' });
      await settle();
      host.userCopySheet('推荐申报汇总表', '推荐申报汇总表 (2)');
      await settle();
      expect(live.state.sheets.map((s) => `${s.sheetName}: ${s.problems.length}`)).toEqual(['推荐申报汇总表: 1', '推荐申报汇总表 (2): 1']);
      host.userDeleteSheet('推荐申报汇总表');
      await settle();
      expect(live.state.sheets.map((s) => s.sheetName)).toEqual(['推荐申报汇总表 (2)']);
    });

    it.each(['InvalidOperationInCellEditMode', 'InvalidOperation'] as const)('waits out cell edit mode (%s), then checks', async (code) => {
      const { host, live, settle, problems } = await setUp(platform);
      host.options.cellEditCode = code;
      host.options.cellEditMode = true;
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: 'x' });
      await host.state.settle();
      await new Promise((r) => setTimeout(r, 30));
      expect(live.state.notice).toEqual({ kind: 'info', text: expect.stringMatching(/正在编辑单元格/) });
      host.options.cellEditMode = false;
      await settle();
      await new Promise((r) => setTimeout(r, 30));
      await settle();
      expect(problems()).toEqual([`${at('applicantPhone')} error 联系方式`]);
      expect(live.state.notice).toBeUndefined();
    });

    it('paints under the protection (format cells allowed): never unprotects, a password changes nothing', async () => {
      const { host, sheet, settle, fillAt } = await setUp(platform);
      expect(sheet.protection.options).toMatchObject({ allowFormatCells: true });
      sheet.protection.password = 'secret';
      const protection = JSON.stringify(sheet.protection);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: 'x' });
      await settle();
      expect(fillAt(at('applicantPhone'))).toBe(HIGHLIGHT.error);
      expect(JSON.stringify(sheet.protection)).toBe(protection);
    });

    it('a sheet protected without format cells allowed (an older version’s): listed, not painted, note says why', async () => {
      const { host, live, sheet, settle, problems, fillAt } = await setUp(platform);
      sheet.protection.options = { ...sheet.protection.options, allowFormatCells: false };
      const protection = JSON.stringify(sheet.protection);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: 'x' });
      await settle();
      expect(problems()).toEqual([`${at('applicantPhone')} error 联系方式`]);
      expect(fillAt(at('applicantPhone'))).toBeUndefined();
      expect(live.state.sheets[0]?.highlightNote).toMatch(/^此工作表的保护不允许设置单元格格式/);
      expect(JSON.stringify(sheet.protection)).toBe(protection);
    });

    it('works per sheet on Excel without workbook events (ExcelApi 1.7)', async () => {
      const { host, settle, problems, fillAt } = await setUp(platform, '1.7');
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: 'x' });
      await settle();
      expect(problems()).toEqual([`${at('applicantPhone')} error 联系方式`]);
      expect(fillAt(at('applicantPhone'))).toBe(HIGHLIGHT.error);
    });

    it('on reopening finds the form again, repaints problems and clears stale paint', async () => {
      const { host, sheet, settle } = await setUp(platform);
      host.userEdit('推荐申报汇总表', { ...GOOD, [at('applicantPhone')]: 'x' });
      await settle();
      const stale = SUMMARY.slots.find((s) => s.key === 'opinion');
      host.state.cell(sheet, stale!.row, stale!.col).fill = HIGHLIGHT.error;
      const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
      const reopened = new LiveValidation((batch) => host.run(batch), support, new OwnWrites(), {
        catalogue: CATALOGUE,
        today: () => '2026-11-21',
        debounceMs: 5,
      });
      await reopened.start();
      await reopened.idle();
      // Opening the pane only reads; 检查整个工作簿 (the clerk asks) repaints.
      expect(host.state.cell(sheet, stale!.row, stale!.col).fill).toBe(HIGHLIGHT.error);
      await reopened.checkAll();
      await reopened.idle();
      expect(host.state.cell(sheet, stale!.row, stale!.col).fill).toBeUndefined();
      expect(reopened.state.sheets[0]?.problems).toHaveLength(1);
    });

    it('a click on a problem selects its cell', async () => {
      const { host, live, sheet } = await setUp(platform);
      await live.select(sheet.id, at('applicantPhone'));
      expect(host.state.selection).toEqual({ sheetId: sheet.id, address: at('applicantPhone') });
    });
  });
});
