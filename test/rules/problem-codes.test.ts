import { problemMessage } from '../../src/core/messages';
import { readSheet } from '../../src/core/read/read-sheet';
import { checkField } from '../../src/core/rules/field-rules';
import type { Field } from '../../src/core/form-schema';
import { CATALOGUE } from '../../src/notices';
import { filledGrid, goodApplication, problemsOf, TODAY } from '../support/filled-form';

const application = (changes: Record<string, unknown>) => problemsOf('studio-application', { ...goodApplication(), ...changes } as never);
const pick = (problems: ReturnType<typeof application>, key: string) => problems.filter((p) => p.key === key);

describe('every problem has a stable code and params (issue 12)', () => {
  it('a field check: the code says what is wrong, the params what the sentence needs', () => {
    const problems = application({ postcode: '2011', leaderPhone: '5588', specialty: null });
    expect(pick(problems, 'postcode')).toEqual([expect.objectContaining({ code: 'postcode.format', params: {} })]);
    expect(pick(problems, 'leaderPhone')).toEqual([expect.objectContaining({ code: 'phone.format', params: { part: '' } })]);
    expect(pick(problems, 'specialty')).toEqual([
      expect.objectContaining({ code: 'required', params: { label: '工作室技术专长' }, message: '必填：请填写工作室技术专长。' }),
    ]);
  });

  it('values that carry numbers put them in the params, not only in the sentence', () => {
    const text: Field = { id: 'x', label: '名称', type: 'text', maxLength: 5, required: false, remindIfBlank: false };
    expect(checkField(text, '一二三四五六七', { year: 2017 })).toEqual(
      expect.objectContaining({ status: 'invalid', code: 'maxLength', params: { max: 5, count: 7 } }),
    );
    const count: Field = { id: 'n', label: '人数', type: 'integer', min: 0, total: true, required: false, remindIfBlank: false };
    expect(checkField(count, '十二人', { year: 2017 })).toEqual(
      expect.objectContaining({ code: 'integer.chinese', params: { example: 12 }, message: '请用阿拉伯数字填写，如“12”。' }),
    );
  });

  it("a rule kind's problem: its code, its params, and the list row it belongs to", () => {
    const problems = application({ 'members[0].age': 30, 'members[0].years': 20 });
    expect(pick(problems, 'members[0].years')).toEqual([
      expect.objectContaining({
        code: 'rule.yearsForAge',
        params: { years: 20, age: 30, startAge: 16 },
        list: { table: 'members', row: 0 },
      }),
    ]);
    const oneMember = Object.fromEntries(Object.entries(goodApplication()).filter(([key]) => !/^members\[[1-9]\]/.test(key)));
    const tooFew = problemsOf('studio-application', oneMember);
    expect(tooFew.find((p) => p.code === 'rule.minRows')).toEqual(
      expect.objectContaining({ params: expect.objectContaining({ count: 2, min: 5 }), severity: 'error' }),
    );
  });

  it('the Chinese message is always the zh-CN wording of its code and params', () => {
    const problems = application({
      postcode: '2011',
      leaderPhone: '5588',
      studioType: '巾帼工作室',
      leaderSex: '男',
      'members[0].age': 30,
      'members[0].years': 20,
    });
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) expect(p.message).toBe(problemMessage(p.code, p.params, 'zh-CN'));
  });

  it('an untouched sheet is told by its code, and a field the reader could not find is coded too', () => {
    const blank = readSheet({ name: '申请表', grid: filledGrid('studio-application', {}), nameValues: [] }, TODAY, CATALOGUE);
    if (!blank.ok) throw new Error(blank.reason);
    expect(blank.untouched).toBe(true);
    expect(blank.problems.map((p) => p.code)).toEqual(['form.untouched']);

    // A 活动项目申报表 retyped by hand without the row of 联系人 and 联系电话: read label by label, those two not found.
    const grid = [
      ['附件1'],
      ['第七届上海职工科技节活动项目申报表'],
      ['申报单位：某区总工会', null, null, '5月8日'],
      ['活动项目名称', '职工创新成果展'],
      ['主 办 单 位', '区总工会'],
      ['承办单位', '区职工技协'],
      ['协办单位', null],
      ['举办时间', '2017.5.25', '举办地点', '区职工活动中心'],
      ['参加对象', '辖区企业职工', '参加人数', 300],
      ['主要活动项目简介', '围绕岗位创新，组织职工开展创新成果展示。'],
    ];
    const changed = readSheet({ name: '申报表', grid, nameValues: [] }, '2017-06-20', CATALOGUE);
    if (!changed.ok) throw new Error(changed.reason);
    const doubts = changed.problems.filter((p) => p.code === 'read.notFound');
    expect(doubts.map((p) => p.params)).toEqual([{ label: '联系人姓名' }, { label: '联系电话' }]);
    expect(doubts[1]).toEqual(expect.objectContaining({ severity: 'warning', field: 'contactPhone' }));
    expect(doubts[1]?.message).toBe('找不到“联系电话”的填写位置（表格的栏目被改动过），未读取此项，请对照原表核对。');
  });
});
