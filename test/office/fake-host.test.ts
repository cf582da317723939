/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests read unloaded properties on purpose, to prove the fake refuses them as Excel does. */
import { FakeExcelHost } from '../fake-excel/host';
import { hostFor } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string };
  }
  throw new Error('expected the sync to fail');
}

describe('the fake Excel host fails where Excel fails', () => {
  let host: FakeExcelHost;
  beforeEach(() => {
    host = new FakeExcelHost({ apiVersion: '1.9' });
    host.state.addSheet('Sheet1');
  });

  it('reading a property that was not loaded, or before sync', async () => {
    const ctx = host.context();
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1']);
    expect(() => sheets.items[0]?.id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const range = sheets.items[0]!.getRangeByIndexes(0, 0, 1, 1);
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(() => range.format.wrapText).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('values whose shape does not match the range', async () => {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    expect(() => {
      ws.getRangeByIndexes(0, 0, 2, 2).values = [[1, 2]];
    }).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('writing into a merged area other than its top-left cell', async () => {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    ws.getRangeByIndexes(0, 0, 2, 2).merge(false);
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['top-left is fine']];
    await ctx.sync();
    ws.getRangeByIndexes(1, 1, 1, 1).values = [['inside']];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidOperation' });
    expect(host.state.sheet('Sheet1')?.cells.get('1:1')?.value ?? null).toBeNull();
  });

  it('writing a locked cell, or formats, on a protected sheet', async () => {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    ws.getRangeByIndexes(0, 1, 1, 1).format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true });
    await ctx.sync();
    ws.getRangeByIndexes(0, 1, 1, 1).values = [['unlocked: fine']];
    ws.getRangeByIndexes(0, 3, 1, 1).format.columnWidth = 40;
    await ctx.sync();
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['locked']];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'AccessDenied' });
    ws.getRangeByIndexes(0, 1, 1, 1).format.font.bold = true;
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'AccessDenied' });
  });

  it('an API above the requirement sets it is told it supports', () => {
    const old = new FakeExcelHost({ apiVersion: '1.7' });
    old.state.addSheet('Sheet1');
    const ctx = old.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    expect(() => ws.getRangeByIndexes(0, 0, 1, 1).dataValidation).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => {
      ctx.runtime.enableEvents = false;
    }).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(old.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(old.isSetSupported('ExcelApi', '1.8')).toBe(false);
  });

  it('a batch that fails keeps what ran before the failure, like Excel', async () => {
    const failing = new FakeExcelHost({ failAt: { sync: 1, afterOps: 1, code: 'GeneralException' } });
    const ctx = failing.context();
    ctx.workbook.worksheets.add('A');
    ctx.workbook.worksheets.add('B');
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'GeneralException' });
    expect(failing.state.sheets.map((s) => s.name)).toEqual(['A']);
    expect(failing.syncCount).toBe(1);
  });

  it('a request over the 5 MB limit, and a sync in cell edit mode', async () => {
    const small = new FakeExcelHost({ payloadLimitBytes: 1000 });
    const ctx = small.context();
    const ws = ctx.workbook.worksheets.add('A');
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['x'.repeat(2000)]];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(small.state.sheets).toEqual([]);
    const editing = new FakeExcelHost({ cellEditMode: true });
    expect(await rejection(editing.context().sync())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('takes text starting with = as a formula and an apostrophe as the text prefix', async () => {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    ws.getRangeByIndexes(0, 0, 1, 3).values = [['=1+1', "'=1+1", '42']];
    await ctx.sync();
    const cells = host.state.sheet('Sheet1')!.cells;
    expect(cells.get('0:0')).toMatchObject({ formula: '=1+1', value: null });
    expect(cells.get('0:1')).toMatchObject({ formula: undefined, value: '=1+1' });
    expect(cells.get('0:2')?.value).toBe(42);
  });

  it('text starting with + - @ becomes a formula too (Range.values says so for + - =), numbers stay numbers', async () => {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
    ws.getRangeByIndexes(0, 0, 1, 5).values = [["+cmd|' /C calc'!A0", '@SUM(1)', '-A1', '-12.5', "'+text"]];
    await ctx.sync();
    const cells = host.state.sheet('Sheet1')!.cells;
    expect(cells.get('0:0')).toMatchObject({ formula: "=+cmd|' /C calc'!A0", value: null });
    expect(cells.get('0:1')?.formula).toBe('=@SUM(1)');
    expect(cells.get('0:2')?.formula).toBe('=-A1');
    expect(cells.get('0:3')).toMatchObject({ formula: undefined, value: -12.5 });
    expect(cells.get('0:4')).toMatchObject({ formula: undefined, value: '+text' });
  });

  it('counts requests in UTF-8 bytes and refuses a response over the limit', async () => {
    const small = new FakeExcelHost({ payloadLimitBytes: 3000, responseLimitBytes: 3000 });
    small.state.addSheet('A');
    const ctx = small.context();
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['汉'.repeat(900)]];
    await ctx.sync();
    expect(small.requestBytes[0]).toBeGreaterThan(2700);
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['汉'.repeat(1100)]];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    small.state.cell(small.state.sheet('A')!, 0, 1).value = 'x'.repeat(2500);
    const range = ws.getRangeByIndexes(0, 0, 1, 2);
    range.load('values');
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('renaming onto another sheet’s name, and deleting the last sheet', async () => {
    const ctx = host.context();
    const other = ctx.workbook.worksheets.add('Other');
    await ctx.sync();
    other.name = 'SHEET1';
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'ItemAlreadyExists' });
    other.name = 'a:b';
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidArgument' });
    other.name = 'Renamed';
    await ctx.sync();
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Renamed']);
    ctx.workbook.worksheets.getItem('Renamed').delete();
    ctx.workbook.worksheets.getItem('Sheet1').delete();
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidOperation' });
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('APIs of the summary writer and the roster above their requirement sets', () => {
    const old = new FakeExcelHost({ apiVersion: '1.4' });
    old.state.addSheet('Sheet1');
    const ctx = old.context();
    expect(() => ctx.workbook.worksheets.getItem('Sheet1').freezePanes).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => ctx.workbook.customXmlParts.add('<a xmlns="urn:x"/>')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => ctx.workbook.load('name')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
  });

  it('a used range of values only skips formatted blank cells; lines inside a range are the cells’ own edges', async () => {
    const sheet = host.state.sheet('Sheet1')!;
    host.state.cell(sheet, 1, 1).value = 'x';
    host.state.cell(sheet, 7, 7).bold = true;
    const context = host.context();
    const ws = context.workbook.worksheets.getItem('Sheet1');
    const values = ws.getUsedRange(true);
    values.load('rowIndex,columnIndex,rowCount,columnCount');
    const all = ws.getUsedRange();
    all.load('rowIndex,rowCount');
    const inside = ws.getRangeByIndexes(3, 0, 2, 2).format.borders.getItem('InsideHorizontal');
    inside.style = 'Continuous';
    await context.sync();
    expect([values.rowIndex, values.columnIndex, values.rowCount, values.columnCount]).toEqual([1, 1, 1, 1]);
    expect([all.rowIndex, all.rowCount]).toEqual([1, 7]);
    expect(Object.keys(host.state.peek(sheet, 3, 0)!.borders)).toEqual(['EdgeBottom']);
    expect(Object.keys(host.state.peek(sheet, 4, 1)!.borders)).toEqual(['EdgeTop']);
  });
});

forEachPlatform((platform) => {
  describe('the platform’s limits and errors (platforms.ts)', () => {
    it('a 6 MB request and a 6 MB response: refused on the web only ("This error only occurs in Office on the web")', async () => {
      const host = hostFor(platform);
      const sheet = host.state.addSheet('A');
      const big = 'x'.repeat(6 * 1024 * 1024);
      const write = host.context();
      write.workbook.worksheets.getItem('A').getRange('A1').values = [[big]];
      const wrote = await rejection(write.sync()).catch(() => undefined);
      host.state.cell(sheet, 1, 0).value = big;
      const read = host.context();
      const range = read.workbook.worksheets.getItem('A').getRange('A2');
      range.load('values');
      const refused = await rejection(read.sync()).catch(() => undefined);
      const web = platform.name === 'web';
      expect([wrote?.code, refused?.code]).toEqual(
        web ? ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'] : [undefined, undefined],
      );
      expect(host.state.peek(sheet, 0, 0)?.value).toBe(web ? undefined : big);
    });

    it('a sync in cell edit mode fails on every platform (error list: InvalidOperationInCellEditMode)', async () => {
      const host = hostFor(platform, { cellEditMode: true });
      expect(await rejection(host.context().sync())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    });
  });
});
