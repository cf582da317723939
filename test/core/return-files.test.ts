import { isReturnFileName } from '../../src/core/merge/return-files';
import { parseRoster } from '../../src/core/merge/roster';

describe('which files are returns', () => {
  it('takes workbooks, WPS and CSV files in any case, and leaves out Excel lock files and other documents', () => {
    expect(['殷行.xlsx', 'A.XLS', 'b.xlsm', 'c.et', 'd.csv'].filter(isReturnFileName)).toHaveLength(5);
    expect(['~$殷行.xlsx', '说明.docx', '汇总.pdf', 'xlsx'].filter(isReturnFileName)).toEqual([]);
  });
});

describe('the roster as pasted', () => {
  it('one unit per line or separated by 、，, tabs; blanks and repeats (ignoring spaces) dropped, order kept', () => {
    expect(parseRoster('殷行街道工会\r\n 五角场街道工会 \n\n殷行 街道工会、长白新村街道工会，江浦路街道工会\t新江湾城街道工会')).toEqual([
      '殷行街道工会',
      '五角场街道工会',
      '长白新村街道工会',
      '江浦路街道工会',
      '新江湾城街道工会',
    ]);
  });
});
