/**
 * Issue 19 §4, values as clerks write them: digits grouped by spaces (GB/T 15835), dates in Chinese numerals and by
 * ten-day periods (上旬/中旬/下旬), "/" or 无 in a count that does not apply, phone numbers by China's numbering
 * plan. Each behaviour with a case read and a case refused. Expected values are worked out by hand from the
 * calendar and the numbering plan, not taken from the reader.
 */
import type { CellValue } from '../../src/core/cell-value';
import type { Field } from '../../src/core/form-schema';
import { problemMessage } from '../../src/core/messages';
import { mergeReturns } from '../../src/core/merge/merge-returns';
import { reportTable, summaryTables } from '../../src/core/merge/summaries';
import { checkField } from '../../src/core/rules/field-rules';
import { CATALOGUE } from '../../src/notices';
import { filledGrid, goodApplication, problemsOf, TODAY } from '../support/filled-form';

const field = (f: Partial<Field> & { type: Field['type'] }): Field => ({ id: 'x', label: '测试', required: false, ...f }) as Field;
const ctx = { year: 2017 };
const value = (f: Field, raw: CellValue) => {
  const r = checkField(f, raw, ctx);
  return r.status === 'ok' ? r.reading.value : r.status;
};
const codeOf = (f: Field, raw: CellValue) => {
  const r = checkField(f, raw, ctx);
  return r.status === 'invalid' ? r.code : r.status;
};

describe('a count with its digits grouped', () => {
  const count = field({ type: 'integer', min: 0 });
  it.each<[string, number]>([
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1\u2009200', 1200],
    ['1\u202f200', 1200],
    ['1\u3000200', 1200],
    ['１\u3000２００', 1200],
    ['12 345 678', 12345678],
    ['1 200人', 1200],
    ['1 200 人', 1200],
    ['1,200', 1200],
    ['1，200', 1200],
    ['12,345,678', 12345678],
  ])('%p reads as %p', (raw, n) => expect(value(count, raw)).toBe(n));

  it.each(['1 2', '12 3456', '1234 567', '12 34', '3,5', '1,2', '12,3456', '1 200,000', '1 2000'])(
    '%p is no grouping in threes: not a number',
    (raw) => expect(codeOf(count, raw)).toBe('integer'),
  );

  it('only decimal digits are a count', () => {
    for (const raw of ['1e3', '0x10', 'Infinity']) expect(codeOf(count, raw)).toBe('integer');
    expect(codeOf(count, '1 200.5')).toBe('integer.fraction');
  });
});

describe('dates in Chinese numerals', () => {
  const day = field({ type: 'date', range: false });
  it.each<[string, string]>([
    ['二〇一七年五月十二日', '2017-05-12'],
    ['二零一七年五月十二日', '2017-05-12'],
    ['二○一七年五月十二日', '2017-05-12'],
    ['二O一七年五月十二日', '2017-05-12'],
    ['二〇一七年十月一日', '2017-10-01'],
    ['二〇一七年十一月二十日', '2017-11-20'],
    ['二〇一七年十二月三十一日', '2017-12-31'],
    ['2017年五月廿一日', '2017-05-21'],
    ['五月十二日', '2017-05-12'],
    ['十月十日', '2017-10-10'],
    ['二〇一七年 五月 十二日', '2017-05-12'],
  ])('%p is %p', (raw, iso) => expect(value(day, raw)).toBe(iso));

  it.each(['二〇一七年二月三十日', '二〇一七年十三月一日', '一二月五日', '二〇一七年五月', '五月', '二〇一七五月十二', '十二'])(
    '%p is no day',
    (raw) => expect(codeOf(day, raw)).toBe('date'),
  );

  it('a day of the form’s year needs the form’s year', () => {
    expect(checkField(day, '五月十二日', { year: undefined }).status).toBe('invalid');
  });

  const month = field({ type: 'date', range: false, monthAllowed: true } as Partial<Field> & { type: 'date' });
  it('a month field reads a month or a day in Chinese numerals', () => {
    expect(value(month, '二〇一六年九月')).toBe('2016-09');
    expect(value(month, '二〇一六年九月十二日')).toBe('2016-09-12');
    expect(codeOf(month, '二〇一六年十三月')).toBe('date.orMonth');
  });

  const range = field({ type: 'date', range: true });
  it('a period in Chinese numerals', () => {
    expect(value(range, '五月二十二日至六月二日')).toEqual({ start: '2017-05-22', end: '2017-06-02' });
    expect(value(range, '二〇一七年五月二十二日至二〇一七年六月二日')).toEqual({ start: '2017-05-22', end: '2017-06-02' });
    expect(codeOf(range, '五月二十二日至六月三十一日')).toBe('date.range');
  });

  it('the checks that compare dates read them: notFuture, withinPeriod', () => {
    const footer = { unit: '杨浦区某街道总工会', contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10' };
    const team = (formedOn: CellValue) => ({
      ...footer,
      'teams[0].seq': 1,
      'teams[0].name': '爱心服务队',
      'teams[0].leader': '李四 主任',
      'teams[0].size': '15人',
      'teams[0].formedOn': formedOn,
      'teams[0].service': '为社区老人提供维修服务',
      'teams[0].results': '服务老人两千人次',
    });
    expect(problemsOf('yangpu-volunteer-team', team('二〇一六年九月'))).toEqual([]);
    // TODAY is 2026-11-21.
    expect(problemsOf('yangpu-volunteer-team', team('二〇二六年十二月'))).toEqual([
      expect.objectContaining({ key: 'teams[0].formedOn', code: 'rule.notFuture', params: expect.objectContaining({ date: '2026-12' }) }),
    ]);
    const project = {
      unit: '某区总工会',
      projectName: '职工创新成果展',
      host: '某区总工会',
      place: '区职工之家',
      audience: '全区职工',
      participants: 300,
      contactName: '潘雁',
      contactPhone: '55885659',
      summary: '展示职工创新成果。',
      fillDate: '五月八日',
    };
    expect(problemsOf('festival-project', { ...project, time: '五月二十五日' })).toEqual([]);
    expect(problemsOf('festival-project', { ...project, time: '七月一日' })).toEqual([
      expect.objectContaining({ key: 'time', code: 'rule.withinPeriod', severity: 'warning' }),
    ]);
  });
});

describe('ten-day periods (上旬, 中旬, 下旬)', () => {
  const day = field({ type: 'date', range: false });
  it('where a day is asked: read as the period, with a warning, never an error', () => {
    const r = checkField(day, '5月上旬', ctx);
    expect(r).toEqual({ status: 'ok', reading: { value: { start: '2017-05-01', end: '2017-05-10' }, warnings: [expect.any(String)] } });
    const params = { value: '5月上旬', start: '2017-05-01', end: '2017-05-10' };
    if (r.status === 'ok') expect(r.reading.warnings[0]).toBe(problemMessage('date.tenDays', params));
    expect(problemMessage('date.tenDays', params, 'en-US')).toMatch(/ten days 2017-05-01 to 2017-05-10/);
    expect(value(day, '2017年5月中旬')).toEqual({ start: '2017-05-11', end: '2017-05-20' });
    expect(value(day, '五月下旬')).toEqual({ start: '2017-05-21', end: '2017-05-31' });
    expect(value(day, '2017年2月下旬')).toEqual({ start: '2017-02-21', end: '2017-02-28' });
    expect(value(day, '2016年2月下旬')).toEqual({ start: '2016-02-21', end: '2016-02-29' });
  });

  it('in a form: 填报日期 “5月下旬” is one warning at its cell', () => {
    const problems = problemsOf('festival-stats', { unit: '某区总工会', fillDate: '5月下旬', workers: 1200 });
    expect(problems).toEqual([expect.objectContaining({ key: 'fillDate', severity: 'warning', code: 'date.tenDays' })]);
  });

  it.each(['5月末旬', '13月上旬', '5上旬', '上旬', '2017年5月上中旬'])('%p is no period', (raw) => expect(codeOf(day, raw)).toBe('date'));

  it('with no year written, the form’s year is needed', () => {
    expect(checkField(day, '5月上旬', { year: undefined }).status).toBe('invalid');
  });

  const range = field({ type: 'date', range: true });
  it('where a period is asked: the period, without a warning, alone or as an end of a range', () => {
    expect(checkField(range, '5月下旬', ctx)).toEqual({
      status: 'ok',
      reading: { value: { start: '2017-05-21', end: '2017-05-31' }, warnings: [] },
    });
    expect(value(range, '5月下旬至6月上旬')).toEqual({ start: '2017-05-21', end: '2017-06-10' });
    expect(value(range, '2017年5月22日-6月上旬')).toEqual({ start: '2017-05-22', end: '2017-06-10' });
    expect(codeOf(range, '6月下旬至5月上旬')).toBe('date.rangeOrder');
  });

  const month = field({ type: 'date', range: false, monthAllowed: true } as Partial<Field> & { type: 'date' });
  it('where a month is asked: its month when the year is written', () => {
    expect(checkField(month, '2016年9月上旬', ctx)).toEqual({ status: 'ok', reading: { value: '2016-09', warnings: [] } });
    expect(codeOf(month, '9月上旬')).toBe('date.orMonth');
  });
});

describe('“/”, “—” or 无 in a count that does not apply', () => {
  const count = field({ type: 'integer', min: 0 });
  it.each(['/', '／', '—', '——', '-', '－', '–', '\\', '无', '没有', '不适用', ' / '])('%p reads as blank', (raw) =>
    expect(checkField(count, raw, ctx)).toEqual({ status: 'blank', notApplicable: expect.any(String) }),
  );
  it('0 is a count, and other words are still wrong', () => {
    expect(value(count, '0')).toBe(0);
    expect(value(count, 0)).toBe(0);
    for (const raw of ['/5', '无数', '-5', '未开展']) expect(checkField(count, raw, ctx).status).toBe('invalid');
  });
  it('marks are a count’s only: a text field keeps them', () => {
    expect(value(field({ type: 'text' }), '/')).toBe('/');
  });

  const stats = (values: Record<string, CellValue>) =>
    problemsOf('festival-stats', { unit: '某区总工会', fillDate: '5月31日', workers: 1200, ...values });
  it('with 否, 无 or nothing in the 是 column: no problem', () => {
    expect(stats({ forum: '否', forumCount: '/', lectures: '无', lecturesCount: '—', essays: null, essaysCount: '无' })).toEqual([]);
  });
  it('with 是: an error at the count, whatever the item asks', () => {
    const problems = stats({ forum: '是', forumCount: '/', suggestions: '是', suggestionsCount: '——' });
    expect(problems.map((p) => [p.key, p.severity, p.code])).toEqual([
      ['forumCount', 'error', 'rule.flagAndCount.countNotApplicable'],
      ['suggestionsCount', 'error', 'rule.flagAndCount.countNotApplicable'],
    ]);
    expect(problems[0]?.message).toBe(
      '“举行职工创新座谈会、创新论坛、研讨会”已填“是”，举行职工创新座谈会、创新论坛、研讨会（数量）却填了“/”：请填写举行职工创新座谈会、创新论坛、研讨会（数量），或将“举行职工创新座谈会、创新论坛、研讨会”改填“否”。',
    );
  });
  it('with 是 and a count, or 否 and a number, as before', () => {
    expect(stats({ forum: '是', forumCount: 0 })).toEqual([]);
    expect(stats({ forum: '否', forumCount: 3 }).map((p) => p.code)).toEqual(['rule.flagAndCount.countWithoutFlag']);
  });

  it('the application’s patents: 无 and “/” together are fine, 有 and “/” is an error', () => {
    const application = (changes: Record<string, CellValue>) => problemsOf('studio-application', { ...goodApplication(), ...changes });
    expect(application({ patentInvention: '无', patentInventionCount: '/' })).toEqual([]);
    expect(application({ patentInvention: '有', patentInventionCount: '/' })).toEqual([
      expect.objectContaining({ key: 'patentInventionCount', severity: 'error', code: 'rule.flagAndCount.countNotApplicable' }),
    ]);
  });

  it('a required count with “/” is still missing', () => {
    const project = {
      unit: '某区总工会',
      projectName: '职工创新成果展',
      host: '某区总工会',
      time: '2017-5-25',
      place: '区职工之家',
      audience: '全区职工',
      contactName: '潘雁',
      contactPhone: '55885659',
      summary: '展示职工创新成果。',
      fillDate: '5月8日',
    };
    expect(problemsOf('festival-project', { ...project, participants: 300 })).toEqual([]);
    expect(problemsOf('festival-project', { ...project, participants: '/' })).toEqual([
      expect.objectContaining({ key: 'participants', severity: 'error', code: 'required' }),
    ]);
  });

  it('the merge takes it as blank: no error, nothing added', () => {
    const values = {
      unit: '某区总工会',
      fillDate: '5月31日',
      workers: 1200,
      forum: '否',
      forumCount: '/',
      lectures: '是',
      lecturesCount: 4,
    };
    const result = mergeReturns(
      [{ file: '某区.xlsx', modified: 1, sheets: [{ name: '统计表', grid: filledGrid('festival-stats', values), nameValues: [] }] }],
      {
        today: TODAY,
        catalogue: CATALOGUE,
      },
    );
    const issues = result.inputs.flatMap((i) => i.sheets.flatMap((s) => s.issues));
    expect(issues.filter((p) => p.severity !== 'info')).toEqual([]);
    const record = result.forms.find((f) => f.form.id === 'festival-stats')?.sheetRecords[0];
    expect(record?.values.forumCount).toBeNull();
    expect(record?.values.lecturesCount).toBe(4);
    // The summary: the item's 数量 adds nothing and is not listed as a cell left out of 合计.
    const summary = summaryTables(result, CATALOGUE).find((t) => t.formId === 'festival-stats' && t.totals !== undefined);
    const forum = summary?.header.findIndex((h, i) => h === '数量' && summary.header[i - 1] === '是' && summary.rows[0]?.[i - 1] === '否');
    expect(forum).toBeGreaterThan(0);
    expect(summary?.rows[0]?.[forum ?? 0]).toBeNull();
    expect(summary?.totals?.[forum ?? 0]).toBe(0);
    expect(reportTable(result, CATALOGUE).rows.flat().join('')).not.toMatch(/不是数字|未计入合计/);
  });
});

describe('phone numbers by China’s numbering plan', () => {
  const phone = field({ type: 'phone' });
  it.each<[string, string]>([
    ['021-65181234', '02165181234'],
    ['010-62345678', '01062345678'],
    ['022-23456789', '02223456789'],
    ['023-63456789', '02363456789'],
    ['0571-8765432', '05718765432'],
    ['0571-87654321', '057187654321'],
    ['(0755)87654321', '075587654321'],
    ['0571-8765432-1', '05718765432-1'],
    ['021-55885659-123', '02155885659-123'],
    ['021-55885659转123', '02155885659-123'],
    ['55885659 ext 12', '55885659-12'],
    ['55885659分机8', '55885659-8'],
    ['86123456', '86123456'],
    ['+86 21 55885659', '2155885659'],
    ['0086 13812345678', '13812345678'],
    ['400-820-8820', '4008208820'],
    ['800 820 8820', '8008208820'],
    ['13812345678', '13812345678'],
    ['021-55885659、13812345678', '02155885659、13812345678'],
  ])('%p is %p', (raw, normal) => expect(value(phone, raw)).toBe(normal));

  it('021 and 7 digits: an error that says the length', () => {
    const r = checkField(phone, '021-6518123', ctx);
    expect(r).toEqual(
      expect.objectContaining({
        status: 'invalid',
        code: 'phone.areaLength',
        params: { part: '', area: '021', count: 7, min: 8, max: 8 },
        message: '电话号码有误：区号021后的号码应为8位，现为7位。',
      }),
    );
    expect(problemMessage('phone.areaLength', { part: '', area: '021', count: 7, min: 8, max: 8 }, 'en-US')).toBe(
      'wrong phone number: after the area code 021 come 8 digits; here there are 7.',
    );
    expect(codeOf(phone, '0216518123')).toBe('phone.areaLength');
    expect(codeOf(phone, '(021)6518123')).toBe('phone.areaLength');
    expect(codeOf(phone, '010-6234567')).toBe('phone.areaLength');
    expect(codeOf(phone, '021-655881234')).toBe('phone.areaLength');
  });

  it('a 4-digit area code and 6 or 9 digits; in a list, the wrong one is named', () => {
    const r = checkField(phone, '0571-876543', ctx);
    expect(r).toEqual(expect.objectContaining({ code: 'phone.areaLength', params: { part: '', area: '0571', count: 6, min: 7, max: 8 } }));
    expect(r.status === 'invalid' && r.message).toBe('电话号码有误：区号0571后的号码应为7或8位，现为6位。');
    const two = checkField(phone, '13812345678、021-6518123', ctx);
    expect(two.status === 'invalid' && two.message).toBe('“021-6518123”电话号码有误：区号021后的号码应为8位，现为7位。');
  });

  it('a mobile of the wrong length says so', () => {
    expect(checkField(phone, '1381234567', ctx)).toEqual(
      expect.objectContaining({
        code: 'phone.mobileLength',
        params: { part: '', count: 10 },
        message: '电话号码有误：手机号应为11位，现为10位。',
      }),
    );
    expect(codeOf(phone, '138123456789')).toBe('phone.mobileLength');
  });

  it.each(['5588', '021-12345678', '0311-1234567', '0111234567', '12345678901', '4008208', '13812345678-12', 'abc'])(
    '%p is refused with the general reason',
    (raw) => expect(codeOf(phone, raw)).toBe('phone.format'),
  );
});
