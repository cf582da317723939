/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { deserialize, serialize } from 'node:v8';
import type { Dispatch } from 'react';
import { cellAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import { planSheet } from '../../src/core/layout';
import { CATALOGUE, getForm } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import { FEW_PROBLEMS } from '../../src/taskpane/components/SheetProblems';
import { stringsFor } from '../../src/taskpane/i18n';
import type { MergeHost } from '../../src/taskpane/merge-host';
import { createMergeHandler } from '../../src/taskpane/merge/merge-handler';
import { MergeClient, type WorkerLike } from '../../src/taskpane/merge/merge-client';
import type { MergePreview, MergeRequest, MergeResponse, PickedFile } from '../../src/taskpane/merge/merge-protocol';
import { officeMergeHost } from '../../src/taskpane/office-merge-host';
import { FakeExcelHost } from '../fake-excel/host';
import { filledFile } from '../support/filled-file';
import { goodApplication } from '../support/filled-form';
import { pickedFile } from '../support/in-process-worker';
import { volunteerReturn } from '../support/volunteer-return';

const TODAY = '2026-11-21';
const zh = stringsFor('zh-CN');

/** The merge worker's own code, its answers passed through the structured clone a real worker's postMessage applies. */
class CloningWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  private readonly handle = createMergeHandler((response: MergeResponse) => {
    const copy = deserialize(serialize(response)) as MergeResponse;
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copy });
    }, 0);
  }, CATALOGUE);

  postMessage(message: MergeRequest): void {
    setTimeout(() => void this.handle(message), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** Where a field of a form is, from the form's own layout (not from what the reader or checker found). */
function where(formId: string, key: string): { cell: string; label: string } {
  const slot = planSheet(getForm(formId)).slots.find((s) => s.key === key);
  if (!slot) throw new Error(`no field ${key} in ${formId}`);
  return { cell: cellAddress(slot.row, slot.col), label: slot.field.label };
}

const VOLUNTEER = 'yangpu-volunteer-team';

/** A 志愿者服务队登记表 with three mistakes: two errors and, before them in reading order, a wrong 序号 (a warning). */
function volunteerWithMistakes(): Record<string, CellValue> {
  return {
    ...volunteerReturn('殷行街道工会', '殷行科技服务队'),
    'teams[0].seq': 2,
    'teams[0].size': '十二人',
    contactPhone: '电话待定',
  };
}

/** The mistakes above as a clerk would expect them listed: errors first. */
const VOLUNTEER_EXPECTED = () => [
  { severity: '错误', ...where(VOLUNTEER, 'teams[0].size') },
  { severity: '错误', ...where(VOLUNTEER, 'contactPhone') },
  { severity: '警告', ...where(VOLUNTEER, 'teams[0].seq') },
];

/** A list of eight teams, each with a size that is no number, and a wrong 序号 in the first row. */
function volunteerWithManyMistakes(): Record<string, CellValue> {
  const values: Record<string, CellValue> = { ...volunteerReturn('五角场街道工会', '第1队', 10), 'teams[0].seq': 9 };
  for (let i = 0; i < 8; i++)
    Object.assign(values, {
      [`teams[${i}].name`]: `第${i + 1}队`,
      [`teams[${i}].leader`]: '王强 队长',
      [`teams[${i}].size`]: '很多',
      [`teams[${i}].formedOn`]: '2017-3-1',
      [`teams[${i}].service`]: '为社区居民修理家电',
      [`teams[${i}].results`]: '一年服务四十次',
      ...(i > 0 ? { [`teams[${i}].seq`]: i + 1 } : {}),
    });
  return values;
}

function filesHost(): { host: MergeHost; selected: string[][] } {
  const client = new MergeClient(() => new CloningWorker());
  const selected: string[][] = [];
  const host: MergeHost = {
    readFiles: (files, roster, onProgress, signal) => client.readFiles(files, roster, TODAY, onProgress, signal),
    readWorkbook: () => Promise.reject(new Error('not used')),
    resummarise: (roster) => client.summarise(roster, TODAY),
    slips: () => client.slips(),
    canDownload: true,
    previousSummaries: () => Promise.resolve([]),
    write: () => Promise.resolve([]),
    showSheet: () => Promise.resolve(),
    selectCell: (sheet, cell) => {
      selected.push([sheet, cell]);
      return Promise.resolve();
    },
    loadRoster: () => Promise.resolve([]),
    saveRoster: () => Promise.resolve(),
    rosterFromSelection: () => Promise.resolve([]),
  };
  return { host, selected };
}

async function pick(picked: PickedFile[]) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText('选择报送文件'), { target: { files: picked } });
  });
  await screen.findByText('读取结果', {}, { timeout: 10_000 });
}

/** A listed problem as the clerk reads it: severity in words, cell, field label. */
function readItem(item: HTMLElement): { severity: string; cell: string; label: string } {
  const match = /^(错误|警告|提示)\s*([A-Z]+\d+) (.+?)：/.exec(item.textContent ?? '');
  if (!match) throw new Error(`not a problem line: ${item.textContent}`);
  return { severity: match[1] as string, cell: match[2] as string, label: match[3] as string };
}

/** axe-core's serious and critical findings, as test/browser counts them (contrast needs a real browser: jsdom draws nothing). */
async function seriousViolations(root: HTMLElement): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html}`);
}

describe('the problems of each merged sheet in the 合并 tab', () => {
  it('come through the worker (structured clone) with cell, field, label, severity and message', async () => {
    const out: MergeResponse[] = [];
    const handle = createMergeHandler((r) => out.push(deserialize(serialize(r)) as MergeResponse), CATALOGUE);
    const file = pickedFile('殷行.xlsx', await filledFile(VOLUNTEER, volunteerWithMistakes()));
    await handle({ id: 1, type: 'read-files', files: [file], roster: [], today: TODAY });
    const done = out.find((r) => r.type === 'done');
    if (done?.type !== 'done') throw new Error('no preview');
    const issues = done.preview.inputs[0]?.sheets[0]?.issues ?? [];
    const words = { error: '错误', warning: '警告', info: '提示' } as const;
    expect(
      issues.map((p) => ({ severity: words[p.severity], cell: p.cell, label: p.label })).sort((a, b) => a.cell.localeCompare(b.cell)),
    ).toEqual(VOLUNTEER_EXPECTED().sort((a, b) => a.cell.localeCompare(b.cell)));
    for (const p of issues) {
      expect(p.message).not.toBe('');
      expect(p.field).toBe(p.key.replace(/^.*\./, ''));
    }
  });

  it('lists them per file, errors first, severity in words; a picked file’s problems are not links', async () => {
    const { host, selected } = filesHost();
    const view = render(<MergePanel merge={host} strings={zh} />);
    await pick([
      pickedFile('殷行.xlsx', await filledFile(VOLUNTEER, volunteerWithMistakes()), 1),
      pickedFile('好的.xlsx', await filledFile(VOLUNTEER, volunteerReturn('长白新村街道工会', '长白服务队')), 2),
    ]);
    const list = screen.getByRole('list', { name: '“志愿者服务队登记表”的问题' });
    // Under its own file: the file's entry holds the list.
    expect(list.closest('li')?.textContent).toContain('殷行.xlsx');
    const items = within(list).getAllByRole('listitem');
    expect(items.map(readItem)).toEqual(VOLUNTEER_EXPECTED());
    for (const item of items) expect(item.textContent).toMatch(/：\S/);
    expect(within(list).queryAllByRole('button')).toEqual([]);
    // The good file has no problem list; only one list of problems in the pane.
    expect(screen.getAllByRole('list', { name: /的问题$/ })).toHaveLength(1);
    expect(screen.queryByText('点击问题可选中对应的单元格。')).toBeNull();
    expect(selected).toEqual([]);
    expect(await seriousViolations(view.container)).toEqual([]);
  });

  it('a long list shows its first errors and a toggle for the rest', async () => {
    const { host } = filesHost();
    const view = render(<MergePanel merge={host} strings={zh} />);
    await pick([pickedFile('五角场.xlsx', await filledFile(VOLUNTEER, volunteerWithManyMistakes()))]);
    const list = screen.getByRole('list', { name: '“志愿者服务队登记表”的问题' });
    const collapsed = within(list).getAllByRole('listitem').map(readItem);
    expect(collapsed).toHaveLength(FEW_PROBLEMS);
    expect(collapsed.every((p) => p.severity === '错误')).toBe(true);
    const toggle = screen.getByRole('button', { name: /^再显示 \d+ 条$/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    const total = FEW_PROBLEMS + Number(/再显示 (\d+) 条/.exec(toggle.textContent ?? '')?.[1]);

    await act(async () => {
      fireEvent.click(toggle);
    });
    const all = within(list).getAllByRole('listitem').map(readItem);
    expect(all).toHaveLength(total);
    // Eight sizes that are no number, each in its own row, then the wrong 序号.
    const sizes = Array.from({ length: 8 }, (_, i) => where(VOLUNTEER, `teams[${i}].size`).cell);
    expect(all.filter((p) => p.severity === '错误').map((p) => p.cell)).toEqual(expect.arrayContaining(sizes));
    const firstWarning = all.findIndex((p) => p.severity === '警告');
    expect(firstWarning).toBeGreaterThanOrEqual(sizes.length);
    expect(all.slice(firstWarning).every((p) => p.severity !== '错误')).toBe(true);
    expect(all.slice(firstWarning).map((p) => p.cell)).toContain(where(VOLUNTEER, 'teams[0].seq').cell);
    expect(screen.getByRole('button', { name: '收起' }).getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(view.container)).toEqual([]);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '收起' }));
    });
    expect(within(list).getAllByRole('listitem')).toHaveLength(FEW_PROBLEMS);
  });

  it('become links to their cells only once the open workbook’s own sheets are shown', async () => {
    const { host, selected } = filesHost();
    let answer: Dispatch<MergePreview> = () => undefined;
    host.readWorkbook = () => new Promise<MergePreview>((resolve) => (answer = resolve));
    render(<MergePanel merge={host} strings={zh} />);
    await pick([pickedFile('殷行.xlsx', await filledFile(VOLUNTEER, volunteerWithMistakes()))]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '合并本工作簿中的表' }));
    });
    // While the workbook is read, the picked file's problems are still shown, and are still no links.
    const list = () => screen.getByRole('list', { name: '“志愿者服务队登记表”的问题' });
    expect(within(list()).queryAllByRole('button')).toEqual([]);
    // The workbook's sheets (here: the same returns summarised again) arrive: now a click selects the cell there.
    const workbook = await host.resummarise([]);
    await act(async () => {
      answer(workbook);
    });
    const phone = where(VOLUNTEER, 'contactPhone');
    const button = within(list())
      .getAllByRole('button')
      .find((b) => readItem(b).cell === phone.cell) as HTMLElement;
    await act(async () => {
      fireEvent.click(button);
    });
    expect(selected).toEqual([['志愿者服务队登记表', phone.cell]]);
  });

  it('in English with the en-US strings', async () => {
    const { host } = filesHost();
    render(<MergePanel merge={host} strings={stringsFor('en-US')} />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Choose returned files'), {
        target: { files: [pickedFile('殷行.xlsx', await filledFile(VOLUNTEER, volunteerWithMistakes()))] },
      });
    });
    const list = await screen.findByRole('list', { name: 'Problems in “志愿者服务队登记表”' }, { timeout: 10_000 });
    const words = within(list)
      .getAllByRole('listitem')
      .map((li) => /^(Error|Warning|Note)/.exec(li.textContent ?? '')?.[1]);
    expect(words).toEqual(['Error', 'Error', 'Warning']);
  });
});

describe('合并本工作簿中的表: a click on a problem selects its cell', () => {
  const APPLICATION = 'studio-application';

  /** A workbook with a 申请表 inserted by the add-in and filled in with a wrong phone number and age. */
  async function workbook() {
    const excel = new FakeExcelHost();
    excel.state.workbookName = '闵行区汇总.xlsx';
    const mine = excel.state.addSheet('我的数据');
    const support = detectApiSupport((s, v) => excel.isSetSupported(s, v));
    const plan = planSheet(getForm(APPLICATION));
    const inserted = await excel.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
    const sheet = excel.state.sheet(inserted.sheetName);
    if (!sheet) throw new Error('no sheet');
    const values = { ...goodApplication(), leaderPhone: '1381234', leaderAge: '四十五岁' };
    for (const [key, value] of Object.entries(values)) {
      const slot = plan.slots.find((s) => s.key === key);
      if (!slot) throw new Error(`no field ${key}`);
      excel.state.cell(sheet, slot.row, slot.col).value = value as string | number;
    }
    excel.state.activeSheetId = mine.id;
    return { excel, sheet };
  }

  async function readThisWorkbook(excel: FakeExcelHost) {
    const merge = officeMergeHost(
      (batch) => excel.run(batch),
      new MergeClient(() => new CloningWorker()),
      () => TODAY,
    );
    const view = render(<MergePanel merge={merge} strings={zh} />);
    await act(() => excel.state.settle());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '合并本工作簿中的表' }));
    });
    await screen.findByText('读取结果', {}, { timeout: 10_000 });
    return view;
  }

  it('shows the sheet with the cell selected, through the Excel host', async () => {
    const { excel, sheet } = await workbook();
    const view = await readThisWorkbook(excel);
    expect(screen.getByText('点击问题可选中对应的单元格。')).toBeTruthy();
    const list = screen.getByRole('list', { name: `“${sheet.name}”的问题` });
    const phone = where(APPLICATION, 'leaderPhone');
    const age = where(APPLICATION, 'leaderAge');
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map(readItem)).toEqual(
      expect.arrayContaining([
        { severity: '错误', ...phone },
        { severity: '错误', ...age },
      ]),
    );
    const button = buttons.find((b) => readItem(b).cell === phone.cell) as HTMLElement;
    await act(async () => {
      fireEvent.click(button);
      await excel.state.settle();
    });
    expect(excel.state.activeSheetId).toBe(sheet.id);
    expect(excel.state.selection).toEqual({ sheetId: sheet.id, address: phone.cell });
    expect(await seriousViolations(view.container)).toEqual([]);
  });

  it('says why when the sheet was renamed since it was read', async () => {
    const { excel, sheet } = await workbook();
    await readThisWorkbook(excel);
    const list = screen.getByRole('list', { name: `“${sheet.name}”的问题` });
    const before = excel.state.selection;
    sheet.name = '改过名的表';
    await act(async () => {
      fireEvent.click(within(list).getAllByRole('button')[0] as HTMLElement);
      await excel.state.settle();
    });
    expect(await screen.findByText('无法选中该单元格')).toBeTruthy();
    expect(screen.getByText(/可能已被删除或改名/)).toBeTruthy();
    expect(excel.state.selection).toEqual(before);
  });
});
