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

  it('counts a request as calls, objects and values in UTF-8, and refuses a response over the limit', async () => {
    const small = new FakeExcelHost({ payloadLimitBytes: 4000, responseLimitBytes: 3000 });
    small.state.addSheet('A');
    const ctx = small.context();
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['汉'.repeat(900)]];
    await ctx.sync();
    // Two objects (the sheet, the range) and one call, 300 bytes each, and the value's JSON in UTF-8.
    expect(small.requestBytes[0]).toBe(3 * 300 + Buffer.byteLength(JSON.stringify([['汉'.repeat(900)]]), 'utf8'));
    expect([small.requestOperations[0], small.requestObjects[0]]).toEqual([1, 2]);
    ws.getRangeByIndexes(0, 0, 1, 1).values = [['汉'.repeat(1300)]];
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

    it('a sync in cell edit mode fails on every platform, with either documented code', async () => {
      const host = hostFor(platform, { cellEditMode: true });
      expect(await rejection(host.context().sync())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      const other = hostFor(platform, { cellEditMode: true, cellEditCode: 'InvalidOperation' });
      expect(await rejection(other.context().sync())).toMatchObject({ code: 'InvalidOperation' });
    });

    it('Microsoft’s own example: 9,999 one-cell writes in one sync are refused on the web, two syncs of 4,999 are not', async () => {
      const writeRows = async (host: ReturnType<typeof hostFor>, from: number, to: number) => {
        const ctx = host.context();
        const sheet = ctx.workbook.worksheets.getActiveWorksheet();
        for (let row = from; row < to; row++) sheet.getRangeByIndexes(row, 1, 1, 1).values = [['1']];
        return ctx.sync().then(
          () => undefined,
          (err: { code?: string }) => err.code,
        );
      };
      const once = hostFor(platform);
      once.state.addSheet('A');
      const split = hostFor(platform);
      split.state.addSheet('A');
      const refused = await writeRows(once, 1, 10000);
      const halves = [await writeRows(split, 1, 5000), await writeRows(split, 5001, 10000)];
      const web = platform.name === 'web';
      expect([refused, halves]).toEqual([web ? 'RequestPayloadSizeLimitExceeded' : undefined, [undefined, undefined]]);
      // Whatever the platform, the request is counted the same way: over 5 MB at once, under it in halves.
      expect(once.requestBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
      expect(Math.max(...split.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    });

    it('while another workbook has the focus: the troubleshooting page’s errors on Windows and Mac, none on the web', async () => {
      const outcome = async (code: 'documented' | 'InactiveWorkbook') => {
        const host = hostFor(platform, { workbookSwitchCode: code });
        host.state.addSheet('A');
        host.state.addSheet('B');
        host.userSwitchWorkbook(true);
        const codes: (string | undefined)[] = [];
        const step = async (queue: (ctx: ReturnType<typeof host.context>) => void) => {
          const ctx = host.context();
          queue(ctx);
          codes.push(
            await ctx.sync().then(
              () => undefined,
              (err: { code?: string }) => err.code,
            ),
          );
        };
        await step((ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').select());
        await step((ctx) => ctx.workbook.worksheets.getItem('B').activate());
        await step((ctx) => ctx.workbook.worksheets.add('C'));
        await step((ctx) => ctx.workbook.worksheets.getItem('A').freezePanes.freezeRows(1));
        await step((ctx) => ctx.workbook.getSelectedRange().load('address'));
        await step((ctx) => ctx.workbook.worksheets.getItem('B').delete());
        // Reads and writes of cells are not in the table.
        await step((ctx) => {
          ctx.workbook.worksheets.getItem('A').getRange('A1').values = [['x']];
        });
        host.userSwitchWorkbook(false);
        await step((ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').select());
        return codes;
      };
      const G = 'GeneralException';
      const S = 'InvalidSelection';
      const I = 'InactiveWorkbook';
      const switches = platform.name !== 'web';
      expect(await outcome('documented')).toEqual(switches ? [G, G, G, G, S, S, undefined, undefined] : Array(8).fill(undefined));
      expect(await outcome('InactiveWorkbook')).toEqual(switches ? [I, I, I, I, I, I, undefined, undefined] : Array(8).fill(undefined));
    });

    it('deleting a very hidden sheet fails with InvalidOperation (Worksheet.delete reference)', async () => {
      const host = hostFor(platform);
      host.state.addSheet('A');
      host.state.addSheet('Hidden').visibility = 'VeryHidden';
      const ctx = host.context();
      ctx.workbook.worksheets.getItem('Hidden').delete();
      expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidOperation' });
      expect(host.state.sheets.map((s) => s.name)).toEqual(['A', 'Hidden']);
    });

    it('protect on a protected sheet, unprotect on an unprotected one: AccessDenied where office-js #6784 was reported', async () => {
      const host = hostFor(platform);
      host.state.addSheet('A');
      const codes: (string | undefined)[] = [];
      for (const call of ['protect', 'protect', 'unprotect', 'unprotect'] as const) {
        const ctx = host.context();
        const protection = ctx.workbook.worksheets.getItem('A').protection;
        if (call === 'protect') protection.protect();
        else protection.unprotect();
        codes.push(
          await ctx.sync().then(
            () => undefined,
            (err: { code?: string }) => err.code,
          ),
        );
      }
      const regressed = platform.name === 'desktop' || platform.name === 'mac';
      expect(codes).toEqual(
        regressed ? [undefined, 'AccessDenied', undefined, 'AccessDenied'] : [undefined, 'InvalidOperation', undefined, undefined],
      );
    });

    it('the add-in’s own select raises onSelectionChanged: always on Windows and Mac, only when it moves on the web (#4691)', async () => {
      const host = hostFor(platform);
      host.state.addSheet('A');
      const seen: string[] = [];
      const ctx = host.context();
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.onSelectionChanged.add(async (e) => {
        seen.push((e as { address?: string }).address ?? '?');
      });
      await ctx.sync();
      host.userSelect('A', 'B2');
      await host.state.settle();
      seen.length = 0;
      for (const address of ['B2', 'C3']) {
        ws.getRange(address).select();
        await ctx.sync();
        await host.state.settle();
      }
      expect(seen).toEqual(platform.name === 'web' ? ['C3'] : ['B2', 'C3']);
    });
  });

  describe('undo and custom XML parts', () => {
    it('a part written is outside undo with ExcelApi 1.20 (#6415) and clears the person’s stack before it (#4484)', async () => {
      const host = hostFor(platform);
      host.state.addSheet('A');
      host.userEdit('A', { A1: 'typed' });
      const ctx = host.context();
      ctx.workbook.customXmlParts.add('<r xmlns="urn:test"/>');
      await ctx.sync();
      const undoSupport = host.isSetSupported('ExcelApi', '1.20');
      expect([undoSupport, host.state.undoStack.map((r) => r.by)]).toEqual([undoSupport, undoSupport ? ['person'] : []]);
      expect(undoSupport).toBe(platform.name !== 'office2021' && platform.name !== 'office2024');
    });
  });

  describe('events lost or held back (office-js #1760, #533, #1502), on every platform', () => {
    it('a lost change reaches no handler; held ones arrive when released, in order', async () => {
      const host = hostFor(platform);
      host.state.addSheet('A');
      const seen: string[] = [];
      const ctx = host.context();
      ctx.workbook.worksheets.getItem('A').onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await ctx.sync();
      host.state.loseEvent = (e) => e.address === 'A2';
      host.userEdit('A', { A1: 1 });
      host.userEdit('A', { A2: 2 });
      await host.state.settle();
      host.state.holdEvents = true;
      host.userEdit('A', { A3: 3 });
      host.userEdit('A', { A4: 4 });
      await host.state.settle();
      expect(seen).toEqual(['A1']);
      host.state.releaseHeldEvents();
      await host.state.settle();
      expect(seen).toEqual(['A1', 'A3', 'A4']);
      expect(host.state.lostEvents).toEqual([{ kind: 'changed', worksheetId: host.state.sheet('A')!.id, address: 'A2' }]);
    });
  });
});
