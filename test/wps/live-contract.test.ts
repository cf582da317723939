import { cellAddress, parseCellAddress } from '../../src/core/a1';
import { LiveChecking } from '../../src/hosts/live/live-checking';
import { bgrToHex } from '../../src/hosts/wps/et-values';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { WpsLivePort } from '../../src/hosts/wps/live-port';
import { CATALOGUE } from '../../src/notices';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey } from '../fake-wps/state';
import type { CellValue } from '../../src/core/cell-value';
import { liveContract, type LiveWorld } from '../live/live-contract';
import { randomEditsMatchFullCheck } from '../live/random-edits';
import { GOOD, SUMMARY, at } from '../support/studio-summary-sheet';

/** One fake WPS with the 汇总表 inserted through the WPS adapter and live checking started on its port. */
async function wpsWorld(behaviours: EtBehaviours) {
  const et = new FakeEt({ behaviours });
  const { sheetId: sheet } = insertFormWps(et.app, SUMMARY);
  const live = new LiveChecking(new WpsLivePort(et.app), { catalogue: CATALOGUE, today: () => '2026-11-21', debounceMs: 1 });
  live.unfilled = 'pending';
  const settle = async () => {
    // the port finds new sheets again after the burst of events (a timer), then live checking's debounce runs out
    await new Promise((r) => setTimeout(r, 5));
    await live.idle();
  };
  await live.start();
  await settle();
  const world: LiveWorld = {
    live,
    sheet,
    type: (edits) => {
      for (const [address, value] of Object.entries(edits)) et.type(sheet, address, value === null ? '' : String(value), 'stay');
    },
    pick: (address, option) => et.pick(sheet, address, option),
    paste: (address, values) => et.paste(sheet, address, values),
    select: (address) => et.select(sheet, address),
    fillAt: (address) => {
      const { row, col } = parseCellAddress(address);
      const fill = et.sheet(sheet)?.cells.get(cellKey(row, col))?.fill;
      return fill === undefined ? undefined : bgrToHex(fill);
    },
    selection: () => {
      const active = et.workbook.activeSheet!;
      return cellAddress(active.activeCell.row, active.activeCell.col);
    },
    settle,
  };
  /** The sheet's cells as the fake holds them, from A1 (not read through the add-in). */
  const grid = (): CellValue[][] => {
    const out: CellValue[][] = [];
    for (const [key, cell] of et.sheet(sheet)?.cells ?? []) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      while (out.length <= row) out.push([]);
      (out[row] as CellValue[])[col] = cell.value as CellValue;
    }
    return out;
  };
  return { et, world, grid };
}

describe.each([
  ['the worst case (no SheetChange on a pick or a paste, own writes fire it)', WORST_CASE],
  ['the kind case (ET behaves like Excel’s VBA)', KIND_CASE],
])('the live-checking contract in WPS 表格 (fake ET), %s', (_label, behaviours) => {
  liveContract(async () => (await wpsWorld(behaviours)).world);

  it('after every step of random clerk’s work, the problems listed are the full check’s of the sheet as it is', async () => {
    const { world, grid } = await wpsWorld(behaviours);
    expect(await randomEditsMatchFullCheck(world, grid, 20261207, 60)).toBe(60);
  });
});

describe('live checking in WPS: calls to ET', () => {
  it('a typed change reads the cells SheetChange names; a pick caught on a selection change reads the cell left', async () => {
    const { et, world } = await wpsWorld(WORST_CASE);
    world.type(GOOD);
    await world.settle();
    let calls = et.calls;
    et.type(world.sheet, at('applicantPhone'), '5588', 'stay');
    await world.settle();
    const typed = et.calls - calls;
    expect(world.live.state.sheets[0]?.problems.filter((p) => p.severity === 'error').map((p) => p.cell)).toEqual([at('applicantPhone')]);
    // the event's Sh.Name and Target.Address (2); the sheet found by name: ActiveWorkbook, Worksheets, Item (3); its
    // Name (1); Range(the changed cell).Value2 (2)
    expect(typed).toBe(8);

    world.select(at('studios[0].studioType'));
    await world.settle();
    et.pick(world.sheet, at('studios[0].studioType'), '巾帼工作室');
    calls = et.calls;
    world.select('A1');
    await world.settle();
    const picked = et.calls - calls;
    // the event's Sh.Name and Target.Address (2); the sheet (3), its Name (1), one Range(cell left).Value2 (2)
    expect(picked).toBe(8);
    expect(world.live.state.sheets[0]?.problems.filter((p) => p.cell === at('studios[0].studioType'))).toEqual([]);
  });

  it('paints only when asked, one rectangle of one fill at a time, and its own writes start no new check', async () => {
    const { et, world } = await wpsWorld(WORST_CASE);
    world.type({ ...GOOD, [at('applicantPhone')]: '5588', [at('craftsmanStudios')]: '三个' });
    await world.settle();
    const calls = et.calls;
    await world.live.checkAll();
    await world.settle();
    expect(world.fillAt(at('applicantPhone'))).toBe('#FFC7CE');
    const afterPaint = et.calls;
    // nothing runs after the paint: its writes raised no check (the next settle makes no call)
    await world.settle();
    expect(et.calls).toBe(afterPaint);
    // discovery, one read and the paint: every input area of the form cleared or painted in a few rectangles
    expect(afterPaint - calls).toBeLessThan(SUMMARY.slots.length * 3);
  });

  it('a form sheet copied or inserted while checking runs is found by the events of the new sheet', async () => {
    const { et, world } = await wpsWorld(WORST_CASE);
    insertFormWps(et.app, SUMMARY);
    await world.settle();
    expect(world.live.state.sheets).toHaveLength(2);
  });
});
