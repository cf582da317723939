/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { cellAddress } from '../../src/core/a1';
import { planSheet } from '../../src/core/layout';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { getForm, CATALOGUE } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { LiveValidation } from '../../src/hosts/office/live-validation';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { App } from '../../src/taskpane/components/App';
import type { ExcelRun } from '../../src/hosts/office/excel-surface';
import { officePaneHost } from '../../src/taskpane/pane-host';
import { FakeExcelHost } from '../fake-excel/host';

const card = (title: RegExp) => screen.getByRole('heading', { name: title }).closest('[role="group"]') as HTMLElement;
const PLAN = planSheet(getForm('festival-project'));

function pane() {
  const fake = new FakeExcelHost();
  fake.state.addSheet('Sheet1');
  const run: ExcelRun = (batch) => fake.run(batch);
  const support = detectApiSupport((s, v) => fake.isSetSupported(s, v));
  const own = new OwnWrites(undefined, 0);
  // Painting after every check (not only the ones the clerk asks for), so that "not red while 未填" is seen in the cells.
  const live = new LiveValidation(run, support, own, {
    catalogue: CATALOGUE,
    debounceMs: 1,
    today: () => '2026-11-21',
    paint: 'every-check',
  });
  const host = officePaneHost(run, support, { ownWrites: own, live });
  render(<App host={host} locale="zh-CN" />);
  const settle = () =>
    act(async () => {
      await fake.state.settle();
      await live.idle();
    });
  const fills = () => {
    const sheet = fake.state.sheet('活动项目申报表')!;
    return PLAN.slots.filter((s) => sheet.cells.get(`${s.row}:${s.col}`)?.fill === HIGHLIGHT.error).map((s) => s.key);
  };
  return { fake, host, live, settle, fills };
}

describe('检查 while a form is being filled in (issue 11 §5)', () => {
  it('typing the first field paints only a wrong value; the others are 未填 until 检查全部', async () => {
    const { fake, settle, fills } = pane();
    await act(async () => {
      fireEvent.click(within(card(/活动项目申报表/)).getByRole('button', { name: '插入表格' }));
    });
    await settle();
    await act(async () => {
      fake.userEdit('活动项目申报表', { B3: '某区总工会', D10: '5588' });
    });
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByText(/^错误（1）$/)).toBeTruthy();
    expect(screen.getByText(/^未填（\d+）$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^D10 联系电话：电话号码有误/ })).toBeTruthy();
    expect(fills()).toEqual([PLAN.slots.find((s) => cellAddress(s.row, s.col) === 'D10')!.key]);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查全部' }));
    });
    await settle();
    expect(screen.queryByText(/^未填（\d+）$/)).toBeNull();
    const errors = Number(/^错误（(\d+)）$/.exec(screen.getByText(/^错误（\d+）$/).textContent ?? '')?.[1]);
    expect(errors).toBeGreaterThan(1);
    expect(fills().length).toBe(errors);
    expect(screen.getByText(/已检查全部/)).toBeTruthy();
  });
});

describe('the insert card keeps 年份 and the dates in step with 届次 (issue 11 §5)', () => {
  it('第八届 → 2018 and its deadline; the dates are editable beside it; the sheet gets them', async () => {
    const { fake } = pane();
    const festival = card(/活动项目申报表/);
    fireEvent.change(within(festival).getByRole('textbox', { name: '届次' }), { target: { value: '8' } });
    expect((within(festival).getByRole('textbox', { name: '年份' }) as HTMLInputElement).value).toBe('2018');
    expect(within(festival).getByText('报送截止：2018-05-12')).toBeTruthy();
    expect((within(festival).getByRole('textbox', { name: '报送截止日期' }) as HTMLInputElement).value).toBe('05-12');
    fireEvent.change(within(festival).getByRole('textbox', { name: '报送截止日期' }), { target: { value: '05-18' } });
    expect(within(festival).getByText('报送截止：2018-05-18')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(festival).getByRole('button', { name: '插入表格' }));
      await fake.state.settle();
    });
    const marker = fake.state.sheet('活动项目申报表')?.names.get('UnionForms_Form');
    expect(String(marker)).toContain('2018');

    // A year typed by hand is the clerk's: 届次 no longer moves it.
    const stats = card(/活动情况统计表/);
    fireEvent.change(within(stats).getByRole('textbox', { name: '年份' }), { target: { value: '2019' } });
    fireEvent.change(within(stats).getByRole('textbox', { name: '届次' }), { target: { value: '9' } });
    expect((within(stats).getByRole('textbox', { name: '年份' }) as HTMLInputElement).value).toBe('2019');
  });

  it('a form without 届次 shows no such hint', () => {
    pane();
    expect(within(card(/创新工作室申请表/)).queryByText(/改届次时/)).toBeNull();
    expect(within(card(/活动项目申报表/)).getByText(/改届次时，年份和日期随之调整/)).toBeTruthy();
  });
});

describe('a pick from a dropdown, which raises no onChanged on the web (office-js #4066)', () => {
  it('is checked when the clerk comes back to the pane', async () => {
    const { fake, settle } = pane();
    await act(async () => {
      fireEvent.click(within(card(/创新工作室申请表/)).getByRole('button', { name: '插入表格' }));
    });
    await settle();
    const sheet = '工作室申请表';
    await act(async () => {
      fake.userEdit(sheet, { B13: '男' });
    });
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.queryByRole('button', { name: /巾帼工作室的领衔人必须为女职工/ })).toBeNull();
    // 巾帼工作室 picked from the list: the fake raises no event for it, as Excel on the web does not.
    await act(async () => {
      fake.userPick(sheet, 'B5', '巾帼工作室');
    });
    await settle();
    expect(screen.queryByRole('button', { name: /巾帼工作室的领衔人必须为女职工/ })).toBeNull();
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await settle();
    expect(screen.getByRole('button', { name: /巾帼工作室的领衔人必须为女职工/ })).toBeTruthy();
  });
});
