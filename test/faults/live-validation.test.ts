import { CATALOGUE } from '../../src/notices';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { FakeExcelHost, NEWEST_API } from '../fake-excel/host';
import { ADVICE, actBefore, arm, editCellDuring, faultPoints, fills, label, measure, runOn, snapshot, withoutFills } from './faults';
import { GOOD, SUMMARY, at } from '../support/studio-summary-sheet';

const SHEET = '推荐申报汇总表';
/** The clerk's first edits: two mistakes, painted red. */
const FIRST = { ...GOOD, [at('applicantPhone')]: '5588', [at('craftsmanStudios')]: '三个' };
/** The edit checked under faults: one mistake fixed (its paint must go), one made, one warning. */
const SECOND = { [at('applicantPhone')]: '021-55885592', [at('applicant')]: null, [at('studios[0].seq')]: 7 };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The clerk's own sheet and an inserted form, per ExcelApi version: made once, forked for every run. */
const templates = new Map<string, FakeExcelHost>();
async function template(apiVersion: string): Promise<FakeExcelHost> {
  let host = templates.get(apiVersion);
  if (!host) {
    host = new FakeExcelHost({ apiVersion });
    const mine = host.state.addSheet('我的数据');
    host.state.cell(mine, 2, 2).value = '自己的值';
    host.state.cell(mine, 2, 2).fill = '#FFC7CE';
    const support = detectApiSupport((s, v) => host!.isSetSupported(s, v));
    await host.run((ctx) => insertForm(ctx, SUMMARY, support, new OwnWrites(undefined, 0)));
    templates.set(apiVersion, host);
  }
  return host;
}

const RETRY_MS = 2;

/** A copy of that workbook, with live validation made, not started. */
async function fresh(apiVersion = NEWEST_API) {
  const host = (await template(apiVersion)).fork({ apiVersion });
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const live = new LiveValidation(runOn(host), support, new OwnWrites(undefined, 0), {
    catalogue: CATALOGUE,
    today: () => '2026-11-21',
    debounceMs: 1,
    retryMs: RETRY_MS,
    // The faults of painting are the point here: paint in every check (the pane paints only when asked).
    paint: 'every-check',
  });
  /** Until every event was handled, every check ran and every retry came back: a round with no sync. */
  const settle = async () => {
    for (let round = 0; round < 20; round++) {
      const syncs = host.syncCount;
      await host.state.settle();
      await live.idle();
      await pause(RETRY_MS + 2);
      if (host.syncCount === syncs && !live.state.busy) return;
    }
  };
  const problems = () => live.state.sheets.flatMap((s) => s.problems.map((p) => `${s.sheetName} ${p.cell} ${p.severity}`)).sort();
  return { host, live, settle, problems };
}

/** The same, watched since the pane opened, after the clerk's first edits. */
async function watched() {
  const env = await fresh();
  await env.live.start();
  await env.settle();
  env.host.userEdit(SHEET, FIRST);
  await env.settle();
  return env;
}

/** Where a field's input cell is in `fills()`. */
const fillKey = (key: string) => {
  const slot = SUMMARY.slots.find((s) => s.key === key)!;
  return `${SHEET}!${slot.row}:${slot.col}`;
};

/** Fills and problems after SECOND on a host without faults, and the syncs that check took. */
async function reference() {
  const env = await watched();
  const measured = await measure(env.host, async () => {
    env.host.userEdit(SHEET, SECOND);
    await env.settle();
  });
  const painted = fills(env.host);
  expect([...painted.values()].sort()).toEqual([HIGHLIGHT.error, HIGHLIGHT.error, HIGHLIGHT.warning, '#FFC7CE'].sort());
  return { measured, fills: painted, problems: env.problems() };
}

describe('live validation: a sync that fails at any step of a check after the clerk’s edit', () => {
  it('never changes a value or the protection, paints nothing foreign, says what happened, and the next check is exact', async () => {
    const ref = await reference();
    expect(ref.measured.syncs).toBe(2);
    const points = faultPoints(ref.measured);
    expect(points.length).toBeGreaterThan(10);
    for (const point of points) {
      const { host, live, settle, problems } = await watched();
      const failing = arm(host, point);
      host.userEdit(SHEET, SECOND);
      const edited = snapshot(host);
      const paintedBefore = fills(host);
      await settle();
      expect(host.syncCount).toBeGreaterThanOrEqual(failing);
      const why = label(point);
      // Nothing but fills may differ from the workbook as the clerk left it; protection included.
      expect([why, withoutFills(snapshot(host).sheets)]).toEqual([why, withoutFills(edited.sheets)]);
      for (const [cell, fill] of fills(host))
        expect([why, cell, fill]).toEqual([why, cell, ref.fills.get(cell) ?? paintedBefore.get(cell)]);

      if (point.code === 'InvalidOperationInCellEditMode') {
        // Waited out: checked again by itself once the edit ended.
        expect([why, fills(host)]).toEqual([why, ref.fills]);
        expect([why, live.state.notice]).toEqual([why, undefined]);
      } else if (point.sync === 1) {
        expect([why, live.state.notice]).toEqual([why, { kind: 'error', text: expect.stringMatching(/^检查未完成：.*请稍后再试/) }]);
      } else {
        expect([why, problems()]).toEqual([why, ref.problems]);
        const note = live.state.sheets[0]?.highlightNote ?? '';
        expect([why, note]).toEqual([why, expect.stringMatching(/^无法标出有问题的单元格：.*请稍后再试/)]);
        expect(note).not.toMatch(/密码/);
      }
      // The next check (the clerk's next edit, or 检查整个工作簿) leaves exactly the highlights wanted.
      await live.checkAll();
      await settle();
      expect([why, fills(host)]).toEqual([why, ref.fills]);
      expect([why, withoutFills(snapshot(host).sheets)]).toEqual([why, withoutFills(edited.sheets)]);
      expect([why, live.state.notice, live.state.sheets[0]?.highlightNote]).toEqual([why, undefined, undefined]);
      expect([why, problems()]).toEqual([why, ref.problems]);
    }
  });

  it('a form protected without format cells allowed (an older version’s): listed, not painted, protection untouched', async () => {
    const { host, live, settle, problems } = await watched();
    const sheet = host.state.sheet(SHEET)!;
    sheet.protection.options = { ...sheet.protection.options, allowFormatCells: false };
    sheet.protection.password = 'secret';
    const protection = JSON.stringify(sheet.protection);
    const before = fills(host);
    host.userEdit(SHEET, SECOND);
    await settle();
    expect(problems()).toEqual((await reference()).problems);
    expect(live.state.sheets[0]?.highlightNote).toMatch(/^此工作表的保护不允许设置单元格格式/);
    expect(fills(host)).toEqual(before);
    expect(JSON.stringify(sheet.protection)).toBe(protection);
  });
});

describe('live validation: finding the form sheets (start, 检查整个工作簿) when a sync fails', () => {
  it.each([NEWEST_API, '1.7'])(
    'ExcelApi %s: the pane says so, and after the next check the clerk’s edits are checked',
    async (apiVersion) => {
      const clean = await fresh(apiVersion);
      const measured = await measure(clean.host, async () => {
        await clean.live.start();
        await clean.settle();
      });
      expect(measured.syncs).toBeGreaterThanOrEqual(3);
      for (const point of faultPoints(measured)) {
        const { host, live, settle } = await fresh(apiVersion);
        const why = label(point);
        const failing = arm(host, point);
        await live.start();
        await settle();
        expect(host.syncCount).toBeGreaterThanOrEqual(failing);
        if (point.code === 'GeneralException') {
          const told = [live.state.notice?.text ?? '', ...live.state.sheets.map((s) => s.highlightNote ?? '')].join(' ');
          expect([why, told]).toEqual([why, expect.stringMatching(ADVICE.GeneralException)]);
        }
        await live.checkAll();
        await settle();
        host.userEdit(SHEET, FIRST);
        await settle();
        expect([why, fills(host).get(fillKey('applicantPhone'))]).toEqual([why, HIGHLIGHT.error]);
        expect([why, live.state.notice]).toEqual([why, undefined]);
      }
    },
  );
});

describe('live validation: the clerk deletes, renames or edits while a check paints', () => {
  it('the form sheet deleted just before the paint: nothing else touched, it leaves the list, no error shown', async () => {
    const { host, live, settle } = await watched();
    actBefore(host, host.syncCount + 2, () => host.userDeleteSheet(SHEET));
    host.userEdit(SHEET, SECOND);
    const edited = snapshot(host);
    await settle();
    expect(host.state.sheets.map((s) => s.name)).toEqual(['我的数据']);
    expect(snapshot(host).sheets).toEqual((edited.sheets as { name: string }[]).filter((s) => s.name !== SHEET));
    expect(live.state.sheets).toEqual([]);
    expect(live.state.notice).toBeUndefined();
  });

  it('the form sheet renamed just before the paint: painted all the same, listed under its new name by the next check', async () => {
    const ref = await reference();
    const { host, live, settle } = await watched();
    actBefore(host, host.syncCount + 2, () => host.userRenameSheet(SHEET, '闵行区汇总'));
    host.userEdit(SHEET, SECOND);
    await settle();
    const renamed = new Map([...ref.fills].map(([k, v]) => [k.replace(SHEET, '闵行区汇总'), v]));
    expect(fills(host)).toEqual(renamed);
    await live.checkAll();
    await settle();
    expect(live.state.sheets.map((s) => s.sheetName)).toEqual(['闵行区汇总']);
    expect(fills(host)).toEqual(renamed);
  });

  it.each([1, 2])('the clerk starts editing a cell before sync %i of the check: it waits, then paints exactly', async (sync) => {
    const ref = await reference();
    for (const lasting of [1, 3]) {
      const { host, live, settle } = await watched();
      editCellDuring(host, host.syncCount + sync, lasting);
      host.userEdit(SHEET, SECOND);
      const edited = snapshot(host);
      await settle();
      expect([sync, lasting, fills(host)]).toEqual([sync, lasting, ref.fills]);
      expect(withoutFills(snapshot(host).sheets)).toEqual(withoutFills(edited.sheets));
      expect(live.state.notice).toBeUndefined();
      expect(live.state.sheets[0]?.highlightNote).toBeUndefined();
    }
  });
});

describe('events are never left off (Runtime.enableEvents stays as last set)', () => {
  it('an insert that fails with events off, and whose clean-up fails too, turns them back on', async () => {
    const host = new FakeExcelHost({ apiVersion: NEWEST_API });
    host.state.addSheet('Sheet1');
    const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
    // The drawing sync fails after switching events off; the clerk then edits a cell through both clean-up tries.
    const draw = arm(host, { sync: 2, afterOps: 1, code: 'GeneralException' });
    editCellDuring(host, draw + 1, 2);
    await expect(host.run((ctx) => insertForm(ctx, SUMMARY, support, new OwnWrites(), { retryMs: 1, cleanUpTries: 2 }))).rejects.toThrow(
      /实时检查已暂停|插入/,
    );
    expect(host.state.eventsEnabled).toBe(true);
  });

  it('检查整个工作簿 turns events back on if something left them off', async () => {
    const { host, live, settle } = await fresh();
    host.state.eventsEnabled = false;
    await live.checkAll();
    await settle();
    expect(host.state.eventsEnabled).toBe(true);
  });
});
