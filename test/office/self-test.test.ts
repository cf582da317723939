/* eslint-disable office-addins/call-sync-before-read -- the getSelectedRanges stand-in hands the add-in's reads to the fake's own range, read after the add-in's sync. */
import { formatSelfTestReport, type SelfTestReport } from '../../src/core/self-test-report';
import { runOfficeSelfTest, type OfficeSelfTestOptions } from '../../src/hosts/office/self-test';
import { FakeExcelError } from '../fake-excel/errors';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import type { RangeAreasSurface } from '../../src/hosts/office/roster-store';
import { NEWEST_API, type FakeExcelHost, type FakeHostOptions, type FakeRequestContext } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

/** The clerk's own workbook: names and values that must never reach the report, and a roster part of theirs. */
const CLERK_SHEETS = ['杨浦区职工名单', '机密-2026预算'];
const CLERK_VALUES = ['张三丰', '13912345678', '上海市杨浦区某路88号'];
const CLERK_FILE = '杨浦区总工会内部统计.xlsx';
const ROSTER_PART = {
  namespace: 'urn:union-forms:roster',
  xml: '<roster xmlns="urn:union-forms:roster"><unit>杨浦区总工会</unit></roster>',
};

function clerkWorkbook(platform: PlatformProfile, options: FakeHostOptions = {}): FakeExcelHost {
  const host = hostFor(platform, options);
  const [list, budget] = CLERK_SHEETS.map((name) => host.state.addSheet(name));
  host.state.cell(list!, 0, 0).value = CLERK_VALUES[0]!;
  host.state.cell(list!, 0, 1).value = CLERK_VALUES[1]!;
  host.state.cell(budget!, 3, 2).value = CLERK_VALUES[2]!;
  list!.names.set('UnionForms_Form', '="festival-stats|1"');
  host.state.activeSheetId = budget!.id;
  host.state.workbookName = CLERK_FILE;
  host.state.customXmlParts.push({ id: host.state.newPartId(), namespace: ROSTER_PART.namespace, xml: ROSTER_PART.xml } as never);
  return host;
}

/** What of the workbook is the clerk's: their sheets as they were, the parts, the sheet shown. */
function clerksPart(host: FakeExcelHost): unknown {
  return {
    sheets: (host.state.clone() as { name: string }[]).filter((s) => CLERK_SHEETS.includes(s.name)),
    names: host.state.sheets.map((s) => s.name),
    parts: host.state.customXmlParts.map((p) => ({ ...p })),
    shown: host.state.activeSheetId,
  };
}

const FAST: OfficeSelfTestOptions = { eventWaitMs: 20, retryMs: 1, cleanUpTries: 3, tag: 'test01' };

/**
 * The fake host's workbook with Workbook.getSelectedRanges (ExcelApi 1.9), which the fake does not have: the selection
 * is one block here, so its areas are the one getSelectedRange gives, and getUsedRangeAreasOrNullObject keeps that
 * block's used cells (as test/office/excel-limits.test.ts models it for several blocks).
 */
function withSelectedRanges(ctx: FakeRequestContext): ContextSurface {
  const getSelectedRanges = (): RangeAreasSurface => {
    ctx.host.requireSet('Workbook.getSelectedRanges', '1.9');
    const whole: RangeAreasSurface = {
      isNullObject: false,
      areas: { items: [], load: () => undefined },
      getUsedRangeAreasOrNullObject: (valuesOnly?: boolean) => {
        const used = ctx.workbook.getSelectedRange().getUsedRangeOrNullObject(valuesOnly);
        return {
          get isNullObject() {
            return used.isNullObject;
          },
          areas: {
            get items() {
              return used.isNullObject ? [] : [used];
            },
            load: () => used.load('values'),
          },
          getUsedRangeAreasOrNullObject: () => whole,
        };
      },
    };
    return whole;
  };
  const workbook = new Proxy(ctx.workbook, {
    get(target, prop) {
      if (prop === 'getSelectedRanges') return getSelectedRanges;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { workbook, runtime: ctx.runtime, sync: () => ctx.sync() };
}

function selfTest(host: FakeExcelHost, options: OfficeSelfTestOptions = FAST): Promise<SelfTestReport> {
  return runOfficeSelfTest(
    (batch) => host.run((ctx) => batch(withSelectedRanges(ctx))),
    { version: '16.0.99999.10000', platform: 'PC', isSetSupported: (s, v) => host.isSetSupported(s, v) },
    options,
  );
}

const status = (report: SelfTestReport) => Object.fromEntries(report.probes.map((p) => [p.id, p.outcome.status]));

/** Every probe the Office self-test lists, as the issue and the add-in's Excel calls name them (one per line of the report). */
const PROBE_IDS = [
  'sheet',
  'rename',
  'visibility',
  'values',
  'merge',
  'formats',
  'validation',
  'gridlines',
  'conditionalFormats',
  'names',
  'pageLayout',
  'freezePanes',
  'protection',
  'charts',
  'customXml',
  'workbook',
  'requestSize',
  'selection',
  'events',
  'selectSameCell',
  'protectionTwice',
];

forEachPlatform((platform) => {
  describe('自检 in Excel', () => {
    it('runs every probe on the newest Excel in nine syncs, removes its sheet and leaves the clerk’s workbook as it was', async () => {
      const host = clerkWorkbook(platform);
      const before = clerksPart(host);
      const report = await selfTest(host);
      expect(report.probes.map((p) => p.id)).toEqual(PROBE_IDS);
      expect(report.probes.filter((p) => p.outcome.status !== 'ok')).toEqual([]);
      // names and the shown sheet read; every probe in one batch; the events' write; the same cell selected again;
      // protect, protect again, unprotect, unprotect again; the clean-up.
      expect(host.syncCount).toBe(9);
      expect(report.roundTrips?.count).toBe(9);
      expect(report.scratchRemoved).toBe(true);
      expect(clerksPart(host)).toEqual(before);
      // Microsoft 365 has every set; volume-licensed Excel 2021 stops at 1.14 and 2024 at 1.17 (platforms.ts).
      const newest = Number((platform.options.apiVersion ?? '1.20').split('.')[1]);
      expect(report.capabilities).toEqual(
        ['1.7', '1.8', '1.9', '1.13', '1.18', '1.20'].map((v) => ({ name: `ExcelApi ${v}`, present: Number(v.split('.')[1]) <= newest })),
      );
    });

    it('at ExcelApi 1.7 reports validation, gridlines and page layout as not supported and runs the rest', async () => {
      const host = clerkWorkbook(platform, { apiVersion: '1.7' });
      const before = clerksPart(host);
      const report = await selfTest(host);
      const unsupported = report.probes.filter((p) => p.outcome.status === 'unsupported');
      expect(unsupported.map((p) => [p.id, p.outcome])).toEqual([
        ['validation', { status: 'unsupported', needs: 'ExcelApi 1.8' }],
        ['gridlines', { status: 'unsupported', needs: 'ExcelApi 1.8' }],
        ['pageLayout', { status: 'unsupported', needs: 'ExcelApi 1.9' }],
      ]);
      expect(report.probes.filter((p) => p.outcome.status === 'failed')).toEqual([]);
      expect(report.capabilities.filter((c) => c.present).map((c) => c.name)).toEqual(['ExcelApi 1.7']);
      expect(clerksPart(host)).toEqual(before);
    });

    it('reports a probe Excel refuses with its error text, runs every other probe, and still removes its sheet', async () => {
      const refusal = 'The conditional format is not valid here.';
      const host = clerkWorkbook(platform, {
        beforeSync: (_n, ops) => {
          if (ops.includes('conditionalFormats.add')) throw new FakeExcelError('InvalidArgument', refusal);
        },
      });
      const before = clerksPart(host);
      const report = await selfTest(host);
      const cf = report.probes.find((p) => p.id === 'conditionalFormats');
      expect(cf?.outcome).toEqual({ status: 'failed', error: `InvalidArgument: ${refusal}` });
      expect(report.probes.filter((p) => p.id !== 'conditionalFormats' && p.outcome.status !== 'ok')).toEqual([]);
      // The batch of every probe fails; its leftovers found, then deleted (2); a new scratch sheet (1); the event
      // handlers (1); each of the 17 probes on its own (17); the events' write (1); the observations (5); the clean-up
      // (1); and the names (1).
      expect(host.syncCount).toBe(1 + 1 + 2 + 1 + 1 + 17 + 1 + 5 + 1);
      expect(report.scratchRemoved).toBe(true);
      expect(clerksPart(host)).toEqual(before);
      expect(formatSelfTestReport(report)).toContain(`✗ 条件格式（自定义公式）：失败：InvalidArgument: ${refusal}`);
    });

    it.each([0, 1, 5, 40, 120])(
      'leaves nothing behind when the batch of probes fails after %i operations, and tries each probe again',
      async (afterOps) => {
        const host = clerkWorkbook(platform, { failAt: { sync: 2, afterOps, code: 'GeneralException' } });
        const before = clerksPart(host);
        const report = await selfTest(host);
        expect(report.probes.filter((p) => p.outcome.status !== 'ok')).toEqual([]);
        expect(report.scratchRemoved).toBe(true);
        expect(clerksPart(host)).toEqual(before);
      },
    );

    it('removes its sheet even when the clean-up’s first try is refused while the clerk edits a cell', async () => {
      let editing = false;
      const host = clerkWorkbook(platform, {
        beforeSync: (_n, ops) => {
          // The clerk starts editing a cell as the clean-up begins, and stops a moment later.
          if (ops.includes('delete') && !editing) {
            editing = true;
            throw new FakeExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
          }
        },
      });
      const before = clerksPart(host);
      const report = await selfTest(host);
      expect(report.scratchRemoved).toBe(true);
      expect(clerksPart(host)).toEqual(before);
      expect(status(report).sheet).toBe('ok');
    });

    it('puts none of the clerk’s sheet names, values or file name into the report, even inside an error text', async () => {
      const host = clerkWorkbook(platform, {
        beforeSync: (_n, ops) => {
          if (ops.includes('freezePanes.freezeRows'))
            throw new FakeExcelError('GeneralException', `Cannot freeze: workbook ${CLERK_FILE}, sheets ${CLERK_SHEETS.join(' and ')}.`);
        },
      });
      const report = await selfTest(host);
      expect(status(report).freezePanes).toBe('failed');
      const text = formatSelfTestReport(report);
      for (const secret of [...CLERK_SHEETS, ...CLERK_VALUES, CLERK_FILE, '杨浦区总工会', 'festival-stats'])
        expect(text).not.toContain(secret);
      expect(text).toContain('Cannot freeze: workbook …, sheets … and ….');
    });

    it('says so, and names only its own sheet, when the scratch sheet cannot be removed', async () => {
      const host = clerkWorkbook(platform, {
        beforeSync: (_n, ops) => {
          if (ops.includes('delete')) throw new FakeExcelError('AccessDenied', 'The workbook is protected.');
        },
      });
      const report = await selfTest(host);
      expect(report.scratchRemoved).toBe(false);
      expect(report.probes[0]?.outcome.status).toBe('failed');
      expect(host.state.sheets.map((s) => s.name)).toEqual([...CLERK_SHEETS, report.scratchName]);
      expect(report.scratchName).toBe('自检临时表-test01');
      expect(formatSelfTestReport(report)).toContain('临时工作表“自检临时表-test01”未能删除，请手动删除它。');
    });
  });
});

forEachPlatform((platform) => {
  it('自检 notes what this Excel answers where the reports differ: the same cell selected again (#4691), protection twice (#6784)', async () => {
    const host = clerkWorkbook(platform);
    const report = await selfTest(host);
    const note = (id: string) => {
      const outcome = report.probes.find((p) => p.id === id)?.outcome;
      return outcome?.status === 'ok' ? outcome.note : outcome;
    };
    // What the profiles say of each platform (platforms.ts), read back through the report.
    expect(note('selectSameCell')).toBe(platform.name === 'web' ? '未收到 onSelectionChanged' : '收到 onSelectionChanged');
    const regressed = platform.name === 'desktop' || platform.name === 'mac';
    expect(note('protectionTwice')).toBe(
      regressed
        ? '对已保护的表再保护：AccessDenied；对未保护的表取消保护：AccessDenied'
        : '对已保护的表再保护：InvalidOperation；对未保护的表取消保护：无错误',
    );
    // The request-size probe's request, as the fake counts it (Microsoft's counting), is what the report says it is.
    const probeSync = host.requestBytes[1]!;
    expect(note('requestSize')).toMatch(/^\d+ 个单元格、\d+ 列，按微软的计数约 (\d+) KB$/);
    const kb = Number(/约 (\d+) KB/.exec(String(note('requestSize')))![1]);
    expect(kb * 1000).toBeGreaterThan(0.95e6);
    expect(probeSync).toBeGreaterThan(kb * 1000);
    expect(probeSync).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('自检 in Excel: the scratch sheet', () => {
  it('takes a name no sheet of the clerk’s has', async () => {
    const host = hostFor({ name: 'desktop', label: 'Excel on Windows', options: { apiVersion: NEWEST_API } }, { apiVersion: NEWEST_API });
    host.state.addSheet('自检临时表-test01');
    const report = await selfTest(host);
    expect(report.scratchName).not.toBe('自检临时表-test01');
    expect(host.state.sheets.map((s) => s.name)).toEqual(['自检临时表-test01']);
    expect(report.probes.filter((p) => p.outcome.status !== 'ok')).toEqual([]);
  });
});
