/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import type { ExcelRun } from '../../src/hosts/office/excel-surface';
import { App } from '../../src/taskpane/components/App';
import { detachedPaneHost, officePaneHost } from '../../src/taskpane/pane-host';
import { FakeExcelHost } from '../fake-excel/host';

/** The pane over the fake Excel, with one sheet of the clerk's. */
function pane() {
  const fake = new FakeExcelHost();
  const sheet = fake.state.addSheet('会员名单');
  fake.state.cell(sheet, 0, 0).value = '李四';
  const run: ExcelRun = (batch) => fake.run(batch);
  const host = officePaneHost(
    run,
    detectApiSupport((s, v) => fake.isSetSupported(s, v)),
  );
  render(<App host={host} locale="zh-CN" />);
  return fake;
}

async function runSelfTest(): Promise<HTMLTextAreaElement> {
  fireEvent.click(screen.getByRole('button', { name: '自检' }));
  fireEvent.click(await screen.findByRole('button', { name: '运行自检' }));
  await screen.findByText(/^正常 \d+ 项，失败 \d+ 项，不支持 \d+ 项。$/, undefined, { timeout: 10000 });
  return screen.getByRole('textbox', { name: '自检报告' }) as HTMLTextAreaElement;
}

describe('自检 in the pane', () => {
  const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });

  it('runs from the pane’s foot, shows the report and copies it; the clerk’s sheet is as it was and the scratch sheet gone', async () => {
    const fake = pane();
    const before = JSON.stringify(fake.state.clone());
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (written.push(text), Promise.resolve()) },
    });
    const box = await runSelfTest();
    expect(box.value).toMatch(/^【工会表格助手 自检报告】\n宿主：Excel /);
    expect(box.value).not.toContain('会员名单');
    expect(box.value).not.toContain('李四');
    fireEvent.click(screen.getByRole('button', { name: '复制报告' }));
    await screen.findByText('已复制。');
    expect(written).toEqual([box.value]);
    await waitFor(() => expect(JSON.stringify(fake.state.clone())).toBe(before));
  });

  it('where the clipboard is refused, says how to copy the report by hand', async () => {
    pane();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    await runSelfTest();
    fireEvent.click(screen.getByRole('button', { name: '复制报告' }));
    await screen.findByText('无法自动复制：请点下面的文本框，按 Ctrl+A 全选，再按 Ctrl+C 复制。');
  });

  it('is not offered outside a workbook', () => {
    render(<App host={detachedPaneHost()} locale="zh-CN" />);
    expect(screen.queryByRole('button', { name: '自检' })).toBeNull();
  });
});
