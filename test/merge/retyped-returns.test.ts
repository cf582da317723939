import type { CellValue } from '../../src/core/cell-value';
import { checkSheet } from '../../src/core/check-sheets';
import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { paramsFromTitle } from '../../src/core/merge/recognise';
import { reportTable, summaryTables } from '../../src/core/merge/summaries';
import { readForm, slotValue } from '../../src/core/read/read-form';
import { CATALOGUE, getForm } from '../../src/notices';

const TODAY = '2017-06-20';

/** A 活动项目申报表 retyped by hand, the way a district clerk does it: every value typed here, by its printed label. */
function retypedProject(options: { unit: string; project: string; blankRowUnderUnit?: boolean; phone?: string; people?: CellValue }) {
  const rows: CellValue[][] = [['附件1'], ['第七届上海职工科技节活动项目申报表'], [`申报单位：${options.unit}`, null, null, '5月8日']];
  if (options.blankRowUnderUnit) rows.push([]);
  rows.push(
    ['活动项目名称', options.project],
    ['主 办 单 位', '区总工会'],
    ['承办单位', '区职工技协'],
    ['协办单位', null],
    ['举办时间', '2017.5.25', '举办地点', '区职工活动中心'],
    ['参加对象', '辖区企业职工', '参加人数', options.people ?? 300],
    ['联系人姓名', '刘洋', '联系电话', options.phone ?? '021-63281234'],
    ['主要活动项目简介', '围绕岗位创新，组织职工开展创新成果展示。'],
    ['注：1. 一项活动项目填写一份申报表'],
  );
  return rows;
}

const file = (name: string, modified: number, sheets: { name: string; grid: CellValue[][] }[]): ReturnFile => ({
  file: name,
  modified,
  sheets: sheets.map((s) => ({ ...s, nameValues: [] })),
});

describe('reading a retyped form label by label', () => {
  it('takes every value from its own label, whatever blank row the clerk added, and the unit written after its colon', () => {
    const grid = retypedProject({ unit: '杨浦区卫生系统工会', project: '职工创新成果展', blankRowUnderUnit: true });
    const reading = readForm(getForm('festival-project'), grid, { edition: 7 });
    expect(reading.layout).toBe('labels');
    expect(slotValue(reading, 'unit')).toBe('杨浦区卫生系统工会');
    expect(slotValue(reading, 'fillDate')).toBe('5月8日');
    expect(slotValue(reading, 'projectName')).toBe('职工创新成果展');
    expect(slotValue(reading, 'host')).toBe('区总工会');
    expect(slotValue(reading, 'participants')).toBe(300);
    expect(slotValue(reading, 'contactPhone')).toBe('021-63281234');
    expect(reading.doubts).toEqual([]);
  });

  it('gives a list value merged over two rows to both rows, but not to the column beside it', () => {
    const grid: CellValue[][] = [
      ['附件2'],
      ['杨浦职工志愿者服务队登记表'],
      ['填报单位：', '五角场街道总工会'],
      [
        '序号',
        '登记服务队名称',
        '负责人姓名及职务',
        '服务队人数',
        '服务队组建时间',
        '服务内容（50字内）',
        '服务成效简介（100字内，新组队可不填）',
      ],
      [1, '法律援助队', '张三 主任', 12, '2016年9月', '法律咨询', '服务职工300人次'],
      [2, '心理关爱队', null, 8, null, '心理疏导', '服务职工120人次'],
      ['注：表格不够可另附'],
    ];
    const merges = [
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 4, bottom: 5, right: 4 },
    ];
    const reading = readForm(getForm('yangpu-volunteer-team'), grid, {}, merges);
    expect(slotValue(reading, 'teams[1].leader')).toBe('张三 主任');
    expect(slotValue(reading, 'teams[1].formedOn')).toBe('2016年9月');
    expect(slotValue(reading, 'teams[1].size')).toBe(8);
  });

  it('finds a list whose columns were put in another order', () => {
    const grid: CellValue[][] = [
      ['附件1'],
      ['“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表'],
      ['填报单位：杨浦区卫生系统工会'],
      ['序号', '活动名称', '时间安排', '活动形式', '主要内容和形式（100字内）', '参与人数'],
      [1, '劳模事迹报告会', '6月下旬', '宣讲报告', '邀请全国劳模作事迹报告。', 300],
      ['注：表格不够可另附，电子版请从区总工会网站公告栏下载。'],
    ];
    const reading = readForm(getForm('yangpu-theme-activity'), grid);
    expect(slotValue(reading, 'activities[0].schedule')).toBe('6月下旬');
    expect(slotValue(reading, 'activities[0].form')).toBe('宣讲报告');
    expect(slotValue(reading, 'activities[0].participants')).toBe(300);
  });
});

describe('届次 and 年份 from the title only', () => {
  it('reads 第六届 from a retyped title, and never a year from an answer', () => {
    const form = getForm('festival-project');
    expect(paramsFromTitle([['第六届上海职工科技节活动项目申报表'], ['主要活动项目简介', '2016年度工作总结']], form)).toEqual({
      edition: 6,
    });
    expect(paramsFromTitle([['活动项目名称', '2016年度第三届职工运动会']], form)).toEqual({});
  });
});

describe('merging retyped returns', () => {
  it('keeps two projects of one unit, from two files and from two sheets of one file', () => {
    const result = mergeReturns(
      [
        file('黄浦-1.xlsx', 1, [{ name: '申报表', grid: retypedProject({ unit: '黄浦区总工会', project: '创新成果展' }) }]),
        file('黄浦-2.xlsx', 2, [{ name: '申报表', grid: retypedProject({ unit: '黄浦区总工会', project: '技能比武' }) }]),
        file('徐汇.xlsx', 3, [
          { name: '项目一', grid: retypedProject({ unit: '徐汇区总工会', project: '职工讲堂' }) },
          { name: '项目二', grid: retypedProject({ unit: '徐汇区总工会', project: '金点子征集' }) },
        ]),
      ],
      { catalogue: CATALOGUE, today: TODAY },
    );
    const projects = result.forms[0]?.sheetRecords.map((r) => `${r.unit}:${String(r.values.projectName)}`);
    expect(projects).toEqual(['黄浦区总工会:创新成果展', '黄浦区总工会:技能比武', '徐汇区总工会:职工讲堂', '徐汇区总工会:金点子征集']);
    expect(result.inputs.every((i) => i.status === 'merged')).toBe(true);
  });

  it('replaces the same project sent again, and says what changed, field by field', () => {
    const result = mergeReturns(
      [
        file('黄浦.xlsx', 1, [{ name: '申报表', grid: retypedProject({ unit: '黄浦区总工会', project: '创新成果展', people: 300 }) }]),
        file('黄浦-更正.xlsx', 2, [{ name: '申报表', grid: retypedProject({ unit: '黄浦区总工会', project: '创新成果展', people: 350 }) }]),
      ],
      { catalogue: CATALOGUE, today: TODAY },
    );
    const older = result.inputs[0]?.sheets[0];
    expect(older?.replaced).toBe(true);
    expect(older?.replacedBy).toEqual({
      file: '黄浦-更正.xlsx',
      sheet: '申报表',
      changes: [{ field: 'participants', label: '参加人数', old: '300', new: '350' }],
    });
    expect(result.forms[0]?.sheetRecords.map((r) => r.values.participants)).toEqual([350]);
    const report = reportTable(result, CATALOGUE);
    // 合并报告: 文件, 工作表, 表格, 单位, 结果, 说明…
    expect(report.rows.some((r) => r[4] === '改动' && String(r[5]).includes('“300”改为“350”'))).toBe(true);
  });

  it('writes text as typed, and a total that names what it could not add', () => {
    const result = mergeReturns(
      [
        file('a.xlsx', 1, [
          { name: '申报表', grid: retypedProject({ unit: '黄浦区总工会', project: '甲', phone: '021-55885659 13912345678' }) },
        ]),
        file('b.xlsx', 2, [{ name: '申报表', grid: retypedProject({ unit: '徐汇区总工会', project: '乙', people: '约300' }) }]),
      ],
      { catalogue: CATALOGUE, today: TODAY },
    );
    const [table] = summaryTables(result, CATALOGUE);
    const col = (label: string) => table?.header.indexOf(label) ?? -1;
    expect(table?.rows.map((r) => r[col('联系电话')])).toEqual(['021-55885659 13912345678', '021-63281234']);
    expect(table?.rows.map((r) => r[col('参加人数')])).toEqual([300, '约300']);
    expect(table?.totals?.[col('参加人数')]).toBe('300（另有1格不是数字，未计入，见合并报告）');
    expect(table?.rows[0]?.[col('举办时间')]).toEqual(new Date('2017-05-25T00:00:00Z'));
    const report = reportTable(result, CATALOGUE);
    expect(report.rows.filter((r) => r[4] === '未计入合计').map((r) => r[5])).toEqual([
      '活动项目概览“参加人数”D9填的是“约300”，不是数字，未计入合计。',
    ]);
    const problems = result.inputs[1]?.sheets[0]?.issues.map((p) => `${p.cell} ${p.message}`);
    expect(problems).toEqual([expect.stringMatching(/^D9 请填写确数/)]);
  });
});

describe('validate and merge see the same forms and the same problems', () => {
  it('for a retyped form without a marker, with mistakes', () => {
    const grid = retypedProject({ unit: '徐汇区总工会', project: '乙', people: '十二人', phone: '6328', blankRowUnderUnit: true });
    const sheet = { name: '申报表', grid, nameValues: [] };
    const verdict = checkSheet(sheet, TODAY, CATALOGUE);
    const merged = mergeReturns([file('b.xlsx', 1, [{ name: '申报表', grid }])], { catalogue: CATALOGUE, today: TODAY }).inputs[0]
      ?.sheets[0];
    expect(verdict.form).toBe('festival-project');
    expect(verdict.problems.map((p) => p.cell).sort()).toEqual(['D10', 'D11']);
    expect(verdict.problems).toEqual(merged?.issues);
  });
});
