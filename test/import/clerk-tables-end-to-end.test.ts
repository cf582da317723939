import * as XLSX from '@e965/xlsx';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { libreOfficeConvert } from '../support/libreoffice';

/**
 * Issue 21 §3 end to end: the python-docx notice's 送温暖慰问情况表 (a list under a two-level header, amounts in 万元,
 * a printed 合计 row) imported by the command line; its template filled by openpyxl by its printed labels
 * (fill_two_level.py) for two units; the 合计 computed by the template when LibreOffice opens a return; a planted
 * error found at its cell and nothing on the right return; merged with the right 合计. Values worked out by hand.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-tables-e2e-'));
const returns = path.join(dir, 'returns');
const FORM = 'notice-2026-7-1';
let written: Record<string, Record<string, string>> = {};

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out, err };
}

const row = (unit: string, poor: number, poorSum: number | string, model: number, modelSum: number) => ({
  单位名称: unit,
  '慰问困难职工/人数': poor,
  '慰问困难职工/金额（万元）': poorSum,
  '慰问劳模/人数': model,
  '慰问劳模/金额（万元）': modelSum,
});

beforeAll(async () => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_clerk_tables_docx.py'), dir]);
  const imported = await cli(['import', 'clerk-tables.docx', '-o', 'forms']);
  expect(imported).toMatchObject({ code: 0, err: [] });
  fs.mkdirSync(returns);
  const template = path.join(dir, 'forms', `${FORM}.xlsx`);
  const jobs = [
    {
      template,
      out: path.join(returns, '甲街道工会.xlsx'),
      rows: [row('甲一分会', 3, 0.15, 1, 0.2), row('甲二分会', 2, 0.1, 0, 0), row('甲三分会', 4, 0.35, 2, 0.4)],
    },
    // 约0.05: an approximate amount, the one error.
    { template, out: path.join(returns, '乙街道工会.xlsx'), rows: [row('乙一分会', 5, 0.5, 1, 0.1), row('乙二分会', 1, '约0.05', 0, 0)] },
    // A clerk's own 合计 in the list's last row: right for 人数 and for 0.1 + 0.2 万元; wrong for 劳模人数 (9, not 1)
    // and 劳模金额 (0.5, not 0.2).
    {
      template,
      out: path.join(dir, 'own-total', '丙街道工会.xlsx'),
      rows: [row('丙一分会', 2, 0.1, 1, 0.2), row('丙二分会', 3, 0.2, 0, 0), row('合计', 5, 0.3, 9, 0.5)],
    },
  ];
  fs.mkdirSync(path.join(dir, 'own-total'));
  const file = path.join(dir, 'jobs.json');
  fs.writeFileSync(file, JSON.stringify(jobs));
  written = JSON.parse(
    execFileSync('/usr/bin/python3', [path.join(__dirname, 'fill_two_level.py'), file], { encoding: 'utf8' }),
  ) as typeof written;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an imported list under a two-level header with a printed 合计', () => {
  it('validate finds the approximate amount at its cell, and nothing on the right return', async () => {
    const { out } = await cli([
      'validate',
      '--json',
      '--today',
      '2026-12-01',
      path.join('returns', '甲街道工会.xlsx'),
      path.join('returns', '乙街道工会.xlsx'),
    ]);
    const report = JSON.parse(out.join('\n')) as {
      files: { formFound: boolean; sheets: { problems: { cell: string; severity: string; code: string }[] }[] }[];
    };
    expect(report.files.map((f) => f.formFound)).toEqual([true, true]);
    const errors = (i: number) =>
      report.files[i]?.sheets.flatMap((s) => s.problems.filter((p) => p.severity === 'error').map((p) => `${p.cell}:${p.code}`)) ?? [];
    expect(errors(0)).toEqual([]);
    expect(errors(1)).toEqual([`${written[path.join(returns, '乙街道工会.xlsx')]?.['慰问困难职工/金额（万元）#2']}:integer.approximate`]);
  });

  it('the template computes its 合计 when a spreadsheet opens the return', () => {
    const outDir = path.join(dir, 'recalculated');
    fs.mkdirSync(outDir);
    const [file] = libreOfficeConvert([path.join(returns, '甲街道工会.xlsx')], 'xlsx', outDir);
    const sheet = XLSX.read(fs.readFileSync(file as string), { type: 'buffer' }).Sheets['送温暖慰问情况表'] as XLSX.WorkSheet;
    const cells = written[path.join(returns, '甲街道工会.xlsx')] as Record<string, string>;
    const total = (column: string) => sheet[cells[`${column}#合计`] as string]?.v;
    expect(total('慰问困难职工/人数')).toBe(9);
    expect(total('慰问困难职工/金额（万元）')).toBeCloseTo(0.6, 10);
    expect(total('慰问劳模/人数')).toBe(3);
    expect(total('慰问劳模/金额（万元）')).toBeCloseTo(0.6, 10);
    // 单位名称 has nothing to sum.
    expect(sheet[cells['单位名称#合计'] as string]?.v ?? null).toBeNull();
  });

  it('merge sums both units’ rows; the approximate amount is left out and said', async () => {
    const { code } = await cli(['merge', 'returns', '-o', '汇总.xlsx', '--json', 'report.json', '--today', '2026-12-01']);
    expect(code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
      outputs: { sheet: string; form: string; rows: number }[];
    };
    const list = report.outputs.find((o) => o.form === FORM && o.rows === 5);
    expect(list).toBeDefined();
    const book = XLSX.read(fs.readFileSync(path.join(dir, '汇总.xlsx')), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[list?.sheet as string] as XLSX.WorkSheet, { header: 1 });
    const header = rows.find((r) => r.includes('慰问困难职工 · 人数')) as unknown[];
    const total = rows.find((r) => String(r[0] ?? '').startsWith('合计')) as unknown[];
    const at = (h: string) => total[header.indexOf(h)];
    expect(at('慰问困难职工 · 人数')).toBe(15);
    expect(at('慰问劳模 · 人数')).toBe(4);
    expect(at('慰问劳模 · 金额（万元）')).toBe(0.7);
    expect(String(at('慰问困难职工 · 金额（万元）'))).toMatch(/^1\.1（另有1格不是数字/);
  });

  it('a clerk’s own 合计 row in the list is checked against its rows, measures added as people add them', async () => {
    const { out } = await cli(['validate', '--json', '--today', '2026-12-01', path.join('own-total', '丙街道工会.xlsx')]);
    const report = JSON.parse(out.join('\n')) as {
      files: { sheets: { problems: { cell: string; severity: string; code: string }[] }[] }[];
    };
    const problems = report.files[0]?.sheets.flatMap((s) =>
      s.problems.filter((p) => p.severity !== 'info').map((p) => `${p.cell}:${p.severity}:${p.code}`),
    );
    const cells = written[path.join(dir, 'own-total', '丙街道工会.xlsx')] as Record<string, string>;
    expect(problems).toEqual([
      `${cells['慰问劳模/人数#3']}:warning:read.statedTotal`,
      `${cells['慰问劳模/金额（万元）#3']}:warning:read.statedTotal`,
    ]);
  });
});
