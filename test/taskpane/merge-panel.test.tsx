/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import { stringsFor } from '../../src/taskpane/i18n';
import type { MergeHost, WrittenSheet } from '../../src/taskpane/merge-host';
import { MergeClient } from '../../src/taskpane/merge/merge-client';
import type { MergePreview, PickedFile } from '../../src/taskpane/merge/merge-protocol';
import { filledFile } from '../support/filled-file';
import { InProcessWorker, pickedFile } from '../support/in-process-worker';
import { volunteerReturn } from '../support/volunteer-return';

const TODAY = '2026-11-21';

/** The pane's merge host over the real worker code, with the workbook side recorded instead of written. */
function scriptedHost(previous: string[] = []) {
  const client = new MergeClient(() => new InProcessWorker());
  const calls = {
    writes: [] as { replace: boolean; sheets: string[] }[],
    shown: [] as string[],
    selected: [] as string[],
    roster: [] as string[][],
  };
  let stored = ['殷行街道工会', '五角场街道工会'];
  const host: MergeHost = {
    readFiles: (files, roster, onProgress, signal, deadline) => client.readFiles(files, roster, TODAY, onProgress, signal, deadline),
    readWorkbook: () => Promise.reject(new Error('not used')),
    resummarise: (roster, deadline) => client.summarise(roster, TODAY, deadline),
    slips: () => client.slips(),
    canDownload: true,
    previousSummaries: () => Promise.resolve(previous),
    write: (preview: MergePreview, replace, onProgress) => {
      const tables = [...preview.summaries, preview.report];
      onProgress(
        tables.reduce((n, t) => n + t.rows.length, 0),
        tables.reduce((n, t) => n + t.rows.length, 0),
      );
      calls.writes.push({ replace, sheets: tables.map((t) => t.sheetName) });
      return Promise.resolve(tables.map((t, i): WrittenSheet => ({ id: `id${i}`, name: t.sheetName })));
    },
    showSheet: (id) => {
      calls.shown.push(id);
      return Promise.resolve();
    },
    selectCell: (sheet, cell) => {
      calls.selected.push(`${sheet}!${cell}`);
      return Promise.resolve();
    },
    loadRoster: () => Promise.resolve(stored),
    saveRoster: (units) => {
      calls.roster.push(units);
      stored = units;
      return Promise.resolve();
    },
    rosterFromSelection: () => Promise.resolve(['殷行街道工会', '长白新村街道工会']),
  };
  return { host, calls };
}

/** jsdom's File cannot give its bytes back, so the picked files are the same shape built from the bytes. */
async function files(): Promise<PickedFile[]> {
  return [
    pickedFile('殷行.xlsx', await filledFile('yangpu-volunteer-team', volunteerReturn('殷行街道工会', '殷行科技服务队')), 1),
    pickedFile('坏的.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 2),
  ];
}

const strings = stringsFor('zh-CN');

async function pick(picked: PickedFile[]) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText('选择报送文件'), { target: { files: picked } });
  });
  await screen.findByText('读取结果', {}, { timeout: 10_000 });
}

describe('the 合并 tab', () => {
  it('reads picked files into a preview with the remembered roster, and writes the summaries with links', async () => {
    const { host, calls } = scriptedHost();
    render(<MergePanel merge={host} strings={strings} />);
    await waitFor(() => expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('殷行街道工会\n五角场街道工会'));
    await pick(await files());
    expect(screen.getByText(/共 2 个文件：可合并 1（其中有问题 0），跳过 0，无法读取 1/)).toBeTruthy();
    expect(screen.getByText(/“志愿者服务队登记表”· 志愿者服务队登记表 · 殷行街道工会 · 1 条记录 · 0 个问题/)).toBeTruthy();
    expect(screen.getByText(/无法读取：/)).toBeTruthy();
    expect(screen.getByText('齐全 1 · 缺报 0 · 未报 1')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: '五角场街道工会 未报' })).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    });
    // the summaries of the form (how many depends on the form's summary plan), then 合并报告
    const banner = await screen.findByText(/已生成 \d+ 张工作表/);
    const sheets = calls.writes[0]?.sheets ?? [];
    expect(calls.writes).toEqual([{ replace: false, sheets: expect.arrayContaining(['志愿者服务队汇总', '合并报告']) }]);
    expect(sheets.at(-1)).toBe('合并报告');
    expect(banner.textContent).toContain(`已生成 ${sheets.length} 张工作表`);
    expect(calls.roster.at(-1)).toEqual(['殷行街道工会', '五角场街道工会']);
    const links = within(screen.getByRole('navigation', { name: '生成的工作表' })).getAllByRole('button');
    expect(links.map((l) => l.textContent)).toEqual(sheets);
    await act(async () => {
      fireEvent.click(links.at(-1) as HTMLElement);
    });
    expect(calls.shown).toEqual([`id${sheets.length - 1}`]);
  });

  it('asks before replacing the summaries of an earlier merge, and can keep them', async () => {
    const { host, calls } = scriptedHost(['志愿者服务队汇总', '合并报告']);
    render(<MergePanel merge={host} strings={strings} />);
    await pick(await files());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    });
    // jsdom runs no CSS motion, so Fluent's dialog stays "entering" and counts as hidden to role queries.
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText(/已有：志愿者服务队汇总、合并报告/)).toBeTruthy();
    expect(calls.writes).toEqual([]);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '另建新工作表', hidden: true }));
    });
    await screen.findByText(/已生成 \d+ 张工作表/);
    expect(calls.writes.map((w) => w.replace)).toEqual([false]);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    });
    await act(async () => {
      fireEvent.click(
        within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', { name: '替换原汇总表', hidden: true }),
      );
    });
    await waitFor(() => expect(calls.writes.map((w) => w.replace)).toEqual([false, true]));
  });

  it('takes the roster from the selected cells, keeps it in the workbook and updates who is missing', async () => {
    const { host, calls } = scriptedHost();
    render(<MergePanel merge={host} strings={strings} />);
    await waitFor(() => expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).not.toBe(''));
    await pick(await files());
    expect(screen.getByRole('rowheader', { name: /^五角场街道工会/ })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '用选中的单元格作名单' }));
    });
    await screen.findByRole('rowheader', { name: '长白新村街道工会 未报' });
    expect(calls.roster.at(-1)).toEqual(['殷行街道工会', '长白新村街道工会']);
    expect(screen.queryByRole('rowheader', { name: /^五角场街道工会/ })).toBeNull();
  });

  it('takes files dropped on it, ignoring what is no workbook', async () => {
    const { host } = scriptedHost();
    render(<MergePanel merge={host} strings={strings} />);
    const [good] = await files();
    const note = pickedFile('说明.docx', Uint8Array.from([1, 2, 3]));
    await act(async () => {
      fireEvent.drop(screen.getByText(/也可以把文件拖到这里/).parentElement as HTMLElement, { dataTransfer: { files: [good, note] } });
    });
    await screen.findByText('读取结果', {}, { timeout: 10_000 });
    expect(screen.getByText(/共 1 个文件：可合并 1/)).toBeTruthy();
    expect(screen.queryByText('说明.docx')).toBeNull();
  });

  it('shows a failure to write in a message bar, in Chinese', async () => {
    const { host } = scriptedHost();
    host.write = () => Promise.reject(new Error('写入“合并报告”时 Excel 拒绝了请求，已撤销本次写入。'));
    render(<MergePanel merge={host} strings={strings} />);
    await pick(await files());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    });
    await screen.findByText('合并没有完成');
    expect(screen.getByText(/已撤销本次写入/)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
