import { formatSelfTestReport, type SelfTestReport } from '../../src/core/self-test-report';
import { runWpsSelfTest, type WpsSelfTestOptions } from '../../src/hosts/wps/self-test';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey } from '../fake-wps/state';

/** The clerk's own workbook: names and values that must never reach the report. */
const CLERK_SHEETS = ['杨浦区职工名单', '机密-2026预算'];
const CLERK_VALUES = ['张三丰', '13912345678', '上海市杨浦区某路88号'];
const CLERK_BOOK = '杨浦区总工会内部统计.et';

function clerkWorkbook(behaviours: Partial<EtBehaviours> = {}): FakeEt {
  const et = new FakeEt({ sheets: CLERK_SHEETS, behaviours });
  et.workbook.name = CLERK_BOOK;
  const [list, budget] = et.workbook.sheets;
  list!.cells.set(cellKey(0, 0), { ...list!.cells.get(cellKey(0, 0)), value: CLERK_VALUES[0] } as never);
  et.type(CLERK_SHEETS[0]!, 'B1', CLERK_VALUES[1]!);
  et.type(CLERK_SHEETS[1]!, 'C4', CLERK_VALUES[2]!);
  et.workbook.activeSheet = budget;
  et.pluginStorage.set('UnionForms_PaneId_et', '1');
  return et;
}

/** What of the workbook is the clerk's: their sheets as they were, the workbook's names, the sheet shown, the storage. */
function clerksPart(et: FakeEt): string {
  const sheets = et.workbook.sheets.filter((s) => CLERK_SHEETS.includes(s.name));
  return JSON.stringify(
    {
      sheets,
      all: et.workbook.sheets.map((s) => s.name),
      names: et.workbook.names,
      shown: et.workbook.activeSheet?.name,
      storage: et.pluginStorage,
    },
    (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v),
  );
}

const FAST: WpsSelfTestOptions = { eventWaitMs: 20, tag: 'test01' };

function selfTest(et: FakeEt, options: WpsSelfTestOptions = FAST): Promise<SelfTestReport> {
  return runWpsSelfTest(et.app, { userAgent: 'Mozilla/5.0 Chrome/104.0.5112.102' }, { ...options, calls: () => et.calls });
}

/** The probes the report lists, in its order: one per ET member the add-in uses. */
const PROBE_IDS = [
  'sheet',
  'visibility',
  'values',
  'merge',
  'formats',
  'validation',
  'conditionalFormats',
  'workbookNames',
  'sheetNames',
  'pageSetup',
  'window',
  'protection',
  'charts',
  'chartAxes',
  'selection',
  'usedRange',
  'undo',
  'pluginStorage',
  'fileSystem',
  'events',
];

const byId = (report: SelfTestReport) => new Map(report.probes.map((p) => [p.id, p.outcome]));

describe.each([
  ['the worst case', WORST_CASE],
  ['the kind case', KIND_CASE],
])('自检 in WPS, the fake ET answering %s', (_label, behaviours) => {
  it('removes its sheet, its names, its listeners and its storage key, and leaves the clerk’s workbook as it was', async () => {
    const et = clerkWorkbook(behaviours);
    const before = clerksPart(et);
    const report = await selfTest(et);
    expect(report.scratchRemoved).toBe(true);
    expect(byId(report).get('sheet')).toEqual({ status: 'ok', note: '已新建并删除临时工作表' });
    expect(clerksPart(et)).toBe(before);
    expect([...et.listeners.values()].every((set) => set.size === 0)).toBe(true);
    expect(et.prompts).toEqual([]);
    // DisplayAlerts and EnableEvents as they were.
    expect([et.displayAlerts, et.enableEvents]).toEqual([true, true]);
  });

  it('reports the unknowns the way the fake is switched', async () => {
    const et = clerkWorkbook(behaviours);
    const outcomes = byId(await selfTest(et));
    const kind = behaviours === KIND_CASE;
    expect(outcomes.get('conditionalFormats')?.status).toBe(kind ? 'ok' : 'failed');
    expect(outcomes.get('sheetNames')?.status).toBe(kind ? 'ok' : 'failed');
    expect(outcomes.get('pageSetup')?.status).toBe(kind ? 'ok' : 'failed');
    expect(outcomes.get('chartAxes')?.status).toBe(kind ? 'ok' : 'failed');
    // The fake's Value2 of one row: 2-D in the kind case, 1-D in the worst (behaviours.oneRowValue2).
    const values = outcomes.get('values');
    expect(values).toMatchObject({ status: 'ok', note: expect.stringContaining(kind ? '一行读回二维数组' : '一行读回一维数组') });
    // The fake fires SheetChange on a JS write in both cases (behaviours.sheetChangeOnJsWrite), SheetSelectionChange
    // only on the clerk's own selection (FakeEt.select; Range.Select fires nothing), and EnableEvents = false silences
    // listeners only in the kind case (behaviours.enableEventsSilences).
    expect(outcomes.get('events')).toMatchObject({
      status: 'ok',
      note: expect.stringContaining(
        `代码写入后 SheetChange 收到（Target 区域）；代码选中后 SheetSelectionChange 未收到；EnableEvents = false ${kind ? '能屏蔽' : '不能屏蔽'}`,
      ),
    });
  });

  it('runs every other probe when one fails, and says which with ET’s error text', async () => {
    const et = clerkWorkbook(behaviours);
    const baseline = byId(await selfTest(clerkWorkbook(behaviours)));
    et.failOn('Range.Merge()');
    const report = await selfTest(et);
    const outcomes = byId(report);
    expect(outcomes.get('merge')).toEqual({ status: 'failed', error: 'fake ET: Range.Merge() failed (injected)' });
    for (const [id, outcome] of outcomes) if (id !== 'merge') expect([id, outcome]).toEqual([id, baseline.get(id)]);
    expect(report.scratchRemoved).toBe(true);
  });
});

describe('自检 in WPS', () => {
  it('lists every probe of an ET member the add-in uses, and the members present', async () => {
    const report = await selfTest(clerkWorkbook(KIND_CASE));
    expect(report.probes.map((p) => p.id)).toEqual(PROBE_IDS);
    expect(report.host).toBe('WPS 表格');
    expect(report.userAgent).toContain('Chrome/104');
    // Counted by the fake: every property read, write and call is one crossing to WPS.
    expect(report.roundTrips?.count).toBeGreaterThan(100);
    const capabilities = new Map(report.capabilities.map((c) => [c.name, c.present]));
    expect(capabilities.get('ApiEvent')).toBe(true);
    expect(capabilities.get('FileSystem.ReadFileAsArrayBuffer')).toBe(true);
    // In the kind case every probe of a member the fake models is ok. (The selection's blocks are left out: the fake's
    // Selection is the active cell only, and the self-test is how a real WPS will answer.)
    const ok = report.probes.filter((p) => p.outcome.status === 'ok').map((p) => p.id);
    expect(ok).toEqual(expect.arrayContaining(PROBE_IDS.filter((id) => id !== 'selection')));
  });

  it('puts none of the clerk’s sheet names, values or workbook name into the report, even inside an error text', async () => {
    const et = clerkWorkbook(WORST_CASE);
    et.failOn('Range.Merge()');
    const report = await selfTest(et);
    const merge = report.probes.find((p) => p.id === 'merge');
    expect(merge?.outcome.status).toBe('failed');
    const text = formatSelfTestReport(report);
    for (const secret of [...CLERK_SHEETS, ...CLERK_VALUES, CLERK_BOOK, 'UnionForms_PaneId_et']) expect(text).not.toContain(secret);
  });

  it('keeps the clerk’s sheet names out of an error text that carries them', async () => {
    const et = clerkWorkbook(KIND_CASE);
    const app = et.app;
    // ET's refusal of the sheet's name names the clerk's sheets (a host message could): the report does not.
    const wrapped = new Proxy(app, {
      get(target, prop) {
        if (prop === 'PluginStorage')
          return {
            setItem: () => {
              throw new Error(`存储已满：${CLERK_SHEETS.join('、')}（${CLERK_BOOK}）`);
            },
            getItem: () => '',
            removeItem: () => undefined,
          };
        return Reflect.get(target, prop, target) as unknown;
      },
    });
    const report = await runWpsSelfTest(wrapped, {}, FAST);
    const storage = report.probes.find((p) => p.id === 'pluginStorage');
    expect(storage?.outcome).toEqual({ status: 'failed', error: '存储已满：…、…（…）' });
    expect(et.workbook.sheets.map((s) => s.name)).toEqual(CLERK_SHEETS);
  });

  it('says so, and names only its own sheet, when the scratch sheet cannot be removed', async () => {
    const et = clerkWorkbook(KIND_CASE);
    et.failOn('Worksheet.Delete()');
    const report = await selfTest(et);
    expect(report.scratchRemoved).toBe(false);
    expect(report.scratchName).toBe('自检临时表-test01');
    expect(et.workbook.sheets.map((s) => s.name).sort()).toEqual([...CLERK_SHEETS, '自检临时表-test01'].sort());
    expect(formatSelfTestReport(report)).toContain('临时工作表“自检临时表-test01”未能删除，请手动删除它。');
  });

  it('takes a name no sheet of the clerk’s has', async () => {
    const et = new FakeEt({ sheets: ['自检临时表-test01'] });
    et.workbook.sheets.push({ ...et.workbook.sheets[0]!, name: 'Sheet2', cells: new Map(), names: new Map() } as never);
    const report = await selfTest(et);
    expect(report.scratchName).not.toBe('自检临时表-test01');
    expect(et.workbook.sheets.map((s) => s.name)).toEqual(['自检临时表-test01', 'Sheet2']);
  });
});
