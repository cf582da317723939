import { parseRoster, unitKey } from '../../src/core/merge/roster';

describe('unitKey: unit names as they are matched to the roster', () => {
  it('"上海市黄浦区 总工会" and "黄浦区总工会" are the same unit', () => {
    expect(unitKey('上海市黄浦区 总工会')).toBe(unitKey('黄浦区总工会'));
  });

  it.each<[string, string]>([
    ['上海黄浦区总工会', '黄浦区总工会'],
    ['上海市\u3000黄浦区总工会', '黄浦区总工会'],
    [' 黄浦区\n总工会 ', '黄浦区总工会'],
    ['上海电气（集团）总公司工会', '上海电气(集团)总公司工会'],
    ['上海市电气(集团)总公司工会', '电气（集团）总公司工会'],
    ['ＡＢＣ科技有限公司工会', 'abc科技有限公司工会'],
    ['杨浦区第１中学工会', '杨浦区第1中学工会'],
  ])('%p matches %p', (a, b) => expect(unitKey(a)).toBe(unitKey(b)));

  it('keeps different units apart', () => {
    expect(unitKey('黄浦区总工会')).not.toBe(unitKey('徐汇区总工会'));
    expect(unitKey('黄浦区总工会')).not.toBe(unitKey('黄浦区卫生系统工会'));
    expect(unitKey('浦东新区总工会')).not.toBe(unitKey('上海浦东新区某公司工会'));
  });

  it('drops 上海 only at the beginning', () => {
    expect(unitKey('上海市黄浦区总工会')).toBe('黄浦区总工会');
    expect(unitKey('黄浦区上海路街道工会')).toBe('黄浦区上海路街道工会');
  });

  it('the roster keeps one entry per key', () => {
    expect(parseRoster('黄浦区总工会\n上海市黄浦区 总工会\n徐汇区总工会（筹）\n徐汇区总工会(筹)')).toEqual([
      '黄浦区总工会',
      '徐汇区总工会（筹）',
    ]);
  });
});
