import { cellAddress, parseCellAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { CATALOGUE } from '../../src/notices';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { liveContract, type LiveWorld } from '../live/live-contract';
import { randomEditsMatchFullCheck } from '../live/random-edits';
import { SUMMARY } from '../support/studio-summary-sheet';
import { forEachPlatform } from './for-each-platform';

/** The fake Excel with the 汇总表 inserted and live checking started; `grid` is the sheet's cells as the fake holds them. */
async function excelWorld(platform: PlatformProfile): Promise<LiveWorld & { grid: () => CellValue[][] }> {
  const host = hostFor(platform);
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const own = new OwnWrites();
  await host.run((ctx) => insertForm(ctx, SUMMARY, support, own));
  const live = new LiveValidation((b) => host.run(b), support, own, { catalogue: CATALOGUE, today: () => '2026-11-21', debounceMs: 1 });
  live.unfilled = 'pending';
  const settle = async () => {
    await host.state.settle();
    await live.idle();
  };
  await live.start();
  await settle();
  const sheet = SUMMARY.sheetName;
  const state = () => host.state.sheet(sheet)!;
  return {
    live,
    sheet,
    type: (edits) => host.userEdit(sheet, edits),
    pick: (address, option) => host.userPick(sheet, address, option),
    // Excel raises onChanged for a paste as for typing (the Office host has no worse case to model here).
    paste: (address, values) => {
      const { row, col } = parseCellAddress(address);
      const edits: Record<string, string | number> = {};
      values.forEach((r, i) => r.forEach((v, j) => (edits[cellAddress(row + i, col + j)] = v)));
      host.userEdit(sheet, edits);
    },
    select: (address) => host.userSelect(sheet, address),
    fillAt: (address) => {
      const { row, col } = parseCellAddress(address);
      return state().cells.get(`${row}:${col}`)?.fill;
    },
    selection: () => host.state.selection?.address ?? '',
    settle,
    grid: () => {
      const grid: CellValue[][] = [];
      for (const [key, cell] of state().cells) {
        const [row, col] = key.split(':').map(Number) as [number, number];
        while (grid.length <= row) grid.push([]);
        (grid[row] as CellValue[])[col] = cell.value;
      }
      return grid;
    },
  };
}

/** The live-checking contract (test/live/live-contract.ts) on the fake Excel, on each platform. */
forEachPlatform((platform) => {
  describe('the live-checking contract in Excel (fake host)', () => {
    liveContract(() => excelWorld(platform));

    it('after every step of random clerk’s work, the problems listed are the full check’s of the sheet as it is', async () => {
      const w = await excelWorld(platform);
      expect(await randomEditsMatchFullCheck(w, w.grid, 20261207, 60)).toBe(60);
    });
  });
});
