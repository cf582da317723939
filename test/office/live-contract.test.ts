import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { CATALOGUE } from '../../src/notices';
import { hostFor } from '../fake-excel/platforms';
import { liveContract, type LiveWorld } from '../live/live-contract';
import { SUMMARY } from '../support/studio-summary-sheet';
import { forEachPlatform } from './for-each-platform';

/** The live-checking contract (test/live/live-contract.ts) on the fake Excel, on each platform. */
forEachPlatform((platform) => {
  describe('the live-checking contract in Excel (fake host)', () => {
    liveContract(async (): Promise<LiveWorld> => {
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
        paste: (address, values) => {
          const { row, col } = { row: Number(address.match(/\d+/)![0]) - 1, col: address.charCodeAt(0) - 65 };
          const edits: Record<string, string | number> = {};
          values.forEach((r, i) => r.forEach((v, j) => (edits[String.fromCharCode(65 + col + j) + String(row + i + 1)] = v)));
          host.userEdit(sheet, edits);
        },
        select: (address) => host.userSelect(sheet, address),
        fillAt: (address) => {
          const { row, col } = { row: Number(address.match(/\d+/)![0]) - 1, col: address.charCodeAt(0) - 65 };
          return state().cells.get(`${row}:${col}`)?.fill;
        },
        selection: () => host.state.selection?.address ?? '',
        settle,
      };
    });
  });
});
