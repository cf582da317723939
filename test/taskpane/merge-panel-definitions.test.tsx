/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { CellValue } from '../../src/core/cell-value';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import { stringsFor } from '../../src/taskpane/i18n';
import type { MergeHost } from '../../src/taskpane/merge-host';
import { MergeClient } from '../../src/taskpane/merge/merge-client';
import type { PickedFile } from '../../src/taskpane/merge/merge-protocol';
import { filledFile } from '../support/filled-file';
import { importedForm, importedReturn } from '../support/imported-return';
import { InProcessWorker, pickedFile } from '../support/in-process-worker';

/** The 合并 tab over the real worker code, with returns of an imported form: what the definitions they carry did. */
const TODAY = '2026-06-10';
const FORM = importedForm();

function host(): MergeHost {
  const client = new MergeClient(() => new InProcessWorker());
  const unused = () => Promise.reject(new Error('not used'));
  return {
    readFiles: (files, roster, onProgress, signal, deadline) => client.readFiles(files, roster, TODAY, onProgress, signal, deadline),
    readWorkbook: unused,
    resummarise: (roster, deadline) => client.summarise(roster, TODAY, deadline),
    slips: () => client.slips(),
    canDownload: true,
    previousSummaries: () => Promise.resolve([]),
    write: unused,
    showSheet: unused,
    selectCell: unused,
    loadRoster: () => Promise.resolve([]),
    saveRoster: () => Promise.resolve(),
    rosterFromSelection: () => Promise.resolve([]),
  };
}

const values = (unit: string): Record<string, CellValue> => ({
  unit,
  contact: '张琳',
  contactPhone: '25032216',
  fillDate: '2026-6-1',
  'activities[0].seq': 1,
  'activities[0].name': '读书会',
  'activities[0].form': '共读',
  'activities[0].schedule': '6月',
  'activities[0].content': '共读一本书',
  'activities[0].participants': 12,
});

/** The tab rendered, its roster loaded (inside act, as React wants its updates). */
async function show(locale: 'zh-CN' | 'en-US') {
  await act(async () => {
    render(<MergePanel merge={host()} strings={stringsFor(locale)} />);
  });
}

async function pick(picked: PickedFile[]) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText('选择报送文件'), { target: { files: picked } });
  });
  await screen.findByText('读取结果', {}, { timeout: 10_000 });
}

describe('the 合并 tab and the definitions the returns carry', () => {
  let files: PickedFile[];
  beforeAll(async () => {
    files = [
      pickedFile('殷行.xlsx', await importedReturn(FORM, values('殷行街道工会')), 1),
      pickedFile('长白.xlsx', await importedReturn(FORM, values('长白新村街道工会'), (e) => e.replace('主题活动', '读书活动')), 2),
    ];
  });

  it('names the forms taken, warns of each definition refused, and names a return’s imported form by its sheet', async () => {
    await show('zh-CN');
    await pick(files);
    expect(screen.getByText(`按文件中附带的表格定义识别：职工读书活动登记表（${FORM.id} 第 1 版）`)).toBeTruthy();
    const warning = screen.getByText('表格定义未使用').closest('[role="group"], div');
    expect(warning?.textContent).toMatch(/^表格定义未使用长白\.xlsx：表格定义的校验值不符/);
    expect(screen.getByText(/“读书活动登记表”· 读书活动登记表 · 殷行街道工会 · 1 条记录 · 0 个问题/)).toBeTruthy();
  });

  it('says so in English too, with no warning when every definition is intact', async () => {
    await show('en-US');
    await act(async () => {
      fireEvent.change(screen.getByLabelText(stringsFor('en-US').merge.pickFiles), { target: { files: files.slice(0, 1) } });
    });
    await screen.findByText(stringsFor('en-US').merge.previewHeading, {}, { timeout: 10_000 });
    expect(screen.getByText(/^Recognised by the form definitions the files carry: 职工读书活动登记表/)).toBeTruthy();
    expect(screen.queryByText('Form definition not used')).toBeNull();
  });

  it('shows neither line for returns of built-in forms only', async () => {
    await show('zh-CN');
    await pick([pickedFile('五角场.xlsx', await filledFile('yangpu-theme-activity', values('五角场街道工会')), 3)]);
    expect(screen.getByText(/“主题活动申报表”· 主题活动申报表 · 五角场街道工会 · 1 条记录/)).toBeTruthy();
    expect(screen.queryByText(/按文件中附带的表格定义/)).toBeNull();
    expect(screen.queryByText('表格定义未使用')).toBeNull();
  });
});
