/** @jest-environment jsdom */
/**
 * 新表格 → 从所选区域创建 in the WPS pane (issue 20 §1): a table typed into the fake ET by hand (cells and a merged
 * title, not through our writer), selected, read by the pane host's default reader, reviewed and saved in the
 * workbook — as the Excel pane does in test/taskpane/new-form.test.tsx. A chart selected instead is said in Chinese.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { App } from '../../src/taskpane/components/App';
import { wpsPaneHost } from '../../src/taskpane/wps-pane-host';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';
import { createFromSelection, openNewForm, reviewedLabels } from './new-form-steps';

// Every browser the pane runs in has TextEncoder and TextDecoder; jsdom leaves them out: Node's own stand in.
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
});

function typedTable(): FakeEt {
  const et = new FakeEt({ sheets: ['Sheet1', '登记'] });
  const sheet = et.sheet('登记') as EtSheetState;
  const rows = [
    ['合理化建议登记表', '', '', ''],
    ['填报单位：', '', '', ''],
    ['建议名称', '', '提出人数', ''],
    ['序号', '姓名', '联系电话', '采纳日期'],
    ['1', '', '', ''],
    ['2', '', '', ''],
  ];
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text !== '') sheet.cells.set(cellKey(r, c), { ...emptyCell(), value: text });
    }),
  );
  sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
  et.select('登记', 'A1:D6');
  return et;
}

describe('从所选区域创建 in the WPS pane', () => {
  it('reads the selected table through ET, shows it for review and saves it in the workbook', async () => {
    const et = typedTable();
    const host = wpsPaneHost(et.app);
    render(<App host={host} locale="zh-CN" />);
    const panel = await openNewForm();
    const review = await createFromSelection(panel, /合理化建议登记表/);
    expect(within(review).getByText(/从工作表“登记”的区域 .*A1:D6 创建/)).toBeTruthy();
    expect(reviewedLabels(review)).toEqual(['填报单位', '建议名称', '提出人数', '序号', '姓名', '联系电话', '采纳日期']);
    expect(screen.queryByText(/暂不能/)).toBeNull();
    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '保存到本工作簿' }));
    });
    await waitFor(() => expect(within(review).getByText(/已保存“合理化建议登记表”/)).toBeTruthy());
    expect(host.workbookForms.forms.map((f) => f.name)).toContain('合理化建议登记表');
  });

  it('says in Chinese to select cells when a chart is selected', async () => {
    const et = typedTable();
    et.selectObject('登记');
    render(<App host={wpsPaneHost(et.app)} locale="zh-CN" />);
    const panel = await openNewForm();
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: '从所选区域创建' }));
    });
    expect(await within(panel).findByText(/现在选中的不是单元格/)).toBeTruthy();
  });
});
