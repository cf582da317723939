/** @jest-environment jsdom */
import { CATALOGUE } from '../../src/notices';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress } from '../../src/core/a1';
import { planSheet } from '../../src/core/layout';
import { DEFINITION_SHEET } from '../../src/core/definition-sheet-text';
import type { ExcelRun } from '../../src/hosts/office/excel-surface';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { App } from '../../src/taskpane/components/App';
import { officePaneHost } from '../../src/taskpane/pane-host';
import { FakeExcelHost } from '../fake-excel/host';
import { strFromU8, unzipSync } from 'fflate';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { readEmbeddedDefinitions } from '../../src/hosts/xlsx/definition-sheet';
import { createFromSelection, openNewForm, reviewedLabels } from './new-form-steps';

/**
 * Issue 13 in the pane: 新表格 → 从通知导入 with a notice no one wrote code for (python-docx, make_new_notice_docx.py),
 * the guessed fields reviewed and one changed, saved in the workbook, listed under 插入表格, inserted, and checked
 * live as it is filled in; and 新表格 → 从所选区域创建 on a table typed into a sheet.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-import-'));
let notice: Uint8Array;
beforeAll(() => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'import', 'make_new_notice_docx.py'), dir]);
  notice = new Uint8Array(fs.readFileSync(path.join(dir, 'proposal-notice.docx')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Every browser the pane runs in has TextEncoder and TextDecoder; jsdom leaves them out: Node's own stand in.
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
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

function pane() {
  const fake = new FakeExcelHost();
  fake.state.addSheet('Sheet1');
  const run: ExcelRun = (batch) => fake.run(batch);
  const support = detectApiSupport((s, v) => fake.isSetSupported(s, v));
  const own = new OwnWrites(undefined, 0);
  const live = new LiveValidation(run, support, own, { catalogue: CATALOGUE, debounceMs: 1, today: () => '2026-11-29' });
  const host = officePaneHost(run, support, { ownWrites: own, live });
  render(<App host={host} locale="zh-CN" />);
  return { fake, host, live };
}

const section = (name: string) => screen.getByRole('region', { name }) as HTMLElement;
/** A form's card under 插入表格 (not its review in 新表格, which bears the same title). */
const formCard = (title: RegExp) =>
  screen
    .getAllByRole('heading', { level: 3, name: title })
    .map((h) => h.closest('[role="group"]') as HTMLElement)
    .find((c) => !c.closest('section[aria-label="新表格"]')) as HTMLElement;

describe('新表格 in the pane', () => {
  it('imports a notice’s form, lets the clerk correct a field, saves it in the workbook, inserts it and checks it live', async () => {
    const { fake, host, live } = pane();
    const panel = await openNewForm();
    const picker = within(panel).getByLabelText('从通知导入…') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(picker, { target: { files: [new File([Buffer.from(notice)], 'proposal-notice.docx')] } });
    });
    await waitFor(() => expect(within(panel).getByText(/找到 1 张附件表格/)).toBeTruthy());
    expect(within(panel).getByText(/^通知：.*文号：沪工总经〔2026〕21号/)).toBeTruthy();

    // The review: every guessed field editable; 建议人姓名's 必填 turned over and at most 10 characters.
    const review = within(panel)
      .getByRole('heading', { level: 3, name: /职工合理化建议登记表/ })
      .closest('[role="group"]') as HTMLElement;
    const name = within(review).getByRole('group', { name: '建议人姓名' });
    const required = within(name).getByRole('checkbox', { name: '必填' }) as HTMLInputElement;
    const guessedRequired = required.checked;
    fireEvent.click(required);
    fireEvent.change(within(name).getByRole('textbox', { name: '字数上限' }), { target: { value: '10' } });
    const people = within(review).getByRole('group', { name: '参与职工人数' });
    expect((within(people).getByRole('combobox', { name: '类型' }) as HTMLSelectElement).value).toBe('integer');
    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '保存到本工作簿' }));
    });
    await waitFor(() => expect(within(review).getByText(/已保存“职工合理化建议登记表”/)).toBeTruthy());

    // Kept in the workbook, very hidden, and read back as the same definition.
    const store = fake.state.sheet(DEFINITION_SHEET);
    expect(store?.visibility).toBe('VeryHidden');
    const saved = host.workbookForms.forms.find((f) => f.name === '职工合理化建议登记表');
    expect(saved).toBeDefined();
    const form = saved as NonNullable<typeof saved>;
    const nameField = form.bands.flatMap((b) => (b.kind === 'table' ? b.cells : [])).find((c) => c.field.label === '建议人姓名')?.field;
    expect(nameField).toMatchObject({ required: !guessedRequired, maxLength: 10 });

    // The template and the definition to send the units, as the command line writes them: one .zip to save.
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => (blobs.push(blob), 'blob:template'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    // jsdom navigates nowhere: the link's click is the browser's download, here only recorded
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '下载模板和定义（.zip）' }));
    });
    // ExcelJS is loaded on the first download: give it time
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 30_000 });
    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
    const zip = unzipSync(await blobBytes(blobs[0] as Blob));
    expect(Object.keys(zip).sort()).toEqual([`${form.id}.json`, `${form.id}.xlsx`]);
    expect(JSON.parse(strFromU8(zip[`${form.id}.json`] as Uint8Array))).toEqual(JSON.parse(JSON.stringify(form)));
    expect(readEmbeddedDefinitions(zip[`${form.id}.xlsx`] as Uint8Array)).toEqual([{ ok: true, notice: expect.anything(), form }]);

    // Listed under 插入表格 and inserted like a built-in form.
    const card = formCard(/职工合理化建议登记表/);
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: '插入表格' }));
      await fake.state.settle();
      await live.idle();
    });
    await waitFor(() => expect(within(card).getByText(/已插入工作表/)).toBeTruthy());
    const plan = planSheet(form);
    const at = (label: string) => {
      const slot = plan.slots.find((s) => s.field.label === label && s.tableId === undefined);
      return cellAddress(slot?.row as number, slot?.col as number);
    };
    await act(async () => {
      fake.userEdit(plan.sheetName, { [at('参与职工人数')]: '十二人', [at('建议条数')]: '3' });
      await fake.state.settle();
      await live.idle();
    });
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByRole('button', { name: new RegExp(`^${at('参与职工人数')} 参与职工人数：`) })).toBeTruthy();
    expect(screen.queryByRole('button', { name: new RegExp(`^${at('建议条数')} 建议条数：`) })).toBeNull();
  });

  it('creates a form from a table typed into a sheet and selected', async () => {
    const { fake, host } = pane();
    const sheet = fake.state.addSheet('登记');
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
        if (text !== '') fake.state.cell(sheet, r, c).value = text;
      }),
    );
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
    fake.state.activeSheetId = sheet.id;
    fake.userSelect('登记', 'A1:D6');
    const panel = await openNewForm();
    const review = await createFromSelection(panel, /合理化建议登记表/);
    expect(within(review).getByText(/从工作表“登记”的区域 .*A1:D6 创建/)).toBeTruthy();
    expect(reviewedLabels(review)).toEqual(['填报单位', '建议名称', '提出人数', '序号', '姓名', '联系电话', '采纳日期']);
    fireEvent.change(within(review).getByRole('textbox', { name: '表格名称' }), { target: { value: '   ' } });
    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '保存到本工作簿' }));
    });
    expect(within(review).getByText('表格名称不能为空。')).toBeTruthy();
    expect(fake.state.sheet(DEFINITION_SHEET)).toBeUndefined();
    fireEvent.change(within(review).getByRole('textbox', { name: '表格名称' }), { target: { value: '建议登记表' } });
    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '保存到本工作簿' }));
    });
    await waitFor(() => expect(within(review).getByText(/已保存“建议登记表”/)).toBeTruthy());
    expect(host.workbookForms.forms.map((f) => f.name)).toContain('建议登记表');
    expect(within(formCard(/^建议登记表$/)).getByRole('button', { name: '插入表格' })).toBeTruthy();
  });

  it('keeps options as typed, saves a changed form as its next version, and keeps drafts across tabs', async () => {
    const { fake, host } = pane();
    const sheet = fake.state.addSheet('登记');
    const rows = [
      ['建议登记表', ''],
      ['建议名称', ''],
      ['是否采纳', ''],
    ];
    rows.forEach((row, r) => row.forEach((text, c) => text && (fake.state.cell(sheet, r, c).value = text)));
    fake.state.activeSheetId = sheet.id;
    fake.userSelect('登记', 'A1:B3');
    const panel = await openNewForm();
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: '从所选区域创建' }));
    });
    const review = (await within(panel).findByRole('heading', { level: 3, name: '建议登记表' })).closest('[role="group"]') as HTMLElement;
    const adopted = within(review).getByRole('group', { name: '是否采纳' });
    fireEvent.change(within(adopted).getByRole('combobox', { name: '类型' }), { target: { value: 'choice' } });
    const options = () => within(adopted).getByRole('textbox', { name: '选项' }) as HTMLInputElement;
    // typed a character at a time: the separator stays while the next option is typed
    for (const typed of ['已', '已采纳', '已采纳、', '已采纳、未', '已采纳、未采纳'])
      fireEvent.change(options(), { target: { value: typed } });
    expect(options().value).toBe('已采纳、未采纳');

    // a look at 检查 and back: the draft and its edits are still there
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    fireEvent.click(screen.getByRole('tab', { name: '插入表格' }));
    expect(options().value).toBe('已采纳、未采纳');

    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '保存到本工作簿' }));
    });
    await waitFor(() => expect(within(review).getByText(/已保存“建议登记表”/)).toBeTruthy());
    const first = host.workbookForms.forms.find((f) => f.name === '建议登记表');
    expect(first?.version).toBe(1);
    const choice = first?.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .find((c) => c.kind === 'input' && c.field.label === '是否采纳');
    expect(choice?.kind === 'input' && choice.field.type === 'choice' && choice.field.options).toEqual(['已采纳', '未采纳']);

    // changed and saved again: version 2 beside version 1, which sheets inserted before keep
    fireEvent.click(within(within(review).getByRole('group', { name: '建议名称' })).getByRole('checkbox', { name: '必填' }));
    await act(async () => {
      fireEvent.click(within(review).getByRole('button', { name: '保存到本工作簿' }));
    });
    await waitFor(() => expect(within(review).getByText(/保存为第 2 版/)).toBeTruthy());
    expect(
      host.workbookForms.kept
        .filter((f) => f.name === '建议登记表')
        .map((f) => f.version)
        .sort(),
    ).toEqual([1, 2]);
    expect(host.workbookForms.forms.find((f) => f.name === '建议登记表')?.version).toBe(2);
  });

  it('says in Chinese why a file is not a notice, and nothing is saved', async () => {
    const { fake } = pane();
    const panel = await openNewForm();
    await act(async () => {
      fireEvent.change(within(panel).getByLabelText('从通知导入…'), {
        target: { files: [new File([Buffer.from('not a zip')], '通知.docx')] },
      });
    });
    await waitFor(() => expect(within(panel).getByText('未能导入')).toBeTruthy());
    // the reason, in Chinese, from the reader's own checks
    expect(within(panel).getByText(/文件不完整（压缩包的目录缺失）/)).toBeTruthy();
    expect(fake.state.sheet(DEFINITION_SHEET)).toBeUndefined();
    expect(section('新表格')).toBe(panel);
  });
});
