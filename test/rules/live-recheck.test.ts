import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell-value';
import { planSheet } from '../../src/core/layout';
import { readForm, type FormReading } from '../../src/core/read/read-form';
import { rereadForm } from '../../src/core/read/reread-form';
import { checkForm, type CheckOptions } from '../../src/core/rules/check-form';
import { FormRecheck } from '../../src/core/rules/recheck-form';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { FORMS } from '../../src/notices';

/**
 * Live checking re-checks a sheet after each change doing again only what the change can have changed
 * (reread-form.ts, recheck-form.ts). Its answer must be the full check's: here both are run after every edit of random
 * edit sequences (fast-check, fixed seeds) on every form, and compared — the reading (values, 合计 rows, layout) and
 * the problems, in order.
 */

/** Values clerks type, picked to hit every rule: blanks, 合计 rows, repeated names, wrong numbers, future dates… */
const VALUES: readonly CellValue[] = [
  null,
  '',
  ' ',
  '甲工作室',
  '乙工作室',
  ' 甲 工作室',
  '甲　工作室',
  '乙工 作室',
  '某某',
  '张三',
  '合计',
  '合计 12',
  '小计：5人',
  '/',
  '—',
  '无',
  1,
  2,
  3,
  5,
  12,
  -1,
  0,
  '三个',
  '12人',
  '2018-5-20',
  '2018-05',
  '2017-3-1',
  '2020-6-1',
  '2099-1-1',
  '2026-11-21',
  '2017年5月25日',
  '5月23日-5月30日',
  '是',
  '否',
  '√',
  '021-55885659',
  '5588',
  '13812345678',
  '200063',
  '职工工作室',
  '巾帼工作室',
  '工匠工作室',
  '上海工匠',
  '女',
  '男',
  40,
  25,
  30,
];

/** Names written alike and not quite (spaces, full-width spaces): what unique must and must not tell apart. */
const NAMES: readonly CellValue[] = ['甲工作室', ' 甲 工作室', '甲　工作室', '乙工作室', '乙工 作室', '丙'];

interface Sheet {
  plan: SheetPlan;
  grid: CellValue[][];
  /** Label texts of the form, typed into a cell now and then (a label in a list can change how the sheet reads). */
  labels: string[];
}

function sheetOf(formId: string, rows: number): Sheet {
  const form = FORMS.find((f) => f.id === formId)!;
  const tableRows = Object.fromEntries(form.bands.flatMap((b) => (b.kind === 'table' ? [[b.id, rows] as const] : [])));
  const plan = planSheet(form, { tableRows, anyRowCount: true });
  const grid: CellValue[][] = Array.from({ length: plan.area.bottom + 3 }, () => Array<CellValue>(plan.area.right + 2).fill(null));
  for (const cell of plan.cells) (grid[cell.row] as CellValue[])[cell.col] = cell.value;
  const labels = plan.cells.filter((c) => c.role === 'label' && typeof c.value === 'string').map((c) => c.value as string);
  return { plan, grid, labels };
}

/** One edit: some cells set at once (a paste, a fill), or a list row cleared. */
type Edit =
  | { kind: 'cells'; cells: { slot: number; value: number; anywhere: boolean; row: number; col: number }[] }
  | { kind: 'clearRow'; slot: number }
  | { kind: 'options'; unfilled: boolean; today: number };

const editArb = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('cells' as const),
      cells: fc.array(
        fc.record({
          slot: fc.nat(),
          value: fc.nat(),
          anywhere: fc.boolean(),
          row: fc.nat(),
          col: fc.nat(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearRow' as const), slot: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('options' as const), unfilled: fc.boolean(), today: fc.nat(2) }) },
);

const TODAYS = ['2026-11-21', '2018-05-21', '2017-05-25'];

function apply(sheet: Sheet, edit: Edit, options: CheckOptions): CheckOptions {
  const { plan, grid, labels } = sheet;
  if (edit.kind === 'options') return { today: TODAYS[edit.today] as string, unfilled: edit.unfilled ? 'pending' : 'error' };
  if (edit.kind === 'clearRow') {
    const slot = plan.slots[edit.slot % plan.slots.length]!;
    for (const s of plan.slots) if (s.tableId === slot.tableId && s.index === slot.index) (grid[s.row] as CellValue[])[s.col] = null;
    return options;
  }
  for (const c of edit.cells) {
    // Mostly an input cell; now and then any cell of the sheet, and now and then a label's text.
    const pool = c.value % 9 === 0 ? labels : c.value % 3 === 0 ? NAMES : VALUES;
    const value = pool[c.value % pool.length] as CellValue;
    if (c.anywhere && c.row % 5 === 0) {
      const row = grid[c.row % grid.length] as CellValue[];
      row[c.col % row.length] = value;
    } else {
      const slot = plan.slots[c.slot % plan.slots.length]!;
      (grid[slot.row] as CellValue[])[slot.col] = value;
    }
  }
  return options;
}

/** What a reading says, compactly: where each slot is, its value, the 合计 rows, the layout and the doubts. */
function readingOf(reading: FormReading) {
  return {
    layout: reading.layout,
    slots: reading.plan.slots.map((s) => `${s.key}@${s.row}:${s.col}`),
    values: reading.values,
    totals: reading.statedTotals,
    doubts: reading.doubts,
  };
}

const CASES: [string, number][] = [
  ['yangpu-volunteer-team', 12],
  ['studio-summary', 8],
  ['studio-application', 6],
  ['festival-stats', 0],
  ['festival-project', 4],
  ['yangpu-theme-activity', 10],
];

describe('live re-checking equals the full check after every edit (random edit sequences, fixed seeds)', () => {
  it.each(CASES)('%s (lists of %i rows)', (formId, rows) => {
    const form = FORMS.find((f) => f.id === formId)!;
    let steps = 0;
    let partial = 0;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 40 }), fc.boolean(), (edits, prefilled) => {
        const sheet = sheetOf(formId, rows);
        if (prefilled)
          sheet.plan.slots.forEach((s, i) => {
            (sheet.grid[s.row] as CellValue[])[s.col] = VALUES[(i * 7 + s.col) % VALUES.length] as CellValue;
          });
        let options: CheckOptions = { today: TODAYS[0] as string, unfilled: 'pending' };
        const recheck = new FormRecheck();
        let previous: FormReading | undefined;
        for (const edit of [{ kind: 'cells', cells: [] } as Edit, ...edits]) {
          options = apply(sheet, edit, options);
          const full = readForm(form, sheet.grid);
          const reread = rereadForm(form, sheet.grid, {}, previous);
          expect(readingOf(reread)).toEqual(readingOf(full));
          if (previous && reread.plan === previous.plan) partial++;
          previous = reread;
          expect(recheck.check(reread, options)).toEqual(checkForm(full, options));
          steps++;
        }
      }),
      { seed: 20261207, numRuns: 60 },
    );
    // The partial paths ran, not only the whole ones.
    expect(partial).toBeGreaterThan(steps / 2);
  });

  it('changes in one row of a 5,000-row list: the same problems as the full check, the kept ones reused', () => {
    const form = FORMS.find((f) => f.id === 'studio-summary')!;
    const sheet = sheetOf('studio-summary', 5000);
    sheet.plan.slots.forEach((s, i) => {
      (sheet.grid[s.row] as CellValue[])[s.col] = s.field.type === 'integer' ? (i % 3) + 1 : `名称${i % 4000}`;
    });
    const options: CheckOptions = { today: '2026-11-21', unfilled: 'pending' };
    const recheck = new FormRecheck();
    let reading = rereadForm(form, sheet.grid);
    const first = recheck.check(reading, options);
    const names = sheet.plan.slots.filter((s) => s.field.id === 'studioName');
    for (const [n, value] of [
      [10, '名称3'],
      [4500, '名称10'],
      [10, '新名称'],
      [20, ''],
    ] as const) {
      const slot = names[n]!;
      (sheet.grid[slot.row] as CellValue[])[slot.col] = value;
      reading = rereadForm(form, sheet.grid, {}, reading);
      const again = recheck.check(reading, options);
      expect(again).toEqual(checkForm(readForm(form, sheet.grid), options));
      // A problem far from the change is the very object listed before.
      expect(again[again.length - 1]).toBe(first[first.length - 1]);
    }
  });
});
