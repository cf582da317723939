import { readWorkbookReturns } from '../../src/hosts/office/read-workbook-forms';
import { loadRoster, saveRoster } from '../../src/hosts/office/roster-store';
import { parseRosterXml } from '../../src/hosts/office/roster-xml';
import { findPreviousSummaries } from '../../src/hosts/office/summary-sheets';
import { writeSummarySheets } from '../../src/hosts/office/write-summaries';
import type { FakeExcelHost, FakeHostOptions } from '../fake-excel/host';
import {
  ADVICE,
  arm,
  expectSame,
  expectUserError,
  fingerprint,
  faultPoints,
  label,
  measure,
  outcome,
  runOn,
  snapshot,
  type Snapshot,
} from './faults';
import { templates, WRITE, type Templates } from './merge-workbook';

let T: Templates;
beforeAll(async () => {
  T = await templates();
});

const from =
  (template: () => FakeExcelHost, options: FakeHostOptions = {}) =>
  async () => ({ host: template().fork(options) });

interface Run {
  ok: boolean;
  error: Error | undefined;
  why: string;
  sync: number;
  host: FakeExcelHost;
  before: string;
  complete: string;
}

/** Fails every measured step of `operation` on fresh workbooks and hands each run to `check`. */
async function everyStep<T>(
  make: () => Promise<{ host: FakeExcelHost }>,
  operation: (host: FakeExcelHost) => Promise<T>,
  check: (run: Run) => void,
): Promise<{ points: number; failed: number; syncs: number }> {
  const clean = await make();
  const measured = await measure(clean.host, () => operation(clean.host));
  const complete = fingerprint(clean.host);
  const points = faultPoints(measured);
  let failed = 0;
  for (const point of points) {
    const { host } = await make();
    const before = fingerprint(host);
    const failing = arm(host, point);
    const o = await outcome(operation(host));
    expect(host.syncCount).toBeGreaterThanOrEqual(failing);
    const why = label(point);
    if (!o.ok) {
      failed++;
      const error = expectUserError(o);
      expect([why, error.message]).toEqual([why, expect.stringMatching(ADVICE[point.code])]);
    }
    check({ ok: o.ok, error: o.ok ? undefined : o.error, why, sync: point.sync, host, before, complete });
  }
  return { points: points.length, failed, syncs: measured.syncs };
}

const unchanged = ({ why, host, before }: Run) => expectSame(why, fingerprint(host), before);

describe('merging: a sync that fails at any step', () => {
  it('合并本工作簿中的表 (reading the forms): a Chinese error, nothing changed', async () => {
    const { points, failed } = await everyStep(
      from(() => T.base),
      (host) => readWorkbookReturns(runOn(host)),
      (run) => {
        if (!run.ok) expect([run.why, run.error?.message]).toEqual([run.why, expect.stringMatching(/^无法读取本工作簿中的表：/)]);
        unchanged(run);
      },
    );
    expect(failed).toBe(points);
  });

  it('reading in blocks a workbook too large for one response: a Chinese error, nothing changed', async () => {
    const { syncs, failed } = await everyStep(
      from(() => T.base, { responseLimitBytes: 6_000 }),
      (host) => readWorkbookReturns(runOn(host), { blockCells: 2_000 }),
      (run) => {
        if (!run.ok) expect([run.why, run.error?.message]).toEqual([run.why, expect.stringMatching(/^无法读取本工作簿中的表：/)]);
        unchanged(run);
      },
    );
    expect(syncs).toBeGreaterThan(3);
    expect(failed).toBeGreaterThan(0);
  });

  it('looking for earlier summaries and loading the roster: a Chinese error, nothing changed', async () => {
    const reads: ((host: FakeExcelHost) => Promise<unknown>)[] = [
      (host) => findPreviousSummaries(runOn(host)),
      (host) => loadRoster(runOn(host)),
    ];
    for (const operation of reads) {
      const { points, failed } = await everyStep(
        from(() => T.rostered),
        operation,
        unchanged,
      );
      expect(failed).toBe(points);
    }
  });

  it('writing the summaries as new sheets: undone (workbook as before) or, past the last write, complete', async () => {
    const { points, failed } = await everyStep(
      from(() => T.base),
      (host) => writeSummarySheets(runOn(host), T.tables, WRITE),
      (run) => {
        if (run.ok) expectSame(run.why, fingerprint(run.host), run.complete);
        else {
          const said = run.sync === 1 ? /^无法读取工作簿：/ : /^写入汇总表失败，已撤销/;
          expect([run.why, run.error?.message]).toEqual([run.why, expect.stringMatching(said)]);
          unchanged(run);
        }
      },
    );
    expect(failed).toBeGreaterThan(points / 2);
  });

  it('replacing the summaries of an earlier merge: the earlier ones kept as they were, or the replacement complete', async () => {
    const { points, failed } = await everyStep(
      from(() => T.merged),
      (host) => writeSummarySheets(runOn(host), T.tables, { ...WRITE, replace: true }),
      (run) => {
        if (run.ok) expectSame(run.why, fingerprint(run.host), run.complete);
        else {
          expect([run.why, run.error?.message]).toEqual([run.why, expect.stringMatching(/^(无法读取工作簿|写入汇总表失败，已撤销)：?/)]);
          unchanged(run);
        }
      },
    );
    expect(failed).toBeGreaterThan(points / 2);
  });

  it.each([
    ['a new roster', ['静安区总工会', '黄浦区总工会']],
    ['an emptied roster', []],
  ])('saving %s: as before (the old roster), or saved (the new roster alone)', async (_what, units) => {
    const { points, failed } = await everyStep(
      from(() => T.rostered),
      (host) => saveRoster(runOn(host), units),
      (run) => {
        const now = snapshot(run.host);
        if (run.ok) {
          const complete = JSON.parse(run.complete) as Snapshot;
          expect([run.why, now.sheets, now.parts.length]).toEqual([run.why, complete.sheets, complete.parts.length]);
          expect([run.why, now.parts.map((p) => parseRosterXml(p.xml).units)]).toEqual([run.why, units.length > 0 ? [units] : []]);
        } else {
          expect([run.why, run.error?.message]).toEqual([run.why, expect.stringMatching(/^无法把单位名单保存到工作簿：/)]);
          unchanged(run);
        }
      },
    );
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(points);
  });
});

describe('merging over the 5 MB request limit of Excel on the web', () => {
  it('a request size mis-set above the limit: undone, and the message names the limit', async () => {
    const clean = T.base.fork();
    const start = clean.requestBytes.length;
    // Requests large enough that the largest holds rows as well as a sheet's set-up (which no budget splits), so that
    // a smaller budget keeps every request under a limit just below it.
    await writeSummarySheets(runOn(clean), T.tables, { ...WRITE, maxRequestBytes: 100_000 });
    const sizes = clean.requestBytes.slice(start);
    expect(sizes.length).toBeGreaterThan(1);
    const limit = Math.max(...sizes) - 1;
    for (const template of [T.base, T.merged]) {
      const host = template.fork({ payloadLimitBytes: limit });
      const replace = template === T.merged;
      const before = fingerprint(host);
      const error = expectUserError(
        await outcome(writeSummarySheets(runOn(host), T.tables, { ...WRITE, maxRequestBytes: 100_000, replace })),
      );
      expect(error.message).toMatch(/^写入汇总表失败，已撤销.*5 MB/);
      expectSame('5 MB', fingerprint(host), before);
      // Within a smaller size per request, the same summaries fit.
      expect((await writeSummarySheets(runOn(host), T.tables, { ...WRITE, replace })).sheets).toHaveLength(T.tables.length);
    }
  });
});
