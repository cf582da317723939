import { cellAddress } from '../../src/core/a1';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import type { LiveChecking } from '../../src/hosts/live/live-checking';
import { GOOD, SUMMARY, at } from '../support/studio-summary-sheet';

/**
 * What live checking does the same on every host: the same suite is run on the fake Excel (test/office) and the fake
 * ET (test/wps, both ways its unknowns may go). A World is one host with the 推荐申报汇总表 inserted and live checking
 * started on it; the clerk's actions are the host's own (typing, a dropdown pick, a paste, a click).
 */
export interface LiveWorld {
  live: LiveChecking;
  /** The inserted form's sheet name. */
  sheet: string;
  /** The clerk types values (one change, several cells at once as a fill). */
  type(edits: Record<string, string | number | null>): void;
  /** The clerk picks from a dropdown (Excel and the worst-case WPS raise no change event). */
  pick(address: string, option: string): void;
  /** The clerk pastes a block (the worst-case WPS raises no change event). */
  paste(address: string, values: (string | number)[][]): void;
  /** The clerk selects a cell. */
  select(address: string): void;
  /** A cell's fill as #RRGGBB, or undefined. */
  fillAt(address: string): string | undefined;
  /** The active sheet's selected cell. */
  selection(): string;
  /** Lets the host's events and live checking's debounce run out. */
  settle(): Promise<void>;
}

/** The live-checking contract, run by each host's test file with its world. */
export function liveContract(makeWorld: () => Promise<LiveWorld>): void {
  const problems = (w: LiveWorld) => w.live.state.sheets.flatMap((s) => s.problems.map((p) => `${p.cell} ${p.severity} ${p.code}`));
  const errors = (w: LiveWorld) => problems(w).filter((p) => p.includes(' error '));

  it('finds the inserted form by its marker; a blank form is only reminded of, nothing painted', async () => {
    const w = await makeWorld();
    expect(w.live.state.sheets.map((s) => [s.sheetName, s.formId])).toEqual([[w.sheet, 'studio-summary']]);
    expect(problems(w)).toEqual([`${at('unionName')} info form.untouched`]);
    expect(SUMMARY.slots.map((s) => w.fillAt(cellAddress(s.row, s.col))).filter(Boolean)).toEqual([]);
  });

  it('a typed wrong value is listed at once, painted only when the clerk asks, and cleared when fixed', async () => {
    const w = await makeWorld();
    w.type({ ...GOOD, [at('applicantPhone')]: '5588' });
    await w.settle();
    expect(errors(w)).toEqual([`${at('applicantPhone')} error phone.format`]);
    expect(w.fillAt(at('applicantPhone'))).toBeUndefined();
    await w.live.checkAll();
    await w.settle();
    expect(w.fillAt(at('applicantPhone'))).toBe(HIGHLIGHT.error);
    w.type({ [at('applicantPhone')]: '021-55885592' });
    await w.settle();
    expect(errors(w)).toEqual([]);
    await w.live.checkAll();
    await w.settle();
    expect(w.fillAt(at('applicantPhone'))).toBeUndefined();
  });

  it('a dropdown pick is caught when the selection moves on', async () => {
    const w = await makeWorld();
    w.type({ ...GOOD, [at('hasCampaign')]: '有' });
    await w.settle();
    expect(errors(w)).toEqual([]);
    w.select(at('studios[0].studioType'));
    await w.settle();
    w.type({ [at('studios[0].studioType')]: '其他工作室' });
    await w.settle();
    expect(errors(w).map((e) => e.split(' ')[0])).toEqual([at('studios[0].studioType')]);
    w.select(at('studios[0].studioType'));
    await w.settle();
    w.pick(at('studios[0].studioType'), '巾帼工作室');
    w.select('A1');
    await w.settle();
    expect(errors(w)).toEqual([]);
  });

  it('a paste is caught when the pane gets the focus, and a repeated name in the list is found and cleared', async () => {
    const w = await makeWorld();
    w.type(GOOD);
    await w.settle();
    w.paste(at('studios[1].studioType'), [['职工工作室', '甲工作室', '另一公司', '李四']]);
    await w.settle();
    w.live.recheck();
    await w.settle();
    expect(errors(w)).toEqual([`${at('studios[1].studioName')} error rule.unique`]);
    w.type({ [at('studios[1].studioName')]: '乙工作室' });
    await w.settle();
    expect(errors(w)).toEqual([]);
  });

  it('a click on a problem selects its cell', async () => {
    const w = await makeWorld();
    await w.live.select(w.live.state.sheets[0]!.sheetId, at('applicantPhone'));
    expect(w.selection()).toBe(at('applicantPhone'));
  });
}
