/**
 * Issue 19 §1–§3 on small cases: what a clerk types that is not a record (合计 rows, hidden sheets), where a return's
 * parts are (续表, a blank 单位 told from the file), and resends (renamed in a correction, near names, another 届次).
 * The grids are the forms' own labels with values typed by field; test/clerk-sim makes the same deviations in real
 * files through another writer.
 */
import type { CellValue } from '../../src/core/cell-value';
import { fileVerdict } from '../../src/core/check-sheets';
import { collectionStatus } from '../../src/core/collect/collection-status';
import { reminderText } from '../../src/core/collect/reminder';
import { mergeReturns, type MergeResult, type ReturnFile } from '../../src/core/merge/merge-returns';
import { summaryTables, reportTable } from '../../src/core/merge/summaries';
import { nameLikeness, resendRank } from '../../src/core/merge/resends';
import { unitFromFileName } from '../../src/core/merge/file-sheets';
import { planSheet } from '../../src/core/layout';
import { recogniseSheet } from '../../src/core/merge/recognise';
import { readSheet } from '../../src/core/read/read-sheet';
import { CATALOGUE, getForm } from '../../src/notices';
import { filledGrid, goodApplication, TODAY } from '../support/filled-form';
import { themeReturn } from '../support/theme-return';

const ROSTER = ['杨浦区延吉新村街道总工会', '杨浦区殷行街道总工会', '杨浦区大桥街道总工会'];

function projectValues(unit: string, name: string, over: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    unit,
    fillDate: '5月3日',
    projectName: name,
    host: unit,
    time: '2017-5-22',
    place: '区工人文化宫',
    audience: '全区职工',
    participants: 300,
    contactName: '王敏',
    contactPhone: '65430000',
    summary: `${name}：组织职工开展活动。`,
    ...over,
  };
}

const sheet = (name: string, grid: CellValue[][], hidden?: boolean) => ({ name, grid, nameValues: [], ...(hidden ? { hidden } : {}) });
const file = (name: string, sheets: ReturnType<typeof sheet>[], modified = 1): ReturnFile => ({ file: name, modified, sheets });
const merge = (files: ReturnFile[]): MergeResult => mergeReturns(files, { today: TODAY, roster: ROSTER, catalogue: CATALOGUE });
const rowsOf = (result: MergeResult, form: string) => result.forms.find((f) => f.form.id === form)?.rowRecords ?? [];
const sheetsOf = (result: MergeResult, form: string) => result.forms.find((f) => f.form.id === form)?.sheetRecords ?? [];
const issuesOf = (result: MergeResult) => result.inputs.flatMap((i) => i.sheets.flatMap((s) => s.issues));

describe('a clerk’s own 合计 row', () => {
  it('is never a record; a stated total that differs from the rows is a warning at its cell', () => {
    const values = themeReturn('杨浦区殷行街道总工会', [
      ['职工读书会', 500],
      ['劳模宣讲', 600],
    ]);
    Object.assign(values, { 'activities[2].name': '合计', 'activities[2].participants': 1160 });
    const result = merge([file('殷行.xlsx', [sheet('主题活动', filledGrid('yangpu-theme-activity', values))])]);
    const rows = rowsOf(result, 'yangpu-theme-activity');
    expect(rows.map((r) => r.typed.name)).toEqual(['职工读书会', '劳模宣讲']);
    const warning = issuesOf(result).find((p) => p.code === 'read.statedTotal');
    expect(warning).toMatchObject({ severity: 'warning', params: { stated: 1160, sum: 1100 } });
    expect(warning?.message).toContain('本单位自填合计 1160，明细之和 1100');
    // Neither 必填 errors for the row's blank cells nor any error at all.
    expect(issuesOf(result).filter((p) => p.severity === 'error')).toEqual([]);
    const summary = summaryTables(result, CATALOGUE).find((t) => t.formId === 'yangpu-theme-activity');
    const column = summary?.header.indexOf('参与人数') ?? -1;
    expect(summary?.totals?.[column]).toBe(1100);
  });

  it('stays silent when the stated total is right, and reads "合计：5人" in a name column as a count of rows', () => {
    const right = themeReturn('杨浦区殷行街道总工会', [
      ['职工读书会', 500],
      ['劳模宣讲', 600],
    ]);
    Object.assign(right, { 'activities[2].seq': '小 计', 'activities[2].participants': '1,100' });
    const application = goodApplication();
    application['members[4].name'] = '合计：5人';
    const result = merge([
      file('殷行.xlsx', [sheet('主题活动', filledGrid('yangpu-theme-activity', right))]),
      file('申请.xlsx', [sheet('申请表', filledGrid('studio-application', application))]),
    ]);
    expect(rowsOf(result, 'yangpu-theme-activity')).toHaveLength(2);
    expect(rowsOf(result, 'studio-application').map((r) => r.typed.name)).toEqual(['李四', '王五', '赵六', '钱七']);
    const stated = issuesOf(result).filter((p) => p.code === 'read.statedTotal');
    expect(stated).toHaveLength(1);
    expect(stated[0]).toMatchObject({ params: { stated: 5, sum: 4 } });
  });

  it('does not take a project that starts with 总计 for a total', () => {
    const values = themeReturn('杨浦区殷行街道总工会', [['总计划编制培训', 40]]);
    const result = merge([file('殷行.xlsx', [sheet('主题活动', filledGrid('yangpu-theme-activity', values))])]);
    expect(rowsOf(result, 'yangpu-theme-activity').map((r) => r.typed.name)).toEqual(['总计划编制培训']);
  });
});

describe('a district’s own 汇总 sheet', () => {
  it('quoting a form’s labels as column headings is not taken for a return of it', () => {
    const labels = planSheet(getForm('festival-stats'))
      .cells.filter((c) => c.role === 'label' && typeof c.value === 'string')
      .map((c) => c.value as string);
    const grid: CellValue[][] = [['长宁区新泾镇汇总表'], ['序号', '单位', ...labels], [1, '长宁区新泾镇总工会', ...labels.map(() => '是')]];
    const read = readSheet({ name: '区汇总', grid, nameValues: [] }, TODAY, CATALOGUE);
    expect(read).toEqual({ ok: false, reason: expect.stringContaining('像是自制的汇总表') });
  });

  it('listing a list form’s rows under a 单位 column, several units down it, is not a return either', () => {
    // made from a copy of the form's sheet (its marker name kept), retyped as a table of the district's units
    const plan = planSheet(getForm('yangpu-theme-activity'));
    const columns = plan.slots.filter((s) => s.tableId !== undefined && s.index === 0).map((s) => s.field.label);
    const row = (n: number, unit: string) => [
      n,
      unit,
      ...columns.slice(1).map((label) => (label === '参与人数' ? 40 + n : `${label}${n}`)),
    ];
    const grid: CellValue[][] = [
      ['宝山区卫生系统汇总表'],
      [columns[0] as string, '单位', ...columns.slice(1)],
      row(1, '宝山区卫生系统工会'),
      row(2, '上海某医院工会'),
      ['合计', '2个单位'],
    ];
    const read = readSheet({ name: '汇总', grid, nameValues: [plan.marker.text] }, TODAY, CATALOGUE);
    expect(read).toEqual({ ok: false, reason: expect.stringContaining('像是自制的汇总表') });
  });
});

describe('list columns swapped', () => {
  it('are read by their headings even where the headings differ only by words beside numbers (50字内, 100字内)', () => {
    const plan = planSheet(getForm('yangpu-volunteer-team'));
    const at = (id: string) => plan.slots.find((s) => s.key === `teams[0].${id}`) as { row: number; col: number };
    const values = {
      unit: '杨浦区殷行街道总工会',
      contact: '李华',
      contactPhone: '65430000',
      fillDate: '2018-6-10',
      'teams[0].seq': 1,
      'teams[0].name': '殷行街道职工志愿服务队',
      'teams[0].leader': '王强 队长',
      'teams[0].size': 12,
      'teams[0].formedOn': '2017-3-1',
      'teams[0].service': '开展文明宣传志愿服务。',
      'teams[0].results': '累计服务职工392人次。',
    };
    const grid = filledGrid('yangpu-volunteer-team', values);
    const [service, results] = [at('service'), at('results')];
    for (const row of [service.row - 1, service.row]) {
      const line = grid[row] as CellValue[];
      [line[service.col], line[results.col]] = [line[results.col] ?? null, line[service.col] ?? null];
    }
    const rows = rowsOf(merge([file('殷行.xlsx', [sheet('登记表', grid)])]), 'yangpu-volunteer-team');
    expect(rows.map((r) => [r.typed.service, r.typed.results])).toEqual([['开展文明宣传志愿服务。', '累计服务职工392人次。']]);
  });
});

describe('the marker', () => {
  it('is found a few rows down, where rows a clerk inserted above the form (or a .csv) put it', () => {
    const grid = filledGrid('yangpu-volunteer-team', { unit: '杨浦区殷行街道总工会' }, { params: { year: 2017 } });
    grid.unshift([null], ['长宁区报送']);
    expect(recogniseSheet({ name: 'Sheet1', grid, nameValues: [] }, CATALOGUE)).toMatchObject({
      ok: true,
      recognition: { method: 'marker', params: { year: '2017' } },
    });
  });
});

describe('a hidden sheet', () => {
  it('never replaces the visible one: it is reported, not summed', () => {
    const thisYear = themeReturn('杨浦区殷行街道总工会', [['职工读书会', 500]]);
    const lastYear = themeReturn('杨浦区殷行街道总工会', [['去年的活动', 80]]);
    const result = merge([
      file('殷行.xlsx', [
        sheet('2018年', filledGrid('yangpu-theme-activity', thisYear)),
        sheet('2017年', filledGrid('yangpu-theme-activity', lastYear), true),
      ]),
    ]);
    expect(rowsOf(result, 'yangpu-theme-activity').map((r) => r.typed.name)).toEqual(['职工读书会']);
    const hidden = result.inputs[0]?.sheets.find((s) => s.sheet === '2017年');
    expect(hidden).toMatchObject({ used: false, hidden: true });
    expect(hidden?.message).toContain('隐藏的工作表《2017年》未汇总');
  });
});

describe('where a return’s parts are', () => {
  it('a 续表 takes the unit and contacts of the main sheet, without 必填 errors for fields printed once', () => {
    const main = themeReturn('杨浦区殷行街道总工会', [
      ['职工读书会', 500],
      ['劳模宣讲', 600],
    ]);
    const continued = themeReturn('', [
      ['技能比武', 70],
      ['安全知识竞赛', 90],
    ]);
    for (const key of ['contact', 'contactPhone', 'fillDate']) delete continued[key];
    const result = merge([
      file('殷行.xlsx', [
        sheet('主题活动', filledGrid('yangpu-theme-activity', main)),
        sheet('续表', filledGrid('yangpu-theme-activity', continued)),
      ]),
    ]);
    const rows = rowsOf(result, 'yangpu-theme-activity');
    expect(rows.map((r) => [r.unit, r.typed.name, r.sheetValues?.typed.contact])).toEqual([
      ['杨浦区殷行街道总工会', '职工读书会', '张琳'],
      ['杨浦区殷行街道总工会', '劳模宣讲', '张琳'],
      ['杨浦区殷行街道总工会', '技能比武', '张琳'],
      ['杨浦区殷行街道总工会', '安全知识竞赛', '张琳'],
    ]);
    expect(issuesOf(result).filter((p) => p.severity !== 'info')).toEqual([]);
    expect(result.missing).toEqual(['杨浦区延吉新村街道总工会', '杨浦区大桥街道总工会']);
    // validate reads it the same way
    const verdict = fileVerdict(
      '殷行.xlsx',
      [sheet('主题活动', filledGrid('yangpu-theme-activity', main)), sheet('续表', filledGrid('yangpu-theme-activity', continued))],
      TODAY,
      CATALOGUE,
    );
    expect(verdict.sheets.flatMap((v) => v.problems).filter((p) => p.severity !== 'info')).toEqual([]);
    expect(verdict.sheets[1]?.message).toContain('续表');
  });

  it('a blank 单位 is told from the file name against the roster, and said in 合并报告', () => {
    const result = merge([
      file('returns/延吉新村街道.xlsx', [sheet('Sheet1', filledGrid('yangpu-theme-activity', themeReturn('', [['职工读书会', 50]])))]),
    ]);
    expect(rowsOf(result, 'yangpu-theme-activity').map((r) => r.unit)).toEqual(['杨浦区延吉新村街道总工会']);
    expect(result.inputs[0]?.sheets[0]?.message).toContain('按文件名“延吉新村街道.xlsx”（单位名单）认作“杨浦区延吉新村街道总工会”');
    // the blank cell is still the clerk's to fill, as a warning: the summary is right
    expect(issuesOf(result).map((p) => [p.code, p.severity])).toEqual([['unit.fromFile', 'warning']]);
    expect(result.missing).not.toContain('杨浦区延吉新村街道总工会');
  });

  it('a unit that cannot be told keeps its rows apart, per file, never in one （未填单位） bucket', () => {
    const result = merge([
      file('甲.xlsx', [sheet('Sheet1', filledGrid('yangpu-theme-activity', themeReturn('', [['职工读书会', 50]])))]),
      file('乙.xlsx', [sheet('Sheet1', filledGrid('yangpu-theme-activity', themeReturn('', [['劳模宣讲', 60]])))]),
    ]);
    expect(rowsOf(result, 'yangpu-theme-activity').map((r) => r.unit)).toEqual(['（未填单位：甲.xlsx）', '（未填单位：乙.xlsx）']);
    expect(result.inputs.map((i) => i.sheets[0]?.message)).toEqual([
      expect.stringContaining('无法判断是哪个单位'),
      expect.stringContaining('无法判断是哪个单位'),
    ]);
  });

  it('matches file names to roster units only when one unit shares the longest run of characters', () => {
    expect(unitFromFileName('延吉新村街道-修改.xlsx', ROSTER)).toBe('杨浦区延吉新村街道总工会');
    expect(unitFromFileName('殷行.xlsx', ROSTER)).toBeUndefined(); // two characters say too little
    expect(unitFromFileName('街道工会报表.xlsx', ROSTER)).toBeUndefined();
    const bund = ['虹口区北外滩街道总工会', '黄浦区外滩街道总工会'];
    expect(unitFromFileName('外滩街道报表.xlsx', bund)).toBe('黄浦区外滩街道总工会');
    expect(unitFromFileName('北外滩街道.xlsx', bund)).toBe('虹口区北外滩街道总工会');
  });
});

describe('resends', () => {
  it('a final that only put quotes round “五小” replaces the original: one project, counted once', () => {
    const result = merge([
      file('原稿.xlsx', [sheet('申报表', filledGrid('festival-project', projectValues('杨浦区殷行街道总工会', '五小竞赛展示')))], 1),
      file(
        '修改版.xlsx',
        [sheet('申报表', filledGrid('festival-project', projectValues('杨浦区殷行街道总工会', '五小竞赛展示', { participants: 320 })))],
        1,
      ),
      file(
        '最终.xlsx',
        [sheet('申报表', filledGrid('festival-project', projectValues('杨浦区殷行街道总工会', '“五小”竞赛展示', { participants: 350 })))],
        1,
      ),
    ]);
    expect(sheetsOf(result, 'festival-project').map((r) => [r.file, r.values.participants])).toEqual([['最终.xlsx', 350]]);
  });

  it('a correction that renamed its project replaces it; two projects with near names but other contents are both kept and asked about', () => {
    const unit = '杨浦区殷行街道总工会';
    const result = merge([
      file('殷行 申报表.xlsx', [sheet('申报表', filledGrid('festival-project', projectValues(unit, '职工创新论坛')))], 1),
      file('殷行 申报表 更正.xlsx', [sheet('申报表', filledGrid('festival-project', projectValues(unit, '职工技术创新论坛')))], 2),
      file(
        '开幕式.xlsx',
        [
          sheet(
            '申报表',
            filledGrid(
              'festival-project',
              projectValues(unit, '第七届职工科技节开幕式', {
                time: '2017-5-22',
                place: '区文化宫',
                participants: 800,
                audience: '全区职工代表',
              }),
            ),
          ),
        ],
        3,
      ),
      file(
        '闭幕式.xlsx',
        [
          sheet(
            '申报表',
            filledGrid(
              'festival-project',
              projectValues(unit, '第七届职工科技节闭幕式', {
                time: '2017-6-2',
                place: '区体育馆',
                participants: 500,
                audience: '获奖职工',
                contactName: '李青',
                contactPhone: '65439999',
                summary: '颁奖。',
              }),
            ),
          ),
        ],
        4,
      ),
    ]);
    expect(sheetsOf(result, 'festival-project').map((r) => r.typed.projectName)).toEqual([
      '职工技术创新论坛',
      '第七届职工科技节开幕式',
      '第七届职工科技节闭幕式',
    ]);
    expect(result.resendDoubts).toEqual([
      expect.objectContaining({ files: ['开幕式.xlsx', '闭幕式.xlsx'], names: ['第七届职工科技节开幕式', '第七届职工科技节闭幕式'] }),
    ]);
    const table = summaryTables(result, CATALOGUE).find((t) => t.formId === 'festival-project');
    expect(table?.totals?.[0]).toBe('合计（3，含疑似重复 1 份，见合并报告）');
    expect(reportTable(result, CATALOGUE).rows.some((r) => r[4] === '疑似重复')).toBe(true);
  });

  it('ranks names in a chain, and measures names without their punctuation', () => {
    expect(['原稿.xlsx', '申报表.xlsx', '申报表 - 副本.xlsx', '申报表(修改).xlsx', '申报表v3.xlsx', '终稿.xlsx'].map(resendRank)).toEqual([
      0, 1, 1, 2, 5, 10,
    ]);
    expect(nameLikeness('“五小”竞赛', '五小竞赛')).toBe(1);
    expect(nameLikeness('职工创新成果展', '职工技能比赛')).toBeLessThan(0.5);
  });

  it('a return on last year’s form: its unit has reported (已报（届次不符）), is asked for this year’s form, never 未报送', () => {
    const current = (unit: string) =>
      sheet('申报表', filledGrid('festival-project', projectValues(unit, `${unit}的项目`), { params: { edition: 7 } }));
    const old = sheet(
      '申报表',
      filledGrid('festival-project', projectValues('杨浦区大桥街道总工会', '去年的项目'), { params: { edition: 6 } }),
    );
    const result = merge([
      file('延吉.xlsx', [current('杨浦区延吉新村街道总工会')]),
      file('殷行.xlsx', [current('杨浦区殷行街道总工会')]),
      file('大桥.xlsx', [old]),
    ]);
    expect(result.missing).toEqual([]);
    expect(result.otherEditions).toEqual([expect.objectContaining({ unit: '杨浦区大桥街道总工会', form: 'festival-project' })]);
    const status = collectionStatus(result, { roster: ROSTER, deadlineOf: () => undefined, modifiedOf: () => undefined });
    expect(status.find((u) => u.unit === '杨浦区大桥街道总工会')?.status).toBe('otherEdition');
    const text = reminderText(status, { subject: '科技节', today: TODAY }) ?? '';
    expect(text).toContain('杨浦区大桥街道总工会：报来的是《第六届');
    expect(text).toContain('请报《第七届');
    expect(text).not.toContain('尚未报送');
  });
});
