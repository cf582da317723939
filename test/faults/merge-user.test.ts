import { readWorkbookReturns } from '../../src/hosts/office/read-workbook-forms';
import { loadRoster, saveRoster } from '../../src/hosts/office/roster-store';
import { writeSummarySheets } from '../../src/hosts/office/write-summaries';
import type { FakeExcelHost } from '../fake-excel/host';
import { ADVICE, actBefore, editCellDuring, expectSame, expectUserError, fingerprint, measure, outcome, runOn } from './faults';
import { FORMS, templates, WRITE, type Templates } from './merge-workbook';

let T: Templates;
beforeAll(async () => {
  T = await templates();
});

/** Something the clerk does in Excel; false where Excel would not let them (the sheet is gone, or the name taken). */
type Action = (host: FakeExcelHost) => boolean;
/** The sheet acted on, in a given workbook: by name, or — for a sheet there before the merge — by its id. */
type Target = (host: FakeExcelHost) => string | undefined;
const attempt = (act: () => void) => {
  try {
    act();
    return true;
  } catch {
    return false;
  }
};
const rename =
  (target: Target, to: string): Action =>
  (host) => {
    const name = target(host);
    return name !== undefined && attempt(() => host.userRenameSheet(name, to));
  };
const remove =
  (target: Target): Action =>
  (host) => {
    const name = target(host);
    return name !== undefined && attempt(() => host.userDeleteSheet(name));
  };
const named =
  (name: () => string): Target =>
  () =>
    name();
/** A sheet of the workbook before the merge, wherever it is now and whatever its name. */
const existing =
  (template: () => FakeExcelHost, name: () => string): Target =>
  (host) => {
    const id = template().state.sheet(name())?.id;
    return host.state.sheets.find((s) => s.id === id)?.name;
  };

/** The clerk's actions during a merge, and whether they make sense with `replace`. */
function actions(replace: boolean): [string, Action][] {
  const template = () => (replace ? T.merged : T.base);
  const first = () => T.tables[0]!.sheetName;
  const all: [string, Action, boolean | undefined][] = [
    [
      'renames their own sheet',
      rename(
        existing(template, () => '我的数据'),
        '我的数据（旧）',
      ),
      undefined,
    ],
    ['deletes their notes', remove(existing(template, () => '备注')), undefined],
    [
      'renames a form sheet read',
      rename(
        existing(template, () => FORMS[0]!),
        '闵行申请表',
      ),
      undefined,
    ],
    ['deletes a form sheet read', remove(existing(template, () => FORMS[1]!)), undefined],
    [
      'renames their notes to the summary’s name',
      rename(
        existing(template, () => '备注'),
        first(),
      ),
      false,
    ],
    ['renames a new summary', rename(named(first), '我的汇总'), false],
    ['deletes a new summary', remove(named(first)), false],
    ['deletes an earlier summary being replaced', remove(existing(template, first)), true],
    ['renames an earlier summary being replaced', rename(existing(template, first), '我留着的汇总'), true],
  ];
  return all.filter(([, , when]) => when === undefined || when === replace).map(([what, act]) => [what, act]);
}

describe('a sheet deleted or renamed while the summaries are written', () => {
  it.each([false, true])(
    'replace %s: before each sync, the outcome is the clean one on the workbook as the clerk left it',
    async (replace) => {
      const template = () => (replace ? T.merged : T.base);
      const write = (host: FakeExcelHost) => writeSummarySheets(runOn(host), T.tables, { ...WRITE, replace });
      const clean = template().fork();
      const { syncs } = await measure(clean, () => write(clean));
      const complete = clean;
      let cases = 0;
      let undone = 0;
      for (const [what, act] of actions(replace)) {
        for (let sync = 1; sync <= syncs; sync++) {
          const why = `${what}, before sync ${sync}`;
          const host = template().fork();
          let acted = false;
          actBefore(host, host.syncCount + sync, () => (acted = act(host)));
          const o = await outcome(write(host));
          cases++;
          // What the workbook would be had the clerk done the same without the merge, and after a merge without them.
          const before = template().fork();
          const acts = act(before);
          const after = complete.fork();
          act(after);
          if (!acted) expectSame(why, fingerprint(host), fingerprint(complete));
          else if (sync === 1) {
            // Acted before the merge read the workbook: the same as merging the changed workbook.
            const reference = template().fork();
            act(reference);
            expect([why, (await outcome(write(reference))).ok]).toEqual([why, o.ok]);
            expectSame(why, fingerprint(host), fingerprint(reference));
          } else if (o.ok) expectSame(why, fingerprint(host), fingerprint(after));
          else {
            undone++;
            expect([why, acts, expectUserError(o).message]).toEqual([
              why,
              acts,
              expect.stringMatching(/^(无法读取工作簿|写入汇总表失败，已撤销).*(请再试一次|请重试)/),
            ]);
            expectSame(why, fingerprint(host), fingerprint(before));
          }
        }
      }
      expect(cases).toBeGreaterThan(30);
      expect(undone).toBeGreaterThan(0);
    },
  );

  it('合并本工作簿中的表: a sheet deleted or renamed while it is read gives the sheets as they are now', async () => {
    const read = (host: FakeExcelHost) => readWorkbookReturns(runOn(host), { modified: 1 });
    const measured = T.base.fork();
    const { syncs } = await measure(measured, () => read(measured));
    for (const [what, act] of [
      ['deletes a form sheet', remove(named(() => FORMS[1]!))],
      ['deletes their notes', remove(named(() => '备注'))],
      [
        'renames a form sheet',
        rename(
          named(() => FORMS[0]!),
          '闵行申请表',
        ),
      ],
    ] as const) {
      for (let sync = 1; sync <= syncs; sync++) {
        const why = `${what}, before sync ${sync}`;
        const host = T.base.fork();
        actBefore(host, host.syncCount + sync, () => act(host));
        const got = await read(host);
        const reference = T.base.fork();
        act(reference);
        const wanted = await read(reference);
        if (what.startsWith('renames') && sync > 1) {
          // Read under the name it had when the read began: the same cells, the sheet named as the clerk saw it then.
          expect([why, 'sheets' in got && got.sheets.map((s) => s.grid)]).toEqual([
            why,
            'sheets' in wanted && wanted.sheets.map((s) => s.grid),
          ]);
        } else expect([why, got]).toEqual([why, wanted]);
      }
    }
  });
});

describe('the clerk editing a cell while the merge works', () => {
  it.each([false, true])(
    'writing the summaries (replace %s): undone once the edit ends, and the message says to end it',
    async (replace) => {
      const template = () => (replace ? T.merged : T.base);
      const write = (host: FakeExcelHost) => writeSummarySheets(runOn(host), T.tables, { ...WRITE, replace });
      const measured = template().fork();
      const { syncs } = await measure(measured, () => write(measured));
      for (let sync = 1; sync <= syncs; sync++) {
        for (const lasting of [1, 3, 12]) {
          const why = `from sync ${sync} for ${lasting}`;
          const host = template().fork();
          const before = fingerprint(host);
          editCellDuring(host, host.syncCount + sync, lasting);
          const error = expectUserError(await outcome(write(host)));
          expect([why, error.message]).toEqual([why, expect.stringMatching(ADVICE.InvalidOperationInCellEditMode)]);
          expect([why, error.message]).toEqual([
            why,
            expect.stringMatching(sync === 1 || (replace && sync === 2) ? /^无法读取工作簿/ : /已撤销/),
          ]);
          expectSame(why, fingerprint(host), before);
        }
      }
    },
  );

  it('writing the summaries while the edit never ends: the message names every sheet left to delete', async () => {
    const host = T.base.fork();
    const before = new Set(host.state.sheets.map((s) => s.id));
    editCellDuring(host, host.syncCount + 3, Infinity);
    const error = expectUserError(await outcome(writeSummarySheets(runOn(host), T.tables, WRITE)));
    expect(error.message).toMatch(/^写入汇总表失败，且未能撤销：.*请先按 Enter 或 Esc 结束编辑/);
    const left = host.state.sheets.filter((s) => !before.has(s.id));
    expect(left.length).toBeGreaterThan(0);
    for (const sheet of left) expect(error.message).toContain(`“${sheet.name}”`);
  });

  it('reading the forms and the roster, saving the roster: nothing changed, and the message says to end the edit', async () => {
    const operations: [string, (host: FakeExcelHost) => Promise<unknown>][] = [
      ['reading the forms', (host) => readWorkbookReturns(runOn(host))],
      ['loading the roster', (host) => loadRoster(runOn(host))],
      ['saving the roster', (host) => saveRoster(runOn(host), ['静安区总工会'])],
    ];
    for (const [what, operation] of operations) {
      const measured = T.rostered.fork();
      const { syncs } = await measure(measured, () => operation(measured));
      for (let sync = 1; sync <= syncs; sync++) {
        const why = `${what} from sync ${sync}`;
        const host = T.rostered.fork();
        const before = fingerprint(host);
        editCellDuring(host, host.syncCount + sync, 2);
        const error = expectUserError(await outcome(operation(host)));
        expect([why, error.message]).toEqual([why, expect.stringMatching(ADVICE.InvalidOperationInCellEditMode)]);
        expectSame(why, fingerprint(host), before);
      }
    }
  });
});
