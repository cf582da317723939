import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { FORMS } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { NEWEST_API } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

/** The manifest's minimum requirement set. */
const MINIMUM_API = '1.7';

async function insertedFormats(platform: PlatformProfile, plan: SheetPlan, apiVersion: string) {
  const host = hostFor(platform, { apiVersion });
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
  const before = host.syncCount;
  const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  const sheet = host.state.sheet(inserted.sheetName);
  if (!sheet) throw new Error('no sheet inserted');
  return { formats: sheet.conditionalFormats, syncs: host.syncCount - before };
}

/** What the plan asks for, as Excel keeps it: the formula with its '=', highest priority (the plan's first) first. */
const expected = (plan: SheetPlan) =>
  plan.conditionalFormats.map((r) => ({ range: r.range, type: 'Custom', formula: `=${r.formula}`, fill: r.fill }));

forEachPlatform((platform) => {
  describe.each(FORMS.map((f) => [f.id, f]))('%s inserted through Office.js: conditional formats', (_id, form) => {
    const plan = planSheet(form);

    it.each([NEWEST_API, MINIMUM_API])(
      "at ExcelApi %s: one custom format per planned rule, in the plan's order, with '=' and the fill; still 2 syncs",
      async (api) => {
        expect(plan.conditionalFormats.length).toBeGreaterThan(0);
        const { formats, syncs } = await insertedFormats(platform, plan, api);
        expect(formats).toEqual(expected(plan));
        expect(syncs).toBe(2);
      },
    );
  });

  describe('the fake host keeps conditional formats as Excel does', () => {
    it('puts each added format at the top priority (ConditionalFormatCollection.add)', async () => {
      const host = hostFor(platform);
      const sheet = host.state.addSheet('Sheet1');
      await host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        for (const [address, formula] of [
          ['A1', '=A1>1'],
          ['B2:B4', '=B2>2'],
        ] as const) {
          const { custom } = ws.getRange(address).conditionalFormats.add('Custom');
          custom.rule.formula = formula;
          custom.format.fill.color = '#FFC7CE';
        }
        await ctx.sync();
      });
      expect(sheet.conditionalFormats.map((f) => [f.range, f.formula])).toEqual([
        ['B2:B4', '=B2>2'],
        ['A1', '=A1>1'],
      ]);
    });

    it('has no conditional formats below ExcelApi 1.6', async () => {
      const host = hostFor(platform, { apiVersion: '1.5' });
      host.state.addSheet('Sheet1');
      await expect(
        host.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add('Custom');
          await ctx.sync();
        }),
      ).rejects.toThrow(/1\.6/);
    });
  });
});
