/**
 * 从所选区域创建 in WPS 表格: the selected cells read through ET (src/hosts/wps/read-selection-grid.ts) give the same
 * SelectedGrid as the Office reader gives for the same cells on the fake Excel, and import to the same definition.
 * The ET calls of a read are counted (PRINT_FIGURES=1 prints them for a 30 × 10 form).
 */
import { importSelectedForm } from '../../src/app/import-forms';
import { rangeAddress, type CellRange } from '../../src/core/a1';
import { UserError } from '../../src/core/errors';
import type { SelectedGrid } from '../../src/core/import/selected-grid';
import { planSheet } from '../../src/core/layout';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { readSelectionGrid } from '../../src/hosts/office/read-selection-grid';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { readSelectionGridWps } from '../../src/hosts/wps/read-selection-grid';
import { FORMS } from '../../src/notices';
import { desktop, hostFor } from '../fake-excel/platforms';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';

const TODAY = '2026-12-07';

/**
 * A column of w characters is 5.625 × w + 3.35 points wide in WPS 12.1.0.28043 (aiworkdeck's measurement:
 * 5 → 31.5, 10 → 59.6, 20 → 115.85, 40 → 228.35): the width Excel's reader is given for the same column.
 */
const MEASURED_POINTS: Record<number, number> = { 5: 31.5, 10: 59.6, 20: 115.85, 40: 228.35 };
const pointsOf = (characters: number) => MEASURED_POINTS[characters] ?? 5.625 * characters + 3.35;

type Value = string | number | boolean;

/** The same cells laid out by hand in the fake ET and in the fake Excel (not through either adapter). */
interface Layout {
  sheetName: string;
  values: { row: number; col: number; value: Value }[];
  merges: CellRange[];
  /** Characters, by column. */
  widths: Map<number, number>;
}

function etWith(layout: Layout, selected: string): FakeEt {
  const et = new FakeEt({ sheets: [layout.sheetName] });
  const sheet = et.sheet(layout.sheetName) as EtSheetState;
  for (const { row, col, value } of layout.values) sheet.cells.set(cellKey(row, col), { ...emptyCell(), value });
  sheet.merges.push(...layout.merges.map((m) => ({ ...m })));
  for (const [col, w] of layout.widths) sheet.columnWidths.set(col, w);
  et.select(layout.sheetName, selected);
  return et;
}

async function readInExcel(layout: Layout, selected: string): Promise<SelectedGrid> {
  const host = hostFor(desktop);
  const sheet = host.state.addSheet(layout.sheetName);
  host.state.activeSheetId = sheet.id;
  for (const { row, col, value } of layout.values) host.state.cell(sheet, row, col).value = value;
  sheet.merges.push(...layout.merges.map((m) => ({ ...m })));
  for (const [col, w] of layout.widths) sheet.columnWidths.set(col, pointsOf(w));
  host.userSelect(layout.sheetName, selected);
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  return host.run((c) => readSelectionGrid(c, support));
}

/** Widths compared to 0.05 point (the fake's linear fit of the measurement is off by up to 0.025 point). */
function expectSameGrid(wps: SelectedGrid, excel: SelectedGrid): void {
  expect({ ...wps, columnWidths: [] }).toEqual({ ...excel, columnWidths: [] });
  expect(wps.columnWidths).toHaveLength(excel.columnWidths.length);
  wps.columnWidths.forEach((w, i) => expect(w).toBeCloseTo(excel.columnWidths[i] as number, 1));
}

/** A form typed by hand: a title merged across, a header, two rows, a 备注 merged over two rows and two columns. */
const TYPED: Layout = {
  sheetName: '报名表',
  values: [
    { row: 1, col: 1, value: '合理化建议登记表' },
    { row: 2, col: 1, value: '序号' },
    { row: 2, col: 2, value: '单位' },
    { row: 2, col: 3, value: '金额（万元）' },
    { row: 2, col: 4, value: '是否完成' },
    { row: 3, col: 1, value: 1 },
    { row: 3, col: 2, value: '黄浦区总工会' },
    { row: 3, col: 3, value: 12.5 },
    { row: 3, col: 4, value: true },
    { row: 4, col: 1, value: '填报单位：' },
    { row: 4, col: 3, value: '备注' },
    { row: 5, col: 1, value: '联系人' },
  ],
  merges: [
    { top: 1, left: 1, bottom: 1, right: 4 },
    { top: 4, left: 1, bottom: 4, right: 2 },
    { top: 4, left: 3, bottom: 5, right: 4 },
  ],
  widths: new Map([
    [1, 5],
    [2, 40],
    [3, 20],
    [4, 10],
  ]),
};

describe('reading the selected cells in WPS 表格 (从所选区域创建)', () => {
  it('gives what the Office reader gives for the same cells: texts, merges relative to the selection, widths in points', async () => {
    const et = etWith(TYPED, 'B2:E6');
    const wps = readSelectionGridWps(et.app);
    const excel = await readInExcel(TYPED, 'B2:E6');
    expectSameGrid(wps, excel);
    // and what the cells hold, written out
    expect(wps.rows[2]).toEqual(['1', '黄浦区总工会', '12.5', 'TRUE']);
    expect(wps.merges).toEqual([
      { row: 0, col: 0, rowCount: 1, colCount: 4 },
      { row: 3, col: 0, rowCount: 1, colCount: 2 },
      { row: 3, col: 2, rowCount: 2, colCount: 2 },
    ]);
    expect(wps.address).toBe('报名表!B2:E6');
    expect(wps.mergesKnown).toBe(true);
    expect(importSelectedForm(wps, TODAY)).toEqual(importSelectedForm(excel, TODAY));
  });

  it('clips a merged area running past the selection, and finds one that starts above it (Excel does not: office-js #3611)', () => {
    const et = etWith(TYPED, 'B3:D5');
    const grid = readSelectionGridWps(et.app);
    // 备注 D5:E6 clipped to D5; B5:C5 kept; the title B2:E2 lies outside
    expect(grid.merges).toEqual([{ row: 2, col: 0, rowCount: 1, colCount: 2 }]);
    const below = etWith(TYPED, 'B6:E6');
    // 备注's area D5:E6 starts above the selection: its clipped part D6:E6 is a merge of the selection
    expect(readSelectionGridWps(below.app).merges).toEqual([{ row: 0, col: 2, rowCount: 1, colCount: 2 }]);
  });

  it('quotes a sheet name in the address as Excel does', async () => {
    const layout = { ...TYPED, sheetName: "Sheet 1's" };
    const wps = readSelectionGridWps(etWith(layout, 'B2:E6').app);
    const excel = await readInExcel(layout, 'B2:E6');
    expect(wps.address).toBe(excel.address);
    expect(wps.sheetName).toBe("Sheet 1's");
  });

  it('reads a one-row selection whichever shape Value2 takes (1-D in the worst case)', () => {
    const et = etWith(TYPED, 'B3:E3');
    expect(readSelectionGridWps(et.app).rows).toEqual([['序号', '单位', '金额（万元）', '是否完成']]);
  });

  it('asks in Chinese for one block when several are selected with Ctrl, reading no cells', () => {
    const et = etWith(TYPED, 'B2:E6');
    et.selectAreas('报名表', ['B2:C3', 'E5:E6']);
    et.counter.reset();
    expect(() => readSelectionGridWps(et.app)).toThrow(UserError);
    expect(() => readSelectionGridWps(et.app)).toThrow('请只选中一块连续的区域');
    expect(et.counter.byMember.get('Range.Value2')).toBeUndefined();
  });

  it('asks in Chinese to select cells when a chart or shape is selected (Selection is no range: the worst case)', () => {
    const et = etWith(TYPED, 'B2:E6');
    et.selectObject('报名表');
    expect(() => readSelectionGridWps(et.app)).toThrow(UserError);
    expect(() => readSelectionGridWps(et.app)).toThrow('现在选中的不是单元格');
  });

  it.each([
    ['too many cells', 'A1:A30000'],
    ['too many columns', 'A1:GS1'],
  ])('refuses a selection with %s in Chinese, without reading its values', (_what, address) => {
    const et = etWith(TYPED, address);
    et.counter.reset();
    expect(() => readSelectionGridWps(et.app)).toThrow('选中的区域太大');
    expect(et.counter.byMember.get('Range.Value2')).toBeUndefined();
    expect(et.calls).toBeLessThanOrEqual(10);
  });

  it('says in Chinese which step WPS refused, never its own words', () => {
    const et = etWith(TYPED, 'B2:E6');
    et.failOn('Range.Value2');
    let thrown: unknown;
    try {
      readSelectionGridWps(et.app);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message).toMatch(/^无法读取选中的单元格：WPS 表格没有完成“读取选中的单元格”这一步/);
    expect((thrown as Error).message).not.toContain('fake ET');
  });
});

describe('a catalogue form drawn by the WPS drawing, selected and read', () => {
  it.each(FORMS.map((f) => [f.id, f]))(
    '%s: the same grid as Excel reads from the same cells, imported to the same definition',
    async (_id, form) => {
      const plan = planSheet(form);
      const et = new FakeEt({ sheets: ['Sheet1'] });
      const { sheetName } = insertFormWps(et.app, plan);
      const sheet = et.sheet(sheetName) as EtSheetState;
      const { top, left, bottom, right } = plan.area;
      const selected = rangeAddress(plan.area);
      et.select(sheetName, selected);
      et.counter.reset();
      const wps = readSelectionGridWps(et.app);
      const calls = et.calls;
      const cellsRead = (bottom - top + 1) * (right - left + 1);

      // the same cells handed to the fake Excel as they stand in the fake ET: values, merges and widths
      const layout: Layout = { sheetName, values: [], merges: sheet.merges.map((m) => ({ ...m })), widths: new Map() };
      for (const [key, cell] of sheet.cells) {
        const [row, col] = key.split(':').map(Number) as [number, number];
        if (cell.value !== null && row <= bottom && col <= right) layout.values.push({ row, col, value: cell.value });
      }
      for (let c = left; c <= right; c++) layout.widths.set(c, sheet.columnWidths.get(c) ?? 8.38);
      const excel = await readInExcel(layout, selected);

      expectSameGrid(wps, excel);
      expect(wps.merges.length).toBeGreaterThan(0);
      expect(importSelectedForm(wps, TODAY).form).toEqual(importSelectedForm(excel, TODAY).form);
      // a bound: the block's values in one read, a call a column for its width, and at most a few calls a cell for
      // merges (rows without merges cost two)
      expect(et.counter.byMember.get('Range.Value2')).toBe(1);
      expect(calls).toBeLessThan(12 + 4 * (right - left + 1) + 2 * (bottom - top + 1) + 3 * cellsRead);
      if (process.env.PRINT_FIGURES)
        console.log(`${form.id}: ${bottom - top + 1} × ${right - left + 1} cells, ${calls} ET calls to read the selection`);
    },
  );
});

/**
 * A 30 × 10 form as offices type them: a title across, four rows of label and blank pairs (labels over 2 columns,
 * blanks over 3), a list's header and 20 rows without merges, a 备注 row (label, then 9 columns for its text) and a
 * sign-and-date row (两 halves merged).
 */
function thirtyByTen(): Layout {
  const values: Layout['values'] = [{ row: 0, col: 0, value: '2026年职工创新项目申报表' }];
  const merges: CellRange[] = [{ top: 0, left: 0, bottom: 0, right: 9 }];
  const labels = ['申报单位', '联系人', '项目名称', '联系电话', '负责人', '电子邮箱', '起止时间', '参与人数'];
  for (let r = 1; r <= 4; r++) {
    for (const left of [0, 5]) {
      values.push({ row: r, col: left, value: labels[(r - 1) * 2 + (left === 0 ? 0 : 1)] as string });
      merges.push({ top: r, left, bottom: r, right: left + 1 }, { top: r, left: left + 2, bottom: r, right: left + 4 });
    }
  }
  ['序号', '姓名', '性别', '出生年月', '学历', '职称', '岗位', '工龄', '联系电话', '备注'].forEach((value, col) =>
    values.push({ row: 5, col, value }),
  );
  for (let r = 6; r <= 25; r++) values.push({ row: r, col: 0, value: r - 5 });
  values.push({ row: 26, col: 0, value: '备注' });
  merges.push({ top: 26, left: 1, bottom: 27, right: 9 });
  values.push({ row: 28, col: 0, value: '单位负责人（签字）：' }, { row: 28, col: 5, value: '填报日期：' });
  merges.push({ top: 28, left: 0, bottom: 28, right: 4 }, { top: 28, left: 5, bottom: 28, right: 9 });
  values.push({ row: 29, col: 0, value: '注：本表一式两份。' });
  merges.push({ top: 29, left: 0, bottom: 29, right: 9 });
  return { sheetName: '申报表', values, merges, widths: new Map(Array.from({ length: 10 }, (_, c) => [c, 10])) };
}

describe('the calls of one read of a 30 × 10 form', () => {
  it('are bounded: one Value2, two a column for widths, two a row for merges, three a merged area found', async () => {
    const layout = thirtyByTen();
    const et = etWith(layout, 'A1:J30');
    et.counter.reset();
    const wps = readSelectionGridWps(et.app);
    const calls = et.calls;
    expectSameGrid(wps, await readInExcel(layout, 'A1:J30'));
    expect(wps.merges).toHaveLength(layout.merges.length);
    // 30 rows, 10 columns, 21 merges (each found once, from its top-left cell: no cell of one is visited again)
    expect(et.counter.byMember.get('Range.Value2')).toBe(1);
    expect(calls).toBeLessThanOrEqual(12 + 2 * 10 + 2 * 30 + 3 * 60);
    if (process.env.PRINT_FIGURES) {
      const most = [...et.counter.byMember].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.log(`30 × 10 form, ${layout.merges.length} merges: ${calls} ET calls (${most.map(([m, n]) => `${m} ${n}`).join(', ')})`);
    }
  });
});
