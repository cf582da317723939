import {
  bgrToHex,
  cvErrCode,
  fromEtCell,
  hexToBgr,
  readValue2Grid,
  withAlertsOff,
  withScreenUpdatingOff,
} from '../../src/hosts/wps/et-values';
import { KIND_CASE } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';

describe('et-values: Value2 shapes, error codes, colours', () => {
  it('lays a single cell, a 1-D row, a 1-D column and a 2-D block out as 2-D', () => {
    expect(readValue2Grid('x', 1, 1)).toEqual([['x']]);
    expect(readValue2Grid(null, 1, 1)).toEqual([[null]]);
    expect(readValue2Grid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(readValue2Grid([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
    expect(
      readValue2Grid(
        [
          [1, 'a'],
          [null, true],
        ],
        2,
        2,
      ),
    ).toEqual([
      [1, 'a'],
      [null, true],
    ]);
    // A wrong shape reads as empty cells, never throws.
    expect(readValue2Grid([[1]], 2, 2)).toEqual([
      [1, null],
      [null, null],
    ]);
  });

  it("maps VBA's CVErr numbers to the error texts Office.js gives", () => {
    // aiworkdeck's recorded value for #DIV/0!, and VBA's xlErrNA (2042) as the HRESULT 0x800A07FA read signed.
    expect(fromEtCell(-2146826281)).toBe('#DIV/0!');
    expect(fromEtCell(0x800a07fa | 0)).toBe('#N/A');
    expect(cvErrCode('#N/A')).toBe(0x800a07fa | 0);
    expect(fromEtCell(42)).toBe(42);
    expect(fromEtCell(undefined)).toBeNull();
  });

  it('turns #RRGGBB into BGR and back (VBA RGB(255,0,0) is 255)', () => {
    expect(hexToBgr('#FF0000')).toBe(255);
    expect(hexToBgr('#0000FF')).toBe(0xff0000);
    expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
    expect(bgrToHex(0xcec7ff)).toBe('#FFC7CE');
    expect(() => hexToBgr('red')).toThrow();
  });

  it('puts DisplayAlerts and ScreenUpdating back as they were, also after a failure', () => {
    const et = new FakeEt();
    expect(() =>
      withAlertsOff(et.app, () => {
        expect(et.displayAlerts).toBe(false);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(et.displayAlerts).toBe(true);
    et.screenUpdating = false;
    withScreenUpdatingOff(et.app, () => expect(et.screenUpdating).toBe(false));
    expect(et.screenUpdating).toBe(false);
  });
});

describe('the fake ET', () => {
  it('reads and writes Value2 as 2-D arrays, a single cell as a scalar, and counts each call', () => {
    const et = new FakeEt();
    const ws = et.app.ActiveWorkbook.Worksheets.Item(1);
    const range = ws.Range('A1:B2');
    range.Value2 = [
      ['a', 1],
      [null, '021'],
    ];
    expect(ws.Range('A1').Value2).toBe('a');
    expect(ws.Range('A1:B2').Value2).toEqual([
      ['a', 1],
      [null, 21],
    ]);
    // Application.ActiveWorkbook, .Worksheets, .Item(), .Range(), .Value2=, then 2 × (.Range(), .Value2).
    expect(et.calls).toBe(9);
    expect(() => (ws.Range('A1:B2').Value2 = [['too small']])).toThrow('wrong shape');
  });

  it('gives a one-row range as a 1-D array in the worst case and as 2-D in the kind one', () => {
    for (const [behaviours, expected] of [
      [{}, ['x', 'y']],
      [KIND_CASE, [['x', 'y']]],
    ] as const) {
      const et = new FakeEt({ behaviours });
      const ws = et.app.ActiveSheet;
      ws.Range('A1:B1').Value2 = [['x', 'y']];
      expect(ws.Range('A1:B1').Value2).toEqual(expected);
    }
  });

  it('blocks a merge that would drop values while DisplayAlerts is on, and merges when it is off', () => {
    const et = new FakeEt();
    const ws = et.app.ActiveSheet;
    ws.Range('A1:B1').Value2 = [['keep', 'drop']];
    expect(() => ws.Range('A1:B1').Merge()).toThrow('prompt');
    expect(et.prompts).toHaveLength(1);
    withAlertsOff(et.app, () => ws.Range('A1:B1').Merge());
    expect(et.sheet('Sheet1')?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(ws.Range('A1:B1').Value2).toEqual(['keep', null]);
    expect(ws.Range('A1').MergeCells).toBe(true);
    expect(() => (ws.Range('B1').Value2 = 'x')).toThrow('merged');
  });

  it('fires SheetChange with the changed range when the clerk types, and on a pick only where the host does', () => {
    for (const kind of [false, true]) {
      const et = new FakeEt({ behaviours: kind ? KIND_CASE : {} });
      const seen: string[] = [];
      et.app.ApiEvent.AddApiEventListener('SheetChange', (sheet, target) => seen.push(`${sheet.Name}!${target.Address(false, false)}`));
      const ws = et.app.ActiveSheet;
      ws.Range('B2').Validation.Add(3, 1, 1, '是,否');
      seen.length = 0;
      et.app.ApiEvent.AddApiEventListener('SheetSelectionChange', (sheet, target) => seen.push(`选 ${target.Address(false, false)}`));
      et.type('Sheet1', 'A1', '12');
      et.pick('Sheet1', 'B2', '是');
      et.type('Sheet1', 'C3', 'x', 'stay');
      // Enter after typing selects the cell below; a pick moves nothing.
      expect(seen).toEqual(kind ? ['Sheet1!A1', '选 A2', 'Sheet1!B2', 'Sheet1!C3'] : ['Sheet1!A1', '选 A2', 'Sheet1!C3']);
      expect(et.sheet('Sheet1')?.cells.get('1:1')?.value).toBe('是');
    }
  });

  it('refuses what no source says WPS does, in the worst case: sheet names, expression formats; ignores PageSetup', () => {
    const et = new FakeEt();
    const ws = et.app.ActiveSheet;
    expect(() => ws.Names.Add('X', '="1"')).toThrow('not supported');
    expect(() => ws.Range('A1').FormatConditions.Add(2, undefined, '=A1>1')).toThrow('not supported');
    ws.PageSetup.Orientation = 2;
    expect(ws.PageSetup.Orientation).toBe(1);
    const kind = new FakeEt({ behaviours: KIND_CASE });
    const kws = kind.app.ActiveSheet;
    expect(kws.Names.Add('X', '="1"').Name).toBe('Sheet1!X');
    kws.PageSetup.Orientation = 2;
    expect(kws.PageSetup.Orientation).toBe(2);
  });

  it("loses the clerk's undo after a JS write in the worst case, keeps it in the kind one", () => {
    for (const [behaviours, undone] of [
      [{}, false],
      [KIND_CASE, true],
    ] as const) {
      const et = new FakeEt({ behaviours });
      et.type('Sheet1', 'A1', '12');
      et.app.ActiveSheet.Range('C1').Value2 = 'x';
      expect(et.undo()).toBe(undone);
      expect(et.sheet('Sheet1')?.cells.get('0:0')?.value ?? null).toBe(undone ? null : 12);
    }
  });

  it('throws on a member it does not model, so an adapter cannot lean on one unnoticed', () => {
    const et = new FakeEt();
    const ws = et.app.ActiveSheet as unknown as Record<string, unknown>;
    expect(() => ws.Shapes).toThrow('not modelled');
  });
});
