/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import type { ValidationState } from '../../src/hosts/office/live-validation';
import { SheetProblems } from '../../src/taskpane/components/SheetProblems';
import { ValidationPanel } from '../../src/taskpane/components/ValidationPanel';
import { stringsFor, type Locale } from '../../src/taskpane/i18n';
import type { ValidationHost } from '../../src/taskpane/pane-host';
import { goodApplication, problemsOf } from '../support/filled-form';

/** A 申请表 with a wrong postcode and phone and 技术专长 left empty: problems as the checker reports them (in Chinese). */
const problems = () => problemsOf('studio-application', { ...goodApplication(), postcode: '2011', leaderPhone: '5588', specialty: null });

function validationHost(state: ValidationState): ValidationHost {
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    checkAll: async () => undefined,
    checkEverything: async () => undefined,
    everything: () => false,
    select: async () => undefined,
    paintClearsUndo: false,
  };
}

function checkTab(locale: Locale) {
  const sheet = { sheetId: '1', sheetName: '申请表', formId: 'studio-application', formTitle: '工作室申请表', highlightNote: undefined };
  const state: ValidationState = { sheets: [{ ...sheet, problems: problems() }], busy: false, notice: undefined };
  render(<ValidationPanel validation={validationHost(state)} strings={stringsFor(locale)} />);
}

describe('the pane words problems in its own language (issue 12)', () => {
  it('en-US: the check tab lists the problems in English', () => {
    checkTab('en-US');
    expect(screen.getByRole('button', { name: /^B4 工作室技术专长: Required: fill in 工作室技术专长\.$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /: A postcode has 6 digits, such as 200063\.$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /: wrong phone number: a mobile number has 11 digits/ })).toBeTruthy();
    expect(screen.queryByText(/必填|邮政编码应为|电话号码有误/)).toBeNull();
  });

  it('zh-CN: the same problems in Chinese, exactly as the checker words them', () => {
    checkTab('zh-CN');
    expect(screen.getByRole('button', { name: 'B4 工作室技术专长：必填：请填写工作室技术专长。' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /：邮政编码应为6位数字，如 200063。$/ })).toBeTruthy();
  });

  it('en-US: a merged sheet’s problem list is English too', () => {
    render(<SheetProblems sheet="申请表" problems={problems()} strings={stringsFor('en-US')} />);
    const list = screen.getByRole('list');
    expect(list.textContent).toMatch(/Required: fill in 工作室技术专长\./);
    expect(list.textContent).toMatch(/A postcode has 6 digits/);
    expect(list.textContent).not.toMatch(/必填|邮政编码应为/);
  });
});
