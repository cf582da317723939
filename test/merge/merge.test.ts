import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CellValue } from '../../src/core/cell-value';
import { planSheet } from '../../src/core/layout';
import { mergeReturns, type ReturnFile } from '../../src/core/merge/merge-returns';
import { recogniseSheet } from '../../src/core/merge/recognise';
import { summaryTables } from '../../src/core/merge/summaries';
import { CATALOGUE, getForm } from '../../src/notices';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { filledFile } from '../support/filled-file';
import { filledGrid, goodApplication } from '../support/filled-form';
import { themeReturn } from '../support/theme-return';

const TODAY = '2026-11-21';

/** A form typed again by hand in a new workbook: the same labels, a row lower, no marker. */
async function retyped(formId: string, values: Record<string, CellValue>): Promise<Uint8Array> {
  const grid = filledGrid(formId, values);
  const plan = planSheet(getForm(formId));
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Sheet1');
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (c > plan.area.right || v === null || v === undefined) return;
      ws.getCell(r + 2, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function asReturn(file: string, data: Uint8Array, modified: number): Promise<ReturnFile> {
  return { file, modified, sheets: readWorkbookFile(data) };
}

describe('merging returns', () => {
  let returns: ReturnFile[];
  beforeAll(async () => {
    returns = [
      await asReturn(
        '殷行街道.xlsx',
        await filledFile(
          'yangpu-theme-activity',
          themeReturn('殷行街道总工会', [
            ['劳模进社区', 120],
            ['技能比武', 80],
          ]),
        ),
        1,
      ),
      await asReturn(
        '五角场.xlsx',
        await filledFile('yangpu-theme-activity', themeReturn('五角场街道总工会', [['=HYPERLINK("http://x","点我")', 30]])),
        2,
      ),
      await asReturn(
        '五角场-更正.xlsx',
        await filledFile(
          'yangpu-theme-activity',
          themeReturn('五角场街道总工会', [
            ['劳模故事会', 45],
            ['职工讲堂', '二十'],
          ]),
        ),
        3,
      ),
      await asReturn('手工录入.xlsx', await retyped('yangpu-theme-activity', themeReturn('新江湾城街道总工会', [['职工运动会', 200]])), 4),
      await asReturn('说明.xlsx', await filledFile('yangpu-theme-activity', {}, {}, '说明'), 5),
      { file: '损坏.xlsx', modified: 6, unreadable: '文件已损坏，无法读取。' },
    ];
  });

  it('recognises a form retyped by hand, without a marker, by its title and labels', () => {
    const file = returns[3]!;
    if ('unreadable' in file) throw new Error('unexpected');
    const sheet = file.sheets[0]!;
    const found = recogniseSheet(sheet, CATALOGUE);
    expect(found).toMatchObject({ ok: true, recognition: { method: 'labels', version: null } });
    expect(found.ok && found.recognition.form.id).toBe('yangpu-theme-activity');
    expect(found.ok && found.recognition.confidence).toBeGreaterThan(0.9);
    expect(recogniseSheet({ name: 'x', grid: [['工作计划'], ['一、', '二、']], nameValues: [] }, CATALOGUE)).toEqual({
      ok: false,
      reason: expect.stringMatching(/不是本系统的官方表格/),
    });
  });

  it('accounts for every file and record, keeps the later of two returns from one unit, and lists the missing', () => {
    const result = mergeReturns(returns, {
      catalogue: CATALOGUE,
      today: TODAY,
      roster: ['殷行街道总工会', '五角场街道总工会', '新江湾城街道总工会', '江浦路街道总工会'],
    });
    expect(result.inputs.map((i) => [i.file, i.status])).toEqual([
      ['殷行街道.xlsx', 'merged'],
      ['五角场.xlsx', 'replaced'],
      ['五角场-更正.xlsx', 'merged-with-problems'],
      ['手工录入.xlsx', 'merged'],
      ['说明.xlsx', 'skipped'],
      ['损坏.xlsx', 'unreadable'],
    ]);
    expect(result.inputs[1]?.sheets[0]?.message).toMatch(/已被较新的文件“五角场-更正.xlsx”/);
    expect(result.inputs[4]?.sheets.map((s) => [s.sheet, s.form, s.message])).toEqual([
      ['主题活动申报表', 'yangpu-theme-activity', '跳过：表格尚未填写。'],
      ['说明', null, expect.stringMatching(/^跳过：/)],
    ]);
    expect(result.missing).toEqual(['江浦路街道总工会']);
    const rows = result.forms[0]?.rowRecords ?? [];
    expect(rows.map((r) => `${r.unit}:${String(r.values.name)}`)).toEqual([
      '殷行街道总工会:劳模进社区',
      '殷行街道总工会:技能比武',
      '五角场街道总工会:劳模故事会',
      '五角场街道总工会:职工讲堂',
      '新江湾城街道总工会:职工运动会',
    ]);
  });

  it('totals equal the sums computed here, and text that looks like a formula stays text', () => {
    const result = mergeReturns(
      returns.filter((r) => r.file !== '五角场-更正.xlsx'),
      { catalogue: CATALOGUE, today: TODAY },
    );
    const table = summaryTables(result, CATALOGUE).find((t) => t.sheetName === '主题活动汇总');
    expect(table?.header).toEqual([
      '单位',
      '序号',
      '活动名称',
      '活动形式',
      '时间安排',
      '主要内容和形式',
      '参与人数',
      // each return's own fields, repeated on its rows
      '联系人',
      '联系电话',
      '填报日期',
      '来源文件',
      '工作表',
      '问题数',
    ]);
    expect(table?.rows.map((r) => r[6])).toEqual([120, 80, 30, 200]);
    expect(table?.totals?.[6]).toBe(120 + 80 + 30 + 200);
    expect(table?.rows[2]?.[2]).toBe('=HYPERLINK("http://x","点我")');
  });
});

describe('one unit, several applications', () => {
  it('keeps two applications of one company for different workshops, and replaces the same workshop sent again', () => {
    const second = {
      ...goodApplication(),
      studioName: '李四巾帼创新工作室',
      studioType: '巾帼工作室',
      leaderName: '李四',
      leaderSex: '女',
    };
    const again = { ...goodApplication(), specialty: '数控加工与编程' };
    const sheet = (values: Record<string, CellValue>) => [
      { name: '工作室申请表', grid: filledGrid('studio-application', values), nameValues: [] },
    ];
    const result = mergeReturns(
      [
        { file: '职工.xlsx', modified: 1, sheets: sheet(goodApplication()) },
        { file: '巾帼.xlsx', modified: 2, sheets: sheet(second) },
        { file: '职工-改.xlsx', modified: 3, sheets: sheet(again) },
      ],
      { catalogue: CATALOGUE, today: TODAY },
    );
    expect(result.inputs.map((i) => [i.file, i.status])).toEqual([
      ['职工.xlsx', 'replaced'],
      ['巾帼.xlsx', expect.stringMatching(/^merged/)],
      ['职工-改.xlsx', expect.stringMatching(/^merged/)],
    ]);
    const records = result.forms.find((f) => f.form.id === 'studio-application')?.sheetRecords ?? [];
    expect(records.map((r) => [r.values.studioName, r.values.specialty])).toEqual([
      ['李四巾帼创新工作室', '数控加工'],
      ['张三职工创新工作室', '数控加工与编程'],
    ]);
  });
});

describe('union-forms merge', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-merge-'));
    fs.mkdirSync(path.join(dir, 'returns'));
    fs.writeFileSync(
      path.join(dir, 'returns', 'a.xlsx'),
      await filledFile('yangpu-theme-activity', themeReturn('殷行街道总工会', [['劳模进社区', 120]])),
    );
    fs.writeFileSync(
      path.join(dir, 'returns', 'b.xlsx'),
      await filledFile('yangpu-theme-activity', themeReturn('五角场街道总工会', [["=cmd|' /C calc'!A0", 30]])),
    );
    fs.writeFileSync(path.join(dir, 'returns', 'c.xls'), 'not a workbook');
    fs.writeFileSync(path.join(dir, 'units.txt'), '殷行街道总工会\n五角场街道总工会\n长白新村街道总工会\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a file over the size limit from its size alone, and merges the rest', async () => {
    const big = path.join(dir, 'big', '附件太多.xlsx');
    fs.mkdirSync(path.dirname(big));
    fs.copyFileSync(path.join(dir, 'returns', 'a.xlsx'), big);
    fs.truncateSync(big, 64 * 1024 * 1024);
    const out: string[] = [];
    const code = await runCli(['merge', 'big', 'returns/a.xlsx', '-o', 'big.xlsx', '--json', 'big.json', '--today', TODAY], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      cwd: dir,
    });
    expect(code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'big.json'), 'utf8')) as { inputs: { status: string; message: string }[] };
    expect(report.inputs.map((i) => [i.status, i.message.slice(0, 26)])).toEqual([
      ['unreadable', '文件太大（64.0 MB），超过 30 MB 的上限'],
      ['merged', expect.any(String)],
    ]);
  });

  it('writes the summary workbook and the JSON report', async () => {
    const out: string[] = [];
    const code = await runCli(['merge', 'returns', '-o', '汇总.xlsx', '--roster', 'units.txt', '--json', 'report.json', '--today', TODAY], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      cwd: dir,
    });
    expect(code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.inputs.map((i: { file: string; status: string }) => `${path.basename(i.file)} ${i.status}`)).toEqual([
      'a.xlsx merged',
      'b.xlsx merged',
      'c.xls unreadable',
    ]);
    expect(report.inputs[0].sheets[0]).toMatchObject({
      sheet: '主题活动申报表',
      form: 'yangpu-theme-activity',
      unit: '殷行街道总工会',
      records: 1,
      problems: 0,
    });
    expect(report.outputs).toEqual([{ sheet: '主题活动汇总', form: 'yangpu-theme-activity', rows: 2 }]);
    expect(report.missing).toEqual(['长白新村街道总工会']);
    const book = readWorkbookFile(fs.readFileSync(path.join(dir, '汇总.xlsx')));
    expect(book.map((s) => s.name)).toEqual(['主题活动汇总', '主题活动按单位合计', '合并报告']);
    const summary = book[0]!.grid;
    expect(summary[3]?.[2]).toBe("=cmd|' /C calc'!A0");
    expect(summary[4]?.[0]).toBe('合计（2）');
    expect(summary[4]?.[6]).toBe(150);
  });
});

describe('the examples: 16 units for each form, merged in one command', () => {
  it('generates the returns and merges every one of them', async () => {
    const root = path.join(__dirname, '..', '..');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-examples-'));
    try {
      if (!fs.existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js')))
        execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'ignore' });
      execFileSync(process.execPath, [path.join(root, 'examples', 'generate-returns.js'), path.join(out, 'returns')], { stdio: 'pipe' });
      const lines: string[] = [];
      const code = await runCli(
        [
          'merge',
          'returns',
          '-o',
          path.join('result', '汇总.xlsx'),
          '--roster',
          path.join('returns', 'roster.txt'),
          '--json',
          'report.json',
        ],
        {
          out: (l) => lines.push(l),
          err: (l) => lines.push(l),
          cwd: out,
        },
      );
      expect(code).toBe(0);
      const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
      const status = (s: string) => report.inputs.filter((i: { status: string }) => i.status === s).length;
      expect(report.inputs).toHaveLength(101);
      expect([status('merged') + status('merged-with-problems'), status('replaced'), status('skipped'), status('unreadable')]).toEqual([
        95, 6, 0, 0,
      ]);
      const sheets = report.inputs.flatMap((i: { file: string; sheets: { method: string }[] }) =>
        i.sheets.map((s) => ({ file: i.file, method: s.method })),
      );
      expect(sheets.filter((s: { method: string }) => s.method === 'labels')).toHaveLength(6);
      expect(sheets.filter((s: { file: string }) => s.file.endsWith('.xls'))).toHaveLength(6);
      expect(report.missing).toEqual(['横沙乡总工会']);
      expect(report.outputs.map((o: { sheet: string; rows: number }) => o.sheet)).toEqual([
        '活动项目概览',
        '活动情况统计汇总',
        '工作室申请一览-单位',
        '工作室申请一览-名单',
        '创新工作室推荐汇总-单位',
        '创新工作室推荐汇总-名单',
        '主题活动汇总',
        '志愿者服务队汇总',
      ]);
      const records = report.inputs
        .flatMap((i: { sheets: { records: number; used: boolean }[] }) => i.sheets.filter((s) => s.used))
        .reduce((n: number, s: { records: number }) => n + s.records, 0);
      const rows = report.outputs.reduce((n: number, o: { rows: number }) => n + o.rows, 0);
      expect(rows).toBe(records);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
