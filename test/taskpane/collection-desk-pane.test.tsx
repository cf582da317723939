/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'util';
import type { Desk } from '../../src/app/collection-desk';
import type { FormStatus, UnitStatus } from '../../src/core/collect/collection-status';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import { StatusBoard } from '../../src/taskpane/components/StatusBoard';
import { stringsFor } from '../../src/taskpane/i18n';
import type { MergeHost } from '../../src/taskpane/merge-host';
import type { MergeClient } from '../../src/taskpane/merge/merge-client';
import { officeMergeHost } from '../../src/taskpane/office-merge-host';
import type { MergePreview, SlipFile } from '../../src/taskpane/merge/merge-protocol';

// jsdom leaves out TextEncoder, which every browser the pane runs in has (the zip of slips names its files with it)
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });

const strings = stringsFor('zh-CN');

const form = (id: string, over: Partial<FormStatus> = {}): FormStatus => ({
  form: id,
  title: id === 'a' ? '申报表' : '统计表',
  submitted: true,
  late: false,
  deadline: '2026-11-20',
  errors: 0,
  warnings: 0,
  corrected: false,
  otherEdition: false,
  files: [`${id}.xlsx`],
  ...over,
});
const unit = (name: string, status: UnitStatus['status'], forms: FormStatus[], onRoster = true): UnitStatus => ({
  unit: name,
  onRoster,
  status,
  forms,
});

const REMINDER = '各单位：乙区总工会尚缺统计表，丁区总工会未报送，请于2026年11月20日前报送。';
const desk: Desk = {
  units: [
    unit('甲区总工会', 'complete', [form('a'), form('b', { late: true })]),
    unit('乙区总工会', 'partial', [form('a', { errors: 2, warnings: 1 }), form('b', { submitted: false, files: [] })]),
    unit('丙区总工会', 'complete', [form('a', { corrected: true }), form('b')]),
    unit('丁区总工会', 'missing', [form('a', { submitted: false, files: [] }), form('b', { submitted: false, files: [] })]),
    unit('某某公司工会', 'partial', [form('a')], false),
  ],
  reminder: REMINDER,
  slips: [{ unit: '乙区总工会', files: ['乙.xlsx'], items: [], deadline: undefined }],
  counts: { complete: 2, partial: 1, otherEdition: 0, missing: 1, offRoster: 1 },
};
const table = (rows: number): SummaryTable =>
  ({ sheetName: '汇总', rows: Array.from({ length: rows }, () => []) }) as unknown as SummaryTable;
const preview: MergePreview = {
  inputs: [
    { file: '甲.xlsx', status: 'merged', message: '', sheets: [] },
    { file: '乙.xlsx', status: 'merged-with-problems', message: '', sheets: [] },
    { file: '坏.xlsx', status: 'unreadable', message: '无法读取：不是 Excel 文件。', sheets: [] },
    { file: '丙.xlsx', status: 'merged', message: '', sheets: [] },
  ],
  missing: ['丁区总工会'],
  summaries: [table(3)],
  report: table(4),
  desk,
  definitions: { added: [], refused: [], notes: [], sheetNames: {} },
};

function deskHost(over: Partial<MergeHost> = {}) {
  const calls = { resummarised: [] as (string | undefined)[], read: [] as (string | undefined)[], slips: 0 };
  const slip: SlipFile = { name: '退回修改单-乙区总工会.xlsx', data: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]) };
  const host: MergeHost = {
    readFiles: () => Promise.reject(new Error('not used')),
    readWorkbook: (_roster, _signal, deadline) => {
      calls.read.push(deadline);
      return Promise.resolve(preview);
    },
    resummarise: (_roster, deadline) => {
      calls.resummarised.push(deadline);
      return Promise.resolve(preview);
    },
    slips: () => {
      calls.slips++;
      return Promise.resolve([slip]);
    },
    canDownload: true,
    previousSummaries: () => Promise.resolve([]),
    write: () => Promise.resolve([]),
    showSheet: () => Promise.resolve(),
    selectCell: () => Promise.resolve(),
    loadRoster: () => Promise.resolve(['甲区总工会', '乙区总工会', '丙区总工会', '丁区总工会']),
    saveRoster: () => Promise.resolve(),
    rosterFromSelection: () => Promise.resolve([]),
    ...over,
  };
  return { host, calls };
}

async function openDesk(host: MergeHost) {
  render(<MergePanel merge={host} strings={strings} />);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '合并本工作簿中的表' }));
  });
  await screen.findByText('读取结果');
}

/** What a board cell says, in words. */
const cellText = (unitName: string, column: number) => {
  const row = screen.getByRole('rowheader', { name: new RegExp(`^${unitName}`) }).closest('tr') as HTMLElement;
  return within(row).getAllByRole('cell')[column]?.textContent;
};

describe('the status board (issue 14 §1)', () => {
  it('says in words what each unit sent of each form, and how each unit stands', () => {
    render(<StatusBoard desk={desk} strings={strings} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['单位', '申报表', '统计表']);
    expect([cellText('甲区总工会', 0), cellText('甲区总工会', 1)]).toEqual(['已报', '迟报']);
    expect([cellText('乙区总工会', 0), cellText('乙区总工会', 1)]).toEqual(['有误', '未报']);
    expect([cellText('丙区总工会', 0), cellText('丙区总工会', 1)]).toEqual(['已更正', '已报']);
    expect([cellText('丁区总工会', 0), cellText('丁区总工会', 1)]).toEqual(['未报', '未报']);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      '甲区总工会齐全',
      '乙区总工会缺报',
      '丙区总工会齐全',
      '丁区总工会未报',
    ]);
    const problems = within(screen.getByRole('rowheader', { name: /^乙区/ }).closest('tr') as HTMLElement).getAllByRole('cell')[0];
    expect(problems?.getAttribute('title')).toBe('乙区总工会，申报表：有误（错误 2，警告 1）');
    expect(screen.getByText('名单外的单位：某某公司工会')).toBeTruthy();
  });

  it('sits above the files with the counts and 生成汇总表; the files to look at come first, the fine ones fold away', async () => {
    const { host } = deskHost();
    await openDesk(host);
    const counts = screen.getByText('齐全 2 · 缺报 1 · 未报 1');
    const button = screen.getByRole('button', { name: '生成汇总表' });
    expect(counts.parentElement).toBe(button.parentElement);
    const board = screen.getByRole('table');
    const heading = screen.getByRole('heading', { name: '读取结果' });
    expect(board.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const names = screen.getAllByRole('listitem').map((li) => li.firstChild?.textContent);
    expect(names).toEqual(['坏.xlsx', '乙.xlsx', '甲.xlsx', '丙.xlsx']);
    const folded = screen.getByText('2 个文件没有问题').closest('details') as HTMLDetailsElement;
    expect(folded.open).toBe(false);
    expect(
      within(folded)
        .getAllByRole('listitem', { hidden: true })
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['甲.xlsx', '丙.xlsx']);
  });

  it('passes the clerk’s deadline to the next read and summarises again when it changes', async () => {
    const { host, calls } = deskHost();
    render(<MergePanel merge={host} strings={strings} />);
    const date = screen.getByLabelText(/截止日期/);
    fireEvent.change(date, { target: { value: '2026-11-15' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '合并本工作簿中的表' }));
    });
    await screen.findByText('读取结果');
    expect(calls.read).toEqual(['2026-11-15']);
    await act(async () => {
      fireEvent.change(date, { target: { value: '2026-11-30' } });
    });
    expect(calls.resummarised).toEqual(['2026-11-30']);
    await act(async () => {
      fireEvent.change(date, { target: { value: '' } });
    });
    expect(calls.resummarised).toEqual(['2026-11-30', undefined]);
  });
});

describe('催报 (issue 14 §2)', () => {
  const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
    delete (document as { execCommand?: unknown }).execCommand;
  });
  const setClipboard = (writeText: Clipboard['writeText']) =>
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

  it('copies the reminder to the clipboard and shows it for copying by hand', async () => {
    const copied: string[] = [];
    setClipboard((text) => {
      copied.push(text);
      return Promise.resolve();
    });
    await openDesk(deskHost().host);
    expect(screen.queryByRole('textbox', { name: '催报文字' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '复制催报文字' }));
    });
    expect(copied).toEqual([REMINDER]);
    expect(screen.getByText('催报文字已复制，可粘贴到工作群或邮件中。')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: '催报文字' }) as HTMLTextAreaElement).value).toBe(REMINDER);
  });

  it('where the clipboard is refused, selects the text in its box and copies it the old way', async () => {
    setClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const commands: string[] = [];
    let selected = '';
    (document as { execCommand: Document['execCommand'] }).execCommand = (command) => {
      commands.push(command);
      const box = document.activeElement as HTMLTextAreaElement;
      selected = box.value.slice(box.selectionStart, box.selectionEnd);
      return true;
    };
    await openDesk(deskHost().host);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '复制催报文字' }));
    });
    expect(commands).toEqual(['copy']);
    expect(selected).toBe(REMINDER);
    expect(screen.getByText('催报文字已复制，可粘贴到工作群或邮件中。')).toBeTruthy();
  });

  it('where nothing can copy, leaves the text selected and says to press Ctrl+C', async () => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    (document as { execCommand: Document['execCommand'] }).execCommand = () => false;
    await openDesk(deskHost().host);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '复制催报文字' }));
    });
    expect(screen.getByText(/无法自动复制：催报文字已在下面的框中选中，请按 Ctrl\+C/)).toBeTruthy();
    const box = screen.getByRole('textbox', { name: '催报文字' }) as HTMLTextAreaElement;
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, REMINDER.length]);
  });
});

describe('退回修改单 (issue 14 §2)', () => {
  const created: Blob[] = [];
  const clicked: { download: string; href: string }[] = [];
  beforeEach(() => {
    created.length = 0;
    clicked.length = 0;
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:slips';
    };
    URL.revokeObjectURL = () => undefined;
    document.addEventListener('click', follow);
  });
  afterEach(() => document.removeEventListener('click', follow));
  /** A link the pane clicks, taken down instead of followed (jsdom navigates nowhere). */
  const follow = (event: MouseEvent) => {
    const link = event.target as HTMLAnchorElement;
    if (link.tagName !== 'A') return;
    event.preventDefault();
    clicked.push({ download: link.download, href: link.href });
  };

  const bytesOf = (blob: Blob) =>
    new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
    });

  it('one click has the worker draw the slips and downloads them as one .zip', async () => {
    const { host, calls } = deskHost();
    await openDesk(host);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存退回修改单（1 个单位）' }));
    });
    await screen.findByText('已生成 1 份退回修改单，打包为“退回修改单.zip”下载。');
    expect(calls.slips).toBe(1);
    expect(clicked).toEqual([{ download: '退回修改单.zip', href: 'blob:slips' }]);
    expect(created[0]?.type).toBe('application/zip');
    const zip = await bytesOf(created[0] as Blob);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder().decode(zip)).toContain('退回修改单-乙区总工会.xlsx');
  });

  it('in Excel on Mac, where a pane cannot save a file, says the command line makes them', async () => {
    await openDesk(deskHost({ canDownload: false }).host);
    expect(screen.queryByRole('button', { name: /保存退回修改单/ })).toBeNull();
    expect(screen.getByText(/Excel for Mac 的加载项不能保存文件。.*union-forms merge .*--slips 文件夹/)).toBeTruthy();
  });

  it('says so when the slips could not be made', async () => {
    await openDesk(deskHost({ slips: () => Promise.reject(new Error('合并时出错：内存不足')) }).host);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存退回修改单（1 个单位）' }));
    });
    expect(await screen.findByText('退回修改单没有生成')).toBeTruthy();
    expect(screen.getByText('合并时出错：内存不足')).toBeTruthy();
    expect(clicked).toEqual([]);
  });
});

describe('where the pane can save the slips', () => {
  const office = (platform: string) =>
    Object.assign(globalThis, { Office: { context: { platform }, PlatformType: { Mac: 'Mac', PC: 'PC', OfficeOnline: 'OfficeOnline' } } });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  const host = () =>
    officeMergeHost((() => Promise.reject(new Error('not used'))) as never, {} as MergeClient, () => '2026-11-21', undefined);

  it('not in Excel on Mac (office-js #3385, #4681); in Excel on Windows, on the web and outside Office it can', () => {
    office('Mac');
    expect(host().canDownload).toBe(false);
    office('PC');
    expect(host().canDownload).toBe(true);
    office('OfficeOnline');
    expect(host().canDownload).toBe(true);
    delete (globalThis as { Office?: unknown }).Office;
    expect(host().canDownload).toBe(true);
  });
});
