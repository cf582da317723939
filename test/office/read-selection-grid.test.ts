import { UserError } from '../../src/core/errors';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { readSelectionGrid, sheetOfAddress } from '../../src/hosts/office/read-selection-grid';
import { DEFAULT_COLUMN_WIDTH, type FakeHostOptions } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

/**
 * A form typed into a sheet, selected as B2:E6:
 *   A1:B3 merged (its top-left cell is outside the selection: Excel does not give it, office-js #3611),
 *   C2:E2 merged (the title), D5:F7 merged (runs past the selection's right and bottom: clipped to D5:E6).
 */
function setUp(platform: PlatformProfile, options: FakeHostOptions = {}, sheetName = '报名表') {
  const host = hostFor(platform, options);
  const sheet = host.state.addSheet(sheetName);
  host.state.activeSheetId = sheet.id;
  const put = (row: number, col: number, value: string | number | boolean) => {
    host.state.cell(sheet, row, col).value = value;
  };
  put(0, 0, '外面的合并');
  put(1, 2, '合理化建议登记表');
  put(2, 1, '序号');
  put(2, 2, '单位');
  put(2, 3, '金额（万元）');
  put(2, 4, '是否完成');
  put(3, 1, 1);
  put(3, 2, '黄浦区总工会');
  put(3, 3, 12.5);
  put(3, 4, true);
  put(4, 3, '备注');
  sheet.merges.push(
    { top: 0, left: 0, bottom: 2, right: 1 },
    { top: 1, left: 2, bottom: 1, right: 4 },
    { top: 4, left: 3, bottom: 6, right: 5 },
  );
  sheet.columnWidths.set(1, 30).set(2, 120).set(4, 60.75);
  host.userSelect(sheetName, 'B2:E6');
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  return { host, run, support };
}

const ROWS = [
  ['', '合理化建议登记表', '', ''],
  ['序号', '单位', '金额（万元）', '是否完成'],
  ['1', '黄浦区总工会', '12.5', 'TRUE'],
  ['', '', '备注', ''],
  ['', '', '', ''],
];

forEachPlatform((platform) => {
  describe('reading the selected cells as a grid to import', () => {
    it('gives the texts shown, the widths, and the merges relative to the selection, clipped to it (2 syncs)', async () => {
      const { host, run, support } = setUp(platform);
      expect(support.mergedAreas).toBe(true);
      const before = host.syncCount;
      const grid = await run((c) => readSelectionGrid(c, support));
      expect(host.syncCount - before).toBe(2);
      expect(grid).toEqual({
        sheetName: '报名表',
        address: '报名表!B2:E6',
        rows: ROWS,
        merges: [
          { row: 0, col: 1, rowCount: 1, colCount: 3 },
          { row: 3, col: 2, rowCount: 2, colCount: 2 },
        ],
        mergesKnown: true,
        columnWidths: [30, 120, DEFAULT_COLUMN_WIDTH, 60.75],
      });
    });

    it('reads no merges, and says so, where ExcelApi 1.13 is missing', async () => {
      const { run, support } = setUp(platform, { apiVersion: '1.12' });
      expect(support.mergedAreas).toBe(false);
      const grid = await run((c) => readSelectionGrid(c, support));
      expect(grid.mergesKnown).toBe(false);
      expect(grid.merges).toEqual([]);
      expect(grid.rows).toEqual(ROWS);
    });

    it('names a sheet whose name Excel quotes in an address', async () => {
      const { run, support } = setUp(platform, {}, "Sheet 1's");
      const grid = await run((c) => readSelectionGrid(c, support));
      expect(grid.address).toBe("'Sheet 1''s'!B2:E6");
      expect(grid.sheetName).toBe("Sheet 1's");
      expect(sheetOfAddress('Sheet1!A1')).toBe('Sheet1');
    });

    it('asks in Chinese for one block when several areas are selected', async () => {
      const { host, run, support } = setUp(platform);
      host.userSelect('报名表', 'B2:C3,E5:E6');
      const reading = run((c) => readSelectionGrid(c, support));
      await expect(reading).rejects.toBeInstanceOf(UserError);
      await expect(reading).rejects.toThrow('请只选中一块连续的区域');
    });

    it.each([
      ['too many cells', 'A1:A30000'],
      ['too many columns', 'A1:GS1'],
    ])('refuses a selection with %s in Chinese, without reading its text', async (_what, address) => {
      const { host, run, support } = setUp(platform);
      host.userSelect('报名表', address);
      const before = host.syncCount;
      const reading = run((c) => readSelectionGrid(c, support));
      await expect(reading).rejects.toBeInstanceOf(UserError);
      await expect(reading).rejects.toThrow('选中的区域太大');
      expect(host.syncCount - before).toBe(1);
      expect(host.loadedCells).toBe(0);
    });
  });

  describe('the fake host: merged areas, shown text, text format, as Excel has them', () => {
    it('has no getMergedAreasOrNullObject below ExcelApi 1.13, and a null object where nothing is merged', async () => {
      const old = setUp(platform, { apiVersion: '1.12' });
      await expect(
        old.run(async (c) => {
          c.workbook.getSelectedRange().getMergedAreasOrNullObject();
          await c.sync();
        }),
      ).rejects.toMatchObject({ code: 'ApiNotFound' });
      const { host, run } = setUp(platform);
      host.userSelect('报名表', 'B3:E4');
      const isNull = await run(async (c) => {
        const merged = c.workbook.getSelectedRange().getMergedAreasOrNullObject();
        merged.areas.load('items/rowIndex');
        await c.sync();
        return [merged.isNullObject, merged.areas.items.length];
      });
      expect(isNull).toEqual([true, 0]);
    });

    it('keeps a string written into a cell formatted as text ("@") as text; a General cell takes it for a number', async () => {
      const { host, run } = setUp(platform);
      await run(async (c) => {
        const ws = c.workbook.worksheets.getItem('报名表');
        const asText = ws.getRange('H1');
        asText.numberFormat = [['@']];
        asText.values = [['00123']];
        ws.getRange('H2').values = [['00123']];
        await c.sync();
      });
      const sheet = host.state.sheet('报名表')!;
      expect(host.state.peek(sheet, 0, 7)?.value).toBe('00123');
      expect(host.state.peek(sheet, 1, 7)?.value).toBe(123);
    });
  });
});
