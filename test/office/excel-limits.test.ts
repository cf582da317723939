import { planSheet } from '../../src/core/layout';
import { mergeReturns } from '../../src/core/merge/merge-returns';
import { CATALOGUE, getForm } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { readWorkbookReturns } from '../../src/hosts/office/read-workbook-forms';
import { PICK_ONE_BLOCK, readRosterFromSelection, type RangeAreasSurface } from '../../src/hosts/office/roster-store';
import { FakeExcelError } from '../fake-excel/errors';
import type { FakeRequestContext } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { goodApplication, TODAY } from '../support/filled-form';
import { forEachPlatform } from './for-each-platform';

/**
 * Excel's read limit, now in the fake host itself (platforms.ts): a read of `values` over more than 5,000,000 cells
 * fails the batch with RangeExceedsLimit, or gives null values without an error (office-js #4783, #6781), on every
 * platform. The host checks the range's size before it builds the values, so no 5,000,000-cell array is made.
 */
type Over = 'throws' | 'null';

/** A workbook with a filled-in 申请表, a notes sheet, and one more sheet; `big` gets a stray value far away. */
async function workbook(platform: PlatformProfile, big: 'form' | 'notes' | 'none', over: Over = 'throws') {
  const host = hostFor(platform, { readLimit: { over } });
  host.state.workbookName = '闵行区汇总.xlsx';
  const notes = host.state.addSheet('说明');
  host.state.cell(notes, 0, 0).value = '这里不是表格';
  const plan = planSheet(getForm('studio-application'));
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  const form = host.state.sheet(inserted.sheetName)!;
  for (const [key, value] of Object.entries(goodApplication())) {
    const slot = plan.slots.find((s) => s.key === key)!;
    host.state.cell(form, slot.row, slot.col).value = value as string | number;
  }
  const other = host.state.addSheet('其他');
  host.state.cell(other, 1, 1).value = '别的内容';
  // 60,001 rows × 121 columns = 7.26 million cells: past the limit, though only a few cells hold anything.
  if (big !== 'none') host.state.cell(big === 'form' ? form : notes, 60_000, 120).value = '远处的一个值';
  return { host, formSheet: inserted.sheetName };
}

forEachPlatform((platform) => {
  describe('合并本工作簿中的表 past Excel’s 5,000,000-cell read limit', () => {
    for (const over of ['null', 'throws'] as Over[]) {
      it(`one big sheet (${over === 'null' ? 'null values, office-js #4783' : 'RangeExceedsLimit'}) stops nothing: the others are read, the form in it too, with a Chinese note`, async () => {
        const small = await workbook(platform, 'none');
        const expected = await readWorkbookReturns((b) => small.host.run(b), { modified: 1 });
        const { host, formSheet } = await workbook(platform, 'form', over);
        const before = host.syncCount;
        const file = await readWorkbookReturns((batch) => host.run(batch), {
          modified: 1,
          partCells: 20_000,
        });
        expect(host.syncCount - before).toBeLessThanOrEqual(4);
        expect(file.sheets.map((s) => s.name)).toEqual(['说明', formSheet, '其他']);
        expect(file.sheets.filter((s) => s.name !== formSheet)).toEqual(expected.sheets.filter((s) => s.name !== formSheet));
        expect(file.notes).toEqual([
          expect.stringMatching(
            new RegExp(`^工作表“${formSheet}”有内容的区域是 A1:DQ60001（约 726 万个单元格），超过了 Excel 一次读取 500 万个单元格的上限`),
          ),
        ]);
        const merged = mergeReturns([file], { catalogue: CATALOGUE, today: TODAY });
        expect(merged.inputs[0]?.sheets.find((s) => s.sheet === formSheet)).toMatchObject({
          form: 'studio-application',
          used: true,
          unit: '上海某某机械有限公司',
        });
      });
    }

    it('a workbook within the limit is read as before: two syncs, no note', async () => {
      const { host } = await workbook(platform, 'none');
      const before = host.syncCount;
      const file = await readWorkbookReturns((batch) => host.run(batch));
      expect(host.syncCount - before).toBe(2);
      expect(file.notes).toEqual([]);
    });

    it.each(['throws', 'null'] as Over[])(
      'the fake host itself refuses a read past 5,000,000 cells, or gives null values (%s)',
      async (over) => {
        const host = hostFor(platform, { readLimit: { over } });
        const sheet = host.state.addSheet('大表');
        host.state.cell(sheet, 0, 0).value = '标题';
        host.state.cell(sheet, 60_000, 120).value = '远处的一个值';
        const context = host.context();
        const used = context.workbook.worksheets.getItem('大表').getUsedRange(true);
        used.load('values,rowCount');
        let answer: unknown;
        try {
          await context.sync();
          answer = [used.rowCount, used.values];
        } catch (err) {
          answer = (err as { code?: string }).code;
        }
        expect(answer).toEqual(over === 'throws' ? 'RangeExceedsLimit' : [60_001, null]);
      },
    );
  });

  /**
   * The selection as Excel gives it, around the fake host (whose getSelectedRange knows one block only):
   * - getSelectedRange() on a selection of several blocks throws InvalidSelection ("If multiple ranges are selected,
   *   the method throws an `InvalidSelection` error": excel-add-ins-workbooks; the reference: "will throw an error");
   * - getSelectedRanges() (ExcelApi 1.9) gives every block, as a RangeAreas; getUsedRangeAreasOrNullObject(true)
   *   keeps the cells holding values (ExcelApi 1.9).
   */
  function selecting(ctx: FakeRequestContext, blocks: string[]): ContextSurface {
    const sheetId = ctx.state.selection?.sheetId ?? ctx.state.sheets[0]!.id;
    const ws = ctx.workbook.worksheets.getItem(sheetId);
    const getSelectedRanges = (): RangeAreasSurface => {
      ctx.host.requireSet('Workbook.getSelectedRanges', '1.9');
      return {
        isNullObject: false,
        areas: { items: [], load: () => undefined },
        getUsedRangeAreasOrNullObject: (valuesOnly?: boolean) => {
          const used = blocks.map((b) => ws.getRange(b).getUsedRangeOrNullObject(valuesOnly));
          return {
            get isNullObject() {
              return used.every((u) => u.isNullObject);
            },
            areas: {
              get items() {
                return used.filter((u) => !u.isNullObject);
              },
              load: () => used.forEach((u) => u.load('values')),
            },
            getUsedRangeAreasOrNullObject: () => {
              throw new Error('not modelled');
            },
          };
        },
      };
    };
    const workbook = new Proxy(ctx.workbook, {
      get(target, prop) {
        if (prop === 'getSelectedRanges') return getSelectedRanges;
        if (prop === 'getSelectedRange' && blocks.length > 1)
          return () => {
            const range = target.getSelectedRange();
            return new Proxy(range, {
              get(r, p) {
                if (p === 'getUsedRangeOrNullObject')
                  return () => ({
                    load: () =>
                      ctx.enqueue('selection', null, () => {
                        throw new FakeExcelError('InvalidSelection', 'The current selection is invalid for this operation.');
                      }),
                  });
                return Reflect.get(r, p, r) as unknown;
              },
            });
          };
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { workbook: workbook as unknown as ContextSurface['workbook'], runtime: ctx.runtime, sync: () => ctx.sync() };
  }

  describe('the roster from a selection of several blocks (Ctrl+select)', () => {
    function setUp(apiVersion: string) {
      const host = hostFor(platform, { apiVersion });
      const sheet = host.state.addSheet('名单');
      ['黄浦区总工会', '徐汇区总工会'].forEach((v, r) => (host.state.cell(sheet, 2 + r, 1).value = v));
      ['静安区总工会', '黄浦区总工会'].forEach((v, r) => (host.state.cell(sheet, 2 + r, 3).value = v));
      host.state.selection = { sheetId: sheet.id, address: 'B1:B10' };
      const blocks = ['B1:B10', 'D1:D1048576'];
      const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run((ctx) => batch(selecting(ctx, blocks)));
      return { host, run, check: (s: string, v: string) => host.isSetSupported(s, v) };
    }

    it('where getSelectedRanges is supported (ExcelApi 1.9), every block is read, in one sync', async () => {
      const { host, run, check } = setUp('1.9');
      const before = host.syncCount;
      expect(await readRosterFromSelection(run, check)).toEqual(['黄浦区总工会', '徐汇区总工会', '静安区总工会']);
      expect(host.syncCount - before).toBe(1);
    });

    it('before it (ExcelApi 1.7), the clerk is asked in Chinese to select one block; getSelectedRanges is not called', async () => {
      const { run, check } = setUp('1.7');
      await expect(readRosterFromSelection(run, check)).rejects.toThrow(PICK_ONE_BLOCK);
    });
  });
});
