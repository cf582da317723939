import { CATALOGUE } from '../../src/notices';
import { cellAddress } from '../../src/core/a1';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { FakeExcelHost, NEWEST_API } from '../fake-excel/host';
import { GOOD, SUMMARY, at } from '../support/studio-summary-sheet';

const SHEET = '推荐申报汇总表';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setUp() {
  const host = new FakeExcelHost({ apiVersion: NEWEST_API });
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  await host.run((ctx) => insertForm(ctx, SUMMARY, support, new OwnWrites(undefined, 0)));
  const live = new LiveValidation((batch) => host.run(batch), support, new OwnWrites(undefined, 0), {
    catalogue: CATALOGUE,
    today: () => '2026-11-21',
    debounceMs: 1,
    retryMs: 2,
    paint: 'every-check',
  });
  await live.start();
  await live.idle();
  const settle = async () => {
    for (let round = 0; round < 20; round++) {
      const syncs = host.syncCount;
      await host.state.settle();
      await live.idle();
      await pause(4);
      if (host.syncCount === syncs && !live.state.busy) return;
    }
  };
  return { host, live, settle };
}

describe('a paint refused with AccessDenied because the protection changed in between (office-js #108, #6784)', () => {
  it('reads the protection again and paints once more when formatting is allowed', async () => {
    const { host, live, settle } = await setUp();
    // The edit's check reads (sync 1) and paints (sync 2): the paint's sync answers AccessDenied, as when a co-author
    // changed the sheet's protection between the read and the paint.
    host.options.failAt = { sync: host.syncCount + 2, afterOps: 0, code: 'AccessDenied' };
    host.userEdit(SHEET, { ...GOOD, [at('applicantPhone')]: '5588' });
    await settle();
    const phone = SUMMARY.slots.find((s) => s.key === 'applicantPhone')!;
    expect(host.state.cell(host.state.sheet(SHEET)!, phone.row, phone.col).fill).toBe(HIGHLIGHT.error);
    const report = live.state.sheets.find((s) => s.sheetName === SHEET);
    expect(report?.highlightNote).toBeUndefined();
    expect(report?.problems.map((p) => p.cell)).toEqual([cellAddress(phone.row, phone.col)]);
  });
});
