import { planSheet } from '../../src/core/layout';
import { getForm } from '../../src/forms';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { FakeExcelHost, NEWEST_API, type FakeRequestContext } from '../fake-excel/host';

/**
 * Past the 5,000,000 cells Excel reads at once, some builds give `values` as null instead of an error (office-js #4783;
 * "Resource limits and performance optimization for Office Add-ins"). The fake host does not hold that many cells, so
 * this wrapper answers null for the used range of one named sheet, as such a build would.
 */
function nullValuesFor(sheetName: string, ctx: FakeRequestContext): ContextSurface {
  const worksheets = new Proxy(ctx.workbook.worksheets, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop !== 'getItem') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      return (key: string) => {
        const ws = target.getItem(key);
        return new Proxy(ws, {
          get(sheet, p) {
            const v = Reflect.get(sheet, p, sheet) as unknown;
            if (p !== 'getUsedRange') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(sheet) : v;
            return (valuesOnly?: boolean) => {
              const used = sheet.getUsedRange(valuesOnly);
              return new Proxy(used, {
                get(range, q) {
                  if (q === 'values' && sheet.name === sheetName) return null;
                  const w = Reflect.get(range, q, range) as unknown;
                  return typeof w === 'function' ? (w as (...a: unknown[]) => unknown).bind(range) : w;
                },
              });
            };
          },
        });
      };
    },
  });
  return new Proxy(ctx as unknown as ContextSurface, {
    get(target, prop) {
      if (prop !== 'workbook') return Reflect.get(target, prop, target) as unknown;
      return new Proxy(target.workbook, {
        get(wb, p) {
          if (p === 'worksheets') return worksheets;
          const v = Reflect.get(wb, p, wb) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(wb) : v;
        },
      });
    },
  });
}

describe('live checking of a sheet Excel cannot read whole', () => {
  it('says so for that sheet, and goes on checking the others', async () => {
    const host = new FakeExcelHost({ apiVersion: NEWEST_API });
    host.state.addSheet('Sheet1');
    const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
    const own = new OwnWrites(undefined, 0);
    await host.run((ctx) => insertForm(ctx, planSheet(getForm('festival-project')), support, own));
    await host.run((ctx) => insertForm(ctx, planSheet(getForm('yangpu-volunteer-team')), support, own));
    const big = '志愿者服务队登记表';
    const live = new LiveValidation((batch) => host.run((ctx) => batch(nullValuesFor(big, ctx))), support, own, {
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
