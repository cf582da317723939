import { cellAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import { sheetMarker } from '../../src/core/marker';
import { readForm } from '../../src/core/read/read-form';
import { checkForm } from '../../src/core/rules/check-form';
import { getForm } from '../../src/notices';
import type { LiveWorld } from './live-contract';
import { GOOD, SUMMARY } from '../support/studio-summary-sheet';

/** A small seeded generator (mulberry32): the same edits on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What clerks type into the 汇总表: repeated names, wrong numbers and phones, blanks, 合计 rows. */
const VALUES: (string | number)[] = [
  '甲工作室',
  '乙工作室',
  ' 甲 工作室',
  '丙',
  '',
  '三个',
  5,
  12,
  '021-55885659',
  '5588',
  '张三',
  '合计',
  '某公司',
  '职工工作室',
];

/**
 * Random clerk's work through the host — typing, picks from dropdowns, pastes, the pane's focus — and after each
 * step the problems live checking lists are those of the full check of the sheet as the host holds it (read here
 * from the fake's own cells, not through the add-in). `grid` gives the fake's cells of the form's sheet from A1.
 */
export async function randomEditsMatchFullCheck(w: LiveWorld, grid: () => CellValue[][], seed: number, steps: number): Promise<number> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const form = getForm('studio-summary');
  const dropdowns = SUMMARY.validations.filter((v) => v.validation.rule?.kind === 'list');
  w.type(GOOD);
  await w.settle();
  let compared = 0;
  for (let i = 0; i < steps; i++) {
    const slot = pick(SUMMARY.slots);
    const address = cellAddress(slot.row, slot.col);
    const action = next();
    if (action < 0.5) {
      w.type({ [address]: pick(VALUES) });
    } else if (action < 0.75) {
      const cell = pick(dropdowns);
      const at = cellAddress(cell.row, cell.col);
      w.select(at);
      await w.settle();
      w.pick(at, pick((cell.validation.rule as { options: string[] }).options));
      w.select('A1');
    } else if (action < 0.9) {
      // a block over two inputs side by side where there are two, else over one (never onto a locked label)
      const beside = SUMMARY.slots.some((s) => s.row === slot.row && s.col === slot.col + 1 && slot.colSpan === 1);
      w.paste(address, [beside ? [pick(VALUES), pick(VALUES)] : [pick(VALUES)]]);
      w.live.recheck();
    } else {
      w.live.recheck();
    }
    await w.settle();
    const cells = grid();
    const marker = sheetMarker([], cells[0]);
    const expected = checkForm(readForm(form, cells, marker?.params ?? {}), { today: '2026-11-21', unfilled: 'pending' });
    expect(w.live.state.sheets[0]?.problems).toEqual(expected);
    compared++;
  }
  return compared;
}
