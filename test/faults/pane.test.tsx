/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { planSheet } from '../../src/core/layout';
import { getForm, CATALOGUE } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { App } from '../../src/taskpane/components/App';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import { stringsFor } from '../../src/taskpane/i18n';
import { MergeClient } from '../../src/taskpane/merge/merge-client';
import { officeMergeHost } from '../../src/taskpane/office-merge-host';
import { officePaneHost } from '../../src/taskpane/pane-host';
import { FakeExcelHost } from '../fake-excel/host';
import { TODAY } from '../support/filled-form';
import { InProcessWorker } from '../support/in-process-worker';
import { arm, editCellDuring, expectSame, failNextWith, fingerprint, measure, runOn } from './faults';
import { templates, type Templates } from './merge-workbook';

const strings = stringsFor('zh-CN');
const card = (title: RegExp) => screen.getByRole('heading', { name: title }).closest('[role="group"]') as HTMLElement;

/** The pane over the fake host, with live validation that answers quickly. */
function pane() {
  const host = new FakeExcelHost();
  host.state.activeSheetId = host.state.addSheet('Sheet1').id;
  const run = runOn(host);
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const own = new OwnWrites(undefined, 0);
  const live = new LiveValidation(run, support, own, { catalogue: CATALOGUE, debounceMs: 1, retryMs: 5, today: () => TODAY });
  render(<App host={officePaneHost(run, support, { ownWrites: own, live })} locale="zh-CN" />);
  const settle = async () => {
    await act(async () => {
      for (let round = 0; round < 3; round++) {
        await host.state.settle();
        await live.idle();
        await new Promise((r) => setTimeout(r, 10));
      }
    });
  };
  return { host, live, settle };
}

async function insertThroughPane(title: RegExp) {
  const form = card(title);
  await act(async () => {
    fireEvent.click(within(form).getByRole('button', { name: '插入表格' }));
  });
  return form;
}

describe('the pane says what happened and what to do', () => {
  it('插入表格: a failed drawing is undone, and the message bar says to try again later', async () => {
    const plan = planSheet(getForm('studio-application'));
    const clean = new FakeExcelHost();
    clean.state.addSheet('Sheet1');
    const { syncs } = await measure(clean, () =>
      clean.run((ctx) =>
        insertForm(
          ctx,
          plan,
          detectApiSupport((s, v) => clean.isSetSupported(s, v)),
          new OwnWrites(),
        ),
      ),
    );
    const { host, settle } = pane();
    await settle();
    const before = fingerprint(host);
    arm(host, { sync: syncs, afterOps: 40, code: 'GeneralException' });
    const form = await insertThroughPane(/创新工作室申请表/);
    await waitFor(() => expect(within(form).getByText('插入失败')).toBeTruthy());
    expect(within(form).getByText(/^插入“工作室申请表”失败，已撤销：Excel 内部出错，请稍后再试。$/)).toBeTruthy();
    await settle();
    expectSame('insert', fingerprint(host), before);
  });

  it('插入表格 while a cell is being edited: nothing inserted, and it says to end the edit first', async () => {
    const { host, settle } = pane();
    await settle();
    const before = fingerprint(host);
    editCellDuring(host, host.syncCount + 1, Infinity);
    const form = await insertThroughPane(/活动项目申报表/);
    await waitFor(() => expect(within(form).getByText('插入失败')).toBeTruthy());
    expect(within(form).getByText(/请先按 Enter 或 Esc 结束编辑，再试一次/)).toBeTruthy();
    host.options.cellEditMode = false;
    await settle();
    expectSame('insert', fingerprint(host), before);
  });

  it('检查: a check in cell edit mode says it will check again after the edit, then lists the problem', async () => {
    const { host, settle } = pane();
    await insertThroughPane(/活动项目申报表/);
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    editCellDuring(host, host.syncCount + 1, Infinity);
    await act(async () => {
      host.userEdit('活动项目申报表', { B3: '某区总工会', D10: '5588' });
    });
    await settle();
    expect(screen.getByText('正在编辑单元格：结束编辑（按 Enter 或 Esc）后会自动重新检查。')).toBeTruthy();
    host.options.cellEditMode = false;
    await settle();
    await waitFor(() => expect(screen.queryByText(/正在编辑单元格/)).toBeNull());
    expect(screen.getByRole('button', { name: /^D10 联系电话：电话号码有误/ })).toBeTruthy();
  });

  it('检查: a failed check says so and what to do; 检查整个工作簿 checks again', async () => {
    const { host, settle } = pane();
    await insertThroughPane(/活动项目申报表/);
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    arm(host, { sync: 1, afterOps: 0, code: 'GeneralException' });
    await act(async () => {
      host.userEdit('活动项目申报表', { B3: '某区总工会', D10: '5588' });
    });
    await settle();
    expect(screen.getByText('检查未完成：Excel 内部出错，请稍后再试。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    });
    await settle();
    expect(screen.queryByText(/检查未完成/)).toBeNull();
    expect(screen.getByRole('button', { name: /^D10 联系电话：电话号码有误/ })).toBeTruthy();
  });

  it('检查: highlights that could not be painted are explained under the sheet, the problems still listed', async () => {
    const { host, settle } = pane();
    await insertThroughPane(/活动项目申报表/);
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    await act(async () => {
      host.userEdit('活动项目申报表', { B3: '某区总工会', D10: '5588' });
    });
    await settle();
    // Typing only re-lists the problems (painting after every edit would cost the clerk's undo history);
    // the cells are painted when the clerk asks, and that paint fails here.
    // 检查整个工作簿 (finding the form sheets, reading them, painting): its last sync, the paint, fails
    arm(host, { sync: 4, afterOps: 1, code: 'GeneralException' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    });
    await settle();
    expect(screen.getByText(/^无法标出有问题的单元格：Excel 内部出错，请稍后再试。点“检查整个工作簿”可重新标出/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^D10 联系电话：电话号码有误/ })).toBeTruthy();
    expect(host.state.sheet('活动项目申报表')!.protection.protected).toBe(true);
  });
});

describe('the 合并 tab says what happened and what to do', () => {
  let T: Templates;
  beforeAll(async () => {
    T = await templates();
  });

  /** The merge tab over a copy of a template workbook, through the real worker code and Office.js adapter. */
  async function mergeTab(template: FakeExcelHost) {
    const host = template.fork();
    const merge = officeMergeHost(runOn(host), new MergeClient(() => new InProcessWorker()), () => TODAY);
    const view = render(<MergePanel merge={merge} strings={strings} />);
    await act(() => host.state.settle());
    return { host, view };
  }

  async function readThisWorkbook() {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '合并本工作簿中的表' }));
    });
  }

  /** 生成汇总表, and with earlier summaries the dialog's choice. */
  async function makeSummaries(replace: boolean | undefined) {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    });
    if (replace === undefined) return;
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: replace ? '替换原汇总表' : '另建新工作表', hidden: true }));
    });
  }

  const banner = () => screen.findByText(/^(已生成 \d+ 张工作表|合并没有完成)/, {}, { timeout: 10_000 });

  it('合并本工作簿中的表: a failed read says so and to try again later', async () => {
    const { host } = await mergeTab(T.base);
    arm(host, { sync: 1, afterOps: 0, code: 'GeneralException' });
    await readThisWorkbook();
    await screen.findByText('合并没有完成', {}, { timeout: 10_000 });
    expect(screen.getByText('无法读取本工作簿中的表：Excel 内部出错，请稍后再试。')).toBeTruthy();
  });

  it.each([
    ['new sheets', undefined, 'InvalidOperationInCellEditMode', /请先按 Enter 或 Esc 结束编辑/],
    ['replacing the earlier summaries', true, 'GeneralException', /请稍后再试/],
    ['new sheets beside the earlier summaries', false, 'GeneralException', /请稍后再试/],
  ] as const)(
    '生成汇总表 (%s): the last write fails, the workbook is as before, and the bar says what to do',
    async (_what, replace, code, advice) => {
      const template = replace === undefined ? T.base : T.merged;
      // A clean run through the pane: the syncs from the click to the end.
      const clean = await mergeTab(template);
      await readThisWorkbook();
      await screen.findByText('读取结果', {}, { timeout: 10_000 });
      const start = clean.host.syncCount;
      await makeSummaries(replace);
      expect((await banner()).textContent).toMatch(/^已生成/);
      const syncs = clean.host.syncCount - start;
      clean.view.unmount();

      const { host } = await mergeTab(template);
      await readThisWorkbook();
      await screen.findByText('读取结果', {}, { timeout: 10_000 });
      const before = fingerprint(host);
      arm(host, { sync: syncs, afterOps: 0, code });
      await makeSummaries(replace);
      expect((await banner()).textContent).toBe('合并没有完成');
      expect(screen.getByText(/^写入汇总表失败，已撤销，工作簿和写入前一样：/).textContent).toMatch(advice);
      expect(screen.queryByRole('navigation')).toBeNull();
      expectSame('write', fingerprint(host), before);
    },
  );

  it('生成汇总表 with the roster not kept: the summaries written, and the bar says the roster was not saved and why', async () => {
    const { host } = await mergeTab(T.rostered);
    await readThisWorkbook();
    await screen.findByText('读取结果', {}, { timeout: 10_000 });
    const parts = JSON.stringify(host.state.customXmlParts);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '静安区总工会' } });
    failNextWith(host, 'customXmlParts.add');
    await makeSummaries(undefined);
    expect((await banner()).textContent).toMatch(/^已生成 \d+ 张工作表/);
    expect(
      screen.getByText(/^单位名单没有保存到工作簿（名单仍在上面的框中）：无法把单位名单保存到工作簿：Excel 内部出错，请稍后再试。$/),
    ).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '生成的工作表' })).toBeTruthy();
    expect(JSON.stringify(host.state.customXmlParts)).toBe(parts);
  });

  it('the roster not kept in the workbook (a cell being edited): the bar says so and what to do', async () => {
    const { host } = await mergeTab(T.rostered);
    const box = screen.getByRole('textbox');
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('旧名单单位'));
    const before = fingerprint(host);
    editCellDuring(host, host.syncCount + 1, Infinity);
    fireEvent.change(box, { target: { value: '静安区总工会\n黄浦区总工会' } });
    await act(async () => {
      fireEvent.blur(box);
    });
    await screen.findByText('单位名单没有保存到工作簿（名单仍在上面的框中）');
    expect(screen.getByText(/^无法把单位名单保存到工作簿：Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。$/)).toBeTruthy();
    expectSame('roster', fingerprint(host), before);
  });
});
