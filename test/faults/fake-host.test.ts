import { FakeExcelHost } from '../fake-excel/host';

/** What the fault tests add to the strict fake host, shown to behave as Excel does. */
describe('the fake host, for fault tests', () => {
  it('keeps Runtime.enableEvents across batches, and while off the add-in hears nothing, the person’s edits included', async () => {
    const host = new FakeExcelHost();
    host.state.addSheet('A');
    const heard: string[] = [];
    const ctx = host.context();
    ctx.workbook.worksheets.onChanged.add(async (e) => {
      heard.push(e.address);
    });
    ctx.runtime.enableEvents = false;
    await ctx.sync();
    host.userEdit('A', { B2: 1 });
    await host.state.settle();
    expect(heard).toEqual([]);
    const later = host.context();
    later.runtime.enableEvents = true;
    await later.sync();
    host.userEdit('A', { C3: 1 });
    await host.state.settle();
    expect(heard).toEqual(['C3']);
  });

  it('delivers an event only to the handlers registered when it happened', async () => {
    const host = new FakeExcelHost();
    host.state.addSheet('A');
    const added = host.context();
    added.workbook.worksheets.add('B');
    await added.sync();
    const heard: string[] = [];
    const ctx = host.context();
    ctx.workbook.worksheets.onAdded.add(async (e) => {
      heard.push(e.worksheetId);
    });
    await ctx.sync();
    await host.state.settle();
    expect(heard).toEqual([]);
    host.userCopySheet('A', 'A (2)');
    await host.state.settle();
    expect(heard).toEqual([host.state.sheet('A (2)')?.id]);
  });

  it('runs a person’s action just before a given sync, which sees the names of its operations', async () => {
    const host = new FakeExcelHost();
    host.state.addSheet('A');
    host.state.addSheet('B');
    const seen: [number, readonly string[]][] = [];
    host.options.beforeSync = (n, operations) => {
      seen.push([n, operations]);
      if (n === 2) host.userDeleteSheet('B');
    };
    const ctx = host.context();
    const b = ctx.workbook.worksheets.getItem('B');
    b.load('name');
    await ctx.sync();
    b.getRangeByIndexes(0, 0, 1, 1).values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(seen).toEqual([
      [1, ['worksheet.load']],
      [2, ['values']],
    ]);
  });

  it('refuses what Excel refuses of a person: a taken or bad sheet name, deleting the only sheet', () => {
    const host = new FakeExcelHost();
    const a = host.state.addSheet('A');
    host.state.addSheet('B');
    host.state.activeSheetId = host.state.sheet('B')?.id;
    expect(() => host.userRenameSheet('A', 'b')).toThrow();
    expect(() => host.userRenameSheet('A', 'x/y')).toThrow();
    host.userRenameSheet('A', '甲');
    expect(a.name).toBe('甲');
    host.userDeleteSheet('B');
    expect(host.state.activeSheetId).toBe(a.id);
    expect(() => host.userDeleteSheet('甲')).toThrow();
  });

  it('forks a copy of the workbook that changes apart from the original and gives new sheets new ids', async () => {
    const host = new FakeExcelHost();
    const a = host.state.addSheet('A');
    host.state.cell(a, 0, 0).value = 1;
    host.state.cell(a, 0, 0).borders.EdgeTop = { style: 'Continuous', weight: 'Thin', color: '#000000' };
    const copy = host.fork();
    expect(copy.state.clone()).toEqual(host.state.clone());
    copy.state.cell(copy.state.sheet('A')!, 0, 0).value = 2;
    copy.state.cell(copy.state.sheet('A')!, 0, 0).borders.EdgeTop!.style = 'None';
    expect(host.state.cell(a, 0, 0)).toMatchObject({ value: 1, borders: { EdgeTop: { style: 'Continuous' } } });
    const ctx = copy.context();
    ctx.workbook.worksheets.add('B');
    await ctx.sync();
    expect(copy.state.sheet('B')?.id).not.toBe(a.id);
    expect(copy.syncCount).toBe(1);
    expect(host.syncCount).toBe(0);
  });
});
