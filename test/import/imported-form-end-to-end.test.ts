import * as XLSX from '@e965/xlsx';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { sealDefinition } from '../../src/core/definition-envelope';
import type { FormDefinition } from '../../src/core/form-schema';
import { CATALOGUE } from '../../src/notices';

/**
 * Issue 13 §3 end to end, with a form no one wrote code for: a Word notice (python-docx) with a 合理化建议登记表 is
 * imported; its template is filled by openpyxl by its printed labels for three units; in a fresh folder holding
 * only the returns, validate and merge find the form through the definition each return carries.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imported-form-'));
const returns = path.join(dir, 'returns');
const FORM = 'notice-2026-21-1';
let written: Record<string, Record<string, string>> = {};

const python = (script: string, jobs: unknown): Record<string, Record<string, string>> => {
  const file = path.join(dir, `jobs-${Date.now()}-${Math.random()}.json`);
  fs.writeFileSync(file, JSON.stringify(jobs));
  return JSON.parse(execFileSync('/usr/bin/python3', [path.join(__dirname, script), file], { encoding: 'utf8' })) as Record<
    string,
    Record<string, string>
  >;
};

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out, err };
}

const proposal = (name: string, person: string, benefit: number, no: number) => ({
  序号: no,
  建议名称: name,
  建议人姓名: person,
  '预计效益（万元）': benefit,
});

beforeAll(async () => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_new_notice_docx.py'), dir]);
  const imported = await cli(['import', 'proposal-notice.docx', '-o', 'forms']);
  expect(imported).toMatchObject({ code: 0, err: [] });
  fs.mkdirSync(returns);
  const template = path.join(dir, 'forms', `${FORM}.xlsx`);
  const unit = (name: string, values: Record<string, unknown>, rows: unknown[]) => ({
    template,
    out: path.join(returns, `${name}.xlsx`),
    values: { '填报单位：': name, 联系人: '王敏', 联系电话: '021-63211234', ...values },
    list: { rows },
  });
  written = python('fill_imported.py', [
    unit('甲公司工会', { 建议条数: 2, 参与职工人数: 12 }, [proposal('改进焊接夹具', '张伟', 15, 1), proposal('余热回收', '李娜', 30, 2)]),
    unit('乙公司工会', { 建议条数: 1, 参与职工人数: 5 }, [proposal('包装减量', '赵强', 8, 1)]),
    // A wrong number: 人数 typed as words.
    unit('丙公司工会', { 建议条数: 1, 参与职工人数: '十二人' }, [proposal('节水改造', '陈静', 4, 1)]),
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ValidateJson {
  files: {
    file: string;
    formFound: boolean;
    sheets: { form: string | null; problems: { cell: string; severity: string; code: string }[] }[];
  }[];
  definitions: { added: string[]; refused: string[] };
}

describe('an imported form that no one wrote code for', () => {
  it('is not built in: the catalogue does not know it', () => {
    expect(CATALOGUE.findForm(FORM)).toBeUndefined();
  });

  it('validate checks its returns by the definition they carry, and finds the wrong number at its cell', async () => {
    const files = ['甲公司工会.xlsx', '乙公司工会.xlsx', '丙公司工会.xlsx'].map((f) => path.join('returns', f));
    const { code, out } = await cli(['validate', '--json', '--today', '2026-06-10', ...files]);
    const report = JSON.parse(out.join('\n')) as ValidateJson;
    expect(report.definitions).toEqual({ added: [`职工合理化建议登记表（${FORM} 第 1 版）`], refused: [] });
    expect(report.files.map((f) => f.formFound)).toEqual([true, true, true]);
    const errors = (i: number) =>
      report.files[i]?.sheets.flatMap((s) => s.problems.filter((p) => p.severity === 'error').map((p) => p.cell)) ?? [];
    expect([errors(0), errors(1)]).toEqual([[], []]);
    expect(errors(2)).toEqual([written[path.join(returns, '丙公司工会.xlsx')]?.['参与职工人数']]);
    expect(code).toBe(1);

    const text = await cli(['validate', '--today', '2026-06-10', path.join('returns', '丙公司工会.xlsx')]);
    expect(text.out.join('\n')).toMatch(/工作表“职工合理化建议登记表”（职工合理化建议登记表 v1）/);
  });

  it('merge summarises them with a 合计 for the number fields, and the report names the form by its title', async () => {
    const { code, out } = await cli(['merge', 'returns', '-o', '汇总.xlsx', '--json', 'report.json', '--today', '2026-06-10']);
    expect(code).toBe(0);
    expect(out[0]).toBe(`按文件中附带的表格定义合并：职工合理化建议登记表（${FORM} 第 1 版）`);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
      inputs: { file: string; status: string }[];
      outputs: { sheet: string; form: string; rows: number }[];
    };
    expect(report.inputs.map((i) => i.status).sort()).toEqual(['merged', 'merged', 'merged-with-problems']);
    const book = XLSX.read(fs.readFileSync(path.join(dir, '汇总.xlsx')), { type: 'buffer' });
    const record = report.outputs.find((o) => o.form === FORM && o.rows === 3);
    expect(record).toBeDefined();
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[record?.sheet as string] as XLSX.WorkSheet, { header: 1 });
    const header = rows.find((r) => r.includes('建议条数')) as unknown[];
    const total = rows.find((r) => String(r[0] ?? '').startsWith('合计')) as unknown[];
    expect(rows.flat()).toEqual(expect.arrayContaining(['甲公司工会', '乙公司工会', '丙公司工会']));
    expect(total[header.indexOf('建议条数')]).toBe(4);
    const list = report.outputs.find((o) => o.form === FORM && o.rows === 4);
    const listRows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[list?.sheet as string] as XLSX.WorkSheet, { header: 1 });
    const listHeader = listRows.find((r) => r.includes('预计效益（万元）')) as unknown[];
    const listTotal = listRows.find((r) => String(r[0] ?? '').startsWith('合计')) as unknown[];
    expect(listTotal[listHeader.indexOf('预计效益（万元）')]).toBe(57);
    const reportSheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['合并报告'] as XLSX.WorkSheet, { header: 1 });
    expect(JSON.stringify(reportSheet)).toContain('职工合理化建议登记表');
  });

  it('refuses a tampered definition and one the schema rejects, in Chinese, and still merges the rest', async () => {
    const mixed = path.join(dir, 'mixed');
    fs.mkdirSync(mixed);
    for (const f of ['乙公司工会.xlsx', '丙公司工会.xlsx']) fs.copyFileSync(path.join(returns, f), path.join(mixed, f));
    // A label changed by hand in the definition: its checksum no longer matches.
    python('fill_imported.py', [
      { edit: path.join(returns, '甲公司工会.xlsx'), out: path.join(mixed, '甲公司工会.xlsx'), replace: ['建议条数', '建议数量'] },
    ]);
    // A definition sealed with a right checksum but a sheet name Excel would refuse.
    const form = JSON.parse(fs.readFileSync(path.join(dir, 'forms', `${FORM}.json`), 'utf8')) as FormDefinition;
    const bad = sealDefinition({ ...form, id: 'notice-2026-21-9', sheetName: '建议/登记' }, { title: '通知', docNo: '沪工〔2026〕1号' });
    python('fill_imported.py', [{ edit: path.join(returns, '乙公司工会.xlsx'), out: path.join(mixed, '丁公司工会.xlsx'), text: bad }]);

    const alone = await cli(['validate', path.join('mixed', '甲公司工会.xlsx')]);
    expect(alone.code).toBe(1);
    expect(alone.out.join('\n')).toMatch(/表格定义未使用：mixed\/甲公司工会\.xlsx：表格定义的校验值不符/);
    expect(alone.out.join('\n')).toMatch(/没有找到可检查的表格/);

    const { code, out } = await cli(['merge', 'mixed', '-o', '汇总2.xlsx', '--json', 'report2.json', '--today', '2026-06-10']);
    expect(code).toBe(0);
    const notes = out.filter((l) => l.startsWith('表格定义未使用：'));
    expect(notes).toHaveLength(2);
    expect(notes.join('\n')).toMatch(/甲公司工会\.xlsx：表格定义的校验值不符/);
    expect(notes.join('\n')).toMatch(/丁公司工会\.xlsx：表格定义“notice-2026-21-9”不符合规范，未使用：“sheetName”格式不对/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report2.json'), 'utf8')) as {
      inputs: { file: string; status: string }[];
    };
    // 甲's form is still known from the others' definitions; 丁 is 乙's return again (so 乙's is replaced by it).
    expect(report.inputs.map((i) => `${path.basename(i.file)}:${i.status}`).sort()).toEqual([
      '丁公司工会.xlsx:merged',
      '丙公司工会.xlsx:merged-with-problems',
      '乙公司工会.xlsx:replaced',
      '甲公司工会.xlsx:merged',
    ]);
  });
});
