/** @jest-environment jsdom */
import { CATALOGUE } from '../../src/notices';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { pickLocale } from '../../src/taskpane/i18n';
import type { ExcelRun } from '../../src/hosts/office/excel-surface';
import { detachedPaneHost, officePaneHost } from '../../src/taskpane/pane-host';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { parseMarker } from '../../src/core/marker';
import { FakeExcelHost, type FakeHostOptions } from '../fake-excel/host';
import { EXPECTED_TITLES } from '../fixtures/expected-forms';

function excel(options: FakeHostOptions = {}) {
  const fake = new FakeExcelHost(options);
  fake.state.addSheet('Sheet1');
  const run: ExcelRun = (batch) => fake.run(batch);
  return {
    fake,
    host: officePaneHost(
      run,
      detectApiSupport((s, v) => fake.isSetSupported(s, v)),
    ),
  };
}

const card = (title: RegExp) => screen.getByRole('heading', { name: title }).closest('[role="group"]') as HTMLElement;

describe('the task pane', () => {
  it('lists the six forms with their notice and deadline, Chinese first', () => {
    render(<App host={excel().host} locale="zh-CN" />);
    expect(screen.getByRole('heading', { level: 1, name: '工会表格助手' })).toBeTruthy();
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(EXPECTED_TITLES);
    expect(within(card(/活动项目申报表/)).getByText('报送截止：2017-05-12')).toBeTruthy();
    expect(within(card(/活动项目申报表/)).getByText(/沪工总基〔2017〕153号/)).toBeTruthy();
  });

  it('inserts a form with the 届次 typed, and says which sheet it made', async () => {
    const { fake, host } = excel();
    render(<App host={host} locale="zh-CN" />);
    const festival = card(/活动情况统计表/);
    fireEvent.change(within(festival).getByRole('textbox', { name: '届次' }), { target: { value: '8' } });
    expect(within(festival).getByRole('heading').textContent).toBe('第八届上海职工科技节活动情况统计表');
    fireEvent.click(within(festival).getByRole('button', { name: '插入表格' }));
    await waitFor(() => expect(within(festival).getByText('已插入工作表“活动情况统计表”。')).toBeTruthy());
    const sheet = fake.state.sheet('活动情况统计表');
    expect(parseMarker(sheet?.names.get('UnionForms_Form'))).toMatchObject({ formId: 'festival-stats', params: { edition: '8' } });
    expect(fake.state.activeSheetId).toBe(sheet?.id);
  });

  it('explains a 届次 it cannot use, in Chinese, and will not insert', () => {
    render(<App host={excel().host} locale="zh-CN" />);
    const festival = card(/活动项目申报表/);
    fireEvent.change(within(festival).getByRole('textbox', { name: '届次' }), { target: { value: '八' } });
    expect(within(festival).getByText(/届次“八”无效：应为1到99之间的整数/)).toBeTruthy();
    expect((within(festival).getByRole('button', { name: '插入表格' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a failed insert in a message bar, and the workbook is as before', async () => {
    const { fake, host } = excel();
    render(<App host={host} locale="zh-CN" />);
    await act(() => fake.state.settle());
    const before = fake.state.clone();
    fake.options.failAt = { sync: fake.syncCount + 2, afterOps: 30 };
    const application = card(/创新工作室申请表/);
    await act(async () => {
      fireEvent.click(within(application).getByRole('button', { name: '插入表格' }));
    });
    await waitFor(() => expect(within(application).getByText('插入失败')).toBeTruthy());
    expect(within(application).getByText(/插入“工作室申请表”失败，已撤销/)).toBeTruthy();
    expect(fake.state.clone()).toEqual(before);
  });

  it('says what an older Excel leaves out', () => {
    render(<App host={excel({ apiVersion: '1.7' }).host} locale="zh-CN" />);
    expect(screen.getByText('此版本 Excel 的部分功能不可用')).toBeTruthy();
    expect(screen.getByText(/不支持数据验证/)).toBeTruthy();
    expect(screen.getByText(/不支持页面设置/)).toBeTruthy();
  });

  it('says so when opened outside Office, and offers no insert', () => {
    render(<App host={detachedPaneHost()} locale="zh-CN" />);
    expect(screen.getByText(/此页面需要在 Excel 中作为加载项打开/)).toBeTruthy();
    for (const b of screen.getAllByRole('button', { name: '插入表格' })) expect((b as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks English where Office runs in another language', () => {
    expect(pickLocale('zh-CN')).toBe('zh-CN');
    expect(pickLocale('zh-TW')).toBe('zh-CN');
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-US')).toBe('en-US');
    render(<App host={excel({ apiVersion: '1.8' }).host} locale={pickLocale('en-GB')} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Union Forms' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Insert form' })).toHaveLength(6);
    expect(screen.getByText(/No page layout/)).toBeTruthy();
  });
});

describe('the 检查 tab', () => {
  it('lists problems by sheet and severity, and a click selects the cell', async () => {
    const fake = new FakeExcelHost();
    fake.state.addSheet('Sheet1');
    const run: ExcelRun = (batch) => fake.run(batch);
    const support = detectApiSupport((s, v) => fake.isSetSupported(s, v));
    const own = new OwnWrites(undefined, 0);
    const live = new LiveValidation(run, support, own, { catalogue: CATALOGUE, debounceMs: 1, today: () => '2026-11-21' });
    const host = officePaneHost(run, support, { ownWrites: own, live });
    render(<App host={host} locale="zh-CN" />);
    const festival = card(/活动项目申报表/);
    await act(async () => {
      fireEvent.click(within(festival).getByRole('button', { name: '插入表格' }));
      await fake.state.settle();
      await live.idle();
    });
    await act(async () => {
      fake.userEdit('活动项目申报表', { B3: '某区总工会', D9: '0', D10: '5588' });
      await fake.state.settle();
      await live.idle();
    });
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByRole('heading', { level: 3, name: '活动项目申报表' })).toBeTruthy();
    expect(screen.getByText(/^错误（\d+）$/)).toBeTruthy();
    const phone = screen.getByRole('button', { name: /^D10 联系电话：电话号码有误/ });
    await act(async () => {
      fireEvent.click(phone);
      await fake.state.settle();
    });
    expect(fake.state.selection?.address).toBe('D10');
    expect(screen.getByRole('button', { name: /^D9 参加人数：不能小于1/ })).toBeTruthy();
  });
});

describe('the 检查 tab on an Excel whose writes cost the clerk’s Ctrl+Z', () => {
  const caption = /此前的操作不能再用 Ctrl\+Z 撤销/;
  const openCheckTab = (apiVersion: string) => {
    render(<App host={excel({ apiVersion }).host} locale="zh-CN" />);
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
  };

  it('says so beside 检查整个工作簿 before ExcelApi 1.20 (volume-licensed Excel 2021: 1.14)', async () => {
    openCheckTab('1.14');
    expect(await screen.findByText(caption)).toBeTruthy();
  });

  it('says nothing of it where the add-in’s writes keep the clerk’s undo history (1.20)', async () => {
    openCheckTab('1.20');
    expect(await screen.findByRole('button', { name: '检查整个工作簿' })).toBeTruthy();
    expect(screen.queryByText(caption)).toBeNull();
  });
});
