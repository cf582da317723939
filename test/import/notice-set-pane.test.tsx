/** @jest-environment jsdom */
/**
 * 新表格 → 从通知导入 with a notice sent in several files (issue 21 §2), chosen at once in the pane's file chooser:
 * the notice's .docx, 附件1 in Word and 附件2 as the office's own .xlsx (python-docx, openpyxl), and a PDF; then a
 * Word 97-2003 .doc (LibreOffice) alone, which a pane cannot read.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import type { ExcelRun } from '../../src/hosts/office/excel-surface';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { CATALOGUE } from '../../src/notices';
import { App } from '../../src/taskpane/components/App';
import { officePaneHost } from '../../src/taskpane/pane-host';
import { FakeExcelHost } from '../fake-excel/host';
import { SET_FILES, SET_NOTICE, writeNoticeSet } from './notice-set-files';

jest.setTimeout(240_000);

// Every browser the pane runs in has TextEncoder and TextDecoder; jsdom leaves them out: Node's own stand in.
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
});

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-pane-set-'));
  writeNoticeSet(root, true);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const file = (...at: string[]) => new File([fs.readFileSync(path.join(root, ...at))], at[at.length - 1] as string);

async function newFormPanel(): Promise<HTMLElement> {
  const fake = new FakeExcelHost();
  fake.state.addSheet('Sheet1');
  const run: ExcelRun = (batch) => fake.run(batch);
  const support = detectApiSupport((s, v) => fake.isSetSupported(s, v));
  const own = new OwnWrites(undefined, 0);
  const live = new LiveValidation(run, support, own, { catalogue: CATALOGUE, debounceMs: 1, today: () => '2022-12-01' });
  render(<App host={officePaneHost(run, support, { ownWrites: own, live })} locale="zh-CN" />);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '新表格…' }));
  });
  return (await screen.findByRole('region', { name: '新表格' })) as HTMLElement;
}

async function choose(panel: HTMLElement, files: File[]): Promise<void> {
  await act(async () => {
    fireEvent.change(within(panel).getByLabelText('从通知导入…'), { target: { files } });
  });
}

describe('从通知导入 with the notice’s files chosen at once', () => {
  it('finds the form of each attachment file with the notice’s 文号, and names the file it could not read', async () => {
    const panel = await newFormPanel();
    expect((within(panel).getByLabelText('从通知导入…') as HTMLInputElement).multiple).toBe(true);
    await choose(panel, [
      file('set', SET_FILES.statistics),
      file('set', SET_FILES.notice),
      file('set', SET_FILES.application),
      file('set', SET_FILES.pdf),
    ]);
    await waitFor(() => expect(within(panel).getByText(/^找到 2 张附件表格/)).toBeTruthy(), { timeout: 60_000 });
    const noticeLine = `通知：${SET_NOTICE.title}\u3000文号：${SET_NOTICE.docNo}\u3000发文单位：${SET_NOTICE.issuer}`;
    expect(within(panel).getByText((_, element) => element?.tagName === 'DIV' && element.textContent === noticeLine)).toBeTruthy();
    expect(within(panel).getByText(/^“盖章件\.pdf”是 PDF 文件/)).toBeTruthy();
  });

  it('tells a .doc how to be saved as .docx', async () => {
    const panel = await newFormPanel();
    await choose(panel, [file('single', '书屋通知.doc')]);
    await waitFor(() => expect(within(panel).getByText('未能导入')).toBeTruthy(), { timeout: 60_000 });
    expect(within(panel).getByText(/“书屋通知\.doc”是 Word 97-2003 文档（\.doc）.*另存为.*Word 文档 \(\*\.docx\)/)).toBeTruthy();
    expect(within(panel).queryByText(/压缩包/)).toBeNull();
  });
});
