import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { filledFile } from '../support/filled-file';
import { goodApplication } from '../support/filled-form';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-validate-'));
  fs.writeFileSync(path.join(dir, 'good.xlsx'), await filledFile('studio-application', goodApplication(), {}, '说明'));
  fs.writeFileSync(
    path.join(dir, 'bad.xlsx'),
    await filledFile('studio-application', { ...goodApplication(), leaderPhone: '5588', postcode: null }),
  );
  fs.writeFileSync(
    path.join(dir, 'warn.xlsx'),
    await filledFile('studio-application', { ...goodApplication(), introduction: '短'.repeat(100) }),
  );
  fs.writeFileSync(path.join(dir, 'notes.txt.xlsx'), '这不是表格');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out: out.join('\n'), err };
}

describe('union-forms validate', () => {
  it('a complete return: exit 0, and says so', async () => {
    const { code, out } = await run(['validate', 'good.xlsx', '--today', '2026-11-21']);
    expect(code).toBe(0);
    expect(out).toMatch(/good\.xlsx：1 张表格：0 个错误，0 个警告/);
    expect(out).toMatch(/没有发现问题/);
  });

  it('errors: exit 1, each problem with its cell, label, severity and how to fix it', async () => {
    const { code, out } = await run(['validate', 'bad.xlsx', '--json', '--today', '2026-11-21']);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json).toEqual({
      files: [
        {
          file: 'bad.xlsx',
          status: 'problems',
          message: expect.stringMatching(/2 个错误/),
          formFound: true,
          sheets: [
            {
              sheet: '工作室申请表',
              form: 'studio-application',
              title: '工作室申请表',
              version: 1,
              problems: [
                expect.objectContaining({
                  cell: 'E8',
                  field: 'postcode',
                  label: '邮政编码',
                  severity: 'error',
                  message: '必填：请填写邮政编码。',
                }),
                expect.objectContaining({
                  cell: 'F12',
                  field: 'leaderPhone',
                  label: '联系方式',
                  severity: 'error',
                  message: expect.stringMatching(/^电话号码有误/),
                }),
              ],
            },
          ],
        },
      ],
    });
    for (const p of json.files[0].sheets[0].problems)
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['cell', 'field', 'label', 'severity', 'message']));
  });

  it('warnings only: exit 0', async () => {
    const { code, out } = await run(['validate', 'warn.xlsx', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).files[0].sheets[0].problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'introduction' })]);
  });

  it('a sheet that is no form is listed with form null', async () => {
    const json = JSON.parse((await run(['validate', 'good.xlsx', '--json'])).out);
    expect(json.files[0].sheets[1]).toEqual({
      sheet: '说明',
      form: null,
      version: null,
      problems: [],
      message: expect.stringMatching(/^不是本系统的官方表格/),
    });
  });

  it('a file it cannot read: exit 2, a Chinese verdict, and the other files are still checked', async () => {
    const { code, out } = await run(['validate', 'notes.txt.xlsx', 'missing.xlsx', 'bad.xlsx', '--json']);
    expect(code).toBe(2);
    const files = JSON.parse(out).files;
    expect(files.map((f: { status: string }) => f.status)).toEqual(['unreadable', 'unreadable', 'problems']);
    expect(files[0].message).toBe('不是 Excel 文件（.xlsx/.xls），无法读取。');
    expect(files[1].message).toBe('找不到文件。');
  });

  it.each([
    [['validate'], /请指定要检查的文件/],
    [['validate', 'a.xlsx', '--colour'], /未知选项 --colour/],
    [['validate', 'a.xlsx', '--today', 'tomorrow'], /--today 应为/],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err[0]).toMatch(message);
  });
});
