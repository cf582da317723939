import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { FakeExcelError } from '../fake-excel/errors';
import { hostFor, PLATFORMS } from '../fake-excel/platforms';
import { getForm } from '../../src/notices';
import { longChecksForm } from '../support/long-checks';

/**
 * Excel's formula limits in the fake Excel (test/fake-excel/formula-limits.ts), as the Office.js drawing meets them:
 * a conditional format past them fails the insert, which leaves the workbook as it was; the 40-option choice and the
 * long 字数 rule, kept within them by the core, go in whole.
 */
const platform = PLATFORMS[0];
if (!platform) throw new Error('no platform profile');

function workbook() {
  const host = hostFor(platform as NonNullable<typeof platform>, {});
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
  return { host, insert: (plan: SheetPlan) => host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites())) };
}

const plan = planSheet(longChecksForm());
/** A built-in form, nothing past a limit in it: what the bad formula is added to. */
const builtIn = planSheet(getForm('studio-application'));
const nested = (n: number) => `${'ABS('.repeat(n)}B3${')'.repeat(n)}`;

describe("the fake Excel holds conditional formats to Excel's formula limits", () => {
  it('inserts the 40-option choice and the 3,000-character 字数 rule whole', async () => {
    const { host, insert } = workbook();
    const inserted = await insert(plan);
    const formats = host.state.sheet(inserted.sheetName)?.conditionalFormats ?? [];
    expect(formats.map((f) => f.formula)).toEqual(plan.conditionalFormats.map((r) => `=${r.formula}`));
  });

  it.each([
    ['65 nested functions', nested(65), /B3的条件格式公式函数嵌套65层（Excel 最多64层）/],
    ['8,193 characters', `B3+${'1+'.repeat(4094)}12`, /B3的条件格式公式长8193个字符（Excel 最多8192个）/],
  ])(
    'refuses a formula of %s before the first sync, saying why in Chinese; the workbook is left as it was',
    async (_what, formula, why) => {
      const { host, insert } = workbook();
      const names = () => host.state.sheets.map((s) => s.name);
      const before = names();
      const bad: SheetPlan = {
        ...builtIn,
        conditionalFormats: [
          ...builtIn.conditionalFormats,
          { range: 'B3', formula, fill: '#FFC7CE', severity: 'error', field: 'unit', source: 'test' },
        ],
      };
      // Without the bad formula the same plan goes in (the next test): the formula alone fails it, by the core's guard
      // (core/plan-limits.ts) before anything reaches the workbook.
      await expect(insert(bad)).rejects.toThrow(why);
      await expect(insert(bad)).rejects.toThrow(/工作簿没有改动。$/);
      expect(host.syncCount).toBe(0);
      expect(names()).toEqual(before);
    },
  );

  it("answers a custom rule's formula past the limits with InvalidArgument at the sync", async () => {
    const { host } = workbook();
    const sync = host.run(async (ctx) => {
      const { custom } = ctx.workbook.worksheets.getItem('Sheet1').getRange('B3').conditionalFormats.add('Custom');
      custom.rule.formula = `=${nested(65)}`;
      await ctx.sync();
    });
    await expect(sync).rejects.toBeInstanceOf(FakeExcelError);
    await expect(sync).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('answers a cell formula past the limits (a printed 合计 written through values) with InvalidArgument', async () => {
    const { host } = workbook();
    const write = (formula: string) =>
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [[`=${formula}`]];
        await ctx.sync();
      });
    await expect(write(nested(65))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(nested(64))).resolves.toBeUndefined();
  });

  it('takes a formula at the limits, added to the same form', async () => {
    const { host, insert } = workbook();
    const formula = nested(64);
    const at: SheetPlan = {
      ...builtIn,
      conditionalFormats: [
        ...builtIn.conditionalFormats,
        { range: 'B3', formula, fill: '#FFC7CE', severity: 'error', field: 'unit', source: 'test' },
      ],
    };
    const inserted = await insert(at);
    expect(host.state.sheet(inserted.sheetName)?.conditionalFormats.map((f) => f.formula)).toContain(`=${formula}`);
  });
});
