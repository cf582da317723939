import type { CellValue } from '../../src/core/cell-value';
import type { Field } from '../../src/core/form-schema';
import { checkField } from '../../src/core/rules/field-rules';

const field = (f: Partial<Field> & { type: Field['type'] }): Field => ({ id: 'x', label: '测试', required: false, ...f }) as Field;
const ctx = { year: 2017 };
const value = (f: Field, raw: CellValue) => {
  const r = checkField(f, raw, ctx);
  return r.status === 'ok' ? r.reading.value : r.status;
};
const message = (f: Field, raw: CellValue) => {
  const r = checkField(f, raw, ctx);
  return r.status === 'invalid' ? r.message : undefined;
};

describe('field rules: what people really type', () => {
  const integer = field({ type: 'integer', min: 0 });
  it.each<[CellValue, number]>([
    [12, 12],
    ['12', 12],
    ['１２', 12],
    ['12人', 12],
    [' 3 个', 3],
    ['1,200', 1200],
    [0, 0],
  ])('whole number %p → %p', (raw, expected) => expect(value(integer, raw)).toBe(expected));
  it.each<[CellValue, RegExp]>([
    ['1.5', /不能有小数/],
    [2.5, /不能有小数/],
    [-1, /不能小于0/],
    ['很多', /请填写整数/],
    [true, /请填写整数/],
  ])('not a whole number ≥ 0: %p', (raw, expected) => expect(message(integer, raw)).toMatch(expected));

  const yesNo = field({ type: 'yesNo' });
  it.each<[CellValue, string]>([
    ['是', '是'],
    ['√', '是'],
    ['有', '是'],
    ['Y', '是'],
    ['否', '否'],
    ['无', '否'],
  ])('是/否 %p → %p', (raw, expected) => expect(value(yesNo, raw)).toBe(expected));
  it('是/否 refuses anything else', () => expect(message(yesNo, '也许')).toMatch(/请填写“是”或“否”/));

  const check = field({ type: 'check' });
  it('a √ box takes √, ✓, x; □ is no tick', () => {
    expect(value(check, '√')).toBe('√');
    expect(value(check, '✓')).toBe('√');
    expect(value(check, 'x')).toBe('√');
    expect(value(check, '□')).toBe('blank');
    expect(message(check, '半个')).toMatch(/勾选请填“√”/);
  });

  const type = field({ type: 'choice', options: ['工匠工作室', '技师工作室', '职工工作室', '巾帼工作室'], source: 'notice' });
  const skill = field({ type: 'choice', options: ['高级技师', '技师', '高级工', '中级工', '初级工', '无'], source: 'notice' });
  it('one choice from a list: exact, or unambiguous by its beginning', () => {
    expect(value(type, '巾帼工作室')).toBe('巾帼工作室');
    expect(value(type, '巾帼')).toBe('巾帼工作室');
    expect(value(type, '☑技师工作室')).toBe('技师工作室');
    expect(value(skill, '技师')).toBe('技师');
    expect(message(skill, '高级')).toMatch(/请从以下选项中选择一项：高级技师、技师/);
    expect(message(type, '工匠工作室、技师工作室')).toMatch(/只能选择一项，现填了：工匠工作室、技师工作室/);
  });

  const date = field({ type: 'date', range: false });
  it.each<[CellValue, string]>([
    [42867, '2017-05-12'],
    [new Date(Date.UTC(2017, 4, 12)), '2017-05-12'],
    ['2017-5-12', '2017-05-12'],
    ['2017/05/12', '2017-05-12'],
    ['2017.5.12', '2017-05-12'],
    ['2017年5月12日', '2017-05-12'],
    ['２０１７年５月１２日', '2017-05-12'],
    ['5月12日', '2017-05-12'],
    ['20170512', '2017-05-12'],
  ])('date %p → %p', (raw, expected) => expect(value(date, raw)).toBe(expected));
  it('date refuses what is no date', () => {
    expect(message(date, '2017-02-30')).toMatch(/请填写日期/);
    expect(message(date, '下周')).toMatch(/请填写日期/);
  });

  const range = field({ type: 'date', range: true });
  it('a date or a range of dates', () => {
    expect(value(range, '2017-5-22')).toEqual({ start: '2017-05-22', end: '2017-05-22' });
    expect(value(range, '2017-5-22至2017-6-2')).toEqual({ start: '2017-05-22', end: '2017-06-02' });
    expect(value(range, '5月22日-6月2日')).toEqual({ start: '2017-05-22', end: '2017-06-02' });
    expect(value(range, '2017-5-22-2017-6-2')).toEqual({ start: '2017-05-22', end: '2017-06-02' });
    expect(value(range, '2017.5.22~5.26')).toEqual({ start: '2017-05-22', end: '2017-05-26' });
    expect(message(range, '2017-6-2至2017-5-22')).toMatch(/开始日期晚于结束日期/);
    expect(message(range, '下周')).toMatch(/请填写日期或起止日期/);
  });

  const phone = field({ type: 'phone' });
  it.each<[CellValue, string]>([
    ['13812345678', '13812345678'],
    [13812345678, '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['021-55885659', '02155885659'],
    ['55885659', '55885659'],
    ['55885659-123', '55885659-123'],
    ['(021)55885659转123', '02155885659-123'],
    ['０２１－５５８８５６５９', '02155885659'],
    ['+86 13812345678', '13812345678'],
    // written in groups, as on a business card: the last group is not an extension
    ['138-1234-5678', '13812345678'],
    ['021-5588-5659', '02155885659'],
    ['021-55885659-12', '02155885659-12'],
  ])('phone %p → %p', (raw, expected) => expect(value(phone, raw)).toBe(expected));
  it.each<CellValue>(['12345', '1381234567', '23812345678', 'abc'])('phone refuses %p', (raw) =>
    expect(message(phone, raw)).toMatch(/电话号码有误|请填写电话号码/),
  );

  const postcode = field({ type: 'postcode' });
  it('postcodes are six digits, typed or as numbers', () => {
    expect(value(postcode, '200063')).toBe('200063');
    expect(value(postcode, 200063)).toBe('200063');
    expect(value(postcode, '２０００６３')).toBe('200063');
    expect(message(postcode, '20006')).toMatch(/6位数字/);
  });

  it('text limits count characters, not spaces', () => {
    const content = field({ type: 'longText', maxLength: 100 });
    expect(value(content, `${'字'.repeat(100)}  `)).toBe('字'.repeat(100));
    expect(value(content, `${'字'.repeat(50)} ${'字'.repeat(50)}`)).toBe(`${'字'.repeat(50)} ${'字'.repeat(50)}`);
    expect(message(content, '字'.repeat(101))).toMatch(/不超过100字，现有101字/);
  });

  it('about 800 characters warns well below or above', () => {
    const intro = field({ type: 'longText', aboutLength: 800 });
    const warnings = (n: number) => {
      const r = checkField(intro, '字'.repeat(n), ctx);
      return r.status === 'ok' ? r.reading.warnings : ['?'];
    };
    expect(warnings(800)).toEqual([]);
    expect(warnings(500)).toEqual([]);
    expect(warnings(300)).toEqual([expect.stringMatching(/要求800字左右，现只有300字/)]);
    expect(warnings(1300)).toEqual([expect.stringMatching(/现有1300字，请精简/)]);
  });

  it('an Excel error value is wrong whatever the field', () => {
    expect(message(integer, '#N/A')).toMatch(/错误值 #N\/A/);
    expect(message(field({ type: 'text' }), '#REF!')).toMatch(/错误值 #REF!/);
  });

  it('blank is blank for every type, spaces included', () => {
    for (const f of [integer, yesNo, check, type, date, range, phone, postcode]) {
      expect(checkField(f, '  ', ctx).status).toBe('blank');
      expect(checkField(f, null, ctx).status).toBe('blank');
    }
  });
});

describe('field rules that match the notices (issue 10 §4: no false alarms)', () => {
  const phone = field({ type: 'phone' });
  it.each<[CellValue, string]>([
    ['021-55885659 13912345678', '02155885659、13912345678'],
    ['65012345、13812345678', '65012345、13812345678'],
    ['65012345/13812345678', '65012345、13812345678'],
    ['65012345；13812345678', '65012345、13812345678'],
    ['65012345;13812345678', '65012345、13812345678'],
    ['65012345,13812345678', '65012345、13812345678'],
    ['65012345，13812345678', '65012345、13812345678'],
    ['65012345 或 13812345678', '65012345、13812345678'],
    ['55885659-123 13812345678', '55885659-123、13812345678'],
    ['021-55885659转123、13812345678', '02155885659-123、13812345678'],
    ['021 5588 5659  138 1234 5678', '02155885659、13812345678'],
    ['13812345678 13912345678', '13812345678、13912345678'],
  ])('two numbers in one cell %p → %p', (raw, expected) => expect(value(phone, raw)).toBe(expected));

  it('two numbers are refused when one is wrong, naming the wrong one', () => {
    expect(message(phone, '65012345、12345')).toMatch(/^“12345”电话号码有误/);
    expect(message(phone, '1381234567、65012345')).toMatch(/^“1381234567”电话号码有误/);
    expect(message(phone, '65012345 1234')).toMatch(/电话号码有误/);
    expect(message(phone, '、')).toMatch(/电话号码有误/);
  });

  const month = field({ type: 'date', range: false, monthAllowed: true } as Partial<Field> & { type: 'date' });
  it.each<[CellValue, string]>([
    ['2016年9月', '2016-09'],
    ['2016年09月', '2016-09'],
    ['２０１６年９月', '2016-09'],
    ['2016.9', '2016-09'],
    ['2016-09', '2016-09'],
    ['2016/9', '2016-09'],
    ['2016.12', '2016-12'],
    [2016.9, '2016-09'],
    [2016.12, '2016-12'],
    ['2016-9-12', '2016-09-12'],
    ['2016年9月12日', '2016-09-12'],
    [42625, '2016-09-12'],
    [new Date(Date.UTC(2016, 8, 1)), '2016-09-01'],
  ])('a date that may be a month only: %p → %p', (raw, expected) => expect(value(month, raw)).toBe(expected));

  it('a month only is still checked: a real month, with a year', () => {
    for (const raw of ['2016年13月', '2016.0', '2016', '9月', '去年', '2016-02-30']) {
      expect(message(month, raw)).toBe('请填写日期或年月，如 2016-9-12 或 2016年9月。');
    }
    expect(message(month, 2016)).toBe('请填写日期或年月，如 2016-9-12 或 2016年9月。');
  });

  it('2016.1 as a number may have been typed 2016.10: read as January, with a warning', () => {
    const r = checkField(month, 2016.1, ctx);
    expect(r).toEqual({
      status: 'ok',
      reading: { value: '2016-01', warnings: [expect.stringMatching(/按2016年1月读取；如是2016年10月，请写成“2016年10月”/)] },
    });
    expect(checkField(month, '2016.1', ctx)).toEqual({ status: 'ok', reading: { value: '2016-01', warnings: [] } });
  });

  it('a month only is not a date where the field wants a day', () => {
    const day = field({ type: 'date', range: false });
    expect(message(day, '2016年9月')).toMatch(/请填写日期，如 2017-5-12/);
    expect(message(day, '2016-09')).toMatch(/请填写日期/);
  });

  const count = field({ type: 'integer', min: 0 });
  it.each<CellValue>(['约300', '约 300 人', '300左右', '300人左右', '300多人', '300余人', '大约300', '近300', '300+'])(
    'an approximate count %p: 请填写确数',
    (raw) => expect(message(count, raw)).toBe('请填写确数（不要写“约”“左右”“多”）。'),
  );
  it.each<[CellValue, number]>([
    ['十二人', 12],
    ['十二个', 12],
    ['十二', 12],
    ['二十', 20],
    ['二百', 200],
    ['三百五十人', 350],
    ['一千二', 1200],
    ['一千零二', 1002],
    ['两万五', 25000],
    ['十万', 100000],
    ['壹佰贰拾', 120],
    ['1.2万', 12000],
    ['3千人', 3000],
  ])('Chinese numerals %p: 请用阿拉伯数字, with the number meant (%p)', (raw, n) =>
    expect(message(count, raw)).toBe(`请用阿拉伯数字填写，如“${n}”。`),
  );
  it('approximate and in Chinese numerals says both', () => {
    expect(message(count, '约一千')).toBe('请填写确数（不要写“约”“左右”“多”），并用阿拉伯数字填写，如“1000”。');
    expect(message(count, '三百多人')).toBe('请填写确数（不要写“约”“左右”“多”），并用阿拉伯数字填写，如“300”。');
  });
  it('never the “可以带人或个” message for approximate or Chinese counts; still for other text', () => {
    for (const raw of ['约300', '十二人', '十二个', '300多', '约一千']) expect(message(count, raw)).not.toMatch(/可以带/);
    expect(message(count, '很多')).toBe('请填写整数（可以带“人”“个”等单位，如“12人”）。');
    expect(message(count, '见附件')).toBe('请填写整数（可以带“人”“个”等单位，如“12人”）。');
  });
  it('keeps 12人 and plain numbers', () => {
    expect(value(count, '12人')).toBe(12);
    expect(value(count, '12个')).toBe(12);
    expect(value(count, '300')).toBe(300);
  });
});
