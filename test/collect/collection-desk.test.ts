import { collectionDesk } from '../../src/app/collection-desk';
import { endOfDeadlineDay } from '../../src/core/collect/collection-status';
import { slipFileName } from '../../src/core/collect/correction-slips';
import type { CellValue } from '../../src/core/cell-value';
import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { CATALOGUE } from '../../src/notices';
import { filledGrid } from '../support/filled-form';
import { volunteerReturn } from '../support/volunteer-return';

/**
 * The collection desk's logic (issue 14 §1–2) on small merges: who owes what, late against the notice's own deadline
 * (杨浦: 6月15日前, in 2018) or the clerk's, a corrected return, the 催报 text and who gets a 退回修改单. The same desk
 * on the realistic corpus, against expectations computed apart, is in test/realistic.
 */
const TODAY = '2026-11-29';
/** A moment in Shanghai time, as a file's modified time. */
const shanghai = (iso: string): number => Date.parse(`${iso}+08:00`);

function theme(unit: string, people: CellValue = 40): Record<string, CellValue> {
  return {
    unit,
    contact: '张琳',
    contactPhone: '25032216',
    fillDate: '2018-6-10',
    'activities[0].seq': 1,
    'activities[0].name': '职工读书会',
    'activities[0].form': '宣讲',
    'activities[0].schedule': '6月',
    'activities[0].content': '读书分享',
    'activities[0].participants': people,
  };
}

function file(name: string, modified: string, sheets: [string, Record<string, CellValue>][]): ReturnFile {
  return {
    file: name,
    modified: shanghai(modified),
    sheets: sheets.map(([form, values], i) => ({ name: `Sheet${i + 1}`, grid: filledGrid(form, values), nameValues: [] })),
  };
}

const ROSTER = ['殷行街道总工会', '五角场街道总工会', '大桥街道总工会', '平凉路街道总工会'];

function desk(files: ReturnFile[], deadline?: string) {
  const result = mergeReturns(files, { today: TODAY, roster: ROSTER, catalogue: CATALOGUE });
  const modified = new Map(files.map((f) => [f.file, f.modified]));
  return collectionDesk(result, { catalogue: CATALOGUE, roster: ROSTER, deadline, modifiedOf: (f) => modified.get(f), today: TODAY });
}

const FILES = (): ReturnFile[] => [
  // both forms, on time (the last minute of the deadline day still counts)
  file('殷行_主题活动.xlsx', '2018-06-15T23:59:00', [['yangpu-theme-activity', theme('殷行街道总工会')]]),
  file('殷行_志愿者.xlsx', '2018-06-14T09:00:00', [['yangpu-volunteer-team', volunteerReturn('殷行街道总工会', '殷行志愿队')]]),
  // one form, a day late, with a wrong number
  file('五角场_主题活动.xlsx', '2018-06-16T00:00:00', [['yangpu-theme-activity', theme('五角场街道总工会', '约40')]]),
  // both forms, the theme activity sent twice (the later one corrects the count)
  file('大桥_主题活动.xlsx', '2018-06-01T10:00:00', [['yangpu-theme-activity', theme('大桥街道总工会', 30)]]),
  file('大桥_主题活动_更正.xlsx', '2018-06-02T10:00:00', [['yangpu-theme-activity', theme('大桥街道总工会', 35)]]),
  file('大桥_志愿者.xlsx', '2018-06-02T11:00:00', [['yangpu-volunteer-team', volunteerReturn('大桥街道总工会', '大桥志愿队')]]),
  // 平凉路 sends nothing
];

it('a deadline day ends at midnight in Shanghai', () => {
  expect(new Date(endOfDeadlineDay('2018-06-15')).toISOString()).toBe('2018-06-15T16:00:00.000Z');
});

it('gives each roster unit complete, partial or missing, per form sent, late and corrected', () => {
  const { units, counts } = desk(FILES());
  const byUnit = new Map(units.map((u) => [u.unit, u]));
  expect(units.map((u) => [u.unit, u.onRoster, u.status])).toEqual([
    ['殷行街道总工会', true, 'complete'],
    ['五角场街道总工会', true, 'partial'],
    ['大桥街道总工会', true, 'complete'],
    ['平凉路街道总工会', true, 'missing'],
  ]);
  expect(counts).toEqual({ complete: 2, partial: 1, otherEdition: 0, missing: 1, offRoster: 0 });
  const form = (unit: string, id: string) => byUnit.get(unit)!.forms.find((f) => f.form === id)!;
  expect(form('殷行街道总工会', 'yangpu-theme-activity')).toMatchObject({
    submitted: true,
    late: false,
    deadline: '2018-06-15',
    errors: 0,
  });
  expect(form('五角场街道总工会', 'yangpu-theme-activity')).toMatchObject({ submitted: true, late: true, errors: 1 });
  expect(form('五角场街道总工会', 'yangpu-volunteer-team')).toMatchObject({ submitted: false, late: false, files: [] });
  expect(form('大桥街道总工会', 'yangpu-theme-activity')).toMatchObject({ corrected: true, files: ['大桥_主题活动_更正.xlsx'] });
  expect(byUnit.get('平凉路街道总工会')!.forms.map((f) => [f.form, f.submitted])).toEqual([
    ['yangpu-theme-activity', false],
    ['yangpu-volunteer-team', false],
  ]);
});

it("the clerk's deadline wins over the notice's", () => {
  const late = (deadline?: string) =>
    desk(FILES(), deadline)
      .units.filter((u) => u.forms.some((f) => f.late))
      .map((u) => u.unit);
  expect(late()).toEqual(['五角场街道总工会']);
  expect(late('2018-06-01')).toEqual(['殷行街道总工会', '五角场街道总工会', '大桥街道总工会']);
});

it('writes the 催报 for the missing and the partial units only, with what they owe and by when', () => {
  const { reminder } = desk(FILES());
  expect(reminder).toContain('以下 1 个单位尚未报送');
  expect(reminder).toContain('平凉路街道总工会');
  expect(reminder).toContain('五角场街道总工会：志愿者服务队登记表');
  expect(reminder).not.toContain('殷行');
  expect(reminder).not.toContain('大桥');
  // the deadline (2018-06-15) is long past on TODAY
  expect(reminder).toContain('报送截止日期（2018年6月15日）已过');
});

it('writes no 催报 when everyone has sent everything', () => {
  const files = FILES().filter((f) => f.file.startsWith('殷行') || f.file.startsWith('大桥'));
  const result = mergeReturns(files, {
    today: TODAY,
    roster: ROSTER.slice(0, 3).filter((u) => u !== '五角场街道总工会'),
    catalogue: CATALOGUE,
  });
  const d = collectionDesk(result, {
    catalogue: CATALOGUE,
    roster: ['殷行街道总工会', '大桥街道总工会'],
    modifiedOf: () => undefined,
    today: TODAY,
  });
  expect(d.units.map((u) => u.status)).toEqual(['complete', 'complete']);
  expect(d.reminder).toBeUndefined();
});

it('sends a 退回修改单 only to units whose returns that count have something to fix', () => {
  const { slips } = desk(FILES());
  expect(slips.map((s) => s.unit)).toEqual(['五角场街道总工会']);
  expect(slips[0]!.items).toEqual([
    expect.objectContaining({ file: '五角场_主题活动.xlsx', severity: 'error', severityWord: '错误', form: expect.any(String) }),
  ]);
  expect(slips[0]!.items[0]!.message).toContain('确数');
});

it('names a slip file after its unit, safely', () => {
  expect(slipFileName('黄浦区总工会')).toBe('退回修改单-黄浦区总工会.xlsx');
  expect(slipFileName('a/b:c*?')).toBe('退回修改单-a_b_c__.xlsx');
  expect(slipFileName('..')).toBe('退回修改单-未填单位.xlsx');
});
