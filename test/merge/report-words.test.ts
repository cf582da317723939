import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { reportTable } from '../../src/core/merge/summaries';
import { CATALOGUE } from '../../src/notices';
import { filledGrid } from '../support/filled-form';
import { volunteerReturn } from '../support/volunteer-return';

/**
 * 合并报告 in the clerk's words (issue 14 §3): form titles, not ids; file names, not the folders she picked (unless two
 * files share a name); how each sheet was recognised in plain words; one sentence per verdict; each problem listed.
 */
const TODAY = '2026-11-29';
const sheet = (values: ReturnType<typeof volunteerReturn>) => ({
  name: '志愿者服务队登记表',
  grid: filledGrid('yangpu-volunteer-team', values),
  nameValues: [],
});
const FILES: ReturnFile[] = [
  { file: 'D:/收件/殷行/报表.xlsx', modified: 1, sheets: [sheet(volunteerReturn('殷行街道总工会', '殷行志愿队'))] },
  { file: 'D:/收件/大桥/报表.xlsx', modified: 2, sheets: [sheet(volunteerReturn('大桥街道总工会', '大桥志愿队', 0))] },
  { file: 'D:/收件/平凉路志愿者.xlsx', modified: 3, sheets: [sheet(volunteerReturn('平凉路街道总工会', '平凉志愿队'))] },
  { file: 'D:/收件/平凉路志愿者（更正）.xlsx', modified: 4, sheets: [sheet(volunteerReturn('平凉路街道总工会', '平凉志愿队', 15))] },
];

const table = reportTable(mergeReturns(FILES, { today: TODAY, catalogue: CATALOGUE }), CATALOGUE);
const column = (header: string) => table.rows.map((r) => r[table.header.indexOf(header)]);

it('names forms by their titles, never by their ids', () => {
  expect(column('表格').filter(Boolean)).toContain('志愿者服务队登记表');
  expect(JSON.stringify(table.rows)).not.toContain('yangpu-volunteer-team');
});

it('names files without the clerk’s folders, keeping the district folder where two files share a name', () => {
  expect(new Set(column('文件'))).toEqual(new Set(['殷行/报表.xlsx', '大桥/报表.xlsx', '平凉路志愿者.xlsx', '平凉路志愿者（更正）.xlsx']));
  expect(JSON.stringify(table.rows)).not.toContain('D:/收件');
});

it('says how each sheet was recognised in plain words', () => {
  expect(new Set(column('识别方式').filter(Boolean))).toEqual(new Set(['按表格标记']));
  expect(JSON.stringify(table.rows)).not.toMatch(/"标记"|marker/);
});

it('says a retyped sheet was recognised by its title and labels once, in its own column, not again in 说明', () => {
  const grid = filledGrid('yangpu-volunteer-team', volunteerReturn('长白新村街道总工会', '长白志愿队'));
  // retyped by hand: no marker cell (the form's marker sits right of the form, typed by no one)
  const retyped = grid.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('UNIONFORMS|') ? null : v)));
  const merged = mergeReturns([{ file: '长白.xlsx', modified: 1, sheets: [{ name: 'Sheet1', grid: retyped, nameValues: [] }] }], {
    today: TODAY,
    catalogue: CATALOGUE,
  });
  const report = reportTable(merged, CATALOGUE);
  const row = report.rows.find((r) => r[0] === '长白.xlsx') as unknown[];
  expect(row[report.header.indexOf('识别方式')]).toMatch(/^按标题和栏目识别（吻合 \d+%）$/);
  expect(row[report.header.indexOf('说明')]).toBe('已合并 1 条记录，没有发现问题。');
});

it('gives each sheet one sentence, then its problems and the changes of a later return', () => {
  const rowsOf = (file: string) => table.rows.filter((r) => r[0] === file);
  expect(rowsOf('殷行/报表.xlsx').map((r) => r[5])).toEqual(['已合并 1 条记录，没有发现问题。']);
  const bridge = rowsOf('大桥/报表.xlsx');
  expect(bridge[0]![5]).toMatch(/^已合并 1 条记录，有 1 个问题（见下）。$/);
  expect(bridge.slice(1).map((r) => r[4])).toEqual(['错误']);
  expect(bridge[1]![5]).toMatch(/^[A-Z]+\d+ 服务队人数：/);
  const replaced = rowsOf('平凉路志愿者.xlsx');
  expect(replaced[0]![5]).toBe('已被“平凉路志愿者（更正）.xlsx”中同一单位较新的一份代替，未计入汇总；较新的一份改动了 1 项（见下）。');
  expect(replaced[1]!.slice(4, 6)).toEqual(['改动', '第1行 服务队人数：“12”改为“15”（平凉路志愿者（更正）.xlsx）']);
  expect(rowsOf('平凉路志愿者（更正）.xlsx')[0]![5]).toBe(
    '已合并 1 条记录，没有发现问题。代替了较早的文件“平凉路志愿者.xlsx”中工作表“志愿者服务队登记表”的同一份表格。',
  );
});
