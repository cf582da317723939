import type { CellValue } from '../../src/core/cell-value';
import type { Problem } from '../../src/core/rules/check-form';
import { planSheet } from '../../src/core/layout';
import { FORMS } from '../../src/notices';
import { goodApplication, problemsOf } from '../support/filled-form';

const about = (problems: Problem[], key: string) => problems.filter((p) => p.key === key).map((p) => `${p.severity}: ${p.message}`);
const application = (changes: Record<string, CellValue>) => problemsOf('studio-application', { ...goodApplication(), ...changes });

describe('studio-application, the notice’s conditions', () => {
  it('a complete application of a 职工工作室 has no problem', () => {
    expect(application({})).toEqual([]);
  });

  it('every field is required (填写应完整，不得缺项、漏项)', () => {
    const problems = application({ specialty: null, postcode: '' });
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'specialty',
        cell: 'B4',
        label: '工作室技术专长',
        severity: 'error',
        message: '必填：请填写工作室技术专长。',
      }),
      expect.objectContaining({ key: 'postcode', severity: 'error', message: '必填：请填写邮政编码。' }),
    ]);
  });

  it('巾帼工作室: the leader must be a woman, and women over half the team is a reminder', () => {
    expect(about(application({ studioType: '巾帼工作室', leaderSex: '男' }), 'leaderSex')).toEqual([
      'error: 巾帼工作室的领衔人必须为女职工。',
    ]);
    const fine = application({ studioType: '巾帼工作室', leaderSex: '女' });
    expect(fine.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(about(fine, 'studioType')).toEqual([expect.stringMatching(/^info: 巾帼工作室团队中女职工须占50%以上/)]);
  });

  it('技师工作室: the leader is a 技师 or 高级技师', () => {
    expect(about(application({ studioType: '技师工作室', leaderSkill: '高级工' }), 'leaderSkill')).toEqual([
      expect.stringMatching(/^error: 技师工作室的领衔人须有技师或高级技师身份/),
    ]);
    expect(application({ studioType: '技师工作室', leaderSkill: '技师' })).toEqual([]);
  });

  it('工匠工作室: a warning unless 曾获荣誉 names 上海工匠', () => {
    expect(about(application({ studioType: '工匠工作室' }), 'leaderHonours')).toEqual([
      expect.stringMatching(/^warning: 工匠工作室的领衔人必须是“上海工匠”/),
    ]);
    expect(application({ studioType: '工匠工作室', leaderHonours: '2018年度上海工匠' })).toEqual([]);
  });

  it('the team has at least 5 people counting the leader', () => {
    const three = application({
      'members[3].name': null,
      'members[3].age': null,
      'members[3].education': null,
      'members[3].rank': null,
      'members[3].trade': null,
      'members[3].years': null,
    });
    expect(three).toEqual([
      expect.objectContaining({
        key: 'members[3].name',
        label: '工作室其他成员',
        severity: 'error',
        message: expect.stringMatching(/5人以上.*现有4人/),
      }),
    ]);
  });

  it('a started member row must be complete; empty rows are ignored', () => {
    const problems = application({ 'members[5].name': '孙八' });
    expect(problems.map((p) => p.key)).toEqual([
      'members[5].age',
      'members[5].education',
      'members[5].rank',
      'members[5].trade',
      'members[5].years',
    ]);
    expect(problems[0]?.message).toBe('此行已填写，请补全年龄。');
  });

  it('工作年限 must be plausible for the age', () => {
    expect(about(application({ leaderAge: 30, leaderYears: 20 }), 'leaderYears')).toEqual([
      expect.stringMatching(/^warning: 工作年限20年与年龄30岁不符/),
    ]);
    expect(about(application({ 'members[1].age': 20, 'members[1].years': 9 }), 'members[1].years')).toHaveLength(1);
  });

  it('patent counts only where the box is chosen', () => {
    expect(about(application({ patentInventionCount: 2 }), 'patentInventionCount')).toEqual([
      expect.stringMatching(/^error: 已填发明专利数，但“发明专利”未勾选/),
    ]);
    expect(about(application({ patentUtility: '√' }), 'patentUtilityCount')).toEqual(['warning: 已勾选，请填写实用新型数。']);
    expect(application({ patentDesign: '√', patentDesignCount: '3项' })).toEqual([]);
    expect(about(application({ patentDesign: '√', patentDesignCount: 1.5 }), 'patentDesignCount')).toEqual([
      'error: 应为整数，不能有小数。',
    ]);
  });

  it('申报类型 is exactly one', () => {
    expect(about(application({ studioType: '工匠工作室 技师工作室' }), 'studioType')).toEqual([expect.stringMatching(/只能选择一项/)]);
  });

  it('工作室介绍 800 字左右 warns well below', () => {
    expect(about(application({ introduction: '短'.repeat(200) }), 'introduction')).toEqual([
      expect.stringMatching(/^warning: 要求800字左右，现只有200字/),
    ]);
  });
});

describe('festival-stats', () => {
  it('a 数量 without 是 is a warning; 是 without the 数量 the item asks for is a warning', () => {
    const problems = problemsOf('festival-stats', {
      unit: '某区总工会',
      fillDate: '5月31日',
      forumCount: 3,
      suggestions: '是',
      contest: '是',
      contestTrades: 5,
      plan: '是',
    });
    expect(problems.map((p) => `${p.key} ${p.severity}`)).toEqual(['forumCount warning', 'suggestionsCount warning']);
    expect(problems[0]?.message).toMatch(/已填.*但“举行职工创新座谈会、创新论坛、研讨会”未填“是”/);
  });

  it('counts are whole numbers; a complete return has no problem', () => {
    expect(
      problemsOf('festival-stats', {
        unit: '某区总工会',
        fillDate: '5月31日',
        workers: '1200人',
        baseUnits: 35,
        suggestions: '是',
        suggestionsCount: 88,
      }),
    ).toEqual([]);
    expect(problemsOf('festival-stats', { unit: '某区总工会', fillDate: '5月31日', workers: '约一千' })).toEqual([
      expect.objectContaining({ key: 'workers', severity: 'error' }),
    ]);
  });
});

describe('studio-summary', () => {
  const base = {
    unionName: '闵行区总工会',
    applicant: '王奇峰',
    applicantPhone: '021-55885592',
    hasCampaign: '有',
    craftsmanStudios: 3,
    technicianStudios: 5,
    workerStudios: 8,
    womenStudios: 2,
    opinion: '同意推荐',
  };
  const row = (i: number, name: string, seq: CellValue = i + 1) => ({
    [`studios[${i}].seq`]: seq,
    [`studios[${i}].studioType`]: '职工工作室',
    [`studios[${i}].studioName`]: name,
    [`studios[${i}].unit`]: '某公司',
    [`studios[${i}].leader`]: '张三',
  });

  it('a complete summary has no problem', () => {
    expect(problemsOf('studio-summary', { ...base, ...row(0, '甲工作室'), ...row(1, '乙工作室') })).toEqual([]);
  });

  it('a 工作室名称 listed twice is an error', () => {
    const problems = problemsOf('studio-summary', { ...base, ...row(0, '甲工作室'), ...row(1, '甲工作室') });
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'studios[1].studioName',
        severity: 'error',
        message: '“甲工作室”与第1行重复，同一工作室名称只能填报一次。',
      }),
    ]);
  });

  it('序号 runs 1, 2, 3 …', () => {
    const problems = problemsOf('studio-summary', { ...base, ...row(0, '甲'), ...row(1, '乙', 3) });
    expect(problems).toEqual([
      expect.objectContaining({ key: 'studios[1].seq', severity: 'warning', message: '序号应依次为1、2、3……，此行应为2。' }),
    ]);
  });

  it('every listed row is complete, and 工作室类型 is one of the four', () => {
    const problems = problemsOf('studio-summary', {
      ...base,
      ...row(0, '甲'),
      'studios[0].leader': null,
      'studios[0].studioType': '劳模工作室',
    });
    expect(problems.map((p) => p.key)).toEqual(['studios[0].studioType', 'studios[0].leader']);
  });
});

describe('yangpu lists', () => {
  const footer = { unit: '杨浦区某街道总工会', contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10' };
  const team = (formedOn: CellValue, results: CellValue, seq: CellValue = 1) => ({
    'teams[0].seq': seq,
    'teams[0].name': '爱心服务队',
    'teams[0].leader': '李四 主任',
    'teams[0].size': '15人',
    'teams[0].formedOn': formedOn,
    'teams[0].service': '为社区老人提供维修服务',
    'teams[0].results': results,
  });

  it('a complete registration has no problem', () => {
    expect(problemsOf('yangpu-volunteer-team', { ...footer, ...team('2015-3-1', '服务老人两千人次') })).toEqual([]);
  });

  it('组建时间 is not in the future', () => {
    expect(problemsOf('yangpu-volunteer-team', { ...footer, ...team('2099-1-1', '…') })).toEqual([
      expect.objectContaining({ key: 'teams[0].formedOn', severity: 'error' }),
    ]);
  });

  it('服务成效简介 may be empty only for a team formed this year', () => {
    expect(problemsOf('yangpu-volunteer-team', { ...footer, ...team('2018-3-1', null) })).toEqual([]);
    expect(problemsOf('yangpu-volunteer-team', { ...footer, ...team('2016-3-1', null) })).toEqual([
      expect.objectContaining({
        key: 'teams[0].results',
        severity: 'error',
        message: '只有今年新组建的服务队可以不填服务成效简介，请补充。',
      }),
    ]);
  });

  it('序号 in order, 人数 whole numbers, rows complete once started', () => {
    const problems = problemsOf('yangpu-theme-activity', {
      ...footer,
      'activities[0].seq': 2,
      'activities[0].name': '劳模进社区',
      'activities[0].form': '宣讲',
      'activities[0].schedule': '6月',
      'activities[0].content': '宣讲劳模事迹',
      'activities[0].participants': '二百',
      'activities[1].name': '技能比武',
    });
    expect(problems.map((p) => `${p.key} ${p.severity}`)).toEqual([
      'activities[0].seq warning',
      'activities[0].participants error',
      'activities[1].seq warning',
      'activities[1].form error',
      'activities[1].schedule error',
      'activities[1].content error',
      'activities[1].participants error',
    ]);
  });
});

describe('festival-project', () => {
  const good = {
    unit: '某区总工会',
    projectName: '职工创新成果展',
    host: '某区总工会',
    time: '2017-5-25',
    place: '区职工之家',
    audience: '全区职工',
    participants: 300,
    contactName: '潘雁',
    contactPhone: '55885659',
    summary: '展示职工创新成果。',
    fillDate: '5月8日',
  };

  it('a complete return has no problem', () => expect(problemsOf('festival-project', good)).toEqual([]));

  it('举办时间 outside the festival period is a warning', () => {
    expect(problemsOf('festival-project', { ...good, time: '2017-7-1' })).toEqual([
      expect.objectContaining({ key: 'time', severity: 'warning', message: '举办时间不在活动期间（2017-05-22至2017-06-02）内，请核对。' }),
    ]);
    expect(problemsOf('festival-project', { ...good, time: '5月22日-6月2日' })).toEqual([]);
  });

  it('参加人数 > 0 and a real phone number', () => {
    expect(problemsOf('festival-project', { ...good, participants: 0, contactPhone: '5588' }).map((p) => p.key)).toEqual([
      'participants',
      'contactPhone',
    ]);
  });
});

describe('a form nobody has filled in', () => {
  it('gives one reminder, not every required field', () => {
    expect(problemsOf('studio-summary', {})).toEqual([
      expect.objectContaining({ key: 'unionName', severity: 'info', message: '表格尚未填写。' }),
    ]);
    expect(problemsOf('studio-application', { studioName: '某工作室' }).filter((p) => p.severity === 'error').length).toBeGreaterThan(10);
  });
});

describe('rules that match the notices (issue 10 §4)', () => {
  const footer = { unit: '杨浦区某街道总工会', contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10' };
  const team = (formedOn: CellValue, results: CellValue = '服务老人两千人次') => ({
    'teams[0].seq': 1,
    'teams[0].name': '爱心服务队',
    'teams[0].leader': '李四 主任',
    'teams[0].size': '15人',
    'teams[0].formedOn': formedOn,
    'teams[0].service': '为社区老人提供维修服务',
    'teams[0].results': results,
  });
  const volunteers = (values: Record<string, CellValue>) => problemsOf('yangpu-volunteer-team', { ...footer, ...values });

  it.each<CellValue>(['2016年9月', '2016.9', '2016-09', 2016.9])('组建时间 %p (month only) is accepted without a warning', (formedOn) => {
    expect(volunteers(team(formedOn))).toEqual([]);
  });

  it('组建时间 as a month: 服务成效 may be blank only for this year’s month; a later month is in the future', () => {
    expect(volunteers(team('2018年3月', null))).toEqual([]);
    expect(volunteers(team('2016年3月', null))).toEqual([
      expect.objectContaining({
        key: 'teams[0].results',
        severity: 'error',
        message: '只有今年新组建的服务队可以不填服务成效简介，请补充。',
      }),
    ]);
    // TODAY is 2026-11-21: its own month is not in the future, the next one is.
    expect(volunteers(team('2026年11月'))).toEqual([]);
    expect(volunteers(team('2026年12月'))).toEqual([
      expect.objectContaining({ key: 'teams[0].formedOn', severity: 'error', message: '服务队组建时间2026-12晚于今天，请核对。' }),
    ]);
  });

  it('组建时间 that is neither a date nor a month says how to write it', () => {
    expect(volunteers(team('前年秋天'))).toEqual([
      expect.objectContaining({ key: 'teams[0].formedOn', severity: 'error', message: '请填写日期或年月，如 2016-9-12 或 2016年9月。' }),
    ]);
  });

  it('two phone numbers in 联系电话 are fine when each is valid', () => {
    for (const contactPhone of ['021-55885659 13912345678', '65012345、13812345678', '65012345/13812345678'])
      expect(volunteers({ ...team('2016-3-1'), contactPhone })).toEqual([]);
    expect(volunteers({ ...team('2016-3-1'), contactPhone: '65012345、1391234' })).toEqual([
      expect.objectContaining({ key: 'contactPhone', severity: 'error', message: expect.stringMatching(/^“1391234”电话号码有误/) }),
    ]);
  });

  it('参与人数 “约300” and “十二个” give the real reason', () => {
    const row = (participants: CellValue) => ({
      'activities[0].seq': 1,
      'activities[0].name': '劳模进社区',
      'activities[0].form': '宣讲',
      'activities[0].schedule': '6月',
      'activities[0].content': '宣讲劳模事迹',
      'activities[0].participants': participants,
    });
    const said = (participants: CellValue) =>
      problemsOf('yangpu-theme-activity', { ...footer, ...row(participants) }).map((p) => `${p.key} ${p.severity}: ${p.message}`);
    expect(said('约300')).toEqual(['activities[0].participants error: 请填写确数（不要写“约”“左右”“多”）。']);
    expect(said('十二个')).toEqual(['activities[0].participants error: 请用阿拉伯数字填写，如“12”。']);
    expect(said('十二人')).toEqual(['activities[0].participants error: 请用阿拉伯数字填写，如“12”。']);
    expect(said('12人')).toEqual([]);
  });

  describe('填报日期 left blank is a reminder on every form that has one', () => {
    const filled: Record<string, Record<string, CellValue>> = {
      'festival-project': {
        unit: '某区总工会',
        projectName: '职工创新成果展',
        host: '某区总工会',
        time: '2017-5-25',
        place: '区职工之家',
        audience: '全区职工',
        participants: 300,
        contactName: '潘雁',
        contactPhone: '55885659',
        summary: '展示职工创新成果。',
      },
      'festival-stats': { unit: '某区总工会', workers: 1200 },
      'yangpu-theme-activity': {
        unit: '杨浦区某街道总工会',
        contact: '张琳',
        contactPhone: '25032216',
        'activities[0].seq': 1,
        'activities[0].name': '劳模进社区',
        'activities[0].form': '宣讲',
        'activities[0].schedule': '6月',
        'activities[0].content': '宣讲劳模事迹',
        'activities[0].participants': 120,
      },
      'yangpu-volunteer-team': { unit: '杨浦区某街道总工会', contact: '张琳', contactPhone: '25032216', ...team('2016-3-1') },
    };
    const withFillDate = FORMS.filter((f) => planSheet(f).slots.some((s) => s.field.id === 'fillDate')).map((f) => f.id);

    it('the forms with a 填报日期 are those the notices print it on', () => {
      expect(withFillDate.sort()).toEqual(Object.keys(filled).sort());
    });

    it.each(Object.keys(filled))('%s: blank → one info reminder; filled → nothing', (id) => {
      const values = filled[id] as Record<string, CellValue>;
      const blank = problemsOf(id, values);
      expect(blank).toEqual([
        expect.objectContaining({
          field: 'fillDate',
          key: 'fillDate',
          severity: 'info',
          message: '未填填报日期，请补上（填写报送当天的日期）。',
        }),
      ]);
      expect(problemsOf(id, { ...values, fillDate: id.startsWith('festival') ? '5月8日' : '2018-6-10' })).toEqual([]);
      expect(problemsOf(id, { ...values, fillDate: '下周' })).toEqual([expect.objectContaining({ key: 'fillDate', severity: 'error' })]);
    });
  });
});
