/** @jest-environment jsdom */
/**
 * Issue 20 §5 in the pane: where the host has its own file dialog (WPS 表格's Application.FileDialog), the 合并 tab and
 * 新表格 offer it beside the pane's file chooser, and what it gives goes the chooser's way: the same worker merge, the
 * same .docx import. A cancel changes nothing; a file that could not be read, or a dialog that would not open, is said
 * in Chinese. Where the host has none (Excel), no button. The returns are written by ExcelJS over our template (as a
 * clerk's Excel saves them), the notice by python-docx.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import type { ChosenFiles } from '../../src/taskpane/chosen-files';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import NewFormPanel from '../../src/taskpane/components/NewFormPanel';
import { stringsFor } from '../../src/taskpane/i18n';
import { lazyMergeHost } from '../../src/taskpane/lazy-merge-host';
import type { MergeHost } from '../../src/taskpane/merge-host';
import { MergeClient } from '../../src/taskpane/merge/merge-client';
import type { PickedFile } from '../../src/taskpane/merge/merge-protocol';
import { detachedPaneHost, officePaneHost, type PaneHost } from '../../src/taskpane/pane-host';
import { wpsPaneHost } from '../../src/taskpane/wps-pane-host';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { CATALOGUE } from '../../src/notices';
import { FakeExcelHost } from '../fake-excel/host';
import { FakeEt } from '../fake-wps/fake-et';
import { filledFile } from '../support/filled-file';
import { InProcessWorker, pickedFile } from '../support/in-process-worker';
import { volunteerReturn } from '../support/volunteer-return';

// Every browser the pane runs in has TextEncoder and TextDecoder; jsdom leaves them out: Node's own stand in.
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
});

const TODAY = '2026-11-21';
const strings = stringsFor('zh-CN');
const ROSTER = ['殷行街道工会', '五角场街道工会', '长白新村街道工会'];
const UNREADABLE = { name: '已删除.xlsx', reason: '无法读取此文件：文件可能已被移动、删除或正被其他程序使用。' };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-dialog-'));
let notice: Uint8Array;
let yinhang: Uint8Array;
let wujiaochang: Uint8Array;
beforeAll(async () => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'import', 'make_new_notice_docx.py'), dir]);
  notice = new Uint8Array(fs.readFileSync(path.join(dir, 'proposal-notice.docx')));
  yinhang = await filledFile('yangpu-volunteer-team', volunteerReturn('殷行街道工会', '殷行科技服务队', 12, '为社区居民修理家电'));
  wujiaochang = await filledFile('yangpu-volunteer-team', volunteerReturn('五角场街道工会', '五角场法律服务队', 8, '法律咨询'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The 合并 tab's host over the real worker code; the files each read was given are recorded. */
function mergeHost(chooseReturns?: MergeHost['chooseReturns']) {
  const client = new MergeClient(() => new InProcessWorker());
  const reads: PickedFile[][] = [];
  const host: MergeHost = {
    readFiles: (files, roster, onProgress, signal, deadline) => {
      reads.push(files);
      return client.readFiles(files, roster, TODAY, onProgress, signal, deadline);
    },
    readWorkbook: () => Promise.reject(new Error('not used')),
    resummarise: (roster, deadline) => client.summarise(roster, TODAY, deadline),
    slips: () => client.slips(),
    canDownload: true,
    previousSummaries: () => Promise.resolve([]),
    write: () => Promise.reject(new Error('not used')),
    showSheet: () => Promise.resolve(),
    selectCell: () => Promise.resolve(),
    loadRoster: () => Promise.resolve(ROSTER),
    saveRoster: () => Promise.resolve(),
    rosterFromSelection: () => Promise.resolve([]),
    ...(chooseReturns ? { chooseReturns } : {}),
  };
  return { host, reads };
}

/** A host dialog that gives, in turn, each of `answers` (an Error: the dialog throws, as a host's call may). */
function dialogGiving<F>(...answers: (ChosenFiles<F> | Error)[]) {
  let opened = 0;
  const choose = () => {
    const answer = answers[opened++];
    if (answer === undefined) throw new Error('the dialog was opened more often than the test expects');
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { choose, opened: () => opened };
}

const CANCELLED = { files: [], unreadable: [], cancelled: true };

/** The 合并 tab drawn, once it shows the roster kept in the workbook. */
async function showMerge(host: MergeHost) {
  const view = render(<MergePanel merge={host} strings={strings} />);
  await waitFor(() => expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(ROSTER.join('\n')));
  return view;
}

async function click(name: string, within_: HTMLElement = document.body) {
  await act(async () => {
    fireEvent.click(within(within_).getByRole('button', { name }));
  });
}

describe('合并 with the host’s file dialog', () => {
  it('reads the files the dialog gives through the same worker merge as the chooser, and names one it could not read', async () => {
    const returns = [pickedFile('殷行.xlsx', yinhang, 1), pickedFile('五角场.xlsx', wujiaochang, 2)];
    const dialog = dialogGiving<PickedFile>({ files: returns, unreadable: [UNREADABLE], cancelled: false });
    const { host, reads } = mergeHost(dialog.choose);
    await showMerge(host);
    await click('用 WPS 选择文件…');
    await screen.findByText('读取结果', {}, { timeout: 10_000 });
    expect(dialog.opened()).toBe(1);
    // the very objects the dialog gave, handed to readFiles as the chooser's are
    expect(reads).toEqual([returns]);
    expect(reads[0]?.[0]).toBe(returns[0]);
    expect(screen.getByText(/共 2 个文件：可合并 2（其中有问题 0），跳过 0，无法读取 0/)).toBeTruthy();
    expect(screen.getByText('齐全 2 · 缺报 0 · 未报 1')).toBeTruthy();
    // the file not read is named with its reason, apart from the files read
    expect(screen.getByText('1 个文件未能读取')).toBeTruthy();
    expect(screen.getByText(`已删除.xlsx：${UNREADABLE.reason}`)).toBeTruthy();
  });

  it('gives the same preview as the pane’s chooser given the same files', async () => {
    const viaDialog = mergeHost(
      dialogGiving<PickedFile>({ files: [pickedFile('殷行.xlsx', yinhang, 1)], unreadable: [], cancelled: false }).choose,
    );
    const first = await showMerge(viaDialog.host);
    await click('用 WPS 选择文件…');
    await screen.findByText('读取结果', {}, { timeout: 10_000 });
    const shownViaDialog = (screen.getByRole('region', { name: '合并' }) as HTMLElement).textContent;
    first.unmount();

    const viaChooser = mergeHost();
    await showMerge(viaChooser.host);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('选择报送文件'), { target: { files: [pickedFile('殷行.xlsx', yinhang, 1)] } });
    });
    await screen.findByText('读取结果', {}, { timeout: 10_000 });
    // the panel without a dialog has one button fewer; all else it shows is the same
    const shownViaChooser = (screen.getByRole('region', { name: '合并' }) as HTMLElement).textContent;
    expect(shownViaDialog?.replace('用 WPS 选择文件…', '')).toBe(shownViaChooser);
    expect(shownViaChooser).toMatch(/共 1 个文件：可合并 1/);
  });

  it('does nothing when the clerk cancels the dialog', async () => {
    const dialog = dialogGiving<PickedFile>(CANCELLED);
    const { host, reads } = mergeHost(dialog.choose);
    await showMerge(host);
    const before = (screen.getByRole('region', { name: '合并' }) as HTMLElement).textContent;
    await click('用 WPS 选择文件…');
    await waitFor(() => expect(screen.getByRole('button', { name: '用 WPS 选择文件…' }).hasAttribute('disabled')).toBe(false));
    expect(dialog.opened()).toBe(1);
    expect(reads).toEqual([]);
    expect((screen.getByRole('region', { name: '合并' }) as HTMLElement).textContent).toBe(before);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says in Chinese that the dialog did not open, never the host’s own error text', async () => {
    const dialog = dialogGiving<PickedFile>(new Error('Automation error 0x800A03EC FileDialog'));
    const { host, reads } = mergeHost(dialog.choose);
    await showMerge(host);
    await click('用 WPS 选择文件…');
    await screen.findByText('未能打开 WPS 的文件对话框');
    expect(screen.getByText('请改用旁边的选择按钮选择文件。')).toBeTruthy();
    expect(screen.queryByText(/0x800A03EC|Automation/)).toBeNull();
    expect(reads).toEqual([]);
  });

  it('offers no such button where the host has no dialog (Excel)', async () => {
    await showMerge(mergeHost().host);
    expect(screen.getByRole('button', { name: '选择报送文件' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /WPS/ })).toBeNull();
  });

  it('the lazy merge host passes the dialog on, loading the real host on its first use, only when told it has one', async () => {
    const dialog = dialogGiving<PickedFile>(CANCELLED);
    let loads = 0;
    const load = () => {
      loads++;
      return Promise.resolve(mergeHost(dialog.choose).host);
    };
    const lazy = lazyMergeHost(load, true, { choosesReturns: true });
    expect(loads).toBe(0);
    expect(await lazy.chooseReturns?.()).toEqual(CANCELLED);
    expect(loads).toBe(1);
    expect(lazyMergeHost(load, true).chooseReturns).toBeUndefined();
    // told wrongly: the pane's note says the dialog did not open (the rejection is not shown)
    await expect(
      lazyMergeHost(() => Promise.resolve(mergeHost().host), true, { choosesReturns: true }).chooseReturns?.(),
    ).rejects.toThrow();
  });
});

/** 新表格 as the pane shows it outside a workbook, with the notice dialog given. */
function newFormHost(chooseNotice?: PaneHost['chooseNotice']) {
  const base = detachedPaneHost();
  const imported: number[] = [];
  const host: PaneHost = {
    ...base,
    importNoticeFiles: (files) => {
      imported.push(...files.map((f) => f.data.length));
      return base.importNoticeFiles(files);
    },
    ...(chooseNotice ? { chooseNotice } : {}),
  };
  return { host, imported };
}

describe('新表格 → 从通知导入 with the host’s file dialog', () => {
  it('imports the notice the dialog gives, its bytes to the same import as the chooser’s', async () => {
    const dialog = dialogGiving<Blob>({
      files: [new File([Buffer.from(notice)], '合理化建议通知.docx')],
      unreadable: [],
      cancelled: false,
    });
    const { host, imported } = newFormHost(dialog.choose);
    render(<NewFormPanel host={host} locale="zh-CN" />);
    const panel = screen.getByRole('region', { name: '新表格' }) as HTMLElement;
    await click('用 WPS 选择通知…', panel);
    await waitFor(() => expect(within(panel).getByText(/找到 1 张附件表格/)).toBeTruthy(), { timeout: 10_000 });
    // what make_new_notice_docx.py wrote
    expect(within(panel).getByText(/^通知：.*文号：沪工总经〔2026〕21号/)).toBeTruthy();
    expect(within(panel).getByRole('heading', { level: 3, name: /职工合理化建议登记表/ })).toBeTruthy();
    expect(imported).toEqual([notice.length]);
  });

  it('shows what the pane’s chooser shows for the same notice', async () => {
    const viaDialog = newFormHost(
      dialogGiving<Blob>({ files: [new File([Buffer.from(notice)], 'a.docx')], unreadable: [], cancelled: false }).choose,
    );
    const first = render(<NewFormPanel host={viaDialog.host} locale="zh-CN" />);
    await click('用 WPS 选择通知…');
    await screen.findByText(/找到 1 张附件表格/, {}, { timeout: 10_000 });
    const shownViaDialog = (screen.getByRole('region', { name: '新表格' }) as HTMLElement).textContent;
    first.unmount();

    render(<NewFormPanel host={newFormHost().host} locale="zh-CN" />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('从通知导入…'), { target: { files: [new File([Buffer.from(notice)], 'a.docx')] } });
    });
    await screen.findByText(/找到 1 张附件表格/, {}, { timeout: 10_000 });
    const shownViaChooser = (screen.getByRole('region', { name: '新表格' }) as HTMLElement).textContent;
    expect(shownViaDialog?.replace('用 WPS 选择通知…', '')).toBe(shownViaChooser);
  });

  it('imports nothing on a cancel; names a notice it could not read; says a dialog that did not open', async () => {
    const dialog = dialogGiving<Blob>(
      CANCELLED,
      { files: [], unreadable: [{ ...UNREADABLE, name: '通知.docx' }], cancelled: false },
      new Error('TypeError: Application.FileDialog is not a function'),
    );
    const { host, imported } = newFormHost(dialog.choose);
    render(<NewFormPanel host={host} locale="zh-CN" />);
    const panel = screen.getByRole('region', { name: '新表格' }) as HTMLElement;
    const before = panel.textContent;
    await click('用 WPS 选择通知…', panel);
    await waitFor(() => expect(dialog.opened()).toBe(1));
    expect(panel.textContent).toBe(before);

    await click('用 WPS 选择通知…', panel);
    await within(panel).findByText('1 个文件未能读取');
    expect(within(panel).getByText(`通知.docx：${UNREADABLE.reason}`)).toBeTruthy();

    await click('用 WPS 选择通知…', panel);
    await within(panel).findByText('未能打开 WPS 的文件对话框');
    expect(within(panel).queryByText(/TypeError|FileDialog/)).toBeNull();
    expect(imported).toEqual([]);
  });

  it('offers no such button where the host has no dialog (Excel, or outside a workbook)', () => {
    render(<NewFormPanel host={newFormHost().host} locale="zh-CN" />);
    expect(screen.getByRole('button', { name: '从通知导入…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /WPS/ })).toBeNull();
  });

  it('words the buttons in English too', () => {
    const en = stringsFor('en-US').hostFiles;
    render(<NewFormPanel host={newFormHost(dialogGiving<Blob>().choose).host} locale="en-US" />);
    expect(screen.getByRole('button', { name: en.chooseNotice })).toBeTruthy();
    expect(en.chooseReturns).not.toBe(strings.hostFiles.chooseReturns);
  });
});

/** A Blob's bytes through FileReader (jsdom's Blob has no arrayBuffer). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('which pane hosts have a dialog', () => {
  it('the WPS pane host: the notice and the returns through the fake ET’s FileDialog and FileSystem, the merge’s through the lazy host', async () => {
    const et = new FakeEt({ sheets: ['Sheet1'] });
    et.files.set('/home/科员/通知/合理化建议通知.docx', notice);
    et.files.set('C:\\报表\\殷行.xlsx', yinhang);
    et.files.set('C:\\报表\\五角场.xlsx', wujiaochang);
    const host = wpsPaneHost(et.app, { loadWorker: () => Promise.resolve(() => new InProcessWorker()) });

    et.nextPick = ['/home/科员/通知/合理化建议通知.docx'];
    const chosenNotice = await host.chooseNotice?.();
    expect(chosenNotice?.files.map((f) => (f as File).name)).toEqual(['合理化建议通知.docx']);
    expect(await blobBytes(chosenNotice?.files[0] as Blob)).toEqual(notice);
    expect(et.dialogFilters).toEqual([
      { description: '通知和附件（Word、Excel、WPS 表格文件）', extensions: '*.docx;*.doc;*.xlsx;*.xls;*.et' },
    ]);

    et.nextPick = ['C:\\报表\\殷行.xlsx', 'C:\\报表\\五角场.xlsx', 'D:\\已删除.xlsx'];
    const chosenReturns = await host.merge?.chooseReturns?.();
    expect(chosenReturns?.files.map((f) => f.name)).toEqual(['殷行.xlsx', '五角场.xlsx']);
    expect(await blobBytes(chosenReturns?.files[1] as unknown as Blob)).toEqual(wujiaochang);
    expect(chosenReturns?.unreadable.map((u) => u.name)).toEqual(['已删除.xlsx']);

    // the clerk closes the dialog
    expect(await host.merge?.chooseReturns?.()).toEqual(CANCELLED);
  });

  it('the Excel pane host and the one outside a workbook: none', () => {
    const fake = new FakeExcelHost();
    fake.state.addSheet('Sheet1');
    const support = detectApiSupport((set, version) => fake.isSetSupported(set, version));
    const own = new OwnWrites(undefined, 0);
    const live = new LiveValidation((batch) => fake.run(batch), support, own, { catalogue: CATALOGUE, debounceMs: 1 });
    const office = officePaneHost((batch) => fake.run(batch), support, { ownWrites: own, live });
    expect(office.chooseNotice).toBeUndefined();
    expect(detachedPaneHost().chooseNotice).toBeUndefined();
  });
});
