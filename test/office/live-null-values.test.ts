import { planSheet } from '../../src/core/layout';
import { getForm, CATALOGUE } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { hostFor } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

/**
 * Past the 5,000,000 cells Excel reads at once, Excel "will either return null or throw an error" (resource-limits
 * page): null values on Mac (office-js #4783) and on every platform (#6781). The fake host answers so itself (its
 * readLimit option, platforms.ts); here a stray value far away makes one form sheet's used range 7.26 million cells.
 */
forEachPlatform((platform) => {
  describe('live checking of a sheet Excel cannot read whole', () => {
    it('says so for that sheet, and goes on checking the others', async () => {
      const host = hostFor(platform, { readLimit: { over: 'null' } });
      host.state.addSheet('Sheet1');
      const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
      const own = new OwnWrites(undefined, 0);
      await host.run((ctx) => insertForm(ctx, planSheet(getForm('festival-project')), support, own));
      await host.run((ctx) => insertForm(ctx, planSheet(getForm('yangpu-volunteer-team')), support, own));
      const big = '志愿者服务队登记表';
      host.state.cell(host.state.sheet(big)!, 60_000, 120).value = '远处的一个值';
      const live = new LiveValidation((batch) => host.run(batch), support, own, {
        catalogue: CATALOGUE,
        today: () => '2026-11-21',
        debounceMs: 5,
        retryMs: 5,
      });
      await live.start();
      await live.idle();
      host.userEdit('活动项目申报表', { B3: '某区总工会', D10: '5588' });
      await live.idle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await live.idle();
      const sheets = live.state.sheets;
      expect(sheets.find((s) => s.sheetName === big)?.highlightNote).toMatch(/500 万个单元格/);
      expect(sheets.find((s) => s.sheetName === big)?.problems).toEqual([]);
      const other = sheets.find((s) => s.sheetName === '活动项目申报表');
      expect(other?.problems.some((p) => p.cell === 'D10' && p.severity === 'error')).toBe(true);
    });
  });
});
