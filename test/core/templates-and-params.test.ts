import { UserError } from '../../src/core/errors';
import { planSheet } from '../../src/core/layout';
import { deadlineOf, resolveParams } from '../../src/core/params';
import { chineseNumeral, fillTemplate, placeholdersIn } from '../../src/core/templates';
import { getForm } from '../../src/notices';

describe('Chinese numerals for 届次', () => {
  it.each([
    [1, '一'],
    [7, '七'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('%i → %s', (n, cn) => expect(chineseNumeral(n)).toBe(cn));

  it('refuses what is not a small whole number', () => {
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('templates', () => {
  it('fill parameters in their formats', () => {
    const params = { edition: 8, year: 2018, deadline: '05-12' };
    expect(fillTemplate('第{edition:cn}届，{year}年，请于{deadline:md}前，即{deadline:ymd}', params)).toBe(
      '第八届，2018年，请于5月12日前，即2018年5月12日',
    );
    expect(placeholdersIn('{a}{b:cn}')).toEqual([
      { param: 'a', format: undefined },
      { param: 'b', format: 'cn' },
    ]);
  });

  it('fail loudly on a missing parameter', () => {
    expect(() => fillTemplate('{edition}', {})).toThrow(/needs param edition/);
  });
});

describe('parameters', () => {
  const festival = getForm('festival-project');

  it('default to the notice', () => {
    expect(resolveParams(festival)).toEqual({ edition: 7, year: 2017, deadline: '05-12', periodStart: '05-22', periodEnd: '06-02' });
    expect(deadlineOf(festival, resolveParams(festival))?.toISOString()).toBe('2017-05-12T00:00:00.000Z');
  });

  it('accept what people type for a month and day', () => {
    for (const typed of ['5-3', '05-03', '5/3', '5.3', '5月3日']) {
      expect(resolveParams(festival, { deadline: typed }).deadline).toBe('05-03');
    }
  });

  it.each([
    ['edition', '0', /届次“0”无效/],
    ['edition', 'eight', /届次“eight”无效/],
    ['year', '18', /年份“18”无效/],
    ['deadline', '02-30', /报送截止日期“02-30”无效/],
    ['deadline', '13-01', /无效/],
  ])('reject %s=%s with a Chinese message', (id, value, message) => {
    expect(() => resolveParams(festival, { [id]: value })).toThrow(message);
    expect(() => resolveParams(festival, { [id]: value })).toThrow(UserError);
  });

  it('refuse a parameter the form does not have, unless told to ignore it', () => {
    const summary = getForm('studio-summary');
    expect(() => resolveParams(summary, { edition: 8 })).toThrow(/没有 edition 参数/);
    expect(resolveParams(summary, { edition: 8 }, true)).toEqual({ year: 2020, deadline: '11-13' });
  });

  it('--edition 8 --year 2018 reaches the title, the side label and the notes', () => {
    const plan = planSheet(getForm('festival-stats'), { params: { edition: 8, year: 2018 } });
    const texts = plan.cells.map((c) => String(c.value));
    expect(plan.title).toBe('第八届上海职工科技节活动情况统计表');
    expect(texts).toContain('第八届上海职工科技节活动情况统计表');
    expect(texts).toContain('第八届上海职工科技节期间组织开展群众性科技创新活动情况');
    expect(texts).toContain('是否制定开展第八届上海职工科技节活动的计划');
    expect(texts).toContain('2. 请于2018年6月1日前报送第八届上海职工科技节组委会办公室');
    expect(texts.some((t) => t.includes('第七届') || t.includes('2017'))).toBe(false);
  });

  it('年度 reaches the workshop titles', () => {
    const plan = planSheet(getForm('studio-summary'), { params: { year: 2021 } });
    expect(plan.title).toBe('2021年度上海市工匠（技师、职工、巾帼）创新工作室推荐申报汇总表');
    expect(plan.cells.map((c) => c.value)).toContain('2021年度上海市工匠（技师、职工、巾帼）创新工作室申报汇总情况');
  });
});
