import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { filledFile } from '../support/filled-file';
import { goodApplication } from '../support/filled-form';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-validate-lang-'));
  fs.writeFileSync(
    path.join(dir, 'bad.xlsx'),
    await filledFile('studio-application', { ...goodApplication(), leaderPhone: '5588', postcode: null }),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const problemsIn = (out: string) =>
  (JSON.parse(out) as { files: { sheets: { problems: { code: string; params: object; message: string }[] }[] }[] }).files[0]!.sheets[0]!
    .problems;

describe('union-forms validate: problem codes and --lang (issue 12)', () => {
  it('--json prints each problem’s code and params beside its message (Chinese by default)', async () => {
    const { code, out } = await run(['validate', 'bad.xlsx', '--json', '--today', '2026-11-21']);
    expect(code).toBe(1);
    const problems = problemsIn(out);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'required', params: { label: '邮政编码' }, message: '必填：请填写邮政编码。' }),
      expect.objectContaining({ code: 'phone.format', params: { part: '' }, message: expect.stringMatching(/^电话号码有误/) }),
    ]);
    const keys = Object.keys(problems[0]!);
    expect(keys.indexOf('params')).toBe(keys.indexOf('message') - 1);
  });

  it('--lang en-US prints the problems in English; codes and params stay as they are', async () => {
    const text = await run(['validate', 'bad.xlsx', '--today', '2026-11-21', '--lang', 'en-US']);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/ 邮政编码 \[error\] Required: fill in 邮政编码\./);
    expect(text.out).toMatch(/\[error\] wrong phone number: a mobile number has 11 digits/);
    expect(text.out).not.toMatch(/必填|电话号码有误/);

    const json = await run(['validate', 'bad.xlsx', '--json', '--today', '2026-11-21', '--lang', 'en-US']);
    expect(problemsIn(json.out)).toEqual([
      expect.objectContaining({ code: 'required', params: { label: '邮政编码' }, message: 'Required: fill in 邮政编码.' }),
      expect.objectContaining({ code: 'phone.format', message: expect.stringMatching(/^wrong phone number/) }),
    ]);
  });

  it('--lang zh-CN is the default, and another language is a usage error (exit 2)', async () => {
    const zh = await run(['validate', 'bad.xlsx', '--today', '2026-11-21', '--lang', 'zh-CN']);
    expect(zh.out).toMatch(/ 邮政编码 \[错误\] 必填：请填写邮政编码。/);
    expect(zh.out).toBe((await run(['validate', 'bad.xlsx', '--today', '2026-11-21'])).out);
    const fr = await run(['validate', 'bad.xlsx', '--lang', 'fr-FR']);
    expect(fr.code).toBe(2);
    expect(fr.err).toMatch(/--lang 只能是 zh-CN 或 en-US/);
  });

  it('--help lists --lang', async () => {
    const { out } = await run(['validate', '--help']);
    expect(out).toMatch(/--lang <zh-CN\|en-US>\s+问题说明的语言/);
  });
});
