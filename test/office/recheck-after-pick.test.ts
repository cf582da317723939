import { cellAddress } from '../../src/core/a1';
import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { getForm, CATALOGUE } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { selectionAreas } from '../../src/hosts/live/selection-areas';
import type { FakeExcelHost } from '../fake-excel/host';
import { desktop, hostFor } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

/**
 * A dropdown pick raises no onChanged (office-js #4066, #3888, #420; platforms.ts). Live checking catches it on the
 * next selection change by re-reading only the area the selection left, and on the pane's focus by a full re-read.
 */
const ROWS = 5000;
let plan: SheetPlan;
let filled: FakeExcelHost;

beforeAll(async () => {
  // Inserted once on Excel on Windows (on the web one request of a 5,000-row list passes 5 MB, scripts/bench.ts), then
  // copied onto each platform's host: the list may come from a template opened there.
  plan = planSheet(getForm('studio-summary'), { tableRows: { studios: ROWS }, anyRowCount: true });
  filled = hostFor(desktop);
  filled.state.addSheet('Sheet1');
  const support = detectApiSupport((s, v) => filled.isSetSupported(s, v));
  await filled.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  const edits: Record<string, string | number> = {};
  for (const s of plan.slots) edits[cellAddress(s.row, s.col)] = s.field.type === 'integer' ? 12 : '某某';
  filled.userEdit(plan.sheetName, edits);
}, 60_000);

/** The nth list cell from the end of the list (1: the last), filled with a value its list does not have. */
function listCell(fromEnd: number): { address: string; option: string } {
  const cells = plan.validations.filter((v) => v.validation.rule?.kind === 'list');
  const cell = cells[cells.length - fromEnd]!;
  return { address: cellAddress(cell.row, cell.col), option: (cell.validation.rule as { options: string[] }).options[0]! };
}

forEachPlatform((platform) => {
  async function setUp() {
    const host = filled.fork(platform.options);
    const live = new LiveValidation(
      (b) => host.run(b),
      detectApiSupport((s, v) => host.isSetSupported(s, v)),
      new OwnWrites(),
      { catalogue: CATALOGUE, today: () => '2026-11-21', debounceMs: 1 },
    );
    await live.start();
    await live.idle();
    const settle = async () => {
      await host.state.settle();
      await live.idle();
    };
    const errorsAt = (address: string) =>
      live.state.sheets.flatMap((s) => s.problems).filter((p) => p.cell === address && p.severity === 'error');
    return { host, live, settle, errorsAt };
  }

  describe(`a pick in a ${ROWS.toLocaleString('en')}-row list`, () => {
    it('is caught on the next selection change: one sync, reading only the cell the selection left', async () => {
      const { host, live, settle, errorsAt } = await setUp();
      const { address, option } = listCell(1);
      expect(errorsAt(address)).toHaveLength(1);
      host.userSelect(plan.sheetName, address);
      await settle();
      host.userPick(plan.sheetName, address, option);
      await settle();
      expect(errorsAt(address)).toHaveLength(1);
      const [syncs, cells, bytes] = [host.syncCount, host.loadedCells, host.loadedBytes];
      host.userSelect(plan.sheetName, 'A1');
      await settle();
      expect(host.syncCount - syncs).toBe(1);
      expect(host.loadedCells - cells).toBe(1);
      expect(host.loadedBytes - bytes).toBeLessThan(100);
      expect(errorsAt(address)).toEqual([]);
      // The sheet as checked is the sheet as it is: a full re-read (the pane's focus) finds nothing new to report.
      const report = live.state.sheets[0];
      const before = host.loadedCells;
      live.recheck();
      await settle();
      expect(host.loadedCells - before).toBeGreaterThan(ROWS);
      expect(live.state.sheets[0]).toBe(report);
    });

    it('a typed value is read alone too: onChanged names the cells it edited', async () => {
      const { host, settle, errorsAt } = await setUp();
      const { address, option } = listCell(3);
      expect(errorsAt(address)).toHaveLength(1);
      const [syncs, cells] = [host.syncCount, host.loadedCells];
      host.userEdit(plan.sheetName, { [address]: option });
      await settle();
      expect([host.syncCount - syncs, host.loadedCells - cells]).toEqual([1, 1]);
      expect(errorsAt(address)).toEqual([]);
    });

    it('made before any selection change was seen: the sheet of the first one is re-read whole', async () => {
      const { host, settle, errorsAt } = await setUp();
      const { address, option } = listCell(1);
      host.userPick(plan.sheetName, address, option);
      const cells = host.loadedCells;
      host.userSelect(plan.sheetName, 'B2');
      await settle();
      expect(host.loadedCells - cells).toBeGreaterThan(ROWS);
      expect(errorsAt(address)).toEqual([]);
    });

    it('followed by a click in the problem list: the cell the clerk left is read, Excel’s echo of the select is not the clerk’s (#4691)', async () => {
      const { host, live, settle, errorsAt } = await setUp();
      const picked = listCell(1);
      const shown = listCell(2);
      host.userSelect(plan.sheetName, picked.address);
      await settle();
      host.userPick(plan.sheetName, picked.address, picked.option);
      await settle();
      const sheetId = host.state.sheet(plan.sheetName)!.id;
      const [syncs, cells] = [host.syncCount, host.loadedCells];
      await live.select(sheetId, shown.address);
      await settle();
      // The select, then one read of the one cell the clerk left; nothing of the selected cell.
      expect([host.syncCount - syncs, host.loadedCells - cells]).toEqual([2, 1]);
      expect(errorsAt(picked.address)).toEqual([]);
      expect(errorsAt(shown.address)).toHaveLength(1);
      // The clerk now picks in the cell the pane selected and moves on: that cell is read (the echo did not move the
      // watch's idea of where the clerk is).
      host.userPick(plan.sheetName, shown.address, shown.option);
      const before = host.loadedCells;
      host.userSelect(plan.sheetName, 'A1');
      await settle();
      expect(host.loadedCells - before).toBe(1);
      expect(errorsAt(shown.address)).toEqual([]);
    });

    it('the echo of the pane’s select held back (#1502) and delivered after the clerk moved on: still not the clerk’s', async () => {
      const { host, live, settle, errorsAt } = await setUp();
      const shown = listCell(2);
      const sheetId = host.state.sheet(plan.sheetName)!.id;
      host.userSelect(plan.sheetName, 'A1');
      await settle();
      host.state.holdEvents = true;
      await live.select(sheetId, shown.address);
      host.userPick(plan.sheetName, shown.address, shown.option);
      host.userSelect(plan.sheetName, 'B2');
      const cells = host.loadedCells;
      host.state.releaseHeldEvents();
      await settle();
      expect(errorsAt(shown.address)).toEqual([]);
      // A1 (left for the pane's cell) and the pane's cell (left for B2): a cell each, no whole re-read.
      expect(host.loadedCells - cells).toBeLessThanOrEqual(2);
    });

    it('a typed value whose onChanged is lost (#1760) is caught when the clerk moves on, or at the latest on the pane’s focus', async () => {
      const { host, live, settle, errorsAt } = await setUp();
      const first = listCell(3);
      const second = listCell(4);
      host.state.loseEvent = (e) => e.kind === 'changed';
      host.userSelect(plan.sheetName, first.address);
      await settle();
      host.userEdit(plan.sheetName, { [first.address]: first.option });
      await settle();
      expect(errorsAt(first.address)).toHaveLength(1);
      host.userSelect(plan.sheetName, 'A1');
      await settle();
      expect(errorsAt(first.address)).toEqual([]);
      // Selection events lost too (#533): only the pane's focus (a full re-read) finds the second one.
      host.state.loseEvent = () => true;
      host.userSelect(plan.sheetName, second.address);
      host.userEdit(plan.sheetName, { [second.address]: second.option });
      host.userSelect(plan.sheetName, 'A2');
      await settle();
      expect(errorsAt(second.address)).toHaveLength(1);
      live.recheck();
      await settle();
      expect(errorsAt(second.address)).toEqual([]);
      expect(host.state.lostEvents.length).toBeGreaterThanOrEqual(4);
    });

    it('followed by a click on another sheet: the area the form sheet’s selection left is read then', async () => {
      const { host, settle, errorsAt } = await setUp();
      const { address, option } = listCell(2);
      host.userSelect(plan.sheetName, address);
      await settle();
      host.userPick(plan.sheetName, address, option);
      const [syncs, cells] = [host.syncCount, host.loadedCells];
      host.userSelect('Sheet1', 'C3');
      await settle();
      expect([host.syncCount - syncs, host.loadedCells - cells]).toEqual([1, 1]);
      expect(errorsAt(address)).toEqual([]);
    });
  });
});

describe('the areas of a selection-changed event’s address', () => {
  it('reads cells, ranges, whole columns and rows, a sheet name and several areas; anything else is undefined', () => {
    expect(selectionAreas('B3')).toEqual([{ top: 2, left: 1, bottom: 2, right: 1 }]);
    expect(selectionAreas("'名单'!$C$4:$A$1")).toEqual([{ top: 0, left: 0, bottom: 3, right: 2 }]);
    expect(selectionAreas('B:C')).toEqual([{ top: 0, left: 1, bottom: 1_048_575, right: 2 }]);
    expect(selectionAreas('3:3')).toEqual([{ top: 2, left: 0, bottom: 2, right: 16_383 }]);
    expect(selectionAreas('A1,B2:C3')).toEqual([
      { top: 0, left: 0, bottom: 0, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 2 },
    ]);
    expect(selectionAreas('')).toBeUndefined();
    expect(selectionAreas('A1:B')).toBeUndefined();
  });
});
