import { UserError } from '../../src/core/errors';
import type { SummaryTable, SummaryValue } from '../../src/core/merge/summaries';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { SUMMARY_MARKER_NAME, parseSummaryMarker } from '../../src/hosts/office/summary-marker';
import { activateSheet, findPreviousSummaries } from '../../src/hosts/office/summary-sheets';
import { writeSummarySheets, type WriteSummaryOptions } from '../../src/hosts/office/write-summaries';
import type { FakeExcelHost, FakeHostOptions } from '../fake-excel/host';
import { hostFor, limitsRequests, web, type PlatformProfile } from '../fake-excel/platforms';
import type { SheetState } from '../fake-excel/state';
import { forEachPlatform } from './for-each-platform';

const MB = 1024 * 1024;

/** A summary like 活动项目概览: text, a count, a date, the source file, problems; a totals row. */
function table(rows: number, sheetName = '活动项目概览', text = (i: number) => `第${i}号创新项目`): SummaryTable {
  const body: SummaryValue[][] = Array.from({ length: rows }, (_, i) => [
    `上海市第${i % 16}区总工会`,
    text(i),
    i % 7,
    new Date(Date.UTC(2018, 4, 1 + (i % 28))),
    `${String(i).padStart(3, '0')}.xlsx`,
    i % 3,
  ]);
  return {
    sheetName,
    title: '职工科技节活动项目申报表（汇总）',
    formId: 'festival-project',
    header: ['单位', '项目名称', '参与人数', '开始日期', '来源文件', '问题数'],
    rows: body,
    totals: [`合计（${rows}）`, null, body.reduce((n, r) => n + (r[2] as number), 0), null, null, null],
    formats: ['text', 'text', 'number', 'date', 'text', 'number'],
  };
}

function report(): SummaryTable {
  return {
    sheetName: '合并报告',
    title: '合并报告',
    formId: null,
    header: ['文件', '结果', '说明'],
    rows: [['001.xlsx', '已合并', '合并 1 张表格。']],
    totals: undefined,
    formats: ['text', 'text', 'text'],
  };
}

function setUp(platform: PlatformProfile, options: FakeHostOptions = {}) {
  const host = hostFor(platform, options);
  const user = host.state.addSheet('我的数据');
  host.state.cell(user, 0, 0).value = '张三';
  host.state.cell(user, 3, 1).value = 42;
  host.state.activeSheetId = user.id;
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  return { host, run, write: (tables: SummaryTable[], o: WriteSummaryOptions = {}) => writeSummarySheets(run, tables, o) };
}

const cell = (sheet: SheetState | undefined, row: number, col: number) => sheet?.cells.get(`${row}:${col}`);
const valueAt = (sheet: SheetState | undefined, row: number, col: number) => cell(sheet, row, col)?.value ?? null;

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

/** The workbook as the clerk sees it: every sheet's state and which one is shown. */
const snapshot = (host: FakeExcelHost) => ({ sheets: host.state.clone(), active: host.state.activeSheetId });

forEachPlatform((platform) => {
  /** Excel on the web only: its 5 MB request limit (platforms.ts); elsewhere the writer's own request size applies. */
  const whereRequestsAreLimited = limitsRequests(platform) ? it : it.skip;

  describe('writing summary sheets through Office.js', () => {
    it('lays a table out like the file writer: title, frozen header, values, formats, borders, widths, marker', async () => {
      const { host, write } = setUp(platform);
      const result = await write([table(3), report()]);
      expect(result.sheets.map((s) => s.name)).toEqual(['活动项目概览', '合并报告']);
      const ws = host.state.sheet('活动项目概览')!;
      expect(result.sheets[0]).toMatchObject({ id: ws.id, rows: 4, formId: 'festival-project', title: '职工科技节活动项目申报表（汇总）' });
      expect(host.state.activeSheetId).toBe(ws.id);
      expect(valueAt(ws, 0, 0)).toBe('职工科技节活动项目申报表（汇总）');
      expect(cell(ws, 0, 0)).toMatchObject({ bold: true, fontSize: 14, fontName: '宋体' });
      expect([0, 1, 2, 3, 4, 5].map((c) => valueAt(ws, 1, c))).toEqual(['单位', '项目名称', '参与人数', '开始日期', '来源文件', '问题数']);
      expect(cell(ws, 1, 2)?.bold).toBe(true);
      expect([0, 1, 2, 3, 4, 5].map((c) => valueAt(ws, 3, c))).toEqual(['上海市第1区总工会', '第1号创新项目', 1, 43222, '001.xlsx', 1]);
      expect([0, 1, 2, 3, 4, 5].map((c) => cell(ws, 3, c)?.numberFormat)).toEqual(['@', '@', 'General', 'yyyy-mm-dd', '@', 'General']);
      expect(cell(ws, 3, 0)?.bold).toBe(false);
      expect(valueAt(ws, 5, 0)).toBe('合计（3）');
      expect(valueAt(ws, 5, 2)).toBe(0 + 1 + 2);
      expect(cell(ws, 5, 0)?.bold).toBe(true);
      expect(ws.frozenRows).toBe(2);
      for (const [r, c] of [
        [1, 0],
        [3, 3],
        [5, 5],
      ] as const)
        expect(Object.keys(cell(ws, r, c)?.borders ?? {}).sort()).toEqual(['EdgeBottom', 'EdgeLeft', 'EdgeRight', 'EdgeTop']);
      expect(cell(ws, 0, 0)?.borders).toEqual({});
      expect(ws.columnWidths.size).toBe(6);
      expect(parseSummaryMarker(ws.names.get(SUMMARY_MARKER_NAME))).toEqual({ formId: 'festival-project', sheetName: '活动项目概览' });
      expect(parseSummaryMarker(host.state.sheet('合并报告')?.names.get(SUMMARY_MARKER_NAME))).toEqual({
        formId: null,
        sheetName: '合并报告',
      });
    });

    it('writes text that looks like a formula as text, in text columns and in number and date columns', async () => {
      const payloads = [
        '=HYPERLINK("http://x.invalid","点我")',
        '=WEBSERVICE("http://x.invalid")',
        '@SUM(1+1)',
        "+cmd|' /C calc'!A0",
        '-2+3',
        '\tTAB',
        '\r\nCRLF',
        '00123',
        '2018-5-20',
        '12人',
      ];
      const t: SummaryTable = {
        sheetName: '注入',
        title: '=1+1',
        formId: null,
        header: ['=A1', '数量', '日期'],
        rows: payloads.map((p) => [p, p, p]),
        totals: undefined,
        formats: ['text', 'number', 'date'],
      };
      const { host, write } = setUp(platform);
      await write([t]);
      const ws = host.state.sheet('注入')!;
      expect(valueAt(ws, 0, 0)).toBe('=1+1');
      expect(valueAt(ws, 1, 0)).toBe('=A1');
      payloads.forEach((p, i) => {
        for (const c of [0, 1, 2]) {
          expect(cell(ws, 2 + i, c)?.formula).toBeUndefined();
          expect(valueAt(ws, 2 + i, c)).toBe(p);
        }
      });
      for (const c of ws.cells.values()) expect(c.formula).toBeUndefined();
    });

    it('writes dates as Excel serial numbers shown as yyyy-mm-dd', async () => {
      const { host, write } = setUp(platform);
      const t = table(1);
      t.rows[0]![3] = new Date(Date.UTC(2018, 4, 20));
      t.rows[0]![1] = new Date(Date.UTC(1900, 2, 1));
      await write([t]);
      const ws = host.state.sheet('活动项目概览')!;
      expect(valueAt(ws, 2, 3)).toBe(43240);
      expect(cell(ws, 2, 3)?.numberFormat).toBe('yyyy-mm-dd');
      expect(valueAt(ws, 2, 1)).toBe(61);
      expect(cell(ws, 2, 1)?.numberFormat).toBe('yyyy-mm-dd');
    });

    whereRequestsAreLimited('writes a 5,000-row table in a few syncs, each request under 5 MB, and reports progress', async () => {
      const { host, write } = setUp(platform);
      const progress: [number, number][] = [];
      const before = host.syncCount;
      const result = await write([table(5000)], { onProgress: (done, total) => progress.push([done, total]) });
      const syncs = host.syncCount - before;
      expect(syncs).toBe(1 + result.chunks);
      expect(result.chunks).toBeLessThanOrEqual(3);
      const sizes = host.requestBytes.slice(before);
      expect(Math.max(...sizes)).toBeLessThan(5 * MB);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(result.largestRequestBytes);
      expect(result.largestRequestBytes).toBeLessThanOrEqual(1_000_000 * 1.05);
      expect(progress.map((p) => p[1])).toEqual(progress.map(() => 5001));
      expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
      expect(progress[progress.length - 1]).toEqual([5001, 5001]);
      const ws = host.state.sheet('活动项目概览')!;
      expect(valueAt(ws, 2 + 4999, 1)).toBe('第4999号创新项目');
      expect(valueAt(ws, 2 + 5000, 0)).toBe('合计（5000）');
    });

    whereRequestsAreLimited('a table larger than 5 MB in all is still written, in requests each under the limit', async () => {
      const { host, write } = setUp(platform);
      const long = (i: number) => `${i}：${'开展职工技术创新活动，'.repeat(40)}`;
      const t = table(5000, '活动项目概览', long);
      const before = host.syncCount;
      const result = await write([t]);
      const sizes = host.requestBytes.slice(before);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * MB);
      expect(Math.max(...sizes)).toBeLessThan(5 * MB);
      expect(host.syncCount - before).toBeLessThanOrEqual(1 + result.chunks);
      expect(valueAt(host.state.sheet('活动项目概览'), 5001, 1)).toBe(long(4999));
    });

    it('keeps under a smaller request limit when told to', async () => {
      const { host, write } = setUp(platform, { payloadLimitBytes: 25_000 });
      const result = await write([table(400), report()], { maxRequestBytes: 20_000 });
      expect(result.chunks).toBeGreaterThan(3);
      expect(host.syncCount).toBe(1 + result.chunks);
      expect(Math.max(...host.requestBytes)).toBeLessThan(25_000);
      expect(valueAt(host.state.sheet('活动项目概览'), 401, 1)).toBe('第399号创新项目');
    });

    it('another workbook comes to the front while the sheets are added: refused on Windows and Mac, undone, said in Chinese', async () => {
      for (const workbookSwitchCode of ['documented', 'InactiveWorkbook'] as const) {
        // Sync 2, the first request of rows, adds the sheets; the other workbook stays in front for the clean-up's first try.
        const { host, write } = setUp(platform, { workbookSwitchCode, beforeSync: (n) => host.userSwitchWorkbook(n === 2 || n === 3) });
        const before = snapshot(host);
        const outcome = await write([table(120), report()], { maxRequestBytes: 15_000, retryMs: 1 }).then(
          (r) => r.sheets.length,
          (e: unknown) => e as Error,
        );
        if (platform.name === 'web') {
          expect(outcome).toBe(2);
          continue;
        }
        expect(outcome).toBeInstanceOf(UserError);
        expect((outcome as Error).message).toMatch(
          workbookSwitchCode === 'InactiveWorkbook'
            ? /^写入汇总表失败，已撤销，.*请切换回本工作簿/
            : /^写入汇总表失败，已撤销，工作簿和写入前一样：Excel 内部出错/,
        );
        expect(snapshot(host)).toEqual(before);
      }
    });

    it('the last request refused while another workbook is in front (Worksheet.activate, delete): the replacement is finished', async () => {
      const tables = [table(120), report()];
      const options = { maxRequestBytes: 15_000, retryMs: 1, replace: true };
      const reference = setUp(platform);
      await reference.write(tables, options);
      const start = reference.host.syncCount;
      await reference.write(tables, options);
      const last = reference.host.syncCount - start;
      const complete = snapshot(reference.host);
      const { host, write } = setUp(platform);
      await write(tables, options);
      const first = host.syncCount;
      host.options.beforeSync = (n) => host.userSwitchWorkbook(n - first === last || n - first === last + 1);
      const outcome = await write(tables, options).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      host.userSwitchWorkbook(false);
      // The markers ran before Worksheet.activate was refused, so every new sheet is complete: the replacement is
      // finished (the earlier summaries' deletion tried again once the clerk is back), on every platform.
      expect([outcome, snapshot(host)]).toEqual([undefined, complete]);
    });

    it('never writes over a sheet: new summaries get names no sheet has', async () => {
      const { host, write } = setUp(platform);
      host.state.addSheet('活动项目概览');
      const first = await write([table(2)]);
      const second = await write([table(2)], { replace: false });
      expect(first.sheets[0]?.name).toBe('活动项目概览 (2)');
      expect(second.sheets[0]?.name).toBe('活动项目概览 (3)');
      expect(host.state.sheet('活动项目概览')?.cells.size).toBe(0);
    });

    it('the workbook is as before when any sync fails, at any operation (or, past the last write, complete)', async () => {
      const tables = [table(120), report()];
      const options = { maxRequestBytes: 15_000, retryMs: 1 };
      const reference = setUp(platform);
      const start = reference.host.syncCount;
      const done = await reference.write(tables, options);
      const syncs = reference.host.syncCount - start;
      expect(syncs).toBe(1 + done.chunks);
      const complete = snapshot(reference.host);
      expect(syncs).toBeGreaterThan(4);
      let rolledBack = 0;
      for (let sync = 1; sync <= syncs; sync++) {
        for (const afterOps of [0, 1, 5, 40, 1e9]) {
          const { host, write } = setUp(platform, { failAt: { sync, afterOps } });
          const before = snapshot(host);
          const outcome = await write(tables, options).then(
            () => undefined,
            (e: unknown) => e as Error,
          );
          if (outcome) {
            expect(outcome).toBeInstanceOf(UserError);
            expect(outcome.message).toMatch(sync === 1 ? /^无法读取工作簿：Excel 内部出错/ : /^写入汇总表失败，已撤销/);
            expect(snapshot(host)).toEqual(before);
            rolledBack++;
          } else expect(snapshot(host)).toEqual(complete);
        }
      }
      // Before the last request nothing is complete, so every failure there is undone.
      expect(rolledBack).toBeGreaterThanOrEqual((syncs - 1) * 5);
    });

    it('in cell edit mode it writes nothing and says what to do', async () => {
      const { host, write } = setUp(platform, { cellEditMode: true });
      const before = snapshot(host);
      const error = await failure(write([table(3)]));
      expect(error.message).toMatch(/请先按 Enter 或 Esc 结束编辑/);
      expect(snapshot(host)).toEqual(before);
    });

    it('if the clerk starts editing a cell halfway, the clean-up waits for the edit to end', async () => {
      const { host } = setUp(platform);
      const before = snapshot(host);
      let syncs = 0;
      const editing = new Set([3, 4, 5]);
      const run = <T>(batch: (context: ContextSurface) => Promise<T>) =>
        host.run((ctx) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = () => {
            host.options.cellEditMode = editing.has(++syncs);
            return sync();
          };
          return batch(ctx);
        });
      const error = await failure(writeSummarySheets(run, [table(200)], { maxRequestBytes: 15_000, retryMs: 1 }));
      expect(error.message).toMatch(/^写入汇总表失败，已撤销.*请先按 Enter 或 Esc/);
      expect(snapshot(host)).toEqual(before);
    });

    it('a new sheet deleted by the clerk halfway: the rest is undone and the pane is told', async () => {
      const { host } = setUp(platform);
      const before = snapshot(host);
      let syncs = 0;
      const run = <T>(batch: (context: ContextSurface) => Promise<T>) =>
        host.run((ctx) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = async () => {
            await sync();
            if (++syncs === 2) host.userDeleteSheet('合并报告');
          };
          return batch(ctx);
        });
      const error = await failure(writeSummarySheets(run, [report(), table(200)], { maxRequestBytes: 15_000, retryMs: 1 }));
      expect(error.message).toMatch(/^写入汇总表失败，已撤销.*找不到要操作的工作表/);
      expect(snapshot(host)).toEqual(before);
    });

    it('works at ExcelApi 1.7, the manifest’s minimum', async () => {
      const { host, write } = setUp(platform, { apiVersion: '1.7' });
      await write([table(3), report()]);
      const result = await write([table(4), report()], { replace: true });
      expect(result.replaced).toEqual(['活动项目概览', '合并报告']);
      expect(host.state.sheets.map((s) => s.name)).toEqual(['我的数据', '活动项目概览', '合并报告']);
      expect(host.state.sheet('活动项目概览')?.frozenRows).toBe(2);
    });

    it('says which sheets to delete when the clean-up fails too', async () => {
      const { host } = setUp(platform);
      let syncs = 0;
      const run = <T>(batch: (context: ContextSurface) => Promise<T>) =>
        host.run((ctx) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = () => {
            host.options.cellEditMode = ++syncs >= 3;
            return sync();
          };
          return batch(ctx);
        });
      const error = await failure(writeSummarySheets(run, [table(200)], { maxRequestBytes: 15_000, retryMs: 1 }));
      expect(error.message).toMatch(/^写入汇总表失败，且未能撤销.*“活动项目概览”/);
    });
  });

  describe('replacing earlier summaries', () => {
    async function withEarlierSummaries() {
      const env = setUp(platform);
      await env.write([table(5), report()]);
      const { host } = env;
      host.userCopySheet('活动项目概览', '活动项目概览 (2)');
      await env.write([table(1, '旧的汇总')]);
      host.state.sheet('旧的汇总')!.name = '我改过名的汇总';
      return env;
    }

    it('finds only the summaries it wrote, under the names it gave them', async () => {
      const { run } = await withEarlierSummaries();
      const found = await findPreviousSummaries(run);
      expect(found.map((s) => [s.name, s.formId])).toEqual([
        ['活动项目概览', 'festival-project'],
        ['合并报告', null],
      ]);
    });

    it('replaces them in the same batch as the last rows, keeping the user’s sheets, copies and renamed summaries', async () => {
      const { host, write } = await withEarlierSummaries();
      const oldIds = ['活动项目概览', '合并报告'].map((n) => host.state.sheet(n)!.id);
      const user = JSON.stringify([...host.state.sheet('我的数据')!.cells.entries()]);
      const before = host.syncCount;
      const result = await write([table(8), report()], { replace: true });
      expect(host.syncCount - before).toBeLessThanOrEqual(2 + result.chunks);
      expect(result.replaced).toEqual(['活动项目概览', '合并报告']);
      expect(host.state.sheets.map((s) => s.name)).toEqual(['我的数据', '活动项目概览 (2)', '我改过名的汇总', '活动项目概览', '合并报告']);
      expect(result.sheets.map((s) => s.name)).toEqual(['活动项目概览', '合并报告']);
      expect(result.sheets.some((s) => oldIds.includes(s.id))).toBe(false);
      expect(valueAt(host.state.sheet('活动项目概览'), 2 + 8, 0)).toBe('合计（8）');
      expect(host.state.activeSheetId).toBe(result.sheets[0]?.id);
      expect(JSON.stringify([...host.state.sheet('我的数据')!.cells.entries()])).toBe(user);
      expect(parseSummaryMarker(host.state.sheet('活动项目概览')?.names.get(SUMMARY_MARKER_NAME))?.sheetName).toBe('活动项目概览');
    });

    it('never deletes a user’s sheet that only has a summary’s name', async () => {
      const { host, write } = setUp(platform);
      const mine = host.state.addSheet('合并报告');
      host.state.cell(mine, 0, 0).value = '我自己的报告';
      const result = await write([report()], { replace: true });
      expect(result.replaced).toEqual([]);
      expect(result.sheets[0]?.name).toBe('合并报告 (2)');
      expect(valueAt(host.state.sheet('合并报告'), 0, 0)).toBe('我自己的报告');
    });

    it('keeps the earlier summaries as they were if any sync of the replacement fails before the new ones are complete', async () => {
      const tables = [table(120), report()];
      const options = { replace: true, maxRequestBytes: 15_000, retryMs: 1 };
      const reference = await withEarlierSummaries();
      const startSyncs = reference.host.syncCount;
      const done = await reference.write(tables, options);
      const syncs = reference.host.syncCount - startSyncs;
      expect(syncs).toBe(2 + done.chunks);
      const complete = snapshot(reference.host);
      for (let sync = 1; sync <= syncs; sync++) {
        for (const afterOps of [0, 3, 40, 1e9]) {
          const env = await withEarlierSummaries();
          env.host.options.failAt = { sync: env.host.syncCount + sync, afterOps };
          const before = snapshot(env.host);
          const outcome = await env.write(tables, options).then(
            () => undefined,
            (e: unknown) => e as Error,
          );
          if (outcome) {
            expect(outcome).toBeInstanceOf(UserError);
            expect(snapshot(env.host)).toEqual(before);
          } else expect(snapshot(env.host)).toEqual(complete);
        }
      }
    });

    it('a failure among the last operations finishes the replacement once every new sheet is complete, else undoes it', async () => {
      const tables = [table(3), report()];
      const reference = await withEarlierSummaries();
      const start = reference.host.syncCount;
      const done = await reference.write(tables, { replace: true });
      const syncs = reference.host.syncCount - start;
      expect(syncs).toBe(2 + done.chunks);
      const complete = snapshot(reference.host);
      const lastOps = reference.host.requestOperations[start + syncs - 1] as number;
      // The last request ends: earlier summaries renamed aside ×2, new sheets renamed ×2, markers ×2, activate, delete ×2.
      for (const [fromEnd, finished] of [
        [1, true],
        [2, true],
        [3, true],
        [4, false],
        [5, false],
        [7, false],
        [9, false],
      ] as const) {
        const env = await withEarlierSummaries();
        const before = snapshot(env.host);
        env.host.options.failAt = { sync: env.host.syncCount + syncs, afterOps: lastOps - fromEnd };
        const outcome = await env.write(tables, { replace: true }).then(
          (r) => r,
          (e: unknown) => e as Error,
        );
        if (finished) {
          expect(outcome).toMatchObject({ replaced: ['活动项目概览', '合并报告'] });
          expect(snapshot(env.host)).toEqual(complete);
        } else {
          expect(outcome).toBeInstanceOf(UserError);
          expect(snapshot(env.host)).toEqual(before);
        }
      }
    });

    it('activateSheet shows a summary the pane links to', async () => {
      const { host, run, write } = setUp(platform);
      const result = await write([table(1), report()]);
      await activateSheet(run, result.sheets[1]!.id);
      expect(host.state.activeSheetId).toBe(result.sheets[1]!.id);
      host.userDeleteSheet('合并报告');
      await expect(activateSheet(run, result.sheets[1]!.id)).rejects.toThrow(/^无法打开工作表：找不到要操作的工作表/);
    });
  });
});

describe('the largest request the summary writer sends, counted as Microsoft counts it (issue 22)', () => {
  it('a 5,000-row summary of long texts, another of 300 rows and the 合并报告 at the default budget: each request within the writer’s estimate, under 5 MB', async () => {
    const { host, write } = setUp(web);
    const long = (i: number) => `${i}：${'开展职工技术创新活动，'.repeat(40)}`;
    const before = host.requestBytes.length;
    const result = await write([table(5000, '活动项目概览', long), table(300, '活动项目概览二'), report()]);
    const sizes = host.requestBytes.slice(before);
    const largest = Math.max(...sizes);
    const at = sizes.indexOf(largest);
    if (process.env.PRINT_FIGURES)
      process.stdout.write(
        `largest summary request: ${largest} bytes (${(largest / MB).toFixed(2)} MB of 5 MB), ` +
          `${host.requestOperations[before + at]} calls, ${host.requestObjects[before + at]} objects; ` +
          `writer's estimate ${result.largestRequestBytes}; ${sizes.length} syncs\n`,
      );
    expect(largest).toBeLessThanOrEqual(result.largestRequestBytes);
    expect(result.largestRequestBytes).toBeLessThanOrEqual(1_000_000 * 1.05);
    expect(largest).toBeLessThan(5 * MB);
    expect(valueAt(host.state.sheet('活动项目概览'), 5001, 1)).toBe(long(4999));
  });
});
