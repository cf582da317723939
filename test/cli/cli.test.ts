import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/main';
import { parseMarker } from '../../src/core/marker';
import { FORM_IDS } from '../../src/notices';
import { snapshotXlsx } from '../support/xlsx-snapshot';

const ROOT = path.join(__dirname, '..', '..');

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out, err };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const filesIn = (d: string) => fs.readdirSync(d).sort();

describe('union-forms templates', () => {
  it('lists one line per form: id, Chinese name, version', async () => {
    const { code, out } = await run(['templates'], dir);
    expect(code).toBe(EXIT_OK);
    expect(out.map((l) => l.split('\t')[0])).toEqual(FORM_IDS);
    expect(out[0]).toBe('festival-project\t第七届上海职工科技节活动项目申报表\tv1');
  });
});

describe('union-forms template <id>', () => {
  it('writes the form with the edition and year asked for', async () => {
    const { code, out, err } = await run(['template', 'festival-stats', '-o', 'stats.xlsx', '--edition', '8', '--year', '2018'], dir);
    expect({ code, err }).toEqual({ code: EXIT_OK, err: [] });
    expect(out).toEqual([`已生成：${path.join(dir, 'stats.xlsx')}`]);
    const sheet = snapshotXlsx(fs.readFileSync(path.join(dir, 'stats.xlsx'))).sheets[0];
    const texts = [...(sheet?.cells.values() ?? [])].map((c) => String(c.value));
    expect(texts).toContain('第八届上海职工科技节活动情况统计表');
    expect(texts).toContain('2. 请于2018年6月1日前报送第八届上海职工科技节组委会办公室');
    expect(parseMarker(sheet?.names.get('UnionForms_Form'))?.params).toMatchObject({ edition: '8', year: '2018' });
  });

  it('makes the list as long as --rows says', async () => {
    expect((await run(['template', 'studio-application', '-o', 'a.xlsx', '--rows', '20'], dir)).code).toBe(EXIT_OK);
    const sheet = snapshotXlsx(fs.readFileSync(path.join(dir, 'a.xlsx'))).sheets[0];
    expect(sheet?.cells.get('A2')?.value).toBe('2020年度上海市工匠（技师、职工、巾帼）创新工作室申请表');
    const headerRow = [...(sheet?.cells.entries() ?? [])].find(([, c]) => c.value === '职称（技能等级）')?.[0];
    const introRow = [...(sheet?.cells.entries() ?? [])].find(([, c]) => String(c.value).startsWith('工作室介绍'))?.[0];
    expect(Number(introRow?.slice(1)) - Number(headerRow?.slice(1))).toBe(21);
  });

  it.each([
    [['template', 'no-such-form', '-o', 'x.xlsx'], /没有编号为“no-such-form”的表格/],
    [['template', 'studio-summary', '-o', 'x.xlsx', '--edition', '8'], /没有 edition 参数/],
    [['template', 'festival-project', '-o', 'x.xlsx', '--edition', 'abc'], /届次“abc”无效/],
    [['template', 'festival-project', '-o', 'x.xlsx', '--colour', 'red'], /未知选项 --colour/],
    [['template', 'festival-project', '-o'], /缺少取值/],
    [['template', 'festival-project'], /请用 -o 指定输出位置/],
    [['template', '-o', 'x.xlsx'], /请指定表格编号/],
    [['template', 'festival-project', 'festival-stats', '-o', 'x.xlsx'], /一次只能指定一个/],
    [['template', 'festival-project', '-o', 'x.pdf'], /应以 \.xlsx 结尾/],
    [['template', 'studio-application', '-o', 'x.xlsx', '--rows', '999'], /1到60/],
    [['frobnicate'], /未知命令“frobnicate”/],
    [['templates', 'extra'], /不需要参数/],
  ])('%j → one Chinese line, exit 2, nothing written', async (args, message) => {
    const { code, err } = await run(args, dir);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^错误：/);
    expect(err[0]).toMatch(message);
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const file = path.join(dir, 'x.xlsx');
    fs.writeFileSync(file, 'the clerk’s own file');
    const refused = await run(['template', 'festival-project', '-o', 'x.xlsx'], dir);
    expect(refused.code).toBe(EXIT_FAILED);
    expect(refused.err[0]).toMatch(/文件已存在.*--force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('the clerk’s own file');
    expect((await run(['template', 'festival-project', '-o', 'x.xlsx', '--force'], dir)).code).toBe(EXIT_OK);
    expect(snapshotXlsx(fs.readFileSync(file)).sheets).toHaveLength(1);
    expect(filesIn(dir)).toEqual(['x.xlsx']);
  });

  it('reports a folder that does not exist and leaves nothing behind', async () => {
    const { code, err } = await run(['template', 'festival-project', '-o', path.join('missing', 'x.xlsx')], dir);
    expect(code).toBe(EXIT_FAILED);
    expect(err[0]).toMatch(/无法写入 .*文件夹不存在/);
    expect(filesIn(dir)).toEqual([]);
  });

  it('reports a target it cannot write over (a folder in the way) and leaves nothing behind', async () => {
    fs.mkdirSync(path.join(dir, 'x.xlsx'));
    const { code, err } = await run(['template', 'festival-project', '-o', 'x.xlsx', '--force'], dir);
    expect(code).toBe(EXIT_FAILED);
    expect(err[0]).toMatch(/^错误：无法写入 .*x\.xlsx：这是一个文件夹。$/);
    expect(filesIn(dir)).toEqual(['x.xlsx']);
    expect(fs.statSync(path.join(dir, 'x.xlsx')).isDirectory()).toBe(true);
  });
});

describe('union-forms template --all', () => {
  it('writes the template pack, one file per form, each carrying its marker', async () => {
    const { code, out } = await run(['template', '--all', '-o', 'pack', '--edition', '8', '--year', '2021'], dir);
    expect(code).toBe(EXIT_OK);
    expect(out).toHaveLength(6);
    const files = filesIn(path.join(dir, 'pack'));
    expect(files).toEqual(
      [
        '第八届上海职工科技节活动项目申报表.xlsx',
        '第八届上海职工科技节活动情况统计表.xlsx',
        '2021年度上海市工匠（技师、职工、巾帼）创新工作室推荐申报汇总表.xlsx',
        '2021年度上海市工匠（技师、职工、巾帼）创新工作室申请表.xlsx',
        '“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表.xlsx',
        '杨浦职工志愿者服务队登记表.xlsx',
      ].sort(),
    );
    const ids = files.map(
      (f) => parseMarker(snapshotXlsx(fs.readFileSync(path.join(dir, 'pack', f))).sheets[0]?.names.get('UnionForms_Form'))?.formId,
    );
    expect(ids.sort()).toEqual([...FORM_IDS].sort());
  });

  it('writes none of the pack when one file is in the way', async () => {
    fs.mkdirSync(path.join(dir, 'pack'));
    fs.writeFileSync(path.join(dir, 'pack', '杨浦职工志愿者服务队登记表.xlsx'), 'keep me');
    const { code, err } = await run(['template', '--all', '-o', 'pack'], dir);
    expect(code).toBe(EXIT_FAILED);
    expect(err[0]).toMatch(/文件已存在/);
    expect(filesIn(path.join(dir, 'pack'))).toEqual(['杨浦职工志愿者服务队登记表.xlsx']);
  });
});

describe('npx union-forms from the repository root', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js'))) {
      execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
    }
  }, 120_000);

  it('runs the installed command with its exit codes', () => {
    const ok = spawnSync('npx', ['--no-install', 'union-forms', 'templates'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(6);
    const bin = path.join(ROOT, 'bin', 'union-forms.js');
    const bad = spawnSync('node', [bin, 'template', 'nope', '-o', path.join(dir, 'x.xlsx')], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(EXIT_USAGE);
    expect(bad.stderr).toMatch(/错误：没有编号为“nope”的表格/);
    const written = spawnSync('node', [bin, 'template', 'festival-project', '-o', path.join(dir, 'p.xlsx')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(written.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'p.xlsx'))).toBe(true);
  }, 60_000);
});
