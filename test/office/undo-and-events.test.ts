import { cellAddress } from '../../src/core/a1';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { planSheet } from '../../src/core/layout';
import { getForm, CATALOGUE } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { saveRoster } from '../../src/hosts/office/roster-store';
import { NEWEST_API } from '../fake-excel/host';
import { hostFor, office2021, office2024, type PlatformProfile } from '../fake-excel/platforms';
import type { SheetState } from '../fake-excel/state';
import { GOOD, SUMMARY, at } from '../support/studio-summary-sheet';
import { forEachPlatform } from './for-each-platform';

const SHEET = '推荐申报汇总表';

async function setUp(platform: PlatformProfile, apiVersion = NEWEST_API, eventTiming: 'later' | 'now' = 'later') {
  const host = hostFor(platform, { apiVersion, eventTiming });
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const own = new OwnWrites();
  await host.run((ctx) => insertForm(ctx, SUMMARY, support, own));
  const live = new LiveValidation((batch) => host.run(batch), support, own, {
    catalogue: CATALOGUE,
    today: () => '2026-11-21',
    debounceMs: 2,
    retryMs: 2,
  });
  await live.start();
  await live.idle();
  const sheet = host.state.sheet(SHEET) as SheetState;
  const cellOf = (address: string) => {
    const slot = SUMMARY.slots.find((s) => cellAddress(s.row, s.col) === address)!;
    return host.state.cell(sheet, slot.row, slot.col);
  };
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await host.state.settle();
      await live.idle();
    }
  };
  const problems = () =>
    live.state.sheets.flatMap((s) => s.problems.filter((p) => p.severity !== 'info').map((p) => `${p.cell} ${p.severity}`));
  return { host, live, sheet, cellOf, settle, problems, support, own };
}

forEachPlatform((platform) => {
  describe('the clerk’s undo survives checking (Microsoft, “Undo capabilities in Excel add-ins”)', () => {
    it.each([NEWEST_API, '1.19', '1.8', '1.7'])(
      'ExcelApi %s: type a bad value, it is listed; Ctrl+Z undoes the typing itself, and the list follows',
      async (apiVersion) => {
        const { host, cellOf, settle, problems } = await setUp(platform, apiVersion);
        host.userEdit(SHEET, GOOD);
        await settle();
        host.state.undoStack.length = 0;
        host.userEdit(SHEET, { [at('applicantPhone')]: '5588' });
        await settle();
        expect(problems()).toEqual([`${at('applicantPhone')} error`]);
        // Checking neither cleared the stack nor put a record of its own on it.
        expect(host.state.undoStack.map((r) => r.by)).toEqual(['person']);
        host.userUndo();
        await settle();
        expect(cellOf(at('applicantPhone')).value).toBe(GOOD[at('applicantPhone')]);
        expect(problems()).toEqual([]);
        expect(cellOf(at('applicantPhone')).fill).toBeUndefined();
      },
    );

    it('检查整个工作簿 paints under the protection: no unprotect, so the stack is not cleared; its paint is one record (1.20)', async () => {
      const { host, live, cellOf, settle } = await setUp(platform);
      host.userEdit(SHEET, { ...GOOD, [at('applicantPhone')]: '5588' });
      await settle();
      const ops: string[] = [];
      host.options.beforeSync = (_n, o) => ops.push(...o);
      await live.checkAll();
      await settle();
      expect(ops.filter((o) => /^protection\.(un)?protect$/.test(o))).toEqual([]);
      expect(cellOf(at('applicantPhone')).fill).toBe(HIGHLIGHT.error);
      expect(host.state.undoStack.map((r) => r.by)).toEqual(['person', 'add-in']);
      // A later fix is listed at once; the marks are named stale instead of repainted (a repaint would cost undo).
      host.userEdit(SHEET, { [at('applicantPhone')]: '021-55885592' });
      await settle();
      expect(live.state.sheets[0]?.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(live.state.sheets[0]?.highlightNote).toMatch(/上次检查的结果/);
      expect(host.state.undoStack.map((r) => r.by)).toEqual(['person', 'add-in', 'person']);
    });

    it('renaming a sheet (Worksheet.name) clears the stack on Windows and Mac; on the web it is one undo record', async () => {
      const host = hostFor(platform);
      host.state.addSheet('S');
      host.userEdit('S', { A1: 'x' });
      await host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').name = 'T';
        await ctx.sync();
      });
      const expected = { desktop: [], mac: [], web: ['person', 'add-in'], office2021: [], office2024: [] }[platform.name];
      expect(host.state.undoStack.map((r) => r.by)).toEqual(expected);
      if (platform.name === 'web') {
        host.userUndo();
        expect(host.state.sheets.map((s) => s.name)).toEqual(['S']);
      }
    });

    it('why not paint after every edit: on 1.20 Ctrl+Z would undo the paint, not the typing; before 1.20 the paint clears the stack', async () => {
      for (const [apiVersion, stack] of [
        [NEWEST_API, ['person', 'add-in']],
        ['1.19', []],
      ] as const) {
        const host = hostFor(platform, { apiVersion });
        const sheet = host.state.addSheet('S');
        host.userEdit('S', { A1: 'x' });
        await host.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = HIGHLIGHT.error;
          await ctx.sync();
        });
        expect([apiVersion, host.state.undoStack.map((r) => r.by)]).toEqual([apiVersion, stack]);
        if (stack.length > 0) {
          host.userUndo();
          expect([host.state.cell(sheet, 0, 0).value, host.state.cell(sheet, 0, 0).fill]).toEqual(['x', undefined]);
        }
      }
    });
  });

  describe('no edit goes unchecked', () => {
    it('a dropdown pick raises no onChanged (office-js #4066); the next selection change re-reads the sheet in one sync', async () => {
      const { host, live, settle, problems } = await setUp(platform);
      host.userEdit(SHEET, GOOD);
      await settle();
      const listCell = SUMMARY.validations.find(
        (v) =>
          v.validation.rule?.kind === 'list' &&
          SUMMARY.slots.some((s) => s.row === v.row && s.col === v.col && s.key.startsWith('studios[1]')),
      )!;
      const address = cellAddress(listCell.row, listCell.col);
      const reference = host.fork({});
      const pickValue = (listCell.validation.rule as unknown as { options: string[] }).options[0]!;
      const picked = host.syncCount;
      host.userPick(SHEET, address, pickValue);
      await settle();
      // No onChanged on any platform (platforms.ts: #4066 and #3888 on the web, #420 on Windows, Mac as Windows).
      expect(platform.options.dropdownPickRaisesOnChanged).toBe(false);
      expect(host.syncCount - picked).toBe(0);
      const before = problems();
      const syncs = host.syncCount;
      host.userSelect(SHEET, 'A1');
      await settle();
      expect(host.syncCount - syncs).toBe(1);
      expect(problems()).not.toEqual(before);
      // The same as if it had been typed.
      const typed = new LiveValidation(
        (b) => reference.run(b),
        detectApiSupport((s, v) => reference.isSetSupported(s, v)),
        new OwnWrites(),
        { catalogue: CATALOGUE, today: () => '2026-11-21', debounceMs: 2 },
      );
      reference.userEdit(SHEET, { [address]: pickValue });
      await typed.start();
      await typed.idle();
      expect(live.state.sheets[0]?.problems).toEqual(typed.state.sheets[0]?.problems);
      // A selection change with nothing new: one sync, no new state.
      let emitted = 0;
      live.subscribe(() => emitted++);
      const again = host.syncCount;
      host.userSelect(SHEET, 'B2');
      await settle();
      expect(host.syncCount - again).toBe(1);
      expect(live.state.sheets[0]?.problems).toEqual(typed.state.sheets[0]?.problems);
      expect(emitted).toBe(2); // busy on, busy off: no new report
    });

    it.each([
      [NEWEST_API, 'now'],
      [NEWEST_API, 'later'],
      ['1.7', 'now'],
      ['1.7', 'later'],
    ] as const)('ExcelApi %s, events delivered %s: an edit made while an insert syncs is checked', async (apiVersion, timing) => {
      const { host, settle, problems, support, own } = await setUp(platform, apiVersion, timing);
      host.userEdit(SHEET, GOOD);
      await settle();
      const plan = planSheet(getForm('yangpu-volunteer-team'));
      const next = host.syncCount + 2; // the insert's drawing sync
      host.options.beforeSync = (n) => {
        if (n === next) host.userEdit(SHEET, { [at('applicantPhone')]: '5588' });
      };
      await host.run((ctx) => insertForm(ctx, plan, support, own));
      host.options.beforeSync = undefined;
      await settle();
      expect(problems()).toEqual([`${at('applicantPhone')} error`]);
    });
  });
});

describe('volume-licensed Excel 2021 and 2024 (ExcelApi 1.14 and 1.17, no 1.18+): the pane as it runs there', () => {
  it.each([office2021, office2024].map((p) => [p.label, p] as const))(
    '%s: every feature it detects is there; checking keeps the clerk’s Ctrl+Z; its own writes cost the stack',
    async (_label, platform) => {
      // The profile's own requirement sets, not the newest.
      const { host, live, cellOf, settle, problems, support } = await setUp(platform, platform.options.apiVersion);
      expect(support).toEqual({
        validation: true,
        pageLayout: true,
        workbookEvents: true,
        chartAxisPosition: true,
        mergedAreas: true,
        undoKeptByWrites: false,
      });
      expect(host.undoableWrites).toBe(false);
      const sheet = host.state.sheet(SHEET) as SheetState;
      expect([sheet.validations.size > 0, sheet.pageLayout.paperSize]).toEqual([true, 'A4']);
      host.userEdit(SHEET, GOOD);
      await settle();
      host.state.undoStack.length = 0;
      host.userEdit(SHEET, { [at('applicantPhone')]: '5588' });
      await settle();
      expect(problems()).toEqual([`${at('applicantPhone')} error`]);
      // Checking as the clerk types writes nothing: the clerk's own edit is still the one Ctrl+Z undoes.
      expect(host.state.undoStack.map((r) => r.by)).toEqual(['person']);
      // 检查整个工作簿 paints: before ExcelApi 1.20 a write clears the stack ("most set operations … disable undo/redo").
      await live.checkAll();
      await settle();
      expect(cellOf(at('applicantPhone')).fill).toBe(HIGHLIGHT.error);
      expect(host.state.undoStack).toEqual([]);
      // Saving the roster (a custom XML part) clears it too before 1.20 (office-js #4484).
      host.userEdit(SHEET, { [at('applicantPhone')]: '021-55885592' });
      await saveRoster((batch) => host.run(batch), ['杨浦区总工会']);
      expect(host.state.undoStack).toEqual([]);
    },
  );
});
